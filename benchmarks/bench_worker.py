"""One benchmark process: runs the workloads with one array module on the runtime it was started on and
writes JSON. Started by benchmarks/harness.py; not meant to be run by hand (but it can be).

    bench_worker.py --lib gilfree|numpy --json OUT [--size N] [--threads-max K] [--pool thread|process]
"""
import argparse
import json
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import workloads  # noqa: E402


def scaling(xp, pool, threads_max, size, steps):
    """(e) wall time of k workers each running the scaling workload on its own array, k = 1..threads_max."""
    # gilfree: each operation on its calling thread, like NumPy's ufuncs, so the figure is the Python
    # threads' own scaling (a large operation would otherwise also split across cores by itself).
    one_thread = getattr(xp, "set_num_threads", None)
    before = xp.get_num_threads() if one_thread else None
    if one_thread:
        one_thread(1)
    try:
        if pool != "process":
            # JIT runtimes compile in background threads that compete with the measured ones: warm up first
            # (GraalPy's compiler is itself still being compiled for tens of seconds on 2 cores).
            seconds = 10.0 if getattr(xp, "runtime", "") == "graalpy" else 2.0
            t0 = time.perf_counter()
            while time.perf_counter() - t0 < seconds:
                _scaling_threads(xp, threads_max, size, steps // 4, repeats=1)
                _scaling_threads(xp, 1, size, steps // 4, repeats=1)
        results = {}
        for k in range(1, threads_max + 1):
            if pool == "process":
                results[k] = _scaling_processes(k, size, steps)
            else:
                results[k] = _scaling_threads(xp, k, size, steps)
        return results
    finally:
        if one_thread:
            one_thread(before)


def _scaling_threads(xp, k, size, steps, repeats=5):
    arrays = [xp.arange(size, dtype=xp.float64) / size for _ in range(k)]
    barrier = threading.Barrier(k + 1)

    def body(x):
        barrier.wait()
        workloads.scaling_step(xp, x, steps)

    best = None
    for _ in range(repeats):
        ts = [threading.Thread(target=body, args=(x,)) for x in arrays]
        for t in ts:
            t.start()
        barrier.wait()
        t0 = time.perf_counter()
        for t in ts:
            t.join()
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    return best


def _numpy_process_job(args):
    size, steps = args
    import numpy as np
    x = np.arange(size, dtype=np.float64) / size
    workloads.scaling_step(np, x, steps)
    return float(x[0])


_POOLS = {}


def _scaling_processes(k, size, steps):
    from concurrent.futures import ProcessPoolExecutor
    pool = _POOLS.get(k)
    if pool is None:
        pool = _POOLS[k] = ProcessPoolExecutor(k)
        list(pool.map(_numpy_process_job, [(size, 10)] * k))  # start the workers before timing
    best = None
    for _ in range(3):
        t0 = time.perf_counter()
        list(pool.map(_numpy_process_job, [(size, steps)] * k))
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    return best


def copy_bandwidth(n):
    """Bytes per second of a plain memory copy (read + write), NumPy's copyto: the machine's memory limit."""
    import numpy as np
    src = np.arange(n, dtype=np.float64)
    dst = np.empty_like(src)
    t = workloads.timed(lambda: np.copyto(dst, src), repeats=7)
    return 2 * src.nbytes / t


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--lib", choices=("gilfree", "numpy"), required=True)
    p.add_argument("--json", required=True)
    p.add_argument("--size", type=int, default=10_000_000)
    p.add_argument("--threads-max", type=int, default=os.cpu_count() or 2)
    p.add_argument("--pool", choices=("thread", "process"), default="thread")
    p.add_argument("--scaling-size", type=int, default=200_000)
    p.add_argument("--scaling-steps", type=int, default=400)
    p.add_argument("--parts", default="elementwise,latency,scaling,matmul,fft,bandwidth")
    args = p.parse_args()
    parts = set(args.parts.split(","))
    if args.lib == "gilfree":
        import gilfree as xp
        runtime = f"gilfree on {xp.runtime}"
    else:
        import numpy as xp
        runtime = f"numpy {xp.__version__} ({args.pool} pool)"
    res = {"label": runtime, "python": sys.version.split()[0], "implementation": sys.implementation.name}
    t0 = time.perf_counter()
    if args.lib == "gilfree":
        # JIT warm-up: one unmeasured pass first, so the figures are steady-state ones (warm-up itself:
        # benchmarks/warmup.py, docs/performance.md). GraalPy needs it most: its compiler threads
        # (jargraal, itself still being compiled) take a core for tens of seconds after start.
        if "elementwise" in parts:
            workloads.elementwise(xp, args.size)
        if "latency" in parts:
            workloads.latency(xp)
        res["warm_pass_seconds"] = time.perf_counter() - t0
    if "elementwise" in parts:
        res["elementwise"] = workloads.elementwise(xp, args.size)
    if "latency" in parts:
        res["latency"] = workloads.latency(xp)
    if "scaling" in parts:
        res["scaling"] = scaling(xp, args.pool, args.threads_max, args.scaling_size, args.scaling_steps)
    if "matmul" in parts:
        res["matmul"] = workloads.matmul(xp)
    if "fft" in parts:
        res["fft"] = workloads.fft(xp)
    if "bandwidth" in parts:
        res["copy_bandwidth"] = copy_bandwidth(args.size)
    res["seconds"] = time.perf_counter() - t0
    with open(args.json, "w") as f:
        json.dump(res, f, indent=1)
    for pool in _POOLS.values():
        pool.shutdown()


if __name__ == "__main__":
    main()
