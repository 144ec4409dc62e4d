"""gilfree arrays as Dask chunks (issue 16), on the CPython/jep runtime.

Conformance: the same Dask graphs over gilfree chunks and over NumPy chunks give the same values, dtypes and
shapes, and the gilfree graph's chunks and result stay gilfree arrays. Serialization: gf.ndarray goes through
dask.distributed's serializers as one buffer, both ways without a copy. Cluster: a scheduler and two worker
processes started through the launcher compute a multi-chunk graph; a worker killed mid-computation does not
change the result, and a task's exception reaches the client.

GraalPy has neither NumPy nor Dask's compiled dependencies: the whole module is skipped there.
"""
import os
import pathlib
import signal
import subprocess
import sys
import time

import pytest

import gilfree as gf

np = pytest.importorskip("numpy", reason="Dask needs NumPy: CPython/jep runtime only (GraalPy cannot load it)")
da = pytest.importorskip("dask.array", reason="Dask runs on the CPython/jep runtime only")
dask = pytest.importorskip("dask")

pytestmark = pytest.mark.thread_unsafe(reason="Dask's scheduler pools and config, and worker processes, are per process")

_ROOT = pathlib.Path(__file__).resolve().parents[2]


def _pair(shape=(12, 10), chunks=(5, 4), dtype="float64", start=0):
    n = int(np.prod(shape))
    base = (np.arange(n, dtype="int64") % 23 - 7 + start).reshape(shape).astype(dtype)
    return da.from_array(gf.asarray(base.copy()), chunks=chunks), da.from_array(base, chunks=chunks)


GRAPHS = {
    "elementwise chain": lambda x, m: (x * 2 - 1) / 3 + x ** 2,
    "ufunc via numpy": lambda x, m: np.sqrt(abs(x)) + np.exp(x / 40),
    "dask ufunc": lambda x, m: da.sin(x) * da.cos(x),
    "comparison and where": lambda x, m: da.where(x > 3, x, -x),
    "sum": lambda x, m: x.sum(),
    "sum axis 0": lambda x, m: x.sum(axis=0),
    "mean axis 1": lambda x, m: x.mean(axis=1),
    "std": lambda x, m: x.std(),
    "var axis 0": lambda x, m: x.var(axis=0),
    "max axis 1": lambda x, m: x.max(axis=1),
    "min": lambda x, m: x.min(),
    "prod axis 0": lambda x, m: (x / 20 + 1).prod(axis=0),
    "argmax axis 1": lambda x, m: x.argmax(axis=1),
    "argmin": lambda x, m: x.argmin(),
    "nanmean": lambda x, m: da.nanmean(da.where(x > 10, np.nan, x), axis=0),
    "cumsum axis 1": lambda x, m: x.cumsum(axis=1),
    "any": lambda x, m: (x > 14).any(axis=0),
    "matmul": lambda x, m: x @ x.T,
    "tensordot": lambda x, m: da.tensordot(x, x, axes=([0], [0])),
    "einsum": lambda x, m: da.einsum("ij,ij->i", x, x),
    "slicing": lambda x, m: x[2:11:3, ::-2],
    "fancy indexing": lambda x, m: x[[0, 7, 3, 11]],
    "boolean mask": lambda x, m: x[x > 5],
    "rechunk": lambda x, m: x.rechunk((3, 10)),
    "transpose and reshape": lambda x, m: x.T.reshape(120),
    "concatenate": lambda x, m: da.concatenate([x, x + 1], axis=1),
    "stack": lambda x, m: da.stack([x, x * 2]),
    "astype": lambda x, m: x.astype("float32") + 1,
    "map_blocks": lambda x, m: x.map_blocks(lambda b: b * b + 1),
    "percentile": lambda x, m: da.percentile(x.ravel(), [5, 50, 95]),
    "topk": lambda x, m: da.topk(x.ravel(), 4),
}


@pytest.mark.parametrize("name", list(GRAPHS))
def test_graph_matches_dask_over_numpy(name):
    g, n = _pair()
    out_g, out_n = GRAPHS[name](g, gf), GRAPHS[name](n, np)
    got, want = out_g.compute(scheduler="threads"), out_n.compute(scheduler="threads")
    assert isinstance(got, (gf.ndarray, gf.generic)), type(got)  # stayed gilfree end to end
    got_np = np.asarray(got)
    assert got_np.dtype == np.asarray(want).dtype
    assert got_np.shape == np.shape(want)
    np.testing.assert_allclose(got_np, want, rtol=1e-12, atol=0)


@pytest.mark.parametrize("name", ["elementwise chain", "sum axis 0", "matmul", "rechunk", "fancy indexing"])
def test_every_chunk_is_a_gilfree_array(name):
    g, _ = _pair()
    out = GRAPHS[name](g, gf)
    assert isinstance(out._meta, gf.ndarray)
    blocks = dask.compute(*out.to_delayed().ravel(), scheduler="threads")
    assert blocks and all(type(b) is gf.ndarray for b in blocks), {type(b) for b in blocks}


@pytest.mark.parametrize("dtype", ["int64", "int32", "float32", "complex128", "bool"])
def test_dtypes_follow_dask_over_numpy(dtype):
    g, n = _pair(dtype=dtype, start=8)
    for f in (lambda x: x + x, lambda x: x.sum(axis=1), lambda x: x.max(), lambda x: x[::2].T):
        got, want = f(g), f(n)
        assert got.dtype == want.dtype
        r = got.compute(scheduler="sync")
        assert np.asarray(r).dtype == np.asarray(want.compute()).dtype
        np.testing.assert_array_equal(np.asarray(r), want.compute())


def test_numpy_functions_on_a_dask_array_of_gilfree_chunks():
    g, n = _pair()
    got = np.mean(g, axis=0).compute()  # NEP 18 on the Dask array, then on each gilfree chunk
    assert isinstance(got, gf.ndarray)
    np.testing.assert_allclose(np.asarray(got), np.mean(n, axis=0).compute())


def test_dask_array_plus_gilfree_array_stays_lazy_and_gilfree():
    g, n = _pair()
    other = gf.arange(10.0)
    out = g + other  # Dask defers to nothing: gf.ndarray is a registered chunk type
    assert isinstance(out, da.Array)
    got = out.compute()
    assert isinstance(got, gf.ndarray)
    np.testing.assert_array_equal(np.asarray(got), (n + np.arange(10.0)).compute())


def test_asarray_keeps_gilfree_data_gilfree():
    a = gf.arange(24.0).reshape(4, 6)
    x = da.asarray(a, chunks=(2, 3))
    assert isinstance(x._meta, gf.ndarray)
    got = (x * 2).compute()
    assert isinstance(got, gf.ndarray)
    assert got.tolist() == (a * 2).tolist()


def test_compute_of_from_array_is_the_same_data():
    a = gf.arange(30, dtype="int32").reshape(5, 6)
    got = da.from_array(a, chunks=2).compute()
    assert isinstance(got, gf.ndarray) and got.dtype == gf.int32 and got.tolist() == a.tolist()


def test_graph_keys_come_from_the_data():
    a = gf.arange(12.0)
    assert da.from_array(a, chunks=4).name == da.from_array(gf.arange(12.0), chunks=4).name
    assert da.from_array(a, chunks=4).name != da.from_array(gf.arange(12.0) + 1, chunks=4).name
    assert da.from_array(a, chunks=4).name != da.from_array(gf.arange(12.0, dtype="float32"), chunks=4).name


def test_sizeof_counts_the_bytes():
    from dask.sizeof import sizeof
    assert sizeof(gf.zeros((100, 10), dtype="float32")) == 4000


def test_to_numpy_backend_and_gilfree_backend():
    g, n = _pair()
    as_np = g.to_backend("numpy")
    assert isinstance(as_np._meta, np.ndarray) and isinstance(as_np.compute(), np.ndarray)
    back = n.to_backend("gilfree")
    assert isinstance(back._meta, gf.ndarray)
    got = back.sum(axis=0).compute()
    assert isinstance(got, gf.ndarray)
    np.testing.assert_array_equal(np.asarray(got), n.sum(axis=0).compute())
    with dask.config.set({"array.backend": "gilfree"}):
        ones = da.ones((6, 4), chunks=(4, 3), dtype="int32")
        r = da.arange(10, chunks=3)
        f = da.full((3, 3), 2.5, chunks=2)
    assert isinstance(ones._meta, gf.ndarray) and isinstance(ones.compute(), gf.ndarray)
    assert ones.compute().dtype == gf.int32 and int(ones.sum().compute()) == 24
    assert isinstance(r.compute(), gf.ndarray) and r.compute().tolist() == list(range(10))
    assert f.compute().tolist() == [[2.5] * 3] * 3


def test_einsum_and_divide_dispatch_to_gilfree():
    from dask.array.dispatch import divide_lookup, einsum_lookup, percentile_lookup, tensordot_lookup
    assert tensordot_lookup.dispatch(gf.ndarray) is gf.tensordot
    assert divide_lookup.dispatch(gf.ndarray) is gf.divide
    a = gf.arange(6.0).reshape(2, 3)
    assert einsum_lookup.dispatch(gf.ndarray)("ij->j", a, dtype=None, casting="safe").tolist() == [3.0, 5.0, 7.0]
    vals, n = percentile_lookup.dispatch(gf.ndarray)(gf.arange(11.0), [0, 50, 100])
    assert n == 11 and vals.tolist() == [0.0, 5.0, 10.0]
    assert percentile_lookup.dispatch(gf.ndarray)(gf.zeros(0), [50]) == (None, 0)


def test_dtypes_cross_between_numpy_and_gilfree():
    # What Dask does with a chunk's dtype: np.dtype(x.dtype), np.dtype(scalar), and back as gilfree's dtype=.
    assert np.dtype(gf.dtype("float32")) == np.float32 and np.dtype(gf.int16(3)) == np.int16
    assert gf.dtype(np.dtype("complex64")) == gf.complex64 and gf.dtype(np.uint8) == gf.uint8
    assert gf.zeros(2, dtype=np.dtype("int32")).dtype == gf.int32
    with pytest.raises(TypeError):
        gf.dtype(np.dtype(">f8"))  # gilfree has native byte order only


def test_numpy_ufuncs_on_gilfree_scalars_stay_gilfree():
    r = np.sqrt(gf.float64(4.0))
    assert type(r) is gf.float64 and r == 2.0
    assert type(np.add(gf.int32(1), gf.int32(2))) is gf.int32


def test_pickle_protocol_5_sends_the_memory_out_of_band():
    import pickle
    x = gf.arange(12.0).reshape(3, 4)[:, ::2]  # not contiguous: one copy into the buffer
    bufs = []
    data = pickle.dumps(x, protocol=5, buffer_callback=bufs.append)
    assert len(bufs) == 1 and len(data) < 200  # the values are not in the pickle stream
    y = pickle.loads(data, buffers=bufs)
    assert type(y) is gf.ndarray and y.tolist() == x.tolist() and y.flags.writeable
    z = pickle.loads(pickle.dumps(x, protocol=5))  # in-band: still a writable gilfree array
    assert z.tolist() == x.tolist() and z.flags.writeable


def test_the_environment_packages_come_before_the_base_interpreter_ones():
    # The launcher puts build/venv's site-packages first: a base interpreter's older cloudpickle would
    # otherwise shadow the one Dask was installed with, and distributed refuses mismatched peers' graphs.
    import cloudpickle
    assert pathlib.Path(cloudpickle.__file__).parents[1] == pathlib.Path(dask.__file__).parents[1]


# ---- dask.distributed serialization ----

distributed = pytest.importorskip("distributed")
from distributed.protocol import deserialize, dumps, loads, serialize, to_serialize  # noqa: E402

import gilfree._dask  # noqa: E402,F401  (what the first gilfree array to meet Dask does; explicit for -k runs)


@pytest.mark.parametrize("dtype", ["bool", "int8", "uint16", "int32", "int64", "float32", "float64", "complex128"])
@pytest.mark.parametrize("make", [
    lambda a: a,
    lambda a: a.T,  # Fortran order
    lambda a: a[::2, ::-1],  # strided, negative step
    lambda a: a[1:1],  # empty
    lambda a: a[2, 3],  # 0-d
], ids=["contiguous", "transposed", "strided", "empty", "0-d"])
def test_serialization_round_trip(dtype, make):
    base = gf.asarray((np.arange(35) % 9 - 3).reshape(5, 7).astype(dtype))
    x = make(base)
    x = x if isinstance(x, gf.ndarray) else gf.asarray(x)
    header, frames = serialize(x, serializers=("dask",))
    assert header["serializer"] == "dask"
    assert all(isinstance(f, (memoryview, bytes, bytearray)) for f in frames)
    y = deserialize(header, frames)
    assert type(y) is gf.ndarray and y.dtype == x.dtype and y.shape == x.shape
    assert y.tolist() == x.tolist()
    z = loads(dumps({"x": to_serialize(x)}))["x"]  # the whole message path, as sent between processes
    assert type(z) is gf.ndarray and z.dtype == x.dtype and z.tolist() == x.tolist()


def test_serialization_shares_memory_both_ways():
    x = gf.arange(8.0)
    header, frames = serialize(x, serializers=("dask",))
    (frame,) = frames
    x[3] = 42.0  # the frame is a view of x's off-heap memory, not a copy
    assert np.frombuffer(frame, dtype="float64")[3] == 42.0
    received = bytearray(np.arange(8.0).tobytes())  # a writable receive buffer
    y = deserialize(header, [memoryview(received)])
    received[0:8] = np.float64(-5.0).tobytes()  # y wraps the received buffer, not a copy of it
    assert float(y[0]) == -5.0


# ---- a scheduler and two worker processes through the launcher ----

def _start_worker(address, name):
    env = dict(os.environ, GILFREE_NO_BUILD="1")
    cmd = [str(_ROOT / "gilfree"), "--runtime", "cpython", "-m", "gilfree.dask_worker", address,
           "--nthreads", "2", "--name", name, "--memory-limit", "0"]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)


def _stop(proc):
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


@pytest.fixture(scope="module")
def cluster():
    """A scheduler in this process (it must unpickle graphs holding gilfree arrays, so a gilfree runtime)
    and two worker processes, each a CPython/jep runtime started through ./gilfree."""
    from distributed import Client, LocalCluster
    local = LocalCluster(n_workers=0, processes=False, protocol="tcp", host="127.0.0.1", dashboard_address=None, silence_logs=50)
    workers = {name: _start_worker(local.scheduler_address, name) for name in ("w1", "w2")}
    client = Client(local, timeout=30)
    try:
        deadline = time.monotonic() + 120
        while len(client.scheduler_info()["workers"]) < 2:  # a worker that exits fails the tests at once
            assert all(p.poll() is None for p in workers.values()), "a gilfree.dask_worker process exited"
            assert time.monotonic() < deadline, "the workers did not join in 120 s"
            time.sleep(0.2)
        yield client, workers
    finally:
        client.close(timeout=10)
        for p in workers.values():
            _stop(p)
        local.close(timeout=10)


@pytest.mark.processes
def test_cluster_computes_a_multi_chunk_graph(cluster):
    client, _ = cluster
    g, n = _pair(shape=(200, 160), chunks=(50, 40))
    out = ((g @ g.T) / 1000 + g.sum(axis=1)[:, None]).max(axis=0)
    want = ((n @ n.T) / 1000 + n.sum(axis=1)[:, None]).max(axis=0).compute(scheduler="sync")
    got = client.compute(out).result(timeout=60)
    assert isinstance(got, gf.ndarray)
    np.testing.assert_allclose(np.asarray(got), want, rtol=1e-12)
    held = client.persist(g * 2)  # its chunks are spread over both workers, and stay gilfree there
    distributed.wait(held, timeout=60)
    holders = {w for ws in client.who_has(held).values() for w in ws}
    assert len(holders) == 2
    kinds = client.run(lambda dask_worker: sorted({type(v).__name__ for v in dask_worker.data.values()}))
    assert all(k == ["ndarray"] for k in kinds.values()), kinds
    assert isinstance(held.compute(), gf.ndarray)


@pytest.mark.processes
def test_exception_in_a_task_reaches_the_client(cluster):
    client, _ = cluster
    g, _ = _pair()

    def fails(b):
        if b.shape[0] and float(b.sum()) > 0:
            raise ValueError("a chunk refused: gilfree worker")
        return b
    with pytest.raises(ValueError, match="a chunk refused: gilfree worker"):
        client.compute(g.map_blocks(fails, meta=gf.empty((0, 0)))).result(timeout=60)


@pytest.mark.processes
def test_killed_worker_does_not_change_the_result(cluster):
    client, workers = cluster

    def _slow_square(b):  # local: pickled by value (workers cannot import this test module)
        time.sleep(0.05)  # long enough that the graph is still running when a worker is killed
        return b * b
    g, n = _pair(shape=(320, 64), chunks=(10, 64))  # 32 chunks at 50 ms each, on 2 x 2 threads
    out = g.map_blocks(_slow_square, meta=gf.empty((0, 0))).sum(axis=0)
    want = (n * n).sum(axis=0).compute(scheduler="sync")
    fut = client.compute(out)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(client.has_what().values()):
        time.sleep(0.02)  # until some chunks are done somewhere: the computation is under way
    assert not fut.done()  # killed mid-computation
    victim = workers["w1"]
    os.killpg(victim.pid, signal.SIGKILL)
    victim.wait(timeout=30)
    got = fut.result(timeout=90)
    assert isinstance(got, gf.ndarray)
    np.testing.assert_array_equal(np.asarray(got), want)  # integers in float64: exact
    assert len(client.scheduler_info()["workers"]) == 1
