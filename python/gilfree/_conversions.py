"""Conversions with conditions: require (flags the result must have), asarray_chkfinite, and the layout
question isfortran."""
from ._creation import asarray
from ._reductions import all as _all
from ._ufuncs import isfinite

_FLAGS = {"C": "C", "C_CONTIGUOUS": "C", "CONTIGUOUS": "C", "F": "F", "F_CONTIGUOUS": "F", "FORTRAN": "F",
          "A": "A", "ALIGNED": "A", "W": "W", "WRITEABLE": "W", "O": "O", "OWNDATA": "O", "E": "E",
          "ENSUREARRAY": "E"}
_HOLDS = {"A": lambda f: f.aligned, "W": lambda f: f.writeable, "O": lambda f: f.owndata}


def require(a, dtype=None, requirements=None, *, like=None):
    """a as an array of `dtype` with the flags named in `requirements` (C/F contiguous, aligned, writeable,
    owning its data), copied only when it lacks one of them. Unknown names raise KeyError."""
    arr = asarray(a, dtype=dtype)
    if not requirements:
        return arr
    wanted = {_FLAGS[r.upper()] for r in requirements}
    wanted.discard("E")  # gilfree has no array subclasses to strip
    if {"C", "F"} <= wanted:
        raise ValueError('Cannot specify both "C" and "F" order')
    order = "F" if "F" in wanted else "C"
    if "C" in wanted and not arr.flags.c_contiguous or "F" in wanted and not arr.flags.f_contiguous:
        return arr.copy(order)
    if any(not _HOLDS[w](arr.flags) for w in wanted - {"C", "F"}):
        return arr.copy(order if wanted & {"C", "F"} else "K")
    return arr


def asarray_chkfinite(a, dtype=None, order=None):
    """asarray(a), with a ValueError when the result holds an infinity or NaN."""
    arr = asarray(a, dtype=dtype)
    if arr.dtype.kind in "fc" and not bool(_all(isfinite(arr))):
        raise ValueError("array must not contain infs or NaNs")
    return arr


def isfortran(a):
    """True when a is Fortran-contiguous and not also C-contiguous (so a 1-D array is not)."""
    return a.flags.f_contiguous and not a.flags.c_contiguous
