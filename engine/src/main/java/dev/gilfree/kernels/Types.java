package dev.gilfree.kernels;

import dev.gilfree.core.DType;

/** NumPy's type characters for loop lists, and per-dtype integer limits. */
public final class Types {
    private Types() {}

    public static final String ALL = "?bBhHiIlLefd";
    public static final String NO_BOOL = "bBhHiIlLefd";
    public static final String BOOL_INT = "?bBhHiIlL";
    public static final String INT = "bBhHiIlL";
    public static final String FLOAT = "efd";
    /** The complex loops (ComplexLoops), appended to the lists of the operations that have them. */
    public static final String COMPLEX = "FD";

    public static DType of(char c) {
        return switch (c) {
            case '?' -> DType.BOOL;
            case 'b' -> DType.INT8;
            case 'B' -> DType.UINT8;
            case 'h' -> DType.INT16;
            case 'H' -> DType.UINT16;
            case 'i' -> DType.INT32;
            case 'I' -> DType.UINT32;
            case 'l' -> DType.INT64;
            case 'L' -> DType.UINT64;
            case 'e' -> DType.FLOAT16;
            case 'f' -> DType.FLOAT32;
            case 'd' -> DType.FLOAT64;
            case 'F' -> DType.COMPLEX64;
            case 'D' -> DType.COMPLEX128;
            default -> throw new IllegalArgumentException("type character " + c);
        };
    }

    public static char charOf(DType t) {
        return switch (t) {
            case BOOL -> '?';
            case INT8 -> 'b';
            case UINT8 -> 'B';
            case INT16 -> 'h';
            case UINT16 -> 'H';
            case INT32 -> 'i';
            case UINT32 -> 'I';
            case INT64 -> 'l';
            case UINT64 -> 'L';
            case FLOAT16 -> 'e';
            case FLOAT32 -> 'f';
            case FLOAT64 -> 'd';
            case COMPLEX64 -> 'F';
            case COMPLEX128 -> 'D';
        };
    }

    /** Smallest value of a signed integer dtype (as long). */
    public static long min(DType t) {
        return t == DType.INT64 ? Long.MIN_VALUE : -(1L << (t.itemsize() * 8 - 1));
    }
}
