package dev.gilfree.gateway;

import static dev.gilfree.TestSupport.f64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilfree.api.Diagnostics;
import dev.gilfree.api.Engine;
import dev.gilfree.api.FpSignal;
import dev.gilfree.api.ThreadSafety;
import dev.gilfree.api.Ufunc;
import dev.gilfree.api.Ufuncs;
import dev.gilfree.api.Views;
import dev.gilfree.core.Borrows;
import dev.gilfree.core.GilfreeException;
import dev.gilfree.core.NDArray;
import dev.gilfree.kernels.FpFlags;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The gateway as a whole: the generated table, the checks every entry gets, fp signals, error typing, borrows. */
class GatewayTest {

    /** The call raises the engine error for Python type {@code type} with a message containing {@code part}. */
    private static void raises(String type, String part, org.junit.jupiter.api.function.Executable call) {
        GilfreeException e = assertThrows(GilfreeException.class, call);
        assertEquals(type, e.pythonType(), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    private static Class<?> facade(String name) throws ClassNotFoundException { return Class.forName("dev.gilfree.api." + name); }

    @Test
    void theTableListsEveryPublicMethodOfEveryFacade() throws Exception {
        Set<String> facades = Entries.ALL.stream().map(EntrySpec::facade).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("Diagnostics", "Engine", "Fft", "Files", "Fused", "Indexing", "Interop", "LinAlg", "Random", "Reduce", "Sort",
                "ThreadSafety", "Ufuncs", "Views", "Writes")), facades);
        for (String f : facades) {
            Set<String> declared = new TreeSet<>();
            for (Method m : facade(f).getDeclaredMethods()) if (Modifier.isPublic(m.getModifiers())) declared.add(m.getName());
            Set<String> listed = Entries.ALL.stream().filter(e -> e.facade().equals(f)).map(EntrySpec::method)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(declared, listed, f);
        }
        String[][] table = Diagnostics.entryTable();
        assertEquals(Entries.ALL.size(), table.length);
        String[] add = Arrays.stream(table).filter(r -> r[0].equals("Ufuncs") && r[1].equals("call2Into")).findFirst().orElseThrow();
        assertArrayEquals(new String[] {"Ufuncs", "call2Into", "u,a,b,out,fpMask", "Ufunc,NDArray,NDArray,NDArray,int", "a,b", "out",
            "fpMask", "false", "xp.add(a, b, out=a)", "float64", "true"}, add);
    }

    @Test
    void everyEntryThatTouchesMemoryHasASample() {
        for (EntrySpec e : Entries.ALL) assertEquals(e.touchesMemory(), !e.sample().isEmpty(), e.name());
    }

    /** Every written parameter, frozen: ValueError from the gateway before the body runs, and not a byte changes. */
    @Test
    void aFrozenArrayInAnyWrittenRoleIsRefusedUntouched() throws Exception {
        int tried = 0;
        for (EntrySpec e : Entries.ALL) {
            for (String w : e.writes()) {
                Method m = method(e);
                NDArray frozen = Engine.arange(0, 1, 12, "float64");
                ThreadSafety.freeze(frozen);
                Object[] args = arguments(e, w, frozen);
                InvocationTargetException x = assertThrows(InvocationTargetException.class, () -> m.invoke(null, args), e.name());
                GilfreeException g = (GilfreeException) x.getCause();
                assertEquals("ValueError", g.pythonType(), e.name());
                assertTrue(g.getMessage().contains("read-only") || g.getMessage().contains("cannot resize"), e.name() + ": " + g.getMessage());
                assertArrayEquals(Engine.arange(0, 1, 12, "float64").toDoubleArray(), frozen.toDoubleArray(), e.name());
                tried++;
            }
        }
        assertTrue(tried >= 10, "written roles tried: " + tried);
    }

    private static Method method(EntrySpec e) throws ClassNotFoundException {
        for (Method m : facade(e.facade()).getMethods()) if (m.getName().equals(e.method())) return m;
        throw new AssertionError(e.name());
    }

    // Plain values for every parameter; `role` gets the given array, other arrays fresh ones.
    private static Object[] arguments(EntrySpec e, String role, NDArray a) throws ClassNotFoundException {
        Class<?>[] types = method(e).getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            boolean mine = e.paramNames().get(i).equals(role);
            args[i] = t == NDArray.class ? (mine ? a : Engine.arange(0, 1, 12, "float64"))
                    : t == NDArray[].class ? new NDArray[] {mine ? a : Engine.arange(0, 1, 12, "float64")}
                    : t == Ufunc.class ? Ufunc.get("add")
                    : t == String.class ? "float64"
                    : t == long[].class ? new long[] {12}
                    : t == int[].class ? new int[] {0}
                    : t == double.class ? 1.0 : t == long.class ? 1L : t == int.class ? 0 : t == boolean.class ? Boolean.FALSE : null;
        }
        return args;
    }

    @Test
    void aReadUnderAnotherThreadsExclusiveBorrowIsABorrowError() throws Exception {
        NDArray a = f64(1, 2, 3), b = f64(4, 5);
        try (var held = new HeldBorrow(b)) {
            raises("BorrowError", "exclusively (writing) in hold()", () -> Engine.copy(b));
            // an NDArray[] operand is published and borrowed like a single one
            raises("BorrowError", "in concatenate()", () -> Views.concatenate(new NDArray[] {a, b}, 0, "float64"));
            raises("ValueError", "cannot resize an array", () -> ThreadSafety.resize(b, new long[] {4}, false));
            assertArrayEquals(new double[] {1, 2, 3}, Engine.copy(a).toDoubleArray());
        }
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, Views.concatenate(new NDArray[] {a, b}, 0, "float64").toDoubleArray());
    }

    /** A scoped exclusive borrow of {@code a} held by another thread until closed. */
    private static final class HeldBorrow implements AutoCloseable {
        private final CountDownLatch taken = new CountDownLatch(1), done = new CountDownLatch(1);
        private final Thread thread;

        HeldBorrow(NDArray a) throws InterruptedException {
            thread = new Thread(() -> {
                Borrows.Borrow b = ThreadSafety.borrow(a, true, "hold");
                taken.countDown();
                try {
                    done.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    ThreadSafety.release(b);
                }
            });
            thread.start();
            taken.await();
        }

        @Override
        public void close() throws InterruptedException {
            done.countDown();
            thread.join();
        }
    }

    @Test
    void floatingPointFlagsInTheMaskEndTheCallWithTheFinishedResult() {
        Ufunc divide = Ufunc.get("divide");
        FpSignal s = assertThrows(FpSignal.class, () -> Ufuncs.call2Checked(divide, f64(1, 2), f64(0, 1), FpFlags.DIVIDE));
        assertEquals(FpFlags.DIVIDE, s.fpFlags() & FpFlags.DIVIDE);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 2}, s.result().toDoubleArray());
        // outside the mask (and for Java callers, whose mask is 0) the flags are dropped
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 2}, Ufuncs.call2Checked(divide, f64(1, 2), f64(0, 1), FpFlags.INVALID).toDoubleArray());
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 2}, divide.call2(f64(1, 2), f64(0, 1), null).toDoubleArray());
    }

    @Test
    void errorsAreTypedInOnePlace() {
        GilfreeException own = GilfreeException.index("x");
        assertSame(own, Gate.typed(own));
        FpSignal fp = new FpSignal(null, 1);
        assertSame(fp, Gate.typed(fp));
        assertEquals("MemoryError", ((GilfreeException) Gate.typed(new OutOfMemoryError("Java heap space"))).pythonType());
        assertEquals("RecursionError", ((GilfreeException) Gate.typed(new StackOverflowError())).pythonType());
        GilfreeException bug = (GilfreeException) Gate.typed(new IllegalArgumentException("boom"));
        assertEquals("InternalError", bug.pythonType());
        assertEquals("gilfree internal error: java.lang.IllegalArgumentException: boom", bug.getMessage());
        // through a real entry: a layout outside the storage is a bug of the caller's, not bad user input
        raises("InternalError", "gilfree internal error", () -> dev.gilfree.api.Interop.view(f64(1), "float64",
                new long[] {4}, new long[] {8}, 0, true));
    }

    @Test
    void recordingSeesTheEntriesTheThreadEntered() {
        Diagnostics.startRecording();
        NDArray z = Engine.zeros(new long[] {2}, "float64");
        Ufunc.get("add").call2(z, z, z);
        List<String> seen = List.of(Diagnostics.stopRecording());
        assertEquals(List.of("Engine.zeros", "Ufuncs.call2Into", "Diagnostics.stopRecording"), seen);
        Engine.copy(z);
        assertEquals(0, Diagnostics.stopRecording().length); // off: nothing kept
        assertFalse(seen.isEmpty());
    }
}
