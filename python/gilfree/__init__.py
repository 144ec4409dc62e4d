"""gilfree: a NumPy-style array engine in Java, for Python threads that run on every core.

    import gilfree as gf
    a = gf.arange(4.0)
    gf.exp(a * 2 + 1)

Work happens inside the engine with the GIL released, so ordinary `threading` code over arrays runs in
parallel. Thread-safety rules: docs/thread-safety.md.
"""
from . import _bridge
from ._dtypes import (dtype, generic, bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64,  # noqa: A004
                      float32, float64, complex64, complex128)
from ._ndarray import ndarray
from ._ufuncs import ufunc, add, subtract, multiply, divide, true_divide, negative, exp
from ._creation import asarray, array, zeros, ones, empty, full, arange
from ._creation import (asanyarray, ascontiguousarray, asfortranarray, copy, zeros_like, ones_like, empty_like,
                        full_like, linspace, eye, identity, tri, tril, triu, meshgrid)
from ._promotion import result_type, promote_types, can_cast, finfo, iinfo, isdtype
from ._creation import astype
from ._printoptions import set_printoptions, get_printoptions, printoptions
from ._printing import array2string, array_repr, array_str
from ._exceptions import AxisError, ComplexWarning
from . import _exceptions as exceptions
from ._manipulation import (reshape, ravel, transpose, permute_dims, swapaxes, moveaxis, expand_dims, squeeze,
                            broadcast_shapes, broadcast_to, broadcast_arrays, atleast_1d, atleast_2d, atleast_3d,
                            flip, fliplr, flipud, concatenate, stack, vstack, hstack, dstack, column_stack, row_stack,
                            split, array_split, roll, repeat, tile, pad, take, put, nonzero, flatnonzero, compress,
                            concat, unstack, take_along_axis)
from ._reductions import sum, mean  # noqa: A004 - NumPy's names
from ._array_api_ns import *  # noqa: F401,F403 - ufuncs, reductions, sorting, linalg, errstate (issue 4)
from ._array_api_ns import __all__ as _NS_ALL, _install_more_operators
from ._manipulation import nonzero, flatnonzero  # the array core's versions cover every dtype, complex too

from ._embed import _wrap_engine_array  # noqa: F401 - for Java embedders (dev.gilfree.embed)
from . import _numpy_interop
from ._numpy_interop import from_dlpack

_numpy_interop.install(ndarray)
from ._threading import (BorrowError, freeze, is_frozen, set_borrow_checking, get_borrow_checking,
                         borrow_checking, flatiter, set_num_threads, get_num_threads)
from . import diagnostics

__version__ = "0.1.0"
__array_api_version__ = "2024.12"

#: Which runtime this process runs on: "graalpy" or "cpython" (through jep).
runtime = _bridge.RUNTIME

_install_more_operators()

newaxis = None
bool_ = bool
intp = int64
uintp = uint64
float_ = float64
double = float64
single = float32
cdouble = complex128
csingle = complex64
byte, short, intc, ubyte, ushort, uintc = int8, int16, int32, uint8, uint16, uint32
pi, e, inf, nan = 3.141592653589793, 2.718281828459045, float("inf"), float("nan")

__all__ = [
    "dtype", "generic", "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "float32", "float64", "complex64", "complex128", "ndarray", "ufunc", "add", "subtract", "multiply",
    "divide", "true_divide", "negative", "exp", "asarray", "array", "zeros", "ones", "empty", "full", "arange",
    "sum", "mean",
    "asanyarray", "ascontiguousarray", "asfortranarray", "copy", "zeros_like", "ones_like", "empty_like",
    "full_like", "linspace", "eye", "identity", "tri", "tril", "triu", "meshgrid",
    "result_type", "promote_types", "can_cast", "finfo", "iinfo",
    "set_printoptions", "get_printoptions", "printoptions", "array2string", "array_repr", "array_str",
    "AxisError", "ComplexWarning", "exceptions", "newaxis",
    "reshape", "ravel", "transpose", "permute_dims", "swapaxes", "moveaxis", "expand_dims", "squeeze",
    "broadcast_shapes", "broadcast_to", "broadcast_arrays", "atleast_1d", "atleast_2d", "atleast_3d",
    "flip", "fliplr", "flipud", "concatenate", "stack", "vstack", "hstack", "dstack", "column_stack",
    "row_stack", "split", "array_split", "roll", "repeat", "tile", "pad", "take", "put", "nonzero",
    "flatnonzero", "compress",
] + [n for n in _NS_ALL if n not in ("sum", "mean", "AxisError", "newaxis", "nonzero", "flatnonzero")]
__all__ += ["from_dlpack"]
__all__ += ["BorrowError", "freeze", "is_frozen", "set_borrow_checking", "get_borrow_checking",
            "borrow_checking", "flatiter", "diagnostics"]
