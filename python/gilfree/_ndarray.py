"""The ndarray wrapper: a thin Python object around one engine NDArray (Java), NumPy's interface on top.

Metadata is read from Java lazily and cached: an operation's result crosses into Java only for the
operation itself, not for its shape or dtype. Indexing lives in _indexing, manipulation in _manipulation.
"""
import builtins
import operator
import sys

from . import _array_interface

from ._dtypes import dtype as _dtype, scalar as _scalar, UINT64_MAX as _U64
from . import _indexing  # imports nothing of ours at load time, so no cycle
from ._bridge import Engine as _E, Views as _V, ThreadSafety as _TS, call as _call, label_thread as _label_thread
from ._shapes import shape_tuple as _shape_tuple

_INT_KINDS = ("b", "i", "u")


class flagsobj:
    """a.flags: C_CONTIGUOUS, F_CONTIGUOUS, WRITEABLE, OWNDATA (attribute and item access, as NumPy)."""
    __slots__ = ("_a",)
    _KEYS = {"C_CONTIGUOUS": "c_contiguous", "C": "c_contiguous", "CONTIGUOUS": "c_contiguous",
             "F_CONTIGUOUS": "f_contiguous", "F": "f_contiguous", "FORTRAN": "f_contiguous",
             "WRITEABLE": "writeable", "W": "writeable", "OWNDATA": "owndata", "O": "owndata",
             "ALIGNED": "aligned", "A": "aligned", "WRITEBACKIFCOPY": "writebackifcopy", "X": "writebackifcopy"}

    def __init__(self, a):
        object.__setattr__(self, "_a", a)

    @property
    def c_contiguous(self):
        return builtins.bool(self._a._j.isCContiguous())

    @property
    def f_contiguous(self):
        return builtins.bool(self._a._j.isFContiguous())

    @property
    def contiguous(self):
        return self.c_contiguous

    @property
    def fortran(self):
        return self.f_contiguous

    @property
    def writeable(self):
        return builtins.bool(self._a._j.isWriteable())

    @property
    def owndata(self):
        return builtins.bool(self._a._j.ownsData())

    aligned = property(lambda self: True)
    writebackifcopy = property(lambda self: False)

    def __setattr__(self, name, value):
        if name.lower() != "writeable":
            raise AttributeError(f"attribute '{name}' of 'numpy.flagsobj' objects is not writable")
        a = self._a
        # like NumPy: not for views of read-only arrays, nor for read-only broadcast views (stride 0 on a long axis)
        broadcast = not a._j.isWriteable() and any(s == 0 and n > 1 for s, n in zip(a.strides, a.shape))
        allowed = (a._base is None or a._base.flags.writeable) and not broadcast
        a._j = _call(a._j.withWriteable, builtins.bool(value), allowed)

    def __getitem__(self, key):
        name = self._KEYS.get(key)
        if name is None:
            raise KeyError(f"Unknown flag {key}")
        return getattr(self, name)

    def __setitem__(self, key, value):
        if self._KEYS.get(key) != "writeable":
            raise KeyError(f"Unknown flag {key}")
        self.__setattr__("writeable", value)

    def __repr__(self):
        return "\n".join(f"  {k} : {self[k]}" for k in ("C_CONTIGUOUS", "F_CONTIGUOUS", "OWNDATA", "WRITEABLE",
                                                        "ALIGNED", "WRITEBACKIFCOPY")) + "\n"


class ndarray:
    __slots__ = ("_j", "_shape", "_dtype", "_base", "__weakref__")
    __array_priority__ = 0.0

    def __new__(cls, shape, dtype=float, buffer=None, offset=0, strides=None, order=None):
        if buffer is not None or strides is not None:
            raise NotImplementedError("ndarray(buffer=..., strides=...) is not supported yet")
        from ._creation import zeros
        return zeros(shape, dtype, order or "C")

    # ----- metadata -----
    @property
    def shape(self):
        s = self._shape
        if s is None:
            j = self._j
            s = self._shape = tuple(int(d) for d in j.shape())
            if self._j is not j:  # resized meanwhile (resize swaps _j, then sets _shape): read again
                self._shape = None
                return self.shape
        return s

    @shape.setter
    def shape(self, value):
        raise AttributeError("Use `arr = arr.reshape(shape)` instead; setting the shape in place is not supported")

    @property
    def dtype(self):
        d = self._dtype
        if d is None:
            d = self._dtype = _dtype(str(self._j.dtypeName()))
        return d

    @property
    def ndim(self):
        return len(self.shape)

    @property
    def size(self):
        n = 1
        for d in self.shape:
            n *= d
        return n

    @property
    def itemsize(self):
        return self.dtype.itemsize

    @property
    def nbytes(self):
        return self.size * self.dtype.itemsize

    @property
    def strides(self):
        return tuple(int(s) for s in self._j.strides())

    @property
    def flags(self):
        return flagsobj(self)

    @property
    def base(self):
        return self._base

    @property
    def T(self):
        return self.transpose()

    @property
    def mT(self):
        if self.ndim < 2:
            raise ValueError("matrix transpose with ndim < 2 is undefined")
        return self.swapaxes(-1, -2)

    @property
    def real(self):
        if self.dtype.kind != "c":
            return self
        return self._complex_part(False)

    @property
    def imag(self):
        if self.dtype.kind != "c":
            from ._creation import zeros
            return zeros(self.shape, self.dtype)
        return self._complex_part(True)

    def _complex_part(self, imag):
        """z.real / z.imag of a complex array: a float view of the same memory, as NumPy."""
        v = _view(_call(_V.complexPart, self._j, imag), self)
        v._dtype = _dtype("float32" if self.dtype.name == "complex64" else "float64")
        return v

    def __len__(self):
        if not self.shape:
            raise TypeError("len() of unsized object")
        return self.shape[0]

    # ----- elements -----
    def __getitem__(self, key):
        return _indexing.getitem(self, key)

    def __setitem__(self, key, value):
        _indexing.setitem(self, key, value)

    def _scalar_at(self, j):
        """The NumPy scalar held by the 0-d engine array j (of this array's dtype)."""
        dt = self.dtype
        return _scalar(dt.name, _values(j, dt)[0])

    def item(self, *args):
        if args:
            if len(args) == 1 and self.ndim != 1 and not isinstance(args[0], tuple):
                i = operator.index(args[0])
                if not -self.size <= i < self.size:
                    raise IndexError("index out of bounds")
                return self.ravel()[i].item()
            return self[args if len(args) > 1 else args[0]].item()
        if self.size != 1:
            raise ValueError("can only convert an array of size 1 to a Python scalar")
        return self._flat_list()[0]

    def _flat_list(self):
        return _call(_values, self._j, self.dtype)

    def tolist(self):
        flat = self._flat_list()
        shape = self.shape
        if not shape:
            return flat[0]
        return _nest(flat, shape)

    def __iter__(self):
        if not self.shape:
            raise TypeError("iteration over a 0-d array")
        if self.ndim == 1:
            return iter([_scalar(self.dtype.name, v) for v in self._flat_list()])
        return _RowIter(self)

    def _scalar_value(self, conv):
        if self.ndim != 0 and self.size != 1:
            raise TypeError("only length-1 arrays can be converted to Python scalars")
        if self.ndim != 0:
            raise TypeError("only 0-dimensional arrays can be converted to Python scalars")
        v = self._flat_list()[0]
        if isinstance(v, complex) and conv is not complex:
            raise TypeError(f"{conv.__name__}() argument must be a string or a real number, not 'complex'")
        return conv(v)

    def __float__(self):
        return self._scalar_value(float)

    def __int__(self):
        return self._scalar_value(int)

    def __complex__(self):
        return self._scalar_value(complex)

    def __bool__(self):
        if self.size != 1:
            if self.size == 0:
                raise ValueError("The truth value of an empty array is ambiguous. Use `array.size > 0` to check "
                                 "that an array is not empty.")
            raise ValueError("The truth value of an array with more than one element is ambiguous. "
                             "Use a.any() or a.all()")
        return builtins.bool(self._flat_list()[0])

    def __index__(self):
        if self.ndim != 0 or self.dtype.kind not in ("i", "u"):
            raise TypeError("only integer scalar arrays can be converted to a scalar index")
        return int(self._flat_list()[0])

    # ----- methods -----
    def copy(self, order="C"):
        from ._creation import _copy
        return _copy(self, order)

    def astype(self, dtype, order="K", casting="unsafe", subok=True, copy=True):
        from ._promotion import can_cast
        dt = _dtype(dtype)
        if not can_cast(self.dtype, dt, casting):
            raise TypeError(f"Cannot cast array data from dtype('{self.dtype.name}') to dtype('{dt.name}') "
                            f"according to the rule '{casting}'")
        if dt == self.dtype and not copy:
            return self
        return _wrap(_call(_E.astype, self._j, dt.name), self.shape)

    def view(self, dtype=None):
        if dtype is not None and _dtype(dtype) != self.dtype:
            raise NotImplementedError("view(dtype) reinterpreting bytes is not supported")
        return _view(_call(_V.strided, self._j, list(self.shape), list(self.strides), int(self._j.offset()), True),
                     self)

    def reshape(self, *shape, order="C", copy=None):
        from ._manipulation import reshape
        if len(shape) == 1:
            shape = shape[0]
        return reshape(self, shape, order=order, copy=copy)

    def ravel(self, order="C"):
        from ._manipulation import ravel
        return ravel(self, order)

    def flatten(self, order="C"):
        from ._manipulation import ravel
        return ravel(self.copy(order if order in ("C", "F") else "C"), order)

    def transpose(self, *axes):
        from ._manipulation import transpose
        if len(axes) == 1 and (axes[0] is None or isinstance(axes[0], (tuple, list))):
            axes = axes[0]
        return transpose(self, axes or None)

    def swapaxes(self, axis1, axis2):
        from ._manipulation import swapaxes
        return swapaxes(self, axis1, axis2)

    def squeeze(self, axis=None):
        from ._manipulation import squeeze
        return squeeze(self, axis)

    def repeat(self, repeats, axis=None):
        from ._manipulation import repeat
        return repeat(self, repeats, axis)

    def take(self, indices, axis=None, out=None, mode="raise"):
        from ._manipulation import take
        return take(self, indices, axis, out, mode)

    def put(self, indices, values, mode="raise"):
        from ._manipulation import put
        return put(self, indices, values, mode)

    def nonzero(self):
        from ._manipulation import nonzero
        return nonzero(self)

    def compress(self, condition, axis=None, out=None):
        from ._manipulation import compress
        return compress(condition, self, axis, out)

    def fill(self, value):
        from ._indexing import setitem
        setitem(self, Ellipsis, value)

    def sum(self, axis=None, dtype=None, out=None, keepdims=False):
        from ._reductions import sum as _sum
        return _sum(self, axis=axis, dtype=dtype, out=out, keepdims=keepdims)

    def mean(self, axis=None, dtype=None, out=None, keepdims=False):
        from ._reductions import mean as _mean
        return _mean(self, axis=axis, dtype=dtype, out=out, keepdims=keepdims)

    # ----- printing -----
    def __repr__(self):
        from ._printing import array_repr
        return array_repr(self)

    def __str__(self):
        from ._printing import array_str
        return array_str(self)

    def __format__(self, spec):
        if self.ndim == 0:
            return format(self.item(), spec)
        if spec:
            raise TypeError("unsupported format string passed to numpy.ndarray.__format__")
        return str(self)

    # ----- protocols: NumPy exchange (CPython), DLPack -----
    @property
    def __array_interface__(self):
        return _array_interface.interface_of(self)

    __array__ = _array_interface.to_numpy
    __dlpack__ = _array_interface.dlpack

    def __dlpack_device__(self):
        return (1, 0)  # kDLCPU, device 0

    # ----- thread safety beyond NumPy (docs/thread-safety.md) -----
    def freeze(self):
        """Makes this array and every view of its memory read-only for good (irreversible); returns it.

        Every write path then raises ValueError("assignment destination is read-only"), as for a read-only
        NumPy array. When freeze() returns, no write by any thread is still in flight, so frozen arrays can
        be shared by any number of threads with no lock.
        """
        _call(_TS.freeze, self._j)
        return self

    @property
    def frozen(self):
        """True once the array's memory was frozen (through this array or any view of the same memory)."""
        return builtins.bool(_call(_TS.isFrozen, self._j))

    def borrow(self):
        """``with a.borrow():`` -- promise that no other thread writes `a` (or a view of its memory) during the
        block. Other threads' writes raise BorrowError meanwhile; so does this call if another thread holds
        ``borrow_mut()``. Works with or without checked mode."""
        return _Borrow(self, False)

    def borrow_mut(self):
        """``with a.borrow_mut():`` -- exclusive use of `a`'s memory by this thread for the block: any other
        thread's read or write of it raises BorrowError meanwhile (and so does this call if one holds a borrow)."""
        return _Borrow(self, True)

    def resize(self, *new_shape, refcheck=True):
        """Changes shape and size in place, NumPy style (C-order data kept, new elements zero).

        Refuses with NumPy's ValueError while the array has views, is exported, or is used by an operation
        or borrow of another thread (with refcheck=True). The old memory is never freed under anyone: the
        array gets new memory, and whoever still uses the old memory keeps it alive.
        """
        if not new_shape:
            return None
        shape = _shape_tuple(new_shape[0] if len(new_shape) == 1 else new_shape)
        if any(d < 0 for d in shape):
            raise ValueError("negative dimensions not allowed")
        _label_thread()
        new = _call(_TS.resize, self._j, shape, builtins.bool(refcheck))
        # _j first, then _shape: a concurrent ndarray.shape that read the old _j re-checks _j after caching.
        self._j = new
        self._shape = shape
        return None

    @property
    def flat(self):
        """A flat iterator over the array (gilfree.flatiter)."""
        return flatiter(self)

    def __array_namespace__(self, api_version=None):
        return sys.modules[__package__]  # the gilfree namespace (imported: this array exists)


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


def _values(j, dt):
    """Elements of engine array j in C order as Python values of dtype dt (bool, int, float or complex)."""
    kind = dt.kind
    if kind == "b":
        return [builtins.bool(v) for v in _call(_E.toLongArray, j)]
    if kind == "u" and dt.itemsize == 8:
        return [int(v) & _U64 for v in _call(_E.toLongArray, j)]
    if kind in _INT_KINDS:
        return [int(v) for v in _call(_E.toLongArray, j)]
    if kind == "c":
        d = [float(v) for v in _call(_E.toComplexArray, j)]
        return [complex(d[i], d[i + 1]) for i in range(0, len(d), 2)]
    return [float(v) for v in _call(_E.toDoubleArray, j)]


class _RowIter:
    """Iterator over the first axis. Not a generator: threads sharing one may see a row twice or miss one,
    but never get "generator already executing" (docs/thread-safety.md, point 5)."""
    __slots__ = ("_a", "_i", "_n")

    def __init__(self, a):
        self._a, self._i, self._n = a, 0, a.shape[0]

    def __iter__(self):
        return self

    def __next__(self):
        i = self._i
        if i >= self._n:
            raise StopIteration
        self._i = i + 1
        return self._a[i]


def _nest(flat, shape):
    if len(shape) == 1:
        return flat
    step = len(flat) // shape[0] if shape[0] else 0
    if step == 0:
        return [_nest([], shape[1:]) for _ in range(shape[0])]
    return [_nest(flat[i * step:(i + 1) * step], shape[1:]) for i in range(shape[0])]


def _wrap(j, shape=None):
    """A Python ndarray around engine array `j`; `shape` when the caller already knows it (saves a call)."""
    a = object.__new__(ndarray)
    a._j = j
    a._shape = shape
    a._dtype = None
    a._base = None
    return a


def _view(j, of):
    """A Python ndarray for engine view `j` of array `of`: its base is the array that owns the memory."""
    a = _wrap(j)
    a._dtype = of._dtype
    a._base = of if of._base is None else of._base
    return a
