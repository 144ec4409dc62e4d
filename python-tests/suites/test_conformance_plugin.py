"""The conformance plugin (python/gilfree/conformance.py) and the merged report of `--runtime all`
(tools/conformance_report.py): encoding, tolerances, first differing element, recordings round trip."""
import importlib.util
import io
import json
import math
import os

import pytest

import gilfree as gf
from gilfree import conformance as cf

_TOOLS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools")


def _same(old, new):
    """difference() after the JSON round trip the recording goes through."""
    return cf.difference(json.loads(json.dumps(cf.encode(old))), cf.encode(new))


def test_arrays_keep_dtype_shape_and_contents():
    data = cf.encode(gf.arange(6, dtype=gf.int32).reshape(2, 3))
    assert data == {"array": "int32", "shape": [2, 3], "data": [0, 1, 2, 3, 4, 5]}
    assert cf.encode(gf.asarray(2.5)) == {"array": "float64", "shape": [], "data": [2.5]}
    assert cf.encode(gf.asarray([1 + 2j]))["data"] == [{"complex": [1.0, 2.0]}]


def test_scalars_containers_and_exceptions():
    assert cf.encode([1, (2.0, None), {"a": "b"}]) == \
        {"list": [1, {"tuple": [2.0, None]}, {"dict": [["a", "b"]]}]}
    assert cf.encode(float("nan")) == {"float": "nan"}
    assert cf.encode(ValueError("x")) == {"raises": "ValueError"}
    with pytest.raises(TypeError, match="cannot record a object"):
        cf.encode(object())


def test_first_differing_element_is_named_with_its_index():
    a = gf.arange(6.0).reshape(2, 3)
    b = a.copy()
    b[1, 1] = 40.0
    b[1, 2] = 50.0
    assert _same(a, a) is None
    assert _same(a, b) == ("value: first differing element at index (1, 1): recorded 4.0, got 40.0 "
                           "(rtol 1e-12, atol 1e-300)")


def test_dtype_shape_and_kind_differences():
    assert "dtype differs: recorded float64, got float32" in _same(gf.zeros(2), gf.zeros(2, dtype=gf.float32))
    assert "shape differs: recorded (2,), got (1, 2)" in _same(gf.zeros(2), gf.zeros((1, 2)))
    assert _same(1, 1.0) == "value: recorded 1, got 1.0"
    assert _same("cpython", "graalpy") == 'value: recorded "cpython", got "graalpy"'
    assert _same([1, 2], [1, 3]) == "value[1]: recorded 2, got 3"
    assert _same(ValueError(), TypeError()) is not None


def test_tolerances_follow_the_dtype():
    f32 = gf.asarray([1.0], dtype=gf.float32)
    assert _same(f32, f32 * (1 + 1e-7)) is None
    assert _same(f32, f32 * (1 + 1e-4)) is not None
    f64 = gf.asarray([1.0])
    assert _same(f64, f64 + 1e-15) is None
    assert _same(f64, f64 + 1e-9) is not None
    assert _same(gf.asarray([3], dtype=gf.int64), gf.asarray([3], dtype=gf.int64)) is None
    nan = gf.asarray([math.nan, math.inf])
    assert _same(nan, nan) is None
    assert _same(nan, gf.asarray([math.nan, -math.inf])) is not None
    assert _same(0.1 + 0.2, 0.3) is None and _same(0.1, 0.2) is not None


@pytest.mark.thread_unsafe(reason="writes a temporary file")
def test_recordings_round_trip_through_one_file_per_module(tmp_path):
    module = str(tmp_path / "test_user.py")
    rec = cf.Store("record", None)
    c = cf.Conformance(rec, rec.path(module), "test_a[gilfree]")
    assert c.check("m", gf.arange(3.0)) is not None
    assert isinstance(c.raises("err", int, "x"), ValueError)
    rec.save()
    path = tmp_path / ".conformance" / "test_user.json"
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert sorted(saved["test_a[gilfree]"]) == ["err", "m"]

    replay = cf.Store("compare", None)
    c = cf.Conformance(replay, replay.path(module), "test_a[gilfree]")
    c.check("m", gf.arange(3.0))
    c.raises("err", int, "x")
    with pytest.raises(cf.ConformanceMismatch, match=r"index \(2,\): recorded 2.0, got 7.0"):
        c.check("m", gf.asarray([0.0, 1.0, 7.0]))
    with pytest.raises(cf.ConformanceMismatch, match="not recorded"):
        c.check("other", 1)
    with pytest.raises(pytest.skip.Exception):
        cf.Conformance(replay, replay.path(module), "test_b").check("m", 1)


def test_decode_gives_back_what_was_encoded():
    values = [1, -0.0, 2 ** 70, float("inf"), float("nan"), 1 - 2j, None, "s", (1, [2.5, (3,)]), {"k": (1,), 2: "v"},
              slice(1, None, -2), Ellipsis]
    back = cf.decode(json.loads(json.dumps(cf.encode(values))))
    assert repr(back) == repr(values)  # repr: nan == nan and -0.0 vs 0.0 count
    assert type(back[8]) is tuple and type(back[8][1]) is list and type(back[9]["k"]) is tuple
    assert cf.decode(cf.encode(gf.arange(6, dtype=gf.int8).reshape(3, 2))) == [[0, 1], [2, 3], [4, 5]]
    assert cf.decode(cf.encode(gf.asarray(2.5))) == 2.5


@pytest.mark.thread_unsafe(reason="writes a temporary file")
def test_merged_entries_keep_the_labels_of_earlier_sessions(tmp_path):
    """The project's NumPy answers (recorded.py) are merged per label; other entries are replaced."""
    path = str(tmp_path / "answers.json")
    for labels in ({"a": 1, "b": 2}, {"b": 3, "c": 4}):
        store = cf.Store("record", None)
        for label, value in labels.items():
            store.put(path, "answers", label, value)
            store.put(path, "examples", label, value)
        store.save(merged=lambda entry: entry == "answers")
    saved = json.loads(open(path, encoding="utf-8").read())
    assert saved == {"answers": {"a": 1, "b": 3, "c": 4}, "examples": {"b": 3, "c": 4}}


def _report_tool():
    spec = importlib.util.spec_from_file_location("conformance_report", os.path.join(_TOOLS, "conformance_report.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_merged_report_lists_outcome_and_value_differences():
    tool = _report_tool()
    runs = {"cpython": {"t::a": ("passed", ""), "t::b": ("passed", ""), "t::c": ("passed", ""),
                        "t::d[numpy]": ("passed", "")},
            "graalpy": {"t::a": ("passed", ""), "t::b": ("failed", "AssertionError: boom"),
                        "t::c": ("failed", "gilfree.conformance.ConformanceMismatch: 'x': recorded 1, got 2")}}
    out = io.StringIO()
    assert tool.report(runs, out) == 2
    text = out.getvalue()
    assert "Outcomes that differ between runtimes: 1\n  t::b\n    cpython: passed\n    graalpy: failed: " \
           "AssertionError: boom" in text
    assert "Values that differ from the recording: 1\n  t::c\n    graalpy: 'x': recorded 1, got 2" in text
    assert "cpython: 4 passed, 0 failed, 0 error, 0 skipped (1 ran on this runtime only)" in text
    same = {"cpython": {"t::a": ("passed", "")}, "graalpy": {"t::a": ("passed", "")}}
    assert tool.report(same, io.StringIO()) == 0
