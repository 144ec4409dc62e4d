package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.Half;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * float16 loops as NumPy's half loops: each chunk of inputs widened to float32 in a small per-thread
 * buffer, the float32 loop run on it, and each float result rounded once to float16 (finite results past
 * 65504 becoming infinity with NumPy's overflow flag). bool and int results (comparisons, frexp's
 * exponent) are copied. spacing and nextafter step in float16 itself, as NumPy's npy_half_* do.
 */
final class HalfLoops {
    private HalfLoops() {}

    private static final int CHUNK = 256;
    private static final ValueLayout.OfShort S = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;
    /** Per thread: two float32 input chunks and one output chunk (up to 4 bytes per element). */
    private static final ThreadLocal<MemorySegment> SCRATCH =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(3L * CHUNK * 4, 64));

    static int unary(UnaryOp op, MemorySegment a, long ao, long as, MemorySegment o, long oo, long os, long n) {
        if (op == UnaryOp.SPACING) {
            int flags = 0;
            for (long i = 0; i < n; i++) {
                short h = a.get(S, ao + i * as);
                if (h == 0x7bff) flags = FpFlags.OVERFLOW;
                o.set(S, oo + i * os, spacing(h));
            }
            return flags;
        }
        DType ot = op.outType(DType.FLOAT16);
        DType wide = ot == DType.FLOAT16 ? DType.FLOAT32 : ot;
        MemorySegment buf = SCRATCH.get();
        long x = 0, r = 2L * CHUNK * 4;
        int flags = 0;
        for (long i = 0; i < n; i += CHUNK) {
            int m = (int) Math.min(CHUNK, n - i);
            widen(a, ao + i * as, as, buf, x, m);
            flags |= UnaryLoops.run(op, DType.FLOAT32, buf, x, 4, buf, r, wide.itemsize(), m);
            flags |= narrow(buf, r, ot, o, oo + i * os, os, m);
        }
        return flags;
    }

    static int binary(BinaryOp op, MemorySegment a, long ao, long as, MemorySegment b, long bo, long bs,
                      MemorySegment o, long oo, long os, long n) {
        if (op == BinaryOp.NEXTAFTER) {
            int flags = 0;
            for (long i = 0; i < n; i++) {
                short x = a.get(S, ao + i * as), r = nextafter(x, b.get(S, bo + i * bs));
                if ((r & 0x7fff) == 0x7c00 && (x & 0x7fff) < 0x7c00) flags = FpFlags.OVERFLOW;
                o.set(S, oo + i * os, r);
            }
            return flags;
        }
        DType ot = op.outType(DType.FLOAT16);
        DType wide = ot == DType.FLOAT16 ? DType.FLOAT32 : ot;
        MemorySegment buf = SCRATCH.get();
        long x = 0, y = (long) CHUNK * 4, r = 2L * CHUNK * 4;
        // a broadcast operand (stride 0) is widened once and read with stride 0 by the float32 loop
        long xs = as == 0 ? 0 : 4, ys = bs == 0 ? 0 : 4;
        int flags = 0;
        for (long i = 0; i < n; i += CHUNK) {
            int m = (int) Math.min(CHUNK, n - i);
            widen(a, ao + i * as, as, buf, x, as == 0 ? 1 : m);
            widen(b, bo + i * bs, bs, buf, y, bs == 0 ? 1 : m);
            flags |= BinaryLoops.run(op, DType.FLOAT32, buf, x, xs, buf, y, ys, buf, r, wide.itemsize(), m);
            flags |= narrow(buf, r, ot, o, oo + i * os, os, m);
        }
        return flags;
    }

    private static void widen(MemorySegment s, long off, long stride, MemorySegment buf, long at, int m) {
        for (int i = 0; i < m; i++) buf.set(F, at + i * 4L, Float.float16ToFloat(s.get(S, off + i * stride)));
    }

    /** Writes the float32 loop's m results out: rounded to float16 (returning OVERFLOW if any became inf), or copied. */
    private static int narrow(MemorySegment buf, long at, DType ot, MemorySegment o, long off, long stride, int m) {
        if (ot != DType.FLOAT16) {
            int sz = ot.itemsize();
            for (int i = 0; i < m; i++) MemorySegment.copy(buf, at + (long) i * sz, o, off + i * stride, sz);
            return 0;
        }
        int flags = 0;
        for (int i = 0; i < m; i++) {
            float v = buf.get(F, at + i * 4L);
            if (Half.overflows(v)) flags = FpFlags.OVERFLOW;
            o.set(S, off + i * stride, Half.fromFloat(v));
        }
        return flags;
    }

    /**
     * NumPy's npy_half_spacing, which differs from its float32/float64 spacing: always positive, the gap
     * to the next float16 away from zero, except below a negative power of two (and -0), where it is the
     * gap toward zero. NaN for inf and NaN; 65504 steps to inf.
     */
    static short spacing(short h) {
        int bits = h & 0x7fff;
        if (bits >= 0x7c00) return (short) 0x7e00;
        if (h == 0x7bff) return (short) 0x7c00;
        double a = Math.abs(Half.toDouble(h));
        double gap = a < 0x1p-14 ? 0x1p-24 : Math.scalb(1.0, Math.getExponent(a) - 10);
        if (h < 0 && (h & 0x3ff) == 0) gap = Math.max(gap / 2, 0x1p-24);
        return Half.fromDouble(gap);
    }

    /** NumPy's npy_half_nextafter: the float16 after x in y's direction. */
    static short nextafter(short x, short y) {
        double dx = Half.toDouble(x), dy = Half.toDouble(y);
        if (Double.isNaN(dx) || Double.isNaN(dy)) return (short) 0x7e00;
        if (dx == dy) return x;
        if (dx == 0) return (short) ((y & 0x8000) | 1);
        boolean up = (dy > dx) == (dx > 0); // away from zero
        return (short) (up ? x + 1 : x - 1);
    }
}
