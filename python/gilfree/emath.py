"""numpy.emath: the math functions that leave the real line for the complex plane where the input asks for it
(sqrt and logarithms of negatives, arcsin/arccos/arctanh beyond [-1, 1]), NumPy's way: such inputs are first
cast to complex64 (for float32 and the small integer types) or complex128, then the ordinary ufunc runs."""
from . import _ufuncs as _u
from ._reductions import any as _any
from ._ufuncs import _to_array

# NumPy's _tocomplex: these dtypes become complex64, every other complex128
_SINGLE = {"float32", "int8", "int16", "uint8", "uint16", "complex64"}

__all__ = ["sqrt", "log", "log2", "logn", "log10", "power", "arccos", "arcsin", "arctanh"]


def _to_complex(x):
    return x.astype("complex64" if x.dtype.name in _SINGLE else "complex128")


def _real_lt_zero(x):
    x = _to_array(x)
    if x.dtype.kind != "c" and _any(_u.less(x, 0)):
        return _to_complex(x)
    return x


def _int_lt_zero(x):
    x = _to_array(x)
    if x.dtype.kind in "iu" and _any(_u.less(x, 0)):
        return _u.multiply(x, 1.0)
    return x


def _real_abs_gt_1(x):
    x = _to_array(x)
    if x.dtype.kind != "c" and _any(_u.greater(_u.absolute(x), 1)):
        return _to_complex(x)
    return x


def sqrt(x):
    return _u.sqrt(_real_lt_zero(x))


def log(x):
    return _u.log(_real_lt_zero(x))


def log10(x):
    return _u.log10(_real_lt_zero(x))


def log2(x):
    return _u.log2(_real_lt_zero(x))


def logn(n, x):
    """The base-n logarithm of x."""
    return _u.divide(_u.log(_real_lt_zero(x)), _u.log(_real_lt_zero(n)))


def power(x, p):
    return _u.power(_real_lt_zero(x), _int_lt_zero(p))


def arccos(x):
    return _u.arccos(_real_abs_gt_1(x))


def arcsin(x):
    return _u.arcsin(_real_abs_gt_1(x))


def arctanh(x):
    return _u.arctanh(_real_abs_gt_1(x))
