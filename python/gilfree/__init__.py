"""gilfree: a NumPy-style array engine in Java, for Python threads that run on every core.

    import gilfree as gf
    a = gf.arange(4.0)
    gf.exp(a * 2 + 1)

Work happens inside the engine with the GIL released, so ordinary `threading` code over arrays runs in
parallel. Thread-safety rules: docs/thread-safety.md.
"""
import sys

from . import _bridge
from . import _exceptions as exceptions
from . import diagnostics, emath, fft, linalg, random, testing
from ._array_api import e, pi, inf, nan, newaxis, euler_gamma, __array_namespace_info__
from ._creation import (asarray, array, zeros, ones, empty, full, arange, asanyarray, ascontiguousarray, asfortranarray,
                        copy, zeros_like, ones_like, empty_like, full_like, eye, identity, tri, astype)
from ._dtypes import dtype, generic
from ._scalars import (bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64,  # noqa: A004
                       float16, float32, float64, complex64, complex128, number, integer, signedinteger, unsignedinteger,
                       inexact, floating, complexfloating, issubdtype, typecodes, True_, False_)
from ._bytes import frombuffer
from ._npyio import save, load, savez, savez_compressed
from ._textio import loadtxt, savetxt, genfromtxt, fromfile, fromstring
from ._embed import _wrap_engine_array  # noqa: F401 - for Java embedders (dev.gilfree.embed)
from ._errstate import errstate, seterr, geterr, seterrcall, geterrcall, getbufsize, setbufsize
from ._exceptions import AxisError, ComplexWarning, BorrowError
from ._ndarray import ndarray
from ._numpy_interop import from_dlpack
from ._printing import array2string, array_repr, array_str
from ._printoptions import set_printoptions, get_printoptions, printoptions
from ._profiler import profile
from ._promotion import result_type, promote_types, can_cast, finfo, iinfo, isdtype
from ._threading import (freeze, is_frozen, set_borrow_checking, get_borrow_checking, borrow_checking, flatiter,
                         set_num_threads, get_num_threads)
from ._manipulation import (reshape, ravel, transpose, permute_dims, swapaxes, moveaxis, expand_dims, squeeze,
                            broadcast_shapes, broadcast_to, broadcast_arrays, atleast_1d, atleast_2d,
                            atleast_3d, flip, fliplr, flipud, concatenate, stack, vstack, hstack, dstack,
                            column_stack, row_stack, split, array_split, roll, repeat, tile, pad, take, put,
                            nonzero, flatnonzero, compress, concat, unstack, take_along_axis, tril, triu, meshgrid)
from ._ufuncs import (ufunc, add, subtract, multiply, divide, floor_divide, remainder, fmod, power, float_power,
                      arctan2, hypot, copysign, nextafter, logaddexp, logaddexp2, heaviside, maximum, minimum,
                      fmax, fmin, equal, not_equal, less, less_equal, greater, greater_equal, logical_and,
                      logical_or, logical_xor, bitwise_and, bitwise_or, bitwise_xor, left_shift, right_shift,
                      gcd, lcm, negative, positive, absolute, reciprocal, square, sqrt, cbrt, exp, exp2, expm1,
                      log, log2, log10, log1p, sin, cos, tan, arcsin, arccos, arctan, sinh, cosh, tanh, arcsinh,
                      arccosh, arctanh, deg2rad, rad2deg, floor, ceil, trunc, rint, sign, signbit, spacing,
                      logical_not, invert, isnan, isinf, isfinite, bitwise_count, true_divide, abs, conjugate,
                      conj, acos, asin, atan, atan2, acosh, asinh, atanh, bitwise_left_shift,
                      bitwise_right_shift, bitwise_invert, bitwise_not, pow, mod)
from ._reductions import (sum, prod, max, min, amax, amin, any, all, ptp, mean, var, std, argmax, argmin,
                          cumsum, cumprod, cumulative_sum, cumulative_prod, count_nonzero, nansum, nanprod,
                          nanmax, nanmin, nanmean, nanvar, nanstd, nanargmax, nanargmin, nancumsum, nancumprod)  # noqa: A004 - NumPy's names
from ._elementwise import (diff, divmod, modf, frexp, ldexp, clip, round, around, fix, real, imag, angle,
                           isclose, allclose, array_equal, array_equiv)  # noqa: A004
from ._sorting import (where, sort, argsort, partition, argpartition, searchsorted, argwhere, unique,
                       unique_all, unique_counts, unique_inverse, unique_values, isin)
from ._linalg_impl import (matmul, matrix_transpose, dot, vdot, inner, outer, tensordot, vecdot, einsum, trace,
                           matvec, vecmat)
from ._writes import copyto, putmask, place, put_along_axis, fill_diagonal
from ._diagonals import diag, diagflat, diagonal
from ._constructors import fromfunction, fromiter, vander, indices
from ._spacing import linspace, logspace, geomspace
from ._index_tricks import (mgrid, ogrid, r_, c_, s_, index_exp, ix_, tril_indices, triu_indices,
                            tril_indices_from, triu_indices_from, diag_indices, diag_indices_from, unravel_index,
                            ravel_multi_index, ndenumerate, ndindex, mask_indices)
from ._statistics import (median, percentile, quantile, nanmedian, nanpercentile, nanquantile, average, cov, corrcoef,
                          histogram, histogram_bin_edges, bincount, digitize)
from ._array_edits import (insert, delete, append, resize, rot90, rollaxis, hsplit, vsplit, dsplit, block,
                           trim_zeros, select, extract)
from ._setops import intersect1d, union1d, setdiff1d, setxor1d
from ._iterators import broadcast, nditer, nested_iters
from ._float_format import format_float_positional, format_float_scientific
from ._reinterpret import shares_memory, may_share_memory
from ._bits import packbits, unpackbits, binary_repr, base_repr
from ._typeinfo import common_type, mintypecode, min_scalar_type, typename, sctypeDict, ScalarType
from ._conversions import require, asarray_chkfinite, isfortran
from ._numeric_misc import (convolve, correlate, cross, kron, interp, gradient, ediff1d, trapezoid, sinc,
                            nan_to_num, degrees, radians, fabs, isneginf, isposinf, iscomplex, isreal, iscomplexobj,
                            isrealobj, isscalar, ndim, shape, size, iterable)
from ._functional import vectorize, frompyfunc, apply_along_axis, apply_over_axes, piecewise
from ._windows import bartlett, blackman, hamming, hanning, kaiser, i0
from ._polynomials import (poly, poly1d, polyadd, polysub, polymul, polydiv, polyder, polyint, polyval, polyfit,
                           roots)
from ._complex_helpers import unwrap, real_if_close, sort_complex
from ._selection import choose, lexsort
from ._histograms_nd import histogram2d, histogramdd
from ._fused import evaluate, fuse

__version__ = "0.1.0"
__array_api_version__ = "2024.12"

#: Which runtime this process runs on: "graalpy" or "cpython" (through jep).
runtime = _bridge.RUNTIME

bool_ = bool
intp = int64
uintp = uint64
float_ = float64
double = float64
single = float32
half = float16
cdouble = complex128
csingle = complex64
byte, short, intc, ubyte, ushort, uintc = int8, int16, int32, uint8, uint16, uint32
int_ = long = longlong = int64
uint = ulong = ulonglong = uint64
little_endian = sys.byteorder == "little"

__all__ = [
    "AxisError", "BorrowError", "ComplexWarning", "False_", "ScalarType", "True_", "__array_namespace_info__",
    "abs", "absolute", "acos", "acosh", "add", "all", "allclose", "amax", "amin", "angle", "any", "append",
    "apply_along_axis", "apply_over_axes", "arange", "arccos", "arccosh", "arcsin", "arcsinh", "arctan",
    "arctan2", "arctanh", "argmax", "argmin", "argpartition", "argsort", "argwhere", "around", "array",
    "array2string", "array_equal", "array_equiv", "array_repr", "array_split", "array_str", "asanyarray",
    "asarray", "asarray_chkfinite", "ascontiguousarray", "asfortranarray", "asin", "asinh", "atan", "atan2",
    "atanh", "atleast_1d", "atleast_2d", "atleast_3d", "average", "bartlett", "base_repr", "binary_repr",
    "bincount", "bitwise_and", "bitwise_count", "bitwise_invert", "bitwise_left_shift", "bitwise_not",
    "bitwise_or", "bitwise_right_shift", "bitwise_xor", "blackman", "block", "bool", "borrow_checking",
    "broadcast", "broadcast_arrays", "broadcast_shapes", "broadcast_to", "c_", "can_cast", "cbrt", "ceil",
    "choose", "clip", "column_stack", "common_type", "complex128", "complex64", "complexfloating", "compress",
    "concatenate", "conj", "conjugate", "convolve", "copy", "copysign", "copyto", "corrcoef", "correlate",
    "cos", "cosh", "count_nonzero", "cov", "cross", "cumprod", "cumsum", "cumulative_prod", "cumulative_sum",
    "deg2rad", "degrees", "delete", "diag", "diag_indices", "diag_indices_from", "diagflat", "diagnostics",
    "diagonal", "diff", "digitize", "divide", "divmod", "dot", "dsplit", "dstack", "dtype", "e", "ediff1d",
    "einsum", "emath", "empty", "empty_like", "equal", "errstate", "euler_gamma", "evaluate", "exceptions", "exp", "exp2",
    "expand_dims", "expm1", "extract", "eye", "fabs", "fft", "fill_diagonal", "finfo", "fix", "flatiter",
    "flatnonzero", "flip", "fliplr", "flipud", "float16", "float32", "float64", "float_power", "floating",
    "floor", "floor_divide", "fmax", "fmin", "fmod", "format_float_positional", "format_float_scientific",
    "freeze", "frexp", "from_dlpack", "frombuffer", "fromfile", "fromfunction", "fromiter", "frompyfunc",
    "fromstring", "full", "full_like", "fuse", "gcd", "generic", "genfromtxt", "geomspace", "get_borrow_checking",
    "get_printoptions", "getbufsize", "geterr", "geterrcall", "gradient", "greater", "greater_equal", "half",
    "hamming", "hanning", "heaviside", "histogram", "histogram2d", "histogram_bin_edges", "histogramdd",
    "hsplit", "hstack", "hypot", "i0", "identity", "iinfo", "imag", "index_exp", "indices", "inexact", "inf",
    "inner", "insert", "int16", "int32", "int64", "int8", "integer", "interp", "intersect1d", "invert",
    "is_frozen", "isclose", "iscomplex", "iscomplexobj", "isfinite", "isfortran", "isin", "isinf", "isnan",
    "isneginf", "isposinf", "isreal", "isrealobj", "isscalar", "issubdtype", "iterable", "ix_", "kaiser",
    "kron", "lcm", "ldexp", "left_shift", "less", "less_equal", "lexsort", "linalg", "linspace", "load",
    "loadtxt", "log", "log10", "log1p", "log2", "logaddexp", "logaddexp2", "logical_and", "logical_not",
    "logical_or", "logical_xor", "logspace", "mask_indices", "matmul", "matrix_transpose", "matvec", "max",
    "maximum", "may_share_memory", "mean", "median", "meshgrid", "mgrid", "min", "min_scalar_type", "minimum",
    "mintypecode", "mod", "modf", "moveaxis", "multiply", "nan", "nan_to_num", "nanargmax", "nanargmin",
    "nancumprod", "nancumsum", "nanmax", "nanmean", "nanmedian", "nanmin", "nanpercentile", "nanprod",
    "nanquantile", "nanstd", "nansum", "nanvar", "ndarray", "ndenumerate", "ndim", "ndindex", "nditer",
    "negative", "nested_iters", "newaxis", "nextafter", "nonzero", "not_equal", "number", "ogrid", "ones",
    "ones_like", "outer", "packbits", "pad", "partition", "percentile", "permute_dims", "pi", "piecewise",
    "place", "poly", "poly1d", "polyadd", "polyder", "polydiv", "polyfit", "polyint", "polymul", "polysub",
    "polyval", "positive", "pow", "power", "printoptions", "prod", "profile", "promote_types", "ptp", "put",
    "put_along_axis", "putmask", "quantile", "r_", "rad2deg", "radians", "random", "ravel", "ravel_multi_index",
    "real", "real_if_close", "reciprocal", "remainder", "repeat", "require", "reshape", "resize", "result_type",
    "right_shift", "rint", "roll", "rollaxis", "roots", "rot90", "round", "row_stack", "s_", "save", "savetxt",
    "savez", "savez_compressed", "sctypeDict", "searchsorted", "select", "set_borrow_checking",
    "set_printoptions", "setbufsize", "setdiff1d", "seterr", "seterrcall", "setxor1d", "shape", "shares_memory",
    "sign", "signbit", "signedinteger", "sin", "sinc", "sinh", "size", "sort", "sort_complex", "spacing",
    "split", "sqrt", "square", "squeeze", "stack", "std", "subtract", "sum", "swapaxes", "take", "tan", "tanh",
    "tensordot", "testing", "tile", "trace", "transpose", "trapezoid", "tri", "tril", "tril_indices",
    "tril_indices_from", "trim_zeros", "triu", "triu_indices", "triu_indices_from", "true_divide", "trunc",
    "typecodes", "typename", "ufunc", "uint16", "uint32", "uint64", "uint8", "union1d", "unique", "unique_all",
    "unique_counts", "unique_inverse", "unique_values", "unpackbits", "unravel_index", "unsignedinteger",
    "unwrap", "vander", "var", "vdot", "vecdot", "vecmat", "vectorize", "vsplit", "vstack", "where", "zeros",
    "zeros_like",
]

# Dask loaded before gilfree: register gilfree's chunk type with it now (_numpy_protocols.hook_dask).
from ._numpy_protocols import hook_dask as _hook_dask  # noqa: E402  (after the namespace it needs)
_hook_dask()
