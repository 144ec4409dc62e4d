"""The launcher's environment: what a user's Python code may do to the process must not kill the JVM."""
import faulthandler

import gilfree as gf
from gilfree._bridge import Engine


def test_java_null_check_with_faulthandler_enabled_is_a_python_error():
    # The JVM handles SIGSEGV itself for implicit null checks in compiled code; with Python's faulthandler
    # installed (pytest enables it) the launcher must keep the JVM's handler first (libjsig on jep).
    was = faulthandler.is_enabled()
    faulthandler.enable()
    try:
        a = gf.arange(3)
        for _ in range(30000):  # enough calls for the JIT to compile the callee with implicit null checks
            Engine.copy(a._j)
        raised = None
        try:
            Engine.copy(None)
        except BaseException as e:  # noqa: BLE001 - the runtimes surface Java errors differently
            raised = e
        assert raised is not None
        assert "NullPointerException" in str(raised) or "NullPointerException" in repr(raised)
    finally:
        if not was:
            faulthandler.disable()
