"""Ctrl-C (SIGINT) in a script run by ./gilfree, on both runtimes: KeyboardInterrupt in pure Python, within a
second inside one long engine operation (the engine stops it between chunks), and exit code 130 when nothing
catches it."""
import os
import signal
import sys
import time

import pytest

from launcherkit import start

pytestmark = pytest.mark.processes

SCRIPT = r'''
import time
import gilfree as gf

def say(*what):
    print(*what, flush=True)

a = gf.arange(12_000_000, dtype=gf.float64)[::-1] % 1000.0  # many ties: a slow (comparator) stable argsort
t = time.time(); gf.argsort(a, kind="stable"); say("op", time.time() - t)  # one operation's length
say("ready python")
try:
    while True:
        pass
except KeyboardInterrupt:
    say("caught python")
say("ready engine")
try:
    while True:
        gf.argsort(a, kind="stable")
except KeyboardInterrupt:
    say("caught engine", time.time())
say("ready uncaught")
while True:
    gf.argsort(a, kind="stable")
'''


def _line(proc, prefix, timeout=300):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        line = proc.stdout.readline()
        if not line:
            break
        if line.startswith(prefix):
            return line.split()
    raise AssertionError(f"no {prefix!r} line; stderr:\n{proc.stderr.read()}")


@pytest.mark.thread_unsafe(reason="signals a launcher process; nothing to race")
@pytest.mark.skipif(sys.implementation.name != "cpython", reason="drives ./gilfree for both runtimes; once, "
                    "from the jep run, is enough")
@pytest.mark.parametrize("runtime", ["cpython", pytest.param("graalpy", marks=pytest.mark.xfail(
    strict=False, reason="open bug (issue 17): on GraalPy a KeyboardInterrupt in a pure-Python loop sometimes "
    "escapes the try around it (about one run in three); the rest passes when it does not"))])
def test_sigint_raises_keyboard_interrupt_in_python_and_in_a_long_engine_operation(runtime, tmp_path):
    script = tmp_path / "long.py"
    script.write_text(SCRIPT)
    proc = start(runtime, str(script))
    try:
        # Within a second of SIGINT, checked below, proves the interrupt lands inside an operation only when
        # one operation lasts longer than that (1.1–2.5 s here); a faster machine still checks the second.
        _line(proc, "op")
        _line(proc, "ready python")
        time.sleep(0.5)
        proc.send_signal(signal.SIGINT)
        _line(proc, "caught python", timeout=30)
        _line(proc, "ready engine")
        time.sleep(0.5)  # inside an operation now (each takes longer than a second and a half)
        sent = time.time()
        proc.send_signal(signal.SIGINT)
        caught = float(_line(proc, "caught engine", timeout=30)[2])
        assert caught - sent < 1.0, f"KeyboardInterrupt {caught - sent:.2f} s after SIGINT"
        _line(proc, "ready uncaught")
        time.sleep(0.5)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 130
        err = proc.stderr.read()
        assert err.rstrip().endswith("KeyboardInterrupt"), err
        assert "Traceback (most recent call last):" in err and "gf.argsort(a" in err, err
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
