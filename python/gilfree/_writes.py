"""NumPy's functions that write into an existing array: copyto, putmask, place, put_along_axis, fill_diagonal.

Each is one engine entry (dev.gilfree.api.Writes, or an indexed assignment), so the gateway applies the
thread-safety contract: a read-only or frozen destination raises ValueError and is left as it was, and
another thread's borrow raises BorrowError. Values are converted here to the destination's dtype as NumPy
does; every index and size is checked in the engine before the first element is written.
"""
from ._bridge import Writes as _W, call as _call
from ._creation import arange, asarray
from ._manipulation import along_axis_key, broadcast_to
from ._ndarray import ndarray
from ._numpy_interop import is_numpy_array
from ._promotion import can_cast, weak_kind, weak_name

_CASTINGS = ("no", "equiv", "safe", "same_kind", "unsafe")


def _require_array(a, fn):
    """The array `fn` writes: a gilfree array, or a NumPy array's own memory (wrapped, written in place)."""
    if is_numpy_array(a):
        return asarray(a)
    if not isinstance(a, ndarray):
        raise TypeError(f"{fn}() argument 1 must be {'a ' if fn == 'copyto' else ''}numpy.ndarray, not {type(a).__name__}")
    return a


def _values(a, values):
    """`values` as a new C-contiguous 1-d array of a's dtype (never a's memory), cast as NumPy does (unsafe)."""
    return asarray(values).astype(a.dtype).reshape(-1)


def copyto(dst, src, casting="same_kind", where=True):
    """Copies `src` into `dst` (broadcast to dst's shape) where `where` is true, casting by `casting`."""
    dst = _require_array(dst, "copyto")
    if casting not in _CASTINGS:
        raise ValueError(f"casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' (got {casting!r})")
    kind = weak_kind(src)
    if kind is not None:  # a Python scalar is weak (NEP 50): its kind, not a dtype, meets dst's
        name = weak_name(dst.dtype.name, kind)
        if name != dst.dtype.name and not can_cast(name, dst.dtype, casting):
            raise TypeError(f"Cannot cast scalar from dtype('{name}') to dtype('{dst.dtype.name}') "
                            f"according to the rule '{casting}'")
        src = asarray(src, dtype=name)  # OverflowError for a Python int out of dst's range
        casting = "unsafe"  # checked above, for the scalar's value rather than its dtype
    else:
        src = asarray(src)
    mask = None
    if where is not True:  # an array must be bool already; anything else is converted to bool
        mask = where if isinstance(where, ndarray) else asarray(where, dtype="bool")
        if mask.dtype.name != "bool":
            raise TypeError(f"Cannot cast array data from dtype('{mask.dtype.name}') to dtype('bool') "
                            "according to the rule 'safe'")
    _call(_W.copyto, dst._j, src._j, None if mask is None else mask._j, casting)


def putmask(a, mask, values):
    """a.flat[n] = values[n % len(values)] for every n where mask.flat[n] is true (mask of a's size)."""
    if not isinstance(a, ndarray):
        raise TypeError("putmask: first argument must be an array")
    _call(_W.putmask, a._j, asarray(mask).astype("bool")._j, _values(a, values)._j)


def place(arr, mask, vals):
    """The k-th element of arr where mask is true becomes vals[k % len(vals)]."""
    arr = _require_array(arr, "place")
    _call(_W.place, arr._j, asarray(mask).astype("bool")._j, _values(arr, vals)._j)


def put_along_axis(arr, indices, values, axis):
    """arr at `indices` along `axis` (matched with every position of the other axes) becomes `values`."""
    arr = _require_array(arr, "put_along_axis")
    if axis is None:  # positions of the flattened array, values broadcast to the indices
        indices = asarray(indices)
        along_axis_key(arr, indices, None)  # NumPy's checks
        vals = broadcast_to(asarray(values).astype(arr.dtype), indices.shape).reshape(-1).copy()
        _call(_W.putFlat, arr._j, indices.astype("int64")._j, vals._j)
        return
    arr, key = along_axis_key(arr, indices, axis)
    arr[key] = values


def fill_diagonal(a, val, wrap=False):
    """Writes `val` (cycled) on the main diagonal of `a` (at least 2-d; every dimension equal beyond 2-d)."""
    a = _require_array(a, "fill_diagonal")
    if a.ndim < 2:
        raise ValueError("array must be at least 2-d")
    stop = a.size
    if a.ndim == 2:
        step = a.shape[1] + 1  # the diagonal of a C-ordered matrix, NumPy's a.flat[:end:step]
        if not wrap:
            stop = min(stop, a.shape[1] * a.shape[1])
    else:
        if any(d != a.shape[0] for d in a.shape):
            raise ValueError("All dimensions of input must be of equal length")
        step, n = 1, 1
        for d in a.shape[:-1]:
            n *= d
            step += n
    _call(_W.putFlat, a._j, arange(0, stop, step, dtype="int64")._j, _values(a, val)._j)
