"""Index-driven selection: choose (pick each element from one of several arrays) and lexsort (a stable sort on
several keys, the last key primary). Both gather with take_along_axis over stacked or argsorted arrays."""
from ._base import ArrayBase
from ._creation import asarray
from ._exceptions import normalize_axis
from ._manipulation import broadcast_arrays, stack, take_along_axis
from ._promotion import result_type
from ._reductions import any as _any
from ._sorting import argsort
from . import _ufuncs as _u


def lexsort(keys, axis=-1):
    if isinstance(keys, ArrayBase):
        keys = list(keys) if keys.ndim else []
    elif isinstance(keys, tuple):
        keys = list(keys)
    if not isinstance(keys, list) or len(keys) == 0:
        raise TypeError("need sequence of keys with len > 0 in lexsort")
    keys = [asarray(k) for k in keys]
    if any(k.shape != keys[0].shape for k in keys):
        raise ValueError("all keys need to be the same shape")
    if axis is None:
        raise TypeError("'NoneType' object cannot be interpreted as an integer")
    if keys[0].ndim == 0:
        return asarray(0, dtype="int64")[()]
    axis = normalize_axis(axis, keys[0].ndim)
    # Sort by the least significant key first; each later stable sort keeps earlier ties in order.
    order = argsort(keys[0], axis=axis, kind="stable")
    for k in keys[1:]:
        order = take_along_axis(order, argsort(take_along_axis(k, order, axis), axis=axis, kind="stable"), axis)
    return order


def choose(a, choices, out=None, mode="raise"):
    a = asarray(a)
    if a.dtype.kind not in "biu":
        raise TypeError(f"Cannot cast array data from dtype('{a.dtype.name}') to dtype('int64') according to the "
                        f"rule 'safe'")
    if mode not in ("raise", "wrap", "clip"):
        raise ValueError(f"clipmode must be one of 'clip', 'raise', or 'wrap' (got '{mode}')")
    choices = list(choices) if isinstance(choices, ArrayBase) else [asarray(c) for c in choices]
    n = len(choices)
    if n == 0:
        raise ValueError("0-length sequence.")
    dt = result_type(*choices)
    a, *choices = broadcast_arrays(a.astype("int64"), *choices)
    if mode == "raise":
        if a.size and _any(_u.logical_or(a < 0, a >= n)):
            raise ValueError("invalid entry in choice array")
    elif mode == "wrap":
        a = _u.remainder(a, n)
    else:
        a = _u.minimum(_u.maximum(a, 0), n - 1)
    picked = take_along_axis(stack([c.astype(dt) for c in choices]), a.reshape((1,) + a.shape), 0)
    r = picked.reshape(a.shape)
    if out is not None:
        out[...] = r
        return out
    return r[()] if r.ndim == 0 else r
