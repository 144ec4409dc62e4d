"""Array creation: from Python data, the filled/ranged constructors, and the *_like forms."""
import builtins
import math
import operator
from collections.abc import Sequence as _Sequence

from . import _errstate
from ._dtypes import dtype as _dtype, generic as _generic, scalar
from ._bridge import Engine as _E, Views as _V, call as _call
from ._dtypes import INT_BOUNDS as _BOUNDS, INT64_MAX as _INT64_MAX
from ._float32 import ROUNDING as _ROUNDING, cast_overflows, round_float32 as _f32
from ._base import ArrayBase, wrap as _wrap
from ._promotion import promote_types
from ._numpy_interop import is_numpy_array as _is_numpy_array, from_numpy as _from_numpy, \
    is_foreign_array as _is_foreign_array, from_foreign as _from_foreign

from ._shapes import MAXDIMS as _MAXDIMS, check_shape as _check_shape, shape_tuple as _shape_tuple


def _discover(obj, depth=0):
    """Shape and C-ordered flat list of nested sequences; ValueError for ragged ones, as NumPy."""
    if isinstance(obj, ArrayBase):
        return obj.shape, obj._flat_list()
    if depth > _MAXDIMS:  # also keeps absurdly deep nesting from hitting Python's recursion limit
        raise ValueError(f"maximum supported dimension for an ndarray is currently {_MAXDIMS}, found {depth}")
    if not isinstance(obj, (list, tuple, str, bytes)) and isinstance(obj, _Sequence):
        obj = list(obj)  # range, deque, array.array...: sequences NumPy reads element by element
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
    if isinstance(obj, (str, bytes)) or not isinstance(obj, (builtins.bool, int, float, complex, _generic)) \
            and not hasattr(obj, "__index__") and not hasattr(obj, "__float__"):
        raise TypeError(f"gilfree arrays hold numbers only; cannot convert {type(obj).__name__!r} to a numeric dtype")
    return (), [obj]


def _infer_dtype(flat, strong=()):
    """NumPy's dtype for discovered values: in array creation every value counts with its own dtype (Python
    bool/int/float/complex as bool/int64/float64/complex128, ints beyond int64 as uint64), all promoted."""
    seen = {d.name for d in strong}
    for v in flat:
        if isinstance(v, _generic):
            seen.add(v.dtype.name)
        elif isinstance(v, builtins.bool):
            seen.add("bool")
        elif isinstance(v, int):
            if not _BOUNDS["int64"][0] <= v <= _BOUNDS["uint64"][1]:
                # NumPy makes an object array; gilfree has numeric dtypes only
                raise OverflowError(f"Python integer {v} out of bounds for int64")
            seen.add("uint64" if v > _BOUNDS["int64"][1] else "int64")
        elif isinstance(v, complex):
            seen.add("complex128")
        else:
            seen.add("float64")
    if not seen:
        return _dtype("float64")
    result = None
    for name in sorted(seen):
        result = _dtype(name) if result is None else promote_types(result, name)
    return result


def _from_flat(flat, shape, dt):
    name = dt.name
    if dt.kind == "c":
        data = []
        for v in flat:
            z = complex(v)
            data += [z.real, z.imag]
        if name == "complex64":
            _check_cast(data, "float32")
        return _wrap(_call(_E.fromComplex, data, list(shape), name), shape)
    if dt.kind in "biu":
        lo, hi = _BOUNDS[name]
        values = []
        for v in flat:
            if isinstance(v, complex):
                raise TypeError(f"int() argument must be a string, a bytes-like object or a real number, not 'complex'")
            if isinstance(v, float) or isinstance(v, _generic) and v.dtype.kind in "fc":
                if math.isnan(v) or math.isinf(v):
                    if dt.kind == "b":
                        values.append(1)
                        continue
                    raise ValueError("cannot convert float NaN to integer" if math.isnan(v)
                                     else "cannot convert float infinity to integer")
                v = builtins.bool(v) if dt.kind == "b" else int(v)
                if not -(1 << 63) <= v < (1 << 64 if name == "uint64" else 1 << 63):
                    raise OverflowError("Python int too large to convert to C long")
            elif dt.kind == "b":
                v = builtins.bool(v)
            else:
                v = operator.index(v)
                if not lo <= v <= hi and not (isinstance(v, _generic)):
                    raise OverflowError(f"Python integer {v} out of bounds for {name}")
            if v > _BOUNDS["int64"][1]:
                v -= 1 << 64
            values.append(int(v))
        return _wrap(_call(_E.fromLongs, values, list(shape), name), shape)
    out = []
    for v in flat:
        if isinstance(v, complex):
            raise TypeError("float() argument must be a string or a real number, not 'complex'")
        out.append(float(v))
    if name in ("float16", "float32"):
        _check_cast(out, name)
    return _wrap(_call(_E.fromDoubles, out, list(shape), name), shape)


def _check_cast(values, name):
    """NumPy warns (errstate "over") when a finite value becomes inf in float32 or float16."""
    for v in values:
        if cast_overflows(v, name):
            _errstate.handle(_errstate.OVER, "cast")
            return


def asarray(a, dtype=None, order=None, *, copy=None, device=None, like=None):
    """Convert the input to an array (no copy when it already is one of the right dtype)."""
    if _is_numpy_array(a):  # NumPy's memory, wrapped (no copy) unless a dtype change or copy=True needs one
        return _from_numpy(a, dtype, copy)
    if isinstance(a, ArrayBase):
        if dtype is None or _dtype(dtype) == a.dtype:
            return a.copy() if copy else a
        if copy is False:
            raise ValueError("Unable to avoid copy while creating an array as requested.")
        return a.astype(dtype)
    if _is_foreign_array(a):  # buffer protocol, array interface, DLPack: through NumPy's zero-copy import
        return _from_foreign(a, dtype, copy)
    if copy is False:
        raise ValueError("Unable to avoid copy while creating an array as requested.")
    shape, flat = _discover(a)
    strong = _strong_dtypes(a)
    dt = _dtype(dtype) if dtype is not None else _infer_dtype(flat, strong)
    if isinstance(a, _generic) and dtype is None:
        dt = a.dtype
    elif dtype is None and type(a).__module__ == "numpy" and getattr(getattr(a, "dtype", None), "isnative", False):
        dt = _dtype(a.dtype.name)  # a NumPy scalar keeps its dtype (np.int32(1) -> int32), as in NumPy
    return _from_flat(flat, shape, dt)


def _strong_dtypes(obj):
    """Dtypes of the arrays nested in a list (they count as strong types)."""
    if isinstance(obj, ArrayBase):
        return [obj.dtype]
    if isinstance(obj, (list, tuple)):
        out = []
        for x in obj:
            out.extend(_strong_dtypes(x))
        return out
    return []


def array(object, dtype=None, *, copy=True, order="K", subok=False, ndmin=0, like=None):  # noqa: A002
    """Create an array (a copy unless copy=False/None allows sharing)."""
    if isinstance(object, ArrayBase) and copy:
        a = object.astype(dtype if dtype is not None else object.dtype, copy=True)
        if order == "F":
            a = a.copy("F")
    elif copy and (_is_numpy_array(object) or _is_foreign_array(object)):  # NumPy's memory: a copy was asked for
        a = asarray(object, dtype=dtype, copy=True)
    else:
        a = asarray(object, dtype=dtype, copy=copy if copy is False else None)
    if a.ndim < ndmin:
        a = a.reshape((1,) * (ndmin - a.ndim) + a.shape)
    return a


def asanyarray(a, dtype=None, order=None, *, copy=None):
    return asarray(a, dtype=dtype, order=order, copy=copy)


def ascontiguousarray(a, dtype=None, *, like=None):
    a = asarray(a, dtype=dtype)
    if a.ndim == 0:
        a = a.reshape((1,))
    return a if a.flags.c_contiguous else a.copy("C")


def asfortranarray(a, dtype=None, *, like=None):
    a = asarray(a, dtype=dtype)
    if a.ndim == 0:
        a = a.reshape((1,))
    return a if a.flags.f_contiguous else a.copy("F")


def result_order(a, order):
    """'C' or 'F': the layout of a new array made from `a` with NumPy's `order` argument ('K' and 'A' keep a
    Fortran-ordered input Fortran-ordered; a general strided 'K' gets C order)."""
    if order is None or order in ("K", "A"):
        return "F" if a.flags.f_contiguous and not a.flags.c_contiguous else "C"
    if order not in ("C", "F"):
        raise ValueError(f"order must be one of 'C', 'F', 'A', or 'K' (got {order!r})")
    return order


def _copy(a, order="C"):
    if result_order(a, order) == "F":
        return _wrap(_call(_V.copyF, a._j), a.shape)
    return _wrap(_call(_E.copy, a._j), a.shape)


def copy(a, order="K", subok=False):
    return _copy(asarray(a), order)


def zeros(shape, dtype=float, order="C", *, device=None, like=None):
    shape = _shape_tuple(shape)
    if any(d < 0 for d in shape):
        raise ValueError("negative dimensions are not allowed")
    a = _wrap(_call(_E.zeros, list(shape), _dtype(dtype).name), shape)
    return _copy(a, "F") if order == "F" and a.ndim > 1 else a


def empty(shape, dtype=float, order="C", *, device=None, like=None):
    """Like zeros: the engine's memory always starts zeroed (never leaks old data)."""
    return zeros(shape, dtype, order)


def ones(shape, dtype=float, order="C", *, device=None, like=None):
    return full(shape, 1, dtype, order)


def full(shape, fill_value, dtype=None, order="C", *, device=None, like=None):
    shape = _shape_tuple(shape)
    fill = asarray(fill_value, dtype=dtype) if not isinstance(fill_value, ArrayBase) else fill_value
    dt = _dtype(dtype) if dtype is not None else fill.dtype
    a = zeros(shape, dt, order)
    a[...] = fill
    return a


def _like_dtype(a, dtype):
    return _dtype(dtype) if dtype is not None else asarray(a).dtype


def _like_shape(a, shape):
    return _shape_tuple(shape) if shape is not None else asarray(a).shape


def zeros_like(a, dtype=None, order="K", subok=True, shape=None, *, device=None):
    return zeros(_like_shape(a, shape), _like_dtype(a, dtype))


def empty_like(prototype, dtype=None, order="K", subok=True, shape=None, *, device=None):
    return zeros(_like_shape(prototype, shape), _like_dtype(prototype, dtype))


def ones_like(a, dtype=None, order="K", subok=True, shape=None, *, device=None):
    return full(_like_shape(a, shape), 1, _like_dtype(a, dtype))


def full_like(a, fill_value, dtype=None, order="K", subok=True, shape=None, *, device=None):
    return full(_like_shape(a, shape), fill_value, _like_dtype(a, dtype))


def _wrap64(v):
    """A Python int as the Java long with the same low 64 bits: uint64 values past 2**63 (and steps between
    them) reach the engine's long arithmetic, which is exact modulo 2**64; neither runtime converts a larger
    int to a long (jep: "int too big to convert", GraalPy: "invalid instantiation of foreign object")."""
    return (v + (1 << 63)) % (1 << 64) - (1 << 63)


def arange(start, stop=None, step=None, dtype=None, *, device=None, like=None):
    """Evenly spaced values in [start, stop), with NumPy's length and dtype rules."""
    if stop is None:
        start, stop = 0, start
    if step is None:
        step = 1
    for v in (start, stop, step):
        if isinstance(v, complex):
            raise TypeError("arange() does not support complex arguments")
    if step == 0:
        raise ZeroDivisionError("division by zero")
    for v in (start, stop, step):
        if isinstance(v, ArrayBase) and v.ndim:
            raise TypeError("only 0-dimensional arrays can be converted to Python scalars")
    scalars = [v.item() if isinstance(v, (ArrayBase, _generic)) and hasattr(v, "item") else v for v in (start, stop, step)]
    if all(type(v) is int for v in scalars) and -(-(scalars[1] - scalars[0]) // scalars[2]) > _INT64_MAX:
        raise ValueError("Maximum allowed size exceeded")  # NumPy checks the length before the dtype
    if dtype is None:
        strong = [v.dtype for v in (start, stop, step) if isinstance(v, (ArrayBase, _generic))]
        dt = _infer_dtype([v for v in (start, stop, step) if not isinstance(v, (ArrayBase, _generic))], strong)
    else:
        dt = _dtype(dtype)
    start, stop, step = scalars
    if all(isinstance(v, int) for v in (start, stop, step)):
        # NumPy's length is the ceiling of the *true* quotient, a correctly rounded double: for uint64 bounds
        # (stop - start) / step can round onto an integer the exact ceiling would pass
        n = max(math.ceil((stop - start) / step), 0)
    else:
        q = (stop - start) / step
        if math.isnan(q):
            raise ValueError("arange: cannot compute length")
        if math.isinf(q) or q > _INT64_MAX:
            raise ValueError("Maximum allowed size exceeded")
        n = max(math.ceil(q), 0)
    if n > _INT64_MAX:
        raise ValueError("Maximum allowed size exceeded")
    if dt.kind == "b":
        if n > 2:
            raise TypeError("arange() is only supported for booleans when the result has at most length 2.")
        # NumPy casts the first two values to bool (nonzero is True), whatever their type
        return _from_flat([builtins.bool(v) for v in (start, start + step)[:n]], (n,), dt)
    if dt.kind in "iu" and all(isinstance(v, int) for v in (start, stop, step)):
        if n:
            lo, hi = _BOUNDS[dt.name]
            for v in (start, start + (n - 1) * step):
                if not lo <= v <= hi:
                    raise OverflowError(f"Python integer {v} out of bounds for {dt.name}")
        return _wrap(_call(_E.arangeLong, _wrap64(start), _wrap64(step), n, dt.name), (n,))
    if dt.kind == "c":
        return asarray([start + i * step for i in range(n)], dtype=dt)
    if dt.kind in "iu":
        # NumPy computes the first two values in the result dtype and repeats their difference
        first = int(start)
        delta = int(start + step) - first
        return _wrap(_call(_E.arangeLong, _wrap64(first), _wrap64(delta), n, dt.name), (n,))
    start, step = float(start), float(step)
    if dt.name in _ROUNDING:
        rnd = _ROUNDING[dt.name]
        s0 = rnd(start)
        d = _f32(rnd(start + step) - s0)  # float16 fills in float32 too (NumPy's HALF_fill)
        # NumPy keeps the second value as computed (not s0 + d) and fills the rest from their difference
        head = [s0, rnd(start + step)][:n]
        return _from_flat(head + [rnd(_f32(s0 + _f32(i * d))) for i in range(2, n)], (n,), dt)
    delta = (start + step) - start
    return _wrap(_call(_E.arange, start, delta, n, dt.name), (n,))


def eye(N, M=None, k=0, dtype=float, order="C", *, device=None, like=None):
    M = N if M is None else M
    a = zeros((N, M), dtype, order)
    k = operator.index(k)
    idx = [(i, i + k) for i in range(N) if 0 <= i + k < M]
    if idx:
        a[asarray([i for i, _ in idx], dtype="int64"), asarray([j for _, j in idx], dtype="int64")] = 1
    return a


def identity(n, dtype=None, *, like=None):
    return eye(n, dtype=float if dtype is None else dtype)


def tri(N, M=None, k=0, dtype=float, *, like=None):
    M = N if M is None else M
    flat = [j <= i + k for i in range(N) for j in range(M)]
    return _from_flat(flat, (N, M), _dtype(dtype))


def astype(x, dtype, /, *, copy=True, device=None):
    """The Array API's function form of ndarray.astype (only the "cpu" device exists)."""
    if not isinstance(x, ArrayBase):
        raise TypeError(f"Input should be a NumPy array. It is a {type(x)} instead.")
    if device not in (None, "cpu"):
        raise ValueError(f'Device not understood. Only "cpu" is allowed, but received: {device}')
    return x.astype(dtype, copy=copy)
