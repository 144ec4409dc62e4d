"""Reductions over whole arrays (axis= comes with the reduction engine, issue 4)."""
from ._dtypes import scalar as _scalar
from ._ndarray import ndarray, _call
from ._runtime import Engine as _E


def _check(a, axis, dtype, out, keepdims, name):
    if not isinstance(a, ndarray):
        from ._creation import asarray
        a = asarray(a)
    if axis is not None or dtype is not None or out is not None or keepdims:
        raise NotImplementedError(f"{name}() supports only the whole-array form so far (no axis/dtype/out/keepdims)")
    return a


def sum(a, axis=None, dtype=None, out=None, keepdims=False):  # noqa: A001 - NumPy's name
    """Sum of all elements: int64 for integer and bool input, the float type for floats (pairwise summed)."""
    a = _check(a, axis, dtype, out, keepdims, "sum")
    if a.dtype.kind in "biu":
        return _scalar("int64", int(_call(_E.sumLong, a._j)))
    return _scalar("float64", float(_call(_E.sumDouble, a._j)))


def mean(a, axis=None, dtype=None, out=None, keepdims=False):
    """Arithmetic mean of all elements, as float64 (NaN with a RuntimeWarning for empty input)."""
    a = _check(a, axis, dtype, out, keepdims, "mean")
    if a.size == 0:
        import warnings
        warnings.warn("Mean of empty slice.", RuntimeWarning, stacklevel=2)
    return _scalar("float64", float(_call(_E.mean, a._j)))
