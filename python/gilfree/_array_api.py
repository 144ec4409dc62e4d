"""Array API namespace facts: constants and __array_namespace_info__()."""
import math

from ._dtypes import dtype

e = math.e
pi = math.pi
inf = math.inf
nan = math.nan
newaxis = None
euler_gamma = 0.5772156649015329

_REAL = ("float32", "float64")
_INT = ("int8", "int16", "int32", "int64")
_UINT = ("uint8", "uint16", "uint32", "uint64")
_COMPLEX = ("complex64", "complex128")
#: The Array API's dtype kinds and the dtype names in each (used by dtypes(kind=) and isdtype).
KINDS = {"bool": ("bool",), "signed integer": _INT, "unsigned integer": _UINT, "integral": _INT + _UINT,
         "real floating": _REAL, "complex floating": _COMPLEX, "numeric": _INT + _UINT + _REAL + _COMPLEX}


class _Info:
    """What __array_namespace_info__() returns: capabilities, default dtypes, dtypes, devices."""

    def capabilities(self):
        return {"boolean indexing": False, "data-dependent shapes": True, "max dimensions": 64}

    def default_device(self):
        return "cpu"

    def devices(self):
        return ["cpu"]

    def default_dtypes(self, *, device=None):
        return {"real floating": dtype("float64"), "complex floating": dtype("complex128"),
                "integral": dtype("int64"), "indexing": dtype("int64")}

    def dtypes(self, *, device=None, kind=None):
        if kind is None:
            names = ("bool",) + _INT + _UINT + _REAL + _COMPLEX
        elif isinstance(kind, tuple):
            names = tuple(n for k in kind for n in KINDS[k])
        else:
            names = KINDS[kind]
        return {n: dtype(n) for n in names}


def __array_namespace_info__():
    return _Info()
