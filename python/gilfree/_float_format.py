"""format_float_positional and format_float_scientific: one float as text with NumPy's Dragon4 options
(shortest unique digits or a fixed count, cut-offs, minimum digits, trimming, sign and padding).

Digits come from _scalar_format's shortest read-back decimal and from the exact binary value, rounded
half-even where a cut-off (precision) or min_digits asks. A cut-off that rounds down keeps the zeros it
reaches (1.0001 to 2 places is 1.00); one that rounds up drops them, as Dragon4 drops the 9s it carries
over (99.96 to 1 place is 100.); a fixed count (unique=False) stops where the exact value ends and is then
padded with zeros."""
import builtins
import math
from decimal import Context, Decimal, ROUND_HALF_EVEN, localcontext

from ._scalar_format import _shortest

_TRIMS = ("k", ".", "0", "-")
# room for every digit of a float64 (1e308 has 309 integer digits; 5e-324 has 751 significant ones)
_CONTEXT = Context(prec=1200, rounding=ROUND_HALF_EVEN)


def _value(x):
    """(float value, its float format): gilfree's and NumPy's float16/float32 scalars keep their own digits."""
    if isinstance(x, (str, bytes)):
        raise TypeError(f"must be real number, not {type(x).__name__}")
    name = getattr(getattr(x, "dtype", None), "name", None)
    return float(x), name if name in ("float16", "float32") else "float64"


def _check(precision, unique, trim, min_digits, pads):
    if trim not in _TRIMS:
        raise TypeError(f"if supplied, trim must be 'k', '.', '0' or '-' found `{trim}`")
    if precision is not None and precision < 0:
        raise ValueError("precision must be >= 0")
    if not unique and precision is None:
        raise TypeError("in non-unique mode `precision` must be supplied")
    if min_digits is not None and precision is not None and min_digits > precision:
        raise ValueError("min_digits must be less than or equal to precision")
    for name, v in pads:
        if v is not None and v < 0:
            raise ValueError(f"{name} must be >= 0")


def _round(exact, quantum):
    """exact rounded half-even to a multiple of `quantum`, and whether it went up."""
    q = exact.quantize(quantum, rounding=ROUND_HALF_EVEN)
    return q, q > exact


def _fixed_digits(ax, part, precision, unique, fractional, min_digits, sig_digits=False):
    """|x| as a Decimal whose exponent says which digits are shown (trailing zeros included), and how many
    fraction digits a fixed-count (non-unique) result is padded to."""
    exact = Decimal(ax)
    if ax == 0:
        shown = (min_digits or 0) if unique else precision
        return Decimal(0), shown if fractional or not shown else shown - 1

    def quantum(n):  # n digits after the point, or n significant digits
        return Decimal(1).scaleb(-n if fractional else exact.adjusted() - n + 1)

    if not unique:
        # Dragon4 stops where the exact value ends (0.25 gives "25", padded after) and drops the 9s a
        # rounding up carries over; rounding down keeps the zeros it reached
        q, up = _round(exact, quantum(precision))
        q = q.normalize() if up or q == exact else q
        whole = builtins.max(q.adjusted() + 1, 1)
        return q, precision if fractional else precision - whole
    d = _shortest(ax, part)
    have = -d.as_tuple().exponent if fractional else len(d.normalize().as_tuple().digits)
    d = d.normalize() if not fractional else d
    if precision is not None and have > precision:
        q, up = _round(exact, quantum(precision))
        return (q.normalize() if up else q), None
    if min_digits is not None:
        # more digits than the shortest: exact ones, rounded at the min_digits-th (after the point, or
        # significant). Positional significant digits then pad to min_digits counted from the first digit
        # shown, the 0 of 0.x included, after a carry dropped its zeros (0.15 -> "0.15000")
        last = -min_digits if fractional else exact.adjusted() - min_digits + 1
        if d.as_tuple().exponent > last:
            q, up = _round(exact, Decimal(1).scaleb(last))
            if fractional:
                return q, None
            if sig_digits:
                if q.adjusted() > exact.adjusted():  # a carry adds a digit: keep the count
                    q = q.quantize(Decimal(1).scaleb(q.adjusted() - min_digits + 1))
                return q, None
            q = q.normalize() if up else q
            return q, min_digits - builtins.max(q.adjusted() + 1, 1)
    return d, None


def _trimmed(frac, trim):
    """The fraction digits and whether the point is shown, after `trim`."""
    if trim == "k":
        return frac, True
    frac = frac.rstrip("0")
    if trim == "0" and not frac:
        return "0", True
    return frac, trim != "-" or bool(frac)


def _special(v, sign):
    if math.isnan(v):
        return "nan"
    return ("-" if v < 0 else "+" if sign else "") + "inf"


def format_float_positional(x, precision=None, unique=True, fractional=True, trim="k", sign=False,
                            pad_left=None, pad_right=None, min_digits=None):
    """x in positional notation (see NumPy's parameters); NaN and infinities are 'nan', 'inf', '-inf'."""
    v, part = _value(x)
    _check(precision, unique, trim, min_digits, (("pad_left", pad_left), ("pad_right", pad_right)))
    if not fractional and precision == 0:
        raise ValueError("precision must be greater than 0 if fractional=False")
    if not math.isfinite(v):
        return _special(v, sign)
    with localcontext(_CONTEXT):
        d, pad_to = _fixed_digits(abs(v), part, precision, unique, fractional, min_digits)
        whole, _, frac = format(d, "f").partition(".")
    if pad_to is not None:
        frac = frac.ljust(pad_to, "0")
    frac, point = _trimmed(frac, trim)
    whole = ("-" if math.copysign(1.0, v) < 0 else "+" if sign else "") + whole
    if pad_left is not None:
        whole = whole.rjust(pad_left)
    if pad_right is not None:
        frac = frac.ljust(pad_right if point else pad_right + 1)
    return whole + ("." if point else "") + frac


def format_float_scientific(x, precision=None, unique=True, trim="k", sign=False, pad_left=None,
                            exp_digits=None, min_digits=None):
    """x in scientific notation d.ddde+XX (see NumPy's parameters); NaN and infinities as positional."""
    v, part = _value(x)
    _check(precision, unique, trim, min_digits, (("pad_left", pad_left), ("exp_digits", exp_digits)))
    if not math.isfinite(v):
        return _special(v, sign)
    with localcontext(_CONTEXT):
        mant, exp = _mantissa(abs(v), part, precision, unique, min_digits)
        whole, _, frac = format(mant, "f").partition(".")
    frac, point = _trimmed(frac, trim)
    whole = ("-" if math.copysign(1.0, v) < 0 else "+" if sign else "") + whole
    if pad_left is not None:
        whole = whole.rjust(pad_left)
    digits = 2 if exp_digits is None else exp_digits
    exp_text = str(abs(exp)).rjust(digits, "0") if exp or digits else ""
    return f"{whole}{'.' if point else ''}{frac}e{'-' if exp < 0 else '+'}{exp_text}"


def _mantissa(ax, part, precision, unique, min_digits):
    """(mantissa in [1, 10) with its shown digits, exponent) of |x|."""
    if ax == 0:
        d, pad_to = _fixed_digits(0.0, part, precision, unique, True, min_digits)
        return (d if pad_to is None else d.quantize(Decimal(1).scaleb(-pad_to))), 0
    exact = Decimal(ax)
    # the mantissa's digits are |x|'s significant digits: round it as a number in [1, 10)
    if unique:
        d = _fixed_digits(ax, part, None if precision is None else precision + 1, True, False,
                          None if min_digits is None else min_digits + 1, sig_digits=True)[0]
    else:
        d = _round(exact, Decimal(1).scaleb(exact.adjusted() - precision))[0]
    exp = d.adjusted()
    mant = d.scaleb(-exp)
    if not unique:  # a carry into a new power of ten (9.99 -> 10.0) still shows `precision` digits
        mant = mant.quantize(Decimal(1).scaleb(-precision))
    elif mant.as_tuple().exponent > 0:
        mant = mant.quantize(Decimal(1))
    return mant, exp
