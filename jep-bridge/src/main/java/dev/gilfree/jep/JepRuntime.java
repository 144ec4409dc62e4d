package dev.gilfree.jep;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import jep.JepConfig;
import jep.JepException;
import jep.MainInterpreter;
import jep.PyConfig;
import jep.SharedInterpreter;

/**
 * Starts CPython inside this JVM through jep, once per process, with the gilfree package importable.
 * Where jep's native library and CPython live comes from a properties file written by
 * tools/bootstrap.sh (named by {@code -Dgilfree.jep.config}).
 */
public final class JepRuntime {
    private JepRuntime() {}

    private static boolean configured;

    /** Configures jep (first call only) and returns a new interpreter on the calling thread. */
    public static synchronized SharedInterpreter newInterpreter() throws JepException {
        if (!configured) {
            configure(loadConfig());
            configured = true;
        }
        return new SharedInterpreter();
    }

    private static Properties loadConfig() {
        String file = System.getProperty("gilfree.jep.config");
        if (file == null) throw new IllegalStateException("-Dgilfree.jep.config=<gilfree-jep.properties> is not set (tools/bootstrap.sh writes it)");
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return p;
    }

    private static void configure(Properties p) throws JepException {
        MainInterpreter.setJepLibraryPath(p.getProperty("jep.library"));
        MainInterpreter.setInitParams(new PyConfig().setHome(p.getProperty("python.home")));
        SharedInterpreter.setConfig(new JepConfig().addIncludePaths(pythonPackageRoot(), p.getProperty("python.sitePackages")));
    }

    /** Where the gilfree package and the launcher module live: "<jar>/gilfree-python" or the override. */
    public static String pythonPackageRoot() {
        String override = System.getProperty("gilfree.python.path");
        if (override != null && !override.isEmpty()) return override;
        try {
            Path where = Path.of(JepRuntime.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return where.resolve("gilfree-python").toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the gilfree jar", e);
        }
    }
}
