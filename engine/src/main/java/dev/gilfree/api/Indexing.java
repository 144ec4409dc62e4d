package dev.gilfree.api;

import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.IndexResolver;
import dev.gilfree.core.Layout;
import dev.gilfree.core.NDArray;
import dev.gilfree.core.OpGuard;
import dev.gilfree.core.StridedWalk;
import dev.gilfree.kernels.Copy;
import dev.gilfree.kernels.Iteration;
import dev.gilfree.kernels.Masked;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Indexing entry points: basic indexing as one view, advanced (integer array) indexing as gather and
 * scatter, and assignment with broadcasting. Every check happens before the first byte is written,
 * so a failed assignment leaves the array as it was.
 */
public final class Indexing {
    private Indexing() {}

    /** a[index] for a basic index (see IndexResolver for the encoding): always a view. */
    public static NDArray basic(NDArray a, long[] spec) {
        return a.view(IndexResolver.resolve(a.layout(), spec));
    }

    /**
     * Advanced indexing of the first {@code k} axes of {@code v} by {@code idx}, an int64 array of shape
     * (k, *b): the result has shape b + v.shape[k:] and is a new array. {@code axes} names the original
     * axis of each indexed axis for error messages.
     */
    public static NDArray gather(NDArray v, NDArray idx, int k, long[] axes) {
        long[] b = Arrays.copyOfRange(idx.shape(), 1, idx.ndim());
        long[][] flat = offsets(v, idx, k, axes);
        long[] vshape = v.shape(), vstrides = v.strides();
        long[] rest = Arrays.copyOfRange(vshape, k, vshape.length), restStrides = Arrays.copyOfRange(vstrides, k, vstrides.length);
        long[] outShape = concat(b, rest);
        NDArray out = NDArray.zeros(v.dtype(), outShape);
        long n = Layout.size(b), block = Layout.size(rest);
        if (n == 0 || block == 0) return out;
        int isz = v.itemsize();
        long[] restC = Layout.cStrides(rest, isz);
        MemorySegment s = v.segment(), d = out.segment();
        for (int p = 0; p < n; p++) {
            long src = flat[0][p];
            if (rest.length == 0) {
                MemorySegment.copy(s, src, d, (long) p * isz, isz);
            } else {
                Copy.into(v.view(new Layout(rest, restStrides, src)), out.view(new Layout(rest, restC, p * block * isz)));
            }
        }
        return out;
    }

    /** v[idx...] = values, the scatter counterpart of gather; values broadcast to b + v.shape[k:]. */
    public static void scatter(NDArray v, NDArray idx, int k, long[] axes, NDArray values) {
        v.checkWriteable();
        long[] b = Arrays.copyOfRange(idx.shape(), 1, idx.ndim());
        long[] vshape = v.shape(), vstrides = v.strides();
        long[] rest = Arrays.copyOfRange(vshape, k, vshape.length), restStrides = Arrays.copyOfRange(vstrides, k, vstrides.length);
        long[] target = concat(b, rest);
        if (!broadcastsTo(values.shape(), target)) {
            throw GilfreeException.value("shape mismatch: value array of shape " + Iteration.pyShape(values.shape())
                    + " could not be broadcast to indexing result of shape " + Iteration.pyShape(target));
        }
        long[][] flat = offsets(v, idx, k, axes); // validates every index before any write
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
            long dst = flat[0][p];
            if (rest.length == 0) MemorySegment.copy(s, (long) p * isz, d, dst, isz);
            else Copy.into(src.view(new Layout(rest, restC, p * block * isz)), v.view(new Layout(rest, restStrides, dst)));
        }
    }

    // Byte offset in v of the start of each indexed block, in C order of b; IndexError before any use.
    private static long[][] offsets(NDArray v, NDArray idx, int k, long[] axes) {
        if (idx.dtype() != DType.INT64 || idx.ndim() < 1 || idx.shape()[0] != k) {
            throw new IllegalArgumentException("index must be int64 of shape (k, ...)");
        }
        long n = idx.size() / Math.max(k, 1);
        if (k == 0) n = Layout.size(Arrays.copyOfRange(idx.shape(), 1, idx.ndim()));
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
        return new long[][]{out};
    }

    /** dst[...] = src with NumPy's broadcasting (src may have extra leading 1s) and casting; src may overlap dst. */
    public static void assign(NDArray dst, NDArray src) {
        dst.checkWriteable();
        long[] target = dst.shape();
        if (!broadcastsTo(src.shape(), target)) {
            throw GilfreeException.value("could not broadcast input array from shape " + Iteration.pyShape(src.shape())
                    + " into shape " + Iteration.pyShape(target));
        }
        NDArray s = squeezeLeading(src, target.length);
        if (s.overlapsOtherwise(dst)) s = Copy.astype(s, s.dtype());
        Copy.into(s, dst);
    }

    /** Writes the one value (re, im) into every element of dst (a[...] = scalar, fill). */
    public static void assignScalar(NDArray dst, double re, double im) {
        dst.checkWriteable();
        NDArray one = NDArray.zeros(dst.dtype(), new long[0]);
        Elements.setComplex(dst.dtype(), one.segment(), 0, re, im);
        Copy.into(one, dst);
    }

    public static void assignLong(NDArray dst, long v) {
        dst.checkWriteable();
        NDArray one = NDArray.zeros(dst.dtype(), new long[0]);
        Elements.setLong(dst.dtype(), one.segment(), 0, v);
        Copy.into(one, dst);
    }

    /** a[mask] for a bool mask of a's own shape: the selected elements in C order, a new 1-d array. */
    public static NDArray maskSelect(NDArray a, NDArray mask) {
        OpGuard.Slot g = OpGuard.enter("getitem", a, mask, null);
        try {
            requireMask(a, mask);
            NDArray out = NDArray.empty(a.dtype(), new long[]{Masked.countTrue(mask)});
            Masked.select(a, mask, out);
            return out;
        } finally { OpGuard.exit(g); }
    }

    /** a[mask] = values for a bool mask of a's own shape; values (a's dtype) has one element or one per true element. */
    public static void maskAssign(NDArray a, NDArray mask, NDArray values) {
        OpGuard.Slot g = OpGuard.enter("setitem", mask, values, a);
        try {
            a.checkWriteable();
            requireMask(a, mask);
            long count = Masked.countTrue(mask);
            if (values.size() != 1 && (values.ndim() != 1 || values.size() != count)) {
                throw GilfreeException.value("NumPy boolean array indexing assignment cannot assign " + values.size()
                        + " input values to the " + count + " output values where the mask is true");
            }
            NDArray v = values.dtype() == a.dtype() && (values.size() == 1 || values.isCContiguous())
                    && !values.overlapsOtherwise(a) ? values : Copy.astype(values, a.dtype());
            Masked.assign(a, mask, v);
        } finally { OpGuard.exit(g); }
    }

    private static void requireMask(NDArray a, NDArray mask) {
        if (mask.dtype() != DType.BOOL || !Arrays.equals(mask.shape(), a.shape())) {
            throw GilfreeException.index("boolean index must be a bool array of the indexed array's shape "
                    + Iteration.pyShape(a.shape()) + ", got " + mask.dtype().npName() + " " + Iteration.pyShape(mask.shape()));
        }
    }

    /** np.nonzero as one int64 array of shape (ndim, count) (row j holds the indices along axis j). */
    public static NDArray nonzero(NDArray a) {
        int nd = a.ndim();
        long[] shape = a.shape();
        DType t = a.dtype();
        MemorySegment s = a.segment();
        long[] count = {0};
        boolean[] hit = new boolean[Math.toIntExact(a.size())];
        int[] k = {0};
        StridedWalk.forEachOffset(a, off -> {
            boolean nz = Elements.getDouble(t, s, off) != 0 || Elements.getImag(t, s, off) != 0
                    || (t.isInteger() && Elements.getLong(t, s, off) != 0);
            if (nz) count[0]++;
            hit[k[0]++] = nz;
        });
        int rows = Math.max(nd, 1);
        NDArray out = NDArray.zeros(DType.INT64, new long[]{rows, count[0]});
        MemorySegment o = out.segment();
        long c = 0;
        long[] idx = new long[nd];
        for (int p = 0; p < hit.length; p++) {
            if (hit[p]) {
                for (int j = 0; j < nd; j++) o.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, j * count[0] + c, idx[j]);
                c++;
            }
            for (int j = nd - 1; j >= 0; j--) {
                if (++idx[j] < shape[j]) break;
                idx[j] = 0;
            }
        }
        return out;
    }

    static boolean broadcastsTo(long[] from, long[] to) {
        int lead = from.length - to.length;
        for (int i = 0; i < lead; i++) if (from[i] != 1) return false;
        for (int i = Math.max(lead, 0); i < from.length; i++) {
            long d = from[i], t = to[i - lead];
            if (d != t && d != 1) return false;
        }
        return true;
    }

    private static NDArray squeezeLeading(NDArray a, int nd) {
        int lead = a.ndim() - nd;
        if (lead <= 0) return a;
        long[] shape = a.shape(), strides = a.strides();
        return a.view(new Layout(Arrays.copyOfRange(shape, lead, shape.length), Arrays.copyOfRange(strides, lead, strides.length), a.offset()));
    }

    static long[] concat(long[] x, long[] y) {
        long[] r = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, r, x.length, y.length);
        return r;
    }
}
