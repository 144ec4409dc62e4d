"""What every module below the ndarray class knows of arrays: their slots, and how to make one.

`ArrayBase` is ndarray's base class: the slots only, no methods. Modules below `_ndarray` recognise an array
with `isinstance(x, ArrayBase)` and reach its engine array as `x._j`; `wrap` and `view` make arrays (of the
class `_ndarray` declares, which it hands over once with `set_array_type` as it is imported), so no module
below `_ndarray` imports it. `values` reads an engine array's elements as Python values.
"""
import builtins

from ._bridge import Engine as _E, call as _call
from ._dtypes import UINT64_MAX as _U64

_INT_KINDS = ("b", "i", "u")


class ArrayBase:
    """The state of an array: its engine array (`_j`), cached shape and dtype, and the array it views."""
    __slots__ = ("_j", "_shape", "_dtype", "_base", "__weakref__")


_array_type = ArrayBase  # replaced by ndarray when _ndarray is imported (before any array is made)


def set_array_type(cls):
    """Called once by _ndarray: the class whose instances `wrap` and `view` make."""
    global _array_type
    _array_type = cls


def wrap(j, shape=None):
    """An ndarray around engine array `j`; `shape` when the caller already knows it (saves a call)."""
    a = object.__new__(_array_type)
    a._j = j
    a._shape = shape
    a._dtype = None
    a._base = None
    return a


def view(j, of):
    """An ndarray for engine view `j` of array `of`: its base is the array that owns the memory."""
    a = wrap(j)
    a._dtype = of._dtype
    a._base = of if of._base is None else of._base
    return a


def values(j, dt):
    """Elements of engine array j in C order as Python values of dtype dt (bool, int, float or complex)."""
    kind = dt.kind
    if kind == "b":
        return [builtins.bool(v) for v in _call(_E.toLongArray, j)]
    if kind == "u" and dt.itemsize == 8:
        return [int(v) & _U64 for v in _call(_E.toLongArray, j)]
    if kind in _INT_KINDS:
        return [int(v) for v in _call(_E.toLongArray, j)]
    if kind == "c":
        d = [float(v) for v in _call(_E.toComplexArray, j)]
        return [complex(d[i], d[i + 1]) for i in range(0, len(d), 2)]
    return [float(v) for v in _call(_E.toDoubleArray, j)]
