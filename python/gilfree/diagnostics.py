"""Observable parallelism without timing, and test aids for the thread-safety contract.

    import gilfree as gf
    gf.diagnostics.reset()
    ... run work on several threads ...
    gf.diagnostics.max_concurrent_ops()   # >= 2 when two engine operations ran at the same moment

The engine counts operations in progress at each entry point (one atomic increment and decrement);
the gauge keeps the largest count seen since the last reset(). It is process-wide: work of other threads
(other tests, say) counts too.

reset(), rendezvous() and hold() are TEST HOOKS: they reset process-wide counters or hold engine threads
inside the engine. Sandboxed sessions refuse them with PermissionError; the read-only gauges
(max_concurrent_ops, active_ops) work everywhere.
"""
import threading as _threading
from collections import namedtuple as _namedtuple
from contextlib import contextmanager as _contextmanager

from ._bridge import Diagnostics as _D, call as _call, label_thread as _label_thread

__all__ = ["max_concurrent_ops", "active_ops", "reset", "rendezvous", "hold", "entries", "recording", "Entry", "blas",
           "set_blas", "java_kernels"]


def max_concurrent_ops():
    """The largest number of engine operations that ran at the same moment since the last reset()."""
    return int(_D.maxConcurrent())


def active_ops():
    """Engine operations running right now (in all threads)."""
    return int(_D.activeOps())


def reset():
    """Test hook. Starts a new measurement: the maximum becomes the number of operations running right now.
    Refused (PermissionError) in a sandboxed session: the gauge is process-wide."""
    _call(_D.resetMaxConcurrent)


def rendezvous(n, timeout=30.0):
    """Test hook. An engine operation that returns once `n` engine operations run at the same moment
    (itself included), or after `timeout` seconds; returns the most it saw. Called from `n` Python threads
    at once it returns `n` only if the runtime really runs them in parallel (GIL released inside the call).
    Refused (PermissionError) in a sandboxed session: it holds an engine thread."""
    return int(_call(_D.rendezvous, int(n), int(timeout * 1000)))


class hold:
    """Test hook. ``with diagnostics.hold(a): ...`` -- during the block, another thread runs an engine
    operation that reads `a` (writes it with write=True) and stays inside the engine: "in use by another
    thread", deterministically, for tests of resize and borrow checking. The operation's name is `op`.
    Refused (PermissionError) in a sandboxed session: it holds an engine thread."""

    def __init__(self, a, write=False, op="hold", thread_name="gilfree-hold"):
        self._a = a
        self._write = bool(write)
        self._op = op
        self._name = thread_name
        self._h = None
        self._thread = None
        self.error = None

    def __enter__(self):
        h = self._h = _call(_D.newHold)

        def run():
            try:
                _label_thread()
                _call(h.run, self._a._j, self._write, self._op)
            except BaseException as e:  # noqa: BLE001 - reported to the thread that entered the block
                self.error = e

        self._thread = _threading.Thread(target=run, name=self._name, daemon=True)
        self._thread.start()
        if not h.awaitStarted(60_000):
            h.release()
            raise RuntimeError("the held operation did not start within 60 s")
        if self.error is not None:
            self._thread.join()
            raise self.error
        return self

    def __exit__(self, *exc):
        self._h.release()
        self._thread.join(120)
        return False


class Entry(_namedtuple("Entry", "name facade method params param_types reads writes fp resizes sample dtype numpy")):
    """One engine entry point as the gateway declares it (dev.gilfree.gateway.EntrySpec): what it reads and
    writes, and Python code (`sample`) that reaches it, with `a` in the role of its first written (else read)
    array, an array of shape (3, 4) and dtype `dtype`."""


def entries():
    """Every engine entry point, from the gateway's own table (the contract tests are generated from it)."""
    out = []
    for row in _call(_D.entryTable):
        f, m, names, types, reads, writes, fp, resizes, sample, dtype, numpy = (str(x) for x in row)
        split = (lambda s: tuple(s.split(",")) if s else ())
        out.append(Entry(f"{f}.{m}", f, m, split(names), split(types), split(reads), split(writes), fp,
                         resizes == "true", sample, dtype, numpy == "true"))
    return out


@_contextmanager
def recording():
    """Test hook. ``with diagnostics.recording() as entered:`` -- `entered` (a list) receives the engine entry
    points ("Engine.astype", ...) the calling thread entered during the block, in order. Refused
    (PermissionError) in a sandboxed session."""
    entered = []
    _call(_D.startRecording)
    try:
        yield entered
    finally:
        entered.extend(str(name) for name in _call(_D.stopRecording))


def blas():
    """Which backend computes matrix products (matmul, dot, tensordot, ...): "openblas (...)" with its build
    configuration, CPU kernel and cache directory, or "java (reason)" when OpenBLAS could not load or
    -Dgilfree.blas=java asked for the Java kernels."""
    return str(_call(_D.blas))


def set_blas(on):
    """Test hook. Process-wide: products on OpenBLAS (True) or on the Java kernels (False); returns the previous
    setting. Refused (PermissionError) in a sandboxed session."""
    return bool(_call(_D.setBlas, bool(on)))


@_contextmanager
def java_kernels():
    """Test hook. ``with diagnostics.java_kernels():`` -- products run on the Java kernels during the block."""
    was = set_blas(False)
    try:
        yield
    finally:
        set_blas(was)
