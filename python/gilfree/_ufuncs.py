"""Universal functions: Python objects in front of the engine's Ufunc, one Java call per operation.

Type resolution, broadcasting, out=/where=/dtype=/casting= and the loops run in Java; floating-point
conditions the engine reports are turned into warnings/errors here by the thread's errstate.
"""
import builtins
import operator

from . import _errstate, _trace_hook
from ._bridge import Engine as _E, Reduce as _Reduce, Ufuncs as _UF, call as _call, fp_call as _engine_call
from ._dtypes import dtype as _dtype, generic as _generic, INT_BOUNDS as _INT_RANGE, INT64_MIN as _INT64_MIN, \
    INT64_MAX as _INT64_MAX
from ._exceptions import AxisError
from ._float32 import cast_overflows
from ._creation import asarray, zeros as _zeros
from ._numpy_interop import is_numpy_array as _is_numpy_array, out_target as _out_target
from ._base import ArrayBase, wrap as _wrap
from ._promotion import promote_names, result_type, weak_kind, weak_name
_NOVALUE = object()
_FLOAT_LOOP = {"divide", "true_divide", "float_power", "arctan2", "hypot", "copysign", "nextafter", "logaddexp",
               "logaddexp2", "heaviside"}
# the narrow float dtypes (complex64: its parts) a weak Python float is cast to first, as NEP 50 says
_NARROW = {"float16": "float16", "float32": "float32", "complex64": "float32"}
# reductions whose float64 loop gives float64 (their full reduction of a float64 array is one double)
_F64_TO_F64 = {"add", "multiply", "maximum", "minimum", "fmax", "fmin"}
_COMPARE = {"equal", "not_equal", "less", "less_equal", "greater", "greater_equal"}


def _asarray(x, dtype=None):
    return asarray(x, dtype=dtype)


def _is_weak(x):
    return isinstance(x, (int, float)) and not isinstance(x, (_generic, builtins.bool))


def _is_py_scalar(x):
    return isinstance(x, (int, float, complex)) and not isinstance(x, _generic)


def _is_weak_complex(x):
    return isinstance(x, complex) and not isinstance(x, _generic)


def _weak_complex(s, other):
    """A Python complex scalar as NEP 50's weak operand next to the array (or NumPy-style scalar) `other`:
    a 0-d array of the dtype NumPy's result_type gives the pair (complex64 next to float32 or complex64,
    complex128 next to the others), so it never widens the result beyond that. Also whether that cast
    overflowed: NumPy warns of it after the operation (an unsupported operation raises first)."""
    dt = result_type(_to_array(other).dtype, s)
    over = dt.name == "complex64" and (cast_overflows(s.real) or cast_overflows(s.imag))
    with _errstate.errstate(over="ignore"):
        return _asarray(s, dtype=dt), over


def _check_int_scalar(s, arr_dtype):
    if arr_dtype.kind in "iu":
        lo, hi = _INT_RANGE[arr_dtype.name]
        if not lo <= s <= hi:
            raise OverflowError(f"Python integer {s} out of bounds for {arr_dtype.name}")
    elif not _INT64_MIN <= s <= _INT64_MAX:
        raise OverflowError(f"Python integer {s} out of bounds for int64")


def _to_array(x):
    if isinstance(x, ArrayBase):
        return x
    if isinstance(x, _generic):
        return _asarray(x.item() if not isinstance(x, builtins.bool) else builtins.bool(x), dtype=x.dtype)
    return _asarray(x)


def _weak_result_dtype(x, y):
    """NumPy 2's result dtype of x and y, Python scalars weak (as np.result_type under NEP 50)."""
    wx, wy = _is_py_scalar(x), _is_py_scalar(y)
    if wx and wy:
        return result_type(x, y).name
    if wx:
        return weak_name(_to_array(y).dtype.name, weak_kind(x))
    if wy:
        return weak_name(_to_array(x).dtype.name, weak_kind(y))
    return promote_names(_to_array(x).dtype.name, _to_array(y).dtype.name)


def _normalize_axes(axis, ndim):
    if axis is None:
        return tuple(range(ndim))
    if not isinstance(axis, tuple):
        axis = (axis,)
    out = []
    for ax in axis:
        ax = operator.index(ax)
        if not -ndim <= ax < ndim:
            raise AxisError(ax, ndim)
        ax %= ndim
        if ax in out:
            raise ValueError("duplicate value in 'axis'")
        out.append(ax)
    return tuple(sorted(out))


def _result(res, out):
    if out is not None:
        return out
    if res.shape == ():
        return res[()]
    return res


class ufunc:
    """A NumPy-style ufunc: f(x[, y], out=None, *, where=True, dtype=None, casting='same_kind').

    Python int/float/complex operands are weak scalars (NEP 50)."""

    def __init__(self, name, doc=None, pyname=None):
        self._j = _E.ufunc(name)
        self._name = name
        self.__name__ = pyname or name
        self.nin = int(self._j.nin())
        self.nout = int(self._j.nout())
        self.__doc__ = doc
        self.types = [str(t) for t in self._j.types()]
        ident = self._j.identity()
        self._identity = None if ident is None else str(ident)
        # The engine methods of the common calls, looked up once (jep and GraalPy otherwise resolve the
        # attribute on every call): a new result, or into out= (returning nothing, so no result to wrap).
        j = self._j
        if self.nin == 2:
            self._new, self._into = j.call2Checked, j.call2Into
        else:
            self._new, self._into = j.call1Checked, j.call1Into
        self._bound = {}  # errstate mask -> those two with the mask bound in Java (one argument fewer per call)

    def _bind(self, mask):
        m = self._j.masked(mask)
        c = self._bound[mask] = (m.call2Checked, m.call2Into) if self.nin == 2 else (m.call1Checked, m.call1Into)
        return c

    @property
    def nargs(self):
        return self.nin + self.nout

    @property
    def ntypes(self):
        return len(self.types)

    @property
    def identity(self):
        i = self._identity
        if i is None:
            return None
        if i in ("True", "False"):
            return i == "True"
        if i in ("-inf", "inf"):
            return float(i)
        return int(i)

    @property
    def signature(self):
        return None

    def __repr__(self):
        return f"<ufunc '{self.__name__}'>"

    def __call__(self, *args, out=None, where=True, dtype=None, casting="same_kind", order="K", subok=True,
                 signature=None):
        if _trace_hook.hook is not None:  # @gf.fuse is tracing: a symbolic operand makes this call a node
            r = _trace_hook.hook(self.__name__, args, {"out": out, "where": where, "dtype": dtype, "casting": casting})
            if r is not NotImplemented:
                return r
        # The common case first: gilfree arrays only, out= absent or a gilfree array, nothing else given. One
        # engine call (the gateway still checks and guards everything); the general path below does the rest.
        if where is True and dtype is None and casting == "same_kind" and len(args) == self.nin:
            if out is None or isinstance(out, ArrayBase):
                if self.nin == 2:
                    a, b = args
                    if type(b) is float and isinstance(a, ArrayBase):  # x + 1.0: a weak Python float
                        r = self._scalar(a, b, False, None if out is None else out._j, None, None, casting,
                                         _errstate.mask(), False)
                        if out is not None:
                            return out
                        res = _wrap(r, a._shape)
                        return res[()] if res.shape == () else res
                    if isinstance(a, ArrayBase) and isinstance(b, ArrayBase):
                        mask = _errstate.mask()
                        new, into = self._bound.get(mask) or self._bind(mask)
                        if out is not None:
                            _engine_call(into, self.__name__, a._j, b._j, out._j)
                            return out
                        sa = a._shape
                        res = _wrap(_engine_call(new, self.__name__, a._j, b._j),
                                    sa if sa is not None and sa == b._shape else None)
                        return res[()] if res.shape == () else res
                else:
                    a = args[0]
                    if isinstance(a, ArrayBase):
                        mask = _errstate.mask()
                        new, into = self._bound.get(mask) or self._bind(mask)
                        if out is not None:
                            _engine_call(into, self.__name__, a._j, out._j)
                            return out
                        res = _wrap(_engine_call(new, self.__name__, a._j), a._shape)
                        return res[()] if res.shape == () else res
        nin = self.nin
        if len(args) != nin:
            if len(args) == nin + 1 and out is None:
                out = args[nin]
                args = args[:nin]
            else:
                raise TypeError(f"{self.__name__}() takes from {nin} to {nin + 1} positional arguments "
                                f"but {len(args)} were given")
        oj = None
        if out is not None:
            if isinstance(out, tuple):
                if len(out) != 1:
                    raise ValueError("The 'out' tuple must have exactly one entry per ufunc output")
                out = out[0]
            if out is not None:
                if _is_numpy_array(out):  # written in place, in NumPy's memory; returned as given
                    oj = _out_target(out)._j
                elif not isinstance(out, ArrayBase):
                    raise TypeError("return arrays must be of ArrayType")
                else:
                    oj = out._j
        wj = None
        if where is not True:
            w = where if isinstance(where, ArrayBase) else _asarray(where)
            if w.dtype.kind != "b":
                w = w.astype("bool")
            wj = w._j
        full = wj is not None or dtype is not None or casting != "same_kind"
        dname = _dtype(dtype).name if dtype is not None else None
        mask = _errstate.mask()
        j = self._j
        cast_over = False
        if nin == 1:
            a = _to_array(args[0])
            if full:
                r = _engine_call(_UF.call1Full, self.__name__, j, a._j, oj, wj, dname, casting, mask)
            elif oj is None:
                r = _engine_call(self._new, self.__name__, a._j, mask)
            else:
                r = _engine_call(self._into, self.__name__, a._j, oj, mask)
            shape = a._shape if out is None and wj is None else None
        else:
            a, b = args
            if _is_numpy_array(a):  # NumPy's memory, wrapped: an array operand, so a Python scalar stays weak
                a = _asarray(a)
            if _is_numpy_array(b):
                b = _asarray(b)
            if isinstance(a, _generic):  # a NumPy scalar is a strong 0-d operand: the other may be weak
                a = _to_array(a)
            if isinstance(b, _generic):
                b = _to_array(b)
            if _is_weak_complex(b) and not _is_py_scalar(a):
                b, cast_over = _weak_complex(b, a)
            elif _is_weak_complex(a) and not _is_py_scalar(b):
                a, cast_over = _weak_complex(a, b)
            if isinstance(a, ArrayBase) and _is_weak(b):
                r = self._scalar(a, b, False, oj, wj, dname, casting, mask, full)
                shape = a._shape
            elif isinstance(b, ArrayBase) and _is_weak(a):
                r = self._scalar(b, a, True, oj, wj, dname, casting, mask, full)
                shape = b._shape
            else:
                a = _to_array(a)
                b = _to_array(b)
                if full:
                    r = _engine_call(_UF.call2Full, self.__name__, j, a._j, b._j, oj, wj, dname, casting, mask)
                elif oj is None:
                    r = _engine_call(self._new, self.__name__, a._j, b._j, mask)
                else:
                    r = _engine_call(self._into, self.__name__, a._j, b._j, oj, mask)
                sa = a._shape
                shape = sa if sa is not None and sa == b._shape else None
            if out is not None or wj is not None:
                shape = None
        if cast_over:
            _errstate.handle(_errstate.OVER, "cast")
        if out is not None:
            return out
        res = _wrap(r, shape)
        if res.shape == ():
            return res[()]  # NumPy returns a scalar, not a 0-d array, when no out= is given
        return res

    def _scalar(self, arr, s, reversed_, oj, wj, dname, casting, mask, full):
        j = self._j
        if isinstance(s, float) or arr.dtype.kind in "fc":
            s = float(s)
            if full:
                r = _engine_call(_UF.call2DoubleFull, self.__name__, j, arr._j, s, reversed_, oj, wj, dname, casting,
                                 mask)
            elif oj is None:
                r = _engine_call(j.call2DoubleChecked, self.__name__, arr._j, s, reversed_, mask)
            else:
                r = _engine_call(j.call2DoubleInto, self.__name__, arr._j, s, reversed_, oj, mask)
            if arr.dtype.name in _NARROW and cast_overflows(s, _NARROW[arr.dtype.name]):
                _errstate.handle(_errstate.OVER, "cast")  # NEP 50: the weak float was cast to float32/16 first
            return r
        s = operator.index(s)
        lo, hi = _INT_RANGE.get(arr.dtype.name, (_INT64_MIN, _INT64_MAX))
        if not lo <= s <= hi:
            if (self._name in _FLOAT_LOOP or self._name in _COMPARE) and (
                    arr.dtype.kind in "iu" or _INT64_MIN <= s <= _INT64_MAX):  # NumPy: these compare/divide exactly
                wide = arr.astype("float64" if self._name in _FLOAT_LOOP or not _INT64_MIN <= s <= _INT64_MAX else "int64")
                return self._scalar(wide, float(s) if wide.dtype.kind == "f" else s, reversed_, oj, wj, dname, casting,
                                    mask, full)
            _check_int_scalar(s, arr.dtype)
        if s > _INT64_MAX:  # uint64 scalars beyond int64 travel as their bit pattern
            s -= 1 << 64
        if full:
            return _engine_call(_UF.call2LongFull, self.__name__, j, arr._j, s, reversed_, oj, wj, dname, casting, mask)
        if oj is None:
            return _engine_call(j.call2LongChecked, self.__name__, arr._j, s, reversed_, mask)
        return _engine_call(j.call2LongInto, self.__name__, arr._j, s, reversed_, oj, mask)

    # ----- methods -----
    def _need_binary(self, what):
        if self.nin != 2:
            raise ValueError(f"{what} only supported for binary functions")

    def reduce(self, array, axis=0, dtype=None, out=None, keepdims=False, initial=_NOVALUE, where=True):
        self._need_binary("reduce")
        a = _to_array(array)
        if axis is None and out is None and keepdims is False and initial is _NOVALUE and where is True:
            dt = a._dtype or a.dtype
            if dt.name == "float64" and self._name in _F64_TO_F64 and (dtype is None or dtype == "float64"):
                # a.sum() and the like: one engine call, a double back
                return dt.type._exact(float(_call(_Reduce.reduceAllDouble, self._name, a._j)))
        axes = _normalize_axes(axis, a.ndim)
        if dtype is None and self._name in ("add", "multiply") and a.dtype.kind in "biu" and a.dtype.itemsize < 8:
            dtype = "uint64" if a.dtype.kind == "u" else "int64"
        dname = _dtype(dtype).name if dtype is not None else None
        wj = None
        if where is not True:
            w = where if isinstance(where, ArrayBase) else _asarray(where)
            wj = (w if w.dtype.kind == "b" else w.astype("bool"))._j
        kind, fd, fl = "none", 0.0, 0
        if initial is not _NOVALUE and initial is not None:
            if isinstance(initial, float) or (isinstance(initial, _generic) and isinstance(initial, float)):
                kind, fd = "float", float(initial)
            else:
                kind, fl = "int", operator.index(initial)
        r = _call(_Reduce.reduce, self._name, a._j, list(axes), builtins.bool(keepdims), dname, wj, kind, fd, fl)
        res = _wrap(r)
        if out is not None:
            return _copy_into(res, out)
        return _result(res, None)

    def accumulate(self, array, axis=0, dtype=None, out=None):
        self._need_binary("accumulate")
        a = _to_array(array)
        if a.ndim == 0:
            raise TypeError("cannot accumulate on a scalar")
        (ax,) = _normalize_axes(axis, a.ndim)
        if dtype is None and self._name in ("add", "multiply") and a.dtype.kind in "biu" and a.dtype.itemsize < 8:
            dtype = "uint64" if a.dtype.kind == "u" else "int64"
        dname = _dtype(dtype).name if dtype is not None else None
        r = _call(_Reduce.accumulate, self._name, a._j, ax, dname)
        res = _wrap(r)
        if out is not None:
            return _copy_into(res, out)
        return res

    def reduceat(self, array, indices, axis=0, dtype=None, out=None):
        """NumPy's reduceat: along `axis`, the reduction of array[indices[j]:indices[j+1]] where that slice is
        increasing, else array[indices[j]] alone; the last index runs to the end."""
        self._need_binary("reduceat")
        a = _to_array(array)
        if a.ndim == 0:
            raise TypeError("cannot reduceat on a scalar")
        (ax,) = _normalize_axes(axis, a.ndim)
        idx = _to_array(indices)
        if idx.ndim > 1:
            raise ValueError("setting an array element with a sequence. The requested array would exceed the "
                             "maximum number of dimension of 1.")
        if isinstance(indices, ArrayBase) and idx.dtype.kind not in "biu":  # a Python list is cast unsafely
            raise TypeError(f"Cannot cast array data from dtype('{idx.dtype.name}') to dtype('int64') "
                            "according to the rule 'safe'")
        ids, n = [builtins.int(i) for i in idx.reshape(-1).tolist()], a.shape[ax]
        for i in ids:
            if not 0 <= i < n:
                raise IndexError(f"index {i} out-of-bounds in {self.__name__}.reduceat [0, {n})")

        def along(start, stop):
            return a[(slice(None),) * ax + (slice(start, stop),)]

        parts = [self.reduce(along(i, ids[j + 1] if j + 1 < len(ids) and ids[j + 1] > i else
                                   n if j + 1 == len(ids) else i + 1), axis=ax, dtype=dtype, keepdims=True)
                 for j, i in enumerate(ids)]
        proto = parts[0] if parts else (self.reduce(along(0, 1), axis=ax, dtype=dtype, keepdims=True) if n else a)
        shape = a.shape[:ax] + (len(ids),) + a.shape[ax + 1:]
        res = _zeros(shape, dtype=proto.dtype)
        for j, p in enumerate(parts):  # one engine copy per segment
            res[(slice(None),) * ax + (slice(j, j + 1),)] = p
        if out is not None:
            return _copy_into(res, out)
        return res

    def outer(self, A, B, **kwargs):
        self._need_binary("outer")
        a, b = _to_array(A), _to_array(B)
        a2 = a.reshape(a.shape + (1,) * b.ndim)
        return self(a2, b, **kwargs)

    def at(self, a, indices, b=None):
        """Unbuffered in place: a[i] = f(a[i], b) for every index, repeated indices applied each time."""
        if _is_numpy_array(a):  # in place in NumPy's memory
            a = _asarray(a)
        if not isinstance(a, ArrayBase):
            raise TypeError("first operand must be an array")
        idx = indices.tolist() if isinstance(indices, ArrayBase) else indices
        if not isinstance(idx, (list, tuple)):
            idx = [idx]
        if isinstance(idx, tuple) and a.ndim > 1:
            idx = list(zip(*[i if isinstance(i, (list, tuple)) else [i] for i in idx]))
        if b is None:
            vals = None
        else:
            bv = b.tolist() if isinstance(b, ArrayBase) else b
            vals = bv if isinstance(bv, (list, tuple)) else [bv] * len(idx)
        for k, i in enumerate(idx):
            cur = a[i]
            a[i] = self(cur) if vals is None else self(cur, vals[k])


def _copy_into(res, out):
    if isinstance(out, tuple) and len(out) == 1:
        out = out[0]
    if _is_numpy_array(out):  # NumPy's memory, written in place
        _call(_Reduce.copyInto, res._j, _out_target(out)._j)
        return out
    if not isinstance(out, ArrayBase):
        raise TypeError("output must be an array")
    _call(_Reduce.copyInto, res._j, out._j)
    return out


# name -> doc; every NumPy real ufunc the engine has a loop table for.
_DOCS = {
    "add": "Add arguments element-wise.", "subtract": "Subtract arguments, element-wise.",
    "multiply": "Multiply arguments element-wise.", "divide": "Divide arguments element-wise (true division).",
    "floor_divide": "Largest integer smaller or equal to the division of the inputs.",
    "remainder": "Element-wise remainder of division (sign of the divisor).",
    "fmod": "Element-wise remainder of division (sign of the dividend).",
    "power": "First array elements raised to powers from second array, element-wise.",
    "float_power": "First array elements raised to powers from second array, in float64.",
    "arctan2": "Element-wise arc tangent of x1/x2 choosing the quadrant correctly.",
    "hypot": "Given the legs of a right triangle, return its hypotenuse.",
    "copysign": "Change the sign of x1 to that of x2, element-wise.",
    "nextafter": "Return the next floating-point value after x1 towards x2, element-wise.",
    "logaddexp": "Logarithm of the sum of exponentiations of the inputs.",
    "logaddexp2": "Logarithm of the sum of exponentiations of the inputs in base-2.",
    "heaviside": "Compute the Heaviside step function.",
    "maximum": "Element-wise maximum of array elements (NaN propagates).",
    "minimum": "Element-wise minimum of array elements (NaN propagates).",
    "fmax": "Element-wise maximum of array elements (NaN ignored).",
    "fmin": "Element-wise minimum of array elements (NaN ignored).",
    "equal": "Return (x1 == x2) element-wise.", "not_equal": "Return (x1 != x2) element-wise.",
    "less": "Return the truth value of (x1 < x2) element-wise.",
    "less_equal": "Return the truth value of (x1 <= x2) element-wise.",
    "greater": "Return the truth value of (x1 > x2) element-wise.",
    "greater_equal": "Return the truth value of (x1 >= x2) element-wise.",
    "logical_and": "Compute the truth value of x1 AND x2 element-wise.",
    "logical_or": "Compute the truth value of x1 OR x2 element-wise.",
    "logical_xor": "Compute the truth value of x1 XOR x2, element-wise.",
    "bitwise_and": "Compute the bit-wise AND of two arrays element-wise.",
    "bitwise_or": "Compute the bit-wise OR of two arrays element-wise.",
    "bitwise_xor": "Compute the bit-wise XOR of two arrays element-wise.",
    "left_shift": "Shift the bits of an integer to the left.",
    "right_shift": "Shift the bits of an integer to the right.",
    "gcd": "Returns the greatest common divisor of |x1| and |x2|.",
    "lcm": "Returns the lowest common multiple of |x1| and |x2|.",
    "negative": "Numerical negative, element-wise.", "positive": "Numerical positive, element-wise.",
    "absolute": "Calculate the absolute value element-wise.", "reciprocal": "Return the reciprocal of the argument.",
    "square": "Return the element-wise square of the input.", "sqrt": "Return the non-negative square-root.",
    "cbrt": "Return the cube-root of an array, element-wise.",
    "exp": "Calculate the exponential of all elements in the input array.",
    "exp2": "Calculate 2**p for all p in the input array.", "expm1": "Calculate exp(x) - 1.",
    "log": "Natural logarithm, element-wise.", "log2": "Base-2 logarithm of x.",
    "log10": "Return the base 10 logarithm of the input array, element-wise.",
    "log1p": "Return the natural logarithm of one plus the input array, element-wise.",
    "sin": "Trigonometric sine, element-wise.", "cos": "Cosine element-wise.", "tan": "Compute tangent element-wise.",
    "arcsin": "Inverse sine, element-wise.", "arccos": "Trigonometric inverse cosine, element-wise.",
    "arctan": "Trigonometric inverse tangent, element-wise.", "sinh": "Hyperbolic sine, element-wise.",
    "cosh": "Hyperbolic cosine, element-wise.", "tanh": "Compute hyperbolic tangent element-wise.",
    "arcsinh": "Inverse hyperbolic sine element-wise.", "arccosh": "Inverse hyperbolic cosine, element-wise.",
    "arctanh": "Inverse hyperbolic tangent element-wise.", "deg2rad": "Convert angles from degrees to radians.",
    "rad2deg": "Convert angles from radians to degrees.", "floor": "Return the floor of the input, element-wise.",
    "ceil": "Return the ceiling of the input, element-wise.",
    "trunc": "Return the truncated value of the input, element-wise.",
    "rint": "Round elements of the array to the nearest integer.",
    "sign": "Returns an element-wise indication of the sign of a number.",
    "signbit": "Returns element-wise True where signbit is set (less than zero).",
    "spacing": "Return the distance between x and the nearest adjacent number.",
    "logical_not": "Compute the truth value of NOT x element-wise.",
    "invert": "Compute bit-wise inversion, or bit-wise NOT, element-wise.",
    "isnan": "Test element-wise for NaN and return result as a boolean array.",
    "isinf": "Test element-wise for positive or negative infinity.",
    "isfinite": "Test element-wise for finiteness (not infinity and not Not a Number).",
    "bitwise_count": "Computes the number of 1-bits in the absolute value of x.",
}

ALL = {}
for _n, _d in _DOCS.items():
    ALL[_n] = ufunc(_n, _d)
globals().update(ALL)

true_divide = divide  # noqa: F821
abs = absolute  # noqa: A001,F821
conjugate = conj = ufunc("conjugate", "Return the complex conjugate, element-wise.")
# Array API spellings of the same functions
acos, asin, atan, atan2 = arccos, arcsin, arctan, arctan2  # noqa: F821
acosh, asinh, atanh = arccosh, arcsinh, arctanh  # noqa: F821
bitwise_left_shift, bitwise_right_shift, bitwise_invert, bitwise_not = left_shift, right_shift, invert, invert  # noqa: F821
pow = power  # noqa: A001,F821
mod = remainder  # noqa: F821
_modf_frac, _modf_int = ufunc("_modf_frac"), ufunc("_modf_int")
_frexp_mant, _frexp_exp = ufunc("_frexp_mant"), ufunc("_frexp_exp")
