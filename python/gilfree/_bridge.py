"""The one door to Java: the engine's class handles and the one translator of Java errors.

Every other module of the package calls Java through the handles and functions here; none looks a Java
class up or catches a Java error itself. Which runtime we are on (GraalPy or CPython through jep) is the
business of `_runtime`, which only this module imports.

`call(fn, *args)` runs one engine call and re-raises a Java error as the Python exception the engine names
(`GilfreeException.pythonType()`); `fp_call(fn, name, *args)` is the same for ufunc calls, whose
`FpSignal` (the result plus the floating-point conditions met) goes to the thread's errstate.
"""
import builtins
import threading

from . import _errstate, _runtime
from ._exceptions import BorrowError, LinAlgError

RUNTIME = _runtime.NAME
jclass = _runtime.jclass  # for tests and tools that need a Java class the package does not hold
is_java = _runtime.is_java


class _Facade:
    """A gateway facade (a Java class of static entry points) whose methods are looked up once and kept: jep
    resolves an attribute of a Java class on every access (0.8 of the 2.9 µs of a small Indexing call,
    measured), GraalPy too. The facades have static methods only, so what is kept never changes."""

    def __init__(self, name):
        self._cls = jclass(name)

    def __getattr__(self, name):  # reached only for a name not kept yet
        v = getattr(self._cls, name)
        self.__dict__[name] = v
        return v


Engine = _Facade("dev.gilfree.api.Engine")
Views = _Facade("dev.gilfree.api.Views")
Indexing = _Facade("dev.gilfree.api.Indexing")
Reduce = _Facade("dev.gilfree.api.Reduce")
Sort = _Facade("dev.gilfree.api.Sort")
LinAlg = _Facade("dev.gilfree.api.LinAlg")
Fft = _Facade("dev.gilfree.api.Fft")
Ufuncs = _Facade("dev.gilfree.api.Ufuncs")
Writes = _Facade("dev.gilfree.api.Writes")
ThreadSafety = _Facade("dev.gilfree.api.ThreadSafety")
Diagnostics = _Facade("dev.gilfree.api.Diagnostics")
Random = _Facade("dev.gilfree.api.Random")
Fused = _Facade("dev.gilfree.api.Fused")
# A sandboxed session reveals no memory addresses (and has no NumPy): no handle on the exchange there.
Interop = _Facade("dev.gilfree.api.Interop") if Engine.addressesAllowed() else None
# Nor host files: np.load's mmap_mode maps the file there only (a sandbox cannot look Files up).
Files = _Facade("dev.gilfree.api.Files") if Engine.addressesAllowed() else None
DType = jclass("dev.gilfree.core.DType")
Promotion = jclass("dev.gilfree.core.Promotion")
ScalarKind = jclass("dev.gilfree.core.Promotion$ScalarKind")
Casting = jclass("dev.gilfree.core.Casting")
NDArray = jclass("dev.gilfree.core.NDArray")

_JavaError = _runtime.JavaError
_throwable = _runtime.throwable


def is_engine_array(x):
    """Whether `x` is a raw engine array (dev.gilfree.core.NDArray), not a Python value."""
    # is_java first: on GraalPy None is an instance of every Java type
    return x is not None and is_java(x) and isinstance(x, NDArray)


# ----------------------------------------------------------------------------- thread names

_labels = threading.local()


def label_thread():
    """Tells the engine this thread's Python name, for BorrowError messages (once per thread and name)."""
    name = threading.current_thread().name
    if getattr(_labels, "name", None) != name:
        ThreadSafety.setThreadLabel(name)
        _labels.name = name


def _borrow_error(message):
    """The BorrowError for an engine message. The engine names a thread that never told it its Python name
    by the Java thread's name; for the thread raising, put the Python name."""
    if getattr(_labels, "name", None) != threading.current_thread().name:
        java_name = str(ThreadSafety.threadLabel())
        label_thread()
        message = message.replace(f"thread '{java_name}' cannot", f"thread '{_labels.name}' cannot", 1)
    return BorrowError(message)


# ----------------------------------------------------------------------------- the error translator

#: GilfreeException.pythonType() -> the Python exception (a class, or a function of the message).
_PY_TYPES = {name: getattr(builtins, name) for name in (
    "ValueError", "TypeError", "IndexError", "MemoryError", "ZeroDivisionError", "FloatingPointError", "OverflowError",
    "RecursionError", "PermissionError", "OSError", "KeyboardInterrupt")}
# BorrowError: a borrow-checking conflict; InternalError: a bug in gilfree that escaped an entry point (the
# engine's message says so, in one line); PermissionError: the session refuses the call (a test hook, or a
# memory address in a sandboxed session).
_PY_TYPES.update(BorrowError=_borrow_error, LinAlgError=LinAlgError, InternalError=RuntimeError)


def python_error(e):
    """The Python exception for a Java error caught at a call into the engine, or None if `e` is not one."""
    t = _throwable(e)
    if t is None:
        return None
    if hasattr(t, "pythonType"):  # dev.gilfree.core.GilfreeException: the engine says which Python type
        return _PY_TYPES[str(t.pythonType())](str(t.getMessage()))
    text = str(t.toString())  # "java.lang.OutOfMemoryError: Java heap space" (jep's getClass() has no getName)
    cls = text.split(":", 1)[0]
    if cls == "java.lang.OutOfMemoryError":
        return MemoryError(text.split(": ", 1)[1] if ": " in text else "out of memory")
    if cls == "java.lang.StackOverflowError":
        return RecursionError("maximum recursion depth exceeded in the engine")
    # Anything else is a bug in gilfree: say so in one line, with no Java stack trace.
    return RuntimeError(f"gilfree internal error: {text}")


# ----------------------------------------------------------------------------- the profiler's clock

#: While gf.profile() records: a function taking (fn, args) that times the call (see _profiler); else None,
#: so a call costs one test of this global when no profile runs.
timer = None


def set_timer(t):
    global timer
    timer = t


def call(fn, *args):
    """fn(*args), a call into the engine, with a Java error re-raised as its Python exception."""
    try:
        if timer is None:
            return fn(*args)
        return timer(fn, args)
    except _JavaError as e:
        err = python_error(e)
        if err is None:
            raise
        raise err from None


def fp_call(fn, name, *args):
    """call() for a ufunc entry: an FpSignal carries the result plus the floating-point conditions met,
    which the thread's errstate turns into nothing, a warning, an error or a callback (for ufunc `name`;
    a callable `name` is given the flags instead: a fused expression names each of its ufuncs itself)."""
    try:
        if timer is None:
            return fn(*args)
        return timer(fn, args)
    except _JavaError as e:
        t = _throwable(e)
        if t is not None and hasattr(t, "fpFlags"):
            if callable(name):
                name(int(t.fpFlags()))
            else:
                _errstate.handle(int(t.fpFlags()), name)
            return t.result()
        err = python_error(e)
        if err is None:
            raise
        raise err from None

