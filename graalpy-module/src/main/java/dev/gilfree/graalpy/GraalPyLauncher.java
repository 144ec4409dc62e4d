package dev.gilfree.graalpy;

import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * {@code ./gilfree --runtime graalpy ...}: python's command line on embedded GraalPy. The command line
 * itself is handled in Python ({@code _gilfree_main}), identically on both runtimes.
 */
public final class GraalPyLauncher {
    private GraalPyLauncher() {}

    public static void main(String[] args) {
        List<String> extra = new ArrayList<>();
        String site = System.getProperty("gilfree.graalpy.site");
        if (site != null && !site.isEmpty()) extra.add(site);
        int code;
        try (Context ctx = GilfreeGraalPy.trustedContext(args, extra).build()) {
            Value main = ctx.eval("python", "import _gilfree_main\n_gilfree_main.main");
            code = main.execute((Object[]) args).asInt();
        } catch (PolyglotException e) {
            if (e.isExit()) {
                code = e.getExitStatus();
            } else {
                // Only reached if the launcher module itself fails to load: say so briefly, no Java stack.
                System.err.println("gilfree: " + e.getMessage());
                code = 1;
            }
        }
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }
}
