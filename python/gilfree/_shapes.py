"""Shape arguments as NumPy takes them (an int or a sequence of ints), checked as NumPy checks them."""
import operator

from ._dtypes import INT64_MAX as _INT64_MAX

MAXDIMS = 64  # NumPy's limit on dimensions


def shape_tuple(shape):
    return check_shape(_shape_tuple_unchecked(shape))


def check_shape(shape):
    # Dimensions beyond int64 or more than 64 of them: NumPy's ValueErrors, not a failed Java conversion.
    if len(shape) > MAXDIMS:
        raise ValueError(f"maximum supported dimension for an ndarray is currently {MAXDIMS}, found {len(shape)}")
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
