package dev.gilfree.core;

import java.lang.foreign.MemorySegment;

/**
 * An n-dimensional view of typed elements in off-heap storage. Everything here is final: views get
 * new NDArray objects, so a reader in another thread always sees a consistent dtype, shape and strides.
 * Element values may of course be written concurrently (racy, as in NumPy, but always in bounds).
 */
public final class NDArray {
    private final Storage storage;
    private final DType dtype;
    private final Layout layout;
    private final boolean writeable;
    private final NDArray base; // the array whose memory this view uses, or null when it owns its data
    private final long size;
    private final boolean cContiguous;

    public NDArray(Storage storage, DType dtype, Layout layout, boolean writeable, NDArray base) {
        this.storage = storage;
        this.dtype = dtype;
        this.layout = layout;
        this.writeable = writeable;
        this.base = base;
        this.size = layout.size();
        this.cContiguous = layout.isCContiguous(dtype.itemsize());
        checkBounds();
        if (base != null) storage.registerView(this);
    }

    /** A new C-contiguous, zero-filled array. */
    public static NDArray zeros(DType dtype, long[] shape) {
        return new NDArray(Storage.allocate(byteSize(dtype, shape)), dtype, Layout.contiguous(shape, dtype.itemsize()), true, null);
    }

    /** A new C-contiguous array with unspecified contents, for results the caller writes in full. */
    public static NDArray empty(DType dtype, long[] shape) {
        return new NDArray(Storage.allocateUninitialized(byteSize(dtype, shape)), dtype,
                Layout.contiguous(shape, dtype.itemsize()), true, null);
    }

    private static long byteSize(DType dtype, long[] shape) {
        long n = Layout.size(shape);
        long bytes;
        try {
            bytes = Math.multiplyExact(n, (long) dtype.itemsize());
        } catch (ArithmeticException e) {
            throw GilfreeException.value("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
        }
        return bytes;
    }

    /** A view of the same memory with another layout (bounds are checked). */
    public NDArray view(Layout newLayout) {
        return new NDArray(storage, dtype, newLayout, writeable, base == null ? this : base);
    }

    /** A view with another layout that may also drop write access (broadcast_to's read-only views). */
    public NDArray view(Layout newLayout, boolean writeableView) {
        return new NDArray(storage, dtype, newLayout, writeable && writeableView, base == null ? this : base);
    }

    /** The same array (same layout, same base) with the WRITEABLE flag changed; ValueError as NumPy when not allowed. */
    public NDArray withWriteable(boolean w, boolean allowed) {
        // a read-only file mapping can never be written, whatever the flag says
        if (w && (!writeable && !allowed || storage.isFrozen() || storage.segment().isReadOnly())) throw GilfreeException.value("cannot set WRITEABLE flag to True of this array");
        return new NDArray(storage, dtype, layout, w, base);
    }

    /** A view of the same bytes as another dtype, with a layout in bytes (bounds are checked). */
    public NDArray reinterpret(DType newType, Layout newLayout) {
        return new NDArray(storage, newType, newLayout, writeable, base == null ? this : base);
    }

    /** z.real / z.imag of a complex array: a float view of the same memory (writes go through, as NumPy). */
    public NDArray complexPart(boolean imag) {
        if (dtype.kind() != 'c') throw GilfreeException.type("complexPart of a " + dtype.npName() + " array");
        DType part = dtype == DType.COMPLEX64 ? DType.FLOAT32 : DType.FLOAT64;
        Layout l = new Layout(layout.shape(), layout.strides(), layout.offset() + (imag ? part.itemsize() : 0));
        return new NDArray(storage, part, l, writeable, base == null ? this : base);
    }

    // Every element of the view must lie inside the storage: a corrupt layout must never reach a kernel.
    private void checkBounds() {
        if (size == 0) return;
        long lo = layout.offset(), hi = layout.offset();
        long[] shape = layout.shape(), strides = layout.strides();
        boolean overflow = false;
        try {
            for (int i = 0; i < shape.length; i++) {
                long extent = Math.multiplyExact(shape[i] - 1, strides[i]);
                if (extent < 0) lo = Math.addExact(lo, extent); else hi = Math.addExact(hi, extent);
            }
            hi = Math.addExact(hi, dtype.itemsize());
        } catch (ArithmeticException e) {
            overflow = true;
        }
        if (overflow || lo < 0 || hi > storage.byteSize()) {
            throw new IllegalStateException("layout " + layout + " reaches outside its " + storage.byteSize() + "-byte storage");
        }
    }

    public Storage storage() { return storage; }

    public MemorySegment segment() { return storage.segment(); }

    public DType dtype() { return dtype; }

    public String dtypeName() { return dtype.npName(); }

    public Layout layout() { return layout; }

    public long[] shape() { return layout.shape(); }

    public long[] strides() { return layout.strides(); }

    public long offset() { return layout.offset(); }

    public int ndim() { return layout.ndim(); }

    public long size() { return size; }

    public int itemsize() { return dtype.itemsize(); }

    public boolean isWriteable() { return writeable && !storage.isFrozen(); }

    public boolean isCContiguous() { return cContiguous; }

    public boolean isFContiguous() { return layout.isFContiguous(dtype.itemsize()); }

    public NDArray base() { return base; }

    public boolean ownsData() { return base == null; }

    /** True when both views may touch the same bytes (same storage, overlapping byte ranges). */
    public boolean mayShareMemory(NDArray o) {
        if (storage != o.storage || size == 0 || o.size == 0) return false;
        return byteLow() < o.byteHigh() && o.byteLow() < byteHigh();
    }

    /**
     * True when {@code o} shares memory with this view other than element for element (same layout and
     * dtype): writing this view while reading {@code o} in one pass would then read overwritten data.
     */
    public boolean overlapsOtherwise(NDArray o) {
        return mayShareMemory(o) && !(dtype == o.dtype && layout.equals(o.layout));
    }

    private long byteLow() {
        long lo = layout.offset();
        long[] shape = layout.shape(), strides = layout.strides();
        for (int i = 0; i < shape.length; i++) if (strides[i] < 0) lo += (shape[i] - 1) * strides[i];
        return lo;
    }

    private long byteHigh() {
        long hi = layout.offset() + dtype.itemsize();
        long[] shape = layout.shape(), strides = layout.strides();
        for (int i = 0; i < shape.length; i++) if (strides[i] > 0) hi += (shape[i] - 1) * strides[i];
        return hi;
    }

    /** Raises the ValueError NumPy raises when writing to a read-only array. */
    public void checkWriteable() {
        if (!writeable || storage.isFrozen()) throw GilfreeException.value("assignment destination is read-only");
    }

    /** Byte offset of the element at a (possibly negative) index tuple; IndexError when out of range. */
    public long byteOffsetOf(long[] index) {
        if (index.length < layout.ndim()) {
            throw GilfreeException.index("expected " + layout.ndim() + " indices for a single element, got " + index.length);
        }
        if (index.length > layout.ndim()) {
            throw GilfreeException.index("too many indices for array: array is " + layout.ndim()
                    + "-dimensional, but " + index.length + " were indexed");
        }
        long off = layout.offset();
        for (int axis = 0; axis < index.length; axis++) off += stepTo(axis, index[axis]);
        return off;
    }

    /** Byte offset of a[i] in a 1-d array: the a[0] += ... path, with no long[] to convert at the bridge. */
    public long byteOffsetAt(long i) {
        return layout.ndim() == 1 ? layout.offset() + stepTo(0, i) : byteOffsetOf(new long[] {i});
    }

    // Bytes from the start of the view to index i (negative counts from the end) along one axis.
    private long stepTo(int axis, long i) {
        long n = layout.dim(axis);
        if (i < -n || i >= n) {
            throw GilfreeException.index("index " + i + " is out of bounds for axis " + axis + " with size " + n);
        }
        return (i < 0 ? i + n : i) * layout.stride(axis);
    }

    /** All elements in C order as doubles. Unguarded: Python and embedders call Engine.toDoubleArray. */
    public double[] toDoubleArray() {
        double[] out = new double[Math.toIntExact(size)];
        int[] k = {0};
        StridedWalk.forEachOffset(this, off -> out[k[0]++] = Elements.getDouble(dtype, segment(), off));
        return out;
    }

    /** All elements in C order as interleaved (real, imaginary) pairs. */
    public double[] toComplexArray() {
        double[] out = new double[Math.toIntExact(2 * size)];
        int[] k = {0};
        StridedWalk.forEachOffset(this, off -> {
            out[k[0]++] = Elements.getDouble(dtype, segment(), off);
            out[k[0]++] = Elements.getImag(dtype, segment(), off);
        });
        return out;
    }

    /** All elements in C order as longs (for tolist and tests). */
    public long[] toLongArray() {
        long[] out = new long[Math.toIntExact(size)];
        int[] k = {0};
        StridedWalk.forEachOffset(this, off -> out[k[0]++] = Elements.getLong(dtype, segment(), off));
        return out;
    }
}
