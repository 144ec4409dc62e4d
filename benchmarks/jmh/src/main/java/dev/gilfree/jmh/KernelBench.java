package dev.gilfree.jmh;

import dev.gilfree.api.Engine;
import dev.gilfree.api.Ufunc;
import dev.gilfree.core.NDArray;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The engine's kernels through its public Java API, no Python: what one call costs at a small size
 * (per-call overhead dominates) and at a large one (memory bandwidth or FP throughput dominates),
 * with the executor on one thread or all cores. Matrix products: MatmulBench. The Python-side picture is
 * benchmarks/run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KernelBench {
    @Param({"1000", "10000000"})
    public long n;

    /** Threads one operation may use (gf.set_num_threads); 0 = all cores. */
    @Param({"1", "0"})
    public int threads;

    private NDArray a, b, out;
    private final Ufunc add = Ufunc.get("add"), exp = Ufunc.get("exp"), log = Ufunc.get("log");

    @Setup
    public void setUp() {
        Engine.setNumThreads(threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
        a = Engine.arange(0.0, 1.0 / n, n, "float64");
        b = Engine.arange(0.5, 1.0 / n, n, "float64");
        out = Engine.zeros(new long[]{n}, "float64");
    }

    @Benchmark
    public NDArray addOut() { return add.call2(a, b, out); }

    @Benchmark
    public NDArray addAllocating() { return add.call2(a, b, null); }

    @Benchmark
    public NDArray expOut() { return exp.call1(a, out); }

    @Benchmark
    public NDArray logOut() { return log.call1(b, out); }

    @Benchmark
    public double sum() { return Engine.sumDouble(a); }
}
