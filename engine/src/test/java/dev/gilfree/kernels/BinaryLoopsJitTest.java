package dev.gilfree.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.gilfree.api.Engine;
import dev.gilfree.api.Ufunc;
import dev.gilfree.core.NDArray;
import org.junit.jupiter.api.Test;

/**
 * Regression: C2 (JDK 25.0.3) crashed the JVM compiling a SIMD loop that chose "broadcast scalar or load"
 * per iteration. Enough calls, mixing scalar and array operands, to get the loops C2-compiled.
 */
class BinaryLoopsJitTest {
    @Test
    void simdLoopsSurviveC2WithScalarAndArrayOperands() {
        Ufunc add = Engine.ufunc("add"), mul = Engine.ufunc("multiply");
        for (String t : new String[] {"float64", "float32", "int64", "int32"}) {
            NDArray x = Engine.arangeLong(0, 1, 8, t), y = Engine.arangeLong(0, 1, 8, t);
            NDArray o = Engine.zeros(new long[] {8}, t);
            for (int i = 0; i < 60_000; i++) {
                add.call2(x, y, o);
                mul.call2Long(x, 2, (i & 1) == 0, o);
            }
            add.call2(x, y, o);
            assertArrayEquals(new double[] {0, 2, 4, 6, 8, 10, 12, 14}, o.toDoubleArray(), t);
        }
    }
}
