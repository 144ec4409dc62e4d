"""A Java application depends on gilfree through Maven: examples/java-maven/, a standalone project that
names only the artifacts `mvn install` publishes (./run-tests installs them), builds offline and runs its
test, which computes through GraalPy and through CPython/jep."""
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.processes

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


@pytest.mark.thread_unsafe(reason="one Maven build; nothing to race")
@pytest.mark.skipif(sys.implementation.name != "cpython", reason="runs Maven once, from the jep run")
def test_maven_example_builds_and_runs_on_both_runtimes(tmp_path):
    project = tmp_path / "java-maven"  # outside the repository: the POM must need no paths into it
    shutil.copytree(os.path.join(ROOT, "examples", "java-maven"), project,
                    ignore=shutil.ignore_patterns("target"))
    script = ('source "$1/tools/lib.sh"; gf_find_jdk; '
              'gf_mvn -o -q -f "$2/pom.xml" test -Dgilfree.jep.config="$GILFREE_VENV/gilfree-jep.properties"')
    r = subprocess.run(["bash", "-c", script, "mvn-example", ROOT, str(project)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout[-4000:] + r.stderr[-4000:]
    report = ET.parse(project / "target" / "surefire-reports" / "TEST-example.StatsTest.xml").getroot()
    ran = {c.get("name"): [x.tag for x in c if x.tag in ("failure", "error", "skipped")]
           for c in report.iter("testcase")}
    assert ran == {"graalpy": [], "cpythonThroughJep": []}, ran  # both ran, none failed or skipped
