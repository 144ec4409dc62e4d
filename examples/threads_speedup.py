"""Python threads doing array work in parallel: the same workload in 1 thread, then in N threads.

Each thread owns its arrays (the case NumPy's thread-safety page says scales): it runs exp into a
preallocated output, an in-place add and a small scalar update that reads a reduction, NumPy's
ufunc-scaling workload. The engine releases the GIL for each call, so N threads should take about
as long as one thread doing 1/N of the work.

    ./gilfree examples/threads_speedup.py [--threads N] [--size ELEMENTS] [--steps STEPS]
    ./gilfree --runtime cpython examples/threads_speedup.py
"""
import argparse
import os
import sys
import threading
import time

import gilfree as gf


def workload(size, steps):
    a = gf.arange(size, dtype=gf.float64) / size
    o = gf.empty(size)
    for _ in range(steps):
        gf.exp(a, out=o)
        a += 0.01
        a[0] += a.mean() * 0.01
    return float(o[0])


def run_threads(n, size, steps):
    """Wall time of n threads each running the workload once (started together at a barrier)."""
    barrier = threading.Barrier(n + 1)
    results = [None] * n

    def body(i):
        barrier.wait()
        results[i] = workload(size, steps)

    threads = [threading.Thread(target=body, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    barrier.wait()
    start = time.perf_counter()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    assert all(r == results[0] for r in results), "threads disagree on identical work"
    return elapsed


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--threads", type=int, default=os.cpu_count() or 2)
    p.add_argument("--size", type=int, default=200_000)
    p.add_argument("--steps", type=int, default=300)
    p.add_argument("--repeats", type=int, default=3)
    args = p.parse_args()
    n = args.threads

    # Warm-up: let the JIT compile the Python and Java paths before timing.
    run_threads(1, args.size, args.steps // 3)
    run_threads(n, args.size, args.steps // 3)

    serial, parallel = [], []
    for _ in range(args.repeats):
        # The same total work: n workloads one after another in one thread, then n threads at once.
        start = time.perf_counter()
        for _ in range(n):
            workload(args.size, args.steps)
        serial.append(time.perf_counter() - start)
        parallel.append(run_threads(n, args.size, args.steps))
    best_serial, best_parallel = min(serial), min(parallel)
    print(f"gilfree {gf.__version__} on {gf.runtime} ({sys.implementation.name} {sys.version.split()[0]}), "
          f"{os.cpu_count()} cores")
    print(f"workload: {n} x (exp into out=, a += 0.01, a[0] += a.mean()*0.01) x {args.steps} steps "
          f"on {args.size:,} float64 elements")
    print(f"1 thread : {best_serial:.3f} s")
    print(f"{n} threads: {best_parallel:.3f} s")
    print(f"speedup  : {best_serial / best_parallel:.2f}x with {n} threads (ideal {n}.00x)")


if __name__ == "__main__":
    main()
