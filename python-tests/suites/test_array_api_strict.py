"""The Array API standard (2024.12) with array-api-strict as a second oracle: the namespace has every name
the standard's main namespace and linalg extension define, and every elementwise function gives
array-api-strict's dtype and values for every dtype it accepts. array-api-strict is a NumPy wrapper, so
it runs on CPython only; its answers are recorded there and replayed on GraalPy (recorded.py). The
functions NumPy 2 and the standard share are also checked by hand here."""
import math

import pytest

import gilfree as gf
from oracle import HAVE_NUMPY, check
from recorded import answer

try:
    import array_api_strict as xp
except ImportError:  # GraalPy
    xp = None


def strict(test):
    """A test against array-api-strict's answers: computed where NumPy runs (so array-api-strict must be
    installed there), replayed elsewhere (numpy_answers: not in the parallel run without NumPy)."""
    test = pytest.mark.skipif(xp is None and HAVE_NUMPY, reason="array-api-strict is not installed")(test)
    return pytest.mark.numpy_answers(test)


# gilfree's documented gaps (docs/deviations.md): none left, every elementwise function has its complex loop.
COMPLEX_GAPS = set()


LINALG = ["cholesky", "cross", "det", "diagonal", "eigh", "eigvalsh", "inv", "matmul", "matrix_norm",
          "matrix_power", "matrix_rank", "matrix_transpose", "outer", "pinv", "qr", "slogdet", "solve", "svd",
          "svdvals", "tensordot", "trace", "vecdot", "vector_norm"]
FFT = ["fft", "fftfreq", "fftn", "fftshift", "hfft", "ifft", "ifftn", "ifftshift", "ihfft", "irfft", "irfftn", "rfft",
       "rfftfreq", "rfftn"]


def _namespace():
    xp.set_array_api_strict_flags(api_version="2024.12")
    helpers = {"ArrayAPIStrictFlags", "Device", "ModuleType", "get_array_api_strict_flags",
               "reset_array_api_strict_flags", "set_array_api_strict_flags"}
    return {"names": [n for n in xp.__all__ if n not in helpers],
            "linalg missing": [n for n in LINALG if not hasattr(xp.linalg, n)],
            "fft missing": [n for n in FFT if not hasattr(xp.fft, n)], "version": xp.__array_api_version__}


@strict
def test_namespace_has_every_array_api_name():
    want = answer("array-api-strict namespace", _namespace)
    assert len(want["names"]) > 150
    assert [n for n in want["names"] if not hasattr(gf, n)] == []
    # The 2024.12 linalg extension (array-api-strict's module also imports helpers under other names).
    assert want["linalg missing"] == []  # the list is the standard's
    assert [n for n in LINALG if not hasattr(gf.linalg, n)] == []
    assert want.get("fft missing") == []  # the fft extension, likewise
    assert [n for n in FFT if not hasattr(gf.fft, n)] == []
    assert gf.__array_api_version__ == want["version"] == "2024.12"


DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float32", "float64", "complex64", "complex128"]


def _values(dt):
    if dt == "bool":
        return [True, False, True]
    if dt.startswith("uint"):
        return [0, 1, 7]
    if dt.startswith("int"):
        return [-3, 0, 5]
    if dt.startswith("float"):
        return [-1.5, 0.0, 0.25, 2.0]
    return [1 + 2j, -0.5j, 0.25 + 0j]


def _close(g, w, dt):
    if isinstance(w, list):
        assert isinstance(g, list) and len(g) == len(w)
        for x, y in zip(g, w):
            _close(x, y, dt)
        return
    if isinstance(w, (float, complex)):
        rel = 1e-6 if dt in ("float32", "complex64") else 1e-14
        for a, b in ((complex(g).real, complex(w).real), (complex(g).imag, complex(w).imag)):
            if math.isnan(b):
                assert math.isnan(a), (g, w)
            elif math.isinf(b):
                assert a == b, (g, w)
            else:
                assert abs(a - b) <= rel * max(1.0, abs(b)), (g, w)
    else:
        assert g == w, (g, w)


UNARY = ["abs", "acos", "acosh", "asin", "asinh", "atan", "atanh", "bitwise_invert", "ceil", "conj", "cos", "cosh",
         "exp", "expm1", "floor", "imag", "isfinite", "isinf", "isnan", "log", "log10", "log1p", "log2",
         "logical_not", "negative", "positive", "real", "reciprocal", "round", "sign", "signbit", "sin", "sinh",
         "sqrt", "square", "tan", "tanh", "trunc"]
BINARY = ["add", "atan2", "bitwise_and", "bitwise_left_shift", "bitwise_or", "bitwise_right_shift", "bitwise_xor",
          "copysign", "divide", "equal", "floor_divide", "greater", "greater_equal", "hypot", "less", "less_equal",
          "logaddexp", "logical_and", "logical_or", "logical_xor", "maximum", "minimum", "multiply", "nextafter",
          "not_equal", "pow", "remainder", "subtract"]


def _compare(name, dt, args):
    """gilfree's name(*args) (args: lists of values of dtype dt) against array-api-strict's recorded answer."""
    def compute():
        try:
            r = getattr(xp, name)(*[xp.asarray(a, dtype=getattr(xp, dt)) for a in args])
        except TypeError:
            return None
        import numpy as np
        r = np.asarray(r._array)  # array-api-strict keeps its NumPy array here
        return {"dtype": r.dtype.name, "values": r.tolist()}
    want = answer(f"array-api-strict {name} {dt} {args!r}", compute)
    if want is None:
        return "not in the standard for this dtype"
    try:
        got = getattr(gf, name)(*[gf.asarray(a, dtype=dt) for a in args])
    except TypeError:
        assert dt.startswith("complex") and name in COMPLEX_GAPS, f"{name}({dt}) raised TypeError"
        return "documented gap"
    assert got.dtype.name == want["dtype"], f"{name}({dt}): dtype {got.dtype.name} != {want['dtype']}"
    _close(got.tolist(), want["values"], dt)
    return "checked"


@strict
@pytest.mark.parametrize("name", UNARY)
def test_unary_matches_array_api_strict(name):
    outcomes = []
    with gf.errstate(all="ignore"):
        for dt in DTYPES:
            outcomes.append(_compare(name, dt, [_values(dt)]))
    assert "checked" in outcomes  # every function accepts some dtype


@strict
@pytest.mark.parametrize("name", BINARY)
def test_binary_matches_array_api_strict(name):
    outcomes = []
    with gf.errstate(all="ignore"):
        for dt in DTYPES:
            a, b = _values(dt), _values(dt)[::-1]
            if name in ("bitwise_left_shift", "bitwise_right_shift", "pow"):  # no negative shifts or int powers
                b = [abs(v) % 3 if not isinstance(v, bool) else v for v in b]
            outcomes.append(_compare(name, dt, [a, b]))
    assert "checked" in outcomes


def test_array_api_functions_by_hand():
    check(lambda m: m.concat([m.arange(2), m.arange(3)]), [0, 1, 0, 1, 2], "int64")
    check(lambda m: m.concat([m.ones((1, 2)), m.zeros((1, 2))], axis=None), [1.0, 1.0, 0.0, 0.0], "float64")
    check(lambda m: m.unstack(m.reshape(m.arange(6), (2, 3)), axis=1)[2], [2, 5], "int64")
    assert len(gf.unstack(gf.zeros((4, 2)))) == 4
    with pytest.raises(ValueError):
        gf.unstack(gf.asarray(1.0))
    check(lambda m: m.astype(m.arange(3), m.float32), [0.0, 1.0, 2.0], "float32")
    with pytest.raises(ValueError, match="Device"):
        gf.astype(gf.arange(3), gf.float32, device="gpu")
    x = [[30, 10, 20], [6, 5, 4]]
    check(lambda m: m.take_along_axis(m.asarray(x), m.argsort(m.asarray(x), axis=1), axis=1),
          [[10, 20, 30], [4, 5, 6]], "int64")
    check(lambda m: m.take_along_axis(m.asarray(x), m.asarray([[1], [0]]), axis=1), [[10], [6]], "int64")
    check(lambda m: m.take_along_axis(m.asarray(x), m.asarray([[1, 0, 1]]), axis=0), [[6, 10, 4]], "int64")
    with pytest.raises(ValueError, match="same number of dimensions"):
        gf.take_along_axis(gf.asarray(x), gf.asarray([1]), axis=1)
    assert gf.isdtype(gf.dtype("float32"), ("integral", "real floating"))
    assert gf.isdtype(gf.dtype("uint8"), "integral") and not gf.isdtype(gf.dtype("uint8"), "signed integer")
    assert gf.isdtype(gf.int8, gf.int8) and not gf.isdtype(gf.dtype("complex64"), "real floating")
    assert gf.isdtype(gf.dtype("bool"), "bool") and not gf.isdtype(gf.dtype("bool"), "numeric")
    with pytest.raises(ValueError, match="not a known kind name"):
        gf.isdtype(gf.dtype("int8"), "foo")
    with pytest.raises(TypeError, match="must be a NumPy dtype"):
        gf.isdtype("f8", "numeric")
