"""dtype objects and scalar types, named as NumPy names them.

The dtypes, their kinds and sizes are the engine's (dev.gilfree.core.DType), read once at import; integer
bounds follow from kind and size. Only NumPy's one-letter codes and other spellings are written here.
"""
import builtins
import sys

from . import _bridge

_CHARS = {"bool": "?", "int8": "b", "int16": "h", "int32": "i", "int64": "l", "uint8": "B", "uint16": "H",
          "uint32": "I", "uint64": "L", "float16": "e", "float32": "f", "float64": "d", "complex64": "F", "complex128": "D"}

# name -> (kind, itemsize, char), in the engine's order
_INFO = {str(t.npName()): (str(t.kind()), int(t.itemsize()), _CHARS[str(t.npName())])
         for t in _bridge.DType.values()}


def _int_bounds(kind, size):
    if kind == "b":
        return 0, 1
    if kind == "u":
        return 0, (1 << (8 * size)) - 1
    return -(1 << (8 * size - 1)), (1 << (8 * size - 1)) - 1


#: name -> (min, max) of every integer dtype (and bool): the one table of integer bounds.
INT_BOUNDS = {n: _int_bounds(k, s) for n, (k, s, _c) in _INFO.items() if k in "biu"}
INT64_MIN, INT64_MAX = INT_BOUNDS["int64"]
UINT64_MAX = INT_BOUNDS["uint64"][1]

# Other spellings NumPy accepts for the same dtypes.
_ALIASES = {
    "bool_": "bool", "?": "bool", "b1": "bool",
    "i1": "int8", "byte": "int8", "i2": "int16", "short": "int16", "i4": "int32", "intc": "int32",
    "i8": "int64", "int": "int64", "int_": "int64", "long": "int64", "intp": "int64", "l": "int64", "q": "int64",
    "longlong": "int64",
    "u1": "uint8", "ubyte": "uint8", "u2": "uint16", "ushort": "uint16", "u4": "uint32", "uintc": "uint32",
    "u8": "uint64", "uint": "uint64", "ulong": "uint64", "uintp": "uint64", "L": "uint64", "Q": "uint64",
    "f2": "float16", "half": "float16", "f4": "float32", "single": "float32", "f8": "float64", "float": "float64", "double": "float64",
    "d": "float64", "f": "float32",
    "c8": "complex64", "csingle": "complex64", "c16": "complex128", "complex": "complex128",
    "cdouble": "complex128", "D": "complex128", "F": "complex64",
}
for _name, (_k, _s, _c) in _INFO.items():
    _ALIASES.setdefault(_c, _name)
    _ALIASES.setdefault("<" + _ALIASES.get(_c, _name)[0] + str(_s), _name)


class dtype:
    """A data type, as numpy.dtype: dtype('float64') == 'float64' == float64 == float."""
    __slots__ = ("name", "kind", "itemsize", "char", "type")
    _cache = {}

    def __new__(cls, obj, align=False, copy=False):
        if isinstance(obj, dtype):
            return obj
        name = _resolve_name(obj)
        cached = cls._cache.get(name)
        if cached is None:
            cached = super().__new__(cls)
            kind, size, char = _INFO[name]
            object.__setattr__(cached, "name", name)
            object.__setattr__(cached, "kind", kind)
            object.__setattr__(cached, "itemsize", size)
            object.__setattr__(cached, "char", char)
            object.__setattr__(cached, "type", None)
            cls._cache[name] = cached
        return cached

    def __setattr__(self, key, value):
        raise AttributeError(f"attribute '{key}' of 'numpy.dtype' objects is not writable")

    @property
    def str(self):
        return ("|" if self.itemsize == 1 else "<") + self.kind + builtins.str(self.itemsize)

    @property
    def alignment(self):
        return self.itemsize if self.kind != "c" else self.itemsize // 2

    @property
    def byteorder(self):
        return "|" if self.itemsize == 1 else "="

    def __eq__(self, other):
        if isinstance(other, dtype):
            return self is other
        try:
            return self is dtype(other)
        except TypeError:
            return False

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self.name)

    def __repr__(self):
        return f"dtype('{self.name}')"

    def __str__(self):
        return self.name

    def __reduce__(self):
        return (dtype, (self.name,))

    @property
    def __numpy_dtype__(self):
        """NumPy's dtype protocol (NumPy >= 2.4): np.dtype(gf_dtype) is NumPy's dtype of the same name, so
        libraries that normalize dtypes through NumPy (Dask) take gilfree's. Only where NumPy is loaded."""
        np = sys.modules.get("numpy")
        if np is None:
            raise AttributeError("__numpy_dtype__")
        return np.dtype(self.name)


def _resolve_name(obj):
    if obj is None:
        return "float64"
    if isinstance(obj, type):
        if obj is builtins.bool:
            return "bool"
        if obj is builtins.int:
            return "int64"
        if obj is builtins.float:
            return "float64"
        if obj is builtins.complex:
            return "complex128"
        name = getattr(obj, "_gilfree_dtype_name", None)
        if name is not None:
            return name
        if obj.__module__ == "numpy":  # NumPy's scalar types (np.float32): Dask and NumPy code pass them
            return _numpy_dtype_name(obj)
        raise TypeError(f"Cannot interpret '{obj!r}' as a data type")
    if isinstance(obj, builtins.str):
        if obj in _INFO:
            return obj
        if obj in _ALIASES:
            return _ALIASES[obj]
        raise TypeError(f"data type {obj!r} not understood")
    if type(obj).__module__.startswith("numpy") and type(obj).__name__.endswith("DType"):  # np.dtype('f4')
        return _numpy_dtype_name(obj)
    dt = getattr(obj, "dtype", None)
    if isinstance(dt, dtype):
        return dt.name
    raise TypeError(f"Cannot interpret '{obj!r}' as a data type")


def _numpy_dtype_name(obj):
    """gilfree's name for a NumPy dtype or scalar type (native byte order only), as NumPy names it."""
    np = sys.modules["numpy"]
    dt = np.dtype(obj)
    if dt.byteorder not in ("=", "|") or dt.name not in _INFO:
        raise TypeError(f"Cannot interpret '{obj!r}' as a data type")
    return dt.name


class generic:
    """Base of the scalar types (numpy.generic); the types themselves are in _scalars, which sets each
    dtype's `type` when it is imported."""
    __slots__ = ()

    @property
    def __numpy_dtype__(self):
        """np.dtype(gf.int64(0)) is NumPy's int64, as for NumPy's own scalars (Dask derives dtypes so)."""
        return self.dtype.__numpy_dtype__


_PYTHON_VALUE = {"b": builtins.bool, "i": int, "u": int, "f": float, "c": complex}


def scalar(name, value):
    """The NumPy scalar of dtype `name` holding `value`, a value the engine gave (already of that dtype)."""
    dt = dtype(name)
    return dt.type._exact(_PYTHON_VALUE[dt.kind](value))
