"""Array creation: from Python data, and the filled/ranged constructors."""
import builtins
import math
import operator

from ._dtypes import dtype as _dtype
from ._ndarray import ndarray, _wrap, _call
from ._runtime import Engine as _E
from ._numpy_interop import is_numpy_array as _is_numpy_array, from_numpy as _from_numpy

_INT64_MIN, _INT64_MAX = -(1 << 63), (1 << 63) - 1


_MAXDIMS = 64  # NumPy's limit on dimensions


def _shape_tuple(shape):
    return _check_shape(_shape_tuple_unchecked(shape))


def _check_shape(shape):
    # Dimensions beyond int64 or more than 64 of them: NumPy's ValueErrors, not a failed Java conversion.
    if len(shape) > _MAXDIMS:
        raise ValueError(f"maximum supported dimension for an ndarray is currently {_MAXDIMS}, found {len(shape)}")
    for d in shape:
        if d > _INT64_MAX:
            raise ValueError("Maximum allowed dimension exceeded")
    return shape


def _shape_tuple_unchecked(shape):
    if isinstance(shape, tuple) and all(type(d) is int for d in shape):
        return shape
    try:
        return (operator.index(shape),)
    except TypeError:
        pass
    if isinstance(shape, (str, bytes)):  # a sequence, but never one of dimensions ('' is not a shape)
        raise TypeError(f"'{type(shape).__name__}' object cannot be interpreted as an integer")
    try:
        return tuple(operator.index(d) for d in shape)
    except TypeError:
        raise TypeError(f"'{type(shape).__name__}' object cannot be interpreted as an integer") from None


def _discover(obj, depth=0):
    """Shape and C-ordered flat list of nested sequences; ValueError for ragged ones, as NumPy."""
    if isinstance(obj, ndarray):
        return obj.shape, obj._flat_list()
    if depth > _MAXDIMS:  # also keeps absurdly deep nesting from hitting Python's recursion limit
        raise ValueError(f"maximum supported dimension for an ndarray is currently {_MAXDIMS}, found {depth}")
    if isinstance(obj, (list, tuple)):
        if not obj:
            return (0,), []
        shapes, flat = [], []
        for item in obj:
            s, f = _discover(item, depth + 1)
            shapes.append(s)
            flat.extend(f)
        first = shapes[0]
        for s in shapes[1:]:
            if s != first:
                common = 0
                while common < min(len(s), len(first)) and s[common] == first[common]:
                    common += 1
                detected = (len(obj),) + first[:common]
                raise ValueError(
                    "setting an array element with a sequence. The requested array has an inhomogeneous shape "
                    f"after {len(detected)} dimensions. The detected shape was {detected} + inhomogeneous part.")
        return (len(obj),) + first, flat
    if isinstance(obj, (str, bytes)) or not isinstance(obj, (builtins.bool, int, float, complex)) \
            and not hasattr(obj, "__index__") and not hasattr(obj, "__float__"):
        raise TypeError(f"gilfree arrays hold numbers only; cannot convert {type(obj).__name__!r} to a numeric dtype")
    return (), [obj]


def _infer_dtype(flat):
    kind = "b"
    for v in flat:
        if isinstance(v, builtins.bool) or getattr(v, "dtype", None) == "bool":
            continue
        if isinstance(v, complex):
            return "complex128"
        if isinstance(v, float):
            kind = "f"
        elif kind == "b":
            kind = "i"
    return {"b": "bool", "i": "int64", "f": "float64"}[kind]


def _from_flat(flat, shape, dt):
    if dt.kind == "c":
        raise TypeError("complex arrays are not supported by the engine yet")
    if dt.kind in "biu":
        try:
            values = [operator.index(v) if not isinstance(v, float) else int(v) for v in flat]
        except (TypeError, ValueError, OverflowError):
            raise TypeError(f"cannot convert the data to {dt.name}") from None
        for v in values:
            if not _INT64_MIN <= v <= _INT64_MAX:
                raise OverflowError(f"Python integer {v} out of bounds for {dt.name}")
        return _wrap(_call(_E.fromLongs, values, shape, dt.name), shape)
    return _wrap(_call(_E.fromDoubles, [float(v) for v in flat], shape, dt.name), shape)


def asarray(a, dtype=None, order=None, *, copy=None):
    """Convert the input to an array (no copy when it already is one of the right dtype)."""
    if _is_numpy_array(a):  # NumPy's memory: shared when it came from gilfree, else one copy
        return _from_numpy(a, dtype, copy)
    if isinstance(a, ndarray):
        if dtype is None or _dtype(dtype) == a.dtype:
            return a.copy() if copy else a
        if copy is False:
            raise ValueError("Unable to avoid copy while creating an array as requested.")
        return a.astype(dtype)
    shape, flat = _discover(a)
    dt = _dtype(dtype) if dtype is not None else _dtype(_infer_dtype(flat))
    return _from_flat(flat, shape, dt)


def array(object, dtype=None, *, copy=True, order="K", ndmin=0):  # noqa: A002 - NumPy's parameter name
    """Create an array (a copy unless copy=False allows sharing)."""
    a = asarray(object, dtype=dtype, copy=copy)
    while a.ndim < ndmin:
        a = a.reshape((1,) + a.shape)
    return a


def zeros(shape, dtype=float, order="C"):
    shape = _shape_tuple(shape)
    return _wrap(_call(_E.zeros, shape, _dtype(dtype).name), shape)


def empty(shape, dtype=float, order="C"):
    """Like zeros: the engine's memory always starts zeroed (never leaks old data)."""
    return zeros(shape, dtype, order)


def ones(shape, dtype=float, order="C"):
    return full(shape, 1, dtype)


def full(shape, fill_value, dtype=None, order="C"):
    shape = _shape_tuple(shape)
    if dtype is None:
        dtype = _infer_dtype([fill_value])
    dt = _dtype(dtype)
    return _wrap(_call(_E.full, shape, float(fill_value), dt.name), shape)


def arange(start, stop=None, step=None, dtype=None):
    """Evenly spaced values in [start, stop): int64 when start, stop and step are ints, else float64."""
    if stop is None:
        start, stop = 0, start
    if step is None:
        step = 1
    if step == 0:
        raise ZeroDivisionError("division by zero")
    all_int = all(isinstance(v, int) for v in (start, stop, step))
    dt = _dtype(dtype if dtype is not None else ("int64" if all_int else "float64"))
    span = (stop - start) / step
    if span != span:  # NaN
        raise ValueError("arange: cannot compute length")
    if span in (float("inf"), float("-inf")) or span > _INT64_MAX:
        raise ValueError("Maximum allowed size exceeded")
    n = max(math.ceil(span), 0)
    if dt.kind in "biu" and all_int:
        return _wrap(_call(_E.arangeLong, start, step, n, dt.name), (n,))
    return _wrap(_call(_E.arange, float(start), float(step), n, dt.name), (n,))
