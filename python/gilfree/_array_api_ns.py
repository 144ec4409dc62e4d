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
from . import _sorting, _linalg_impl, linalg  # noqa: E402,F401
for _mod in (_sorting, _linalg_impl):
    for _n in _mod.NAMES:
        _g[_n] = getattr(_mod, _n)
        __all__.append(_n)
__all__.append("linalg")
from ._array_api import e, pi, inf, nan, newaxis, euler_gamma, __array_namespace_info__  # noqa: F401,E402
__all__ += ["e", "pi", "inf", "nan", "newaxis", "euler_gamma", "__array_namespace_info__"]
