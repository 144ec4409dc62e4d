package dev.gilfree.api;

import dev.gilfree.core.DType;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.Layout;
import dev.gilfree.core.NDArray;
import dev.gilfree.core.Settings;
import dev.gilfree.core.Storage;
import dev.gilfree.gateway.Entry;
import dev.gilfree.gateway.Facade;
import dev.gilfree.kernels.Copy;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
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
