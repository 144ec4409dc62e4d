import dev.gilfree.core.NDArray;
import dev.gilfree.embed.EngineArrays;
import dev.gilfree.embed.PythonSession;
import dev.gilfree.graalpy.GraalPySession;
import dev.gilfree.graalpy.Sandbox;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A Java application runs a user's Python script over its own off-heap data, with several threads and
 * no copies: each thread hands the script one block of rows (a slice of the application's segment,
 * wrapped as an engine array), the script updates it in place and returns a number.
 *
 *   examples/java/run.sh [graalpy|sandbox|cpython] [SCRIPT.py]     (default script: user_script.py)
 */
public class EmbedExample {
    public static void main(String[] args) throws Exception {
        String runtime = args.length > 0 ? args[0] : "graalpy";
        Path scriptPath = Path.of(args.length > 1 ? args[1] : "examples/java/user_script.py");
        String script = Files.readString(scriptPath);
        int threads = 4, rowsPerBlock = 50_000, cols = 8, blocks = 16;
        long t0 = System.nanoTime();

        try (Arena arena = Arena.ofShared()) {
            long blockBytes = (long) rowsPerBlock * cols * 8;
            MemorySegment data = arena.allocate(blockBytes * blocks, 64); // the application's data
            for (long i = 0; i < data.byteSize() / 8; i++) data.setAtIndex(ValueLayout.JAVA_DOUBLE, i, i % 100);

            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Object>> results = new ArrayList<>();
            // GraalPy: one session used by every thread. jep: a session per thread (jep's rule).
            PythonSession shared = switch (runtime) {
                case "graalpy" -> GraalPySession.create();
                case "sandbox" -> GraalPySession.sandboxed(Sandbox.builder()
                        .memoryLimit(256L << 20).timeLimit(Duration.ofSeconds(60)).build());
                case "cpython" -> null;
                default -> throw new IllegalArgumentException("runtime: graalpy, sandbox or cpython");
            };
            if (shared != null) shared.exec(script);
            ThreadLocal<PythonSession> perThread = ThreadLocal.withInitial(() -> {
                PythonSession s = newJepSession();
                s.exec(script);
                return s;
            });
            for (int b = 0; b < blocks; b++) {
                MemorySegment part = data.asSlice(b * blockBytes, blockBytes);
                NDArray block = EngineArrays.wrap(part, "float64", rowsPerBlock, cols); // no copy
                results.add(pool.submit(() -> (shared != null ? shared : perThread.get()).call("process", block)));
            }
            double total = 0;
            for (Future<Object> f : results) total += ((Number) f.get()).doubleValue();
            if (shared == null) {
                // close each thread's jep session on its own thread
                List<Future<?>> closes = new ArrayList<>();
                for (int t = 0; t < threads; t++) closes.add(pool.submit(() -> perThread.get().close()));
                for (Future<?> f : closes) f.get();
            } else {
                shared.close();
            }
            pool.shutdown();

            System.out.printf("runtime %s: %d blocks of %d x %d float64 on %d threads, script %s%n",
                    runtime, blocks, rowsPerBlock, cols, threads, scriptPath);
            System.out.printf("sum of the script's results: %.1f%n", total);
            System.out.printf("data[0..4] after the script (written in place): %.1f %.1f %.1f %.1f%n",
                    data.getAtIndex(ValueLayout.JAVA_DOUBLE, 0), data.getAtIndex(ValueLayout.JAVA_DOUBLE, 1),
                    data.getAtIndex(ValueLayout.JAVA_DOUBLE, 2), data.getAtIndex(ValueLayout.JAVA_DOUBLE, 3));
            System.out.printf("took %.2f s%n", (System.nanoTime() - t0) / 1e9);
        }
    }

    /** Loaded reflectively so the example compiles with either bridge on the class path. */
    private static PythonSession newJepSession() {
        try {
            return (PythonSession) Class.forName("dev.gilfree.jep.JepSession").getMethod("create").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("jep bridge not on the class path", e);
        }
    }
}
