package concurrencylab.magics;

import concurrencylab.spi.CellContext;
import concurrencylab.spi.ExecuteOutcome;
import concurrencylab.spi.MimeBundle;
import concurrencylab.spi.JavaSession;
import concurrencylab.spi.Magic;
import concurrencylab.spi.MagicInvocation;
import java.util.ArrayList;
import java.util.List;

/** A Java session that compiles nothing: it names each task method and records the code it is asked to run. */
class RecordingSession implements JavaSession {

    final List<String> bodies = new ArrayList<>();
    final List<String> internal = new ArrayList<>();
    ExecuteOutcome answer = ExecuteOutcome.ok(MimeBundle.text("value"));

    @Override
    public ExecuteOutcome execute(String code, int firstLine, CellContext cell) {
        throw new UnsupportedOperationException("magics run user code only as tasks");
    }

    @Override
    public TaskDefinition defineTask(String body, int firstLine, CellContext cell) {
        bodies.add(body);
        return new TaskDefinition("__task_" + bodies.size(), null);
    }

    @Override
    public ExecuteOutcome executeInternal(String code, CellContext cell) {
        internal.add(code);
        return answer;
    }

    /** A call of a cell magic. */
    MagicInvocation invocation(String body) {
        return invocation(body, Magic.Kind.CELL);
    }

    MagicInvocation invocation(String body, Magic.Kind kind) {
        JavaSession session = this;
        return new MagicInvocation() {
            @Override
            public String body() {
                return body;
            }

            @Override
            public int bodyLine() {
                return 1;
            }

            @Override
            public CellContext cell() {
                return null;
            }

            @Override
            public JavaSession session() {
                return session;
            }

            @Override
            public Magic.Kind kind() {
                return kind;
            }
        };
    }
}
