package dev.gilfree.core;

import java.util.function.LongConsumer;

/** Visits the byte offset of every element of a view in C order. Scalar slow path for conversions. */
public final class StridedWalk {
    private StridedWalk() {}

    public static void forEachOffset(NDArray a, LongConsumer body) {
        long n = a.size();
        if (n == 0) return;
        long[] shape = a.shape(), strides = a.strides();
        int nd = shape.length;
        if (nd == 0) {
            body.accept(a.offset());
            return;
        }
        long[] idx = new long[nd];
        long off = a.offset();
        long inner = shape[nd - 1], innerStride = strides[nd - 1];
        for (long done = 0; done < n; done += inner) {
            long o = off;
            for (long i = 0; i < inner; i++, o += innerStride) body.accept(o);
            // advance the outer index like an odometer
            for (int axis = nd - 2; axis >= 0; axis--) {
                off += strides[axis];
                if (++idx[axis] < shape[axis]) break;
                off -= strides[axis] * shape[axis];
                idx[axis] = 0;
            }
        }
    }
}
