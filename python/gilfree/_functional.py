"""Calling Python functions over arrays: vectorize, frompyfunc, apply_along_axis, apply_over_axes, piecewise.

vectorize and frompyfunc call the Python function once per element (as NumPy does: it is a convenience, not a
speed-up). gilfree has no object dtype, so frompyfunc's results are ordinary arrays whose dtype is inferred from
the returned values the way asarray infers it (docs/deviations.md)."""
import builtins
import re

from ._base import ArrayBase
from ._creation import asanyarray, asarray, empty, zeros
from ._dtypes import dtype as _dtype
from ._exceptions import normalize_axis
from ._index_tricks import ndindex
from ._manipulation import broadcast_arrays, broadcast_shapes, broadcast_to, concatenate, expand_dims, ravel, transpose
from ._numeric_misc import isscalar
from ._reductions import any as _any
from ._scalars import typecodes
from . import _ufuncs as _u

_NO_VALUE = object()  # vectorize used as a decorator factory: vectorize(otypes=...)(f)
_DIM = r"\w+"
_ARG = rf"\((?:{_DIM}(?:,{_DIM})*)?\)"
_SIGNATURE = rf"^{_ARG}(?:,{_ARG})*->{_ARG}(?:,{_ARG})*$"


def _parse_signature(signature):
    """'(m,n),(n)->(m)' as ([('m', 'n'), ('n',)], [('m',)])."""
    signature = re.sub(r"\s+", "", signature)
    if not re.match(_SIGNATURE, signature):
        raise ValueError(f"not a valid gufunc signature: {signature}")
    return tuple([tuple(re.findall(_DIM, arg)) for arg in re.findall(_ARG, side)] for side in signature.split("->"))


def _bind_core_dims(sizes, arr, core):
    """Records the sizes of arr's trailing core dimensions in `sizes`, checking repeats agree."""
    if not core:
        return
    if arr.ndim < len(core):
        raise ValueError(f"{arr.ndim}-dimensional argument does not have enough dimensions for all core "
                         f"dimensions {core!r}")
    for name, n in zip(core, arr.shape[arr.ndim - len(core):]):
        if sizes.setdefault(name, n) != n:
            raise ValueError(f"inconsistent size for core dimension {name!r}: {n!r} vs {sizes[name]!r}")


def _elementwise_results(func, args, nout):
    """Calls func on every broadcast element tuple of args (Python scalars); returns (shape, [per-output lists])."""
    arrays = broadcast_arrays(*[asarray(a) for a in args])
    shape = arrays[0].shape
    columns = [ravel(a).tolist() for a in arrays]
    outs = [[] for _ in range(nout)]
    for values in zip(*columns):
        r = func(*values)
        if nout == 1:
            outs[0].append(r)
        else:
            if not isinstance(r, tuple) or len(r) != nout:
                raise ValueError(f"function returned {r!r} where {nout} outputs were expected")
            for o, v in zip(outs, r):
                o.append(v)
    return shape, outs


def _as_result(values, shape, dtype=None):
    """A list of per-element results as an array of `shape` (an empty list keeps `dtype`, float64 by default)."""
    if not values:
        return empty(shape, dtype=dtype if dtype is not None else float)
    return asarray(values, dtype=dtype).reshape(shape)


class _PyFuncUfunc:
    """What frompyfunc returns: a callable broadcasting its nin arguments, calling func per element."""

    def __init__(self, func, nin, nout, identity):
        self.func, self.nin, self.nout, self.identity = func, nin, nout, identity
        self.nargs = nin + nout
        self.__name__ = f"{getattr(func, '__name__', '?')} (vectorized)"

    def __repr__(self):
        return f"<ufunc '{self.__name__}'>"

    def __call__(self, *args, out=None):
        if len(args) != self.nin:
            raise TypeError(f"{self.__name__} takes from {self.nin} to {self.nargs} positional arguments but "
                            f"{len(args)} were given")
        scalar = builtins.all(asanyarray(a).ndim == 0 for a in args)
        if scalar:  # NumPy hands back the function's own objects for scalar inputs
            r = self.func(*[asanyarray(a).item() for a in args])
            return r
        shape, outs = _elementwise_results(self.func, args, self.nout)
        res = tuple(_as_result(o, shape) for o in outs)
        if out is not None:
            outs_given = out if isinstance(out, tuple) else (out,)
            for o, r in zip(outs_given, res):
                o[...] = r
            res = outs_given
        return res[0] if self.nout == 1 else res


def frompyfunc(func, /, nin, nout, *, identity=None):
    if not callable(func):
        raise TypeError("function must be callable")
    if nin < 0 or nout < 1:
        raise ValueError("nin must be non-negative and nout positive")
    return _PyFuncUfunc(func, nin, nout, identity)


def _otype(t):
    return _dtype(t)


class vectorize:
    """NumPy's vectorize: calls pyfunc per element of the broadcast inputs (or per core sub-array with a
    signature); otypes fixes the output dtypes, else they come from the first call's results."""

    def __init__(self, pyfunc=_NO_VALUE, otypes=None, doc=None, excluded=None, cache=False, signature=None):
        if pyfunc is not _NO_VALUE and not callable(pyfunc):
            raise TypeError("When used as a decorator, only accepts keyword arguments.")
        self.pyfunc, self.cache, self.signature = pyfunc, cache, signature
        if pyfunc is not _NO_VALUE and hasattr(pyfunc, "__name__"):
            self.__name__ = pyfunc.__name__
        self._doc = doc
        self.__doc__ = doc if doc is not None else getattr(pyfunc, "__doc__", None)
        if isinstance(otypes, str):
            for ch in otypes:
                if ch not in typecodes["All"]:
                    raise ValueError(f"Invalid otype specified: {ch}")
            otypes = [_otype(ch) for ch in otypes]
        elif otypes is not None:
            try:
                otypes = [_otype(t) for t in otypes]
            except TypeError:
                raise ValueError("Invalid otype specification") from None
        self.otypes = otypes
        self.excluded = set(excluded) if excluded is not None else set()
        self._core = _parse_signature(signature) if signature is not None else None

    def __call__(self, *args, **kwargs):
        if self.pyfunc is _NO_VALUE:  # the decorator's second stage: vectorize(otypes=...)(f)
            (f,) = args
            self.pyfunc, self.__name__ = f, f.__name__
            self.__doc__ = self._doc if self._doc is not None else f.__doc__
            return self
        func, vargs = self._bind(args, kwargs)
        if self._core is not None:
            return self._call_with_signature(func, vargs)
        if not vargs:
            return func()
        return self._call_elementwise(func, vargs)

    def _bind(self, args, kwargs):
        """A positional-only function of the vectorised arguments; excluded ones are passed through as given."""
        if not kwargs and not self.excluded:
            return self.pyfunc, list(args)
        names = [n for n in kwargs if n not in self.excluded]
        inds = [i for i in range(len(args)) if i not in self.excluded]
        fixed = list(args)

        def func(*vargs):
            for k, i in enumerate(inds):
                fixed[i] = vargs[k]
            kw = dict(kwargs)
            kw.update(zip(names, vargs[len(inds):]))
            return self.pyfunc(*fixed, **kw)
        return func, [args[i] for i in inds] + [kwargs[n] for n in names]

    def _call_elementwise(self, func, args):
        otypes = self.otypes
        if otypes is None:  # the first element's results give the number and dtypes of the outputs
            arrays = [asarray(a) for a in args]
            if builtins.any(a.size == 0 for a in arrays):
                raise ValueError("cannot call `vectorize` on size 0 inputs unless `otypes` is set")
            first = func(*[ravel(a)[0] for a in arrays])
            outs = first if isinstance(first, tuple) else (first,)
            otypes = [asarray(o).dtype for o in outs]
            if self.cache:
                pending = [first]
                inner = func

                def func(*vargs):
                    return pending.pop() if pending else inner(*vargs)
        nout = len(otypes)
        shape, outs = _elementwise_results(func, args, nout)
        res = tuple(_as_result(o, shape, t) for o, t in zip(outs, otypes))
        return res[0] if nout == 1 else res

    def _call_with_signature(self, func, args):
        in_core, out_core = self._core
        if len(args) != len(in_core):
            raise TypeError(f"wrong number of positional arguments: expected {len(in_core)!r}, got {len(args)!r}")
        args = [asanyarray(a) for a in args]
        sizes = {}
        loop_shapes = []
        for a, core in zip(args, in_core):
            _bind_core_dims(sizes, a, core)
            loop_shapes.append(a.shape[:a.ndim - len(core)])
        loop = broadcast_shapes(*loop_shapes)
        args = [broadcast_to(a, loop + tuple(sizes[d] for d in core)) for a, core in zip(args, in_core)]
        nout = len(out_core)
        outputs = None
        for index in ndindex(*loop):
            results = func(*(a[index] for a in args))
            got = len(results) if isinstance(results, tuple) else 1
            if got != nout:
                raise ValueError(f"wrong number of outputs from pyfunc: expected {nout!r}, got {got!r}")
            results = tuple(asanyarray(r) for r in (results if nout > 1 else (results,)))
            if outputs is None:
                for r, core in zip(results, out_core):
                    _bind_core_dims(sizes, r, core)
                dts = self.otypes or [r.dtype for r in results]
                outputs = tuple(empty(loop + tuple(sizes[d] for d in core), dtype=t) for core, t in zip(out_core, dts))
            for o, r in zip(outputs, results):
                o[index] = r
        if outputs is None:  # no loop element: the function was never called
            if self.otypes is None:
                raise ValueError("cannot call `vectorize` on size 0 inputs unless `otypes` is set")
            if builtins.any(d not in sizes for core in out_core for d in core):
                raise ValueError("cannot call `vectorize` with a signature including new output dimensions on "
                                 "size 0 inputs")
            outputs = tuple(empty(loop + tuple(sizes[d] for d in core), dtype=t)
                            for core, t in zip(out_core, self.otypes))
        return outputs[0] if nout == 1 else outputs


def apply_along_axis(func1d, axis, arr, *args, **kwargs):
    arr = asanyarray(arr)
    nd = arr.ndim
    axis = normalize_axis(axis, nd)
    dims = list(range(nd))
    moved = transpose(arr, dims[:axis] + dims[axis + 1:] + [axis])  # the iteration axis last
    inds = (ind + (Ellipsis,) for ind in ndindex(*moved.shape[:-1]))
    try:
        first = next(inds)
    except StopIteration:
        raise ValueError("Cannot apply_along_axis when any iteration dimensions are 0") from None
    res = asanyarray(func1d(moved[first], *args, **kwargs))
    buff = zeros(moved.shape[:-1] + res.shape, dtype=res.dtype)
    buff[first] = res
    for ind in inds:
        buff[ind] = asanyarray(func1d(moved[ind], *args, **kwargs))
    bd = list(range(buff.ndim))
    return transpose(buff, bd[:axis] + bd[buff.ndim - res.ndim:] + bd[axis:buff.ndim - res.ndim])


def apply_over_axes(func, a, axes):
    val = asarray(a)
    n = val.ndim
    if asarray(axes).ndim == 0:
        axes = (axes,)
    for axis in axes:
        if axis < 0:
            axis = n + axis
        res = func(val, axis)
        if res.ndim != val.ndim:
            res = expand_dims(res, axis)
            if res.ndim != val.ndim:
                raise ValueError("function is not returning an array of the correct shape")
        val = res
    return val


def piecewise(x, condlist, funclist, *args, **kw):
    x = asanyarray(x)
    n2 = len(funclist)
    if isscalar(condlist) or (not isinstance(condlist[0], (list, ArrayBase)) and x.ndim != 0):
        condlist = [condlist]
    condlist = asarray(condlist, dtype=bool)
    n = len(condlist)
    if n == n2 - 1:  # the "otherwise" condition
        condlist = concatenate([condlist, _u.logical_not(_any(condlist, axis=0, keepdims=True))], axis=0)
        n += 1
    elif n != n2:
        raise ValueError(f"with {n} condition(s), either {n} or {n + 1} functions are expected")
    zero_d = x.ndim == 0
    if zero_d:  # boolean masks of a 0-d array: work on one-element views
        x = x.reshape(1)
        condlist = condlist.reshape(n, 1)
    y = zeros(x.shape, dtype=x.dtype)
    for cond, func in zip(condlist, funclist):
        if not callable(func):
            y[cond] = func
        else:
            vals = x[cond]
            if vals.size > 0:
                y[cond] = func(vals, *args, **kw)
    return y.reshape(()) if zero_d else y
