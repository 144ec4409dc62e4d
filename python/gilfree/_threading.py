"""The thread-safety features beyond NumPy (docs/thread-safety.md): freeze, borrow checking, resize in
place that refuses while the array is in use, and a flat iterator that threads may share.

Everything here is one call into the engine (dev.gilfree.api.ThreadSafety); the engine does the checks.
"""
import operator
import sys
import threading

from ._bridge import Engine as _E, ThreadSafety as _TS, Diagnostics as _D, call as _call, label_thread as _label_thread
from ._exceptions import BorrowError  # noqa: F401 - gf.BorrowError; the bridge raises it
from ._ndarray import ndarray, _wrap


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
    _call(_TS.freeze, a._j)
    return a


def is_frozen(a):
    """True when `a`'s memory was frozen (through `a` or any view of the same memory)."""
    return bool(_call(_TS.isFrozen, a._j))


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


class _Borrow:
    """A scoped borrow of one array for the current thread: ``with a.borrow():`` / ``with a.borrow_mut():``."""
    __slots__ = ("_a", "_exclusive", "_token")

    def __init__(self, a, exclusive):
        self._a = a
        self._exclusive = exclusive
        self._token = None

    def __enter__(self):
        if self._token is not None:
            raise RuntimeError("this borrow is already held; create a new one with a.borrow()")
        _label_thread()
        self._token = _call(_TS.borrow, self._a._j, self._exclusive,
                            "borrow_mut()" if self._exclusive else "borrow()")
        return self._a

    def __exit__(self, *exc):
        t, self._token = self._token, None
        if t is not None:
            _call(_TS.release, t)
        return False


def _borrow(self):
    """``with a.borrow():`` -- promise that no other thread writes `a` (or a view of its memory) during the
    block. Other threads' writes raise BorrowError meanwhile; so does this call if another thread holds
    ``borrow_mut()``. Works with or without checked mode."""
    return _Borrow(self, False)


def _borrow_mut(self):
    """``with a.borrow_mut():`` -- exclusive use of `a`'s memory by this thread for the block: any other
    thread's read or write of it raises BorrowError meanwhile (and so does this call if one holds a borrow)."""
    return _Borrow(self, True)


# ----------------------------------------------------------------------------- resize

def _resize(self, *new_shape, refcheck=True):
    """Changes shape and size in place, NumPy style (C-order data kept, new elements zero).

    Refuses with NumPy's ValueError while the array has views, is exported, or is used by an operation
    or borrow of another thread (with refcheck=True). The old memory is never freed under anyone: the
    array gets new memory, and whoever still uses the old memory keeps it alive.
    """
    from ._creation import _shape_tuple
    if not new_shape:
        return None
    shape = _shape_tuple(new_shape[0] if len(new_shape) == 1 else new_shape)
    if any(d < 0 for d in shape):
        raise ValueError("negative dimensions not allowed")
    _label_thread()
    new = _call(_TS.resize, self._j, shape, bool(refcheck))
    # _j first, then _shape: a concurrent ndarray.shape that read the old _j re-checks _j after caching.
    self._j = new
    self._shape = shape
    return None


# ----------------------------------------------------------------------------- flat iteration

class flatiter:
    """``a.flat``: a flat (C-order) iterator over an array, also indexable by a flat position.

    It reads the memory the array had when the iterator was made (a later resize does not affect it).
    Threads may share one: they may see elements repeated or skipped, never a crash or an element from
    outside the array.
    """
    __slots__ = ("base", "_view", "_shape", "_n", "_i")

    def __init__(self, a):
        self.base = a
        self._view = _wrap(a._j)
        self._shape = self._view.shape
        n = 1
        for d in self._shape:
            n *= d
        self._n = n
        self._i = 0

    def __iter__(self):
        return self

    def __len__(self):
        return self._n

    @property
    def index(self):
        return min(self._i, self._n)

    def _unravel(self, i):
        idx = []
        for d in reversed(self._shape):
            idx.append(i % d)
            i //= d
        return tuple(reversed(idx))

    def __next__(self):
        i = self._i
        if i >= self._n:
            raise StopIteration
        self._i = i + 1
        return self._view[self._unravel(i)]

    def __getitem__(self, i):
        i = operator.index(i)
        n = self._n
        if not -n <= i < n:
            raise IndexError(f"index {i} is out of bounds for axis 0 with size {n}")
        return self._view[self._unravel(i % n)]


def _install(cls):
    cls.freeze = freeze
    cls.frozen = property(is_frozen, doc="True once the array's memory was frozen (see freeze()).")
    cls.borrow = _borrow
    cls.borrow_mut = _borrow_mut
    cls.resize = _resize
    cls.flat = property(flatiter, doc="A flat iterator over the array (gilfree.flatiter).")


_install(ndarray)


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
