"""How values cross between a Java embedder (dev.gilfree.embed.PythonSession) and Python.

Engine arrays arrive from Java as raw `dev.gilfree.core.NDArray` objects and become `gilfree.ndarray`s
over the same memory; on the way back a `gilfree.ndarray` becomes its engine array again.
"""
import builtins

from ._bridge import is_engine_array as _is_engine_array, is_java as _is_java
from ._dtypes import generic as _generic
from ._ndarray import ndarray, _wrap


def _wrap_engine_array(j):
    """A gilfree.ndarray over the engine array `j` (a dev.gilfree.core.NDArray from Java): no copy."""
    if isinstance(j, ndarray):
        return j
    if not _is_engine_array(j):
        raise TypeError(f"expected an engine array (dev.gilfree.core.NDArray), got {type(j).__name__}")
    return _wrap(j)


def from_java(x):
    """A value from Java as Python sees it: engine arrays wrapped, everything else unchanged."""
    if _is_engine_array(x):
        return _wrap(x)
    return x


def to_java(x):
    """A Python value as a Java embedder gets it back (see dev.gilfree.embed.PythonSession)."""
    if isinstance(x, _generic):  # a NumPy scalar travels as its Python value
        x = x.item()
    if x is None or isinstance(x, (builtins.bool, str)):
        return x
    if isinstance(x, ndarray):
        return x._j
    if _is_java(x):
        return x
    if isinstance(x, int):
        return int(x)
    if isinstance(x, float):
        return float(x)
    if isinstance(x, (list, tuple)):
        return [to_java(v) for v in x]
    return repr(x)
