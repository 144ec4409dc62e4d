package dev.gilfree.graalpy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The sources of the gilfree Python package (and the session helper module), read by Java from this
 * jar's resources (or from {@code -Dgilfree.python.path}) so that a sandboxed context can import them
 * with no file system access at all. Only names under {@code gilfree} and {@code _gilfree_session}
 * resolve; nothing else can be read through here.
 */
final class PackageSources {
    private PackageSources() {}

    private static final Pattern NAME = Pattern.compile("(gilfree(\\.[A-Za-z_][A-Za-z0-9_]*)*|_gilfree_session)");

    /** "P" + source for a package, "M" + source for a module, or null when {@code module} is not ours. */
    static String read(String module) {
        if (module == null || !NAME.matcher(module).matches()) return null;
        String rel = module.replace('.', '/');
        String pkg = readFile(rel + "/__init__.py");
        if (pkg != null) return "P" + pkg;
        String mod = readFile(rel + ".py");
        return mod == null ? null : "M" + mod;
    }

    private static String readFile(String relPath) {
        String override = System.getProperty("gilfree.python.path");
        try {
            if (override != null && !override.isEmpty()) {
                Path p = Path.of(override).resolve(relPath);
                return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
            }
            try (InputStream in = PackageSources.class.getResourceAsStream("/gilfree-python/" + relPath)) {
                return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return null;
        }
    }
}
