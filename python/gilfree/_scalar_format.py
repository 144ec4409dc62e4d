"""The shortest-digit text of one float or complex value, as NumPy prints its scalars (the digit rules of
numpy/_core/arrayprint.py). Used by the scalar types' repr and by array printing; imports only _float32 of the package.
`part` names the float format of the value: "float16", "float32" or "float64" (a complex dtype's part)."""
import math
from decimal import Decimal, ROUND_HALF_EVEN

from ._float32 import ROUNDING

# NumPy's scalar str() switches to scientific notation from 10**(the format's decimal precision)
_SCIENTIFIC_FROM = {"float16": 1e3, "float32": 1e6, "float64": 1e16}


def _shortest(x, part):
    """The shortest decimal that reads back as x (in the format `part`), the nearest to x among those.

    The correctly rounded p-digit decimal is not always the one that reads back: at a power of two the
    rounding interval is narrower below x than above, so the next decimal up may read back where the rounded
    one does not. Each length is tried with its rounded decimal and both neighbours. float64 starts from
    repr (shortest on CPython; GraalPy's is sometimes longer) and shortens it while that works: a decimal
    that reads back implies one with a digit more that does too."""
    if part != "float64":
        for p in range(1, 10):
            d = _reading_back(x, p, part)
            if d is not None:
                return d
    best = Decimal(repr(x))
    for p in range(len(best.as_tuple().digits) - 1, 0, -1):
        d = _reading_back(x, p, part)
        if d is None:
            break
        best = d
    return best


def _reading_back(x, p, part):
    """The p-significant-digit decimal nearest to x that reads back as x, or None."""
    exact = Decimal(x)
    step = Decimal(1).scaleb(exact.adjusted() - p + 1)
    rounded = exact.quantize(step, rounding=ROUND_HALF_EVEN)
    found = None
    rnd = ROUNDING.get(part, float)
    for d in (rounded, rounded - step, rounded + step):
        back = float(d)
        if rnd(back) == x and (
                found is None or abs(d - exact) < abs(found - exact)):
            found = d
    return found


def positional(x, precision, part, unique=True):
    """(sign, integer digits, fraction digits without trailing zeros) of |x|."""
    sign = "-" if math.copysign(1.0, x) < 0 else ""
    ax = abs(x)
    if unique:
        d = _shortest(ax, part)
        exp = d.as_tuple().exponent
        if precision is not None and exp < 0 and -exp > precision:
            d = Decimal(ax).quantize(Decimal(1).scaleb(-precision), rounding=ROUND_HALF_EVEN)
    else:
        d = Decimal(ax).quantize(Decimal(1).scaleb(-precision), rounding=ROUND_HALF_EVEN)
    s = format(d, "f")
    ip, _, fp = s.partition(".")
    return sign, ip, (fp.rstrip("0") if unique else fp)


def scientific(x, precision, part, exact=False):
    """(sign, first digit, further digits without trailing zeros, exponent) of |x|: the shortest digits that
    read back as x, or |x|'s exact expansion rounded to `precision` further digits where those are more than
    `precision` (NumPy's cutoff) or, with exact, fewer (NumPy's min_digits: the column's digits)."""
    sign = "-" if math.copysign(1.0, x) < 0 else ""
    ax = abs(x)
    if ax == 0:
        return sign, "0", "", 0
    d = _shortest(ax, part)
    n = len(_digits(d)) - 1
    # exactly `precision` shortest digits stay as they are: rounding the exact expansion there would lose
    # the read-back at a power of two, whose rounding interval is narrower below than above
    if precision is not None and (n > precision or exact and n < precision):
        d = Decimal(ax)
        d = d.quantize(Decimal(1).scaleb(d.adjusted() - precision), rounding=ROUND_HALF_EVEN)
    digits = _digits(d)
    return sign, digits[0], digits[1:], d.adjusted()


def _digits(d):
    """The significant digits of Decimal d, without trailing zeros."""
    return "".join(map(str, d.as_tuple().digits)).rstrip("0") or "0"


def float_text(x, part="float64"):
    """str() of a NumPy float scalar: positional for 1e-4 <= |x| < 1e16 (float32: 1e6, float16: 1e3), else scientific."""
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if x == 0 or 1e-4 <= abs(x) < _SCIENTIFIC_FROM[part]:
        sign, ip, fp = positional(x, None, part)
        return f"{sign}{ip}.{fp or '0'}"
    sign, first, rest, exp = scientific(x, None, part)
    return f"{sign}{first}{'.' + rest if rest else ''}e{'-' if exp < 0 else '+'}{abs(exp):02d}"


def complex_text(z, part="float64"):
    """str() of a NumPy complex scalar, e.g. (1+2j), 1j, (nan+infj)."""
    def text_of(v):
        t = float_text(v, part)
        return t[:-2] if t.endswith(".0") else t
    re, im = z.real, z.imag
    ims = text_of(im)
    if not ims.startswith("-"):
        ims = "+" + ims
    if re == 0 and math.copysign(1.0, re) > 0:
        return ims.lstrip("+") + "j"
    return f"({text_of(re)}{ims}j)"
