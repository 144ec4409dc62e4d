package dev.gilfree.jep;

import java.util.Arrays;
import jep.JepException;
import jep.SharedInterpreter;

/**
 * {@code ./gilfree --runtime cpython ...}: python's command line on CPython embedded through jep. The
 * command line itself is handled in Python ({@code _gilfree_main}), identically on both runtimes.
 */
public final class JepLauncher {
    private JepLauncher() {}

    public static void main(String[] args) {
        int code;
        try (SharedInterpreter py = JepRuntime.newInterpreter()) {
            py.exec("from _gilfree_main import main as _gilfree_main");
            Object result = py.invoke("_gilfree_main", (Object[]) Arrays.copyOf(args, args.length, Object[].class));
            code = result instanceof Number n ? n.intValue() : 1;
        } catch (JepException e) {
            System.err.println("gilfree: " + e.getMessage());
            code = 1;
        }
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }
}
