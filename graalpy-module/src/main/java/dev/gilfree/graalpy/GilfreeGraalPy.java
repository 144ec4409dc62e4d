package dev.gilfree.graalpy;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Context;

/**
 * Builds GraalPy contexts in which {@code import gilfree} works: the package is imported straight from
 * this jar (zipimport), or from the folder named by {@code -Dgilfree.python.path} during development.
 */
public final class GilfreeGraalPy {
    private GilfreeGraalPy() {}

    /**
     * A context builder with full host access (the launcher's trust level: scripts are the user's own),
     * {@code argv} as {@code sys.argv}, and extra entries for {@code sys.path}.
     */
    public static Context.Builder trustedContext(String[] argv, List<String> extraPath) {
        List<String> path = new ArrayList<>();
        path.add(pythonPackageRoot());
        path.addAll(extraPath);
        return Context.newBuilder("python")
                .allowAllAccess(true)
                .option("python.PythonPath", String.join(File.pathSeparator, path))
                // GraalPy otherwise checks for a standalone home next to the executable.
                .option("python.ForceImportSite", "true")
                .arguments("python", argv);
    }

    /** Where the gilfree package and the launcher module live: "<jar>/gilfree-python" or the override. */
    public static String pythonPackageRoot() {
        String override = System.getProperty("gilfree.python.path");
        if (override != null && !override.isEmpty()) return override;
        try {
            Path where = Path.of(GilfreeGraalPy.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return where.resolve("gilfree-python").toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the gilfree jar", e);
        }
    }
}
