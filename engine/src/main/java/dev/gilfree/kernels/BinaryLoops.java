package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * 1-D loops for binary operations. Every operation has a generic scalar loop ({@link #scalar}, in
 * double for float loop types and in long for integer/bool types, reading and writing any dtype);
 * contiguous operands of every real dtype (or a broadcast scalar second operand) first take a SIMD loop
 * for the operations that have one (integers: {@link IntegerSimd}). Each loop must see a constant operator
 * for the JIT to emit vector instructions: float64 gets one loop method per operation, the others switch
 * inside the loop. Loops return {@link FpFlags} bits.
 */
public final class BinaryLoops {
    private BinaryLoops() {}

    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final ByteOrder NO = ByteOrder.nativeOrder();
    /** Flags met in SIMD loops' scalar fallbacks (per thread; read and reset by run()). */
    private static final ThreadLocal<int[]> FLAGS = ThreadLocal.withInitial(() -> new int[1]);
    private static final double INF_D = Double.POSITIVE_INFINITY;
    private static final float INF_F = Float.POSITIVE_INFINITY;

    /** Runs op over n elements: input dtype t, output dtype op.outType(t). */
    public static int run(BinaryOp op, DType t, MemorySegment a, long ao, long as, MemorySegment b, long bo, long bs,
                          MemorySegment o, long oo, long os, long n) {
        int isz = t.itemsize();
        if (t == DType.FLOAT16) return HalfLoops.binary(op, a, ao, as, b, bo, bs, o, oo, os, n);
        if (t.kind() == 'c') {
            // Complex add and subtract are the float operation on each part (as in NumPy, whose flags also come
            // from the parts): contiguous operands run the float SIMD loop over the 2n interleaved parts.
            if ((op == BinaryOp.ADD || op == BinaryOp.SUBTRACT) && as == isz && bs == isz && os == isz) {
                return contiguous(op, t == DType.COMPLEX128 ? DType.FLOAT64 : DType.FLOAT32, a, ao, b, bo, isz / 2, o, oo, 2 * n, false);
            }
            if (op == BinaryOp.MULTIPLY && t == DType.COMPLEX128 && as == isz && bs == isz && os == isz && n >= 4) {
                long done = ComplexSimd.multiply(a, ao, b, bo, o, oo, n);
                return ComplexLoops.binary(op, t, a, ao + done * isz, isz, b, bo + done * isz, isz, o, oo + done * isz, isz, n - done);
            }
            return ComplexLoops.binary(op, t, a, ao, as, b, bo, bs, o, oo, os, n);
        }
        if (as == isz && (bs == isz || bs == 0) && os == op.outType(t).itemsize()) {
            return contiguous(op, t, a, ao, b, bo, bs, o, oo, n, false);
        }
        int flags = n >= 16 ? Buffered.binary(op, t, a, ao, as, b, bo, bs, o, oo, os, n) : Buffered.NO_SIMD;
        return flags != Buffered.NO_SIMD ? flags : scalar(op, t, a, ao, as, b, bo, bs, o, oo, os, n);
    }

    /**
     * Contiguous operands (b may be a broadcast scalar, bs == 0): the SIMD loop where the operation has one,
     * then the scalar loop for the rest. With {@code simdOnly}, returns {@link Buffered#NO_SIMD} instead of
     * doing anything when there is no SIMD loop.
     */
    static int contiguous(BinaryOp op, DType t, MemorySegment a, long ao, MemorySegment b, long bo, long bs,
                          MemorySegment o, long oo, long n, boolean simdOnly) {
        long done = 0;
        if (n >= 8 && t == DType.FLOAT64) {
            done = bs == 0 ? scalarF64(op, a, ao, b, bo, o, oo, n) : simdF64(op, a, ao, b, bo, o, oo, n);
        } else if (n >= 8) {
            done = op.boolOut() ? switch (t) {
                case FLOAT32 -> compareF32(op, a, ao, b, bo, bs, o, oo, n);
                default -> t.isInteger() ? IntegerSimd.compare(op, t, a, ao, b, bo, bs, o, oo, n) : 0;
            } : switch (t) {
                case FLOAT32 -> simdF32(op, a, ao, b, bo, bs, o, oo, n);
                default -> t.isInteger() ? IntegerSimd.binary(op, t, a, ao, b, bo, bs, o, oo, n) : 0;
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
        return simdFlags | scalar(op, t, a, ao + done * isz, isz, b, bo + done * bs, bs, o, oo + done * osz, osz, n - done);
    }

    /** float64 loop (kept for callers that know the type). */
    public static int float64(BinaryOp op, MemorySegment a, long ao, long as, MemorySegment b, long bo, long bs,
                              MemorySegment o, long oo, long os, long n) {
        return run(op, DType.FLOAT64, a, ao, as, b, bo, bs, o, oo, os, n);
    }

    /** int64 loop: add/subtract/multiply wrap around on overflow, as NumPy's do. */
    public static int int64(BinaryOp op, MemorySegment a, long ao, long as, MemorySegment b, long bo, long bs,
                            MemorySegment o, long oo, long os, long n) {
        return run(op, DType.INT64, a, ao, as, b, bo, bs, o, oo, os, n);
    }

    /** The generic loop: any dtype, any strides. */
    static int scalar(BinaryOp op, DType t, MemorySegment a, long ao, long as, MemorySegment b, long bo, long bs,
                      MemorySegment o, long oo, long os, long n) {
        DType ot = op.outType(t);
        int flags = 0;
        if (t.isFloating()) {
            boolean f32 = t == DType.FLOAT32;
            for (long i = 0; i < n; i++) {
                double x = Elements.getDouble(t, a, ao + i * as), y = Elements.getDouble(t, b, bo + i * bs);
                double r = op.applyD(x, y, f32);
                if (f32 && !op.boolOut()) r = (float) r;
                if (!op.boolOut() && !Double.isFinite(r)) flags |= FpFlags.classify(x, y, r, op.pole(x, y));
                Elements.setDouble(ot, o, oo + i * os, r);
            }
        } else {
            boolean check = op.checksInt();
            for (long i = 0; i < n; i++) {
                long x = Elements.getLong(t, a, ao + i * as), y = Elements.getLong(t, b, bo + i * bs);
                if (check) flags |= op.intFlags(x, y, t);
                Elements.setLong(ot, o, oo + i * os, op.applyL(x, y, t));
            }
        }
        return flags;
    }

    private static boolean simdF(BinaryOp op) {
        return switch (op) {
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, MAXIMUM, MINIMUM, FMAX, FMIN -> true;
            default -> false;
        };
    }

    /** Per-thread block of copies of a broadcast float64 scalar (scalarF64). */
    private static final ThreadLocal<MemorySegment> SCALAR_BLOCK =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(Buffered.BLOCK * 8L, 64));

    // A broadcast scalar (x + 1.0) goes through a block of copies of it, so each float64 loop method holds
    // one loop, over two arrays. With a second loop for the scalar in the same method, the JIT compiled the
    // method while only one of the loops was hot and left the other cold, its vector operations not inlined:
    // in one jep process in two, add of 10M took 29 ms instead of 7 (PrintCompilation showed addF64 compiled
    // from an OSR at the broadcast loop). Reading the copies from the L1 cache costs nothing measurable.
    private static long scalarF64(BinaryOp op, MemorySegment a, long ao, MemorySegment b, long bo, MemorySegment o, long oo, long n) {
        MemorySegment block = SCALAR_BLOCK.get();
        double v = b.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, bo);
        long fill = Math.min(n, Buffered.BLOCK);
        for (long i = 0; i < fill; i++) block.setAtIndex(ValueLayout.JAVA_DOUBLE, i, v);
        int osz = op.boolOut() ? 1 : 8;
        long done = 0;
        for (long i = 0; i < n; i += Buffered.BLOCK) {
            long m = Math.min(Buffered.BLOCK, n - i);
            long d = simdF64(op, a, ao + i * 8, block, 0, o, oo + i * osz, m);
            done += d;
            if (d < m) break; // the short last block's tail, or no loop for op: the scalar loop does the rest
        }
        return done;
    }

    // float64 has one loop method per operation: a loop switching on the operation per vector was compiled
    // for every operation seen so far and ran add 1.6x slower (10M elements) once several had run. Each
    // returns how many elements it did; a vector with a non-finite lane is left to the scalar loop (which
    // classifies floating-point conditions), and so is the tail.
    /** The float64 loop of op over two contiguous operands (arithmetic, extremes, comparisons into bool); 0 when it has none. */
    private static long simdF64(BinaryOp op, MemorySegment a, long ao, MemorySegment b, long bo,
                                MemorySegment o, long oo, long n) {
        return switch (op) {
            case ADD -> addF64(a, ao, b, bo, o, oo, n);
            case SUBTRACT -> subtractF64(a, ao, b, bo, o, oo, n);
            case MULTIPLY -> multiplyF64(a, ao, b, bo, o, oo, n);
            case DIVIDE -> divideF64(a, ao, b, bo, o, oo, n);
            case MAXIMUM -> maximumF64(a, ao, b, bo, o, oo, n);
            case MINIMUM -> minimumF64(a, ao, b, bo, o, oo, n);
            case FMAX -> fmaxF64(a, ao, b, bo, o, oo, n);
            case FMIN -> fminF64(a, ao, b, bo, o, oo, n);
            case EQUAL -> equalF64(a, ao, b, bo, o, oo, n);
            case NOT_EQUAL -> notEqualF64(a, ao, b, bo, o, oo, n);
            case LESS -> lessF64(a, ao, b, bo, o, oo, n);
            case LESS_EQUAL -> lessEqualF64(a, ao, b, bo, o, oo, n);
            case GREATER -> greaterF64(a, ao, b, bo, o, oo, n);
            case GREATER_EQUAL -> greaterEqualF64(a, ao, b, bo, o, oo, n);
            default -> 0;
        };
    }

    private static long addF64(MemorySegment a, long ao, MemorySegment b, long bo, MemorySegment o, long oo, long n) {
        long i = 0, upper = n - n % DS.length();
        for (; i < upper; i += DS.length()) storeF64(BinaryOp.ADD, loadF64(a, ao, i).add(loadF64(b, bo, i)), a, ao, b, bo, o, oo, i);
        return i;
    }

    private static long subtractF64(MemorySegment a, long ao, MemorySegment b, long bo, MemorySegment o, long oo, long n) {
        long i = 0, upper = n - n % DS.length();
        for (; i < upper; i += DS.length()) storeF64(BinaryOp.SUBTRACT, loadF64(a, ao, i).sub(loadF64(b, bo, i)), a, ao, b, bo, o, oo, i);
        return i;
    }

    private static long multiplyF64(MemorySegment a, long ao, MemorySegment b, long bo, MemorySegment o, long oo, long n) {
        long i = 0, upper = n - n % DS.length();
        for (; i < upper; i += DS.length()) storeF64(BinaryOp.MULTIPLY, loadF64(a, ao, i).mul(loadF64(b, bo, i)), a, ao, b, bo, o, oo, i);
        return i;
    }

    private static long divideF64(MemorySegment a, long ao, MemorySegment b, long bo, MemorySegment o, long oo, long n) {
        long i = 0, upper = n - n % DS.length();
        for (; i < upper; i += DS.length()) storeF64(BinaryOp.DIVIDE, loadF64(a, ao, i).div(loadF64(b, bo, i)), a, ao, b, bo, o, oo, i);
        return i;
    }

    // NumPy's maximum/minimum keep x when it is NaN or wins the comparison (so NaN propagates and a tie of
    // -0.0 and 0.0 keeps x); fmax/fmin keep x when y is NaN or x wins. One blend each, exactly that rule.
    private static long maximumF64(MemorySegment a, long ao, MemorySegment b, long bo, MemorySegment o, long oo, long n) {
        long i = 0, upper = n - n % DS.length();
        for (; i < upper; i += DS.length()) storeF64(BinaryOp.MAXIMUM, pick(loadF64(a, ao, i), loadF64(b, bo, i), VectorOperators.GE, true), a, ao, b, bo, o, oo, i);
        return i;
    }

    private static long minimumF64(MemorySegment a, long ao, MemorySegment b, long bo, MemorySegment o, long oo, long n) {
        long i = 0, upper = n - n % DS.length();
        for (; i < upper; i += DS.length()) storeF64(BinaryOp.MINIMUM, pick(loadF64(a, ao, i), loadF64(b, bo, i), VectorOperators.LE, true), a, ao, b, bo, o, oo, i);
        return i;
    }

    private static long fmaxF64(MemorySegment a, long ao, MemorySegment b, long bo, MemorySegment o, long oo, long n) {
        long i = 0, upper = n - n % DS.length();
        for (; i < upper; i += DS.length()) storeF64(BinaryOp.FMAX, pick(loadF64(a, ao, i), loadF64(b, bo, i), VectorOperators.GE, false), a, ao, b, bo, o, oo, i);
        return i;
    }

    private static long fminF64(MemorySegment a, long ao, MemorySegment b, long bo, MemorySegment o, long oo, long n) {
        long i = 0, upper = n - n % DS.length();
        for (; i < upper; i += DS.length()) storeF64(BinaryOp.FMIN, pick(loadF64(a, ao, i), loadF64(b, bo, i), VectorOperators.LE, false), a, ao, b, bo, o, oo, i);
        return i;
    }

    /** x where (x cmp y) or (x is NaN when nanWins, else y is NaN); y elsewhere. Inlined with constant arguments. */
    private static DoubleVector pick(DoubleVector x, DoubleVector y, VectorOperators.Comparison cmp, boolean nanWins) {
        VectorMask<Double> keep = x.compare(cmp, y).or(nanWins ? x.test(VectorOperators.IS_NAN) : y.test(VectorOperators.IS_NAN));
        return y.blend(x, keep);
    }

    // float64 comparisons into bool: the lane mask becomes one byte (0 or 1) per lane (BoolMasks).
    // NaN compares false, and not_equal true, exactly as the scalar loop; comparisons raise no FP flags.
    private static long equalF64(MemorySegment a, long ao, MemorySegment b, long bo, MemorySegment o, long oo, long n) {
        long i = 0, upper = n - n % DS.length();
        for (; i < upper; i += DS.length()) storeMask(loadF64(a, ao, i).compare(VectorOperators.EQ, loadF64(b, bo, i)), o, oo + i);
        return i;
    }

    private static long notEqualF64(MemorySegment a, long ao, MemorySegment b, long bo, MemorySegment o, long oo, long n) {
        long i = 0, upper = n - n % DS.length();
        for (; i < upper; i += DS.length()) storeMask(loadF64(a, ao, i).compare(VectorOperators.NE, loadF64(b, bo, i)), o, oo + i);
        return i;
    }

    private static long lessF64(MemorySegment a, long ao, MemorySegment b, long bo, MemorySegment o, long oo, long n) {
        long i = 0, upper = n - n % DS.length();
        for (; i < upper; i += DS.length()) storeMask(loadF64(a, ao, i).compare(VectorOperators.LT, loadF64(b, bo, i)), o, oo + i);
        return i;
    }

    private static long lessEqualF64(MemorySegment a, long ao, MemorySegment b, long bo, MemorySegment o, long oo, long n) {
        long i = 0, upper = n - n % DS.length();
        for (; i < upper; i += DS.length()) storeMask(loadF64(a, ao, i).compare(VectorOperators.LE, loadF64(b, bo, i)), o, oo + i);
        return i;
    }

    private static long greaterF64(MemorySegment a, long ao, MemorySegment b, long bo, MemorySegment o, long oo, long n) {
        long i = 0, upper = n - n % DS.length();
        for (; i < upper; i += DS.length()) storeMask(loadF64(a, ao, i).compare(VectorOperators.GT, loadF64(b, bo, i)), o, oo + i);
        return i;
    }

    private static long greaterEqualF64(MemorySegment a, long ao, MemorySegment b, long bo, MemorySegment o, long oo, long n) {
        long i = 0, upper = n - n % DS.length();
        for (; i < upper; i += DS.length()) storeMask(loadF64(a, ao, i).compare(VectorOperators.GE, loadF64(b, bo, i)), o, oo + i);
        return i;
    }

    private static void storeMask(VectorMask<Double> m, MemorySegment o, long off) {
        BoolMasks.store(m.toLong(), DS.length(), o, off);
    }

    // float32 comparisons: one loop switching on the comparison per vector (IntegerSimd.test).
    private static long compareF32(BinaryOp op, MemorySegment a, long ao, MemorySegment b, long bo, long bs,
                                   MemorySegment o, long oo, long n) {
        switch (op) {
            case EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL -> { }
            default -> { return 0; }
        }
        long i = 0, upper = n - n % FS.length();
        if (bs == 0) for (FloatVector vb = FloatVector.broadcast(FS, b.get(ValueLayout.JAVA_FLOAT_UNALIGNED, bo)); i < upper; i += FS.length()) BoolMasks.store(IntegerSimd.test(op, false, FloatVector.fromMemorySegment(FS, a, ao + i * 4, NO), vb).toLong(), FS.length(), o, oo + i);
        else for (; i < upper; i += FS.length()) BoolMasks.store(IntegerSimd.test(op, false, FloatVector.fromMemorySegment(FS, a, ao + i * 4, NO), FloatVector.fromMemorySegment(FS, b, bo + i * 4, NO)).toLong(), FS.length(), o, oo + i);
        return i;
    }

    private static DoubleVector loadF64(MemorySegment a, long ao, long i) {
        return DoubleVector.fromMemorySegment(DS, a, ao + i * 8, NO);
    }

    private static void storeF64(BinaryOp op, DoubleVector r, MemorySegment a, long ao, MemorySegment b, long bo,
                                 MemorySegment o, long oo, long i) {
        if (!r.abs().lt(INF_D).allTrue()) {
            FLAGS.get()[0] |= scalar(op, DType.FLOAT64, a, ao + i * 8, 8, b, bo + i * 8, 8, o, oo + i * 8, 8, DS.length());
        } else {
            r.intoMemorySegment(o, oo + i * 8, NO);
        }
    }

    private static long simdF32(BinaryOp op, MemorySegment a, long ao, MemorySegment b, long bo, long bs,
                                MemorySegment o, long oo, long n) {
        if (!simdF(op)) return 0;
        int lanes = FS.length();
        long upper = n - n % lanes, i = 0;
        // Two loops rather than one choosing "broadcast or load" per iteration: C2 in JDK 25.0.3 crashed
        // (MacroAssembler stop) compiling that vector phi.
        if (bs == 0) {
            FloatVector vb = FloatVector.broadcast(FS, b.get(ValueLayout.JAVA_FLOAT_UNALIGNED, bo));
            for (; i < upper; i += lanes) {
                FloatVector va = FloatVector.fromMemorySegment(FS, a, ao + i * 4, NO);
                FloatVector r = applyFloat(op, va, vb);
                if (!r.abs().lt(INF_F).allTrue()) {
                    FLAGS.get()[0] |= scalar(op, DType.FLOAT32, a, ao + i * 4, 4, b, bo + i * bs, bs, o, oo + i * 4, 4, lanes);
                } else {
                    r.intoMemorySegment(o, oo + i * 4, NO);
                }
            }
        } else {
            for (; i < upper; i += lanes) {
                FloatVector va = FloatVector.fromMemorySegment(FS, a, ao + i * 4, NO);
                FloatVector vb = FloatVector.fromMemorySegment(FS, b, bo + i * 4, NO);
                FloatVector r = applyFloat(op, va, vb);
                if (!r.abs().lt(INF_F).allTrue()) {
                    FLAGS.get()[0] |= scalar(op, DType.FLOAT32, a, ao + i * 4, 4, b, bo + i * bs, bs, o, oo + i * 4, 4, lanes);
                } else {
                    r.intoMemorySegment(o, oo + i * 4, NO);
                }
            }
        }
        return i;
    }

    // The lanewise operation; small enough for C2 to inline, so each loop still sees a constant operator.
    private static FloatVector applyFloat(BinaryOp op, FloatVector va, FloatVector vb) {
        return switch (op) {
            case ADD -> va.add(vb);
            case SUBTRACT -> va.sub(vb);
            case MULTIPLY -> va.mul(vb);
            case DIVIDE -> va.div(vb);
            case MAXIMUM -> vb.blend(va, va.compare(VectorOperators.GE, vb).or(va.test(VectorOperators.IS_NAN)));
            case MINIMUM -> vb.blend(va, va.compare(VectorOperators.LE, vb).or(va.test(VectorOperators.IS_NAN)));
            case FMAX -> vb.blend(va, va.compare(VectorOperators.GE, vb).or(vb.test(VectorOperators.IS_NAN)));
            case FMIN -> vb.blend(va, va.compare(VectorOperators.LE, vb).or(vb.test(VectorOperators.IS_NAN)));
            default -> throw new IllegalStateException();
        };
    }
}
