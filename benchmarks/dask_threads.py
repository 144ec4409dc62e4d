"""Dask over NumPy chunks vs Dask over gilfree chunks, on the same graphs (issue 16), in one run:

    ./gilfree --runtime cpython benchmarks/dask_threads.py [--n 4000] [--chunk 1000] [--repeat 5]

Graphs, on an n x n float64 array in chunk x chunk blocks (from_array of data in memory):
  - elementwise chain: sum(exp(-x*x/n^2) * 2 + sin(x) * x - sqrt(|x|)), one pass per chunk then a tree sum;
  - reduction: std over axis 0 (several reductions per chunk, combined in a tree);
  - block matmul: (x @ x.T).sum(axis=0) on a quarter-size array (blocks multiplied, then summed).
Schedulers: Dask's threaded scheduler (one thread per core) and its processes scheduler (one process per
core). NumPy's ufuncs hold the GIL, so NumPy chunks on threads run about one at a time (its matmul is BLAS
and releases it); gilfree releases it in every kernel. The processes scheduler pays for pickling every chunk
to and from its pool; it cannot run gilfree chunks, because a process pool cannot start an embedded JVM
runtime (gilfree's process-level parallelism is dask.distributed with gilfree.dask_worker processes, see
docs/scale-out.md), so its column is NumPy's alone.
gilfree runs each chunk's operation on its calling thread here (set_num_threads(1)): Dask's threads are the
parallelism. Times are the best and the median of --repeat runs after one warm-up run.
"""
import argparse
import multiprocessing
import os
import shutil
import statistics
import time

import dask
import dask.array as da
import numpy as np


def _plain_python():
    """build/venv's python: the launcher puts its site-packages first on PYTHONPATH (lib/python3.X/site-packages)."""
    site = os.environ.get("PYTHONPATH", "").split(os.pathsep)[0]
    exe = os.path.normpath(os.path.join(site, "..", "..", "..", "bin", "python"))
    return exe if os.path.exists(exe) else shutil.which("python3")


def _graphs(x, n):
    chain = (da.exp(-(x * x) / float(n) ** 2) * 2 + da.sin(x) * x - da.sqrt(abs(x))).sum()
    red = x.std(axis=0)
    q = x[: n // 2, : n // 2]
    mm = (q @ q.T).sum(axis=0)
    return {"elementwise chain": chain, "reduction (std axis 0)": red, "block matmul (n/2)": mm}


def _time(graph, scheduler, repeat):
    dask.compute(graph, scheduler=scheduler)  # warm-up: pools started, JIT compiled
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        dask.compute(graph, scheduler=scheduler)
        runs.append(time.perf_counter() - t)
    return min(runs), statistics.median(runs)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--n", type=int, default=4000)
    p.add_argument("--chunk", type=int, default=1000)
    p.add_argument("--repeat", type=int, default=5)
    args = p.parse_args()
    import gilfree as gf  # here, not at the top: process-pool children import this file and have no gilfree
    gf.set_num_threads(1)
    cores = os.cpu_count()
    # The process pool runs NumPy chunks in the environment's plain CPython (the embedded one has no executable).
    multiprocessing.set_executable(_plain_python())
    base = np.random.default_rng(7).standard_normal((args.n, args.n)) * 3
    xn = da.from_array(base, chunks=args.chunk)
    xg = da.from_array(gf.asarray(base.copy()), chunks=args.chunk)
    gn, gg = _graphs(xn, args.n), _graphs(xg, args.n)
    print(f"{args.n}x{args.n} float64 ({base.nbytes / 2**20:.0f} MiB) in {args.chunk}x{args.chunk} chunks, "
          f"{cores} cores, best/median of {args.repeat}")
    print()
    print("| graph | NumPy chunks, threads | NumPy chunks, processes | gilfree chunks, threads "
          "| gilfree threads vs NumPy threads | gilfree threads vs NumPy processes |")
    print("| --- | --- | --- | --- | --- | --- |")
    with dask.config.set({"num_workers": cores}):
        for name in gn:
            got, want = dask.compute(gg[name], gn[name], scheduler="threads")
            np.testing.assert_allclose(np.asarray(got), want, rtol=1e-9)  # same graph, same answer
            nt = _time(gn[name], "threads", args.repeat)
            npr = _time(gn[name], "processes", args.repeat)
            gt = _time(gg[name], "threads", args.repeat)
            fmt = lambda t: f"{t[0] * 1e3:.0f} / {t[1] * 1e3:.0f} ms"  # noqa: E731
            print(f"| {name} | {fmt(nt)} | {fmt(npr)} | {fmt(gt)} | {nt[0] / gt[0]:.2f}x | {npr[0] / gt[0]:.2f}x |",
                  flush=True)


if __name__ == "__main__":
    main()
