"""The ./gilfree launcher's command line, run inside the embedded runtime (GraalPy or CPython/jep).

It behaves like `python`: SCRIPT [ARGS], -c CODE [ARGS], -m MODULE [ARGS], - (stdin), or nothing for
an interactive prompt. It returns the exit code instead of exiting, so the Java side ends the process.
"""
import os
import sys

_USAGE = ("usage: gilfree [--runtime graalpy|cpython] [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
          "  -c cmd : program passed in as string\n"
          "  -m mod : run library module as a script\n"
          "  -h     : print this help message and exit\n"
          "  -V     : print the Python version and exit\n"
          "file     : program read from script file\n"
          "-        : program read from stdin (default; interactive mode if a tty)\n")


def main(*argv):
    argv = [str(a) for a in argv]
    try:
        try:
            _dispatch(argv)
        finally:
            _shutdown()
    except SystemExit as e:
        return _exit_code(e.code)
    except BaseException as e:  # noqa: BLE001 - every uncaught error ends like python's
        _print_exception(e)
        return 1
    finally:
        _flush()
    return 0


def _dispatch(argv):
    # The runtime may have put the current directory first already; python puts exactly one entry there.
    while sys.path and sys.path[0] == "":
        sys.path.pop(0)
    if not argv:
        if sys.stdin is not None and sys.stdin.isatty():
            _interactive()
        else:
            sys.path.insert(0, "")
            _run_source(sys.stdin.read(), "<stdin>")
        return
    first, rest = argv[0], argv[1:]
    if first == "-c":
        if not rest:
            _usage_error("Argument expected for the -c option")
        sys.argv[:] = ["-c"] + rest[1:]
        sys.path.insert(0, "")
        _run_source(rest[0], "<string>")
    elif first == "-m":
        if not rest:
            _usage_error("Argument expected for the -m option")
        import runpy
        sys.argv[:] = [rest[0]] + rest[1:]
        sys.path.insert(0, os.getcwd())
        runpy.run_module(rest[0], run_name="__main__", alter_sys=True)
    elif first in ("-h", "--help"):
        sys.stdout.write(_USAGE)
    elif first in ("-V", "--version"):
        print(f"Python {sys.version.split()[0]} ({sys.implementation.name})")
    elif first == "-":
        sys.argv[:] = ["-"] + rest
        sys.path.insert(0, "")
        _run_source(sys.stdin.read(), "<stdin>")
    elif first.startswith("-"):
        _usage_error(f"Unknown option: {first}")
    else:
        _run_script(first, rest)


def _run_script(path, rest):
    import runpy
    if not os.path.exists(path):
        sys.stderr.write(f"gilfree: can't open file {os.path.abspath(path)!r}: [Errno 2] No such file or directory\n")
        raise SystemExit(2)
    sys.argv[:] = [path] + rest
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
    runpy.run_path(path, run_name="__main__")


def _run_source(source, filename):
    import __main__
    code = compile(source, filename, "exec")
    exec(code, __main__.__dict__)


def _interactive():
    import code
    try:
        import readline  # noqa: F401 - line editing where the runtime has it
    except ImportError:
        pass
    banner = f"gilfree on {sys.implementation.name} {sys.version.split()[0]}\nType \"help\" for more information."
    code.interact(banner=banner, local={"__name__": "__main__"}, exitmsg="")


def _usage_error(message):
    sys.stderr.write(f"{message}\n{_USAGE}")
    raise SystemExit(2)


def _exit_code(code):
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF if code >= 0 else code % 256
    sys.stderr.write(f"{code}\n")
    return 1


def _print_exception(e):
    """Print python's traceback, minus the launcher's own frames."""
    import traceback
    te = traceback.TracebackException.from_exception(e)
    te.stack = traceback.StackSummary.from_list(
        [f for f in te.stack if not _is_launcher_frame(f.filename)])
    sys.stderr.write("".join(te.format()))


def _is_launcher_frame(filename):
    base = os.path.basename(filename)
    return base in ("_gilfree_main.py", "runpy.py", "<frozen runpy>") or filename == "<frozen runpy>"


def _shutdown():
    """What python does at exit: wait for non-daemon threads, run atexit handlers. (threading._shutdown
    assumes it runs on Python's main thread, which under jep is another thread, so it would deadlock.)"""
    import threading
    me = threading.current_thread()
    for t in threading.enumerate():
        if t is not me and t is not threading.main_thread() and not t.daemon:
            t.join()
    import atexit
    atexit._run_exitfuncs()


def _flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # noqa: BLE001 - a closed stream must not hide the exit code
            pass
