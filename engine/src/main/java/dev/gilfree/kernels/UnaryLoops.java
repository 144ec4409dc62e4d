package dev.gilfree.kernels;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** 1-D loops for unary operations; SIMD when contiguous, scalar otherwise. */
final class UnaryLoops {
    private UnaryLoops() {}

    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    private static final ByteOrder NO = ByteOrder.nativeOrder();
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    private static final ValueLayout.OfLong L = ValueLayout.JAVA_LONG_UNALIGNED;

    static void float64(UnaryOp op, MemorySegment a, long ao, long as, MemorySegment o, long oo, long os, long n) {
        long i = 0;
        if (as == 8 && os == 8) {
            int lanes = DS.length();
            long upper = n - n % lanes;
            for (; i < upper; i += lanes) {
                DoubleVector va = DoubleVector.fromMemorySegment(DS, a, ao + i * 8, NO);
                DoubleVector r = switch (op) {
                    case EXP -> va.lanewise(VectorOperators.EXP);
                    case NEGATIVE -> va.neg();
                };
                r.intoMemorySegment(o, oo + i * 8, NO);
            }
        }
        for (; i < n; i++) {
            double x = a.get(D, ao + i * as);
            o.set(D, oo + i * os, switch (op) {
                case EXP -> Math.exp(x);
                case NEGATIVE -> -x;
            });
        }
    }

    static void int64(UnaryOp op, MemorySegment a, long ao, long as, MemorySegment o, long oo, long os, long n) {
        long i = 0;
        if (as == 8 && os == 8) {
            int lanes = LS.length();
            long upper = n - n % lanes;
            for (; i < upper; i += lanes) {
                LongVector va = LongVector.fromMemorySegment(LS, a, ao + i * 8, NO);
                LongVector r = switch (op) {
                    case NEGATIVE -> va.neg();
                    case EXP -> throw new IllegalArgumentException("exp has no int64 loop");
                };
                r.intoMemorySegment(o, oo + i * 8, NO);
            }
        }
        for (; i < n; i++) {
            long x = a.get(L, ao + i * as);
            o.set(L, oo + i * os, switch (op) {
                case NEGATIVE -> -x;
                case EXP -> throw new IllegalArgumentException("exp has no int64 loop");
            });
        }
    }
}
