"""NumPy's answers, recorded where NumPy runs (CPython through jep) and replayed where it cannot (GraalPy).

A differential test asks ``answer(key, compute)`` for NumPy's result of one case. With NumPy importable,
``compute()`` runs and its result is kept; at the end of the session every answer is merged into
``build/conformance/numpy-answers.json`` (or the file named by GILFREE_NUMPY_ANSWERS). Without NumPy the answer is read
from that file, so GraalPy checks the same cases against the same (pinned) NumPy; a case never recorded is
skipped with a reason. ``./run-tests`` runs the CPython suites before the GraalPy ones, so the file is
always fresh there. Modules that use it carry ``pytestmark = pytest.mark.numpy_answers`` (conftest.py
skips them in the parallel run without NumPy).

The recordings are kept by the users' conformance plugin (``gilfree.conformance``): its encoding (arrays,
NaN, infinities, -0.0, big ints, complex, tuples, slices survive) and its store (one sorted JSON file,
an entry per group of labels, a line per label). This module adds what only NumPy-as-oracle needs: the
answer is NumPy's, not the test's own value, and hypothesis examples are replayed. Answers sit in the entry
``answers``; a `given_recorded` test's examples in ``examples of <test>`` and their answers in
``generated <test>`` (both replaced when the test draws anew). Every answer is handed back as
``decode(encode(...))``, so CPython compares against exactly what GraalPy will replay. A key must name its
case completely (inputs included, and no `hash()` or object address, which change per process): the same
key answered twice in one session with different answers fails the test. Float literals in keys are
compared by value (`_canonical`).

Hypothesis-driven tests use `given_recorded` instead of ``@given``: with NumPy, hypothesis draws the
examples (a fresh random set every session, as before) and every example that passes is kept with the
answers; without NumPy the test replays the kept examples, so GraalPy checks the very cases CPython did.
"""
import functools
import inspect
import json
import os
import re
import threading

import pytest

from gilfree.conformance import Store, decode, encode
from oracle import HAVE_NUMPY

PATH = os.environ.get("GILFREE_NUMPY_ANSWERS") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "build", "conformance", "numpy-answers.json")
ANSWERS = "answers"  # the store's entry of `answer`'s cases (merged: one session may ask for only some)
EXAMPLES = "examples of "  # entry prefix of the examples kept by `given_recorded`, one entry per test
GENERATED = "generated "  # entry prefix of the answers of those examples
# Set by conftest.py: examples are kept by the sequential CPython session only (the parallel one would
# draw four times as many, on four threads, for the same checks).
keep_examples = True

_store = Store("record" if HAVE_NUMPY else "compare", None)
_examples = {}
_lock = threading.Lock()


def _recorded(entry):
    return _store.recorded(PATH).get(entry, {})


# A float literal in a key (a repr): a sign, digits with a point or an exponent, not part of a name.
_FLOAT = re.compile(r"(?<![\w.])-?(?:\d+\.\d*(?:e[-+]?\d+)?|\.\d+(?:e[-+]?\d+)?|\d+e[-+]?\d+)")


def _canonical(key):
    """The key with every float literal spelled exactly (float.hex): runtimes may spell the same float
    differently in repr (GraalPy writes 5e-324 as 4.9e-324), and a key must be the same on both."""
    return _FLOAT.sub(lambda m: float(m.group()).hex(), key)


def answer(key, compute, keep=True, entry=ANSWERS):
    """NumPy's answer for the case `key` (a string naming the case exactly)."""
    key = _canonical(key)
    if HAVE_NUMPY:
        data = json.loads(json.dumps(encode(compute())))  # exactly what the file will hold
        if keep:
            _store.put(PATH, entry, key, data)
        return decode(data)
    old = _recorded(entry)
    if key not in old:
        if entry.startswith(GENERATED):
            # Its example was kept, so its answer was recorded under a key that this runtime spells differently.
            pytest.fail(f"no recorded NumPy answer for {key} of {entry}, a case the recording run checked: "
                        "the key must not differ between runtimes")
        # Only when these suites run without NumPy and no CPython run recorded the case first (./run-tests
        # always records first): there is nothing to compare against, so the case cannot be checked here.
        pytest.skip(f"no recorded NumPy answer for {key} (run the suites on CPython first)")
    return decode(old[key])


_current = threading.local()  # the given_recorded test running on this thread


def generated(key, compute):
    """`answer` for a case of the running `given_recorded` test."""
    return answer(key, compute, keep=keep_examples, entry=GENERATED + _current.test)


def _as_current(name, run):
    _current.test = name
    try:
        run()
    finally:
        _current.test = None


class _KeptDraws:
    """hypothesis's st.data() object, keeping what each draw returned."""
    def __init__(self, data, draws):
        self._data, self._draws = data, draws

    def draw(self, strategy, label=None):
        value = self._data.draw(strategy, label)
        self._draws.append(encode(value))
        return value


class _ReplayedDraws:
    """st.data() replayed: each draw returns what the recording run drew at that point."""
    def __init__(self, draws):
        self._draws = iter(draws)

    def draw(self, strategy, label=None):
        return next(self._draws)


def given_recorded(settings, *strategies):
    """``settings(given(*strategies)(test))`` where NumPy runs, keeping each passing example (its arguments
    and its st.data() draws); where NumPy is missing, a test that runs `test` on every kept example and
    reports each failing one."""
    def decorate(test):
        name = f"{test.__module__}.{test.__name__}"
        params = list(inspect.signature(test).parameters)
        if HAVE_NUMPY:
            from hypothesis import given
            from hypothesis.strategies import DataObject

            @functools.wraps(test)
            def keeping(*args, **kwargs):
                kwargs.update(zip(params, args))
                draws, data_param = [], None
                for k, v in kwargs.items():
                    if isinstance(v, DataObject):
                        data_param, kwargs[k] = k, _KeptDraws(v, draws)
                plain = encode({k: v for k, v in kwargs.items() if k != data_param})
                _as_current(name, lambda: test(**kwargs))
                if keep_examples:
                    example = {"args": plain, "data": data_param, "draws": draws}
                    with _lock:
                        _examples.setdefault(name, {})[json.dumps(example)] = example
            return settings(given(*strategies)(keeping))

        def replay():
            from oracle import each
            examples = _recorded(EXAMPLES + name).get("examples")
            if examples is None:
                # As in answer(): only when these suites run without NumPy before any sequential CPython run
                # kept this test's examples (./run-tests always runs that first), so nothing can be replayed.
                pytest.skip(f"no recorded examples of {name} (run the suites on CPython first)")

            def run(kwargs, draws, data_param):
                if data_param is not None:
                    kwargs[data_param] = _ReplayedDraws(draws)
                _as_current(name, lambda: test(**kwargs))
            each([(decode(e["args"]), [decode(d) for d in e["draws"]], e["data"]) for e in examples], run)
        replay.__name__, replay.__qualname__, replay.__doc__ = test.__name__, test.__qualname__, test.__doc__
        replay.__module__ = test.__module__
        return replay
    return decorate


def save():
    """Writes this session's answers and examples into the file (atomically: a reader never sees half of it).
    A test's new examples replace its old ones, and so do their answers: the old ones would never be asked
    for again."""
    with _lock:
        for name, kept in _examples.items():
            _store.put(PATH, EXAMPLES + name, "examples", list(kept.values()))
    _store.save(merged=lambda entry: entry == ANSWERS)
