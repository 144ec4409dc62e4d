"""The benchmark workloads, written once against an array module `xp` (gilfree or numpy).

Each function returns seconds per operation (median of several timed repeats after a warm-up).
An operation the module does not have yet raises AttributeError/NotImplementedError/TypeError, and the
harness reports it as missing instead of failing.
"""
import statistics
import time


def timed(fn, repeats=7, inner=1, warmup=2, warm_seconds=1.0):
    """Median seconds per call of fn. Warms up for `warmup` calls and at least `warm_seconds`, so the
    JIT has compiled the path (the JVM runs Vector API code interpreted, very slowly, until then)."""
    t_end = time.perf_counter() + warm_seconds
    done = 0
    while done < warmup or time.perf_counter() < t_end:
        fn()
        done += 1
    samples = []
    for _ in range(repeats):
        t = time.perf_counter()
        for _ in range(inner):
            fn()
        samples.append((time.perf_counter() - t) / inner)
    return statistics.median(samples)


def big_arrays(xp, n):
    a = xp.arange(n, dtype=xp.float64) / n
    b = xp.arange(n, dtype=xp.float64) / n + 0.5
    o = xp.empty(n)
    return a, b, o


def elementwise(xp, n):
    """(a) add/multiply with out= and allocating; (b) exp, sin, log; (c) sum, mean. Seconds per call."""
    a, b, o = big_arrays(xp, n)
    cases = {
        "add out=": lambda: xp.add(a, b, out=o),
        "add alloc": lambda: xp.add(a, b),
        "multiply out=": lambda: xp.multiply(a, b, out=o),
        "multiply alloc": lambda: xp.multiply(a, b),
        "exp": lambda: xp.exp(a, out=o),
        "sin": lambda: xp.sin(a, out=o),
        "log": lambda: xp.log(b, out=o),
        "sum": lambda: xp.sum(a),
        "mean": lambda: xp.mean(a),
    }
    out = {}
    for name, fn in cases.items():
        try:
            out[name] = timed(fn, repeats=5)
        except (AttributeError, NotImplementedError, TypeError) as e:
            out[name] = f"missing: {type(e).__name__}: {e}"[:120]
    return out


def latency(xp):
    """(d) per-call latency of add on 8 and 1,000 elements (allocating, as users write it)."""
    out = {}
    for n in (8, 1000):
        x = xp.arange(float(n))
        y = xp.arange(float(n))
        timed(lambda: xp.add(x, y), repeats=3, inner=50_000, warmup=1)  # JIT warm-up
        out[f"add [{n}]"] = timed(lambda: xp.add(x, y), repeats=7, inner=20_000, warmup=0)
    return out


def scaling_step(xp, x, steps):
    """NumPy's ufunc-scaling workload on one array (one thread's share)."""
    for _ in range(steps):
        x += 0.01
        x[0] += x.mean() * 0.01


MATMUL_SIZES = (64, 256, 1000, 2000)


def matmul(xp):
    """(f) n x n matmul at MATMUL_SIZES in float32 and float64 ("1000 float64": seconds), and "blas": which
    BLAS library and CPU kernel computed them (so the comparison can be judged fair)."""
    out = {"blas": blas_backend(xp)}
    for n in MATMUL_SIZES:
        for dt in ("float32", "float64"):
            try:
                a = (xp.arange(n * n, dtype=xp.float64) / (n * n)).reshape(n, n).astype(dt)
                out[f"{n} {dt}"] = timed(lambda: xp.matmul(a, a), repeats=5 if n < 1000 else 3, warmup=1,
                                         warm_seconds=0.5)
            except (AttributeError, NotImplementedError, TypeError) as e:
                out[f"{n} {dt}"] = f"missing: {type(e).__name__}: {e}"[:120]
    return out


def blas_backend(xp):
    """gilfree's diagnostics.blas(), or NumPy's bundled OpenBLAS configuration and CPU kernel (what
    threadpoolctl reports, read from the library itself)."""
    if hasattr(xp, "diagnostics"):
        return xp.diagnostics.blas()
    import ctypes
    import glob
    import os
    libs = glob.glob(os.path.join(os.path.dirname(xp.__file__) + ".libs", "libscipy_openblas*.so"))
    if not libs:
        return "unknown (no bundled scipy-openblas found)"
    lib = ctypes.CDLL(libs[0])
    out = []
    for sym in ("scipy_openblas_get_config64_", "scipy_openblas_get_corename64_"):
        f = getattr(lib, sym, None)
        if f is not None:
            f.restype = ctypes.c_char_p
            out.append(f().decode().strip())
    return "; ".join(out) or os.path.basename(libs[0])


def fft(xp):
    """(g) FFTs: 2^20 and a prime length (999,983: Bluestein) complex128, rfft of 2^20 float64, and a
    batch of 1,000 rows of 1,024 (rows split over cores in gilfree). Seconds per call."""
    def signal(n, shape=None):
        t = xp.arange(n, dtype=xp.float64)
        x = xp.sin(t * 0.001) + 1j * xp.cos(t * 0.0007)
        return x.reshape(shape) if shape else x
    try:
        big, prime, rows = signal(1 << 20), signal(999_983), signal(1_024_000, (1000, 1024))
        real = xp.sin(xp.arange(1 << 20, dtype=xp.float64) * 0.001)
        cases = {
            "fft 2^20 complex128": lambda: xp.fft.fft(big),
            "fft 999,983 (prime) complex128": lambda: xp.fft.fft(prime),
            "rfft 2^20 float64": lambda: xp.fft.rfft(real),
            "fft 1000 x 1024 rows": lambda: xp.fft.fft(rows),
        }
        return {name: timed(fn, repeats=5, warmup=2) for name, fn in cases.items()}
    except (AttributeError, NotImplementedError, TypeError) as e:
        return {"fft": f"missing: {type(e).__name__}: {e}"[:120]}
