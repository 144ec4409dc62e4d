"""Shared setup of the gilfree pytest suites (one source, run on GraalPy and on CPython through jep).

Tests import their helpers from ``oracle`` (NumPy as oracle when importable, hand-written expectations
always) and ``threadkit`` (running work on several threads); pytest puts this folder on sys.path because
it has no __init__.py. This file adds the report header, the `xp` and `numpy_oracle` fixtures, and a
workaround that keeps pytest's faulthandler from crashing the JVM on the jep runtime.
"""
import pytest

import gilfree
import oracle
from oracle import HAVE_NUMPY, np  # HAVE_NUMPY: True where numpy (the oracle) is importable


def pytest_report_header(config):
    numpy = f"numpy {oracle.NUMPY_VERSION} as oracle" if HAVE_NUMPY else "no numpy (hand-written expectations only)"
    return f"gilfree {gilfree.__version__} on runtime {gilfree.runtime}; {numpy}"


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    # Workaround, CPython through jep only: pytest's faulthandler plugin installs Python's SIGSEGV handler
    # over the JVM's, but the JVM takes SIGSEGVs on purpose (implicit null checks, uncommon traps in
    # JIT-compiled code) and handles them itself; with faulthandler in front the process dies with "Fatal
    # Python error: Segmentation fault" the first time that happens. Runs after the plugin enabled it, and
    # gives the JVM its handlers back. (The launcher should fix this for every user, e.g. with libjsig.)
    if gilfree.runtime == "cpython":
        import faulthandler
        if faulthandler.is_enabled():
            faulthandler.disable()


@pytest.fixture
def numpy_oracle():
    """The numpy module when importable, else None (tests must then rely on hand-written expectations)."""
    return np


@pytest.fixture(params=["gilfree"] + (["numpy"] if HAVE_NUMPY else []))
def xp(request):
    """Runs a test once per available array module: gilfree always, numpy too where it is importable.
    For behaviour that both must share and that a test can state without comparing the two."""
    return gilfree if request.param == "gilfree" else np
