"""Zero-copy exchange with NumPy (CPython through jep; GraalPy cannot load NumPy).

gilfree -> NumPy: ndarray's `__array_interface__`, `__array__` and `__dlpack__` (see _array_interface): a view
of the same memory, whatever the dtype, strides or offset, read-only for read-only (or frozen) arrays.

NumPy -> gilfree: `gf.asarray(np_array)` shares memory when the NumPy array is itself a view of gilfree
memory, and otherwise copies once (NumPy's own copy loop writes straight into the new engine array).
"""
import sys

from ._array_interface import Holder as _Holder
from ._bridge import Engine as _E, Interop as _Interop, call as _call
from ._dtypes import dtype as _dtype, _INFO
from ._base import ArrayBase, wrap as _wrap

def is_numpy_array(x):
    np = sys.modules.get("numpy")
    return np is not None and isinstance(x, np.ndarray)


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


def from_numpy(v, dtype=None, copy=None):
    """gf.asarray / gf.array for a NumPy array: shares gilfree-owned memory, else copies once."""
    import numpy as np
    want = None if dtype is None else _dtype(dtype)
    src_name = v.dtype.newbyteorder("=").name if v.dtype.byteorder not in ("=", "|") else v.dtype.name
    if src_name not in _INFO:
        if want is None:
            raise TypeError(f"gilfree does not support NumPy dtype {v.dtype.name!r}")
        src_name = None
    base = _gilfree_base(v)
    if base is not None and not copy and v.dtype.isnative and (want is None or want.name == src_name):
        info = _call(_Interop.arrayInterface, base._j)
        start = int(info[2])
        if start:
            offset = v.__array_interface__["data"][0] - start
            j = _call(_Interop.view, base._j, src_name, list(v.shape), list(v.strides), offset,
                      bool(v.flags.writeable))
            return _wrap(j, tuple(v.shape))
    if copy is False:
        raise ValueError("Unable to avoid copy while creating an array as requested.")
    out = _wrap(_call(_E.zeros, list(v.shape), want.name if want is not None else src_name), tuple(v.shape))
    np.copyto(np.asarray(_Holder(out)), v, casting="unsafe")
    return out


def from_dlpack(x, /, *, device=None, copy=None):
    """An array from a DLPack producer: a gilfree array directly (a view of its memory, or a copy with
    copy=True; no capsule, so on every runtime), any other producer through NumPy's DLPack import, which
    shares gilfree memory and otherwise copies once."""
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
