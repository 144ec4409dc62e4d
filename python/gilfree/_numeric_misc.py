"""Small numeric helpers from NumPy's function_base, type_check and numeric modules: convolve, correlate, cross,
kron, interp, gradient, ediff1d, trapezoid, sinc, nan_to_num, degrees, radians, fabs, isneginf, isposinf,
iscomplex, isreal, iscomplexobj, isrealobj, and the introspection helpers isscalar, ndim, shape, size, iterable.
Built on the ufuncs, reductions and manipulation layers; nothing below imports this module."""
import builtins
import math
import numbers
import warnings

from . import _ufuncs as _u
from ._base import ArrayBase
from ._creation import array, asarray, asanyarray, empty, zeros
from ._dtypes import generic
from ._elementwise import diff
from ._errstate import errstate as _errstate
from ._exceptions import normalize_axis, normalize_axes
from ._manipulation import broadcast_arrays, broadcast_shapes, concatenate, expand_dims, moveaxis, reshape, stack
from ._promotion import can_cast, finfo, promote_types, result_type
from ._reductions import sum as _sum
from ._sorting import argsort, searchsorted, where
from ._writes import copyto


def _scalar_if_0d(a):
    return a[()] if isinstance(a, ArrayBase) and a.ndim == 0 else a


# ----- convolution -----

_MODES = {"valid": 0, "v": 0, "same": 1, "s": 1, "full": 2, "f": 2, 0: 0, 1: 1, 2: 2}


def _mode(mode):
    try:
        return _MODES[mode]
    except (KeyError, TypeError):
        raise ValueError(f"mode must be one of 'valid', 'same', or 'full' (got {mode!r})") from None


def _correlate(a, v, mode, conj):
    """NumPy's correlation of 1-d a with 1-d v: c[k] = sum_i a[k + i - (len(v) - 1)] * v[i] (v conjugated if
    `conj`), cut to the mode's window the way NumPy's C loop does."""
    dt = result_type(a, v)
    a = a.astype(dt)
    v = v.astype(dt)
    if conj and dt.kind == "c":
        v = _u.conjugate(v)
    n, m = a.shape[0], v.shape[0]
    total = n + m - 1
    padded = concatenate((zeros(m - 1, dtype=dt), a, zeros(m - 1, dtype=dt)))
    full = None
    for i in range(m):
        term = padded[i:i + total] * v[i]
        full = term if full is None else full + term
    full = full.astype(dt)
    long_, short = (n, m) if n >= m else (m, n)
    if mode == 2:
        return full
    if mode == 0:
        start, length = short - 1, long_ - short + 1
    else:
        start, length = ((short - 1) // 2 if n >= m else short // 2), long_
    return full[start:start + length]


def _as_1d_pair(a, v):
    a = array(a, copy=None, ndmin=1)
    v = array(v, copy=None, ndmin=1)
    if a.ndim != 1 or v.ndim != 1:
        raise ValueError("object too deep for desired array")
    return a, v


def convolve(a, v, mode="full"):
    a, v = _as_1d_pair(a, v)
    if v.shape[0] > a.shape[0]:
        a, v = v, a
    if a.shape[0] == 0:
        raise ValueError("a cannot be empty")
    if v.shape[0] == 0:
        raise ValueError("v cannot be empty")
    return _correlate(a, v[::-1], _mode(mode), conj=False)


def correlate(a, v, mode="valid"):
    a, v = _as_1d_pair(a, v)
    mode = _mode(mode)
    if a.shape[0] == 0 or v.shape[0] == 0:
        raise ValueError("Array arguments cannot be empty")
    return _correlate(a, v, mode, conj=True)


# ----- products -----

def cross(a, b, axisa=-1, axisb=-1, axisc=-1, axis=None):
    if axis is not None:
        axisa = axisb = axisc = axis
    a = asarray(a)
    b = asarray(b)
    if a.ndim < 1 or b.ndim < 1:
        raise ValueError("At least one array has zero dimension")
    a = moveaxis(a, normalize_axis(axisa, a.ndim, "axisa"), -1)
    b = moveaxis(b, normalize_axis(axisb, b.ndim, "axisb"), -1)
    if a.shape[-1] not in (2, 3) or b.shape[-1] not in (2, 3):
        raise ValueError("incompatible dimensions for cross product\n(dimension must be 2 or 3)")
    shape = broadcast_shapes(a.shape[:-1], b.shape[:-1])
    if a.shape[-1] == 3 or b.shape[-1] == 3:
        shape += (3,)
        axisc = normalize_axis(axisc, len(shape), "axisc")
    dt = promote_types(a.dtype, b.dtype)
    a = a.astype(dt)
    b = b.astype(dt)
    a0, a1 = a[..., 0], a[..., 1]
    b0, b1 = b[..., 0], b[..., 1]
    if dt.kind == "b":
        raise TypeError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, "
                        "the `^` operator, or the logical_xor function instead.")
    z = a0 * b1 - a1 * b0
    if a.shape[-1] == 2 and b.shape[-1] == 2:
        warnings.warn("Arrays of 2-dimensional vectors are deprecated. Use arrays of 3-dimensional vectors "
                      "instead. (deprecated in NumPy 2.0)", DeprecationWarning, stacklevel=2)
        return asarray(z).astype(dt)
    if a.shape[-1] == 3 and b.shape[-1] == 3:
        a2, b2 = a[..., 2], b[..., 2]
        x = a1 * b2 - a2 * b1
        y = a2 * b0 - a0 * b2
    elif a.shape[-1] == 2:
        b2 = b[..., 2]
        x = a1 * b2
        y = -(a0 * b2)
    else:
        a2 = a[..., 2]
        x = -(a2 * b1)
        y = a2 * b0
    out = stack(broadcast_arrays(x, y, z), axis=-1).astype(dt)
    return moveaxis(out, -1, axisc)


def kron(a, b):
    b = asanyarray(b)
    a = array(a, copy=None, ndmin=b.ndim)
    nda, ndb = a.ndim, b.ndim
    nd = builtins.max(nda, ndb)
    if nda == 0 or ndb == 0:
        return _u.multiply(a, b)
    as_ = (1,) * builtins.max(0, ndb - nda) + tuple(a.shape)
    bs = (1,) * builtins.max(0, nda - ndb) + tuple(b.shape)
    a = reshape(a, as_)
    b = reshape(b, bs)
    a = expand_dims(a, tuple(range(1, nd * 2, 2)))
    b = expand_dims(b, tuple(range(0, nd * 2, 2)))
    return reshape(_u.multiply(a, b), tuple(x * y for x, y in zip(as_, bs)))


# ----- interpolation and differences -----

def _interp_real(x, xp, fp, left, right):
    n = xp.shape[0]
    if n == 1:
        res = where(x < xp[0], left, where(x > xp[0], right, fp[0]))
        return asarray(res, dtype="float64")
    j = searchsorted(xp, x, side="right") - 1
    j = _u.minimum(_u.maximum(j, 0), n - 2)
    xj, xj1 = xp[j], xp[j + 1]
    fj, fj1 = fp[j], fp[j + 1]
    with _errstate_ignore():
        slope = (fj1 - fj) / (xj1 - xj)
        res = slope * (x - xj) + fj
        again = slope * (x - xj1) + fj1
    res = where(_u.isnan(res), where(_u.isnan(again) & (fj == fj1), fj, again), res)
    res = where(xj == x, fj, res)
    res = where(x == xp[n - 1], fp[n - 1], res)
    res = where(x < xp[0], left, res)
    res = where(x > xp[n - 1], right, res)
    return asarray(res, dtype="float64")


def _errstate_ignore():
    return _errstate(all="ignore")


def interp(x, xp, fp, left=None, right=None, period=None):
    fp = asarray(fp)
    is_complex = fp.dtype.kind == "c"
    in_dt = "complex128" if is_complex else "float64"
    if period is not None:
        if period == 0:
            raise ValueError("period must be a non-zero value")
        period = builtins.abs(period)
        left = right = None
    x = asarray(x, dtype="float64")
    xp = asarray(xp, dtype="float64")
    fp = asarray(fp, dtype=in_dt)
    if period is not None:
        if xp.ndim != 1 or fp.ndim != 1:
            raise ValueError("Data points must be 1-D sequences")
        if xp.shape[0] != fp.shape[0]:
            raise ValueError("fp and xp are not of the same length")
        x = x % period
        xp = xp % period
        order = argsort(xp)
        xp = xp[order]
        fp = fp[order]
        xp = concatenate((xp[-1:] - period, xp, xp[0:1] + period))
        fp = concatenate((fp[-1:], fp, fp[0:1]))
    if xp.ndim != 1 or fp.ndim != 1:
        raise ValueError("object too deep for desired array")
    if fp.shape[0] != xp.shape[0]:
        raise ValueError("fp and xp are not of the same length.")
    if xp.shape[0] == 0:
        raise ValueError("array of sample points is empty")
    n = xp.shape[0]
    if is_complex:
        lv = complex(fp[0]) if left is None else complex(left)
        rv = complex(fp[n - 1]) if right is None else complex(right)
        re = _interp_real(x, xp, fp.real.copy(), lv.real, rv.real)
        im = _interp_real(x, xp, fp.imag.copy(), lv.imag, rv.imag)
        out = empty(x.shape, dtype="complex128")
        out.real[...] = re
        out.imag[...] = im
    else:
        lv = float(fp[0]) if left is None else float(left)
        rv = float(fp[n - 1]) if right is None else float(right)
        out = _interp_real(x, xp, fp, lv, rv)
    return _scalar_if_0d(out)


def gradient(f, *varargs, axis=None, edge_order=1):
    f = asanyarray(f)
    nd = f.ndim
    axes = tuple(range(nd)) if axis is None else normalize_axes(axis, nd)
    len_axes = len(axes)
    n = len(varargs)
    if n == 0:
        dx = [1.0] * len_axes
    elif n == 1 and asanyarray(varargs[0]).ndim == 0:
        dx = list(varargs) * len_axes
    elif n == len_axes:
        dx = list(varargs)
        for i, d in enumerate(dx):
            d = asanyarray(d)
            if d.ndim == 0:
                continue
            if d.ndim != 1:
                raise ValueError("distances must be either scalars or 1d")
            if d.shape[0] != f.shape[axes[i]]:
                raise ValueError("when 1d, distances must match the length of the corresponding dimension")
            if d.dtype.kind in "iub":
                d = d.astype("float64")
            step = diff(d)
            if bool((step == step[0]).all()):
                step = step[0]
            dx[i] = step
    else:
        raise TypeError("invalid number of arguments")
    if edge_order > 2:
        raise ValueError("'edge_order' greater than 2 not supported")
    otype = f.dtype
    if otype.kind not in "fc":
        if otype.kind in "iu":
            f = f.astype("float64")
        otype = "float64"
    outvals = []
    for ax, ax_dx in zip(axes, dx):
        if f.shape[ax] < edge_order + 1:
            raise ValueError("Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) "
                             "elements are required.")
        out = empty(f.shape, dtype=otype)

        def sl(s, ax=ax):
            return (builtins.slice(None),) * ax + (s,)

        def at(i, ax=ax):
            return f[sl(builtins.slice(i, i + 1 if i != -1 else None))]
        uniform = asanyarray(ax_dx).ndim == 0
        if uniform:
            out[sl(builtins.slice(1, -1))] = (f[sl(builtins.slice(2, None))] - f[sl(builtins.slice(None, -2))]) \
                / (2. * ax_dx)
        else:
            dx1 = ax_dx[0:-1]
            dx2 = ax_dx[1:]
            shape = [1] * nd
            shape[ax] = -1
            a = reshape(-(dx2) / (dx1 * (dx1 + dx2)), shape)
            b = reshape((dx2 - dx1) / (dx1 * dx2), shape)
            c = reshape(dx1 / (dx2 * (dx1 + dx2)), shape)
            out[sl(builtins.slice(1, -1))] = a * f[sl(builtins.slice(None, -2))] + b * f[sl(builtins.slice(1, -1))] \
                + c * f[sl(builtins.slice(2, None))]
        if edge_order == 1:
            d0 = ax_dx if uniform else ax_dx[0]
            out[sl(builtins.slice(0, 1))] = (at(1) - at(0)) / d0
            dn = ax_dx if uniform else ax_dx[-1]
            out[sl(builtins.slice(-1, None))] = (at(-1) - at(-2)) / dn
        else:
            if uniform:
                a, b, c = -1.5 / ax_dx, 2. / ax_dx, -0.5 / ax_dx
            else:
                dx1, dx2 = ax_dx[0], ax_dx[1]
                a = -(2. * dx1 + dx2) / (dx1 * (dx1 + dx2))
                b = (dx1 + dx2) / (dx1 * dx2)
                c = - dx1 / (dx2 * (dx1 + dx2))
            out[sl(builtins.slice(0, 1))] = a * at(0) + b * at(1) + c * at(2)
            if uniform:
                a, b, c = 0.5 / ax_dx, -2. / ax_dx, 1.5 / ax_dx
            else:
                dx1, dx2 = ax_dx[-2], ax_dx[-1]
                a = (dx2) / (dx1 * (dx1 + dx2))
                b = - (dx2 + dx1) / (dx1 * dx2)
                c = (2. * dx2 + dx1) / (dx2 * (dx1 + dx2))
            out[sl(builtins.slice(-1, None))] = a * at(-3) + b * at(-2) + c * at(-1)
        outvals.append(out)
    if len_axes == 1:
        return outvals[0]
    return tuple(outvals)


def ediff1d(ary, to_end=None, to_begin=None):
    ary = asanyarray(ary).ravel()
    dt = ary.dtype
    parts = []
    if to_begin is not None:
        to_begin = asanyarray(to_begin)
        if not can_cast(to_begin, dt, casting="same_kind"):
            raise TypeError("dtype of `to_begin` must be compatible with input `ary` under the `same_kind` rule.")
        parts.append(to_begin.ravel().astype(dt))
    if to_end is not None:
        to_end = asanyarray(to_end)
        if not can_cast(to_end, dt, casting="same_kind"):
            raise TypeError("dtype of `to_end` must be compatible with input `ary` under the `same_kind` rule.")
    if dt.kind == "b":
        raise TypeError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, "
                        "the `^` operator, or the logical_xor function instead.")
    parts.append(_u.subtract(ary[1:], ary[:-1]).astype(dt))
    if to_end is not None:
        parts.append(to_end.ravel().astype(dt))
    return concatenate(parts) if len(parts) > 1 else parts[0]


def trapezoid(y, x=None, dx=1.0, axis=-1):
    y = asanyarray(y)
    if x is None:
        d = dx
    else:
        x = asanyarray(x)
        if x.ndim == 1:
            d = diff(x)
            shape = [1] * y.ndim
            shape[axis] = d.shape[0]
            d = reshape(d, shape)
        else:
            d = diff(x, axis=axis)
    nd = y.ndim
    s1 = [builtins.slice(None)] * nd
    s2 = [builtins.slice(None)] * nd
    s1[axis] = builtins.slice(1, None)
    s2[axis] = builtins.slice(None, -1)
    return _sum(d * (y[tuple(s1)] + y[tuple(s2)]) / 2.0, axis=axis)


def sinc(x):
    x = asanyarray(x)
    x = _u.multiply(math.pi, x)
    eps = finfo(x.dtype).eps if x.dtype.kind == "f" else 1e-20
    y = where(x, x, eps)
    return _u.sin(y) / y


# ----- floating-point classification and cleanup -----

def nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None):
    x = array(x, copy=copy)
    scalar = x.ndim == 0
    if x.dtype.kind not in "fc":
        return x[()] if scalar else x
    parts = (x.real, x.imag) if x.dtype.kind == "c" else (x,)
    info = finfo(parts[0].dtype)
    maxf = info.max if posinf is None else posinf
    minf = info.min if neginf is None else neginf
    for d in parts:
        is_nan, is_inf, negative = _u.isnan(d), _u.isinf(d), _u.signbit(d)
        copyto(d, nan, where=is_nan)
        copyto(d, maxf, where=is_inf & ~negative)
        copyto(d, minf, where=is_inf & negative)
    return x[()] if scalar else x


#: NumPy's degrees and radians are ufuncs of their own names, computing rad2deg and deg2rad.
degrees = _u.ufunc("rad2deg", "Convert angles from radians to degrees.", pyname="degrees")
radians = _u.ufunc("deg2rad", "Convert angles from degrees to radians.", pyname="radians")


def fabs(x, /, out=None, **kwargs):
    a = x if isinstance(x, ArrayBase) else asarray(x)
    if a.dtype.kind == "c":
        raise TypeError("ufunc 'fabs' not supported for the input types, and the inputs could not be safely coerced "
                        "to any supported types according to the casting rule ''safe''")
    if a.dtype.kind in "biu":
        a = a.astype("float16" if a.dtype.itemsize == 1 else "float32" if a.dtype.itemsize == 2 else "float64")
    return _u.absolute(a, out=out, **kwargs)


def _sign_test(x, out, negative):
    a = asanyarray(x)
    if a.dtype.kind == "c":
        raise TypeError(f"This operation is not supported for {a.dtype} values because it would be ambiguous.")
    sign = _u.signbit(x)
    if not negative:
        sign = _u.logical_not(sign)
    return _u.logical_and(_u.isinf(x), sign, out=out)


def isposinf(x, out=None):
    return _sign_test(x, out, False)


def isneginf(x, out=None):
    return _sign_test(x, out, True)


def iscomplex(x):
    a = asanyarray(x)
    if a.dtype.kind == "c":
        return _scalar_if_0d(a.imag != 0)
    return _scalar_if_0d(zeros(a.shape, dtype="bool"))


def isreal(x):
    a = asanyarray(x)
    if a.dtype.kind == "c":
        return _scalar_if_0d(a.imag == 0)
    return _scalar_if_0d(_u.logical_not(zeros(a.shape, dtype="bool")))


def iscomplexobj(x):
    try:
        kind = x.dtype.kind
    except AttributeError:
        kind = asarray(x).dtype.kind
    return kind == "c"


def isrealobj(x):
    return not iscomplexobj(x)


_SCALAR_TYPES = (int, float, complex, builtins.bool, bytes, str, memoryview)


def isscalar(element):
    return isinstance(element, generic) or type(element) in _SCALAR_TYPES or isinstance(element, numbers.Number)


def ndim(a):
    try:
        return a.ndim
    except AttributeError:
        return asarray(a).ndim


def shape(a):
    try:
        return a.shape
    except AttributeError:
        return asarray(a).shape


def size(a, axis=None):
    if axis is None:
        try:
            return a.size
        except AttributeError:
            return asarray(a).size
    s = shape(a)
    result = 1
    for ax in normalize_axes(axis, len(s)):
        result *= s[ax]
    return result


def iterable(y):
    if isinstance(y, generic):  # NumPy's scalars do not iterate
        return False
    try:
        iter(y)
    except TypeError:
        return False
    return True
