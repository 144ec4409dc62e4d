import dev.gilfree.api.Engine;
import dev.gilfree.api.Ufunc;
import dev.gilfree.core.NDArray;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * What N threads can gain on this machine with no Python involved: the ceiling for examples/threads_speedup.py.
 *
 * Three loads, each run R rounds as "the work of N threads one after another" then "N threads at once":
 * a latency-bound scalar chain (one dependent multiply-add), a throughput-bound one (eight independent chains,
 * which keeps the floating-point units busy) and the engine's exp kernel on each thread's own 200,000 float64.
 * On virtual CPUs that share a physical core's floating-point units, the latency-bound load scales and the
 * other two do not.
 *
 *     benchmarks/core-scaling [rounds]
 */
public final class CoreScaling {
    private static volatile double sink;

    public static void main(String[] args) throws InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int n = Runtime.getRuntime().availableProcessors();
        System.out.printf("%d threads, %d rounds; speedup = serial time / parallel time for the same work%n", n, rounds);
        report("scalar chain, latency-bound", rounds, n, t -> latencyBound(60_000_000L));
        report("8 chains, FP-throughput-bound", rounds, n, t -> throughputBound(30_000_000L));
        NDArray[] in = new NDArray[n], out = new NDArray[n];
        for (int t = 0; t < n; t++) {
            in[t] = Engine.arange(0, 1.0 / 200_000, 200_000, "float64");
            out[t] = Engine.zeros(new long[] {200_000}, "float64");
        }
        Ufunc exp = Ufunc.get("exp");
        report("engine exp, 200k float64 x 300", rounds, n, t -> {
            for (int i = 0; i < 300; i++) exp.call1(in[t], out[t]);
        });
    }

    private static void latencyBound(long steps) {
        double x = 1;
        for (long i = 0; i < steps; i++) x = x * 1.0000001 + 1e-9;
        sink = x;
    }

    private static void throughputBound(long steps) {
        double a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8;
        for (long i = 0; i < steps; i++) {
            a = a * 1.0000001 + 1e-9; b = b * 1.0000001 + 1e-9; c = c * 1.0000001 + 1e-9; d = d * 1.0000001 + 1e-9;
            e = e * 1.0000001 + 1e-9; f = f * 1.0000001 + 1e-9; g = g * 1.0000001 + 1e-9; h = h * 1.0000001 + 1e-9;
        }
        sink = a + b + c + d + e + f + g + h;
    }

    private static void report(String name, int rounds, int n, IntConsumer work) throws InterruptedException {
        for (int t = 0; t < n; t++) work.accept(t); // warm-up: compile before timing
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long s = System.nanoTime();
            for (int t = 0; t < n; t++) work.accept(t);
            double serial = System.nanoTime() - s;
            Thread[] threads = new Thread[n];
            s = System.nanoTime();
            for (int t = 0; t < n; t++) {
                int id = t;
                threads[t] = new Thread(() -> work.accept(id));
                threads[t].start();
            }
            for (Thread t : threads) t.join();
            ratios[r] = serial / (System.nanoTime() - s);
        }
        Arrays.sort(ratios);
        System.out.printf("%-34s median %.2fx  (range %.2f-%.2f)%n", name, ratios[rounds / 2], ratios[0], ratios[rounds - 1]);
    }
}
