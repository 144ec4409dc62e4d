"""The ndarray wrapper: a thin Python object around one engine NDArray (Java), NumPy's interface on top.

Metadata is read from Java lazily and cached: an operation's result crosses into Java only for the
operation itself, not for its shape or dtype.
"""
import operator

from ._dtypes import dtype as _dtype, scalar as _scalar
from ._runtime import Engine as _E, JavaError as _JavaError, reraise as _reraise

_INT_KINDS = ("b", "i", "u")


class ndarray:
    __slots__ = ("_j", "_shape", "_dtype", "__weakref__")
    __array_priority__ = 0.0

    def __new__(cls, shape, dtype=float, buffer=None, offset=0, strides=None, order=None):
        if buffer is not None or strides is not None:
            raise NotImplementedError("ndarray(buffer=..., strides=...) is not supported yet")
        from ._creation import _shape_tuple
        return _wrap(_call(_E.zeros, _shape_tuple(shape), _dtype(dtype).name))

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

    def __len__(self):
        if not self.shape:
            raise TypeError("len() of unsized object")
        return self.shape[0]

    # ----- elements -----
    def _index_tuple(self, key):
        if not isinstance(key, tuple):
            key = (key,)
        try:
            idx = tuple(operator.index(k) for k in key)
        except TypeError:
            raise NotImplementedError(
                "gilfree indexes single elements with integers so far; slices and index arrays are not supported yet") from None
        if len(idx) != len(self.shape):
            if len(idx) > len(self.shape):
                raise IndexError(f"too many indices for array: array is {len(self.shape)}-dimensional, "
                                 f"but {len(idx)} were indexed")
            raise NotImplementedError("gilfree indexes single elements with a full index tuple so far")
        return idx

    def __getitem__(self, key):
        idx = self._index_tuple(key)
        dt = self.dtype
        try:
            if dt.kind in _INT_KINDS:
                v = int(self._j.getLong(idx))
                return _scalar(dt.name, bool(v) if dt.kind == "b" else v)
            return _scalar(dt.name, float(self._j.getDouble(idx)))
        except _JavaError as e:
            _reraise(e)

    def __setitem__(self, key, value):
        idx = self._index_tuple(key)
        try:
            if self.dtype.kind in _INT_KINDS and not isinstance(value, float):
                self._j.setLong(idx, operator.index(value))
            else:
                self._j.setDouble(idx, float(value))
        except _JavaError as e:
            _reraise(e)

    def item(self, *args):
        if args:
            return self[args if len(args) > 1 else args[0]].item()
        if self.size != 1:
            raise ValueError("can only convert an array of size 1 to a Python scalar")
        return self._flat_list()[0]

    def _flat_list(self):
        dt = self.dtype
        if dt.kind == "b":
            return [bool(v) for v in _call(self._j.toLongArray)]
        if dt.kind in _INT_KINDS:
            return [int(v) for v in _call(self._j.toLongArray)]
        return [float(v) for v in _call(self._j.toDoubleArray)]

    def tolist(self):
        flat = self._flat_list()
        shape = self.shape
        if not shape:
            return flat[0]
        return _nest(flat, shape)

    def __iter__(self):
        if not self.shape:
            raise TypeError("iteration over a 0-d array")
        if len(self.shape) == 1:
            return iter([self[i] for i in range(self.shape[0])])
        raise NotImplementedError("iterating over an n-d array needs slicing views, which gilfree does not support yet")

    def _scalar_value(self, conv):
        if self.size != 1:
            raise TypeError("only length-1 arrays can be converted to Python scalars")
        return conv(self._flat_list()[0])

    def __float__(self):
        return self._scalar_value(float)

    def __int__(self):
        return self._scalar_value(int)

    def __bool__(self):
        if self.size != 1:
            raise ValueError("The truth value of an array with more than one element is ambiguous. "
                             "Use a.any() or a.all()")
        return bool(self._flat_list()[0])

    def __index__(self):
        if self.ndim != 0 or self.dtype.kind not in _INT_KINDS:
            raise TypeError("only integer scalar arrays can be converted to a scalar index")
        return int(self._flat_list()[0])

    # ----- methods -----
    def copy(self, order="C"):
        return _wrap(_call(_E.copy, self._j))

    def astype(self, dtype, copy=True):
        dt = _dtype(dtype)
        if dt == self.dtype and not copy:
            return self
        return _wrap(_call(_E.astype, self._j, dt.name))

    def reshape(self, *shape, order="C"):
        from ._creation import _shape_tuple
        if len(shape) == 1:
            shape = shape[0]
        shape = _shape_tuple(shape)
        if shape.count(-1) > 1:
            raise ValueError("can only specify one unknown dimension")
        if -1 in shape:
            known = 1
            for d in shape:
                if d != -1:
                    known *= d
            if known == 0 or self.size % known:
                raise ValueError(f"cannot reshape array of size {self.size} into shape {shape}")
            shape = tuple(self.size // known if d == -1 else d for d in shape)
        return _wrap(_call(_E.reshape, self._j, shape))

    def fill(self, value):
        _call(_E.fill, self._j, float(value))

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

    # ----- operators (bound to ufuncs in __init__ once they exist) -----
    def __array_namespace__(self, api_version=None):
        import gilfree
        return gilfree


def _nest(flat, shape):
    if len(shape) == 1:
        return flat
    step = len(flat) // shape[0] if shape[0] else 0
    return [_nest(flat[i * step:(i + 1) * step], shape[1:]) for i in range(shape[0])]


def _wrap(j, shape=None):
    """A Python ndarray around engine array `j`; `shape` when the caller already knows it (saves a call)."""
    a = object.__new__(ndarray)
    a._j = j
    a._shape = shape
    a._dtype = None
    return a


def _call(fn, *args):
    """One call into the engine, with Java errors turned into the Python exceptions NumPy raises."""
    try:
        return fn(*args)
    except _JavaError as e:
        _reraise(e)


def _install_operators(ufuncs):
    """Binds the arithmetic operators to the ufuncs, as NumPy's ndarray does."""
    def binop(uf):
        def op(self, other):
            return uf(self, other)

        def rop(self, other):
            return uf(other, self)

        def iop(self, other):
            return uf(self, other, out=self)
        return op, rop, iop

    for dunder, name in (("add", "add"), ("sub", "subtract"), ("mul", "multiply"), ("truediv", "divide")):
        op, rop, iop = binop(ufuncs[name])
        setattr(ndarray, f"__{dunder}__", op)
        setattr(ndarray, f"__r{dunder}__", rop)
        setattr(ndarray, f"__i{dunder}__", iop)
    neg = ufuncs["negative"]
    ndarray.__neg__ = lambda self: neg(self)
    ndarray.__pos__ = lambda self: self.copy()

