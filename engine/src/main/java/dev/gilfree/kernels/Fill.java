package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import dev.gilfree.core.NDArray;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Writes Java values into a new C-contiguous array: array literals, arange, and element lists out for tolist(). */
public final class Fill {
    private Fill() {}

    public static void fromDoubles(double[] data, NDArray a) {
        if (a.dtype() == DType.FLOAT64) {
            MemorySegment.copy(data, 0, a.segment(), ValueLayout.JAVA_DOUBLE_UNALIGNED, 0, data.length);
        } else {
            for (int i = 0; i < data.length; i++) Elements.setDouble(a.dtype(), a.segment(), (long) i * a.itemsize(), data[i]);
        }
    }

    public static void fromLongs(long[] data, NDArray a) {
        if (a.dtype() == DType.INT64) {
            MemorySegment.copy(data, 0, a.segment(), ValueLayout.JAVA_LONG_UNALIGNED, 0, data.length);
        } else {
            for (int i = 0; i < data.length; i++) Elements.setLong(a.dtype(), a.segment(), (long) i * a.itemsize(), data[i]);
        }
    }

    /** Interleaved (real, imaginary) pairs. */
    public static void fromComplex(double[] interleaved, NDArray a) {
        for (int i = 0; i < interleaved.length / 2; i++) {
            Elements.setComplex(a.dtype(), a.segment(), (long) i * a.itemsize(), interleaved[2 * i], interleaved[2 * i + 1]);
        }
    }

    /** start, start+step, ... (the first element exactly start, as NumPy). */
    public static void arange(double start, double step, NDArray a) {
        MemorySegment s = a.segment();
        DType t = a.dtype();
        for (long i = 0; i < a.size(); i++) Elements.setDouble(t, s, i * t.itemsize(), i == 0 ? start : start + i * step);
    }

    public static void arangeLong(long start, long step, NDArray a) {
        MemorySegment s = a.segment();
        DType t = a.dtype();
        for (long i = 0; i < a.size(); i++) Elements.setLong(t, s, i * t.itemsize(), start + i * step);
    }
}
