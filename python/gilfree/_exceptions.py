"""The package's own exception types (NumPy's numpy.exceptions, numpy.linalg.LinAlgError, gilfree's
BorrowError) and axis normalisation. Imports nothing of the package: the bridge raises these."""
import operator


class AxisError(ValueError, IndexError):
    """An axis out of range: both a ValueError and an IndexError, as numpy.exceptions.AxisError."""

    def __init__(self, axis, ndim=None, msg_prefix=None):
        if ndim is None:
            super().__init__(axis)
            return
        msg = f"axis {axis} is out of bounds for array of dimension {ndim}"
        if msg_prefix:
            msg = f"{msg_prefix}: {msg}"
        super().__init__(msg)


class ComplexWarning(RuntimeWarning):
    pass


class BorrowError(RuntimeError):
    """Two threads' uses of one array conflict under borrow checking ("one writer XOR many readers").

    Raised at once (never waits) by the operation that would have raced; the message names both threads
    and both operations. A RuntimeError (like Rust's RefCell borrow panics), not a ValueError: nothing
    is wrong with the values, only with the timing.
    """


class TooHardError(RuntimeError):
    """shares_memory gave up within its max_work (numpy.exceptions.TooHardError)."""


class LinAlgError(ValueError):
    """Generic Python-exception-derived object raised by linalg functions (numpy.linalg.LinAlgError, which
    NumPy also derives from ValueError)."""


def normalize_axis(axis, ndim, prefix=None):
    try:
        axis = operator.index(axis)
    except TypeError:
        raise TypeError(f"'{type(axis).__name__}' object cannot be interpreted as an integer") from None
    if not -ndim <= axis < ndim:
        raise AxisError(axis, ndim, prefix)
    return axis + ndim if axis < 0 else axis


def normalize_axes(axes, ndim, argname=None):
    if not isinstance(axes, (tuple, list)):
        axes = (axes,)
    out = tuple(normalize_axis(a, ndim, argname) for a in axes)
    if len(set(out)) != len(out):
        raise ValueError(f"repeated axis in `{argname}` argument" if argname else "repeated axis")
    return out


class RankWarning(RuntimeWarning):
    """polyfit's design matrix is rank deficient (numpy.exceptions.RankWarning)."""
