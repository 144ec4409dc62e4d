package dev.gilfree.kernels;

/** Elementwise unary operations with SIMD loops (transcendentals through the Vector API's math). */
public enum UnaryOp {
    EXP("exp"), NEGATIVE("negative");

    private final String ufuncName;

    UnaryOp(String ufuncName) { this.ufuncName = ufuncName; }

    public String ufuncName() { return ufuncName; }

    /** Transcendental functions compute in floating point: integer input gives float64, as NumPy. */
    public boolean floatOnly() { return this == EXP; }
}
