"""Side-by-side benchmark: gilfree on GraalPy, gilfree on CPython/jep, NumPy with a thread pool and with a
process pool, all in one run on this machine; writes docs/benchmarks.md (table) and
docs/benchmarks-scaling.png (plot). Run through benchmarks/run, which prepares the environment.
"""
import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "build", "bench")
CORES = os.cpu_count() or 2

TARGETS = """Targets (issue 6), as ratios measured side by side in this run:
(a) and (c) >= 1.0x NumPy and >= 80% of the copy bandwidth with all cores; (b) >= 1.5x NumPy;
(d) GraalPy <= 2x NumPy's latency, jep <= 3x; (e) >= 0.9 x cores and ahead of NumPy's process pool;
(f) within 2x of NumPy's matmul."""


def run_worker(name, cmd, timeout):
    path = os.path.join(OUT, f"{name}.json")
    if os.path.exists(path):
        os.remove(path)
    t = time.perf_counter()
    print(f"[bench] {name}: {' '.join(cmd[:4])} ...", flush=True)
    try:
        proc = subprocess.run(cmd + ["--json", path], cwd=ROOT, timeout=timeout, capture_output=True, text=True)
    except subprocess.TimeoutExpired:
        print(f"[bench] {name}: timed out after {timeout} s", flush=True)
        return None
    if proc.returncode != 0 or not os.path.exists(path):
        print(f"[bench] {name}: failed (exit {proc.returncode})\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}", flush=True)
        return None
    print(f"[bench] {name}: done in {time.perf_counter() - t:.0f} s", flush=True)
    with open(path) as f:
        return json.load(f)


def fmt_time(v):
    if isinstance(v, str):
        return "missing"
    if v is None:
        return "-"
    if v >= 1e-3:
        return f"{v * 1e3:.2f} ms"
    return f"{v * 1e6:.2f} us"


def ratio(numpy_t, gf_t):
    """How many times faster gilfree is than NumPy (NumPy time / gilfree time)."""
    if not isinstance(numpy_t, float) or not isinstance(gf_t, float):
        return None
    return numpy_t / gf_t


def bytes_moved(case, n):
    return {"add out=": 24, "add alloc": 24, "multiply out=": 24, "multiply alloc": 24, "sum": 8, "mean": 8}.get(case, 0) * n


def scaling_speedups(res):
    """Throughput speedup with k workers (each does the same work): k * t1 / tk."""
    sc = res.get("scaling") if res else None
    if not sc:
        return {}
    t1 = sc.get("1")
    return {int(k): int(k) * t1 / tk for k, tk in sc.items()}


def core_scaling():
    """benchmarks/core-scaling's lines: what threads gain on this machine with no Python at all."""
    try:
        out = subprocess.run([os.path.join(ROOT, "benchmarks", "core-scaling"), "9"], cwd=ROOT, capture_output=True,
                             text=True, timeout=300)
        return out.stdout.strip().splitlines() if out.returncode == 0 else None
    except (OSError, subprocess.TimeoutExpired):
        return None


def write_report(results, size, elapsed):
    gp, jep, npt, npp = (results.get(k) for k in ("graalpy", "jep", "numpy-thread", "numpy-process"))
    bw = npt.get("copy_bandwidth") if npt else None
    lines = ["# Benchmarks", "",
             f"Measured by `benchmarks/run` on this machine ({CORES} cores) in one run of {elapsed:.0f} s, "
             f"arrays of {size:,} float64 unless stated. Times are medians; ratios compare columns of the "
             "same run (the machine is shared and noisy: read ratios, not absolute times).", "",
             TARGETS, ""]
    if bw:
        lines.append(f"Copy bandwidth (NumPy copyto, read+write): {bw / 1e9:.1f} GB/s.")
        lines.append("")
    if gp and gp.get("warm_pass_seconds"):
        lines += [f"gilfree's figures are taken after one unmeasured pass over the elementwise and latency cases "
                  f"(GraalPy {gp['warm_pass_seconds']:.0f} s, jep {(jep or {}).get('warm_pass_seconds', 0):.0f} s): "
                  "GraalPy's compiler threads hold a core for tens of seconds after start (see performance.md).", ""]
    lines += ["## Elementwise and reductions (one call: NumPy on one core, gilfree split across all cores)", "",
              "| case | NumPy | gilfree GraalPy | gilfree jep | GraalPy vs NumPy | jep vs NumPy | GraalPy % bandwidth |",
              "| --- | --- | --- | --- | --- | --- | --- |"]
    cases = list((npt or gp or jep or {}).get("elementwise", {}).keys())
    for c in cases:
        nv = npt["elementwise"].get(c) if npt else None
        gv = gp["elementwise"].get(c) if gp else None
        jv = jep["elementwise"].get(c) if jep else None
        rg, rj = ratio(nv, gv), ratio(nv, jv)
        pct = f"{bytes_moved(c, size) / gv / bw * 100:.0f}%" if bw and isinstance(gv, float) and bytes_moved(c, size) else "-"
        lines.append(f"| {c} | {fmt_time(nv)} | {fmt_time(gv)} | {fmt_time(jv)} | "
                     f"{f'{rg:.2f}x' if rg else '-'} | {f'{rj:.2f}x' if rj else '-'} | {pct} |")
    lines += ["", "## Per-call latency (d)", "", "| case | NumPy | gilfree GraalPy | gilfree jep | GraalPy / NumPy | jep / NumPy |",
              "| --- | --- | --- | --- | --- | --- |"]
    for c in (npt or gp or {}).get("latency", {}):
        nv = npt["latency"].get(c) if npt else None
        gv = gp["latency"].get(c) if gp else None
        jv = jep["latency"].get(c) if jep else None
        lines.append(f"| {c} | {fmt_time(nv)} | {fmt_time(gv)} | {fmt_time(jv)} | "
                     f"{f'{gv / nv:.1f}x' if isinstance(gv, float) and nv else '-'} | "
                     f"{f'{jv / nv:.1f}x' if isinstance(jv, float) and nv else '-'} |")
    lines += ["", "## Scaling over Python threads (e): `x += 0.01; x[0] += x.mean() * 0.01` per worker", "",
              "Throughput speedup with k workers, each on its own array (k x t1 / tk; ideal = k). gilfree runs "
              "with `set_num_threads(1)` here (each operation on its calling thread, like NumPy's ufuncs), after a "
              "warm-up of 2 s (10 s on GraalPy); best of 5 runs.", "",
              "| workers | NumPy threads | NumPy processes | gilfree GraalPy threads | gilfree jep threads |",
              "| --- | --- | --- | --- | --- |"]
    sp = {k: scaling_speedups(v) for k, v in (("nt", npt), ("np", npp), ("gp", gp), ("jep", jep))}
    for k in range(1, CORES + 1):
        cells = [f"{sp[x][k]:.2f}x" if k in sp[x] else "-" for x in ("nt", "np", "gp", "jep")]
        lines.append(f"| {k} | " + " | ".join(cells) + " |")
    if plot(sp):
        lines += ["", "![scaling](benchmarks-scaling.png)"]
    if results.get("ceiling"):
        lines += ["", "The machine's own ceiling, `benchmarks/core-scaling` (plain Java threads, no Python; the same "
                  "work serially, then in parallel):", "", "```"] + results["ceiling"] + ["```"]
    lines += matmul_table(npt, gp, jep)
    lines += ["## FFT (g): numpy.fft (pocketfft, one core) and gf.fft", "",
              "| case | NumPy | gilfree GraalPy | gilfree jep | GraalPy vs NumPy | jep vs NumPy |",
              "| --- | --- | --- | --- | --- | --- |"]
    for c in (npt or {}).get("fft", {}):
        nv, gv, jv = (r.get("fft", {}).get(c) if r else None for r in (npt, gp, jep))
        rg, rj = ratio(nv, gv), ratio(nv, jv)
        lines.append(f"| {c} | {fmt_time(nv)} | {fmt_time(gv)} | {fmt_time(jv)} | "
                     f"{f'{rg:.2f}x' if rg else '-'} | {f'{rj:.2f}x' if rj else '-'} |")
    lines.append("")
    missing = sorted({c for r in (gp, jep) if r for c, v in r.get("elementwise", {}).items() if isinstance(v, str)})
    if missing:
        lines += [f"Not in gilfree yet (reported as missing): {', '.join(missing)}.", ""]
    lines += ["Raw results: `build/bench/*.json`. Regenerate: `benchmarks/run` (about 5 minutes). Why the numbers "
              "are what they are (per-call profile, warm-up, GraalPy's compiler threads, the kernels, JMH): "
              "[performance.md](performance.md).", ""]
    with open(os.path.join(ROOT, "docs", "benchmarks.md"), "w") as f:
        f.write("\n".join(lines))


def matmul_table(npt, gp, jep):
    """Matmul rows per size and dtype, with the BLAS each side used (NumPy's kernel as threadpoolctl names it)."""
    mm = [r.get("matmul", {}) if r else {} for r in (npt, gp, jep)]
    lines = ["", "## Matmul n x n (f)", "", f"NumPy's BLAS: {mm[0].get('blas', '?')}. gilfree's: "
             f"{mm[2].get('blas') or mm[1].get('blas', '?')}.", "",
             "| n | dtype | NumPy | gilfree GraalPy | gilfree jep | GraalPy vs NumPy | jep vs NumPy |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for key in (k for k in mm[0] if k != "blas"):
        n, dt = key.split()
        t = [m.get(key, "-") for m in mm]
        lines.append(f"| {n} | {dt} | " + " | ".join(fmt_time(v) if v != "-" else "-" for v in t) + " | "
                     + " | ".join(f"{r:.2f}x" if (r := ratio(t[0], v)) else "-" for v in t[1:]) + " |")
    return lines + [""]


def plot(sp):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("[bench] matplotlib missing: no plot")
        return False
    fig, ax = plt.subplots(figsize=(6, 4))
    ks = list(range(1, CORES + 1))
    ax.plot(ks, ks, "k:", label="ideal")
    names = {"nt": "NumPy threads", "np": "NumPy processes", "gp": "gilfree GraalPy threads", "jep": "gilfree jep threads"}
    for key, label in names.items():
        if sp.get(key):
            ax.plot(ks, [sp[key].get(k, float("nan")) for k in ks], marker="o", label=label)
    ax.set_xlabel("workers (each on its own array)")
    ax.set_ylabel("throughput speedup vs 1 worker")
    ax.set_xticks(ks)
    ax.set_title("x += 0.01; x[0] += x.mean() * 0.01")
    ax.legend()
    fig.tight_layout()
    fig.savefig(os.path.join(ROOT, "docs", "benchmarks-scaling.png"), dpi=100)
    return True


def main():
    p = argparse.ArgumentParser(description="gilfree vs NumPy, side by side")
    p.add_argument("--size", type=int, default=10_000_000)
    p.add_argument("--timeout", type=int, default=900, help="seconds per worker process")
    args = p.parse_args()
    os.makedirs(OUT, exist_ok=True)
    venv_python = os.path.join(os.environ.get("GILFREE_VENV") or os.path.join(ROOT, "build", "venv"), "bin", "python")
    common = ["benchmarks/bench_worker.py", "--size", str(args.size)]
    gf_parts = ["--parts", "elementwise,latency,scaling,matmul,fft"]
    t = time.perf_counter()
    results = {
        "numpy-thread": run_worker("numpy-thread", [venv_python] + common + ["--lib", "numpy", "--pool", "thread"], args.timeout),
        "numpy-process": run_worker("numpy-process", [venv_python] + common + ["--lib", "numpy", "--pool", "process", "--parts", "scaling"], args.timeout),
        "graalpy": run_worker("graalpy", ["./gilfree", "--runtime", "graalpy"] + common + ["--lib", "gilfree"] + gf_parts, args.timeout),
        "jep": run_worker("jep", ["./gilfree", "--runtime", "cpython"] + common + ["--lib", "gilfree"] + gf_parts, args.timeout),
    }
    results["ceiling"] = core_scaling()
    write_report(results, args.size, time.perf_counter() - t)
    print("[bench] wrote docs/benchmarks.md")
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
