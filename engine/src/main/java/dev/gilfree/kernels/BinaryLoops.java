package dev.gilfree.kernels;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * 1-D loops for binary operations: a SIMD loop when every operand is contiguous (or the second is a
 * broadcast scalar), a scalar loop for any other strides. The switch on the operation sits inside the
 * loop so each case has a constant operator the JIT turns into vector instructions; the branch is
 * perfectly predicted.
 */
final class BinaryLoops {
    private BinaryLoops() {}

    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    private static final ByteOrder NO = ByteOrder.nativeOrder();
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    private static final ValueLayout.OfLong L = ValueLayout.JAVA_LONG_UNALIGNED;

    static void float64(BinaryOp op, MemorySegment a, long ao, long as, MemorySegment b, long bo, long bs,
                        MemorySegment o, long oo, long os, long n) {
        long i = 0;
        if (as == 8 && os == 8 && (bs == 8 || bs == 0)) {
            int lanes = DS.length();
            long upper = n - n % lanes;
            if (bs == 8) {
                for (; i < upper; i += lanes) {
                    DoubleVector va = DoubleVector.fromMemorySegment(DS, a, ao + i * 8, NO);
                    DoubleVector vb = DoubleVector.fromMemorySegment(DS, b, bo + i * 8, NO);
                    DoubleVector r = switch (op) {
                        case ADD -> va.add(vb);
                        case SUBTRACT -> va.sub(vb);
                        case MULTIPLY -> va.mul(vb);
                        case DIVIDE -> va.div(vb);
                    };
                    r.intoMemorySegment(o, oo + i * 8, NO);
                }
            } else {
                DoubleVector vb = DoubleVector.broadcast(DS, b.get(D, bo));
                for (; i < upper; i += lanes) {
                    DoubleVector va = DoubleVector.fromMemorySegment(DS, a, ao + i * 8, NO);
                    DoubleVector r = switch (op) {
                        case ADD -> va.add(vb);
                        case SUBTRACT -> va.sub(vb);
                        case MULTIPLY -> va.mul(vb);
                        case DIVIDE -> va.div(vb);
                    };
                    r.intoMemorySegment(o, oo + i * 8, NO);
                }
            }
        }
        for (; i < n; i++) {
            double x = a.get(D, ao + i * as), y = b.get(D, bo + i * bs);
            o.set(D, oo + i * os, switch (op) {
                case ADD -> x + y;
                case SUBTRACT -> x - y;
                case MULTIPLY -> x * y;
                case DIVIDE -> x / y;
            });
        }
    }

    /** int64 add/subtract/multiply wrap around on overflow, as NumPy's do. */
    static void int64(BinaryOp op, MemorySegment a, long ao, long as, MemorySegment b, long bo, long bs,
                      MemorySegment o, long oo, long os, long n) {
        long i = 0;
        if (as == 8 && os == 8 && (bs == 8 || bs == 0)) {
            int lanes = LS.length();
            long upper = n - n % lanes;
            LongVector vbScalar = bs == 0 ? LongVector.broadcast(LS, b.get(L, bo)) : null;
            for (; i < upper; i += lanes) {
                LongVector va = LongVector.fromMemorySegment(LS, a, ao + i * 8, NO);
                LongVector vb = vbScalar != null ? vbScalar : LongVector.fromMemorySegment(LS, b, bo + i * 8, NO);
                LongVector r = switch (op) {
                    case ADD -> va.add(vb);
                    case SUBTRACT -> va.sub(vb);
                    case MULTIPLY -> va.mul(vb);
                    case DIVIDE -> throw new IllegalArgumentException("divide has no int64 loop");
                };
                r.intoMemorySegment(o, oo + i * 8, NO);
            }
        }
        for (; i < n; i++) {
            long x = a.get(L, ao + i * as), y = b.get(L, bo + i * bs);
            o.set(L, oo + i * os, switch (op) {
                case ADD -> x + y;
                case SUBTRACT -> x - y;
                case MULTIPLY -> x * y;
                case DIVIDE -> throw new IllegalArgumentException("divide has no int64 loop");
            });
        }
    }
}
