package dev.gilfree.api;

import dev.gilfree.core.NDArray;
import dev.gilfree.gateway.Entry;
import dev.gilfree.gateway.Facade;

/**
 * Ufunc calls, the ufunc an explicit first argument. {@code fpMask} is the caller's errstate: conditions
 * in it end the call with an FpSignal carrying the finished result (the gateway throws it). The Checked
 * forms are the fast path of Python operators; the Full forms add where=, dtype= and casting=.
 */
@Facade("Ufuncs")
final class UfuncsOps {
    private UfuncsOps() {}

    // Checked: a new result array. Into: into out=, returning nothing (on jep a returned object costs a wrapper
    // per call, measured 1.5 µs of a small gf.add(x, y, out=o); Python returns the out= it holds).
    @Entry(reads = "a", fp = "fpMask", op = "u.name()", sample = "xp.negative(a)")
    static NDArray call1Checked(Ufunc u, NDArray a, int fpMask) { return u.unary(a, null, null, null, null); }

    @Entry(reads = "a", writes = "out", fp = "fpMask", op = "u.name()", sample = "xp.negative(b, out=a)")
    static void call1Into(Ufunc u, NDArray a, NDArray out, int fpMask) { u.unary(a, out, null, null, null); }

    @Entry(reads = {"a", "b"}, fp = "fpMask", op = "u.name()", sample = "xp.add(a, b)")
    static NDArray call2Checked(Ufunc u, NDArray a, NDArray b, int fpMask) { return u.binary(a, b, null, null, null, null); }

    @Entry(reads = {"a", "b"}, writes = "out", fp = "fpMask", op = "u.name()", sample = "xp.add(a, b, out=a)")
    static void call2Into(Ufunc u, NDArray a, NDArray b, NDArray out, int fpMask) { u.binary(a, b, out, null, null, null); }

    @Entry(reads = "a", fp = "fpMask", op = "u.name()", sample = "xp.multiply(a, 2.0)")
    static NDArray call2DoubleChecked(Ufunc u, NDArray a, double s, boolean reversed, int fpMask) {
        return u.withDouble(a, s, reversed, null, null, null, null);
    }

    @Entry(reads = "a", writes = "out", fp = "fpMask", op = "u.name()", sample = "xp.multiply(a, 2.0, out=a)")
    static void call2DoubleInto(Ufunc u, NDArray a, double s, boolean reversed, NDArray out, int fpMask) {
        u.withDouble(a, s, reversed, out, null, null, null);
    }

    @Entry(reads = "a", fp = "fpMask", op = "u.name()", sample = "xp.multiply(a, 2)", dtype = "int64")
    static NDArray call2LongChecked(Ufunc u, NDArray a, long s, boolean reversed, int fpMask) {
        return u.withLong(a, s, reversed, null, null, null, null);
    }

    @Entry(reads = "a", writes = "out", fp = "fpMask", op = "u.name()", sample = "xp.multiply(b.astype(xp.int64), 2, out=a)")
    static void call2LongInto(Ufunc u, NDArray a, long s, boolean reversed, NDArray out, int fpMask) {
        u.withLong(a, s, reversed, out, null, null, null);
    }

    @Entry(reads = {"a", "where"}, writes = "out", fp = "fpMask", op = "u.name()", sample = "xp.negative(b, out=a, where=b > 1.0)")
    static NDArray call1Full(Ufunc u, NDArray a, NDArray out, NDArray where, String dtype, String casting, int fpMask) {
        return u.unary(a, out, where, dtype, casting);
    }

    @Entry(reads = {"a", "b", "where"}, writes = "out", fp = "fpMask", op = "u.name()", sample = "xp.add(a, b, out=a, where=b > 1.0)")
    static NDArray call2Full(Ufunc u, NDArray a, NDArray b, NDArray out, NDArray where, String dtype, String casting, int fpMask) {
        return u.binary(a, b, out, where, dtype, casting);
    }

    @Entry(reads = {"a", "where"}, writes = "out", fp = "fpMask", op = "u.name()", sample = "xp.multiply(a, 2.0, out=a, where=b > 1.0)")
    static NDArray call2DoubleFull(Ufunc u, NDArray a, double s, boolean reversed, NDArray out, NDArray where, String dtype,
                                   String casting, int fpMask) {
        return u.withDouble(a, s, reversed, out, where, dtype, casting);
    }

    @Entry(reads = {"a", "where"}, writes = "out", fp = "fpMask", op = "u.name()", sample = "xp.multiply(b.astype(xp.int64), 2, out=a, where=b > 1.0)")
    static NDArray call2LongFull(Ufunc u, NDArray a, long s, boolean reversed, NDArray out, NDArray where, String dtype,
                                 String casting, int fpMask) {
        return u.withLong(a, s, reversed, out, where, dtype, casting);
    }
}
