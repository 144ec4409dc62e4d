"""Editing an array's shape and contents along an axis: insert, delete, append, resize, rot90, rollaxis,
the axis-named splits (hsplit, vsplit, dsplit), block, trim_zeros, and the picking routines select and extract.
Built on the manipulation, sorting and ufunc layers; nothing below imports this module."""
import builtins
import operator

from ._base import ArrayBase
from ._creation import arange, array, asarray, asanyarray, empty, ones, zeros
from ._exceptions import AxisError, normalize_axis, normalize_axes
from ._manipulation import (concatenate, flip, transpose, moveaxis, ravel, reshape, split, broadcast_arrays, take,
                            nonzero)
from ._promotion import result_type
from ._sorting import where
from ._ufuncs import logical_not


def _axis_arr(arr, axis):
    """(array, axis, length) as insert/delete see them: no axis means the flattened array."""
    if axis is None:
        if arr.ndim != 1:
            arr = ravel(arr)
        axis = arr.ndim - 1
    axis = normalize_axis(axis, arr.ndim)
    return arr, axis, arr.shape[axis]


def _on_axis(ndim, axis, index):
    return (builtins.slice(None),) * axis + (index,) + (builtins.slice(None),) * (ndim - axis - 1)


def insert(arr, obj, values, axis=None):
    arr = asarray(arr)
    if arr.ndim == 0 and axis is None:
        arr = ravel(arr)
    arr, axis, n = _axis_arr(arr, axis)
    nd = arr.ndim
    if isinstance(obj, builtins.slice):
        indices = arange(*obj.indices(n), dtype="int64")
    else:
        indices = array(obj)
        if indices.dtype.kind == "b":
            if indices.ndim != 1:
                raise ValueError("boolean array argument obj to insert must be one dimensional")
            indices = nonzero(indices)[0]
        elif indices.ndim > 1:
            raise ValueError("index array argument obj to insert must be one dimensional or scalar")
    if indices.size == 1:
        index = indices.item()
        if index < -n or index > n:
            raise IndexError(f"index {obj} is out of bounds for axis {axis} with size {n}")
        if not isinstance(index, int):
            raise TypeError("slice indices must be integers or None or have an __index__ method")
        if index < 0:
            index += n
        vals = array(values, copy=None, ndmin=nd, dtype=arr.dtype)
        if indices.ndim == 0:
            vals = moveaxis(vals, 0, axis)
        numnew = vals.shape[axis]
        shape = list(arr.shape)
        shape[axis] += numnew
        new = empty(tuple(shape), dtype=arr.dtype)
        new[_on_axis(nd, axis, builtins.slice(None, index))] = arr[_on_axis(nd, axis, builtins.slice(None, index))]
        new[_on_axis(nd, axis, builtins.slice(index, index + numnew))] = vals
        new[_on_axis(nd, axis, builtins.slice(index + numnew, None))] = arr[_on_axis(nd, axis, builtins.slice(index, None))]
        return new
    if indices.size == 0 and not isinstance(obj, ArrayBase):
        indices = indices.astype("int64")
    if indices.dtype.kind not in "iu":
        raise IndexError("arrays used as indices must be of integer (or boolean) type")
    idx = [int(i) for i in indices.tolist()]
    idx = [i + n if i < 0 else i for i in idx]
    order = sorted(range(len(idx)), key=lambda k: idx[k])  # stable
    for rank, k in enumerate(order):
        idx[k] += rank
    total = n + len(idx)
    for i in idx:
        if not -total <= i < total:
            raise IndexError(f"index {i} is out of bounds for axis 0 with size {total}")
    keep = ones(total, dtype="bool")
    where_new = asarray(idx, dtype="int64")
    if idx:
        keep[where_new] = False
    shape = list(arr.shape)
    shape[axis] = total
    new = empty(tuple(shape), dtype=arr.dtype)
    if idx:
        new[_on_axis(nd, axis, where_new)] = values
    new[_on_axis(nd, axis, keep)] = arr
    return new


def delete(arr, obj, axis=None):
    arr = asarray(arr)
    arr, axis, n = _axis_arr(arr, axis) if not (arr.ndim == 0 and axis is None) else (ravel(arr), 0, arr.size)
    nd = arr.ndim
    if isinstance(obj, builtins.slice):
        keep = ones(n, dtype="bool")
        keep[obj] = False
        return arr[_on_axis(nd, axis, keep)].copy()
    if isinstance(obj, builtins.bool):
        single = False
    else:
        try:
            obj = operator.index(obj)
            single = True
        except TypeError:
            single = False
    if not single:
        given = obj
        obj = asarray(obj)
        if obj.size == 0 and not isinstance(given, ArrayBase):
            obj = obj.astype("int64")
        elif obj.size == 1 and obj.dtype.kind in "ui":
            obj = int(obj.item())
            single = True
    if single:
        if obj < -n or obj >= n:
            raise IndexError(f"index {obj} is out of bounds for axis {axis} with size {n}")
        if obj < 0:
            obj += n
        return concatenate((arr[_on_axis(nd, axis, builtins.slice(None, obj))],
                            arr[_on_axis(nd, axis, builtins.slice(obj + 1, None))]), axis=axis)
    if obj.dtype.kind == "b":
        if obj.shape != (n,):
            raise ValueError("boolean array argument obj to delete must be one dimensional and match the axis "
                             f"length of {n}")
        keep = logical_not(obj)
    else:
        if obj.dtype.kind not in "iu":
            raise IndexError("arrays used as indices must be of integer (or boolean) type")
        keep = ones(n, dtype="bool")
        keep[obj] = False
    return arr[_on_axis(nd, axis, keep)]


def append(arr, values, axis=None):
    arr = asanyarray(arr)
    if axis is None:
        if arr.ndim != 1:
            arr = ravel(arr)
        values = ravel(values)
        axis = arr.ndim - 1
    return concatenate((arr, values), axis=axis)


def resize(a, new_shape):
    if isinstance(new_shape, int) or not hasattr(new_shape, "__len__"):
        new_shape = (operator.index(new_shape),)
    new_shape = tuple(operator.index(d) for d in new_shape)
    a = ravel(a)
    new_size = 1
    for d in new_shape:
        if d < 0:
            raise ValueError("all elements of `new_shape` must be non-negative")
        new_size *= d
    if a.size == 0 or new_size == 0:
        return zeros(new_shape, dtype=a.dtype)
    repeats = -(-new_size // a.size)
    a = concatenate((a,) * repeats)[:new_size]
    return reshape(a, new_shape)


def rot90(m, k=1, axes=(0, 1)):
    axes = tuple(axes)
    if len(axes) != 2:
        raise ValueError("len(axes) must be 2.")
    m = asanyarray(m)
    if axes[0] == axes[1] or builtins.abs(axes[0] - axes[1]) == m.ndim:
        raise ValueError("Axes must be different.")
    if axes[0] >= m.ndim or axes[0] < -m.ndim or axes[1] >= m.ndim or axes[1] < -m.ndim:
        raise ValueError(f"Axes={axes} out of range for array of ndim={m.ndim}.")
    k %= 4
    if k == 0:
        return m[:]
    if k == 2:
        return flip(flip(m, axes[0]), axes[1])
    perm = list(range(m.ndim))
    perm[axes[0]], perm[axes[1]] = perm[axes[1]], perm[axes[0]]
    if k == 1:
        return transpose(flip(m, axes[1]), perm)
    return flip(transpose(m, perm), axes[1])


def rollaxis(a, axis, start=0):
    a = asanyarray(a)
    n = a.ndim
    axis = normalize_axis(axis, n)
    if not -n <= start <= n:
        raise AxisError(f"'start' arg requires {-n} <= start < {n + 1}, but {start} was passed in")
    if start < 0:
        start += n
    if axis < start:
        start -= 1
    if axis == start:
        return a[...]
    perm = list(range(n))
    perm.remove(axis)
    perm.insert(start, axis)
    return transpose(a, perm)


def hsplit(ary, indices_or_sections):
    ary = asanyarray(ary)
    if ary.ndim == 0:
        raise ValueError("hsplit only works on arrays of 1 or more dimensions")
    return split(ary, indices_or_sections, 1 if ary.ndim > 1 else 0)


def vsplit(ary, indices_or_sections):
    ary = asanyarray(ary)
    if ary.ndim < 2:
        raise ValueError("vsplit only works on arrays of 2 or more dimensions")
    return split(ary, indices_or_sections, 0)


def dsplit(ary, indices_or_sections):
    ary = asanyarray(ary)
    if ary.ndim < 3:
        raise ValueError("dsplit only works on arrays of 3 or more dimensions")
    return split(ary, indices_or_sections, 2)


def _block_index(index):
    return "arrays" + "".join(f"[{i}]" for i in index)


def _block_depths(arrays, index=()):
    """(depth of the lists, largest ndim of the leaves), checking the nesting is regular."""
    if type(arrays) is tuple:
        raise TypeError(f"{_block_index(index)} is a tuple. Only lists can be used to arrange blocks, and np.block "
                        "does not allow implicit conversion from tuple to ndarray.")
    if type(arrays) is list:
        if not arrays:
            raise ValueError(f"List at {_block_index(index)} cannot be empty")
        first = None
        nd = 0
        for i, x in enumerate(arrays):
            depth, leaf_nd = _block_depths(x, index + (i,))
            if first is None:
                first = depth
            elif depth != first:
                raise ValueError(f"List depths are mismatched. First element was at depth {first + len(index) + 1}, "
                                 f"but there is an element at depth {depth + len(index) + 1} "
                                 f"({_block_index(index + (i,))})")
            nd = builtins.max(nd, leaf_nd)
        return first + 1, nd
    return 0, asanyarray(arrays).ndim


def _block(arrays, depth, nd):
    if depth == 0:
        a = asanyarray(arrays)
        if a.ndim < nd:
            a = reshape(a, (1,) * (nd - a.ndim) + tuple(a.shape))
        return a
    return concatenate([_block(x, depth - 1, nd) for x in arrays], axis=-depth)


def block(arrays):
    depth, leaf_nd = _block_depths(arrays)
    nd = builtins.max(depth, leaf_nd)
    if depth == 0:
        return array(asanyarray(arrays), ndmin=nd, copy=True)
    return _block(arrays, depth, nd)


def trim_zeros(filt, trim="fb", axis=None):
    a = asarray(filt)
    trim = trim.lower()
    if trim not in {"fb", "bf", "f", "b"}:
        raise ValueError(f"unexpected character(s) in `trim`: {trim!r}")
    axes = tuple(range(a.ndim)) if axis is None else normalize_axes(axis, a.ndim, "axis")
    if not axes:
        return filt
    where_nz = _nonzero_positions(a)
    if not where_nz:
        start = stop = [0] * a.ndim
    else:
        start = [builtins.min(p[d] for p in where_nz) for d in range(a.ndim)]
        stop = [builtins.max(p[d] for p in where_nz) + 1 for d in range(a.ndim)]
        if "f" not in trim:
            start = [None] * a.ndim
        if "b" not in trim:
            stop = [None] * a.ndim
    sl = tuple(builtins.slice(start[d], stop[d]) if d in axes else builtins.slice(None) for d in range(a.ndim))
    if len(sl) == 1:
        return filt[sl[0]]
    return filt[sl]


def _nonzero_positions(a):
    """Positions of the non-zero elements as lists of ints."""
    idx = nonzero(a)
    cols = [i.tolist() for i in idx]
    return [list(p) for p in zip(*cols)] if cols else []


def select(condlist, choicelist, default=0):
    if len(condlist) != len(choicelist):
        raise ValueError("list of cases must be same length as list of conditions")
    if len(condlist) == 0:
        raise ValueError("select with an empty condition list is not possible")
    choices = [c if type(c) in (int, float, complex) else asarray(c) for c in choicelist]
    choices.append(default if type(default) in (int, float, complex) else asarray(default))
    try:
        dt = result_type(*choices)
    except TypeError as e:
        raise TypeError(f"Choicelist and default value do not have a common dtype: {e}") from None
    conds = [asarray(c) for c in condlist]
    for i, c in enumerate(conds):
        if c.dtype.kind != "b":
            raise TypeError(f"invalid entry {i} in condlist: should be boolean ndarray")
    arrays = broadcast_arrays(*conds, *[asarray(c, dtype=dt) for c in choices])
    n = len(conds)
    result = arrays[-1].astype(dt)
    for i in range(n - 1, -1, -1):
        result = where(arrays[i], arrays[n + i], result)
    return result.astype(dt, copy=False) if result.dtype != dt else result


def extract(condition, arr):
    return take(ravel(arr), nonzero(ravel(condition))[0])
