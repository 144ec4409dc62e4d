package dev.gilfree.graalpy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilfree.core.NDArray;
import dev.gilfree.core.Settings;
import dev.gilfree.embed.EngineArrays;
import dev.gilfree.embed.PythonException;
import dev.gilfree.embed.SessionInterruptedException;
import dev.gilfree.gateway.Entries;
import dev.gilfree.gateway.EntrySpec;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sandboxed sessions: an untrusted script reaches gilfree and nothing else. Every escape below must fail
 * with a Python exception while the session keeps working. (The list is also in docs/embedding.md.)
 * A sandboxed script also cannot change the engine for anyone else: each attempt is checked against a
 * trusted session in the same JVM.
 */
class SandboxTest {
    static GraalPySession s;
    static GraalPySession trusted;
    static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();

    @BeforeAll
    static void open() {
        s = GraalPySession.sandboxed(Sandbox.builder()
                .memoryLimit(64L << 20)
                .timeLimit(Duration.ofSeconds(60)) // generous: tests run on the slow fallback runtime
                .out(OUT).err(OUT)
                .build());
        trusted = GraalPySession.create();
    }

    @AfterAll
    static void close() {
        s.close();
        trusted.close();
    }

    @Test
    void everyGatewayFacadeButInteropAndFilesIsOnTheAllowList() {
        Set<String> facades = new TreeSet<>();
        for (EntrySpec e : Entries.ALL) facades.add("dev.gilfree.api." + e.facade());
        facades.remove("dev.gilfree.api.Interop"); // addresses and raw views: never in a sandbox
        facades.remove("dev.gilfree.api.Files"); // host files mapped into memory: never in a sandbox
        Set<String> allowed = new TreeSet<>();
        for (Class<?> c : GraalPySession.SANDBOX_API) if (c.getName().startsWith("dev.gilfree.api.") && facades.contains(c.getName())) allowed.add(c.getName());
        assertEquals(facades, allowed);
        assertFalse(GraalPySession.SANDBOX_CLASSES.contains("dev.gilfree.api.Interop"));
        assertFalse(GraalPySession.SANDBOX_CLASSES.contains("dev.gilfree.api.Files"));
    }

    @Test
    void gilfreeWorksInsideTheSandbox() {
        s.put("a", EngineArrays.of(new double[]{1, 2, 3}));
        s.exec("b = gf.exp(a * 0) + a\nprint('sum', float(b.sum()))");
        assertArrayEquals(new double[]{2, 3, 4}, EngineArrays.toDoubles(s.get("b", NDArray.class)));
        assertEquals("TypeError", assertThrows(PythonException.class, () -> s.exec("gf.zeros(3, dtype='nope')")).pythonType());
        assertTrue(s.isSandboxed());
        // the fft and random facades compute only: a sandbox has them (generators pass as opaque handles)
        s.exec("f = gf.fft.fft(gf.arange(4.0))\nr = gf.random.default_rng(0).random(3)");
        assertEquals("[ 6.+0.j -2.+2.j -2.+0.j -2.-2.j]", s.eval("str(f)"));
        assertEquals("[0.63696169 0.26978671 0.04097352]", s.eval("str(r)")); // NumPy's default_rng(0)
        // so does the fused evaluator
        s.exec("x = gf.arange(4.0)\ne = gf.evaluate('2*x + 1')");
        assertEquals("[1. 3. 5. 7.]", s.eval("str(e)"));
    }

    /** Each snippet tries one way out; it must raise (any Python exception), and the session must go on. */
    @ParameterizedTest
    @ValueSource(strings = {
        // host class lookup
        "import java; java.type('java.lang.Runtime')",
        "import java; java.type('java.lang.System').exit(3)",
        "import java; java.type('java.lang.ProcessBuilder')",
        "import java; java.type('java.io.File')",
        "import java; java.type('java.net.Socket')",
        "import java; java.type('java.lang.Class').forName('java.lang.Runtime')",
        "import java; java.type('dev.gilfree.core.Storage')",
        "import java; java.add_to_classpath('/tmp')",
        // reflection through objects gilfree hands out
        "gf._bridge.Engine.getClass().forName('java.lang.Runtime')",
        "gf.arange(3.0)._j.getClass().forName('java.lang.Runtime')",
        "gf.arange(3.0)._j.getClass().getClassLoader()",
        "gf.arange(3.0)._j.getClass().getMethods()",
        "gf.arange(3.0)._j.storage().segment().address()",
        "gf.arange(3.0)._j.segment().reinterpret(1 << 40)",
        "gf._bridge.Engine['class'].forName('java.lang.Runtime')",
        "gf._bridge.Engine.static",
        "import java; java.type('dev.gilfree.core.NDArray')(None, None, None, True, None)",
        "gf._ufuncs.add._j.getClass().getDeclaredFields()",
        "gf.arange(3.0)._j.hashCode().getClass()",
        // a Java exception object and its class
        "import polyglot\ntry:\n    gf._bridge.Engine.zeros([-1], 'float64')\nexcept polyglot.ForeignException as e:\n    e.getClass().forName('java.lang.Runtime')",
        "import polyglot\ntry:\n    gf._bridge.Engine.zeros([-1], 'float64')\nexcept polyglot.ForeignException as e:\n    e.getStackTrace()",
        // reading outside an array through the view factory
        "import java; I = java.type('dev.gilfree.api.Interop'); I.view(gf.zeros(4)._j, 'float64', [4], [8], 1 << 20, True)",
        "import java; I = java.type('dev.gilfree.api.Interop'); I.view(gf.zeros(4)._j, 'float64', [1 << 40], [8], 0, True)",
        "import java; I = java.type('dev.gilfree.api.Interop'); I.view(gf.zeros(4)._j, 'float64', [2], [-8], 0, True)",
        // other languages
        "import polyglot; polyglot.eval(language='js', string='1')",
        "import polyglot; polyglot.import_value('anything').x",
        // files
        "open('/etc/passwd').read()",
        "open('/tmp/gilfree-sandbox-probe', 'w').write('x')",
        "import os; os.listdir('/')",
        "import os; os.stat('/etc/passwd')",
        "import _io; _io.FileIO('/etc/passwd').read()",
        "import io; io.open('/etc/hostname').read()",
        "import pathlib; pathlib.Path('/etc/passwd').read_text()",
        "import os; os.open('/etc/passwd', os.O_RDONLY)",
        "import os; os.chdir('/'); os.listdir('.')",
        // processes
        "import os; os.system('touch /tmp/gilfree-sandbox-probe')",
        "import subprocess; subprocess.run(['id'])",
        "import os; os.popen('id').read()",
        "import os; os.fork()",
        "import os; os.execv('/bin/sh', ['sh'])",
        "import os; os.posix_spawn('/bin/touch', ['touch', '/tmp/gilfree-sandbox-probe'], {})",
        // native code
        "import ctypes; ctypes.CDLL(None)",
        // threads (a runaway thread could outlive the time limit)
        "import threading; t = threading.Thread(target=lambda: None); t.start()",
        "import _thread; _thread.start_new_thread(lambda: None, ())",
        // importing host files as modules
        "import sys; sys.path.insert(0, '/etc'); import passwd",
        "import sys; sys.meta_path[0].find_spec('gilfree/../../etc/passwd')._ignored",
        "import sys; sys.meta_path[0].find_spec('..etc.passwd').loader",
    })
    void escapeFails(String code) {
        PythonException e = assertThrows(PythonException.class, () -> s.exec(code), code);
        assertFalse(e.pythonType().isEmpty());
        assertEquals(3L, s.eval("1 + 2")); // still usable
    }

    @Test
    void environmentIsEmptyAndNoFileIsWritten() throws Exception {
        assertEquals(Boolean.FALSE, s.eval("any(k in __import__('os').environ for k in ('PATH', 'HOME', 'USER', 'JAVA_HOME'))"),
                String.valueOf(s.eval("list(__import__('os').environ)")));
        Path probe = Path.of("/tmp/gilfree-sandbox-probe");
        assertFalse(Files.exists(probe), "a sandboxed script created " + probe);
    }

    @Test
    void noSocketReachesTheHost() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            server.setSoTimeout(300);
            int port = server.getLocalPort();
            assertThrows(PythonException.class, () -> s.exec(
                    "import socket\nc = socket.create_connection(('127.0.0.1', " + port + "), timeout=1)\nc.sendall(b'x')"));
            assertThrows(SocketTimeoutException.class, server::accept, "the script connected to the host");
            assertThrows(PythonException.class, () -> s.exec("import urllib.request; urllib.request.urlopen('http://127.0.0.1:" + port + "/')"));
            assertThrows(SocketTimeoutException.class, server::accept);
        }
    }

    @Test
    void memoryLimitGivesMemoryErrorAndIsReturnedWhenArraysAreDropped() {
        PythonException e = assertThrows(PythonException.class, () -> s.exec("big = gf.zeros(100 * 1024 * 1024 // 8)"));
        assertEquals("MemoryError", e.pythonType());
        assertTrue(e.getMessage().contains("memory limit"), e.getMessage());
        // 40 MiB fits; holding two of them does not; dropping one frees room again.
        s.exec("x = gf.zeros(5 * 1024 * 1024)");
        assertTrue(s.memoryInUse() >= 40L << 20);
        assertEquals("MemoryError", assertThrows(PythonException.class, () -> s.exec("y = gf.zeros(5 * 1024 * 1024)")).pythonType());
        s.exec("del x\ny = gf.zeros(5 * 1024 * 1024)\ndel y");
        // a loop of allocations that are dropped right away never hits the limit
        s.exec("for i in range(20):\n    t = gf.ones(2 * 1024 * 1024) * 2\ndel t");
    }

    @Test
    void runawayScriptIsStoppedAndTheSessionGoesOn() {
        try (GraalPySession r = GraalPySession.sandboxed(Sandbox.builder().timeLimit(Duration.ofSeconds(1)).build())) {
            runaways(r);
        }
    }

    private static void runaways(GraalPySession s) {
        long t0 = System.nanoTime();
        assertThrows(SessionInterruptedException.class, () -> s.exec("while True:\n    pass"));
        assertThrows(SessionInterruptedException.class, () -> s.exec("import time\ntime.sleep(1000)"));
        assertThrows(SessionInterruptedException.class, () -> s.exec("def f(n):\n    return f(n + 1) if n < 10 else [i for i in range(10**12)]\nf(0)"));
        assertThrows(SessionInterruptedException.class, () -> s.exec("x = gf.zeros(1000)\nwhile True:\n    x = x + 1.0"));
        assertTrue(System.nanoTime() - t0 < 30_000_000_000L);
        assertEquals(7L, s.eval("3 + 4")); // interrupted, not closed: the session goes on
    }

    /** A builtin looping in Java never reaches a safepoint: the caller still gets control back, the session closes. */
    @Test
    void uninterruptibleBuiltinStillReturnsControl() {
        GraalPySession r = GraalPySession.sandboxed(Sandbox.builder().timeLimit(Duration.ofMillis(500)).build());
        long t0 = System.nanoTime();
        SessionInterruptedException e = assertThrows(SessionInterruptedException.class, () -> r.exec("sum(range(2 * 10**9))"));
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L);
        assertTrue(e.getMessage().contains("session is closed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> r.eval("1"));
        r.close();
    }

    @Test
    void separateSessionsHaveSeparateGlobalsAndBudgets() {
        try (GraalPySession other = GraalPySession.sandboxed(Sandbox.builder().memoryLimit(1 << 20).build())) {
            other.exec("secret = 42");
            assertThrows(PythonException.class, () -> s.eval("secret"));
            assertEquals("MemoryError", assertThrows(PythonException.class, () -> other.exec("gf.zeros(1 << 20)")).pythonType());
        }
    }

    // ----- a sandboxed script cannot change the engine for everyone (issue 22) -----

    private static void assertRefused(String type, String code, String inMessage) {
        PythonException e = assertThrows(PythonException.class, () -> s.exec(code), code);
        assertEquals(type, e.pythonType(), e.getMessage());
        assertTrue(e.getMessage().contains(inMessage), e.getMessage());
        assertEquals(3L, s.eval("1 + 2"));
    }

    @Test
    void setNumThreadsIsCappedAndStaysInTheSession() {
        long trustedBefore = (Long) trusted.eval("gf.get_num_threads()");
        int processBefore = Settings.process().numThreads();
        assertEquals(1L, s.eval("gf.get_num_threads()")); // the default cap
        assertRefused("ValueError", "gf.set_num_threads(256)", "at most 1");
        assertRefused("ValueError", "gf.set_num_threads(2)", "this session's limit");
        s.exec("gf.set_num_threads(1)");
        assertEquals(1L, s.eval("gf.get_num_threads()"));
        assertEquals(trustedBefore, trusted.eval("gf.get_num_threads()"));
        assertEquals(processBefore, Settings.process().numThreads());

        try (GraalPySession wider = GraalPySession.sandboxed(Sandbox.builder().maxThreads(2).build())) {
            wider.exec("gf.set_num_threads(2)");
            assertEquals(2L, wider.eval("gf.get_num_threads()"));
            PythonException e = assertThrows(PythonException.class, () -> wider.exec("gf.set_num_threads(3)"));
            assertEquals("ValueError", e.pythonType());
            assertTrue(e.getMessage().contains("at most 2"), e.getMessage());
            assertEquals(2, wider.settings().numThreads());
        }
        // and the trusted session's own setting is its own too
        trusted.exec("gf.set_num_threads(1)");
        try {
            assertEquals(1L, s.eval("gf.get_num_threads()"));
            assertEquals(processBefore, Settings.process().numThreads());
        } finally {
            trusted.exec("gf.set_num_threads(" + trustedBefore + ")");
        }
    }

    @Test
    void borrowCheckingStaysInTheSession() {
        s.exec("gf.set_borrow_checking(True)");
        try {
            assertEquals(Boolean.TRUE, s.eval("gf.get_borrow_checking()"));
            assertEquals(Boolean.FALSE, trusted.eval("gf.get_borrow_checking()"));
            assertFalse(Settings.process().borrowChecking());
            // Under checking, reading an array another thread writes raises BorrowError; the trusted session does not check.
            trusted.exec("a = gf.zeros(8)\nwith gf.diagnostics.hold(a, write=True):\n    b = a + 1");
            assertEquals(8L, trusted.eval("b.size"));
        } finally {
            s.exec("gf.set_borrow_checking(False)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "gf.diagnostics.hold(gf.zeros(3)).__enter__()",
        "gf.diagnostics.rendezvous(1, 0.01)",
        "gf.diagnostics.reset()",
        // straight at the Java handle (no Python error translation): the engine still refuses
        "gf._bridge.Diagnostics.resetMaxConcurrent()",
        "gf._bridge.Diagnostics.startRecording()",
        "gf._bridge.Diagnostics.nanosPerCall('guard', gf.zeros(1)._j, gf.zeros(1)._j, gf.zeros(1)._j, 1)",
    })
    void testHooksAreRefusedAndTheTrustedCountersKept(String code) {
        trusted.exec("gf.diagnostics.reset()\ngf.diagnostics.rendezvous(1, 0.01)");
        assertRefused(code.contains("._bridge.") ? "RuntimeError" : "PermissionError", code, "test hook");
        assertTrue((Long) trusted.eval("gf.diagnostics.max_concurrent_ops()") >= 1, "the sandbox reset the trusted session's gauge");
        assertTrue((Long) s.eval("gf.diagnostics.max_concurrent_ops()") >= 0); // read-only gauges stay
    }

    /** Address-revealing calls: not on the sandbox's allow-list, and refused by the engine if they were. */
    @ParameterizedTest
    @ValueSource(strings = {
        "gf._bridge.Interop.storageAddress(gf.zeros(3)._j)",
        "gf._bridge.Interop.arrayInterface(gf.zeros(3)._j)",
        "gf.zeros(3).__array_interface__",
        "gf._bridge.Interop.view(gf.zeros(4)._j, 'float64', [2], [8], 0, True)",
        "gf.zeros(3)._j.segment()",
        "gf.zeros(3)._j.storage()",
    })
    void addressesAreNotReachable(String code) {
        PythonException e = assertThrows(PythonException.class, () -> s.exec(code), code);
        assertFalse(e.pythonType().isEmpty());
        assertEquals(Boolean.TRUE, trusted.eval("gf._bridge.Interop.storageAddress(gf.zeros(3)._j) != 0"));
    }

    @Test
    void theInteropHandleIsNotThereInASandbox() {
        assertEquals(Boolean.TRUE, s.eval("gf._bridge.Interop is None"));
        assertEquals(Boolean.FALSE, s.eval("hasattr(gf.zeros(3), '__array_interface__')"));
        assertThrows(PythonException.class, () -> s.exec("import java; java.type('dev.gilfree.api.Interop')"));
        assertEquals(Boolean.FALSE, trusted.eval("gf._bridge.Interop is None"));
    }
}
