"""Arrays built from a rule: logspace, geomspace, fromfunction, fromiter, vander and indices (NumPy's names,
dtypes and errors). logspace and geomspace take scalar endpoints (as gilfree's linspace does)."""
import builtins
import operator

from ._base import ArrayBase
from ._creation import arange, array, asarray, empty, linspace, ones
from ._dtypes import dtype as _dtype
from ._manipulation import broadcast_to, concatenate, flip, reshape, stack
from ._promotion import promote_types
from ._reductions import cumprod
from ._ufuncs import log10


def logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=None, axis=0):
    """`num` powers of `base` whose exponents are evenly spaced from start to stop."""
    if not isinstance(base, (builtins.float, builtins.int)) and asarray(base).ndim:
        raise NotImplementedError("logspace with an array base is not supported")
    y = linspace(start, stop, num=num, endpoint=endpoint, axis=axis)
    r = base ** y
    return r if dtype is None else r.astype(dtype, copy=False)


def geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0):
    """`num` numbers from start to stop spaced evenly on a log scale (real scalar endpoints)."""
    if isinstance(start, (ArrayBase, list, tuple)) or isinstance(stop, (ArrayBase, list, tuple)):
        raise NotImplementedError("geomspace with array endpoints is not supported")
    if start == 0 or stop == 0:
        raise ValueError("Geometric sequence cannot include zero")
    if isinstance(start, builtins.complex) or isinstance(stop, builtins.complex) \
            or asarray(start).dtype.kind == "c" or asarray(stop).dtype.kind == "c":
        raise NotImplementedError("geomspace with complex endpoints is not supported")
    num = operator.index(num)
    start_a = asarray(start, dtype="float64")
    stop_a = asarray(stop, dtype="float64")
    sign = -1.0 if start_a < 0 else 1.0
    start_a = start_a / sign
    stop_a = stop_a / sign
    result = logspace(builtins.float(log10(start_a)), builtins.float(log10(stop_a)), num=num, endpoint=endpoint,
                      base=10.0)
    if num > 0:
        result[0] = start_a
        if num > 1 and endpoint:
            result[-1] = stop_a
    result = result * sign
    if axis != 0:
        raise NotImplementedError("geomspace of scalars has one axis: axis must be 0")
    return result if dtype is None else result.astype(dtype, copy=False)


def indices(dimensions, dtype=int, sparse=False):
    """An array (or with sparse=True, a tuple of arrays) of the indices of a grid of shape `dimensions`."""
    dims = tuple(operator.index(d) for d in dimensions)
    if builtins.any(d < 0 for d in dims):
        raise ValueError("negative dimensions are not allowed")
    n = len(dims)
    parts = []
    for i, d in enumerate(dims):
        parts.append(reshape(arange(d, dtype=dtype), (1,) * i + (d,) + (1,) * (n - i - 1)))
    if sparse:
        return tuple(parts)
    if n == 0:
        return empty((0,), dtype=dtype)
    return stack([broadcast_to(p, dims) for p in parts])


def fromfunction(function, shape, *, dtype=float, like=None, **kwargs):
    """function(*indices(shape, dtype), **kwargs): an array whose element at each index is a function of it."""
    return function(*indices(shape, dtype=dtype), **kwargs)


def fromiter(iter, dtype, count=-1, *, like=None):  # noqa: A002 - NumPy's name
    """A new 1-d array of dtype `dtype` from the first `count` items of an iterable (all of them for -1)."""
    dt = _dtype(dtype)
    count = operator.index(count)
    items = []
    if count == -1:
        items = list(iter)
    elif count > 0:
        for item in iter:
            items.append(item)
            if len(items) == count:
                break
        if len(items) < count:
            raise ValueError(f"iterator too short: Expected {count} but iterator had only {len(items)} items.")
    if not items:
        return empty((0,), dtype=dt)
    return array(items, dtype=dt)


def vander(x, N=None, increasing=False):
    """The Vandermonde matrix of the 1-d x: its columns are powers of x (decreasing unless `increasing`)."""
    x = asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be a one-dimensional array or sequence.")
    m = x.shape[0]
    if N is None:
        N = m
    N = operator.index(N)
    if N < 0:
        raise ValueError("negative dimensions are not allowed")
    dt = promote_types(x.dtype, int)
    cols = [ones((m, builtins.min(N, 1)), dtype=dt)]
    if N > 1:
        cols.append(cumprod(broadcast_to(reshape(x.astype(dt), (m, 1)), (m, N - 1)), axis=1))
    v = concatenate(cols, axis=1) if N > 1 else cols[0]
    return v if increasing else flip(v, axis=1).copy()
