"""An array's elements as raw bytes and back (ndarray.tobytes/tofile/pickling, gf.frombuffer, the .npy format):
NumPy's itemsizes and native (little-endian) order, so the bytes are interchangeable with NumPy's.

The bytes cross the bridge in one call per chunk: to Java as a byte[], back as a str of one char per byte
(the engine's `bytesOf`), which encodes to the bytes in one step; no element passes through Python. A file
named by its path is read and written by the engine itself (`Files`) where the session may reach host files.
"""
import os

from ._base import wrap as _wrap
from ._bridge import Engine as _E, Files as _Files, call as _call
from ._dtypes import dtype as _dtype

#: Bytes per engine call (a Java String or byte[] holds under 2**31).
CHUNK = 1 << 28


def iter_bytes(a, order="C"):
    """The elements of `a` in `order` ('C', 'F', or 'A': F when `a` is F- but not C-contiguous), as chunks of bytes."""
    if order is None:
        order = "C"
    if order not in ("C", "F", "A"):
        raise ValueError("order must be one of 'C', 'F', 'A'")
    if order == "A":
        order = "F" if a.flags.f_contiguous and not a.flags.c_contiguous else "C"
    src = a.T if order == "F" else a  # a's Fortran order is its transpose's C order
    if not src.flags.c_contiguous:
        src = src.copy()
    total = src.size * src.itemsize
    for start in range(0, total, CHUNK):
        yield _call(_E.bytesOf, src._j, start, min(CHUNK, total - start)).encode("latin-1")


def to_bytes(a, order="C"):
    return b"".join(iter_bytes(a, order))


def from_bytes(data, dt, big_endian=False):
    """A new 1-d array of dtype `dt` holding `data` (bytes, a whole number of elements), written in
    `big_endian` order or else little-endian."""
    if len(data) <= CHUNK:
        return _wrap(_call(_E.fromBytes, data, dt.name, big_endian))
    step = CHUNK - CHUNK % dt.itemsize
    parts = [_wrap(_call(_E.fromBytes, data[i:i + step], dt.name, big_endian)) for i in range(0, len(data), step)]
    out = _wrap(_call(_E.zeros, [len(data) // dt.itemsize], dt.name))
    at = 0
    for p in parts:  # one engine copy per chunk
        out[at:at + p.size] = p
        at += p.size
    return out


def to_path(a, path, order="C"):
    """Appends `a`'s elements in `order` ('C' or 'F') to the file at `path` straight from the engine: True,
    or False where the session may not write host files (the caller writes bytes itself)."""
    if _Files is None:
        return False
    _call(_Files.append, a._j, os.path.abspath(path), order == "F")
    return True


def from_path(path, offset, count, dt, big_endian=False):
    """Up to `count` elements (all when negative) of dtype `dt` at byte `offset` of the file at `path`, read
    by the engine (a 1-d array, short when the file is); None where the session may not read host files."""
    if _Files is None:
        return None
    return _wrap(_call(_Files.read, os.path.abspath(path), offset, count, dt.name, big_endian))


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
    return from_bytes(bytes(data[offset:offset + count * size]), dt)


def to_file(a, fid, sep="", format="%s"):  # noqa: A002 - NumPy's name
    """ndarray.tofile: the elements in C order to a file (a path or an open file): raw bytes, or text separated by `sep`."""
    if hasattr(fid, "write"):
        _write(a, fid, sep, format)
        return
    with open(fid, "wb") as f:
        if sep or _Files is None:
            _write(a, f, sep, format)
            return
    to_path(a, os.fspath(fid))


def _write(a, f, sep, format):  # noqa: A002
    if sep:
        f.write(sep.join(format % v for v in a.ravel().tolist()).encode())
    else:
        for chunk in iter_bytes(a):
            f.write(chunk)


def from_pickle(name, shape, data):
    """The array pickled by ndarray.__reduce__."""
    return frombuffer(data, name).reshape(shape)
