"""Hostile input: every public entry point fed wrong types, impossible shapes, NaN/float indices,
out-of-range axes, ragged and absurdly deep lists, unknown dtype names. Each must raise the Python
exception NumPy raises -- never a Java error, a crash, a hang -- and the runtime must keep working.

Runs on both runtimes; where NumPy is importable it is the oracle for the exception type.
"""
import gc
import math
import operator

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import gilfree as gf

try:
    import numpy as np
except ImportError:  # GraalPy
    np = None

# What bad input may raise: NumPy's exception types (AxisError and UFuncTypeError subclass these).
ALLOWED = (ValueError, TypeError, IndexError, MemoryError, OverflowError, ZeroDivisionError, NotImplementedError)
FUZZ = settings(max_examples=60 if gf.runtime == "cpython" else 25,  # GraalPy runs tests slower
                deadline=None, suppress_health_check=list(HealthCheck), database=None)


def _clean(e):
    """The exception is one a NumPy user expects, and says nothing about Java."""
    assert isinstance(e, ALLOWED), f"{type(e).__name__}: {e}"
    msg = str(e)
    assert "internal error" not in msg, msg
    for leak in ("java.", "dev.gilfree", "foreign object", "Error converting parameter", "Exception:"):
        assert leak not in msg, msg


def _try(fn):
    try:
        return fn(), None
    except ALLOWED as e:  # noqa: PERF203
        _clean(e)
        return None, e


def _still_works():
    a = gf.arange(4.0) * 2 + 1
    assert a.tolist() == [1.0, 3.0, 5.0, 7.0]


# (description, call, exception NumPy raises). Each is run on gilfree, and on NumPy where present.
CASES = [
    ("negative dim", lambda m: m.zeros(-1), ValueError),
    ("negative dim in tuple", lambda m: m.zeros((2, -3)), ValueError),
    ("ones negative", lambda m: m.ones((-2,)), ValueError),
    ("full negative", lambda m: m.full((3, -1), 1.0), ValueError),
    ("size overflows int64", lambda m: m.zeros((2**62, 2**62)), ValueError),
    ("dim beyond int64", lambda m: m.zeros(2**64), ValueError),
    ("more than 64 dims", lambda m: m.zeros((1,) * 65), ValueError),
    ("beyond memory", lambda m: m.zeros(1 << 60, dtype="uint8"), MemoryError),
    ("beyond memory 2-d", lambda m: m.ones((1 << 20, 1 << 20)), MemoryError),
    ("float shape", lambda m: m.zeros(2.5), TypeError),
    ("NaN shape", lambda m: m.zeros(float("nan")), TypeError),
    ("str shape", lambda m: m.zeros("3"), TypeError),
    ("float in shape tuple", lambda m: m.zeros((2, 1.0)), TypeError),
    ("unknown dtype name", lambda m: m.zeros(3, dtype="float128x"), TypeError),
    ("int as dtype", lambda m: m.zeros(3, dtype=5), TypeError),
    ("object as dtype", lambda m: m.dtype(object()), TypeError),
    ("astype unknown", lambda m: m.arange(3).astype("foo"), TypeError),
    ("arange NaN", lambda m: m.arange(float("nan")), ValueError),
    ("arange infinite", lambda m: m.arange(0, float("inf")), ValueError),
    ("arange too long", lambda m: m.arange(0, 1e300, 1e-300), ValueError),
    ("arange beyond int64", lambda m: m.arange(2**70), ValueError),
    ("arange zero step", lambda m: m.arange(0, 5, 0), ZeroDivisionError),
    ("arange str", lambda m: m.arange("5"), TypeError),
    ("ragged list", lambda m: m.asarray([[1, 2], [3]]), ValueError),
    ("ragged depth", lambda m: m.asarray([1, [2, 3]]), ValueError),
    ("ragged deeper", lambda m: m.asarray([[[1], [2]], [[3], 4]]), ValueError),
    ("nested 70 deep", lambda m: m.asarray(_nested(70)), ValueError),
    ("reshape wrong size", lambda m: m.arange(6).reshape(4, 2), ValueError),
    ("reshape two unknowns", lambda m: m.arange(6).reshape(-1, -1), ValueError),
    ("reshape float", lambda m: m.arange(6).reshape(2.0, 3), TypeError),
    ("index out of range", lambda m: m.arange(6)[10], IndexError),
    ("negative index out of range", lambda m: m.arange(6)[-7], IndexError),
    ("too many indices", lambda m: m.arange(6)[1, 2], IndexError),
    ("setitem out of range", lambda m: m.arange(6).__setitem__(9, 1), IndexError),
    ("broadcast mismatch", lambda m: m.add(m.arange(3), m.arange(4)), ValueError),
    ("out= wrong shape", lambda m: m.add(m.arange(3.0), 1.0, out=m.zeros(4)), ValueError),
    ("out= not an array", lambda m: m.add(m.arange(3.0), 1.0, out=[1, 2, 3]), TypeError),
    ("add None", lambda m: m.arange(3) + None, TypeError),
    ("exp of str", lambda m: m.exp("a"), TypeError),
    ("len of 0-d", lambda m: len(m.asarray(1.0)), TypeError),
    ("float of n-d", lambda m: float(m.arange(3.0)), TypeError),
    ("truth of n-d", lambda m: bool(m.arange(3.0)), ValueError),
    ("float array as index", lambda m: [0, 1][m.asarray(1.0)], TypeError),
    ("ndarray negative shape", lambda m: m.ndarray((-1,)), ValueError),
    ("big int operand", lambda m: m.arange(3) + 2**70, OverflowError),
]


def _nested(depth, leaf=1):
    x = leaf
    for _ in range(depth):
        x = [x]
    return x


@pytest.mark.parametrize("desc,call,expected", CASES, ids=[c[0] for c in CASES])
def test_bad_input_raises_numpys_exception(desc, call, expected):
    with pytest.raises(expected) as info:
        call(gf)
    _clean(info.value)
    if np is not None:  # the oracle agrees on the exception type
        with pytest.raises(expected):
            call(np)
    _still_works()


def test_very_deep_nesting_is_a_value_error_not_a_crash():
    for depth in (100, 1000, 20000):
        with pytest.raises(ValueError):
            gf.asarray(_nested(depth))
    _still_works()


def test_self_referencing_list():
    lst = [1]
    lst.append(lst)
    with pytest.raises((ValueError, RecursionError)):
        gf.asarray(lst)
    _still_works()


def test_repeated_impossible_allocations_leave_the_runtime_usable():
    for _ in range(200):
        with pytest.raises(MemoryError):
            gf.zeros((1 << 28, 1 << 28), dtype="uint8")
    gc.collect()
    _still_works()


# ----- fuzz -----

_dims = st.one_of(st.integers(-3, 6), st.sampled_from([2**45, 2**62, 2**63 - 1, 2**63, 2**64, -2**63]),
                  st.floats(allow_nan=True), st.text(max_size=3), st.none(), st.booleans())
_shapes = st.one_of(_dims, st.lists(_dims, max_size=5).map(tuple), st.lists(_dims, max_size=3))
_dtype_names = st.one_of(st.sampled_from(["float64", "int8", "uint64", "bool", "f4", "i8", "complex128", "float16",
                                          "object", "U3", "S", "V8", "datetime64", "", "float 64", "int", None]),
                         st.text(max_size=8))
_scalars = st.one_of(st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.booleans(), st.none(),
                     st.text(max_size=2), st.complex_numbers(allow_nan=True))
_lists = st.recursive(_scalars, lambda kids: st.lists(kids, max_size=4), max_leaves=20)


@FUZZ
@given(shape=_shapes, dtype=_dtype_names, fill=_scalars)
def test_fuzz_creation(shape, dtype, fill):
    for fn in (lambda: gf.zeros(shape, dtype=dtype), lambda: gf.ones(shape, dtype=dtype),
               lambda: gf.empty(shape, dtype=dtype), lambda: gf.full(shape, fill, dtype=dtype)):
        a, err = _try(fn)
        if a is not None:
            assert a.shape == (tuple(shape) if isinstance(shape, (tuple, list)) else (operator.index(shape),))
            assert a.size == math.prod(a.shape)
    _still_works()


@FUZZ
@given(data=_lists, dtype=st.one_of(st.none(), _dtype_names))
def test_fuzz_asarray(data, dtype):
    a, err = _try(lambda: gf.asarray(data, dtype=dtype))
    if a is not None and isinstance(data, list):
        assert a.ndim >= 1 and a.shape[0] == len(data)
    _still_works()


_indices = st.one_of(st.integers(-10, 10), st.sampled_from([2**63, -2**63 - 1, 2**70]), st.floats(allow_nan=True),
                     st.text(max_size=2), st.none(), st.booleans(),
                     st.tuples(st.integers(-5, 5), st.integers(-5, 5)),
                     st.tuples(st.integers(-5, 5), st.floats()))


@FUZZ
@given(index=_indices, value=_scalars)
def test_fuzz_indexing(index, value):
    a = gf.arange(12.0).reshape(3, 4)
    before = a.tolist()
    got, err = _try(lambda: a[index])
    _, set_err = _try(lambda: a.__setitem__(index, value))
    assert a.shape == (3, 4)
    if set_err is not None:
        assert a.tolist() == before  # a rejected assignment wrote nothing
    _still_works()


@FUZZ
@given(shape=_shapes)
def test_fuzz_reshape(shape):
    a = gf.arange(24)
    r, err = _try(lambda: a.reshape(shape))
    if r is not None:
        assert r.size == 24
    assert a.shape == (24,) and a.tolist() == list(range(24))


@FUZZ
@given(x=st.one_of(_scalars, _lists), y=st.one_of(_scalars, _lists))
def test_fuzz_ufuncs(x, y):
    a = gf.arange(3.0)
    for fn in (lambda: gf.add(a, x), lambda: gf.multiply(x, a), lambda: gf.exp(x), lambda: gf.add(x, y),
               lambda: a + x, lambda: x - a, lambda: gf.divide(a, x)):
        _try(fn)
    assert a.tolist() == [0.0, 1.0, 2.0]
    _still_works()


@FUZZ
@given(axis=st.one_of(st.integers(-5, 5), st.floats(allow_nan=True), st.text(max_size=2), st.none()),
       dtype=st.one_of(st.none(), _dtype_names))
def test_fuzz_reductions(axis, dtype):
    a = gf.arange(6.0).reshape(2, 3)
    for fn in (lambda: gf.sum(a, axis=axis), lambda: a.mean(axis=axis), lambda: gf.sum(a, dtype=dtype)):
        _try(fn)
    _still_works()


# ----- the Java embedding hooks (dev.gilfree.embed.PythonSession's Python half) -----

def test_wrap_engine_array_rejects_anything_but_engine_arrays():
    from gilfree import _bridge
    for bad in (None, 3, "x", [1, 2], _bridge.jclass("java.util.ArrayList")()):
        with pytest.raises(TypeError):
            gf._wrap_engine_array(bad)
    a = gf.arange(3.0)
    assert gf._wrap_engine_array(a) is a
    w = gf._wrap_engine_array(a._j)             # a raw engine array: same memory, a new wrapper
    w[1] = 7.0
    assert a.tolist() == [0.0, 7.0, 2.0]


def test_values_handed_back_to_java():
    from gilfree._embed import to_java, from_java
    a = gf.arange(3)
    assert to_java(a) is a._j or to_java(a).equals(a._j)
    assert isinstance(from_java(a._j), gf.ndarray)
    assert to_java(gf.int64(3)) == 3 and type(to_java(gf.int64(3))) is int
    assert to_java(gf.float32(1.5)) == 1.5 and type(to_java(gf.float32(1.5))) is float
    assert to_java(gf.bool(True)) is True
    assert to_java((1, [2.5, None], "s")) == [1, [2.5, None], "s"]
    assert to_java({1: 2}) == "{1: 2}"
    assert from_java(5) == 5 and from_java("x") == "x"


def test_unexpected_java_exceptions_become_one_line_python_errors():
    """A Java exception that reaches the translator untyped (a bug, or a call outside the gateway) becomes
    MemoryError for an OutOfMemoryError and RuntimeError naming the Java cause otherwise, on both runtimes:
    never an AttributeError from the translator, never a Java stack trace."""
    from gilfree import _bridge, _runtime
    parse = _runtime.jclass("java.lang.Integer").parseInt
    with pytest.raises(RuntimeError, match=r"^gilfree internal error: java\.lang\.NumberFormatException: .*'?x'?") as e:
        _bridge.call(parse, "x")
    assert "\n" not in str(e.value) and "at java." not in str(e.value)
    new_array = _runtime.jclass("java.lang.reflect.Array").newInstance
    long_type = _runtime.jclass("java.lang.Long").TYPE
    with pytest.raises(MemoryError, match="array size"):
        _bridge.call(new_array, long_type, 2 ** 31 - 1)  # beyond the VM's array limit: refused at once
    assert gf.arange(3).sum() == 3  # the runtime is still usable
