"""Differential checks of what used to raise NotImplementedError in gilfree: diff(prepend=, append=),
searchsorted(sorter=), unique(axis=...) with its index/inverse/count outputs (NumPy 2.x shapes), and indexing
with a scalar or 0-d False. Recorded on CPython, replayed on GraalPy (exprcheck.py)."""
import pytest

from exprcheck import check_all

pytestmark = pytest.mark.numpy_answers

A2 = "m.asarray([[1, 4, 9], [2, 2, 7]])"
DIFF = [
    "m.diff([1, 4, 9], prepend=0)", "m.diff([1, 4, 9], append=20)", "m.diff([1, 4, 9], prepend=[5, 6], append=1)",
    "m.diff(m.asarray([1, 2], dtype='uint8'), prepend=0)", "m.diff(m.asarray([1, 2], dtype='int8'), append=m.int8(3))",
    "m.diff([1.5, 2.0], prepend=m.asarray([], dtype='int8'))", f"m.diff({A2}, prepend=0)",
    f"m.diff({A2}, axis=0, append=[[7, 7, 7]])", f"m.diff({A2}, axis=-2, prepend=1, append=2)",
    f"m.diff({A2}, n=2, axis=1, prepend=[[0], [0]])", f"m.diff({A2}, axis=0, append=[7, 7, 7])",
    "m.diff([True, False], prepend=True)", "m.diff([1, 2], n=0, prepend=5)", "m.diff(5, prepend=1)",
    "m.diff([1, 2], axis=1, prepend=0)", "m.diff(m.zeros((0, 2)), axis=0, prepend=1)", "m.diff([1j, 2], append=1)",
]
SORTER = [
    "m.searchsorted([3, 1, 2], [2, 3], sorter=[1, 2, 0])", "m.searchsorted([3, 1, 2], 2, sorter=[1, 2, 0])",
    "m.searchsorted([3, 1, 2], [2, 3], side='right', sorter=[1, 2, 0])",
    "m.searchsorted([3.5, 1, 2], [[0, 5], [2, 1.5]], sorter=m.argsort([3.5, 1, 2]))",
    "m.searchsorted([3, 1, 2], [2], sorter=m.asarray([1, 2, 0], dtype='int8'))",
    "m.searchsorted([], [1, 2], sorter=[])", "m.searchsorted([3, 1, 2], [2], sorter=[1, 2])",
    "m.searchsorted([3, 1, 2], [2, 3], sorter=[1, 2, 5])", "m.searchsorted([3, 1, 2], [2, 3], sorter=[-1, 2, 0])",
    "m.searchsorted([3, 1, 2], [2], sorter=[1.0, 2, 0])", "m.searchsorted([3, 1, 2], [2], sorter=[[1, 2, 0]])",
]
R = "m.asarray([[1, 0, 1], [1, 0, 1], [0, 5, 2], [nan, 1, 1], [nan, 1, 1]])"
UNIQUE = [
    f"m.unique({R}, axis=0)", f"m.unique({R}, axis=0, return_index=True, return_inverse=True, return_counts=True)",
    f"m.unique({R}, axis=0, equal_nan=False, return_counts=True)", f"m.unique({R}, axis=1, return_inverse=True)",
    "m.unique(m.asarray([[1, 0, 1], [1, 0, 1]]), axis=-1, return_inverse=True, return_counts=True)",
    "m.unique(m.asarray([[1, 0, 1], [1, 0, 1]]), axis=-2, return_index=True)",
    "m.unique(m.arange(24).reshape(2, 3, 4) % 3, axis=1, return_index=True, return_inverse=True, return_counts=True)",
    "m.unique(m.arange(24).reshape(2, 3, 4) % 2, axis=2, return_inverse=True)",
    "m.unique(m.asarray([3, 1, 3]), axis=0, return_inverse=True)", "m.unique(m.asarray([[3, 1, 3]]), return_inverse=True)",
    "m.unique(m.asarray([[0.0, -0.0], [-0.0, 0.0]]), axis=0)", "m.unique(m.asarray([[True, False], [True, False]]), axis=0)",
    "m.unique(m.asarray([[1j, 2], [1j, 2], [0, 1]]), axis=0, return_counts=True)",
    "m.unique(m.asarray([[5, 5], [5, 5]], dtype='uint8'), axis=0, return_index=True, return_inverse=True)",
    "m.unique(m.zeros((3, 0)), axis=0, return_index=True, return_inverse=True, return_counts=True)",
    "m.unique(m.zeros((0, 3)), axis=0, return_index=True, return_inverse=True, return_counts=True)",
    "m.unique(m.zeros((0, 3)), axis=1, return_index=True, return_inverse=True, return_counts=True)",
    "m.unique(m.asarray(5), axis=0)", "m.unique(m.asarray([1, 2]), axis=1)", "m.unique(m.asarray([1, 2]), axis=-2)",
]
A = "m.arange(6).reshape(2, 3)"
FALSE = [
    f"{A}[False]", f"{A}[True]", f"{A}[(False,)]", f"{A}[0, False]", f"{A}[..., False]", f"{A}[False, 0]",
    f"{A}[:, False, 1]", f"{A}[[0, 1], False]", f"{A}[m.asarray(False)]", f"{A}[None, False]",
    f"{A}[[1], False, [0]]", f"{A}[0, False, 0]", f"{A}[False, False]", "m.asarray(7)[False]",
    f"(lambda b: (b.__setitem__(False, 5), b)[1])({A})", f"(lambda b: (b.__setitem__((0, False), 9), b)[1])({A})",
]

B = "m.arange(24.0).reshape(2, 3, 4)"
S = "m.arange(9).reshape(3, 3)"
EINSUM = [
    f"m.einsum('ii', {S})", f"m.einsum('ii->i', {S})", "m.einsum('iij->ij', m.arange(12).reshape(2, 2, 3))",
    "m.einsum('ii', m.ones((2, 3)))", f"m.einsum('...ij->...ji', {B})", f"m.einsum('...j,...j->...', {B}, m.ones(4))",
    f"m.einsum('ij...->...', {B})", f"m.einsum('...ij', {B})", f"m.einsum('...ij,...jk->...ik', {B}, m.ones((4, 2)))",
    f"m.einsum('ij->', {B}[0], optimize=True)", f"m.einsum('ij,jk', {B}[0], m.ones((4, 2)), optimize='greedy')",
    f"m.einsum('...ij->ij', {B})", "m.einsum('i...i', m.ones((3, 2, 3)))", f"m.einsum('ii->ii', {S})",
    "m.einsum('..i', m.ones(3))", "m.einsum('...,...', m.ones((2, 1)), m.arange(3))",
    "m.einsum('ij...,jk...->ik...', m.ones((2, 3, 5)), m.ones((3, 4, 5)))", "m.einsum('...', 3)",
    "m.einsum('ij...', m.ones((2, 3)))", "m.einsum('jii->j', m.arange(18).reshape(2, 3, 3))",
    f"m.einsum('ii,i->i', {S}, m.arange(3))", "m.einsum('ijij->ij', m.arange(36).reshape(2, 3, 2, 3))",
    "m.einsum('...ii->...i', m.arange(18.0).reshape(2, 3, 3))", "m.einsum('ii', m.zeros((0, 0)))",
]

LINALG = [
    f"m.linalg.norm({B}, axis=(0, 2))", f"m.linalg.norm({B}, axis=(2, 0), ord=1)",
    f"m.linalg.norm({B}, axis=(0, 1), ord=-inf, keepdims=True)", f"m.linalg.norm({B}, axis=(1, 1))",
    f"m.linalg.norm({B}, axis=(0, 3))", f"m.linalg.norm({B}, axis=(-1, 0), ord='nuc')",
    f"m.linalg.norm({B}, axis=(0, 2), ord=2, keepdims=True)", f"m.linalg.norm({B}, axis=(0, 2), ord=3)",
    f"m.linalg.norm({B}, axis=(2, 1), ord=inf)", f"m.linalg.pinv({B})", "m.linalg.pinv(m.zeros((0, 2, 3)))",
    "m.linalg.pinv(m.arange(3.0))", "m.linalg.pinv(m.arange(24).reshape(2, 3, 4), rtol=0.1)",
    "m.linalg.pinv(m.asarray([[[2.0, 1], [1, 3]]]), hermitian=True)", "m.linalg.pinv(m.ones((2, 2, 2), dtype='float32'))",
    "m.linalg.pinv(m.asarray([[[1.0, 2], [2, 4]], [[1, 0], [0, 1e-20]]]))",
    "m.linalg.cross(m.arange(6.0).reshape(2, 3), m.ones(3))", "m.linalg.cross([1, 2], [3, 4])",
    "m.linalg.cross(m.ones((3, 2)), m.ones((3, 2)), axis=0)", "m.linalg.cross([1, 2, 3], [4, 5, 6])",
    "m.linalg.cross(m.ones((2, 3), dtype='int8'), [1, 2, 3])", "m.linalg.cross([1, 2, 3], [4, 5, 6], axis=-2)",
    "m.linalg.cross(m.ones((2, 3)), m.ones((4, 3)))", "m.linalg.cross(m.arange(24.0).reshape(2, 3, 4), m.ones((3, 1)), axis=1)",
    "m.linalg.cross(m.ones((2, 3), dtype='float32'), m.asarray([1, 2, 3], dtype='float32'))",
]

QA = "(m.arange(12.0).reshape(4, 3) + m.eye(4, 3))"
# QR factors are unique up to the signs of R's rows (Q's columns): compare |R|, shapes, dtypes and identities
QR_FACTS = "(lambda a, q, r: (q.shape, r.shape, q.dtype.name, bool(m.allclose(q @ r, a)), " \
           "bool(m.allclose(m.swapaxes(q, -1, -2).conj() @ q, m.eye(q.shape[-1]))), bool(m.allclose(m.triu(r), r))))"
QR = [
    f"{QR_FACTS}({QA}, *m.linalg.qr({QA}, mode='complete'))", f"m.abs(m.linalg.qr({QA}, mode='complete').R)",
    f"{QR_FACTS}({QA}.T, *m.linalg.qr({QA}.T, mode='complete'))", f"m.abs(m.linalg.qr({QA}, mode='r'))",
    f"m.abs(m.linalg.qr({QA}.T, mode='r'))", f"m.linalg.qr({QA}, mode='x')", f"m.abs(m.linalg.qr({QA}, mode='full').R)",
    f"{QR_FACTS}(m.stack([{QA}, {QA} * 2 - 1]), *m.linalg.qr(m.stack([{QA}, {QA} * 2 - 1]), mode='complete'))",
    f"m.linalg.qr(m.stack([{QA}, {QA}]), mode='r').shape", "m.linalg.qr(m.arange(3.0), mode='complete')",
    f"{QR_FACTS}({QA}.astype('float32'), *m.linalg.qr({QA}.astype('float32'), mode='complete'))",
]


@pytest.mark.parametrize("area,cases", [("diff", DIFF), ("searchsorted", SORTER), ("unique", UNIQUE),
                                        ("false_index", FALSE), ("einsum", EINSUM)])
def test_gaps(area, cases):
    check_all(f"gaps {area}", cases)


def test_gaps_linalg():
    check_all("gaps linalg", LINALG, rel=1e-9, rel_to_largest=True)


def test_gaps_qr():
    check_all("gaps qr", QR, rel=1e-9)
