"""view(dtype) and view(type), getfield/setfield, byteswap, shares_memory and may_share_memory against NumPy
(recorded on CPython, replayed on GraalPy: exprcheck.py): the reinterpreted values, shapes and strides, the
shared memory (writes through the view), NumPy's errors, and subclass views with __array_finalize__."""
import pytest

import gilfree as gf
from exprcheck import check, check_all

pytestmark = pytest.mark.numpy_answers

A = "m.arange(6, dtype='int32').reshape(2, 3)"

VIEWS = [f"({A}).view({d})" for d in ("'int16'", "'uint8'", "'float32'", "'int64'", "'complex128'", "m.int32",
                                      "'bool'")] + [
    f"({A}).T.view('int16')", f"({A}).T.view('float32')", f"({A})[:, :2].view('int64')", f"({A})[:, 1:].view('int64')",
    f"({A})[:, ::2].view('int16')", f"({A})[:, :1].view('int16')", "m.asarray(5, dtype='int32').view('int16')",
    "m.asarray(5, dtype='int32').view('float32')", "m.zeros((2, 0), dtype='int32').view('int64')",
    "m.zeros((0, 3), dtype='int32').view('int64')", "m.arange(4, dtype='int16')[::-1].view('int8')",
    "m.arange(4, dtype='int8').reshape(4, 1).view('int16')", "m.arange(8, dtype='int8').reshape(2, 4).T.view('int16')",
    "m.arange(2.).view('int64')", "m.asarray([1.5, -2.0]).view('uint64')", "m.asarray([1 + 2j, 3 - 4j]).view('float64')",
    "m.asarray([1 + 2j], dtype='complex64').view('uint32')", "m.arange(8, dtype='uint8').view('complex64')",
    "m.asarray([True, False, True, True]).view('uint8')", "m.arange(3.0, dtype='float32').view('int32')",
    "m.arange(12, dtype='int8').reshape(3, 4)[1:].view('int32')", "m.arange(12, dtype='int8')[2:10].view('int16')",
    f"({A}).view('int16').strides", f"({A}).view('int64' if False else 'int8').strides", f"({A}).view().dtype",
]

FIELDS = [
    "m.arange(3, dtype='int16').getfield('int8', 1)", "m.arange(3, dtype='int16').getfield('int8')",
    "m.arange(300, 303, dtype='int16').getfield('uint8', 1)", "m.asarray([1 + 2j, 3 - 4j]).getfield('float64', 8)",
    "m.arange(3, dtype='int16').getfield('int8', 2)", "m.arange(3, dtype='int16').getfield('int32')",
    "m.arange(3, dtype='int16').getfield('int8', -1)", "m.arange(6, dtype='int32').reshape(2, 3).T.getfield('int16', 2)",
    "m.arange(3, dtype='int16').byteswap()", "m.asarray([1 + 2j], dtype='complex64').byteswap()",
    "m.asarray([True, False]).byteswap()", "m.arange(6.0).reshape(2, 3)[:, ::2].byteswap()",
    "m.asarray([1, -2], dtype='int64').byteswap()", "m.asarray([1.5], dtype='float32').byteswap()",
    "m.asarray([7], dtype='uint8').byteswap()", "m.asarray(258, dtype='int16').byteswap()",
]


def _setfield(m):
    b = m.arange(3, dtype="int16")
    r = b.setfield(7, "int8", 1)
    return r, b


def _byteswap_inplace(m):
    b = m.arange(3, dtype="int32")
    r = b.byteswap(inplace=True)
    return r is b, b


def _write_through(m):
    a = m.zeros(3)
    v = a.view("uint64")
    v[1] = 4607182418800017408
    w = a.view("int32")
    w[4] = 1
    return a, v.base is a, w.base is a


def _view_of_view(m):
    a = m.arange(4, dtype="int32")
    v = a[1:].view("int16")[::2]
    v[...] = -1
    return a


MEMORY = [
    f"m.shares_memory({A}, {A})", "m.shares_memory(m.arange(3), [1, 2])",
]


def _shares(m):
    a = m.arange(12, dtype="int32").reshape(3, 4)
    c = a.view("int8")
    pairs = [(a, a[0]), (a[:, ::2], a[:, 1::2]), (a[::2], a[1::2]), (a, m.arange(3)), (a[0], a[1]),
             (a[:, 0], a[:, 3]), (a, a.T), (a[1:, 1:], a[:1, :1]), (c[:, 1::4], a[:, 0]), (c[:, 4::8], a[:, 0]),
             (a[:, 1:2], a[:, 2:]), (a[:0], a), (a.reshape(-1)[::5], a.reshape(-1)[1::5]),
             (a.reshape(-1)[::5], a.reshape(-1)[10:])]
    return ([m.shares_memory(x, y) for x, y in pairs], [m.may_share_memory(x, y) for x, y in pairs],
            [m.may_share_memory(x, y, max_work=-1) for x, y in pairs])


CALLS = {"setfield": _setfield, "byteswap inplace": _byteswap_inplace, "write through": _write_through,
         "view of view": _view_of_view, "shares memory": _shares,
         "shares memory max_work=0": lambda m: m.shares_memory(m.arange(6)[::2], m.arange(6)[1::2], max_work=0),
         "shares memory bounds only": lambda m: [m.shares_memory(m.arange(6), m.arange(3), max_work=0),
                                                  m.may_share_memory(m.arange(6), 5)]}


def test_view_dtype_matches_numpy():
    check_all("reinterpret", VIEWS)


def test_getfield_and_byteswap_match_numpy():
    check_all("reinterpret", FIELDS)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_shared_memory_matches_numpy(name):
    check("reinterpret", name, fn=CALLS[name])


def test_memory_questions_match_numpy():
    check_all("reinterpret", MEMORY)


def test_shares_memory_max_work_zero_raises_too_hard():
    a = gf.arange(6)
    with pytest.raises(gf.exceptions.TooHardError, match="Exceeded max_work"):
        gf.shares_memory(a[::2], a[1::2], max_work=0)


class Tagged(gf.ndarray):
    def __array_finalize__(self, obj):
        self.tag = getattr(obj, "tag", "from " + type(obj).__name__)


def test_view_as_a_subclass_calls_array_finalize_and_shares_memory():
    a = gf.arange(4.0)
    t = a.view(Tagged)
    assert type(t) is Tagged and t.tag == "from ndarray"
    t[0] = 9
    assert a[0] == 9 and gf.shares_memory(a, t)
    u = t.view("int64")  # a subclass's views stay in the subclass, finalized from it
    assert type(u) is Tagged and u.tag == "from ndarray" and u.tolist()[0] == 4621256167635550208
    both = a.view(dtype="int64", type=Tagged)
    assert type(both) is Tagged and both.dtype == gf.dtype("int64")
    plain = t.view(gf.ndarray)
    assert type(plain) is gf.ndarray and not hasattr(plain, "tag")


def test_constructing_a_subclass_finalizes_from_none():
    t = Tagged((2, 3))
    assert type(t) is Tagged and t.tag == "from NoneType" and t.shape == (2, 3)
