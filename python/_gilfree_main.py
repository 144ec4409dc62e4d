"""The ./gilfree launcher's command line, run inside the embedded runtime (GraalPy or CPython/jep).

It behaves like `python`: SCRIPT [ARGS], -c CODE [ARGS], -m MODULE [ARGS], - (stdin), or nothing for
an interactive prompt. It returns the exit code instead of exiting, so the Java side ends the process.
"""
import os
import sys
import threading

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
            _take_over_sigint()
            _dispatch(argv)
        finally:
            _shutdown()
    except SystemExit as e:
        return _exit_code(e.code)
    except KeyboardInterrupt as e:
        _print_exception(e)
        return 130  # python's code for a Ctrl-C nothing caught (128 + SIGINT)
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
    env = _graalpy_env()
    if not argv:
        if _on_terminal():
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
        if rest[0] == "pip" and env is not None:
            _prepare_pip(env, rest[1:])
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


def _jclass(name):
    if sys.implementation.name == "graalpy":
        import java
        return java.type(name)
    from jep import findClass
    return findClass(name)


def _take_over_sigint():
    """Ctrl-C raises KeyboardInterrupt in the main thread, as in python, also during a long engine operation:
    the engine takes SIGINT (dev.gilfree.exec.Interrupts) and stops an operation of this thread between
    chunks; a signal no operation takes goes to Python's main thread: on GraalPy through GraalPy's own SIGINT
    handler, on CPython (whose handlers run only on jep's hidden main thread) as an asynchronous exception
    from a watcher thread. Without this the JVM would end the process."""
    interrupts = _jclass("dev.gilfree.exec.Interrupts")
    if sys.implementation.name == "graalpy":
        import signal
        if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
            return
        signal.signal(signal.SIGINT, signal.default_int_handler)  # GraalPy's handler: the engine's forwards to it
    if not interrupts.install():
        return  # SIGINT is ignored (a background job): it stays ignored, as with python
    if sys.implementation.name == "graalpy":
        interrupts.forwardToPrevious()
        return
    import ctypes
    set_async = ctypes.pythonapi.PyThreadState_SetAsyncExc
    set_async.argtypes = (ctypes.c_ulong, ctypes.py_object)
    main_thread = threading.get_ident()

    def watch():
        while True:
            try:
                interrupts.awaitForPython()
            except BaseException:  # noqa: BLE001 - the runtime is shutting down: the watcher ends quietly
                return
            set_async(main_thread, KeyboardInterrupt)

    threading.Thread(target=watch, name="gilfree-sigint", daemon=True).start()


def _graalpy_env():
    """GraalPy's package environment (a prefix, -Dgilfree.graalpy.env): its site-packages goes on sys.path,
    .pth files included. None on CPython, whose packages live in the launcher's venv."""
    if sys.implementation.name != "graalpy":
        return None
    env = _jclass("java.lang.System").getProperty("gilfree.graalpy.env")
    if not env:
        return None
    import site
    site.addsitedir(_site_dir(str(env)))
    return str(env)


def _site_dir(prefix):
    import sysconfig
    return sysconfig.get_path("purelib", vars={"base": prefix, "platbase": prefix})


def _prepare_pip(env, args):
    """`-m pip` on GraalPy: GraalPy's bundled pip when none is installed (what ensurepip would install; its
    own subprocess-based bootstrap needs a python executable, which an embedded GraalPy has not), and
    installs going to the environment's prefix unless the command names another place."""
    import importlib.util
    if importlib.util.find_spec("pip") is None:
        import ensurepip
        bundled = os.path.join(os.path.dirname(ensurepip.__file__), "_bundled")
        wheels = sorted(f for f in os.listdir(bundled) if f.startswith("pip-") and f.endswith(".whl"))
        if not wheels:
            raise SystemExit(f"gilfree: GraalPy ships no pip wheel in {bundled}")
        sys.path.insert(0, os.path.join(bundled, wheels[-1]))
    places = ("--target", "-t", "--prefix", "--root", "--user")
    if not any(a == p or a.startswith(p + "=") for a in args for p in places):
        os.environ["PIP_PREFIX"] = env
    os.environ.setdefault("PIP_DISABLE_PIP_VERSION_CHECK", "1")


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


def _on_terminal():
    """Whether stdin and stdout are a terminal (GraalPy's streams are Java's, whose isatty() says no: the
    JVM's console knows)."""
    if sys.stdin is not None and sys.stdin.isatty():
        return True
    console = _jclass("java.lang.System").console()
    return console is not None and bool(console.isTerminal())


_BLOCK_WORDS = frozenset(("if", "while", "for", "try", "with", "def", "class", "async"))


def _opens_block(line):
    words = line.split(None, 1)
    return bool(words) and (words[0].startswith("@") or words[0].split(":", 1)[0] in _BLOCK_WORDS)


def _interactive():
    import code

    class Console(code.InteractiveConsole):
        def push(self, line, *args, **kwargs):
            # A compound statement runs at the empty line that ends it, as in python. (GraalPy's codeop calls a
            # block complete after its first body line, which would cut a longer body in two.)
            if line.strip() and _opens_block(self.buffer[0] if self.buffer else line):
                self.buffer.append(line)
                return True
            return super().push(line, *args, **kwargs)

    console = Console(locals={"__name__": "__main__"})
    console.raw_input = _line_reader() or console.raw_input
    banner = f"gilfree on {sys.implementation.name} {sys.version.split()[0]}\nType \"help\" for more information."
    console.interact(banner=banner, exitmsg="")


def _line_reader():
    """The prompt's input(): the JVM's terminal console (JLine, -Djdk.console=jdk.internal.le), on both
    runtimes: line editing and history, and Ctrl-C at the prompt as KeyboardInterrupt (the console reads
    keys, so the JVM gets no SIGINT there; python's readline could not see one either, as neither runtime
    runs Python signal handlers on this thread). None when the JVM has no terminal console."""
    console = _jclass("java.lang.System").console()
    if console is None or not console.isTerminal():
        return None
    interrupts = _jclass("dev.gilfree.exec.Interrupts")

    def read(prompt=""):
        sys.stdout.flush()
        sys.stderr.flush()
        try:
            line = console.readLine(str(prompt).replace("%", "%%"))  # readLine(format, args)
        except BaseException as e:  # noqa: BLE001 - a Java error (GraalPy: a BaseException)
            if "UserInterruptException" in str(e):
                raise KeyboardInterrupt from None
            raise
        finally:
            interrupts.reinstall()  # the console took SIGINT over; the statement about to run needs it back
        if line is None:  # Ctrl-D on an empty line
            raise EOFError
        return str(line)

    return read


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
