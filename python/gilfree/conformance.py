"""Cross-runtime conformance for users' pytest suites (a pytest plugin; docs/conformance.md).

``./gilfree -m pytest`` loads it by itself; elsewhere a root ``conftest.py`` says
``pytest_plugins = ["gilfree.conformance"]``. It gives two fixtures:

* ``xp``: the array namespaces importable on this runtime (gilfree always, NumPy and array_api_strict where
  importable), so one test body runs against each;
* ``conformance``: ``conformance.check(label, value)`` and ``conformance.raises(label, fn, *args)`` record
  what a test produced on the recording runtime (CPython through jep, where NumPy is) and, on another
  runtime, compare it with the recording (per-dtype tolerances), failing with the first differing element.

Recordings are one JSON file per test module, keyed by the test's name within its module (parameters
included) and the user's label, so they stay the same between runs and runtimes.
"""
import json
import math
import os
import threading

import pytest

try:
    import numpy
except ImportError:  # GraalPy: gilfree only
    numpy = None
try:
    import array_api_strict
except ImportError:
    array_api_strict = None

import gilfree

# Relative and absolute tolerance per dtype of the compared value; Python floats count as float64.
# Integers, booleans, strings and everything else compare exactly.
TOLERANCES = {
    "float16": (1e-3, 1e-5), "float32": (2e-6, 1e-30), "complex64": (2e-6, 1e-30),
    "float64": (1e-12, 1e-300), "complex128": (1e-12, 1e-300),
}


class ConformanceMismatch(AssertionError):
    """A value differs from the one recorded on the recording runtime (the merged report looks for this name)."""


def _namespaces():
    found = [("gilfree", gilfree)]
    if numpy is not None:
        found.append(("numpy", numpy))
    if array_api_strict is not None:
        found.append(("array_api_strict", array_api_strict))
    return found


def pytest_addoption(parser):
    group = parser.getgroup("gilfree conformance")
    group.addoption("--conformance", default="auto", choices=("auto", "record", "compare", "off"),
                    help="record values (default where NumPy is importable), compare with the recording "
                         "(default elsewhere), or neither")
    group.addoption("--conformance-dir", default=None,
                    help="folder of the recordings (default: .conformance next to each test module)")


@pytest.fixture(params=[name for name, _ in _namespaces()])
def xp(request):
    """One array namespace per test run: gilfree, numpy, array_api_strict (those importable here)."""
    return dict(_namespaces())[request.param]


def _flatten(nested, depth):
    if depth == 0:
        return [nested]
    return [x for part in nested for x in _flatten(part, depth - 1)]


def encode(value):
    """A produced value as JSON data; arrays (anything with dtype and shape) keep dtype and shape."""
    if hasattr(value, "dtype") and hasattr(value, "shape") and not hasattr(value, "tolist") and numpy is not None:
        value = numpy.from_dlpack(value)  # array_api_strict arrays have no tolist: read through DLPack
    if hasattr(value, "dtype") and hasattr(value, "shape") and hasattr(value, "tolist"):
        shape = [int(n) for n in value.shape]
        return {"array": str(value.dtype), "shape": shape,
                "data": [encode(x) for x in _flatten(value.tolist(), len(shape))]}
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return float(value) if math.isfinite(value) else {"float": repr(float(value))}
    if isinstance(value, complex):
        return {"complex": [encode(value.real), encode(value.imag)]}
    if isinstance(value, (list, tuple)):
        return {"list" if isinstance(value, list) else "tuple": [encode(x) for x in value]}
    if isinstance(value, dict):
        return {"dict": [[encode(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, BaseException):
        return {"raises": type(value).__name__}
    if isinstance(value, slice):
        return {"slice": [encode(value.start), encode(value.stop), encode(value.step)]}
    if value is Ellipsis:
        return {"ellipsis": None}
    raise TypeError(f"conformance cannot record a {type(value).__name__}: {value!r} "
                    "(record arrays, numbers, strings, None, and lists, tuples or dicts of them)")


def decode(data):
    """The Python value of an encoded one: arrays come back as nested lists of their elements (their dtype
    is in the encoding), a recorded exception as its encoding. decode(encode(x)) is what any runtime reads."""
    if isinstance(data, dict) and "array" in data:
        items = iter([decode(x) for x in data["data"]])

        def nest(shape):
            return [nest(shape[1:]) for _ in range(shape[0])] if shape else next(items)
        return nest(data["shape"])
    if not (isinstance(data, dict) and len(data) == 1):
        return data
    (kind, inner), = data.items()
    if kind == "float":
        return float(inner)
    if kind == "complex":
        return complex(decode(inner[0]), decode(inner[1]))
    if kind in ("list", "tuple", "slice"):
        items = [decode(x) for x in inner]
        return items if kind == "list" else tuple(items) if kind == "tuple" else slice(*items)
    if kind == "dict":
        return {decode(k): decode(v) for k, v in inner}
    if kind == "ellipsis":
        return Ellipsis
    return data


def _number(x):
    """A recorded scalar as a Python number (None when it is not one)."""
    if isinstance(x, bool):
        return None
    if isinstance(x, (int, float)):
        return x
    if isinstance(x, dict) and "float" in x:
        return float(x["float"])
    if isinstance(x, dict) and "complex" in x:
        return complex(_number(x["complex"][0]), _number(x["complex"][1]))
    return None


def _close(old, new, dtype):
    a, b = _number(old), _number(new)
    if a is None or b is None or dtype not in TOLERANCES or isinstance(a, int) and isinstance(b, int):
        return old == new
    rtol, atol = TOLERANCES[dtype]
    for x, y in ((a.real, b.real), (a.imag, b.imag)) if isinstance(a, complex) or isinstance(b, complex) \
            else ((a, b),):
        if math.isnan(x) or math.isnan(y):
            if not (math.isnan(x) and math.isnan(y)):
                return False
        elif math.isinf(x) or math.isinf(y):
            if x != y:
                return False
        elif abs(x - y) > atol + rtol * abs(x):
            return False
    return True


def _show(x):
    return json.dumps(x)


def _index(flat, shape):
    out = []
    for n in reversed(shape):
        out.append(flat % n)
        flat //= n
    return list(reversed(out))


def difference(old, new, where="value"):
    """None when `new` (encoded) matches the recording `old`, else a sentence naming the first difference."""
    if isinstance(old, dict) and "array" in old:
        if not (isinstance(new, dict) and "array" in new):
            return f"{where}: recorded a {old['array']} array of shape {tuple(old['shape'])}, got {_show(new)}"
        if old["array"] != new["array"]:
            return f"{where}: dtype differs: recorded {old['array']}, got {new['array']}"
        if old["shape"] != new["shape"]:
            return f"{where}: shape differs: recorded {tuple(old['shape'])}, got {tuple(new['shape'])}"
        for i, (x, y) in enumerate(zip(old["data"], new["data"])):
            if not _close(x, y, old["array"]):
                tol = TOLERANCES.get(old["array"])
                how = f" (rtol {tol[0]:g}, atol {tol[1]:g})" if tol else ""
                return (f"{where}: first differing element at index {tuple(_index(i, old['shape']))}: "
                        f"recorded {_show(x)}, got {_show(y)}{how}")
        return None
    if isinstance(old, dict) and len(old) == 1 and next(iter(old)) in ("list", "tuple", "dict"):
        kind = next(iter(old))
        if not (isinstance(new, dict) and kind in new) or len(old[kind]) != len(new[kind]):
            return f"{where}: recorded {_show(old)}, got {_show(new)}"
        for i, (x, y) in enumerate(zip(old[kind], new[kind])):
            found = difference(x, y, f"{where}[{i}]")
            if found:
                return found
        return None
    if type(_number(old)) is not type(_number(new)) and not (_number(old) is None and _number(new) is None) \
            or not _close(old, new, "float64"):
        return f"{where}: recorded {_show(old)}, got {_show(new)}"
    return None


class Store:
    """The recordings of one session: one JSON file per test module, {test name: {label: value}}."""

    def __init__(self, mode, folder):
        self.mode, self.folder = mode, folder
        self._lock = threading.Lock()
        self._loaded = {}   # file -> recorded data
        self._new = {}      # file -> {test: {label: value}} recorded in this session

    def path(self, module_path):
        folder = self.folder or os.path.join(os.path.dirname(module_path), ".conformance")
        return os.path.join(folder, os.path.splitext(os.path.basename(module_path))[0] + ".json")

    def recorded(self, file):
        with self._lock:
            if file not in self._loaded:
                try:
                    with open(file, encoding="utf-8") as f:
                        self._loaded[file] = json.load(f)
                except OSError:
                    self._loaded[file] = {}
            return self._loaded[file]

    def put(self, file, test, label, data):
        with self._lock:
            labels = self._new.setdefault(file, {}).setdefault(test, {})
            if label in labels and labels[label] != data:
                raise ConformanceMismatch(f"label {label!r} recorded twice with different values in {test}")
            labels[label] = data

    def save(self, merged=lambda test: False):
        """Writes every module's recordings; a test recorded now replaces its old entry, others stay. For the
        entries where `merged(test)` is true the labels recorded now are merged into the old ones instead
        (recordings keyed by case rather than by test, of which one session may see only some)."""
        for file, tests in self._new.items():
            data = dict(self.recorded(file))
            for test, labels in tests.items():
                data[test] = {**data.get(test, {}), **labels} if merged(test) else labels
            os.makedirs(os.path.dirname(file) or ".", exist_ok=True)
            tmp = f"{file}.{os.getpid()}.tmp"
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(_readable(data))
            os.replace(tmp, file)


def _readable(data):
    """JSON with one line per test and label (sorted), each value on its label's line: short diffs in review."""
    tests = []
    for test in sorted(data):
        labels = [f"  {json.dumps(label)}: {json.dumps(value, sort_keys=True)}" for label, value in
                  sorted(data[test].items())]
        tests.append(f" {json.dumps(test)}: {{\n" + ",\n".join(labels) + "\n }")
    return "{\n" + ",\n".join(tests) + "\n}\n"


class Conformance:
    """The `conformance` fixture of one test."""

    def __init__(self, store, file, test):
        self._store, self._file, self._test = store, file, test

    @property
    def mode(self):
        return self._store.mode

    def check(self, label, value):
        """Records `value` under `label`, or compares it with the recording; returns `value`."""
        data = encode(value)
        if self.mode == "record":
            self._store.put(self._file, self._test, str(label), data)
        elif self.mode == "compare":
            labels = self._store.recorded(self._file).get(self._test)
            if labels is None:
                pytest.skip(f"nothing recorded for {self._test} in {self._file} (record on CPython first)")
            if str(label) not in labels:
                raise ConformanceMismatch(f"{label!r}: not recorded for {self._test} (the recording runtime "
                                          f"checked {sorted(labels)})")
            found = difference(labels[str(label)], data, repr(str(label)))
            if found:
                raise ConformanceMismatch(found)
        return value

    def raises(self, label, fn, *args, **kwargs):
        """Calls fn(*args, **kwargs) and checks its result, or the type of the exception it raised."""
        try:
            value = fn(*args, **kwargs)
        except Exception as e:  # noqa: BLE001 - the exception type is the recorded value
            self.check(label, e)
            return e
        return self.check(label, value)


_STORE = pytest.StashKey()


def _mode(config):
    mode = config.getoption("conformance")
    if mode == "auto":
        return "record" if numpy is not None else "compare"
    return mode


def pytest_configure(config):
    config.stash[_STORE] = Store(_mode(config), config.getoption("conformance_dir"))


def pytest_report_header(config):
    return f"gilfree conformance: {_mode(config)} ({gilfree.runtime})"


@pytest.fixture
def conformance(request):
    """Records (recording runtime) or compares (other runtimes) the values a test checks with it."""
    node = request.node
    test = node.nodeid.split("::", 1)[-1]
    store = request.config.stash[_STORE]
    return Conformance(store, store.path(str(node.path)), test)


def pytest_sessionfinish(session, exitstatus):
    store = session.config.stash.get(_STORE, None)
    if store is not None and store.mode == "record":
        store.save()
