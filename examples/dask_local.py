"""gilfree arrays as Dask chunks on one machine, with Dask's threaded scheduler (CPython runtime):

    ./gilfree --runtime cpython examples/dask_local.py

The same graph over NumPy chunks and over gilfree chunks; both answers agree, the gilfree one is a gilfree
array (every chunk stayed gilfree), and each chunk's work runs with the GIL released.
"""
import time

import dask
import dask.array as da
import numpy as np

import gilfree as gf


def kind(r):
    """numpy.ndarray, gilfree.ndarray, gilfree.float64, ...: whose type a result is."""
    return f"{type(r).__module__.split('.')[0]}.{type(r).__name__}"

gf.set_num_threads(1)  # Dask's threads are the parallelism: one core per chunk operation

data = np.random.default_rng(0).standard_normal((4000, 4000))
graphs = {}
for name, x in (("NumPy", da.from_array(data, chunks=1000)),
                ("gilfree", da.from_array(gf.asarray(data.copy()), chunks=1000))):
    y = da.sin(x) ** 2 + da.cos(x) ** 2 - 1 + x / 10  # element-wise chain
    graphs[name] = (y.mean(axis=0), (x[:2000, :2000] @ x[:2000, :2000].T).max(), x.argmax(axis=1))

results = {}
for name, graph in graphs.items():
    dask.compute(*graph, scheduler="threads")  # warm-up
    t = time.perf_counter()
    results[name] = dask.compute(*graph, scheduler="threads")
    print(f"{name:8s} chunks, threaded scheduler: {time.perf_counter() - t:.3f} s; "
          f"result types {[kind(r) for r in results[name]]}")

for got, want in zip(results["gilfree"], results["NumPy"]):
    np.testing.assert_allclose(np.asarray(got), want, rtol=1e-9)
assert all(isinstance(r, (gf.ndarray, gf.generic)) for r in results["gilfree"])
print("same answers; the gilfree graph computed gilfree arrays")

with dask.config.set({"array.backend": "gilfree"}):  # Dask's creation functions make gilfree chunks
    ones = da.ones((1000, 1000), chunks=250)
print("da.ones under the gilfree backend:", type(ones._meta).__name__, "sum =", float(ones.sum().compute()))
