"""Iteration over broadcast operands: `broadcast` (tuples of elements) and a basic `nditer` (0-d views or 1-D
chunks, multi_index/c_index/f_index tracking, writable operands written through views).

nditer walks the operands in NumPy's orders: 'C', 'F', 'A' and 'K' (memory order: axes sorted by stride,
axes whose strides are all negative walked backwards). Without buffering it hands out views, so writes go
straight to the operands; a cast ('buffered' or the 'copy'/'updateifcopy' operand flags with op_dtypes) works
on a converted copy that is written back when the iterator is closed (`with` or close()). Not there:
op_axes, itershape, reduction ('reduce_ok'), ranged iteration and NumPy's buffer-sized chunks (an external
loop's chunk is the whole coalesced inner dimension). `nested_iters` links one such iterator per group of
axes: moving an outer one re-aims the inner ones at the new position."""
import math
import operator

from ._creation import asarray, empty
from ._dtypes import dtype as _dtype
from ._manipulation import broadcast_shapes, broadcast_to, transpose
from ._promotion import can_cast, result_type

_MAXARGS = 64


class broadcast:
    """The broadcast of the arguments: its shape and size, and iteration over tuples of their elements."""

    def __init__(self, *args):
        if len(args) > _MAXARGS:
            raise ValueError(f"Need at least 0 and at most {_MAXARGS} array objects.")
        arrays = []
        for x in args:  # a broadcast object stands for its own arguments
            arrays.extend(x._arrays if isinstance(x, broadcast) else [asarray(x)])
        self._arrays = arrays
        self.shape = broadcast_shapes(*[a.shape for a in arrays])
        self.reset()

    ndim = nd = property(lambda self: len(self.shape))
    numiter = property(lambda self: len(self._arrays))
    size = property(lambda self: math.prod(self.shape))
    index = property(lambda self: self._index)
    iters = property(lambda self: self._iters)

    def reset(self):
        self._iters = tuple(broadcast_to(a, self.shape).flat for a in self._arrays)
        self._index = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._index >= self.size:
            raise StopIteration
        self._index += 1
        return tuple(next(it) for it in self._iters)


_GLOBAL_FLAGS = {"multi_index", "c_index", "f_index", "external_loop", "buffered", "refs_ok", "zerosize_ok",
                 "grow_inner", "delay_bufalloc", "copy_if_overlap", "common_dtype", "reduce_ok", "ranged"}
_UNSUPPORTED = {"reduce_ok", "ranged", "delay_bufalloc"}
_OP_FLAGS = {"readonly", "readwrite", "writeonly", "allocate", "no_broadcast", "copy", "updateifcopy",
             "contig", "aligned", "nbo", "no_subtype", "arraymask", "writemasked", "overlap_assume_elementwise",
             "virtual"}


def _op_flag_lists(op_flags, nop):
    if op_flags is None:
        return [None] * nop
    if op_flags and all(isinstance(f, str) for f in op_flags):
        return [list(op_flags)] * nop
    if len(op_flags) != nop:
        raise ValueError("op_flags must be a tuple/list matching the number of ops")
    return [list(f) for f in op_flags]


def _mode(flags):
    for f in flags:
        if f not in _OP_FLAGS:
            raise ValueError(f'Unexpected per-op iterator flag "{f}"')
    modes = [f for f in flags if f in ("readonly", "readwrite", "writeonly")]
    if len(modes) > 1:
        raise ValueError("Only one of the iterator flags READWRITE, READONLY, and WRITEONLY may be specified "
                         "for an operand")
    return modes[0] if modes else "readonly"


class nditer:
    """Iterates over one or more operands broadcast together (NumPy's nditer, basic form: see the module)."""

    def __init__(self, op, flags=None, op_flags=None, op_dtypes=None, order="K", casting="safe", op_axes=None,
                 itershape=None, buffersize=0):
        if op_axes is not None or itershape is not None:
            raise NotImplementedError("nditer(op_axes=, itershape=) is not supported by gilfree")
        single = not isinstance(op, (list, tuple))
        ops = [op] if single else list(op)
        if not ops:
            raise ValueError("Must provide at least one operand")
        flags = set(flags or ())
        for f in flags:
            if f not in _GLOBAL_FLAGS:
                raise ValueError(f'Unexpected iterator global flag "{f}"')
            if f in _UNSUPPORTED:
                raise NotImplementedError(f"nditer flag {f!r} is not supported by gilfree")
        self._external = "external_loop" in flags
        self._track_multi = "multi_index" in flags
        self._index_order = "C" if "c_index" in flags else "F" if "f_index" in flags else None
        if self._external and (self._track_multi or self._index_order):
            raise ValueError("Iterator flag EXTERNAL_LOOP cannot be used if an index or multi-index is being "
                             "tracked")
        nop = len(ops)
        per_op = _op_flag_lists(op_flags, nop)
        dts = [None] * nop if op_dtypes is None else (
            [op_dtypes] * nop if not isinstance(op_dtypes, (list, tuple)) else list(op_dtypes))
        modes = []
        for k in range(nop):
            fl = per_op[k] if per_op[k] is not None else (["writeonly", "allocate"] if ops[k] is None else [])
            modes.append((_mode(fl), set(fl)))
        inputs = [asarray(o) for o in ops if o is not None]
        if not inputs:
            raise ValueError("At least one iterator operand must be non-NULL")
        self._shape = broadcast_shapes(*[a.shape for a in inputs])
        self._writeback = []
        operands, views = [], []
        for k, (o, (mode, fl)) in enumerate(zip(ops, modes)):
            if o is None:
                if "allocate" not in fl:
                    raise ValueError("Iterator operand was NULL, but automatic allocation as an output wasn't "
                                     "requested")
                a = empty(self._shape, dtype=dts[k] if dts[k] is not None else result_type(*inputs))
            else:
                a = asarray(o)
            operands.append(a)
            views.append(self._operand_view(k, a, mode, fl, dts[k], flags, casting))
        self.operands = tuple(operands)
        self._views = views
        self._writable = [m != "readonly" for m, _ in modes]
        self._single = single
        if math.prod(self._shape) == 0 and "zerosize_ok" not in flags:
            raise ValueError("Iteration of zero-sized operands is not enabled")
        self._plan(order)
        self._closed = False
        self._on_move = None
        self.reset()

    def _operand_view(self, k, a, mode, fl, dt, flags, casting):
        """The view the iterator reads and writes for operand k (its shape the broadcast shape)."""
        if mode != "readonly" and broadcast_shapes(a.shape, self._shape) != a.shape:
            raise ValueError(f"non-broadcastable output operand with shape {a.shape} doesn't match the "
                             f"broadcast shape {self._shape}")
        if mode != "readonly" and not a.flags.writeable:
            raise ValueError(f"operand {k} is read-only and cannot be written")
        src = a
        if dt is not None and _dtype(dt) != a.dtype:
            target = _dtype(dt)
            if not ("buffered" in flags or fl & {"copy", "updateifcopy"}):
                raise TypeError("Iterator operand required copying or buffering, but neither copying nor "
                                "buffering was enabled")
            if mode != "writeonly" and not can_cast(a.dtype, target, casting):
                raise TypeError(f"Iterator operand {k} dtype could not be cast from dtype('{a.dtype}') to "
                                f"dtype('{target}') according to the rule '{casting}'")
            if mode != "readonly" and not can_cast(target, a.dtype, casting):
                raise TypeError(f"Iterator requested dtype could not be cast from dtype('{target}') to "
                                f"dtype('{a.dtype}'), the operand {k} dtype, according to the rule '{casting}'")
            src = a.astype(target)
            if mode != "readonly":
                self._writeback.append((a, src))
        if mode == "readonly":
            v = broadcast_to(src, self._shape)
            v.setflags(write=False)
            return v
        return src

    def _plan(self, order):
        """The axes from outermost to innermost, the axes walked backwards, and (external loop) the chunking."""
        nd = len(self._shape)
        strides = [v.strides for v in self._views]
        flips = set()
        if order == "F":
            perm = list(range(nd))[::-1]
        elif order == "A":
            fortran = all(v.flags.f_contiguous and not v.flags.c_contiguous for v in self._views)
            perm = list(range(nd))[::-1] if fortran else list(range(nd))
        elif order == "C":
            perm = list(range(nd))
        elif order == "K":
            perm = self._memory_order(strides, nd)
            flips = {ax for ax in range(nd) if any(s[ax] < 0 for s in strides) and all(s[ax] <= 0 for s in strides)}
        else:
            raise ValueError("order must be one of 'C', 'F', 'A', or 'K'")
        self._perm, self._flips = perm, flips
        self._groups = self._coalesce(perm, flips)
        # an external loop's chunk: the axes of the innermost coalesced group
        self._inner = len(self._groups[0]) if self._external and nd else 0

    def _coalesce(self, perm, flips):
        """The axes in groups walked as one (innermost group first): neighbours join while every operand
        (and a tracked flat index) steps over the outer one as over the whole inner group, or one of them
        has length 1. A tracked multi-index keeps every axis apart."""
        nd = len(self._shape)
        if self._track_multi:
            return [[ax] for ax in reversed(perm)]
        steps_of = [v.strides for v in self._views]
        if self._index_order is not None:
            axes = range(nd) if self._index_order == "F" else reversed(range(nd))
            unit, index_steps = 1, [0] * nd
            for ax in axes:
                index_steps[ax], unit = unit, unit * self._shape[ax]
            steps_of.append(index_steps)
        groups = []  # [axes (outer first), steps of the group's line, its length]
        for ax in reversed(perm):
            n = self._shape[ax]
            st = [-s[ax] if ax in flips else s[ax] for s in steps_of]
            if groups:
                g = groups[-1]
                if n == 1 or g[2] == 1 or all(o == i * g[2] for o, i in zip(st, g[1])):
                    g[0].insert(0, ax)
                    if g[2] == 1:
                        g[1] = st
                    g[2] *= n
                    continue
            groups.append([[ax], st, n])
        return [g[0] for g in groups]

    def _memory_order(self, strides, nd):
        """C order, with an axis moved inside another when every operand with steps on both says so."""
        perm = list(range(nd))
        for i in range(1, nd):  # insertion sort, outermost first: larger |stride| outside
            j = i
            while j > 0 and self._should_swap(strides, perm[j - 1], perm[j]):
                perm[j - 1], perm[j] = perm[j], perm[j - 1]
                j -= 1
        return perm

    @staticmethod
    def _should_swap(strides, outer, inner):
        verdict = False
        for s in strides:
            so, si = abs(s[outer]), abs(s[inner])
            if so and si:
                if so < si:
                    verdict = True
                elif so > si:
                    return False
        return verdict

    # ---- position ----------------------------------------------------------------------------------

    def _outer_shape(self):
        nd = len(self._shape)
        return [self._shape[ax] for ax in self._perm[:nd - self._inner]]

    def reset(self):
        self._step = 0
        self._started = False
        self._steps = math.prod(self._outer_shape()) if self._external else math.prod(self._shape)
        if self._external and math.prod(self._shape) == 0:
            self._steps = 0
        self._moved()

    def _moved(self):
        """Called after every change of position; nested_iters links an inner iterator here."""
        if self._on_move is not None and not self.finished:
            self._on_move(self)

    @property
    def finished(self):
        return self._step >= self._steps

    def iternext(self):
        """Moves to the next element (chunk); False when the iteration is finished."""
        self._step += 1
        self._moved()
        return not self.finished

    def _coords(self, step, dims_axes):
        """The original-axis coordinates of iteration step `step` over the axes `dims_axes` (outer first)."""
        coords = {}
        for ax in reversed(dims_axes):
            n = self._shape[ax]
            step, c = divmod(step, n)
            coords[ax] = n - 1 - c if ax in self._flips else c
        return coords

    @property
    def multi_index(self):
        if not self._track_multi:
            raise ValueError("Iterator is not tracking a multi-index")
        self._check_position()
        c = self._coords(self._step, self._perm)
        return tuple(c[ax] for ax in range(len(self._shape)))

    @multi_index.setter
    def multi_index(self, value):
        if not self._track_multi:
            raise ValueError("Iterator is not tracking a multi-index")
        step = 0
        for ax in self._perm:
            c = value[ax]
            step = step * self._shape[ax] + (self._shape[ax] - 1 - c if ax in self._flips else c)
        self._step, self._started = step, True
        self._moved()

    @property
    def index(self):
        if self._index_order is None:
            raise ValueError("Iterator does not have an index")
        self._check_position()
        c = self._coords(self._step, self._perm)
        axes = range(len(self._shape)) if self._index_order == "C" else reversed(range(len(self._shape)))
        flat = 0
        for ax in axes:
            flat = flat * self._shape[ax] + c[ax]
        return flat

    @property
    def iterindex(self):
        return self._step

    @iterindex.setter
    def iterindex(self, value):
        self._step, self._started = value, True
        self._moved()

    def _check_position(self):
        if self.finished:
            raise ValueError("Iterator is past the end")

    # ---- values --------------------------------------------------------------------------------------

    @property
    def value(self):
        self._check_position()
        vals = tuple(self._current(k) for k in range(len(self._views)))
        return vals[0] if self._single else vals

    def __getitem__(self, i):
        if isinstance(i, slice):
            return tuple(self._current(k) for k in range(len(self._views))[i])
        return self._current(range(len(self._views))[i])

    def _current(self, k):
        v = self._views[k]
        nd = len(self._shape)
        if not self._external:
            c = self._coords(self._step, self._perm)
            return v[tuple(c[ax] for ax in range(nd)) + (Ellipsis,)]
        if not nd:
            return v.reshape((1,))
        outer_axes = self._perm[:nd - self._inner]
        c = self._coords(self._step, outer_axes)
        index = [c.get(ax, slice(None)) for ax in range(nd)]
        chunk = v[tuple(index)]
        inner_axes = [ax for ax in range(nd) if ax not in c]
        chunk_order = sorted(inner_axes, key=self._perm.index)
        chunk = transpose(chunk, [inner_axes.index(ax) for ax in chunk_order])
        flip = tuple(slice(None, None, -1) if ax in self._flips else slice(None) for ax in chunk_order)
        return chunk[flip].reshape(-1)

    def __iter__(self):
        return self

    def __next__(self):
        if self._started:
            self._step += 1
            self._moved()
        self._started = True
        if self.finished:
            raise StopIteration
        return self.value

    def __len__(self):
        return self.nop  # as NumPy: the number of operands

    # ---- description ---------------------------------------------------------------------------------

    @property
    def shape(self):
        """The broadcast shape with a multi-index; else, as NumPy, the coalesced shape, fastest axis first."""
        if self._track_multi:
            return self._shape
        return tuple(math.prod(self._shape[ax] for ax in g) for g in self._groups)

    ndim = property(lambda self: len(self.shape))
    nop = property(lambda self: len(self._views))
    itersize = property(lambda self: math.prod(self._shape))
    dtypes = property(lambda self: tuple(v.dtype for v in self._views))
    has_multi_index = property(lambda self: self._track_multi)
    has_index = property(lambda self: self._index_order is not None)

    # ---- closing -------------------------------------------------------------------------------------

    def close(self):
        """Writes cast copies back to their operands (once)."""
        if self._closed:
            return
        self._closed = True
        for target, copy in self._writeback:
            target[...] = copy.astype(target.dtype)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def nested_iters(op, axes, flags=None, op_flags=None, op_dtypes=None, order="K", casting="safe", buffersize=0):
    """One nditer per group of `axes` (together every broadcast axis once), outermost group first: each
    inner iterator walks its axes at the current position of the ones outside it."""
    if op_dtypes is not None:
        raise NotImplementedError("nested_iters(op_dtypes=) is not supported by gilfree")
    root = nditer(op, flags=["zerosize_ok"], op_flags=op_flags, order="C", casting=casting)
    shape = root._shape
    groups = [[operator.index(ax) for ax in g] for g in axes]
    if len(groups) < 2:
        raise ValueError("axes must have at least 2 entries for nested iteration")
    used = [ax for g in groups for ax in g]
    for ax in used:
        if not 0 <= ax < len(shape):
            raise ValueError(f"Iterator input op_axes[0][0] (=={ax}) is not a valid axis of op[0], which has "
                             f"{len(shape)} dimensions ")
    if len(set(used)) != len(used):
        raise ValueError("An axis is used more than once")
    if math.prod(shape) == 0:
        raise NotImplementedError("nested_iters over zero-sized operands is not supported by gilfree")
    fixed = {ax: 0 for ax in range(len(shape))}  # every axis's current coordinate (an axis in no group: 0)

    def views(k):
        out = []
        for v in root._views:
            sub = v[tuple(slice(None) if ax in groups[k] else fixed[ax] for ax in range(len(shape)))]
            order_in = sorted(groups[k])
            out.append(transpose(sub, [order_in.index(ax) for ax in groups[k]]))
        return out

    modes = [["readwrite"] if w else ["readonly"] for w in root._writable]
    levels = []
    for k in range(len(groups)):
        vs = views(k)
        # as NumPy, only the innermost iterator hands out external-loop chunks
        fl = [f for f in flags or () if f != "external_loop" or k == len(groups) - 1]
        levels.append(nditer(vs[0] if root._single else vs, flags=fl, op_flags=modes[0] if root._single else modes,
                             order=order))

    def follow(k):
        def moved(it):
            walked = it._perm[:len(it._shape) - it._inner] if it._external else it._perm
            coords = it._coords(it._step, walked)
            for local, ax in enumerate(groups[k]):
                fixed[ax] = coords.get(local, 0)
            for g in groups[k + 1:]:  # deeper levels start over at their first element
                for ax in g:
                    fixed[ax] = 0
            inner = levels[k + 1]
            inner._views = views(k + 1)
            inner.reset()
        return moved

    for k in range(len(levels) - 1):
        levels[k]._on_move = follow(k)
        levels[k].reset()
    return tuple(levels)
