package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * 1-D loops for unary operations: a generic scalar loop for every dtype and stride, and SIMD loops for
 * contiguous data of every real dtype (transcendentals: {@link TranscendentalLoops}; integers: {@link IntegerSimd}). Return
 * {@link FpFlags} bits.
 */
public final class UnaryLoops {
    private UnaryLoops() {}

    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final ByteOrder NO = ByteOrder.nativeOrder();
    /** Flags met in SIMD loops' scalar fallbacks (per thread; read and reset by run()). */
    private static final ThreadLocal<int[]> FLAGS = ThreadLocal.withInitial(() -> new int[1]);
    private static final double INF_D = Double.POSITIVE_INFINITY;
    private static final float INF_F = Float.POSITIVE_INFINITY;

    public static int run(UnaryOp op, DType t, MemorySegment a, long ao, long as, MemorySegment o, long oo, long os, long n) {
        if (t.kind() == 'c') return ComplexLoops.unary(op, t, a, ao, as, o, oo, os, n);
        if (t == DType.FLOAT16) return HalfLoops.unary(op, a, ao, as, o, oo, os, n);
        if (as == t.itemsize() && os == op.outType(t).itemsize()) return contiguous(op, t, a, ao, o, oo, n, false);
        int flags = n >= 16 ? Buffered.unary(op, t, a, ao, as, o, oo, os, n) : Buffered.NO_SIMD;
        return flags != Buffered.NO_SIMD ? flags : scalar(op, t, a, ao, as, o, oo, os, n);
    }

    /**
     * Contiguous operands: the SIMD loop where the operation has one (same input and output dtype), then the
     * scalar loop for the rest. With {@code simdOnly}, returns {@link Buffered#NO_SIMD} instead of doing
     * anything when there is no SIMD loop.
     */
    static int contiguous(UnaryOp op, DType t, MemorySegment a, long ao, MemorySegment o, long oo, long n, boolean simdOnly) {
        long done = 0;
        if (op.outType(t) == t && n >= 8) {
            done = switch (t) {
                case FLOAT64 -> simdF64(op, a, ao, o, oo, n);
                case FLOAT32 -> simdF32(op, a, ao, o, oo, n);
                default -> t.isInteger() ? IntegerSimd.unary(op, t, a, ao, o, oo, n) : 0;
            };
        }
        if (done == 0 && simdOnly) return Buffered.NO_SIMD;
        int simdFlags = 0;
        if (done > 0) {
            int[] f = FLAGS.get();
            simdFlags = f[0];
            f[0] = 0;
        }
        int isz = t.itemsize(), osz = op.outType(t).itemsize();
        return simdFlags | scalar(op, t, a, ao + done * isz, isz, o, oo + done * osz, osz, n - done);
    }

    public static int float64(UnaryOp op, MemorySegment a, long ao, long as, MemorySegment o, long oo, long os, long n) {
        return run(op, DType.FLOAT64, a, ao, as, o, oo, os, n);
    }

    public static int int64(UnaryOp op, MemorySegment a, long ao, long as, MemorySegment o, long oo, long os, long n) {
        return run(op, DType.INT64, a, ao, as, o, oo, os, n);
    }

    /** Redoes one vector's lanes in the scalar loop (results with an infinity or NaN), keeping its flags for run(). */
    private static void redo(UnaryOp op, DType t, MemorySegment a, long ao, MemorySegment o, long oo, int lanes) {
        FLAGS.get()[0] |= scalar(op, t, a, ao, t.itemsize(), o, oo, t.itemsize(), lanes);
    }

    static int scalar(UnaryOp op, DType t, MemorySegment a, long ao, long as, MemorySegment o, long oo, long os, long n) {
        DType ot = op.outType(t);
        int flags = 0;
        if (t.isFloating()) {
            boolean f32 = t == DType.FLOAT32;
            boolean floatOut = ot.isFloating() && !op.quiet();
            for (long i = 0; i < n; i++) {
                double x = Elements.getDouble(t, a, ao + i * as);
                double r = op.applyD(x, f32);
                if (floatOut) {
                    if (f32) r = (float) r;
                    if (!Double.isFinite(r)) flags |= FpFlags.classify(x, 0, r, op.pole(x));
                }
                Elements.setDouble(ot, o, oo + i * os, r);
            }
        } else {
            boolean recip = op == UnaryOp.RECIPROCAL;
            for (long i = 0; i < n; i++) {
                long x = Elements.getLong(t, a, ao + i * as);
                if (recip) flags |= op.intFlags(x);
                Elements.setLong(ot, o, oo + i * os, op.applyL(x, t));
            }
        }
        return flags;
    }

    private static long simdF64(UnaryOp op, MemorySegment a, long ao, MemorySegment o, long oo, long n) {
        switch (op) {
            case NEGATIVE, ABSOLUTE, SQUARE, SQRT, POSITIVE -> { }
            case FLOOR, CEIL, TRUNC, RINT -> { return RoundingLoops.float64(op, a, ao, o, oo, n); }
            default -> { return TranscendentalLoops.float64(op, a, ao, o, oo, n); }
        }
        int lanes = DS.length();
        long upper = n - n % lanes, i = 0;
        for (; i < upper; i += lanes) {
            DoubleVector va = loadF64(a, ao, i);
            DoubleVector r = switch (op) {
                case NEGATIVE -> va.neg();
                case POSITIVE -> va;
                case ABSOLUTE -> va.abs();
                case SQUARE -> va.mul(va);
                case SQRT -> va.sqrt();
                default -> throw new IllegalStateException();
            };
            storeF64(op, r, a, ao, o, oo, i);
        }
        return i;
    }

    // Loads and stores of the contiguous SIMD loops here and in TranscendentalLoops: vector i of a, and the
    // result stored at vector i of o, unless a lane overflowed or became NaN: then the scalar loop redoes
    // the vector for NumPy's special values and its flags.
    static DoubleVector loadF64(MemorySegment a, long ao, long i) {
        return DoubleVector.fromMemorySegment(DS, a, ao + i * 8, NO);
    }

    static FloatVector loadF32(MemorySegment a, long ao, long i) {
        return FloatVector.fromMemorySegment(FS, a, ao + i * 4, NO);
    }

    static void storeF64(UnaryOp op, DoubleVector r, MemorySegment a, long ao, MemorySegment o, long oo, long i) {
        if (r.abs().lt(INF_D).allTrue()) r.intoMemorySegment(o, oo + i * 8, NO);
        else redo(op, DType.FLOAT64, a, ao + i * 8, o, oo + i * 8, DS.length());
    }

    static void storeF32(UnaryOp op, FloatVector r, MemorySegment a, long ao, MemorySegment o, long oo, long i) {
        if (r.abs().lt(INF_F).allTrue()) r.intoMemorySegment(o, oo + i * 4, NO);
        else redo(op, DType.FLOAT32, a, ao + i * 4, o, oo + i * 4, FS.length());
    }

    private static long simdF32(UnaryOp op, MemorySegment a, long ao, MemorySegment o, long oo, long n) {
        switch (op) {
            case NEGATIVE, ABSOLUTE, SQUARE, SQRT, POSITIVE -> { }
            case FLOOR, CEIL, TRUNC, RINT -> { return RoundingLoops.float32(op, a, ao, o, oo, n); }
            default -> { return TranscendentalLoops.float32(op, a, ao, o, oo, n); }
        }
        int lanes = FS.length();
        long upper = n - n % lanes, i = 0;
        for (; i < upper; i += lanes) {
            FloatVector va = loadF32(a, ao, i);
            FloatVector r = switch (op) {
                case NEGATIVE -> va.neg();
                case POSITIVE -> va;
                case ABSOLUTE -> va.abs();
                case SQUARE -> va.mul(va);
                case SQRT -> va.sqrt();
                default -> throw new IllegalStateException();
            };
            storeF32(op, r, a, ao, o, oo, i);
        }
        return i;
    }
}
