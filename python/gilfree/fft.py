"""gf.fft: NumPy's numpy.fft (the Array API fft extension) on the engine's transforms.

Every length costs O(n log n) (mixed radix 2/3/4/5 and odd radices, Bluestein for large prime factors);
transforms compute in double. float32/complex64 input gives complex64 (float32) results, everything else
complex128 (float64), as NumPy 2. Many rows are split over cores."""
import math
import operator

from ._base import wrap as _wrap
from ._bridge import Fft as _F, call as _call
from ._creation import arange as _arange
from ._exceptions import normalize_axis as _normalize_axis
from ._manipulation import moveaxis as _moveaxis, roll as _roll
from ._promotion import can_cast as _can_cast
from ._ufuncs import _to_array, conjugate as _conjugate, multiply as _multiply
from ._writes import copyto as _copyto

__all__ = ["fft", "ifft", "fft2", "ifft2", "fftn", "ifftn", "rfft", "irfft", "rfft2", "irfft2", "rfftn", "irfftn",
           "hfft", "ihfft", "fftfreq", "rfftfreq", "fftshift", "ifftshift"]

_SINGLE = ("float32", "complex64")


def _factor(norm, n, forward):
    """The normalisation factor of a transform of length n in direction `forward`."""
    if norm is None or norm == "backward":
        return 1.0 if forward else 1.0 / n
    if norm == "ortho":
        return 1.0 / math.sqrt(n)
    if norm == "forward":
        return 1.0 / n if forward else 1.0
    raise ValueError(f'Invalid norm value {norm}; should be "backward","ortho" or "forward".')


def _swap_direction(norm):
    """hfft/ihfft: a backward transform normalised as a forward one, and the other way round."""
    swapped = {None: "forward", "backward": "forward", "ortho": "ortho", "forward": "backward"}
    if norm not in swapped:
        raise ValueError(f'Invalid norm value {norm}; should be "backward","ortho" or "forward".')
    return swapped[norm]


def _length(n, default):
    n = default if n is None else operator.index(n)
    if n < 1:
        raise ValueError(f"Invalid number of FFT data points ({n}) specified.")
    return n


def _finish(r, out, name):
    """r, or r copied into `out` (NumPy's out= checks: same shape, same_kind cast)."""
    if out is None:
        return r
    if tuple(out.shape) != tuple(r.shape):
        raise ValueError("output array has wrong shape.")
    if not _can_cast(r.dtype, out.dtype, "same_kind"):
        raise TypeError(f"Cannot cast ufunc '{name}' output from dtype('{r.dtype.name}') to "
                        f"dtype('{out.dtype.name}') with casting rule 'same_kind'")
    _copyto(out, r)
    return out


def _along(a, axis, run):
    """Applies `run` (an engine call on an array whose transformed axis is last) along `axis`."""
    axis = _normalize_axis(axis, a.ndim)
    moved = a if axis == a.ndim - 1 else _moveaxis(a, axis, -1)
    r = _wrap(run(moved))
    return r if axis == a.ndim - 1 else _moveaxis(r, -1, axis)


def _c2c(a, n, axis, norm, forward):
    a = _to_array(a)
    n = _length(n, a.shape[axis])
    fct = _factor(norm, n, forward)
    single = a.dtype.name in _SINGLE
    return _along(a, axis, lambda m: _call(_F.c2c, m._j, n, forward, fct, single))


def _r2c(a, n, axis, norm):
    a = _to_array(a)
    n = _length(n, a.shape[axis])
    if a.dtype.kind == "c":
        raise TypeError(f"ufunc 'rfft_n_{'even' if n % 2 == 0 else 'odd'}' not supported for the input types, and the "
                        "inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
    fct = _factor(norm, n, True)
    single = a.dtype.name == "float32"
    return _along(a, axis, lambda m: _call(_F.r2c, m._j, n, fct, single))


def _c2r(a, n, axis, norm):
    a = _to_array(a)
    n = _length(n, 2 * (a.shape[axis] - 1))
    fct = _factor(norm, n, False)
    single = a.dtype.name in _SINGLE
    return _along(a, axis, lambda m: _call(_F.c2r, m._j, n, fct, single))


def fft(a, n=None, axis=-1, norm=None, out=None):
    return _finish(_c2c(a, n, axis, norm, True), out, "fft")


def ifft(a, n=None, axis=-1, norm=None, out=None):
    return _finish(_c2c(a, n, axis, norm, False), out, "ifft")


def rfft(a, n=None, axis=-1, norm=None, out=None):
    return _finish(_r2c(a, n, axis, norm), out, "rfft")


def irfft(a, n=None, axis=-1, norm=None, out=None):
    return _finish(_c2r(a, n, axis, norm), out, "irfft")


def hfft(a, n=None, axis=-1, norm=None, out=None):
    a = _to_array(a)
    return _finish(_c2r(_conjugate(a), n, axis, _swap_direction(norm)), out, "irfft")


def ihfft(a, n=None, axis=-1, norm=None, out=None):
    return _finish(_conjugate(_r2c(a, n, axis, _swap_direction(norm))), out, "rfft")


def _shape_axes(a, s, axes, inverse_real=False):
    """NumPy's (s, axes) for the n-dimensional transforms: defaults, checks, -1 meaning the input's size."""
    if s is None:
        axes = list(range(a.ndim)) if axes is None else list(axes)
        s = [a.shape[ax] for ax in axes]
        if inverse_real and axes:
            s[-1] = (a.shape[axes[-1]] - 1) * 2
        return s, axes
    s = list(s)
    axes = list(range(-len(s), 0)) if axes is None else list(axes)
    if len(s) != len(axes):
        raise ValueError("Shape and axes have different lengths.")
    for ax in axes:
        _normalize_axis(ax, a.ndim)
    return [a.shape[ax] if k == -1 else k for k, ax in zip(s, axes)], axes  # -1: the input's length


def _nd(a, s, axes, norm, forward):
    a = _to_array(a)
    s, axes = _shape_axes(a, s, axes)
    for k in reversed(range(len(axes))):
        a = _c2c(a, s[k], axes[k], norm, forward)
    return a


def fftn(a, s=None, axes=None, norm=None, out=None):
    return _finish(_nd(a, s, axes, norm, True), out, "fft")


def ifftn(a, s=None, axes=None, norm=None, out=None):
    return _finish(_nd(a, s, axes, norm, False), out, "ifft")


def fft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    return fftn(a, s, axes, norm, out)


def ifft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    return ifftn(a, s, axes, norm, out)


def rfftn(a, s=None, axes=None, norm=None, out=None):
    a = _to_array(a)
    s, axes = _shape_axes(a, s, axes)
    if not axes:
        raise IndexError("list index out of range")
    a = _r2c(a, s[-1], axes[-1], norm)
    for k in reversed(range(len(axes) - 1)):
        a = _c2c(a, s[k], axes[k], norm, True)
    return _finish(a, out, "fft")


def irfftn(a, s=None, axes=None, norm=None, out=None):
    a = _to_array(a)
    s, axes = _shape_axes(a, s, axes, inverse_real=True)
    if not axes:
        raise IndexError("list index out of range")
    for k in range(len(axes) - 1):
        a = _c2c(a, s[k], axes[k], norm, False)
    return _finish(_c2r(a, s[-1], axes[-1], norm), out, "irfft")


def rfft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    return rfftn(a, s, axes, norm, out)


def irfft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    return irfftn(a, s, axes, norm, out)


def _frequencies(k, n, d, dtype):
    if not isinstance(n, int):
        raise ValueError("n should be an integer")
    r = _multiply(k(), 1.0 / (n * d))
    return r if dtype is None else r.astype(dtype)


def fftfreq(n, d=1.0, device=None, *, dtype=None):
    """Sample frequencies [0, 1, ..., n/2-1, -n/2, ..., -1] / (d*n) (odd n: up to (n-1)/2). dtype= is the
    Array API's (NumPy has none): float64 by default."""
    return _frequencies(lambda: _roll(_arange(-(n // 2), n - n // 2, dtype="int64"), -(n // 2)), n, d, dtype)


def rfftfreq(n, d=1.0, device=None, *, dtype=None):
    """Sample frequencies [0, 1, ..., n//2] / (d*n) of rfft's output (dtype= as fftfreq's)."""
    return _frequencies(lambda: _arange(n // 2 + 1, dtype="int64"), n, d, dtype)


def _shifts(x, axes, sign):
    if axes is None:
        axes = tuple(range(x.ndim))
        return [sign * (dim // 2) for dim in x.shape], axes
    if isinstance(axes, int):
        return sign * (x.shape[axes] // 2), axes
    return [sign * (x.shape[ax] // 2) for ax in axes], axes


def fftshift(x, axes=None):
    """Moves the zero frequency to the middle of each axis in `axes` (all by default)."""
    x = _to_array(x)
    shift, axes = _shifts(x, axes, 1)
    return _roll(x, shift, axes)


def ifftshift(x, axes=None):
    """The inverse of fftshift (they differ for odd lengths)."""
    x = _to_array(x)
    shift, axes = _shifts(x, axes, -1)
    return _roll(x, shift, axes)

