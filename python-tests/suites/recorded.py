"""NumPy's answers, recorded where NumPy runs (CPython through jep) and replayed where it cannot (GraalPy).

A differential test asks ``answer(key, compute)`` for NumPy's result of one case. With NumPy importable,
``compute()`` runs and its result (plain JSON data: dtype name, shape, values, or the exception type) is
kept; at the end of the session every answer is merged into ``build/numpy-answers.json`` (or the file
named by GILFREE_NUMPY_ANSWERS). Without NumPy the answer is read from that file, so GraalPy checks the
same cases against the same (pinned) NumPy; a case never recorded is skipped with a reason.
``./run-tests`` runs the CPython suites before the GraalPy ones, so the file is always fresh there.
Modules that use it carry ``pytestmark = pytest.mark.numpy_answers`` (conftest.py skips them in the
parallel run without NumPy).
"""
import json
import os
import threading

import pytest

from oracle import HAVE_NUMPY

PATH = os.environ.get("GILFREE_NUMPY_ANSWERS") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "build", "numpy-answers.json")

_new = {}
_old = None
_lock = threading.Lock()


def answer(key, compute):
    """NumPy's answer for the case `key` (a string naming the case exactly)."""
    global _old
    if HAVE_NUMPY:
        result = compute()
        with _lock:
            _new[key] = result
        return result
    with _lock:
        if _old is None:
            try:
                with open(PATH) as f:
                    _old = json.load(f)
            except (OSError, ValueError):
                _old = {}
    if key not in _old:
        # Only when these suites run without NumPy and no CPython run recorded the case first (./run-tests
        # always records first): there is nothing to compare against, so the case cannot be checked here.
        pytest.skip(f"no recorded NumPy answer for {key} (run the suites on CPython first)")
    return _old[key]


def save():
    """Merges this session's answers into the file (atomically: a reader never sees half of it)."""
    if not _new:
        return
    try:
        with open(PATH) as f:
            data = json.load(f)
    except (OSError, ValueError):
        data = {}
    data.update(_new)
    os.makedirs(os.path.dirname(PATH), exist_ok=True)
    tmp = f"{PATH}.{os.getpid()}.tmp"
    with open(tmp, "w") as f:
        json.dump(data, f)
    os.replace(tmp, PATH)
