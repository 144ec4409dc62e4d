package dev.gilfree.api;

import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.NDArray;
import dev.gilfree.core.Settings;
import dev.gilfree.gateway.Entry;
import dev.gilfree.gateway.Facade;
import dev.gilfree.kernels.ByteSwap;
import dev.gilfree.kernels.Copy;
import dev.gilfree.kernels.Fill;
import dev.gilfree.kernels.Iteration;
import dev.gilfree.kernels.Reductions;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Creation, conversion and whole-array sums, each one coarse call. Arguments are primitives, primitive
 * arrays, strings and NDArrays, so both bridges pass them cheaply.
 */
@Facade("Engine")
final class EngineOps {
    private EngineOps() {}

    @Entry
    static Ufunc ufunc(String name) { return Ufunc.get(name); }

    @Entry
    static String[] ufuncNames() { return Ufunc.names(); }

    @Entry
    static NDArray zeros(long[] shape, String dtype) {
        return NDArray.zeros(DType.of(dtype), shape);
    }

    @Entry
    static NDArray full(long[] shape, double value, String dtype) {
        NDArray a = NDArray.zeros(DType.of(dtype), shape);
        if (Double.doubleToRawLongBits(value) != 0L) fill(a, value); // -0.0 must be written too
        return a;
    }

    /** C-ordered data (already flattened by the caller) as a new array of {@code dtype}. */
    @Entry
    static NDArray fromDoubles(double[] data, long[] shape, String dtype) {
        return filled(data.length, shape, dtype, a -> Fill.fromDoubles(data, a));
    }

    @Entry
    static NDArray fromLongs(long[] data, long[] shape, String dtype) {
        return filled(data.length, shape, dtype, a -> Fill.fromLongs(data, a));
    }

    /** C-ordered complex data as interleaved (real, imaginary) pairs. */
    @Entry
    static NDArray fromComplex(double[] interleaved, long[] shape, String dtype) {
        return filled(interleaved.length / 2, shape, dtype, a -> Fill.fromComplex(interleaved, a));
    }

    /** A new array of {@code shape} holding the caller's {@code n} values, written by {@code fill}. */
    private static NDArray filled(int n, long[] shape, String dtype, Consumer<NDArray> fill) {
        NDArray a = NDArray.zeros(DType.of(dtype), shape);
        if (n != a.size()) throw GilfreeException.value("cannot reshape array of size " + n + " into shape " + Iteration.pyShape(a.shape()));
        fill.accept(a);
        return a;
    }

    /**
     * A new 1-d array of {@code dtype} holding {@code data} (a whole number of elements), bytes written in
     * {@code bigEndian} order or else little-endian; swapped to native order (frombuffer, np.load, fromfile).
     */
    @Entry
    static NDArray fromBytes(byte[] data, String dtype, boolean bigEndian) {
        DType dt = DType.of(dtype);
        int w = dt.itemsize();
        if (data.length % w != 0) throw GilfreeException.value("buffer size must be a multiple of element size");
        NDArray a = NDArray.empty(dt, new long[]{data.length / w});
        MemorySegment.copy(data, 0, a.segment(), ValueLayout.JAVA_BYTE, a.offset(), data.length);
        if (ByteSwap.needed(bigEndian)) ByteSwap.swap(a.segment(), a.offset(), data.length, dt.kind() == 'c' ? w / 2 : w);
        return a;
    }

    /**
     * Bytes [start, start + count) of C-contiguous {@code a}'s memory (native order) as a string of one char
     * per byte (ISO-8859-1): both bridges hand a String to Python as a str in one copy, and its latin-1
     * encoding is the bytes, where a byte[] would cross element by element.
     */
    @Entry(reads = "a", op = "\"tobytes\"", sample = "a.tobytes()")
    static String bytesOf(NDArray a, long start, int count) {
        if (!a.isCContiguous()) throw GilfreeException.value("bytesOf needs a C-contiguous array");
        long total = a.size() * a.itemsize();
        if (start < 0 || count < 0 || start + count > total) throw GilfreeException.value("byte range outside the array");
        if (count == 0) return "";
        byte[] b = a.segment().asSlice(a.offset() + start, count).toArray(ValueLayout.JAVA_BYTE);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** {@code n} values start, start+step, ... as in np.arange (the caller computes n as NumPy does). */
    @Entry
    static NDArray arange(double start, double step, long n, String dtype) {
        NDArray a = NDArray.zeros(DType.of(dtype), new long[]{n});
        Fill.arange(start, step, a);
        return a;
    }

    @Entry
    static NDArray arangeLong(long start, long step, long n, String dtype) {
        NDArray a = NDArray.zeros(DType.of(dtype), new long[]{n});
        Fill.arangeLong(start, step, a);
        return a;
    }

    @Entry(reads = "a", sample = "a.astype(xp.int32)")
    static NDArray astype(NDArray a, String dtype) { return Copy.astype(a, DType.of(dtype)); }

    @Entry(reads = "a", sample = "a.copy()")
    static NDArray copy(NDArray a) { return Copy.astype(a, a.dtype()); }

    private static void fill(NDArray a, double value) {
        NDArray s = NDArray.zeros(a.dtype(), new long[0]);
        Elements.setDouble(a.dtype(), s.segment(), 0, value);
        Copy.into(s, a);
    }

    /** Mean of all elements, summed in float64 (NumPy's default for every real input). */
    @Entry(reads = "a", sample = "float(xp.mean(a))")
    static double mean(NDArray a) {
        if (a.size() == 0) return Double.NaN;
        DType t = a.dtype();
        // Integers are read in their own width, never through a float64 copy: NumPy's buffered float64 sum
        // reproduced from integer buffer sums, or (for a strided view of <= 2-byte integers, whose float64
        // running sums stay exact below 2^53 in any order) the exact integer sum.
        if ((t.isInteger() || t == DType.BOOL) && t.itemsize() <= 4 && a.isCContiguous()) {
            return dev.gilfree.kernels.IntegerSums.float64SumLikeNumPy(a, 0.0) / a.size();
        }
        if ((t.isInteger() || t == DType.BOOL) && t.itemsize() <= 2) {
            return (double) dev.gilfree.kernels.IntegerSums.sum(a) / a.size();
        }
        NDArray f = t == DType.FLOAT64 ? a : Copy.astype(a, DType.FLOAT64);
        return Reductions.sumFloat64(f) / a.size();
    }

    /** All elements in C order as doubles (tolist). */
    @Entry(reads = "a", op = "\"tolist\"", sample = "a.tolist()")
    static double[] toDoubleArray(NDArray a) { return a.toDoubleArray(); }

    /** All elements in C order as interleaved (real, imaginary) pairs. */
    @Entry(reads = "a", op = "\"tolist\"", sample = "(a + 1j).tolist()")
    static double[] toComplexArray(NDArray a) { return a.toComplexArray(); }

    /** All elements in C order as longs (tolist of integer and bool arrays). */
    @Entry(reads = "a", op = "\"tolist\"", sample = "a.tolist()", dtype = "int64")
    static long[] toLongArray(NDArray a) { return a.toLongArray(); }

    /** Whether this session may see memory addresses (false in a sandboxed one): the package leaves out its NumPy exchange then. */
    @Entry
    static boolean addressesAllowed() { return Settings.current().addressesAllowed(); }

    /** gf.get_num_threads(): the threads one large operation of this session may use, the calling thread included. */
    @Entry
    static int numThreads() { return Settings.current().numThreads(); }

    /**
     * gf.set_num_threads(n) for this session only (process-wide in the standalone launchers): 1 makes every
     * operation run on its calling thread only; above the session's cap (256, or a sandbox's limit) is a ValueError.
     */
    @Entry
    static void setNumThreads(int n) { Settings.current().setNumThreads(n); }
}
