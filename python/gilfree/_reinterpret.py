"""The bytes of an array read another way: view(dtype) and view(type), getfield/setfield, byteswap, and the
memory questions shares_memory (exact) and may_share_memory (bounds).

A reinterpreting view is an engine view of the same storage with another dtype and a layout in bytes
(Views.reinterpret), so writes go through both ways, as in NumPy."""
from ._base import ArrayBase, wrap as _wrap
from ._bridge import Views as _V, call as _call
from ._dtypes import dtype as _dtype
from ._exceptions import TooHardError

# NumPy's max_work values: compare bounds only, or solve exactly
MAY_SHARE_BOUNDS, MAY_SHARE_EXACT = 0, -1


def _reinterpreted(a, dt, shape, strides, offset):
    r = _wrap(_call(_V.reinterpret, a._j, dt.name, list(shape), list(strides), offset), tuple(shape))
    r._base = a if a._base is None else a._base
    return r


def view_as(a, dtype):
    """a's bytes as `dtype`: the same layout for the same itemsize; else the last axis (contiguous) holds
    shape[-1] * itemsize // new itemsize elements."""
    dt = _dtype(dtype)
    old = a.dtype.itemsize
    shape, strides, offset = list(a.shape), list(a.strides), int(a._j.offset())
    if dt.itemsize != old:
        if a.ndim == 0:
            raise ValueError("Changing the dtype of a 0d array is only supported if the itemsize is unchanged")
        if shape[-1] != 1 and strides[-1] != old:
            raise ValueError("To change to a dtype of a different size, the last axis must be contiguous")
        nbytes = shape[-1] * old
        if dt.itemsize > old and nbytes % dt.itemsize:
            raise ValueError("When changing to a larger dtype, its size must be a divisor of the total size in "
                             "bytes of the last axis of the array.")
        if dt.itemsize < old and old % dt.itemsize:
            raise ValueError("When changing to a smaller dtype, its size must be a divisor of the size of "
                             "original dtype")
        shape[-1] = nbytes // dt.itemsize
        strides[-1] = dt.itemsize
    return _reinterpreted(a, dt, shape, strides, offset)


def as_subclass(a, cls, parent):
    """a's state in an instance of the ndarray subclass `cls`, finalized from `parent` as NumPy does."""
    obj = object.__new__(cls)
    obj._j, obj._shape, obj._dtype, obj._base = a._j, a._shape, a._dtype, a._base
    obj.__array_finalize__(parent)
    return obj


def getfield(a, dtype, offset=0):
    """The part of each element at byte `offset`, read as `dtype` (a view)."""
    dt = _dtype(dtype)
    if offset < 0:
        raise ValueError("offset is negative")
    if dt.itemsize > a.dtype.itemsize:
        raise ValueError("new type is larger than original type")
    if offset + dt.itemsize > a.dtype.itemsize:
        raise ValueError("new type plus offset is larger than original type")
    return _reinterpreted(a, dt, a.shape, a.strides, int(a._j.offset()) + offset)


def byteswap(a, inplace=False):
    """Each element's bytes reversed (each part of a complex number on its own); in place when asked."""
    part = a.dtype.itemsize // 2 if a.dtype.kind == "c" else a.dtype.itemsize
    c = a.copy()
    if part > 1:
        raw = view_as(c.reshape(-1), "uint8").reshape((-1, part))
        raw[...] = raw[:, ::-1].copy()
    if not inplace:
        return c
    a[...] = c
    return a


def _starts(a):
    """The byte offsets of a's elements (in its storage)."""
    offs = [int(a._j.offset())]
    for n, s in zip(a.shape, a.strides):
        offs = [o + k * s for o in offs for k in range(n)]
    return offs


def _bounds(a):
    lo = hi = int(a._j.offset())
    for n, s in zip(a.shape, a.strides):
        if s < 0:
            lo += (n - 1) * s
        else:
            hi += (n - 1) * s
    return lo, hi + a.dtype.itemsize


def _same_memory(a, b):
    """Whether a and b are gilfree arrays of one storage whose byte ranges overlap (the bounds test)."""
    if not (isinstance(a, ArrayBase) and isinstance(b, ArrayBase)) or a.size == 0 or b.size == 0:
        return False
    if not _call(_V.sameStorage, a._j, b._j):
        return False
    (alo, ahi), (blo, bhi) = _bounds(a), _bounds(b)
    return alo < bhi and blo < ahi


def _overlap_exact(a, b):
    """Whether some element of a shares a byte with some element of b: a sweep over both sorted start lists."""
    xs, ys = sorted(set(_starts(a))), sorted(set(_starts(b)))
    wa, wb = a.dtype.itemsize, b.dtype.itemsize
    i = j = 0
    while i < len(xs) and j < len(ys):
        x, y = xs[i], ys[j]
        if x < y + wb and y < x + wa:
            return True
        if x + wa <= y:
            i += 1
        else:
            j += 1
    return False


def shares_memory(a, b, /, max_work=None):
    """Whether a and b share memory, exactly (element byte ranges, not bounds); max_work=0 only accepts an
    answer the bounds give (else TooHardError), as NumPy."""
    if not _same_memory(a, b):
        return False
    if a.dtype == b.dtype and a.shape == b.shape and a.strides == b.strides and \
            int(a._j.offset()) == int(b._j.offset()):
        return True
    if max_work == MAY_SHARE_BOUNDS:
        raise TooHardError("Exceeded max_work")
    return _overlap_exact(a, b)


def may_share_memory(a, b, /, max_work=None):
    """Whether a and b might share memory: their byte bounds overlap (max_work=-1: the exact answer)."""
    if max_work == MAY_SHARE_EXACT:
        return shares_memory(a, b)
    return _same_memory(a, b)

