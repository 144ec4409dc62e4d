"""result_type, promote_types, can_cast, finfo and iinfo: NumPy 2 rules.

The promotion tables (dtype with dtype, and NEP 50's dtype with a weak Python scalar) are the engine's
(dev.gilfree.core.Promotion), read once at import into dicts: no Java call per promotion.
"""
import builtins

from . import _bridge
from ._array_api import KINDS
from ._dtypes import dtype as _dtype, generic as _generic, INT_BOUNDS, _INFO

_J = {n: _bridge.DType.of(n) for n in _INFO}
#: (name, name) -> NumPy 2's promoted dtype name
_PROMOTE = {(a, b): str(_bridge.Promotion.promote(_J[a], _J[b]).npName()) for a in _INFO for b in _INFO}
_WEAK_KINDS = ("BOOL", "INT", "FLOAT", "COMPLEX")
#: (dtype name, weak scalar kind) -> NEP 50's result dtype name
_WEAK = {(a, k): str(_bridge.Promotion.promoteWeak(_J[a], _bridge.ScalarKind.valueOf(k)).npName())
         for a in _INFO for k in _WEAK_KINDS}
#: a weak scalar kind alone -> its default dtype name
_WEAK_DEFAULT = {"BOOL": "bool", "INT": "int64", "FLOAT": "float64", "COMPLEX": "complex128"}


def promote_names(a, b):
    """promote_types on dtype names, as a name."""
    return _PROMOTE[a, b]


def weak_name(name, kind):
    """The dtype name of an array of dtype `name` combined with a weak Python scalar of `kind`."""
    return _WEAK[name, kind]


def promote_types(type1, type2):
    """The smallest dtype both can be safely cast to (np.promote_types)."""
    return _dtype(_PROMOTE[_dtype(type1).name, _dtype(type2).name])


def weak_kind(x):
    """NEP 50's kind of a Python scalar operand (BOOL, INT, FLOAT, COMPLEX), or None for anything else."""
    if isinstance(x, builtins.bool):
        return "BOOL"
    if isinstance(x, int):
        return "INT"
    if isinstance(x, float):
        return "FLOAT"
    if isinstance(x, complex):
        return "COMPLEX"
    return None


def result_type(*arrays_and_dtypes):
    """NumPy 2 result_type: arrays and dtypes are strong, Python scalars weak (NEP 50)."""
    if not arrays_and_dtypes:
        raise ValueError("at least one array or dtype is required")
    strong, weak = None, []
    for x in arrays_and_dtypes:
        if isinstance(x, type):
            dt = _dtype(x)
        elif isinstance(x, _generic):
            dt = x.dtype
        elif not isinstance(x, (builtins.bool, int, float, complex)) or isinstance(x, _dtype):
            dt = getattr(x, "dtype", None)
            if not isinstance(dt, _dtype):
                dt = _dtype(x)
        else:
            weak.append(weak_kind(x))
            continue
        strong = dt if strong is None else promote_types(strong, dt)
    if strong is None:
        # only Python scalars: their default dtypes
        return _dtype(_WEAK_DEFAULT[max(weak, key=_WEAK_KINDS.index)])
    name = strong.name
    for k in weak:
        name = _WEAK[name, k]
    return _dtype(name)


def can_cast(from_, to, casting="safe"):
    """Whether a cast from `from_` (dtype or array) to dtype `to` is allowed under `casting`."""
    if isinstance(from_, (builtins.bool, int, float, complex)) and not isinstance(from_, _generic):
        raise TypeError("can_cast() does not support Python ints, floats, and complex because the result "
                        "used to depend on the value.\\nThis change was part of adopting NEP 50, we may "
                        "explicitly allow them again in the future.")
    src = getattr(from_, "dtype", None)
    if not isinstance(src, _dtype):
        src = _dtype(from_)
    dst = _dtype(to)
    if casting not in ("no", "equiv", "safe", "same_kind", "unsafe"):
        raise ValueError("casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'")
    return builtins.bool(_bridge.Casting.of(casting).allows(_J[src.name], _J[dst.name]))


class iinfo:
    """Machine limits of an integer dtype (np.iinfo)."""

    def __init__(self, int_type):
        dt = _dtype(int_type if isinstance(int_type, type) else getattr(int_type, "dtype", int_type))
        if dt.kind not in "iu":
            raise ValueError(f"Invalid integer data type '{dt.kind}'.")
        self.dtype = dt
        self.kind = dt.kind
        self.bits = dt.itemsize * 8
        self.min, self.max = INT_BOUNDS[dt.name]

    def __repr__(self):
        return f"iinfo(min={self.min}, max={self.max}, dtype={self.dtype.name})"


class finfo:
    """Machine limits of a floating dtype (np.finfo); complex dtypes give their component's limits."""
    _TABLE = {
        "float16": dict(bits=16, eps=2.0 ** -10, max=65504.0, tiny=2.0 ** -14, precision=3, resolution=1e-3,
                        nmant=10, nexp=5, maxexp=16, minexp=-14, smallest_subnormal=2.0 ** -24),
        "float32": dict(bits=32, eps=2.0 ** -23, max=3.4028234663852886e38, tiny=2.0 ** -126, precision=6,
                        resolution=1e-6, nmant=23, nexp=8, maxexp=128, minexp=-125, smallest_subnormal=2.0 ** -149),
        "float64": dict(bits=64, eps=2.0 ** -52, max=1.7976931348623157e308, tiny=2.0 ** -1022, precision=15,
                        resolution=1e-15, nmant=52, nexp=11, maxexp=1024, minexp=-1021,
                        smallest_subnormal=5e-324),
    }

    _LIMIT_FORMAT = {"float16": "%12.5e", "float32": "%15.7e", "float64": "%24.16e"}

    def __init__(self, dtype):
        dt = _dtype(dtype if isinstance(dtype, type) else getattr(dtype, "dtype", dtype))
        if dt.kind not in "fc":
            raise ValueError(f"data type {dt.type!r} not inexact")
        name = {"complex64": "float32", "complex128": "float64"}.get(dt.name, dt.name)
        self.dtype = _dtype(name)
        info = self._TABLE[name]
        sc = self.dtype.type
        for k, v in info.items():
            setattr(self, k, sc(v) if isinstance(v, float) else v)
        self.min = sc(-info["max"])
        self.smallest_normal = self.tiny
        self.epsneg = sc(info["eps"] / 2)

    def __repr__(self):
        fmt = self._LIMIT_FORMAT[self.dtype.name]  # NumPy's MachArLike formats of the limits
        return (f"finfo(resolution={self.resolution!s}, min={(fmt % float(self.min)).strip()}, "
                f"max={(fmt % float(self.max)).strip()}, dtype={self.dtype.name})")


def isdtype(dtype, kind):
    """Whether `dtype` is of `kind`: a dtype, one of the Array API's kind names, or a tuple of those."""
    _dtype_cls = _dtype
    if isinstance(dtype, type) and issubclass(dtype, _generic):
        dtype = _dtype_cls(dtype)  # a scalar type (gf.int8) names its dtype, as in NumPy
    if not isinstance(dtype, _dtype_cls):
        raise TypeError(f"dtype argument must be a NumPy dtype, but it is a {type(dtype)}.")
    kinds = kind if isinstance(kind, tuple) else (kind,)
    for k in kinds:
        if isinstance(k, str):
            if k not in KINDS:
                raise ValueError(f"kind argument is a string, but '{k}' is not a known kind name.")
            if dtype.name in KINDS[k] or dtype.name == "float16" and k in ("real floating", "numeric"):
                return True
        elif isinstance(k, tuple):
            raise TypeError(f"kind argument must be comprised of NumPy dtypes or strings only, but is a {type(k)}.")
        elif dtype == _dtype_cls(k):
            return True
    return False
