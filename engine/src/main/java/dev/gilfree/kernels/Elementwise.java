package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.NDArray;

/**
 * Runs a unary or binary loop over operands that already have the loop's dtype, broadcasting the
 * inputs to {@code out}'s shape.
 */
public final class Elementwise {
    private Elementwise() {}

    public static void binary(BinaryOp op, NDArray a, NDArray b, NDArray out) {
        long[] shape = out.shape();
        long[][] strides = {
            Iteration.broadcastStrides(a.shape(), a.strides(), shape),
            Iteration.broadcastStrides(b.shape(), b.strides(), shape),
            out.strides()};
        long[] offsets = {a.offset(), b.offset(), out.offset()};
        var as = a.segment();
        var bs = b.segment();
        var os = out.segment();
        DType t = out.dtype();
        Iteration.run(shape, strides, offsets, (off, st, n) -> {
            switch (t) {
                case FLOAT64 -> BinaryLoops.float64(op, as, off[0], st[0], bs, off[1], st[1], os, off[2], st[2], n);
                case INT64 -> BinaryLoops.int64(op, as, off[0], st[0], bs, off[1], st[1], os, off[2], st[2], n);
                default -> throw new IllegalArgumentException("no " + op + " loop for " + t);
            }
        });
    }

    public static void unary(UnaryOp op, NDArray a, NDArray out) {
        long[] shape = out.shape();
        long[][] strides = {Iteration.broadcastStrides(a.shape(), a.strides(), shape), out.strides()};
        long[] offsets = {a.offset(), out.offset()};
        var as = a.segment();
        var os = out.segment();
        DType t = out.dtype();
        Iteration.run(shape, strides, offsets, (off, st, n) -> {
            switch (t) {
                case FLOAT64 -> UnaryLoops.float64(op, as, off[0], st[0], os, off[1], st[1], n);
                case INT64 -> UnaryLoops.int64(op, as, off[0], st[0], os, off[1], st[1], n);
                default -> throw new IllegalArgumentException("no " + op + " loop for " + t);
            }
        });
    }
}
