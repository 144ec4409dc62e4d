package dev.gilfree.core;

import java.util.Arrays;

/**
 * Shape, strides (in bytes, may be negative or zero) and byte offset of an array view. Immutable:
 * a thread that holds a Layout can never see a half-updated shape.
 */
public record Layout(long[] shape, long[] strides, long offset) {
    public Layout {
        if (shape.length != strides.length) throw new IllegalArgumentException("shape and strides differ in length");
        shape = shape.clone();
        strides = strides.clone();
    }

    /** C-order (row-major) contiguous layout of the given shape. */
    public static Layout contiguous(long[] shape, int itemsize) {
        return new Layout(shape, cStrides(shape, itemsize), 0);
    }

    public static long[] cStrides(long[] shape, int itemsize) {
        long[] strides = new long[shape.length];
        long s = itemsize;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= Math.max(shape[i], 1);
        }
        return strides;
    }

    /** Number of elements, or MemoryError/ValueError for shapes that cannot exist. */
    public static long size(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) throw GilfreeException.value("negative dimensions are not allowed");
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException e) {
                throw GilfreeException.value("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
            }
        }
        return n;
    }

    public int ndim() { return shape.length; }

    private boolean isEmpty() {
        for (long d : shape) {
            if (d == 0) return true;
        }
        return false;
    }

    public long size() { return size(shape); }

    // Accessors hand out copies so callers cannot change a layout in place.
    @Override public long[] shape() { return shape.clone(); }

    @Override public long[] strides() { return strides.clone(); }

    long dim(int axis) { return shape[axis]; }

    long stride(int axis) { return strides[axis]; }

    public boolean isCContiguous(int itemsize) {
        if (isEmpty()) return true; // NumPy: an array with no elements is contiguous both ways
        long expected = itemsize;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && strides[i] != expected) return false;
            expected *= shape[i];
        }
        return true;
    }

    public boolean isFContiguous(int itemsize) {
        if (isEmpty()) return true;
        long expected = itemsize;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] != 1 && strides[i] != expected) return false;
            expected *= shape[i];
        }
        return true;
    }

    @Override public boolean equals(Object o) {
        return o instanceof Layout l && offset == l.offset && Arrays.equals(shape, l.shape) && Arrays.equals(strides, l.strides);
    }

    @Override public int hashCode() { return Arrays.hashCode(shape) * 31 + Arrays.hashCode(strides) + Long.hashCode(offset); }

    @Override public String toString() {
        return "Layout[shape=" + Arrays.toString(shape) + ", strides=" + Arrays.toString(strides) + ", offset=" + offset + "]";
    }
}
