"""Functions about complex values and phases: unwrap (remove jumps of a period from phase angles),
real_if_close (drop negligible imaginary parts) and sort_complex (sort by real, then imaginary part)."""
from ._creation import array, asanyarray, asarray
from ._elementwise import diff
from ._promotion import finfo, result_type
from ._reductions import all as _all, cumsum
from ._sorting import sort
from ._writes import copyto
from . import _ufuncs as _u


def unwrap(p, discont=None, axis=-1, *, period=6.283185307179586):
    p = asarray(p)
    dd = diff(p, axis=axis)
    if discont is None:
        discont = period / 2
    tail = [slice(None)] * p.ndim
    tail[axis] = slice(1, None)
    tail = tuple(tail)
    dt = result_type(dd, period)
    if dt.kind in "iu":  # integer periods: the half period is exact only when period is even
        high, rem = divmod(period, 2)
        ambiguous = rem == 0
    else:
        high = period / 2
        ambiguous = True
    low = -high
    ddmod = _u.add(_u.remainder(_u.subtract(dd, low), period), low)
    if ambiguous:  # a jump of exactly half a period keeps its sign
        copyto(ddmod, high, where=_u.logical_and(ddmod == low, dd > 0))
    correction = _u.subtract(ddmod, dd)
    copyto(correction, 0, where=_u.absolute(dd) < discont)
    up = array(p, copy=True, dtype=dt)
    up[tail] = _u.add(p[tail], cumsum(correction, axis=axis))
    return up


def real_if_close(a, tol=100):
    a = asanyarray(a)
    if a.dtype.kind != "c":
        return a
    if tol > 1:
        tol = finfo(a.dtype).eps * tol
    if _all(_u.absolute(a.imag) < tol):
        a = a.real
    return a


def sort_complex(a):
    b = sort(asarray(a))
    if b.dtype.kind == "c":
        return b
    return b.astype("complex64" if b.dtype.name in ("int8", "int16", "uint8", "uint16") else "complex128")
