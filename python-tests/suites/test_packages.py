"""`./gilfree -m pip ...` on both runtimes: installs into the runtime's project-local environment (the
CPython venv; GraalPy's prefix in GILFREE_GRAALPY_ENV), which later runs import from; `pip list` shows
it; a CPython extension refused by GraalPy leaves the environment as it was. No network: the packages are
wheels this test writes."""
import base64
import hashlib
import os
import subprocess
import sys
import zipfile

import pytest

pytestmark = pytest.mark.processes

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
NAME = "gfprobe_pkg"  # unusual enough not to clash with anything installed


def _wheel(folder, name, tag, files):
    """A minimal wheel (what pip needs: the files, METADATA, WHEEL, RECORD)."""
    dist = f"{name}-1.0.dist-info"
    files = dict(files)
    files[f"{dist}/METADATA"] = f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n"
    files[f"{dist}/WHEEL"] = (f"Wheel-Version: 1.0\nGenerator: gilfree-test\n"
                              f"Root-Is-Purelib: {'true' if tag == 'py3-none-any' else 'false'}\nTag: {tag}\n")
    record = []
    for path, text in files.items():
        data = text.encode()
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(data)}")
    record.append(f"{dist}/RECORD,,")
    files[f"{dist}/RECORD"] = "\n".join(record) + "\n"
    path = os.path.join(folder, f"{name}-1.0-{tag}.whl")
    with zipfile.ZipFile(path, "w") as z:
        for p, text in files.items():
            z.writestr(p, text)
    return path


def _gilfree(runtime, *args, env, cwd):
    return subprocess.run([os.path.join(ROOT, "gilfree"), "--runtime", runtime, *args], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=600)


def _snapshot(folder):
    out = set()
    for base, _dirs, names in os.walk(folder):
        out.update(os.path.relpath(os.path.join(base, n), folder) for n in names)
    return out


@pytest.mark.thread_unsafe(reason="installs into and removes from the runtime's environment")
@pytest.mark.skipif(sys.implementation.name != "cpython", reason="drives ./gilfree for both runtimes; once, "
                    "from the jep run, is enough")
@pytest.mark.parametrize("runtime", ["cpython", "graalpy"])
def test_pip_installs_lists_and_uninstalls_a_package(runtime, tmp_path):
    # No network: only the wheels written here, and GraalPy's pip takes no patches from GitHub.
    env = dict(os.environ, GILFREE_NO_BUILD="1", PIP_NO_INDEX="1", PIP_GRAALPY_PATCHES_URL="disabled")
    if runtime == "graalpy":
        env["GILFREE_GRAALPY_ENV"] = str(tmp_path / "graalpy-env")  # a fresh environment, kept across the runs
    wheel = _wheel(tmp_path, NAME, "py3-none-any", {f"{NAME}/__init__.py": "ANSWER = 42\n"})
    (tmp_path / "requirements.txt").write_text(f"{wheel}\n")
    r = _gilfree(runtime, "-m", "pip", "install", "-r", "requirements.txt", env=env, cwd=tmp_path)
    try:
        assert r.returncode == 0, r.stdout + r.stderr
        assert f"Successfully installed {NAME}" in r.stdout.replace("-", "_"), r.stdout
        # A later run of the same runtime imports it (from the environment, not from the current folder).
        r = _gilfree(runtime, "-c", f"import {NAME}, sys; print({NAME}.ANSWER, sys.implementation.name)",
                     env=env, cwd="/")
        assert r.stdout.split() == ["42", runtime], r.stdout + r.stderr
        r = _gilfree(runtime, "-m", "pip", "list", env=env, cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        assert any(line.split()[:2] == [NAME.replace("_", "-"), "1.0"] or line.split()[:2] == [NAME, "1.0"]
                   for line in r.stdout.splitlines()), r.stdout
        if runtime == "graalpy":
            # A CPython extension cannot load on GraalPy: pip refuses it, and nothing changes.
            before = _snapshot(env["GILFREE_GRAALPY_ENV"])
            ext = _wheel(tmp_path, "gfprobe_ext", "cp312-cp312-linux_x86_64", {"gfprobe_ext.so": "not really\n"})
            r = _gilfree(runtime, "-m", "pip", "install", ext, env=env, cwd=tmp_path)
            assert r.returncode != 0
            assert "is not a supported wheel on this platform" in r.stderr, r.stdout + r.stderr
            assert _snapshot(env["GILFREE_GRAALPY_ENV"]) == before
    finally:
        r = _gilfree(runtime, "-m", "pip", "uninstall", "-y", NAME, env=env, cwd=tmp_path)
    assert r.returncode == 0 and f"Successfully uninstalled {NAME}" in r.stdout.replace("-", "_"), r.stdout + r.stderr
