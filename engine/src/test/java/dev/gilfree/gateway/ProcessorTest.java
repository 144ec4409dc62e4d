package dev.gilfree.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilfree.gateway.processor.GatewayProcessor;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Declarations the processor must refuse, each with a message that says what is wrong. */
class ProcessorTest {
    @TempDir
    Path out;

    private static final String HEAD = """
            package bad;
            import dev.gilfree.core.NDArray;
            import dev.gilfree.gateway.Entry;
            import dev.gilfree.gateway.Facade;
            @Facade("Bad")
            final class BadOps {
            """;

    /** Compiles one facade class with the processor and returns its error messages. */
    private List<String> errors(String body) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        JavaFileObject src = new SimpleJavaFileObject(URI.create("string:///bad/BadOps.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignore) { return HEAD + body + "\n}\n"; }
        };
        Files.createDirectories(out);
        var task = javac.getTask(null, null, diags, List.of("-d", out.toString(), "-s", out.toString(),
                "-cp", System.getProperty("java.class.path"), "--add-modules=jdk.incubator.vector"), null, List.of(src));
        task.setProcessors(List.of(new GatewayProcessor()));
        task.call();
        return diags.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(null)).collect(Collectors.toList());
    }

    private void refused(String body, String expected) throws IOException {
        List<String> e = errors(body);
        assertEquals(1, e.size(), e.toString());
        assertTrue(e.getFirst().contains(expected), e.getFirst());
    }

    @Test
    void aGoodFacadeCompiles() throws IOException {
        assertEquals(List.of(), errors("""
                @Entry(reads = "a", writes = "o", fp = "mask", sample = "xp.add(a, b, out=a)")
                static NDArray f(NDArray a, NDArray o, int mask) { return a; }
                @Entry static int g() { return 1; }
                private static void helper() {}
                """));
        assertTrue(Files.exists(out.resolve("bad/Bad.java")));
        assertFalse(Files.readString(out.resolve("bad/Bad.java")).contains("reflect"));
    }

    @Test
    void aStaticMethodWithoutEntry() throws IOException {
        refused("static void f(NDArray a) {}", "non-private static method f of facade class BadOps has no @Entry");
    }

    @Test
    void readsOrWritesNamingNoParameter() throws IOException {
        refused("@Entry(reads = \"x\", sample = \"a\") static void f(NDArray a) {}", "declares 'x', which is not one of its parameters");
        refused("@Entry(writes = \"n\", sample = \"a\") static void f(NDArray a, int n) {}", "'n' of type int: reads and writes name NDArray");
    }

    @Test
    void fpNotAnIntParameter() throws IOException {
        refused("@Entry(reads = \"a\", fp = \"m\", sample = \"a\") static void f(NDArray a, long m) {}", "fp = \"m\" must name an int parameter");
    }

    @Test
    void resizesWithoutExactlyOneWrite() throws IOException {
        refused("@Entry(reads = \"a\", resizes = true, sample = \"a\") static void f(NDArray a) {}", "must write exactly one NDArray");
    }

    @Test
    void memoryWithoutSample() throws IOException {
        refused("@Entry(reads = \"a\") static void f(NDArray a) {}", "has no sample");
    }
}
