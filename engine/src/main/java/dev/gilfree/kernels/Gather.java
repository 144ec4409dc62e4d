package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.Layout;
import dev.gilfree.core.NDArray;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Advanced (integer array) indexing of the first k axes: gather a[idx] and scatter a[idx] = v. Every index
 * is checked before the first byte moves, so a failed scatter leaves the array as it was.
 */
public final class Gather {
    private Gather() {}

    /** v[idx] for idx int64 of shape (k, *b): a new array of shape b + v.shape[k:]; axes name v's axes for messages. */
    public static NDArray gather(NDArray v, NDArray idx, int k, long[] axes) {
        long[] b = Arrays.copyOfRange(idx.shape(), 1, idx.ndim());
        long[] flat = offsets(v, idx, k, axes);
        long[] vshape = v.shape(), vstrides = v.strides();
        long[] rest = Arrays.copyOfRange(vshape, k, vshape.length), restStrides = Arrays.copyOfRange(vstrides, k, vstrides.length);
        NDArray out = NDArray.zeros(v.dtype(), concat(b, rest));
        long n = Layout.size(b), block = Layout.size(rest);
        if (n == 0 || block == 0) return out;
        int isz = v.itemsize();
        long[] restC = Layout.cStrides(rest, isz);
        MemorySegment s = v.segment(), d = out.segment();
        for (int p = 0; p < n; p++) {
            if (rest.length == 0) MemorySegment.copy(s, flat[p], d, (long) p * isz, isz);
            else Copy.into(v.view(new Layout(rest, restStrides, flat[p])), out.view(new Layout(rest, restC, p * block * isz)));
        }
        return out;
    }

    /** v[idx] = values, values broadcast to b + v.shape[k:]. */
    public static void scatter(NDArray v, NDArray idx, int k, long[] axes, NDArray values) {
        long[] b = Arrays.copyOfRange(idx.shape(), 1, idx.ndim());
        long[] vshape = v.shape(), vstrides = v.strides();
        long[] rest = Arrays.copyOfRange(vshape, k, vshape.length), restStrides = Arrays.copyOfRange(vstrides, k, vstrides.length);
        long[] target = concat(b, rest);
        if (!Iteration.broadcastsTo(values.shape(), target)) {
            throw GilfreeException.value("shape mismatch: value array of shape " + Iteration.pyShape(values.shape())
                    + " could not be broadcast to indexing result of shape " + Iteration.pyShape(target));
        }
        long[] flat = offsets(v, idx, k, axes); // validates every index before any write
        long n = Layout.size(b);
        if (n == 0 || Layout.size(rest) == 0) return;
        // values as a C-contiguous array of the target shape and v's dtype (also removes any overlap with v)
        NDArray src = NDArray.zeros(v.dtype(), target);
        Copy.into(squeezeLeading(values, target.length), src);
        int isz = v.itemsize();
        long block = Layout.size(rest);
        long[] restC = Layout.cStrides(rest, isz);
        MemorySegment s = src.segment(), d = v.segment();
        for (int p = 0; p < n; p++) {
            if (rest.length == 0) MemorySegment.copy(s, (long) p * isz, d, flat[p], isz);
            else Copy.into(src.view(new Layout(rest, restC, p * block * isz)), v.view(new Layout(rest, restStrides, flat[p])));
        }
    }

    // Byte offset in v of the start of each indexed block, in C order of b; IndexError before any use.
    private static long[] offsets(NDArray v, NDArray idx, int k, long[] axes) {
        if (idx.dtype() != DType.INT64 || idx.ndim() < 1 || idx.shape()[0] != k) {
            throw GilfreeException.value("index must be int64 of shape (k, ...)");
        }
        long n = k == 0 ? Layout.size(Arrays.copyOfRange(idx.shape(), 1, idx.ndim())) : idx.size() / k;
        long[] vals = idx.toLongArray();
        long[] vshape = v.shape(), vstrides = v.strides();
        long[] out = new long[Math.toIntExact(n)];
        Arrays.fill(out, v.offset());
        for (int j = 0; j < k; j++) {
            long size = vshape[j];
            for (int p = 0; p < n; p++) {
                long i = vals[(int) (j * n + p)];
                if (i < -size || i >= size) {
                    throw GilfreeException.index("index " + i + " is out of bounds for axis " + axes[j] + " with size " + size);
                }
                out[p] += (i < 0 ? i + size : i) * vstrides[j];
            }
        }
        return out;
    }

    /** {@code a} without leading axes beyond {@code nd} (they are all 1 when it broadcasts to an nd-dim shape). */
    public static NDArray squeezeLeading(NDArray a, int nd) {
        int lead = a.ndim() - nd;
        if (lead <= 0) return a;
        long[] shape = a.shape(), strides = a.strides();
        return a.view(new Layout(Arrays.copyOfRange(shape, lead, shape.length), Arrays.copyOfRange(strides, lead, strides.length), a.offset()));
    }

    private static long[] concat(long[] x, long[] y) {
        long[] r = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, r, x.length, y.length);
        return r;
    }
}
