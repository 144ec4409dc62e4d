"""Shape manipulation: views where NumPy gives views (reshape when possible, transpose, expand_dims,
squeeze, broadcast_to, flip, split), copies where NumPy copies (concatenate, stack, repeat, tile, roll, pad)."""
import builtins
import operator

from ._exceptions import AxisError, normalize_axis, normalize_axes
from ._bridge import Views as _V, Indexing as _IX, call as _call
from ._base import ArrayBase, wrap as _wrap, view as _view
from ._shapes import shape_tuple
from ._creation import arange, array, asarray, full, tri, _from_flat
from ._dtypes import dtype as _dtype
from ._promotion import result_type, can_cast


def _arr(a):
    if isinstance(a, ArrayBase):
        return a
    return asarray(a)


_shape = shape_tuple


# ----- views -----

def reshape(a, shape=None, order="C", *, newshape=None, copy=None):
    a = _arr(a)
    if shape is None:
        shape = newshape
    shape = _shape(shape)
    if shape.count(-1) > 1:
        raise ValueError("can only specify one unknown dimension")
    if any(d < -1 for d in shape):
        raise ValueError("negative dimensions not allowed")
    if -1 in shape:
        known = 1
        for d in shape:
            if d != -1:
                known *= d
        if known == 0 or a.size % known:
            raise ValueError(f"cannot reshape array of size {a.size} into shape {_pyshape(shape)}")
        shape = tuple(a.size // known if d == -1 else d for d in shape)
    if order not in ("C", "F", "A", None):
        raise ValueError(f"order must be one of 'C', 'F', 'A' (got {order!r})")
    if order == "F" or order == "A" and a.flags.f_contiguous and not a.flags.c_contiguous:
        return transpose(reshape(transpose(a), shape[::-1], "C", copy=copy))
    if copy:
        a = a.copy()
    if copy is False and _call(_V.reshapeView, a._j, list(shape)) is None:
        raise ValueError("Unable to avoid creating a copy while reshaping.")
    j = _call(_V.reshape, a._j, list(shape))
    return _view(j, a) if _call(_V.sameStorage, j, a._j) else _wrap(j, shape)


def _pyshape(shape):
    return "(" + ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def ravel(a, order="C"):
    a = _arr(a)
    if order == "K" or order == "A":
        order = "F" if a.flags.f_contiguous and not a.flags.c_contiguous else "C"
    return reshape(a, (-1,), order=order)


def transpose(a, axes=None):
    a = _arr(a)
    if axes is None:
        axes = tuple(range(a.ndim))[::-1]
    else:
        if len(axes) != a.ndim:
            raise ValueError("axes don't match array")
        axes = tuple(normalize_axis(x, a.ndim) for x in axes)
        if len(set(axes)) != len(axes):
            raise ValueError("repeated axis in transpose")
    return _view(_call(_V.permute, a._j, list(axes)), a)


def permute_dims(a, axes=None):
    return transpose(a, axes)


def swapaxes(a, axis1, axis2):
    a = _arr(a)
    i, j = normalize_axis(axis1, a.ndim), normalize_axis(axis2, a.ndim)
    axes = list(range(a.ndim))
    axes[i], axes[j] = axes[j], axes[i]
    return transpose(a, axes)


def moveaxis(a, source, destination):
    a = _arr(a)
    src = normalize_axes(source, a.ndim, "source")
    dst = normalize_axes(destination, a.ndim, "destination")
    if len(src) != len(dst):
        raise ValueError("`source` and `destination` arguments must have the same number of elements")
    order = [n for n in range(a.ndim) if n not in src]
    for d, s in sorted(zip(dst, src)):
        order.insert(d, s)
    return transpose(a, order)


def expand_dims(a, axis):
    a = _arr(a)
    if not isinstance(axis, (tuple, list)):
        axis = (axis,)
    out_ndim = a.ndim + len(axis)
    axes = normalize_axes(axis, out_ndim)
    it = iter(a.shape)
    shape = tuple(1 if i in axes else next(it) for i in range(out_ndim))
    return reshape(a, shape)


def squeeze(a, axis=None):
    a = _arr(a)
    if a.ndim == 0 and axis in (0, -1, (0,), (-1,)):
        axis = None
    if axis is None:
        keep = [i for i, d in enumerate(a.shape) if d != 1]
    else:
        axes = normalize_axes(axis, a.ndim)
        for i in axes:
            if a.shape[i] != 1:
                raise ValueError("cannot select an axis to squeeze out which has size not equal to one")
        keep = [i for i in range(a.ndim) if i not in axes]
    st = a.strides
    return _view(_call(_V.strided, a._j, [a.shape[i] for i in keep], [st[i] for i in keep], int(a._j.offset()), True), a)


def broadcast_shapes(*args):
    shapes = [_shape(s) for s in args]
    nd = max((len(s) for s in shapes), default=0)
    out = [1] * nd
    for k, s in enumerate(shapes):
        for i, d in enumerate(s):
            ax = nd - len(s) + i
            if d == out[ax] or d == 1:
                continue
            if out[ax] == 1:
                out[ax] = d
            else:
                first = next(j for j, t in enumerate(shapes) if len(t) >= nd - ax and t[len(t) - nd + ax] == out[ax])
                raise ValueError("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is "
                                 f"between arg {first} with shape {_pyshape(shapes[first])} and arg {k} with shape "
                                 f"{_pyshape(s)}.")
    return tuple(out)


def broadcast_to(array, shape, subok=False):
    a = _arr(array)
    shape = _shape(shape)
    if any(d < 0 for d in shape):
        raise ValueError("all elements of broadcast shape must be non-negative")
    if len(shape) < a.ndim:
        raise ValueError("input operand has more dimensions than allowed by the axis remapping")
    return _view(_call(_V.broadcastTo, a._j, list(shape)), a)


def broadcast_arrays(*args, subok=False):
    arrays = [_arr(x) for x in args]
    shape = broadcast_shapes(*[x.shape for x in arrays])
    return tuple(x if x.shape == shape else broadcast_to(x, shape) for x in arrays)


def atleast_1d(*arys):
    res = [reshape(_arr(a), (1,)) if _arr(a).ndim == 0 else _arr(a) for a in arys]
    return res[0] if len(res) == 1 else tuple(res)


def atleast_2d(*arys):
    res = []
    for a in arys:
        a = _arr(a)
        res.append(reshape(a, (1, 1)) if a.ndim == 0 else reshape(a, (1,) + a.shape) if a.ndim == 1 else a)
    return res[0] if len(res) == 1 else tuple(res)


def atleast_3d(*arys):
    res = []
    for a in arys:
        a = _arr(a)
        if a.ndim == 0:
            a = reshape(a, (1, 1, 1))
        elif a.ndim == 1:
            a = reshape(a, (1, a.shape[0], 1))
        elif a.ndim == 2:
            a = reshape(a, a.shape + (1,))
        res.append(a)
    return res[0] if len(res) == 1 else tuple(res)


def flip(m, axis=None):
    m = _arr(m)
    axes = range(m.ndim) if axis is None else normalize_axes(axis, m.ndim)
    key = [slice(None)] * m.ndim
    for ax in axes:
        key[ax] = slice(None, None, -1)
    return m[tuple(key)]


def fliplr(m):
    m = _arr(m)
    if m.ndim < 2:
        raise ValueError("Input must be >= 2-d.")
    return flip(m, 1)


def flipud(m):
    m = _arr(m)
    if m.ndim < 1:
        raise ValueError("Input must be >= 1-d.")
    return flip(m, 0)


# ----- joining and splitting -----

def concatenate(arrays, axis=0, out=None, *, dtype=None, casting="same_kind"):
    arrays = [_arr(x) for x in arrays]
    if not arrays:
        raise ValueError("need at least one array to concatenate")
    if axis is None:
        arrays = [ravel(x) for x in arrays]
        axis = 0
    if any(x.ndim == 0 for x in arrays):
        raise ValueError("zero-dimensional arrays cannot be concatenated")
    nd = arrays[0].ndim
    for i, x in enumerate(arrays):
        if x.ndim != nd:
            raise ValueError("all the input arrays must have same number of dimensions, but the array at index 0 "
                             f"has {nd} dimension(s) and the array at index {i} has {x.ndim} dimension(s)")
    axis = normalize_axis(axis, nd)
    dt = _dtype(dtype) if dtype is not None else (out.dtype if out is not None else result_type(*arrays))
    for x in arrays:
        if not can_cast(x.dtype, dt, casting):
            raise TypeError(f"Cannot cast array data from dtype('{x.dtype.name}') to dtype('{dt.name}') according "
                            f"to the rule '{casting}'")
    r = _wrap(_call(_V.concatenate, [x._j for x in arrays], axis, dt.name))
    if out is not None:
        if out.shape != r.shape:
            raise ValueError("Output array is the wrong shape")
        out[...] = r
        return out
    return r


def stack(arrays, axis=0, out=None, *, dtype=None, casting="same_kind"):
    arrays = [_arr(x) for x in arrays]
    if not arrays:
        raise ValueError("need at least one array to stack")
    if len({x.shape for x in arrays}) != 1:
        raise ValueError("all input arrays must have the same shape")
    axis = normalize_axis(axis, arrays[0].ndim + 1)
    return concatenate([expand_dims(x, axis) for x in arrays], axis, out, dtype=dtype, casting=casting)


def vstack(tup, *, dtype=None, casting="same_kind"):
    arrs = [atleast_2d(x) for x in tup]
    return concatenate(arrs, 0, dtype=dtype, casting=casting)


row_stack = vstack


def hstack(tup, *, dtype=None, casting="same_kind"):
    arrs = [atleast_1d(x) for x in tup]
    if arrs and arrs[0].ndim == 1:
        return concatenate(arrs, 0, dtype=dtype, casting=casting)
    return concatenate(arrs, 1, dtype=dtype, casting=casting)


def dstack(tup):
    return concatenate([atleast_3d(x) for x in tup], 2)


def column_stack(tup):
    arrs = [_arr(x) for x in tup]
    arrs = [reshape(x, (-1, 1)) if x.ndim < 2 else x for x in arrs]
    return concatenate(arrs, 1)


def array_split(ary, indices_or_sections, axis=0):
    ary = _arr(ary)
    axis = normalize_axis(axis, ary.ndim)
    n = ary.shape[axis]
    try:
        sections = operator.index(indices_or_sections)
    except TypeError:
        points = [0] + [operator.index(i) for i in indices_or_sections] + [n]
    else:
        if sections <= 0:
            raise ValueError("number sections must be larger than 0.")
        each, extras = divmod(n, sections)
        sizes = [0] + extras * [each + 1] + (sections - extras) * [each]
        points, acc = [], 0
        for s in sizes:
            acc += s
            points.append(acc)
    pre = (slice(None),) * axis
    return [ary[pre + (slice(points[i], points[i + 1]),)] for i in range(len(points) - 1)]


def split(ary, indices_or_sections, axis=0):
    ary = _arr(ary)
    try:
        sections = operator.index(indices_or_sections)
    except TypeError:
        pass
    else:
        n = ary.shape[normalize_axis(axis, ary.ndim)]
        if n % sections:  # sections == 0: ZeroDivisionError, as NumPy
            raise ValueError("array split does not result in an equal division")
    return array_split(ary, indices_or_sections, axis)


# ----- copies -----

def roll(a, shift, axis=None):
    a = _arr(a)
    if axis is None:
        return reshape(roll(ravel(a), shift, 0), a.shape)
    axes = axis if isinstance(axis, (tuple, list)) else (axis,)
    shifts = shift if isinstance(shift, (tuple, list)) else (shift,)
    if len(shifts) == 1:
        shifts = shifts * len(axes)
    if len(axes) == 1:
        axes = axes * len(shifts)
    if len(axes) != len(shifts):
        raise ValueError("'shift' and 'axis' should be scalars or 1D sequences")
    total = {}
    for ax, sh in zip(axes, shifts):
        ax = normalize_axis(ax, a.ndim)
        total[ax] = total.get(ax, 0) + operator.index(sh)
    r = a
    for ax, sh in total.items():
        n = a.shape[ax]
        if n == 0:
            continue
        sh %= n
        if sh == 0:
            continue
        pre = (slice(None),) * ax
        r = concatenate([r[pre + (slice(n - sh, None),)], r[pre + (slice(None, n - sh),)]], ax)
    return r.copy() if r is a else r


def repeat(a, repeats, axis=None):
    a = _arr(a)
    if axis is None or a.ndim == 0 and axis in (0, -1):
        a = ravel(a)
        axis = 0
    axis = normalize_axis(axis, a.ndim)
    n = a.shape[axis]
    reps = asarray(repeats)
    if reps.size == 0 and reps.dtype.kind == "f":
        reps = reps.astype("int64")
    if reps.dtype.kind not in "biu":
        raise TypeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'")
    reps = reps.tolist()
    if not isinstance(reps, list):
        reps = [reps] * n
    elif len(reps) == 1:
        reps = reps * n
    if len(reps) != n:
        raise ValueError(f"operands could not be broadcast together with shape ({n},) ({len(reps)},)")
    if any(r < 0 for r in reps):
        raise ValueError("repeats may not contain negative values.")
    idx = [i for i, r in enumerate(reps) for _ in range(r)]
    return take(a, asarray(idx, dtype="int64"), axis)


def tile(A, reps):
    try:
        tup = tuple(reps)
    except TypeError:
        tup = (reps,)
    tup = tuple(operator.index(r) for r in tup)
    d = len(tup)
    c = array(A, copy=True, ndmin=d)
    if c.ndim > d:
        tup = (1,) * (c.ndim - d) + tup
    if any(r < 0 for r in tup):
        raise ValueError("negative dimensions are not allowed")
    inter, big = [], []
    for r, s in zip(tup, c.shape):
        inter += [1, s]
        big += [r, s]
    b = broadcast_to(reshape(c, inter), big)
    return reshape(b.copy(), tuple(r * s for r, s in zip(tup, c.shape)))


def pad(array, pad_width, mode="constant", **kwargs):
    a = _arr(array)
    if mode != "constant":
        raise NotImplementedError(f"pad mode {mode!r} is not supported (only 'constant')")
    unknown = set(kwargs) - {"constant_values"}
    if unknown:
        raise ValueError(f"unsupported keyword arguments for mode 'constant': {unknown}")
    pw = _pairs(pad_width, a.ndim, "pad_width")
    if any(x < 0 for p in pw for x in p):
        raise ValueError("index can't contain negative values")
    cv = _pairs(kwargs.get("constant_values", 0), a.ndim, "constant_values", ints=False)
    shape = tuple(n + b + e for n, (b, e) in zip(a.shape, pw))
    r = full(shape, 0, dtype=a.dtype)
    # the constants of later axes overwrite earlier ones in the corners, as NumPy does
    for ax, (b, e) in enumerate(pw):
        pre = (slice(None),) * ax
        if b:
            r[pre + (slice(0, b),)] = cv[ax][0]
        if e:
            r[pre + (slice(shape[ax] - e, None),)] = cv[ax][1]
    r[tuple(slice(b, b + n) for n, (b, _) in zip(a.shape, pw))] = a
    return r


def _pairs(x, ndim, name, ints=True):
    arr = asarray(x)
    if ints and arr.dtype.kind not in "biu":
        raise TypeError("`pad_width` must be of integral type.")
    v = arr.tolist()
    if arr.ndim == 0:
        return [(v, v)] * ndim
    if arr.ndim == 1:
        if len(v) == 1:
            return [(v[0], v[0])] * ndim
        if len(v) == 2:
            return [(v[0], v[1])] * ndim
    if arr.ndim == 2 and len(v[0]) in (1, 2):
        if len(v) == 1:
            v = v * ndim
        if len(v) == ndim:
            return [(p[0], p[-1]) for p in v]
    raise ValueError(f"operands could not be broadcast together with remapped shapes [original->remapped]: "
                     f"{arr.shape}  and requested shape ({ndim},2)")


# ----- integer-index helpers -----

def take(a, indices, axis=None, out=None, mode="raise"):
    a = _arr(a)
    if axis is None or a.ndim == 0 and axis in (0, -1):
        a = ravel(a)
        axis = 0
    axis = normalize_axis(axis, a.ndim)
    ind = asarray(indices)
    if ind.size == 0 and ind.dtype.kind == "f":
        ind = ind.astype("int64")
    if ind.dtype.kind not in "iu" and not (ind.dtype.kind == "b" and ind.size == 0):
        if ind.dtype.kind == "b":
            ind = ind.astype("int64")
        else:
            raise TypeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'")
    n = a.shape[axis]
    if mode in ("wrap", "clip"):
        vals = [int(v) for v in ravel(ind).tolist()]
        if n == 0 and vals:
            raise IndexError("cannot do a non-empty take from an empty axes.")
        vals = [v % n for v in vals] if mode == "wrap" else [min(max(v, 0), n - 1) for v in vals]
        ind = reshape(asarray(vals, dtype="int64"), ind.shape)
    elif mode != "raise":
        raise ValueError(f"clipmode must be one of 'clip', 'raise', or 'wrap' (got '{mode}')")
    r = a[(slice(None),) * axis + (ind if ind.ndim else int(ind.item()),)]
    if out is not None:
        out[...] = r
        return out
    if not isinstance(r, ArrayBase):
        return r  # one element: a scalar of a's dtype, as NumPy's take returns
    return r if r.base is None else r.copy()


def put(a, ind, v, mode="raise"):
    if not isinstance(a, ArrayBase):
        raise TypeError(f"argument 1 must be numpy.ndarray, not {type(a).__name__}")
    idx = [int(i) for i in ravel(asarray(ind)).tolist()]
    vals = ravel(asarray(v, dtype=a.dtype) if not isinstance(v, ArrayBase) else v)
    if not idx:
        return
    if vals.size == 0:
        return
    n = a.size
    if n == 0:
        raise IndexError("cannot replace elements of an empty array")
    if mode == "wrap":
        idx = [i % n for i in idx]
    elif mode == "clip":
        idx = [min(max(i, 0), n - 1) for i in idx]
    else:
        for i in idx:
            if not -n <= i < n:
                raise IndexError(f"index {i} is out of bounds for axis 0 with size {n}")
    vals = take(vals, asarray([k % vals.size for k in range(len(idx))], dtype="int64"))
    multi = [[] for _ in range(a.ndim)]
    for i in idx:
        i %= n
        for ax in range(a.ndim - 1, -1, -1):
            i, r = divmod(i, a.shape[ax])
            multi[ax].append(r)
    if a.ndim == 0:
        a[()] = vals[-1]
        return
    a[tuple(asarray(m, dtype="int64") for m in multi)] = vals


def nonzero(a):
    a = _arr(a)
    if a.ndim == 0:
        raise ValueError("Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead. "
                         "If the context of this function is of the form `arr[nonzero(cond)]`, just use `arr[cond]`.")
    rows = _wrap(_call(_IX.nonzero, a._j))
    if a.ndim == 1:
        return (rows[0],)  # the one row is the whole result: a view, not a second copy of it (NumPy's are views too)
    return tuple(rows[i].copy() for i in range(a.ndim))


def flatnonzero(a):
    return nonzero(ravel(a))[0]


def compress(condition, a, axis=None, out=None):
    a = _arr(a)
    cond = asarray(condition)
    if cond.ndim != 1:
        raise ValueError("condition must be a 1-d array")
    if axis is None or a.ndim == 0 and axis in (0, -1):
        a = ravel(a)
        axis = 0
    axis = normalize_axis(axis, a.ndim)
    idx = nonzero(cond)[0]
    if cond.size > a.shape[axis] and idx.size and int(idx[-1]) >= a.shape[axis]:
        raise IndexError(f"index {int(idx[-1])} is out of bounds for axis {axis} with size {a.shape[axis]}")
    return take(a, idx, axis, out)


# ---- Array API 2024.12 names NumPy 2 also has ----

def concat(arrays, /, *, axis=0):
    """The Array API's name for concatenate (axis=None flattens first)."""
    return concatenate(arrays, axis=axis)


def unstack(x, /, *, axis=0):
    """The views x[..., i, ...] along `axis`, as a tuple (the inverse of stack)."""
    x = _arr(x)
    if x.ndim == 0:
        raise ValueError("Input array must be at least 1-d.")
    axis = normalize_axis(axis, x.ndim)
    moved = moveaxis(x, axis, 0)
    return tuple(moved[i] for i in range(moved.shape[0]))


def along_axis_key(arr, indices, axis):
    """The advanced-index key that matches `indices` along `axis` with every position of the other axes (NumPy's
    _make_along_axis_idx): arr[key] is take_along_axis, arr[key] = v is put_along_axis. axis=None means the
    flattened array; returns (arr or its flat view, key)."""
    arr, indices = _arr(arr), _arr(indices)
    if indices.dtype.kind not in "iu":
        raise IndexError("`indices` must be an integer array")
    if axis is None:
        if indices.ndim != 1:
            raise ValueError("when axis=None, `indices` must have a single dimension.")
        arr, axis = ravel(arr), 0
    elif arr.ndim != indices.ndim:
        raise ValueError("`indices` and `arr` must have the same number of dimensions")
    axis = normalize_axis(axis, arr.ndim)
    shape = broadcast_shapes(tuple(1 if d == axis else n for d, n in enumerate(arr.shape)),
                             tuple(1 if d == axis else n for d, n in enumerate(indices.shape)))
    key = []
    for d in range(arr.ndim):
        if d == axis:
            key.append(indices)
        else:  # 0..n-1 along d, broadcast against the indices (the shapes checked above)
            key.append(reshape(arange(shape[d]), tuple(-1 if e == d else 1 for e in range(arr.ndim))))
    return arr, tuple(key)


def take_along_axis(arr, indices, axis=-1):
    """arr's elements at `indices` along `axis`, matched up with the other axes (as argsort's result fits)."""
    arr, key = along_axis_key(arr, indices, axis)
    return arr[key]


# ----- built from the above (NumPy lists them with creation) -----

def _tri_copy(m):
    """A copy of m to zero a triangle of (1-d input is broadcast to a square, as NumPy does)."""
    m = asarray(m)
    if m.ndim < 1:
        raise ValueError("input array must be at least 1-d")
    if m.ndim == 1:
        m = broadcast_to(m, (m.shape[0],) + m.shape)
    return m.copy()


def tril(m, k=0):
    r = _tri_copy(m)
    r[..., _not(tri(r.shape[-2], r.shape[-1], k, dtype=bool))] = 0
    return r


def triu(m, k=0):
    r = _tri_copy(m)
    r[..., tri(r.shape[-2], r.shape[-1], k - 1, dtype=bool)] = 0
    return r


def _not(mask):
    return _from_flat([not v for v in mask._flat_list()], mask.shape, _dtype("bool"))


def meshgrid(*xi, copy=True, sparse=False, indexing="xy"):
    if indexing not in ("xy", "ij"):
        raise ValueError("Valid values for `indexing` are 'xy' and 'ij'.")
    ndim = len(xi)
    s0 = (1,) * ndim
    out = [reshape(asarray(x), s0[:i] + (-1,) + s0[i + 1:]) for i, x in enumerate(xi)]
    if indexing == "xy" and ndim > 1:
        out[0] = reshape(out[0], (1, -1) + s0[2:])
        out[1] = reshape(out[1], (-1, 1) + s0[2:])
    if not sparse:
        out = list(broadcast_arrays(*out))
    if copy:
        out = [x.copy() for x in out]
    return tuple(out)
