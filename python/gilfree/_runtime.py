"""The one place where the two runtimes differ: how Python reaches Java classes and sees Java errors.

GraalPy: `java.type` looks classes up; a Java exception arrives as `polyglot.ForeignException` (a
BaseException) and *is* the Java throwable. CPython through jep: `jep.findClass`; a Java exception
arrives as a Python exception whose `args[0]` is the Java throwable. Both runtimes release the GIL for
the duration of every Java call, which is what lets Python threads run engine work in parallel.
"""
import builtins
import sys

NAME = sys.implementation.name  # "graalpy" or "cpython"

if NAME == "graalpy":
    import java
    import polyglot

    jclass = java.type
    JavaError = polyglot.ForeignException

    def _throwable(e):
        return e
else:
    from jep import findClass as jclass

    JavaError = Exception

    def _throwable(e):
        args = e.args
        if args and hasattr(args[0], "getStackTrace"):
            return args[0]
        return None

_PY_TYPES = {name: getattr(builtins, name) for name in (
    "ValueError", "TypeError", "IndexError", "MemoryError", "ZeroDivisionError", "FloatingPointError",
    "OverflowError")}


def python_error(e):
    """The Python exception for a Java error caught at a call into the engine, or None if `e` is not one."""
    t = _throwable(e)
    if t is None:
        return None
    if hasattr(t, "pythonType"):  # dev.gilfree.core.GilfreeException: the engine says which Python type
        return _PY_TYPES[str(t.pythonType())](str(t.getMessage()))
    cls = str(t.getClass().getName())
    if cls == "java.lang.OutOfMemoryError":
        return MemoryError(str(t.getMessage()))
    if cls == "java.lang.StackOverflowError":
        return RecursionError("maximum recursion depth exceeded in the engine")
    # Anything else is a bug in gilfree: say so in one line, with no Java stack trace.
    return RuntimeError(f"gilfree internal error: {t.toString()}")


def reraise(e):
    """Re-raise a Java error caught at a call into the engine as its Python exception (or `e` itself)."""
    err = python_error(e)
    if err is None:
        raise e
    raise err from None


Engine = jclass("dev.gilfree.api.Engine")
