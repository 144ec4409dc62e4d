"""The ufunc/reduction/linalg checks with hand-computed expectations (Python's math and integer arithmetic),
so they run on GraalPy where NumPy is absent (and on CPython too). Float results within ULPS ulps."""
import math
import struct

import pytest

import gilfree as gf
from _ufunc_cases import REAL, INT_RANGE, values, ulp_close

ULPS = 4


def f32(x):
    return struct.unpack("f", struct.pack("f", x))[0] if math.isfinite(x) and abs(x) < 3.4028235677973366e38 else \
        (x if not math.isfinite(x) else math.copysign(math.inf, x))


def wrap(v, dt):
    if dt == "bool":
        return bool(v)
    lo, hi = INT_RANGE[dt] if dt != "uint64" else (0, (1 << 64) - 1)
    span = hi - lo + 1
    return (v - lo) % span + lo


def _safe(fn):
    def g(*a):
        try:
            return fn(*a)
        except (ValueError, ZeroDivisionError):
            return math.nan
        except OverflowError:
            return math.inf
    return g


def _log(x, base=None):
    if x == 0:
        return -math.inf
    if x < 0 or math.isnan(x):
        return math.nan
    if math.isinf(x):
        return math.inf
    return math.log(x) if base is None else (math.log2(x) if base == 2 else math.log10(x))


def _cbrt(x):
    if not math.isfinite(x) or x == 0:
        return x
    if abs(x) < 1e-290:
        return _cbrt(x * 2.0 ** 300) / 2.0 ** 100
    r = math.copysign(abs(x) ** (1 / 3), x)
    return r - (r * r * r - x) / (3 * r * r)  # one Newton step: correctly rounded to within an ulp


FLOAT_UNARY = {
    "sqrt": lambda x: math.nan if x < 0 else math.sqrt(x) if math.isfinite(x) else (x if x > 0 else math.nan),
    "exp": _safe(lambda x: math.exp(x) if x != -math.inf else 0.0),
    "log": _log, "log2": lambda x: _log(x, 2), "log10": lambda x: _log(x, 10),
    "sin": _safe(math.sin), "cos": _safe(math.cos), "tan": _safe(math.tan), "arctan": math.atan,
    "tanh": math.tanh, "floor": lambda x: math.floor(x) * 1.0 if math.isfinite(x) else x,
    "ceil": lambda x: math.ceil(x) * 1.0 if math.isfinite(x) else x, "negative": lambda x: -x,
    "absolute": abs, "square": _safe(lambda x: x * x),
    "expm1": _safe(lambda x: math.expm1(x) if x != -math.inf else -1.0),
    "log1p": lambda x: -math.inf if x == -1 else math.nan if x < -1 or math.isnan(x) else math.log1p(x),
    "cbrt": lambda x: _cbrt(x),
    "rad2deg": math.degrees, "deg2rad": math.radians,
}
CBRT_ULPS = 8


@pytest.mark.parametrize("name", sorted(FLOAT_UNARY))
def test_float_unary_by_hand(name):
    for dt in ("float32", "float64"):
        _float_unary(name, dt)


def _float_unary(name, dt):
    vs = values(dt, 24, 1)
    with gf.errstate(all="ignore"):
        got = getattr(gf, name)(gf.asarray(vs, dtype=dt))
    assert got.dtype.name == dt
    ref = FLOAT_UNARY[name]
    for x, g in zip(vs, got.tolist()):
        xx = f32(x) if dt == "float32" else x
        want = ref(xx)
        if dt == "float32":
            want = f32(want)
        tol = CBRT_ULPS if name == "cbrt" else ULPS
        if name == "tan" and abs(xx) > 1e10:
            continue  # argument reduction of huge arguments: both are "some value in [-inf, inf]"
        assert ulp_close(g, want, tol, dt == "float32"), f"{name}({xx!r}) = {g!r}, expected {want!r}"


INT_BINARY = {
    "add": lambda x, y: x + y, "subtract": lambda x, y: x - y, "multiply": lambda x, y: x * y,
    "floor_divide": lambda x, y: 0 if y == 0 else x // y, "remainder": lambda x, y: 0 if y == 0 else x % y,
    "bitwise_and": lambda x, y: x & y, "bitwise_or": lambda x, y: x | y, "bitwise_xor": lambda x, y: x ^ y,
    "maximum": max, "minimum": min, "gcd": math.gcd,
}
CMP = {"equal": lambda x, y: x == y, "not_equal": lambda x, y: x != y, "less": lambda x, y: x < y,
       "less_equal": lambda x, y: x <= y, "greater": lambda x, y: x > y, "greater_equal": lambda x, y: x >= y,
       "logical_and": lambda x, y: bool(x) and bool(y), "logical_or": lambda x, y: bool(x) or bool(y),
       "logical_xor": lambda x, y: bool(x) != bool(y)}


@pytest.mark.parametrize("dt", [d for d in REAL if d not in ("bool", "float32", "float64")])
def test_integer_binary_wraps_like_numpy(dt):
    for name in sorted(INT_BINARY):
        _int_binary(name, dt)


def _int_binary(name, dt):
    a, b = values(dt, 24, 2), values(dt, 24, 3)
    with gf.errstate(all="ignore"):
        got = getattr(gf, name)(gf.asarray(a, dtype=dt), gf.asarray(b, dtype=dt))
    assert got.dtype.name == dt
    for x, y, g in zip(a, b, got.tolist()):
        want = INT_BINARY[name](x, y)
        if name == "floor_divide" and dt[0] == "i" and y == -1 and x == INT_RANGE[dt][0]:
            want = x  # NumPy: MIN // -1 overflows to MIN (with a warning)
        assert g == wrap(want, dt), f"{name}({x}, {y}) = {g}, expected {wrap(want, dt)}"


@pytest.mark.parametrize("dt", REAL)
def test_comparisons_and_logical_give_bool(dt):
    for name in sorted(CMP):
        _cmp(name, dt)


def _cmp(name, dt):
    a, b = values(dt, 24, 4), values(dt, 24, 5)
    got = getattr(gf, name)(gf.asarray(a, dtype=dt), gf.asarray(b, dtype=dt))
    assert got.dtype.name == "bool"
    for x, y, g in zip(a, b, got.tolist()):
        if dt == "float32":
            x, y = f32(x), f32(y)
        assert g is CMP[name](x, y), f"{name}({x!r}, {y!r})"


# NumPy's result dtypes for each input dtype (from the ufuncs' type tables).
RESULT_DTYPES = {
    "add": {"bool": "bool", "int8": "int8", "uint64": "uint64", "float32": "float32"},
    "divide": {"bool": "float64", "int8": "float64", "uint16": "float64", "float32": "float32"},
    "floor_divide": {"bool": "int8", "int16": "int16", "float32": "float32"},
    "sqrt": {"bool": "float16", "int8": "float16", "uint8": "float16", "int16": "float32", "float16": "float16", "int32": "float64", "uint64": "float64",
             "float32": "float32"},
    "absolute": {"bool": "bool", "int8": "int8", "float64": "float64"},
    "floor": {"bool": "bool", "int32": "int32", "float32": "float32"},
    "isnan": {"bool": "bool", "int8": "bool", "float32": "bool"},
    "invert": {"bool": "bool", "uint8": "uint8", "int64": "int64"},
    "left_shift": {"bool": "int8", "uint16": "uint16"},
    "bitwise_count": {"int8": "uint8", "uint64": "uint8"},
}


@pytest.mark.parametrize("name", sorted(RESULT_DTYPES))
def test_result_dtypes(name):
    uf = getattr(gf, name)
    for dt, want in RESULT_DTYPES[name].items():
        a = gf.asarray(values(dt, 4, 6), dtype=dt)
        with gf.errstate(all="ignore"):
            r = uf(a) if uf.nin == 1 else uf(a, a)
        assert r.dtype.name == want, f"{name}({dt}) gave {r.dtype.name}, NumPy gives {want}"


@pytest.mark.parametrize("name,dt", [("subtract", "bool"), ("negative", "bool"), ("bitwise_and", "float64"),
                                     ("left_shift", "float32"), ("gcd", "float64"), ("floor_divide", "complex128"),
                                     ("arctan2", "complex64"), ("cbrt", "complex128"), ("heaviside", "complex128")])
def test_unsupported_types_raise_type_error(name, dt):
    # NumPy has no loop for these either
    a = gf.asarray([1, 0], dtype=dt)
    uf = getattr(gf, name)
    with pytest.raises(TypeError):
        uf(a) if uf.nin == 1 else uf(a, a)


def test_weak_python_scalars():
    a8 = gf.asarray([100, -100], dtype="int8")
    assert (a8 + 1).dtype.name == "int8" and (a8 + 1.5).dtype.name == "float64"
    assert (gf.asarray([1.0], dtype="float32") * 2.5).dtype.name == "float32"
    assert (gf.asarray([True]) + 1).dtype.name == "int64"
    with pytest.raises(OverflowError, match="Python integer 300 out of bounds for int8"):
        a8 + 300
    assert (a8 + 100).tolist() == [-56, 0]  # wraps
    assert (gf.asarray([1, 2], dtype="uint8") > -1).tolist() == [True, True]


def test_special_float_semantics():
    nan, inf = math.nan, math.inf
    a = gf.asarray([nan, 1.0, -0.0, 2.0])
    b = gf.asarray([1.0, nan, 0.0, -inf])
    mx = gf.maximum(a, b).tolist()
    assert math.isnan(mx[0]) and math.isnan(mx[1]) and mx[3] == 2.0
    assert gf.fmax(a, b).tolist()[:2] == [1.0, 1.0]
    with gf.errstate(all="ignore"):
        assert gf.floor_divide(gf.asarray([7.0, -7.0, 7.0]), gf.asarray([2.0, 2.0, -2.0])).tolist() == [3.0, -4.0, -4.0]
        assert gf.remainder(gf.asarray([7.0, -7.0, 7.0]), gf.asarray([2.0, 2.0, -2.0])).tolist() == [1.0, 1.0, -1.0]
        assert gf.fmod(gf.asarray([7.0, -7.0]), 2.0).tolist() == [1.0, -1.0]
    assert gf.copysign(gf.asarray([1.0, 2.0]), gf.asarray([-0.0, 0.0])).tolist() == [-1.0, 2.0]
    assert gf.signbit(gf.asarray([-0.0, 0.0, -1.0])).tolist() == [True, False, True]
    assert gf.nextafter(gf.asarray([1.0]), 2.0).tolist() == [1.0 + 2 ** -52]
    assert gf.nextafter(gf.asarray([1.0], dtype="float32"), 2.0).tolist() == [1.0 + 2 ** -23]
    assert gf.sign(gf.asarray([-3.0, 0.0, 5.0])).tolist() == [-1.0, 0.0, 1.0]
    assert gf.rint(gf.asarray([0.5, 1.5, 2.5, -0.5])).tolist() == [0.0, 2.0, 2.0, -0.0]
    assert gf.heaviside(gf.asarray([-1.0, 0.0, 2.0]), 0.5).tolist() == [0.0, 0.5, 1.0]
    assert gf.isinf(gf.asarray([inf, -inf, nan, 0.0])).tolist() == [True, True, False, False]
    assert gf.isfinite(gf.asarray([inf, nan, 0.0])).tolist() == [False, False, True]
    assert gf.logaddexp(gf.asarray([0.0]), gf.asarray([0.0])).tolist()[0] == pytest.approx(math.log(2))
    assert gf.hypot(gf.asarray([3.0]), 4.0).tolist() == [5.0]
    assert gf.arctan2(gf.asarray([1.0, -0.0]), gf.asarray([1.0, -1.0])).tolist() == [math.pi / 4, -math.pi]
    assert gf.clip(gf.asarray([-5, 0, 5]), -1, 2).tolist() == [-1, 0, 2]
    assert gf.round(gf.asarray([1.25, 2.675, -0.5]), 1).tolist() == [1.2, 2.7, -0.5]
    frac, whole = gf.modf(gf.asarray([2.5, -1.25, inf]))
    assert frac.tolist() == [0.5, -0.25, 0.0] and whole.tolist() == [2.0, -1.0, inf]
    m, e = gf.frexp(gf.asarray([8.0, 0.75, 0.0]))
    assert m.tolist() == [0.5, 0.75, 0.0] and e.tolist() == [4, 0, 0] and e.dtype.name == "int32"
    q, r = gf.divmod(gf.asarray([7, -7]), 3)
    assert q.tolist() == [2, -3] and r.tolist() == [1, 2]
    assert gf.left_shift(gf.asarray([1], dtype="int8"), gf.asarray([7], dtype="int8")).tolist() == [-128]
    assert gf.right_shift(gf.asarray([-8], dtype="int16"), gf.asarray([20], dtype="int16")).tolist() == [-1]
    assert gf.lcm(gf.asarray([4, -6]), gf.asarray([6, 4])).tolist() == [12, 12]
    assert gf.bitwise_count(gf.asarray([7, -1], dtype="int8")).tolist() == [3, 1]


def test_ufunc_objects():
    assert (gf.add.nin, gf.add.nout, gf.add.nargs, gf.add.identity) == (2, 1, 3, 0)
    assert gf.multiply.identity == 1 and gf.logical_and.identity is True and gf.subtract.identity is None
    assert gf.logaddexp.identity == -math.inf and gf.bitwise_and.identity == -1
    assert gf.add.types[:3] == ["??->?", "bb->b", "BB->B"] and gf.less.types[-3:] == ["dd->?", "FF->?", "DD->?"]
    assert gf.sqrt.types == ["e->e", "f->f", "d->d", "F->F", "D->D"] and gf.sin.types == ["e->e", "f->f", "d->d", "F->F", "D->D"] and repr(gf.sin) == "<ufunc 'sin'>"
    assert isinstance(gf.add, gf.ufunc) and gf.abs is gf.absolute and gf.pow is gf.power and gf.acos is gf.arccos


def test_out_where_dtype_casting_by_hand():
    a = gf.asarray([1.0, 2.0, 3.0])
    out = gf.full((3,), -1.0)
    r = gf.add(a, 10.0, out=out, where=gf.asarray([True, False, True]))
    assert r is out and out.tolist() == [11.0, -1.0, 13.0]
    o2 = gf.zeros(3, dtype="int64")
    with pytest.raises(TypeError, match="Cannot cast ufunc 'add' output from dtype\\('float64'\\) to dtype\\('int64'\\)"):
        gf.add(a, a, out=o2)
    gf.add(a, a, out=o2, casting="unsafe")
    assert o2.tolist() == [2, 4, 6]
    assert gf.add(gf.asarray([100], dtype="int8"), gf.asarray([100], dtype="int8"), dtype="int16").tolist() == [200]
    assert gf.sqrt(gf.asarray([4], dtype="int64"), dtype="float32").dtype.name == "float32"
    with pytest.raises(TypeError, match="casting rule 'same_kind'"):
        gf.add(a, a, dtype="int32")
    with pytest.raises(ValueError, match="operands could not be broadcast together with shapes \\(3,\\) \\(3,\\) \\(2,\\)"):
        gf.add(a, a, out=gf.zeros(2))
    with pytest.raises(ValueError, match="non-broadcastable output operand with shape \\(1,\\)"):
        gf.add(a, a, out=gf.zeros(1))
    assert gf.negative(gf.asarray(3.0)) == -3.0 and not isinstance(gf.negative(gf.asarray(3.0)), gf.ndarray)


def _nested_sum(rows, axis):
    if axis == 0:
        return [sum(r[j] for r in rows) for j in range(len(rows[0]))]
    return [sum(r) for r in rows]


def test_reductions_by_hand():
    rows = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.5]]
    a = gf.asarray(rows)
    assert gf.sum(a) == 21.5 and gf.sum(a, axis=0).tolist() == _nested_sum(rows, 0)
    assert gf.sum(a, axis=1, keepdims=True).tolist() == [[6.0], [15.5]]
    assert gf.prod(a, axis=1).tolist() == [6.0, 130.0]
    assert gf.max(a, axis=0).tolist() == [4.0, 5.0, 6.5] and gf.min(a) == 1.0
    assert gf.argmax(a) == 5 and gf.argmin(a, axis=1).tolist() == [0, 0]
    assert gf.mean(a, axis=0).tolist() == [2.5, 3.5, 4.75]
    assert gf.var(gf.asarray([1.0, 2.0, 3.0, 4.0])) == 1.25
    assert gf.std(gf.asarray([1.0, 2.0, 3.0, 4.0]), ddof=1) == pytest.approx(math.sqrt(5 / 3))
    assert gf.cumsum(a, axis=1).tolist() == [[1.0, 3.0, 6.0], [4.0, 9.0, 15.5]]
    assert gf.cumprod(gf.asarray([1, 2, 3, 4])).tolist() == [1, 2, 6, 24]
    assert gf.any(gf.asarray([0, 0, 3])) and not gf.all(gf.asarray([1, 0]))
    assert gf.count_nonzero(gf.asarray([[0, 1], [2, 0]])) == 2
    assert gf.ptp(a, axis=1).tolist() == [2.0, 2.5]
    i8 = gf.asarray([100, 100, 100], dtype="int8")
    assert gf.sum(i8) == 300 and gf.sum(i8).dtype.name == "int64"
    assert gf.sum(gf.asarray([True, True])).dtype.name == "int64"
    assert gf.sum(gf.asarray([1], dtype="uint8")).dtype.name == "uint64"
    assert gf.sum(gf.zeros((0,))) == 0.0 and gf.prod(gf.zeros((0,))) == 1.0
    assert gf.sum(a, where=gf.asarray([True, False, True])) == 1.0 + 3.0 + 4.0 + 6.5
    assert gf.max(a, axis=1, initial=6.0).tolist() == [6.0, 6.5]
    nan = math.nan
    b = gf.asarray([1.0, nan, 3.0])
    assert math.isnan(gf.sum(b)) and gf.nansum(b) == 4.0 and gf.nanmean(b) == 2.0 and gf.nanmax(b) == 3.0
    assert gf.nanargmin(b) == 0 and gf.nanvar(b) == 1.0
    assert gf.add.reduce(gf.asarray([[1, 2], [3, 4]]), axis=None) == 10
    assert gf.add.accumulate(gf.asarray([1, 2, 3])).tolist() == [1, 3, 6]
    assert gf.multiply.outer(gf.asarray([1, 2]), gf.asarray([1, 2, 3])).tolist() == [[1, 2, 3], [2, 4, 6]]


def test_linalg_and_sorting_by_hand():
    a = gf.asarray([[2.0, 1.0], [1.0, 3.0]])
    assert gf.linalg.det(a) == pytest.approx(5.0)
    assert (a @ gf.linalg.inv(a)).tolist() == [[pytest.approx(1.0), pytest.approx(0.0, abs=1e-15)],
                                               [pytest.approx(0.0, abs=1e-15), pytest.approx(1.0)]]
    assert gf.linalg.solve(a, gf.asarray([3.0, 5.0])).tolist() == [pytest.approx(0.8), pytest.approx(1.4)]
    w = gf.linalg.eigh(a).eigenvalues.tolist()
    assert w == [pytest.approx((5 - math.sqrt(5)) / 2), pytest.approx((5 + math.sqrt(5)) / 2)]
    assert gf.linalg.svd(gf.asarray([[3.0, 0.0], [0.0, -4.0]])).S.tolist() == [pytest.approx(4.0), pytest.approx(3.0)]
    assert gf.linalg.cholesky(gf.asarray([[4.0, 2.0], [2.0, 5.0]])).tolist() == [[2.0, 0.0], [1.0, 2.0]]
    assert gf.linalg.norm(gf.asarray([3.0, 4.0])) == 5.0
    assert int(gf.linalg.matrix_rank(gf.asarray([[1.0, 2.0], [2.0, 4.0]]))) == 1
    assert gf.matmul(gf.asarray([1, 2]), gf.asarray([[1, 0], [0, 1]])).tolist() == [1, 2]
    assert gf.einsum("ij,jk->ik", a, a).tolist() == (a @ a).tolist()
    assert gf.dot(gf.asarray([1, 2, 3]), gf.asarray([4, 5, 6])) == 32
    assert gf.sort(gf.asarray([3.0, math.nan, -1.0])).tolist()[:2] == [-1.0, 3.0]
    assert gf.argsort(gf.asarray([2, 1, 2, 1])).tolist() == [1, 3, 0, 2]
    assert gf.searchsorted(gf.asarray([1, 3, 5]), gf.asarray([0, 3, 6])).tolist() == [0, 1, 3]
    assert gf.unique(gf.asarray([3, 1, 3])).tolist() == [1, 3]
    assert gf.isin(gf.asarray([1, 2]), gf.asarray([2])).tolist() == [False, True]
    assert gf.where(gf.asarray([True, False]), gf.asarray([1, 2]), 0).tolist() == [1, 0]


def test_array_api_namespace_facts():
    assert gf.__array_api_version__ == "2024.12"
    info = gf.__array_namespace_info__()
    assert info.default_dtypes()["real floating"] == gf.float64 and info.default_dtypes()["indexing"] == gf.int64
    assert set(info.dtypes(kind="signed integer")) == {"int8", "int16", "int32", "int64"}
    assert "float32" in info.dtypes() and info.devices() == ["cpu"]
    assert isinstance(info.capabilities(), dict) and "boolean indexing" in info.capabilities()
    assert gf.e == math.e and gf.pi == math.pi and gf.inf == math.inf and math.isnan(gf.nan) and gf.newaxis is None
    assert gf.asarray([1.0]).__array_namespace__() is gf


def test_operators():
    a = gf.asarray([6, 7, -8])
    assert (a // 4).tolist() == [1, 1, -2] and (a % 4).tolist() == [2, 3, 0] and (a ** 2).tolist() == [36, 49, 64]
    assert (a & 3).tolist() == [2, 3, 0] and (a | 1).tolist() == [7, 7, -7] and (a ^ 1).tolist() == [7, 6, -7]
    assert (a << 1).tolist() == [12, 14, -16] and (a >> 1).tolist() == [3, 3, -4] and (~a).tolist() == [-7, -8, 7]
    assert (a < 7).tolist() == [True, False, True] and (a == 7).tolist() == [False, True, False]
    assert abs(a).tolist() == [6, 7, 8] and (-a).tolist() == [-6, -7, 8] and (+a).tolist() == [6, 7, -8]
    assert a.max() == 7 and a.argmin() == 2 and a.sum() == 5 and a.cumsum().tolist() == [6, 13, 5]
    b = gf.asarray([1.0, 2.0])
    b **= 2
    assert b.tolist() == [1.0, 4.0]
    q, r = divmod(a, 4)
    assert q.tolist() == [1, 1, -2] and r.tolist() == [2, 3, 0]
