"""Complex arrays: arithmetic, comparisons, abs, conjugate, real/imag views, sums and products, truth
tests, the elementary functions, power, ordering and extremes. Hand-written expectations on both
runtimes, NumPy as the oracle where present (oracle.py): each function against NumPy on a grid of
special values (0, -0, ±1, ±inf, nan, huge, tiny in each part) and on random values, for complex64 and
complex128, within the tolerances below (docs/deviations.md)."""
import math
import warnings

import pytest

import gilfree as gf
from oracle import HAVE_NUMPY, check, np

INF, NAN = math.inf, math.nan
Z = [1 + 2j, 3 - 1j]


def z(m, dt="complex128"):
    return m.asarray(Z, dtype=dt)


def test_arithmetic():
    check(lambda m: z(m) + z(m), [2 + 4j, 6 - 2j], "complex128")
    check(lambda m: z(m) - 1, [2j, 2 - 1j], "complex128")
    check(lambda m: z(m) * z(m), [-3 + 4j, 8 - 6j], "complex128")
    check(lambda m: z(m) * 2, [2 + 4j, 6 - 2j], "complex128")
    check(lambda m: z(m) / (1 + 1j), [1.5 + 0.5j, 1 - 2j], "complex128")
    check(lambda m: -z(m), [-1 - 2j, -3 + 1j], "complex128")
    check(lambda m: m.square(z(m)), [-3 + 4j, 8 - 6j], "complex128")
    check(lambda m: m.reciprocal(m.asarray([2j, 4 + 0j])), [-0.5j, 0.25 + 0j], "complex128")


def test_complex64_stays_complex64():
    check(lambda m: z(m, "complex64") * 2.5, [2.5 + 5j, 7.5 - 2.5j], "complex64")
    check(lambda m: z(m, "complex64") + z(m, "complex64"), [2 + 4j, 6 - 2j], "complex64")
    check(lambda m: abs(m.asarray([3 + 4j], dtype="complex64")), [5.0], "float32")


def test_python_complex_scalars_are_weak():
    # NEP 50: a Python complex takes the array's precision
    check(lambda m: m.asarray([1, 2], dtype="complex64") * 1j, [1j, 2j], "complex64")
    check(lambda m: 1j + m.asarray([1.5], dtype="float32"), [1.5 + 1j], "complex64")
    check(lambda m: m.asarray([1, 2], dtype="int8") * 1j, [1j, 2j], "complex128")
    check(lambda m: m.where(m.asarray([True, False]), m.asarray([1, 2], dtype="float32"), 1j), [1 + 0j, 1j], "complex64")


def test_real_input_promotes_to_complex():
    check(lambda m: m.arange(2.0) + z(m), [1 + 2j, 4 - 1j], "complex128")
    check(lambda m: m.arange(2) * z(m), [0j, 3 - 1j], "complex128")


def test_abs_and_comparisons():
    check(lambda m: abs(m.asarray([3 + 4j, -5j])), [5.0, 5.0], "float64")
    check(lambda m: z(m) == m.asarray([1 + 2j, 3 + 1j]), [True, False], "bool")
    check(lambda m: z(m) != m.asarray([1 + 2j, 3 + 1j]), [False, True], "bool")


def test_conjugate_real_and_imag():
    check(lambda m: m.conjugate(z(m)), [1 - 2j, 3 + 1j], "complex128")
    check(lambda m: z(m).conj(), [1 - 2j, 3 + 1j], "complex128")
    check(lambda m: m.real(z(m)), [1.0, 3.0], "float64")
    check(lambda m: m.imag(z(m, "complex64")), [2.0, -1.0], "float32")
    a = gf.arange(3.0)
    assert a.conj() is a  # NumPy: a real array's conjugate is itself
    check(lambda m: m.conjugate(m.arange(3)), [0, 1, 2], "int64")


def test_real_and_imag_are_writeable_views():
    w = gf.asarray(Z)
    w.real[0] = 5.0
    w.imag[1] = 7.0
    assert w.tolist() == [5 + 2j, 3 + 7j]
    assert w.real.base is w and w.real.dtype == gf.float64


def test_angle():
    check(lambda m: m.angle(m.asarray([1j, -1 + 0j, 1 + 0j])), [math.pi / 2, math.pi, 0.0], "float64")


def test_reductions():
    check(lambda m: m.sum(m.asarray([1 + 2j, 3 - 1j, 0.5j])), 4 + 1.5j, "complex128")
    check(lambda m: m.prod(z(m)), 5 + 5j, "complex128")
    check(lambda m: z(m).mean(), 2 + 0.5j, "complex128")
    check(lambda m: m.sum(m.asarray([[1 + 1j, 2j], [3 + 0j, -1j]]), axis=0), [4 + 1j, 1j], "complex128")
    check(lambda m: m.prod(m.asarray([[1 + 1j, 2j], [3 + 0j, -1j]]), axis=1, keepdims=True),
          [[-2 + 2j], [-3j]], "complex128")
    check(lambda m: m.any(m.asarray([0j, 1j])), True, "bool")
    check(lambda m: m.all(m.asarray([0j, 1j])), False, "bool")


def test_truth_of_complex():
    check(lambda m: m.asarray([0j, 1j, 2 + 0j]).astype(bool), [False, True, True], "bool")
    check(lambda m: m.logical_not(m.asarray([0j, 1j])), [True, False], "bool")
    check(lambda m: m.isnan(m.asarray([complex(0, math.nan), 1j])), [True, False], "bool")
    check(lambda m: m.isinf(m.asarray([complex(math.inf, 0), 1j])), [True, False], "bool")
    check(lambda m: m.isfinite(m.asarray([complex(math.inf, 0), 1j])), [False, True], "bool")


def test_division_by_zero_warns_like_numpy():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        r = gf.asarray([1 + 0j, 1 + 1j]) / 0
    got = r.tolist()
    assert math.isinf(got[0].real) and math.isnan(got[0].imag)
    assert math.isinf(got[1].real) and math.isinf(got[1].imag)
    messages = sorted(str(w.message) for w in caught if issubclass(w.category, RuntimeWarning))
    assert messages == ["divide by zero encountered in divide", "invalid value encountered in divide"]
    with gf.errstate(all="raise"), pytest.raises(FloatingPointError):
        gf.asarray([0j]) / 0


def test_what_has_no_complex_loop_yet_raises_type_error():
    with pytest.raises(TypeError, match="where="):
        gf.maximum.reduce(gf.asarray(Z), where=gf.asarray([True, False]), initial=0)


def test_rint_rounds_each_part():
    check(lambda m: m.rint(m.asarray([2.5 - 1.5j, 0.4 + 3.6j])), [2 - 2j, 0 + 4j], "complex128")
    near(lambda m: m.round(m.asarray([1.25 + 2.75j], dtype="complex64"), 1), [1.2 + 2.8j], "complex64")


V = [1 + 2j, 3 - 1j, 0.5j, 2.5 - 1.5j]


def test_extremes_reduce_and_everything_accumulates():
    check(lambda m: m.max(m.asarray(V)), 3 - 1j, "complex128")
    check(lambda m: m.min(m.asarray(V, dtype="complex64")), 0.5j, "complex64")
    check(lambda m: m.max(m.asarray([V, V[::-1]]), axis=1), [3 - 1j, 3 - 1j], "complex128")
    near(lambda m: m.max(m.asarray([complex(1, NAN), 2 + 0j]), keepdims=True), [complex(1, NAN)], "complex128")
    check(lambda m: m.subtract.reduce(m.asarray(V)), -4.5 + 4j, "complex128")
    check(lambda m: m.cumsum(m.asarray(V)), [1 + 2j, 4 + 1j, 4 + 1.5j, 6.5 + 0j], "complex128")
    check(lambda m: m.cumprod(m.asarray(V)), [1 + 2j, 5 + 5j, -2.5 + 2.5j, -2.5 + 10j], "complex128")
    check(lambda m: m.maximum.accumulate(m.asarray(V)), [1 + 2j, 3 - 1j, 3 - 1j, 3 - 1j], "complex128")
    with pytest.raises(ValueError, match="no identity"):
        gf.min(gf.asarray([], dtype="complex128"))


S = [1 + 2j, 1 + 1j, 0.7 + 0j, 0.2 + 5j, complex(1, NAN), complex(NAN, 1), 3 - 1j, complex(NAN, 0), 1 + 1j]


def _same_list(got, want):
    assert len(got) == len(want)
    for g, w in zip(got, want):
        _same_complex(complex(g), complex(w), 0.0)


def test_sorting_searching_and_sets_order_complex_as_numpy():
    # real part, then imaginary part; then R + nanj, nan + Rj, nan + nanj (each group by its other part)
    order = [0.2 + 5j, 0.7 + 0j, 1 + 1j, 1 + 1j, 1 + 2j, 3 - 1j, complex(1, NAN), complex(NAN, 0), complex(NAN, 1)]
    for m in [gf] + ([np] if HAVE_NUMPY else []):
        _same_list(m.sort(m.asarray(S)).tolist(), order)
        assert m.argsort(m.asarray(S)).tolist() == [3, 2, 1, 8, 0, 6, 4, 7, 5]
        assert int(m.argmax(m.asarray(S[:4]))) == 0 and int(m.argmin(m.asarray(S[:4]))) == 3
        assert int(m.argmax(m.asarray(S))) == 4  # the first NaN wins
        _same_list(m.unique(m.asarray(S)).tolist(), order[:2] + order[3:7])  # NaNs collapse into one
        assert m.searchsorted(m.sort(m.asarray(S)), m.asarray([1 + 1.5j, complex(NAN, 0.5)])).tolist() == [4, 8]
        assert m.isin(m.asarray(S), m.asarray([1 + 1j, 0.2 + 5j])).tolist() == [False, True, False, True, False,
                                                                                False, False, False, True]
        # a value is non-zero when either part is
        assert m.argwhere(m.asarray([0.5j, 0j, 2 + 0j])).tolist() == [[0], [2]]
        assert m.nonzero(m.asarray([0.5j, 0j, 2 + 0j]))[0].tolist() == [0, 2]


def test_variance_and_nan_extremes():
    check(lambda m: m.var(m.asarray(V)), 3.296875, "float64")  # mean |z - 1.625|²
    check(lambda m: m.std(m.asarray([1j, -1j], dtype="complex64")), 1.0, "float32")
    near(lambda m: m.nanmax(m.asarray(S), keepdims=True), [3 - 1j], "complex128")
    near(lambda m: m.nanmin(m.asarray(S), keepdims=True), [0.2 + 5j], "complex128")
    check(lambda m: m.nanargmax(m.asarray(S)), 6, "int64")


A = [[1 + 2j, 3 - 1j], [0.5j, 2 + 0j]]


def test_matrix_products_keep_the_imaginary_parts():
    check(lambda m: m.asarray(A) @ m.asarray(A), [[-2.5 + 5.5j, 11 + 3j], [-1 + 1.5j, 4.5 + 1.5j]], "complex128")
    check(lambda m: m.asarray(A) @ m.asarray([1.0, 2.0]), [7 + 0j, 4 + 0.5j], "complex128")
    check(lambda m: m.dot(m.asarray(A, dtype="complex64"), m.asarray(A, dtype="complex64")[0]), [5 - 2j, 5 - 1.5j], "complex64")
    check(lambda m: m.vdot(m.asarray(A[0]), m.asarray(A[1])), 7 + 2.5j, "complex128")  # the first one conjugated
    check(lambda m: m.vecdot(m.asarray(A[0]), m.asarray(A[1])), 7 + 2.5j, "complex128")  # so is vecdot's
    check(lambda m: m.isclose(m.asarray([0.5j, 1 + 1j]), m.asarray([0j, 1 + 1.000000001j])), [False, True], "bool")
    check(lambda m: m.linalg.matrix_power(m.asarray(A), 2), [[-2.5 + 5.5j, 11 + 3j], [-1 + 1.5j, 4.5 + 1.5j]], "complex128")
    check(lambda m: m.linalg.vector_norm(m.asarray([3 + 4j, 0j])), 5.0, "float64")
    d = gf.linalg.det(gf.asarray(A))  # LAPACK's zgetrf: within rounding of (1+2j)*2 - (3-1j)*0.5j
    assert d.dtype == gf.complex128 and abs(complex(d) - (1.5 + 2.5j)) < 1e-14


@pytest.mark.skipif(not HAVE_NUMPY, reason="NumPy oracle")
def test_large_split_operations_match_numpy():
    import numpy as np
    n = 200_003  # splits across cores
    re = np.linspace(-3, 3, n)
    a = re + 1j * re[::-1]
    g = gf.asarray(a.tolist())
    assert (g - 2j).tolist() == (a - 2j).tolist()  # sums are exact to the rounding NumPy does
    # Products and quotients: gilfree fuses each product's multiply-add as NumPy's FMA loops do; NumPy on
    # hardware without FMA does not, and a part that cancels to near zero then differs: both agree within
    # a few ulps of the operands' magnitude.
    for got, want, scale in ((g * g, a * a, abs(a) ** 2), (g / (g + 1), a / (a + 1), abs(a) / abs(a + 1))):
        for x, y, s in zip(got.tolist(), want.tolist(), scale.tolist()):
            assert abs(x - y) <= 8 * math.ulp(s), (x, y)
    # pairwise sums by part: within rounding of the summed magnitudes (the total itself cancels to ~0)
    assert abs(complex(gf.sum(g)) - complex(np.sum(a))) <= 1e-13 * float(np.sum(np.abs(a)))


def test_sqrt_exp_log_values():
    check(lambda m: m.sqrt(m.asarray([-4 + 0j, 3 + 4j, -3 - 4j])), [2j, 2 + 1j, 1 - 2j], "complex128")
    check(lambda m: m.exp(m.asarray([0j, 2 + 0j])), [1 + 0j, math.exp(2) + 0j], "complex128")
    check(lambda m: m.log(m.asarray([1 + 0j, -1 + 0j])), [0j, math.pi * 1j], "complex128")
    check(lambda m: m.sqrt(m.asarray([-4 + 0j], dtype="complex64")), [2j], "complex64")
    e = gf.exp(gf.asarray([1j * math.pi / 2]))
    assert abs(complex(e[0]) - 1j) < 1e-15
    with gf.errstate(divide="raise"), pytest.raises(FloatingPointError):
        gf.log(gf.asarray([0j]))


SPECIAL = [0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 3.0, 1e300, -1e300, 1e-310, 800.0, -800.0, INF, -INF, NAN]
UNARY = ["sqrt", "exp", "log", "sin", "cos", "tan", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh",
         "arcsinh", "arccosh", "arctanh", "log2", "log10", "log1p", "expm1", "exp2", "sign", "reciprocal"]
# Tolerance, in units of the dtype's epsilon times the larger part of NumPy's result (measured: at most 3;
# the Java and C libraries round sin, cosh, log... differently). Zeros, infinities and NaNs must be exact,
# signs included.
EPS = {"complex128": 2.0 ** -52, "complex64": 2.0 ** -23}
ULPS_SPECIAL, ULPS_RANDOM = 8, 4


TINY = {"complex128": 5e-324, "complex64": 1.4e-45}  # subnormal results keep fewer digits: a few of these too


def _same_complex(g, w, rel, tiny=0.0):
    scale = max(abs(p) for p in (w.real, w.imag) if math.isfinite(p)) if any(map(math.isfinite, (w.real, w.imag))) else 0
    for a, b in ((g.real, w.real), (g.imag, w.imag)):
        if math.isnan(b):
            assert math.isnan(a), (g, w)
        elif math.isinf(b) or (b == 0 and abs(a) > rel * scale + 4 * tiny):
            assert a == b and math.copysign(1, a) == math.copysign(1, b), (g, w)
        else:
            assert abs(a - b) <= rel * scale + 4 * tiny, (g, w)


def near(fn, want, dt, ulps=ULPS_RANDOM):
    """fn(gilfree) (and fn(numpy) when present) gives dtype dt and the hand-written values `want`, within
    `ulps` of the larger part; NaN, infinities and zeros exactly."""
    results = [fn(gf)] + ([fn(np)] if HAVE_NUMPY else [])
    for r in results:
        assert r.dtype.name == dt
        got = r.tolist()
        assert len(got) == len(want)
        for g, w in zip(got, want):
            _same_complex(complex(g), complex(w), ulps * EPS[dt], TINY[dt])


def test_trigonometric_and_hyperbolic_values():
    # hand-written (NumPy's values), so GraalPy checks them too
    near(lambda m: m.sin(m.asarray([1 + 2j])), [3.165778513216168 + 1.9596010414216063j], "complex128")
    near(lambda m: m.cos(m.asarray([1 + 2j])), [2.0327230070196656 - 3.0518977991518j], "complex128")
    near(lambda m: m.tanh(m.asarray([complex(INF, 2), complex(-INF, 0.5)])), [complex(1, -0.0), complex(-1, 0.0)], "complex128")
    near(lambda m: m.arcsin(m.asarray([2 + 0j, complex(2, -0.0)])),
         [math.pi / 2 + 1.3169578969248166j, complex(math.pi / 2, -1.3169578969248166)], "complex128")
    near(lambda m: m.arccosh(m.asarray([0j, complex(INF, INF)])), [math.pi / 2 * 1j, complex(INF, math.pi / 4)], "complex128")
    near(lambda m: m.arctan(m.asarray([0.5 + 0.5j], dtype="complex64")), [0.5535743832588196 + 0.4023594856262207j],
         "complex64")
    with gf.errstate(divide="raise"), pytest.raises(FloatingPointError):
        gf.arctanh(gf.asarray([1 + 0j]))
    with gf.errstate(invalid="raise"), pytest.raises(FloatingPointError):
        gf.sinh(gf.asarray([complex(1, INF)]))


def test_log_and_exp_variants_and_sign():
    near(lambda m: m.log10(m.asarray([100j])), [2 + 0.6821881769209206j], "complex128")
    near(lambda m: m.log1p(m.asarray([1e-20 + 0j])), [0j], "complex128")  # NumPy's formula drops tiny z
    near(lambda m: m.expm1(m.asarray([1e-10 + 1e-10j])), [1e-10 + 1.0000000001000001e-10j], "complex128")
    near(lambda m: m.exp2(m.asarray([3 + 0j, complex(-INF, 0)])), [8 + 0j, 0j], "complex128")
    near(lambda m: m.sign(m.asarray([3 + 4j, 0j, complex(INF, 1), complex(NAN, 0)])),
         [0.6 + 0.8j, 0j, 1 + 0j, complex(NAN, NAN)], "complex128")


def test_power():
    check(lambda m: m.asarray([1 + 1j, 2j]) ** 2, [2j, -4 + 0j], "complex128")
    near(lambda m: m.power(m.asarray([1 + 1j]), m.asarray([-1 + 0j, 4 + 0j, 0j])), [0.5 - 0.5j, -4 + 0j, 1 + 0j], "complex128")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        near(lambda m: m.power(m.asarray([0j, 0j]), m.asarray([1 + 1j, 2j])), [0j, complex(NAN, NAN)], "complex128")
    near(lambda m: m.power(m.asarray([1j]), m.asarray([0.5 + 0j])), [0.7071067811865476 + 0.7071067811865475j], "complex128")
    near(lambda m: m.float_power(m.asarray([1j], dtype="complex64"), 2), [-1 + 0j], "complex128")
    with gf.errstate(invalid="raise"), pytest.raises(FloatingPointError):
        gf.power(gf.asarray([0j]), gf.asarray([-1 + 0j]))


def test_ordering_extremes_follow_numpy():
    x, y = [1 + 5j, 1 + 1j, complex(NAN, 0), complex(1, NAN)], [2 + 0j, 1 + 2j, 1 + 0j, 2 + 0j]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        check(lambda m: m.less(m.asarray(x), m.asarray(y)), [True, True, False, False], "bool")
        check(lambda m: m.asarray(x) >= m.asarray(y), [False, False, False, False], "bool")
    near(lambda m: m.maximum(m.asarray(x), m.asarray(y)), [2 + 0j, 1 + 2j, complex(NAN, 0), complex(1, NAN)], "complex128")
    near(lambda m: m.fmin(m.asarray(x), m.asarray(y)), [1 + 5j, 1 + 1j, 1 + 0j, 2 + 0j], "complex128")
    near(lambda m: m.minimum(m.asarray(x, dtype="complex64"), m.asarray(y, dtype="complex64")),
         [1 + 5j, 1 + 1j, complex(NAN, 0), complex(1, NAN)], "complex64")
    # NumPy's C comparisons signal invalid on the NaNs they reach: a real part, or an imaginary part on a tie
    with gf.errstate(invalid="raise"), pytest.raises(FloatingPointError):
        gf.less(gf.asarray([complex(1, NAN)]), gf.asarray([1 + 0j]))
    with gf.errstate(invalid="raise"):
        assert gf.less(gf.asarray([complex(1, NAN)]), gf.asarray([2 + 0j])).tolist() == [False]
        assert gf.maximum(gf.asarray([complex(NAN, 0)]), gf.asarray([1 + 0j])).dtype.name == "complex128"


def _grid(dt):
    import numpy as np
    return np.asarray([complex(x, y) for x in SPECIAL for y in SPECIAL], dtype=dt)


@pytest.mark.skipif(not HAVE_NUMPY, reason="NumPy oracle")
@pytest.mark.parametrize("fn", UNARY)
@pytest.mark.parametrize("dt", ["complex128", "complex64"])
def test_special_values_match_numpy(fn, dt):
    import numpy as np
    zs = _grid(dt)
    with np.errstate(all="ignore"), gf.errstate(all="ignore"):
        want = getattr(np, fn)(zs)
        got = getattr(gf, fn)(gf.asarray(zs.tolist(), dtype=dt))
    assert got.dtype.name == want.dtype.name
    for z_, g, w in zip(zs.tolist(), got.tolist(), want.tolist()):
        if fn == "exp" and math.isinf(z_.real) and not math.isfinite(z_.imag):
            # C99 leaves the signs here unspecified: only the kinds (inf/nan/zero) must agree
            assert [math.isnan(g.real), math.isinf(g.real), g.real == 0] == [math.isnan(w.real), math.isinf(w.real), w.real == 0], (z_, g, w)
            continue
        _same_complex(g, w, ULPS_SPECIAL * EPS[dt], TINY[dt])


@pytest.mark.skipif(not HAVE_NUMPY, reason="NumPy oracle")
@pytest.mark.parametrize("fn", UNARY)
@pytest.mark.parametrize("dt", ["complex128", "complex64"])
def test_random_values_match_numpy(fn, dt):
    import numpy as np
    rng = np.random.default_rng(7)
    a = (rng.standard_normal(2000) * 10.0 ** rng.integers(-5, 6, 2000)
         + 1j * rng.standard_normal(2000) * 10.0 ** rng.integers(-5, 6, 2000)).astype(dt)
    if fn in ("exp", "exp2", "expm1", "sin", "cos", "tan", "sinh", "cosh", "tanh"):
        a = a / (1 + abs(a)) * 50  # keep the results finite
    with np.errstate(all="ignore"), gf.errstate(all="ignore"):
        want = getattr(np, fn)(a)
        got = getattr(gf, fn)(gf.asarray(a.tolist(), dtype=dt))
    assert got.dtype.name == want.dtype.name
    for g, w in zip(got.tolist(), want.tolist()):
        _same_complex(g, w, ULPS_RANDOM * EPS[dt], TINY[dt])


@pytest.mark.skipif(not HAVE_NUMPY, reason="NumPy oracle")
@pytest.mark.parametrize("fn", ["less", "less_equal", "greater", "greater_equal", "maximum", "minimum", "fmax", "fmin",
                                "power", "float_power"])
@pytest.mark.parametrize("dt", ["complex128", "complex64"])
def test_binary_special_values_match_numpy(fn, dt):
    import numpy as np
    g1 = _grid(dt)
    x, y = np.repeat(g1, len(g1)), np.tile(g1, len(g1))
    mag = np.zeros(len(x))
    if fn in ("power", "float_power"):
        # exp magnifies the error of y·log x by |y·log x|: the tolerance grows with it, and results where it
        # is huge (the sign of an overflowed part is rounding noise there) are left out
        with np.errstate(all="ignore"):
            mag = abs(y * np.log(x.astype("complex128")))
        keep = (mag < 100) | ~np.isfinite(x) | ~np.isfinite(y) | (x == 0) | (y == 0)
        x, y, mag = x[keep], y[keep], np.nan_to_num(mag[keep], posinf=0.0)
    with np.errstate(all="ignore"), gf.errstate(all="ignore"):
        want = getattr(np, fn)(x, y)
        got = getattr(gf, fn)(gf.asarray(x.tolist(), dtype=dt), gf.asarray(y.tolist(), dtype=dt))
    assert got.dtype.name == want.dtype.name
    if want.dtype == bool:
        assert got.tolist() == want.tolist()
        return
    out = want.dtype.name
    for g, w, k in zip(got.tolist(), want.tolist(), mag.tolist()):
        _same_complex(g, w, (ULPS_SPECIAL + 2 * k) * EPS[out], TINY[out])
