"""gf.testing against numpy.testing: for each case, both either pass or fail with AssertionError, and the
failure messages are the same text. No normalisation is applied to the messages: they must match exactly
(header, err_msg placement, mismatch counts and indices, largest differences, ACTUAL/DESIRED reprs).
Arrays are given as (data, dtype) and built with gf.asarray / np.asarray; other arguments (Python numbers,
lists, dicts, tuples) are passed as they are to both. NumPy's outcome is recorded on CPython and replayed
on GraalPy (recorded.py). The context-manager and warning helpers are checked by hand (their outcome is
not a message to compare), assert_string_equal against NumPy's recorded messages."""
import math
import warnings

import pytest

import gilfree as gf
import gilfree.testing as gft
from oracle import np
from recorded import answer

pytestmark = pytest.mark.numpy_answers

NAN, INF = float("nan"), float("inf")


class A:
    """An array argument: built with gf.asarray on gilfree's side and np.asarray on NumPy's."""

    def __init__(self, data, dtype=None):
        self.data, self.dtype = data, dtype

    def __repr__(self):
        return f"A({self.data!r}, {self.dtype!r})"


def _build(v, m):
    if isinstance(v, A):
        return m.asarray(v.data, dtype=v.dtype)
    if isinstance(v, list):
        return [_build(x, m) for x in v]
    if isinstance(v, tuple):
        return tuple(_build(x, m) for x in v)
    if isinstance(v, dict):
        return {k: _build(x, m) for k, x in v.items()}
    return v


def _outcome(fn, args, kwargs):
    try:
        fn(*args, **kwargs)
    except AssertionError as e:
        return {"fails": str(e)}
    return {"passes": True}


F3 = A([1.0, 2.0, 3.0])
CASES = [
    # assert_allclose
    ("assert_allclose", (F3, A([1.0, 2.0, 3.0])), {}),
    ("assert_allclose", (F3, A([1.0, 2.0, 3.0001])), {}),
    ("assert_allclose", (F3, A([1.0, 2.0, 3.0000001])), {}),
    ("assert_allclose", (F3, A([1.0, 2.0, 3.0001])), {"rtol": 1e-3}),
    ("assert_allclose", (F3, A([1.5, 2.5, 3.5])), {"atol": 0.1}),
    ("assert_allclose", (F3, 3.0), {}),
    ("assert_allclose", (F3, 2.0), {}),
    ("assert_allclose", (2.0, F3), {}),
    ("assert_allclose", (2.0, 2.0000001), {}),
    ("assert_allclose", (2.0, 3.0), {}),
    ("assert_allclose", ([1, 2, 3], [1, 2, 4]), {}),
    ("assert_allclose", (A([[1, 2], [3, 4]]), A([[1, 2], [3, 5]])), {}),
    ("assert_allclose", (A([[1.5, 2, 3], [3, 4, 5]]), A([[1, 2, 3], [3, 5, 7]])), {}),
    ("assert_allclose", (A([1.0, NAN]), A([1.0, NAN])), {}),
    ("assert_allclose", (A([1.0, NAN]), A([1.0, NAN])), {"equal_nan": False}),
    ("assert_allclose", (A([1.0, NAN]), A([1.0, 2.0])), {}),
    ("assert_allclose", (A([1.0, NAN, 3.0]), A([1.0, NAN, 4.0])), {}),
    ("assert_allclose", (A([1.0, INF]), A([1.0, INF])), {}),
    ("assert_allclose", (A([1.0, INF]), A([1.0, -INF])), {}),
    ("assert_allclose", (A([1.0, INF]), A([1.0, 5.0])), {}),
    ("assert_allclose", (A([INF, 2.0]), A([INF, 5.0])), {}),
    ("assert_allclose", (A([NAN, NAN]), NAN), {}),
    ("assert_allclose", (A([1.0, 2.0]), A([1.0, 2.0, 3.0])), {}),
    ("assert_allclose", (A([[1.0, 2.0]]), A([1.0, 2.0])), {}),
    ("assert_allclose", (A([1.0, 2.0]), A([1, 2])), {"strict": True}),
    ("assert_allclose", (A([1.0, 2.0]), 1.0), {"strict": True}),
    ("assert_allclose", (A([1.0, 2.0]), A([1.0, 2.0])), {"strict": True}),
    ("assert_allclose", (A([0.0, 2.0]), A([1e-9, 2.0])), {"atol": 1e-10, "err_msg": "hello"}),
    ("assert_allclose", (A([0.0, 2.0]), A([1e-9, 2.0])), {"err_msg": "a long message " * 6}),
    ("assert_allclose", (A([0.0, 2.0]), A([1e-9, 2.0])), {"err_msg": "two\nlines"}),
    ("assert_allclose", (A([0.0, 2.0]), A([1e-9, 2.0])), {"verbose": False}),
    ("assert_allclose", (A([1.0, 2.0]), A([0.0, 0.0])), {}),
    ("assert_allclose", (A([1.0, 2.0], "float32"), A([1.0, 2.001], "float32")), {}),
    ("assert_allclose", (A([1.0, 2.0], "float32"), A([1.0, 2.001])), {}),
    ("assert_allclose", (A(list(range(10)), "float64"), A(list(range(1, 11)), "float64")), {}),
    ("assert_allclose", (A([[float(i + j) for i in range(6)] for j in range(8)]),
                         A([[float(i * j) for i in range(6)] for j in range(8)])), {}),
    ("assert_allclose", (A([1e10, 1e-10]), A([1.0001e10, 1e-9])), {}),
    ("assert_allclose", (A([1 + 2j, 3j]), A([1 + 2j, 3.5j])), {}),
    ("assert_allclose", (A([], "float64"), A([], "float64")), {}),
    ("assert_allclose", (A(5.0), A(6.0)), {}),
    # assert_array_equal
    ("assert_array_equal", (A([1, 2, 3]), A([1, 2, 3])), {}),
    ("assert_array_equal", (A([1, 2, 3]), A([1, 2, 4])), {}),
    ("assert_array_equal", ([1, 2, 3], [1, 2, 4]), {}),
    ("assert_array_equal", (A(list(range(20))), A(list(range(1, 21)))), {}),
    ("assert_array_equal", (A([1, 2, 3, 4]), A([0, 2, 0, 5])), {}),
    ("assert_array_equal", (A([True, False]), A([True, True])), {}),
    ("assert_array_equal", (A([3, 1], "uint8"), A([1, 3], "uint8")), {}),
    ("assert_array_equal", (A([-128, 127], "int8"), A([127, -128], "int8")), {}),
    ("assert_array_equal", (A([1, 2], "int32"), A([1, 3], "int64")), {}),
    ("assert_array_equal", (A([1, 2], "int32"), A([1, 2], "int64")), {"strict": True}),
    ("assert_array_equal", (A([1, 2], "int32"), A([1, 2], "int32")), {"strict": True}),
    ("assert_array_equal", (A([2, 2, 2]), 2), {}),
    ("assert_array_equal", (A([2, 2, 2]), 2), {"strict": True}),
    ("assert_array_equal", (A([2, 3, 2]), 2), {}),
    ("assert_array_equal", (1.5, 2.5), {}),
    ("assert_array_equal", (A([1.0, NAN]), A([1.0, NAN])), {}),
    ("assert_array_equal", (A([0.0, 1.0]), A([-0.0, 1.0])), {}),
    ("assert_array_equal", (A([[1, 2], [3, 4]]), A([[1, 2], [4, 3]])), {"err_msg": "matrices"}),
    ("assert_array_equal", (A([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]), A([[[1, 2], [3, 4]], [[5, 6], [7, 9]]])), {}),
    ("assert_array_equal", (A([1.5, 2.25]), A([1.5, 2.5], "float32")), {}),
    ("assert_array_equal", (A([1e300, 1e-300]), A([1e300, 0.0])), {}),
    ("assert_array_equal", (A([1, 2]), A([1, 2, 3])), {}),
    ("assert_array_equal", (A([]), A([])), {}),
    ("assert_array_equal", (A([]), 5), {}),
    # assert_array_almost_equal
    ("assert_array_almost_equal", (A([1.0, 2.0000001]), A([1.0, 2.0])), {}),
    ("assert_array_almost_equal", (A([1.0, 2.001]), A([1.0, 2.0])), {}),
    ("assert_array_almost_equal", (A([1.0, 2.001]), A([1.0, 2.0])), {"decimal": 2}),
    ("assert_array_almost_equal", (A([1.0, 2.1]), A([1.0, 2.0])), {"decimal": 2}),
    ("assert_array_almost_equal", (A([1, 2]), A([1, 3])), {}),
    ("assert_array_almost_equal", (A([1.0, NAN]), A([1.0, NAN])), {}),
    ("assert_array_almost_equal", (A([1.5, 2.5], "float32"), A([1.5, 2.6], "float32")), {}),
    ("assert_array_almost_equal", ([1.0, 2.0], 1.0), {}),
    # assert_almost_equal
    ("assert_almost_equal", (1.0, 1.00001), {}),
    ("assert_almost_equal", (1.0, 1.00000001), {}),
    ("assert_almost_equal", (1.0, 1.00001), {"decimal": 4}),
    ("assert_almost_equal", (NAN, NAN), {}),
    ("assert_almost_equal", (NAN, 1.0), {}),
    ("assert_almost_equal", (INF, INF), {}),
    ("assert_almost_equal", (INF, -INF), {}),
    ("assert_almost_equal", (1 + 1j, 1 + 1.1j), {}),
    ("assert_almost_equal", ([1.0], [1.00001]), {}),
    ("assert_almost_equal", (A([1.0, 2.0]), A([1.0, 2.1])), {}),
    ("assert_almost_equal", (3, 4), {"err_msg": "ints"}),
    # assert_approx_equal
    ("assert_approx_equal", (1.0, 1.001), {}),
    ("assert_approx_equal", (1.0, 1.0000001), {}),
    ("assert_approx_equal", (1234567.0, 1234568.0), {"significant": 6}),
    ("assert_approx_equal", (1234567.0, 1234578.0), {"significant": 6}),
    ("assert_approx_equal", (NAN, NAN), {}),
    ("assert_approx_equal", (NAN, 1.0), {}),
    ("assert_approx_equal", (INF, 1.0), {}),
    ("assert_approx_equal", (0.0, 0.0), {}),
    # assert_equal
    ("assert_equal", ([1, 2], [1, 3]), {}),
    ("assert_equal", ([1, 2], [1, 2]), {}),
    ("assert_equal", ((1, 2), [1, 2]), {}),
    ("assert_equal", ([1, 2], [1, 2, 3]), {}),
    ("assert_equal", ({"a": [1, NAN]}, {"a": [1, NAN]}), {}),
    ("assert_equal", ({"a": [1, 2]}, {"a": [1, 3]}), {}),
    ("assert_equal", ({"a": 1}, {"b": 1}), {}),
    ("assert_equal", ([1, 2], {"b": 1}), {}),
    ("assert_equal", ([[1, 2], [3, "x"]], [[1, 2], [3, "y"]]), {"err_msg": "nested"}),
    ("assert_equal", (0.0, -0.0), {}),
    ("assert_equal", (-0.0, -0.0), {}),
    ("assert_equal", (NAN, NAN), {}),
    ("assert_equal", (NAN, 1.0), {}),
    ("assert_equal", (1, 1.0), {}),
    ("assert_equal", ("abc", "abd"), {}),
    ("assert_equal", (1 + 2j, 1 + 2j), {}),
    ("assert_equal", (complex(NAN, 1), complex(NAN, 1)), {}),
    ("assert_equal", (1 + 2j, 1 + 3j), {}),
    ("assert_equal", ([NAN], NAN), {}),
    ("assert_equal", (A([1.0, 2.0]), [1, 3]), {}),
    ("assert_equal", (A([1.0, NAN]), [1, NAN]), {}),
    ("assert_equal", (A([3, 3, 3]), 3), {}),
    ("assert_equal", (A([[3, 3], [3, 3]]), 3), {"strict": True}),
    ("assert_equal", (A([2, 2, 2]), A([2.0, 2.0, 2.0], "float32")), {"strict": True}),
    ("assert_equal", ([A([1, 2]), 3], [A([1, 2]), 3]), {}),
    ("assert_equal", ([A([1, 2]), 3], [A([1, 5]), 3]), {}),
    # assert_array_less
    ("assert_array_less", (A([1, 2, 3]), A([2, 3, 4])), {}),
    ("assert_array_less", (A([1, 2, 3]), A([2, 2, 4])), {}),
    ("assert_array_less", (A([1.0, NAN]), A([2.0, NAN])), {}),
    ("assert_array_less", (A([1.0, INF]), A([2.0, INF])), {}),
    ("assert_array_less", (A([1.0, -INF]), A([2.0, 3.0])), {}),
    ("assert_array_less", (A([1.0, 2.0]), 2.0), {}),
    ("assert_array_less", (A([1.0, 2.0]), 3.0), {}),
    ("assert_array_less", (1.0, A([0.5, 2.0])), {}),
    ("assert_array_less", (A([1.0, 2.0]), A([3.0, 4.0], "float32")), {"strict": True}),
    # the ulp assertions
    ("assert_array_max_ulp", (A([1.0, 2.0]), A([1.0, 2.0000000000000004])), {}),
    ("assert_array_max_ulp", (A([1.0, 2.0]), A([1.0, 2.0000000000000004])), {"maxulp": 0}),
    ("assert_array_max_ulp", (A([1.0, -2.0]), A([1.0000000000000009, 2.0])), {"maxulp": 10}),
    ("assert_array_max_ulp", (A([1.0, 0.0]), A([1.0, -0.0])), {"maxulp": 0}),
    ("assert_array_max_ulp", (A([1.0, 2.0], "float32"), A([1.0, 2.001], "float32")), {"maxulp": 100}),
    ("assert_array_max_ulp", (A([1.0, NAN]), A([1.0, NAN])), {"maxulp": 0}),
    ("assert_array_almost_equal_nulp", (A([1.0, 2.0]), A([1.0, 2.0000000000000004])), {}),
    ("assert_array_almost_equal_nulp", (A([1.0, 2.0]), A([1.0, 2.000000000000001])), {}),
    ("assert_array_almost_equal_nulp", (A([1.0, 2.0]), A([1.0, 2.000000000000001])), {"nulp": 3}),
    ("assert_array_almost_equal_nulp", (A([1.0, 2.0], "float32"), A([1.0, 2.001], "float32")), {}),
    # assert_string_equal
    ("assert_string_equal", ("abc\ndef\n", "abc\ndef\n"), {}),
    ("assert_string_equal", ("abc\ndef\n", "abc\ndxf\n"), {}),
    ("assert_string_equal", ("one\ntwo\nthree", "one\nTWO\nthree"), {}),
    # more shapes, dtypes and special values
    ("assert_allclose", (A([[1.0], [2.0]]), A([[1.0], [2.5]])), {}),
    ("assert_allclose", (A([1.0, 2.0, 3.0]), A([[1.0, 2.0, 3.0]])), {}),
    ("assert_allclose", (A(list(range(1001)), "float64"), A(list(range(1, 1002)), "float64")), {}),
    ("assert_allclose", (A([1.0, 2.0, 3.0]), A([-1.0, -2.0, -3.0])), {}),
    ("assert_allclose", (A([1, 2, 3], "int8"), A([1, 2, 4], "int8")), {}),
    ("assert_allclose", (A([1, 2, 3], "int64"), A([1.0, 2.0, 3.5], "float32")), {}),
    ("assert_allclose", (A([1.0, 2.0], "float32"), 2.0), {}),
    ("assert_allclose", (A([INF, NAN, 1.0]), A([INF, NAN, 1.0])), {"equal_nan": False}),
    ("assert_allclose", (A([INF, 1.0]), INF), {}),
    ("assert_allclose", (A([NAN, 1.0]), NAN), {}),
    ("assert_allclose", (A([complex(1, INF), 2j]), A([complex(1, INF), 2j])), {}),
    ("assert_allclose", (A([[1.0, 2.0], [3.0, 4.0]]), A([[1.0, 2.0], [3.0, 4.0]], "float32")), {"strict": True}),
    ("assert_allclose", (A(1.0), A([1.0, 1.0])), {}),
    ("assert_allclose", (A(1.0), A([1.0, 2.0])), {}),
    ("assert_allclose", (A([1e-300, 5e-324]), A([0.0, 0.0])), {"atol": 0}),
    ("assert_array_equal", (A([0, 255], "uint8"), A([255, 0], "uint8")), {}),
    ("assert_array_equal", (A([0, 2 ** 64 - 1], "uint64"), A([1, 0], "uint64")), {}),
    ("assert_array_equal", (A([2 ** 62, -(2 ** 62)]), A([-(2 ** 62), 2 ** 62])), {}),
    ("assert_array_equal", (A([True, False]), A([1, 1])), {}),
    ("assert_array_equal", (A([1, 2], "int16"), A([1.5, 2.0], "float32")), {}),
    ("assert_array_equal", (A([[1, 2, 3]] * 5), A([[1, 2, 3]] * 4 + [[1, 2, 4]])), {}),
    ("assert_array_equal", (A([0.1, 0.2, 0.3]), A([0.1, 0.2, 0.30000000000000004])), {}),
    ("assert_array_equal", (A([1.0, NAN]), NAN), {}),
    ("assert_array_equal", (A([NAN, NAN]), NAN), {}),
    ("assert_array_equal", (A([1.0, 2.0]), A([1.0, 2.0])), {"err_msg": 42}),
    ("assert_array_equal", (A([1.0, 2.0]), A([1.0, 3.0])), {"err_msg": 42}),
    ("assert_array_equal", (A([1, 2]), A([1, 2])), {"strict": True}),
    ("assert_array_equal", (A([1, 2]), A([[1, 2]])), {"strict": True}),
    ("assert_array_almost_equal", (A([1.0, INF]), A([1.0, INF])), {}),
    ("assert_array_almost_equal", (A([1.0, INF]), A([1.0, 1.0])), {}),
    ("assert_array_almost_equal", (A([1, 2], "int8"), A([1, 2], "int8")), {}),
    ("assert_array_almost_equal", (A([1.123456789, 2.0]), A([1.123, 2.0])), {"decimal": 5}),
    ("assert_array_less", (A([1.0, NAN]), A([2.0, 3.0])), {}),
    ("assert_array_less", (A([1.0, INF]), A([2.0, 3.0])), {}),
    ("assert_array_less", (A([[1, 5], [3, 0]]), A([[2, 4], [1, 1]])), {}),
    ("assert_array_less", (A([1, 2]), A([2, 3])), {"strict": True}),
    ("assert_array_less", (A([1, 2], "int32"), A([2, 3])), {"strict": True}),
    ("assert_equal", (A([1.0, 2.0]), A([1.0, 2.0])), {"err_msg": "same"}),
    ("assert_equal", ((1, (2, [3, 4.5])), (1, (2, [3, 4.25]))), {}),
    ("assert_equal", ({"x": {"y": NAN}}, {"x": {"y": NAN}}), {}),
    ("assert_equal", ({"x": {"y": 1.0}}, {"x": {"y": 2.0}}), {}),
    ("assert_equal", (None, None), {}),
    ("assert_equal", (None, 0), {}),
    ("assert_equal", (True, 1), {}),
    ("assert_equal", (INF, INF), {}),
    ("assert_equal", (INF, -INF), {}),
    ("assert_equal", (5, A([5, 5])), {}),
    ("assert_equal", (A([]), 5), {}),
    ("assert_equal", (A([]), 5), {"strict": True}),
    ("assert_almost_equal", (A([1.0, NAN]), A([1.0, NAN])), {"decimal": 3}),
    ("assert_almost_equal", ((1.0, 2.0), (1.0, 2.5)), {}),
    ("assert_almost_equal", (1.0, A([1.0, 1.0000001])), {}),
    ("assert_approx_equal", (-1.0, 1.0), {}),
    ("assert_approx_equal", (1e-20, 1.0000001e-20), {}),
    ("assert_approx_equal", (1e-20, 1.00001e-20), {"err_msg": "tiny"}),
    ("assert_array_max_ulp", (A([1.0, 2.0]), A([1.0, 2.0])), {"maxulp": 0}),
    ("assert_array_max_ulp", (A([1, 2]), A([1, 3])), {}),
    ("assert_array_max_ulp", (A([INF, 1.0]), A([INF, 1.0])), {"maxulp": 0}),
    ("assert_array_almost_equal_nulp", (A([1.0, INF]), A([1.0, INF])), {}),
    ("assert_string_equal", ("same", "same"), {}),
    ("assert_string_equal", ("a\nb\nc\n", "a\nB\nc\nd\n"), {}),
]


@pytest.mark.parametrize("name,args,kwargs", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_outcome_and_message_match_numpy(name, args, kwargs):
    key = f"testing {name} {args!r} {kwargs!r}"
    want = answer(key, lambda: _outcome(getattr(np.testing, name), _build(args, np), kwargs))
    got = _outcome(getattr(gft, name), _build(args, gf), kwargs)
    assert got == want, f"{key}\n gilfree: {got!r}\n numpy:   {want!r}"


def test_max_ulp_returns_the_differences():
    ret = gft.assert_array_max_ulp(gf.asarray([1.0, 2.0]), gf.asarray([1.0, 2.0000000000000004]))
    assert ret.dtype == gf.float64 and ret.shape == (1, 2) and ret.tolist() == [[0.0, 1.0]]
    assert gft.nulp_diff(1.0, -1.0).tolist() == [2 * 0x3FF0000000000000]


def test_takes_numpy_arrays_when_present():
    if np is None:
        pytest.skip("the input here is a NumPy array, and NumPy is not importable on this runtime (GraalPy)")
    gft.assert_allclose(np.arange(3.0), gf.arange(3.0))
    gft.assert_equal({"a": np.array([1.0, np.nan])}, {"a": gf.asarray([1.0, gf.nan])})
    with pytest.raises(AssertionError, match="Mismatched elements: 1 / 3"):
        gft.assert_array_equal(np.array([1, 2, 3]), gf.asarray([1, 2, 4]))


def test_gilfree_scalars():
    gft.assert_equal(gf.float64(1.5), 1.5)
    gft.assert_allclose(gf.sum(gf.asarray([0.1] * 10)), 1.0)
    with pytest.raises(AssertionError, match="ACTUAL: np.float64\\(1.5\\)"):
        gft.assert_equal(gf.float64(1.5), 2.5)


def test_assert_raises_both_forms():
    gft.assert_raises(ValueError, int, "x")
    with gft.assert_raises(ZeroDivisionError):
        1 / 0  # noqa: B018
    with pytest.raises(AssertionError):
        gft.assert_raises(ValueError, int, "3")
    with pytest.raises(AssertionError):
        with gft.assert_raises(KeyError):
            pass
    gft.assert_raises_regex(ValueError, "invalid literal", int, "x")
    with gft.assert_raises_regex(ValueError, "inv.lid"):
        int("x")
    with pytest.raises(AssertionError):
        gft.assert_raises_regex(ValueError, "nomatch", int, "x")


def _warn(category):
    warnings.warn("careful", category)
    return 7


def test_assert_warns_and_no_warnings():
    assert gft.assert_warns(UserWarning, _warn, UserWarning) == 7
    with gft.assert_warns(RuntimeWarning):
        _warn(RuntimeWarning)
    with pytest.raises(AssertionError, match="No warning raised when calling _warn"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            gft.assert_warns(RuntimeWarning, _warn, UserWarning)
    with pytest.raises(AssertionError, match="No warning raised$"):
        with gft.assert_warns(UserWarning):
            pass
    assert gft.assert_no_warnings(math.sqrt, 4.0) == 2.0
    with gft.assert_no_warnings():
        pass
    with pytest.raises(AssertionError, match="Got warnings when calling _warn"):
        gft.assert_no_warnings(_warn, UserWarning)
    with pytest.raises(AssertionError, match="Got warnings: "):
        with gft.assert_no_warnings():
            _warn(UserWarning)


def test_suppress_warnings():
    with gft.suppress_warnings() as sup:
        sup.filter(RuntimeWarning)
        log = sup.record(UserWarning, "care")
        _warn(RuntimeWarning)
        _warn(UserWarning)
        assert len(log) == 1 and log[0].category is UserWarning
    with pytest.warns(DeprecationWarning):
        with gft.suppress_warnings() as sup:
            sup.filter(RuntimeWarning)
            _warn(DeprecationWarning)


def test_namespace():
    assert gf.testing is gft
    for name in gft.__all__:
        assert callable(getattr(gft, name)), name
