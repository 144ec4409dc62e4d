"""Floating-point error handling as NumPy's errstate: per thread/context (contextvars), never global.
The same context keeps NumPy's ufunc buffer size (getbufsize/setbufsize), which errstate also restores.

The engine reports which conditions a call met (divide, over, under, invalid); this module decides, by
the current context's settings, to ignore, warn (RuntimeWarning), raise (FloatingPointError), call the
seterrcall handler, or print.
"""
import contextvars
import functools
import operator
import sys
import warnings

_KINDS = ("divide", "over", "under", "invalid")
#: the condition bits the engine reports (FpSignal) and this module handles
DIVIDE, OVER, UNDER, INVALID = 1, 2, 4, 8
_BITS = {"divide": DIVIDE, "over": OVER, "under": UNDER, "invalid": INVALID}
_MODES = ("ignore", "warn", "raise", "call", "print", "log")
_DEFAULT = {"divide": "warn", "over": "warn", "under": "ignore", "invalid": "warn"}
_MSG = {"divide": "divide by zero", "over": "overflow", "under": "underflow", "invalid": "invalid value"}

_state = contextvars.ContextVar("gilfree_errstate", default=(_DEFAULT, None, DIVIDE | OVER | INVALID))
# NumPy's buffer size (elements) for its buffered ufunc loops; the engine needs none, but code that tunes it
# for NumPy gets NumPy's checks and context rules
_bufsize = contextvars.ContextVar("gilfree_bufsize", default=8192)
_MIN_BUFSIZE, _MAX_BUFSIZE = 5, 10_000_000


def geterr():
    """The current context's settings: {'divide': ..., 'over': ..., 'under': ..., 'invalid': ...}."""
    return dict(_state.get()[0])


def _set(settings, call):
    mask = 0
    for k, v in settings.items():
        if v != "ignore":
            mask |= _BITS[k]
    _state.set((settings, call, mask))


def seterr(all=None, divide=None, over=None, under=None, invalid=None):  # noqa: A002 - NumPy's name
    """Set how floating-point errors are handled in this thread/context; returns the old settings."""
    old, call, _ = _state.get()
    new = dict(old)
    for k, v in (("divide", divide), ("over", over), ("under", under), ("invalid", invalid)):
        v = v if v is not None else all
        if v is not None:
            if v not in _MODES:
                raise ValueError(f"invalid mode {v!r} for {k}")
            new[k] = v
    _set(new, call)
    return dict(old)


def geterrcall():
    return _state.get()[1]


def seterrcall(func):
    """Set the handler called (func(type_string, flag)) for conditions set to 'call'; returns the old one."""
    if func is not None and not callable(func) and not hasattr(func, "write"):
        raise ValueError("Only callable can be used as callback")
    settings, old, mask = _state.get()
    _state.set((settings, func, mask))
    return old


def getbufsize():
    """The buffer size of this thread/context (NumPy's default 8192)."""
    return _bufsize.get()


def setbufsize(size):
    """Sets this thread/context's buffer size (a multiple of 16, from 16 to 10**7); returns the old one."""
    if size < 0:
        raise ValueError("buffer size must be non-negative")
    if isinstance(size, bool):
        raise TypeError("an integer is required")
    size = operator.index(size)
    if size >= 1 << 63:
        raise OverflowError("Python int too large to convert to C long")
    if size > _MAX_BUFSIZE:
        raise ValueError(f"Buffer size, {size}, is too big")
    if size < _MIN_BUFSIZE:
        raise ValueError(f"Buffer size, {size}, is too small")
    if size % 16:
        raise ValueError(f"Buffer size, {size}, is not a multiple of 16")
    old = _bufsize.get()
    _bufsize.set(size)
    return old


class errstate:
    """Context manager (and decorator) for floating-point error handling, local to the thread/context."""

    def __init__(self, *, call=None, all=None, divide=None, over=None, under=None, invalid=None):  # noqa: A002
        self._call = call
        self._kw = dict(all=all, divide=divide, over=over, under=under, invalid=invalid)
        self._tokens = []

    def __enter__(self):
        self._tokens.append((_state.set(_state.get()), _bufsize.set(_bufsize.get())))
        seterr(**self._kw)
        if self._call is not None:
            seterrcall(self._call)
        return self

    def __exit__(self, *exc):
        state, bufsize = self._tokens.pop()
        _state.reset(state)
        _bufsize.reset(bufsize)
        return False

    def __call__(self, func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            with errstate(call=self._call, **self._kw):
                return func(*args, **kwargs)
        return wrapper


def mask():
    """Bits of the conditions the engine must report in this context (0: report nothing)."""
    return _state.get()[2]


def handle(flags, name):
    """Apply the context's settings to conditions `flags` met by ufunc `name`."""
    settings, call, _ = _state.get()
    for kind in _KINDS:
        if not flags & _BITS[kind]:
            continue
        mode = settings[kind]
        if mode == "ignore":
            continue
        msg = f"{_MSG[kind]} encountered in {name}"
        if mode == "warn":
            warnings.warn(msg, RuntimeWarning, stacklevel=_stacklevel())
        elif mode == "raise":
            raise FloatingPointError(msg)
        elif mode in ("call", "log"):
            if call is None:
                raise ValueError(f"No callback set for errstate mode 'call' ({msg})")
            if hasattr(call, "write") and not callable(call):
                call.write(f"Warning: {msg}\n")
            else:
                call(f"{_MSG[kind]}", _BITS[kind])
        elif mode == "print":
            print(f"Warning: {msg}")


def _stacklevel():
    """stacklevel for warnings.warn in handle() that points at the first caller outside gilfree."""
    f = sys._getframe(2)  # handle's caller
    level = 2
    # by module name, not file path: no file-system call (sandboxed sessions have no file system)
    while f is not None and f.f_globals.get("__name__", "").startswith("gilfree."):
        f = f.f_back
        level += 1
    return level
