package dev.gilfree.api;

import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.Layout;
import dev.gilfree.core.NDArray;
import dev.gilfree.core.OpGuard;
import dev.gilfree.exec.Parallel;
import dev.gilfree.kernels.Copy;
import dev.gilfree.kernels.Reductions;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The Java facade the Python package calls: creation, conversion and reductions, each one coarse call.
 * Arguments are primitives, primitive arrays, strings and NDArrays, so both bridges pass them cheaply.
 */
public final class Engine {
    private Engine() {}

    public static Ufunc ufunc(String name) { return Ufunc.get(name); }

    public static String[] ufuncNames() { return Ufunc.names(); }

    public static NDArray zeros(long[] shape, String dtype) {
        return NDArray.zeros(DType.of(dtype), shape);
    }

    public static NDArray full(long[] shape, double value, String dtype) {
        NDArray a = NDArray.zeros(DType.of(dtype), shape);
        if (Double.doubleToRawLongBits(value) != 0L) fill(a, value); // -0.0 must be written too
        return a;
    }

    /** C-ordered data (already flattened by the caller) as a new array of {@code dtype}. */
    public static NDArray fromDoubles(double[] data, long[] shape, String dtype) {
        NDArray a = NDArray.zeros(DType.of(dtype), shape);
        checkCount(data.length, a);
        if (a.dtype() == DType.FLOAT64) {
            MemorySegment.copy(data, 0, a.segment(), ValueLayout.JAVA_DOUBLE_UNALIGNED, 0, data.length);
        } else {
            for (int i = 0; i < data.length; i++) Elements.setDouble(a.dtype(), a.segment(), (long) i * a.itemsize(), data[i]);
        }
        return a;
    }

    public static NDArray fromLongs(long[] data, long[] shape, String dtype) {
        NDArray a = NDArray.zeros(DType.of(dtype), shape);
        checkCount(data.length, a);
        if (a.dtype() == DType.INT64) {
            MemorySegment.copy(data, 0, a.segment(), ValueLayout.JAVA_LONG_UNALIGNED, 0, data.length);
        } else {
            for (int i = 0; i < data.length; i++) Elements.setLong(a.dtype(), a.segment(), (long) i * a.itemsize(), data[i]);
        }
        return a;
    }

    /** C-ordered complex data as interleaved (real, imaginary) pairs. */
    public static NDArray fromComplex(double[] interleaved, long[] shape, String dtype) {
        NDArray a = NDArray.zeros(DType.of(dtype), shape);
        checkCount(interleaved.length / 2, a);
        for (int i = 0; i < interleaved.length / 2; i++) {
            Elements.setComplex(a.dtype(), a.segment(), (long) i * a.itemsize(), interleaved[2 * i], interleaved[2 * i + 1]);
        }
        return a;
    }

    private static void checkCount(int n, NDArray a) {
        if (n != a.size()) throw GilfreeException.value("cannot reshape array of size " + n + " into shape " + dev.gilfree.kernels.Iteration.pyShape(a.shape()));
    }

    /** {@code n} values start, start+step, ... as in np.arange (the caller computes n as NumPy does). */
    public static NDArray arange(double start, double step, long n, String dtype) {
        NDArray a = NDArray.zeros(DType.of(dtype), new long[]{n});
        MemorySegment s = a.segment();
        DType t = a.dtype();
        for (long i = 0; i < n; i++) Elements.setDouble(t, s, i * t.itemsize(), i == 0 ? start : start + i * step);
        return a;
    }

    public static NDArray arangeLong(long start, long step, long n, String dtype) {
        NDArray a = NDArray.zeros(DType.of(dtype), new long[]{n});
        MemorySegment s = a.segment();
        DType t = a.dtype();
        for (long i = 0; i < n; i++) Elements.setLong(t, s, i * t.itemsize(), start + i * step);
        return a;
    }

    public static NDArray astype(NDArray a, String dtype) {
        OpGuard.Slot g = OpGuard.enter("astype", a, null, null);
        try { return Copy.astype(a, DType.of(dtype)); } finally { OpGuard.exit(g); }
    }

    public static NDArray copy(NDArray a) {
        OpGuard.Slot g = OpGuard.enter("copy", a, null, null);
        try { return Copy.astype(a, a.dtype()); } finally { OpGuard.exit(g); }
    }

    /** Reshape of a C-contiguous array as a view; anything else gets a C-ordered copy first. */
    public static NDArray reshape(NDArray a, long[] shape) {
        OpGuard.Slot g = OpGuard.enter("reshape", a, null, null);
        try { return reshapeUnguarded(a, shape); } finally { OpGuard.exit(g); }
    }

    private static NDArray reshapeUnguarded(NDArray a, long[] shape) {
        if (Layout.size(shape) != a.size()) {
            throw GilfreeException.value("cannot reshape array of size " + a.size() + " into shape " + dev.gilfree.kernels.Iteration.pyShape(shape));
        }
        NDArray src = a.isCContiguous() ? a : copy(a);
        return src.view(new Layout(shape, Layout.cStrides(shape, src.itemsize()), src.offset()));
    }

    public static void fill(NDArray a, double value) {
        OpGuard.Slot g = OpGuard.enter("fill", null, null, a);
        try {
            a.checkWriteable();
            Copy.into(scalar(a.dtype(), value), a);
        } finally { OpGuard.exit(g); }
    }

    private static NDArray scalar(DType t, double v) {
        NDArray s = NDArray.zeros(t, new long[0]);
        Elements.setDouble(t, s.segment(), 0, v);
        return s;
    }

    /** Sum of all elements: float64 for floating input, int64 for integer and bool input (NumPy's defaults). */
    public static double sumDouble(NDArray a) {
        OpGuard.Slot g = OpGuard.enter("sum", a, null, null);
        try { return sumDoubleUnguarded(a); } finally { OpGuard.exit(g); }
    }

    private static double sumDoubleUnguarded(NDArray a) {
        return a.dtype() == DType.FLOAT64 ? Reductions.sumFloat64(a) : Reductions.sumFloat64(Copy.astype(a, DType.FLOAT64));
    }

    public static long sumLong(NDArray a) {
        OpGuard.Slot g = OpGuard.enter("sum", a, null, null);
        try { return Reductions.sumInt64(a); } finally { OpGuard.exit(g); }
    }

    public static double mean(NDArray a) {
        OpGuard.Slot g = OpGuard.enter("mean", a, null, null);
        try {
            if (a.size() == 0) return Double.NaN;
            return sumDouble(a) / a.size();
        } finally { OpGuard.exit(g); }
    }

    /** gf.get_num_threads(): the threads one large operation may use, the calling thread included. */
    public static int numThreads() { return Parallel.numThreads(); }

    /** gf.set_num_threads(n): 1 makes every operation run on its calling thread only. */
    public static void setNumThreads(int n) {
        if (n < 1) throw GilfreeException.value("number of threads must be at least 1, got " + n);
        // A cap, so that a (sandboxed) script cannot make the process start thousands of pool threads.
        if (n > Parallel.MAX_THREADS) throw GilfreeException.value("number of threads must be at most " + Parallel.MAX_THREADS + ", got " + n);
        Parallel.setNumThreads(n);
    }
}
