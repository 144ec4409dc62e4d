"""The thread-safety functions beyond NumPy (docs/thread-safety.md): freeze, process-wide borrow checking,
the executor's thread count. The array methods (freeze, borrow, borrow_mut, resize, flat) are ndarray's own.

Everything here is one call into the engine; the engine does the checks.
"""
import operator
import sys
import threading

from ._bridge import Engine as _E, Diagnostics as _D, call as _call, label_thread as _label_thread
from ._exceptions import BorrowError  # noqa: F401 - gf.BorrowError; the bridge raises it
from ._ndarray import ndarray, flatiter  # noqa: F401 - gf.flatiter


def _profile_label(frame, event, arg):
    # Installed with threading.setprofile while borrow checking is on: a new thread names itself to the
    # engine on its first Python call, then removes the hook (no cost afterwards).
    sys.setprofile(None)
    try:
        _label_thread()
    except Exception:  # noqa: BLE001 - naming is best effort, never an error in the user's thread
        pass


# ----------------------------------------------------------------------------- freeze

def freeze(a):
    """Makes `a` and every view of its memory read-only for good (irreversible); returns `a`.

    Every write path then raises ValueError("assignment destination is read-only"), as for a read-only
    NumPy array. When freeze() returns, no write by any thread is still in flight, so frozen arrays can
    be shared by any number of threads with no lock.
    """
    if not isinstance(a, ndarray):
        raise TypeError(f"freeze() needs a gilfree.ndarray, not {type(a).__name__}")
    return a.freeze()


def is_frozen(a):
    """True when `a`'s memory was frozen (through `a` or any view of the same memory)."""
    return a.frozen


# ----------------------------------------------------------------------------- borrow checking

def set_borrow_checking(enabled):
    """Turns checked mode on or off for the whole process: every engine operation then takes a shared
    borrow on its inputs and an exclusive borrow on its output, and raises BorrowError instead of racing."""
    enabled = bool(enabled)
    if enabled:
        _label_thread()
        try:
            if threading.getprofile() is None:
                threading.setprofile(_profile_label)
        except (AttributeError, NotImplementedError):
            pass
    else:
        try:
            if threading.getprofile() is _profile_label:
                threading.setprofile(None)
        except (AttributeError, NotImplementedError):
            pass
    _call(_D.setBorrowChecking, enabled)


def get_borrow_checking():
    """True while checked mode is on."""
    return bool(_D.borrowChecking())


class borrow_checking:
    """``with gf.borrow_checking(): ...`` turns checked mode on for the block (process-wide) and restores
    the previous setting afterwards."""

    def __init__(self, enabled=True):
        self._enabled = enabled
        self._prev = None

    def __enter__(self):
        self._prev = get_borrow_checking()
        set_borrow_checking(self._enabled)
        return self

    def __exit__(self, *exc):
        set_borrow_checking(self._prev)
        return False


def set_num_threads(n):
    """Threads one large operation may use, the calling thread included (default: the machine's cores, or
    the GILFREE_NUM_THREADS environment variable). 1 makes every operation run on its calling thread only.
    Operations under about 131,072 elements always stay on the calling thread."""
    n = operator.index(n)
    if n < 1:
        raise ValueError(f"number of threads must be at least 1, got {n}")
    _call(_E.setNumThreads, n)


def get_num_threads():
    """The current set_num_threads value."""
    return int(_E.numThreads())
