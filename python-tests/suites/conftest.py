"""Shared setup of the gilfree pytest suites (one source, run on GraalPy and on CPython through jep).

Tests import their helpers from ``oracle`` (NumPy as oracle when importable, hand-written expectations
always) and ``threadkit`` (running work on several threads); pytest puts this folder on sys.path because
it has no __init__.py. This file adds the report header and the `xp` and `numpy_oracle` fixtures.
"""
import pytest

import gilfree
import oracle
from oracle import HAVE_NUMPY, np  # HAVE_NUMPY: True where numpy (the oracle) is importable


def pytest_report_header(config):
    numpy = f"numpy {oracle.NUMPY_VERSION} as oracle" if HAVE_NUMPY else "no numpy (hand-written expectations only)"
    return f"gilfree {gilfree.__version__} on runtime {gilfree.runtime}; {numpy}"


@pytest.fixture
def numpy_oracle():
    """The numpy module when importable, else None (tests must then rely on hand-written expectations)."""
    return np


@pytest.fixture(params=["gilfree"] + (["numpy"] if HAVE_NUMPY else []))
def xp(request):
    """Runs a test once per available array module: gilfree always, numpy too where it is importable.
    For behaviour that both must share and that a test can state without comparing the two."""
    return gilfree if request.param == "gilfree" else np


def _parallel_run(config):
    threads = str(config.getoption("parallel_threads", default="1"))  # a number, or "auto"
    return not (threads.isdigit() and int(threads) <= 1)


def _serialize_ast_parse():
    """CPython 3.11's AST constructor keeps its recursion depth in shared state, so two threads parsing at
    once can raise "SystemError: AST constructor recursion depth mismatch". Under pytest-run-parallel that
    hits inspect.signature (hypothesis' st.builds) and np.load's header parsing, not gilfree: one lock
    around ast.parse removes the interpreter race from the concurrency run. Fixed in CPython 3.12."""
    import ast
    import sys
    import threading
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12) or getattr(ast.parse, "_serialized", False):
        return
    lock, parse = threading.Lock(), ast.parse

    def serialized_parse(*args, **kwargs):
        with lock:
            return parse(*args, **kwargs)
    serialized_parse._serialized = True
    ast.parse = serialized_parse


def pytest_configure(config):
    import recorded
    recorded.keep_examples = not _parallel_run(config)
    if _parallel_run(config):
        _serialize_ast_parse()
    config.addinivalue_line("markers", "numpy_answers: a module whose cases replay NumPy's recorded answers "
                                       "where NumPy is missing (recorded.py)")
    config.addinivalue_line("markers", "processes: a test that drives other processes (launchers, Maven, a Dask "
                                       "cluster); the sequential session runs it, the parallel one skips it")


def pytest_ignore_collect(collection_path, config):
    """Without NumPy, under pytest-run-parallel: modules that only replay recorded answers (module-level
    numpy_answers mark) are not collected at all. Collecting their thousands of cases only to skip them took
    four minutes of the parallel GraalPy run in CI."""
    if HAVE_NUMPY or not _parallel_run(config):
        return None
    name = collection_path.name
    if name.startswith("test_") and name.endswith(".py") and \
            "\npytestmark = pytest.mark.numpy_answers" in collection_path.read_text(encoding="utf-8"):
        return True
    return None


def pytest_collection_modifyitems(config, items):
    """Under pytest-run-parallel: a test that drives other processes runs one thread anyway (it is
    thread_unsafe), so running it again there only repeats the sequential session's minutes. Without NumPy,
    the replayed value checks add nothing to a concurrency run that the sequential run and the parallel
    CPython run do not cover, and would double CI time."""
    if not _parallel_run(config):
        return
    processes = pytest.mark.skip(reason="drives other processes on one thread: the sequential session runs it")
    replayed = pytest.mark.skip(reason="NumPy's recorded answers are replayed in the sequential run")
    for item in items:
        if item.get_closest_marker("processes"):
            item.add_marker(processes)
        elif not HAVE_NUMPY and item.get_closest_marker("numpy_answers"):
            item.add_marker(replayed)


def pytest_sessionfinish(session, exitstatus):
    """Keeps NumPy's answers of this run for the runtimes without NumPy (recorded.py)."""
    import recorded
    recorded.save()
