"""NumPy's file formats and text I/O against NumPy's own: .npy bytes for every dtype, shape and order, .npz
archives, NumPy-written files (other byte order, format versions 2.0/3.0) loaded by gilfree, truncated and
corrupted files (NumPy's exception and message), memory-mapped loads, loadtxt/genfromtxt/savetxt/fromstring/
fromfile/tofile. NumPy's bytes and answers are recorded on CPython and replayed on GraalPy (recorded.py); on
CPython NumPy also loads what gilfree wrote."""
import io
import os
import warnings
import zipfile

import pytest

import gilfree as gf
from core_support import DTYPES
from oracle import HAVE_NUMPY, np
from recorded import answer

pytestmark = pytest.mark.numpy_answers
# .npy headers are parsed with ast.literal_eval, as NumPy does; CPython 3.11's ast raises SystemError
# ("AST constructor recursion depth mismatch") when threads parse at once, for NumPy's np.load too
pytestmark = [pytestmark, pytest.mark.thread_unsafe(reason="CPython 3.11's ast is not thread-safe (np.load's header parsing)")]

SHAPES = [(), (0,), (5,), (2, 3), (2, 3, 4), (3, 0, 2)]


def _values(m, dt, shape):
    n = 1
    for k in shape:
        n *= k
    a = m.arange(n, dtype="int64").reshape(shape)
    a = (a * 37 % 11 - 4).astype(dt)
    return a


def _ordered(m, a, order):
    return m.asfortranarray(a) if order == "F" and a.ndim > 1 else a


def _npy_bytes(m, a):
    f = io.BytesIO()
    m.save(f, a)
    return f.getvalue()


def _text(raw):
    return raw.decode("latin-1")  # bytes as recorded plain data


@pytest.mark.parametrize("order", ["C", "F"])
@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("dt", DTYPES)
def test_npy_bytes_match_numpy_and_load_back(dt, shape, order):
    want = answer(f"npy {dt} {shape} {order}", lambda: _text(_npy_bytes(np, _ordered(np, _values(np, dt, shape), order))))
    a = _ordered(gf, _values(gf, dt, shape), order)
    raw = _npy_bytes(gf, a)
    assert _text(raw) == want
    back = gf.load(io.BytesIO(want.encode("latin-1")))
    assert back.dtype == dt and back.shape == shape and back.tolist() == a.tolist()
    if order == "F" and len(shape) > 1 and back.size:
        assert back.flags.f_contiguous and not back.flags.c_contiguous
    if HAVE_NUMPY:
        theirs = np.load(io.BytesIO(raw))
        assert theirs.dtype.name == dt and theirs.tolist() == a.tolist()


def test_header_is_aligned_and_leaves_room_to_grow():
    raw = _npy_bytes(gf, gf.zeros((3, 4)))
    hlen = int.from_bytes(raw[8:10], "little")
    assert raw[:8] == b"\x93NUMPY\x01\x00" and (10 + hlen) % 64 == 0 and raw[10 + hlen - 1:10 + hlen] == b"\n"
    assert len(raw) == 10 + hlen + 96


def test_non_contiguous_views_are_saved_in_c_order():
    a = gf.arange(24.0).reshape(4, 6)[::2, 1::2]
    want = answer("npy view [::2, 1::2] of arange(24).reshape(4, 6)",
                  lambda: _text(_npy_bytes(np, np.arange(24.0).reshape(4, 6)[::2, 1::2])))
    assert _text(_npy_bytes(gf, a)) == want


@pytest.mark.parametrize("descr", [">f8", ">f4", ">i2", ">i4", ">i8", ">u2", ">u4", ">u8", ">c8", ">c16", "<i4", "|b1"])
def test_other_byte_order_loads_as_native(descr):
    def numpy_file():
        return _text(_npy_bytes(np, np.asarray([[1.5, -2, 3], [4, 0, 250]]).astype(descr)))
    raw = answer(f"npy byte order {descr}", numpy_file).encode("latin-1")
    assert raw[10:].find(repr(descr).encode()) > 0  # the file really is in that order
    back = gf.load(io.BytesIO(raw))
    want = gf.asarray([[1.5, -2, 3], [4, 0, 250]]).astype(back.dtype)
    assert back.dtype.str == "<" + descr[1:] if descr[0] != "|" else back.dtype.str == descr
    assert back.tolist() == want.tolist()


@pytest.mark.parametrize("version", [(1, 0), (2, 0), (3, 0)])
def test_every_format_version_loads(version):
    def numpy_file():
        f = io.BytesIO()
        np.lib.format.write_array(f, np.arange(6, dtype="int32").reshape(2, 3), version=version)
        return _text(f.getvalue())
    raw = answer(f"npy version {version}", numpy_file).encode("latin-1")
    assert raw[6:8] == bytes(version)
    back = gf.load(io.BytesIO(raw))
    assert back.dtype == "int32" and back.tolist() == [[0, 1, 2], [3, 4, 5]]


# ----------------------------------------------------------------------------- bad files

def _outcome(m, raw, **kw):
    try:
        r = m.load(io.BytesIO(raw), **kw)
        return ["ok", r.dtype.name, list(r.shape), r.tolist()]
    except Exception as e:  # noqa: BLE001 - the outcome compared
        return [type(e).__name__, str(e)]


def _padded_header(text):
    """A version 1.0 header as NumPy pads it: magic, length, text, spaces and a newline to 64 bytes."""
    body = text.encode("latin-1")
    pad = 64 - (10 + len(body) + 1) % 64
    return b"\x93NUMPY\x01\x00" + (len(body) + pad + 1).to_bytes(2, "little") + body + b" " * pad + b"\n"


_GOOD = _padded_header("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }" + " " * 20)
_DATA = b"".join(bytes([0, 0, 0, 0, 0, 0, k, 64]) for k in range(6))


def _with_header(text, version=b"\x01\x00"):
    body = text.encode("latin-1")
    return b"\x93NUMPY" + version + len(body).to_bytes(2, "little") + body + _DATA


BAD_FILES = {
    "empty": b"",
    "magic only": b"\x93NUMPY\x01",
    "bad magic": b"\x93NUMPX\x01\x00" + _GOOD[8:] + _DATA,
    "version 4.0": b"\x93NUMPY\x04\x00" + _GOOD[8:] + _DATA,
    "header cut": _GOOD[:40],
    "data cut": _GOOD + _DATA[:-5],
    "no data": _GOOD,
    "not a dict": _with_header("[1, 2]\n"),
    "bad syntax": _with_header("{'descr': }\n"),
    "double comma": _with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3),, }\n"),
    "missing key": _with_header("{'descr': '<f8', 'shape': (2, 3)}\n"),
    "extra key": _with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), 'x': 1}\n"),
    "shape not ints": _with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3.0)}\n"),
    "fortran not bool": _with_header("{'descr': '<f8', 'fortran_order': 0, 'shape': (2, 3)}\n"),
    "bad descr": _with_header("{'descr': 'zz9', 'fortran_order': False, 'shape': (2, 3)}\n"),
    "object descr": _with_header("{'descr': '|O', 'fortran_order': False, 'shape': (2, 3)}\n"),
    "pickle": b"\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00K\x01K\x02\x86\x94.",
    "not even a pickle": b"hello world",
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_files_raise_numpys_error(name):
    raw = BAD_FILES[name]
    want = answer(f"npy bad file {name}", lambda: _outcome(np, raw))
    assert want[0] != "ok"
    assert _outcome(gf, raw) == want


def test_the_good_file_of_the_bad_file_cases_loads():
    want = answer("npy good file of the bad cases", lambda: _outcome(np, _GOOD + _DATA))
    assert want[0] == "ok" and _outcome(gf, _GOOD + _DATA) == want


def test_truncated_real_file_names_the_missing_elements(tmp_path):
    p = tmp_path / "cut.npy"
    p.write_bytes(_GOOD + _DATA[:-5])
    want = answer("npy truncated real file", lambda: _outcome_path(np, str(p)))
    assert _outcome_path(gf, str(p)) == want and "could only read 5 elements" in want[1]


def _outcome_path(m, path, **kw):
    try:
        r = m.load(path, **kw)
        return ["ok", r.tolist()]
    except Exception as e:  # noqa: BLE001
        return [type(e).__name__, str(e)]


def test_pickles_load_only_when_allowed():
    raw = BAD_FILES["pickle"]
    assert gf.load(io.BytesIO(raw), allow_pickle=True) == (1, 2)
    with pytest.raises(Exception) as e:
        gf.load(io.BytesIO(BAD_FILES["not even a pickle"]), allow_pickle=True)
    assert type(e.value).__name__ == "UnpicklingError"


def test_dtypes_gilfree_cannot_hold_are_a_type_error():
    for descr in ("<U3", "<M8[s]", "<f2"):
        raw = _with_header("{'descr': %r, 'fortran_order': False, 'shape': (2, 3)}\n" % descr)
        with pytest.raises(TypeError, match="gilfree has no dtype"):
            gf.load(io.BytesIO(raw))
    with pytest.raises(TypeError, match="object array"):
        gf.load(io.BytesIO(BAD_FILES["object descr"]), allow_pickle=True)


# ----------------------------------------------------------------------------- save/load on paths, mmap

def test_save_appends_npy_and_load_reads_paths(tmp_path):
    a = gf.arange(6).reshape(2, 3)
    gf.save(str(tmp_path / "x"), a)
    assert os.path.exists(tmp_path / "x.npy")
    assert gf.load(tmp_path / "x.npy").tolist() == a.tolist()
    gf.save(tmp_path / "y.npy", [1.5, 2.5])  # any array-like
    assert gf.load(str(tmp_path / "y.npy")).tolist() == [1.5, 2.5]


@pytest.mark.skipif(gf._bridge.Files is None, reason="this session maps no host files")
def test_mmap_modes_work_as_numpys(tmp_path):
    p = str(tmp_path / "m.npy")
    gf.save(p, gf.arange(12.0).reshape(3, 4))
    r = gf.load(p, mmap_mode="r")
    assert r.tolist() == gf.arange(12.0).reshape(3, 4).tolist() and not r.flags.writeable
    with pytest.raises(ValueError, match="cannot set WRITEABLE flag"):
        r.flags.writeable = True
    w = gf.load(p, mmap_mode="r+")
    w[1, 2] = 42.0
    del w
    assert gf.load(p)[1, 2] == 42.0  # r+ writes reach the file
    c = gf.load(p, mmap_mode="c")
    c[0, 0] = -1.0
    assert c[0, 0] == -1.0 and gf.load(p)[0, 0] == 0.0  # copy-on-write stays in memory
    assert r[1, 2] == 42.0  # a shared mapping sees the file's new contents, as NumPy's does
    gf.save(p, gf.asfortranarray(gf.arange(6).reshape(2, 3)))
    f = gf.load(p, mmap_mode="r")
    assert f.flags.f_contiguous and f.tolist() == [[0, 1, 2], [3, 4, 5]]
    with pytest.raises(ValueError, match="Memmap cannot use existing file handles"):
        with open(p, "rb") as fh:
            gf.load(fh, mmap_mode="r")


# ----------------------------------------------------------------------------- npz

def _members(raw):
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        return {i.filename: [_text(z.read(i.filename)), i.compress_type] for i in z.infolist()}


def _npz(m, compressed):
    f = io.BytesIO()
    save = m.savez_compressed if compressed else m.savez
    save(f, m.arange(6.0).reshape(2, 3), m.asarray([True, False]), scale=m.asarray(3, dtype="int16"),
         z=m.asfortranarray(m.arange(4).reshape(2, 2).astype("complex64")))
    return f.getvalue()


@pytest.mark.parametrize("compressed", [False, True])
def test_npz_members_match_numpy(compressed):
    want = answer(f"npz members compressed={compressed}", lambda: _members(_npz(np, compressed)))
    got = _members(_npz(gf, compressed))
    assert got == want


def test_npzfile_is_numpys_mapping(tmp_path):
    raw = answer("npz whole file", lambda: _text(_npz(np, False))).encode("latin-1")
    p = tmp_path / "n.npz"
    p.write_bytes(raw)
    with gf.load(p) as z:
        assert z.files == ["scale", "z", "arr_0", "arr_1"] and list(z.keys()) == z.files and len(z) == 4
        assert "arr_0" in z and "arr_0.npy" in z and "q" not in z
        assert z["arr_0"].tolist() == [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]] and z["arr_1"].dtype == "bool"
        assert z["scale"].shape == () and z.f.scale.tolist() == 3 and z["z"].dtype == "complex64"
        assert z.get("q") is None and repr(z) == f"NpzFile {str(p)!r} with keys: scale, z, arr_0, arr_1"
        with pytest.raises(KeyError, match="q is not a file in the archive"):
            z["q"]
        zf = z.zip
    assert z.zip is None and zf.fp is None  # closed by the context manager
    with pytest.raises(ValueError, match="Cannot use un-named variables and keyword arr_0"):
        gf.savez(io.BytesIO(), gf.zeros(1), arr_0=gf.zeros(2))
    gf.savez(str(tmp_path / "named"), a=gf.ones(2))
    assert gf.load(str(tmp_path / "named.npz"))["a"].tolist() == [1.0, 1.0]


# ----------------------------------------------------------------------------- text

def _run_text(m, name, text, kw):
    try:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            r = getattr(m, name)(io.StringIO(text), **kw)
        return ["ok", r.dtype.name, list(r.shape), repr(r.tolist()), sorted({type(x.message).__name__ for x in w if issubclass(x.category, UserWarning)})]
    except Exception as e:  # noqa: BLE001
        return [type(e).__name__, str(e)]


TEXT_CASES = [
    ("loadtxt", "1 2\n3 4\n", {}), ("loadtxt", "# c\n\n1 2\n3 abc\n", {}), ("loadtxt", "1 2 3\n3 4\n", {}),
    ("loadtxt", "", {}), ("loadtxt", "1 2 3\n", {}), ("loadtxt", "1\n2\n", {}), ("loadtxt", "1 2 3\n", {"ndmin": 2}),
    ("loadtxt", "1\n2\n", {"ndmin": 2}), ("loadtxt", "1+2j 3\n", {"dtype": "complex128"}),
    ("loadtxt", "1 0 2\n", {"dtype": "bool"}), ("loadtxt", "300\n", {"dtype": "uint8"}),
    ("loadtxt", "-1\n", {"dtype": "uint8"}), ("loadtxt", "1.0 2\n", {"dtype": "int64"}),
    ("loadtxt", "1, 2,3\n", {"delimiter": ","}), ("loadtxt", "1,,3\n", {"delimiter": ","}),
    ("loadtxt", "1 2 3\n4 5 6\n", {"usecols": (0, -1)}), ("loadtxt", "1 2 3\n4 5 6\n", {"usecols": 5}),
    ("loadtxt", "1 2 3\n4 5 6\n7 8 9\n", {"max_rows": 2, "unpack": True}), ("loadtxt", "x\n1 2\n", {"skiprows": 1}),
    ("loadtxt", "1 2 # hi\n3 4 // x\n", {"comments": ["#", "//"]}), ("loadtxt", "0.1\n", {"dtype": "float32"}),
    ("loadtxt", "1e3 nan inf -Inf\n", {}), ("loadtxt", "0x10\n", {}), ("loadtxt", "1_0\n", {}),
    ("loadtxt", "+3 -2\n", {"dtype": "int32"}), ("loadtxt", "1 2\n", {"ndmin": 3}),
    ("genfromtxt", "1 2\n3 abc\n", {}), ("genfromtxt", "1,,3\n4,5,6\n", {"delimiter": ","}),
    ("genfromtxt", "1,,3\n4,5,6\n", {"delimiter": ",", "dtype": "int64"}), ("genfromtxt", "1 2 3\n3 4\n5 6 7\n", {}),
    ("genfromtxt", "1 2 3\n3 4\n5 6 7\n", {"invalid_raise": False}),
    ("genfromtxt", "1,N/A,3\n4,5,\n", {"delimiter": ",", "missing_values": "N/A", "filling_values": 0}),
    ("genfromtxt", "h\n1 2\n3 4\nfoot\n", {"skip_header": 1, "skip_footer": 1}),
    ("genfromtxt", "1 2 3\n4 5 6\n", {"usecols": (0, 2), "dtype": "int64"}),
    ("genfromtxt", "1,,\n", {"delimiter": ",", "filling_values": [7, 8, 9]}),
    ("genfromtxt", "1,,\n", {"delimiter": ",", "filling_values": {1: 5}}), ("genfromtxt", "1 nan\n", {"dtype": "int64"}),
    ("genfromtxt", "1 2.5\n", {"dtype": "int64"}), ("genfromtxt", "1+2j 3\n", {"dtype": "complex128"}),
    ("genfromtxt", "", {}), ("genfromtxt", "1 0\n", {"dtype": "bool"}), ("genfromtxt", "1 2\n", {"ndmin": 2}),
    ("genfromtxt", "1 2\n3 4\n", {"unpack": True}), ("genfromtxt", "# a b\n1 2 # x\n", {}),
    ("genfromtxt", "1 2\n3 4\n5 6\n", {"max_rows": 2}), ("genfromtxt", "1 2\n3 4\n", {"usecols": -1}),
]


@pytest.mark.parametrize("case", range(len(TEXT_CASES)))
def test_text_readers_match_numpy(case):
    name, text, kw = TEXT_CASES[case]
    want = answer(f"text {name} {text!r} {sorted(kw.items())}", lambda: _run_text(np, name, text, kw))
    assert _run_text(gf, name, text, kw) == want


SAVETXT_CASES = [
    ([[1.5, 2], [3, 4]], "float64", {}), ([1, 2, 3], "int64", {"fmt": "%d"}),
    ([[1, 2], [3, 4]], "int64", {"fmt": ["%d", "%.2f"], "delimiter": ",", "header": "a\nb", "footer": "end",
                                 "comments": "## "}),
    ([[1 + 2j, 3 - 4j]], "complex128", {}), ([[1 + 2j, 3 - 4j]], "complex128", {"fmt": "%.3f"}),
    ([[0.1, 0.2]], "float32", {"newline": "\r\n", "fmt": "%g"}), ([[1, 2]], "float64", {"fmt": "%d %d %d"}),
    (5.0, "float64", {}), ([True, False], "bool", {}), ([[1, 2]], "int8", {"fmt": ("%d",)}),
    ([[1, 2]], "float64", {"fmt": 3}), ([[[1]]], "float64", {}), ([[1, 2]], "uint64", {"fmt": "%x", "delimiter": "\t"}),
]


def _run_savetxt(m, x, dt, kw):
    f = io.StringIO()
    try:
        m.savetxt(f, m.asarray(x, dtype=dt), **kw)
        return ["ok", f.getvalue()]
    except Exception as e:  # noqa: BLE001
        return [type(e).__name__, str(e)]


@pytest.mark.parametrize("case", range(len(SAVETXT_CASES)))
def test_savetxt_matches_numpy(case):
    x, dt, kw = SAVETXT_CASES[case]
    want = answer(f"savetxt {x!r} {dt} {sorted(kw.items())}", lambda: _run_savetxt(np, x, dt, kw))
    assert _run_savetxt(gf, x, dt, kw) == want


def test_savetxt_and_loadtxt_round_trip_through_files(tmp_path):
    a = gf.asarray([[0.1, -2.5e3], [3.0, float("nan")]])
    p = str(tmp_path / "t.txt")
    gf.savetxt(p, a, header="h", encoding="utf-8")
    assert gf.loadtxt(p).tolist()[0] == a.tolist()[0]
    with open(p, "wb") as f:  # a binary file takes the encoded text
        gf.savetxt(f, a[:1], fmt="%.1f")
    assert open(p).read() == "0.1 -2500.0\n"
    gf.savetxt(str(tmp_path / "z.txt.gz"), gf.arange(3.0))
    assert gf.loadtxt(str(tmp_path / "z.txt.gz")).tolist() == [0.0, 1.0, 2.0]
    assert gf.loadtxt(["1 2", "3 4"]).tolist() == [[1.0, 2.0], [3.0, 4.0]]


FROMSTRING_CASES = [("1, 2,3", {"sep": ","}), ("1, 2,x", {"sep": ","}), ("1 2\n 3", {"sep": " "}),
                    ("1 2 3", {"sep": " ", "dtype": "int64"}), ("1.5 2", {"sep": " ", "dtype": "int64"}),
                    ("1 2", {"sep": ""}), ("1,2,", {"sep": ","}), ("1 2 3", {"sep": " ", "count": 2}),
                    ("", {"sep": " "}), ("7 8", {"sep": " ", "dtype": "complex64"})]


def _run_fromstring(m, s, kw):
    try:
        r = m.fromstring(s, **kw)
        return ["ok", r.dtype.name, r.tolist()]
    except Exception as e:  # noqa: BLE001
        return [type(e).__name__, str(e)]


@pytest.mark.parametrize("case", range(len(FROMSTRING_CASES)))
def test_fromstring_matches_numpy(case):
    s, kw = FROMSTRING_CASES[case]
    want = answer(f"fromstring {s!r} {sorted(kw.items())}", lambda: _run_fromstring(np, s, kw))
    assert _run_fromstring(gf, s, kw) == want


@pytest.mark.parametrize("dt", DTYPES)
def test_tofile_and_fromfile_binary_match_numpy(dt, tmp_path):
    p = str(tmp_path / "b.bin")
    a = _values(gf, dt, (3, 4))
    gf.asfortranarray(a).tofile(p)  # tofile writes C order whatever the layout
    want = answer(f"tofile {dt}", lambda: _text(_values(np, dt, (3, 4)).tobytes()))
    assert _text(open(p, "rb").read()) == want
    assert gf.fromfile(p, dtype=dt).tolist() == a.ravel().tolist()
    size = gf.dtype(dt).itemsize
    assert gf.fromfile(p, dtype=dt, count=3, offset=2 * size).tolist() == a.ravel().tolist()[2:5]
    with open(p, "rb") as f:
        first = gf.fromfile(f, dtype=dt, count=2)
        rest = gf.fromfile(f, dtype=dt)  # an open file goes on where the last read ended
    assert first.tolist() + rest.tolist() == a.ravel().tolist()


def test_tofile_and_fromfile_text(tmp_path):
    p = str(tmp_path / "t.txt")
    gf.arange(4.0).tofile(p, sep=", ", format="%.2f")
    want = answer("tofile text arange(4.0) sep=', ' %.2f", lambda: _tofile_text(np, str(tmp_path / "n.txt")))
    assert open(p).read() == want
    assert gf.fromfile(p, sep=",").tolist() == [0.0, 1.0, 2.0, 3.0]
    assert gf.fromfile(p, sep=",", count=2).tolist() == [0.0, 1.0]


def _tofile_text(m, path):
    m.arange(4.0).tofile(path, sep=", ", format="%.2f")
    with open(path) as f:
        return f.read()
