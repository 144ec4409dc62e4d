"""Print options (np.set_printoptions and friends), kept per thread/context with contextvars.

The thread-safety contract says print options never leak between threads: each thread starts from the
defaults, and `printoptions(...)` restores the previous options when its block ends.
"""
import contextlib
import contextvars
import numbers
import operator

_DEFAULTS = {"precision": 8, "threshold": 1000, "edgeitems": 3, "linewidth": 75, "suppress": False,
             "nanstr": "nan", "infstr": "inf", "sign": "-", "floatmode": "maxprec", "legacy": False,
             "formatter": None, "override_repr": None}

_OPTIONS = contextvars.ContextVar("gilfree_printoptions", default=None)


def current():
    """The options in force in this thread/context (a dict; do not mutate)."""
    return _OPTIONS.get() or _DEFAULTS


def _updated(**kwargs):
    new = dict(current())
    for key, value in kwargs.items():
        if value is None:
            continue
        if key not in _DEFAULTS:
            raise TypeError(f"set_printoptions() got an unexpected keyword argument '{key}'")
        if key == "sign" and value not in "-+ ":
            raise ValueError("sign option must be one of ' ', '+', or '-'")
        if key == "floatmode" and value not in ("fixed", "unique", "maxprec", "maxprec_equal"):
            raise ValueError("floatmode option must be one of 'fixed', 'unique', 'maxprec', 'maxprec_equal'")
        if key == "threshold":  # any real number, as NumPy (float('inf') prints everything)
            if not isinstance(value, numbers.Real):
                raise TypeError("threshold must be numeric")
            if value != value:
                raise ValueError("threshold must be non-NAN, try sys.maxsize for untruncated representation")
        elif key in ("precision", "edgeitems", "linewidth"):
            try:
                value = operator.index(value)
            except TypeError:
                raise TypeError(f"{key} must be an integer") from None
            if key == "precision" and value < 0:
                raise ValueError("precision must be >= 0")
        new[key] = value
    return new


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, suppress=None,
                     nanstr=None, infstr=None, formatter=None, sign=None, floatmode=None, *, legacy=None,
                     override_repr=None):
    """Sets print options for the current thread/context only."""
    _OPTIONS.set(_updated(precision=precision, threshold=threshold, edgeitems=edgeitems, linewidth=linewidth,
                          suppress=suppress, nanstr=nanstr, infstr=infstr, formatter=formatter, sign=sign,
                          floatmode=floatmode, legacy=legacy, override_repr=override_repr))


def get_printoptions():
    return {k: v for k, v in current().items()}


@contextlib.contextmanager
def printoptions(*args, **kwargs):
    """Context manager: the options apply inside the block, in this thread/context only."""
    token = _OPTIONS.set(current())
    try:
        set_printoptions(*args, **kwargs)
        yield get_printoptions()
    finally:
        _OPTIONS.reset(token)
