"""Order statistics and histograms: median, percentile, quantile (NumPy's thirteen methods), their nan-variants,
average, cov, corrcoef, histogram, histogram_bin_edges, bincount, digitize.

Built on the package's sorting, take, reductions and ufuncs; the formulas follow NumPy's (Hyndman & Fan's
virtual index and gamma for quantile, NumPy's lerp that is exact at both ends)."""
import builtins
import math
import operator
import warnings

from ._creation import asarray, array, zeros, full, arange
from ._manipulation import moveaxis, reshape, take, concatenate, broadcast_to, expand_dims, squeeze
from ._sorting import sort, argsort, searchsorted, where as _where_fn
from ._reductions import cumsum as _cumsum, mean as _mean, sum as _sum, std as _std, any as _any, all as _all
from ._promotion import result_type
from ._linalg_impl import dot
from ._writes import copyto
from ._base import ArrayBase
from . import _ufuncs as _u
from ._ufuncs import _normalize_axes


_METHODS = ("inverted_cdf", "averaged_inverted_cdf", "closest_observation", "interpolated_inverted_cdf", "hazen",
            "weibull", "linear", "median_unbiased", "normal_unbiased", "lower", "higher", "midpoint", "nearest")
# Hyndman & Fan's (alpha, beta) for the continuous methods
_ALPHA_BETA = {"interpolated_inverted_cdf": (0, 1), "hazen": (0.5, 0.5), "weibull": (0, 0),
               "median_unbiased": (1 / 3.0, 1 / 3.0), "normal_unbiased": (3 / 8.0, 3 / 8.0)}


def _scalar_or_array(r):
    return r[()] if isinstance(r, ArrayBase) and r.ndim == 0 else r


def _reduced_front(a, axis):
    """a with the reduced axes merged into axis 0, the shape of the kept axes, and the keepdims shape."""
    if axis is None:
        return reshape(a, (-1,)), (), (1,) * a.ndim
    axes = _normalize_axes(axis, a.ndim)
    kept = [d for d in range(a.ndim) if d not in axes]
    moved = a.transpose(list(axes) + kept)
    kept_shape = tuple(a.shape[d] for d in kept)
    n = 1
    for d in axes:
        n *= a.shape[d]
    keep_shape = tuple(1 if d in axes else a.shape[d] for d in range(a.ndim))
    return reshape(moved, (n,) + kept_shape), kept_shape, keep_shape


def _finish(r, lead, keepdims, keep_shape, out):
    if keepdims:
        r = reshape(r, lead + keep_shape)
    if out is not None:
        copyto(out, r, casting="unsafe")
        return out
    return _scalar_or_array(r)


def _quantile_q(q, scale):
    """q as an array (in [0, 1] units) and whether it was a Python int or float (NumPy 2.4 then interpolates
    with a weak Python float, so float32 data stays float32)."""
    weak = type(q) in (int, float)
    q = asarray(q)
    if scale != 1:
        q = _u.true_divide(q, scale)
    return q, weak


def _check_q(q, what):
    vals = _flat(q.tolist())
    if q.ndim == 1 and q.size < 10:
        ok = builtins.all(not (v < 0.0 or v > 1.0) for v in vals)
    else:
        ok = builtins.all(v >= 0 for v in vals) and builtins.all(v <= 1 for v in vals)
    if not ok:
        raise ValueError(what)


def _flat(v):
    return [x for y in v for x in _flat(y)] if isinstance(v, list) else [v]


def _virtual_index(method, n, q):
    """NumPy's virtual index (an array of q's shape) for the method over n sorted values."""
    if method == "linear":
        return q * (n - 1)
    if method in _ALPHA_BETA:
        al, be = _ALPHA_BETA[method]
        return q * n + (al + q * (1 - al - be)) - 1
    if method == "averaged_inverted_cdf":
        return q * n - 1
    if method == "midpoint":
        v = q * (n - 1)
        return (_u.floor(v) + _u.ceil(v)) * 0.5
    if method == "lower":
        return _u.floor(q * (n - 1)).astype("int64")
    if method == "higher":
        return _u.ceil(q * (n - 1)).astype("int64")
    if method == "nearest":
        return _u.rint(q * (n - 1)).astype("int64")
    # inverted_cdf, closest_observation: discrete, at the boundaries
    idx = q * n - 1
    if method == "closest_observation":
        idx = idx - 0.5
    prev = _u.floor(idx)
    g0 = _u.equal(idx - prev, 0)
    if method == "closest_observation":
        g0 = _u.logical_and(g0, _u.equal(_u.remainder(prev, 2), 1))
    res = _where_fn(g0, prev, prev + 1).astype("int64")
    return _u.maximum(res, 0)


def _lerp(a, b, t):
    d = _u.subtract(b, a)
    lo = _u.add(a, d * t)
    hi = _u.subtract(b, d * (1 - t))
    r = _where_fn(_u.greater_equal(t, 0.5), hi, lo)
    return r.astype(lo.dtype, copy=False)


def _quantile_front(arr, q, method, weak):
    """Quantiles along axis 0 of arr (q's shape + arr.shape[1:])."""
    if method not in _METHODS:
        raise ValueError(f"{method!r} is not a valid method. Use one of: {_METHODS}")
    n = arr.shape[0]
    nans = arr.dtype.kind in "fc"
    arr = sort(arr, axis=0)
    vi = _virtual_index(method, n, q)
    continuous = method not in ("inverted_cdf", "closest_observation", "lower", "higher", "nearest")
    if continuous and not (method == "linear" and vi.dtype.kind in "iu"):
        vflat = _flat(vi.tolist())
        prev, nxt = [], []
        for v in vflat:
            if v != v or v >= n - 1:
                p = x = -1
            elif v < 0:
                p = x = 0
            else:
                p = int(math.floor(v))
                x = p + 1
            prev.append(p)
            nxt.append(x)
        pa = reshape(asarray(prev, dtype="int64"), vi.shape)
        na = reshape(asarray(nxt, dtype="int64"), vi.shape)
        gamma = _u.subtract(vi, pa)
        if method == "averaged_inverted_cdf":
            gamma = _where_fn(_u.equal(gamma, 0), 0.5, 1.0)
        elif method == "midpoint":
            gamma = _where_fn(_u.equal(_u.remainder(vi, 1), 0), 0.0, 0.5)
        gamma = gamma.astype(vi.dtype)
        lo = take(arr, pa, axis=0)
        hi = take(arr, na, axis=0)
        if weak:
            gamma = float(gamma)
        else:
            gamma = reshape(gamma, vi.shape + (1,) * (arr.ndim - 1))
        result = _lerp(lo, hi, gamma)
    else:
        result = take(arr, vi, axis=0)
    if nans and n > 0:
        last = arr[-1]
        bad = _u.isnan(last)
        if _any(bad):
            if result.ndim == 0:
                return last
            result = _where_fn(bad, last, result).astype(result.dtype, copy=False)
    return result


def _quantile(a, q, axis, out, overwrite_input, method, keepdims, weights, interpolation, scale, what):
    if interpolation is not None:
        method = interpolation
    a = asarray(a)
    if a.dtype.kind == "c":
        raise TypeError("a must be an array of real numbers")
    q, weak = _quantile_q(q, scale)
    _check_q(q, what)
    if weights is not None:
        w = _quantile_weights(a, weights, axis, method)
        arr, kept, keep_shape = _reduced_front(a, axis)
        warr = _reduced_front(w, axis)[0]
        r = _weighted_inverted_cdf(arr, warr, q)
        return _finish(r, q.shape, keepdims, keep_shape, out)
    arr, kept, keep_shape = _reduced_front(a, axis)
    r = _quantile_front(arr, q, method, weak)
    return _finish(r, q.shape, keepdims, keep_shape, out)


def _weights_along(a, w, axes):
    """Weights of a's shape, or of the shape of a's `axes` (normalized) reshaped to broadcast against a, as
    NumPy's quantile and average accept them."""
    if w.shape == a.shape:
        return w
    if axes is None:
        raise TypeError("Axis must be specified when shapes of a and weights differ.")
    if w.shape != tuple(a.shape[ax] for ax in axes):
        raise ValueError("Shape of weights must be consistent with shape of a along specified axis.")
    order = sorted(range(len(axes)), key=lambda i: axes[i])
    return reshape(w.transpose(order), tuple(s if ax in axes else 1 for ax, s in enumerate(a.shape)))


def _quantile_weights(a, weights, axis, method):
    """The weights checked (inverted_cdf only, non-negative) and broadcast to a's shape."""
    if method != "inverted_cdf":
        raise ValueError(f"Only method 'inverted_cdf' supports weights. Got: {method}.")
    axes = _normalize_axes(axis, a.ndim) if axis is not None else None
    w = _weights_along(a, asarray(weights), axes)
    if _any(_u.less(w, 0)):
        raise ValueError("Weights must be non-negative.")
    return broadcast_to(w, a.shape)


def _weighted_inverted_cdf(arr, w, q):
    """The weighted inverted-cdf quantiles along axis 0: the first sorted value whose normalised cumulative
    weight reaches q (one column at a time, as NumPy does)."""
    n = arr.shape[0]
    rest = arr.shape[1:]
    m = 1
    for s_ in rest:
        m *= s_
    cols = reshape(arr, (n, m))
    wcols = reshape(w, (n, m))
    parts = []
    for j in range(m):
        col = cols[:, j]
        order = argsort(col)
        col = take(col, order)
        cdf = _cumsum(take(wcols[:, j], order), dtype="float64")
        cdf = _u.true_divide(cdf, cdf[-1])
        if _u.isnan(cdf[-1]):
            raise ValueError("Weights included NaN, inf or were all zero.")
        if q.dtype.kind == "f":
            cdf = cdf.astype(q.dtype)
        if _u.equal(cdf[0], 0):
            cdf = _where_fn(_u.equal(cdf, 0), -1, cdf).astype(cdf.dtype)
        idx = _u.minimum(asarray(searchsorted(cdf, q, side="left")), n - 1)
        r = take(col, idx)
        if arr.dtype.kind == "f" and _u.isnan(col[-1]):
            r = _where_fn(True, col[-1], r).astype(r.dtype)
        parts.append(reshape(r, q.shape + (1,)))
    out = concatenate(parts, axis=-1) if parts else zeros(q.shape + (0,), dtype=arr.dtype)
    return reshape(out, q.shape + rest)


def quantile(a, q, axis=None, out=None, overwrite_input=False, method="linear", keepdims=False, *, weights=None,
             interpolation=None):
    """The q-th quantiles (q in [0, 1]) along axis, by one of NumPy's thirteen methods."""
    return _quantile(a, q, axis, out, overwrite_input, method, keepdims, weights, interpolation, 1,
                     "Quantiles must be in the range [0, 1]")


def percentile(a, q, axis=None, out=None, overwrite_input=False, method="linear", keepdims=False, *, weights=None,
               interpolation=None):
    """The q-th percentiles (q in [0, 100]) along axis."""
    return _quantile(a, q, axis, out, overwrite_input, method, keepdims, weights, interpolation, 100,
                     "Percentiles must be in the range [0, 100]")


def _median_front(arr):
    n = arr.shape[0]
    if n == 0:
        return _mean(arr, axis=0)
    s = sort(arr, axis=0)
    h = n // 2
    mid = s[h - 1:h + 1] if n % 2 == 0 else s[h:h + 1]
    r = _mean(mid, axis=0)
    if not isinstance(r, ArrayBase):
        r = asarray(r)
    if arr.dtype.kind in "fc":
        last = s[-1]
        bad = _u.isnan(last)
        if _any(bad):
            r = _where_fn(bad, last, r).astype(r.dtype, copy=False)
    return r


def median(a, axis=None, out=None, overwrite_input=False, keepdims=False):
    """The median along axis (the mean of the two middle values for an even count; NaN if a NaN is there)."""
    a = asarray(a)
    arr, kept, keep_shape = _reduced_front(a, axis)
    return _finish(_median_front(arr), (), keepdims, keep_shape, out)


def _nan_columns(a, axis, fn, empty_dtype):
    """fn applied to the non-NaN values of each slice along the reduced axes (NaN, with a warning, if none)."""
    arr, kept, keep_shape = _reduced_front(a, axis)
    m = 1
    for s in kept:
        m *= s
    cols = reshape(arr, (arr.shape[0], m))
    parts = []
    for j in range(m):
        col = cols[:, j]
        col = col[_u.logical_not(_u.isnan(col))]
        if col.size == 0:
            warnings.warn("All-NaN slice encountered", RuntimeWarning, stacklevel=3)
            parts.append(None)
        else:
            parts.append(asarray(fn(col)))
    got = [p for p in parts if p is not None]
    lead = got[0].shape if got else empty_dtype[1]
    dt = got[0].dtype if got else empty_dtype[0]
    parts = [p if p is not None else full(lead, math.nan, dtype=dt) for p in parts]
    if parts:
        stacked = concatenate([reshape(p, lead + (1,)) for p in parts], axis=-1)
    else:
        stacked = zeros(lead + (0,), dtype=dt)
    return reshape(stacked, lead + kept), lead, keep_shape


def nanmedian(a, axis=None, out=None, overwrite_input=False, keepdims=False):
    """The median ignoring NaNs (NaN with a RuntimeWarning for an all-NaN slice)."""
    a = asarray(a)
    if a.dtype.kind not in "fc":
        return median(a, axis, out, overwrite_input, keepdims)
    if a.size == 0 or not _any(_u.isnan(a)):
        return median(a, axis, out, overwrite_input, keepdims)
    r, lead, keep_shape = _nan_columns(a, axis, lambda c: _median_front(c), (a.dtype, ()))
    return _finish(r, lead, keepdims, keep_shape, out)


def _nanquantile(a, q, axis, out, overwrite_input, method, keepdims, weights, interpolation, scale, what):
    if interpolation is not None:
        method = interpolation
    if weights is not None:
        raise NotImplementedError("gilfree's nanquantile has no weights= yet")
    a = asarray(a)
    if a.dtype.kind == "c":
        raise TypeError("a must be an array of real numbers")
    q, weak = _quantile_q(q, scale)
    _check_q(q, what)
    if a.dtype.kind not in "fc" or a.size == 0 or not _any(_u.isnan(a)):
        arr, kept, keep_shape = _reduced_front(a, axis)
        return _finish(_quantile_front(arr, q, method, weak), q.shape, keepdims, keep_shape, out)
    r, lead, keep_shape = _nan_columns(a, axis, lambda c: _quantile_front(c, q, method, weak), (a.dtype, q.shape))
    return _finish(r, lead, keepdims, keep_shape, out)


def nanquantile(a, q, axis=None, out=None, overwrite_input=False, method="linear", keepdims=False, *, weights=None,
                interpolation=None):
    """quantile ignoring NaNs."""
    return _nanquantile(a, q, axis, out, overwrite_input, method, keepdims, weights, interpolation, 1,
                        "Quantiles must be in the range [0, 1]")


def nanpercentile(a, q, axis=None, out=None, overwrite_input=False, method="linear", keepdims=False, *,
                  weights=None, interpolation=None):
    """percentile ignoring NaNs."""
    return _nanquantile(a, q, axis, out, overwrite_input, method, keepdims, weights, interpolation, 100,
                        "Percentiles must be in the range [0, 100]")


_NOVALUE = _u._NOVALUE


def average(a, axis=None, weights=None, returned=False, *, keepdims=_NOVALUE):
    """The (weighted) average along axis; with returned=True also the sum of the weights."""
    a = asarray(a)
    if axis is not None:
        axis = _normalize_axes(axis, a.ndim)
    kd = {} if keepdims is _NOVALUE else {"keepdims": keepdims}
    if weights is None:
        avg = _mean(a, axis, **kd)
        avg_arr = asarray(avg)
        scl = asarray(a.size / avg_arr.size if avg_arr.size else math.nan, dtype=avg_arr.dtype)[()]
    else:
        w = asarray(weights)
        if a.dtype.kind in "biu":
            rdt = result_type(a.dtype, w.dtype, "float64")
        else:
            rdt = result_type(a.dtype, w.dtype)
        w = _weights_along(a, w, axis)
        scl = _sum(w, axis=axis, dtype=rdt, **kd)
        if _any(_u.equal(scl, 0.0)):
            raise ZeroDivisionError("Weights sum to zero, can't be normalized")
        avg = avg_arr = _u.true_divide(_sum(_u.multiply(a, w, dtype=rdt), axis, **kd), scl)
        avg = _scalar_or_array(avg)
    if returned:
        scl_a = asarray(scl)
        avg_a = asarray(avg_arr)
        if scl_a.shape != avg_a.shape:
            scl = _scalar_or_array(broadcast_to(scl_a, avg_a.shape).copy())
        return avg, scl
    return avg


def cov(m, y=None, rowvar=True, bias=False, ddof=None, fweights=None, aweights=None, *, dtype=None):
    """The covariance matrix of the variables in m's rows (columns with rowvar=False), and y's."""
    if ddof is not None and ddof != int(ddof):
        raise ValueError("ddof must be integer")
    m = asarray(m)
    if m.ndim > 2:
        raise ValueError("m has more than 2 dimensions")
    if y is not None:
        y = asarray(y)
        if y.ndim > 2:
            raise ValueError("y has more than 2 dimensions")
    if dtype is None:
        dtype = result_type(m, "float64") if y is None else result_type(m, y, "float64")
    X = array(m, ndmin=2, dtype=dtype)
    if not rowvar and m.ndim != 1:
        X = X.T
    if X.shape[0] == 0:
        return reshape(array([]), (0, 0))
    if y is not None:
        y = array(y, ndmin=2, dtype=dtype)
        if not rowvar and y.shape[0] != 1:
            y = y.T
        X = concatenate((X, y), axis=0)
    if ddof is None:
        ddof = 0 if bias else 1
    w = None
    if fweights is not None:
        fw = asarray(fweights, dtype=float)
        if not _all(_u.equal(fw, _u.rint(fw))):
            raise TypeError("fweights must be integer")
        if fw.ndim > 1:
            raise RuntimeError("cannot handle multidimensional fweights")
        if fw.shape[0] != X.shape[1]:
            raise RuntimeError("incompatible numbers of samples and fweights")
        if _any(_u.less(fw, 0)):
            raise ValueError("fweights cannot be negative")
        w = fw
    aw = None
    if aweights is not None:
        aw = asarray(aweights, dtype=float)
        if aw.ndim > 1:
            raise RuntimeError("cannot handle multidimensional aweights")
        if aw.shape[0] != X.shape[1]:
            raise RuntimeError("incompatible numbers of samples and aweights")
        if _any(_u.less(aw, 0)):
            raise ValueError("aweights cannot be negative")
        w = aw if w is None else w * aw
    avg, w_sum = average(X, axis=1, weights=w, returned=True)
    w_sum = asarray(w_sum)[0]
    if w is None:
        fact = X.shape[1] - ddof
    elif ddof == 0:
        fact = w_sum
    elif aw is None:
        fact = w_sum - ddof
    else:
        fact = w_sum - ddof * _sum(w * aw) / w_sum
    if fact <= 0:
        warnings.warn("Degrees of freedom <= 0 for slice", RuntimeWarning, stacklevel=2)
        fact = 0.0
    X = X - expand_dims(asarray(avg), 1)
    X_T = X.T if w is None else (X * w).T
    c = dot(X, _u.conjugate(X_T))
    c = _u.multiply(c, _u.true_divide(1, fact)).astype(c.dtype, copy=False)  # NumPy scales c in place
    return _scalar_or_array(squeeze(c)) if squeeze(c).ndim == 0 else squeeze(c)


def corrcoef(x, y=None, rowvar=True, *, dtype=None):
    """Pearson correlation coefficients (cov normalised by the standard deviations, clipped to [-1, 1])."""
    c = asarray(cov(x, y, rowvar, dtype=dtype))
    if c.ndim != 2:
        return _scalar_or_array(c / c)
    k = c.shape[0]
    d = reshape(c, (-1,))[::k + 1]
    sd = _u.sqrt(d.real)
    c = c / expand_dims(sd, 1)
    c = c / expand_dims(sd, 0)
    if c.dtype.kind == "c":
        re = _u.minimum(_u.maximum(c.real, -1), 1)
        im = _u.minimum(_u.maximum(c.imag, -1), 1)
        c = re + im * 1j
        return c.astype(c.dtype)
    return _u.minimum(_u.maximum(c, -1), 1).astype(c.dtype, copy=False)


def bincount(x, /, weights=None, minlength=0):
    """Counts of each non-negative int in x (the weights' sums with weights=), at least minlength long."""
    x = asarray(x)
    if x.ndim != 1:
        raise ValueError("object too deep for desired array" if x.ndim > 1 else "object of too small depth for desired array")
    if x.size == 0 and x.dtype.kind == "f":
        x = x.astype("int64")
    if x.dtype.kind not in "biu" or x.dtype.kind == "u" and x.dtype.itemsize == 8:
        raise TypeError(f"Cannot cast array data from dtype('{x.dtype.name}') to dtype('int64') according to the rule 'safe'")
    minlength = operator.index(minlength)
    if minlength < 0:
        raise ValueError("'minlength' must not be negative")
    vals = x.tolist()
    if vals and builtins.min(vals) < 0:
        raise ValueError("'list' argument must have no negative elements")
    size = builtins.max(builtins.max(vals) + 1 if vals else 0, minlength)
    if weights is None:
        s = sort(x.astype("int64"))
        edges = asarray(list(range(size + 1)), dtype="int64")
        pos = searchsorted(s, edges, side="left")
        return _u.subtract(pos[1:], pos[:-1])
    w = asarray(weights).astype("float64")
    if w.shape != x.shape:
        raise ValueError("The weights and list don't have the same length.")
    acc = [0.0] * size
    for i, v in zip(vals, w.tolist()):
        acc[int(i)] += v
    return asarray(acc, dtype="float64")


def _monotonicity(bins):
    v = bins.tolist()
    inc = builtins.all(v[i] <= v[i + 1] for i in range(len(v) - 1))
    if inc:
        return 1
    dec = builtins.all(v[i] >= v[i + 1] for i in range(len(v) - 1))
    return -1 if dec else 0


def digitize(x, bins, right=False):
    """Indices of the bins each x falls in (bins increasing or decreasing; right= includes the right edge)."""
    x = asarray(x)
    bins = asarray(bins)
    if x.dtype.kind == "c":
        raise TypeError("x may not be complex")
    if bins.ndim != 1:
        raise ValueError("object too deep for desired array" if bins.ndim > 1 else "object of too small depth for desired array")
    mono = _monotonicity(bins)
    if mono == 0:
        raise ValueError("bins must be monotonically increasing or decreasing")
    side = "left" if right else "right"
    if mono == -1:
        return _scalar_or_array(_u.subtract(len(bins), asarray(searchsorted(bins[::-1], x, side=side))))
    return _scalar_or_array(asarray(searchsorted(bins, x, side=side)))


def _outer_edges(a, range):
    if range is not None:
        first, last = range
        if first > last:
            raise ValueError("max must be larger than min in range parameter.")
        if not (math.isfinite(first) and math.isfinite(last)):
            raise ValueError(f"supplied range of [{first}, {last}] is not finite")
    elif a.size == 0:
        first, last = 0, 1
    else:
        first, last = a.min(), a.max()
        if not (math.isfinite(float(first)) and math.isfinite(float(last))):
            raise ValueError(f"autodetected range of [{first}, {last}] is not finite")
    if first == last:
        first = first - 0.5
        last = last + 0.5
    return first, last


def _ptp(x):
    hi, lo = x.max(), x.min()
    if x.dtype.kind in "iu":
        return int(hi) - int(lo)
    return hi - lo


def _bw_sqrt(x):
    return _ptp(x) / math.sqrt(x.size)


def _bw_sturges(x):
    return _ptp(x) / (math.log2(x.size) + 1.0)


def _bw_rice(x):
    return _ptp(x) / (2.0 * x.size ** (1.0 / 3))


def _bw_scott(x):
    return (24.0 * math.pi ** 0.5 / x.size) ** (1.0 / 3.0) * float(_std(x))


def _bw_fd(x):
    p = percentile(x, [75, 25])
    iqr = float(p[0] - p[1])
    return 2.0 * iqr * x.size ** (-1.0 / 3.0)


def _bw_auto(x):
    fd = _bw_fd(x)
    st = _bw_sturges(x)
    sq = _bw_sqrt(x)
    return builtins.min(builtins.max(fd, sq / 2), st)


def _bw_doane(x):
    if x.size > 2:
        sg1 = math.sqrt(6.0 * (x.size - 2) / ((x.size + 1.0) * (x.size + 3)))
        sigma = float(_std(x))
        if sigma > 0.0:
            temp = (x - _mean(x)) * (1.0 / sigma)
            temp = temp ** 3
            g1 = float(_mean(temp))
            return _ptp(x) / (1.0 + math.log2(x.size) + math.log2(1.0 + abs(g1) / sg1))
    return 0.0


_ESTIMATORS = {"auto": _bw_auto, "doane": _bw_doane, "fd": _bw_fd, "rice": _bw_rice, "scott": _bw_scott,
               "sqrt": _bw_sqrt, "sturges": _bw_sturges}


def _prepare(a, weights):
    a = asarray(a)
    if a.dtype.kind == "b":
        warnings.warn(f"Converting input from {a.dtype.name} to <class 'numpy.uint8'> for compatibility.",
                      RuntimeWarning, stacklevel=3)
        a = a.astype("uint8")
    if weights is not None:
        weights = asarray(weights)
        if weights.shape != a.shape:
            raise ValueError("weights should have the same shape as a.")
        weights = reshape(weights, (-1,))
    return reshape(a, (-1,)), weights


def _bin_edges(a, bins, range, weights):
    n_equal = None
    if isinstance(bins, str):
        if bins not in _ESTIMATORS and bins != "stone":
            raise ValueError(f"{bins!r} is not a valid estimator for `bins`")
        if bins == "stone":
            raise NotImplementedError("gilfree's histogram has no 'stone' estimator yet")
        if weights is not None:
            raise TypeError("Automated estimation of the number of bins is not supported for weighted data")
        first, last = _outer_edges(a, range)
        if range is not None:
            keep = _u.logical_and(_u.greater_equal(a, first), _u.less_equal(a, last))
            if not _all(keep):
                a = a[keep]
        if a.size == 0:
            n_equal = 1
        else:
            width = _ESTIMATORS[bins](a)
            if width:
                if a.dtype.kind in "iu" and width < 1:
                    width = 1
                delta = float(last) - float(first) if not isinstance(first, int) else last - first
                n_equal = int(math.ceil(delta / width))
            else:
                n_equal = 1
    elif asarray(bins).ndim == 0:
        try:
            n_equal = operator.index(bins)
        except TypeError as e:
            raise TypeError("`bins` must be an integer, a string, or an array") from e
        if n_equal < 1:
            raise ValueError("`bins` must be positive, when an integer")
        first, last = _outer_edges(a, range)
    elif asarray(bins).ndim == 1:
        edges = asarray(bins)
        if _any(_u.greater(edges[:-1], edges[1:])):
            raise ValueError("`bins` must increase monotonically, when an array")
        return edges, None
    else:
        raise ValueError("`bins` must be 1d, when an array")
    bt = result_type(first, last, a)
    if bt.kind in "biu":
        bt = result_type(bt, "float64")
    edges = _linspace_edges(first, last, n_equal + 1, bt)
    if _any(_u.greater_equal(edges[:-1], edges[1:])):
        raise ValueError(f"Too many bins for data range. Cannot create {n_equal} finite-sized bins.")
    return edges, (first, last, n_equal)


def _linspace_edges(first, last, num, bt):
    """NumPy's linspace(first, last, num, dtype=bt): computed in float32 when both ends are float32 scalars
    (i * step + first, step = (last - first) / (num - 1)), else in float64, then cast to bt."""
    f32 = builtins.all(getattr(getattr(v, "dtype", None), "name", None) == "float32" for v in (first, last))
    dt = "float32" if f32 else "float64"
    start = asarray(first, dtype=dt)
    stop = asarray(last, dtype=dt)
    delta = _u.subtract(stop, start) if not _u.equal(start, stop) else asarray(0, dtype=dt)
    y = arange(num, dtype=dt)
    div = num - 1
    step = _u.true_divide(delta, div)
    if _u.equal(step, 0):
        y = _u.multiply(_u.true_divide(y, div), delta)
    else:
        y = _u.multiply(y, step)
    y = _u.add(y, start)
    y = concatenate((y[:-1], reshape(stop, (1,))))
    return y.astype(bt)


def histogram_bin_edges(a, bins=10, range=None, weights=None):
    """The bin edges histogram would use."""
    a, weights = _prepare(a, weights)
    return _bin_edges(a, bins, range, weights)[0]


def histogram(a, bins=10, range=None, density=None, weights=None):
    """Counts (or weight sums, or a density) of a's values in each bin, and the bin edges."""
    a, weights = _prepare(a, weights)
    edges, uniform = _bin_edges(a, bins, range, weights)
    nb = edges.size - 1
    if uniform is not None:
        x = a.astype(edges.dtype)
    else:
        x = a
    lo_edge, hi_edge = edges[0], edges[-1]
    keep = _u.logical_and(_u.greater_equal(x, lo_edge), _u.less_equal(x, hi_edge))
    xs = x[keep]
    idx = _u.subtract(asarray(searchsorted(edges, xs, side="right")), 1)
    idx = _where_fn(_u.equal(xs, hi_edge), nb - 1, idx).astype("int64")
    idx = _u.minimum(_u.maximum(idx, 0), builtins.max(nb - 1, 0))
    if weights is None:
        n = bincount(idx, minlength=nb)[:nb] if nb > 0 else zeros(0, dtype="int64")
    else:
        ws = weights[keep]
        if ws.dtype.kind == "c":
            n = bincount(idx, ws.real, minlength=nb) + \
                bincount(idx, ws.imag, minlength=nb) * 1j
        else:
            n = bincount(idx, ws, minlength=nb)
        n = n[:nb].astype(ws.dtype)
    if density:
        db = _u.subtract(edges[1:], edges[:-1]).astype("float64")
        total = _sum(n)
        return _u.true_divide(_u.true_divide(n, db), total), edges
    return n, edges
