"""Arrays built from a rule: fromfunction, fromiter, vander and indices (NumPy's names, dtypes and errors)."""
import builtins
import operator

from ._creation import arange, array, asarray, empty, ones
from ._dtypes import dtype as _dtype
from ._manipulation import broadcast_to, concatenate, flip, reshape, stack
from ._promotion import promote_types
from ._reductions import cumprod


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
