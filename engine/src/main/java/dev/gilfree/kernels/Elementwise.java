package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.NDArray;

/**
 * Runs a unary or binary loop over operands that already have the loop's dtype, broadcasting the
 * inputs to {@code out}'s shape ({@code out} has the operation's output dtype). Returns the
 * floating-point conditions met ({@link FpFlags}). Large operations run on several cores.
 */
public final class Elementwise {
    private Elementwise() {}

    public static int binary(BinaryOp op, NDArray a, NDArray b, NDArray out) {
        DType t = a.dtype();
        if (b.dtype() != t || out.dtype() != op.outType(t)) {
            throw new IllegalArgumentException("no " + op + " loop for " + a.dtype() + ", " + b.dtype() + " -> " + out.dtype());
        }
        long[] shape = out.shape();
        long[][] strides = {
            Iteration.broadcastStrides(a.shape(), a.strides(), shape),
            Iteration.broadcastStrides(b.shape(), b.strides(), shape),
            out.strides()};
        long[] offsets = {a.offset(), b.offset(), out.offset()};
        var as = a.segment();
        var bs = b.segment();
        var os = out.segment();
        return Iteration.runSplit(shape, strides, offsets, (off, st, n) ->
                BinaryLoops.run(op, t, as, off[0], st[0], bs, off[1], st[1], os, off[2], st[2], n));
    }

    /**
     * out = op(a, b) in loop dtype t, whatever the inputs' dtypes: inputs of another real dtype are converted
     * a block at a time inside the loop ({@link ConvertingLoops}), never as whole converted copies.
     */
    public static int binary(BinaryOp op, DType t, NDArray a, NDArray b, NDArray out) {
        if (a.dtype() == t && b.dtype() == t) return binary(op, a, b, out);
        if (ConvertingLoops.applies(t, a.dtype(), b.dtype())) return ConvertingLoops.binary(op, t, a, b, out);
        return binary(op, a.dtype() == t ? a : Copy.astype(a, t), b.dtype() == t ? b : Copy.astype(b, t), out);
    }

    public static int unary(UnaryOp op, NDArray a, NDArray out) {
        DType t = a.dtype();
        if (out.dtype() != op.outType(t)) {
            throw new IllegalArgumentException("no " + op + " loop for " + a.dtype() + " -> " + out.dtype());
        }
        long[] shape = out.shape();
        long[][] strides = {Iteration.broadcastStrides(a.shape(), a.strides(), shape), out.strides()};
        long[] offsets = {a.offset(), out.offset()};
        var as = a.segment();
        var os = out.segment();
        return Iteration.runSplit(shape, strides, offsets, (off, st, n) ->
                UnaryLoops.run(op, t, as, off[0], st[0], os, off[1], st[1], n));
    }

    /** {@code dst[i] = src[i]} where the (broadcast) bool {@code mask} is true; src has dst's dtype and shape. */
    public static void maskedCopy(NDArray src, NDArray mask, NDArray dst) {
        Masked.choose(mask, src, dst, dst); // elsewhere dst keeps its own element
    }
}
