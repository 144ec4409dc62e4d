"""gf.random.Generator and default_rng: NumPy's Generator API over a bit generator, the same numbers for
the same seed. Bulk draws fill arrays in the engine; this module checks arguments and shapes results."""
import builtins
import math
import operator
import warnings
from collections.abc import Sequence

from ._base import ArrayBase, wrap as _wrap
from ._bitgen import BitGenerator, MT19937, PCG64, PCG64DXSM, _shape  # noqa: F401 - PCG64DXSM for default_rng users
from ._bridge import Random as _R, call as _call
from ._creation import arange, asarray, empty
from ._dtypes import dtype as _dtype
from ._exceptions import normalize_axis
from ._manipulation import broadcast_shapes, broadcast_to, moveaxis, swapaxes, take
from ._reductions import count_nonzero, cumsum
from ._scalars import (bool as _bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64)  # noqa: A004
from ._seedseq import SeedSequence
from ._sorting import searchsorted, unique
from ._ufuncs import isfinite, isnan, log1p, negative

#: integer dtype -> (low bound, high bound, scalar type)
_INT_RANGES = {"int8": (-2 ** 7, 2 ** 7 - 1, int8), "int16": (-2 ** 15, 2 ** 15 - 1, int16),
               "int32": (-2 ** 31, 2 ** 31 - 1, int32), "int64": (-2 ** 63, 2 ** 63 - 1, int64),
               "uint8": (0, 2 ** 8 - 1, uint8), "uint16": (0, 2 ** 16 - 1, uint16),
               "uint32": (0, 2 ** 32 - 1, uint32), "uint64": (0, 2 ** 64 - 1, uint64), "bool": (0, 1, _bool)}
_WIDTH = {"int8": 8, "uint8": 8, "int16": 16, "uint16": 16, "int32": 32, "uint32": 32, "int64": 64, "uint64": 64,
          "bool": 8}


def _signed64(v):
    v &= (1 << 64) - 1
    return v - (1 << 64) if v >> 63 else v


def _size(size):
    """None, or the shape tuple of a size argument."""
    return None if size is None else _shape(size)


def _filled(kind, g, shape, dtype, out=None):
    """Draws of `kind` ("uniform", "exponential", "normal", "legacyGauss") in a new array of `shape`, or into `out`;
    a Python float when shape is None and there is no out."""
    if out is not None:
        _check_out(out, dtype, shape)
        if kind == "uniform":
            _call(_R.uniformInto, g, out._j)
        else:
            _call(_R.standardInto, g, kind == "normal", out._j)
        return out
    dims = [] if shape is None else list(shape)
    if kind == "legacyGauss":
        j = _call(_R.legacyGauss, g, dims)
    elif kind == "uniform":
        j = _call(_R.uniform, g, dims, dtype)
    else:
        j = _call(_R.standard, g, kind == "normal", dims, dtype)
    a = _wrap(j, tuple(dims))
    return float(a[()]) if shape is None else a


def _check_out(out, dtype, shape):
    """NumPy's checks of an out= array: a gilfree array of the draw's dtype and, with size, of that shape."""
    if not isinstance(out, ArrayBase):
        raise TypeError("out must be a gilfree array")
    if out.dtype.name != dtype:
        raise TypeError(f"Supplied output array has the wrong type. Expected {dtype}, got {out.dtype.name}")
    if shape is not None and tuple(shape) != out.shape:
        raise ValueError("size must match out.shape when used together")


def _float_dtype(dtype, what):
    name = _dtype(dtype).name
    if name not in ("float64", "float32"):
        raise TypeError(f"Unsupported dtype {_dtype(dtype)!r} for {what}")
    return name


def _scalar_or_array(x):
    """(is scalar, value): Python numbers stay scalars, anything else becomes an array."""
    if isinstance(x, (int, float)):
        return True, x
    a = asarray(x)
    return (True, a[()].item()) if a.ndim == 0 else (False, a)


def _affine(draw, shape, loc, scale):
    """loc + scale * draws (NumPy's per-element C arithmetic, as broadcasting array arithmetic): draw(n_shape)
    makes the standard draws; shape None with scalar parameters gives a Python float."""
    s_loc, loc = (True, None) if loc is None else _scalar_or_array(loc)
    s_scale, scale = _scalar_or_array(scale)
    if s_loc and s_scale:
        z = scale * draw(shape)
        return z if loc is None else loc + z
    bshape = broadcast_shapes(*(() if s else v.shape for s, v in ((s_loc, loc), (s_scale, scale))))
    if shape is None:
        shape = bshape
    elif broadcast_shapes(shape, bshape) != tuple(shape):
        raise ValueError(f"shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between "
                         f"arg 0 with shape {tuple(shape)} and arg 1 with shape {bshape}.")
    z = scale * draw(shape)
    return z if loc is None else loc + z


class _Distributions:
    """The continuous distributions Generator and RandomState share by name and signature; RandomState's
    draw by NumPy's legacy algorithms (the engine's "legacy_" kinds)."""
    _prefix = ""

    def chisquare(self, df, size=None):
        return _cont(self._g, self._prefix + "chisquare", size, (df, "df", _POSITIVE))

    def beta(self, a, b, size=None):
        return _cont(self._g, self._prefix + "beta", size, (a, "a", _POSITIVE), (b, "b", _POSITIVE))

    def f(self, dfnum, dfden, size=None):
        return _cont(self._g, self._prefix + "f", size, (dfnum, "dfnum", _POSITIVE), (dfden, "dfden", _POSITIVE))

    def standard_t(self, df, size=None):
        return _cont(self._g, self._prefix + "standard_t", size, (df, "df", _POSITIVE))

    def standard_cauchy(self, size=None):
        return _cont(self._g, self._prefix + "standard_cauchy", size)

    def wald(self, mean, scale, size=None):
        return _cont(self._g, self._prefix + "wald", size, (mean, "mean", _POSITIVE), (scale, "scale", _POSITIVE))

    def rayleigh(self, scale=1.0, size=None):
        return _cont(self._g, self._prefix + "rayleigh", size, (scale, "scale", _NON_NEGATIVE))

    def pareto(self, a, size=None):
        return _cont(self._g, self._prefix + "pareto", size, (a, "a", _POSITIVE))

    def weibull(self, a, size=None):
        return _cont(self._g, self._prefix + "weibull", size, (a, "a", _NON_NEGATIVE))

    def power(self, a, size=None):
        return _cont(self._g, self._prefix + "power", size, (a, "a", _POSITIVE))

    def laplace(self, loc=0.0, scale=1.0, size=None):
        return _cont(self._g, self._prefix + "laplace", size, (loc, "loc", None), (scale, "scale", _NON_NEGATIVE))

    def gumbel(self, loc=0.0, scale=1.0, size=None):
        return _cont(self._g, self._prefix + "gumbel", size, (loc, "loc", None), (scale, "scale", _NON_NEGATIVE))

    def logistic(self, loc=0.0, scale=1.0, size=None):
        return _cont(self._g, self._prefix + "logistic", size, (loc, "loc", None), (scale, "scale", _NON_NEGATIVE))

    def lognormal(self, mean=0.0, sigma=1.0, size=None):
        return _cont(self._g, self._prefix + "lognormal", size, (mean, "mean", None), (sigma, "sigma", _NON_NEGATIVE))

    def noncentral_chisquare(self, df, nonc, size=None):
        return _cont(self._g, self._prefix + "noncentral_chisquare", size, (df, "df", _POSITIVE),
                     (nonc, "nonc", _NON_NEGATIVE))

    def noncentral_f(self, dfnum, dfden, nonc, size=None):
        return _cont(self._g, self._prefix + "noncentral_f", size, (dfnum, "dfnum", _POSITIVE),
                     (dfden, "dfden", _POSITIVE), (nonc, "nonc", _NON_NEGATIVE))

    def geometric(self, p, size=None):
        return _cont(self._g, self._prefix + "geometric", size, (p, "p", _PROBABILITY))

    def triangular(self, left, mode, right, size=None):
        lo, mo, hi = (asarray(v, dtype="float64").reshape(-1) for v in (left, mode, right))
        if builtins.bool((lo > mo).any()):
            raise ValueError("left > mode")
        if builtins.bool((mo > hi).any()):
            raise ValueError("mode > right")
        if builtins.bool((lo == hi).any()):
            raise ValueError("left == right")
        return _cont(self._g, self._prefix + "triangular", size, (left, "left", None), (mode, "mode", None),
                     (right, "right", None))


class Generator(_Distributions):
    """NumPy's Generator: draws from a bit generator's stream, bit-identical to NumPy for the same state.

    Sharing: a Generator (or bit generator) used by several threads hands each call a distinct, complete
    block of its stream, in the order the calls take its lock. For reproducible parallel streams give each
    thread its own child: `rng.spawn(n)`."""

    def __init__(self, bit_generator):
        if not isinstance(bit_generator, BitGenerator):
            raise TypeError("Invalid bit generator. The bit generator must be instantiated.")
        self._bit_generator = bit_generator
        self._g = bit_generator._g

    def __repr__(self):
        return f"{self} at 0x{id(self):X}"

    def __str__(self):
        return f"Generator({type(self._bit_generator).__name__})"

    @property
    def bit_generator(self):
        return self._bit_generator

    def spawn(self, n_children):
        return [type(self)(g) for g in self._bit_generator.spawn(n_children)]

    # ------------------------------------------------------------------ uniform floats

    def random(self, size=None, dtype="float64", out=None):
        name = _dtype(dtype).name
        if name not in ("float64", "float32"):
            raise TypeError(f"Unsupported dtype {_dtype(dtype)!r} for random")
        return _filled("uniform", self._g, _size(size), name, out)

    def uniform(self, low=0.0, high=1.0, size=None):
        s_low, lo = _scalar_or_array(low)
        s_high, hi = _scalar_or_array(high)
        if s_low and s_high:
            rng = float(hi) - float(lo)
            if not math.isfinite(rng):
                raise OverflowError("high - low range exceeds valid bounds")
            if rng < 0:
                raise ValueError("high - low < 0")
            return _affine(self.random, _size(size), float(lo), rng)
        rng = asarray(hi, dtype="float64") - asarray(lo, dtype="float64")
        if not builtins.bool(isfinite(rng).all()):
            raise OverflowError("Range exceeds valid bounds")
        if builtins.bool((rng < 0).any()):
            raise ValueError("high - low < 0")
        return _affine(self.random, _size(size), asarray(lo, dtype="float64"), rng)

    # ------------------------------------------------------------------ exponentials

    def standard_exponential(self, size=None, dtype="float64", method="zig", out=None):
        name = _float_dtype(dtype, "standard_exponential")
        if method == "zig":
            return _filled("exponential", self._g, _size(size), name, out)
        if method != "inv":
            raise ValueError("method must be either 'inv' or 'zig'")
        u = self.random(_size(size) if out is None else out.shape, dtype=name)
        if _size(size) is None and out is None:
            return -math.log1p(-u)
        r = negative(log1p(negative(u)))
        if out is not None:
            out[...] = r
            return out
        return r

    def exponential(self, scale=1.0, size=None):
        _check(scale, "scale", _NON_NEGATIVE)
        return _affine(lambda shape: self.standard_exponential(shape), _size(size), None, scale)

    # ------------------------------------------------------------------ normals and gammas

    def standard_normal(self, size=None, dtype="float64", out=None):
        return _filled("normal", self._g, _size(size), _float_dtype(dtype, "standard_normal"), out)

    def normal(self, loc=0.0, scale=1.0, size=None):
        _check(scale, "scale", _NON_NEGATIVE)
        return _affine(lambda shape: self.standard_normal(shape), _size(size), loc, scale)

    def standard_gamma(self, shape, size=None, dtype="float64", out=None):
        name = _float_dtype(dtype, "standard_gamma")
        return _gamma(self._g, shape, 1.0, _size(size), name, out)

    def gamma(self, shape, scale=1.0, size=None):
        return _gamma(self._g, shape, scale, _size(size), "float64", None)

    def dirichlet(self, alpha, size=None):
        k = len(alpha)
        a = asarray(alpha, dtype="float64")
        if a.ndim > 1:
            raise ValueError("setting an array element with a sequence. The requested array would exceed the maximum "
                             "number of dimension of 1.")
        if builtins.bool((a < 0).any()):
            raise ValueError("alpha < 0")
        if size is None:
            shape = (k,)
        else:
            try:
                shape = (operator.index(size), k)
            except TypeError:
                shape = tuple(size) + (k,)
        return _wrap(_call(_R.dirichlet, self._g, [float(v) for v in a.tolist()], list(shape)), shape)

    # ------------------------------------------------------------------ discrete distributions

    def poisson(self, lam=1.0, size=None):
        return _poisson(self._g, lam, _size(size), _POISSON_LAM_MAX)

    def binomial(self, n, p, size=None):
        return _binomial(self._g, n, p, _size(size), False)

    # ------------------------------------------------------------------ integers

    def integers(self, low, high=None, size=None, dtype="int64", endpoint=False):
        if high is None:
            high, low = low, 0
        name = _dtype(dtype).name
        if name not in _INT_RANGES:
            raise TypeError(f"Unsupported dtype {_dtype(dtype)!r} for integers")
        r = _bounded(self._g, low, high, _size(size), name, endpoint, masked=False)
        if size is None and (dtype is int or dtype is builtins.bool) and not isinstance(r, ArrayBase):
            return dtype(r)
        return r

    def bytes(self, length):
        n = (length - 1) // 4 + 1
        words = self.integers(0, 4294967296, size=n, dtype="uint32").tolist()
        return b"".join(int(w).to_bytes(4, "little") for w in words)[:length]

    # ------------------------------------------------------------------ choice, shuffles

    def choice(self, a, size=None, replace=True, p=None, axis=0, shuffle=True):
        a_original = a
        a = asarray(a)
        if a.ndim == 0:
            try:
                pop = operator.index(a.item())
            except TypeError as exc:
                raise ValueError(f"a must be a sequence or an integer, not {type(a_original)}") from exc
            if pop <= 0 and _prod(size) != 0:
                raise ValueError("a must be a positive integer unless no samples are taken")
        else:
            axis = normalize_axis(axis, a.ndim)
            pop = a.shape[axis]
            if pop == 0 and _prod(size) != 0:
                raise ValueError("a cannot be empty unless no samples are taken")
        if p is not None:
            p = _probabilities(p, pop, a_original=p)
        shape = () if size is None else _shape(size)
        n = _prod(shape)
        if replace:
            idx = _with_replacement(p, self.random, lambda s: self.integers(0, pop, size=s, dtype="int64"), shape)
        else:
            if n > pop:
                raise ValueError("Cannot take a larger sample than population when replace is False")
            if n < 0:
                raise ValueError("negative dimensions are not allowed")
            if p is not None:
                idx = _choice_weighted(self.random, p, n, shape, "Fewer non-zero entries in p than size")
            elif pop > 10000 and n > pop // (50 if shuffle else 20):
                perm = _wrap(_call(_R.swaps, self._g, pop, max(pop - n, 1), True), (pop,))
                idx = perm[pop - n:].copy().reshape(shape)
            else:
                idx = _wrap(_call(_R.floydSample, self._g, pop, n, builtins.bool(shuffle)), (n,)).reshape(shape)
        if size is None and isinstance(idx, ArrayBase):
            idx = idx.item(0)
        if a.ndim == 0:
            return idx
        if size is not None and idx.ndim == 0 and a.ndim == 1:
            res = empty((), dtype=a.dtype)
            res[()] = a[idx]
            return res
        res = take(a, asarray(idx, dtype="int64"), axis=axis)
        return res[()] if res.ndim == 0 else res

    def shuffle(self, x, axis=0):
        _shuffle(self._g, x, axis)

    def permutation(self, x, axis=0):
        if isinstance(x, int) or getattr(getattr(x, "dtype", None), "kind", "") in ("i", "u") and getattr(x, "ndim", 1) == 0:
            n = operator.index(x)
            if n > 0:
                return _permutation(self._g, n)  # arange(n) shuffled is the swap permutation itself
            return arange(n)
        arr = asarray(x)
        axis = normalize_axis(axis, arr.ndim)
        perm = _permutation(self._g, arr.shape[axis])
        return take(arr, perm, axis=axis)

    def permuted(self, x, *, axis=None, out=None):
        x = asarray(x)
        if out is None:
            out = x.copy()
        else:
            if not isinstance(out, ArrayBase):
                raise TypeError("out must be a numpy array")
            if out.shape != x.shape:
                raise ValueError("out must have the same shape as x")
            out[...] = x
        if axis is None:
            if out.size:
                flat = out.reshape(-1).copy()
                out[...] = take(flat, _permutation(self._g, flat.size)).reshape(out.shape)
            return out
        ax = normalize_axis(axis, out.ndim)
        # NumPy shuffles each 1-D lane along the axis in C order of the other axes, one after another
        moved = moveaxis(out, ax, -1)
        lanes = moved.reshape(-1, out.shape[ax]) if out.size else moved
        res = lanes.copy()
        for i in range(res.shape[0] if out.size else 0):
            res[i] = take(res[i], _permutation(self._g, out.shape[ax], first=0))
        if out.size:
            moved[...] = res.reshape(moved.shape)
        return out


def _prod(size):
    if size is None:
        return 1
    n = 1
    for s in _shape(size):
        n *= s
    return n


def _probabilities(p, pop, a_original=None, legacy=False):
    """p as a float64 array after NumPy's checks (messages differ slightly between Generator and RandomState)."""
    atol = math.sqrt(2.220446049250313e-16)
    if isinstance(p, ArrayBase) and p.dtype.kind == "f":
        atol = max(atol, math.sqrt(1.1920928955078125e-07 if p.dtype.name == "float32" else 2.220446049250313e-16))
    p = asarray(p, dtype="float64")
    if p.ndim != 1:
        raise ValueError("'p' must be 1-dimensional" if legacy else "p must be 1-dimensional")
    if p.size != pop:
        raise ValueError("'a' and 'p' must have same size" if legacy else "a and p must have same size")
    total = math.fsum(p.tolist())
    if builtins.bool(isnan(p).any()) or math.isnan(total):
        raise ValueError("probabilities contain NaN" if legacy else "Probabilities contain NaN")
    if builtins.bool((p < 0).any()):
        raise ValueError("probabilities are not non-negative" if legacy else "Probabilities are not non-negative")
    if abs(total - 1.0) > atol:
        raise ValueError("probabilities do not sum to 1" if legacy else
                         "Probabilities do not sum to 1. See Notes section of docstring for more information.")
    return p


def _with_replacement(p, uniforms, integers, shape):
    """choice's indices with replacement: by the cdf of p against uniforms(shape), or integers(shape)."""
    if p is None:
        return integers(shape)
    cdf = cumsum(p)
    cdf /= cdf[-1]
    return asarray(searchsorted(cdf, uniforms(shape), side="right"), dtype="int64")


def _choice_weighted(random, p, n, shape, message):
    """Sampling without replacement by weights: NumPy's repeated cdf draws, zeroing chosen entries."""
    if int(count_nonzero(p > 0)) < n:
        raise ValueError(message)
    p = p.copy()
    found = []
    while len(found) < n:
        x = random((n - len(found),))
        if found:
            p[asarray(found, dtype="int64")] = 0
        cdf = cumsum(p)
        cdf /= cdf[-1]
        new = searchsorted(cdf, x, side="right")
        _, first = unique(new, return_index=True)
        found += take(new, asarray(sorted(first.tolist()), dtype="int64")).tolist()
    return asarray(found, dtype="int64").reshape(shape)


def _permutation(g, n, first=1):
    """The Fisher-Yates permutation of range(n) (random_interval partners), int64."""
    return _wrap(_call(_R.swaps, g, n, first, False), (n,))


def _shuffle(g, x, axis=0, legacy=False):
    """In-place shuffle along an axis (arrays) or of a mutable sequence: NumPy's swap sequence."""
    if isinstance(x, ArrayBase):
        if not x.flags.writeable:
            raise ValueError("array is read-only")
        axis = 0 if legacy else normalize_axis(axis, x.ndim)
        if x.ndim == 0:
            raise TypeError("len() of unsized object")
        n = x.shape[axis]
        if x.size == 0:
            return
        perm = _permutation(g, n)
        moved = swapaxes(x, 0, axis)
        moved[...] = take(moved.copy(), perm, axis=0)
        return
    if not isinstance(x, Sequence):
        warnings.warn(f"you are shuffling a '{type(x).__name__}' object which is not a subclass of 'Sequence'; "
                      "`shuffle` is not guaranteed to behave correctly. E.g., non-numpy array/tensor objects with "
                      "view semantics may contain duplicates after shuffling.", UserWarning, stacklevel=3)
    if axis != 0:
        raise NotImplementedError("Axis argument is only supported on ndarray objects")
    n = len(x)
    if n > 1:
        items = [x[i] for i in range(n)]
        for i, j in enumerate(_permutation(g, n).tolist()):
            x[i] = items[j]


def _bounded(g, low, high, shape, name, endpoint, masked):
    """NumPy's _rand_<dtype>: integers in [low, high) (or [low, high] with endpoint) of dtype `name`."""
    lb, ub, scalar_type = _INT_RANGES[name]
    width = _WIDTH[name]
    umask = (1 << width) - 1
    if shape is not None and _prod(shape) == 0:
        return empty(shape, dtype=name)
    s_low, lo = _scalar_or_array(low)
    s_high, hi = _scalar_or_array(high)
    if s_low and s_high:
        lo, hi = int(lo), int(hi)
        if not endpoint:
            hi -= 1
        if lo < lb:
            raise ValueError(f"low is out of bounds for {name}")
        if hi > ub:
            raise ValueError(f"high is out of bounds for {name}")
        if lo > hi:
            raise ValueError(_bounds_error(endpoint, lo == 0))
        dims = [] if shape is None else list(shape)
        out = _wrap(_call(_R.bounded, g, _signed64(lo & umask), _signed64((hi - lo) & umask), masked, dims, name),
                    tuple(dims))
        if shape is None:
            v = out[()].item()
            return scalar_type(v)
        return out
    lo_a, hi_a = asarray(low), asarray(high)
    bshape = broadcast_shapes(lo_a.shape, hi_a.shape)
    oshape = bshape if shape is None else shape
    los = [int(v) for v in broadcast_to(lo_a, oshape).reshape(-1).tolist()]
    his = [int(v) - (0 if endpoint else 1) for v in broadcast_to(hi_a, oshape).reshape(-1).tolist()]
    if any(v < lb or v > ub for v in los):
        raise ValueError(f"low is out of bounds for {name}")
    if any(v > ub for v in his):
        raise ValueError(f"high is out of bounds for {name}")
    if any(l > h for l, h in zip(los, his)):
        raise ValueError(_bounds_error(endpoint, not any(los)))
    return _wrap(_call(_R.boundedEach, g, [_signed64(v & umask) for v in los],
                       [_signed64((h - l) & umask) for l, h in zip(los, his)], masked, list(oshape), name), tuple(oshape))


#: NumPy's largest lam: int64 max less 10 standard deviations (as a double)
_POISSON_LAM_MAX = float(2 ** 63 - 1) - math.sqrt(2 ** 63 - 1) * 10


def _poisson(g, lam, shape, lam_max):
    """Poisson draws (int64; a Python int for a scalar lam and no size) after NumPy's checks of lam."""
    scalar, lam = _scalar_or_array(lam)
    vals = [float(lam)] if scalar else [float(v) for v in asarray(lam, dtype="float64").reshape(-1).tolist()]
    if scalar and not vals[0] >= 0:
        raise ValueError("lam < 0 or lam is NaN")
    if not all(v <= lam_max for v in vals):  # NaN too, for arrays (NumPy's order of checks)
        raise ValueError("lam value too large")
    if not all(v >= 0 for v in vals):
        raise ValueError("lam < 0 or lam contains NaNs")
    if scalar:
        dims = [] if shape is None else list(shape)
        out = _wrap(_call(_R.poisson, g, vals, dims), tuple(dims))
        return int(out[()]) if shape is None else out
    oshape = lam.shape if shape is None else tuple(shape)
    if broadcast_shapes(oshape, lam.shape) != oshape:
        raise ValueError(f"shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between "
                         f"arg 0 with shape {oshape} and arg 1 with shape {lam.shape}.")
    per = [float(v) for v in broadcast_to(asarray(lam, dtype="float64"), oshape).reshape(-1).tolist()]
    return _wrap(_call(_R.poisson, g, per, list(oshape)), oshape)


def _binomial(g, n, p, shape, legacy):
    """Binomial draws (int64; a Python int for scalar n and p and no size) after NumPy's checks."""
    s_n, n = _scalar_or_array(n)
    s_p, p = _scalar_or_array(p)
    if s_n and s_p:
        if not 0 <= float(p) <= 1:
            raise ValueError("p < 0, p > 1 or p is NaN")
        if int(n) < 0:
            raise ValueError("n < 0")
        dims = [] if shape is None else list(shape)
        out = _wrap(_call(_R.binomial, g, [int(n)], [float(p)], legacy, dims), tuple(dims))
        return int(out[()]) if shape is None else out
    na, pa = asarray(n).astype("int64"), asarray(p, dtype="float64")
    bshape = broadcast_shapes(na.shape, pa.shape)
    oshape = bshape if shape is None else tuple(shape)
    if broadcast_shapes(oshape, bshape) != oshape:
        raise ValueError(f"shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between "
                         f"arg 0 with shape {oshape} and arg 1 with shape {bshape}.")
    ns = broadcast_to(na, oshape).reshape(-1).tolist()
    ps = [float(v) for v in broadcast_to(pa, oshape).reshape(-1).tolist()]
    if not all(0 <= v <= 1 for v in ps):
        raise ValueError("p < 0, p > 1 or p contains NaNs")
    if any(v < 0 for v in ns):
        raise ValueError("n < 0")
    return _wrap(_call(_R.binomial, g, ns, ps, legacy, list(oshape)), oshape)


def _gamma(g, shape, scale, size, dtype, out):
    """scale * standard gamma(shape) draws (NumPy's cont over random_gamma): a Python float for scalar
    parameters and no size, else an array of the broadcast (or given) shape."""
    _check(shape, "shape", _NON_NEGATIVE)
    _check(scale, "scale", _NON_NEGATIVE)
    s_k, k = _scalar_or_array(shape)
    s_s, sc = _scalar_or_array(scale)
    if out is not None:
        _check_out(out, dtype, size)
    if s_k and s_s:
        if out is not None:
            _call(_R.gammaInto, g, [float(k)], out._j)
            return out
        dims = [] if size is None else list(size)
        a = _wrap(_call(_R.gamma, g, [float(k)], [float(sc)], dims, dtype), tuple(dims))
        return float(a[()]) if size is None else a
    arrs = [asarray(v, dtype="float64") for s, v in ((s_k, k), (s_s, sc)) if not s]
    bshape = broadcast_shapes(*(a.shape for a in arrs))
    oshape = out.shape if out is not None else bshape if size is None else tuple(size)
    if broadcast_shapes(oshape, bshape) != oshape:
        raise ValueError(f"shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between "
                         f"arg 0 with shape {oshape} and arg 1 with shape {bshape}.")
    if out is not None:
        _call(_R.gammaInto, g, _per_element(s_k, k, oshape), out._j)
        return out
    return _wrap(_call(_R.gamma, g, _per_element(s_k, k, oshape), _per_element(s_s, sc, oshape), list(oshape), dtype),
                 oshape)


_NON_NEGATIVE, _POSITIVE, _PROBABILITY = "non-negative", "positive", "in (0, 1]"


def _check(x, name, cons):
    """NumPy's parameter constraints: non-negative (sign bit clear or NaN: "<name> < 0"), positive ("<name> <= 0"),
    a probability in (0, 1]."""
    if cons is None:
        return
    scalar, v = _scalar_or_array(x)
    vals = [float(v)] if scalar else [float(t) for t in asarray(v, dtype="float64").reshape(-1).tolist()]
    if cons == _POSITIVE and any(t <= 0 for t in vals):
        raise ValueError(f"{name} <= 0")
    if cons == _NON_NEGATIVE and any(not math.isnan(t) and math.copysign(1.0, t) < 0 for t in vals):
        raise ValueError(f"{name} < 0")
    if cons == _PROBABILITY and not all(0 < t <= 1 for t in vals):
        raise ValueError(f"{name} <= 0, {name} > 1 or {name} contains NaNs")


def _cont(g, kind, size, *params):
    """NumPy's cont() (and disc() for geometric): draws whose parameters, each (value, name, constraint),
    broadcast with each other and against size; a Python float (int) when all are scalars and size is None."""
    size = _size(size)
    for v, name, cons in params:
        _check(v, name, cons)
    vals = [_scalar_or_array(v) for v, _, _ in params] + [(True, 0.0)] * (3 - len(params))
    py = int if kind.endswith("geometric") else float
    if all(s for s, _ in vals):
        dims = [] if size is None else list(size)
        a = _wrap(_call(_R.continuous, g, kind, *([float(v)] for _, v in vals), dims), tuple(dims))
        return py(a[()]) if size is None else a
    bshape = broadcast_shapes(*(asarray(v).shape for s, v in vals if not s))
    oshape = bshape if size is None else tuple(size)
    if broadcast_shapes(oshape, bshape) != oshape:
        raise ValueError(f"shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between "
                         f"arg 0 with shape {oshape} and arg 1 with shape {bshape}.")
    per = [_per_element(s, v, oshape) for s, v in vals]
    return _wrap(_call(_R.continuous, g, kind, *per, list(oshape)), oshape)


def _per_element(scalar, v, shape):
    """A parameter as Java doubles: one value, or one per element of the broadcast shape."""
    if scalar:
        return [float(v)]
    return [float(t) for t in broadcast_to(asarray(v, dtype="float64"), shape).reshape(-1).tolist()]


def _bounds_error(closed, low_is_zero):
    if low_is_zero:
        return f"high {'<' if closed else '<='} 0"
    return f"low {'>' if closed else '>='} high"


def default_rng(seed=None):
    """A Generator over PCG64 seeded by `seed` (None, int, sequence of ints, SeedSequence), or the given
    Generator itself, or a Generator over the given bit generator."""
    if isinstance(seed, Generator):
        return seed
    if isinstance(seed, BitGenerator):
        return Generator(seed)
    if getattr(seed, "bit_generator", None) is not None and not isinstance(seed, (int, SeedSequence)):
        raise TypeError("SeedSequence expects int or sequence of ints for entropy not " + repr(seed))
    return Generator(PCG64(seed))
