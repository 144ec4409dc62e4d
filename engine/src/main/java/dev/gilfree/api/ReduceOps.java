package dev.gilfree.api;

import dev.gilfree.core.Casting;
import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.Layout;
import dev.gilfree.core.NDArray;
import dev.gilfree.gateway.Entry;
import dev.gilfree.gateway.Facade;
import dev.gilfree.kernels.BinaryOp;
import dev.gilfree.kernels.ComplexReductions;
import dev.gilfree.kernels.Copy;
import dev.gilfree.kernels.Float32Sums;
import dev.gilfree.kernels.IntegerSums;
import dev.gilfree.kernels.Iteration;
import dev.gilfree.kernels.Nonzero;
import dev.gilfree.kernels.Reductions;
import dev.gilfree.kernels.Types;

/** ufunc.reduce / accumulate, argmin/argmax and where(): one call each, axes already normalised by Python. */
@Facade("Reduce")
final class ReduceOps {
    private ReduceOps() {}

    /**
     * {@code ufunc} over every element of a float64 array, as one double: the small {@code a.sum()} with no
     * 0-d result array to wrap and read back at the bridge (two crossings fewer).
     */
    @Entry(reads = "a", op = "Ufunc.reductionName(ufunc)", sample = "xp.sum(a)")
    static double reduceAllDouble(String ufunc, NDArray a) {
        int[] axes = new int[a.ndim()];
        for (int i = 0; i < axes.length; i++) axes[i] = i;
        NDArray r = reduce(ufunc, a, axes, false, null, null, "none", 0, 0);
        return Elements.getDouble(r.dtype(), r.segment(), r.byteOffsetOf(new long[0]));
    }

    /**
     * {@code ufunc.reduce(a, axis=axes, dtype=dtype, keepdims=..., where=..., initial=...)}.
     * initKind: "none", "float" (initD) or "int" (initL).
     */
    @Entry(reads = {"a", "where"}, op = "Ufunc.reductionName(ufunc)", sample = "xp.sum(a, axis=0)")
    static NDArray reduce(String ufunc, NDArray a, int[] axes, boolean keepdims, String dtype, NDArray where,
                                           String initKind, double initD, long initL) {
        BinaryOp op = Ufunc.get(ufunc).binaryOp();
        if (op == null) throw GilfreeException.value("reduce only supported for binary functions");
        DType t = dtype != null ? DType.of(dtype) : resolve(op, a.dtype());
        // NumPy casts a reduction's input to dtype= unsafely (np.sum(float_array, dtype=int16) works)
        if (op.types().indexOf(Types.charOf(t)) < 0) t = resolve(op, t);
        // integer inputs widened to an integer loop dtype (int8 summed as int64) are read in their own
        // width inside the loop; other conversions are made once, up front
        NDArray src = a.dtype() == t || widensExactly(a.dtype(), t) || intoFloat64Exactly(a.dtype(), t) ? a : Copy.astype(a, t);
        if (t.kind() == 'c') return reduceComplex(ufunc, op, src, axes, keepdims, where, initKind, initD, initL);
        long[] shape = a.shape();
        boolean[] reduced = new boolean[shape.length];
        for (int ax : axes) reduced[ax] = true;
        int nk = 0;
        for (boolean r : reduced) if (!r) nk++;
        long[] kept = new long[nk], keptKeep = new long[shape.length];
        for (int i = 0, k = 0; i < shape.length; i++) {
            if (!reduced[i]) kept[k++] = shape[i];
            keptKeep[i] = reduced[i] ? 1 : shape[i];
        }
        NDArray w = null;
        if (where != null) {
            NDArray wb = where.dtype() == DType.BOOL ? where : Copy.astype(where, DType.BOOL);
            Iteration.broadcastShapes(wb.shape(), shape);
            w = wb.view(new Layout(shape, Iteration.broadcastStrides(wb.shape(), wb.strides(), shape), wb.offset()));
        }
        Object init = switch (initKind) {
            case "float" -> t.isFloating() ? (Object) initD : (Object) (long) initD;
            case "int" -> t.isFloating() ? (Object) (double) initL : (Object) initL;
            default -> null;
        };
        Object id = op.identity();
        if (id instanceof Boolean bo) id = bo ? 1L : 0L;
        if (id instanceof Long l && t.isFloating()) id = (double) l;
        if (id instanceof Double d && !t.isFloating()) id = (long) d.doubleValue();
        if (w != null && init == null && id == null) {
            throw GilfreeException.value("reduction operation '" + ufunc + "' does not have an identity, so to use a where mask one has to specify 'initial'");
        }
        NDArray out = NDArray.zeros(op.outType(t), kept);
        if (op == BinaryOp.ADD && (t == DType.INT64 || t == DType.UINT64) && w == null && nk == 0) {
            // whole-array integer sum: SIMD on all cores, straight from the input's own width
            long s = IntegerSums.sum(src) + (init instanceof Long l ? l : 0L);
            dev.gilfree.core.Elements.setLong(t, out.segment(), 0, s);
        } else if (op == BinaryOp.ADD && t == DType.FLOAT32 && a.dtype() == t && w == null && nk == 0) {
            // whole-array float32 sum: NumPy's float32 pairwise summation, on all cores
            float s = Float32Sums.sum(src, init instanceof Double d ? (float) d.doubleValue() : 0f);
            dev.gilfree.core.Elements.setDouble(t, out.segment(), 0, s);
        } else if (op == BinaryOp.ADD && t == DType.FLOAT64 && src.dtype() != t && w == null && nk == 0 && src.isCContiguous()) {
            // int (<= 4 bytes) summed as float64 (mean's sum): NumPy's buffered sum, from integer buffer sums
            double s = IntegerSums.float64SumLikeNumPy(src, init instanceof Double d ? d : 0.0);
            dev.gilfree.core.Elements.setDouble(t, out.segment(), 0, s);
        } else if (op == BinaryOp.ADD && t == DType.FLOAT64 && src.dtype() != t && w == null && init == null && nk == 0 && src.size() > 0) {
            dev.gilfree.core.Elements.setDouble(t, out.segment(), 0, Reductions.sumFloat64(Copy.astype(src, t)));
        } else if (op == BinaryOp.ADD && t == DType.FLOAT64 && w == null && init == null && nk == 0 && src.size() > 0) {
            // whole-array float64 sum: the SIMD pairwise kernel
            dev.gilfree.core.Elements.setDouble(DType.FLOAT64, out.segment(), 0, Reductions.sumFloat64(src));
        } else {
            Reductions.reduce(op, src, t, reduced, w, init, id, out);
        }
        if (keepdims) out = out.view(new Layout(keptKeep, Layout.cStrides(keptKeep, out.itemsize()), 0));
        return out;
    }

    // Complex reductions: truth tests on z != 0; sums part by part (each a float reduction of a real view,
    // pairwise like NumPy's); the others (products, extremes, ...) folded in order over a copy with the
    // reduced axes last.
    private static NDArray reduceComplex(String ufunc, BinaryOp op, NDArray src, int[] axes, boolean keepdims, NDArray where,
                                         String initKind, double initD, long initL) {
        if (op.boolOut()) {
            return reduce(ufunc, Copy.astype(src, DType.BOOL), axes, keepdims, null, where, initKind, initD, initL);
        }
        DType part = src.dtype() == DType.COMPLEX64 ? DType.FLOAT32 : DType.FLOAT64;
        if (op == BinaryOp.ADD) {
            NDArray re = reduce("add", src.complexPart(false), axes, keepdims, part.npName(), where, initKind, initD, initL);
            NDArray im = reduce("add", src.complexPart(true), axes, keepdims, part.npName(), where, "none", 0, 0);
            NDArray out = NDArray.zeros(src.dtype(), re.shape());
            Copy.into(re, out.complexPart(false));
            Copy.into(im, out.complexPart(true));
            return out;
        }
        if (where != null) throw GilfreeException.type("ufunc '" + ufunc + "' reduce with where= is not supported for complex input yet");
        int nd = src.ndim();
        boolean[] reduced = new boolean[nd];
        for (int ax : axes) reduced[ax] = true;
        int[] perm = new int[nd];
        int k = 0;
        for (int i = 0; i < nd; i++) if (!reduced[i]) perm[k++] = i;
        int nKept = k;
        for (int i = 0; i < nd; i++) if (reduced[i]) perm[k++] = i;
        NDArray c = Copy.astype(ViewsOps.permute(src, perm), src.dtype()); // C order: each output's inputs are adjacent
        long[] keptShape = new long[nKept], keptKeep = src.shape().clone();
        long run = 1;
        for (int i = 0; i < nd; i++) {
            if (i < nKept) keptShape[i] = src.shape()[perm[i]];
            else run *= src.shape()[perm[i]];
            if (reduced[i]) keptKeep[i] = 1;
        }
        NDArray out = NDArray.zeros(src.dtype(), keptShape);
        Object id = op.identity();
        double[] init = switch (initKind) {
            case "float" -> new double[] {initD, 0};
            case "int" -> new double[] {initL, 0};
            default -> id instanceof Long l ? new double[] {l, 0} : null; // multiply starts at 1, maximum at the first element
        };
        ComplexReductions.fold(op, c, run, init, out);
        return keepdims ? out.view(new Layout(keptKeep, Layout.cStrides(keptKeep, out.itemsize()), 0)) : out;
    }

    /** Integer (or bool) {@code from} whose every value {@code to}, an integer type, holds unchanged. */
    private static boolean widensExactly(DType from, DType to) {
        return (from.isInteger() || from == DType.BOOL) && to.isInteger() && Casting.SAFE.allows(from, to);
    }

    /** Integer (or bool) {@code from} of at most 4 bytes into float64: every value exact, read as doubles inside the loop. */
    private static boolean intoFloat64Exactly(DType from, DType to) {
        return to == DType.FLOAT64 && (from.isInteger() || from == DType.BOOL) && from.itemsize() <= 4;
    }

    /** np.count_nonzero(a) with axis=None: counted in place, no bool temporary. */
    @Entry(reads = "a", op = "\"count_nonzero\"", sample = "xp.count_nonzero(a)")
    static long countNonzero(NDArray a) { return Nonzero.count(a); }

    private static DType resolve(BinaryOp op, DType in) {
        String types = op.types();
        for (int i = 0; i < types.length(); i++) {
            DType t = Types.of(types.charAt(i));
            if (Casting.SAFE.allows(in, t)) return t;
        }
        throw GilfreeException.type("ufunc '" + op.ufuncName() + "' not supported for the input types, and the inputs could not be "
                + "safely coerced to any supported types according to the casting rule ''safe''");
    }

    @Entry(reads = "a", op = "ufunc + \".accumulate\"", sample = "xp.cumsum(a, axis=1)")
    static NDArray accumulate(String ufunc, NDArray a, int axis, String dtype) {
        BinaryOp op = Ufunc.get(ufunc).binaryOp();
        if (op == null) throw GilfreeException.value("accumulate only supported for binary functions");
        DType t = dtype != null ? DType.of(dtype) : resolve(op, a.dtype());
        if (op.types().indexOf(Types.charOf(t)) < 0) t = resolve(op, t);
        NDArray src = a.dtype() == t || widensExactly(a.dtype(), t) || intoFloat64Exactly(a.dtype(), t) ? a : Copy.astype(a, t);
        NDArray out = NDArray.zeros(op.outType(t), a.shape());
        Reductions.accumulate(op, src, t, axis, out);
        return out;
    }

    @Entry(reads = "a", op = "max ? \"argmax\" : \"argmin\"", sample = "xp.argmax(a, axis=1)")
    static NDArray argExtreme(NDArray a, int axis, boolean max, boolean keepdims) {
        long[] shape = a.shape();
        long[] kept = new long[shape.length - 1], keep = shape.clone();
        for (int i = 0, k = 0; i < shape.length; i++) if (i != axis) kept[k++] = shape[i];
        keep[axis] = 1;
        NDArray out = NDArray.zeros(DType.INT64, kept);
        Reductions.argExtreme(a, axis, max, out);
        if (keepdims) out = out.view(new Layout(keep, Layout.cStrides(keep, 8), 0));
        return out;
    }

    /** A view of {@code a} with its axes permuted (for moving an axis; no copy). */
    @Entry
    static NDArray transpose(NDArray a, int[] perm) { return ViewsOps.permute(a, perm); }

    /** Copies {@code src} into {@code dst} (broadcasting, converting dtype) for out= of reductions. */
    @Entry(reads = "src", writes = "dst", op = "\"copyto\"", sample = "xp.sum(b, axis=0, out=a[0])")
    static void copyInto(NDArray src, NDArray dst) {
        Iteration.broadcastShapes(src.shape(), dst.shape());
        Copy.into(src, dst);
    }

    /** where(cond, x, y): x where cond, else y, broadcast together, in dtype {@code dtype}. */
    @Entry(reads = {"cond", "x", "y"}, op = "\"where\"", sample = "xp.where(a > 1.0, a, b)")
    static NDArray select(NDArray cond, NDArray x, NDArray y, String dtype) {
        DType t = DType.of(dtype);
        long[] shape = Iteration.broadcastShapes(cond.shape(), x.shape(), y.shape());
        NDArray out = NDArray.empty(t, shape); // choose writes every element
        NDArray c = cond.dtype() == DType.BOOL ? cond : Copy.astype(cond, DType.BOOL);
        dev.gilfree.kernels.Masked.choose(c, x, y, out); // x and y converted a block at a time
        return out;
    }

    /** np.promote_types by name. */
    @Entry
    static String promoteTypes(String a, String b) {
        return dev.gilfree.core.Promotion.promote(DType.of(a), DType.of(b)).npName();
    }

    /** The view of {@code a} with elements [start, stop) along {@code axis} (0 <= start <= stop <= len). */
    @Entry
    static NDArray sliceAxis(NDArray a, int axis, long start, long stop) {
        long[] shape = a.shape(), strides = a.strides();
        long off = a.offset() + (shape[axis] == 0 ? 0 : start * strides[axis]);
        shape[axis] = stop - start;
        return a.view(new Layout(shape, strides, stop > start ? off : a.offset()));
    }
}
