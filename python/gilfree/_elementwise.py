"""Elementwise functions built from ufuncs: two-output ufuncs (divmod, modf, frexp), ldexp, clip, round,
the Array API's real/imag, isclose/allclose, array_equal, array_equiv, diff."""
import builtins

from . import _ufuncs as _u
from ._bridge import Reduce as _Reduce, call as _call
from ._base import ArrayBase, wrap as _wrap
from ._dtypes import INT_BOUNDS
from ._errstate import errstate
from ._manipulation import broadcast_to, concatenate
from ._reductions import all as _all
from ._ufuncs import _copy_into, _normalize_axes, _to_array


def divmod(x1, x2, out=(None, None), **kw):  # noqa: A001
    o1, o2 = out if isinstance(out, tuple) else (out, None)
    return _u.floor_divide(x1, x2, out=o1, **kw), _u.remainder(x1, x2, out=o2, **kw)


def modf(x, out=(None, None), **kw):
    o1, o2 = out if isinstance(out, tuple) else (out, None)
    return _u._modf_frac(x, out=o1, **kw), _u._modf_int(x, out=o2, **kw)


def frexp(x, out=(None, None), **kw):
    o1, o2 = out if isinstance(out, tuple) else (out, None)
    return _u._frexp_mant(x, out=o1, **kw), _u._frexp_exp(x, out=o2, **kw)


def ldexp(x1, x2, out=None, **kw):
    """x1 * 2**x2 (x2 integer), in x1's float type."""
    a = _to_array(x1)
    e = _to_array(x2)
    # NumPy's loops take a real float and an int32 or int64 exponent (uint64 casts to neither safely)
    if a.dtype.kind == "c" or e.dtype.kind not in "iub" or e.dtype.name == "uint64":
        raise TypeError("ufunc 'ldexp' not supported for the input types, and the inputs could not be safely "
                        "coerced to any supported types according to the casting rule ''safe''")
    if a.dtype.kind not in "f":
        a = a.astype("float64" if a.dtype.itemsize >= 4 else "float32" if a.dtype.itemsize == 2 else "float16")
    if a.dtype.name == "float16":  # NumPy's half loop: float32's ldexp, rounded once to float16
        return _u.positive(_to_array(ldexp(a.astype("float32"), e)).astype("float16"), out=out, **kw)
    # x * 2**e in steps of powers of two that are finite and non-zero in a's type: one factor 2**e overflows
    # or underflows long before x * 2**e does (ldexp(1e300, -1100) is 7e-32, ldexp(inf, -2**31) is inf, not
    # inf * 0). Beyond +-lim the result is 0 or inf whatever x is; the steps share e's sign, so an overflow
    # or underflow on the way is one in the result.
    lim, step, steps = (2300, 1000, 3) if a.dtype.name == "float64" else (400, 120, 4)
    e = _u.minimum(_u.maximum(e.astype("int64"), -lim), lim)
    r = a
    for _ in range(steps - 1):
        k = _u.minimum(_u.maximum(e, -step), step)
        r = _u.multiply(r, _u.exp2(k.astype(a.dtype)))
        e = _u.subtract(e, k)
    return _u.multiply(r, _u.exp2(e.astype(a.dtype)), out=out, **kw)  # |e| <= step is left


def clip(a, a_min=None, a_max=None, out=None, *, min=None, max=None, **kw):  # noqa: A002
    lo = a_min if a_min is not None else min
    hi = a_max if a_max is not None else max
    a = _to_array(a) if not isinstance(a, ArrayBase) else a
    if a.dtype.kind in "iu":
        # NumPy 2: a Python-int bound beyond the dtype's own range bounds nothing (NEP 50: no value-based
        # promotion); one on the far side (a min above the max) still overflows in the ufunc.
        dmin, dmax = INT_BOUNDS[a.dtype.name]
        if type(lo) is builtins.int and lo <= dmin:
            lo = None
        if type(hi) is builtins.int and hi >= dmax:
            hi = None
    r = a
    if lo is None and hi is None:
        return _u.positive(a, out=out, **kw)
    if lo is not None:
        r = _u.maximum(r, lo, **kw)
    if hi is not None:
        r = _u.minimum(r, hi, out=out, **kw)
    elif out is not None:
        _copy_into(_to_array(r), out)
        return out
    return r


def round(a, decimals=0, out=None):  # noqa: A001
    """Round half to even at `decimals` digits (NumPy's method: scale, rint, unscale)."""
    a = _to_array(a)
    if a.dtype.kind == "b":  # NumPy rounds bools in float16
        a = a.astype("float16")
    if a.dtype.kind in "iu":
        if decimals >= 0:
            return a.copy() if out is None else _u.positive(a, out=out)
        f = 10 ** (-decimals)
        return _u.multiply(_u.floor_divide(_u.add(a, f // 2), f), f, out=out)
    if decimals == 0:
        return _u.rint(a, out=out)
    f = 10.0 ** builtins.abs(decimals)
    if decimals > 0:
        return _u.divide(_u.rint(_u.multiply(a, f)), f, out=out)
    return _u.multiply(_u.rint(_u.divide(a, f)), f, out=out)


around = round


def fix(x, out=None):
    return _u.trunc(x, out=out)


def real(x):
    """The real part: a view for complex arrays, the array itself otherwise (as numpy.real)."""
    return _to_array(x).real


def imag(x):
    """The imaginary part: a view for complex arrays, zeros otherwise (as numpy.imag)."""
    return _to_array(x).imag


def angle(z, deg=False):
    a = _to_array(z)
    if a.dtype.kind == "c":
        r = _u.arctan2(a.imag, a.real)
    elif a.dtype.kind == "f":
        r = _u.arctan2(_u.multiply(0.0, a), a)
    else:
        r = _u.arctan2(0.0, a.astype("float64"))
    return _u.rad2deg(r) if deg else r


def isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    a, b = _to_array(a), _to_array(b)
    if a.dtype.kind not in "fc":  # complex stays complex: the distance is |a - b|
        a = a.astype("float64")
    if b.dtype.kind not in "fc":
        b = b.astype("float64")
    with errstate(invalid="ignore"):
        close = _u.less_equal(_u.absolute(_u.subtract(a, b)), _u.add(atol, _u.multiply(rtol, _u.absolute(b))))
        both_inf = _u.logical_and(_u.isinf(a), _u.equal(a, b))
    r = _u.logical_or(close, both_inf)
    if equal_nan:
        r = _u.logical_or(r, _u.logical_and(_u.isnan(a), _u.isnan(b)))
    return r


def allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    return builtins.bool(_all(isclose(a, b, rtol, atol, equal_nan)))


def array_equal(a1, a2, equal_nan=False):
    a, b = _to_array(a1), _to_array(a2)
    if a.shape != b.shape:
        return False
    eq = _u.equal(a, b)
    if equal_nan and a.dtype.kind == "f":
        eq = _u.logical_or(eq, _u.logical_and(_u.isnan(a), _u.isnan(b)))
    return builtins.bool(_all(eq))


def array_equiv(a1, a2):
    """True when a1 and a2 broadcast together and are equal everywhere (False when they do not broadcast)."""
    a, b = _to_array(a1), _to_array(a2)
    try:
        eq = _u.equal(a, b)
    except ValueError:  # shapes that do not broadcast
        return False
    return builtins.bool(_all(eq))


def _edge(v, a, ax):
    """diff's prepend/append value as an array to join along ax: a scalar becomes one slice of a's other sizes."""
    v = _to_array(v)
    if v.ndim == 0:
        v = broadcast_to(v, a.shape[:ax] + (1,) + a.shape[ax + 1:])
    return v


def diff(x, /, n=1, axis=-1, prepend=None, append=None):
    """n-th discrete difference along axis (not_equal for bool, as NumPy)."""
    if n == 0:
        return x  # NumPy returns the input itself, whatever it is
    a = _to_array(x)
    if n < 0:
        raise ValueError(f"order must be non-negative but got {n}")
    if a.ndim == 0:
        raise ValueError("diff requires input that is at least one dimensional")
    (ax,) = _normalize_axes(axis, a.ndim)
    if prepend is not None or append is not None:
        parts = [a]
        if prepend is not None:
            parts.insert(0, _edge(prepend, a, ax))
        if append is not None:
            parts.append(_edge(append, a, ax))
        a = concatenate(parts, axis=ax)
    for _ in range(n):
        length = a.shape[ax]
        hi = _wrap(_call(_Reduce.sliceAxis, a._j, ax, min(1, length), length))
        lo = _wrap(_call(_Reduce.sliceAxis, a._j, ax, 0, max(length - 1, 0)))
        a = _u.not_equal(hi, lo) if a.dtype.kind == "b" else _u.subtract(hi, lo)
        if not isinstance(a, ArrayBase):
            a = _to_array(a)
    return a

