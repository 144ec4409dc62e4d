"""The launcher's environment: what a user's Python code may do to the process must not kill the JVM."""
import faulthandler
import os
import shutil
import subprocess
import sys

import pytest

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


@pytest.mark.processes
@pytest.mark.skipif(sys.implementation.name != "cpython", reason="starts two launcher processes; once, from the "
                    "jep run, is enough (GraalPy's subprocess support is not what this tests)")
def test_runtime_all_reports_the_example_suites_one_difference(tmp_path):
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    suite = tmp_path / "user-suite"  # a user's folder outside the repository
    shutil.copytree(os.path.join(root, "examples", "conformance"), suite)
    env = dict(os.environ, GILFREE_NO_BUILD="1")
    r = subprocess.run([os.path.join(root, "gilfree"), "--runtime", "all", "-m", "pytest", "-q",
                        "-p", "no:cacheprovider", str(suite)],
                       env=env, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    report = r.stdout[r.stdout.index("=== gilfree conformance report"):]
    assert r.returncode == 1, r.stdout + r.stderr
    assert "Outcomes that differ between runtimes: 0\n" in report
    assert "Values that differ from the recording: 1\n  " in report, report
    assert ("test_scaling::test_runtime_name\n"  # the JUnit class name starts with the path from the rootdir
            "    graalpy: 'implementation': recorded \"cpython\", got \"graalpy\"\n") in report, report
    assert "Result: 1 test(s) differ" in report
