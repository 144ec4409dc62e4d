"""Reductions with axis (int, tuple, None), keepdims, dtype, out, where, initial; cumulative sums; nan-variants.

Folds run in the engine (ufunc.reduce / accumulate); float sums are pairwise like NumPy's.
"""
import builtins
import cmath
import math
import warnings

from ._exceptions import normalize_axis
from ._dtypes import dtype as _dtype, scalar as _scalar
from ._creation import full, zeros
from ._errstate import errstate
from ._sorting import where
from ._base import ArrayBase, wrap as _wrap
from ._bridge import Engine as _E, Reduce as _Reduce, call as _call
from . import _trace_hook, _ufuncs as _u
from ._ufuncs import _NOVALUE, _normalize_axes, _to_array


def _arr(a):
    return _to_array(a)


def _sum_dtype(dt):
    if dt.kind == "b" or dt.kind == "i":
        return "int64"
    if dt.kind == "u":
        return "uint64"
    return dt.name


def _reduce(uf, a, axis, dtype, out, keepdims, initial, where):
    return uf.reduce(a, axis=axis, dtype=dtype, out=out, keepdims=keepdims, initial=initial, where=where)


def sum(a, axis=None, dtype=None, out=None, keepdims=False, initial=_NOVALUE, where=True):  # noqa: A001
    """Sum of elements over the given axes (int64 for bool/signed ints, uint64 for unsigned, pairwise for floats)."""
    if _trace_hook.hook is not None:  # @gf.fuse is tracing
        r = _trace_hook.hook("sum", (a,), dict(axis=axis, dtype=dtype, out=out, keepdims=keepdims, initial=initial, where=where))
        if r is not NotImplemented:
            return r
    a = _arr(a)
    return _reduce(_u.add, a, axis, dtype if dtype is not None else _sum_dtype(a.dtype), out, keepdims, initial, where)


def prod(a, axis=None, dtype=None, out=None, keepdims=False, initial=_NOVALUE, where=True):
    if _trace_hook.hook is not None:  # @gf.fuse is tracing
        r = _trace_hook.hook("prod", (a,), dict(axis=axis, dtype=dtype, out=out, keepdims=keepdims, initial=initial, where=where))
        if r is not NotImplemented:
            return r
    a = _arr(a)
    return _reduce(_u.multiply, a, axis, dtype if dtype is not None else _sum_dtype(a.dtype), out, keepdims, initial, where)


def max(a, axis=None, out=None, keepdims=False, initial=_NOVALUE, where=True):  # noqa: A001
    if _trace_hook.hook is not None:  # @gf.fuse is tracing
        r = _trace_hook.hook("max", (a,), dict(axis=axis, out=out, keepdims=keepdims, initial=initial, where=where))
        if r is not NotImplemented:
            return r
    return _reduce(_u.maximum, _arr(a), axis, None, out, keepdims, initial, where)


def min(a, axis=None, out=None, keepdims=False, initial=_NOVALUE, where=True):  # noqa: A001
    if _trace_hook.hook is not None:  # @gf.fuse is tracing
        r = _trace_hook.hook("min", (a,), dict(axis=axis, out=out, keepdims=keepdims, initial=initial, where=where))
        if r is not NotImplemented:
            return r
    return _reduce(_u.minimum, _arr(a), axis, None, out, keepdims, initial, where)


amax, amin = max, min


def any(a, axis=None, out=None, keepdims=False, *, where=True):  # noqa: A001
    return _reduce(_u.logical_or, _arr(a), axis, None, out, keepdims, _NOVALUE, where)


def all(a, axis=None, out=None, keepdims=False, *, where=True):  # noqa: A001
    return _reduce(_u.logical_and, _arr(a), axis, None, out, keepdims, _NOVALUE, where)


def ptp(a, axis=None, out=None, keepdims=False):
    a = _arr(a)
    r = _u.subtract(max(a, axis=axis, keepdims=keepdims), min(a, axis=axis, keepdims=keepdims))
    return r if out is None else _u._copy_into(_wrap_any(r), out)


def _wrap_any(x):
    return x if isinstance(x, ArrayBase) else _to_array(x)


def _count(a, axis, keepdims, where):
    """Number of elements that take part in a reduction over axis (an int, or an int64 array with where=)."""
    axes = _normalize_axes(axis, a.ndim)
    if where is True:
        n = 1
        for ax in axes:
            n *= a.shape[ax]
        return n
    w = where if isinstance(where, ArrayBase) else _to_array(where)
    wb = _u.logical_or(w, zeros(a.shape, dtype="bool"))
    return sum(wb, axis=axis, keepdims=keepdims)


def mean(a, axis=None, dtype=None, out=None, keepdims=False, *, where=True):
    """Arithmetic mean: float64 for integer/bool input, the float type for floats."""
    if _trace_hook.hook is not None:  # @gf.fuse is tracing
        r = _trace_hook.hook("mean", (a,), dict(axis=axis, dtype=dtype, out=out, keepdims=keepdims, where=where))
        if r is not NotImplemented:
            return r
    a = _arr(a)
    if axis is None and dtype is None and out is None and not keepdims and where is True and a.size \
            and (a.dtype.kind in "biu" or a.dtype.name == "float64"):
        return _scalar("float64", _call(_E.mean, a._j))  # the common case in one engine call: float64 pairwise sum / count
    dt = dtype if dtype is not None else ("float64" if a.dtype.kind in "biu" else a.dtype.name)
    s = _u.add.reduce(a, axis=axis, dtype=dt, keepdims=keepdims, where=where)
    n = _count(a, axis, keepdims, where)
    if isinstance(n, int) and n == 0 or not isinstance(n, int) and not builtins.all(_flat(n)):
        warnings.warn("Mean of empty slice." if isinstance(n, int) else "invalid value encountered in divide",
                      RuntimeWarning, stacklevel=2)
    with _errstate_ignore():
        r = _u.divide(s, n) if not isinstance(n, int) else _u.divide(s, float(n))
    r = _cast_like(r, dt)
    return r if out is None else _u._copy_into(_wrap_any(r), out)


def _flat(x):
    return x.tolist() if isinstance(x, ArrayBase) and x.ndim == 1 else (x._flat_list() if isinstance(x, ArrayBase) else [x])


def _errstate_ignore():
    return errstate(all="ignore")


def _cast_like(r, dt):
    dt = _dtype(dt)
    if isinstance(r, ArrayBase):
        return r if r.dtype == dt else r.astype(dt)
    return _scalar(dt.name, complex(r) if dt.kind == "c" else float(r))


def var(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True, mean=None, correction=None):
    """Variance: mean(abs(x - x.mean())**2) * n / (n - ddof)."""
    a = _arr(a)
    if correction is not None:
        ddof = correction
    dt = dtype if dtype is not None else ("float64" if a.dtype.kind in "biu" else a.dtype.name)
    m = _u.add.reduce(a, axis=axis, dtype=dt, keepdims=True, where=where)
    n = _count(a, axis, True, where)
    with _errstate_ignore():
        m = _u.divide(m, n if not isinstance(n, int) else float(n))
        x = a if a.dtype == _dtype(dt) else a.astype(dt)
        d = _u.subtract(x, m)
        if d.dtype.kind == "c":  # NumPy: |d|² as (d·conj d).real, a real variance
            sq = _u.multiply(d, _u.conjugate(d)).real
            dt = sq.dtype.name
        else:
            sq = _u.multiply(d, d)
        s = _u.add.reduce(sq, axis=axis, dtype=dt, keepdims=keepdims, where=where)
        nk = _count(a, axis, keepdims, where)
        den = _u.subtract(nk, ddof) if not isinstance(nk, int) else builtins.max(nk - ddof, 0)
    if isinstance(den, int) and den <= 0:
        warnings.warn("Degrees of freedom <= 0 for slice", RuntimeWarning, stacklevel=2)
    with _errstate_ignore():
        r = _u.divide(s, den if not isinstance(den, int) else float(den))
    r = _cast_like(r, dt)
    return r if out is None else _u._copy_into(_wrap_any(r), out)


def std(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True, mean=None, correction=None):
    v = var(a, axis=axis, dtype=dtype, ddof=ddof, keepdims=keepdims, where=where, correction=correction)
    r = _u.sqrt(v)
    return r if out is None else _u._copy_into(_wrap_any(r), out)


def _argext(a, axis, out, keepdims, is_max):
    a = _arr(a)
    if axis is None:
        flat = a.reshape(-1)
        r = _wrap(_call(_Reduce.argExtreme, flat._j, 0, is_max, False))
        if keepdims:
            r = r.reshape((1,) * a.ndim)
            return r if out is None else _u._copy_into(r, out)
        return r[()] if out is None else _u._copy_into(r, out)
    (ax,) = _normalize_axes(axis, a.ndim)
    r = _wrap(_call(_Reduce.argExtreme, a._j, ax, is_max, builtins.bool(keepdims)))
    if out is not None:
        return _u._copy_into(r, out)
    return r[()] if r.shape == () else r


def argmax(a, axis=None, out=None, *, keepdims=False):
    return _argext(a, axis, out, keepdims, True)


def argmin(a, axis=None, out=None, *, keepdims=False):
    return _argext(a, axis, out, keepdims, False)


def _accum(uf, a, axis, dtype, out):
    a = _arr(a)
    if axis is None:
        a = a.reshape(-1)
        axis = 0
    if dtype is None:
        dtype = _sum_dtype(a.dtype)
    return uf.accumulate(a, axis=axis, dtype=dtype, out=out)


def cumsum(a, axis=None, dtype=None, out=None):
    return _accum(_u.add, a, axis, dtype, out)


def cumprod(a, axis=None, dtype=None, out=None):
    return _accum(_u.multiply, a, axis, dtype, out)


def cumulative_sum(x, /, *, axis=None, dtype=None, include_initial=False):
    """Array API cumulative_sum: axis may be omitted only for 1-D input; include_initial starts with 0."""
    return _cumulative(cumsum, 0, x, axis, dtype, include_initial)


def cumulative_prod(x, /, *, axis=None, dtype=None, include_initial=False):
    """Array API cumulative_prod: as cumulative_sum, starting with 1."""
    return _cumulative(cumprod, 1, x, axis, dtype, include_initial)


def _cumulative(accumulate, identity, x, axis, dtype, include_initial):
    x = _arr(x)
    if axis is None:
        if x.ndim != 1:
            raise ValueError("axis must be specified for arrays with more than one dimension")
        axis = 0
    r = accumulate(x, axis=axis, dtype=dtype)
    if not include_initial:
        return r
    axis = normalize_axis(axis, r.ndim)
    shape = r.shape[:axis] + (r.shape[axis] + 1,) + r.shape[axis + 1:]
    out = full(shape, identity, dtype=r.dtype)
    out[(slice(None),) * axis + (slice(1, None),)] = r
    return out


def count_nonzero(a, axis=None, *, keepdims=False):
    a = _arr(a)
    if axis is None and not keepdims:
        return int(_call(_Reduce.countNonzero, a._j))  # counted in place, no bool temporary
    r = sum(_u.not_equal(a, 0) if a.dtype.kind != "b" else a, axis=axis, keepdims=keepdims)
    if axis is None and not keepdims:
        return int(r)
    return r


# ----- nan-variants -----
def _notnan(a):
    return _u.logical_not(_u.isnan(a))


def nansum(a, axis=None, dtype=None, out=None, keepdims=False, initial=_NOVALUE, where=True):
    a = _arr(a)
    if a.dtype.kind != "f":
        return sum(a, axis, dtype, out, keepdims, initial, where)
    w = _notnan(a) if where is True else _u.logical_and(_notnan(a), where)
    return sum(a, axis, dtype, out, keepdims, initial, w)


def nanprod(a, axis=None, dtype=None, out=None, keepdims=False, initial=_NOVALUE, where=True):
    a = _arr(a)
    if a.dtype.kind != "f":
        return prod(a, axis, dtype, out, keepdims, initial, where)
    w = _notnan(a) if where is True else _u.logical_and(_notnan(a), where)
    return prod(a, axis, dtype, out, keepdims, initial, w)


def _all_nan_warn(r):
    vals = _flat(r) if isinstance(r, ArrayBase) else [r]
    if builtins.any(isinstance(v, (float, complex)) and cmath.isnan(v) for v in vals):
        warnings.warn("All-NaN slice encountered", RuntimeWarning, stacklevel=3)


def nanmax(a, axis=None, out=None, keepdims=False, initial=_NOVALUE, where=True):
    a = _arr(a)
    if a.dtype.kind not in "fc":
        return max(a, axis, out, keepdims, initial, where)
    r = _reduce(_u.fmax, a, axis, None, out, keepdims, initial, where)
    _all_nan_warn(r)
    return r


def nanmin(a, axis=None, out=None, keepdims=False, initial=_NOVALUE, where=True):
    a = _arr(a)
    if a.dtype.kind not in "fc":
        return min(a, axis, out, keepdims, initial, where)
    r = _reduce(_u.fmin, a, axis, None, out, keepdims, initial, where)
    _all_nan_warn(r)
    return r


def nanmean(a, axis=None, dtype=None, out=None, keepdims=False, *, where=True):
    a = _arr(a)
    if a.dtype.kind != "f":
        return mean(a, axis, dtype, out, keepdims, where=where)
    w = _notnan(a) if where is True else _u.logical_and(_notnan(a), where)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        r = mean(a, axis, dtype, out, keepdims, where=w)
    _empty_warn(r, "Mean of empty slice")
    return r


def _empty_warn(r, msg):
    vals = _flat(r) if isinstance(r, ArrayBase) else [r]
    if builtins.any(isinstance(v, (float, complex)) and cmath.isnan(v) for v in vals):
        warnings.warn(msg, RuntimeWarning, stacklevel=3)


def nanvar(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True, mean=None, correction=None):
    a = _arr(a)
    if a.dtype.kind != "f":
        return var(a, axis, dtype, out, ddof, keepdims, where=where, correction=correction)
    w = _notnan(a) if where is True else _u.logical_and(_notnan(a), where)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        r = var(a, axis, dtype, out, ddof, keepdims, where=w, correction=correction)
    _empty_warn(r, "Degrees of freedom <= 0 for slice.")
    return r


def nanstd(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True, mean=None, correction=None):
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always", RuntimeWarning)
        v = nanvar(a, axis, dtype, None, ddof, keepdims, where=where, correction=correction)
    for w in rec:
        warnings.warn(w.message, w.category, stacklevel=2)
    r = _u.sqrt(v)
    return r if out is None else _u._copy_into(_wrap_any(r), out)


def _nanarg(a, axis, out, keepdims, is_max):
    a = _arr(a)
    if a.dtype.kind not in "fc":
        return _argext(a, axis, out, keepdims, is_max)
    nan = _u.isnan(a)
    if builtins.bool(all(nan, axis=axis).any() if axis is not None else all(nan)):
        raise ValueError("All-NaN slice encountered")
    fill = float("-inf") if is_max else float("inf")
    b = _where(nan, fill, a)
    return _argext(b, axis, out, keepdims, is_max)


_where = where


def nanargmax(a, axis=None, out=None, *, keepdims=False):
    return _nanarg(a, axis, out, keepdims, True)


def nanargmin(a, axis=None, out=None, *, keepdims=False):
    return _nanarg(a, axis, out, keepdims, False)


def nancumsum(a, axis=None, dtype=None, out=None):
    a = _arr(a)
    return cumsum(_where(_u.isnan(a), 0.0, a) if a.dtype.kind == "f" else a, axis, dtype, out)


def nancumprod(a, axis=None, dtype=None, out=None):
    a = _arr(a)
    return cumprod(_where(_u.isnan(a), 1.0, a) if a.dtype.kind == "f" else a, axis, dtype, out)
