package dev.gilfree.graalpy;

import dev.gilfree.api.Diagnostics;
import dev.gilfree.api.Engine;
import dev.gilfree.api.Fft;
import dev.gilfree.api.FpSignal;
import dev.gilfree.api.Fused;
import dev.gilfree.api.Indexing;
import dev.gilfree.api.LinAlg;
import dev.gilfree.api.Random;
import dev.gilfree.api.Reduce;
import dev.gilfree.api.Sort;
import dev.gilfree.api.ThreadSafety;
import dev.gilfree.api.Ufunc;
import dev.gilfree.api.Ufuncs;
import dev.gilfree.api.Views;
import dev.gilfree.api.Writes;
import dev.gilfree.core.Casting;
import dev.gilfree.core.DType;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.NDArray;
import dev.gilfree.core.Promotion;
import dev.gilfree.core.Settings;
import dev.gilfree.embed.PythonException;
import dev.gilfree.embed.PythonSession;
import dev.gilfree.embed.SessionInterruptedException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * A {@link PythonSession} on embedded GraalPy.
 *
 * <p>{@link #create()} gives a trusted session (the script is the application's own: full host
 * access, as the {@code ./gilfree} launcher). {@link #sandboxed(Sandbox)} gives a session for untrusted
 * scripts: only gilfree is reachable, with memory, time and thread limits (see {@link Sandbox}).
 *
 * <p>Each session has its own engine {@link Settings} (threads per operation, borrow checking, and for a
 * sandboxed session its limits), bound to the thread that runs each of its scripts: {@code gf.set_num_threads}
 * and {@code gf.set_borrow_checking} in one session change nothing in another.
 *
 * <p>A session may be used from several Java threads at once: Python code takes turns on GraalPy's GIL,
 * and engine calls (where array work happens) release it, so they run in parallel. Sessions share one
 * polyglot engine, so the second and later sessions start much faster than the first.
 */
public final class GraalPySession implements PythonSession {
    // Contexts of one engine must agree on host access: trusted and sandboxed sessions get one each.
    private static final org.graalvm.polyglot.Engine[] ENGINES = new org.graalvm.polyglot.Engine[2];

    private final Context ctx;
    private final Sandbox sandbox; // null for trusted sessions
    private final Settings settings;
    private final Value put, get, exec, eval, call;
    private volatile boolean closed;

    private GraalPySession(Context ctx, Sandbox sandbox) {
        this.ctx = ctx;
        this.sandbox = sandbox;
        this.settings = sandbox == null ? Settings.builder().build() : sandbox.settings();
        // Bound while the package imports too: it asks the settings what this session allows, and its arrays count.
        try (Settings.Scope ignored = settings.bind()) {
            if (sandbox != null) installImporter(ctx);
            Value mod = ctx.eval("python", "import _gilfree_session\n_gilfree_session");
            put = mod.getMember("put");
            get = mod.getMember("get");
            exec = mod.getMember("exec_code");
            eval = mod.getMember("eval_expr");
            call = mod.getMember("call");
        } catch (PolyglotException e) {
            RuntimeException err = translate(e); // before the close: a closed context's error reads "cancelled"
            ctx.close(true);
            throw err;
        }
    }

    /** A trusted session: full host access (like the launcher), the gilfree package imported. */
    public static GraalPySession create() {
        List<String> path = new ArrayList<>();
        path.add(GilfreeGraalPy.pythonPackageRoot());
        String site = System.getProperty("gilfree.graalpy.site");
        if (site != null && !site.isEmpty()) path.add(site);
        Context ctx = Context.newBuilder("python")
                .engine(engine(0))
                .allowAllAccess(true)
                .option("python.PythonPath", String.join(java.io.File.pathSeparator, path))
                .option("python.ForceImportSite", "true")
                .build();
        return new GraalPySession(ctx, null);
    }

    /** A session for untrusted scripts: only gilfree reachable, limits from {@code sandbox}. */
    public static GraalPySession sandboxed(Sandbox sandbox) {
        Context ctx = Context.newBuilder("python")
                .engine(engine(1))
                .allowHostAccess(SANDBOX_HOST_ACCESS)
                .allowHostClassLookup(SANDBOX_CLASSES::contains)
                .allowHostClassLoading(false)
                .allowIO(sandbox.io)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowInnerContextOptions(false)
                .allowValueSharing(false)
                .option("python.PosixModuleBackend", "java")
                .option("python.ForceImportSite", "false")
                .option("python.DontWriteBytecodeFlag", "true")
                .out(sandbox.out)
                .err(sandbox.err)
                .build();
        return new GraalPySession(ctx, sandbox);
    }

    private static synchronized org.graalvm.polyglot.Engine engine(int kind) {
        if (ENGINES[kind] == null) {
            ENGINES[kind] = org.graalvm.polyglot.Engine.newBuilder("python")
                    .option("engine.WarnInterpreterOnly", "false")
                    .build();
        }
        return ENGINES[kind];
    }

    // ----- what a sandboxed script may reach -----

    /**
     * The engine classes the gilfree package calls: their own public methods, less {@link #SANDBOX_WITHHELD},
     * are all a sandboxed script can call. The generated gateway facades, plus the value classes they hand out.
     */
    static final List<Class<?>> SANDBOX_API = List.of(
            Engine.class, Ufuncs.class, Indexing.class, Views.class, Reduce.class, Sort.class, LinAlg.class, Fft.class,
            Random.class, Fused.class, Writes.class, Diagnostics.class, ThreadSafety.class, Ufunc.class, Ufunc.Masked.class,
            FpSignal.class,
            NDArray.class, DType.class,
            Casting.class, Promotion.class, Promotion.ScalarKind.class, GilfreeException.class);

    /**
     * Public methods of {@link #SANDBOX_API} classes a sandbox does not get: the package never calls them there,
     * and they hand out raw memory. (The engine refuses address-revealing calls in a sandbox too.)
     */
    static final Map<Class<?>, Set<String>> SANDBOX_WITHHELD = Map.of(NDArray.class, Set.of("storage", "segment"));

    /**
     * Java classes a sandboxed script may look up by name (what the gilfree package imports). Not {@code dev.gilfree.api.Interop}:
     * NumPy is absent in a sandbox, and its calls reveal addresses or build raw views (the package asks
     * {@code Engine.addressesAllowed()} and leaves it out).
     */
    static final Set<String> SANDBOX_CLASSES = SANDBOX_API.stream()
            .filter(c -> c != Ufunc.class && c != Ufunc.Masked.class && c != FpSignal.class && c != GilfreeException.class)
            .map(Class::getName).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Public methods of the engine facade and array classes, plus what error handling reads from exceptions. */
    static final HostAccess SANDBOX_HOST_ACCESS = sandboxHostAccess();

    private static HostAccess sandboxHostAccess() {
        HostAccess.Builder b = HostAccess.newBuilder()
                .allowArrayAccess(true)
                .allowListAccess(false)
                .allowMapAccess(false)
                .allowAccessInheritance(false);
        for (Class<?> c : SANDBOX_API) {
            Set<String> withheld = SANDBOX_WITHHELD.getOrDefault(c, Set.of());
            for (Method m : c.getMethods()) {
                if (m.getDeclaringClass() == c && !withheld.contains(m.getName())) b.allowAccess(m);
            }
        }
        try {
            b.allowAccess(Enum.class.getMethod("name"));
            b.allowAccess(Throwable.class.getMethod("getMessage"));
            b.allowAccess(Throwable.class.getMethod("toString"));
            b.allowAccess(Object.class.getMethod("getClass"));
            b.allowAccess(Class.class.getMethod("getName"));
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
        return b.build();
    }

    /**
     * A sandboxed context has no file system, so gilfree cannot be imported from the jar: a meta-path
     * finder asks Java (one ProxyExecutable that can read nothing but gilfree's own sources) instead.
     */
    private static void installImporter(Context ctx) {
        Value install = ctx.eval(Source.create("python", IMPORTER));
        install.execute((ProxyExecutable) args -> PackageSources.read(args[0].asString()));
    }

    private static final String IMPORTER = """
            def _gilfree_install_importer(read):
                import sys
                from importlib.machinery import ModuleSpec

                class Loader:
                    def __init__(self, source, filename):
                        self.source, self.filename = source, filename

                    def create_module(self, spec):
                        return None

                    def exec_module(self, module):
                        module.__file__ = self.filename
                        exec(compile(self.source, self.filename, "exec"), module.__dict__)

                class GilfreeFinder:
                    @staticmethod
                    def find_spec(name, path=None, target=None):
                        if not (name == "gilfree" or name.startswith("gilfree.") or name == "_gilfree_session"):
                            return None
                        found = read(name)
                        if found is None:
                            return None
                        found = str(found)
                        is_pkg = found[0] == "P"
                        filename = "<jar>/" + name.replace(".", "/") + ("/__init__.py" if is_pkg else ".py")
                        spec = ModuleSpec(name, Loader(found[1:], filename), origin=filename, is_package=is_pkg)
                        if is_pkg:
                            spec.submodule_search_locations = []
                        return spec

                sys.meta_path.insert(0, GilfreeFinder)
            _gilfree_install_importer
            """;

    // ----- PythonSession -----

    @Override public String runtime() { return "graalpy"; }

    /** True for sessions made by {@link #sandboxed}. */
    public boolean isSandboxed() { return sandbox != null; }

    /** Bytes of engine array memory this sandboxed session's scripts hold now (0 for trusted sessions). */
    public long memoryInUse() { return settings.budget() == null ? 0 : settings.budget().used(); }

    /**
     * The engine settings this session's scripts see: threads per operation, borrow checking and, for a
     * sandboxed session, its limits. The embedder may change them between (or during) scripts; a sandboxed
     * session's caps hold for the embedder too.
     */
    public Settings settings() { return settings; }

    @Override public void put(String name, Object value) { run(() -> put.execute(name, value)); }

    @Override public Object get(String name) { return run(() -> toJava(get.execute(name))); }

    @Override public void exec(String code) { run(() -> exec.execute(code)); }

    @Override public Object eval(String expression) { return run(() -> toJava(eval.execute(expression))); }

    @Override public Object call(String function, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = function;
        System.arraycopy(args, 0, all, 1, args.length);
        return run(() -> toJava(call.execute(all)));
    }

    /** The underlying polyglot context, for embedders who need more (trusted sessions only). */
    public Context context() {
        if (sandbox != null) throw new IllegalStateException("a sandboxed session does not hand out its context");
        return ctx;
    }

    @Override public void close() {
        if (closed) return;
        closed = true;
        settings.close(); // its checked mode no longer keeps every operation on the slow path
        try {
            ctx.close(true);
        } catch (PolyglotException | IllegalStateException ignored) {
            // already closed or cancelled by a watchdog
        }
    }

    /** Sandboxed scripts with a time limit run on these threads, so the caller always gets control back. */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gilfree-sandbox-script");
        t.setDaemon(true);
        return t;
    });

    private static final long GRACE_MS = 2000;

    private <T> T run(Supplier<T> body) {
        if (closed) throw new IllegalStateException("session is closed");
        if (sandbox == null || sandbox.timeLimit == null) return runHere(body);
        Future<T> f = WORKERS.submit(() -> runHere(body));
        try {
            return f.get(sandbox.timeLimit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException runaway) {
            return stopRunaway(f);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw new SessionInterruptedException("interrupted while waiting for the script", e);
        } catch (ExecutionException e) {
            throw rethrow(e);
        }
    }

    /**
     * The script ran over its time limit: interrupt it (the session stays usable). A script inside one
     * long builtin call (e.g. {@code sum(range(10**12))}) does not reach a safepoint, so it cannot be
     * interrupted: then the context is cancelled, the session closed, and its thread abandoned to finish
     * that call in the background, while the caller gets control back now.
     */
    private <T> T stopRunaway(Future<T> f) {
        String why = "script stopped: it ran longer than the session's time limit of " + sandbox.timeLimit.toMillis() + " ms";
        try {
            ctx.interrupt(Duration.ofMillis(GRACE_MS));
            f.get(GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | RuntimeException e) {
            closed = true;
            Thread.ofPlatform().daemon().name("gilfree-sandbox-cancel").start(() -> {
                try {
                    ctx.close(true);
                } catch (RuntimeException ignored) {
                    // the context may already be closing
                }
            });
            throw new SessionInterruptedException(why + "; it could not be interrupted (it is inside one long builtin call), "
                    + "so the session is closed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the expected outcome: the interrupt ended the script
        }
        throw new SessionInterruptedException(why, null);
    }

    private static RuntimeException rethrow(ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof RuntimeException r) return r;
        if (c instanceof Error err) throw err;
        return new RuntimeException(c);
    }

    private <T> T runHere(Supplier<T> body) {
        // One binding for all of the session's switches, for the duration of the script (threads it starts inherit it).
        try (Settings.Scope ignored = settings.bind()) {
            return body.get();
        } catch (PolyglotException e) {
            throw translate(e);
        } catch (IllegalStateException e) {
            if (closed) throw new SessionInterruptedException("session was closed while the script ran", e);
            throw e;
        }
    }

    private void run(Runnable body) {
        run(() -> {
            body.run();
            return null;
        });
    }

    static RuntimeException translate(PolyglotException e) {
        if (e.isInterrupted() || e.isCancelled()) return new SessionInterruptedException("script was stopped", e);
        if (e.isExit()) return new PythonException("SystemExit", String.valueOf(e.getExitStatus()), e);
        if (e.isGuestException() && e.getGuestObject() != null && !e.getGuestObject().isNull()) {
            Value g = e.getGuestObject();
            String type = "Exception";
            try {
                type = g.getMetaObject().getMetaSimpleName();
            } catch (RuntimeException ignored) {
                // keep the generic name
            }
            String msg = String.valueOf(e.getMessage());
            if (msg.startsWith(type + ": ")) msg = msg.substring(type.length() + 2);
            return new PythonException(type, msg, e);
        }
        if (e.isHostException()) {
            Throwable h = e.asHostException();
            return new PythonException("RuntimeError", h.toString(), e);
        }
        return new PythonException("RuntimeError", String.valueOf(e.getMessage()), e);
    }

    static Object toJava(Value v) {
        if (v == null || v.isNull()) return null;
        if (v.isHostObject()) return v.asHostObject();
        if (v.isBoolean()) return v.asBoolean();
        if (v.isString()) return v.asString();
        if (v.isNumber()) {
            boolean integral = v.fitsInLong() && !"float".equals(v.getMetaObject().getMetaSimpleName());
            return integral ? (Object) v.asLong() : (Object) v.asDouble();
        }
        if (v.hasArrayElements()) {
            List<Object> out = new ArrayList<>();
            for (long i = 0; i < v.getArraySize(); i++) out.add(toJava(v.getArrayElement(i)));
            return out;
        }
        return v.toString();
    }
}
