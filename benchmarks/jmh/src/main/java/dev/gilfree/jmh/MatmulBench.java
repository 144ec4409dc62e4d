package dev.gilfree.jmh;

import dev.gilfree.api.Engine;
import dev.gilfree.api.Views;
import dev.gilfree.api.LinAlg;
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

/** Square float64 matrix product (kernels/Gemm above 48³ multiply-adds, the plain loop below). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MatmulBench {
    @Param({"100", "1000"})
    public int side;

    /** Threads one operation may use (gf.set_num_threads); 0 = all cores. */
    @Param({"1", "0"})
    public int threads;

    private NDArray x, y;

    @Setup
    public void setUp() {
        Engine.setNumThreads(threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
        long n = (long) side * side;
        x = Views.reshape(Engine.arange(0.0, 1.0 / n, n, "float64"), new long[]{side, side});
        y = Views.reshape(Engine.arange(1.0, -1.0 / n, n, "float64"), new long[]{side, side});
    }

    @Benchmark
    public NDArray matmul() { return LinAlg.matmul(x, y); }
}
