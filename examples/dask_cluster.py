"""A dask.distributed cluster of gilfree workers on this machine (CPython runtime):

    ./gilfree --runtime cpython examples/dask_cluster.py [--workers 2] [--n 6000]

Starts a scheduler in this process (it unpickles graphs holding gilfree arrays, so it runs gilfree too) and
worker processes, each a CPython/jep runtime started through ./gilfree as `-m gilfree.dask_worker`. Then the
same multi-chunk graph over NumPy chunks and over gilfree chunks: chunks travel between the processes as
raw buffers (zero-copy serialization on both ends), and the times are printed side by side.
See docs/scale-out.md for workers on other machines.
"""
import argparse
import os
import pathlib
import subprocess
import time

import dask.array as da
import numpy as np
from distributed import Client, LocalCluster

import gilfree as gf

ROOT = pathlib.Path(__file__).resolve().parents[1]


def kind(r):
    """numpy.ndarray, gilfree.ndarray, gilfree.float64, ...: whose type a result is."""
    return f"{type(r).__module__.split('.')[0]}.{type(r).__name__}"


def start_worker(address, name, threads):
    """One gilfree worker process through the launcher (the jars are built already: no rebuild check)."""
    return subprocess.Popen([str(ROOT / "gilfree"), "--runtime", "cpython", "-m", "gilfree.dask_worker", address,
                             "--nthreads", str(threads), "--name", name],
                            env=dict(os.environ, GILFREE_NO_BUILD="1", GILFREE_NUM_THREADS="1"))


def wait_for(client, workers, timeout):
    """Until every worker process has joined; fails at once when one of them exits instead."""
    deadline = time.monotonic() + timeout
    while len(client.scheduler_info()["workers"]) < len(workers):
        dead = [w.args for w in workers if w.poll() is not None]
        if dead or time.monotonic() > deadline:
            raise RuntimeError(f"worker did not start: {dead or 'timeout'}")
        time.sleep(0.2)


def graph(x, n):
    y = da.exp(-(x * x) / 9) + da.sqrt(abs(x))  # element-wise
    q = x[: n // 2, : n // 2]
    return y.sum(axis=0), (q @ q.T).mean(axis=1), x.std()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--threads", type=int, default=1, help="threads per worker")
    p.add_argument("--n", type=int, default=6000)
    args = p.parse_args()
    cluster = LocalCluster(n_workers=0, processes=False, protocol="tcp", host="127.0.0.1", dashboard_address=None)
    print("scheduler at", cluster.scheduler_address)
    workers = [start_worker(cluster.scheduler_address, f"gilfree-{i}", args.threads) for i in range(args.workers)]
    try:
        with Client(cluster) as client:
            wait_for(client, workers, timeout=180)
            print(f"{args.workers} gilfree workers:", sorted(w["name"] for w in client.scheduler_info()["workers"].values()))
            chunk = args.n // 6
            # Generated on the workers (Dask's generator, NumPy chunks), so no data travels in the graph; the
            # gilfree copy is made there too, chunk by chunk (to_backend wraps each NumPy chunk, no copy).
            data = client.persist(da.random.default_rng(1).standard_normal((args.n, args.n), chunks=chunk))
            times, answers = {}, {}
            for name, x in (("NumPy", data), ("gilfree", client.persist(data.to_backend("gilfree")))):
                g = graph(x, args.n)
                client.compute(g, sync=True)  # warm-up
                t = time.perf_counter()
                answers[name] = client.compute(g, sync=True)
                times[name] = time.perf_counter() - t
                print(f"{name:8s} chunks ({(args.n // chunk) ** 2} of {chunk}x{chunk}): {times[name]:.3f} s, "
                      f"results {[kind(r) for r in answers[name]]}")
            for got, want in zip(answers["gilfree"], answers["NumPy"]):
                np.testing.assert_allclose(np.asarray(got), want, rtol=1e-9)
            print(f"same answers; gilfree / NumPy time: {times['gilfree'] / times['NumPy']:.2f}")
    finally:
        for w in workers:
            w.terminate()
        for w in workers:
            w.wait(timeout=30)
        cluster.close()


if __name__ == "__main__":
    main()
