package dev.gilfree.kernels;

/** Elementwise binary operations with SIMD loops. */
public enum BinaryOp {
    ADD("add"), SUBTRACT("subtract"), MULTIPLY("multiply"), DIVIDE("divide");

    private final String ufuncName;

    BinaryOp(String ufuncName) { this.ufuncName = ufuncName; }

    public String ufuncName() { return ufuncName; }

    /** True division always computes in floating point (NumPy's divide on integers gives float64). */
    public boolean floatOnly() { return this == DIVIDE; }
}
