package dev.gilfree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gilfree.core.DType;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.Layout;
import dev.gilfree.core.NDArray;
import dev.gilfree.api.Engine;
import org.junit.jupiter.api.function.Executable;

/** Helpers shared by the engine tests: building arrays and checking the Python-facing errors. */
public final class TestSupport {
    private TestSupport() {}

    /** Asserts that {@code body} raises a GilfreeException of the given Python type and exact message (null: any). */
    public static GilfreeException assertPyError(String pythonType, String message, Executable body) {
        GilfreeException e = assertThrows(GilfreeException.class, body);
        assertEquals(pythonType, e.pythonType(), () -> "Python exception type (message was: " + e.getMessage() + ")");
        if (message != null) assertEquals(message, e.getMessage());
        return e;
    }

    public static NDArray f64(double... v) { return Engine.fromDoubles(v, new long[]{v.length}, "float64"); }

    public static NDArray i64(long... v) { return Engine.fromLongs(v, new long[]{v.length}, "int64"); }

    /** 0, 1, ..., n-1 as a 1-D array of the given dtype. */
    public static NDArray arange(long n, DType t) { return Engine.arangeLong(0, 1, n, t.npName()); }

    public static long[] shape(long... dims) { return dims; }

    /** A view with the given shape, strides in bytes and byte offset. */
    public static NDArray view(NDArray a, long[] shape, long[] strides, long offset) {
        return a.view(new Layout(shape, strides, offset));
    }

    /** A 1-D view a[start:stop:step] of a 1-D array (stop exclusive, step may be negative), as Python slices. */
    public static NDArray slice1d(NDArray a, long start, long stop, long step) {
        long n = step > 0 ? Math.max(0, (stop - start + step - 1) / step) : Math.max(0, (start - stop + (-step) - 1) / (-step));
        long stride = a.strides()[0] * step;
        return view(a, new long[]{n}, new long[]{stride}, a.offset() + start * a.strides()[0]);
    }

    /** Deterministic pseudo-random doubles in [-100, 100) (with some exact small integers mixed in). */
    public static double[] randomDoubles(int n, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = (i % 5 == 0) ? r.nextInt(-10, 10) : r.nextDouble(-100, 100);
        return d;
    }

    /** Deterministic pseudo-random longs, with some near the int64 limits so arithmetic wraps. */
    public static long[] randomLongs(int n, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (i % 4) {
                case 0 -> r.nextLong();
                case 1 -> Long.MAX_VALUE - r.nextInt(3);
                default -> r.nextLong(-1000, 1000);
            };
        }
        return v;
    }

    /** Asserts two double arrays are equal element by element, NaN equal to NaN and -0.0 distinct from 0.0. */
    public static void assertBitsEqual(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])) {
                fail("element " + i + ": expected " + expected[i] + " but was " + actual[i]);
            }
        }
    }
}
