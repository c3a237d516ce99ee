package concurrencylab.jshell;

import concurrencylab.core.CellContext;
import concurrencylab.core.ExecuteOutcome;
import concurrencylab.core.ExecuteOutcome.ErrorInfo;
import concurrencylab.magic.JavaSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;

/** What magics may do with the notebook's Java: run cells, define task methods, run generated code. */
final class NotebookSession implements JavaSession {

    private final CellExecution execution;
    private final EngineSupervisor supervisor;
    private final AtomicInteger tasks = new AtomicInteger();

    NotebookSession(CellExecution execution, EngineSupervisor supervisor) {
        this.execution = execution;
        this.supervisor = supervisor;
    }

    @Override
    public ExecuteOutcome execute(String code, int firstLine, CellContext cell) {
        return execution.run(code, firstLine, cell, CellExecution.Kind.USER);
    }

    @Override
    public TaskDefinition defineTask(String body, int firstLine, CellContext cell) {
        String name = "__task_" + tasks.incrementAndGet();
        String header = "Object " + name + "() throws Exception {\n";
        // Body line L is line L + 1 of the method source; firstLine (0-based) puts it into the cell.
        int lineShift = firstLine - 1;
        String withReturn = header + returningLastExpression(body) + "\n}";
        ExecuteOutcome outcome = execution.run(withReturn, lineShift, cell, CellExecution.Kind.USER);
        if (!outcome.succeeded() && !withReturn.equals(header + body + "\nreturn null;\n}")) {
            // The last expression may be void (a println, say): then the task returns null.
            ExecuteOutcome plain = execution.run(header + body + "\nreturn null;\n}", lineShift, cell,
                    CellExecution.Kind.USER);
            if (plain.succeeded()) {
                outcome = plain;
            }
        }
        return outcome.succeeded() ? new TaskDefinition(name, null) : new TaskDefinition(null, outcome);
    }

    @Override
    public ExecuteOutcome executeInternal(String code, CellContext cell) {
        ExecuteOutcome outcome = execution.run(code, 0, cell, CellExecution.Kind.INTERNAL);
        if (!outcome.succeeded() && "CompilationError".equals(outcome.error().ename())) {
            List<String> traceback = new ArrayList<>();
            traceback.add("Internal error: the kernel generated Java that does not compile; please report it.");
            traceback.addAll(outcome.error().traceback());
            return ExecuteOutcome.failed(new ErrorInfo("InternalError", outcome.error().evalue(), traceback));
        }
        return outcome;
    }

    /** The body with its last statement turned into {@code return (...)} when that statement is an expression. */
    private String returningLastExpression(String body) {
        SourceCodeAnalysis analysis = supervisor.engine().analysis();
        List<Piece> pieces = CellSplitter.split(analysis, body);
        if (pieces.isEmpty()) {
            return body + "\nreturn null;";
        }
        Piece last = pieces.get(pieces.size() - 1);
        List<Snippet> snippets = analysis.sourceToSnippets(last.source());
        boolean expression = snippets.size() == 1 && switch (snippets.get(0).subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND -> true;
            default -> false;
        };
        if (!expression) {
            return body + "\nreturn null;";
        }
        String source = last.source().strip();
        if (source.endsWith(";")) {
            source = source.substring(0, source.length() - 1);
        }
        return body.substring(0, last.offset()) + "return (" + source + ");";
    }
}
