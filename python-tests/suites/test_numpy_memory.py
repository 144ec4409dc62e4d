"""gilfree over NumPy's memory (issue 21): gf.asarray wraps a NumPy array without a copy, ufuncs read and
write NumPy arrays in place (out=), NumPy's override protocols send np.exp(g) / np.sum(g) to gilfree, and
gilfree threads share NumPy-owned memory under the thread-safety contract.

Sharing is proven by writing on one side and reading on the other. CPython runtime only: GraalPy cannot
load NumPy.
"""
import gc
import sys
import time
import weakref

import pytest

import gilfree as gf
from gilfree import _numpy_interop
from gilfree._bridge import jclass

from threadkit import run_threads

np = pytest.importorskip("numpy", reason="GraalPy has no NumPy: NumPy-owned memory exists only on CPython/jep")

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float32", "float64", "complex64", "complex128"]

# The lifetime tests count references and force collections: other threads' wraps would blur both.
_serial = pytest.mark.thread_unsafe(reason="counts references and forces garbage collections")


def _sample(dt, shape=(3, 4)):
    return np.arange(int(np.prod(shape))).reshape(shape).astype(dt)


def _one(dt):
    return np.ones((), dtype=dt)[()]


def _collect_until(cond, tries=20):
    """Python and Java collections (and the engine's release queue drained) until cond() or tries run out."""
    system = jclass("java.lang.System")
    for _ in range(tries):
        if cond():
            return True
        gc.collect()
        system.gc()
        time.sleep(0.02)
        _numpy_interop._drain_released()
    return cond()


# ----------------------------------------------------------------------------- wrapping: no copy


@pytest.mark.parametrize("dt", DTYPES)
def test_asarray_of_numpy_shares_memory_both_ways_for_every_dtype(dt):
    src = _sample(dt)
    g = gf.asarray(src)
    assert g.dtype == dt and g.shape == src.shape and g.strides == src.strides
    back = np.asarray(g)
    assert np.shares_memory(back, src) and np.array_equal(back, src)
    src[1, 2] = _one(dt)                    # NumPy writes, gilfree reads it
    assert g[1, 2] == _one(dt)
    g[2, 3] = 0                             # gilfree writes, NumPy reads it
    assert src[2, 3] == 0
    assert not g.flags.owndata              # as np.asarray over foreign memory


@pytest.mark.parametrize("index", [
    (slice(None, None, 2), slice(None)),                 # every other row
    (slice(None), slice(None, None, -1)),                # negative column stride
    (slice(None, None, -2), slice(1, None, -1)),         # negative both ways
    (slice(1, 3), 2),                                    # a column: stride 8 * ncols
    (Ellipsis,),                                         # whole array
])
def test_strided_and_negative_views_are_wrapped_in_place(index):
    base = np.arange(40.0).reshape(5, 8)
    v = base[index]
    g = gf.asarray(v)
    assert g.shape == v.shape and g.strides == v.strides
    assert g.tolist() == v.tolist()
    assert np.shares_memory(np.asarray(g), base)
    g[...] = -1.0
    assert (v == -1.0).all() and (base >= 0).sum() == 40 - v.size


def test_transposed_and_fortran_order_numpy_arrays_are_wrapped():
    f = np.asfortranarray(np.arange(12.0).reshape(3, 4))
    g = gf.asarray(f)
    assert g.flags.f_contiguous and g.tolist() == f.tolist()
    t = gf.asarray(f.T)
    assert t.flags.c_contiguous and np.shares_memory(np.asarray(t), f)


def test_read_only_numpy_arrays_stay_read_only():
    src = np.arange(6.0)
    src.flags.writeable = False
    g = gf.asarray(src)
    assert not g.flags.writeable
    with pytest.raises(ValueError, match="read-only"):
        g[0] = 1.0
    with pytest.raises(ValueError, match="read-only"):
        gf.exp(g, out=g)
    assert np.shares_memory(np.asarray(g), src) and not np.asarray(g).flags.writeable
    assert gf.exp(g).tolist() == np.exp(src).tolist()   # reading is fine


def test_copy_true_and_dtype_changes_copy():
    src = np.arange(10, dtype=np.int32)
    for c in (gf.array(src), gf.asarray(src, copy=True), gf.asarray(src, dtype="float64")):
        assert not np.shares_memory(np.asarray(c), src)
        assert c.tolist() == src.tolist()
    with pytest.raises(ValueError, match="Unable to avoid copy"):
        gf.asarray(src, dtype="int64", copy=False)
    assert np.shares_memory(np.asarray(gf.asarray(src, copy=False)), src)


def test_byte_swapped_and_unaligned_arrays_are_converted_with_the_right_values():
    swapped = np.arange(5, dtype=">f8")
    g = gf.asarray(swapped)
    assert g.dtype == "float64" and g.tolist() == swapped.tolist()
    raw = np.zeros(8 * 5 + 1, dtype=np.uint8)
    unaligned = raw[1:].view(np.float64)
    unaligned[:] = [1.5, 2.5, 3.5, 4.5, 5.5]
    assert not unaligned.flags.aligned
    u = gf.asarray(unaligned)
    assert u.tolist() == [1.5, 2.5, 3.5, 4.5, 5.5]
    with pytest.raises(ValueError, match="Unable to avoid copy"):
        gf.asarray(unaligned, copy=False)


def test_empty_and_zero_d_numpy_arrays():
    e = gf.asarray(np.zeros((0, 3)))
    assert e.shape == (0, 3) and e.dtype == "float64"
    z = np.array(2.5)
    g = gf.asarray(z)
    assert g.shape == () and float(g) == 2.5
    g[()] = 7.0
    assert z[()] == 7.0


def test_wraps_of_one_numpy_buffer_share_one_engine_memory():
    # One storage per NumPy buffer: freeze and borrows through one wrap cover every other wrap.
    src = np.arange(20.0)
    a, b = gf.asarray(src[:10]), gf.asarray(src[::-3])
    assert a._j.storage().equals(b._j.storage())
    a.freeze()
    with pytest.raises(ValueError, match="read-only"):
        b[0] = 1.0
    with pytest.raises(ValueError, match="read-only"):
        gf.exp(src, out=src)                # a fresh wrap of the same memory is frozen too
    assert b.frozen and src[19] == 19.0


# ----------------------------------------------------------------------------- lifetime


@_serial
def test_the_gilfree_array_keeps_the_numpy_memory_alive():
    src = np.arange(1000.0)
    alive = weakref.ref(src)
    g = gf.asarray(src)[::-10]              # a view derived from the wrap
    del src
    assert _collect_until(lambda: False, tries=3) is False   # several collections: nothing freed meanwhile
    assert alive() is not None
    assert g.tolist() == list(np.arange(1000.0)[::-10])
    assert float(gf.sum(g)) == float(np.arange(1000.0)[::-10].sum())


@_serial
def test_the_numpy_array_is_released_once_no_gilfree_view_reaches_it():
    src = np.arange(100.0)
    alive = weakref.ref(src)
    g = gf.asarray(src)
    h = g[10:20]
    del src, g
    gc.collect()
    assert alive() is not None              # h still views the memory
    assert h.tolist() == list(range(10, 20))
    del h
    assert _collect_until(lambda: alive() is None)


@_serial
def test_numpy_resize_refuses_while_gilfree_holds_the_array():
    src = np.arange(10.0)
    g = gf.asarray(src)
    with pytest.raises(ValueError, match="cannot resize an array that references or is referenced"):
        src.resize(1000)                    # NumPy's refcheck sees gilfree's reference: no crash, no free
    assert g.tolist() == list(range(10))
    del g
    assert _collect_until(lambda: sys.getrefcount(src) == 2)
    src.resize(20)                          # gilfree let go: NumPy may resize again
    assert src.shape == (20,)


def test_gilfree_resize_of_wrapped_numpy_memory_refuses():
    g = gf.asarray(np.arange(10.0))
    with pytest.raises(ValueError, match="does not own its data"):
        g.resize(20)


# ----------------------------------------------------------------------------- ufuncs and functions


def test_ufunc_out_writes_numpy_memory_and_returns_it():
    a = np.linspace(0.0, 2.0, 1001)
    b = np.empty_like(a)
    r = gf.exp(a, out=b)
    assert r is b
    np.testing.assert_allclose(b, np.exp(a), rtol=1e-15)
    r = gf.add(a, 1.0, out=(b,))
    assert r is b and np.array_equal(b, a + 1.0)
    r = gf.multiply(a, a, b)                # positional out
    assert r is b and np.array_equal(b, a * a)


def test_ufunc_out_into_strided_numpy_views():
    a = np.arange(12.0).reshape(3, 4)
    out = np.zeros((4, 3))
    r = gf.negative(a, out=out.T)           # a transposed (F-order) NumPy view as out
    assert np.array_equal(out, -a.T)
    assert r.base is out or np.shares_memory(r, out)
    rev = np.zeros(12)
    gf.sqrt(a.ravel(), out=rev[::-1])
    assert np.array_equal(rev[::-1], np.sqrt(a.ravel()))


def test_ufunc_out_read_only_or_non_native_numpy_arrays_raise():
    a = np.arange(3.0)
    ro = np.zeros(3)
    ro.flags.writeable = False
    with pytest.raises(ValueError, match="read-only"):
        gf.exp(a, out=ro)
    assert (ro == 0).all()
    with pytest.raises(TypeError):
        gf.exp(a, out=np.zeros(3, dtype=">f8"))
    with pytest.raises(TypeError, match="ArrayType"):
        gf.exp(a, out=[0.0, 0.0, 0.0])


def test_numpy_inputs_give_gilfree_results_with_numpys_promotion():
    a32 = np.arange(4, dtype=np.float32)
    r = gf.add(a32, 2.0)                    # the Python float stays weak (NEP 50) next to a NumPy array
    assert isinstance(r, gf.ndarray) and r.dtype == "float32"
    assert gf.add(np.arange(3), np.ones(3, np.float32)).dtype == np.result_type(np.int64, np.float32).name
    s = gf.sum(np.arange(10.0).reshape(2, 5), axis=1)
    assert isinstance(s, gf.ndarray) and s.tolist() == [10.0, 35.0]
    out = np.zeros(2)
    assert gf.add.reduce(np.arange(10.0).reshape(2, 5), axis=1, out=out) is out and out.tolist() == [10.0, 35.0]


def test_write_functions_write_numpy_destinations_in_place():
    dst = np.zeros(6)
    gf.copyto(dst, gf.arange(6.0))
    assert dst.tolist() == [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
    gf.place(dst, dst > 3, [-1.0])
    assert dst.tolist() == [0.0, 1.0, 2.0, 3.0, -1.0, -1.0]
    gf.add.at(dst, [0, 0], 1.0)
    assert dst[0] == 2.0
    out = np.zeros(3)
    assert gf.sum(np.arange(6.0).reshape(2, 3), axis=0, out=out) is out and out.tolist() == [3.0, 5.0, 7.0]


def test_numpy_scalars_keep_their_dtype():
    assert gf.asarray(np.int32(3)).dtype == "int32"
    assert gf.asarray(np.float32(1.5)).dtype == "float32"
    assert gf.add(np.float32(1.5), gf.ones(2, dtype="float32")).dtype == "float32"


# ----------------------------------------------------------------------------- NumPy's protocols


def test_numpy_ufuncs_on_gilfree_arrays_dispatch_to_gilfree():
    g = gf.arange(6.0).reshape(2, 3)
    a = np.arange(6.0).reshape(2, 3)
    for r, want in ((np.exp(g), np.exp(a)), (np.add(a, g), a + a), (a + g, a + a), (g * a, a * a),
                    (np.add.reduce(g, axis=0), a.sum(axis=0)), (np.multiply.accumulate(g, axis=1),
                                                                 np.multiply.accumulate(a, axis=1))):
        assert isinstance(r, gf.ndarray), type(r)
        np.testing.assert_allclose(np.asarray(r), want, rtol=1e-15)


def test_numpy_ufunc_with_numpy_out_writes_it_and_returns_it():
    g = gf.arange(4.0)
    out = np.empty(4)
    assert np.sqrt(g, out=out) is out and np.array_equal(out, np.sqrt(np.arange(4.0)))


def test_numpy_functions_on_gilfree_arrays_dispatch_to_gilfree():
    g = gf.arange(6.0).reshape(2, 3)
    a = np.arange(6.0).reshape(2, 3)
    r = np.concatenate([g, g])
    assert isinstance(r, gf.ndarray) and np.array_equal(np.asarray(r), np.concatenate([a, a]))
    r = np.sum(g, axis=1)
    assert isinstance(r, gf.ndarray) and r.tolist() == a.sum(axis=1).tolist()
    assert isinstance(np.sum(g), gf.float64) and float(np.sum(g)) == 15.0
    r = np.linalg.norm(g)
    assert float(r) == pytest.approx(float(np.linalg.norm(a)))
    frac, whole = np.modf(g / 4)           # a gilfree function (not a ufunc object) behind a NumPy ufunc
    assert isinstance(frac, gf.ndarray) and np.array_equal(np.asarray(whole), np.modf(a / 4)[1])
    r = np.where(g > 2, g, a)               # mixed gilfree and NumPy arguments
    assert isinstance(r, gf.ndarray) and r.tolist() == np.where(a > 2, a, a).tolist()


def test_numpy_functions_gilfree_lacks_raise_numpys_type_error():
    g = gf.arange(4.0)
    with pytest.raises(TypeError, match="no implementation found"):
        np.einsum_path("i->", g)
    assert np.asarray(g).sum() == 6.0       # np.asarray(g) is the way to NumPy's own implementation


def test_array_protocol_is_still_a_zero_copy_view():
    g = gf.arange(10.0)
    v = np.asarray(g)
    assert type(v) is np.ndarray and not v.flags.owndata
    v[3] = 42.0
    assert g[3] == 42.0


def test_buffer_protocol_array_interface_and_dlpack_objects_are_wrapped():
    buf = bytearray(range(8))
    g = gf.asarray(buf)
    assert g.dtype == "uint8" and g.tolist() == list(range(8))
    g[0] = 200
    assert buf[0] == 200
    mv = gf.asarray(memoryview(buf)[2:6])
    assert mv.tolist() == [2, 3, 4, 5]

    class Interface:                        # a foreign array exposing only __array_interface__
        def __init__(self, a):
            self.a = a
            self.__array_interface__ = a.__array_interface__

    src = np.arange(5.0)
    gi = gf.asarray(Interface(src))
    gi[4] = -1.0
    assert src[4] == -1.0

    class DL:                               # a foreign array exposing only DLPack
        def __init__(self, a):
            self.a = a

        def __dlpack__(self, **kw):
            return self.a.__dlpack__(**kw)

        def __dlpack_device__(self):
            return self.a.__dlpack_device__()

    src2 = np.arange(4, dtype=np.int32)
    gd = gf.asarray(DL(src2))
    gd[1] = 9
    assert src2[1] == 9 and gf.from_dlpack(DL(src2)).tolist() == [0, 9, 2, 3]


# ----------------------------------------------------------------------------- threads on NumPy memory


@pytest.mark.thread_unsafe(reason="runs its own threads")
def test_gilfree_threads_compute_in_place_on_slices_of_one_numpy_array():
    n, parts = 400_000, 4
    a = np.linspace(-3.0, 3.0, n)
    out = np.zeros(n)
    step = n // parts

    def work(i, barrier):
        sl = slice(i * step, (i + 1) * step)
        for _ in range(3):
            gf.exp(a[sl], out=out[sl])
            gf.multiply(out[sl], 2.0, out=out[sl])
            gf.log(out[sl], out=out[sl])
            barrier.wait()
        return float(gf.sum(out[sl]))

    sums = run_threads(parts, work)
    np.testing.assert_allclose(out, a + np.log(2.0), rtol=1e-12, atol=1e-12)
    assert sum(sums) == pytest.approx(float(out.sum()))


@pytest.mark.thread_unsafe(reason="runs its own threads")
def test_shared_read_only_numpy_input_gives_every_thread_the_serial_result():
    src = np.random.default_rng(21).standard_normal(200_000)
    src.flags.writeable = False
    # Correctly rounded operations only: a SIMD transcendental (tanh) gives last-bit differences between the
    # JIT's tiers (the Vector API's intrinsic against its scalar fallback), which is not what this test is about.
    want = np.asarray(gf.sqrt(gf.multiply(src, src) + 1.0) / 3.0).copy()

    def work(i, barrier):
        res = gf.sqrt(gf.multiply(src, src) + 1.0) / 3.0
        return np.array_equal(np.asarray(res), want)

    assert all(run_threads(4, work))


@pytest.mark.thread_unsafe(reason="runs its own threads")
def test_borrow_mut_on_wrapped_numpy_memory_excludes_other_gilfree_threads():
    src = np.zeros(10_000)
    g = gf.asarray(src)
    with g.borrow_mut():
        def other(i, barrier):
            with pytest.raises(gf.BorrowError):
                gf.add(src, 1.0, out=src)   # another thread, a fresh wrap of the same NumPy memory
            return True

        assert run_threads(1, other) == [True]
        g += 1.0                            # the borrowing thread may write
    assert (src == 1.0).all()


@pytest.mark.thread_unsafe(reason="runs its own threads")
def test_frozen_wrap_keeps_gilfree_threads_from_writing_numpy_memory():
    src = np.arange(1000.0)
    gf.asarray(src).freeze()

    def work(i, barrier):
        with pytest.raises(ValueError, match="read-only"):
            gf.multiply(src, 2.0, out=src)
        return float(gf.sum(src))

    assert run_threads(4, work) == [float(np.arange(1000.0).sum())] * 4
    src[0] = 5.0                            # NumPy's own writes are not gilfree's to stop (docs/thread-safety.md)
    assert src[0] == 5.0
