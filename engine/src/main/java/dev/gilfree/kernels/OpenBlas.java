package dev.gilfree.kernels;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;

/**
 * The OpenBLAS library that the Maven artifact {@code org.bytedeco:openblas} (classifier {@code linux-x86_64})
 * ships as plain files inside its jar, bound through the JDK's foreign function API. Only the native files
 * are used (none of the artifact's Java classes): on first use they are copied once to a cache directory
 * ({@code gilfree.blas.cache}, else {@code $XDG_CACHE_HOME/gilfree} or {@code ~/.cache/gilfree}) and loaded
 * with {@link SymbolLookup#libraryLookup}; libopenblas finds its Fortran runtime beside itself ($ORIGIN).
 *
 * <p>OpenBLAS's own thread pool is switched off (one thread): gilfree's executor splits large products
 * into single-threaded BLAS calls instead, so gf.set_num_threads sizes BLAS too and many Python threads
 * calling at once never oversubscribe the cores (docs/performance.md).
 *
 * <p>Anything that keeps the library from loading (another OS or architecture, the jar missing from the
 * class path, native access refused) leaves {@link #available()} false: products then run on the Java
 * kernels, {@link #backend()} says why, and one line on stderr tells it once. {@code -Dgilfree.blas=java}
 * (or GILFREE_BLAS=java) asks for the Java kernels on purpose, without that line.
 */
public final class OpenBlas {
    private OpenBlas() {}

    private static final String RESOURCES = "org/bytedeco/openblas/";
    /** libopenblas first; the rest are its dependencies, found through its RUNPATH $ORIGIN. */
    private static final String[] FILES = {"libopenblas.so.0", "libgfortran.so.5", "libquadmath.so.0", "libgcc_s.so.1"};

    static final int ROW_MAJOR = 101, NO_TRANS = 111, TRANS = 112;

    /** Handles of a loaded library (all present), its symbols (for {@link Lapack}) and a line describing it. */
    record Lib(MethodHandle sgemm, MethodHandle dgemm, MethodHandle cgemm, MethodHandle zgemm, String describe, SymbolLookup symbols) {
        MethodHandle handle(String name, FunctionDescriptor fd) { return Linker.nativeLinker().downcallHandle(symbols.findOrThrow(name), fd); }
    }

    private static final class Holder {
        static final String[] WHY = new String[1];
        static final Lib LIB = load(WHY);
    }

    /** Process-wide switch for tests comparing both kernels (diagnostics.set_blas). */
    private static volatile boolean enabled = true;

    /** True when products go to OpenBLAS. */
    public static boolean available() { return enabled && Holder.LIB != null; }

    static Lib lib() { return Holder.LIB; }

    /** gf.diagnostics.blas(): which backend computes products, and why the Java one if so. */
    public static String backend() {
        Lib l = Holder.LIB;
        if (l == null) return "java (" + Holder.WHY[0] + ")";
        return enabled ? l.describe() : "java (switched off by diagnostics.set_blas(False))";
    }

    /** Test hook: routes products to the Java kernels (false) or back to OpenBLAS; returns the previous value. */
    public static boolean setEnabled(boolean on) {
        boolean was = enabled;
        enabled = on;
        return was;
    }

    private static Lib load(String[] why) {
        String forced = System.getProperty("gilfree.blas", System.getenv().getOrDefault("GILFREE_BLAS", ""));
        if (forced.equalsIgnoreCase("java")) {
            why[0] = "Java kernels asked for by gilfree.blas=java";
            return null;
        }
        try {
            String platform = platform();
            if (platform == null) {
                return fail(why, "no OpenBLAS bundled for " + System.getProperty("os.name") + "/" + System.getProperty("os.arch"));
            }
            String base = RESOURCES + platform + "/";
            ClassLoader cl = OpenBlas.class.getClassLoader();
            if (cl.getResource(base + FILES[0]) == null) {
                return fail(why, "org.bytedeco:openblas:" + platform + " is not on the class path");
            }
            Path dir = extract(cl, base, platform);
            Linker linker = Linker.nativeLinker();
            SymbolLookup so = SymbolLookup.libraryLookup(dir.resolve(FILES[0]), Arena.global());
            ValueLayout I = ValueLayout.JAVA_INT, A = ValueLayout.ADDRESS;
            FunctionDescriptor real = FunctionDescriptor.ofVoid(I, I, I, I, I, I, ValueLayout.JAVA_DOUBLE, A, I, A, I,
                    ValueLayout.JAVA_DOUBLE, A, I);
            FunctionDescriptor single = FunctionDescriptor.ofVoid(I, I, I, I, I, I, ValueLayout.JAVA_FLOAT, A, I, A, I,
                    ValueLayout.JAVA_FLOAT, A, I);
            FunctionDescriptor cplx = FunctionDescriptor.ofVoid(I, I, I, I, I, I, A, A, I, A, I, A, A, I);
            MethodHandle setThreads = linker.downcallHandle(so.findOrThrow("openblas_set_num_threads"), FunctionDescriptor.ofVoid(I));
            MethodHandle config = linker.downcallHandle(so.findOrThrow("openblas_get_config"), FunctionDescriptor.of(A));
            MethodHandle core = linker.downcallHandle(so.findOrThrow("openblas_get_corename"), FunctionDescriptor.of(A));
            setThreads.invokeExact(1); // gilfree's executor does the splitting (class comment)
            String describe = "openblas (" + cString((MemorySegment) config.invokeExact()) + "; kernel "
                    + cString((MemorySegment) core.invokeExact()) + "; " + dir + ")";
            return new Lib(linker.downcallHandle(so.findOrThrow("cblas_sgemm"), single),
                    linker.downcallHandle(so.findOrThrow("cblas_dgemm"), real),
                    linker.downcallHandle(so.findOrThrow("cblas_cgemm"), cplx),
                    linker.downcallHandle(so.findOrThrow("cblas_zgemm"), cplx), describe, so);
        } catch (Throwable t) { // IOException, IllegalCallerException (no native access), LinkageError, ...
            return fail(why, "OpenBLAS failed to load: " + t);
        }
    }

    private static Lib fail(String[] why, String reason) {
        why[0] = reason;
        System.err.println("gilfree: " + reason + "; matmul uses the Java kernels (gf.diagnostics.blas())");
        return null;
    }

    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        return os.startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64")) ? "linux-x86_64" : null;
    }

    /** Copies the native files once into a versioned cache directory (atomic renames: concurrent JVMs agree). */
    private static Path extract(ClassLoader cl, String base, String platform) throws IOException {
        String version = "unknown";
        try (InputStream in = cl.getResourceAsStream("META-INF/maven/org.bytedeco/openblas/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                version = p.getProperty("version", version);
            }
        }
        Path dir = cacheRoot().resolve("openblas-" + version + "-" + platform);
        Files.createDirectories(dir);
        for (String f : FILES) {
            Path target = dir.resolve(f);
            try (InputStream in = cl.getResourceAsStream(base + f)) {
                if (in == null) continue; // a dependency this build does not ship: the system's is used
                if (Files.exists(target)) continue;
                Path tmp = Files.createTempFile(dir, f, ".part");
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    private static Path cacheRoot() {
        String p = System.getProperty("gilfree.blas.cache");
        if (p != null && !p.isEmpty()) return Path.of(p);
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty()) return Path.of(xdg, "gilfree");
        return Path.of(System.getProperty("user.home"), ".cache", "gilfree");
    }

    private static String cString(MemorySegment p) {
        return p.equals(MemorySegment.NULL) ? "?" : p.reinterpret(4096).getString(0).trim();
    }
}
