"""An array's elements as raw bytes and back (ndarray.tobytes/tofile/pickling, gf.frombuffer): C layout,
little-endian, NumPy's itemsizes, so the bytes are interchangeable with NumPy's on this machine."""
import struct

from ._base import values as _values
from ._creation import _from_flat
from ._dtypes import dtype as _dtype

_FORMAT = {"bool": "?", "int8": "b", "uint8": "B", "int16": "h", "uint16": "H", "int32": "i", "uint32": "I",
           "int64": "q", "uint64": "Q", "float16": "e", "float32": "f", "float64": "d", "complex64": "ff", "complex128": "dd"}


def to_bytes(a, order="C"):
    """The elements of `a` in `order` ('C', 'F', or 'A': F when `a` is F- but not C-contiguous)."""
    if order is None:
        order = "C"
    if order not in ("C", "F", "A"):
        raise ValueError("order must be one of 'C', 'F', 'A'")
    if order == "A":
        order = "F" if a.flags.f_contiguous and not a.flags.c_contiguous else "C"
    flat = a.ravel(order)
    dt = a.dtype
    items = _values(flat._j, dt)
    if dt.kind == "c":
        items = [p for z in items for p in (z.real, z.imag)]
        return struct.pack(f"<{len(items)}{_FORMAT[dt.name][0]}", *items)
    return struct.pack(f"<{len(items)}{_FORMAT[dt.name]}", *items)


def frombuffer(buffer, dtype=float, count=-1, offset=0, *, like=None):  # noqa: A002 - NumPy's names
    """A 1-d array of the elements in `buffer` (anything bytes() accepts), as np.frombuffer reads them.

    NumPy's result views the buffer's memory; gilfree's arrays live off-heap, so this is a copy."""
    dt = _dtype(dtype)
    data = memoryview(buffer).cast("B")
    size = dt.itemsize
    if offset < 0 or offset > len(data):
        raise ValueError("offset must be non-negative and no greater than buffer length (%d)" % len(data))
    available = len(data) - offset
    if count < 0:
        if available % size:
            raise ValueError("buffer size must be a multiple of element size")
        count = available // size
    elif count * size > available:
        raise ValueError("buffer is smaller than requested size")
    fmt = _FORMAT[dt.name]
    items = struct.unpack_from(f"<{count * len(fmt)}{fmt[0]}", data, offset)
    if dt.kind == "c":
        items = [complex(items[i], items[i + 1]) for i in range(0, len(items), 2)]
    return _from_flat(list(items), (count,), dt)


def from_pickle(name, shape, data):
    """The array pickled by ndarray.__reduce__."""
    flat = frombuffer(data, name)
    return flat.reshape(shape)
