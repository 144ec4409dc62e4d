"""Differential checks of the order statistics and histograms (gilfree/_statistics.py) against NumPy: median,
percentile and quantile with every method, their nan-variants, average, cov, corrcoef, histogram,
histogram_bin_edges, bincount, digitize. Each case builds its inputs with the module it is given (gilfree or
NumPy), so both sides get the same call; NumPy's answer is recorded on CPython and replayed on GraalPy.

Exact where the result comes from sorting, take and NumPy's own lerp (quantiles, medians, histograms, bincount,
digitize); cov and corrcoef allow 8 ulps (their products are summed in another order than NumPy's BLAS), and
average 4 ulps."""
import math
from builtins import max as builtins_max

import pytest

import gilfree as gf
from _ufunc_cases import ulp_close
from oracle import np
from exprcheck import check

pytestmark = pytest.mark.numpy_answers

def _plain(r):
    if isinstance(r, tuple):
        return {"tuple": [_plain(x) for x in r]}
    r = np.asarray(r)
    return {"dtype": r.dtype.name, "shape": list(r.shape), "values": r.tolist()}


def _flat(v):
    return [x for y in v for x in _flat(y)] if isinstance(v, list) else [v]


def _check(got, want, ctx, ulps):
    if "tuple" in want:
        assert isinstance(got, tuple) and len(got) == len(want["tuple"]), ctx
        for g, w in zip(got, want["tuple"]):
            _check(g, w, ctx, ulps)
        return
    if not isinstance(got, gf.ndarray):
        assert isinstance(got, gf.generic), f"{ctx}: {type(got)} is not a gilfree scalar"
        got = gf.asarray(got)
    else:
        assert want["shape"] != [] or got.ndim == 0, ctx
    assert got.dtype.name == want["dtype"], f"{ctx}: dtype {got.dtype.name} != numpy {want['dtype']}"
    assert list(got.shape) == want["shape"], f"{ctx}: shape {got.shape} != numpy {want['shape']}"
    f32 = want["dtype"] in ("float32", "complex64")
    for i, (x, y) in enumerate(zip(_flat(got.tolist()), _flat(want["values"]))):
        if isinstance(y, complex):  # within ulps of the larger part (BLAS leaves ~1e-17 imaginary dust)
            unit = math.ulp(builtins_max(abs(y.real), abs(y.imag))) * (2 ** 29 if f32 else 1)
            assert abs(x - y) <= builtins_max(ulps, 1) * unit * 2 or x == y, f"{ctx} element {i}: gilfree {x!r} numpy {y!r}"
        elif isinstance(y, float):
            assert ulp_close(x, y, ulps, f32), f"{ctx} element {i}: gilfree {x!r} numpy {y!r}"
        else:
            assert x == y, f"{ctx} element {i}: gilfree {x!r} numpy {y!r}"


def _case(key, build, ulps=0):
    """build(xp) computes the case with xp = gilfree or NumPy; the results (or error types) must agree."""
    check("statistics", key, fn=build, plain=_plain, match=lambda got, want, ctx: _check(got, want, ctx, ulps))


NAN = float("nan")
DATA = {
    "bool": [True, False, True, True, False, True],
    "int8": [5, -3, 7, 0, -128, 127, 2, 2, 9, -1, 4, 6],
    "uint8": [5, 3, 7, 0, 255, 1, 2, 2, 9, 1, 4, 6],
    "int32": [50, -30, 70, 0, 11, 13, 2, 2, 9, -1, 4, 6],
    "int64": [5, -3, 7, 0, 2**40, -2**40, 2, 2, 9, -1, 4, 6],
    "float32": [0.1, -2.5, 3.25, 1e30, -0.0, 7.0, 0.3, 0.3, 2.0, -1.5, 4.75, 6.1],
    "float64": [0.1, -2.5, 3.25, 1e300, -0.0, 7.0, 0.3, 0.3, 2.0, -1.5, 4.75, 6.1],
}
DTYPES = list(DATA)
METHODS = ["inverted_cdf", "averaged_inverted_cdf", "closest_observation", "interpolated_inverted_cdf", "hazen",
           "weibull", "linear", "median_unbiased", "normal_unbiased", "lower", "higher", "midpoint", "nearest"]
QS = [0.0, 0.1, 0.25, 1 / 3, 0.5, 0.75, 0.9, 1.0]


def _arr(xp, dt, shape=None, data=None):
    a = xp.asarray(DATA[dt] if data is None else data, dtype=dt)
    return a.reshape(shape) if shape is not None else a


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("dt", DTYPES)
@pytest.mark.parametrize("n", [1, 2, 5, 12])
def test_quantile_methods_match_numpy(dt, method, n):
    data = DATA[dt][:n]
    _case(f"quantile {dt} {data!r} {QS!r} {method}", lambda xp: xp.quantile(_arr(xp, dt, data=data), QS, method=method))
    _case(f"quantile scalar-q {dt} {data!r} 0.4 {method}",
          lambda xp: xp.quantile(_arr(xp, dt, data=data), 0.4, method=method))
    _case(f"percentile {dt} {data!r} [0, 12.5, 50, 99, 100] {method}",
          lambda xp: xp.percentile(_arr(xp, dt, data=data), [0, 12.5, 50, 99, 100], method=method))
    _case(f"percentile scalar-q {dt} {data!r} 37 {method}",
          lambda xp: xp.percentile(_arr(xp, dt, data=data), 37, method=method))


@pytest.mark.parametrize("dt", DTYPES)
@pytest.mark.parametrize("axis", [None, 0, 1, -1, (0, 1), (0, 2), (2, 0)])
@pytest.mark.parametrize("keepdims", [False, True])
def test_order_statistics_over_axes_match_numpy(dt, axis, keepdims):
    base = DATA[dt] * 2
    for name in ("median", "nanmedian"):
        _case(f"{name} {dt} (2,3,4) axis={axis} keepdims={keepdims}",
              lambda xp: getattr(xp, name)(_arr(xp, dt, (2, 3, 4), base), axis=axis, keepdims=keepdims))
    for name, q in (("quantile", [0.2, 0.5]), ("percentile", 30), ("nanquantile", 0.7), ("nanpercentile", [10, 90])):
        _case(f"{name} {dt} (2,3,4) q={q} axis={axis} keepdims={keepdims}",
              lambda xp: getattr(xp, name)(_arr(xp, dt, (2, 3, 4), base), q, axis=axis, keepdims=keepdims))


NANS = [[1.0, NAN, 3.0, 2.5], [NAN, NAN, NAN, NAN], [4.0, 0.5, 7.0, -1.0]]


@pytest.mark.parametrize("dt", ["float32", "float64"])
@pytest.mark.parametrize("axis", [None, 0, 1])
def test_nans_match_numpy(dt, axis):
    def a(xp):
        return xp.asarray(NANS, dtype=dt)
    _case(f"median nans {dt} axis={axis}", lambda xp: xp.median(a(xp), axis=axis))
    _case(f"nanmedian nans {dt} axis={axis}", lambda xp: xp.nanmedian(a(xp), axis=axis))
    for m in ("linear", "lower", "hazen", "midpoint"):
        _case(f"quantile nans {dt} axis={axis} {m}", lambda xp: xp.quantile(a(xp), [0.3, 0.5], axis=axis, method=m))
        _case(f"nanquantile nans {dt} axis={axis} {m}",
              lambda xp: xp.nanquantile(a(xp), [0.3, 0.5], axis=axis, method=m))
        _case(f"nanpercentile nans {dt} axis={axis} {m}",
              lambda xp: xp.nanpercentile(a(xp), 40, axis=axis, method=m))


@pytest.mark.parametrize("case", [
    "median-empty", "median-empty-2d-axis1", "quantile-empty", "quantile-q-too-big", "quantile-q-negative",
    "percentile-q-101", "quantile-bad-method", "quantile-complex", "median-complex", "quantile-int-q",
    "quantile-axis-out-of-range", "nanmedian-int", "median-0d", "quantile-2d-q",
])
def test_quantile_edges_match_numpy(case):
    builds = {
        "median-empty": lambda xp: xp.median(xp.asarray([], dtype="float64")),
        "median-empty-2d-axis1": lambda xp: xp.median(xp.zeros((3, 0)), axis=1),
        "quantile-empty": lambda xp: xp.quantile(xp.asarray([], dtype="float64"), 0.5),
        "quantile-q-too-big": lambda xp: xp.quantile(xp.asarray([1.0, 2.0]), 1.5),
        "quantile-q-negative": lambda xp: xp.quantile(xp.asarray([1.0, 2.0]), [0.5, -0.1]),
        "percentile-q-101": lambda xp: xp.percentile(xp.asarray([1.0, 2.0]), 101),
        "quantile-bad-method": lambda xp: xp.quantile(xp.asarray([1.0, 2.0]), 0.5, method="bogus"),
        "quantile-complex": lambda xp: xp.quantile(xp.asarray([1 + 1j, 2.0]), 0.5),
        "median-complex": lambda xp: xp.median(xp.asarray([1 + 1j, 2.0, 3 - 2j, 0j])),
        "quantile-int-q": lambda xp: xp.quantile(xp.asarray([1, 5, 3]), 1),
        "quantile-axis-out-of-range": lambda xp: xp.quantile(xp.asarray([1.0, 2.0]), 0.5, axis=1),
        "nanmedian-int": lambda xp: xp.nanmedian(xp.asarray([[1, 4], [2, 9]], dtype="int16"), axis=0),
        "median-0d": lambda xp: xp.median(xp.asarray(3.5)),
        "quantile-2d-q": lambda xp: xp.quantile(xp.asarray([[1.0, 4.0, 2.0], [0.0, 8.0, 1.0]]),
                                                xp.asarray([[0.1, 0.5], [0.6, 1.0]]), axis=1),
    }
    _case(f"edge {case}", builds[case])


def test_quantile_out_matches_numpy():
    def build(xp):
        out = xp.zeros((2, 3))
        r = xp.quantile(xp.asarray([[1.0, 4.0, 2.0], [0.0, 8.0, 1.0]]), [0.25, 0.5], axis=0, out=out)
        assert r is out
        return out
    _case("quantile out (2,3)", build)


@pytest.mark.parametrize("dt", DTYPES)
@pytest.mark.parametrize("axis", [None, 0, 1, (0, 1)])
@pytest.mark.parametrize("returned", [False, True])
def test_average_matches_numpy(dt, axis, returned):
    data = DATA[dt]
    w = [1, 2, 0.5, 3, 1, 1, 2, 0.25, 1, 4, 1, 2]
    _case(f"average {dt} (3,4) axis={axis} returned={returned}",
          lambda xp: xp.average(_arr(xp, dt, (3, 4), data), axis=axis, returned=returned), ulps=4)
    _case(f"average weighted {dt} (3,4) axis={axis} returned={returned}",
          lambda xp: xp.average(_arr(xp, dt, (3, 4), data), axis=axis, weights=xp.asarray(w).reshape(3, 4),
                                returned=returned), ulps=4)
    if axis in (0, 1):
        ws = w[:3] if axis == 0 else w[:4]
        _case(f"average axis-weights {dt} (3,4) axis={axis} returned={returned}",
              lambda xp: xp.average(_arr(xp, dt, (3, 4), data), axis=axis, weights=xp.asarray(ws, dtype="float32"),
                                    returned=returned), ulps=4)
    _case(f"average keepdims {dt} (3,4) axis={axis}",
          lambda xp: xp.average(_arr(xp, dt, (3, 4), data), axis=axis, keepdims=True), ulps=4)


@pytest.mark.parametrize("case", ["zero-weights", "shape-mismatch-no-axis", "bad-weights-shape", "complex"])
def test_average_edges_match_numpy(case):
    builds = {
        "zero-weights": lambda xp: xp.average(xp.asarray([1.0, 2.0]), weights=xp.asarray([1.0, -1.0])),
        "shape-mismatch-no-axis": lambda xp: xp.average(xp.ones((2, 3)), weights=xp.ones(3)),
        "bad-weights-shape": lambda xp: xp.average(xp.ones((2, 3)), axis=1, weights=xp.ones(2)),
        "complex": lambda xp: xp.average(xp.asarray([1 + 2j, 3 - 1j, 0.5j]), weights=xp.asarray([1.0, 2.0, 3.0])),
    }
    _case(f"average edge {case}", builds[case], ulps=4)


COV = [[1.0, 2.5, 4.0, -1.0, 0.5], [3.0, 1.0, 0.0, 2.0, 7.5], [0.1, 0.2, 0.3, 0.25, -3.0]]


@pytest.mark.parametrize("dt", ["bool", "int32", "int64", "float32", "float64", "complex128"])
@pytest.mark.parametrize("kw", ["", "rowvar=False", "bias=True", "ddof=2", "y", "1d", "fweights", "aweights",
                                "dtype=float32"])
def test_cov_and_corrcoef_match_numpy(dt, kw):
    def m(xp):
        vals = [[v > 0.4 for v in r] for r in COV] if dt == "bool" else COV
        if dt.startswith("int"):
            vals = [[int(v * 4) for v in r] for r in COV]
        a = xp.asarray(vals, dtype=dt)
        return a * (1 - 0.5j) if dt == "complex128" else a

    def call(xp, fn):
        kws = {"rowvar=False": {"rowvar": False}, "bias=True": {"bias": True}, "ddof=2": {"ddof": 2},
               "fweights": {"fweights": xp.asarray([1, 2, 1, 3, 1])},
               "aweights": {"aweights": xp.asarray([0.5, 1.0, 2.0, 1.0, 0.25])},
               "dtype=float32": {"dtype": "float32"}}.get(kw, {})
        if fn == "corrcoef":
            kws.pop("bias", None)
            kws.pop("ddof", None)
            kws.pop("fweights", None)
            kws.pop("aweights", None)
        a = m(xp)
        if kw == "y":
            return getattr(xp, fn)(a[:2], a[2])
        if kw == "1d":
            return getattr(xp, fn)(a[1])
        return getattr(xp, fn)(a, **kws)
    _case(f"cov {dt} {kw}", lambda xp: call(xp, "cov"), ulps=8)
    _case(f"corrcoef {dt} {kw}", lambda xp: call(xp, "corrcoef"), ulps=8)


@pytest.mark.parametrize("case", ["3d", "empty", "fweights-float", "fweights-negative", "aweights-wrong-length",
                                  "ddof-float", "single-observation"])
def test_cov_edges_match_numpy(case):
    builds = {
        "3d": lambda xp: xp.cov(xp.ones((2, 2, 2))),
        "empty": lambda xp: xp.cov(xp.zeros((0, 3))),
        "fweights-float": lambda xp: xp.cov(xp.asarray(COV), fweights=xp.asarray([1, 2.5, 1, 1, 1])),
        "fweights-negative": lambda xp: xp.cov(xp.asarray(COV), fweights=xp.asarray([1, -2, 1, 1, 1])),
        "aweights-wrong-length": lambda xp: xp.cov(xp.asarray(COV), aweights=xp.asarray([1.0, 2.0])),
        "ddof-float": lambda xp: xp.cov(xp.asarray(COV), ddof=1.5),
        "single-observation": lambda xp: xp.cov(xp.asarray([[1.0], [2.0]])),
    }
    _case(f"cov edge {case}", builds[case], ulps=8)


HIST = [0.5, 1.25, 2.0, 2.0, 3.75, 9.5, -1.0, 4.4, 4.4, 6.0, 0.1, 7.3, 2.2, 5.5, 3.3, 8.8]


@pytest.mark.parametrize("dt", ["bool", "int8", "uint8", "int32", "int64", "float32", "float64"])
@pytest.mark.parametrize("bins", [1, 4, 10, "seq", "auto", "fd", "doane", "rice", "scott", "sqrt", "sturges"])
@pytest.mark.parametrize("extra", ["", "range", "density", "weights", "weights+density"])
def test_histogram_matches_numpy(dt, bins, extra):
    def build(xp, edges_only=False):
        vals = [v > 2 for v in HIST] if dt == "bool" else HIST if dt.startswith("float") else [abs(int(v)) for v in HIST]
        a = xp.asarray(vals, dtype=dt).reshape(4, 4)
        kws = {}
        if "range" in extra:
            kws["range"] = (1, 6.5)
        if "density" in extra:
            kws["density"] = True
        if "weights" in extra:
            kws["weights"] = xp.asarray([0.5, 1, 2, 0.25] * 4).reshape(4, 4)
        b = [-1, 0, 1.5, 2, 4, 9.5] if bins == "seq" else bins
        if edges_only:
            kws.pop("density", None)
            return xp.histogram_bin_edges(a, b, **kws)
        return xp.histogram(a, b, **kws)
    _case(f"histogram {dt} bins={bins} {extra}", build)
    _case(f"histogram_bin_edges {dt} bins={bins} {extra}", lambda xp: build(xp, True))


@pytest.mark.parametrize("case", ["empty", "empty-range", "constant", "bad-range", "inf-range", "nan-data",
                                  "zero-bins", "float-bins", "decreasing-bins", "2d-bins", "bad-estimator",
                                  "weights-shape", "complex-weights", "int-weights"])
def test_histogram_edges_match_numpy(case):
    builds = {
        "empty": lambda xp: xp.histogram(xp.asarray([], dtype="float64")),
        "empty-range": lambda xp: xp.histogram(xp.asarray([], dtype="float32"), 3, range=(0, 1)),
        "constant": lambda xp: xp.histogram(xp.asarray([2, 2, 2]), 4),
        "bad-range": lambda xp: xp.histogram(xp.asarray([1.0, 2.0]), range=(3, 1)),
        "inf-range": lambda xp: xp.histogram(xp.asarray([1.0, 2.0]), range=(0, float("inf"))),
        "nan-data": lambda xp: xp.histogram(xp.asarray([1.0, NAN])),
        "zero-bins": lambda xp: xp.histogram(xp.asarray([1.0, 2.0]), 0),
        "float-bins": lambda xp: xp.histogram(xp.asarray([1.0, 2.0]), 2.5),
        "decreasing-bins": lambda xp: xp.histogram(xp.asarray([1.0, 2.0]), [3, 1, 2]),
        "2d-bins": lambda xp: xp.histogram(xp.asarray([1.0, 2.0]), [[1, 2], [3, 4]]),
        "bad-estimator": lambda xp: xp.histogram(xp.asarray([1.0, 2.0]), "nope"),
        "weights-shape": lambda xp: xp.histogram(xp.asarray([1.0, 2.0]), weights=xp.asarray([1.0])),
        "complex-weights": lambda xp: xp.histogram(xp.asarray([1.0, 2.0, 2.5]), 2,
                                                   weights=xp.asarray([1 + 1j, 2.0, -1j])),
        "int-weights": lambda xp: xp.histogram(xp.asarray([1.0, 2.0, 2.5]), 2, weights=xp.asarray([3, 2, 7])),
    }
    _case(f"histogram edge {case}", builds[case])


@pytest.mark.parametrize("case", ["plain", "minlength", "weights", "weights-minlength", "bool", "uint8", "empty",
                                  "negative", "float", "2d", "weights-length", "minlength-negative", "int32-weights"])
def test_bincount_matches_numpy(case):
    x = [0, 3, 1, 1, 7, 3, 3, 0]
    w = [0.5, 1.25, 0.1, 0.2, 2.0, 0.3, 0.3, 1e-17]
    builds = {
        "plain": lambda xp: xp.bincount(xp.asarray(x)),
        "minlength": lambda xp: xp.bincount(xp.asarray(x), minlength=12),
        "weights": lambda xp: xp.bincount(xp.asarray(x), weights=xp.asarray(w)),
        "weights-minlength": lambda xp: xp.bincount(xp.asarray(x), xp.asarray(w, dtype="float32"), minlength=10),
        "bool": lambda xp: xp.bincount(xp.asarray([True, False, True])),
        "uint8": lambda xp: xp.bincount(xp.asarray(x, dtype="uint8")),
        "empty": lambda xp: xp.bincount(xp.asarray([], dtype="int64"), minlength=3),
        "negative": lambda xp: xp.bincount(xp.asarray([1, -1])),
        "float": lambda xp: xp.bincount(xp.asarray([1.0, 2.0])),
        "2d": lambda xp: xp.bincount(xp.asarray([[1, 2]])),
        "weights-length": lambda xp: xp.bincount(xp.asarray(x), weights=xp.asarray([1.0])),
        "minlength-negative": lambda xp: xp.bincount(xp.asarray(x), minlength=-1),
        "int32-weights": lambda xp: xp.bincount(xp.asarray(x, dtype="int32"), weights=xp.asarray(x)),
    }
    _case(f"bincount {case}", builds[case])


@pytest.mark.parametrize("dt", ["int32", "int64", "float32", "float64", "uint8"])
@pytest.mark.parametrize("bins", ["increasing", "decreasing", "repeated", "not-monotonic", "2d"])
@pytest.mark.parametrize("right", [False, True])
def test_digitize_matches_numpy(dt, bins, right):
    b = {"increasing": [0, 2, 4, 6], "decreasing": [9, 6, 4, 2, 0], "repeated": [1, 3, 3, 5],
         "not-monotonic": [1, 5, 3], "2d": [[1, 2], [3, 4]]}[bins]
    x = [0, 1, 2, 3, 3, 4, 7, 9, 10]
    _case(f"digitize {dt} {bins} right={right}",
          lambda xp: xp.digitize(xp.asarray(x, dtype=dt), xp.asarray(b), right=right))
    _case(f"digitize scalar {dt} {bins} right={right}",
          lambda xp: xp.digitize(xp.asarray(3, dtype=dt), xp.asarray(b), right=right))


def test_digitize_complex_is_a_type_error():
    _case("digitize complex", lambda xp: xp.digitize(xp.asarray([1j]), xp.asarray([0.0, 1.0])))


@pytest.mark.parametrize("dt", ["int32", "float32", "float64"])
@pytest.mark.parametrize("axis", [None, 0, 1])
def test_weighted_inverted_cdf_quantile_matches_numpy(dt, axis):
    data = DATA[dt]
    w = [1, 0, 2, 0.5, 3, 1, 1, 2, 0.25, 1, 4, 1]
    for name, q in (("quantile", [0.0, 0.2, 0.5, 0.95, 1.0]), ("quantile", 0.4), ("percentile", [10, 50, 100])):
        _case(f"{name} weights {dt} (3,4) q={q} axis={axis}",
              lambda xp: getattr(xp, name)(_arr(xp, dt, (3, 4), data), q, axis=axis, method="inverted_cdf",
                                           weights=xp.asarray(w).reshape(3, 4)))
    if axis is not None:
        ws = w[:3] if axis == 0 else w[:4]
        _case(f"quantile axis-weights {dt} (3,4) axis={axis}",
              lambda xp: xp.quantile(_arr(xp, dt, (3, 4), data), [0.3, 0.6], axis=axis, method="inverted_cdf",
                                     weights=xp.asarray(ws)))


@pytest.mark.parametrize("case", ["wrong-method", "negative", "all-zero", "no-axis", "bad-shape"])
def test_weighted_quantile_errors_match_numpy(case):
    a = [1.0, 2.0, 3.0]
    builds = {
        "wrong-method": lambda xp: xp.quantile(xp.asarray(a), 0.5, weights=xp.asarray([1.0, 1.0, 1.0])),
        "negative": lambda xp: xp.quantile(xp.asarray(a), 0.5, method="inverted_cdf", weights=xp.asarray([1, -1, 1])),
        "all-zero": lambda xp: xp.quantile(xp.asarray(a), 0.5, method="inverted_cdf", weights=xp.asarray([0, 0, 0])),
        "no-axis": lambda xp: xp.quantile(xp.ones((2, 3)), 0.5, method="inverted_cdf", weights=xp.ones(3)),
        "bad-shape": lambda xp: xp.quantile(xp.ones((2, 3)), 0.5, axis=1, method="inverted_cdf", weights=xp.ones(2)),
    }
    _case(f"weighted quantile edge {case}", builds[case])
