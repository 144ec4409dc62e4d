"""A Python float rounded to the nearest float32, in plain arithmetic so that both runtimes agree bit for bit
(struct's 'f' packing raises OverflowError where NumPy gives inf). Imports nothing of the package."""
import math

_SUBNORMAL_EXP = -125  # math.frexp's exponent of float32's smallest normal, 2**-126 == 0.5 * 2**-125
_LIMIT = 2.0 ** 128  # the first power of two beyond float32's range
MAX = 3.4028234663852886e38  # the largest float32


def to_float32(x):
    """x rounded half to even to 24 significant bits (a fixed 2**-149 step among subnormals), inf beyond
    float32's range; the sign of zero is kept."""
    if x == 0 or not math.isfinite(x):
        return x
    m, e = math.frexp(x)  # x == m * 2**e with 0.5 <= |m| < 1
    if e > 128:
        return math.copysign(math.inf, x)
    if e < _SUBNORMAL_EXP:
        r = math.ldexp(round(math.ldexp(x, 149)), -149)
    else:
        r = math.ldexp(round(math.ldexp(m, 24)), e - 24)
        if abs(r) >= _LIMIT:
            return math.copysign(math.inf, x)
    return math.copysign(r, x)


def cast_overflows(x):
    """Whether finite x becomes inf in float32 (NumPy then warns "overflow encountered in cast")."""
    return abs(x) > MAX and math.isfinite(x) and math.isinf(to_float32(x))
