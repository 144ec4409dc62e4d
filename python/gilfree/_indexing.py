"""a[key] and a[key] = value: NumPy's basic indexing as one engine view, advanced indexing as gather/scatter.

Basic keys (ints, slices, Ellipsis, None) become a flat spec of longs the engine's IndexResolver turns into
the view's layout in one call. Advanced keys (integer and boolean arrays, lists) follow NumPy's rules:
integers count as advanced indices next to arrays, boolean arrays become their nonzero() indices, all
index arrays broadcast together, and the broadcast dimensions replace the indexed ones in place when the
advanced indices are adjacent, else they go first.
"""
import builtins
import operator

from ._dtypes import generic as _generic
from ._bridge import Indexing as _IX, call as _call
from ._base import ArrayBase, wrap as _wrap, view as _view
from ._creation import arange, asarray
from ._manipulation import broadcast_shapes, broadcast_to, concatenate, nonzero, ravel
from ._dtypes import INT_BOUNDS as _BOUNDS
from ._numpy_interop import is_numpy_array
_NONE = -(1 << 63)
_LMIN, _LMAX = -(1 << 63) + 1, (1 << 63) - 1
_BAD = ("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays "
        "are valid indices")

# _FALSE: a scalar or 0-d False, which NumPy reads as a new axis of length 1 indexed by an empty index array
_INT, _SLICE, _NEW, _ELL, _ARR, _FALSE = 0, 1, 2, 3, 4, 5


def _clamp(v):
    if v is None:
        return _NONE
    v = operator.index(v)
    return _LMIN if v < _LMIN else _LMAX if v > _LMAX else v


def _classify(key):
    """[(code, payload)] for the items of `key`."""
    if not isinstance(key, tuple):
        key = (key,)
    items = []
    for k in key:
        if is_numpy_array(k):  # NumPy index arrays (Dask's fancy indexing passes them): wrapped, no copy
            k = asarray(k)
        if k is None:
            items.append((_NEW, None))
        elif k is Ellipsis:
            items.append((_ELL, None))
        elif isinstance(k, slice):
            step = 1 if k.step is None else operator.index(k.step)
            if step == 0:
                raise ValueError("slice step cannot be zero")
            try:
                items.append((_SLICE, (_clamp(k.start), _clamp(k.stop), step)))
            except TypeError:
                raise TypeError("slice indices must be integers or None or have an __index__ method") from None
        elif isinstance(k, (builtins.bool,)) or type(k).__name__ == "bool" and isinstance(k, _generic):
            if builtins.bool(k):
                items.append((_NEW, None))
            else:
                items.append((_FALSE, asarray([], dtype="int64")))
        elif isinstance(k, ArrayBase):
            if k.dtype.kind not in "biu":
                raise IndexError("arrays used as indices must be of integer (or boolean) type")
            if k.ndim == 0 and k.dtype.kind in "iu":
                items.append((_INT, int(k.item())))
            elif k.ndim == 0:
                if builtins.bool(k.item()):
                    items.append((_NEW, None))
                else:
                    items.append((_FALSE, asarray([], dtype="int64")))
            else:
                items.append((_ARR, k))
        elif isinstance(k, list):
            arr = asarray(k) if k else asarray(k, dtype="int64")
            if arr.dtype.kind not in "biu":
                raise IndexError(_BAD)
            items.append((_ARR, arr))
        elif isinstance(k, (float, complex, str, bytes)):
            raise IndexError(_BAD)
        else:
            try:
                items.append((_INT, operator.index(k)))
            except TypeError:
                raise IndexError(_BAD) from None
    return items


def _spec(items):
    spec = []
    for code, p in items:
        if code == _INT:
            spec += [0, _clamp(p), 0, 0]
        elif code == _SLICE:
            spec += [1, p[0], p[1], p[2]]
        elif code == _NEW:
            spec += [2, 0, 0, 0]
        else:
            spec += [3, 0, 0, 0]
    return spec


def _basic_view(a, items):
    return _view(_call(_IX.basic, a._j, _spec(items)), a)


def _expand(a, items):
    """Ellipsis expanded to slices, boolean arrays to integer arrays; IndexError for too many indices."""
    consumed = 0
    for code, p in items:
        if code in (_INT, _SLICE):
            consumed += 1
        elif code == _ARR:
            consumed += p.ndim if p.dtype.kind == "b" else 1
    if sum(1 for c, _ in items if c == _ELL) > 1:
        raise IndexError("an index can only have a single ellipsis ('...')")
    if consumed > a.ndim:
        raise IndexError(f"too many indices for array: array is {a.ndim}-dimensional, but {consumed} were indexed")
    out, axis = [], 0
    full = (_NONE, _NONE, 1)
    for code, p in items:
        if code == _ELL:
            for _ in range(a.ndim - consumed):
                out.append((_SLICE, full))
                axis += 1
        elif code == _ARR and p.dtype.kind == "b":
            for j, n in enumerate(p.shape):
                if axis + j >= a.ndim or a.shape[axis + j] != n:
                    size = a.shape[axis + j] if axis + j < a.ndim else 0
                    raise IndexError(f"boolean index did not match indexed array along axis {axis + j}; size of "
                                     f"axis is {size} but size of corresponding boolean axis is {n}")
            nz = p.nonzero()
            for j in range(p.ndim):
                out.append((_ARR, nz[j]))
            axis += p.ndim
        else:
            out.append((code, p))
            if code not in (_NEW, _FALSE):
                axis += 1
    return out


def _advanced(a, items):
    """(view, index array (k, *B), k, axes, B, result permutation) for an advanced key."""
    items = _expand(a, items)
    basic, adv_pos, arrays, orig_axes = [], [], [], []
    pos = axis = 0
    for code, p in items:
        if code in (_NEW, _FALSE):
            basic.append((_NEW, None))
            if code == _FALSE:
                arrays.append(p)
                adv_pos.append(pos)
                orig_axes.append(axis)
            pos += 1
            continue
        if code == _INT and not -a.shape[axis] <= p < a.shape[axis]:
            raise IndexError(f"index {p} is out of bounds for axis {axis} with size {a.shape[axis]}")
        if code in (_INT, _ARR):
            basic.append((_SLICE, (_NONE, _NONE, 1)))
            arrays.append(asarray(p, dtype="int64") if code == _INT else p)
            adv_pos.append(pos)
            orig_axes.append(axis)
        else:
            basic.append((code, p))
        pos += 1
        axis += 1
    view = _basic_view(a, basic)
    try:
        bshape = broadcast_shapes(*[x.shape for x in arrays])
    except ValueError:
        shapes = " ".join(str(x.shape) for x in arrays)
        raise IndexError(f"shape mismatch: indexing arrays could not be broadcast together with shapes {shapes}") from None
    rest = [i for i in range(view.ndim) if i not in adv_pos]
    view = view.transpose(adv_pos + rest) if adv_pos + rest != list(range(view.ndim)) else view
    idx = concatenate([broadcast_to(x.astype("int64", copy=False), bshape).reshape((1,) + bshape) for x in arrays])
    adjacent = adv_pos == list(range(adv_pos[0], adv_pos[0] + len(adv_pos)))
    nb, k = len(bshape), len(arrays)
    nrest = view.ndim - k
    if adjacent and adv_pos[0] > 0:
        p0 = adv_pos[0]
        perm = [nb + i for i in range(p0)] + list(range(nb)) + [nb + i for i in range(p0, nrest)]
    else:
        perm = None
    return view, idx, k, orig_axes, bshape, perm


def _element(a, key):
    """a[i, j, ...] for a full tuple of Python ints on a real dtype: one engine call, or None.

    The hot path of loops like `a[0] += x`: a 1-d a[i] passes i as a long, with no index list to convert.
    """
    dt = a._dtype or a.dtype
    kind = dt.kind
    if kind == "c":
        return None
    j = a._j
    if type(key) is int:
        if len(a._shape or a.shape) != 1 or not _LMIN <= key <= _LMAX:
            return None
        v = _call(_IX.getDoubleAt if kind == "f" else _IX.getLongAt, j, key)
    else:
        if len(key) != len(a.shape) or not all(type(i) is int and _LMIN <= i <= _LMAX for i in key):
            return None
        v = _call(_IX.getDouble if kind == "f" else _IX.getLong, j, list(key))
    if kind == "f":
        return dt.type._exact(float(v))
    v = int(v)
    if kind == "b":
        return dt.type._exact(v != 0)
    if kind == "u" and v < 0:
        v += 1 << 64
    return dt.type._exact(v)


def _full_mask(a, key):
    """True when key is a bool array of a's own shape: a[key] is then one engine pass (no nonzero())."""
    return isinstance(key, ArrayBase) and key.dtype.kind == "b" and key.shape == a.shape


def flat_positions(key, n):
    """The C-order positions `a.flat[key]` names in an array of n elements, as an int64 array (negative
    positions count from the end; the engine checks bounds): key an int, slice, int list/array, bool mask
    of n elements or Ellipsis."""
    if key is Ellipsis:
        return arange(n)
    if isinstance(key, slice):
        return arange(*key.indices(n))
    if isinstance(key, (list, tuple, ArrayBase)):
        k = ravel(asarray(key) if len(key) or isinstance(key, ArrayBase) else asarray(key, dtype="int64"))
        if k.dtype.kind == "b":
            if k.size != n:
                raise IndexError("boolean index did not match indexed flat iterator along axis 0; size of axis is "
                                 f"{n} but size of corresponding boolean axis is {k.size}")
            return nonzero(k)[0]
        if k.dtype.kind not in "iu":
            raise IndexError(_BAD)
        return k.astype("int64", copy=False)
    if isinstance(key, (builtins.bool, float, complex, str, bytes)):
        raise IndexError(_BAD)
    try:
        return asarray([operator.index(key)], dtype="int64")
    except TypeError:
        raise IndexError(_BAD) from None


def getitem(a, key):
    if type(key) is int or type(key) is tuple:
        r = _element(a, key)
        if r is not None:
            return r
    if _full_mask(a, key):
        return _wrap(_call(_IX.maskSelect, a._j, key._j))
    items = _classify(key)
    if not any(c in (_ARR, _FALSE) for c, _ in items):
        if len(items) == a.ndim and all(c == _INT for c, _ in items):
            if a.ndim == 0:
                return a._scalar_at(a._j)
            return a._scalar_at(_call(_IX.basic, a._j, _spec(items)))
        return _basic_view(a, items)
    view, idx, k, axes, bshape, perm = _advanced(a, items)
    r = _wrap(_call(_IX.gather, view._j, idx._j, k, axes))
    if perm is not None:
        r = r.transpose(perm).copy()
    return r


def _value_array(a, value):
    if isinstance(value, ArrayBase):
        return value
    if isinstance(value, complex) and not isinstance(value, _generic) and a.dtype.kind != "c":
        raise TypeError(f"float() argument must be a string or a real number, not 'complex'"
                        if a.dtype.kind == "f" else "int() argument must be a string, a bytes-like object or a "
                        "real number, not 'complex'")
    return asarray(value, dtype=a.dtype)


def _set_element(a, key, value):
    """a[i, j, ...] = Python int/float on a matching real dtype in one engine call; False if not applicable."""
    one = type(key) is int
    if one:
        if len(a._shape or a.shape) != 1 or not _LMIN <= key <= _LMAX:
            return False
    elif len(key) != len(a.shape) or not all(type(i) is int and _LMIN <= i <= _LMAX for i in key):
        return False
    kind = (a._dtype or a.dtype).kind
    j = a._j
    if type(value) is float and kind == "f":
        _call(_IX.setDoubleAt, j, key, value) if one else _call(_IX.setDouble, j, list(key), value)
        return True
    if type(value) is int and kind in "iu":
        lo, hi = _BOUNDS[a.dtype.name]
        if lo <= value <= hi:
            v = value - (1 << 64) if value > _LMAX else value
            _call(_IX.setLongAt, j, key, v) if one else _call(_IX.setLong, j, list(key), v)
            return True
    return False


def setitem(a, key, value):
    if (type(key) is int or type(key) is tuple) and _set_element(a, key, value):
        return
    if not a.flags.writeable:
        raise ValueError("assignment destination is read-only")
    if _full_mask(a, key):
        vals = _value_array(a, value)
        if vals.size == 1 or vals.ndim == 1:
            _call(_IX.maskAssign, a._j, key._j, vals._j)
            return
    items = _classify(key)
    vals = _value_array(a, value)
    if not any(c in (_ARR, _FALSE) for c, _ in items):
        target = _basic_view(a, items) if items else a
        _call(_IX.assign, target._j, vals._j)
        return
    view, idx, k, axes, bshape, perm = _advanced(a, items)
    rshape = tuple(bshape) + view.shape[k:]
    if perm is not None:
        rshape = tuple(rshape[i] for i in perm)
        try:
            vals = broadcast_to(vals, rshape)
        except ValueError:
            raise ValueError(f"shape mismatch: value array of shape {vals.shape} could not be broadcast to "
                             f"indexing result of shape {rshape}") from None
        inv = [0] * len(perm)
        for i, p in enumerate(perm):
            inv[p] = i
        vals = vals.transpose(inv)
    _call(_IX.scatter, view._j, idx._j, k, axes, vals._j)
