package dev.gilfree.core;

import java.util.ArrayList;
import java.util.List;

/**
 * NumPy's basic indexing (integers, slices with any step, Ellipsis, newaxis) turned into the view's
 * Layout in one pass. The index arrives as groups of four longs {@code [code, a, b, c]}:
 * INT a | SLICE start stop step (NONE for a missing bound) | NEWAXIS | ELLIPSIS.
 */
public final class IndexResolver {
    private IndexResolver() {}

    public static final long INT = 0, SLICE = 1, NEWAXIS = 2, ELLIPSIS = 3;
    /** A missing slice bound (Python's None). */
    public static final long NONE = Long.MIN_VALUE;

    public static Layout resolve(Layout in, long[] spec) {
        if (spec.length % 4 != 0) throw new IllegalArgumentException("index spec length " + spec.length);
        int n = spec.length / 4;
        int consumed = 0, ellipses = 0;
        for (int k = 0; k < n; k++) {
            long code = spec[4 * k];
            if (code == INT || code == SLICE) consumed++;
            else if (code == ELLIPSIS) ellipses++;
        }
        if (ellipses > 1) throw GilfreeException.index("an index can only have a single ellipsis ('...')");
        int nd = in.ndim();
        if (consumed > nd) {
            throw GilfreeException.index("too many indices for array: array is " + nd + "-dimensional, but "
                    + consumed + " were indexed");
        }
        List<long[]> dims = new ArrayList<>(); // {size, stride}
        long offset = in.offset();
        int axis = 0;
        boolean empty = false;
        for (int k = 0; k < n; k++) {
            long code = spec[4 * k], a = spec[4 * k + 1], b = spec[4 * k + 2], c = spec[4 * k + 3];
            if (code == NEWAXIS) {
                dims.add(new long[]{1, 0});
            } else if (code == ELLIPSIS) {
                for (int e = 0; e < nd - consumed; e++, axis++) dims.add(new long[]{in.dim(axis), in.stride(axis)});
            } else if (code == INT) {
                long size = in.dim(axis);
                if (a < -size || a >= size) {
                    throw GilfreeException.index("index " + a + " is out of bounds for axis " + axis + " with size " + size);
                }
                offset += (a < 0 ? a + size : a) * in.stride(axis);
                axis++;
            } else if (code == SLICE) {
                long size = in.dim(axis), stride = in.stride(axis);
                long[] sl = slice(size, a, b, c);
                if (sl[1] > 0) offset += sl[0] * stride;
                else empty = true;
                dims.add(new long[]{sl[1], stride * (c == NONE ? 1 : c)});
                axis++;
            } else {
                throw new IllegalArgumentException("index code " + code);
            }
        }
        for (; axis < nd; axis++) dims.add(new long[]{in.dim(axis), in.stride(axis)});
        long[] shape = new long[dims.size()], strides = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = dims.get(i)[0];
            strides[i] = dims.get(i)[1];
            if (shape[i] == 0) empty = true;
        }
        return new Layout(shape, strides, empty ? in.offset() : offset);
    }

    /** {first index, length} of slice(start, stop, step) over a dimension of {@code size}, as Python's slice.indices. */
    public static long[] slice(long size, long start, long stop, long step) {
        if (step == 0) throw GilfreeException.value("slice step cannot be zero");
        if (step == NONE) step = 1;
        if (step > 0) {
            start = start == NONE ? 0 : clamp(start, size, 0, size);
            stop = stop == NONE ? size : clamp(stop, size, 0, size);
            return new long[]{start, stop > start ? (stop - start - 1) / step + 1 : 0};
        }
        start = start == NONE ? size - 1 : clamp(start, size, -1, size - 1);
        stop = stop == NONE ? -1 : clamp(stop, size, -1, size - 1);
        return new long[]{start, start > stop ? (start - stop - 1) / (-step) + 1 : 0};
    }

    private static long clamp(long v, long size, long lo, long hi) {
        if (v < 0) {
            v += size;
            return v < 0 ? lo : v;
        }
        return Math.min(v, hi);
    }
}
