package dev.gilfree.api;

import dev.gilfree.core.Casting;
import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.NDArray;
import dev.gilfree.core.OpGuard;
import dev.gilfree.gateway.Entry;
import dev.gilfree.gateway.Facade;
import dev.gilfree.kernels.BinaryOp;
import dev.gilfree.kernels.Blockwise;
import dev.gilfree.kernels.Copy;
import dev.gilfree.kernels.FpFlags;
import dev.gilfree.kernels.Iteration;

/**
 * Fused element-wise expressions (gf.evaluate, @gf.fuse): one call evaluates a whole expression blockwise
 * ({@link Blockwise}), so for the thread-safety contract it is one operation over all its inputs and out=.
 * The floating-point flags reported carry, above the usual 4 bits, 4 bits per ufunc of the program
 * ({@link Blockwise#SLOTS}), so Python can warn or raise naming the ufunc as the unfused chain would.
 */
@Facade("Fused")
final class FusedOps {
    private FusedOps() {}

    /**
     * Evaluates {@code program} ({@link FusedExpr}) over {@code inputs} broadcast together; the result goes to
     * out (cast under {@code casting}) or a new array. {@code reduce} is "" or sum, prod, max, min, mean over
     * all axes (then out must be null).
     */
    @Entry(reads = "inputs", writes = "out", fp = "fpMask", op = "\"evaluate\"", numpy = false,
            sample = "xp.evaluate('2*a + 3*b*a', out=a)")
    static NDArray evaluate(String program, NDArray[] inputs, NDArray out, String casting, String reduce, int fpMask) {
        DType[] types = new DType[inputs.length];
        long[][] shapes = new long[inputs.length + (out == null ? 0 : 1)][];
        for (int i = 0; i < inputs.length; i++) {
            types[i] = inputs[i].dtype();
            shapes[i] = inputs[i].shape();
        }
        Blockwise.Program p = FusedCompiler.compile(program, types);
        DType rt = p.resultType();
        if (!reduce.isEmpty()) {
            if (out != null) throw GilfreeException.value("out= is not supported with a reduction");
            long[] shape = Iteration.broadcastShapes(shapes);
            long n = 1;
            for (long d : shape) n *= d;
            BinaryOp fold = switch (reduce) {
                case "sum", "mean" -> BinaryOp.ADD;
                case "max" -> BinaryOp.MAXIMUM;
                case "min" -> BinaryOp.MINIMUM;
                default -> null;
            };
            if (fold != null && Blockwise.foldable(p, inputs, shape, n)) {
                // one pass: each block reduced where it was computed, nothing stored
                int[] flags = new int[1];
                double v = Blockwise.fold(p, inputs, n, fold, flags);
                OpGuard.reportFp(flags[0]);
                NDArray r = NDArray.empty(rt, new long[0]);
                Elements.setDouble(rt, r.segment(), r.offset(), reduce.equals("mean") ? v / n : v);
                return r;
            }
            NDArray tmp = NDArray.empty(rt, shape);
            OpGuard.reportFp(Blockwise.run(p, inputs, tmp));
            return reduceAll(reduce, tmp);
        }
        if (out == null) {
            NDArray res = NDArray.empty(rt, Iteration.broadcastShapes(shapes));
            OpGuard.reportFp(Blockwise.run(p, inputs, res));
            return res;
        }
        shapes[inputs.length] = out.shape();
        long[] shape = Iteration.broadcastShapes(shapes);
        if (!java.util.Arrays.equals(shape, out.shape())) {
            throw GilfreeException.value("non-broadcastable output operand with shape " + Iteration.pyShape(out.shape())
                    + " doesn't match the broadcast shape " + Iteration.pyShape(shape));
        }
        Casting c = Casting.of(casting);
        if (!c.allows(rt, out.dtype())) {
            throw GilfreeException.type("Cannot cast the expression's result from dtype('" + rt.npName() + "') to dtype('"
                    + out.dtype().npName() + "') with casting rule '" + c.npName() + "'");
        }
        // Block by block is safe when out is an input element for element; any other overlap goes through a copy.
        boolean overlaps = false;
        for (NDArray in : inputs) overlaps |= out.overlapsOtherwise(in);
        NDArray target = overlaps ? NDArray.empty(out.dtype(), shape) : out;
        OpGuard.reportFp(Blockwise.run(p, inputs, target));
        if (target != out) Copy.into(target, out);
        return out;
    }

    // The final reduction over every axis, as np.sum/prod/max/min/mean of the element-wise result would do it.
    private static NDArray reduceAll(String reduce, NDArray a) {
        int[] axes = new int[a.ndim()];
        for (int i = 0; i < axes.length; i++) axes[i] = i;
        return switch (reduce) {
            case "sum" -> ReduceOps.reduce("add", a, axes, false, sumType(a.dtype()), null, "none", 0, 0);
            case "prod" -> ReduceOps.reduce("multiply", a, axes, false, sumType(a.dtype()), null, "none", 0, 0);
            case "max", "min" -> {
                String u = reduce.equals("max") ? "maximum" : "minimum";
                if (a.size() == 0) {
                    throw GilfreeException.value("zero-size array to reduction operation " + u + " which has no identity");
                }
                yield ReduceOps.reduce(u, a, axes, false, null, null, "none", 0, 0);
            }
            case "mean" -> mean(a, axes);
            default -> throw GilfreeException.value("unknown reduction '" + reduce + "'");
        };
    }

    // np.sum/np.prod: bools and signed integers add up in int64, unsigned ones in uint64
    private static String sumType(DType t) {
        return t == DType.BOOL || t.kind() == 'i' ? "int64" : t.kind() == 'u' ? "uint64" : null;
    }

    // np.mean: integers and bools sum in float64, float16 in float32 (result float16); the sum divided by the count.
    private static NDArray mean(NDArray a, int[] axes) {
        DType t = a.dtype();
        DType acc = t == DType.FLOAT16 ? DType.FLOAT32 : t.isFloating() || t.kind() == 'c' ? t : DType.FLOAT64;
        DType rt = t == DType.FLOAT16 ? DType.FLOAT16 : acc;
        NDArray s = ReduceOps.reduce("add", a, axes, false, acc.npName(), null, "none", 0, 0);
        double n = a.size();
        if (n == 0) OpGuard.reportFp(FpFlags.INVALID);
        NDArray r = NDArray.empty(rt, new long[0]);
        if (rt.kind() == 'c') {
            Elements.setComplex(rt, r.segment(), r.offset(), Elements.getDouble(acc, s.segment(), s.offset()) / n,
                    Elements.getImag(acc, s.segment(), s.offset()) / n);
        } else if (acc == DType.FLOAT32) {
            Elements.setDouble(rt, r.segment(), r.offset(), (float) Elements.getDouble(acc, s.segment(), s.offset()) / (float) n);
        } else {
            Elements.setDouble(rt, r.segment(), r.offset(), Elements.getDouble(acc, s.segment(), s.offset()) / n);
        }
        return r;
    }
}
