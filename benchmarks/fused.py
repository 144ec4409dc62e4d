"""Fused expressions (issue 15): NumPy, numexpr, gilfree unfused and gilfree fused (gf.evaluate) in one process.

    ./gilfree --runtime cpython benchmarks/fused.py [--size N] [--repeats R]
    ./gilfree benchmarks/fused.py            # GraalPy: gilfree columns only (no NumPy or numexpr there)
Prints a Markdown table: best of R calls on N elements (default 10M) of float64 and float32 with all cores
(gilfree and numexpr), and per-call cost on 1,000 float64 elements, with the ratios over NumPy and over the
unfused gilfree chain. Ratios come from one run: the machine is shared, absolute times are upper bounds.
"""
import argparse
import time

import gilfree as gf

try:
    import numpy as np
except ImportError:
    np = None
try:
    import numexpr as ne
except ImportError:
    ne = None

EXPRESSIONS = ["2*a + 3*b*c", "a**2 + b**2 < 1", "where(a > b, a - b, b - a)", "exp(-a**2 / 2) * c", "sum(a * b)"]


def _namespace(m):
    return {"where": m.where, "exp": m.exp, "sum": m.sum}


def best(f, repeats):
    f()  # warm
    t_best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        f()
        t_best = min(t_best, time.perf_counter() - t)
    return t_best


def per_call(f, calls):
    f()
    t = time.perf_counter()
    for _ in range(calls):
        f()
    return (time.perf_counter() - t) / calls


def _fmt(seconds):
    return f"{seconds * 1e3:.2f} ms" if seconds >= 1e-3 else f"{seconds * 1e6:.1f} us"


def _row(label, times, base):
    cells = [_fmt(times[k]) if k in times else "-" for k in ("numpy", "numexpr", "unfused", "fused")]
    ratios = [f"{times[base] / times['fused']:.2f}x" if base in times else "-",
              f"{times['numexpr'] / times['fused']:.2f}x" if "numexpr" in times else "-",
              f"{times['unfused'] / times['fused']:.2f}x"]
    return f"| {label} | " + " | ".join(cells + ratios) + " |"


def measure(n, dt, repeats, timer):
    rows = []
    vals = [(gf.arange(n, dtype="float64") * (0.37 + 0.11 * k)) % 3.0 - 1.5 for k in range(3)]
    g = {k: v.astype(dt) for k, v in zip("abc", vals)}
    nsg = _namespace(gf)
    nsn = None
    if np is not None:
        nsn = _namespace(np)
        nn = {k: np.asarray(v) for k, v in g.items()}
    for ex in EXPRESSIONS:
        code = compile(ex, "<expr>", "eval")
        times = {"unfused": timer(lambda: eval(code, nsg, g)),  # noqa: S307 - the benchmark's expressions
                 "fused": timer(lambda: gf.evaluate(ex, local_dict=g))}
        if nsn is not None:
            times["numpy"] = timer(lambda: eval(code, nsn, nn))  # noqa: S307
        if ne is not None:
            times["numexpr"] = timer(lambda: ne.evaluate(ex, local_dict=nn))
        rows.append(_row(f"`{ex}` {dt}", times, "numpy"))
    return rows


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--size", type=int, default=10_000_000)
    p.add_argument("--repeats", type=int, default=5)
    args = p.parse_args()
    threads = gf.get_num_threads() if hasattr(gf, "get_num_threads") else "all"
    if ne is not None:
        ne.set_num_threads(threads if isinstance(threads, int) else ne.detect_number_of_cores())
    print(f"runtime {gf.runtime}, gilfree threads {threads}, numexpr {ne.__version__ if ne else 'absent'}")
    print("| expression | NumPy | numexpr | gilfree unfused | gilfree fused | fused vs NumPy | fused vs numexpr "
          "| fused vs unfused |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for dt in ("float64", "float32"):
        for r in measure(args.size, dt, args.repeats, lambda f: best(f, args.repeats)):
            print(r, flush=True)
    for r in measure(1000, "float64", args.repeats, lambda f: per_call(f, 2000)):
        print(r.replace("` float64", "` 1,000 float64"), flush=True)


if __name__ == "__main__":
    main()
