"""Complex arrays: arithmetic, comparisons, abs, conjugate, real/imag views, sums and products, truth
tests. Hand-written expectations on both runtimes, NumPy as the oracle where present (oracle.py).
sqrt, exp and log have complex loops (C99 special values); the other transcendental functions raise
TypeError (docs/deviations.md)."""
import math
import warnings

import pytest

import gilfree as gf
from oracle import HAVE_NUMPY, check

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


def test_transcendentals_not_there_yet_raise_type_error():
    with pytest.raises(TypeError, match="sin"):
        gf.sin(gf.asarray(Z))
    with pytest.raises(TypeError):
        gf.maximum(gf.asarray(Z), gf.asarray(Z))


@pytest.mark.skipif(not HAVE_NUMPY, reason="NumPy oracle")
def test_large_split_operations_match_numpy():
    import numpy as np
    n = 200_003  # splits across cores
    re = np.linspace(-3, 3, n)
    a = re + 1j * re[::-1]
    g = gf.asarray(a.tolist())
    assert (g - 2j).tolist() == (a - 2j).tolist()  # sums are exact to the rounding NumPy does
    # Products and quotients: NumPy's SIMD loops may fuse multiply-adds, so a part that cancels to near
    # zero can differ; both agree within a few ulps of the operands' magnitude.
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


INF, NAN = math.inf, math.nan
SPECIAL = [0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 1e300, -1e300, 1e-310, INF, -INF, NAN]


def _same_complex(g, w, rel):
    for a, b in ((g.real, w.real), (g.imag, w.imag)):
        if math.isnan(b):
            assert math.isnan(a), (g, w)
        elif math.isinf(b) or b == 0:
            assert a == b and math.copysign(1, a) == math.copysign(1, b), (g, w)
        else:
            assert abs(a - b) <= rel * max(abs(w.real), abs(w.imag)), (g, w)


@pytest.mark.skipif(not HAVE_NUMPY, reason="NumPy oracle")
@pytest.mark.parametrize("fn", ["sqrt", "exp", "log"])
def test_sqrt_exp_log_special_values_match_numpy(fn):
    import numpy as np
    zs = [complex(x, y) for x in SPECIAL for y in SPECIAL]
    with np.errstate(all="ignore"), gf.errstate(all="ignore"):
        want = getattr(np, fn)(np.asarray(zs)).tolist()
        got = getattr(gf, fn)(gf.asarray(zs)).tolist()
    for z_, g, w in zip(zs, got, want):
        if fn == "exp" and math.isinf(z_.real) and not math.isfinite(z_.imag):
            # C99 leaves the signs here unspecified: only the kinds (inf/nan/zero) must agree
            assert [math.isnan(g.real), math.isinf(g.real), g.real == 0] == [math.isnan(w.real), math.isinf(w.real), w.real == 0], (z_, g, w)
            continue
        _same_complex(g, w, 4e-16)


@pytest.mark.skipif(not HAVE_NUMPY, reason="NumPy oracle")
@pytest.mark.parametrize("fn", ["sqrt", "exp", "log"])
@pytest.mark.parametrize("dt", ["complex128", "complex64"])
def test_sqrt_exp_log_random_match_numpy(fn, dt):
    import numpy as np
    rng = np.random.default_rng(7)
    a = (rng.standard_normal(2000) * 10.0 ** rng.integers(-5, 6, 2000)
         + 1j * rng.standard_normal(2000) * 10.0 ** rng.integers(-5, 6, 2000)).astype(dt)
    if fn == "exp":
        a = a / (1 + abs(a)) * 50  # keep exp finite
    with np.errstate(all="ignore"), gf.errstate(all="ignore"):
        want = getattr(np, fn)(a)
        got = getattr(gf, fn)(gf.asarray(a.tolist(), dtype=dt))
    assert got.dtype.name == want.dtype.name
    rel = 4e-16 if dt == "complex128" else 4e-7
    for g, w in zip(got.tolist(), want.tolist()):
        _same_complex(g, w, rel * (8 if fn == "exp" else 2))
