"""The shortest-digit text of one float or complex value, as NumPy prints its scalars (the digit rules of
numpy/_core/arrayprint.py). Used by the scalar types' repr and by array printing; imports only _float32 of the package."""
import math
from decimal import Decimal, ROUND_HALF_EVEN

from ._float32 import round_float32


def _shortest(x, is32):
    """The shortest decimal that reads back as x (as a float32 when is32)."""
    if is32:
        for p in range(1, 10):
            s = f"{x:.{p}g}"
            if round_float32(float(s)) == x:
                return Decimal(s)
    d = Decimal(repr(x))
    # repr is the shortest on CPython; GraalPy's is not always (4.9e-324): try fewer digits while they read back
    for p in range(len(d.as_tuple().digits) - 1, 0, -1):
        s = f"{x:.{p}g}"
        if float(s) != x:
            break
        d = Decimal(s)
    return d


def positional(x, precision, is32, unique=True):
    """(sign, integer digits, fraction digits without trailing zeros) of |x|."""
    sign = "-" if math.copysign(1.0, x) < 0 else ""
    ax = abs(x)
    if unique:
        d = _shortest(ax, is32)
        exp = d.as_tuple().exponent
        if precision is not None and exp < 0 and -exp > precision:
            d = Decimal(ax).quantize(Decimal(1).scaleb(-precision), rounding=ROUND_HALF_EVEN)
    else:
        d = Decimal(ax).quantize(Decimal(1).scaleb(-precision), rounding=ROUND_HALF_EVEN)
    s = format(d, "f")
    ip, _, fp = s.partition(".")
    return sign, ip, (fp.rstrip("0") if unique else fp)


def scientific(x, precision, is32, exact=False):
    """(sign, first digit, further digits without trailing zeros, exponent) of |x|; with exact, the digits
    are |x|'s exact expansion rounded to `precision` further digits."""
    sign = "-" if math.copysign(1.0, x) < 0 else ""
    ax = abs(x)
    if ax == 0:
        return sign, "0", "", 0
    d = None if exact and precision is not None else _shortest(ax, is32)  # exact: no shortest repr needed
    if d is None or (precision is not None and len(_digits(d)) - 1 > precision):
        d = Decimal(ax)
        d = d.quantize(Decimal(1).scaleb(d.adjusted() - precision), rounding=ROUND_HALF_EVEN)
    digits = _digits(d)
    return sign, digits[0], digits[1:], d.adjusted()


def _digits(d):
    """The significant digits of Decimal d, without trailing zeros."""
    return "".join(map(str, d.as_tuple().digits)).rstrip("0") or "0"


def float_text(x, is32=False):
    """str() of a NumPy float scalar: positional for 1e-4 <= |x| < 1e16 (float32: 1e6), else scientific."""
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if x == 0 or 1e-4 <= abs(x) < (1e6 if is32 else 1e16):
        sign, ip, fp = positional(x, None, is32)
        return f"{sign}{ip}.{fp or '0'}"
    sign, first, rest, exp = scientific(x, None, is32)
    return f"{sign}{first}{'.' + rest if rest else ''}e{'-' if exp < 0 else '+'}{abs(exp):02d}"


def complex_text(z, is32=False):
    """str() of a NumPy complex scalar, e.g. (1+2j), 1j, (nan+infj)."""
    def part(v):
        t = float_text(v, is32)
        return t[:-2] if t.endswith(".0") else t
    re, im = z.real, z.imag
    ims = part(im)
    if not ims.startswith("-"):
        ims = "+" + ims
    if re == 0 and math.copysign(1.0, re) > 0:
        return ims.lstrip("+") + "j"
    return f"({part(re)}{ims}j)"
