package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * maximum/minimum of a contiguous run folded with SIMD straight from array memory, in the array's own
 * width (32 int8 lanes per vector), instead of widening each element into a chunk first: int8 max of 10M
 * took 12 ms that way against NumPy's 0.2. Float maximum/minimum propagate NaN (the lanewise MAX and MIN
 * do); only the sign of a zero result may differ from folding one by one, as with NumPy's own SIMD.
 * One loop per width, each naming its vector class: the same loop written once over Vector&lt;E&gt; (through
 * IntegerSimd's generic operation) was not compiled to vector code here (int32 max of 10M: 16 ms against 2).
 */
final class DirectFolds {
    private DirectFolds() {}

    private static final VectorSpecies<Byte> BS = ByteVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Short> SS = ShortVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> IS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final ByteOrder NO = ByteOrder.nativeOrder();

    /** True when {@link #foldLong}/{@link #foldDouble} handle op over n contiguous elements of t. */
    static boolean applies(BinaryOp op, DType t, long n) {
        boolean extreme = op == BinaryOp.MAXIMUM || op == BinaryOp.MINIMUM
                || (t.isInteger() && (op == BinaryOp.FMAX || op == BinaryOp.FMIN));
        return extreme && (t.isInteger() || t == DType.FLOAT32 || t == DType.FLOAT64) && n >= 256;
    }

    /** The fold of n contiguous integer elements at off (a value as Elements.getLong gives it). */
    static long foldLong(BinaryOp op, DType t, MemorySegment s, long off, long n) {
        boolean u = t.kind() == 'u', max = op == BinaryOp.MAXIMUM || op == BinaryOp.FMAX;
        int w = t.itemsize();
        long done;
        long[] lanes;
        switch (w) {
            case 1 -> {
                done = n - n % BS.length();
                ByteVector v = ByteVector.fromMemorySegment(BS, s, off, NO);
                for (long i = BS.length(); i < done; i += BS.length()) {
                    ByteVector x = ByteVector.fromMemorySegment(BS, s, off + i, NO);
                    v = max ? (u ? v.lanewise(VectorOperators.UMAX, x) : v.max(x)) : (u ? v.lanewise(VectorOperators.UMIN, x) : v.min(x));
                }
                lanes = v.toLongArray();
            }
            case 2 -> {
                done = n - n % SS.length();
                ShortVector v = ShortVector.fromMemorySegment(SS, s, off, NO);
                for (long i = SS.length(); i < done; i += SS.length()) {
                    ShortVector x = ShortVector.fromMemorySegment(SS, s, off + i * 2, NO);
                    v = max ? (u ? v.lanewise(VectorOperators.UMAX, x) : v.max(x)) : (u ? v.lanewise(VectorOperators.UMIN, x) : v.min(x));
                }
                lanes = v.toLongArray();
            }
            case 4 -> {
                done = n - n % IS.length();
                IntVector v = IntVector.fromMemorySegment(IS, s, off, NO);
                for (long i = IS.length(); i < done; i += IS.length()) {
                    IntVector x = IntVector.fromMemorySegment(IS, s, off + i * 4, NO);
                    v = max ? (u ? v.lanewise(VectorOperators.UMAX, x) : v.max(x)) : (u ? v.lanewise(VectorOperators.UMIN, x) : v.min(x));
                }
                lanes = v.toLongArray();
            }
            default -> {
                done = n - n % LS.length();
                LongVector v = LongVector.fromMemorySegment(LS, s, off, NO);
                for (long i = LS.length(); i < done; i += LS.length()) {
                    LongVector x = LongVector.fromMemorySegment(LS, s, off + i * 8, NO);
                    v = max ? (u ? v.lanewise(VectorOperators.UMAX, x) : v.max(x)) : (u ? v.lanewise(VectorOperators.UMIN, x) : v.min(x));
                }
                lanes = v.toLongArray();
            }
        }
        // Lanes come back sign-extended; unsigned narrow values are zero-extended as Elements reads them.
        long mask = u && w < 8 ? (1L << (8 * w)) - 1 : -1L;
        long acc = lanes[0] & mask;
        for (int k = 1; k < lanes.length; k++) acc = op.applyL(acc, lanes[k] & mask, t);
        for (long i = done; i < n; i++) acc = op.applyL(acc, Elements.getLong(t, s, off + i * w), t);
        return acc;
    }

    /** The fold of n contiguous float32/float64 elements at off. */
    static double foldDouble(BinaryOp op, DType t, MemorySegment s, long off, long n) {
        boolean max = op == BinaryOp.MAXIMUM, f32 = t == DType.FLOAT32;
        double acc;
        long done;
        if (f32) {
            done = n - n % FS.length();
            FloatVector v = FloatVector.fromMemorySegment(FS, s, off, NO);
            for (long i = FS.length(); i < done; i += FS.length()) {
                FloatVector x = FloatVector.fromMemorySegment(FS, s, off + i * 4, NO);
                v = max ? v.lanewise(VectorOperators.MAX, x) : v.lanewise(VectorOperators.MIN, x);
            }
            acc = max ? v.reduceLanes(VectorOperators.MAX) : v.reduceLanes(VectorOperators.MIN);
        } else {
            done = n - n % DS.length();
            DoubleVector v = DoubleVector.fromMemorySegment(DS, s, off, NO);
            for (long i = DS.length(); i < done; i += DS.length()) {
                DoubleVector x = DoubleVector.fromMemorySegment(DS, s, off + i * 8, NO);
                v = max ? v.lanewise(VectorOperators.MAX, x) : v.lanewise(VectorOperators.MIN, x);
            }
            acc = max ? v.reduceLanes(VectorOperators.MAX) : v.reduceLanes(VectorOperators.MIN);
        }
        int w = t.itemsize();
        for (long i = done; i < n; i++) acc = op.applyD(acc, Elements.getDouble(t, s, off + i * w), f32);
        return acc;
    }
}
