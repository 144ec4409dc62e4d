"""dtype objects and scalar types, named as NumPy names them."""
import builtins

from . import _runtime

# name -> (kind, itemsize, char)
_INFO = {
    "bool": ("b", 1, "?"),
    "int8": ("i", 1, "b"), "int16": ("i", 2, "h"), "int32": ("i", 4, "i"), "int64": ("i", 8, "l"),
    "uint8": ("u", 1, "B"), "uint16": ("u", 2, "H"), "uint32": ("u", 4, "I"), "uint64": ("u", 8, "L"),
    "float32": ("f", 4, "f"), "float64": ("f", 8, "d"),
    "complex64": ("c", 8, "F"), "complex128": ("c", 16, "D"),
}

# Other spellings NumPy accepts for the same dtypes.
_ALIASES = {
    "bool_": "bool", "?": "bool", "b1": "bool",
    "i1": "int8", "byte": "int8", "i2": "int16", "short": "int16", "i4": "int32", "intc": "int32",
    "i8": "int64", "int": "int64", "int_": "int64", "long": "int64", "intp": "int64", "l": "int64", "q": "int64",
    "longlong": "int64",
    "u1": "uint8", "ubyte": "uint8", "u2": "uint16", "ushort": "uint16", "u4": "uint32", "uintc": "uint32",
    "u8": "uint64", "uint": "uint64", "ulong": "uint64", "uintp": "uint64", "L": "uint64", "Q": "uint64",
    "f4": "float32", "single": "float32", "f8": "float64", "float": "float64", "double": "float64",
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
        raise TypeError(f"Cannot interpret '{obj!r}' as a data type")
    if isinstance(obj, builtins.str):
        if obj in _INFO:
            return obj
        if obj in _ALIASES:
            return _ALIASES[obj]
        raise TypeError(f"data type {obj!r} not understood")
    dt = getattr(obj, "dtype", None)
    if isinstance(dt, dtype):
        return dt.name
    raise TypeError(f"Cannot interpret '{obj!r}' as a data type")


class generic:
    """Base of the scalar types (numpy.generic)."""
    __slots__ = ()

    @property
    def dtype(self):
        return dtype(type(self)._gilfree_dtype_name)

    def item(self):
        return self._python_type(self)

    def __repr__(self):
        text = _scalar_text(self)
        if text.startswith("("):
            text = text[1:-1]
        return f"np.{type(self).__name__}({text})"

    def __str__(self):
        return _scalar_text(self)


def _scalar_type(name, python_type):
    def __new__(cls, value=0):
        return python_type.__new__(cls, value)
    t = type(name, (generic, python_type), {"__slots__": (), "__new__": __new__, "_gilfree_dtype_name": name,
                                            "_python_type": python_type})
    object.__setattr__(dtype(name), "type", t)
    return t


float64 = _scalar_type("float64", float)
float32 = _scalar_type("float32", float)
int64 = _scalar_type("int64", int)
int32 = _scalar_type("int32", int)
int16 = _scalar_type("int16", int)
int8 = _scalar_type("int8", int)
uint64 = _scalar_type("uint64", int)
uint32 = _scalar_type("uint32", int)
uint16 = _scalar_type("uint16", int)
uint8 = _scalar_type("uint8", int)
complex128 = _scalar_type("complex128", complex)
complex64 = _scalar_type("complex64", complex)


class bool(generic):  # noqa: A001 - NumPy 2 names it numpy.bool
    """The boolean scalar type (numpy.bool); Python's bool cannot be subclassed, so this wraps one."""
    __slots__ = ("_v",)
    _gilfree_dtype_name = "bool"
    _python_type = builtins.bool

    def __new__(cls, value=False):
        self = object.__new__(cls)
        object.__setattr__(self, "_v", builtins.bool(value))
        return self

    def __bool__(self):
        return self._v

    def __int__(self):
        return int(self._v)

    def __index__(self):
        return int(self._v)

    def __eq__(self, other):
        return self._v == other

    def __hash__(self):
        return hash(self._v)

    def item(self):
        return self._v

    def __repr__(self):
        return f"np.{self._v}_"

    def __str__(self):
        return builtins.str(self._v)


object.__setattr__(dtype("bool"), "type", bool)


def _scalar_text(x):
    """str() of a NumPy scalar: float32 with its own shortest digits, complex as NumPy writes it."""
    name = type(x)._gilfree_dtype_name
    if name == "float32":
        from ._printing import float_text
        return float_text(float(x), True)
    if name == "float64":
        from ._printing import float_text
        return float_text(float(x), False)
    if name in ("complex64", "complex128"):
        from ._printing import complex_text
        return complex_text(complex(x), name == "complex64")
    return int.__repr__(x)


def scalar(name, value):
    """The NumPy scalar of dtype `name` holding the Python value `value`."""
    return dtype(name).type(value)


def _check_engine_agrees():
    # The Java DType enum and this table must name the same dtypes.
    java_names = {builtins.str(t.npName()) for t in _runtime.jclass("dev.gilfree.core.DType").values()}
    assert java_names == set(_INFO), java_names ^ set(_INFO)


_check_engine_agrees()
