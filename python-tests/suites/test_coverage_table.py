"""docs/coverage.md says what gilfree has of NumPy's public names; this keeps it true.

On every runtime: each name the table lists as present exists. Where NumPy is importable: the table is
what tools/numpy_coverage.py writes now (regenerate it after adding names)."""
import os
import re
import sys

import pytest

import gilfree as gf
from oracle import HAVE_NUMPY

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
TABLE = os.path.join(ROOT, "docs", "coverage.md")
OWNERS = {"main namespace (`gilfree.X`)": lambda: gf, "`gilfree.linalg`": lambda: gf.linalg,
          "`gilfree.fft`": lambda: getattr(gf, "fft"), "`gilfree.random`": lambda: getattr(gf, "random"),
          "`gilfree.testing` (assertions)": lambda: getattr(gf, "testing"), "`gilfree.emath`": lambda: getattr(gf, "emath"),
          "`ndarray` attributes": lambda: gf.ndarray}


def _sections():
    text = open(TABLE, encoding="utf-8").read()
    for title, body in re.findall(r"^## (.+?)\n(.*?)(?=^## |\Z)", text, flags=re.S | re.M):
        present = re.search(r"\*\*Present \((\d+)\):\*\* (.*)", body)
        yield title, int(present.group(1)), re.findall(r"`([^`]+)`", present.group(2))


def test_every_name_listed_as_present_exists():
    seen = 0
    for title, count, names in _sections():
        assert len(names) == count, title
        if count:
            owner = OWNERS[title]()
            missing = [n for n in names if not hasattr(owner, n)]
            assert not missing, f"{title}: listed as present but missing: {missing}"
        seen += 1
    assert seen == len(OWNERS)


@pytest.mark.skipif(not HAVE_NUMPY, reason="the table is generated from NumPy's names")
@pytest.mark.thread_unsafe(reason="writes a temporary file")
def test_the_table_is_current(tmp_path):
    sys.path.insert(0, os.path.join(ROOT, "tools"))
    try:
        import numpy_coverage
    finally:
        sys.path.pop(0)
    fresh = tmp_path / "coverage.md"
    numpy_coverage.main(str(fresh))
    assert fresh.read_text(encoding="utf-8") == open(TABLE, encoding="utf-8").read(), \
        "docs/coverage.md is stale: run ./gilfree --runtime cpython tools/numpy_coverage.py"
