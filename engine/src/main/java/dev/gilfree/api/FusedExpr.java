package dev.gilfree.api;

import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.Promotion.ScalarKind;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fused expression as Python sends it: postfix tokens separated by spaces. {@code a<k>} is input array k;
 * {@code i<n>}, {@code f<x>}, {@code b0}/{@code b1} and {@code c<re>,<im>} are Python int, float, bool and
 * complex constants (NEP 50 weak scalars); {@code u:<ufunc>} and {@code b:<ufunc>} apply a unary or binary
 * ufunc to the last one or two values; {@code where}, {@code real} and {@code imag} are what their names say.
 */
sealed interface FusedExpr {
    record Input(int index) implements FusedExpr {}

    /** A Python scalar: {@code re} (and {@code im}) for floats and complex, {@code bits} for ints and bools. */
    record Const(ScalarKind kind, double re, double im, long bits) implements FusedExpr {}

    /** fn is a ufunc name, "where", "real" or "imag". */
    record Call(String fn, List<FusedExpr> args) implements FusedExpr {}

    Map<String, FusedExpr> PARSED = new ConcurrentHashMap<>();

    /** The tree of {@code program}; parsed once per distinct program text. */
    static FusedExpr parse(String program) {
        FusedExpr e = PARSED.get(program);
        if (e != null) return e;
        e = parseNew(program);
        if (PARSED.size() > 4096) PARSED.clear(); // a program generator must not grow this without bound
        PARSED.put(program, e);
        return e;
    }

    private static FusedExpr parseNew(String program) {
        ArrayDeque<FusedExpr> stack = new ArrayDeque<>();
        for (String tok : program.trim().split(" +")) {
            FusedExpr e = switch (tok) {
                case "where" -> call("where", stack, 3);
                case "real", "imag" -> call(tok, stack, 1);
                case "b0", "b1" -> new Const(ScalarKind.BOOL, 0, 0, tok.equals("b1") ? 1 : 0);
                default -> switch (tok.charAt(0)) {
                    case 'a' -> new Input(Integer.parseInt(tok.substring(1)));
                    case 'i' -> new Const(ScalarKind.INT, 0, 0, Long.parseLong(tok.substring(1)));
                    case 'f' -> new Const(ScalarKind.FLOAT, Double.parseDouble(tok.substring(1)), 0, 0);
                    case 'c' -> {
                        String[] p = tok.substring(1).split(",");
                        yield new Const(ScalarKind.COMPLEX, Double.parseDouble(p[0]), Double.parseDouble(p[1]), 0);
                    }
                    case 'u' -> call(tok.substring(2), stack, 1);
                    case 'b' -> call(tok.substring(2), stack, 2);
                    default -> throw GilfreeException.value("bad fused program token '" + tok + "'");
                };
            };
            stack.push(e);
        }
        if (stack.size() != 1) throw GilfreeException.value("bad fused program '" + program + "'");
        return stack.pop();
    }

    private static Call call(String fn, ArrayDeque<FusedExpr> stack, int n) {
        if (stack.size() < n) throw GilfreeException.value("bad fused program: " + fn + " needs " + n + " operands");
        FusedExpr[] args = new FusedExpr[n];
        for (int i = n - 1; i >= 0; i--) args[i] = stack.pop();
        return new Call(fn, List.of(args));
    }
}
