"""The walking skeleton's behaviour, checked against NumPy (when importable) and hand-written expectations.

Covered: creation (asarray/array/arange/zeros/ones/empty/full), metadata, integer element get/set, item,
tolist, reshape, astype, copy, fill, repr/str, the ufuncs add/subtract/multiply/divide/negative/exp with
out=, operators (plain, reflected, in-place) with NEP 50 scalar promotion and broadcasting, sum/mean, and
the errors the skeleton promises. Every test asserts on both runtimes; see oracle.py for how.

Tables of similar cases run as one test through ``oracle.each`` (which reports every failing case): each
pytest item costs ~50 ms on GraalPy, so a suite of hundreds of one-line items would be mostly overhead.
Known bugs are separate tests marked ``xfail(strict=True)`` with the bug in the reason.
"""
import math
import operator
import warnings

import pytest

import gilfree as gf
from oracle import (HAVE_NUMPY, np, assert_same, check, check_repr, check_text, each, raises_both)

INT64_MAX = 2**63 - 1
INT64_MIN = -2**63


def modules():
    """The array modules a behaviour both share can be run on: gilfree, and numpy where importable."""
    return (gf, np) if HAVE_NUMPY else (gf,)


# ===================================================================== creation

def test_asarray_from_nested_lists():
    each([
        ([1, 2, 3], [1, 2, 3], "int64"),
        ([1.0, 2, 3], [1.0, 2.0, 3.0], "float64"),
        ([[1, 2], [3, 4]], [[1, 2], [3, 4]], "int64"),
        ([[1.5], [2.5]], [[1.5], [2.5]], "float64"),
        ([True, False], [True, False], "bool"),
        ([True, 2], [1, 2], "int64"),
        ([True, 2.5], [1.0, 2.5], "float64"),
        (((1, 2), (3, 4)), [[1, 2], [3, 4]], "int64"),
        ([[[1], [2]], [[3], [4]]], [[[1], [2]], [[3], [4]]], "int64"),
        ([INT64_MIN, INT64_MAX], [INT64_MIN, INT64_MAX], "int64"),
    ], lambda data, value, dtype: check(lambda m: m.asarray(data), value, dtype))


def test_asarray_of_empty_list_is_float64():
    each([([], (0,)), ([[]], (1, 0)), ([[], []], (2, 0))],
         lambda data, shape: check(lambda m: m.asarray(data), [[]] * shape[0] if len(shape) == 2 else [],
                                   "float64", shape=shape))


def test_asarray_of_python_scalar_is_0d():
    def case(scalar, value, dtype):
        a = check(lambda m: m.asarray(scalar), value, dtype, shape=())
        assert a.ndim == 0 and a.size == 1
    each([(5, 5, "int64"), (2.5, 2.5, "float64"), (True, True, "bool"), (-0.0, -0.0, "float64")], case)


def test_array_and_asarray_with_dtype():
    def case(data, dtype, value):
        want = gf.dtype(dtype).name
        check(lambda m: m.array(data, dtype=dtype), value, want)
        check(lambda m: m.asarray(data, dtype=dtype), value, want)
    each([
        ([1, 2, 3], float, [1.0, 2.0, 3.0]),
        ([1.9, -1.9, 0.5], "int64", [1, -1, 0]),
        ([0, 2, -1], "bool", [False, True, True]),
        ([1, 0], "float64", [1.0, 0.0]),
        ([[1, 2]], "f8", [[1.0, 2.0]]),
        ([3], "i8", [3]),
    ], case)


def test_array_ndmin():
    check(lambda m: m.array([1, 2], ndmin=3), [[[1, 2]]], "int64")


def test_asarray_of_array_is_the_same_object_but_array_copies():
    for m in modules():
        a = m.arange(3)
        assert m.asarray(a) is a
        b = m.array(a)
        assert b is not a
        b[0] = 7
        assert a.tolist() == [0, 1, 2] and b.tolist() == [7, 1, 2]
        c = m.asarray(a, dtype=float)
        assert c.dtype == m.float64 and a.dtype == m.int64
        assert c.tolist() == [0.0, 1.0, 2.0]


def test_asarray_ragged_raises_value_error():
    raises_both(ValueError, lambda m: m.asarray([[1, 2], [3]]), match="inhomogeneous")


def test_arange():
    each([
        ((5,), {}, [0, 1, 2, 3, 4], "int64"),
        ((2, 10, 3), {}, [2, 5, 8], "int64"),
        ((10, 0, -3), {}, [10, 7, 4, 1], "int64"),
        ((-2, 2), {}, [-2, -1, 0, 1], "int64"),
        ((5.0,), {}, [0.0, 1.0, 2.0, 3.0, 4.0], "float64"),
        ((0.5, 3), {}, [0.5, 1.5, 2.5], "float64"),
        ((0, 1, 0.25), {}, [0.0, 0.25, 0.5, 0.75], "float64"),
        ((0, 1, 0.1), {}, [i * 0.1 for i in range(10)], "float64"),
        ((-3, 3, 1.5), {}, [-3.0, -1.5, 0.0, 1.5], "float64"),
        ((3,), {"dtype": float}, [0.0, 1.0, 2.0], "float64"),
        ((1, 4), {"dtype": "float64"}, [1.0, 2.0, 3.0], "float64"),
        ((3.0,), {"dtype": int}, [0, 1, 2], "int64"),
        ((0,), {}, [], "int64"),
        ((5, 2), {}, [], "int64"),
        ((0, 5, -1), {}, [], "int64"),
        ((1.0, 0.0), {}, [], "float64"),
    ], lambda args, kwargs, value, dtype: check(lambda m: m.arange(*args, **kwargs), value, dtype,
                                                 **({"shape": (0,)} if value == [] else {})))


def test_zeros_ones():
    def case(name, shape, dtype, dt_name):
        fill = {"float64": 1.0, "int64": 1, "bool": True}[dt_name]
        if name == "zeros":
            fill = type(fill)(0)
        dims = (shape,) if isinstance(shape, int) else tuple(shape)
        value = fill
        for d in reversed(dims):
            value = [value] * d
        kwargs = {} if dtype is None else {"dtype": dtype}
        check(lambda m: getattr(m, name)(shape, **kwargs), value, dt_name, shape=dims)
    each([(name, shape, dtype, dt_name) for name in ("zeros", "ones") for shape, dtype, dt_name in [
        (3, None, "float64"), ((2, 3), None, "float64"), ((2, 3), int, "int64"), ([2, 2], "int64", "int64"),
        ((3,), bool, "bool"), ((), None, "float64"), ((2, 0), float, "float64"), ((1, 1, 2), "float64", "float64"),
    ]], case)


def test_empty_has_shape_and_dtype():
    # NumPy leaves empty()'s values unspecified: only shape and dtype are behaviour.
    for m in modules():
        a = m.empty((2, 3))
        assert (a.shape, a.dtype.name) == ((2, 3), "float64")
        b = m.empty(4, dtype=int)
        assert (b.shape, b.dtype.name) == ((4,), "int64")


def test_full():
    each([
        ((2,), 7, {}, [7, 7], "int64"),
        ((2, 2), 1.5, {}, [[1.5, 1.5], [1.5, 1.5]], "float64"),
        (3, True, {}, [True, True, True], "bool"),
        ((2,), 1.7, {"dtype": int}, [1, 1], "int64"),
        ((2,), -1.7, {"dtype": "int64"}, [-1, -1], "int64"),
        ((2,), 3, {"dtype": float}, [3.0, 3.0], "float64"),
        ((2,), 0.5, {"dtype": bool}, [True, True], "bool"),
        ((2,), -2**62, {}, [-2**62, -2**62], "int64"),
        ((2,), -0.0, {}, [-0.0, -0.0], "float64"),
    ], lambda shape, fill, kwargs, value, dtype: check(lambda m: m.full(shape, fill, **kwargs), value, dtype))


def test_negative_dimensions_raise_value_error():
    raises_both(ValueError, lambda m: m.zeros(-1), match="negative dimensions are not allowed")
    raises_both(ValueError, lambda m: m.ones((2, -3)), match="negative dimensions are not allowed")


# ===================================================================== metadata

def test_shape_ndim_size(xp):
    def case(make, shape):
        a = make(xp)
        assert a.shape == shape
        assert a.ndim == len(shape)
        assert a.size == math.prod(shape)
        assert type(a.shape) is tuple and all(type(d) is int for d in a.shape)
    each([
        (lambda m: m.arange(6), (6,)), (lambda m: m.zeros((2, 3)), (2, 3)), (lambda m: m.asarray(1.5), ()),
        (lambda m: m.ones((4, 0, 2)), (4, 0, 2)), (lambda m: m.arange(24).reshape(2, 3, 4), (2, 3, 4)),
    ], case)


def test_dtype_names_and_equality(xp):
    i, f, b = xp.arange(3), xp.zeros(2), xp.asarray([True])
    assert (i.dtype.name, f.dtype.name, b.dtype.name) == ("int64", "float64", "bool")
    assert i.dtype == "int64" and i.dtype == xp.int64 and i.dtype == int and i.dtype == xp.dtype("i8")
    assert f.dtype == "float64" and f.dtype == xp.float64 and f.dtype == float and f.dtype == "d"
    assert b.dtype == "bool" and b.dtype == xp.bool and b.dtype == bool
    assert i.dtype != f.dtype and f.dtype != "int64"
    assert repr(f.dtype) == "dtype('float64')" and str(i.dtype) == "int64"
    assert (i.dtype.kind, f.dtype.kind, b.dtype.kind) == ("i", "f", "b")
    assert (i.dtype.itemsize, f.dtype.itemsize, b.dtype.itemsize) == (8, 8, 1)


def test_len(xp):
    assert len(xp.zeros((4, 2))) == 4
    assert len(xp.arange(3)) == 3
    with pytest.raises(TypeError):
        len(xp.asarray(1))


# ===================================================================== elements

def test_getitem():
    each([(i, v) for i, v in [(0, 10), (2, 12), (-1, 13), (-4, 10)]],
         lambda index, value: check(lambda m: (m.arange(4) + 10)[index], value, "int64"))
    each([((0, 0), 0.0), ((1, 2), 2.5), ((-1, -1), 2.5), ((1, 0), 1.5), ((0, -2), 0.5)],
         lambda index, value: check(lambda m: (m.arange(6).reshape(2, 3) / 2)[index], value, "float64"))
    check(lambda m: m.asarray([True, False])[1], False, "bool")
    check(lambda m: m.asarray(7)[()], 7, "int64")
    check(lambda m: m.arange(5)[m.int64(3)], 3, "int64")


def test_getitem_returns_numpy_style_scalars():
    x = gf.arange(3)[1]
    assert isinstance(x, gf.int64) and x == 1 and x.dtype == "int64"
    y = gf.arange(3.0)[2]
    assert isinstance(y, gf.float64) and y == 2.0 and y.dtype == "float64"
    assert repr(x) == "np.int64(1)" and repr(y) == "np.float64(2.0)"
    if HAVE_NUMPY:
        assert repr(np.arange(3)[1]) == repr(x) and repr(np.arange(3.0)[2]) == repr(y)


def test_setitem_1d():
    def case(dtype, index, new, value):
        def f(m):
            a = m.zeros(3, dtype=dtype)
            a[index] = new
            return a
        check(f, value, dtype)
    each([
        ("int64", 1, 7, [0, 7, 0]),
        ("int64", -1, -5, [0, 0, -5]),
        ("int64", 0, 1.9, [1, 0, 0]),
        ("int64", 0, -1.9, [-1, 0, 0]),
        ("int64", 2, True, [0, 0, 1]),
        ("int64", 1, INT64_MAX, [0, INT64_MAX, 0]),
        ("float64", 1, 2.5, [0.0, 2.5, 0.0]),
        ("float64", 0, 3, [3.0, 0.0, 0.0]),
        ("float64", 2, 2**63, [0.0, 0.0, 2.0**63]),
        ("bool", 1, 2, [False, True, False]),
        ("bool", 0, 0.5, [True, False, False]),
    ], case)


def test_setitem_2d():
    def f(m):
        a = m.zeros((2, 3), dtype=int)
        a[0, 1] = 5
        a[1, -1] = 9
        a[-2, 0] = a[0, 1] + 1
        return a
    check(f, [[6, 5, 0], [0, 0, 9]], "int64")


def test_setitem_int_out_of_int64_range_raises_overflow_error():
    def f(m):
        a = m.zeros(3, dtype=int)
        a[0] = 2**63
    try:
        raises_both(OverflowError, f)
    except TypeError as e:  # the bug: reported as a failed expectation, not as an error of the test
        raise AssertionError(f"TypeError instead of OverflowError: {e}") from None


def test_int64_store_of_unrepresentable_value_raises():
    def store(value):
        def f(m):
            a = m.arange(3)
            a[0] = value
        return f
    failures = []
    for exc, fn in [(ValueError, store(math.nan)), (OverflowError, store(1e30)),
                    (OverflowError, lambda m: m.full(3, 2**63, dtype="int64"))]:
        try:
            raises_both(exc, fn)
        except pytest.fail.Exception as e:
            failures.append(str(e))
    assert not failures, failures


def test_index_errors():
    def case(make, index, message):
        raises_both(IndexError, lambda m: make(m)[index], match=message)

        def store(m):
            make(m)[index] = 1
        raises_both(IndexError, store, match=message)
    each([
        (lambda m: m.arange(3), 3, r"^index 3 is out of bounds for axis 0 with size 3$"),
        (lambda m: m.arange(3), -4, r"^index -4 is out of bounds for axis 0 with size 3$"),
        (lambda m: m.zeros((2, 3)), (2, 0), r"^index 2 is out of bounds for axis 0 with size 2$"),
        (lambda m: m.zeros((2, 3)), (0, 3), r"^index 3 is out of bounds for axis 1 with size 3$"),
        (lambda m: m.zeros((2, 3)), (1, -4), r"^index -4 is out of bounds for axis 1 with size 3$"),
        (lambda m: m.zeros(0), 0, r"^index 0 is out of bounds for axis 0 with size 0$"),
        (lambda m: m.arange(3), (0, 0), r"^too many indices for array: array is 1-dimensional, but 2 were indexed$"),
    ], case)


def test_failed_setitem_leaves_array_unchanged(xp):
    a = xp.arange(3)
    with pytest.raises(IndexError):
        a[3] = 9
    assert a.tolist() == [0, 1, 2]


def test_item(xp):
    def case(make, args, value, pytype):
        v = make(xp).item(*args)
        assert type(v) is pytype and v == value, (v, value)
    each([
        (lambda m: m.asarray([5]), (), 5, int),
        (lambda m: m.asarray([[2.5]]), (), 2.5, float),
        (lambda m: m.asarray(True), (), True, bool),
        (lambda m: m.asarray(-3), (), -3, int),
        (lambda m: m.arange(4), (2,), 2, int),
        (lambda m: m.arange(6.0).reshape(2, 3), (1, 2), 5.0, float),
        (lambda m: m.arange(6.0).reshape(2, 3), (-1, 0), 3.0, float),
    ], case)


def test_item_with_flat_index_on_2d():
    a = gf.arange(6.0).reshape(2, 3)
    assert a.item(4) == 4.0 and type(a.item(4)) is float
    if HAVE_NUMPY:
        assert np.arange(6.0).reshape(2, 3).item(4) == 4.0


def test_item_of_many_elements_raises_value_error():
    raises_both(ValueError, lambda m: m.arange(3).item(),
                match=r"^can only convert an array of size 1 to a Python scalar$")


def test_tolist_nests_python_values(xp):
    def flatten(v):
        flat = [v]
        while flat and isinstance(flat[0], list):
            flat = [x for sub in flat for x in sub]
        return flat

    def case(make, value):
        got = make(xp).tolist()
        assert got == value
        assert [type(x) for x in flatten(got)] == [type(x) for x in flatten(value)]
    each([
        (lambda m: m.arange(6).reshape(3, 2), [[0, 1], [2, 3], [4, 5]]),
        (lambda m: m.arange(4.0).reshape(2, 1, 2), [[[0.0, 1.0]], [[2.0, 3.0]]]),
        (lambda m: m.asarray([True, False]), [True, False]),
        (lambda m: m.asarray(3.5), 3.5),
        (lambda m: m.zeros((2, 0)), [[], []]),
    ], case)


def test_iteration_over_1d_gives_scalars():
    check(lambda m: [x for x in m.arange(3)][2], 2, "int64")
    assert [x.item() for x in gf.arange(3.0)] == [0.0, 1.0, 2.0]


def test_scalar_conversions(xp):
    a = xp.asarray(2.5)
    assert float(a) == 2.5 and int(a) == 2
    assert bool(xp.asarray(0.0)) is False and bool(xp.asarray([3])) is True
    with pytest.raises(ValueError, match="truth value of an array with more than one element is ambiguous"):
        bool(xp.arange(3))
    with pytest.raises(TypeError):
        float(xp.arange(3))


# ===================================================================== reshape, astype, copy, fill

def test_reshape():
    each([
        (((2, 3),), [[0, 1, 2], [3, 4, 5]]),
        ((2, 3), [[0, 1, 2], [3, 4, 5]]),
        ((3, -1), [[0, 1], [2, 3], [4, 5]]),
        ((-1,), [0, 1, 2, 3, 4, 5]),
        ((1, 6, 1), [[[0], [1], [2], [3], [4], [5]]]),
        (([6],), [0, 1, 2, 3, 4, 5]),
    ], lambda shape_args, value: check(lambda m: m.arange(6).reshape(*shape_args), value, "int64"))
    check(lambda m: m.asarray([7]).reshape(()), 7, "int64", shape=())
    check(lambda m: m.asarray(7).reshape(1, 1), [[7]], "int64")


def test_reshape_of_contiguous_array_is_a_view():
    def f(m):
        a = m.arange(6)
        b = a.reshape(2, 3)
        b[1, 0] = 30
        a[0] = 10
        return a, b
    a, b = f(gf)
    assert a.tolist() == [10, 1, 2, 30, 4, 5] and b.tolist() == [[10, 1, 2], [30, 4, 5]]
    if HAVE_NUMPY:
        na, nb = f(np)
        assert_same(a, na)
        assert_same(b, nb)


def test_reshape_errors():
    raises_both(ValueError, lambda m: m.arange(6).reshape(4, 2), match=r"^cannot reshape array of size 6 into shape \(4,2\)$")
    raises_both(ValueError, lambda m: m.arange(6).reshape(7), match=r"^cannot reshape array of size 6 into shape \(7,\)$")
    raises_both(ValueError, lambda m: m.arange(6).reshape(-1, -1), match="can only specify one unknown dimension")
    raises_both(ValueError, lambda m: m.arange(6).reshape(-1, 4), match="cannot reshape array of size 6")


def test_astype():
    each([
        ([1.5, -1.5, 2.9, -0.0], int, [1, -1, 2, 0], "int64"),
        ([0.0, 2.0, -0.5], bool, [False, True, True], "bool"),
        ([0, 3, -2], "float64", [0.0, 3.0, -2.0], "float64"),
        ([0, 3], "bool", [False, True], "bool"),
        ([True, False], "int64", [1, 0], "int64"),
        ([True, False], float, [1.0, 0.0], "float64"),
        ([2**53 + 1], "int64", [2**53 + 1], "int64"),
    ], lambda data, dtype, value, dt_name: check(lambda m: m.asarray(data).astype(dtype), value, dt_name))


def test_astype_and_copy_do_not_share_memory(xp):
    a = xp.arange(4)
    for b in (a.astype("int64"), a.astype(float), a.copy()):
        assert b is not a
        b[0] = 9
        assert a.tolist() == [0, 1, 2, 3]
    c = a.copy()
    assert c.tolist() == a.tolist() and c.dtype == a.dtype and c.shape == a.shape


def test_astype_unknown_dtype_raises_type_error():
    raises_both(TypeError, lambda m: m.arange(3).astype("nope"), match="data type 'nope' not understood")


def test_fill():
    def case(dtype, fill, value):
        def f(m):
            a = m.ones((2, 2), dtype=dtype)
            assert a.fill(fill) is None
            return a
        check(f, value, dtype)
    each([
        ("float64", 2.5, [[2.5, 2.5], [2.5, 2.5]]),
        ("float64", 3, [[3.0, 3.0], [3.0, 3.0]]),
        ("float64", True, [[1.0, 1.0], [1.0, 1.0]]),
        ("float64", -0.0, [[-0.0, -0.0], [-0.0, -0.0]]),
        ("int64", 7, [[7, 7], [7, 7]]),
        ("int64", 2.7, [[2, 2], [2, 2]]),
        ("int64", -2.7, [[-2, -2], [-2, -2]]),
        ("bool", 2, [[True, True], [True, True]]),
        ("bool", 0.0, [[False, False], [False, False]]),
    ], case)


@pytest.mark.parametrize("how", ["full", "fill"])
def test_full_and_fill_keep_large_int64_exact(how):
    big = 2**53 + 1

    def f(m):
        if how == "full":
            return m.full(2, big)
        a = m.zeros(2, dtype=int)
        a.fill(big)
        return a
    check(f, [big, big], "int64")


# ===================================================================== repr / str

def test_repr_1d():
    each([
        (lambda m: m.array([0.1, 0.25]), "array([0.1 , 0.25])"),
        (lambda m: m.array([1.0, 2.0, 3.0]), "array([1., 2., 3.])"),
        (lambda m: m.array([-1.0, 0.5, 2.25]), "array([-1.  ,  0.5 ,  2.25])"),
        (lambda m: m.array([1, 2, 3]), "array([1, 2, 3])"),
        (lambda m: m.array([1.0, 10.0, 100.0]), "array([  1.,  10., 100.])"),
        (lambda m: m.array([3.14159265358979]), "array([3.14159265])"),
        (lambda m: m.array([1e-5, 1.0]), "array([1.e-05, 1.e+00])"),
        (lambda m: m.array([1e16]), "array([1.e+16])"),
        (lambda m: m.array([0.001, 0.0001]), "array([0.001 , 0.0001])"),
        (lambda m: -m.zeros(2), "array([-0., -0.])"),
        (lambda m: m.array([math.nan, 1.0, math.inf]), "array([nan,  1., inf])"),
        (lambda m: m.array([True, False]), "array([ True, False])"),
        (lambda m: m.arange(30),
         "array([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16,\n"
         "       17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29])"),
        (lambda m: m.arange(20) / 3,
         "array([0.        , 0.33333333, 0.66666667, 1.        , 1.33333333,\n"
         "       1.66666667, 2.        , 2.33333333, 2.66666667, 3.        ,\n"
         "       3.33333333, 3.66666667, 4.        , 4.33333333, 4.66666667,\n"
         "       5.        , 5.33333333, 5.66666667, 6.        , 6.33333333])"),
    ], check_repr)


def test_repr_nd():
    each([
        (lambda m: m.array([[-1, 200], [3, -45]]), "array([[ -1, 200],\n       [  3, -45]])"),
        (lambda m: m.arange(6).reshape(2, 3), "array([[0, 1, 2],\n       [3, 4, 5]])"),
        (lambda m: m.arange(6).reshape(2, 3) / 4, "array([[0.  , 0.25, 0.5 ],\n       [0.75, 1.  , 1.25]])"),
        (lambda m: m.arange(12.0).reshape(3, 4) * 1.5,
         "array([[ 0. ,  1.5,  3. ,  4.5],\n       [ 6. ,  7.5,  9. , 10.5],\n       [12. , 13.5, 15. , 16.5]])"),
        (lambda m: m.arange(24).reshape(2, 3, 4),
         "array([[[ 0,  1,  2,  3],\n        [ 4,  5,  6,  7],\n        [ 8,  9, 10, 11]],\n\n"
         "       [[12, 13, 14, 15],\n        [16, 17, 18, 19],\n        [20, 21, 22, 23]]])"),
        (lambda m: m.array([[True, False], [False, True]]), "array([[ True, False],\n       [False,  True]])"),
    ], check_repr)


def test_repr_0d_empty_and_scalars():
    each([
        (lambda m: m.asarray(5), "array(5)"),
        (lambda m: m.asarray(1.5), "array(1.5)"),
        (lambda m: m.asarray(0.1), "array(0.1)"),
        (lambda m: m.asarray(-2.0), "array(-2.)"),
        (lambda m: m.asarray(True), "array(True)"),
        (lambda m: m.zeros(0), "array([], dtype=float64)"),
        (lambda m: m.arange(0), "array([], dtype=int64)"),
        (lambda m: m.zeros((2, 0), dtype=int), "array([], shape=(2, 0), dtype=int64)"),
        (lambda m: m.arange(5).sum(), "np.int64(10)"),
        (lambda m: m.arange(5.0).mean(), "np.float64(2.0)"),
        (lambda m: m.exp(m.asarray(0.0)), "np.float64(1.0)"),
    ], check_repr)


def test_str():
    each([
        (lambda m: m.array([0.1, 0.25]), "[0.1  0.25]"),
        (lambda m: m.arange(6).reshape(2, 3), "[[0 1 2]\n [3 4 5]]"),
        (lambda m: m.arange(6).reshape(2, 3) / 4, "[[0.   0.25 0.5 ]\n [0.75 1.   1.25]]"),
        (lambda m: m.arange(24).reshape(2, 3, 4),
         "[[[ 0  1  2  3]\n  [ 4  5  6  7]\n  [ 8  9 10 11]]\n\n [[12 13 14 15]\n  [16 17 18 19]\n  [20 21 22 23]]]"),
        (lambda m: m.asarray(2.5), "2.5"),
        (lambda m: m.asarray(7), "7"),
        (lambda m: m.array([True, False]), "[ True False]"),
        (lambda m: m.arange(2000), "[   0    1    2 ... 1997 1998 1999]"),
    ], lambda make, text: check_text(lambda m: str(make(m)), text))


def test_repr_summarised_int_arange():
    check_repr(lambda m: m.arange(2000), "array([   0,    1,    2, ..., 1997, 1998, 1999], shape=(2000,))")


@pytest.mark.parametrize("make, text", [
    (lambda m: m.array([1.0, 2000.0]), "array([1.e+00, 2.e+03])"),
    (lambda m: m.array([1e8]), "array([1.e+08])"),
    (lambda m: m.array([123456789.123]), "array([1.23456789e+08])"),
    (lambda m: m.arange(2000.0),
     "array([0.000e+00, 1.000e+00, 2.000e+00, ..., 1.997e+03, 1.998e+03,\n       1.999e+03], shape=(2000,))"),
], ids=["1_2000", "1e8", "123456789.123", "arange2000.0"])
def test_repr_scientific_notation(make, text):
    check_repr(make, text)


def test_repr_three_digit_exponents():
    check_repr(lambda m: m.array([1e-300, 1.0]), "array([1.e-300, 1.e+000])")


def test_bool_scalar_repr():
    check_text(lambda m: repr(m.asarray([True, False])[0]) + " " + repr(m.asarray([False])[0]), "np.True_ np.False_")


# ===================================================================== ufuncs, operators, NEP 50

def test_nep50_python_scalars_are_weak():
    each([
        (lambda m: m.arange(3) + 1.5, [1.5, 2.5, 3.5], "float64"),   # int64 array + float -> float64
        (lambda m: m.arange(3) + 2, [2, 3, 4], "int64"),              # int64 array + int -> int64
        (lambda m: m.arange(3.0) + 2, [2.0, 3.0, 4.0], "float64"),    # float64 array + int -> float64
        (lambda m: m.arange(3) * 2.0, [0.0, 2.0, 4.0], "float64"),
        (lambda m: m.arange(3) - True, [-1, 0, 1], "int64"),
        (lambda m: m.arange(3) * True, [0, 1, 2], "int64"),
        (lambda m: m.asarray([True, False]) + 1, [2, 1], "int64"),
        (lambda m: m.asarray([True, False]) * 1.5, [1.5, 0.0], "float64"),
        (lambda m: 1.5 + m.arange(3), [1.5, 2.5, 3.5], "float64"),
        (lambda m: 10 - m.arange(3), [10, 9, 8], "int64"),
        (lambda m: 1 - m.arange(3.0), [1.0, 0.0, -1.0], "float64"),
        (lambda m: 3 * m.arange(3), [0, 3, 6], "int64"),
        (lambda m: 2 / m.arange(1, 5), [2.0, 1.0, 2 / 3, 0.5], "float64"),
        (lambda m: 2.0 ** 70 * m.arange(2.0), [0.0, 2.0 ** 70], "float64"),
        (lambda m: m.arange(2.0) + 2 ** 70, [2.0 ** 70, 2.0 ** 70 + 1], "float64"),
        (lambda m: m.arange(3) + INT64_MIN, [INT64_MIN, INT64_MIN + 1, INT64_MIN + 2], "int64"),
    ], check)


def test_bool_arithmetic_follows_numpy():
    failures = []
    for op, value in [(lambda m: m.asarray([True, False]) + m.asarray([True, True]), [True, True]),
                      (lambda m: m.asarray([True, False]) * m.asarray([True, True]), [True, False])]:
        try:
            check(op, value, "bool")
        except AssertionError as e:
            failures.append(str(e))
    for op in (lambda m: -m.asarray([True]), lambda m: m.asarray([True]) - m.asarray([False])):
        try:
            raises_both(TypeError, op)
        except pytest.fail.Exception as e:
            failures.append(str(e))
    assert not failures, failures


def test_int64_arithmetic_wraps_like_numpy():
    check(lambda m: m.asarray([2**62, INT64_MAX]) * 4, [0, -4], "int64")
    check(lambda m: m.asarray([INT64_MAX]) + m.asarray([1]), [INT64_MIN], "int64")
    check(lambda m: -m.asarray([INT64_MIN]), [INT64_MIN], "int64")


def test_python_int_out_of_int64_range_raises_overflow_error():
    def case(scalar):
        raises_both(OverflowError, lambda m: m.arange(3) + scalar)
        raises_both(OverflowError, lambda m: scalar * m.arange(3))
        raises_both(OverflowError, lambda m: m.asarray([1, scalar], dtype="int64"))
    each([2**63, -2**63 - 1, 10**30], case)


def test_asarray_int_out_of_int64_range_raises_overflow_error():
    # As NumPy: ints beyond int64 but within uint64 give uint64; beyond both, OverflowError.
    assert gf.asarray([2**63]).dtype.name == "uint64"
    for data in ([-2**63 - 1], [[1], [2**64]]):
        with pytest.raises(OverflowError, match="out of bounds for u?int64"):
            gf.asarray(data)


def test_binary_and_unary_arithmetic():
    each([
        (lambda m: m.arange(4) + m.arange(4), [0, 2, 4, 6], "int64"),
        (lambda m: m.arange(4) + m.arange(4.0), [0.0, 2.0, 4.0, 6.0], "float64"),
        (lambda m: m.arange(4) - m.asarray([True, False, True, False]), [-1, 1, 1, 3], "int64"),
        (lambda m: m.arange(4.0) * m.arange(4), [0.0, 1.0, 4.0, 9.0], "float64"),
        (lambda m: m.arange(1, 4) / m.arange(1, 4), [1.0, 1.0, 1.0], "float64"),  # int / int -> float64
        (lambda m: m.arange(4) / 2, [0.0, 0.5, 1.0, 1.5], "float64"),
        (lambda m: m.asarray([7, -7]) / m.asarray([2, 2]), [3.5, -3.5], "float64"),
        (lambda m: m.add([1, 2], [3, 4]), [4, 6], "int64"),
        (lambda m: m.subtract([1.5, 2], 1), [0.5, 1.0], "float64"),
        (lambda m: m.multiply(m.arange(3), [2, 3, 4]), [0, 3, 8], "int64"),
        (lambda m: m.divide(m.arange(3), 4), [0.0, 0.25, 0.5], "float64"),
        (lambda m: m.true_divide(m.arange(3), 4), [0.0, 0.25, 0.5], "float64"),
        (lambda m: m.negative(m.arange(3)), [0, -1, -2], "int64"),
        (lambda m: m.negative(m.asarray([1.5, -0.0])), [-1.5, 0.0], "float64"),
        (lambda m: -m.arange(3.0), [-0.0, -1.0, -2.0], "float64"),
        (lambda m: +m.arange(3), [0, 1, 2], "int64"),
    ], check)


def test_ufunc_on_python_scalars_returns_scalars():
    check(lambda m: m.add(1, 2), 3, "int64")
    check(lambda m: m.multiply(1.5, 2), 3.0, "float64")
    check(lambda m: m.exp(0.0), 1.0, "float64")
    check(lambda m: m.negative(m.asarray(4)), -4, "int64")
    check(lambda m: m.asarray(3) + m.asarray(4), 7, "int64")


def test_division_by_zero_gives_ieee_results():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # NumPy warns; gilfree has no errstate yet
        check(lambda m: m.asarray([1, -1, 0]) / 0, [math.inf, -math.inf, math.nan], "float64")
        check(lambda m: m.asarray([1.0, -1.0]) / m.zeros(2), [math.inf, -math.inf], "float64")


def test_ufunc_attributes(xp):
    assert (xp.add.nin, xp.add.nout, xp.add.nargs) == (2, 1, 3)
    assert (xp.exp.nin, xp.exp.nout, xp.exp.nargs) == (1, 1, 2)
    assert xp.negative.nin == 1 and xp.divide.nin == 2
    assert xp.add.__name__ == "add" and repr(xp.exp) == "<ufunc 'exp'>"


def test_ufunc_wrong_argument_count_raises_type_error():
    raises_both(TypeError, lambda m: m.add(m.ones(3)), match=r"add\(\) takes from 2 to 3 positional arguments")
    raises_both(TypeError, lambda m: m.exp(m.ones(3), m.ones(3), m.ones(3)),
                match=r"exp\(\) takes from 1 to 2 positional arguments but 3 were given")


# ===================================================================== broadcasting

def test_broadcasting():
    each([
        (lambda m: m.arange(3).reshape(3, 1) + m.arange(4),
         [[0, 1, 2, 3], [1, 2, 3, 4], [2, 3, 4, 5]]),
        (lambda m: m.arange(4) * m.arange(3).reshape(3, 1),
         [[0, 0, 0, 0], [0, 1, 2, 3], [0, 2, 4, 6]]),
        (lambda m: m.arange(6).reshape(2, 3) - m.asarray([[10], [20]]),
         [[-10, -9, -8], [-17, -16, -15]]),
        (lambda m: m.arange(6).reshape(2, 1, 3) + m.arange(2).reshape(2, 1),
         [[[0, 1, 2], [1, 2, 3]], [[3, 4, 5], [4, 5, 6]]]),
        (lambda m: m.arange(3) + m.asarray(10), [10, 11, 12]),
    ], lambda op, value: check(op, value, "int64"))
    a = check(lambda m: m.ones((3, 1)) + m.arange(4) / 2, [[1.0, 1.5, 2.0, 2.5]] * 3, "float64")
    assert a.shape == (3, 4)
    check(lambda m: m.ones((2, 0), dtype=int) + m.arange(1), [[], []], "int64", shape=(2, 0))
    check(lambda m: m.ones((2, 1)) * m.zeros(0), [[], []], "float64", shape=(2, 0))


def test_broadcast_mismatch_raises_value_error():
    def shp(s):
        text = "(" + ",".join(str(d) for d in s) + ("," if len(s) == 1 else "") + ")"
        return text.replace("(", r"\(").replace(")", r"\)")

    def case(a_shape, b_shape):
        msg = f"operands could not be broadcast together with shapes {shp(a_shape)} {shp(b_shape)}"
        raises_both(ValueError, lambda m: m.ones(a_shape) + m.ones(b_shape), match=msg)
        raises_both(ValueError, lambda m: m.multiply(m.ones(a_shape, dtype=int), m.zeros(b_shape, dtype=int)), match=msg)
    each([((3,), (4,)), ((2, 3), (3, 2)), ((2, 3), (2,)), ((4, 1, 2), (3, 3))], case)


# ===================================================================== out=

@pytest.mark.parametrize("wrap", [lambda o: o, lambda o: (o,)], ids=["ndarray", "tuple"])
def test_out_returns_the_same_object(xp, wrap):
    o = xp.zeros(3)
    r = xp.add(xp.arange(3), 1.5, out=wrap(o))
    assert r is o and o.tolist() == [1.5, 2.5, 3.5]
    r = xp.exp(xp.zeros(3), out=wrap(o))
    assert r is o and o.tolist() == [1.0, 1.0, 1.0]
    r = xp.negative(xp.arange(3.0), out=wrap(o))
    assert r is o and o.tolist() == [-0.0, -1.0, -2.0]


def test_out_positional(xp):
    o = xp.zeros((2, 2))
    assert xp.multiply(xp.ones((2, 2)), 3, o) is o
    assert o.tolist() == [[3.0, 3.0], [3.0, 3.0]]
    oi = xp.zeros(2, dtype=int)
    assert xp.negative(xp.arange(2), oi) is oi and oi.tolist() == [0, -1]


def test_out_keeps_its_dtype_when_result_casts_safely():
    def f(m):
        o = m.zeros(3)
        m.add(m.arange(3), 1, out=o)  # int64 result into a float64 out: allowed (same_kind)
        return o
    check(f, [1.0, 2.0, 3.0], "float64")


def test_out_may_alias_an_input():
    def f(m):
        a = m.arange(4.0)
        m.multiply(a, a, out=a)
        m.add(a, a, out=a)
        return a
    check(f, [0.0, 2.0, 8.0, 18.0], "float64")


def test_out_larger_than_inputs_broadcasts():
    def f(m):
        o = m.zeros((2, 3))
        assert m.add(m.arange(3), 1, out=o) is o
        return o
    check(f, [[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]], "float64")

    def g(m):
        o = m.ones((2, 2), dtype=int)
        m.negative(m.asarray(5), out=o)
        return o
    check(g, [[-5, -5], [-5, -5]], "int64")


def test_out_with_wrong_shape_raises_value_error():
    def case(call, message):
        raises_both(ValueError, lambda m: call(m, m.full(3, 5.0)), match=message)
        o = gf.full(3, 5.0)
        with pytest.raises(ValueError):
            call(gf, o)
        assert o.tolist() == [5.0, 5.0, 5.0]  # left as it was
    each([
        (lambda m, o: m.add(m.ones((2, 3)), 1, out=o),
         r"^non-broadcastable output operand with shape \(3,\) doesn't match the broadcast shape \(2,3\)$"),
        (lambda m, o: m.exp(m.ones(4), out=o), None),  # NumPy words this one as a broadcast mismatch
    ], case)


def test_out_cast_not_allowed_raises_type_error():
    def case(call, name):
        msg = rf"^Cannot cast ufunc '{name}' output from dtype\('float64'\) to dtype\('int64'\) with casting rule 'same_kind'$"
        raises_both(TypeError, lambda m: call(m, m.full(3, 4, dtype=int)), match=msg)
        o = gf.full(3, 4, dtype=int)
        with pytest.raises(TypeError):
            call(gf, o)
        assert o.tolist() == [4, 4, 4] and o.dtype == "int64"  # left as it was
    each([
        (lambda m, o: m.add(m.ones(3), 1, out=o), "add"),
        (lambda m, o: m.add(m.arange(3), 0.5, out=o), "add"),
        (lambda m, o: m.divide(m.arange(3), 1, out=o), "divide"),
        (lambda m, o: m.exp(m.arange(3), out=o), "exp"),
    ], case)


def test_out_must_be_an_array_or_one_tuple():
    raises_both(TypeError, lambda m: m.add(m.ones(3), 1, out=[m.zeros(3)]))
    raises_both(ValueError, lambda m: m.add(m.ones(3), 1, out=(m.zeros(3), m.zeros(3))))


# ===================================================================== in-place operators

def test_inplace_keeps_identity_and_dtype():
    def case(dtype, steps, value):
        def f(m):
            a = m.arange(3).astype(dtype)
            orig = a
            for op, v in steps:
                if op == "+=":
                    a += v
                elif op == "-=":
                    a -= v
                elif op == "*=":
                    a *= v
                else:
                    a /= v
                assert a is orig
            return a
        check(f, value, dtype)
    each([
        ("int64", [("+=", 2), ("*=", 3), ("-=", 1)], [5, 8, 11]),
        ("int64", [("+=", True), ("-=", -4)], [5, 6, 7]),
        ("float64", [("*=", 2), ("/=", 4), ("-=", 1), ("+=", 0.25)], [-0.75, -0.25, 0.25]),
        ("float64", [("+=", 1)], [1.0, 2.0, 3.0]),
        ("float64", [("/=", 0.5)], [0.0, 2.0, 4.0]),
    ], case)


def test_inplace_with_arrays_and_broadcasting():
    def f(m):
        a = m.ones((2, 3))
        orig = a
        a += m.arange(3)
        a *= m.asarray([[2.0], [3.0]])
        a -= m.arange(3)  # int64 operand into float64: allowed
        assert a is orig
        return a
    check(f, [[2.0, 3.0, 4.0], [3.0, 5.0, 7.0]], "float64")


def test_inplace_int_with_float_result_raises_type_error(xp):
    # NumPy raises UFuncTypeError, a subclass of TypeError; the array keeps its values and dtype.
    def case(op):
        a = xp.arange(3)
        orig = a
        with pytest.raises(TypeError, match="Cannot cast ufunc '(add|subtract|multiply|divide)' output from "
                                            r"dtype\('float64'\) to dtype\('int64'\) with casting rule 'same_kind'"):
            exec(f"a {op}", {"a": a, "float_array": xp.ones(3)})
        assert a is orig and a.tolist() == [0, 1, 2] and a.dtype == "int64"
    each(["+= 1.5", "-= 0.5", "*= 1.0", "/= 2", "/= 1", "+= float_array"], case)


def test_inplace_into_smaller_array_raises_value_error():
    def f(m):
        a = m.ones(3)
        a += m.ones((2, 3))
    raises_both(ValueError, f, match=r"non-broadcastable output operand with shape \(3,\)")


# ===================================================================== sum / mean

def test_sum():
    def case(make, value, dtype):
        check(lambda m: m.sum(make(m)), value, dtype)
        check(lambda m: make(m).sum(), value, dtype)
    each([
        (lambda m: m.arange(6), 15, "int64"),
        (lambda m: m.arange(6).reshape(2, 3), 15, "int64"),
        (lambda m: m.asarray([-5, 2]), -3, "int64"),
        (lambda m: m.asarray([INT64_MAX, 1]), INT64_MIN, "int64"),  # wraps, as NumPy's int64 sum
        (lambda m: m.asarray([True, False, True]), 2, "int64"),
        (lambda m: m.arange(6) / 2, 7.5, "float64"),
        (lambda m: m.asarray([[0.5, 0.25], [0.125, -1.0]]), -0.125, "float64"),
        (lambda m: m.zeros(0, dtype=int), 0, "int64"),
        (lambda m: m.zeros((3, 0)), 0.0, "float64"),
        (lambda m: m.asarray(4.5), 4.5, "float64"),
        (lambda m: m.full(1000, 0.5), 500.0, "float64"),
        (lambda m: m.arange(100_001), 5_000_050_000, "int64"),
    ], case)
    check(lambda m: m.sum([1, 2, 3]), 6, "int64")
    check(lambda m: m.sum([1.5, 2]), 3.5, "float64")


def test_mean():
    def case(make, value):
        check(lambda m: m.mean(make(m)), value, "float64")
        check(lambda m: make(m).mean(), value, "float64")
    each([
        (lambda m: m.arange(6), 2.5),
        (lambda m: m.arange(6.0).reshape(3, 2), 2.5),
        (lambda m: m.asarray([True, False, False, False]), 0.25),
        (lambda m: m.asarray([-1, 1]), 0.0),
        (lambda m: m.asarray(7), 7.0),
        (lambda m: m.full((4, 4), 0.75), 0.75),
    ], case)


def test_reduction_results_are_numpy_scalars():
    s = gf.sum(gf.arange(4))
    # as NumPy's: int64 is not a Python int (it has __index__), float64 is a Python float
    assert not isinstance(s, int) and isinstance(s, gf.signedinteger) and type(s) is gf.int64
    assert s.dtype == "int64" and s == 6 and operator.index(s) == 6
    f = gf.sum(gf.arange(4.0))
    assert isinstance(f, float) and isinstance(f, gf.float64) and f.dtype == "float64" and f == 6.0
    mu = gf.arange(4).mean()
    assert isinstance(mu, gf.float64) and mu.dtype == "float64" and mu == 1.5


def test_mean_of_empty_is_nan_with_runtime_warning(xp):
    with pytest.warns(RuntimeWarning):
        r = xp.mean(xp.zeros(0))
    assert math.isnan(r) and r.dtype == "float64"


def test_float_sum_is_accurate():
    n = 10_001
    data = [0.1 * i for i in range(n)]
    exact = math.fsum(data)
    got = gf.sum(gf.asarray(data))
    assert math.isclose(got, exact, rel_tol=1e-14)
    assert math.isclose(gf.asarray(data).mean(), exact / n, rel_tol=1e-14)
    if HAVE_NUMPY:
        # Both sum pairwise; the order of the partial sums may differ in the last bits.
        assert_same(gf.sum(gf.asarray(data)), np.sum(np.asarray(data)), rel=1e-15)


# ===================================================================== exp

EXP_POINTS = [0.0, -0.0, 1.0, -1.0, 0.5, 1e-10, -1e-10, 2.0, 10.0, -10.0, 20.5, 100.0, -100.0,
              700.0, -700.0, 709.0, -708.0, 0.693147180559945, 3.0e-300]


def test_exp_matches_math_exp():
    xs = EXP_POINTS + [i / 7.0 - 50.0 for i in range(701)]
    got = gf.exp(gf.asarray(xs))
    assert got.dtype == "float64" and got.shape == (len(xs),)
    want = [math.exp(x) for x in xs]
    bad = [(x, g, w) for x, g, w in zip(xs, got.tolist(), want) if not math.isclose(g, w, rel_tol=1e-15, abs_tol=0.0)]
    assert not bad, f"{len(bad)} values off by more than rel 1e-15, e.g. {bad[:5]}"
    if HAVE_NUMPY:
        assert_same(got, np.exp(np.asarray(xs)), rel=1e-15)


def test_exp_exact_points_and_specials():
    check(lambda m: m.exp(m.asarray([0.0, -0.0, -math.inf, math.inf, math.nan])),
          [1.0, 1.0, 0.0, math.inf, math.nan], "float64")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # NumPy warns on overflow/underflow
        check(lambda m: m.exp(m.asarray([1000.0, -1000.0])), [math.inf, 0.0], "float64")


def test_exp_of_int_array_is_float64_and_2d_keeps_shape():
    a = check(lambda m: m.exp(m.arange(3)), [1.0, math.e, math.exp(2)], "float64", rel=1e-15)
    assert a.shape == (3,)
    b = check(lambda m: m.exp(m.zeros((2, 2))), [[1.0, 1.0], [1.0, 1.0]], "float64")
    assert b.shape == (2, 2)


# ===================================================================== errors for bad dtypes

def test_unknown_dtype_name_raises_type_error():
    each([
        lambda m: m.zeros(3, dtype="foo"),
        lambda m: m.ones(2, dtype="float65"),
        lambda m: m.asarray([1, 2], dtype="int63"),
        lambda m: m.full(2, 1, dtype="nope"),
        lambda m: m.arange(3, dtype="wat"),
    ], lambda call: raises_both(TypeError, call, match=r"data type '\w+' not understood"))
