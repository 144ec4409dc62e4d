package dev.gilfree.api;

import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.NDArray;
import dev.gilfree.gateway.Entry;
import dev.gilfree.gateway.Facade;
import dev.gilfree.kernels.Fourier;

/**
 * gf.fft's transforms along the last axis (Python moves the transformed axis there and back). n is the
 * transform length (rows are cut or zero-padded to it), fct the normalisation factor; single selects
 * complex64/float32 results.
 */
@Facade("Fft")
final class FftOps {
    private FftOps() {}

    private static int length(NDArray a, long n) {
        if (a.ndim() == 0) throw GilfreeException.value("FFT input must be at least one-dimensional");
        if (n < 1) throw GilfreeException.value("Invalid number of FFT data points (" + n + ") specified.");
        // Bluestein's convolution length (< 4n) must index a Java array of interleaved doubles
        if (n > 1 << 28) throw GilfreeException.memory("Unable to allocate the work arrays of an FFT of length " + n);
        return (int) n;
    }

    @Entry(reads = "a", sample = "xp.fft.fft(a)")
    static NDArray c2c(NDArray a, long n, boolean forward, double fct, boolean single) {
        return Fourier.complex(a, length(a, n), forward, fct, single);
    }

    @Entry(reads = "a", sample = "xp.fft.rfft(a)")
    static NDArray r2c(NDArray a, long n, double fct, boolean single) {
        return Fourier.realForward(a, length(a, n), fct, single);
    }

    @Entry(reads = "a", sample = "xp.fft.irfft(a)")
    static NDArray c2r(NDArray a, long n, double fct, boolean single) {
        return Fourier.realBackward(a, length(a, n), fct, single);
    }
}
