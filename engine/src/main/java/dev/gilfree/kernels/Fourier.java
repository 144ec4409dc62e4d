package dev.gilfree.kernels;

import dev.gilfree.core.DType;
import dev.gilfree.core.Elements;
import dev.gilfree.core.NDArray;
import dev.gilfree.exec.Parallel;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Discrete Fourier transforms along the last axis of an array of any dtype and strides, into a new
 * C-contiguous array: complex to complex, real to half spectrum and half spectrum to real (NumPy's fft, rfft
 * and irfft). Each row is read (cut or zero-padded to the transform length), transformed in double by an
 * {@link FftPlan} and written times {@code fct}; single precision results are rounded from that. Many rows
 * are split over cores by the executor.
 */
public final class Fourier {
    private Fourier() {}

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;

    private enum Kind { FORWARD, BACKWARD, REAL_FORWARD, REAL_BACKWARD }

    /** fft (forward) or unnormalised ifft (backward) of length n, times fct. */
    public static NDArray complex(NDArray a, int n, boolean forward, double fct, boolean single) {
        return run(a, n, forward ? Kind.FORWARD : Kind.BACKWARD, fct, single ? DType.COMPLEX64 : DType.COMPLEX128);
    }

    /** rfft of length n: the n / 2 + 1 non-negative frequencies, times fct. */
    public static NDArray realForward(NDArray a, int n, double fct, boolean single) {
        return run(a, n, Kind.REAL_FORWARD, fct, single ? DType.COMPLEX64 : DType.COMPLEX128);
    }

    /** irfft to n real points (unnormalised), times fct; reads the first n / 2 + 1 points of each row. */
    public static NDArray realBackward(NDArray a, int n, double fct, boolean single) {
        return run(a, n, Kind.REAL_BACKWARD, fct, single ? DType.FLOAT32 : DType.FLOAT64);
    }

    private static NDArray run(NDArray a, int n, Kind kind, double fct, DType outType) {
        long[] shape = a.shape();
        int last = shape.length - 1;
        int outLen = kind == Kind.REAL_FORWARD ? n / 2 + 1 : n;
        long[] outShape = Arrays.copyOf(shape, shape.length);
        outShape[last] = outLen;
        NDArray out = NDArray.empty(outType, outShape);   // every row is written in full
        long rows = 1;
        for (int i = 0; i < last; i++) rows *= shape[i];
        if (rows == 0) return out;
        Rows job = new Rows(a, n, kind, fct, out, outLen);
        long total = rows * (long) n;
        if (rows > 1 && Parallel.worthSplitting(total)) {
            int chunks = (int) Math.min(rows, Math.max(2, total / Parallel.CHUNK_ELEMENTS));
            long per = (rows + chunks - 1) / chunks;
            int count = (int) ((rows + per - 1) / per);
            final long rowCount = rows;
            Parallel.run(count, c -> {
                job.range(c * per, Math.min(rowCount, (c + 1) * per));
                return 0;
            });
        } else {
            job.range(0, rows);
        }
        return out;
    }

    /** Transforms a range of rows; each range has its own buffers. */
    private record Rows(NDArray a, int n, Kind kind, double fct, NDArray out, int outLen) {
        void range(long from, long to) {
            boolean packed = (kind == Kind.REAL_FORWARD || kind == Kind.REAL_BACKWARD) && n % 2 == 0;
            FftPlan plan = FftPlan.of(packed ? n / 2 : n);
            double[] buf = new double[2 * n + 2], scratch = new double[plan.scratchLength()];
            // one call per row, so the JIT compiles the row's work after a few rows of the first call
            for (long r = from; r < to; r++) row(r, plan, packed, buf, scratch);
        }

        private void row(long r, FftPlan plan, boolean packed, double[] buf, double[] scratch) {
            long[] shape = a.shape(), strides = a.strides();
            int last = shape.length - 1;
            long off = a.offset(), rest = r;
            for (int ax = last - 1; ax >= 0; ax--) {
                off += rest % shape[ax] * strides[ax];
                rest /= shape[ax];
            }
            DType t = a.dtype();
            MemorySegment src = a.segment();
            long len = shape[last], step = strides[last];
            Arrays.fill(buf, 0.0);
            switch (kind) {
                case FORWARD -> { readComplex(t, src, off, step, (int) Math.min(len, n), buf); plan.forward(buf, scratch); }
                case BACKWARD -> { readComplex(t, src, off, step, (int) Math.min(len, n), buf); plan.backward(buf, scratch); }
                case REAL_FORWARD -> { readReal(t, src, off, step, (int) Math.min(len, n), buf, packed); realForward(plan, buf, scratch, packed); }
                case REAL_BACKWARD -> { readComplex(t, src, off, step, (int) Math.min(len, n / 2 + 1), buf); realBackward(plan, buf, scratch, packed); }
            }
            write(out.dtype(), out.segment(), r * outLen * out.itemsize(), buf, outLen, fct);
        }
    }

    private static void readComplex(DType t, MemorySegment s, long off, long step, int count, double[] buf) {
        if (t == DType.COMPLEX128 && step == 16) {
            MemorySegment.copy(s, D, off, buf, 0, 2 * count);
            return;
        }
        for (int j = 0; j < count; j++, off += step) {
            buf[2 * j] = Elements.getDouble(t, s, off);
            buf[2 * j + 1] = Elements.getImag(t, s, off);
        }
    }

    // Even lengths: packed as n / 2 complex points (x[2j] + i x[2j+1]); odd lengths: as n complex points.
    private static void readReal(DType t, MemorySegment s, long off, long step, int count, double[] buf, boolean packed) {
        if (packed && t == DType.FLOAT64 && step == 8) {
            MemorySegment.copy(s, D, off, buf, 0, count);
            return;
        }
        int w = packed ? 1 : 2;
        for (int j = 0; j < count; j++, off += step) buf[w * j] = Elements.getDouble(t, s, off);
    }

    private static void write(DType ot, MemorySegment s, long off, double[] buf, int outLen, double fct) {
        boolean complex = ot == DType.COMPLEX128 || ot == DType.COMPLEX64;
        int count = complex ? 2 * outLen : outLen;
        if (fct != 1.0) for (int i = 0; i < count; i++) buf[i] *= fct;
        if (ot == DType.COMPLEX128 || ot == DType.FLOAT64) {
            MemorySegment.copy(buf, 0, s, D, off, count);
        } else {
            for (int i = 0; i < count; i++) s.set(F, off + 4L * i, (float) buf[i]);
        }
    }

    /** buf: the packed (even n) or complex (odd n) real row; becomes the n / 2 + 1 spectrum points. */
    static void realForward(FftPlan plan, double[] buf, double[] scratch, boolean packed) {
        plan.forward(buf, scratch);
        if (!packed) return;
        int h = plan.n;
        double[] w = plan.halfRoots();
        // split Z = E + iO (evens, odds) by Hermitian symmetry; X[k] = E[k] + w^k O[k], k = 0..h, Z[h] = Z[0]
        buf[2 * h] = buf[0];
        buf[2 * h + 1] = buf[1];
        for (int k = 0, j = h; k <= j; k++, j--) {
            double zr = buf[2 * k], zi = buf[2 * k + 1], yr = buf[2 * j], yi = buf[2 * j + 1];   // Z[k], Z[h-k]
            // E = (Z[k] + conj Z[h-k]) / 2, O = (Z[k] - conj Z[h-k]) / 2i; X[k] = E + w^k O, X[h-k] = conj E + w^(h-k) conj O
            double er = 0.5 * (zr + yr), ei = 0.5 * (zi - yi), or = 0.5 * (zi + yi), oi = -0.5 * (zr - yr);
            double wkr = w[2 * k], wki = w[2 * k + 1], wjr = w[2 * j], wji = w[2 * j + 1];
            buf[2 * k] = er + wkr * or - wki * oi;
            buf[2 * k + 1] = ei + wkr * oi + wki * or;
            buf[2 * j] = er + wjr * or + wji * oi;
            buf[2 * j + 1] = -ei - wjr * oi + wji * or;
        }
    }

    /** buf: n / 2 + 1 spectrum points; becomes the n real samples (unnormalised). */
    static void realBackward(FftPlan plan, double[] buf, double[] scratch, boolean packed) {
        buf[1] = 0;   // the imaginary parts of the zero (and for even n, the Nyquist) frequency do not count
        if (!packed) {
            int n = plan.n;
            for (int k = 1; 2 * k < n + 1; k++) {
                buf[2 * (n - k)] = buf[2 * k];
                buf[2 * (n - k) + 1] = -buf[2 * k + 1];
            }
            plan.backward(buf, scratch);
            for (int j = 0; j < n; j++) buf[j] = buf[2 * j];
            return;
        }
        int h = plan.n;
        buf[2 * h + 1] = 0;
        double[] w = plan.halfRoots();
        // Z[k] = (X[k] + conj X[h-k]) + i conj(w^k) (X[k] - conj X[h-k]), k < h; then z = backward(Z)
        for (int k = 0, j = h; k <= j; k++, j--) {
            double xr = buf[2 * k], xi = buf[2 * k + 1], yr = buf[2 * j], yi = buf[2 * j + 1];   // X[k], X[h-k]
            // Z[k] = (X[k] + conj X[h-k]) + i conj(w^k) (X[k] - conj X[h-k]); Z[h-k] likewise with the roles swapped
            double sr = xr + yr, si = xi - yi, dr = xr - yr, di = xi + yi;
            double wkr = w[2 * k], wki = w[2 * k + 1], wjr = w[2 * j], wji = w[2 * j + 1];
            double pkr = wkr * dr + wki * di, pki = wkr * di - wki * dr;      // conj(w^k) d
            double pjr = -wjr * dr + wji * di, pji = wjr * di + wji * dr;     // conj(w^(h-k)) (-conj d)
            buf[2 * k] = sr - pki;
            buf[2 * k + 1] = si + pkr;
            buf[2 * j] = sr - pji;
            buf[2 * j + 1] = -si + pjr;
        }
        plan.backward(buf, scratch);
    }
}
