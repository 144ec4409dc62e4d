"""Questions about types: common_type, mintypecode, min_scalar_type, typename, and the tables sctypeDict
and ScalarType."""
import builtins
import math

from . import _scalars as _s
from ._creation import asarray
from ._dtypes import INT_BOUNDS, dtype

_TYPES = {t.__name__: t for t in (_s.bool, _s.int8, _s.int16, _s.int32, _s.int64, _s.uint8, _s.uint16, _s.uint32,
                                  _s.uint64, _s.float16, _s.float32, _s.float64, _s.complex64, _s.complex128)}

# NumPy's other names for the same scalar types (C names and Python-flavoured ones), on a 64-bit platform
_OTHER_NAMES = {
    "bool_": "bool", "byte": "int8", "short": "int16", "intc": "int32", "int": "int64", "int_": "int64",
    "intp": "int64", "long": "int64", "ubyte": "uint8", "ushort": "uint16",
    "uintc": "uint32", "uint": "uint64", "uintp": "uint64", "ulong": "uint64",
    "half": "float16", "single": "float32", "double": "float64", "float": "float64", "csingle": "complex64",
    "cdouble": "complex128", "complex": "complex128",
}

#: Scalar type by name, for the types gilfree has (NumPy's sctypeDict without long double,
#: datetime, string and object types, and without longlong/ulonglong: NumPy's are types of their own).
sctypeDict = {**_TYPES, **{k: _TYPES[v] for k, v in _OTHER_NAMES.items()}}

#: The Python scalar types and gilfree's scalar types (NumPy's ScalarType, for the types gilfree has).
ScalarType = (int, float, complex, builtins.bool, bytes, str, memoryview) + tuple(_TYPES.values())

_NAMES = {
    "S1": "character", "?": "bool", "b": "signed char", "B": "unsigned char", "h": "short",
    "H": "unsigned short", "i": "integer", "I": "unsigned integer", "l": "long integer",
    "L": "unsigned long integer", "q": "long long integer", "Q": "unsigned long long integer",
    "f": "single precision", "d": "double precision", "g": "long precision", "F": "complex single precision",
    "D": "complex double precision", "G": "complex long double precision", "S": "string", "U": "unicode",
    "V": "void", "O": "object",
}

_BY_SIZE = "GDFgdfQqLlIiHhBb?"  # type characters, largest item first (mintypecode's tie-break)


def typename(char):
    """A description of the type character `char` (KeyError for an unknown one)."""
    return _NAMES[char]


def mintypecode(typechars, typeset="GDFgdf", default="d"):
    """The smallest type character of `typeset` that every type (characters or arrays) in `typechars`
    casts to safely; `default` when none of them is in `typeset`."""
    chars = [t if isinstance(t, str) else asarray(t).dtype.char for t in typechars]
    found = {c for c in chars if c in typeset}
    if not found:
        return default
    if "F" in found and "d" in found:  # complex64 cannot hold float64: complex128 holds both
        return "D"
    return builtins.min(found, key=_BY_SIZE.index)


def common_type(*arrays):
    """The inexact scalar type common to the arrays: integers count as float64, float32 stays float32 only
    with float32 and complex64 company, and any complex input makes it complex."""
    complex_, bits = False, 16
    for a in arrays:
        k = a.dtype.kind
        if k == "c":
            complex_ = True
        if k in "iu":
            bits = 64
        elif k in "fc":
            bits = builtins.max(bits, a.dtype.itemsize * 8 // (2 if k == "c" else 1))
        else:
            raise TypeError("can't get common type for non-numeric array")
    if complex_:
        return _TYPES["complex128" if bits == 64 else "complex64"]
    return _TYPES[f"float{bits}"]


_FLOAT32_MAX = 3.4028234663852886e38


def min_scalar_type(a, /):
    """The smallest dtype that holds the value of a scalar or 0-d array without overflow (an unsigned
    type for a non-negative integer); an array with dimensions keeps its dtype."""
    arr = asarray(a)
    if arr.ndim > 0:
        return arr.dtype
    k = arr.dtype.kind
    if k == "b":
        return arr.dtype
    v = arr.item()
    if k in "iu":
        order = ("uint8", "uint16", "uint32", "uint64") if v >= 0 else ("int8", "int16", "int32", "int64")
        return dtype(next(n for n in order if INT_BOUNDS[n][0] <= v <= INT_BOUNDS[n][1]))

    def fits32(x):
        return not math.isfinite(x) or builtins.abs(x) <= _FLOAT32_MAX

    if k == "f":  # NumPy's float16 test is its range below 65000, NaN and infinities included
        return dtype("float16" if not math.isfinite(v) or -65000 < v < 65000 else "float32" if fits32(v) else "float64")
    return dtype("complex64" if fits32(v.real) and fits32(v.imag) else "complex128")

