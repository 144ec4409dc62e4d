package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD loops for contiguous integer data of every width, signed and unsigned: wrap-around add, subtract and
 * multiply, the bitwise operations, maximum/minimum, the six comparisons into bool, and negative, absolute,
 * square, invert. Two's-complement arithmetic is the same bits for both signednesses; only ordering
 * (comparisons, maximum, minimum) and absolute differ, and those pick the unsigned operators. Each loop
 * returns how many elements it did (0 when the operation has no SIMD form); integer operations raise no
 * floating-point conditions, so there is nothing to report.
 *
 * <p>One loop per element width, switching on the operation per vector through {@link #apply}/{@link #test}:
 * every branch there names a constant operator, which the JIT needs to emit vector instructions. The typed
 * loop fixes the vector class, so after inlining the generic switch resolves to one class's intrinsics.
 */
final class IntegerSimd {
    private IntegerSimd() {}

    private static final VectorSpecies<Byte> BS = ByteVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Short> SS = ShortVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> IS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    private static final ByteOrder NO = ByteOrder.nativeOrder();

    /** Binary operation with a result of the input dtype; b may be a broadcast scalar (bs == 0). */
    static long binary(BinaryOp op, DType t, MemorySegment a, long ao, MemorySegment b, long bo, long bs,
                       MemorySegment o, long oo, long n) {
        switch (op) {
            case ADD, SUBTRACT, MULTIPLY, BITWISE_AND, BITWISE_OR, BITWISE_XOR, MAXIMUM, MINIMUM, FMAX, FMIN -> { }
            default -> { return 0; }
        }
        boolean u = t.kind() == 'u';
        return switch (t.itemsize()) {
            case 1 -> binary8(op, u, a, ao, b, bo, bs, o, oo, n);
            case 2 -> binary16(op, u, a, ao, b, bo, bs, o, oo, n);
            case 4 -> binary32(op, u, a, ao, b, bo, bs, o, oo, n);
            default -> binary64(op, u, a, ao, b, bo, bs, o, oo, n);
        };
    }

    /** Comparison into bool; b may be a broadcast scalar (bs == 0). */
    static long compare(BinaryOp op, DType t, MemorySegment a, long ao, MemorySegment b, long bo, long bs,
                        MemorySegment o, long oo, long n) {
        switch (op) {
            case EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL -> { }
            default -> { return 0; }
        }
        boolean u = t.kind() == 'u';
        return switch (t.itemsize()) {
            case 1 -> compare8(op, u, a, ao, b, bo, bs, o, oo, n);
            case 2 -> compare16(op, u, a, ao, b, bo, bs, o, oo, n);
            case 4 -> compare32(op, u, a, ao, b, bo, bs, o, oo, n);
            default -> compare64(op, u, a, ao, b, bo, bs, o, oo, n);
        };
    }

    /** Unary operation with a result of the input dtype. */
    static long unary(UnaryOp op, DType t, MemorySegment a, long ao, MemorySegment o, long oo, long n) {
        switch (op) {
            case NEGATIVE, POSITIVE, ABSOLUTE, SQUARE, INVERT -> { }
            default -> { return 0; }
        }
        boolean u = t.kind() == 'u';
        long i = 0;
        switch (t.itemsize()) {
            case 1 -> { for (long up = n - n % BS.length(); i < up; i += BS.length()) map(op, u, ByteVector.fromMemorySegment(BS, a, ao + i, NO)).intoMemorySegment(o, oo + i, NO); }
            case 2 -> { for (long up = n - n % SS.length(); i < up; i += SS.length()) map(op, u, ShortVector.fromMemorySegment(SS, a, ao + i * 2, NO)).intoMemorySegment(o, oo + i * 2, NO); }
            case 4 -> { for (long up = n - n % IS.length(); i < up; i += IS.length()) map(op, u, IntVector.fromMemorySegment(IS, a, ao + i * 4, NO)).intoMemorySegment(o, oo + i * 4, NO); }
            default -> { for (long up = n - n % LS.length(); i < up; i += LS.length()) map(op, u, LongVector.fromMemorySegment(LS, a, ao + i * 8, NO)).intoMemorySegment(o, oo + i * 8, NO); }
        }
        return i;
    }

    // Each width has a loop over two loaded vectors and one over a vector and a broadcast scalar: a single
    // loop choosing "broadcast or load" per iteration crashed C2 in JDK 25.0.3 (MacroAssembler stop).

    private static long binary8(BinaryOp op, boolean u, MemorySegment a, long ao, MemorySegment b, long bo, long bs, MemorySegment o, long oo, long n) {
        long i = 0, up = n - n % BS.length();
        if (bs == 0) for (ByteVector y = ByteVector.broadcast(BS, b.get(ValueLayout.JAVA_BYTE, bo)); i < up; i += BS.length()) apply(op, u, ByteVector.fromMemorySegment(BS, a, ao + i, NO), y).intoMemorySegment(o, oo + i, NO);
        else for (; i < up; i += BS.length()) apply(op, u, ByteVector.fromMemorySegment(BS, a, ao + i, NO), ByteVector.fromMemorySegment(BS, b, bo + i, NO)).intoMemorySegment(o, oo + i, NO);
        return i;
    }

    private static long binary16(BinaryOp op, boolean u, MemorySegment a, long ao, MemorySegment b, long bo, long bs, MemorySegment o, long oo, long n) {
        long i = 0, up = n - n % SS.length();
        if (bs == 0) for (ShortVector y = ShortVector.broadcast(SS, b.get(ValueLayout.JAVA_SHORT_UNALIGNED, bo)); i < up; i += SS.length()) apply(op, u, ShortVector.fromMemorySegment(SS, a, ao + i * 2, NO), y).intoMemorySegment(o, oo + i * 2, NO);
        else for (; i < up; i += SS.length()) apply(op, u, ShortVector.fromMemorySegment(SS, a, ao + i * 2, NO), ShortVector.fromMemorySegment(SS, b, bo + i * 2, NO)).intoMemorySegment(o, oo + i * 2, NO);
        return i;
    }

    private static long binary32(BinaryOp op, boolean u, MemorySegment a, long ao, MemorySegment b, long bo, long bs, MemorySegment o, long oo, long n) {
        long i = 0, up = n - n % IS.length();
        if (bs == 0) for (IntVector y = IntVector.broadcast(IS, b.get(ValueLayout.JAVA_INT_UNALIGNED, bo)); i < up; i += IS.length()) apply(op, u, IntVector.fromMemorySegment(IS, a, ao + i * 4, NO), y).intoMemorySegment(o, oo + i * 4, NO);
        else for (; i < up; i += IS.length()) apply(op, u, IntVector.fromMemorySegment(IS, a, ao + i * 4, NO), IntVector.fromMemorySegment(IS, b, bo + i * 4, NO)).intoMemorySegment(o, oo + i * 4, NO);
        return i;
    }

    private static long binary64(BinaryOp op, boolean u, MemorySegment a, long ao, MemorySegment b, long bo, long bs, MemorySegment o, long oo, long n) {
        long i = 0, up = n - n % LS.length();
        if (bs == 0) for (LongVector y = LongVector.broadcast(LS, b.get(ValueLayout.JAVA_LONG_UNALIGNED, bo)); i < up; i += LS.length()) apply(op, u, LongVector.fromMemorySegment(LS, a, ao + i * 8, NO), y).intoMemorySegment(o, oo + i * 8, NO);
        else for (; i < up; i += LS.length()) apply(op, u, LongVector.fromMemorySegment(LS, a, ao + i * 8, NO), LongVector.fromMemorySegment(LS, b, bo + i * 8, NO)).intoMemorySegment(o, oo + i * 8, NO);
        return i;
    }

    private static long compare8(BinaryOp op, boolean u, MemorySegment a, long ao, MemorySegment b, long bo, long bs, MemorySegment o, long oo, long n) {
        long i = 0, up = n - n % BS.length();
        if (bs == 0) for (ByteVector y = ByteVector.broadcast(BS, b.get(ValueLayout.JAVA_BYTE, bo)); i < up; i += BS.length()) BoolMasks.store(test(op, u, ByteVector.fromMemorySegment(BS, a, ao + i, NO), y).toLong(), BS.length(), o, oo + i);
        else for (; i < up; i += BS.length()) BoolMasks.store(test(op, u, ByteVector.fromMemorySegment(BS, a, ao + i, NO), ByteVector.fromMemorySegment(BS, b, bo + i, NO)).toLong(), BS.length(), o, oo + i);
        return i;
    }

    private static long compare16(BinaryOp op, boolean u, MemorySegment a, long ao, MemorySegment b, long bo, long bs, MemorySegment o, long oo, long n) {
        long i = 0, up = n - n % SS.length();
        if (bs == 0) for (ShortVector y = ShortVector.broadcast(SS, b.get(ValueLayout.JAVA_SHORT_UNALIGNED, bo)); i < up; i += SS.length()) BoolMasks.store(test(op, u, ShortVector.fromMemorySegment(SS, a, ao + i * 2, NO), y).toLong(), SS.length(), o, oo + i);
        else for (; i < up; i += SS.length()) BoolMasks.store(test(op, u, ShortVector.fromMemorySegment(SS, a, ao + i * 2, NO), ShortVector.fromMemorySegment(SS, b, bo + i * 2, NO)).toLong(), SS.length(), o, oo + i);
        return i;
    }

    private static long compare32(BinaryOp op, boolean u, MemorySegment a, long ao, MemorySegment b, long bo, long bs, MemorySegment o, long oo, long n) {
        long i = 0, up = n - n % IS.length();
        if (bs == 0) for (IntVector y = IntVector.broadcast(IS, b.get(ValueLayout.JAVA_INT_UNALIGNED, bo)); i < up; i += IS.length()) BoolMasks.store(test(op, u, IntVector.fromMemorySegment(IS, a, ao + i * 4, NO), y).toLong(), IS.length(), o, oo + i);
        else for (; i < up; i += IS.length()) BoolMasks.store(test(op, u, IntVector.fromMemorySegment(IS, a, ao + i * 4, NO), IntVector.fromMemorySegment(IS, b, bo + i * 4, NO)).toLong(), IS.length(), o, oo + i);
        return i;
    }

    private static long compare64(BinaryOp op, boolean u, MemorySegment a, long ao, MemorySegment b, long bo, long bs, MemorySegment o, long oo, long n) {
        long i = 0, up = n - n % LS.length();
        if (bs == 0) for (LongVector y = LongVector.broadcast(LS, b.get(ValueLayout.JAVA_LONG_UNALIGNED, bo)); i < up; i += LS.length()) BoolMasks.store(test(op, u, LongVector.fromMemorySegment(LS, a, ao + i * 8, NO), y).toLong(), LS.length(), o, oo + i);
        else for (; i < up; i += LS.length()) BoolMasks.store(test(op, u, LongVector.fromMemorySegment(LS, a, ao + i * 8, NO), LongVector.fromMemorySegment(LS, b, bo + i * 8, NO)).toLong(), LS.length(), o, oo + i);
        return i;
    }

    // The lanewise operation. Every branch names its operator as a constant: `u ? UMAX : MAX` as one
    // argument would not be a constant, and the Vector API would fall back to its scalar Java code.
    private static <E> Vector<E> apply(BinaryOp op, boolean u, Vector<E> x, Vector<E> y) {
        return switch (op) {
            case ADD -> x.lanewise(VectorOperators.ADD, y);
            case SUBTRACT -> x.lanewise(VectorOperators.SUB, y);
            case MULTIPLY -> x.lanewise(VectorOperators.MUL, y);
            case BITWISE_AND -> x.lanewise(VectorOperators.AND, y);
            case BITWISE_OR -> x.lanewise(VectorOperators.OR, y);
            case BITWISE_XOR -> x.lanewise(VectorOperators.XOR, y);
            case MAXIMUM, FMAX -> u ? x.lanewise(VectorOperators.UMAX, y) : x.lanewise(VectorOperators.MAX, y);
            case MINIMUM, FMIN -> u ? x.lanewise(VectorOperators.UMIN, y) : x.lanewise(VectorOperators.MIN, y);
            default -> throw new IllegalStateException(op.name());
        };
    }

    /** The comparison's lane mask (also used by the float32 loop, with u false). */
    static <E> VectorMask<E> test(BinaryOp op, boolean u, Vector<E> x, Vector<E> y) {
        return switch (op) {
            case EQUAL -> x.compare(VectorOperators.EQ, y);
            case NOT_EQUAL -> x.compare(VectorOperators.NE, y);
            case LESS -> u ? x.compare(VectorOperators.ULT, y) : x.compare(VectorOperators.LT, y);
            case LESS_EQUAL -> u ? x.compare(VectorOperators.ULE, y) : x.compare(VectorOperators.LE, y);
            case GREATER -> u ? x.compare(VectorOperators.UGT, y) : x.compare(VectorOperators.GT, y);
            case GREATER_EQUAL -> u ? x.compare(VectorOperators.UGE, y) : x.compare(VectorOperators.GE, y);
            default -> throw new IllegalStateException(op.name());
        };
    }

    private static <E> Vector<E> map(UnaryOp op, boolean u, Vector<E> x) {
        return switch (op) {
            case NEGATIVE -> x.lanewise(VectorOperators.NEG);
            case POSITIVE -> x;
            case ABSOLUTE -> u ? x : x.lanewise(VectorOperators.ABS); // |x| of an unsigned integer is x
            case SQUARE -> x.lanewise(VectorOperators.MUL, x);
            case INVERT -> x.lanewise(VectorOperators.NOT);
            default -> throw new IllegalStateException(op.name());
        };
    }
}
