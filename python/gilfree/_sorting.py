"""Sorting, searching and sets: sort/argsort (stable), searchsorted, where, argwhere, nonzero, unique family,
isin, partition/argpartition. The work happens in the engine (dev.gilfree.api.Sort)."""
import builtins
import operator
from collections import namedtuple

from . import _trace_hook
from ._exceptions import AxisError
from ._creation import arange, asarray, zeros
from ._manipulation import concatenate, moveaxis, nonzero
from ._exceptions import normalize_axis
from . import _ufuncs as _u
from ._base import ArrayBase, wrap as _wrap
from ._bridge import Reduce as _Reduce, Sort as _Sort, Writes as _Writes, call as _call
from ._ufuncs import logical_not as _logical_not, _to_array, _weak_result_dtype, _normalize_axes, _is_py_scalar



def where(condition, x=None, y=None):
    """Elements of x where condition holds, else of y (broadcast together); NumPy's result dtype."""
    if _trace_hook.hook is not None:  # @gf.fuse is tracing
        r = _trace_hook.hook("where", (condition, x, y), {})
        if r is not NotImplemented:
            return r
    if x is None and y is None:
        return nonzero(condition)
    if x is None or y is None:
        raise ValueError("either both or neither of x and y should be given")
    c = _to_array(condition)
    dt = _weak_result_dtype(x, y)
    # NumPy casts a Python scalar into the result dtype unsafely here (where(c, int8, 300) holds 44)
    xa = _to_array(x) if not _is_py_scalar(x) else asarray(x).astype(dt, casting="unsafe")
    ya = _to_array(y) if not _is_py_scalar(y) else asarray(y).astype(dt, casting="unsafe")
    return _wrap(_call(_Reduce.select, c._j, xa._j, ya._j, dt))


def _axis1(a, axis):
    if axis is None:
        return a.reshape(-1), 0
    if a.ndim == 0:
        raise _axis_error(axis, 0)
    (ax,) = _normalize_axes(axis, a.ndim)
    return a, ax


def _axis_error(axis, ndim):
    return AxisError(axis, ndim)


def sort(a, axis=-1, kind=None, order=None, *, stable=None, descending=False):
    """Sorted copy along axis (stable merge sort; NaN last, as NumPy)."""
    a, ax = _axis1(_to_array(a), axis)
    return _wrap(_call(_Sort.sort, a._j, ax, builtins.bool(descending)))


def argsort(a, axis=-1, kind=None, order=None, *, stable=None, descending=False):
    """Indices that sort along axis (stable: equal elements keep their order)."""
    a, ax = _axis1(_to_array(a), axis)
    return _wrap(_call(_Sort.argsort, a._j, ax, builtins.bool(descending)))


def _check_kth(kth, n):
    """NumPy's check of partition's kth (an int or a sequence of them; negative ones count from the end)."""
    ks = kth.tolist() if isinstance(kth, ArrayBase) else kth
    for k in ks if isinstance(ks, (list, tuple)) else (ks,):
        k = operator.index(k)
        if k < 0:
            k += n
        if not 0 <= k < n:
            raise ValueError(f"kth(={k}) out of bounds ({n})")


def sort_in_place(a, axis=-1, kth=None):
    """ndarray.sort (and, with kth, ndarray.partition: a full sort is a valid partition): a sorted in place."""
    a, ax = _axis1(a, operator.index(axis))
    if kth is not None:
        _check_kth(kth, a.shape[ax])
    _call(_Writes.sort, a._j, ax, False)


def partition(a, kth, axis=-1, kind="introselect", order=None):
    """A partitioned copy (gilfree sorts fully: every element is in its sorted place)."""
    a, ax = _axis1(_to_array(a), axis)
    _check_kth(kth, a.shape[ax])
    return sort(a, axis=ax)


def argpartition(a, kth, axis=-1, kind="introselect", order=None):
    """Indices that partition along axis (those that sort it); axis=None flattens."""
    a, ax = _axis1(_to_array(a), axis)
    _check_kth(kth, a.shape[ax])
    return argsort(a, axis=ax)


def _check_sorter(sorter, a):
    """searchsorted's sorter as an index array, with NumPy's checks (1-D integers, a's size, in range)."""
    s = _to_array(sorter)
    if s.ndim != 1:
        raise TypeError("could not parse sorter argument")
    if s.dtype.kind not in "iu":
        raise TypeError("sorter must only contain integers")
    if s.size != a.size:
        raise ValueError("sorter.size must equal a.size")
    if s.size and (int(s.min()) < 0 or int(s.max()) >= a.size):
        raise ValueError("Sorter index out of range.")
    return s


def searchsorted(a, v, side="left", sorter=None):
    a = _to_array(a)
    if sorter is not None:
        a = a[_check_sorter(sorter, a)]  # the insertion points into a[sorter] are what NumPy returns
    if side not in ("left", "right"):
        raise ValueError(f"side must be 'left' or 'right' (got {side!r})")
    scalar = not isinstance(v, (ArrayBase, list, tuple))
    dt = _weak_result_dtype(a, v)
    vv = _to_array(v) if not _is_py_scalar(v) else _to_array(v).astype(dt)
    aa = a if a.dtype.name == dt else a.astype(dt)
    vv = vv if vv.dtype.name == dt else vv.astype(dt)
    r = _wrap(_call(_Sort.searchsorted, aa._j, vv._j, side == "right"))
    return r[()] if scalar else r


def argwhere(a):
    return _wrap(_call(_Sort.argwhere, _to_array(a)._j))


UniqueAllResult = namedtuple("UniqueAllResult", ["values", "indices", "inverse_indices", "counts"])
UniqueCountsResult = namedtuple("UniqueCountsResult", ["values", "counts"])
UniqueInverseResult = namedtuple("UniqueInverseResult", ["values", "inverse_indices"])


def _unique4(x, equal_nan=False):
    a = _to_array(x)
    flat = a.reshape(-1)
    v, i, inv, c = (_wrap(j) for j in _call(_Sort.uniqueAll, flat._j, builtins.bool(equal_nan)))
    return a, v, i, inv, c


def _unique_along(ar, axis):
    """unique's sub-arrays along axis: each one, flattened to a row, is sorted lexicographically (stable, so the
    first of equal rows comes first) and a row that differs from the one before starts a new value."""
    a = _to_array(ar)
    m = moveaxis(a, normalize_axis(axis, a.ndim), 0)
    n, rest = m.shape[0], m.shape[1:]
    width = 1
    for d in rest:
        width *= d
    rows = m.reshape(n, width)
    order = arange(n)
    for col in range(width - 1, -1, -1):  # least significant column first
        order = order[argsort(rows[:, col][order], kind="stable")]
    srt = rows[order]
    differs = _u.logical_or.reduce(_u.not_equal(srt[1:], srt[:-1]), axis=1) if n > 1 \
        else zeros(max(n - 1, 0), dtype="bool")
    new = concatenate([asarray([True] if n else [], dtype="bool"), differs])  # the first row starts a value
    starts = nonzero(new)[0]
    values = moveaxis(srt[starts].reshape((starts.size,) + rest), 0, normalize_axis(axis, a.ndim))
    group = _u.subtract(_u.add.accumulate(new.astype("int64")), 1)
    inverse = group[argsort(order, kind="stable")]
    counts = _u.subtract(concatenate([starts[1:], asarray([n])]), starts)
    return a, values, order[starts], inverse, counts


def unique(ar, return_index=False, return_inverse=False, return_counts=False, axis=None, *, equal_nan=True,
           sorted=True):  # noqa: A002
    if axis is not None:
        a, v, i, inv, c = _unique_along(ar, axis)  # NaN rows stay distinct there whatever equal_nan says, as NumPy
    else:
        a, v, i, inv, c = _unique4(ar, equal_nan)
    if not (return_index or return_inverse or return_counts):
        return v
    out = [v]
    if return_index:
        out.append(i)
    if return_inverse:
        out.append(inv.reshape(a.shape) if a.ndim > 1 and axis is None else inv)
    if return_counts:
        out.append(c)
    return tuple(out)


def unique_all(x):
    a, v, i, inv, c = _unique4(x)
    return UniqueAllResult(v, i, inv.reshape(a.shape), c)


def unique_counts(x):
    a, v, i, inv, c = _unique4(x)
    return UniqueCountsResult(v, c)


def unique_inverse(x):
    a, v, i, inv, c = _unique4(x)
    return UniqueInverseResult(v, inv.reshape(a.shape))


def unique_values(x):
    return _unique4(x)[1]


def isin(element, test_elements, assume_unique=False, invert=False, *, kind=None):
    a, t = _to_array(element), _to_array(test_elements)
    dt = _weak_result_dtype(a, t)
    a2 = a if a.dtype.name == dt else a.astype(dt)
    t2 = t if t.dtype.name == dt else t.astype(dt)
    r = _wrap(_call(_Sort.isin, a2._j, t2._j))
    if invert:
        r = _logical_not(r)
        if not isinstance(r, ArrayBase):
            return r
    return r[()] if r.shape == () else r
