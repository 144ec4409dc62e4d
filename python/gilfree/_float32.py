"""A Python float rounded to the nearest float32 or float16, as NumPy's cast does it (IEEE 754
round-half-to-even, gradual underflow, +-inf past the largest finite value, NaN and the sign of zero kept),
in plain arithmetic.

Not `struct.pack("f", x)`: CPython's native "f" format casts silently (inf on overflow) while GraalPy's
raises OverflowError("float too large to pack with f format"), so the same code gave different answers on the
two runtimes. This module does the rounding itself and behaves the same on both; it imports nothing of the
package."""
import math

MAX = math.ldexp(2.0 - 2.0 ** -23, 127)  # 3.4028234663852886e+38
MAX16 = 65504.0


def _rounder(mant, emin, emax, largest):
    """Rounding to the binary format with `mant` significand bits (the hidden one included), frexp exponents
    emin (smallest normal) to emax (largest finite) and largest finite value `largest`."""
    qmin = emin - mant  # exponent of the smallest subnormal

    def round_to(x):
        x = float(x)
        if x == 0.0 or not math.isfinite(x):
            return x
        e = math.frexp(x)[1]  # |x| in [2**(e-1), 2**e)
        if e > emax:
            return math.copysign(math.inf, x)
        q = max(e - mant, qmin)  # the spacing at |x| is 2**q
        r = math.ldexp(round(math.ldexp(x, -q)), q)  # scaling by 2**-q is exact; round() is half-to-even
        if abs(r) > largest:
            return math.copysign(math.inf, x)
        return math.copysign(r, x)  # an underflow to zero keeps x's sign
    return round_to


#: The float32 nearest to `x` (a float or an int), as a Python float.
round_float32 = _rounder(24, -125, 128, MAX)
#: The float16 nearest to `x`, as a Python float (one rounding from x, as NumPy's npy_double_to_half).
round_float16 = _rounder(11, -13, 16, MAX16)

#: The rounding of each narrow float dtype (and complex64's parts); float64 needs none.
ROUNDING = {"float16": round_float16, "float32": round_float32, "complex64": round_float32}


def cast_overflows(x, name="float32"):
    """Whether finite x becomes inf in float32 (or `name`) (NumPy then warns "overflow encountered in cast")."""
    return math.isfinite(x) and math.isinf(ROUNDING[name](x))
