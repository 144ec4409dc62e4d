"""Differential checks of `broadcast`, `nditer` and `nested_iters` against NumPy (answers recorded on CPython, replayed on
GraalPy: exprcheck.py): element order (C, F, A, K with strides and reversed axes), external-loop chunks,
multi_index/c_index/f_index, writable and allocated operands, casts written back on close, the coalesced
`shape`, and the errors."""
import pytest

import gilfree as gf
from exprcheck import check_all

pytestmark = pytest.mark.numpy_answers


def _a(m):
    return m.arange(12).reshape(3, 4)


def _b(m):
    return m.arange(24).reshape(2, 3, 4)


def _elements(it):
    return [x.tolist() if not isinstance(x, tuple) else [v.tolist() for v in x] for x in it]


def _walk(flags):
    def run(m, src):
        it = m.nditer(src, flags=flags)
        rows = []
        for x in it:
            rows.append([it.multi_index if "multi_index" in flags else None,
                         it.index if {"c_index", "f_index"} & set(flags) else None, x.tolist()])
        return rows
    return run


def _write_through(m):
    b = m.zeros((2, 3))
    with m.nditer([m.arange(3), b], op_flags=[["readonly"], ["writeonly"]]) as it:
        for x, y in it:
            y[...] = x * 2 + 1
    return b


def _allocate(m):
    it = m.nditer([m.arange(3), None])
    for x, y in it:
        y[...] = x * x
    return it.operands[1]


def _iternext_chunks(m):
    b = m.arange(6).reshape(2, 3)
    it = m.nditer(b, op_flags=["readwrite"], flags=["external_loop"])
    while not it.finished:
        it[0][...] = it[0] * 10
        it.iternext()
    return b


def _buffered_cast(m):
    b = m.arange(3)
    with m.nditer(b, op_flags=["readwrite"], op_dtypes=["float64"], flags=["buffered"], casting="same_kind") as it:
        for x in it:
            x[...] = x / 2
        dtypes = [d.name for d in it.dtypes]
    return b, dtypes


def _set_multi_index(m):
    it = m.nditer(_a(m), flags=["multi_index"])
    it.multi_index = (1, 2)
    return int(it[0]), it.iterindex, it.multi_index


def _reset(m):
    it = m.nditer(_a(m))
    first = [int(next(it)) for _ in range(3)]
    it.reset()
    return first, int(next(it)), it.finished


def _description(m):
    it = m.nditer([_a(m), m.arange(4)], flags=["multi_index"])
    return it.shape, it.ndim, it.nop, it.itersize, len(it), it.has_multi_index, it.has_index


def _readonly_view(m):
    x = m.nditer(_a(m))[0]
    return x.flags.writeable, x.shape


def _readonly_write(m):
    for x in m.nditer(_a(m)):
        x[...] = 1


def _broadcast(m):
    b = m.broadcast(m.arange(3)[:, None], m.arange(4), 5)
    head = [tuple(int(v) for v in next(b)) for _ in range(2)]
    state = (b.shape, b.ndim, b.nd, b.numiter, b.size, b.index)
    rest = [tuple(int(v) for v in x) for x in b]
    after = b.index
    b.reset()
    return head, state, rest, after, b.index, [it.index for it in b.iters], [len(it) for it in b.iters]


def _broadcast_nested(m):
    b = m.broadcast(m.broadcast(m.ones(2), 1), m.ones((3, 1)))
    return b.shape, b.numiter, b.size


def _broadcast_iters(m):
    b = m.broadcast(m.arange(2)[:, None], m.arange(3))
    it = b.iters[0]
    next(it)
    return it.index, b.index, [int(v) for v in next(b)]


def _nested_multi(m):
    a = m.arange(12).reshape(2, 3, 2)
    i, j = m.nested_iters(a, [[1], [0, 2]], flags=["multi_index"])
    out = []
    for x in i:
        out.append([i.multi_index, int(x), i.shape])
        out.extend([j.multi_index, int(y)] for y in j)
    return out


def _nested(m, src, axes, flags=None):
    its = m.nested_iters(src, axes, flags=flags)

    def walk(k):
        return [[x.tolist(), walk(k + 1)] if k + 1 < len(its) else x.tolist() for x in its[k]]
    return walk(0)


def _nested_write(m):
    b = m.zeros((2, 3))
    i, j = m.nested_iters([m.ones((2, 1)), b], [[0], [1]], op_flags=[["readonly"], ["readwrite"]])
    for _ in i:
        for y in j:
            y[1][...] = y[0] * 10 + i.iterindex
    return b


def _nested_moves(m):
    i, j = m.nested_iters(m.arange(12).reshape(2, 3, 2), [[1], [0, 2]])
    first = [int(v) for v in j]
    i.iternext()
    second = [int(v) for v in j]
    i.reset()
    return j.shape, i.shape, first, second, [int(v) for v in j]


CASES = {
    "nditer external broadcast": lambda m: _elements(m.nditer([m.arange(3)[:, None], m.arange(4)], flags=["external_loop"])),
    "nditer external transposed": lambda m: _elements(m.nditer(_a(m).T, flags=["external_loop"])),
    "nditer K transposed": lambda m: _elements(m.nditer(_a(m).T)),
    "nditer K reversed": lambda m: _elements(m.nditer(_a(m)[::-1])),
    "nditer C reversed": lambda m: _elements(m.nditer(_a(m)[::-1], order="C")),
    "nditer F": lambda m: _elements(m.nditer(_a(m), order="F")),
    "nditer A of F array": lambda m: _elements(m.nditer(m.asfortranarray(_a(m)), order="A")),
    "nditer A of C array": lambda m: _elements(m.nditer(_a(m), order="A")),
    "nditer bad order": lambda m: m.nditer(_a(m), order="X"),
    "nditer external strided": lambda m: _elements(m.nditer(_a(m)[:, ::2], flags=["external_loop"])),
    "nditer external F strided": lambda m: _elements(m.nditer(_a(m)[::2], flags=["external_loop"], order="F")),
    "nditer multi c_index reversed": lambda m: _walk(["multi_index", "c_index"])(m, _a(m)[::-1]),
    "nditer multi f_index transposed": lambda m: _walk(["multi_index", "f_index"])(m, _a(m).T),
    "nditer c_index 3d transposed": lambda m: _walk(["c_index"])(m, _b(m).transpose(1, 0, 2)),
    "nditer two operands F": lambda m: _elements(m.nditer([m.arange(2)[:, None], m.arange(3)], order="F")),
    "nditer external reversed columns": lambda m: _elements(m.nditer(m.arange(6).reshape(2, 3)[:, ::-1], flags=["external_loop"])),
    "nditer external broadcast column": lambda m: _elements(m.nditer(m.ones((3, 1)) * m.arange(3)[:, None], flags=["external_loop"])),
    "nditer external length-1 axis": lambda m: _elements(m.nditer(m.arange(6).reshape(3, 1, 2)[:, :, :1], flags=["external_loop"])),
    "nditer external 3d": lambda m: _elements(m.nditer(_b(m).transpose(1, 0, 2)[:, :, ::2], flags=["external_loop"])),
    "nditer 0-d": lambda m: [float(x) for x in m.nditer(5)],
    "nditer 0-d external": lambda m: _elements(m.nditer(5, flags=["external_loop"])),
    "nditer zero-size ok": lambda m: _elements(m.nditer(m.zeros((2, 0)), flags=["zerosize_ok"])),
    "nditer zero-size": lambda m: m.nditer(m.zeros((2, 0))),
    "nditer write through": _write_through,
    "nditer allocate": _allocate,
    "nditer iternext chunks": _iternext_chunks,
    "nditer buffered cast": _buffered_cast,
    "nditer set multi_index": _set_multi_index,
    "nditer reset": _reset,
    "nditer description": _description,
    "nditer readonly view": _readonly_view,
    "nditer readonly write": _readonly_write,
    "nditer shapes": lambda m: [m.nditer(x, flags=f).shape for x in (_b(m), _b(m)[:, :, ::2], _b(m)[:, ::-1, :],
                                                                      _b(m).transpose(1, 0, 2), _b(m)[:, :1, :])
                                for f in ([], ["c_index"], ["f_index"], ["multi_index"])],
    "nditer ndims": lambda m: [m.nditer(x).ndim for x in (_b(m), _b(m)[:, :, ::2], _b(m)[:, :1, :])],
    "nditer two operands shape": lambda m: m.nditer([_a(m), m.arange(4)]).shape,
    "nditer no multi_index": lambda m: m.nditer(_a(m)).multi_index,
    "nditer no index": lambda m: m.nditer(_a(m)).index,
    "nditer bad flag": lambda m: m.nditer(_a(m), flags=["foo"]),
    "nditer bad op flag": lambda m: m.nditer(_a(m), op_flags=["foo"]),
    "nditer two modes": lambda m: m.nditer(_a(m), op_flags=["readwrite", "readonly"]),
    "nditer external with index": lambda m: m.nditer(_a(m), flags=["external_loop", "c_index"]),
    "nditer external with multi": lambda m: m.nditer(_a(m), flags=["external_loop", "multi_index"]),
    "nditer writable broadcast": lambda m: m.nditer([m.arange(3), m.ones((2, 3))], op_flags=[["readwrite"], ["readonly"]]),
    "nditer cast unbuffered": lambda m: m.nditer(m.arange(3), op_dtypes=["float64"]),
    "nditer unsafe cast": lambda m: m.nditer(m.arange(3.0), op_dtypes=["int32"], op_flags=["readonly", "copy"]),
    "nditer no operands": lambda m: m.nditer([]),
    "nditer mismatch": lambda m: m.nditer([m.arange(3), m.arange(4)]),
    "nditer value tuple": lambda m: [v.tolist() for v in m.nditer([m.arange(2), 7]).value],
    "nested multi_index": _nested_multi,
    "nested two levels": lambda m: _nested(m, m.arange(12).reshape(2, 3, 2), [[0], [1, 2]]),
    "nested reversed": lambda m: _nested(m, m.arange(12).reshape(2, 3, 2)[:, ::-1], [[0], [1, 2]]),
    "nested external": lambda m: _nested(m, m.arange(12).reshape(2, 3, 2), [[0], [1, 2]], ["external_loop"]),
    "nested three levels": lambda m: _nested(m, m.arange(12).reshape(2, 3, 2), [[2], [0], [1]]),
    "nested write": _nested_write,
    "nested moves": _nested_moves,
    "nested repeated axis": lambda m: m.nested_iters(m.zeros((2, 3, 2)), [[0], [1], [2], [0]]),
    "nested one group": lambda m: m.nested_iters(m.zeros((2, 3, 2)), [[0, 1, 2]]),
    "nested bad axis": lambda m: m.nested_iters(m.zeros((2, 3, 2)), [[3], [0, 1, 2]]),
    "broadcast walk": _broadcast,
    "broadcast nested": _broadcast_nested,
    "broadcast iters": _broadcast_iters,
    "broadcast empty": lambda m: (m.broadcast().shape, m.broadcast().numiter, m.broadcast().size),
    "broadcast mismatch": lambda m: m.broadcast(m.arange(3), m.arange(4)),
    "broadcast 65 arguments": lambda m: m.broadcast(*[1] * 65),
    "broadcast 64 arguments": lambda m: m.broadcast(*[1] * 64).numiter,
}


def test_iterators_match_numpy():
    check_all("iterators", CASES)


def test_nditer_views_write_into_a_strided_operand():
    a = gf.arange(12).reshape(3, 4)
    with gf.nditer(a[:, 1::2], op_flags=["readwrite"]) as it:
        for x in it:
            x[...] = -x
    assert a.tolist() == [[0, -1, 2, -3], [4, -5, 6, -7], [8, -9, 10, -11]]
