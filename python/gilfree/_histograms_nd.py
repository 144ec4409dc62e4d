"""Multi-dimensional histograms: histogramdd and histogram2d. Each sample's bin along every dimension comes
from searchsorted over that dimension's edges; the flat bin numbers are counted with bincount."""
import builtins
import operator

from ._creation import asarray
from ._spacing import linspace
from ._index_tricks import ravel_multi_index
from ._manipulation import atleast_2d
from ._numeric_misc import ndim
from ._reductions import any as _any
from ._sorting import searchsorted
from ._statistics import _outer_edges, bincount
from ._elementwise import diff


def histogramdd(sample, bins=10, range=None, density=None, weights=None):  # noqa: A002 - NumPy's name
    try:
        n, d = sample.shape
    except (AttributeError, ValueError):
        sample = atleast_2d(asarray(sample)).T
        n, d = sample.shape
    if weights is not None:
        weights = asarray(weights)
    try:
        if len(bins) != d:
            raise ValueError("The dimension of bins must be equal to the dimension of the sample x.")
    except TypeError:
        bins = d * [bins]
    if range is None:
        range = (None,) * d
    elif len(range) != d:
        raise ValueError("range argument must have one entry per dimension")
    edges, widths, nbin = [], [], []
    for i in builtins.range(d):
        if ndim(bins[i]) == 0:
            if bins[i] < 1:
                raise ValueError(f"`bins[{i}]` must be positive, when an integer")
            lo, hi = _outer_edges(sample[:, i], range[i])
            try:
                count = operator.index(bins[i])
            except TypeError as e:
                raise TypeError(f"`bins[{i}]` must be an integer, when a scalar") from e
            e = linspace(lo, hi, count + 1)
        elif ndim(bins[i]) == 1:
            e = asarray(bins[i])
            if _any(e[:-1] > e[1:]):
                raise ValueError(f"`bins[{i}]` must be monotonically increasing, when an array")
        else:
            raise ValueError(f"`bins[{i}]` must be a scalar or 1d array")
        edges.append(e)
        widths.append(diff(e))
        nbin.append(len(e) + 1)  # one outlier bin at each end
    where = []
    for i in builtins.range(d):
        k = searchsorted(edges[i], sample[:, i], side="right")
        k[sample[:, i] == edges[i][-1]] -= 1  # the last edge belongs to the last bin
        where.append(k)
    flat = ravel_multi_index(tuple(where), tuple(nbin))
    total = 1
    for b in nbin:
        total *= b
    hist = bincount(flat, weights, minlength=total).reshape(tuple(nbin)).astype(float)
    hist = hist[(slice(1, -1),) * d]
    if density:
        s = hist.sum()
        for i in builtins.range(d):
            shape = [1] * d
            shape[i] = nbin[i] - 2
            hist = hist / widths[i].reshape(tuple(shape))
        hist = hist / s
    return hist, edges


def histogram2d(x, y, bins=10, range=None, density=None, weights=None):  # noqa: A002
    try:
        nb = len(bins)
    except TypeError:
        nb = 1
    if nb != 1 and nb != 2:
        xedges = yedges = asarray(bins)
        bins = [xedges, yedges]
    hist, edges = histogramdd([x, y], bins, range, density, weights)
    return hist, edges[0], edges[1]
