"""NumPy's override protocols (NEP 13 `__array_ufunc__`, NEP 18 `__array_function__`) for gilfree arrays.

`np.exp(g)`, `np.add(numpy_array, g)`, `np.sum(g)`, `np.concatenate([g, g])` run gilfree's function of the same
name, with the GIL released, and return gilfree arrays, as CuPy and Dask arrays do. NumPy arrays among the
arguments are wrapped (no copy). A NumPy function gilfree lacks, or an argument of a third library that
overrides NumPy too, answers NotImplemented, and NumPy raises its TypeError; `np.asarray(g)` (`__array__`)
is the way to NumPy's own implementation.
"""
import sys

from ._base import ArrayBase
from ._dtypes import generic as _generic
from ._numpy_interop import is_numpy_array
from ._ufuncs import ufunc as _ufunc

_UFUNC_METHODS = ("__call__", "reduce", "accumulate", "outer", "at")
_dask_hooked = False


def hook_dask():
    """Registers gilfree with Dask (module _dask) the first time a gilfree array meets a loaded Dask: Dask costs
    a second to import, so the package never imports it itself. Called at the package's import and from the
    protocols Dask calls first on a chunk (tokenize, NumPy functions); after the first time a flag test."""
    global _dask_hooked
    if not _dask_hooked and "dask" in sys.modules:
        _dask_hooked = True
        from . import _dask  # noqa: F401  (registration happens at its import)


def dask_tokenize(self):
    """Dask's `__dask_tokenize__`: a deterministic token from the bytes (NumPy's hashing of a zero-copy view)."""
    hook_dask()
    np = sys.modules["numpy"]
    return "gilfree.ndarray", self.dtype.name, sys.modules["dask.base"].normalize_token(np.asarray(self))


def _namespace(module):
    """gilfree's namespace for a NumPy module name ("numpy" -> gilfree, "numpy.linalg" -> gilfree.linalg)."""
    ns = sys.modules.get("gilfree")  # the package itself, imported by now (a function can only be called after)
    parts = module.split(".")
    if parts[0] != "numpy":
        return None
    for part in parts[1:]:
        if part.startswith("_"):  # numpy._core.* hosts public functions under private names: the top level has them
            break
        ns = getattr(ns, part, None)
    return ns


def _ours_or_numpy(x):
    """True for what gilfree can take where NumPy hands it an operand: not another library's array."""
    t = type(x)
    return (isinstance(x, ArrayBase) or is_numpy_array(x) or getattr(t, "__array_ufunc__", None) is None
            or isinstance(x, _generic) or t.__module__ == "numpy")


def _as_gilfree_operand(x):
    """NumPy scalars are strong 0-d operands for NumPy: gilfree takes them as 0-d arrays over their value."""
    if type(x).__module__ == "numpy" and not is_numpy_array(x) and hasattr(x, "dtype"):
        np = sys.modules["numpy"]
        return np.asarray(x)
    return x


def array_ufunc(self, uf, method, *inputs, **kwargs):
    """NEP 13: NumPy's ufunc `uf` called with a gilfree array among its operands (or out=)."""
    hook_dask()
    out = kwargs.get("out", ())
    if not all(_ours_or_numpy(x) for x in inputs + tuple(out)) or method not in _UFUNC_METHODS:
        return NotImplemented
    ns = sys.modules.get("gilfree")
    ours = getattr(ns, uf.__name__, None)
    if method != "__call__":
        ours = getattr(ours, method, None) if isinstance(ours, _ufunc) else None
    if not callable(ours):  # divmod, modf, frexp are functions in gilfree, not ufunc objects: calls only
        return NotImplemented
    if out and method == "__call__" and len(out) == 1:
        kwargs["out"] = out[0]
    return ours(*[_as_gilfree_operand(x) for x in inputs], **kwargs)


def array_function(self, func, types, args, kwargs):
    """NEP 18: NumPy's function `func` called with a gilfree array among its arguments."""
    hook_dask()
    np = sys.modules["numpy"]
    if not all(issubclass(t, (ArrayBase, _generic, np.ndarray)) for t in types):
        return NotImplemented
    ns = _namespace(getattr(func, "__module__", "") or "")
    ours = getattr(ns, func.__name__, None) if ns is not None else None
    if ours is None or ours is func:
        return NotImplemented
    return ours(*args, **kwargs)
