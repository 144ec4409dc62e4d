package dev.gilfree.embed;

import dev.gilfree.api.Engine;
import dev.gilfree.core.DType;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.Layout;
import dev.gilfree.core.NDArray;
import dev.gilfree.core.Storage;
import java.lang.foreign.MemorySegment;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Engine arrays over a Java application's data, for handing to Python through a {@link PythonSession}.
 *
 * <p>{@code wrap} methods never copy: the array reads and writes the caller's memory, and a Python
 * script that writes the array writes that memory. The caller must keep the memory valid (for example,
 * not close the {@link java.lang.foreign.Arena} of a wrapped segment) while the array or any view of it
 * is in use; a segment closed too early makes later operations fail with an error, never read freed
 * memory. Elements are in native byte order.
 *
 * <pre>{@code
 * try (Arena arena = Arena.ofConfined()) {
 *     MemorySegment data = arena.allocate(8 * 1000);
 *     NDArray a = EngineArrays.wrap(data, "float64", 10, 100);   // no copy
 *     session.put("a", a);                                      // a gilfree.ndarray in Python
 *     session.exec("a *= 2");                                     // writes `data`
 * }
 * }</pre>
 */
public final class EngineArrays {
    private EngineArrays() {}

    /**
     * A C-contiguous array of {@code dtype} (a NumPy name such as "float64") and {@code shape} over
     * {@code segment}, sharing its memory. The segment must hold at least size * itemsize bytes; a
     * read-only segment gives a read-only array.
     */
    public static NDArray wrap(MemorySegment segment, String dtype, long... shape) {
        DType t = DType.of(dtype);
        long n = Layout.size(shape);
        long need;
        try {
            need = Math.multiplyExact(n, (long) t.itemsize());
        } catch (ArithmeticException e) {
            throw GilfreeException.value("array is too big for the segment");
        }
        if (need > segment.byteSize()) {
            throw GilfreeException.value("segment of " + segment.byteSize() + " bytes is too small for "
                    + n + " elements of " + t.npName() + " (" + need + " bytes)");
        }
        return new NDArray(Storage.wrap(segment), t, Layout.contiguous(shape, t.itemsize()), !segment.isReadOnly(), null);
    }

    /**
     * An array over a buffer's remaining bytes (from its position), sharing its memory. Direct buffers
     * are off-heap like the engine's own arrays (and can go on to NumPy without a copy); heap buffers work
     * too but stay on the Java heap. The buffer's byte order must be the native one.
     */
    public static NDArray wrap(ByteBuffer buffer, String dtype, long... shape) {
        if (buffer.order() != ByteOrder.nativeOrder() && DType.of(dtype).itemsize() > 1) {
            throw GilfreeException.value("buffer byte order " + buffer.order() + " is not the native " + ByteOrder.nativeOrder());
        }
        return wrap(MemorySegment.ofBuffer(buffer), dtype, shape);
    }

    /** An array over any NIO buffer (e.g. a direct {@code DoubleBuffer}), dtype taken from its element type. */
    public static NDArray wrap(Buffer buffer, long... shape) {
        String dtype = switch (buffer) {
            case ByteBuffer b -> "int8";
            case java.nio.ShortBuffer b -> "int16";
            case java.nio.IntBuffer b -> "int32";
            case java.nio.LongBuffer b -> "int64";
            case java.nio.FloatBuffer b -> "float32";
            case java.nio.DoubleBuffer b -> "float64";
            default -> throw GilfreeException.type("unsupported buffer type " + buffer.getClass().getName());
        };
        return wrap(MemorySegment.ofBuffer(buffer), dtype, shape);
    }

    /** A new engine-owned float64 array holding a copy of {@code data} with {@code shape} (1-D when omitted). */
    public static NDArray of(double[] data, long... shape) {
        return Engine.fromDoubles(data, shape.length == 0 ? new long[]{data.length} : shape, "float64");
    }

    /** A new engine-owned int64 array holding a copy of {@code data} with {@code shape} (1-D when omitted). */
    public static NDArray of(long[] data, long... shape) {
        return Engine.fromLongs(data, shape.length == 0 ? new long[]{data.length} : shape, "int64");
    }

    /** A new zero-filled engine array. */
    public static NDArray zeros(String dtype, long... shape) { return Engine.zeros(shape, dtype); }

    /** The array's elements in C order, converted to double (a copy). */
    public static double[] toDoubles(NDArray a) { return Engine.toDoubleArray(a); }

    /** The array's elements in C order, converted to long (a copy). */
    public static long[] toLongs(NDArray a) { return Engine.toLongArray(a); }

    /**
     * The bytes of a C-contiguous array as a segment (no copy): reading it reads the array. Throws
     * ValueError-type {@link GilfreeException} for non-contiguous views (copy them first with
     * {@link Engine#copy}).
     */
    public static MemorySegment segment(NDArray a) {
        if (!a.isCContiguous()) throw GilfreeException.value("array is not C-contiguous; copy it first");
        long bytes = a.size() * a.itemsize();
        MemorySegment s = a.segment().asSlice(a.offset(), bytes);
        return a.isWriteable() ? s : s.asReadOnly();
    }
}
