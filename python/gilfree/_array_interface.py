"""gilfree -> NumPy without a copy: the array interface (address of the off-heap memory, shape, byte strides,
read-only flag) and the NumPy view built from it, which keeps the gilfree array -- and so its memory -- alive.
ndarray's __array_interface__, __array__ and __dlpack__ are these functions. NumPy is imported only when asked
for (GraalPy cannot load it)."""
import sys

from ._bridge import Interop as _Interop, call as _call
from ._dtypes import _INFO

_TYPESTR = {name: ("|" if size == 1 else "<") + ("b" if kind == "b" else kind) + str(size)
            for name, (kind, size, _c) in _INFO.items()}
if sys.byteorder == "big":
    _TYPESTR = {k: v.replace("<", ">") for k, v in _TYPESTR.items()}


def interface_of(a):
    if _Interop is None:
        raise AttributeError("this session does not reveal memory addresses: no __array_interface__")
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


class Holder:
    """Carries a gilfree array's interface to NumPy; the NumPy view's .base, keeping the array alive."""
    __slots__ = ("array", "__array_interface__")

    def __init__(self, array):
        self.array = array
        self.__array_interface__ = interface_of(array)


def numpy_view(a):
    import numpy as np
    try:
        return np.asarray(Holder(a))
    except AttributeError:  # heap memory (a wrapped heap ByteBuffer): no address to share
        return np.array(a.tolist(), dtype=a.dtype.name)


def to_numpy(self, dtype=None, copy=None):
    """NumPy's conversion hook: a view of the same memory unless a dtype change or copy=True needs a copy."""
    import numpy as np
    v = numpy_view(self)
    if dtype is not None and np.dtype(dtype) != v.dtype:
        if copy is False:
            raise ValueError("Unable to avoid copy while creating an array as requested.")
        return v.astype(dtype)
    return v.copy() if copy else v


def dlpack(self, *, stream=None, max_version=None, dl_device=None, copy=None):
    """DLPack export (CPU): NumPy's capsule over the shared view, so consumers see the same memory.

    The capsule is a C object; only NumPy makes it for us, so without NumPy (GraalPy) the export cannot be
    done, which DLPack reports as BufferError. gf.from_dlpack takes gilfree arrays without a capsule."""
    try:
        import numpy  # noqa: F401 - probing only: numpy_view imports it again
    except ImportError:
        raise BufferError("DLPack export needs NumPy to build the capsule, and this runtime cannot load NumPy; "
                          "use gf.from_dlpack(x) or gf.asarray(x) for gilfree arrays") from None
    v = numpy_view(self)
    kwargs = {}
    if max_version is not None:
        kwargs["max_version"] = max_version
    if copy is not None:
        kwargs["copy"] = copy
    if dl_device is not None:
        kwargs["dl_device"] = dl_device
    return v.__dlpack__(stream=stream, **kwargs)
