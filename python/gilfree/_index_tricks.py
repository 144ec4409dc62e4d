"""Index helpers: mgrid, ogrid, r_, c_, s_, index_exp, ix_, the tril/triu/diag index functions, mask_indices,
unravel_index, ravel_multi_index, ndenumerate and ndindex (NumPy's names, dtypes and errors).

r_ and c_ do not build matrices (the 'r' and 'c' directives raise NotImplementedError)."""
import builtins
import itertools
import math
import operator

from ._base import ArrayBase
from ._constructors import indices
from ._creation import arange, array, asarray, ones, tri
from ._spacing import linspace
from ._dtypes import generic as _generic
from ._manipulation import broadcast_arrays, concatenate, nonzero, reshape
from ._promotion import result_type
from ._reductions import any as _any

_INT64_MAX = (1 << 63) - 1


def _scalar_or(a):
    """A 0-d array as a gilfree scalar; other arrays as they are."""
    return a[()] if a.ndim == 0 else a


class nd_grid:
    """mgrid (dense) and ogrid (sparse): a[start:stop:step, ...] as a grid of coordinates. A complex step
    (5j) asks for that many points with the stop included."""
    __slots__ = ("sparse",)

    def __init__(self, sparse=False):
        self.sparse = sparse

    def __getitem__(self, key):
        if not isinstance(key, tuple):
            return self._one(key)
        sizes, scalars = [], [0]
        for k in key:
            start = 0 if k.start is None else k.start
            step = 1 if k.step is None else k.step
            if isinstance(step, (builtins.complex, _generic)) and asarray(step).dtype.kind == "c":
                step = builtins.abs(step)
                sizes.append(builtins.int(step))
            else:
                sizes.append(math.ceil((k.stop - start) / step))
            scalars += [start, k.stop, step]
        typ = result_type(*scalars)
        sizes = [builtins.max(s, 0) for s in sizes]
        if self.sparse:
            nn = [arange(s, dtype=typ) for s in sizes]
        else:
            nn = indices(sizes, typ)
        for i, k in enumerate(key):
            start = 0 if k.start is None else k.start
            step = 1 if k.step is None else k.step
            if isinstance(step, (builtins.complex, _generic)) and asarray(step).dtype.kind == "c":
                step = builtins.int(builtins.abs(step))
                if step != 1:
                    step = (k.stop - start) / builtins.float(step - 1)
            nn[i] = nn[i] * step + start
        if self.sparse:
            n = len(sizes)
            return tuple(reshape(x, (1,) * i + (-1,) + (1,) * (n - i - 1)) for i, x in enumerate(nn))
        return nn

    @staticmethod
    def _one(key):
        start = 0 if key.start is None else key.start
        step = key.step
        if isinstance(step, (builtins.complex, _generic)) and asarray(step).dtype.kind == "c":
            step_float = builtins.abs(step)
            length = builtins.int(step_float)
            step = length
            if step != 1:
                step = (key.stop - start) / builtins.float(step - 1)
            typ = result_type(start, key.stop, step_float)
            return arange(0, length, 1, dtype=typ) * step + start
        return arange(start, key.stop, step)

    def __len__(self):
        return 0


mgrid = nd_grid(sparse=False)
ogrid = nd_grid(sparse=True)


class AxisConcatenator:
    """r_ and c_: slices, scalars and arrays concatenated along an axis (a leading string sets the axis, the
    minimum number of dimensions and where 1-d inputs go: "axis,ndmin,trans1d")."""
    __slots__ = ("axis", "ndmin", "trans1d")

    def __init__(self, axis=0, ndmin=1, trans1d=-1):
        self.axis = axis
        self.ndmin = ndmin
        self.trans1d = trans1d

    def __getitem__(self, key):
        if isinstance(key, str):
            raise NotImplementedError("gilfree has no matrix class: r_ and c_ do not build matrices")
        if not isinstance(key, tuple):
            key = (key,)
        axis, ndmin, trans1d = self.axis, self.ndmin, self.trans1d
        objs, kinds = [], []
        for k, item in enumerate(key):
            is_scalar = False
            if isinstance(item, slice):
                start = 0 if item.start is None else item.start
                step = 1 if item.step is None else item.step
                stop = item.stop
                if isinstance(step, (builtins.complex, _generic)) and asarray(step).dtype.kind == "c":
                    new = linspace(start, stop, num=builtins.int(builtins.abs(step)))
                else:
                    new = arange(start, stop, step)
                if ndmin > 1:
                    new = array(new, copy=None, ndmin=ndmin)
                    if trans1d != -1:
                        new = new.swapaxes(-1, trans1d)
            elif isinstance(item, str):
                if k != 0:
                    raise ValueError("special directives must be the first entry.")
                if item in ("r", "c"):
                    raise NotImplementedError("gilfree has no matrix class: r_ and c_ do not build matrices")
                if "," in item:
                    vec = item.split(",")
                    try:
                        axis, ndmin = [builtins.int(x) for x in vec[:2]]
                        if len(vec) == 3:
                            trans1d = builtins.int(vec[2])
                        continue
                    except Exception as e:
                        raise ValueError(f"unknown special directive {item!r}") from e
                try:
                    axis = builtins.int(item)
                    continue
                except (ValueError, TypeError) as e:
                    raise ValueError("unknown special directive") from e
            elif isinstance(item, (builtins.int, builtins.float, builtins.complex, builtins.bool, _generic)):
                is_scalar = True
                new = item
            else:
                item_ndim = asarray(item).ndim
                new = array(item, copy=None, ndmin=ndmin)
                if trans1d != -1 and item_ndim < ndmin:
                    k2 = ndmin - item_ndim
                    k1 = trans1d + k2 + 1 if trans1d < 0 else trans1d
                    axes = list(range(ndmin))
                    new = new.transpose(axes[:k1] + axes[k2:] + axes[k1:k2])
            objs.append(new)
            kinds.append(item if is_scalar else new.dtype)
        if kinds:
            final = result_type(*kinds)
            objs = [array(o, copy=None, ndmin=ndmin, dtype=final) for o in objs]
        return concatenate(tuple(objs), axis=axis)

    def __len__(self):
        return 0


r_ = AxisConcatenator(0)
c_ = AxisConcatenator(-1, ndmin=2, trans1d=0)


class IndexExpression:
    """s_ and index_exp: the index an expression a[...] would receive (index_exp always a tuple)."""
    __slots__ = ("maketuple",)

    def __init__(self, maketuple):
        self.maketuple = maketuple

    def __getitem__(self, item):
        if self.maketuple and not isinstance(item, tuple):
            return (item,)
        return item


index_exp = IndexExpression(maketuple=True)
s_ = IndexExpression(maketuple=False)


def ix_(*args):
    """Open-mesh index arrays from 1-d sequences (boolean ones stand for their True positions)."""
    out = []
    nd = len(args)
    for k, new in enumerate(args):
        if not isinstance(new, ArrayBase):
            new = asarray(new)
            if new.size == 0:
                new = new.astype("int64")
        if new.ndim != 1:
            raise ValueError("Cross index must be 1 dimensional")
        if new.dtype.kind == "b":
            new, = nonzero(new)
        out.append(reshape(new, (1,) * k + (new.size,) + (1,) * (nd - k - 1)))
    return tuple(out)


def tril_indices(n, k=0, m=None):
    """The row and column indices of the lower triangle (on and below diagonal k) of an n x m array."""
    return nonzero(tri(n, m, k=k, dtype=bool))


def triu_indices(n, k=0, m=None):
    """The row and column indices of the upper triangle (on and above diagonal k) of an n x m array."""
    return nonzero(~tri(n, m, k=k - 1, dtype=bool))


def mask_indices(n, mask_func, k=0):
    """The indices where mask_func(ones((n, n)), k) is nonzero, e.g. mask_func=triu gives triu_indices."""
    return nonzero(asarray(mask_func(ones((n, n), dtype=int), k)) != 0)


def tril_indices_from(arr, k=0):
    arr = asarray(arr)
    if arr.ndim != 2:
        raise ValueError("input array must be 2-d")
    return tril_indices(arr.shape[-2], k=k, m=arr.shape[-1])


def triu_indices_from(arr, k=0):
    arr = asarray(arr)
    if arr.ndim != 2:
        raise ValueError("input array must be 2-d")
    return triu_indices(arr.shape[-2], k=k, m=arr.shape[-1])


def diag_indices(n, ndim=2):
    """The indices of the main diagonal of an n x n x ... array of `ndim` dimensions."""
    idx = arange(n)
    return (idx,) * ndim


def diag_indices_from(arr):
    arr = asarray(arr)
    if not arr.ndim >= 2:
        raise ValueError("input array must be at least 2-d")
    if len(set(arr.shape)) != 1:
        raise ValueError("All dimensions of input must be of equal length")
    return diag_indices(arr.shape[0], arr.ndim)


def _dims(shape):
    if isinstance(shape, (tuple, list)):
        return tuple(operator.index(d) for d in shape)
    return (operator.index(shape),)


def _int_indices(x, what):
    """x as an int64 array; NumPy's TypeErrors for floats and for empty lists."""
    was_array = isinstance(x, ArrayBase)
    a = asarray(x)
    if a.dtype.kind not in "biu":
        if not was_array and a.size == 0 and isinstance(x, (list, tuple)):
            raise TypeError(f"{what} must be integral: the provided empty sequence was inferred as float. "
                            f"Wrap it with 'np.array({what}, dtype=np.intp)'")
        raise TypeError("only int indices permitted")
    return a.astype("int64")


def _check_order(order):
    if order not in ("C", "F"):
        raise ValueError("only 'C' or 'F' order is permitted")


def unravel_index(indices, shape, order="C"):
    """The coordinates in an array of `shape` of the flat indices `indices` (a tuple of int64 arrays)."""
    dims = _dims(shape)
    _check_order(order)
    idx = _int_indices(indices, "indices")
    size = 1
    for d in dims:
        size *= d
    if size == 0 and dims:
        raise ValueError("cannot unravel if shape has zero entries (is empty).")
    flat = idx.ravel().tolist()
    for v in flat:
        if v < 0 or v >= size:
            raise ValueError(f"index {v} is out of bounds for array with size {size}")
    order_dims = list(range(len(dims)))
    if order == "C":
        order_dims.reverse()
    coords = [None] * len(dims)
    rest = idx
    for i in order_dims:
        coords[i] = rest % dims[i]
        rest = rest // dims[i]
    return tuple(_scalar_or(c) for c in coords)


_MODES = ("raise", "wrap", "clip")


def ravel_multi_index(multi_index, dims, mode="raise", order="C"):
    """The flat indices, in an array of shape `dims`, of the coordinate arrays `multi_index`."""
    dims = _dims(dims)
    n = len(dims)
    modes = [mode] * n if isinstance(mode, str) else list(mode)
    if not isinstance(mode, str) and len(modes) != n:
        raise ValueError(f"list of clipmodes has wrong length ({len(modes)} instead of {n})")
    for md in modes:
        if md not in _MODES:
            raise ValueError(f"clipmode must be one of 'clip', 'raise', or 'wrap' (got {md!r})")
    _check_order(order)
    if len(multi_index) != n:
        raise ValueError(f"parameter multi_index must be a sequence of length {n}")
    coords = [_int_indices(c, "indices") for c in multi_index]
    if coords:
        coords = list(broadcast_arrays(*coords))
    size = 1
    for d in dims:
        size *= d
    if size > _INT64_MAX:
        raise ValueError("invalid dims: array size defined by dims is larger than the maximum possible size.")
    if n == 0:
        return asarray(0, dtype="int64")[()]
    order_dims = list(range(n)) if order == "F" else list(range(n - 1, -1, -1))
    stride, result = 1, None
    for i in order_dims:
        c, d, md = coords[i], dims[i], modes[i]
        if md == "raise":
            if c.size and (builtins.bool(_any(c < 0)) or builtins.bool(_any(c >= d))):
                raise ValueError("invalid entry in coordinates array")
        elif d == 0:
            if c.size:
                raise ValueError("cannot unravel if shape has zero entries (is empty).")
        elif md == "wrap":
            c = c % d
        else:
            c = c.clip(0, d - 1)
        term = c * stride
        result = term if result is None else result + term
        stride *= d
    return _scalar_or(result)


class ndindex:
    """The indices of an array of the given shape, as tuples in C order."""

    def __init__(self, *shape):
        if len(shape) == 1 and isinstance(shape[0], tuple):
            shape = shape[0]
        dims = tuple(operator.index(d) for d in shape)
        if builtins.any(d < 0 for d in dims):
            raise ValueError("negative dimensions are not allowed")
        self._it = itertools.product(*(range(d) for d in dims))

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)


class ndenumerate:
    """Pairs (index tuple, element) of an array, in C order; the elements are gilfree scalars."""

    def __init__(self, arr):
        self._a = asarray(arr)
        self._index = ndindex(self._a.shape)

    def __iter__(self):
        return self

    def __next__(self):
        ix = next(self._index)
        return ix, self._a[ix]
