"""NumPy's scalar types (gf.float32, gf.int8, ...): each holds exactly one value of its dtype.

Construction rounds (float32, complex64) or refuses a Python int out of range with NumPy's OverflowError.
Arithmetic follows NumPy 2 (NEP 50: a Python number takes the scalar's dtype) and gives scalars of the
result dtype. The everyday operations are computed here, exactly, with no engine call: integer + - * // %
shifts and bitwise operations in Python ints wrapped to the dtype, float + - * / in Python floats (float32
rounded by _float32, exact for these four), comparisons. NumPy's scalar warnings ("overflow encountered in
scalar add") go through errstate. Everything else (power, complex arithmetic, transcendental functions,
casts between dtypes) is the engine's ufunc on the 0-d values: one implementation with arrays.

As in NumPy, float64 and complex128 subclass Python's float and complex; the other types do not (so
`1.5 * gf.int8(2)` and `1j * gf.float32(2)` reach these types' operators and give NumPy's dtypes).
"""
import builtins
import math
import operator
import warnings

from . import _errstate, _numpy_protocols
from . import _ufuncs as _u
from ._base import ArrayBase
from ._dtypes import dtype, generic, INT_BOUNDS
from ._elementwise import round as _round
from ._exceptions import ComplexWarning
from ._float32 import ROUNDING, round_float32
from ._promotion import promote_names, weak_kind, weak_name
from ._scalar_format import complex_text, float_text

_DIVIDE, _OVER, _UNDER, _INVALID = _errstate.DIVIDE, _errstate.OVER, _errstate.UNDER, _errstate.INVALID
_PY_NUMBERS = (builtins.bool, int, float, complex)

# ----- the abstract hierarchy, as NumPy's -----


class _Operators(generic):
    """What every scalar does: conversions, NumPy's scalar attributes and the arithmetic operators."""
    __slots__ = ()

    # The value as a Python bool/int/float/complex: item() is NumPy's name for it.
    def item(self, *args):
        if args and args not in ((0,), (-1,), ((),)):
            raise IndexError("index out of bounds for a scalar")
        return self._v

    tolist = item

    @property
    def dtype(self):
        return dtype(self._gilfree_dtype_name)

    shape, ndim, size, strides, base = (), 0, 1, (), None

    @property
    def itemsize(self):
        return self.dtype.itemsize

    nbytes = itemsize

    @property
    def T(self):
        return self

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return type(self)(0)

    def conjugate(self):
        return self

    conj = conjugate

    def astype(self, dtype, copy=True):  # noqa: A002 - NumPy's name
        return _u._to_array(self).astype(dtype)[()]

    def __getitem__(self, key):
        if key == ():
            return self
        return _u._to_array(self)[key]

    # np.sqrt(gf.float64(2)), np.add(gf.int64(1), 2): computed by gilfree, a gilfree scalar back, as for arrays
    __array_ufunc__ = _numpy_protocols.array_ufunc
    __array_function__ = _numpy_protocols.array_function

    def __array__(self, dtype=None, copy=None):  # noqa: A002 - NumPy's protocol
        import numpy as np
        return np.asarray(self.item(), dtype=dtype if dtype is not None else self._gilfree_dtype_name)

    def __reduce__(self):
        return type(self), (self.item(),)

    def __bool__(self):
        return builtins.bool(self.item())

    def __int__(self):
        return int(self.item())

    def __float__(self):
        return float(self.item())

    def __complex__(self):
        return complex(self.item())

    def __hash__(self):
        return hash(self.item())

    def __format__(self, spec):
        return format(self.item(), spec)

    def __repr__(self):
        return f"np.{self._gilfree_dtype_name}({_text(self, True)})"

    def __str__(self):
        return _text(self, False)

    def __round__(self, ndigits=None):
        if ndigits is None:
            v = self.item()
            # from 2**52 on a float is an integer and converts exactly (GraalPy's round() of a huge float does not)
            return int(v) if isinstance(v, float) and math.isfinite(v) and abs(v) >= 2.0 ** 52 else round(v)
        r = _round(self, ndigits)
        return r[()] if isinstance(r, ArrayBase) else r

    # binary operators: _binary's dispatch by NumPy's result dtype; reflected forms swap the operands. The
    # last argument is the scalar whose method runs: NumPy's bool has no scalar arithmetic of its own.
    def __add__(self, o): return _binary("add", self, o, self)  # noqa: E704
    def __radd__(self, o): return _binary("add", o, self, self)  # noqa: E704
    def __sub__(self, o): return _binary("subtract", self, o, self)  # noqa: E704
    def __rsub__(self, o): return _binary("subtract", o, self, self)  # noqa: E704
    def __mul__(self, o): return _binary("multiply", self, o, self)  # noqa: E704
    def __rmul__(self, o): return _binary("multiply", o, self, self)  # noqa: E704
    def __truediv__(self, o): return _binary("divide", self, o, self)  # noqa: E704
    def __rtruediv__(self, o): return _binary("divide", o, self, self)  # noqa: E704
    def __floordiv__(self, o): return _binary("floor_divide", self, o, self)  # noqa: E704
    def __rfloordiv__(self, o): return _binary("floor_divide", o, self, self)  # noqa: E704
    def __mod__(self, o): return _binary("remainder", self, o, self)  # noqa: E704
    def __rmod__(self, o): return _binary("remainder", o, self, self)  # noqa: E704
    def __pow__(self, o, mod=None): return _binary("power", self, o, self) if mod is None else NotImplemented  # noqa: E704
    def __rpow__(self, o): return _binary("power", o, self, self)  # noqa: E704
    def __lshift__(self, o): return _binary("left_shift", self, o, self)  # noqa: E704
    def __rlshift__(self, o): return _binary("left_shift", o, self, self)  # noqa: E704
    def __rshift__(self, o): return _binary("right_shift", self, o, self)  # noqa: E704
    def __rrshift__(self, o): return _binary("right_shift", o, self, self)  # noqa: E704
    def __and__(self, o): return _binary("bitwise_and", self, o, self)  # noqa: E704
    def __rand__(self, o): return _binary("bitwise_and", o, self, self)  # noqa: E704
    def __or__(self, o): return _binary("bitwise_or", self, o, self)  # noqa: E704
    def __ror__(self, o): return _binary("bitwise_or", o, self, self)  # noqa: E704
    def __xor__(self, o): return _binary("bitwise_xor", self, o, self)  # noqa: E704
    def __rxor__(self, o): return _binary("bitwise_xor", o, self, self)  # noqa: E704

    def __divmod__(self, o):
        return _divmod(self, o, self)

    def __rdivmod__(self, o):
        return _divmod(o, self, self)

    def __eq__(self, o): return _binary("equal", self, o, self)  # noqa: E704
    def __ne__(self, o): return _binary("not_equal", self, o, self)  # noqa: E704
    def __lt__(self, o): return _binary("less", self, o, self)  # noqa: E704
    def __le__(self, o): return _binary("less_equal", self, o, self)  # noqa: E704
    def __gt__(self, o): return _binary("greater", self, o, self)  # noqa: E704
    def __ge__(self, o): return _binary("greater_equal", self, o, self)  # noqa: E704

    def __neg__(self): return _unary("negative", self)  # noqa: E704
    def __pos__(self): return _unary("positive", self)  # noqa: E704
    def __abs__(self): return _unary("absolute", self)  # noqa: E704
    def __invert__(self): return _unary("invert", self)  # noqa: E704


class number(_Operators):
    __slots__ = ()


class integer(number):
    __slots__ = ()

    def __index__(self):
        return self._v

    def is_integer(self):
        return True


class signedinteger(integer):
    __slots__ = ()


class unsignedinteger(integer):
    __slots__ = ()


class inexact(number):
    __slots__ = ()


class floating(inexact):
    __slots__ = ()

    def is_integer(self):
        return self.item().is_integer()

    def as_integer_ratio(self):
        return self.item().as_integer_ratio()


class complexfloating(inexact):
    __slots__ = ()

    @property
    def real(self):
        return _PART[self._gilfree_dtype_name]._exact(self.item().real)

    @property
    def imag(self):
        return _PART[self._gilfree_dtype_name]._exact(self.item().imag)

    def conjugate(self):
        return type(self)._exact(self.item().conjugate())

    conj = conjugate

    def __float__(self):
        warnings.warn("Casting complex values to real discards the imaginary part", ComplexWarning, stacklevel=2)
        return self.item().real

    def __int__(self):
        warnings.warn("Casting complex values to real discards the imaginary part", ComplexWarning, stacklevel=2)
        return int(self.item().real)


# ----- construction: a value of exactly the dtype -----

def _new(cls, value):
    self = object.__new__(cls)
    self._v = value
    return self


def _text(x, in_repr):
    name = x._gilfree_dtype_name
    v = x.item()
    if name in ("float16", "float32", "float64"):
        return float_text(v, name)
    if name in ("complex64", "complex128"):
        text = complex_text(v, "float32" if name == "complex64" else "float64")
        return text[1:-1] if in_repr and text.startswith("(") else text
    return builtins.str(v)


def _cast_scalar(value, name):
    """A gilfree scalar of another dtype, converted as arrays convert (np.int8(np.int64(300)) wraps)."""
    return _u._to_array(value).astype(name, casting="unsafe").item()


def _integer_value(value, name):
    if isinstance(value, generic):
        return _cast_scalar(value, name)
    if isinstance(value, complex):
        raise TypeError("int() argument must be a string, a bytes-like object or a real number, not 'complex'")
    if isinstance(value, (str, bytes)):
        value = int(value)
    elif isinstance(value, float):
        value = int(value)  # truncates; NaN and inf raise as int() does
    else:
        value = operator.index(value)
    lo, hi = INT_BOUNDS[name]
    if not lo <= value <= hi:
        raise OverflowError(f"Python integer {value} out of bounds for {name}")
    return value


def _float_value(value, name):
    if isinstance(value, generic):
        if isinstance(value, complexfloating):
            warnings.warn("Casting complex values to real discards the imaginary part", ComplexWarning, stacklevel=3)
            value = value.item().real
        else:
            value = value.item()
    v = float(value)
    return _round_warning(v, name, "cast") if name in ROUNDING else v


def _complex_value(value, name):
    v = complex(value.item() if isinstance(value, generic) else value)
    if name == "complex64":
        v = complex(_round_warning(v.real, name, "cast"), _round_warning(v.imag, name, "cast"))
    return v


def _round_warning(v, name, what):
    """v rounded to float dtype `name` (or complex64's parts), warning as NumPy when a finite value becomes inf."""
    r = ROUNDING[name](v)
    if math.isinf(r) and math.isfinite(v):
        _errstate.handle(_OVER, what)
    return r


def _wrapped_type(name, base, convert):
    """A scalar type that holds its value in a slot (every dtype but float64 and complex128)."""
    def __new__(cls, value=0):
        return _new(cls, convert(value, name))
    t = type(name, (base,), {"__slots__": ("_v",), "__new__": __new__, "_gilfree_dtype_name": name,
                             "_exact": classmethod(_new), "__module__": "gilfree"})
    object.__setattr__(dtype(name), "type", t)
    return t


int8 = _wrapped_type("int8", signedinteger, _integer_value)
int16 = _wrapped_type("int16", signedinteger, _integer_value)
int32 = _wrapped_type("int32", signedinteger, _integer_value)
int64 = _wrapped_type("int64", signedinteger, _integer_value)
uint8 = _wrapped_type("uint8", unsignedinteger, _integer_value)
uint16 = _wrapped_type("uint16", unsignedinteger, _integer_value)
uint32 = _wrapped_type("uint32", unsignedinteger, _integer_value)
uint64 = _wrapped_type("uint64", unsignedinteger, _integer_value)
float16 = _wrapped_type("float16", floating, _float_value)
float32 = _wrapped_type("float32", floating, _float_value)
complex64 = _wrapped_type("complex64", complexfloating, _complex_value)


class float64(floating, float):
    """NumPy's float64: a Python float (it subclasses float, as NumPy's does)."""
    __slots__ = ()
    _gilfree_dtype_name = "float64"
    __module__ = "gilfree"

    def __new__(cls, value=0.0):
        return float.__new__(cls, _float_value(value, "float64"))

    @classmethod
    def _exact(cls, value):
        return float.__new__(cls, value)

    @property
    def _v(self):  # what _Operators.item and the operators read: the Python float this subclasses
        return float.__float__(self)


class complex128(complexfloating, complex):
    """NumPy's complex128: a Python complex (it subclasses complex, as NumPy's does)."""
    __slots__ = ()
    _gilfree_dtype_name = "complex128"
    __module__ = "gilfree"

    def __new__(cls, real=0, imag=None):
        value = _complex_value(real, "complex128") if imag is None else complex(real, imag)
        return complex.__new__(cls, value)

    @classmethod
    def _exact(cls, value):
        return complex.__new__(cls, value)

    @property
    def _v(self):  # what _Operators.item and the operators read: the Python complex this subclasses
        return complex.__complex__(self)


class bool(_Operators):  # noqa: A001 - NumPy 2 names it numpy.bool
    """NumPy's bool scalar (Python's bool cannot be subclassed, so it holds one)."""
    __slots__ = ("_v",)
    _gilfree_dtype_name = "bool"
    __module__ = "gilfree"

    def __new__(cls, value=False):
        return _TRUE if value else _FALSE

    @classmethod
    def _exact(cls, value):
        return _TRUE if value else _FALSE

    def __repr__(self):
        return f"np.{self._v}_"

    def __round__(self, ndigits=None):
        raise TypeError("type numpy.bool doesn't define __round__ method")


_TRUE, _FALSE = _new(bool, True), _new(bool, False)
object.__setattr__(dtype("float64"), "type", float64)
object.__setattr__(dtype("complex128"), "type", complex128)
object.__setattr__(dtype("bool"), "type", bool)
_PART = {"complex64": float32, "complex128": float64}

# ----- arithmetic -----

_KIND = {n: dtype(n).kind for n in INT_BOUNDS} | {"float16": "f", "float32": "f", "float64": "f", "complex64": "c",
                                                   "complex128": "c"}
_INT_OPS = {"add": operator.add, "subtract": operator.sub, "multiply": operator.mul,
            "floor_divide": operator.floordiv, "remainder": operator.mod, "left_shift": operator.lshift,
            "right_shift": operator.rshift, "bitwise_and": operator.and_, "bitwise_or": operator.or_,
            "bitwise_xor": operator.xor}
_WARNS_OVERFLOW = {"add", "subtract", "multiply", "floor_divide"}  # NumPy's scalar loops check these
_FLOAT_OPS = {"add": operator.add, "subtract": operator.sub, "multiply": operator.mul, "divide": None}
_COMPARE = {"equal": operator.eq, "not_equal": operator.ne, "less": operator.lt, "less_equal": operator.le,
            "greater": operator.gt, "greater_equal": operator.ge}


def _result_name(x, y):
    """NumPy 2's result dtype of two scalar operands, a Python number being weak (NEP 50)."""
    if isinstance(x, generic):
        if isinstance(y, generic):
            return promote_names(x._gilfree_dtype_name, y._gilfree_dtype_name)
        return weak_name(x._gilfree_dtype_name, weak_kind(y))
    return weak_name(y._gilfree_dtype_name, weak_kind(x))


def _value(x):
    return x.item() if isinstance(x, generic) else x


def _binary(op, x, y, owner):
    if not (isinstance(x, (generic,) + _PY_NUMBERS) and isinstance(y, (generic,) + _PY_NUMBERS)):
        return NotImplemented  # arrays answer with their reflected operator; anything else is not a number
    name = _result_name(x, y)
    kind = _KIND[name]
    scalar_loop = _numpy_scalar_loop(x, y, name, owner)
    compare = _COMPARE.get(op)
    if compare is not None:
        if scalar_loop:  # NumPy's scalar comparisons report no floating-point conditions
            return _compare(compare, op, x, y, name, kind)
        return getattr(_u, op)(x, y)
    for s in (x, y):  # NEP 50: a Python int must fit the integer dtype it joins (true division converts it)
        if kind in "iu" and op != "divide" and type(s) is int:
            lo, hi = INT_BOUNDS[name]
            if not lo <= s <= hi:
                raise OverflowError(f"Python integer {s} out of bounds for {name}")
    if kind in "iu" and op in _INT_OPS:
        return _integer_op(op, _value(x), _value(y), name, checked=scalar_loop)
    if not (_errstate.mask() & _UNDER):  # underflow is only detected by the engine's loops
        if op in _FLOAT_OPS and (kind == "f" or op == "divide" and kind in "biu"):
            return _float_op(op, x, y, "float64" if kind in "biu" else name, ("scalar " if scalar_loop else "") + op)
        if kind == "c" and scalar_loop and op in _COMPLEX_OPS:
            return _complex_op(op, x, y, name)
    return getattr(_u, op)(x, y)


def _numpy_scalar_loop(x, y, name, owner):
    """Whether NumPy computes x op y in its scalar loops (which check integer overflow and report nothing for
    comparisons) rather than its array loops: when the result has the dtype of a NumPy scalar operand, a
    Python number or the other scalar being cast to it, unless the method that runs is np.bool's (NumPy's
    bool has no scalar arithmetic)."""
    if isinstance(owner, bool):
        return False
    return any(isinstance(s, generic) and not isinstance(s, bool) and s._gilfree_dtype_name == name for s in (x, y))


def _integer_op(op, a, b, name, checked):
    flags = 0
    if b == 0 and op in ("floor_divide", "remainder"):
        r, flags = 0, _DIVIDE
    elif op in ("left_shift", "right_shift") and not 0 <= b < 8 * dtype(name).itemsize:
        if b > 0:  # NumPy's shifts by the width or more: everything shifted out (the sign stays on the right)
            r = -1 if op == "right_shift" and a < 0 else 0
        else:  # by a negative count: the engine's loop, as arrays do it
            return getattr(_u, op)(dtype(name).type(a), b)
    else:
        r = _INT_OPS[op](int(a), int(b))
    lo, hi = INT_BOUNDS[name]
    wrapped = (r - lo) % (hi - lo + 1) + lo
    if wrapped != r and op in _WARNS_OVERFLOW and checked:
        flags |= _OVER
    if flags:
        _errstate.handle(flags, "scalar " + op)
    return dtype(name).type._exact(wrapped)


def _as_float(x, name):
    """x's value in the result dtype `name`: a Python number or narrower scalar is cast first (NumPy warns
    when the cast to float32 or float16 overflows)."""
    v = float(_value(x))
    return _round_warning(v, name, "cast") if name in ROUNDING and not isinstance(x, dtype(name).type) else v


def _float_op(op, x, y, name, what):
    a, b = _as_float(x, name), _as_float(y, name)
    flags = 0
    if op == "divide" and b == 0:
        if a == 0 or a != a:
            r = math.nan
            flags = _INVALID if a == 0 else 0
        elif math.isinf(a):  # exact: no division by zero
            r = math.copysign(math.inf, a) * math.copysign(1.0, b)
        else:
            r = math.copysign(math.inf, a) * math.copysign(1.0, b)
            flags = _DIVIDE
    else:
        r = a / b if op == "divide" else _FLOAT_OPS[op](a, b)
    if name == "float16":  # NumPy's half loop: the float32 result, rounded to float16
        r = round_float32(r)
    if name in ROUNDING:
        r = ROUNDING[name](r)
    if r != r and a == a and b == b:
        flags |= _INVALID
    elif math.isinf(r) and math.isfinite(a) and math.isfinite(b) and not flags & _DIVIDE:
        flags |= _OVER
    if flags:
        _errstate.handle(flags, what)
    return dtype(name).type._exact(r)


_COMPLEX_OPS = ("add", "subtract", "multiply")


def _complex_op(op, x, y, name):
    """NumPy's scalar loop for complex + - *: plain products and sums, each rounded to the part's precision
    (its array loop fuses multiply-adds, so arrays go to the engine's)."""
    rnd = round_float32 if name == "complex64" else float
    a, b = (_as_complex(v, name) for v in (x, y))
    if op == "multiply":
        parts = [rnd(a.real * b.real), rnd(a.imag * b.imag), rnd(a.real * b.imag), rnd(a.imag * b.real)]
        r = complex(rnd(parts[0] - parts[1]), rnd(parts[2] + parts[3]))
    else:
        sign = 1.0 if op == "add" else -1.0
        parts = []
        r = complex(rnd(a.real + sign * b.real), rnd(a.imag + sign * b.imag))
    ins = (a.real, a.imag, b.real, b.imag)
    flags = 0
    if not any(math.isnan(v) for v in ins) and (math.isnan(r.real) or math.isnan(r.imag)):
        flags |= _INVALID
    if op == "multiply" and any(p == 0 and math.isinf(q) or math.isinf(p) and q == 0
                                for p, q in ((ins[0], ins[2]), (ins[1], ins[3]), (ins[0], ins[3]), (ins[1], ins[2]))):
        flags |= _INVALID
    if all(math.isfinite(v) for v in ins) and any(math.isinf(v) for v in parts + [r.real, r.imag]):
        flags |= _OVER
    if flags:
        _errstate.handle(flags, "scalar " + op)
    return dtype(name).type._exact(r)


def _as_complex(x, name):
    if isinstance(x, generic):
        return complex(x.item())
    v = complex(x)  # a Python number: cast to the result dtype first (NEP 50)
    return _complex_value(v, name) if name == "complex64" else v


def _compare(compare, op, x, y, name, kind):
    a, b = _value(x), _value(y)
    if isinstance(a, (builtins.bool, int)) and isinstance(b, (builtins.bool, int)):
        return bool._exact(compare(int(a), int(b)))  # exact, whatever the widths (as NumPy 2)
    if kind == "f":
        return bool._exact(compare(_as_float(x, name), _as_float(y, name)))
    t = dtype(name).type
    a, b = complex(t(a)), complex(t(b))  # both in the result dtype
    if op in ("equal", "not_equal"):
        return bool._exact(compare(a, b))
    if op in ("greater", "greater_equal"):
        a, b = b, a
    return bool._exact(_complex_less(a, b, op.endswith("_equal")))


def _complex_less(a, b, or_equal):
    """NumPy's scalar order of complex numbers: by real parts, then imaginary parts (its array loop also
    refuses a NaN imaginary part when the real parts differ; its scalar loop does not)."""
    return a.real < b.real or a.real == b.real and (a.imag <= b.imag if or_equal else a.imag < b.imag)


def _divmod(x, y, owner):
    if not (isinstance(x, (generic,) + _PY_NUMBERS) and isinstance(y, (generic,) + _PY_NUMBERS)):
        return NotImplemented
    return _binary("floor_divide", x, y, owner), _binary("remainder", x, y, owner)


def _unary(op, x):
    name = x._gilfree_dtype_name
    kind = _KIND[name]
    v = x.item()
    if kind in "iu":
        r = {"negative": -v, "positive": v, "absolute": abs(v), "invert": ~v}[op]
        lo, hi = INT_BOUNDS[name]
        wrapped = (r - lo) % (hi - lo + 1) + lo
        if wrapped != r and op != "invert":
            _errstate.handle(_OVER, "scalar " + op)
        return type(x)._exact(wrapped)
    if kind == "f" and op != "invert":
        return type(x)._exact({"negative": -v, "positive": v, "absolute": abs(v)}[op])
    if kind == "c" and op == "absolute":  # NumPy's scalar abs is C's hypot (its array loop differs), unflagged
        with _errstate.errstate(over="ignore"):
            r = float(_u.hypot(v.real, v.imag))  # the engine's: one answer on both runtimes
        return float32._exact(round_float32(r)) if name == "complex64" else float64._exact(r)
    return getattr(_u, op)(x)


def issubdtype(arg1, arg2):
    """Whether the first dtype (or scalar type) is below the second in NumPy's type hierarchy."""
    if not (isinstance(arg1, type) and issubclass(arg1, generic)):
        arg1 = dtype(arg1).type
    if not (isinstance(arg2, type) and issubclass(arg2, generic)):
        arg2 = dtype(arg2).type
    return issubclass(arg1, arg2)


#: NumPy's one-letter type codes by group (NumPy's table, including codes of dtypes gilfree lacks)
typecodes = {"Character": "c", "Integer": "bhilqnp", "UnsignedInteger": "BHILQNP", "Float": "efdg", "Complex": "FDG",
             "AllInteger": "bBhHiIlLqQnNpP", "AllFloat": "efdgFDG", "Datetime": "Mm",
             "All": "?bhilqnpBHILQNPefdgFDGSUVOMm"}
True_, False_ = _TRUE, _FALSE
