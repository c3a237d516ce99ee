import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Runs cells through the JShell API the way the kernel does (whole cell text split by
 * SourceCodeAnalysis, local execution), printing values, compile errors and exceptions.
 * Input: a file of cells, each introduced by a line "//@@cell N". Exit status 1 on any problem.
 */
public class NotebookCheck {
    public static void main(String[] args) throws Exception {
        String classPath = args[0];
        List<String> cells = new ArrayList<>();
        List<String> names = new ArrayList<>();
        StringBuilder current = null;
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            if (line.startsWith("//@@cell ")) {
                if (current != null) cells.add(current.toString());
                names.add(line.substring(9));
                current = new StringBuilder();
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        if (current != null) cells.add(current.toString());
        int problems = 0;
        try (JShell shell = JShell.builder().executionEngine("local").out(System.out).err(System.err).build()) {
            shell.addToClasspath(classPath);
            for (int i = 0; i < cells.size(); i++) {
                System.out.println("@@cell " + names.get(i));
                problems += run(shell, cells.get(i), names.get(i));
            }
        }
        System.out.println(problems == 0 ? "@@ok" : "@@problems " + problems);
        System.exit(problems == 0 ? 0 : 1);
    }

    static int run(JShell shell, String text, String cell) {
        int problems = 0;
        String remaining = text;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
            String source = info.source() != null ? info.source() : remaining;
            remaining = info.source() != null ? info.remaining() : "";
            if (info.completeness() == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE) {
                System.out.println("PROBLEM cell " + cell + ": incomplete snippet: " + source.strip());
                return problems + 1;
            }
            for (SnippetEvent event : shell.eval(source)) {
                if (event.exception() != null) {
                    System.out.println("PROBLEM cell " + cell + ": exception " + event.exception());
                    problems++;
                }
                if (event.status() == Snippet.Status.REJECTED) {
                    for (Diag diag : shell.diagnostics(event.snippet()).toList()) {
                        System.out.println("PROBLEM cell " + cell + ": " + diag.getMessage(null) + "\n    in: " + event.snippet().source().strip());
                    }
                    problems++;
                } else if (event.status() == Snippet.Status.RECOVERABLE_DEFINED || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                    System.out.println("PROBLEM cell " + cell + ": unresolved references in " + event.snippet().source().strip());
                    problems++;
                }
                if (event.value() != null && event.causeSnippet() == null) {
                    String value = event.value();
                    System.out.println("=> " + (value.length() > 200 ? value.substring(0, 200) + "…" : value));
                }
            }
        }
        return problems;
    }
}
