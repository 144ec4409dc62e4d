"""The ndarray class, declared completely here: metadata, elements, operators, methods, protocols and the
thread-safety methods, each a call of the one function that implements it in a module below this one.

A thin Python object around one engine NDArray (Java). Metadata is read from Java lazily and cached: an
operation's result crosses into Java only for the operation itself, not for its shape or dtype. Every module
below imports `_base` (ndarray's slots-only base class and the constructors `wrap`/`view`), never this one.
"""
import builtins
import operator
import pickle
import sys

from . import _array_interface, _bytes, _indexing, _printing
from . import _elementwise as _ew, _linalg_impl as _la, _manipulation as _m, _reductions as _r, _sorting as _s
from . import _ufuncs as _u
from . import _diagonals, _numpy_interop, _numpy_protocols, _reinterpret as _re, _selection
from ._base import ArrayBase, set_array_type, values as _values, view as _view, wrap as _wrap
from ._bridge import Engine as _E, Views as _V, ThreadSafety as _TS, Writes as _W, call as _call, label_thread as _label_thread
from ._creation import asarray as _asarray, zeros as _zeros, _copy, result_order as _result_order
from ._dtypes import dtype as _dtype, scalar as _scalar
from ._promotion import can_cast as _can_cast
from ._shapes import shape_tuple as _shape_tuple


def _binary(uf):
    """x op y, y op x and x op= y of ndarray, all through ufunc `uf` (as NumPy's ndarray)."""
    def op(self, other):
        return uf(self, other)

    def rop(self, other):
        return uf(other, self)

    def iop(self, other):
        return uf(self, other, out=self)
    return op, rop, iop


def _unary(uf):
    def op(self):
        return uf(self)
    return op


def _method(fn):
    """An ndarray method that is the function `fn` with the array first (a.prod() is gf.prod(a))."""
    def method(self, *args, **kwargs):
        return fn(self, *args, **kwargs)
    method.__name__ = method.__qualname__ = fn.__name__
    method.__doc__ = fn.__doc__
    return method


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
        j = self._a._j  # memory wrapped from another library (NumPy) is not owned, as in NumPy
        return builtins.bool(j.ownsData()) and not builtins.bool(j.storage().isForeign())

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


class ndarray(ArrayBase):
    __slots__ = ()
    __array_priority__ = 0.0

    def __new__(cls, shape, dtype=float, buffer=None, offset=0, strides=None, order=None):
        if buffer is not None or strides is not None:
            raise NotImplementedError("ndarray(buffer=..., strides=...) is not supported yet")
        a = _zeros(shape, dtype, order or "C")
        return a if cls is ndarray else _re.as_subclass(a, cls, None)

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
            return _zeros(self.shape, self.dtype)
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

    # ----- operators: the ufuncs (NumPy's ndarray operators) -----
    __add__, __radd__, __iadd__ = _binary(_u.add)
    __sub__, __rsub__, __isub__ = _binary(_u.subtract)
    __mul__, __rmul__, __imul__ = _binary(_u.multiply)
    __truediv__, __rtruediv__, __itruediv__ = _binary(_u.divide)
    __floordiv__, __rfloordiv__, __ifloordiv__ = _binary(_u.floor_divide)
    __mod__, __rmod__, __imod__ = _binary(_u.remainder)
    __pow__, __rpow__, __ipow__ = _binary(_u.power)
    __and__, __rand__, __iand__ = _binary(_u.bitwise_and)
    __or__, __ror__, __ior__ = _binary(_u.bitwise_or)
    __xor__, __rxor__, __ixor__ = _binary(_u.bitwise_xor)
    __lshift__, __rlshift__, __ilshift__ = _binary(_u.left_shift)
    __rshift__, __rrshift__, __irshift__ = _binary(_u.right_shift)
    __lt__ = _binary(_u.less)[0]
    __le__ = _binary(_u.less_equal)[0]
    __gt__ = _binary(_u.greater)[0]
    __ge__ = _binary(_u.greater_equal)[0]
    __eq__ = _binary(_u.equal)[0]
    __ne__ = _binary(_u.not_equal)[0]
    __hash__ = None
    __neg__ = _unary(_u.negative)
    __pos__ = _unary(_u.positive)
    __abs__ = _unary(_u.absolute)
    __invert__ = _unary(_u.invert)

    def __divmod__(self, other):
        return _ew.divmod(self, other)

    def __rdivmod__(self, other):
        return _ew.divmod(other, self)

    def __matmul__(self, other):
        return _la.matmul(self, other)

    def __rmatmul__(self, other):
        return _la.matmul(other, self)

    def dot(self, b, out=None):
        return _la.dot(self, b, out=out)

    # ----- methods -----
    def copy(self, order="C"):
        return _copy(self, order)

    def astype(self, dtype, order="K", casting="unsafe", subok=True, copy=True):
        dt = _dtype(dtype)
        if not _can_cast(self.dtype, dt, casting):
            raise TypeError(f"Cannot cast array data from dtype('{self.dtype.name}') to dtype('{dt.name}') "
                            f"according to the rule '{casting}'")
        fortran = _result_order(self, order) == "F"
        if dt == self.dtype and not copy and (order == "K" or (self.flags.f_contiguous if fortran
                                                                else self.flags.c_contiguous)):
            return self
        if fortran:  # a cast of the transpose is C-ordered, so its transpose back is Fortran-ordered
            return _wrap(_call(_E.astype, self.T._j, dt.name), self.shape[::-1]).T
        return _wrap(_call(_E.astype, self._j, dt.name), self.shape)

    def view(self, dtype=None, type=None):  # noqa: A002 - NumPy's name
        """A view of the same memory: as another dtype (its bytes reinterpreted) and/or as an ndarray
        subclass (its __array_finalize__ called with this array), as NumPy."""
        if isinstance(dtype, builtins.type) and issubclass(dtype, ndarray):
            dtype, type = None, dtype
        if dtype is not None and _dtype(dtype) != self.dtype:
            r = _re.view_as(self, dtype)
        else:
            r = _view(_call(_V.strided, self._j, list(self.shape), list(self.strides), int(self._j.offset()), True),
                      self)
        cls = builtins.type(self) if type is None else type
        return r if cls is ndarray else _re.as_subclass(r, cls, self)

    def __array_finalize__(self, obj):
        """Called on a new subclass instance made from `obj` (a view, or None when constructed)."""
        return None

    def getfield(self, dtype, offset=0):
        return _re.getfield(self, dtype, offset)

    def setfield(self, val, dtype, offset=0):
        _re.getfield(self, dtype, offset)[...] = val

    def byteswap(self, inplace=False):
        return _re.byteswap(self, inplace)

    def reshape(self, *shape, order="C", copy=None):
        if len(shape) == 1:
            shape = shape[0]
        return _m.reshape(self, shape, order=order, copy=copy)

    def ravel(self, order="C"):
        return _m.ravel(self, order)

    def flatten(self, order="C"):
        return _m.ravel(self.copy(order if order in ("C", "F") else "C"), order)

    def transpose(self, *axes):
        if len(axes) == 1 and (axes[0] is None or isinstance(axes[0], (tuple, list))):
            axes = axes[0]
        return _m.transpose(self, axes or None)

    def swapaxes(self, axis1, axis2):
        return _m.swapaxes(self, axis1, axis2)

    def squeeze(self, axis=None):
        return _m.squeeze(self, axis)

    def repeat(self, repeats, axis=None):
        return _m.repeat(self, repeats, axis)

    def take(self, indices, axis=None, out=None, mode="raise"):
        return _m.take(self, indices, axis, out, mode)

    def put(self, indices, values, mode="raise"):
        return _m.put(self, indices, values, mode)

    def nonzero(self):
        return _m.nonzero(self)

    def choose(self, choices, out=None, mode="raise"):
        return _selection.choose(self, choices, out, mode)

    def diagonal(self, offset=0, axis1=0, axis2=1):
        return _diagonals.diagonal(self, offset, axis1, axis2)

    def trace(self, offset=0, axis1=0, axis2=1, dtype=None, out=None):
        return _diagonals.trace(self, offset, axis1, axis2, dtype, out)

    def compress(self, condition, axis=None, out=None):
        return _m.compress(condition, self, axis, out)

    def fill(self, value):
        _indexing.setitem(self, Ellipsis, value)

    # ----- reductions (gf.sum(a) and a.sum() are one function) -----
    def sum(self, axis=None, dtype=None, out=None, keepdims=False):
        return _r.sum(self, axis=axis, dtype=dtype, out=out, keepdims=keepdims)

    def mean(self, axis=None, dtype=None, out=None, keepdims=False):
        return _r.mean(self, axis=axis, dtype=dtype, out=out, keepdims=keepdims)

    prod = _method(_r.prod)
    max = _method(_r.max)
    min = _method(_r.min)
    any = _method(_r.any)
    all = _method(_r.all)
    ptp = _method(_r.ptp)
    var = _method(_r.var)
    std = _method(_r.std)
    argmax = _method(_r.argmax)
    argmin = _method(_r.argmin)
    cumsum = _method(_r.cumsum)
    cumprod = _method(_r.cumprod)

    # ----- elementwise -----
    clip = _method(_ew.clip)
    round = _method(_ew.round)

    def conj(self):
        # NumPy: the conjugate of a real array is the array itself (no copy)
        return _u.conjugate(self) if self.dtype.kind == "c" else self

    conjugate = conj

    # ----- sorting and searching; in-place writes -----
    def sort(self, axis=-1, kind=None, order=None, *, stable=None):
        """Sorts the array in place along axis (stable, NaN last, any strided view); returns None."""
        _s.sort_in_place(self, axis)

    def partition(self, kth, axis=-1, kind="introselect", order=None):
        """Partitions in place around the kth elements (gilfree sorts fully: a valid partition); returns None."""
        _s.sort_in_place(self, axis, kth)

    def argsort(self, axis=-1, kind=None, order=None, *, stable=None):
        return _s.argsort(self, axis, kind, order, stable=stable)

    def argpartition(self, kth, axis=-1, kind="introselect", order=None):
        return _s.argpartition(self, kth, axis, kind, order)

    searchsorted = _method(_s.searchsorted)

    def setflags(self, write=None, align=None, uic=None):
        """Sets the WRITEABLE flag (as a.flags.writeable = write); gilfree arrays are always aligned."""
        if uic:
            raise ValueError("cannot set WRITEBACKIFCOPY flag to True")
        if write is not None:
            self.flags.writeable = write

    # ----- printing -----
    def __repr__(self):
        return _printing.array_repr(self)

    def __str__(self):
        return _printing.array_str(self)

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
    __array_ufunc__ = _numpy_protocols.array_ufunc  # np.exp(g), np.add(numpy_array, g): computed by gilfree
    __array_function__ = _numpy_protocols.array_function  # np.sum(g), np.concatenate([g, g]): likewise
    __dask_tokenize__ = _numpy_protocols.dask_tokenize  # Dask graph keys from the data (and Dask's set-up)

    def __dlpack_device__(self):
        return (1, 0)  # kDLCPU, device 0

    @property
    def device(self):
        """The Array API device: gilfree arrays live in the host's memory."""
        return "cpu"

    def to_device(self, device, /, *, stream=None):
        if device != "cpu":
            raise ValueError(f"Unsupported device {device!r}")
        if stream is not None:
            raise ValueError("The stream argument in to_device() is not supported")
        return self

    # ----- raw bytes and pickling -----
    def tobytes(self, order="C"):
        return _bytes.to_bytes(self, order)

    def tofile(self, fid, sep="", format="%s"):  # noqa: A002 - NumPy's name
        """The elements to a file (a path or an open file): raw bytes, or text separated by `sep`."""
        _bytes.to_file(self, fid, sep, format)

    def __reduce__(self):
        return _bytes.from_pickle, (self.dtype.name, self.shape, self.tobytes())

    def __reduce_ex__(self, protocol):
        # Protocol 5 (dask.distributed, multiprocessing): the memory as an out-of-band buffer, not a bytes copy.
        if protocol >= 5 and "numpy" in sys.modules:
            _numpy_protocols.hook_dask()  # distributed pickles what has no serializer yet: register gilfree's
            return _numpy_interop.reduce_out_of_band(self)
        return self.__reduce__()

    def dumps(self):
        return pickle.dumps(self, protocol=2)

    def dump(self, file):
        if hasattr(file, "write"):
            pickle.dump(self, file, protocol=2)
        else:
            with open(file, "wb") as f:
                pickle.dump(self, f, protocol=2)

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

    def __setitem__(self, key, value):
        """a.flat[key] = value: key an int, slice, int list/array, bool mask or Ellipsis; values cycle."""
        v = self._view
        index = _indexing.flat_positions(key, self._n)
        values = _m.ravel(_asarray(value, dtype=v.dtype))
        if not values.flags.c_contiguous or _call(_V.sameStorage, values._j, v._j):
            values = values.copy()
        _call(_W.putFlat, v._j, index._j, values._j)


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


set_array_type(ndarray)
