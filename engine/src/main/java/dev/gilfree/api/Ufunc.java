package dev.gilfree.api;

import dev.gilfree.core.Casting;
import dev.gilfree.core.DType;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.Layout;
import dev.gilfree.core.NDArray;
import dev.gilfree.core.OpGuard;
import dev.gilfree.core.Promotion;
import dev.gilfree.core.Storage;
import dev.gilfree.kernels.BinaryOp;
import dev.gilfree.kernels.Copy;
import dev.gilfree.kernels.Elementwise;
import dev.gilfree.kernels.Iteration;
import dev.gilfree.kernels.UnaryOp;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.TreeMap;

/**
 * A universal function as Python sees it: one coarse call per operation does type resolution,
 * broadcasting, {@code out=} checks and the loop. Python scalars arrive as "weak" operands (NEP 50).
 */
public final class Ufunc {
    private static final Map<String, Ufunc> ALL = new TreeMap<>();

    static {
        for (BinaryOp op : BinaryOp.values()) ALL.put(op.ufuncName(), new Ufunc(op.ufuncName(), null, op));
        for (UnaryOp op : UnaryOp.values()) ALL.put(op.ufuncName(), new Ufunc(op.ufuncName(), op, null));
    }

    /** Dtypes that have compiled loops so far. */
    private static final DType[] LOOP_TYPES = {DType.INT64, DType.FLOAT64};

    private final String name;
    private final UnaryOp unary;
    private final BinaryOp binary;

    private Ufunc(String name, UnaryOp unary, BinaryOp binary) {
        this.name = name;
        this.unary = unary;
        this.binary = binary;
    }

    public static Ufunc get(String name) {
        Ufunc u = ALL.get(name);
        if (u == null) throw GilfreeException.value("no ufunc named '" + name + "'");
        return u;
    }

    public static String[] names() { return ALL.keySet().toArray(String[]::new); }

    public String name() { return name; }

    public int nin() { return binary != null ? 2 : 1; }

    public int nout() { return 1; }

    public NDArray call1(NDArray a, NDArray out) {
        OpGuard.Slot g = OpGuard.enter(name, a, null, out);
        try { return call1Unguarded(a, out); } finally { OpGuard.exit(g); }
    }

    private NDArray call1Unguarded(NDArray a, NDArray out) {
        if (unary == null) throw GilfreeException.type(name + "() takes from 2 to 3 positional arguments but 1 were given");
        DType t = loopType(unary.floatOnly() ? Promotion.promote(a.dtype(), DType.FLOAT64) : a.dtype());
        NDArray res = prepareOut(out, resultShape(out, a.shape()), t, a, a);
        Elementwise.unary(unary, cast(a, t), res);
        return finish(res, out);
    }

    public NDArray call2(NDArray a, NDArray b, NDArray out) {
        OpGuard.Slot g = OpGuard.enter(name, a, b, out);
        try { return call2Unguarded(a, b, out); } finally { OpGuard.exit(g); }
    }

    private NDArray call2Unguarded(NDArray a, NDArray b, NDArray out) {
        requireBinary();
        return binaryLoop(a, b, Promotion.promote(a.dtype(), b.dtype()), out);
    }

    /** {@code a op s} (or {@code s op a} when reversed) with a Python float. */
    public NDArray call2Double(NDArray a, double s, boolean reversed, NDArray out) {
        OpGuard.Slot g = OpGuard.enter(name, a, null, out);
        try { return call2DoubleUnguarded(a, s, reversed, out); } finally { OpGuard.exit(g); }
    }

    private NDArray call2DoubleUnguarded(NDArray a, double s, boolean reversed, NDArray out) {
        requireBinary();
        DType t = Promotion.promoteWeak(a.dtype(), Promotion.ScalarKind.FLOAT);
        NDArray sc = ScalarScratch.of(t, s);
        return reversed ? binaryLoop(sc, a, t, out) : binaryLoop(a, sc, t, out);
    }

    /** {@code a op s} (or {@code s op a} when reversed) with a Python int that fits in int64. */
    public NDArray call2Long(NDArray a, long s, boolean reversed, NDArray out) {
        OpGuard.Slot g = OpGuard.enter(name, a, null, out);
        try { return call2LongUnguarded(a, s, reversed, out); } finally { OpGuard.exit(g); }
    }

    private NDArray call2LongUnguarded(NDArray a, long s, boolean reversed, NDArray out) {
        requireBinary();
        DType t = Promotion.promoteWeak(a.dtype(), Promotion.ScalarKind.INT);
        NDArray sc = ScalarScratch.of(t, s);
        return reversed ? binaryLoop(sc, a, t, out) : binaryLoop(a, sc, t, out);
    }

    private void requireBinary() {
        if (binary == null) throw GilfreeException.type(name + "() takes from 1 to 2 positional arguments but 2 were given");
    }

    private NDArray binaryLoop(NDArray a, NDArray b, DType resultType, NDArray out) {
        DType t = loopType(binary.floatOnly() ? Promotion.promote(resultType, DType.FLOAT64) : resultType);
        NDArray res = prepareOut(out, resultShape(out, a.shape(), b.shape()), t, a, b);
        Elementwise.binary(binary, cast(a, t), cast(b, t), res);
        return finish(res, out);
    }

    private DType loopType(DType wanted) {
        for (DType t : LOOP_TYPES) {
            if (Casting.SAFE.allows(wanted, t) && (wanted.kind() == t.kind() || wanted == DType.BOOL && t == DType.INT64)) return t;
        }
        throw GilfreeException.type("ufunc '" + name + "' did not contain a loop with signature matching types ("
                + wanted.npName() + ") -> None");
    }

    private static NDArray cast(NDArray a, DType t) {
        return a.dtype() == t ? a : Copy.astype(a, t);
    }

    // The inputs broadcast together (and with out=, which may be larger, as in NumPy) to the result shape.
    private static long[] resultShape(NDArray out, long[]... inputs) {
        if (out == null) return Iteration.broadcastShapes(inputs);
        long[][] all = java.util.Arrays.copyOf(inputs, inputs.length + 1);
        all[inputs.length] = out.shape();
        long[] shape = Iteration.broadcastShapes(all);
        if (!java.util.Arrays.equals(out.shape(), shape)) {
            throw GilfreeException.value("non-broadcastable output operand with shape " + Iteration.pyShape(out.shape())
                    + " doesn't match the broadcast shape " + Iteration.pyShape(shape));
        }
        return shape;
    }

    // Checks out= as NumPy does and returns where the loop writes: out itself, or a temporary when out's
    // dtype differs from the loop's or out overlaps an input other than element for element (copied over
    // in finish, so the result is as if the inputs had been read before anything was written).
    private NDArray prepareOut(NDArray out, long[] shape, DType t, NDArray a, NDArray b) {
        if (out == null) return NDArray.zeros(t, shape);
        out.checkWriteable();
        if (!Casting.SAME_KIND.allows(t, out.dtype())) {
            throw GilfreeException.type("Cannot cast ufunc '" + name + "' output from dtype('" + t.npName()
                    + "') to dtype('" + out.dtype().npName() + "') with casting rule 'same_kind'");
        }
        boolean direct = out.dtype() == t && !out.overlapsOtherwise(a) && !out.overlapsOtherwise(b);
        return direct ? out : NDArray.zeros(t, shape);
    }

    private static NDArray finish(NDArray res, NDArray out) {
        if (out != null && res != out) Copy.into(res, out);
        return out != null ? out : res;
    }

    /** Per-thread 16 bytes holding a scalar operand as a 0-d array, so scalar operations allocate nothing off-heap. */
    private static final class ScalarScratch {
        private static final ThreadLocal<Storage> SLOT = ThreadLocal.withInitial(
                () -> Storage.wrap(Arena.ofAuto().allocate(16, Storage.ALIGNMENT)));
        private static final Layout SCALAR = new Layout(new long[0], new long[0], 0);

        static NDArray of(DType t, double v) {
            Storage s = SLOT.get();
            dev.gilfree.core.Elements.setDouble(t, s.segment(), 0, v);
            return new NDArray(s, t, SCALAR, false, null);
        }

        static NDArray of(DType t, long v) {
            Storage s = SLOT.get();
            MemorySegment seg = s.segment();
            dev.gilfree.core.Elements.setLong(t, seg, 0, v);
            return new NDArray(s, t, SCALAR, false, null);
        }
    }
}
