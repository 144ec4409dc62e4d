"""Zero-copy exchange between gilfree and NumPy (CPython through jep; skipped where NumPy is missing).

Sharing is proven by writing on one side and reading on the other.
"""
import pytest

import gilfree as gf

np = pytest.importorskip("numpy")

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float32", "float64", "complex64", "complex128"]


def _sample(dt):
    return np.arange(12).reshape(3, 4).astype(dt)


@pytest.mark.parametrize("dt", DTYPES)
def test_asarray_shares_memory_for_every_dtype(dt):
    a = gf.zeros((3, 4), dtype=dt)
    v = np.asarray(a)
    assert v.dtype == np.dtype(dt) and v.shape == (3, 4) and v.strides == a.strides
    assert v.flags.writeable and not v.flags.owndata
    one = np.ones((), dtype=dt)
    v[1, 2] = one
    assert np.asarray(a)[1, 2] == one          # NumPy wrote, gilfree's memory changed
    if dt not in ("complex64", "complex128"):
        a[2, 3] = 1                               # gilfree wrote, NumPy sees it
        assert v[2, 3] == one
    assert np.shares_memory(v, np.asarray(a))


@pytest.mark.parametrize("dt", DTYPES)
def test_numpy_to_gilfree_wraps_and_copy_true_copies_once(dt):
    # Was "copies once": since issue 21 gf.asarray wraps NumPy's memory (test_numpy_memory.py covers the
    # sharing); gf.array / copy=True is the one copy, with the same values.
    src = _sample(dt)
    g = gf.array(src)
    assert g.dtype == dt and g.shape == src.shape
    back = np.asarray(g)
    assert np.array_equal(back, src)
    assert not np.shares_memory(back, src)        # one copy: NumPy memory is not gilfree's
    src[0, 0] = src[1, 1]
    assert back[0, 0] == _sample(dt)[0, 0]
    assert np.shares_memory(np.asarray(gf.asarray(src)), src)


def test_views_with_strides_offset_and_negative_steps_round_trip_without_copies():
    a = gf.arange(24.0).reshape(4, 6)
    v = np.asarray(a)
    for view in (v[1:, 2:], v[::2, ::3], v[::-1], v[:, ::-2], v.T, v[2], v[3:3]):
        g = gf.asarray(view)                      # memory came from gilfree: shared, not copied
        assert g.shape == view.shape and g.strides == view.strides
        w = np.asarray(g)
        assert np.shares_memory(w, v) or view.size == 0
        assert np.array_equal(w, view)
        if view.size:
            w.flat[0] = -7.0
            assert view.flat[0] == -7.0           # same bytes


def test_gilfree_write_visible_through_shared_view_of_a_view():
    a = gf.zeros((5, 5), dtype="int32")
    g = gf.asarray(np.asarray(a)[1:4, ::2])
    g[0, 1] = 42                                  # engine writes through the shared view
    assert np.asarray(a)[1, 2] == 42


def test_read_only_stays_read_only():
    a = gf.arange(6.0)
    v = np.asarray(a)
    v.flags.writeable = False
    g = gf.asarray(v)                             # shared, and still read-only on the engine side
    with pytest.raises(ValueError):
        g[0] = 1.0
    w = np.asarray(g)
    assert not w.flags.writeable
    with pytest.raises(ValueError):
        w[0] = 1.0


def test_freeze_makes_numpy_view_read_only():
    a = gf.arange(4.0)
    a.freeze()
    assert not np.asarray(a).flags.writeable


def test_array_protocol_numpy2_signature():
    a = gf.arange(4, dtype="int64")
    v = a.__array__()
    assert np.shares_memory(v, np.asarray(a))
    c = a.__array__(copy=True)
    assert not np.shares_memory(c, v) and np.array_equal(c, v)
    f = a.__array__(dtype="float64")
    assert f.dtype == np.float64 and np.array_equal(f, v)
    with pytest.raises(ValueError):
        a.__array__(dtype="float64", copy=False)
    assert np.array(a, copy=False).base is not None
    assert np.asarray(a, dtype=np.int64).ctypes.data == v.ctypes.data


def test_copy_false_needs_no_copy_of_numpy_memory_but_a_dtype_change_does():
    # Was "raises": NumPy memory is wrapped since issue 21, so copy=False succeeds unless a cast is needed.
    src = np.arange(3.0)
    assert np.shares_memory(np.asarray(gf.asarray(src, copy=False)), src)
    with pytest.raises(ValueError):
        gf.asarray(src, dtype="float32", copy=False)
    g = gf.asarray(np.arange(3.0), dtype="float32")
    assert g.dtype == "float32" and g.tolist() == [0.0, 1.0, 2.0]


def test_non_native_byte_order_and_unsupported_dtypes():
    src = np.arange(4, dtype=">i4")
    g = gf.asarray(src)
    assert g.dtype == "int32" and g.tolist() == [0, 1, 2, 3]
    with pytest.raises(TypeError):
        gf.asarray(np.array(["a", "b"]))
    with pytest.raises(TypeError):
        gf.asarray(np.arange(3, dtype=np.longdouble))
    assert gf.asarray(np.arange(3, dtype=np.longdouble), dtype="float32").tolist() == [0.0, 1.0, 2.0]
    h = gf.asarray(np.arange(3, dtype=np.float16))  # float16 is a gilfree dtype: kept
    assert h.dtype == "float16" and h.tolist() == [0.0, 1.0, 2.0]


def test_dlpack_both_ways():
    a = gf.arange(5.0)
    v = np.from_dlpack(a)
    v[0] = 9.0
    assert float(a[0]) == 9.0
    assert a.__dlpack_device__() == (1, 0)
    g = gf.from_dlpack(np.arange(3.0))
    assert g.tolist() == [0.0, 1.0, 2.0]


def test_numpy_view_keeps_memory_alive_after_gilfree_array_is_dropped():
    import gc
    a = gf.arange(1000.0)
    v = np.asarray(a)[10:20]
    del a
    gc.collect()
    big = [gf.ones(1000) for _ in range(50)]      # reuse of freed memory would show here
    assert v.tolist() == [float(i) for i in range(10, 20)]
    del big


def test_numpy_operations_on_views_write_gilfree_arrays():
    a = gf.zeros(1000)
    np.add(np.asarray(a), 1.5, out=np.asarray(a))
    assert float(a.sum()) == 1500.0
