package concurrencylab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concurrencylab.spi.CellContext;
import concurrencylab.spi.ExecuteOutcome;
import concurrencylab.spi.Magic;
import concurrencylab.spi.MimeBundle;
import concurrencylab.agent.SnippetWeaver;
import java.io.IOException;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jshell.JShell;
import concurrencylab.agent.OwnThreadExecutionControl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code %%gil} on notebook code in a real JShell whose engine weaves snippet classes with the weavers found on
 * the class path, as the runtime's does: bodies with no checkpoint are pre-empted, plain {@code Thread.sleep}
 * releases the lock, and the two policies hand the lock over (new) or mostly keep it (old). Assertions are on
 * what the lock did and on the order of events, never on speed.
 */
class GilInJShellTest {

    private static TestJShell shell;
    private static final AtomicInteger TASKS = new AtomicInteger();

    /** Local execution that weaves every snippet class it loads, as the runtime's engine does. */
    static final class WeavingControl extends OwnThreadExecutionControl {
        private final Iterable<SnippetWeaver> weavers = ServiceLoader.load(SnippetWeaver.class);

        @Override
        public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException,
                EngineTerminationException {
            ClassBytecodes[] woven = new ClassBytecodes[classes.length];
            for (int i = 0; i < classes.length; i++) {
                byte[] bytes = classes[i].bytecodes();
                for (SnippetWeaver weaver : weavers) {
                    bytes = weaver.weave(classes[i].name(), bytes);
                }
                woven[i] = new ClassBytecodes(classes[i].name(), bytes);
            }
            super.load(woven);
        }
    }

    @BeforeAll
    static void startShell() throws IOException {
        assertTrue(ServiceLoader.load(SnippetWeaver.class).findFirst().isPresent(), "no SnippetWeaver is registered");
        shell = new TestJShell(WeavingControl::new);
        // CPU-bound work with no checkpoint and no call the harness knows: only woven checks can pre-empt it
        eval("long primesBelow(long limit) { long c = 0; for (long n = 2; n < limit; n++) { boolean p = true;"
                + " for (long d = 2; d * d <= n; d++) if (n % d == 0) { p = false; break; } if (p) c++; } return c; }");
        eval("long sleepy(int times) throws InterruptedException { for (int i = 0; i < times; i++) Thread.sleep(20);"
                + " return times; }");
        eval("long cpuOrSleep() throws InterruptedException { return Task.index() == 0 ? primesBelow(2_500_000)"
                + " : sleepy(5); }");
    }

    @AfterAll
    static void stop() {
        shell.close();
    }

    private static String eval(String code) {
        return shell.eval(code);
    }

    private static long number(String code) {
        return Long.parseLong(eval(code));
    }

    /** Compiles a body as the engine does: a method returning the body's value. */
    private static final class ShellSession extends RecordingSession {
        @Override
        public TaskDefinition defineTask(String body, int firstLine, CellContext cell) {
            String name = "__gil_task_" + TASKS.incrementAndGet();
            eval("Object " + name + "() throws Exception { return " + body + "; }");
            return new TaskDefinition(name, null);
        }

        @Override
        public ExecuteOutcome executeInternal(String code, CellContext cell) {
            return ExecuteOutcome.ok(MimeBundle.text(String.valueOf(eval(code))));
        }
    }

    private static void gil(String body, String... args) {
        GilMagic magic = new GilMagic();
        new CommandLine(magic).parseArgs(args);
        ExecuteOutcome outcome = magic.run(new ShellSession().invocation(body, Magic.Kind.CELL)).outcome();
        assertTrue(outcome.succeeded());
    }

    @Test
    void aBodyWithoutCheckpointsIsPreemptedAndTheTasksTakeTurns() {
        gil("primesBelow(1_000_000)", "-n", "2", "-t", "2", "--interval", "1", "-o", "pre");
        assertEquals("[78498, 78498]", eval("pre.results()"));
        // more than the one hand-over at the end of the first task: the waiting thread asked, and got the lock
        assertTrue(number("pre.gil().handovers()") >= 3, eval("pre.summary()"));
        assertTrue(number("pre.gil().forcedSwitches()") >= 2, eval("pre.summary()"));
        assertEquals("true", eval("pre.tasks().get(0).startNanos() < pre.tasks().get(1).endNanos()"
                + " && pre.tasks().get(1).startNanos() < pre.tasks().get(0).endNanos()"), eval("pre.summary()"));
        // the lock's holds of the two threads alternate: each held it more than once
        assertEquals("true", eval("pre.gil().holds().stream().filter(h -> h.worker().equals(\"gil-1\")).count() >= 2"
                + " && pre.gil().holds().stream().filter(h -> h.worker().equals(\"gil-2\")).count() >= 2"),
                eval("pre.gil().holds()"));
    }

    @Test
    void plainThreadSleepReleasesTheLockSoSleepersOverlap() {
        gil("sleepy(10)", "-n", "4", "-t", "4", "-o", "sleepers");
        assertEquals("[10, 10, 10, 10]", eval("sleepers.results()"));
        assertEquals(40, number("sleepers.gil().blockingReleases()"), eval("sleepers.summary()"));
        // every thread first held the lock before any task ended: with the lock kept while sleeping, each would
        // get it only when the one before had ended
        assertEquals("true", eval("sleepers.tasks().stream().allMatch(t -> sleepers.gil().holds().stream()"
                + ".filter(h -> h.worker().equals(t.worker())).mapToLong(h -> h.startNanos()).min().getAsLong()"
                + " < sleepers.tasks().stream().mapToLong(x -> x.endNanos()).min().getAsLong())"),
                eval("sleepers.gil().holds()"));
    }

    @Test
    void aSleeperRunsBesideACpuBoundTaskUnderBothPolicies() {
        for (String policy : new String[] {"new", "old"}) {
            gil("cpuOrSleep()", "-n", "2", "-t", "2", "--policy", policy, "-o", "mixed");
            assertEquals(5, number("mixed.gil().blockingReleases()"), eval("mixed.summary()"));
            // the sleeper (task 1) did its five sleeps and ended while the CPU-bound task 0 still ran, and task 0
            // held the lock while the sleeper was between its start and its end
            assertEquals("true", eval("mixed.tasks().get(1).endNanos() < mixed.tasks().get(0).endNanos()"),
                    policy + ": " + eval("mixed.summary()"));
            assertEquals("true", eval("mixed.gil().holds().stream().anyMatch(h -> h.worker().equals("
                    + "mixed.tasks().get(0).worker()) && h.startNanos() > mixed.tasks().get(1).startNanos()"
                    + " && h.endNanos() < mixed.tasks().get(1).endNanos())"), policy + ": " + eval("mixed.gil().holds()"));
        }
    }

    @Test
    void theNewPolicyHandsTheLockToTheThreadThatAskedForIt() {
        gil("primesBelow(600_000)", "-n", "2", "-t", "2", "--policy", "new", "--interval", "1", "-o", "fresh");
        long forced = number("fresh.gil().forcedSwitches()");
        assertTrue(forced >= 2, eval("fresh.summary()"));
        // every drop honoured at a switch check gave the lock to the other thread
        assertTrue(number("fresh.gil().handovers()") >= forced, eval("fresh.summary()"));
        assertEquals(0, number("fresh.gil().checkReleases()"));
    }

    @Test
    void theOldPolicyReleasesOftenButTheReleasingThreadMostlyTakesItBack() {
        gil("primesBelow(600_000)", "-n", "2", "-t", "2", "--policy", "old", "--ticks", "100", "-o", "old");
        long releases = number("old.gil().checkReleases()");
        assertTrue(releases > 10_000, eval("old.summary()"));
        // no hand-over guarantee: most releases end with the same thread holding the lock again
        assertTrue(number("old.gil().handovers()") * 10 < releases, eval("old.summary()"));
        assertEquals(0, number("old.gil().forcedSwitches()"));
        assertEquals("[49098, 49098]", eval("old.results()"));
    }

    @Test
    void aPolicyOtherThanNewOrOldIsRefusedWithBothNames() {
        GilMagic magic = new GilMagic();
        try {
            new CommandLine(magic).parseArgs("--policy", "fair");
        } catch (CommandLine.ParameterException e) {
            assertTrue(e.getMessage().contains("use new (CPython 3.2+) or old"), e.getMessage());
            return;
        }
        throw new AssertionError("accepted --policy fair");
    }
}
