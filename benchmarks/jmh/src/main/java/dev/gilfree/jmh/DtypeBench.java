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
 * One ufunc call with out= on 1M contiguous elements of each dtype, on one thread: which dtypes take a
 * SIMD loop and what it costs per element. Integer data is an arange (wrapping in the narrow types);
 * the float functions get values in (0.1, 3), where every one of them is finite.
 * Run: benchmarks/jmh-run DtypeBench -f 1 -wi 2 -i 3 -w 1s -r 1s
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DtypeBench {
    private static final long N = 1 << 20;

    @Param({"int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64"})
    public String dtype;

    @Param({"add", "maximum", "less"})
    public String op;

    private NDArray a, b, out;
    private Ufunc ufunc;

    @Setup
    public void setUp() {
        Engine.setNumThreads(1);
        ufunc = Ufunc.get(op);
        boolean flt = dtype.startsWith("float");
        a = flt ? Engine.arange(0.1, 2.9 / N, N, dtype) : Engine.arangeLong(0, 7, N, dtype);
        b = flt ? Engine.arange(3.0, -2.9 / N, N, dtype) : Engine.arangeLong(N, -3, N, dtype);
        out = Engine.zeros(new long[]{N}, op.equals("less") ? "bool" : dtype);
    }

    @Benchmark
    public NDArray binary() { return ufunc.call2(a, b, out); }

    /** float32 transcendentals (float64 ones are in KernelBench). */
    @State(Scope.Thread)
    public static class Float32Math {
        @Param({"exp", "log", "sin", "tanh", "arctan", "cbrt"})
        public String fn;
        NDArray x, y;
        Ufunc u;

        @Setup
        public void setUp() {
            Engine.setNumThreads(1);
            u = Ufunc.get(fn);
            x = Engine.arange(0.1, 2.9 / N, N, "float32");
            y = Engine.zeros(new long[]{N}, "float32");
        }
    }

    @Benchmark
    public NDArray float32Math(Float32Math s) { return s.u.call1(s.x, s.y); }
}
