"""Array-core behaviour checked without NumPy (runs on GraalPy and CPython alike): random arrays and index
expressions against a pure-Python reference over nested lists, plus hand-written expectations."""
import math
import threading

import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

import gilfree as gf
from core_support import DTYPES, arrays, nest
from _core_print_cases import CASES

# GraalPy interprets hypothesis itself slowly: fewer examples there keep the suite under a minute.
FAST = settings(max_examples=250 if gf.runtime == "cpython" else 15, deadline=None,
                suppress_health_check=list(HealthCheck))


# ----- a pure-Python reference for basic indexing on nested lists -----

def ref_basic(data, shape, key):
    """(value, is_scalar) of data[key] by NumPy's rules, computed on nested lists."""
    if not isinstance(key, tuple):
        key = (key,)
    consumed = sum(1 for k in key if k is not None and k is not Ellipsis)
    if sum(1 for k in key if k is Ellipsis) > 1 or consumed > len(shape):
        raise IndexError
    scalar = all(isinstance(k, int) for k in key) and len(key) == len(shape)
    if Ellipsis in key:
        i = key.index(Ellipsis)
        key = key[:i] + (slice(None),) * (len(shape) - consumed) + key[i + 1:]
    else:
        key = key + (slice(None),) * (len(shape) - consumed)

    def rec(node, dims, ks):
        if not ks:
            return node
        k = ks[0]
        if k is None:
            return [rec(node, dims, ks[1:])]
        n = dims[0]
        if isinstance(k, int):
            if not -n <= k < n:
                raise IndexError
            return rec(node[k], dims[1:], ks[1:])
        sub = node[k]
        if not sub:  # NumPy still checks the later integer indices against their axes
            for d, kk in zip(dims[1:], [x for x in ks[1:] if x is not None]):
                if isinstance(kk, int) and not -d <= kk < d:
                    raise IndexError
        return [rec(x, dims[1:], ks[1:]) for x in sub]
    return rec(data, shape, key), scalar


def ref_shape(value, ndim):
    shape = []
    for _ in range(ndim):
        shape.append(len(value))
        value = value[0] if value else None
    return tuple(shape)


@st.composite
def basic_keys(draw, ndim):
    items = []
    for _ in range(draw(st.integers(0, ndim + 1))):
        k = draw(st.integers(0, 9))
        if k < 3:
            items.append(draw(st.integers(-5, 5)))
        elif k < 7:
            items.append(slice(draw(st.none() | st.integers(-6, 6)), draw(st.none() | st.integers(-6, 6)),
                               draw(st.none() | st.integers(-3, 3).filter(bool))))
        elif k < 8:
            items.append(None)
        else:
            items.append(Ellipsis)
    return tuple(items)


@FAST
@given(arrays(), basic_keys(4))
def test_basic_indexing_matches_nested_list_reference(spec, key):
    dt, shape, data = spec
    assume(all(shape[:-1]))  # nested lists cannot spell a shape like (0, 3)
    a = gf.asarray(data, dtype=dt)
    try:
        expected, scalar = ref_basic(data, shape, key)
    except IndexError:
        with pytest.raises(IndexError):
            a[key]
        return
    r = a[key]
    if scalar:
        assert not isinstance(r, gf.ndarray) and r.dtype.name == dt
        assert r.item() == expected
        return
    assert isinstance(r, gf.ndarray) and r.dtype.name == dt
    assert r.tolist() == expected
    assert r.base is (a if a.base is None else a.base), "basic indexing returns a view of the array"
    # writing through the view changes the array
    if r.size:
        r[...] = 1 if dt != "bool" else False
        assert all(v == (1 if dt != "bool" else False) for v in _flat(r.tolist(), r.ndim))
        assert _count_changed(data, a.tolist(), shape) <= r.size


def _flat(x, nd):
    if nd == 0:
        return [x]
    return [v for item in x for v in _flat(item, nd - 1)]


def _count_changed(before, after, shape):
    return sum(1 for b, c in zip(_flat(before, len(shape)), _flat(after, len(shape))) if b != c)


@FAST
@given(arrays(), st.data())
def test_integer_and_boolean_array_indexing(spec, data):
    dt, shape, nested = spec
    assume(all(shape[:-1]))
    if not shape:
        return
    a = gf.asarray(nested, dtype=dt)
    n = shape[0]
    idx = data.draw(st.lists(st.integers(-n - 1, n), max_size=4)) if n else []
    if any(not -n <= i < n for i in idx):
        with pytest.raises(IndexError):
            a[gf.asarray(idx, dtype="int64")]
        return
    r = a[gf.asarray(idx, dtype="int64")]
    assert r.tolist() == [nested[i] for i in idx] and r.shape == (len(idx),) + shape[1:]
    assert r.base is None or r.base is not a
    mask = data.draw(st.lists(st.booleans(), min_size=n, max_size=n))
    assert a[gf.asarray(mask, dtype=bool)].tolist() == [x for x, m in zip(nested, mask) if m]
    # assignment through a mask, then through an index list; a failed one changes nothing
    b = a.copy()
    b[gf.asarray(mask, dtype=bool)] = 0
    assert b.tolist() == [(_zero(x, dt) if m else x) for x, m in zip(nested, mask)]
    before = b.tolist()
    with pytest.raises(IndexError):
        b[gf.asarray([0, n + 3], dtype="int64")] = 1
    assert b.tolist() == before


def _zero(x, dt):
    if isinstance(x, list):
        return [_zero(v, dt) for v in x]
    return False if dt == "bool" else 0


def test_advanced_dimension_placement_rules():
    a = gf.arange(120).reshape(2, 3, 4, 5)
    i = gf.asarray([0, 1, 1], dtype="int64")
    assert a[:, i, i].shape == (2, 3, 5)          # adjacent: in place
    assert a[i, :, i].shape == (3, 3, 5)          # separated: first
    assert a[:, 0, :, i].shape == (3, 2, 4)       # the int counts as advanced: separated
    assert a[..., i, None].shape == (2, 3, 4, 3, 1)
    assert a[1, i, 2, 3].tolist() == [a[1, 0, 2, 3].item(), a[1, 1, 2, 3].item(), a[1, 1, 2, 3].item()]
    m = gf.asarray([[True, False, True], [False, False, True]])
    assert a[m].shape == (3, 4, 5)
    assert a[m][2].tolist() == a[1, 2].tolist()
    with pytest.raises(IndexError):
        a[gf.asarray([True, False, True])]  # wrong mask length
    with pytest.raises(IndexError):
        a[i, gf.asarray([0, 1], dtype="int64")]  # index arrays do not broadcast
    with pytest.raises(IndexError):
        a[1.5]
    with pytest.raises(IndexError):
        a[..., ...]
    with pytest.raises(ValueError):
        a[::0]


def test_assignment_broadcasts_casts_and_validates_first():
    a = gf.zeros((3, 4), dtype="int16")
    a[1] = [1, 2, 3, 4]
    a[:, 0] = 9
    a[2, 1:] = 2.75  # cast: truncated
    assert a.tolist() == [[9, 0, 0, 0], [9, 2, 3, 4], [9, 2, 2, 2]]
    before = a.tolist()
    with pytest.raises(ValueError):
        a[0] = [1, 2, 3]
    with pytest.raises(OverflowError):
        a[0, 0] = 1 << 20
    assert a.tolist() == before
    ro = gf.broadcast_to(gf.arange(3), (2, 3))
    with pytest.raises(ValueError):
        ro[0, 0] = 1
    c = gf.zeros(3, dtype="complex64")
    c[1] = 1 - 2j
    assert c.tolist() == [0j, 1 - 2j, 0j]
    v = gf.arange(10)
    v[2:8] = v[:6]  # overlapping source and destination
    assert v.tolist() == [0, 1, 0, 1, 2, 3, 4, 5, 8, 9]


def test_take_put_nonzero_compress():
    a = gf.arange(12).reshape(3, 4)
    assert gf.take(a, [0, 5, -1]).tolist() == [0, 5, 11]
    assert gf.take(a, [2, 0], axis=1).tolist() == [[2, 0], [6, 4], [10, 8]]
    assert gf.take(a, [5], mode="wrap", axis=0).tolist() == [[8, 9, 10, 11]]
    with pytest.raises(IndexError):
        gf.take(a, [3], axis=0)
    b = a.copy()
    gf.put(b, [0, 11], [-1, -2])
    assert b.ravel().tolist()[0] == -1 and b.ravel().tolist()[-1] == -2
    r, c = gf.nonzero(gf.asarray([[0, 1], [2, 0]]))
    assert r.tolist() == [0, 1] and c.tolist() == [1, 0] and r.dtype.name == "int64"
    assert gf.compress([True, False, True], a, axis=0).tolist() == [[0, 1, 2, 3], [8, 9, 10, 11]]
    with pytest.raises(ValueError):
        gf.nonzero(gf.asarray(1))


# ----- manipulation, against list computations -----

def _transpose2(x):
    return [list(r) for r in zip(*x)]


@FAST
@given(arrays(), st.data())
def test_manipulation_invariants(spec, data):
    dt, shape, nested = spec
    assume(all(shape[:-1]))
    a = gf.asarray(nested, dtype=dt)
    flat = _flat(nested, len(shape))
    assert a.ravel().tolist() == flat and a.flatten().tolist() == flat
    assert a.reshape(-1).tolist() == flat
    assert a.T.shape == shape[::-1]
    assert a.T.T.tolist() == a.tolist()
    if len(shape) == 2:
        if shape[0] and shape[1]:
            assert a.T.tolist() == _transpose2(nested)
        assert a.T.flags.f_contiguous and a.T.base is a
        assert gf.ascontiguousarray(a.T).flags.c_contiguous
    if shape:
        assert gf.flip(a, 0).tolist() == nested[::-1]
        k = data.draw(st.integers(-5, 5))
        n = shape[0]
        assert gf.roll(a, k, 0).tolist() == (nested[-(k % n):] + nested[:-(k % n)] if n and k % n else nested)
        r = data.draw(st.integers(0, 3))
        assert gf.repeat(a, r, 0).tolist() == [x for x in nested for _ in range(r)]
        assert gf.concatenate([a, a]).tolist() == nested + nested
        assert gf.stack([a, a], axis=0).tolist() == [nested, nested]
        parts = gf.array_split(a, 3)
        assert [p.tolist() for p in parts] and sum((p.tolist() for p in parts), []) == nested
        assert gf.expand_dims(a, 0).shape == (1,) + shape
        assert gf.moveaxis(a, 0, -1).shape == shape[1:] + shape[:1]
        assert gf.tile(a, 2).shape == shape[:-1] + (shape[-1] * 2,)
        p = gf.pad(a, 1, constant_values=0) if dt != "bool" else gf.pad(a, 1)
        assert p.shape == tuple(d + 2 for d in shape)
        assert p[(slice(1, -1),) * len(shape)].tolist() == nested
    assert gf.squeeze(gf.expand_dims(a, 0), 0).tolist() == a.tolist()
    with pytest.raises(ValueError):
        a.reshape(a.size + 1)
    with pytest.raises(gf.AxisError):
        gf.swapaxes(a, 0, len(shape) + 1)


def test_reshape_views_and_copies():
    a = gf.arange(24).reshape(2, 3, 4)
    assert a.reshape(6, 4).base is a.base and a.base is not None  # bases collapse to the owner, as NumPy
    t = a.transpose(2, 0, 1)
    r = t.reshape(4, 6)  # not expressible with strides: a copy
    assert r.tolist() == [[0, 4, 8, 12, 16, 20], [1, 5, 9, 13, 17, 21], [2, 6, 10, 14, 18, 22], [3, 7, 11, 15, 19, 23]]
    assert gf.reshape(a, (4, 6), order="F").tolist()[0] == [0, 8, 5, 2, 10, 7]  # NumPy's value
    assert gf.ravel(a.T, order="F").tolist()[:5] == [0, 1, 2, 3, 4]
    with pytest.raises(ValueError):
        a.reshape(-1, -1)
    assert a[:, 1].reshape(2, 2, 2).tolist() == [[[4, 5], [6, 7]], [[16, 17], [18, 19]]]
    assert gf.broadcast_shapes((2, 1), (3,), ()) == (2, 3)
    with pytest.raises(ValueError):
        gf.broadcast_shapes((2,), (3,))
    x, y = gf.broadcast_arrays(gf.arange(3), gf.zeros((2, 1)))
    assert x.shape == y.shape == (2, 3) and x.strides == (0, 8)
    assert gf.vstack([gf.arange(2), gf.arange(2)]).shape == (2, 2)
    assert gf.hstack([gf.arange(2), gf.arange(3)]).tolist() == [0, 1, 0, 1, 2]
    assert [p.tolist() for p in gf.split(gf.arange(6), [2, 5])] == [[0, 1], [2, 3, 4], [5]]
    with pytest.raises(ValueError):
        gf.split(gf.arange(5), 2)
    assert gf.tile(gf.asarray([[1, 2]]), (2, 2)).tolist() == [[1, 2, 1, 2], [1, 2, 1, 2]]
    assert gf.pad(gf.asarray([1, 2]), (1, 2), constant_values=(7, 9)).tolist() == [7, 1, 2, 9, 9]


# ----- dtypes, promotion, creation -----

def test_promotion_casting_and_limits():
    assert gf.promote_types("uint8", "int8").name == "int16"
    assert gf.promote_types("uint64", "int64").name == "float64"
    assert gf.promote_types("float32", "int16").name == "float32"
    assert gf.promote_types("float32", "int32").name == "float64"
    assert gf.promote_types("complex64", "float64").name == "complex128"
    assert gf.result_type(gf.int8, 1).name == "int8" and gf.result_type(gf.int8, 1.0).name == "float64"
    assert gf.result_type(gf.float32, 1.0).name == "float32" and gf.result_type(gf.float32, 1j).name == "complex64"
    assert gf.result_type(gf.zeros(2, "uint16"), True).name == "uint16"
    assert gf.can_cast("int8", "int16") and not gf.can_cast("int16", "int8")
    assert gf.can_cast("int64", "float64", "same_kind") and not gf.can_cast("float64", "int64", "same_kind")
    assert gf.can_cast("float64", "int8", "unsafe") and not gf.can_cast("int8", "uint8", "safe")
    with pytest.raises(TypeError):
        gf.zeros(3).astype("int64", casting="safe")
    assert gf.iinfo("int8").min == -128 and gf.iinfo(gf.uint16).max == 65535
    assert float(gf.finfo("float32").eps) == 2.0 ** -23 and gf.finfo(gf.float64).bits == 64
    with pytest.raises(TypeError):
        gf.dtype("int7")


def test_every_dtype_converts_and_round_trips():
    vals = {"bool": [True, False], "int8": [-128, 127], "int16": [-3, 300], "int32": [-(1 << 31), 5],
            "int64": [-(1 << 63), (1 << 63) - 1], "uint8": [0, 255], "uint16": [65535, 1], "uint32": [(1 << 32) - 1, 0],
            "uint64": [(1 << 64) - 1, 1 << 63], "float32": [0.5, -2.0 ** 100], "float64": [1e-300, -2.5],
            "complex64": [1 + 2j, -0.5j], "complex128": [1e200 + 1j, 3 - 4j]}
    for dt, v in vals.items():
        a = gf.asarray(v, dtype=dt)
        assert a.tolist() == v and a.dtype.name == dt and a.itemsize == gf.dtype(dt).itemsize
        assert [type(x) for x in a.tolist()] == [type(x) for x in v]
        assert a[0].item() == v[0] and a[0].dtype.name == dt
    assert gf.asarray([-1, 300], dtype="int16").astype("uint8").tolist() == [255, 44]
    assert gf.asarray([2.9, -2.9]).astype("int32").tolist() == [2, -2]
    assert gf.asarray([1 + 2j]).astype("float64").tolist() == [1.0]
    assert gf.asarray([(1 << 64) - 1], dtype="uint64").astype("float64").tolist() == [18446744073709551616.0]
    assert gf.asarray([1.5, 0]).astype(bool).tolist() == [True, False]
    with pytest.raises(OverflowError):
        gf.asarray([256], dtype="uint8")
    assert gf.asarray([1, 2.5]).dtype.name == "float64" and gf.asarray([1, 1j]).dtype.name == "complex128"
    # in array creation every value has its own dtype (no weak scalars), as NumPy
    assert gf.asarray([gf.float32(1), 2]).dtype.name == "float64"
    assert gf.asarray([gf.float32(1), gf.float32(2)]).dtype.name == "float32"
    assert gf.asarray([2 ** 63, 1]).dtype.name == "float64" and gf.asarray([2 ** 63]).dtype.name == "uint64"


def test_creation_functions():
    assert gf.arange(5).dtype.name == "int64" and gf.arange(0.0, 1.0, 0.25).tolist() == [0.0, 0.25, 0.5, 0.75]
    assert gf.arange(10, 0, -3).tolist() == [10, 7, 4, 1] and gf.arange(3, 1).shape == (0,)
    assert len(gf.arange(0, 1, 0.1)) == 10
    assert gf.linspace(0, 1, 5).tolist() == [0.0, 0.25, 0.5, 0.75, 1.0]
    y, step = gf.linspace(0, 10, 5, endpoint=False, retstep=True)
    assert y.tolist() == [0.0, 2.0, 4.0, 6.0, 8.0] and step == 2.0
    assert gf.eye(3, k=1).tolist() == [[0, 1, 0], [0, 0, 1], [0, 0, 0]]
    assert gf.identity(2, dtype=int).tolist() == [[1, 0], [0, 1]]
    assert gf.tri(3, dtype=int).tolist() == [[1, 0, 0], [1, 1, 0], [1, 1, 1]]
    m = gf.arange(1, 10).reshape(3, 3)
    assert gf.tril(m).tolist() == [[1, 0, 0], [4, 5, 0], [7, 8, 9]]
    assert gf.triu(m, 1).tolist() == [[0, 2, 3], [0, 0, 6], [0, 0, 0]]
    xx, yy = gf.meshgrid(gf.arange(3), gf.arange(2))
    assert xx.tolist() == [[0, 1, 2], [0, 1, 2]] and yy.tolist() == [[0, 0, 0], [1, 1, 1]]
    assert gf.full((2,), 7, dtype="int8").tolist() == [7, 7] and gf.full(2, 1.5).dtype.name == "float64"
    assert gf.zeros_like(gf.arange(3.0)).tolist() == [0.0, 0.0, 0.0] and gf.ones_like(m).dtype.name == "int64"
    assert gf.full_like(m, 2, dtype="float32").dtype.name == "float32"
    a = gf.arange(6)
    assert gf.asarray(a) is a and gf.array(a) is not a and gf.array(a, copy=False) is a
    with pytest.raises(ValueError):
        gf.asarray([1, 2], copy=False)
    with pytest.raises(ValueError):
        gf.asarray([[1, 2], [3]])
    with pytest.raises(ValueError):
        gf.zeros((-1, 2))


def test_layout_flags_base():
    a = gf.arange(12).reshape(3, 4)
    assert a.strides == (32, 8) and a.flags["C_CONTIGUOUS"] and not a.flags.f_contiguous
    v = a[::-1, ::2]
    assert v.strides == (-32, 16) and not v.flags.c_contiguous and not v.flags.owndata and v.base is a.base
    assert v.tolist() == [[8, 10], [4, 6], [0, 2]]
    f = a.copy(order="F")
    assert f.flags.f_contiguous and f.strides == (8, 24) and f.flags.owndata and f.tolist() == a.tolist()
    b = gf.broadcast_to(gf.arange(3), (4, 3))
    assert b.strides == (0, 8) and not b.flags.writeable
    with pytest.raises(ValueError):
        b.flags.writeable = True
    a.flags.writeable = False
    with pytest.raises(ValueError):
        a[0, 0] = 1
    with pytest.raises(KeyError):
        a.flags["NOPE"]


def test_conversions():
    assert int(gf.asarray(3)) == 3 and float(gf.asarray(2.5)) == 2.5 and complex(gf.asarray(1j)) == 1j
    assert bool(gf.asarray([0])) is False and [1, 2, 3][gf.asarray(1)] == 2
    with pytest.raises(TypeError):
        int(gf.arange(2))
    with pytest.raises(ValueError):
        bool(gf.arange(2))
    with pytest.raises(TypeError):
        len(gf.asarray(1))
    with pytest.raises(TypeError):
        [1][gf.asarray(1.0)]
    rows = list(gf.arange(6).reshape(3, 2))
    assert [r.tolist() for r in rows] == [[0, 1], [2, 3], [4, 5]] and rows[1].base is not None


# ----- printing -----

@pytest.mark.parametrize("expr,rep,text", CASES)
def test_repr_and_str_like_numpy(expr, rep, text):
    a = eval(expr, {"gf": gf})
    assert repr(a) == rep
    assert str(a) == text


def test_scalar_reprs():
    assert repr(gf.float64(0.1)) == "np.float64(0.1)" and repr(gf.float32(0.1)) == "np.float32(0.1)"
    assert repr(gf.asarray([3], dtype="int8")[0]) == "np.int8(3)"
    assert repr(gf.asarray([True])[0]) == "np.True_"
    assert repr(gf.asarray([1 + 2j], dtype="complex64")[0]) == "np.complex64(1+2j)"


def test_printoptions_are_per_thread_and_scoped():
    a = gf.asarray([1.123456789, 2.0])
    seen = {}
    ready, done = threading.Event(), threading.Event()

    def other():
        ready.wait()
        seen["repr"] = repr(a)
        seen["opts"] = gf.get_printoptions()["precision"]
        done.set()

    t = threading.Thread(target=other)
    t.start()
    with gf.printoptions(precision=2):
        assert repr(a) == "array([1.12, 2.  ])"
        ready.set()
        done.wait(30)
    t.join()
    assert seen == {"repr": "array([1.12345679, 2.        ])", "opts": 8}
    assert repr(a) == "array([1.12345679, 2.        ])"
    with pytest.raises(ValueError):
        gf.set_printoptions(sign="x")
