"""A small user library written against the array API: it takes the namespace `xp` to compute with, so the
same code runs on gilfree, NumPy and array_api_strict."""


def standardize(xp, x):
    """(x - mean) / std along the last axis; a constant row stays all zeros instead of dividing by zero."""
    x = xp.asarray(x, dtype=xp.float64)
    mean = xp.mean(x, axis=-1, keepdims=True)
    std = xp.std(x, axis=-1, keepdims=True)
    return xp.where(std == 0, xp.zeros_like(x), (x - mean) / xp.where(std == 0, 1.0, std))


def rescale(xp, x, low=0.0, high=1.0):
    """Maps the range of x onto [low, high]; raises ValueError for an empty x, whose range is undefined."""
    x = xp.astype(xp.asarray(x), xp.float64)  # integers too: the array API divides only floats
    if x.size == 0:
        raise ValueError("rescale of an empty array")
    lo, hi = xp.min(x), xp.max(x)
    span = hi - lo
    return low + (x - lo) * ((high - low) / span) if span != 0 else xp.full(x.shape, low)
