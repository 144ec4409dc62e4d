package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.NDArray;
import dev.gilfree.core.StridedWalk;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * NumPy's writes that cycle a list of values over chosen elements of an array (putmask, place, flat
 * assignment). Every index and size is checked before the first byte is written, so a refused call
 * leaves the array as it was; the values are a C-contiguous array of the target's dtype that does not
 * overlap it (the caller converts them).
 */
public final class Puts {
    private Puts() {}

    /** putmask: element n of {@code a} (C order) becomes values[n % len] wherever mask[n] is true. */
    public static void putmask(NDArray a, NDArray mask, NDArray values) {
        if (mask.size() != a.size()) throw GilfreeException.value("putmask: mask and data must be the same size");
        long nv = values.size();
        if (nv == 0 || a.size() == 0) return;
        byte[] m = truths(mask);
        MemorySegment v = values.segment(), d = a.segment();
        long vo = values.offset();
        int isz = a.itemsize();
        long[] n = {0};
        StridedWalk.forEachOffset(a, off -> {
            long k = n[0]++;
            if (m[(int) k] != 0) MemorySegment.copy(v, vo + (k % nv) * isz, d, off, isz);
        });
    }

    /** place: the k-th element of {@code a} (C order) where mask is true becomes values[k % len]. */
    public static void place(NDArray a, NDArray mask, NDArray values) {
        if (mask.size() != a.size()) throw GilfreeException.value("place: mask and data must be the same size");
        byte[] m = truths(mask);
        long nv = values.size();
        if (nv == 0) {
            for (byte t : m) if (t != 0) throw GilfreeException.value("Cannot insert from an empty array!");
            return;
        }
        MemorySegment v = values.segment(), d = a.segment();
        long vo = values.offset();
        int isz = a.itemsize();
        long[] n = {0, 0};
        StridedWalk.forEachOffset(a, off -> {
            if (m[(int) n[0]++] != 0) MemorySegment.copy(v, vo + (n[1]++ % nv) * isz, d, off, isz);
        });
    }

    /** a.flat[index] = values: the p-th index (C order, negative from the end) gets values[p % len]. */
    public static void flat(NDArray a, NDArray index, NDArray values) {
        if (index.dtype() != DType.INT64) throw new IllegalArgumentException("flat index must be int64");
        long size = a.size(), nv = values.size();
        long[] idx = index.toLongArray();
        for (int p = 0; p < idx.length; p++) {
            long i = idx[p];
            if (i < -size || i >= size) throw GilfreeException.index("index " + i + " is out of bounds for size " + size);
            idx[p] = i < 0 ? i + size : i;
        }
        if (nv == 0) return;
        MemorySegment v = values.segment(), d = a.segment();
        long vo = values.offset();
        int isz = a.itemsize();
        long[] shape = a.shape(), strides = a.strides();
        for (int p = 0; p < idx.length; p++) {
            MemorySegment.copy(v, vo + (p % nv) * isz, d, offsetOf(a.offset(), shape, strides, idx[p]), isz);
        }
    }

    // Byte offset of the element at C-order position i of a view.
    private static long offsetOf(long base, long[] shape, long[] strides, long i) {
        long off = base;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            long n = shape[axis];
            off += (i % n) * strides[axis];
            i /= n;
        }
        return off;
    }

    // The mask's truth values in C order, one byte each (any dtype: non-zero is true).
    private static byte[] truths(NDArray mask) {
        NDArray m = mask.dtype() == DType.BOOL && mask.isCContiguous() ? mask : Copy.astype(mask, DType.BOOL);
        byte[] out = new byte[Math.toIntExact(m.size())];
        MemorySegment.copy(m.segment(), ValueLayout.JAVA_BYTE, m.offset(), out, 0, out.length);
        return out;
    }
}
