"""The thread-safety contract, generated from the gateway's own declarations (docs/thread-safety.md).

Every engine entry point is declared once in Java with what it reads and writes, and with a `sample`: Python
code that reaches it, where `a` (a float64 array of shape (3, 4) that owns its data) takes the role of the
first written parameter, else the first read one. This module asks the engine for that table
(`gf.diagnostics.entries()`) and checks every entry that touches array memory, so a new entry point is
covered the moment it is declared:

(0) its sample really reaches it (the gateway records the entries a thread enters, on request);
(a) with `a` frozen, and with `a` read-only, a write raises NumPy's ValueError and `a` stays as it was;
    a read works;
(b) with another thread inside `a.borrow_mut()`, reads and writes raise BorrowError; inside `a.borrow()`,
    writes raise and reads work (a resize is refused with NumPy's ValueError instead: "in use");
(c) a write agrees with NumPy: the call's return value (None where NumPy returns None) and `a` afterwards.
    NumPy's answers are recorded on CPython and replayed on GraalPy (recorded.py).
"""
import contextlib
import math
import threading

import pytest

import gilfree as gf
import recorded
from oracle import HAVE_NUMPY, np

# Each case holds a borrow of its own array from a second thread and records the entries its thread enters:
# run under pytest-run-parallel, the copies of one case would take each other's borrows.
pytestmark = pytest.mark.thread_unsafe(reason="holds borrows from a second thread; records entries per thread")

ENTRIES = gf.diagnostics.entries()
TOUCHING = [e for e in ENTRIES if e.reads or e.writes]


def _ids(e):
    return e.name


def _fresh(xp, e):
    """The sample's `a`: shape (3, 4), the entry's dtype, owning its data."""
    return xp.arange(12.0).reshape(3, 4).astype(e.dtype)


def _other(xp, e):
    return (xp.arange(12.0).reshape(3, 4) * 0.5 + 3.0).astype(e.dtype)


def _writes_a(e):
    return bool(e.writes)


def _needs_numpy(e):
    return "np." in e.sample or "numpy" in e.sample


def _run(e, xp, a, b):
    """Runs the entry's sample; an expression gives its value, a statement None."""
    env = {"xp": xp, "a": a, "b": b, "np": np}
    try:
        code = compile(e.sample, f"<sample of {e.name}>", "eval")
    except SyntaxError:
        exec(compile(e.sample, f"<sample of {e.name}>", "exec"), env)  # noqa: S102 - the declared sample
        return None
    return eval(code, env)  # noqa: S307 - the declared sample


def _skip_without_numpy(e):
    if _needs_numpy(e) and not HAVE_NUMPY:
        pytest.skip(f"{e.name}'s sample exports to NumPy, which this runtime cannot import")


@contextlib.contextmanager
def _held_elsewhere(a, exclusive):
    """Another thread holds a scoped borrow of `a` (borrow_mut() when exclusive) for the duration."""
    started, finish, box = threading.Event(), threading.Event(), {}

    def hold():
        try:
            with (a.borrow_mut() if exclusive else a.borrow()):
                started.set()
                finish.wait(60)
        except BaseException as err:  # noqa: BLE001 - handed to the test
            box["error"] = err
            started.set()

    t = threading.Thread(target=hold, name="holder", daemon=True)
    t.start()
    assert started.wait(60), "the holding thread did not start"
    try:
        yield
    finally:
        finish.set()
        t.join(60)
    assert "error" not in box, box.get("error")


def test_the_table_is_complete():
    names = [e.name for e in ENTRIES]
    assert len(names) == len(set(names)), "entry names must be unique"
    assert TOUCHING, "the gateway declares no entry that touches array memory"
    for e in TOUCHING:
        assert e.sample, f"{e.name} touches array memory but declares no sample"
        assert set(e.reads) | set(e.writes) <= set(e.params), f"{e.name} declares unknown parameters"


@pytest.mark.parametrize("e", TOUCHING, ids=_ids)
def test_sample_reaches_its_entry(e):
    _skip_without_numpy(e)
    a, b = _fresh(gf, e), _other(gf, e)
    with gf.diagnostics.recording() as entered:
        _run(e, gf, a, b)
    assert e.name in entered, f"the sample {e.sample!r} entered {sorted(entered)}, not {e.name}"


def _check(e, a, b, refused, error, held=contextlib.nullcontext):
    """Runs e's sample over `a` while `held()` is entered: it raises `error` when `refused`, and works
    otherwise; `a` never changes (compared outside `held`, where reading `a` may itself be refused)."""
    before = a.tolist()
    with held():
        if refused:
            with pytest.raises(error):
                _run(e, gf, a, b)
        else:
            _run(e, gf, a, b)
    assert a.tolist() == before


@pytest.mark.parametrize("how", ["frozen", "read-only"])
@pytest.mark.parametrize("e", TOUCHING, ids=_ids)
def test_frozen_and_read_only_refuse_writes_and_allow_reads(e, how):
    _skip_without_numpy(e)
    a, b = _fresh(gf, e), _other(gf, e)
    if how == "frozen":
        gf.freeze(a)
    else:
        a.flags.writeable = False
    _check(e, a, b, refused=_writes_a(e), error=ValueError)


@pytest.mark.parametrize("e", TOUCHING, ids=_ids)
def test_another_threads_borrow_mut_refuses_reads_and_writes(e):
    _skip_without_numpy(e)
    a, b = _fresh(gf, e), _other(gf, e)
    _check(e, a, b, refused=True, error=ValueError if e.resizes else gf.BorrowError,
           held=lambda: _held_elsewhere(a, exclusive=True))


@pytest.mark.parametrize("e", TOUCHING, ids=_ids)
def test_another_threads_borrow_refuses_writes_and_allows_reads(e):
    _skip_without_numpy(e)
    a, b = _fresh(gf, e), _other(gf, e)
    _check(e, a, b, refused=_writes_a(e), error=ValueError if e.resizes else gf.BorrowError,
           held=lambda: _held_elsewhere(a, exclusive=False))


def _plain(x):
    """A result as plain data (recorded.py can keep it): arrays and scalars with their dtype names."""
    if x is None or isinstance(x, (bool, int, float, complex, str)):
        return x
    if isinstance(x, (tuple, list)):
        return tuple(_plain(v) for v in x)
    if hasattr(x, "tolist") and hasattr(x, "dtype"):
        return {"dtype": x.dtype.name, "shape": tuple(getattr(x, "shape", ())), "value": x.tolist()}
    raise AssertionError(f"cannot compare a {type(x).__name__}: {x!r}")


def _same(x, y):
    if isinstance(x, float) and isinstance(y, float):
        return (math.isnan(x) and math.isnan(y)) or (x == y and math.copysign(1, x) == math.copysign(1, y))
    if isinstance(x, (tuple, list)) and isinstance(y, (tuple, list)):
        return len(x) == len(y) and all(_same(p, q) for p, q in zip(x, y))
    if isinstance(x, dict) and isinstance(y, dict):
        return x.keys() == y.keys() and all(_same(x[k], y[k]) for k in x)
    return type(x) is type(y) and x == y


@pytest.mark.numpy_answers
@pytest.mark.parametrize("e", [e for e in TOUCHING if _writes_a(e) and e.numpy], ids=_ids)
def test_writes_agree_with_numpy(e):
    _skip_without_numpy(e)

    def numpy_answer():
        a, b = _fresh(np, e), _other(np, e)
        return {"returned": _plain(_run(e, np, a, b)), "a": _plain(a)}

    want = recorded.answer(f"contract {e.name}: {e.sample}", numpy_answer)
    a, b = _fresh(gf, e), _other(gf, e)
    got = {"returned": _plain(_run(e, gf, a, b)), "a": _plain(a)}
    got = recorded.decode(recorded.encode(got))  # the same spelling as a recorded answer (tuples, -0.0, ...)
    assert _same(got, want), f"{e.sample}: gilfree {got!r}, NumPy {want!r}"
