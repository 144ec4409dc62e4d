"""The Python half of dev.gilfree.embed.PythonSession: the Java side calls these on either runtime."""
import __main__

import gilfree  # noqa: F401 - a session always has gilfree imported
from gilfree._embed import from_java, to_java

# Scripts see the package as both `gilfree` and `gf`, imported already.
__main__.__dict__.setdefault("gilfree", gilfree)
__main__.__dict__.setdefault("gf", gilfree)


def put(name, value):
    __main__.__dict__[str(name)] = from_java(value)


def get(name):
    name = str(name)
    try:
        return to_java(__main__.__dict__[name])
    except KeyError:
        raise NameError(f"name {name!r} is not defined") from None


def exec_code(code):
    exec(compile(str(code), "<session>", "exec"), __main__.__dict__)


def eval_expr(expression):
    return to_java(eval(compile(str(expression), "<session>", "eval"), __main__.__dict__))


def call(name, *args):
    name = str(name)
    fn = __main__.__dict__.get(name)
    if fn is None:
        raise NameError(f"name {name!r} is not defined")
    return to_java(fn(*[from_java(a) for a in args]))
