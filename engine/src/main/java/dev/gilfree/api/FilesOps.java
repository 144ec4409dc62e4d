package dev.gilfree.api;

import dev.gilfree.core.DType;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.Layout;
import dev.gilfree.core.NDArray;
import dev.gilfree.core.Settings;
import dev.gilfree.core.Storage;
import dev.gilfree.gateway.Entry;
import dev.gilfree.gateway.Facade;
import dev.gilfree.kernels.ByteSwap;
import dev.gilfree.kernels.Copy;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Arrays whose memory is a file (np.load's {@code mmap_mode}). The mapping belongs to an automatic arena, so it
 * stays valid while any view of the array is reachable, as the engine's own memory does. Host files are
 * beyond a sandboxed session: it cannot look this class up, and the entry refuses where addresses are refused.
 */
@Facade("Files")
final class FilesOps {
    private FilesOps() {}

    /**
     * The {@code shape} array of {@code dtype} stored in file {@code path} from byte {@code offset} (C order, or
     * Fortran order when {@code fortran}), mapped in {@code mode}: "r" read-only, "r+" writes reach the file,
     * "c" copy-on-write (writes stay in memory). The caller has checked that the file is long enough.
     */
    @Entry
    static NDArray map(String path, long offset, String dtype, long[] shape, boolean fortran, String mode) {
        Settings.current().requireAddresses("a memory-mapped file");
        DType dt = DType.of(dtype);
        FileChannel.MapMode how = switch (mode) {
            case "r" -> FileChannel.MapMode.READ_ONLY;
            case "r+" -> FileChannel.MapMode.READ_WRITE;
            case "c" -> FileChannel.MapMode.PRIVATE;
            default -> throw GilfreeException.value("mode must be one of ['r', 'c', 'r+'] (got '" + mode + "')");
        };
        long bytes = Layout.size(shape) * dt.itemsize();
        MemorySegment seg = mapped(Path.of(path), how, offset, bytes);
        boolean copy = seg == null && how == FileChannel.MapMode.PRIVATE;
        // Java maps copy-on-write only through a writable channel: a read-only file gets a private copy
        if (copy) seg = mapped(Path.of(path), FileChannel.MapMode.READ_ONLY, offset, bytes);
        if (seg == null) throw GilfreeException.os("[Errno 13] Permission denied: '" + path + "'", null);
        long[] strides = Layout.cStrides(shape, dt.itemsize());
        if (fortran) {
            long s = dt.itemsize();
            for (int i = 0; i < shape.length; i++) {
                strides[i] = s;
                s *= Math.max(shape[i], 1);
            }
        }
        NDArray a = new NDArray(Storage.wrap(seg), dt, new Layout(shape, strides, 0), how != FileChannel.MapMode.READ_ONLY && !copy, null);
        if (!copy) return a;
        if (!fortran) return Copy.astype(a, dt);
        NDArray c = Copy.astype(a.view(reversed(a.layout())), dt); // keeps Fortran order: copy the C-ordered transpose
        return c.view(reversed(c.layout()));
    }

    /** Bytes per channel call: a ByteBuffer holds under 2**31. */
    private static final long BLOCK = 1L << 30;

    /**
     * Appends {@code a}'s elements (C order, or Fortran order when {@code fortran}) to file {@code path}, created
     * if missing: the data of np.save and ndarray.tofile go from the engine's memory to the file directly.
     */
    @Entry(reads = "a", op = "\"tofile\"", sample = "a.tofile(__import__('os').devnull)")
    static void append(NDArray a, String path, boolean fortran) {
        Settings.current().requireAddresses("writing a host file");
        NDArray src = fortran ? a.view(reversed(a.layout())) : a; // a's Fortran order is its transpose's C order
        if (!src.isCContiguous()) src = Copy.astype(src, src.dtype());
        long bytes = src.size() * src.itemsize();
        MemorySegment seg = src.segment().asSlice(src.offset(), bytes);
        try (FileChannel ch = FileChannel.open(Path.of(path), StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                StandardOpenOption.CREATE)) {
            for (long at = 0; at < bytes; at += BLOCK) {
                ByteBuffer b = seg.asSlice(at, Math.min(BLOCK, bytes - at)).asByteBuffer();
                while (b.hasRemaining()) ch.write(b);
            }
        } catch (IOException e) {
            throw GilfreeException.os(String.valueOf(e.getMessage()), e);
        }
    }

    /**
     * Up to {@code count} elements of {@code dtype} (all whole ones left when negative) from file {@code path} at
     * byte {@code offset}, written in {@code bigEndian} order or else little-endian: fewer when the file ends first
     * (the caller names the shortfall as NumPy does). The data of np.load and np.fromfile, read straight into the
     * engine's memory.
     */
    @Entry
    static NDArray read(String path, long offset, long count, String dtype, boolean bigEndian) {
        Settings.current().requireAddresses("reading a host file");
        DType dt = DType.of(dtype);
        int w = dt.itemsize();
        try (FileChannel ch = FileChannel.open(Path.of(path), StandardOpenOption.READ)) {
            long available = Math.max(0, ch.size() - offset) / w;
            long n = count < 0 ? available : Math.min(count, available);
            NDArray a = NDArray.empty(dt, new long[]{n});
            long bytes = n * w;
            MemorySegment seg = a.segment().asSlice(a.offset(), bytes);
            for (long at = 0; at < bytes; at += BLOCK) {
                ByteBuffer b = seg.asSlice(at, Math.min(BLOCK, bytes - at)).asByteBuffer();
                while (b.hasRemaining()) {
                    if (ch.read(b, offset + at + b.position()) < 0) throw GilfreeException.value("the file shrank while it was read");
                }
            }
            if (ByteSwap.needed(bigEndian)) ByteSwap.swap(seg, 0, bytes, dt.kind() == 'c' ? w / 2 : w);
            return a;
        } catch (IOException e) {
            throw GilfreeException.os(String.valueOf(e.getMessage()), e);
        }
    }

    private static Layout reversed(Layout l) {
        long[] shape = l.shape(), strides = l.strides();
        int n = shape.length;
        long[] s2 = new long[n], t2 = new long[n];
        for (int i = 0; i < n; i++) {
            s2[i] = shape[n - 1 - i];
            t2[i] = strides[n - 1 - i];
        }
        return new Layout(s2, t2, l.offset());
    }

    /** The mapping, or null when the file may not be opened so (permission denied). */
    private static MemorySegment mapped(Path path, FileChannel.MapMode how, long offset, long bytes) {
        var options = how == FileChannel.MapMode.READ_ONLY
                ? new StandardOpenOption[]{StandardOpenOption.READ}
                : new StandardOpenOption[]{StandardOpenOption.READ, StandardOpenOption.WRITE};
        try (FileChannel ch = FileChannel.open(path, options)) {
            if (offset + bytes > ch.size()) throw GilfreeException.value("mmap length is greater than file size");
            return ch.map(how, offset, bytes, Arena.ofAuto()); // the mapping outlives the channel
        } catch (AccessDeniedException e) {
            return null;
        } catch (IOException e) {
            throw GilfreeException.os(String.valueOf(e.getMessage()), e);
        }
    }
}
