"""The one place where the two runtimes differ: how Python reaches Java classes and sees Java errors.

Only `_bridge` imports this module. GraalPy: `java.type` looks classes up; a Java exception arrives as
`polyglot.ForeignException` (a BaseException) and *is* the Java throwable. CPython through jep:
`jep.findClass`; a Java exception arrives as a Python exception whose `args[0]` is the Java throwable.
Both runtimes release the GIL for the duration of every Java call, which is what lets Python threads run
engine work in parallel.
"""
import sys

NAME = sys.implementation.name  # "graalpy" or "cpython"

if NAME == "graalpy":
    import java
    import polyglot

    jclass = java.type
    JavaError = polyglot.ForeignException

    def throwable(e):
        """The Java throwable a caught JavaError carries (on GraalPy the error is the throwable)."""
        return e

    def is_java(x):
        """Whether `x` is a Java object (not a Python value converted from one)."""
        return type(x).__module__ == "polyglot"
else:
    from jep import findClass as jclass

    JavaError = Exception
    _JObject = jclass("java.lang.Object")

    def throwable(e):
        """The Java throwable a caught JavaError carries, or None for a plain Python exception."""
        args = e.args
        if args and hasattr(args[0], "getStackTrace"):
            return args[0]
        return None

    def is_java(x):
        """Whether `x` is a Java object (not a Python value converted from one)."""
        return isinstance(x, _JObject)
