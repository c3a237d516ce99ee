package concurrencylab.magic;

import concurrencylab.cells.ThreadReport;
import com.google.gson.JsonObject;
import concurrencylab.engine.SnippetFrames;
import concurrencylab.engine.supervision.EngineSupervisor;
import concurrencylab.spi.Magic;
import concurrencylab.spi.MagicInvocation;
import concurrencylab.spi.MagicOutcome;
import concurrencylab.spi.MimeBundle;
import picocli.CommandLine.Command;

/** {@code %threads}: the runtime's threads started by notebook code, their locks, and deadlocks. */
@Command(name = "threads", description = "Show the threads notebook code started, the locks they wait for, and deadlocks.")
final class ThreadSurveyMagic implements Magic {

    private static final long ANSWER_TIMEOUT_MILLIS = 5_000;

    private final EngineSupervisor supervisor;
    private final SnippetFrames frames;

    ThreadSurveyMagic(EngineSupervisor supervisor, SnippetFrames frames) {
        this.supervisor = supervisor;
        this.frames = frames;
    }

    @Override
    public Kind kind() {
        return Kind.LINE;
    }

    @Override
    public MagicOutcome run(MagicInvocation invocation) {
        JsonObject survey = supervisor.engine().runtime().sideChannel().threads(ANSWER_TIMEOUT_MILLIS);
        if (survey == null) {
            throw new IllegalStateException("the runtime JVM did not answer within "
                    + ANSWER_TIMEOUT_MILLIS / 1000 + " s; run a cell to restart it, then try again");
        }
        int cell = invocation.cell().executionCount();
        return MagicOutcome.ok(MimeBundle.text(ThreadReport.threads(survey, at -> frames.inText(at, cell)).stripTrailing()));
    }
}
