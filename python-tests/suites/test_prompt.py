"""The interactive prompt (./gilfree with no arguments on a terminal) behaves like python's, on both runtimes:
values echo and `_` holds the last one, multi-line blocks, tracebacks as python prints them, Ctrl-C stops
the running statement (pure Python, or a long engine operation) and the session goes on, line editing and
history, Ctrl-D ends it."""
import sys
import time

import pytest

from launcherkit import Terminal

pytestmark = pytest.mark.processes


@pytest.mark.thread_unsafe(reason="drives a launcher on a terminal; nothing to race")
@pytest.mark.skipif(sys.implementation.name != "cpython", reason="drives ./gilfree for both runtimes on a "
                    "pseudo-terminal; once, from the jep run, is enough")
@pytest.mark.parametrize("runtime", ["cpython", "graalpy"])
def test_interactive_prompt(runtime):
    t = Terminal(runtime)
    try:
        t.expect(f"gilfree on {runtime}", timeout=300)
        t.expect(">>> ")
        t.send("6 * 7\n")
        t.expect("42\n")
        t.expect(">>> ")
        t.send("_ + 1\n")
        t.expect("43\n")
        # A block: continuation prompts until the empty line.
        t.send("def twice(n):\n")
        t.expect("... ")
        t.send("    m = 2 * n\n")
        t.expect("... ")
        t.send("    return m\n")
        t.expect("... ")
        t.send("\n")
        t.expect(">>> ")
        t.send("twice(21)\n")
        t.expect("42\n")
        t.expect(">>> ")
        t.send("1 / 0\n")
        t.expect_all('Traceback (most recent call last):\n  File "<console>", line 1, in <module>\n'
                     "ZeroDivisionError: division by zero\n", ">>> ")
        # Ctrl-C stops a pure-Python loop ...
        t.send("while True: pass\n\n")
        t.expect("... ")
        time.sleep(1)  # running by now, the terminal back from the line editor's raw mode: Ctrl-C is a signal
        t.send("\x03")
        t.expect_all("KeyboardInterrupt\n", ">>> ", timeout=10)
        # ... and a long engine operation, and the session keeps its state.
        t.send("import gilfree as gf; a = gf.arange(6_000_000, dtype=gf.float64)[::-1] % 1000.0\n")
        t.expect(">>> ")
        t.send("while True: gf.argsort(a, kind='stable')\n\n")
        t.expect("... ")
        time.sleep(1)
        t.send("\x03")
        t.expect_all("KeyboardInterrupt\n", ">>> ", timeout=60)
        t.send("print('still', twice(4))\n")
        t.expect("still 8\n")
        t.expect(">>> ")
        # Line editing and history (the terminal is in application-cursor mode: arrows send ESC O x).
        t.send("print('still', twice(5))\x1bOD\x1bOD\x1bOD1\n")  # three left, insert "1": twice(15)
        t.expect("still 30\n")
        t.expect(">>> ")
        t.send("\x1bOA\n")  # up: the last line again
        t.expect("still 30\n")
        t.expect(">>> ")
        # Ctrl-C at the prompt drops the line being typed.
        t.send("1 + 1\x03")
        t.expect_all("KeyboardInterrupt\n", ">>> ", timeout=10)
        t.send("\x04")  # Ctrl-D
        assert t.proc.wait(timeout=60) == 0
    finally:
        t.close()
