package dev.gilfree.core;

import java.lang.foreign.ValueLayout;

/** The element types of NumPy's numeric core, with NumPy's names and sizes. */
public enum DType {
    BOOL("bool", 'b', 1),
    INT8("int8", 'i', 1), INT16("int16", 'i', 2), INT32("int32", 'i', 4), INT64("int64", 'i', 8),
    UINT8("uint8", 'u', 1), UINT16("uint16", 'u', 2), UINT32("uint32", 'u', 4), UINT64("uint64", 'u', 8),
    FLOAT16("float16", 'f', 2), FLOAT32("float32", 'f', 4), FLOAT64("float64", 'f', 8),
    COMPLEX64("complex64", 'c', 8), COMPLEX128("complex128", 'c', 16);

    private final String npName;
    private final char kind;
    private final int itemsize;

    DType(String npName, char kind, int itemsize) {
        this.npName = npName;
        this.kind = kind;
        this.itemsize = itemsize;
    }

    /** NumPy's name, e.g. "float64". */
    public String npName() { return npName; }

    /** NumPy's kind character: b, i, u, f or c. */
    public char kind() { return kind; }

    public int itemsize() { return itemsize; }

    public boolean isInteger() { return kind == 'i' || kind == 'u'; }

    public boolean isFloating() { return kind == 'f'; }

    /** Unaligned access layout for one element (complex: one component). Views may start at any byte. */
    public ValueLayout elementLayout() {
        return switch (this) {
            case BOOL, INT8, UINT8 -> ValueLayout.JAVA_BYTE;
            case INT16, UINT16, FLOAT16 -> ValueLayout.JAVA_SHORT_UNALIGNED;
            case INT32, UINT32 -> ValueLayout.JAVA_INT_UNALIGNED;
            case INT64, UINT64 -> ValueLayout.JAVA_LONG_UNALIGNED;
            case FLOAT32, COMPLEX64 -> ValueLayout.JAVA_FLOAT_UNALIGNED;
            case FLOAT64, COMPLEX128 -> ValueLayout.JAVA_DOUBLE_UNALIGNED;
        };
    }

    /** Looks a dtype up by NumPy name; raises TypeError (as NumPy does) for unknown names. */
    public static DType of(String name) {
        for (DType d : values()) {
            if (d.npName.equals(name)) return d;
        }
        throw GilfreeException.type("data type '" + name + "' not understood");
    }
}
