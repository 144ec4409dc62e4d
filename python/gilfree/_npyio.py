"""NumPy's binary files: .npy (one array) and .npz (a zip of .npy members): gf.save, load, savez,
savez_compressed and the NpzFile that load returns for an archive.

Files are byte-compatible with NumPy's in both directions: format versions 1.0/2.0/3.0, the header padded to
64 bytes with room for the first (C) or last (Fortran) axis to grow, every gilfree dtype, either byte order on
load (big-endian data is swapped to native), Fortran order both ways. The data crosses to and from the engine
in bulk (`_bytes`). `mmap_mode` maps the file into an engine array (the `Files` gateway) where the session
allows host files.
"""
import ast
import io
import os
import pickle
import re
import struct
import zipfile
from collections.abc import Mapping

from ._bridge import Files as _Files, call as _call
from ._base import wrap as _wrap
from ._bytes import (from_bytes as _from_bytes, from_path as _from_path, iter_bytes as _iter_bytes,
                     to_path as _to_path)
from ._creation import asarray as _asarray
from ._dtypes import dtype as _dtype

MAGIC_PREFIX = b"\x93NUMPY"
_MAGIC_LEN = len(MAGIC_PREFIX) + 2
_ALIGN = 64
_GROWTH_DIGITS = 21  # header room for the growing axis: len(str(8 * 2**64 - 1))
_MAX_HEADER_SIZE = 10000
_HEADER_INFO = {(1, 0): ("<H", "latin1"), (2, 0): ("<I", "latin1"), (3, 0): ("<I", "utf8")}
_ZIP_PREFIXES = (b"PK\x03\x04", b"PK\x05\x06")  # an empty archive starts with the second
_READ_CHUNK = 1 << 26

# typestr (no byte order) -> gilfree dtype name
_TYPESTRS = {"b1": "bool", "i1": "int8", "u1": "uint8", "i2": "int16", "u2": "uint16", "i4": "int32",
             "u4": "uint32", "i8": "int64", "u8": "uint64", "f4": "float32", "f8": "float64",
             "c8": "complex64", "c16": "complex128"}
# descrs NumPy understands that gilfree cannot hold (strings, objects, dates, half floats, ...)
_NUMPY_ONLY = re.compile(r"[<>|=]?([biufcmMOSUVa]\d*(\[\w+\])?|f2|c32|f16)$")


# ----------------------------------------------------------------------------- the .npy header

def _wrap_header(text, version):
    fmt, encoding = _HEADER_INFO[version]
    raw = text.encode(encoding)
    hlen = len(raw) + 1  # the closing newline
    pad = _ALIGN - (_MAGIC_LEN + struct.calcsize(fmt) + hlen) % _ALIGN
    try:
        prefix = MAGIC_PREFIX + bytes(version) + struct.pack(fmt, hlen + pad)
    except struct.error:
        raise ValueError(f"Header length {hlen} too big for version={version}") from None
    return prefix + raw + b" " * pad + b"\n"


def header_bytes(dt, shape, fortran, version=None):
    """The magic string, header length and padded header of a .npy file (the oldest version that fits)."""
    shape = tuple(int(n) for n in shape)
    text = "{'descr': %r, 'fortran_order': %r, 'shape': %r, }" % (dt.str, fortran, shape)
    if shape:
        text += " " * (_GROWTH_DIGITS - len(repr(shape[-1 if fortran else 0])))
    if version is not None:
        _check_version(version)
        return _wrap_header(text, version)
    try:
        return _wrap_header(text, (1, 0))
    except ValueError:
        pass
    try:
        return _wrap_header(text, (2, 0))
    except UnicodeEncodeError:
        return _wrap_header(text, (3, 0))


def _check_version(version):
    if version not in _HEADER_INFO:
        raise ValueError("we only support format version (1,0), (2,0), and (3,0), not %s" % (version,))


def _read_exactly(fp, size, what):
    """`size` bytes of `fp`, or NumPy's ValueError when the file ends first."""
    data = b""
    while len(data) < size:
        part = fp.read(size - len(data))
        if not part:
            break
        data += part
    if len(data) != size:
        raise ValueError("EOF: reading %s, expected %d bytes got %d" % (what, size, len(data)))
    return data


def _dtype_of_descr(descr, allow_pickle):
    """The gilfree dtype and byte order (big-endian?) of a header's descr."""
    if isinstance(descr, str):
        order, typestr = (descr[0], descr[1:]) if descr[:1] in "<>|=" else ("=", descr)
        name = _TYPESTRS.get(typestr)
        if name is not None:
            return _dtype(name), order == ">" and typestr[1:] != "1"
        if typestr == "O" or typestr.startswith("O"):
            if not allow_pickle:
                raise ValueError("Object arrays cannot be loaded when allow_pickle=False")
            raise TypeError("gilfree arrays hold numbers only: an object array cannot be loaded")
        if _NUMPY_ONLY.match(descr):
            raise TypeError(f"gilfree has no dtype {descr!r}: this file's array cannot be loaded")
    elif isinstance(descr, list):
        raise TypeError(f"gilfree has no structured dtypes: the descr {descr!r} cannot be loaded")
    raise ValueError("descr is not a valid dtype descriptor: {!r}".format(descr))


def read_header(fp, max_header_size=_MAX_HEADER_SIZE):
    """(version, shape, fortran_order, descr) of the .npy stream `fp`, positioned at the magic string."""
    magic = _read_exactly(fp, _MAGIC_LEN, "magic string")
    if magic[:-2] != MAGIC_PREFIX:
        raise ValueError("the magic string is not correct; expected %r, got %r" % (MAGIC_PREFIX, magic[:-2]))
    version = tuple(magic[-2:])
    _check_version(version)
    fmt, encoding = _HEADER_INFO[version]
    (length,) = struct.unpack(fmt, _read_exactly(fp, struct.calcsize(fmt), "array header length"))
    header = _read_exactly(fp, length, "array header").decode(encoding)
    if len(header) > max_header_size:
        raise ValueError(
            f"Header info length ({len(header)}) is large and may not be safe to load securely.\n"
            "To allow loading, adjust `max_header_size` or fully trust the `.npy` file using `allow_pickle=True`.\n"
            "For safety against large resource use or crashes, sandboxing may be necessary.")
    try:
        d = ast.literal_eval(header)
    except (SyntaxError, ValueError) as e:
        raise ValueError("Cannot parse header: {!r}".format(header)) from e
    if not isinstance(d, dict):
        raise ValueError("Header is not a dictionary: {!r}".format(d))
    if d.keys() != {"descr", "fortran_order", "shape"}:
        raise ValueError("Header does not contain the correct keys: {!r}".format(sorted(d.keys())))
    shape = d["shape"]
    if not isinstance(shape, tuple) or not all(isinstance(x, int) for x in shape):
        raise ValueError("shape is not valid: {!r}".format(shape))
    if not isinstance(d["fortran_order"], bool):
        raise ValueError("fortran_order is not a valid bool: {!r}".format(d["fortran_order"]))
    return version, shape, d["fortran_order"], d["descr"]


def _count(shape):
    n = 1
    for k in shape:
        if k < 0:
            raise ValueError("negative dimensions are not allowed")
        n *= k
    return n


def _arrange(flat, shape, fortran):
    """The 1-d `flat` as an array of `shape`, whose elements it holds in C or Fortran order."""
    if fortran:
        return flat.reshape(shape[::-1]).transpose()
    return flat.reshape(shape)


def read_array(fp, allow_pickle=False, max_header_size=_MAX_HEADER_SIZE):
    """The array of the .npy stream `fp` (a whole one, or NumPy's ValueError: never a partial array)."""
    if allow_pickle:
        max_header_size = 2 ** 64
    _, shape, fortran, descr = read_header(fp, max_header_size)
    dt, big = _dtype_of_descr(descr, allow_pickle)
    count = _count(shape)
    size = count * dt.itemsize
    chunks, got = [], 0
    while got < size:
        part = fp.read(min(_READ_CHUNK, size - got))
        if not part:
            break
        chunks.append(part)
        got += len(part)
    if got != size:
        if _is_real_file(fp):
            raise ValueError(f"Failed to read all data for array. Expected {shape} = {count} elements, could only "
                             f"read {got // dt.itemsize} elements. (file seems not fully written?)")
        raise ValueError("EOF: reading array data, expected %d bytes got %d" % (size, got))
    return _arrange(_from_bytes(b"".join(chunks), dt, big), shape, fortran)


def _read_path(file, fid, allow_pickle, max_header_size):
    """read_array of the file at path `file` (open as `fid`), its data read by the engine where it may."""
    pos = fid.tell()
    _, shape, fortran, descr = read_header(fid, 2 ** 64 if allow_pickle else max_header_size)
    dt, big = _dtype_of_descr(descr, allow_pickle)
    count = _count(shape)
    flat = _from_path(os.fspath(file), fid.tell(), count, dt, big)
    if flat is None:  # no host files for the engine in this session
        fid.seek(pos)
        return read_array(fid, allow_pickle, max_header_size)
    if flat.size != count:
        raise ValueError(f"Failed to read all data for array. Expected {shape} = {count} elements, could only "
                         f"read {flat.size} elements. (file seems not fully written?)")
    return _arrange(flat, shape, fortran)


def _is_real_file(fp):
    return isinstance(fp, (io.FileIO, io.BufferedReader, io.BufferedRandom))


def _fortran(a):
    return bool(a.flags.f_contiguous and not a.flags.c_contiguous)


def write_array(fp, a, version=None):
    """`a` as a .npy stream to `fp`: Fortran order when `a` is F- but not C-contiguous, as NumPy writes."""
    fortran = _fortran(a)
    fp.write(header_bytes(a.dtype, a.shape, fortran, version))
    for chunk in _iter_bytes(a, "F" if fortran else "C"):
        fp.write(chunk)


# ----------------------------------------------------------------------------- save / load

def save(file, arr, allow_pickle=True, fix_imports=None):
    """np.save: `arr` to a .npy file (a path, '.npy' appended when missing, or an open binary file)."""
    a = _asarray(arr)
    if hasattr(file, "write"):
        write_array(file, a)
        return
    file = os.fspath(file)
    if not file.endswith(".npy"):
        file += ".npy"
    with open(file, "wb") as f:
        f.write(header_bytes(a.dtype, a.shape, _fortran(a)))
    if not _to_path(a, file, "F" if _fortran(a) else "C"):  # the engine appends the data itself, or:
        with open(file, "ab") as f:
            for chunk in _iter_bytes(a, "F" if _fortran(a) else "C"):
                f.write(chunk)


_MMAP_MODES = {"r": "r", "readonly": "r", "r+": "r+", "readwrite": "r+", "c": "c", "copyonwrite": "c"}


def load(file, mmap_mode=None, allow_pickle=False, fix_imports=True, encoding="ASCII", *,
         max_header_size=_MAX_HEADER_SIZE):
    """np.load: the array of a .npy file, an NpzFile for a .npz archive, or (allow_pickle=True only) a pickle."""
    if encoding not in ("ASCII", "latin1", "bytes"):
        raise ValueError("encoding must be 'ASCII', 'latin1', or 'bytes'")
    own = not hasattr(file, "read")
    fid = open(os.fspath(file), "rb") if own else file
    try:
        magic = fid.read(len(MAGIC_PREFIX))
        if not magic:
            raise EOFError("No data left in file")
        fid.seek(-len(magic), 1)
        if magic.startswith(_ZIP_PREFIXES):
            npz = NpzFile(fid, own_fid=own, allow_pickle=allow_pickle, max_header_size=max_header_size)
            own = False  # the NpzFile closes it
            return npz
        if magic == MAGIC_PREFIX:
            if mmap_mode:
                if not own:
                    raise ValueError("Filename must be a string or a path-like object.  "
                                     "Memmap cannot use existing file handles.")
                return _map(file, fid, mmap_mode, allow_pickle, max_header_size)
            if own:
                return _read_path(file, fid, allow_pickle, max_header_size)
            return read_array(fid, allow_pickle, max_header_size)
        if not allow_pickle:
            raise ValueError("This file contains pickled (object) data. If you trust the file you can load it "
                             "unsafely using the `allow_pickle=` keyword argument or `pickle.load()`.")
        try:
            return pickle.load(fid, fix_imports=fix_imports, encoding=encoding)
        except Exception as e:
            raise pickle.UnpicklingError(f"Failed to interpret file {file!r} as a pickle") from e
    finally:
        if own:
            fid.close()


def _map(file, fid, mmap_mode, allow_pickle, max_header_size):
    """np.load(..., mmap_mode=): the file's data mapped into an engine array, as np.memmap maps it."""
    mode = _MMAP_MODES.get(mmap_mode)
    if mode is None:
        raise ValueError(f"mmap_mode must be one of 'r', 'r+', 'c' for a file to load, not {mmap_mode!r}")
    if _Files is None:
        raise PermissionError("this session cannot map host files into memory (mmap_mode)")
    _, shape, fortran, descr = read_header(fid, 2 ** 64 if allow_pickle else max_header_size)
    dt, big = _dtype_of_descr(descr, False)
    if big:
        raise ValueError(f"gilfree maps native (little-endian) data only; load {descr!r} data without mmap_mode")
    offset = fid.tell()
    _count(shape)
    j = _call(_Files.map, os.path.abspath(os.fspath(file)), offset, dt.name, list(shape), fortran, mode)
    return _wrap(j, shape)


# ----------------------------------------------------------------------------- .npz archives

def savez(file, *args, allow_pickle=True, **kwds):
    """np.savez: arrays to an uncompressed .npz archive, named by keyword, or arr_0, arr_1, ... in order."""
    _savez(file, args, kwds, zipfile.ZIP_STORED)


def savez_compressed(file, *args, allow_pickle=True, **kwds):
    """np.savez_compressed: as savez, each member deflated."""
    _savez(file, args, kwds, zipfile.ZIP_DEFLATED)


def _savez(file, args, kwds, compression):
    if not hasattr(file, "write"):
        file = os.fspath(file)
        if not file.endswith(".npz"):
            file += ".npz"
    names = dict(kwds)
    for i, val in enumerate(args):
        key = "arr_%d" % i
        if key in names:
            raise ValueError(f"Cannot use un-named variables and keyword {key}")
        names[key] = val
    with zipfile.ZipFile(file, mode="w", compression=compression, allowZip64=True) as z:
        for key, val in names.items():
            a = _asarray(val)
            with z.open(key + ".npy", "w", force_zip64=True) as member:  # zip64 always, as NumPy
                write_array(member, a)


class NpzFile(Mapping):
    """The arrays of a .npz archive, read lazily (each `f[key]` reads its member): np.lib.npyio.NpzFile.

    Keys are the member names less '.npy'; `files` lists them. Use it as a context manager, or `close()` it."""
    _MAX_REPR_ARRAY_COUNT = 5
    zip = None
    fid = None

    def __init__(self, fid, own_fid=False, allow_pickle=False, pickle_kwargs=None, *,
                 max_header_size=_MAX_HEADER_SIZE):
        self.zip = zipfile.ZipFile(fid)
        members = self.zip.namelist()
        self.files = [name.removesuffix(".npy") for name in members]
        self._files = dict(zip(self.files, members))
        self._files.update(zip(members, members))
        self.allow_pickle = allow_pickle
        self.max_header_size = max_header_size
        self.pickle_kwargs = pickle_kwargs
        self.f = _BagObj(self)
        if own_fid:
            self.fid = fid

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self.close()

    def close(self):
        if self.zip is not None:
            self.zip.close()
            self.zip = None
        if self.fid is not None:
            self.fid.close()
            self.fid = None
        self.f = None

    def __del__(self):
        self.close()

    def __iter__(self):
        return iter(self.files)

    def __len__(self):
        return len(self.files)

    def __getitem__(self, key):
        try:
            member = self._files[key]
        except KeyError:
            raise KeyError(f"{key} is not a file in the archive") from None
        with self.zip.open(member) as fp:
            magic = fp.read(len(MAGIC_PREFIX))
            if magic != MAGIC_PREFIX:
                return magic + fp.read()
            rest = io.BytesIO(magic)  # a zip member cannot seek back on every Python: replay the magic
            return read_array(_Chain(rest, fp), self.allow_pickle, self.max_header_size)

    def __contains__(self, key):
        return key in self._files

    def __repr__(self):
        name = self.fid if isinstance(self.fid, str) else getattr(self.fid, "name", "object")
        names = ", ".join(self.files[:self._MAX_REPR_ARRAY_COUNT])
        if len(self.files) > self._MAX_REPR_ARRAY_COUNT:
            names += "..."
        return f"NpzFile {name!r} with keys: {names}"

    def get(self, key, default=None, /):
        return Mapping.get(self, key, default)


class _Chain:
    """Reads `first`, then `then` (two binary streams as one)."""

    def __init__(self, first, then):
        self._parts = [first, then]

    def read(self, n=-1):
        out = b""
        while self._parts and (n < 0 or len(out) < n):
            part = self._parts[0].read(-1 if n < 0 else n - len(out))
            if not part:
                self._parts.pop(0)
            out += part
        return out


class _BagObj:
    """npz.f.name: the archive's arrays as attributes."""

    def __init__(self, obj):
        self._obj = obj

    def __getattribute__(self, key):
        try:
            return object.__getattribute__(self, "_obj")[key]
        except KeyError:
            raise AttributeError(key) from None

    def __dir__(self):
        return list(object.__getattribute__(self, "_obj").keys())
