"""Differential suite: every gilfree ufunc against NumPy on generated inputs of every dtype it accepts.

Checks: same dtype (float16 where NumPy's is: int8 input to a float-only function, ...), same values
(integers and bools exactly; floats within ULPS ulps, NaN == NaN, infinities exact), same exception type
when NumPy refuses the input types. Every case also runs on GraalPy against NumPy's answers recorded by the
CPython run (recorded.py): inputs come from fixed seeds, NumPy's results are kept as plain data.
"""
import cmath
import math
import warnings

import pytest

import gilfree as gf
from _ufunc_cases import COMPLEX, REAL, Input, complex_close, values, ulp_close
from oracle import np
from recorded import answer

pytestmark = pytest.mark.numpy_answers

UNARY = ["negative", "positive", "absolute", "reciprocal", "square", "sqrt", "cbrt", "exp", "exp2", "expm1", "log",
         "log2", "log10", "log1p", "sin", "cos", "tan", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh",
         "arcsinh", "arccosh", "arctanh", "deg2rad", "rad2deg", "floor", "ceil", "trunc", "rint", "sign", "signbit",
         "spacing", "logical_not", "invert", "isnan", "isinf", "isfinite", "bitwise_count"]
BINARY = ["add", "subtract", "multiply", "divide", "floor_divide", "remainder", "fmod", "power", "float_power",
          "arctan2", "hypot", "copysign", "nextafter", "logaddexp", "logaddexp2", "heaviside", "maximum", "minimum",
          "fmax", "fmin", "equal", "not_equal", "less", "less_equal", "greater", "greater_equal", "logical_and",
          "logical_or", "logical_xor", "bitwise_and", "bitwise_or", "bitwise_xor", "left_shift", "right_shift",
          "gcd", "lcm"]
# Tolerance in ulps of the result per function (exact arithmetic: 0; libm-style functions: a few ulps).
ULPS = {"add": 0, "subtract": 0, "multiply": 0, "divide": 0, "sqrt": 0, "square": 0, "negative": 0, "absolute": 0,
        "floor": 0, "ceil": 0, "trunc": 0, "rint": 0, "maximum": 0, "minimum": 0, "fmax": 0, "fmin": 0,
        "copysign": 0, "nextafter": 0, "spacing": 0, "remainder": 0, "fmod": 0, "floor_divide": 0}
DEFAULT_ULPS = 4
COMPLEX_ULPS = 8  # of the larger part: the Java and C libraries round the parts' sin, cosh, log... differently
# Products and quotients of the weak-complex cases: within this relative distance of NumPy's (modulus).
COMPLEX_REL = {"multiply": {"complex64": 2e-7, "complex128": 4e-16},
               "divide": {"complex64": 4e-7, "complex128": 8e-16}}


def _expected(name, arrays):
    """NumPy's result of name(*arrays) as (array, None), or (None, the exception type) when it refuses."""
    f = getattr(np, name)
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            r = f(*arrays)
        except Exception as e:  # noqa: BLE001 - the exception type is what we compare
            return None, _base(type(e))
    return r, None


class _Answer:
    """NumPy's result as plain data, the same whether computed now or replayed (recorded.py)."""
    def __init__(self, rec):
        self.error = {"TypeError": TypeError, "ValueError": ValueError, "OverflowError": OverflowError,
                      "ZeroDivisionError": ZeroDivisionError, "FloatingPointError": FloatingPointError}.get(rec.get("error"))
        self.dtype_name, self.shape, self.values = rec.get("dtype"), tuple(rec.get("shape", ())), rec.get("values")


def _record(want):
    """A NumPy array as plain data (what recorded.py keeps)."""
    return {"dtype": want.dtype.name, "shape": list(want.shape), "values": want.tolist()}


def _answer(name, inputs):
    """NumPy's answer for name over inputs [(values, dtype), ...]: computed with NumPy, else replayed."""
    def compute():
        want, err = _expected(name, [np.asarray(vs, dtype=dt) for vs, dt in inputs])
        if err is not None:
            return {"error": err.__name__}
        return _record(want)
    key = f"ufunc {name} " + " ".join(f"{dt}:{vs!r}" for vs, dt in inputs)
    return _Answer(answer(key, compute))


def _run(name, inputs, ctx):
    want = _answer(name, inputs)
    args = [gf.asarray(vs, dtype=dt) for vs, dt in inputs]
    with gf.errstate(all="ignore"):
        if want.error is not None:
            with pytest.raises(want.error):
                getattr(gf, name)(*args)
            return
        got = getattr(gf, name)(*args)
    _compare(name, got, want, ctx)


def _base(err):
    """NumPy's exception classes (UFuncTypeError, ...) as the builtin type gilfree raises."""
    for b in (OverflowError, TypeError, ValueError, ZeroDivisionError, FloatingPointError):
        if issubclass(err, b):
            return b
    return err


def _compare(name, got, want, ctx):
    """got (a gilfree array) against want: a NumPy array or an _Answer."""
    if not isinstance(want, _Answer):
        want = _Answer(want if isinstance(want, dict) else _record(want))
    assert isinstance(got, gf.ndarray), ctx
    assert got.dtype.name == want.dtype_name, f"{ctx}: dtype {got.dtype.name} != numpy {want.dtype_name}"
    assert got.shape == want.shape, ctx
    g, w = got.tolist(), want.values
    gl = g if isinstance(g, list) else [g]
    wl = w if isinstance(w, list) else [w]
    ulps = ULPS.get(name, DEFAULT_ULPS)
    f32 = {"float32": True, "float16": 16}.get(want.dtype_name, False)
    rel = COMPLEX_REL.get(name, {}).get(want.dtype_name, 0.0)
    for i, (x, y) in enumerate(zip(_flat(gl), _flat(wl))):
        if isinstance(y, complex):
            assert type(x) is complex, f"{ctx} element {i}: gilfree {x!r} numpy {y!r}"
            if rel:
                assert _complex_close(x, y, rel), f"{ctx} element {i}: gilfree {x!r} numpy {y!r} (rel {rel})"
            else:
                cu = max(ulps, COMPLEX_ULPS)
                assert complex_close(x, y, cu, want.dtype_name == "complex64"), \
                    f"{ctx} element {i}: gilfree {x!r} numpy {y!r} (tolerance {cu} ulps of the larger part)"
        elif isinstance(y, float):
            assert ulp_close(x, y, ulps, f32), f"{ctx} element {i}: gilfree {x!r} numpy {y!r} (tolerance {ulps} ulps)"
            if y == 0 and not math.isnan(x) and name not in ("sign",):
                assert math.copysign(1, x) == math.copysign(1, y), f"{ctx} element {i}: sign of zero {x!r} {y!r}"
        else:
            assert x == y and type(x) is type(y), f"{ctx} element {i}: gilfree {x!r} numpy {y!r}"


def _complex_close(x, y, rel):
    """Finite: within `rel` of y's modulus; else the same parts (NaN == NaN, infinities exact)."""
    if cmath.isfinite(x) and cmath.isfinite(y):
        return x == y or abs(x - y) <= rel * abs(y)
    return all(p == q or math.isnan(p) and math.isnan(q) for p, q in ((x.real, y.real), (x.imag, y.imag)))


def _flat(v):
    for x in v:
        if isinstance(x, list):
            yield from _flat(x)
        else:
            yield x


@pytest.mark.parametrize("dt", REAL + COMPLEX)
@pytest.mark.parametrize("name", UNARY)
def test_unary_matches_numpy(name, dt):
    _run(name, [(values(dt, 24, 1), dt)], f"{name}({dt})")


@pytest.mark.parametrize("dt", REAL + COMPLEX)
@pytest.mark.parametrize("name", BINARY)
def test_binary_matches_numpy(name, dt):
    a, b = values(dt, 24, 2), values(dt, 24, 3)
    if name in ("power",) and dt[0] in "iu":  # negative integer powers raise; keep exponents small and >= 0
        b = [abs(v) % 5 for v in b]
    if name in ("power", "float_power") and dt[0] == "c":
        # small integer exponents (NumPy's repeated products); test_complex.py checks exp(y·log x) on its grid,
        # where the magnification of the error by |y·log x| is accounted for
        b = [complex(i % 7 - 3, 0) for i in range(len(b))]
    if name in ("left_shift", "right_shift") and dt[0] in "iu":
        b = [abs(v) % 70 for v in b]
    _run(name, [(a, dt), (b, dt)], f"{name}({dt}, {dt})")


MIXED = [("int8", "uint8"), ("int16", "float32"), ("int32", "float32"), ("uint64", "int64"), ("bool", "int8"),
         ("uint8", "float64"), ("int64", "float32"), ("uint32", "int32"), ("complex64", "float64"),
         ("int16", "complex64"), ("complex64", "complex128")]


@pytest.mark.parametrize("d1,d2", MIXED)
@pytest.mark.parametrize("name", ["add", "multiply", "divide", "maximum", "less", "power", "floor_divide"])
def test_mixed_dtypes_promote_like_numpy(name, d1, d2):
    b = values(d2, 24, 5)
    if name == "power":
        # |v| of a complex is a hypot, which CPython and GraalPy may round differently: the exponents (and so
        # the recorded answer's key) would differ between the runtimes. The real part's magnitude is exact.
        b = [abs(v.real if isinstance(v, complex) else v) % 3 for v in b]
    _run(name, [(values(d1, 24, 4), d1), (b, d2)], f"{name}({d1}, {d2})")


def _with_scalar(name, array, scalar, scalar_first):
    """NumPy's answer for name(array, scalar) (or name(scalar, array)), array an Input."""
    def compute():
        args = (scalar, array.np()) if scalar_first else (array.np(), scalar)
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                return _record(getattr(np, name)(*args))
            except Exception as e:  # noqa: BLE001 - the exception type is what we compare
                return {"error": _base(type(e)).__name__}
    order = f"{scalar!r}, {array.key()}" if scalar_first else f"{array.key()}, {scalar!r}"
    return _Answer(answer(f"ufunc {name} with scalar ({order})", compute))


@pytest.mark.parametrize("dt", REAL)
@pytest.mark.parametrize("scalar", [3, -2, 2.5, True])
@pytest.mark.parametrize("name", ["add", "subtract", "multiply", "divide", "greater", "maximum"])
def test_python_scalars_are_weak(name, dt, scalar):
    a = Input(values(dt, 24, 6), dt, (24,))
    for scalar_first in (False, True):
        want = _with_scalar(name, a, scalar, scalar_first)
        args = (scalar, a.gf()) if scalar_first else (a.gf(), scalar)
        with gf.errstate(all="ignore"):
            if want.error is not None:
                with pytest.raises(want.error):
                    getattr(gf, name)(*args)
                continue
            got = getattr(gf, name)(*args)
        _compare(name, got, want, f"{name}({args[0] if scalar_first else dt}, {dt if scalar_first else scalar})")


COMPLEX = ["complex64", "complex128"]


def _moderate(v):
    """v, or 1.25 where it is an edge value (inf, NaN, huge, subnormal) of the float dtypes."""
    return v if not isinstance(v, float) or v == 0 or 1e-3 < abs(v) < 1e3 else 1.25


def _moderate_values(dt, seed):
    """Values of dtype dt (complex too) without float edge values: the complex loops' handling of
    overflow, NaN and infinities is test_complex.py's, and this suite checks the weak scalar's promotion."""
    if dt in COMPLEX:
        part = "float32" if dt == "complex64" else "float64"
        return [complex(_moderate(x), _moderate(y)) for x, y in zip(values(part, 24, seed), values(part, 24, seed + 1))]
    return [_moderate(v) for v in values(dt, 24, seed)]


@pytest.mark.parametrize("dt", REAL + COMPLEX)
@pytest.mark.parametrize("scalar", [1j, 1.5 - 2j, -0.25 + 0j])
@pytest.mark.parametrize("name", ["add", "subtract", "multiply", "divide", "equal", "not_equal"])
def test_python_complex_scalars_are_weak(name, dt, scalar):
    """NEP 50: a Python complex is weak, so complex64 and float32 arrays give complex64, the rest complex128."""
    a = Input(_moderate_values(dt, 16), dt, (24,))
    for scalar_first in (False, True):
        want = _with_scalar(name, a, scalar, scalar_first)
        args = (scalar, a.gf()) if scalar_first else (a.gf(), scalar)
        with gf.errstate(all="ignore"):
            got = getattr(gf, name)(*args)
        _compare(name, got, want, f"{name}({args[0] if scalar_first else dt}, {dt if scalar_first else scalar})")


SHAPES = [((2, 3), (3,)), ((4, 1), (1, 5)), ((), (3,)), ((0,), (1,)), ((2, 0), (2, 1)), ((), ())]


@pytest.mark.parametrize("s1,s2", SHAPES)
@pytest.mark.parametrize("name", ["add", "arctan2", "less", "bitwise_xor"])
def test_broadcasting_empty_and_0d(name, s1, s2):
    dt = "int32" if name == "bitwise_xor" else "float64"
    i1 = Input([k - 2 for k in range(math.prod(s1))], dt, s1)
    i2 = Input([k + 1 for k in range(math.prod(s2))], dt, s2)

    def compute():
        r = getattr(np, name)(i1.np(), i2.np())
        return dict(_record(r), type=type(r).__name__, item=r.item() if r.ndim == 0 else None)
    want = answer(f"ufunc {name} broadcast {i1.key()} {i2.key()}", compute)
    got = getattr(gf, name)(i1.gf(), i2.gf())
    if s1 == () and s2 == ():
        assert not isinstance(got, gf.ndarray) and type(got).__name__ == want["type"]
        assert got == want["item"]
        return
    _compare(name, got, want, f"{name} {s1} {s2}")


@pytest.mark.parametrize("name", ["add", "multiply", "maximum", "logical_and", "bitwise_or"])
@pytest.mark.parametrize("dt", ["bool", "int8", "uint16", "int64", "float32", "float64"])
def test_out_and_where(name, dt):
    i1, i2 = Input(values(dt, 24, 7), dt, (24,)), Input(values(dt, 24, 8), dt, (24,))
    mask = [i % 3 != 0 for i in range(24)]

    def compute():
        n1, n2 = i1.np(), i2.np()
        want, err = _expected(name, [n1, n2])
        if err is not None:
            return None
        nout = np.zeros(24, dtype=want.dtype)
        with np.errstate(all="ignore"):
            assert getattr(np, name)(n1, n2, out=nout, where=np.asarray(mask)) is nout
        return _record(nout)
    want = answer(f"ufunc {name} out= where= {i1.key()} {i2.key()}", compute)
    if want is None:
        return
    gout = gf.zeros(24, dtype=want["dtype"])
    with gf.errstate(all="ignore"):
        g_r = getattr(gf, name)(i1.gf(), i2.gf(), out=gout, where=gf.asarray(mask))
    assert g_r is gout
    _compare(name, gout, want, f"{name} out=/where=")


@pytest.mark.parametrize("name", ["add", "subtract", "maximum", "less", "hypot"])
def test_ufunc_attributes(name):
    def compute():
        nu = getattr(np, name)
        return {"counts": (nu.nin, nu.nout, nu.nargs), "identity": nu.identity, "types": nu.types}
    want, gu = answer(f"ufunc {name} attributes", compute), getattr(gf, name)
    assert (gu.nin, gu.nout, gu.nargs) == want["counts"]
    assert gu.identity == want["identity"]
    # NumPy's list without long double, object, datetime and the q/Q aliases of l/L; complex loops only
    # where gilfree has them (docs/deviations.md)
    complex_loops = name != "hypot"
    ours = [t for t in want["types"] if not any(c in t for c in "GgOmMqQP" + ("" if complex_loops else "FD"))]
    assert gu.types == ours


@pytest.mark.parametrize("dt_out,casting,ok", [("int64", "same_kind", False), ("int64", "unsafe", True),
                                               ("float32", "same_kind", True), ("float32", "safe", False)])
def test_casting_of_out(dt_out, casting, ok):
    def compute():
        n, nout = np.asarray([1.5, 2.5]), np.zeros(2, dtype=dt_out)
        try:
            np.add(n, n, out=nout, casting=casting)
        except TypeError:
            return {"error": "TypeError"}
        return _record(nout)
    want = answer(f"ufunc add out={dt_out} casting={casting}", compute)
    assert ("error" not in want) == ok, f"numpy: {want}"
    g, gout = gf.asarray([1.5, 2.5]), gf.zeros(2, dtype=dt_out)
    if ok:
        gf.add(g, g, out=gout, casting=casting)
        assert gout.tolist() == want["values"]
    else:
        with pytest.raises(TypeError):
            gf.add(g, g, out=gout, casting=casting)


@pytest.mark.parametrize("dt", ["float32", "float64", "int64"])
def test_dtype_argument(dt):
    i = Input([1, 2, 3], "int16", (3,))
    want = answer(f"ufunc add dtype={dt} {i.key()}", lambda: _record(np.add(i.np(), i.np(), dtype=dt)))
    _compare("add", gf.add(i.gf(), i.gf(), dtype=dt), want, f"add dtype={dt}")


def _warnings_of(fn):
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        try:
            fn()
        except (TypeError, ValueError):
            return None
    return sorted({str(w.message) for w in rec if issubclass(w.category, RuntimeWarning)})


FP_UNARY = [n for n in UNARY if n not in ("invert", "bitwise_count", "logical_not", "isnan", "isinf", "isfinite",
                                          "signbit")]
FP_BINARY = [n for n in BINARY if not n.startswith(("bitwise", "left", "right", "logical", "gcd", "lcm"))
             and n not in ("equal", "not_equal", "less", "less_equal", "greater", "greater_equal",
                           # NumPy warns "invalid" for a NaN *input* here (an x86 ordered compare inside its
                           # implementation); gilfree does not: documented in docs/deviations.md
                           "logaddexp", "logaddexp2")]


@pytest.mark.parametrize("dt", ["float64", "float32", "int32", "uint8", "complex128", "complex64"])
@pytest.mark.parametrize("name", FP_UNARY + FP_BINARY)
def test_floating_point_warnings_match_numpy(name, dt):
    """The RuntimeWarnings (NumPy's texts) a call emits on edge values are the ones NumPy emits."""
    from _ufunc_cases import FLOAT_EDGES, F32_EDGES
    if dt.startswith("float"):
        vs = FLOAT_EDGES if dt == "float64" else F32_EDGES
    else:
        vs = [v for v in values(dt, 24, 9)]
    nin = getattr(gf, name).nin
    if nin == 2 and name == "power" and dt[0] in "iu":
        return  # negative integer powers raise ValueError on both sides, checked elsewhere
    args = [vs] if nin == 1 else [vs, list(reversed(vs))]

    def numpy_warnings():
        return _warnings_of(lambda: getattr(np, name)(*[np.asarray(a, dtype=dt) for a in args]))
    want = answer(f"warnings {name} {dt}:{args!r}", numpy_warnings)
    got = _warnings_of(lambda: getattr(gf, name)(*[gf.asarray(a, dtype=dt) for a in args]))
    if want is None:
        return
    assert got == want, f"{name}({dt}): gilfree warned {got}, NumPy {want}"
