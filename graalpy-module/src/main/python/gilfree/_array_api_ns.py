"""The issue-4 part of the gilfree namespace: every ufunc, reductions, elementwise helpers, sorting/searching,
linear algebra, errstate and the Array API namespace facts, gathered for `from ._array_api_ns import *`."""
from . import _ufuncs, _reductions, _elementwise, _errstate
from ._ufuncs import ufunc, AxisError  # noqa: F401
from ._errstate import errstate, seterr, geterr, seterrcall, geterrcall  # noqa: F401
from ._elementwise import install_operators as _install_more_operators  # noqa: F401

__all__ = ["ufunc", "AxisError", "errstate", "seterr", "geterr", "seterrcall", "geterrcall"]
_g = globals()
for _n, _f in list(_ufuncs.ALL.items()) + list(_ufuncs.ALIASES.items()):
    _g[_n] = _f
    __all__.append(_n)
for _mod in (_reductions, _elementwise):
    for _n in _mod.NAMES:
        _g[_n] = getattr(_mod, _n)
        __all__.append(_n)
try:
    from . import _sorting
    for _n in _sorting.NAMES:
        _g[_n] = getattr(_sorting, _n)
        __all__.append(_n)
except ImportError:  # pragma: no cover - while the module is being written
    pass
try:
    from . import _linalg_impl, linalg  # noqa: F401
    for _n in _linalg_impl.NAMES:
        _g[_n] = getattr(_linalg_impl, _n)
        __all__.append(_n)
    __all__.append("linalg")
except ImportError:  # pragma: no cover
    pass
from ._array_api import e, pi, inf, nan, newaxis, euler_gamma, __array_namespace_info__  # noqa: F401,E402
__all__ += ["e", "pi", "inf", "nan", "newaxis", "euler_gamma", "__array_namespace_info__"]
