"""Raw bytes of arrays against NumPy's: ndarray.tobytes in every order for every dtype (views included),
gf.frombuffer, pickling, tofile, and the Array API device attributes. NumPy's bytes are recorded on CPython
and replayed on GraalPy (recorded.py)."""
import io
import pickle

import pytest

import gilfree as gf
from core_support import DTYPES
from oracle import np
from recorded import answer

pytestmark = pytest.mark.numpy_answers


def _sample(m, dt):
    a = m.asarray([[0, 1, 2, 3], [-1, 5, 7, 100], [2, 0, 1, 9]]).astype(dt)
    return a[::-1, 1:]  # a strided view, neither C- nor F-contiguous


@pytest.mark.parametrize("order", ["C", "F", "A"])
@pytest.mark.parametrize("dt", DTYPES)
def test_tobytes_matches_numpy(dt, order):
    want = answer(f"tobytes {dt} {order}", lambda: list(_sample(np, dt).tobytes(order)))
    assert list(_sample(gf, dt).tobytes(order)) == want
    t = gf.asarray(_sample(gf, dt)).T
    want_t = answer(f"tobytes transposed {dt} {order}", lambda: list(np.asarray(_sample(np, dt)).T.tobytes(order)))
    assert list(t.tobytes(order)) == want_t


@pytest.mark.parametrize("dt", DTYPES)
def test_frombuffer_reads_numpys_bytes(dt):
    raw = bytes(answer(f"tobytes {dt} C", lambda: list(_sample(np, dt).tobytes("C"))))
    got = gf.frombuffer(raw, dtype=dt)
    assert got.dtype == dt and got.tolist() == _sample(gf, dt).ravel().tolist()
    size = gf.dtype(dt).itemsize
    assert gf.frombuffer(raw, dtype=dt, count=2, offset=size).tolist() == got.tolist()[1:3]


def test_frombuffer_errors_are_numpys():
    with pytest.raises(ValueError, match="multiple of element size"):
        gf.frombuffer(b"abc", dtype="int16")
    with pytest.raises(ValueError, match="smaller than requested size"):
        gf.frombuffer(b"abcd", dtype="int16", count=3)
    with pytest.raises(ValueError, match="offset must be non-negative"):
        gf.frombuffer(b"abcd", dtype="int8", offset=5)


@pytest.mark.parametrize("dt", DTYPES)
def test_pickle_round_trip_keeps_dtype_shape_and_values(dt):
    a = _sample(gf, dt)
    for b in (pickle.loads(pickle.dumps(a)), pickle.loads(a.dumps())):
        assert type(b) is gf.ndarray and b.dtype == a.dtype and b.shape == a.shape and b.tolist() == a.tolist()
    f = io.BytesIO()
    a.dump(f)
    f.seek(0)
    assert pickle.load(f).tolist() == a.tolist()


def test_tofile_writes_bytes_or_text(tmp_path):
    a = gf.asarray([1.5, 2.0, -3.25])
    path = tmp_path / "a.bin"
    a.tofile(str(path))
    assert path.read_bytes() == a.tobytes()
    buf = io.BytesIO()
    a.tofile(buf, sep=",")
    assert buf.getvalue() == b"1.5,2.0,-3.25"


def test_device_is_cpu_and_to_device_keeps_the_array():
    a = gf.arange(3)
    assert a.device == "cpu" and a.to_device("cpu") is a
    with pytest.raises(ValueError):
        a.to_device("gpu")
