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
    p.add_argument("--rounds", type=int, default=7, help="measured rounds (each: 1 thread, then N threads)")
    p.add_argument("--warmup", type=float, default=None,
                   help="seconds of warm-up before measuring (default 3; 10 on GraalPy, whose JIT compiles "
                        "in background threads that compete with the measured ones on a small machine)")
    args = p.parse_args()
    n = args.threads
    # Each operation on its calling thread: the speedup shown is the Python threads' alone (by default a
    # large operation also splits across cores by itself, which would speed up the 1-thread run too).
    gf.set_num_threads(1)
    warmup = args.warmup if args.warmup is not None else (10.0 if gf.runtime == "graalpy" else 3.0)

    print(f"gilfree {gf.__version__} on {gf.runtime} ({sys.implementation.name} {sys.version.split()[0]}), "
          f"{os.cpu_count()} cores; warming up for {warmup:.0f} s", flush=True)
    start = time.perf_counter()
    while time.perf_counter() - start < warmup:
        workload(args.size, args.steps // 3)
        run_threads(n, args.size, args.steps // 3)

    # Each round runs the same total work twice, back to back: n workloads one after another in one
    # thread, then n threads at once. Pairing them means both halves of a round see the same machine.
    serial, parallel = [], []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for _ in range(n):
            workload(args.size, args.steps)
        serial.append(time.perf_counter() - t0)
        parallel.append(run_threads(n, args.size, args.steps))
    ratios = sorted(s / q for s, q in zip(serial, parallel))
    print(f"workload: {n} x (exp into out=, a += 0.01, a[0] += a.mean()*0.01) x {args.steps} steps "
          f"on {args.size:,} float64 elements, {args.rounds} rounds, gf.set_num_threads(1)")
    print(f"1 thread : {min(serial):.3f} s (best round)")
    print(f"{n} threads: {min(parallel):.3f} s (best round)")
    print(f"speedup  : {ratios[len(ratios) // 2]:.2f}x with {n} threads (median of the rounds; "
          f"range {ratios[0]:.2f}-{ratios[-1]:.2f}; ideal {n}.00x)")


if __name__ == "__main__":
    main()
