package dev.gilfree.kernels;

import dev.gilfree.exec.Parallel;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Cache-blocked SIMD matrix product C (n×m) += A (n×k) · B (k×m) on row-major float64 matrices in memory
 * segments (off-heap arrays, or heap arrays through {@code MemorySegment.ofArray}), the way BLAS
 * libraries do it (Goto's scheme): B is packed into KC×NR column panels that stay in L2/L1, A into MR×KC
 * row panels, and a register-blocked micro-kernel keeps an MR×NR tile of C in vector registers (5×2 vectors
 * of AVX2's 16) while it streams through the panels with fused multiply-adds. 6×2 tiles, BLIS's choice,
 * measured half as fast here: C2 spills one of the twelve accumulators every step.
 *
 * <p>Blocks of MC rows are independent, so large products split them across the executor's threads; each
 * thread packs its own A block. Results use FMA, so they can differ from a naive loop in the last bits,
 * as BLAS results do.
 */
public final class Gemm {
    private Gemm() {}

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Micro-tile: MR rows × NR columns of C held in MR*2 vector registers. */
    static final int MR = 5, NR = 2 * L;
    /** Depth of one packed panel pair: a KC×NR slice of B (16 KiB at NR=8) stays in L1 during a tile. */
    static final int KC = 256;
    /** Rows of A per block: MC×KC doubles (160 KiB) stay in L2 while every B panel passes. */
    static final int MC = 80;
    /** Columns of B packed at once (~8 MiB at KC=256 would overflow cache; 2048 keeps it at 4 MiB). */
    static final int NC = 2048;

    /** Below this many multiply-adds the packing costs more than it saves. */
    private static final long MIN_FLOPS = 48L * 48 * 48;

    /** True when the blocked kernel pays for itself (the plain loop serves thin and tiny products). */
    public static boolean worthBlocking(int n, int k, int m) {
        return (long) n * k * m >= MIN_FLOPS && m >= NR && n >= MR;
    }

    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    private static final ByteOrder NO = ByteOrder.nativeOrder();

    /** Row-major A at byte offset {@code ao} of {@code a}, B at {@code bo}, C at {@code co}; C += A·B. */
    public static void multiply(MemorySegment a, long ao, MemorySegment b, long bo, MemorySegment c, long co, int n, int k, int m) {
        double[] bPack = new double[KC * roundUp(Math.min(NC, m), NR)];
        int rowBlocks = (n + MC - 1) / MC;
        boolean split = Parallel.worthSplitting((long) n * k * m / 64);
        for (int jc = 0; jc < m; jc += NC) {
            int nc = Math.min(NC, m - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                packB(b, bo, m, pc, kc, jc, nc, bPack);
                int fjc = jc, fpc = pc;
                Parallel.Chunk block = ib -> {
                    int ic = ib * MC, mc = Math.min(MC, n - ic);
                    double[] aPack = A_PACK.get();
                    packA(a, ao, k, ic, mc, fpc, kc, aPack);
                    macroKernel(aPack, bPack, c, co, m, ic, mc, fjc, nc, kc);
                    return 0;
                };
                if (split) Parallel.run(rowBlocks, block);
                else for (int ib = 0; ib < rowBlocks; ib++) block.run(ib);
            }
        }
    }

    private static final ThreadLocal<double[]> A_PACK = ThreadLocal.withInitial(() -> new double[roundUp(MC, MR) * KC]);

    private static int roundUp(int x, int to) { return (x + to - 1) / to * to; }

    /** B[pc:pc+kc, jc:jc+nc] as NR-wide column panels, each kc rows deep; the ragged last panel is zero-padded. */
    private static void packB(MemorySegment b, long bo, int m, int pc, int kc, int jc, int nc, double[] dst) {
        int o = 0;
        for (int j = 0; j < nc; j += NR) {
            int w = Math.min(NR, nc - j);
            for (int p = 0; p < kc; p++) {
                long src = bo + ((long) (pc + p) * m + jc + j) * 8;
                MemorySegment.copy(b, D, src, dst, o, w);
                for (int t = w; t < NR; t++) dst[o + t] = 0;
                o += NR;
            }
        }
    }

    /** A[ic:ic+mc, pc:pc+kc] as MR-tall row panels stored column by column; the ragged last panel is zero-padded. */
    private static void packA(MemorySegment a, long ao, int k, int ic, int mc, int pc, int kc, double[] dst) {
        int o = 0;
        for (int i = 0; i < mc; i += MR) {
            int h = Math.min(MR, mc - i);
            for (int p = 0; p < kc; p++) {
                for (int r = 0; r < h; r++) dst[o + r] = a.get(D, ao + ((long) (ic + i + r) * k + pc + p) * 8);
                for (int r = h; r < MR; r++) dst[o + r] = 0;
                o += MR;
            }
        }
    }

    private static void macroKernel(double[] aPack, double[] bPack, MemorySegment c, long co, int m, int ic, int mc, int jc, int nc, int kc) {
        MemorySegment edge = null;
        for (int j = 0; j < nc; j += NR) {
            int w = Math.min(NR, nc - j), bOff = j / NR * kc * NR;
            for (int i = 0; i < mc; i += MR) {
                int h = Math.min(MR, mc - i), aOff = i / MR * kc * MR;
                if (w == NR && h == MR) {
                    microKernel(aPack, aOff, bPack, bOff, kc, c, co + ((long) (ic + i) * m + jc + j) * 8, m * 8L);
                } else {
                    // Ragged tile: compute into a zeroed scratch tile, then add the valid part.
                    if (edge == null) edge = MemorySegment.ofArray(new double[MR * NR]);
                    edge.fill((byte) 0);
                    microKernel(aPack, aOff, bPack, bOff, kc, edge, 0, NR * 8L);
                    for (int r = 0; r < h; r++) {
                        long row = co + ((long) (ic + i + r) * m + jc + j) * 8;
                        for (int t = 0; t < w; t++) {
                            c.set(D, row + t * 8L, c.get(D, row + t * 8L) + edge.getAtIndex(ValueLayout.JAVA_DOUBLE, r * NR + t));
                        }
                    }
                }
            }
        }
    }

    /** C tile (MR×NR at byte cOff, row stride ldc bytes) += A panel · B panel over kc steps, all in registers. */
    private static void microKernel(double[] ap, int aOff, double[] bp, int bOff, int kc, MemorySegment c, long cOff, long ldc) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00,
                c30 = c00, c31 = c00, c40 = c00, c41 = c00;
        for (int p = 0; p < kc; p++) {
            int bo = bOff + p * NR, ao = aOff + p * MR;
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bo), b1 = DoubleVector.fromArray(S, bp, bo + L);
            DoubleVector a = DoubleVector.broadcast(S, ap[ao]);
            c00 = a.fma(b0, c00); c01 = a.fma(b1, c01);
            a = DoubleVector.broadcast(S, ap[ao + 1]);
            c10 = a.fma(b0, c10); c11 = a.fma(b1, c11);
            a = DoubleVector.broadcast(S, ap[ao + 2]);
            c20 = a.fma(b0, c20); c21 = a.fma(b1, c21);
            a = DoubleVector.broadcast(S, ap[ao + 3]);
            c30 = a.fma(b0, c30); c31 = a.fma(b1, c31);
            a = DoubleVector.broadcast(S, ap[ao + 4]);
            c40 = a.fma(b0, c40); c41 = a.fma(b1, c41);
        }
        addRow(c, cOff, c00, c01);
        addRow(c, cOff + ldc, c10, c11);
        addRow(c, cOff + 2 * ldc, c20, c21);
        addRow(c, cOff + 3 * ldc, c30, c31);
        addRow(c, cOff + 4 * ldc, c40, c41);
    }

    private static void addRow(MemorySegment c, long o, DoubleVector v0, DoubleVector v1) {
        DoubleVector.fromMemorySegment(S, c, o, NO).add(v0).intoMemorySegment(c, o, NO);
        DoubleVector.fromMemorySegment(S, c, o + L * 8L, NO).add(v1).intoMemorySegment(c, o + L * 8L, NO);
    }
}
