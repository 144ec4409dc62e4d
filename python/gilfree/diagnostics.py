"""Observable parallelism without timing, and test aids for the thread-safety contract.

    import gilfree as gf
    gf.diagnostics.reset()
    ... run work on several threads ...
    gf.diagnostics.max_concurrent_ops()   # >= 2 when two engine operations ran at the same moment

The engine counts operations in progress at each entry point (one atomic increment and decrement);
the gauge keeps the largest count seen since the last reset(). It is process-wide: work of other threads
(other tests, say) counts too.
"""
import threading as _threading

from ._bridge import Diagnostics as _D, call as _call, label_thread as _label_thread

__all__ = ["max_concurrent_ops", "active_ops", "reset", "rendezvous", "hold"]


def max_concurrent_ops():
    """The largest number of engine operations that ran at the same moment since the last reset()."""
    return int(_D.maxConcurrent())


def active_ops():
    """Engine operations running right now (in all threads)."""
    return int(_D.activeOps())


def reset():
    """Starts a new measurement: the maximum becomes the number of operations running right now."""
    _D.resetMaxConcurrent()


def rendezvous(n, timeout=30.0):
    """An engine operation that returns once `n` engine operations run at the same moment (itself
    included), or after `timeout` seconds; returns the most it saw. Called from `n` Python threads at
    once it returns `n` only if the runtime really runs them in parallel (GIL released inside the call)."""
    return int(_D.rendezvous(int(n), int(timeout * 1000)))


class hold:
    """``with diagnostics.hold(a): ...`` -- during the block, another thread runs an engine operation
    that reads `a` (writes it with write=True) and stays inside the engine: "in use by another thread",
    deterministically, for tests of resize and borrow checking. The operation's name is `op`."""

    def __init__(self, a, write=False, op="hold", thread_name="gilfree-hold"):
        self._a = a
        self._write = bool(write)
        self._op = op
        self._name = thread_name
        self._h = None
        self._thread = None
        self.error = None

    def __enter__(self):
        h = self._h = _D.newHold()

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
