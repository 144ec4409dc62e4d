"""gilfree: a NumPy-style array engine in Java, for Python threads that run on every core.

    import gilfree as gf
    a = gf.arange(4.0)
    gf.exp(a * 2 + 1)

Work happens inside the engine with the GIL released, so ordinary `threading` code over arrays runs in
parallel. Thread-safety rules: docs/thread-safety.md.
"""
from . import _runtime
from ._dtypes import (dtype, generic, bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64,  # noqa: A004
                      float32, float64, complex64, complex128)
from ._ndarray import ndarray, _install_operators
from ._ufuncs import ufunc, add, subtract, multiply, divide, true_divide, negative, exp, ALL as _UFUNCS
from ._creation import asarray, array, zeros, ones, empty, full, arange
from ._reductions import sum, mean  # noqa: A004 - NumPy's names
from ._threading import (BorrowError, freeze, is_frozen, set_borrow_checking, get_borrow_checking,
                         borrow_checking, flatiter)
from . import diagnostics

__version__ = "0.1.0"
__array_api_version__ = "2024.12"

#: Which runtime this process runs on: "graalpy" or "cpython" (through jep).
runtime = _runtime.NAME

_install_operators(_UFUNCS)

__all__ = [
    "dtype", "generic", "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "float32", "float64", "complex64", "complex128", "ndarray", "ufunc", "add", "subtract", "multiply",
    "divide", "true_divide", "negative", "exp", "asarray", "array", "zeros", "ones", "empty", "full", "arange",
    "sum", "mean",
    "BorrowError", "freeze", "is_frozen", "set_borrow_checking", "get_borrow_checking", "borrow_checking",
    "flatiter", "diagnostics",
]
