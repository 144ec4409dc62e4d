"""Evenly spaced numbers: linspace, logspace and geomspace, with scalar or array endpoints (NumPy's algorithm
step by step, so the values are NumPy's bit for bit: arange times the step plus start, the last sample set to
stop, and geomspace's endpoints set to the inputs)."""
import builtins
import math
import operator

from ._base import ArrayBase
from ._creation import arange, asarray
from ._dtypes import dtype as _dtype
from ._manipulation import expand_dims, moveaxis
from ._promotion import result_type
from ._ufuncs import floor, log10, power, sign


def _inexact(dt):
    """The dtype itself when it is float or complex, else float64 (NumPy's ensure_inexact)."""
    return dt if dt.kind in "fc" else _dtype("float64")


def _as_weak_or_array(x):
    """Python numbers stay Python numbers (weak in promotion, NEP 50); anything else becomes an array."""
    return x if isinstance(x, (builtins.bool, builtins.int, builtins.float, builtins.complex)) else asarray(x)


def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0, *, device=None):
    """`num` evenly spaced samples from start to stop (stop included when `endpoint`); array endpoints give
    one sequence per element, stacked along `axis`."""
    num = operator.index(num)
    if num < 0:
        raise ValueError(f"Number of samples, {num}, must be non-negative.")
    div = (num - 1) if endpoint else num
    start, stop = _as_weak_or_array(start), _as_weak_or_array(stop)
    dt = _inexact(result_type(start, stop))
    out_dt = dt if dtype is None else _dtype(dtype)
    start_a, stop_a = asarray(start, dtype=dt), asarray(stop, dtype=dt)
    delta = stop_a - start_a
    y = arange(0, num, dtype=dt).reshape((-1,) + (1,) * delta.ndim)
    if div > 0:
        step = delta / div
        if bool(asarray(step == 0).any()):  # a step that underflowed: scale the fractions instead
            y = y / div * delta
        else:
            y = y * step
    else:
        step = math.nan
        y = y * delta
    y += start_a
    if endpoint and num > 1:
        y[-1, ...] = stop_a
    if axis != 0:
        y = moveaxis(y, 0, axis)
    if out_dt.kind in "iu":
        floor(y, out=y)
    y = y.astype(out_dt, copy=False)
    if retstep:
        return y, step
    return y


def logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=None, axis=0):
    """`num` powers of `base` whose exponents are evenly spaced from start to stop; an array base gives one
    sequence per base, as array endpoints do."""
    if not isinstance(base, (builtins.float, builtins.int)) and asarray(base).ndim:
        ndim = builtins.max(asarray(start).ndim, asarray(stop).ndim, asarray(base).ndim)
        start, stop, base = (_at_least(asarray(v), ndim) for v in (start, stop, base))
        base = expand_dims(base, axis)
    y = linspace(start, stop, num=num, endpoint=endpoint, axis=axis)
    r = power(base, y)
    return r if dtype is None else r.astype(dtype, copy=False)


def _at_least(a, ndim):
    return a.reshape((1,) * (ndim - a.ndim) + a.shape)


def geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0):
    """`num` numbers from start to stop spaced evenly on a log scale; negative and complex endpoints are
    rotated to the positive real axis, spaced there, and rotated back (as NumPy does)."""
    start = asarray(start) * 1.0
    stop = asarray(stop) * 1.0
    if bool(asarray(start == 0).any()) or bool(asarray(stop == 0).any()):
        raise ValueError("Geometric sequence cannot include zero")
    # The requested dtype takes part: geomspace(1, 8, dtype=complex) is computed in complex.
    dt = result_type(start, stop, builtins.float(num), _dtype("float64" if dtype is None else dtype))
    out_dt = dt if dtype is None else _dtype(dtype)
    start, stop = start.astype(dt, copy=True), stop.astype(dt, copy=True)
    out_sign = sign(start)
    start = start / out_sign
    stop = stop / out_sign
    result = logspace(log10(start), log10(stop), num=num, endpoint=endpoint, base=10.0, dtype=dt)
    if num > 0:  # the endpoints are the inputs, not 10 ** log10(x)
        result[0] = start
        if num > 1 and endpoint:
            result[-1] = stop
    result = result * out_sign
    if axis != 0:
        result = moveaxis(result, 0, axis)
    return result.astype(out_dt, copy=False)
