package dev.gilfree.api;

import dev.gilfree.core.DType;
import dev.gilfree.core.Layout;
import dev.gilfree.core.NDArray;
import dev.gilfree.core.Settings;
import dev.gilfree.core.Storage;
import dev.gilfree.gateway.Entry;
import dev.gilfree.gateway.Facade;
import java.lang.foreign.MemorySegment;

/**
 * What the Python package needs to share an array's memory with other libraries (NumPy's
 * {@code __array_interface__}) without copying: where the memory is, and views built over memory that
 * came from the engine. Addresses are only meaningful while the array stays reachable; the Python side
 * keeps the gilfree array alive as the base of every foreign view. A session whose {@link Settings} refuse
 * addresses (a sandboxed one) gets PermissionError from the calls that reveal one.
 */
@Facade("Interop")
final class InteropOps {
    private InteropOps() {}

    /** True when the array's memory is native (off-heap) and so has a stable address. */
    @Entry
    static boolean hasAddress(NDArray a) { return a.segment().isNative(); }

    /** Address of the storage's first byte (not the view's: add {@link NDArray#offset()}). */
    @Entry
    static long storageAddress(NDArray a) {
        Settings.current().requireAddresses("Interop.storageAddress");
        MemorySegment s = a.segment();
        if (!s.isNative()) throw dev.gilfree.core.GilfreeException.value("array memory is on the Java heap and has no stable address");
        return s.address();
    }

    /**
     * Everything NumPy's {@code __array_interface__} needs, in one call: {@code [address of the view's
     * first byte (0 when the memory is on the Java heap), writeable ? 1 : 0, storage address (0 if none),
     * ndim, shape..., strides...]}.
     */
    @Entry(reads = "a", op = "\"__array_interface__\"", sample = "__import__('numpy').asarray(a)")
    static long[] arrayInterface(NDArray a) {
        Settings.current().requireAddresses("__array_interface__");
        long[] shape = a.shape(), strides = a.strides();
        int nd = shape.length;
        long[] out = new long[4 + 2 * nd];
        MemorySegment s = a.segment();
        long base = s.isNative() ? s.address() : 0;
        out[0] = base == 0 ? 0 : base + a.offset();
        out[1] = a.isWriteable() ? 1 : 0;
        out[2] = base;
        out[3] = nd;
        System.arraycopy(shape, 0, out, 4, nd);
        System.arraycopy(strides, 0, out, 4 + nd, nd);
        return out;
    }

    /**
     * A view of {@code base}'s storage with the given dtype, shape, byte strides and byte offset (from the
     * storage's start). Bounds are checked; the view is read-only when {@code writeable} is false or the
     * base is read-only.
     */
    @Entry
    static NDArray view(NDArray base, String dtype, long[] shape, long[] strides, long offset, boolean writeable) {
        return new NDArray(base.storage(), DType.of(dtype), new Layout(shape, strides, offset),
                writeable && base.isWriteable(), base.ownsData() ? base : base.base());
    }

    /**
     * An array over memory another library owns (a NumPy array's buffer), with no copy: {@code bytes} bytes
     * from {@code address}, viewed with the given dtype, shape, byte strides and byte offset (from
     * {@code address}; negative strides reach back towards it). {@code owner} is the caller's fresh token for
     * the object keeping that memory alive: {@link #releasedOwners} returns it once neither this array nor
     * any view of it is reachable; until then {@link #wrapOwned} makes more views of the same storage.
     * Bounds are checked against {@code bytes}.
     */
    @Entry
    static NDArray wrapForeign(long address, long bytes, String dtype, long[] shape, long[] strides, long offset,
                               boolean writeable, long owner) {
        Settings.current().requireAddresses("Interop.wrapForeign");
        Storage s = Storage.foreign(address, bytes, owner);
        return new NDArray(s, DType.of(dtype), new Layout(shape, strides, offset), writeable, null);
    }

    /**
     * Another view of the foreign storage wrapped for {@code owner} (offset from its first byte), or null
     * when that storage was collected: the caller then wraps the memory again under a new token.
     */
    @Entry
    static NDArray wrapOwned(long owner, String dtype, long[] shape, long[] strides, long offset, boolean writeable) {
        Storage s = Storage.foreignOf(owner);
        if (s == null) return null;
        return new NDArray(s, DType.of(dtype), new Layout(shape, strides, offset), writeable, null);
    }

    /** Owner tokens of {@link #wrapForeign} arrays the collector found unreachable since the last call. */
    @Entry
    static long[] releasedOwners() { return Storage.releasedOwners(); }
}
