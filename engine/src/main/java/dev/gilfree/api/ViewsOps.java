package dev.gilfree.api;

import dev.gilfree.core.DType;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.Layout;
import dev.gilfree.core.NDArray;
import dev.gilfree.gateway.Entry;
import dev.gilfree.gateway.Facade;
import dev.gilfree.kernels.Copy;
import dev.gilfree.kernels.Iteration;

/**
 * Views with a new layout over the same memory, and the manipulation calls built on them. Making a view
 * reads no element, so those entries declare no reads; the ones that copy do.
 */
@Facade("Views")
final class ViewsOps {
    private ViewsOps() {}

    /** A view with the given layout (its reach is checked against the storage); read-only when asked. */
    @Entry
    static NDArray strided(NDArray a, long[] shape, long[] strides, long offset, boolean writeable) {
        return a.view(new Layout(shape, strides, offset), writeable);
    }

    /**
     * The same memory read as another dtype (ndarray.view(dtype), getfield): the caller computed the layout
     * in bytes; it is checked against the storage like any view's.
     */
    @Entry
    static NDArray reinterpret(NDArray a, String dtype, long[] shape, long[] strides, long offset) {
        return a.reinterpret(DType.of(dtype), new Layout(shape, strides, offset));
    }

    /** z.real / z.imag of a complex array: a float view of the same memory (writes go through, as NumPy). */
    @Entry
    static NDArray complexPart(NDArray a, boolean imag) {
        return a.complexPart(imag);
    }

    /** Axes permuted: axes[i] is the source axis of the view's axis i (the caller validated them). */
    @Entry
    static NDArray permute(NDArray a, int[] axes) {
        long[] shape = a.shape(), strides = a.strides();
        long[] ns = new long[axes.length], nt = new long[axes.length];
        for (int i = 0; i < axes.length; i++) {
            ns[i] = shape[axes[i]];
            nt[i] = strides[axes[i]];
        }
        return a.view(new Layout(ns, nt, a.offset()));
    }

    /** A read-only view of {@code a} broadcast to {@code shape} (np.broadcast_to). */
    @Entry
    static NDArray broadcastTo(NDArray a, long[] shape) {
        Layout.size(shape);
        if (!Iteration.broadcastsTo(a.shape(), shape) || a.ndim() > shape.length) {
            throw GilfreeException.value("operands could not be broadcast together with remapped shapes [original->remapped]: "
                    + Iteration.pyShape(a.shape()) + "  and requested shape " + Iteration.pyShape(shape));
        }
        return a.view(new Layout(shape, Iteration.broadcastStrides(a.shape(), a.strides(), shape), a.offset()), false);
    }

    /** C-order reshape as a view when the strides allow it (NumPy's attempt_nocopy), else null. */
    @Entry
    static NDArray reshapeView(NDArray a, long[] newShape) {
        long[] strides = reshapeStrides(a.shape(), a.strides(), newShape, a.itemsize());
        return strides == null ? null : a.view(new Layout(newShape, strides, a.offset()));
    }

    /** C-order reshape: a view when possible, else a view of a C-ordered copy. */
    @Entry(reads = "a", sample = "a.T.reshape(12)")
    static NDArray reshape(NDArray a, long[] newShape) {
        if (Layout.size(newShape) != a.size()) {
            throw GilfreeException.value("cannot reshape array of size " + a.size() + " into shape " + Iteration.pyShape(newShape));
        }
        NDArray v = reshapeView(a, newShape);
        if (v != null) return v;
        NDArray c = Copy.astype(a, a.dtype());
        return c.view(new Layout(newShape, Layout.cStrides(newShape, c.itemsize()), 0));
    }

    private static long[] reshapeStrides(long[] old, long[] oldStrides, long[] shape, int itemsize) {
        if (Layout.size(old) == 0 || Layout.size(shape) == 0) return Layout.cStrides(shape, itemsize);
        // drop size-1 axes of the old shape; they carry no stride information
        int n = 0;
        long[] os = new long[old.length], ot = new long[old.length];
        for (int i = 0; i < old.length; i++) {
            if (old[i] != 1) {
                os[n] = old[i];
                ot[n++] = oldStrides[i];
            }
        }
        long[] out = new long[shape.length];
        int oi = 0, oj = 1, ni = 0, nj = 1;
        int nn = shape.length;
        while (ni < nn && oi < n) {
            long np = shape[ni], op = os[oi];
            while (np != op) {
                if (np < op) np *= shape[nj++];
                else op *= os[oj++];
            }
            for (int ok = oi; ok < oj - 1; ok++) {
                if (ot[ok] != os[ok + 1] * ot[ok + 1]) return null;
            }
            out[nj - 1] = ot[oj - 1];
            for (int nk = nj - 1; nk > ni; nk--) out[nk - 1] = out[nk] * shape[nk];
            ni = nj++;
            oi = oj++;
        }
        long last = ni > 0 ? out[ni - 1] : itemsize;
        for (int nk = ni; nk < nn; nk++) out[nk] = last; // trailing size-1 axes
        return out;
    }

    /** A new array of {@code shape} with Fortran (column-major) strides, holding a's values. */
    @Entry(reads = "a", sample = "a.copy(order=\"F\")")
    static NDArray copyF(NDArray a) {
        long[] shape = a.shape();
        int nd = shape.length;
        long[] rev = new long[nd];
        for (int i = 0; i < nd; i++) rev[i] = shape[nd - 1 - i];
        NDArray c = NDArray.zeros(a.dtype(), rev);
        long[] cs = c.strides(), fs = new long[nd];
        for (int i = 0; i < nd; i++) fs[i] = cs[nd - 1 - i];
        NDArray f = new NDArray(c.storage(), a.dtype(), new Layout(shape, fs, 0), true, null);
        Copy.into(a, f);
        return f;
    }

    /** np.concatenate along {@code axis} (already normalised) into a new array of {@code dtype}. */
    @Entry(reads = "arrays", sample = "xp.concatenate([a, b])")
    static NDArray concatenate(NDArray[] arrays, int axis, String dtype) {
        if (arrays.length == 0) throw GilfreeException.value("need at least one array to concatenate");
        long[] first = arrays[0].shape();
        int nd = first.length;
        long total = 0;
        for (int i = 0; i < arrays.length; i++) {
            long[] s = arrays[i].shape();
            if (s.length != nd) {
                throw GilfreeException.value("all the input array dimensions except for the concatenation axis must match exactly, but along dimension 0, the array at index 0 has " + nd
                        + " dimension(s) and the array at index " + i + " has " + s.length + " dimension(s)");
            }
            for (int d = 0; d < nd; d++) {
                if (d != axis && s[d] != first[d]) {
                    throw GilfreeException.value("all the input array dimensions except for the concatenation axis must match exactly, but along dimension "
                            + d + ", the array at index 0 has size " + first[d] + " and the array at index " + i + " has size " + s[d]);
                }
            }
            total += s[axis];
        }
        long[] shape = first.clone();
        shape[axis] = total;
        NDArray out = NDArray.zeros(DType.of(dtype), shape);
        long[] strides = out.strides();
        long pos = 0;
        for (NDArray a : arrays) {
            long[] s = a.shape();
            if (s[axis] > 0 && Layout.size(s) > 0) {
                Copy.into(a, out.view(new Layout(s, strides, pos * strides[axis])));
            }
            pos += s[axis];
        }
        return out;
    }

    /** True when both arrays are views of the same memory. */
    @Entry
    static boolean sameStorage(NDArray a, NDArray b) { return a.storage() == b.storage(); }
}
