package concurrencylab.magic;

import com.google.gson.JsonObject;
import concurrencylab.engine.ThreadReport;
import concurrencylab.engine.SnippetFrames;
import concurrencylab.engine.supervision.EngineSupervisor;
import concurrencylab.engine.supervision.InterruptPolicy;
import concurrencylab.spi.Magic;
import concurrencylab.spi.MagicInvocation;
import concurrencylab.spi.MagicOutcome;
import concurrencylab.spi.MimeBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code %threads}: the runtime's threads started by notebook code, their locks, and deadlocks. */
@Command(name = "threads", description = "Show the threads notebook code started, the locks they wait for, and deadlocks;"
        + " with --stop, stop the threads earlier cells left running.")
final class ThreadSurveyMagic implements Magic {

    private static final long ANSWER_TIMEOUT_MILLIS = 5_000;

    private final EngineSupervisor supervisor;
    private final InterruptPolicy interrupts;

    @Option(names = "--stop", description = "Stop the threads earlier cells left running (as an interrupt does while no cell runs).")
    boolean stop;

    private final SnippetFrames frames;

    ThreadSurveyMagic(EngineSupervisor supervisor, InterruptPolicy interrupts, SnippetFrames frames) {
        this.supervisor = supervisor;
        this.interrupts = interrupts;
        this.frames = frames;
    }

    @Override
    public Kind kind() {
        return Kind.LINE;
    }

    @Override
    public MagicOutcome run(MagicInvocation invocation) {
        if (stop) {
            JsonObject stopped = interrupts.stopLeftovers();
            if (stopped == null) {
                throw noAnswer();
            }
            int count = ThreadReport.count(stopped);
            return MagicOutcome.ok(MimeBundle.text(count == 0 ? "No thread left running by earlier cells."
                    : "Stopped " + ThreadReport.names(stopped) + "."));
        }
        JsonObject survey = supervisor.engine().sideChannel().threads(ANSWER_TIMEOUT_MILLIS);
        if (survey == null) {
            throw noAnswer();
        }
        int cell = invocation.cell().executionCount();
        return MagicOutcome.ok(MimeBundle.text(ThreadReport.threads(survey, at -> frames.inText(at, cell)).stripTrailing()));
    }

    private static IllegalStateException noAnswer() {
        return new IllegalStateException("the runtime JVM did not answer within "
                + ANSWER_TIMEOUT_MILLIS / 1000 + " s; run a cell to restart it, then try again");
    }
}
