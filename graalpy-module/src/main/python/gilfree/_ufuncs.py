"""Universal functions: Python objects in front of the engine's Ufunc, one Java call per operation."""
import operator

from ._ndarray import ndarray, _wrap
from ._runtime import Engine as _E, JavaError as _JavaError, reraise as _reraise

_INT64_MIN, _INT64_MAX = -(1 << 63), (1 << 63) - 1


class ufunc:
    """A NumPy-style ufunc: f(x[, y], out=None). Python int/float operands are weak scalars (NEP 50)."""

    def __init__(self, name, doc=None):
        self._j = _E.ufunc(name)
        self.__name__ = name
        self.nin = int(self._j.nin())
        self.nout = int(self._j.nout())
        self.__doc__ = doc

    @property
    def nargs(self):
        return self.nin + self.nout

    def __repr__(self):
        return f"<ufunc '{self.__name__}'>"

    def __call__(self, *args, out=None):
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
                    raise ValueError(f"The 'out' tuple must have exactly one entry per ufunc output")
                out = out[0]
            if not isinstance(out, ndarray):
                raise TypeError("return arrays must be of ArrayType")
            oj = out._j
        try:
            if nin == 1:
                a = args[0]
                if not isinstance(a, ndarray):
                    a = _asarray(a)
                r = self._j.call1(a._j, oj)
                shape = a._shape
            else:
                r, shape = self._binary(args[0], args[1], oj)
        except _JavaError as e:
            _reraise(e)
        if out is not None:
            return out
        res = _wrap(r, shape)
        if res.shape == ():
            return res[()]  # NumPy returns a scalar, not a 0-d array, when no out= is given
        return res

    def _binary(self, a, b, oj):
        j = self._j
        if isinstance(a, ndarray):
            if isinstance(b, ndarray):
                sa = a._shape
                return j.call2(a._j, b._j, oj), (sa if sa is not None and sa == b._shape else None)
            if _is_scalar(b):
                return _scalar_call(j, a, b, False, oj), a._shape
        elif isinstance(b, ndarray) and _is_scalar(a):
            return _scalar_call(j, b, a, True, oj), b._shape
        a = a if isinstance(a, ndarray) else _asarray(a)
        b = b if isinstance(b, ndarray) else _asarray(b)
        return self._binary(a, b, oj)


def _is_scalar(x):
    return isinstance(x, (int, float)) and not isinstance(x, ndarray)


def _scalar_call(j, arr, s, reversed_, oj):
    if isinstance(s, float) or arr.dtype.kind in "fc":
        return j.call2Double(arr._j, float(s), reversed_, oj)
    s = operator.index(s)
    if not _INT64_MIN <= s <= _INT64_MAX:
        raise OverflowError(f"Python integer {s} out of bounds for {arr.dtype.name}")
    return j.call2Long(arr._j, s, reversed_, oj)


def _asarray(x):
    from ._creation import asarray
    return asarray(x)


add = ufunc("add", "Add arguments element-wise.")
subtract = ufunc("subtract", "Subtract arguments, element-wise.")
multiply = ufunc("multiply", "Multiply arguments element-wise.")
divide = ufunc("divide", "Divide arguments element-wise (true division).")
true_divide = divide
negative = ufunc("negative", "Numerical negative, element-wise.")
exp = ufunc("exp", "Calculate the exponential of all elements in the input array.")

ALL = {u.__name__: u for u in (add, subtract, multiply, divide, negative, exp)}
