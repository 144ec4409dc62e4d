"""Differential checks against NumPy (answers recorded on CPython, replayed on GraalPy: exprcheck.py) of
packbits/unpackbits, binary_repr/base_repr, the type questions (common_type, mintypecode, min_scalar_type,
typename, sctypeDict, ScalarType), require/asarray_chkfinite/isfortran, array_equiv, mask_indices, clip's
out-of-range Python-int bounds and getbufsize/setbufsize."""
import collections
import pytest

import gilfree as gf
from exprcheck import check, check_all, numpy_answer

pytestmark = pytest.mark.numpy_answers

BITS = [
    "m.packbits([1, 0, 1, 1, 0, 0, 0, 1, 1])", "m.packbits([1, 0, 1], bitorder='little')",
    "m.packbits(m.asarray([[1, 0, 1], [0, 1, 1]]), axis=1)", "m.packbits(m.asarray([[1, 0, 1], [0, 1, 1]]), axis=0)",
    "m.packbits(m.asarray([[1, 0, 1], [0, 1, 1]]), axis=-1, bitorder='little')",
    "m.packbits(m.arange(24).reshape(2, 3, 4) % 3, axis=1)", "m.packbits(m.asarray([True, False] * 5))",
    "m.packbits(m.asarray([2, -1, 0, 7], dtype='int8'))", "m.packbits(m.asarray(3))", "m.packbits(m.asarray(3), axis=0)",
    "m.packbits(m.zeros((2, 0), dtype=bool), axis=1)", "m.packbits(m.zeros(0, dtype='uint8'))",
    "m.packbits(m.asarray([1.0]))", "m.packbits([1, 0, 1], axis=1)", "m.packbits([1, 0, 1], bitorder='x')",
    "m.packbits(m.asarray([1j]))",
    "m.unpackbits(m.asarray([3, 255, 128], dtype='uint8'))", "m.unpackbits(m.asarray([3], dtype='uint8'), bitorder='little')",
    "m.unpackbits(m.asarray([[3, 4], [5, 6]], dtype='uint8'), axis=1)",
    "m.unpackbits(m.asarray([[3, 4], [5, 6]], dtype='uint8'), axis=0)",
    "m.unpackbits(m.asarray([[3, 4]], dtype='uint8'), axis=1, count=3)",
    "m.unpackbits(m.asarray([[3, 4]], dtype='uint8'), axis=1, count=20)",
    "m.unpackbits(m.asarray([[3, 4]], dtype='uint8'), axis=1, count=-3)",
    "m.unpackbits(m.asarray([3], dtype='uint8'), count=-8)", "m.unpackbits(m.asarray([3], dtype='uint8'), count=0)",
    "m.unpackbits(m.asarray([3], dtype='uint8'), count=-20)", "m.unpackbits(m.asarray(3, dtype='uint8'))",
    "m.unpackbits(m.asarray([3], dtype='int8'))", "m.unpackbits(m.asarray([3], dtype='uint8'), axis=2)",
    "m.unpackbits(m.asarray([3], dtype='uint8'), bitorder='middle')", "m.unpackbits(m.zeros(0, dtype='uint8'))",
    "m.unpackbits(m.packbits(m.arange(20) % 3 == 0), count=20)",
]

REPRS = [f"m.binary_repr({n}{w})" for n in (0, 1, 3, 5, -1, -3, -4, -5, 255, -128, 2**70, -(2**70))
         for w in ("", ", width=0", ", width=1", ", width=3", ", width=8")] + [
    "m.binary_repr(m.int8(-3), width=4)", "m.binary_repr(3.0)", "m.binary_repr(m.uint64(2**64 - 1))",
] + [f"m.base_repr({n}{rest})" for n in (0, 5, -5, 35, 255, -255, 2**70) for rest in
     ("", ", 16", ", 36", ", base=3, padding=2", ", padding=3", ", 7, 1")] + [
    "m.base_repr(5, 37)", "m.base_repr(5, 1)", "m.base_repr(m.int16(-300), 16)", "m.base_repr(5.7, 10)",
]

TYPES = [
    "m.common_type(m.arange(3), m.ones(2, 'float32'))", "m.common_type(m.ones(2, 'float32'))",
    "m.common_type(m.ones(2, 'float32'), m.ones(1, 'complex64'))",
    "m.common_type(m.ones(2, 'float64'), m.ones(1, 'complex64'))", "m.common_type(m.arange(3, dtype='int8'))",
    "m.common_type(m.arange(3, dtype='uint64'), m.ones(2, 'complex64'))", "m.common_type(m.asarray([True]))",
    "m.mintypecode('idF')", "m.mintypecode(['d', 'f'])", "m.mintypecode('ib')", "m.mintypecode('ib', default='f')",
    "m.mintypecode('fF')", "m.mintypecode('dF')", "m.mintypecode('D')", "m.mintypecode('bdf', typeset='bdf')",
    "m.mintypecode([m.ones(2, 'float32'), 'F'])", "m.mintypecode([m.arange(3)])", "m.mintypecode([])",
    "m.min_scalar_type(3)", "m.min_scalar_type(300)", "m.min_scalar_type(70000)", "m.min_scalar_type(2**40)",
    "m.min_scalar_type(2**64 - 1)", "m.min_scalar_type(-1)", "m.min_scalar_type(-129)", "m.min_scalar_type(-2**40)",
    "m.min_scalar_type(-2**63)", "m.min_scalar_type(True)", "m.min_scalar_type(1e10)", "m.min_scalar_type(1e300)",
    "m.min_scalar_type(-1e39)", "m.min_scalar_type(1e10j)", "m.min_scalar_type(1e300j)",
    "m.min_scalar_type(m.asarray([1.0]))", "m.min_scalar_type(m.asarray([1], dtype='int64'))",
    "m.min_scalar_type(m.int64(5))", "m.min_scalar_type(m.asarray(-5))", "m.min_scalar_type(m.uint64(2**63))",
    "m.min_scalar_type(m.float64(1e300))", "m.min_scalar_type(1.0)", "m.min_scalar_type(1e-10)",
    "m.min_scalar_type(64999.5)", "m.min_scalar_type(-65000.0)", "m.min_scalar_type(65504.0)",
    "m.min_scalar_type(float('nan'))", "m.min_scalar_type(float('-inf'))",
    "m.common_type(m.ones(2, 'float16'))", "m.common_type(m.ones(2, 'float16'), m.ones(1, 'float32'))",
    "m.common_type(m.ones(2, 'float16'), m.ones(1, 'complex64'))", "m.mintypecode('e')", "m.mintypecode(['e', 'f'])",
] + [f"m.typename({c!r})" for c in "?bBhHiIlLqQfdgFDGSUVO"] + ["m.typename('S1')", "m.typename('x')"]

CONVERSIONS = [
    "m.asarray(range(3))", "m.asarray(range(0)).dtype", "m.array([range(2), range(2)], dtype='float32')",
    "m.asarray(collections.deque([1.5, 2]))", "m.array(range(5, -5, -3)).dtype",
    "m.require(m.arange(6).reshape(2, 3).T, requirements=['C']).flags.c_contiguous",
    "m.require(m.arange(6).reshape(2, 3), requirements='F').flags.f_contiguous",
    "m.require(m.arange(6).reshape(2, 3), requirements=['F_CONTIGUOUS', 'A']).flags.c_contiguous",
    "m.require([1, 2], dtype='float32', requirements=['w', 'O'])", "m.require([1, 2])",
    "m.require([1, 2], requirements=['C', 'F'])", "m.require([1, 2], requirements=['X'])",
    "m.require(m.arange(6)[::2], requirements=['O']).flags.owndata",
    "m.require(m.arange(6)[::2], requirements=['E', 'C']).flags.c_contiguous",
    "m.asarray_chkfinite([1, 2.5])", "m.asarray_chkfinite([1, nan])", "m.asarray_chkfinite([1, inf])",
    "m.asarray_chkfinite([1, 2], dtype='float32')", "m.asarray_chkfinite(m.asarray([1 + 2j, complex(0, inf)]))",
    "m.asarray_chkfinite(3)",
    "m.isfortran(m.ones((2, 3), order='F'))", "m.isfortran(m.ones(3))", "m.isfortran(m.ones((2, 3)))",
    "m.isfortran(m.ones((2, 3)).T)", "m.isfortran(m.ones((1, 3)).T)", "m.isfortran(m.asarray(1.0))",
    "m.array_equiv([1, 2], [[1, 2], [1, 2]])", "m.array_equiv([1, 2], [[1, 2], [1, 3]])",
    "m.array_equiv([1, 2], [1, 2, 3])", "m.array_equiv([1, 2], [1.0, 2.0])", "m.array_equiv([nan], [nan])",
    "m.array_equiv(m.zeros(0), [])", "m.array_equiv(3, [[3, 3]])",
    "m.mask_indices(3, m.triu)", "m.mask_indices(3, m.triu, 1)", "m.mask_indices(3, m.tril, -1)",
    "m.mask_indices(0, m.triu)", "m.mask_indices(4, m.fliplr)",
]

CLIP = [
    "m.clip(m.arange(5, dtype='uint16'), -3, 3)", "m.clip(m.arange(5, dtype='uint16'), -3, 70000)",
    "m.clip(m.arange(5, dtype='uint16'), 2, 70000)", "m.clip(m.arange(5, dtype='int8'), -300, 3)",
    "m.clip(m.arange(5, dtype='int8'), 3, -300)", "m.clip(m.arange(5, dtype='uint8'), 300, 400)",
    "m.clip(m.arange(5, dtype='uint8'), -300, -200)", "m.clip(m.arange(5, dtype='int8'), -3.5, 3)",
    "m.clip(m.arange(5, dtype='uint8'), m.int64(-3), 3)", "m.clip(m.arange(5, dtype='uint8'), [-3], 3)",
    "m.clip(m.int8(5), -300, 3)", "m.clip(m.arange(3))", "m.clip(m.arange(3, dtype='uint8'), -1, None)",
    "m.clip(m.uint8(3), -1, None)", "m.clip(5, -300, 3)", "m.clip(m.arange(5, dtype='uint64'), -1, 2**64)",
    "m.clip(m.arange(5, dtype='int64'), -2**63, 2)", "m.clip(m.asarray([True, False]), 0, 1)",
    "m.clip(m.arange(5, dtype='uint16'), min=-3, max=3)",
]

BUFSIZE = ["m.getbufsize()"] + [f"m.setbufsize({v})" for v in
                                ("8192", "16", "-1", "0", "4", "5", "15", "10_000_000", "10_000_016", "2**70",
                                 "1.5", "True", "m.int64(32)")]


def test_packbits_and_unpackbits_match_numpy():
    check_all("bits", BITS)


def test_binary_and_base_repr_match_numpy():
    check_all("bits", REPRS)


def test_type_questions_match_numpy():
    check_all("types", TYPES)


def test_conversions_and_predicates_match_numpy():
    check_all("conversions", CONVERSIONS, env={"collections": collections})


@pytest.mark.thread_unsafe(reason="print options are per thread, but the test reads them back after setting")
def test_print_threshold_takes_any_number_as_numpy():
    with gf.printoptions(threshold=float("inf")):
        assert "..." not in str(gf.arange(2000)) and str(gf.arange(2000)).split()[-1] == "1999]"
    for bad, err in ((float("nan"), ValueError), ("a", TypeError)):
        want = numpy_answer("conversions", f"set_printoptions(threshold={bad!r})",
                            fn=lambda m: m.set_printoptions(threshold=bad))
        assert want["error"] == err.__name__
        with pytest.raises(err):
            gf.set_printoptions(threshold=bad)


def test_clip_with_out_of_range_python_int_bounds_matches_numpy():
    check_all("clip", CLIP)


@pytest.mark.parametrize("expr", BUFSIZE)
def test_setbufsize_matches_numpy(expr):
    old = gf.getbufsize()
    try:
        check("bufsize", expr, fn=lambda m: (m.setbufsize(8192), eval(expr, {"m": m}), m.getbufsize())[1:])
    finally:
        gf.setbufsize(old)


def test_bufsize_is_per_context_and_errstate_restores_it():
    old = gf.getbufsize()
    with gf.errstate():
        gf.setbufsize(4096)
        assert gf.getbufsize() == 4096
    assert gf.getbufsize() == old


def test_sctypedict_names_numpys_types():
    keys = sorted(gf.sctypeDict)
    want = numpy_answer("types", f"sctypeDict names {keys}", fn=lambda m: [m.sctypeDict[k].__name__ for k in keys])
    assert [gf.sctypeDict[k].__name__ for k in keys] == [w["py"] for w in want["seq"]]
    assert {"float64", "int8", "uint64", "complex64", "double", "intp", "ubyte", "bool_"} <= set(gf.sctypeDict)


def test_scalartype_holds_python_and_gilfree_scalar_types():
    want = numpy_answer("types", "ScalarType names", fn=lambda m: sorted(t.__name__ for t in m.ScalarType))
    names = [t.__name__ for t in gf.ScalarType]
    assert set(names) <= {w["py"] for w in want["seq"]}
    assert {"int", "float", "complex", "bool", "bytes", "str", "memoryview", "float64", "uint8"} <= set(names)
