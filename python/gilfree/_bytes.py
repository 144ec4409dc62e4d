"""An array's elements as raw bytes and back (ndarray.tobytes/tofile/pickling, gf.frombuffer): C layout,
little-endian, NumPy's itemsizes, so the bytes are interchangeable with NumPy's on this machine."""
import math
import struct

from ._base import values as _values
from ._creation import _from_flat
from ._dtypes import dtype as _dtype

_FORMAT = {"bool": "?", "int8": "b", "uint8": "B", "int16": "h", "uint16": "H", "int32": "i", "uint32": "I",
           "int64": "q", "uint64": "Q", "float16": "H", "float32": "f", "float64": "d", "complex64": "ff", "complex128": "dd"}


# float16 travels as its bit pattern ("H"), converted here: struct's "e" format loses the sign of a NaN on
# GraalPy, and NumPy's bytes keep it.
def _half_bits(v):
    """The float16 bit pattern of v, a value the dtype holds (NaN: the quiet NaN with v's sign)."""
    sign = 0x8000 if math.copysign(1.0, v) < 0 else 0
    a = abs(v)
    if a != a:
        return sign | 0x7e00
    if a == math.inf:
        return sign | 0x7c00
    if a < 2.0 ** -14:  # subnormal: a multiple of 2**-24
        return sign | int(a * 2.0 ** 24)
    m, e = math.frexp(a)  # a = m * 2**e with m in [0.5, 1)
    return sign | ((e + 14) << 10) | (int(m * 2048) - 1024)


def _half_value(b):
    """The value of float16 bit pattern b."""
    sign = -1.0 if b & 0x8000 else 1.0
    e, m = (b >> 10) & 0x1f, b & 0x3ff
    if e == 0x1f:
        return math.copysign(math.nan if m else math.inf, sign)
    if e == 0:
        return sign * m * 2.0 ** -24
    return sign * (1024 + m) * 2.0 ** (e - 25)


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
    if dt.name == "float16":
        items = [_half_bits(v) for v in items]
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
    elif dt.name == "float16":
        items = [_half_value(b) for b in items]
    return _from_flat(list(items), (count,), dt)


def from_pickle(name, shape, data):
    """The array pickled by ndarray.__reduce__."""
    flat = frombuffer(data, name)
    return flat.reshape(shape)
