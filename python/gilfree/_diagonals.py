"""Diagonals: diag, diagflat, diagonal and a trace over any pair of axes (NumPy's names and errors).

`diagonal` returns a copy where NumPy returns a read-only view (docs/deviations.md)."""
import builtins
import operator

from ._creation import arange, asanyarray, zeros
from ._exceptions import normalize_axis
from ._manipulation import moveaxis, ravel
from ._reductions import sum as _sum


def _diag_coords(n1, n2, k):
    """Row and column indices of diagonal k of an n1 x n2 matrix."""
    if k >= 0:
        length = builtins.max(0, builtins.min(n1, n2 - k))
        rows = arange(length)
        return rows, rows + k
    length = builtins.max(0, builtins.min(n1 + k, n2))
    cols = arange(length)
    return cols - k, cols


def diagonal(a, offset=0, axis1=0, axis2=1):
    """The diagonal `offset` of `a` over axes axis1, axis2, as the last axis of the result."""
    a = asanyarray(a)
    offset = operator.index(offset)
    if a.ndim < 2:
        raise ValueError("diag requires an array of at least two dimensions")
    ax1 = normalize_axis(axis1, a.ndim, "axis1")
    ax2 = normalize_axis(axis2, a.ndim, "axis2")
    if ax1 == ax2:
        raise ValueError("axis1 and axis2 cannot be the same")
    b = moveaxis(a, (ax1, ax2), (-2, -1))
    rows, cols = _diag_coords(b.shape[-2], b.shape[-1], offset)
    return b[..., rows, cols]


def diag(v, k=0):
    """The diagonal k of a 2-d array, or a square 2-d array with the 1-d `v` on its diagonal k."""
    v = asanyarray(v)
    k = operator.index(k)
    if v.ndim == 1:
        n = v.shape[0] + builtins.abs(k)
        res = zeros((n, n), dtype=v.dtype)
        if v.shape[0]:
            rows, cols = _diag_coords(n, n, k)
            res[rows, cols] = v
        return res
    if v.ndim == 2:
        return diagonal(v, k)
    raise ValueError("Input must be 1- or 2-d.")


def diagflat(v, k=0):
    """A 2-d array with the flattened input on its diagonal k."""
    return diag(ravel(asanyarray(v)), k)


def trace(a, offset=0, axis1=0, axis2=1, dtype=None, out=None):
    """The sums along diagonals of `a` (NumPy's trace: a scalar for a 2-d array)."""
    return _sum(diagonal(a, offset, axis1, axis2), axis=-1, dtype=dtype, out=out)
