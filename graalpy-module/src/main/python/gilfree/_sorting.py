"""Searching: where(cond, x, y) and nonzero-style helpers (sorting is not in gilfree yet)."""
from ._ndarray import ndarray, _wrap
from ._runtime import JavaError as _JavaError, reraise as _reraise, jclass as _jclass
from ._ufuncs import _to_array, _weak_result_dtype

_Reduce = _jclass("dev.gilfree.api.Reduce")


def where(condition, x=None, y=None):
    """Elements of x where condition holds, else of y (broadcast together); NumPy's result dtype."""
    if x is None and y is None:
        raise NotImplementedError("where(condition) (nonzero) needs index arrays, which gilfree does not have yet")
    if x is None or y is None:
        raise ValueError("either both or neither of x and y should be given")
    c = _to_array(condition)
    dt = _weak_result_dtype(x, y)
    xa, ya = _to_array(x) if not _is_py(x) else None, _to_array(y) if not _is_py(y) else None
    from ._creation import asarray
    xa = xa if xa is not None else asarray(x, dtype=dt)
    ya = ya if ya is not None else asarray(y, dtype=dt)
    try:
        return _wrap(_Reduce.select(c._j, xa._j, ya._j, dt))
    except _JavaError as e:
        _reraise(e)


def _is_py(v):
    from ._ufuncs import _is_weak
    return _is_weak(v) or isinstance(v, bool)


NAMES = ["where"]
