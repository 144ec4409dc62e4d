"""A Python float rounded to the nearest float32, as NumPy's cast does it (IEEE 754 round-half-to-even,
gradual underflow, +-inf past the largest float32, NaN and the sign of zero kept), in plain arithmetic.

Not `struct.pack("f", x)`: CPython's native "f" format casts silently (inf on overflow) while GraalPy's
raises OverflowError("float too large to pack with f format"), so the same code gave different answers on the
two runtimes. This module does the rounding itself and behaves the same on both; it imports nothing of the
package."""
import math

_MANT = 24  # float32 significand bits, the hidden one included
_EMIN = -125  # frexp exponent of the smallest normal float32 (2**-126 == 0.5 * 2**-125)
_EMAX = 128  # frexp exponent of the largest finite float32 (just below 2**128)
_QMIN = _EMIN - _MANT  # exponent of the smallest subnormal float32, 2**-149
MAX = math.ldexp(2.0 - 2.0 ** -23, 127)  # 3.4028234663852886e+38


def round_float32(x):
    """The float32 nearest to `x` (a float or an int), as a Python float."""
    x = float(x)
    if x == 0.0 or not math.isfinite(x):
        return x
    e = math.frexp(x)[1]  # |x| in [2**(e-1), 2**e)
    if e > _EMAX:
        return math.copysign(math.inf, x)
    q = max(e - _MANT, _QMIN)  # the float32 spacing at |x| is 2**q
    r = math.ldexp(round(math.ldexp(x, -q)), q)  # scaling by 2**-q is exact; round() is half-to-even
    if abs(r) > MAX:
        return math.copysign(math.inf, x)
    return math.copysign(r, x)  # an underflow to zero keeps x's sign


def cast_overflows(x):
    """Whether finite x becomes inf in float32 (NumPy then warns "overflow encountered in cast")."""
    return abs(x) > MAX and math.isfinite(x) and math.isinf(round_float32(x))
