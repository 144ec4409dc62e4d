"""Zero-copy exchange with NumPy (CPython through jep; GraalPy cannot load NumPy).

gilfree -> NumPy: every ndarray exposes `__array_interface__` (address of its off-heap memory, shape,
byte strides, read-only flag), so `np.asarray(a)` is a view of the same memory, whatever the dtype,
strides or offset, and read-only for read-only (or frozen) arrays. The NumPy view keeps the gilfree
array -- and so its memory -- alive. `__array__` (NumPy 2 signature) and DLPack go through the same view.

NumPy -> gilfree: `gf.asarray(np_array)` shares memory when the NumPy array is itself a view of gilfree
memory, and otherwise copies once (NumPy's own copy loop writes straight into the new engine array).
"""
import sys

from ._bridge import Interop as _Interop, call as _call
from ._dtypes import dtype as _dtype, _INFO
from ._ndarray import ndarray, _wrap

_TYPESTR = {name: ("|" if size == 1 else "<") + ("b" if kind == "b" else kind) + str(size)
            for name, (kind, size, _c) in _INFO.items()}
if sys.byteorder == "big":
    _TYPESTR = {k: v.replace("<", ">") for k, v in _TYPESTR.items()}


def _interface_of(a):
    info = _call(_Interop.arrayInterface, a._j)
    addr = int(info[0])
    if addr == 0:
        raise AttributeError("this gilfree array lives on the Java heap and has no stable address")
    nd = int(info[3])
    return {
        "version": 3,
        "shape": tuple(int(d) for d in info[4:4 + nd]),
        "strides": tuple(int(s) for s in info[4 + nd:4 + 2 * nd]),
        "typestr": _TYPESTR[a.dtype.name],
        "data": (addr, not int(info[1])),
    }


def _array_interface(self):
    return _interface_of(self)


class _Holder:
    """Carries a gilfree array's interface to NumPy; the NumPy view's .base, keeping the array alive."""
    __slots__ = ("array", "__array_interface__")

    def __init__(self, array):
        self.array = array
        self.__array_interface__ = _interface_of(array)


def _numpy_view(a):
    import numpy as np
    try:
        return np.asarray(_Holder(a))
    except AttributeError:  # heap memory (a wrapped heap ByteBuffer): no address to share
        return np.array(a.tolist(), dtype=a.dtype.name)


def __array__(self, dtype=None, copy=None):
    """NumPy's conversion hook: a view of the same memory unless a dtype change or copy=True needs a copy."""
    import numpy as np
    v = _numpy_view(self)
    if dtype is not None and np.dtype(dtype) != v.dtype:
        if copy is False:
            raise ValueError("Unable to avoid copy while creating an array as requested.")
        return v.astype(dtype)
    return v.copy() if copy else v


def __dlpack__(self, *, stream=None, max_version=None, dl_device=None, copy=None):
    """DLPack export (CPU): NumPy's capsule over the shared view, so consumers see the same memory."""
    v = _numpy_view(self)
    kwargs = {}
    if max_version is not None:
        kwargs["max_version"] = max_version
    if copy is not None:
        kwargs["copy"] = copy
    if dl_device is not None:
        kwargs["dl_device"] = dl_device
    return v.__dlpack__(stream=stream, **kwargs)


def __dlpack_device__(self):
    return (1, 0)  # kDLCPU, device 0


def install(cls):
    """Adds the NumPy protocols to gilfree.ndarray."""
    cls.__array_interface__ = property(_array_interface)
    cls.__array__ = __array__
    cls.__dlpack__ = __dlpack__
    cls.__dlpack_device__ = __dlpack_device__


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
        if isinstance(b, ndarray):
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
    from ._creation import empty
    out = empty(v.shape, want if want is not None else src_name)
    np.copyto(np.asarray(_Holder(out)), v, casting="unsafe")
    return out


def from_dlpack(x, *, device=None, copy=None):
    """An array from any DLPack producer (via NumPy): shares gilfree memory, else copies once."""
    import numpy as np
    return from_numpy(np.from_dlpack(x), copy=copy)
