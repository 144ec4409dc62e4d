"""ufunc.reduceat against NumPy: increasing and repeated/decreasing indices, axes, dtypes, out=, errors."""
import pytest

import gilfree as gf
from exprcheck import check_all

pytestmark = pytest.mark.numpy_answers

REDUCEAT = [
    "m.add.reduceat(m.arange(8), [0, 4, 1, 5])", "m.add.reduceat(m.arange(8), [0, 4, 1, 5], dtype='float32')",
    "m.multiply.reduceat(m.arange(1, 9).reshape(2, 4), [0, 2], axis=1)",
    "m.add.reduceat(m.arange(12.0).reshape(3, 4), [0, 2, 2, 1], axis=0)",
    "m.add.reduceat(m.arange(12.0).reshape(3, 4), [3, 1], axis=-1)",
    "m.maximum.reduceat(m.asarray([1.0, 5, 2, 7]), [0, 2])", "m.minimum.reduceat(m.asarray([4, 1, 3], 'int8'), [2, 0])",
    "m.add.reduceat(m.arange(3, dtype='int8'), [0])", "m.add.reduceat(m.asarray([True, True]), [0])",
    "m.subtract.reduceat(m.arange(6.0), [0, 3])", "m.logical_or.reduceat(m.asarray([0, 0, 1, 0]), [0, 2])",
    "m.add.reduceat(m.arange(8), m.asarray([1, 3], 'int32'))", "m.add.reduceat(m.arange(8), [])",
    "m.add.reduceat(m.arange(8), [8])", "m.add.reduceat(m.arange(8), [-1])", "m.add.reduceat(m.arange(8), [[0]])",
    "m.add.reduceat(m.arange(8), [0.0])", "m.add.reduceat(m.arange(8), [1.7, 3])", "m.add.reduceat(m.arange(8), m.asarray([1.5]))", "m.sin.reduceat(m.arange(8), [0])", "m.add.reduceat(m.asarray(3), [0])",
    "m.add.reduceat(m.arange(8), [0, 2], axis=1)",
    "m.add.reduceat(m.arange(4.0), [0, 2], out=m.zeros(2))",
]


def test_reduceat_matches_numpy():
    check_all("ufunc methods", REDUCEAT)


def test_reduceat_writes_out_and_returns_it():
    out = gf.zeros(2)
    assert gf.add.reduceat(gf.arange(4.0), [0, 2], out=out) is out
    assert out.tolist() == [1.0, 5.0]
    with pytest.raises(ValueError):
        gf.add.reduceat(gf.arange(4.0), [0, 2], out=gf.zeros(3))
