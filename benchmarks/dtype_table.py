"""The per-dtype table of issue 20: time and peak memory of one call per row, NumPy and gilfree side by side.

    ./gilfree --runtime cpython benchmarks/dtype_table.py [ELEMENTS] [ROW ...]

ELEMENTS defaults to 20M (fits a CI runner; the issue's table is at 200M, run by hand). Every row runs in a
fresh process per library (NumPy in the venv's python, gilfree through this launcher on the CPython/jep
runtime), so the peak resident memory is that row's alone. The call first runs 5 times on a 1M-element input
(warm-up: the JIT compiles gilfree's kernels), then is timed on the full input, twice (first, second). Peak
memory is the whole process's ru_maxrss at the end (input and, for gilfree, the JVM included). Prints a
Markdown table.
"""
import json
import os
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _ones(xp, n, dt):
    return xp.ones(n, dtype=dt)


def _every_third(xp, n):
    a = xp.zeros(n, dtype="int8")
    a[::3] = 1
    return a


# name -> (build(xp, n) -> inputs, call(xp, inputs) -> result)
ROWS = {
    "int8 a.sum()": (lambda xp, n: _ones(xp, n, "int8"), lambda xp, a: a.sum()),
    "int32 a.sum()": (lambda xp, n: _ones(xp, n, "int32"), lambda xp, a: a.sum()),
    "float32 a.sum()": (lambda xp, n: _ones(xp, n, "float32"), lambda xp, a: a.sum()),
    "float32 a.mean()": (lambda xp, n: _ones(xp, n, "float32"), lambda xp, a: a.mean()),
    "int16 array + float32 array": (lambda xp, n: (_ones(xp, n, "int16"), _ones(xp, n, "float32")),
                                    lambda xp, ab: ab[0] + ab[1]),
    "int8 cumsum": (lambda xp, n: _ones(xp, n, "int8"), lambda xp, a: xp.cumsum(a)),
    "nonzero of int8 (every third)": (_every_third, lambda xp, a: xp.nonzero(a)),
    "int8 a.max()": (lambda xp, n: _ones(xp, n, "int8"), lambda xp, a: a.max()),
    "int8 argmax": (_every_third, lambda xp, a: xp.argmax(a)),
    "int8 count_nonzero": (_every_third, lambda xp, a: xp.count_nonzero(a)),
    "int16 a.mean()": (lambda xp, n: _ones(xp, n, "int16"), lambda xp, a: a.mean()),
    "sort, n/4 float64": (lambda xp, n: xp.random.default_rng(0).random(n // 4), lambda xp, a: xp.sort(a)),
    "float64 add(out=)": (lambda xp, n: (_ones(xp, n, "float64"), _ones(xp, n, "float64")),
                          lambda xp, ab: xp.add(ab[0], ab[1], out=ab[0])),
}


def child(row, lib, n):
    if lib == "numpy":
        import numpy as xp
    else:
        import gilfree as xp
    build, call = ROWS[row]
    # warm-up on a small input first, so the timed call measures the kernel rather than JIT compilation
    small = build(xp, min(n, 1_000_000))
    for _ in range(5):
        call(xp, small)
    del small
    inputs = build(xp, n)
    t = time.perf_counter()
    r = call(xp, inputs)
    cold = time.perf_counter() - t
    del r
    t = time.perf_counter()
    r = call(xp, inputs)
    warm = time.perf_counter() - t
    del r
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"cold": cold, "warm": warm, "rss_mb": rss}))


def run(row, lib, n):
    me = os.path.abspath(__file__)
    if lib == "numpy":
        venv = os.environ.get("GILFREE_VENV")
        cmd = [os.path.join(venv, "bin", "python") if venv else sys.executable, me, "--child", row, lib, str(n)]
    else:
        cmd = [os.path.join(ROOT, "gilfree"), "--runtime", "cpython", me, "--child", row, lib, str(n)]
    env = dict(os.environ, GILFREE_NO_BUILD="1")
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=1800)
    last = p.stdout.strip().splitlines()[-1:] or [""]
    try:
        return json.loads(last[0])
    except ValueError:
        return {"error": (p.stderr.strip().splitlines() or ["exit %d" % p.returncode])[-1][:80]}


def cell(r):
    if "error" in r:
        return "failed: " + r["error"], ""
    return "%.3f s / %.3f s" % (r["cold"], r["warm"]), "{:,.0f} MB".format(r["rss_mb"])


def main(argv):
    if argv[:1] == ["--child"]:
        child(argv[1], argv[2], int(argv[3]))
        return
    n = int(float(argv[0])) if argv else 20_000_000
    rows = argv[1:] or list(ROWS)
    print(f"{n:,} elements, a fresh process per cell; time of the call (first / second, after a warm-up on 1M elements), peak RSS of the process\n")
    print("| operation | NumPy time | NumPy peak | gilfree time | gilfree peak |")
    print("| --- | --- | --- | --- | --- |")
    for row in rows:
        nt, nm = cell(run(row, "numpy", n))
        gt, gm = cell(run(row, "gilfree", n))
        print(f"| {row} | {nt} | {nm} | {gt} | {gm} |", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
