"""Window functions (NumPy's bartlett, blackman, hamming, hanning, kaiser) and the modified Bessel function i0.

i0 evaluates the Cephes Chebyshev expansions (one for |x| <= 8, one for larger |x|) with a vectorised Clenshaw
recurrence, the same series NumPy uses, so results agree with NumPy within a few ulps."""
import math

from ._creation import arange, asanyarray, ones, zeros
from ._functional import piecewise
from ._sorting import where
from . import _ufuncs as _u

# Chebyshev coefficients of exp(-x) I0(x) on [0, 8] (argument x/2 - 2), from Cephes.
_I0_SMALL = (
    -4.41534164647933937950E-18, 3.33079451882223809783E-17, -2.43127984654795469359E-16,
    1.71539128555513303061E-15, -1.16853328779934516808E-14, 7.67618549860493561688E-14,
    -4.85644678311192946090E-13, 2.95505266312963983461E-12, -1.72682629144155570723E-11,
    9.67580903537323691224E-11, -5.18979560163526290666E-10, 2.65982372468238665035E-9,
    -1.30002500998624804212E-8, 6.04699502254191894932E-8, -2.67079385394061173391E-7,
    1.11738753912010371815E-6, -4.41673835845875056359E-6, 1.64484480707288970893E-5,
    -5.75419501008210370398E-5, 1.88502885095841655729E-4, -5.76375574538582365885E-4,
    1.63947561694133579842E-3, -4.32430999505057594430E-3, 1.05464603945949983183E-2,
    -2.37374148058994688156E-2, 4.93052842396707084878E-2, -9.49010970480476444210E-2,
    1.71620901522208775349E-1, -3.04682672343198398683E-1, 6.76795274409476084995E-1)
# Chebyshev coefficients of exp(-x) sqrt(x) I0(x) on (8, inf) (argument 32/x - 2), from Cephes.
_I0_LARGE = (
    -7.23318048787475395456E-18, -4.83050448594418207126E-18, 4.46562142029675999901E-17,
    3.46122286769746109310E-17, -2.82762398051658348494E-16, -3.42548561967721913462E-16,
    1.77256013305652638360E-15, 3.81168066935262242075E-15, -9.55484669882830764870E-15,
    -4.15056934728722208663E-14, 1.54008621752140982691E-14, 3.85277838274214270114E-13,
    7.18012445138366623367E-13, -1.79417853150680611778E-12, -1.32158118404477131188E-11,
    -3.14991652796324136454E-11, 1.18891471078464383424E-11, 4.94060238822496958910E-10,
    3.39623202570838634515E-9, 2.26666899049817806459E-8, 2.04891858946906374183E-7,
    2.89137052083475648297E-6, 6.88975834691682398426E-5, 3.36911647825569408990E-3,
    8.04490411014108831608E-1)


def _chebyshev(t, coefs):
    """Clenshaw's recurrence for sum' c_k T_k(t/2), evaluated elementwise over the array t."""
    b0, b1, b2 = coefs[0], 0.0, 0.0
    for c in coefs[1:]:
        b2, b1 = b1, b0
        b0 = t * b1 - b2 + c
    return 0.5 * (b0 - b2)


def _i0_small(x):
    return _u.exp(x) * _chebyshev(x / 2.0 - 2, _I0_SMALL)


def _i0_large(x):
    return _u.exp(x) * _chebyshev(32.0 / x - 2.0, _I0_LARGE) / _u.sqrt(x)


def i0(x):
    x = asanyarray(x)
    if x.dtype.kind == "c":
        raise TypeError("i0 not supported for complex values")
    if x.dtype.kind != "f":
        x = x.astype(float)
    x = _u.absolute(x)
    return piecewise(x, [x <= 8.0], [_i0_small, _i0_large])


def _window_length(M, *extra):
    """M (and kaiser's beta) as floats, the way NumPy reads them through a float64 array."""
    try:
        return tuple(float(v) for v in (M,) + extra)
    except (TypeError, ValueError):  # NumPy fails comparing the non-number with 1
        raise TypeError(f"'<' not supported between instances of '{type(M).__name__}' and 'int'") from None


def _symmetric_window(M, cosines):
    """a0 + sum a_k cos(k pi n / (M - 1)) over n = 1-M, 3-M, ..., M-1 (the cosine-sum windows)."""
    (M,) = _window_length(M)
    if M < 1:
        return zeros(0)
    if M == 1:
        return ones(1)
    n = arange(1 - M, M, 2)
    w = cosines[0]
    for k, a in enumerate(cosines[1:], 1):
        w = w + a * _u.cos((math.pi * n if k == 1 else k * math.pi * n) / (M - 1))
    return w


def bartlett(M):
    (M,) = _window_length(M)
    if M < 1:
        return zeros(0)
    if M == 1:
        return ones(1)
    n = arange(1 - M, M, 2)
    return where(n <= 0, 1 + n / (M - 1), 1 - n / (M - 1))


def blackman(M):
    return _symmetric_window(M, (0.42, 0.5, 0.08))


def hamming(M):
    return _symmetric_window(M, (0.54, 0.46))


def hanning(M):
    return _symmetric_window(M, (0.5, 0.5))


def kaiser(M, beta):
    M, beta = _window_length(M, beta)
    if M == 1:
        return ones(1)
    n = arange(0, M)
    alpha = (M - 1) / 2.0
    return i0(beta * _u.sqrt(1 - ((n - alpha) / alpha) ** 2.0)) / i0(beta)
