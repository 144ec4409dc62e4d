package dev.gilfree.api;

import dev.gilfree.core.Casting;
import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.Promotion;
import dev.gilfree.core.Promotion.ScalarKind;
import dev.gilfree.kernels.BinaryOp;
import dev.gilfree.kernels.Blockwise;
import dev.gilfree.kernels.Blockwise.Step;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Types a {@link FusedExpr} for its inputs' dtypes exactly as the unfused chain of ufunc calls would (each
 * call's loop resolved by {@link Ufunc#loop1}/{@link Ufunc#loop2}, Python scalars weak under NEP 50) and
 * lowers it to a {@link Blockwise.Program}: an explicit conversion wherever a ufunc would cast an input to its
 * loop's dtype. Ufunc steps are numbered in evaluation order (their floating-point slot), the order Python's
 * postfix program lists them in. Programs are cached per (program text, input dtypes).
 */
final class FusedCompiler {
    private static final Map<String, Blockwise.Program> CACHE = new ConcurrentHashMap<>();

    private final List<Step> steps = new ArrayList<>();
    private final List<DType> types = new ArrayList<>();
    private final DType[] inputTypes;
    private int slot;

    private FusedCompiler(DType[] inputTypes) { this.inputTypes = inputTypes; }

    static Blockwise.Program compile(String program, DType[] inputTypes) {
        StringBuilder key = new StringBuilder(program).append('|');
        for (DType t : inputTypes) key.append(t.npName()).append(',');
        String k = key.toString();
        Blockwise.Program p = CACHE.get(k);
        if (p != null) return p;
        FusedCompiler c = new FusedCompiler(inputTypes);
        c.emit(FusedExpr.parse(program));
        p = new Blockwise.Program(c.steps.toArray(Step[]::new), c.types.toArray(DType[]::new));
        if (CACHE.size() > 4096) CACHE.clear();
        CACHE.put(k, p);
        return p;
    }

    private int add(Step s, DType t) {
        steps.add(s);
        types.add(t);
        return steps.size() - 1;
    }

    private DType type(int reg) { return types.get(reg); }

    /** Register of {@code r} in dtype t: r itself or a conversion of it. */
    private int as(int r, DType t) { return type(r) == t ? r : add(new Blockwise.Convert(r), t); }

    /** Emits e; a Python scalar here stands alone, with its default dtype (a pair's scalar is typed in {@link #pair}). */
    private int emit(FusedExpr e) {
        return switch (e) {
            case FusedExpr.Input in -> {
                if (in.index() < 0 || in.index() >= inputTypes.length) throw GilfreeException.value("fused program input out of range");
                yield add(new Blockwise.Load(in.index()), inputTypes[in.index()]);
            }
            case FusedExpr.Const c -> constant(c, strong(c.kind()));
            case FusedExpr.Call call -> call(call);
        };
    }

    /** What a Python int that the other operand's integer dtype cannot hold does (as the unfused ufunc call). */
    private enum OutOfRange { RAISE, WRAP, INT64, FLOAT64 }

    private static final java.util.Set<String> FLOAT_LOOPS = java.util.Set.of("divide", "true_divide", "float_power", "arctan2",
            "hypot", "copysign", "nextafter", "logaddexp", "logaddexp2", "heaviside");
    private static final java.util.Set<String> COMPARISONS = java.util.Set.of("equal", "not_equal", "less", "less_equal",
            "greater", "greater_equal");

    // NEP 50: a Python scalar takes the other operand's dtype; an int it cannot hold is an OverflowError, except
    // that comparisons compare exactly (in int64), float loops divide exactly (in float64) and where() casts unsafely.
    private static DType weakType(FusedExpr.Const c, DType partner, OutOfRange mode) {
        DType t = Promotion.promoteWeak(partner, c.kind());
        if (c.kind() != ScalarKind.INT || !t.isInteger() || t == DType.INT64 || fits(c.bits(), t)) return t;
        return switch (mode) {
            case WRAP -> t;
            case INT64 -> t == DType.UINT64 ? DType.FLOAT64 : DType.INT64;
            case FLOAT64 -> DType.FLOAT64;
            case RAISE -> throw new GilfreeException(GilfreeException.PyType.OverflowError,
                    "Python integer " + c.bits() + " out of bounds for " + t.npName());
        };
    }

    private static boolean fits(long v, DType t) {
        if (t == DType.UINT64) return v >= 0;
        int bits = t.itemsize() * 8;
        return t.kind() == 'u' ? v >= 0 && v < (1L << bits) : v >= -(1L << (bits - 1)) && v < (1L << (bits - 1));
    }

    private static DType strong(ScalarKind k) {
        return switch (k) {
            case BOOL -> DType.BOOL;
            case INT -> DType.INT64;
            case FLOAT -> DType.FLOAT64;
            case COMPLEX -> DType.COMPLEX128;
        };
    }

    private int constant(FusedExpr.Const c, DType t) {
        MemorySegment v = Arena.ofAuto().allocate(16, 16);
        switch (c.kind()) {
            case BOOL, INT -> {
                if (t.kind() == 'c') Elements.setComplex(t, v, 0, c.bits(), 0);
                else if (t.isFloating()) Elements.setDouble(t, v, 0, c.bits());
                else Elements.setLong(t, v, 0, c.bits());
            }
            case FLOAT -> {
                if (t.kind() == 'c') Elements.setComplex(t, v, 0, c.re(), 0);
                else Elements.setDouble(t, v, 0, c.re());
            }
            case COMPLEX -> Elements.setComplex(t, v, 0, c.re(), c.im());
        }
        return add(new Blockwise.Constant(v), t);
    }

    private int call(FusedExpr.Call call) {
        List<FusedExpr> args = call.args();
        return switch (call.fn()) {
            case "where" -> {
                int cond = emit(args.get(0));
                cond = as(cond, DType.BOOL);
                int[] xy = pair(args.get(1), args.get(2), OutOfRange.WRAP);
                DType t = Promotion.promote(type(xy[0]), type(xy[1]));
                int x = as(xy[0], t), y = as(xy[1], t);
                yield add(new Blockwise.Select(cond, x, y), t);
            }
            case "real", "imag" -> {
                int r = emit(args.get(0));
                DType t = type(r);
                boolean imag = call.fn().equals("imag");
                if (t.kind() == 'c') yield add(new Blockwise.Part(r, imag), t == DType.COMPLEX64 ? DType.FLOAT32 : DType.FLOAT64);
                yield imag ? constant(new FusedExpr.Const(ScalarKind.INT, 0, 0, 0), t) : r;
            }
            default -> {
                Ufunc u = Ufunc.get(call.fn());
                if (args.size() == 1) {
                    int a = emit(args.get(0));
                    DType t = u.loop1(type(a), null, Casting.SAME_KIND);
                    a = as(a, t);
                    yield add(new Blockwise.Unary(u.unaryOp(), t, a, slot++), u.unaryOp().outType(t));
                }
                int[] ab = pair(args.get(0), args.get(1), FLOAT_LOOPS.contains(call.fn()) ? OutOfRange.FLOAT64
                        : COMPARISONS.contains(call.fn()) ? OutOfRange.INT64 : OutOfRange.RAISE);
                DType x = type(ab[0]), y = type(ab[1]);
                DType t = u.loop2(Promotion.promote(x, y), x, y, null, Casting.SAME_KIND);
                int a = as(ab[0], t), b = as(ab[1], t);
                BinaryOp op = u.binaryOp();
                if (op == BinaryOp.POWER && t.kind() != 'c' && isConstant(b, t, 2.0)) {
                    // x**2 is x*x: NumPy's own fast path, and the same bits as the power loop (pow(x, 2) is exact x*x rounded once)
                    op = BinaryOp.MULTIPLY;
                    b = a;
                } else if (COMMUTES.contains(op) && isConstant(a, t, Double.NaN) && !isConstant(b, t, Double.NaN)) {
                    int s = a; // the loops' fast paths take a broadcast scalar as the second operand
                    a = b;
                    b = s;
                }
                yield add(new Blockwise.Binary(op, t, a, b, slot++), u.binaryOp().outType(t));
            }
        };
    }

    private static final java.util.Set<BinaryOp> COMMUTES = java.util.EnumSet.of(BinaryOp.ADD, BinaryOp.MULTIPLY,
            BinaryOp.EQUAL, BinaryOp.NOT_EQUAL, BinaryOp.BITWISE_AND, BinaryOp.BITWISE_OR, BinaryOp.BITWISE_XOR);

    /** Whether register r is a constant (of value v, unless v is NaN: any value). */
    private boolean isConstant(int r, DType t, double v) {
        return steps.get(r) instanceof Blockwise.Constant c && (Double.isNaN(v) || Elements.getDouble(t, c.value(), 0) == v);
    }

    // Two operands, left first; a Python scalar takes the other operand's dtype (NEP 50), so it is emitted after it.
    private int[] pair(FusedExpr l, FusedExpr r, OutOfRange mode) {
        boolean lc = l instanceof FusedExpr.Const, rc = r instanceof FusedExpr.Const;
        if (lc && !rc) {
            int b = emit(r);
            return new int[]{constant((FusedExpr.Const) l, weakType((FusedExpr.Const) l, type(b), mode)), b};
        }
        int a = emit(l);
        if (rc && !lc) return new int[]{a, constant((FusedExpr.Const) r, weakType((FusedExpr.Const) r, type(a), mode))};
        return new int[]{a, emit(r)};
    }
}
