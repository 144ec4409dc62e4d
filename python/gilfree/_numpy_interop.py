"""Zero-copy exchange with NumPy (CPython through jep; GraalPy cannot load NumPy).

gilfree -> NumPy: ndarray's `__array_interface__`, `__array__` and `__dlpack__` (see _array_interface): a view
of the same memory, whatever the dtype, strides or offset, read-only for read-only (or frozen) arrays.

NumPy -> gilfree: `gf.asarray(np_array)` wraps NumPy's memory, no copy, for every gilfree dtype in native
byte order and aligned (any strides, negative ones too; read-only stays read-only). The engine gets the
address and a token; `_OWNERS` maps the token to the NumPy array, which stays referenced (so alive, and
`resize` refuses) until the engine reports that no gilfree view of that memory is reachable any more. Objects
with the buffer protocol, `__array_interface__` or DLPack go through NumPy's own zero-copy import first.
"""
import itertools
import pickle
import sys

from ._array_interface import Holder as _Holder
from ._bridge import Engine as _E, Interop as _Interop, call as _call
from ._dtypes import dtype as _dtype, generic as _generic, _INFO
from ._base import ArrayBase, wrap as _wrap

#: token -> the NumPy array owning memory the engine wraps (held: it keeps the memory alive, and NumPy's
#: resize refuses while it is referenced); id(that array) -> its token, so every later wrap of the same
#: NumPy memory is a view of the same engine storage (one freeze flag, one borrow table).
_OWNERS = {}
_TOKEN_OF = {}
_TOKENS = itertools.count(1)  # next() is atomic under the GIL, so threads never share a token

def is_numpy_array(x):
    np = sys.modules.get("numpy")
    return np is not None and isinstance(x, np.ndarray)


def is_foreign_array(x):
    """Another library's array NumPy can import without a copy (array interface, DLPack or buffer protocol)."""
    if isinstance(x, (ArrayBase, _generic, str, bytes, list, tuple, int, float, complex)):
        return False
    if type(x).__module__ == "numpy":  # NumPy scalars (np.int32(1), np.bool_): values, not memory to share
        return False
    if hasattr(x, "__array_interface__") or hasattr(x, "__array_struct__") or hasattr(x, "__dlpack__"):
        return True
    try:
        memoryview(x).release()
    except TypeError:
        return False
    return True


def from_foreign(x, dtype=None, copy=None):
    """gf.asarray for an is_foreign_array object: NumPy's zero-copy view of it, then wrapped."""
    try:
        import numpy as np
    except ImportError:
        raise TypeError(f"gilfree reads a {type(x).__name__!r} through NumPy, which this runtime cannot load") from None
    v = np.from_dlpack(x) if hasattr(x, "__dlpack__") and not hasattr(x, "__array_interface__") else np.asarray(x)
    return from_numpy(v, dtype, copy)


def _gilfree_base(v):
    """The gilfree array whose memory NumPy array `v` views, or None."""
    seen = 0
    b = v
    while b is not None and seen < 64:
        if isinstance(b, _Holder):
            return b.array
        if isinstance(b, ArrayBase):
            return b
        b = getattr(b, "base", None)
        seen += 1
    return None


def _native_name(v):
    """gilfree's name for NumPy array v's dtype, or None when gilfree has no such dtype."""
    name = v.dtype.newbyteorder("=").name if v.dtype.byteorder not in ("=", "|") else v.dtype.name
    return name if name in _INFO else None


def _view_of_gilfree(v, base, name):
    """A gilfree view over the gilfree memory `v` itself views, or None if `base` has no address."""
    info = _call(_Interop.arrayInterface, base._j)
    start = int(info[2])
    if not start:
        return None
    offset = v.__array_interface__["data"][0] - start
    j = _call(_Interop.view, base._j, name, list(v.shape), list(v.strides), offset, bool(v.flags.writeable))
    return _wrap(j, tuple(v.shape))


def _span(v):
    """(lowest, highest + 1) byte offsets v's elements reach from its first element."""
    lo = hi = 0
    for n, s in zip(v.shape, v.strides):
        if s < 0:
            lo += (n - 1) * s
        else:
            hi += (n - 1) * s
    return lo, hi + v.itemsize


def _drain_released():
    """Drops the NumPy arrays whose wrapped memory no gilfree array reaches any more (the engine says which)."""
    for t in _call(_Interop.releasedOwners):
        t = int(t)
        root = _OWNERS.pop(t, None)
        if root is not None and _TOKEN_OF.get(id(root)) == t:
            _TOKEN_OF.pop(id(root), None)


def wrap_numpy(v):
    """A gilfree array over NumPy array v's memory (native, aligned, a gilfree dtype), holding v's root.

    The engine storage spans the memory of v's root (the NumPy array at the end of v's .base chain), so
    views of one NumPy buffer share one storage however often they are wrapped."""
    np = sys.modules["numpy"]
    shape, strides, name = tuple(v.shape), list(v.strides), _native_name(v)
    if v.size == 0:  # no bytes to share: an empty array of the same shape
        return _wrap(_call(_E.zeros, list(shape), name), shape)
    root = v
    while isinstance(root.base, np.ndarray):
        root = root.base
    start = v.__array_interface__["data"][0]
    lo, hi = _span(v)
    rstart = root.__array_interface__["data"][0]
    rlo, rhi = _span(root)
    if root.size == 0 or start + lo < rstart + rlo or start + hi > rstart + rhi:  # as_strided beyond its base
        root, rstart, rlo, rhi = v, start, lo, hi
    offset = start - (rstart + rlo)
    writeable = bool(v.flags.writeable)
    _drain_released()
    token = _TOKEN_OF.get(id(root))
    if token is not None:
        j = _call(_Interop.wrapOwned, token, name, list(shape), strides, offset, writeable)
        if j is not None:
            return _wrap(j, shape)
    token = next(_TOKENS)
    _OWNERS[token] = root
    _TOKEN_OF[id(root)] = token
    try:
        j = _call(_Interop.wrapForeign, rstart + rlo, rhi - rlo, name, list(shape), strides, offset, writeable, token)
    except BaseException:
        _OWNERS.pop(token, None)
        _TOKEN_OF.pop(id(root), None)
        raise
    return _wrap(j, shape)


def from_numpy(v, dtype=None, copy=None):
    """gf.asarray / gf.array for a NumPy array: its memory wrapped (no copy), else one copy when the dtype,
    byte order or alignment needs a conversion or copy=True asks for one."""
    want = None if dtype is None else _dtype(dtype)
    name = _native_name(v)
    if name is None and want is None:
        raise TypeError(f"gilfree does not support NumPy dtype {v.dtype.name!r}")
    same = name is not None and (want is None or want.name == name)
    if same and v.dtype.isnative and v.flags.aligned and not copy:
        base = _gilfree_base(v)
        r = _view_of_gilfree(v, base, name) if base is not None and _Interop is not None else None
        return r if r is not None else wrap_numpy(v)
    if copy is False:
        raise ValueError("Unable to avoid copy while creating an array as requested.")
    if name is not None and v.dtype.isnative and v.flags.aligned:
        return wrap_numpy(v).astype(want.name if want is not None else name, copy=True)  # the engine's copy/cast
    # byte-swapped, unaligned, or a dtype gilfree lacks: NumPy converts into a fresh array gilfree then owns
    return wrap_numpy(v.astype((want.name if want is not None else name), order="K"))


def out_target(o):
    """The gilfree array a ufunc writes for out=o, o a NumPy array: o's own memory, wrapped."""
    if not o.flags.writeable:
        raise ValueError("output array is read-only")
    if _native_name(o) is None or not (o.dtype.isnative and o.flags.aligned):
        raise TypeError(f"gilfree cannot write into a NumPy array of dtype {o.dtype.str!r} "
                        "(a gilfree dtype, native byte order and aligned memory are needed)")
    return from_numpy(o)


def from_dlpack(x, /, *, device=None, copy=None):
    """An array from a DLPack producer: a gilfree array directly (a view of its memory, or a copy with
    copy=True; no capsule, so on every runtime), any other producer through NumPy's DLPack import, whose
    memory is then wrapped (a copy with copy=True)."""
    if device not in (None, "cpu"):
        raise ValueError(f'Device not understood. Only "cpu" is allowed, but received: {device}')
    if isinstance(x, ArrayBase):  # our own array: the memory is already ours, the capsule is a detour
        return x.copy() if copy else x.view()
    if not hasattr(x, "__dlpack__"):
        raise AttributeError(f"'{type(x).__name__}' object has no attribute '__dlpack__'")
    try:
        import numpy as np
    except ImportError:
        raise BufferError(f"importing a DLPack capsule from {type(x).__name__!r} needs NumPy, which this runtime "
                          "cannot load; gilfree arrays themselves need no capsule") from None
    return from_numpy(np.from_dlpack(x), copy=copy)


def reduce_out_of_band(a):
    """ndarray.__reduce_ex__ for pickle protocol 5 where NumPy is loaded: the data as one out-of-band buffer
    (a PickleBuffer over a NumPy view of the off-heap memory, no copy when C-contiguous). dask.distributed and
    multiprocessing pickle with protocol 5 and send such buffers as they are; plain pickle.dumps(a, 5) puts
    them in-band, as bytes."""
    np = sys.modules["numpy"]
    v = np.asarray(a)
    if not v.flags.c_contiguous:
        v = v.copy(order="C")
    return from_pickle_buffer, (a.dtype.name, a.shape, pickle.PickleBuffer(v.reshape(-1)))


def from_pickle_buffer(name, shape, data):
    """The array reduce_out_of_band pickled: the received buffer wrapped when writable, else copied once."""
    import numpy as np  # an unpickling process may not have loaded NumPy yet
    v = np.frombuffer(data, dtype=name).reshape(shape)
    return from_numpy(v if v.flags.writeable else v.copy())
