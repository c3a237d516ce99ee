package concurrencylab.magic;

import concurrencylab.spi.CellContext;
import concurrencylab.spi.Completion;
import concurrencylab.spi.ExecuteOutcome.ErrorInfo;
import concurrencylab.spi.ExecuteOutcome;
import concurrencylab.spi.JavaSession;
import concurrencylab.spi.Magic;
import concurrencylab.spi.MagicInvocation;
import concurrencylab.spi.MagicOutcome;
import concurrencylab.spi.MimeBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Runs cells that hold magics: a {@code %%name args} first line makes the whole cell that magic's;
 * {@code %name args} lines run in order with the Java between them. Arguments are parsed by picocli
 * from the magic's own declaration, so errors are usage errors, never Java compile errors.
 */
public final class MagicDispatcher {

    private static final Pattern CELL_MAGIC = Pattern.compile("^\\s*%%([A-Za-z][\\w-]*)(\\??)(.*)$");
    private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%([A-Za-z][\\w-]*)(\\??)(.*)$");
    private static final Pattern NAME_BEING_TYPED = Pattern.compile("^\\s*(%%?)([\\w-]*)$");
    private static final Pattern OPTION_BEING_TYPED = Pattern.compile("^\\s*%%?([A-Za-z][\\w-]*)\\s.*?(\\S*)$");

    private final MagicRegistry registry;
    private final JavaSession session;

    public MagicDispatcher(MagicRegistry registry, JavaSession session) {
        this.registry = registry;
        this.session = session;
    }

    public boolean handles(String code) {
        for (String line : code.split("\n", -1)) {
            if (CELL_MAGIC.matcher(line).matches() || LINE_MAGIC.matcher(line).matches()) {
                return true;
            }
        }
        return false;
    }

    public ExecuteOutcome run(String code, CellContext cell) {
        String[] lines = code.split("\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        Matcher cellMagic = CELL_MAGIC.matcher(lines[first]);
        if (cellMagic.matches()) {
            String body = String.join("\n", List.of(lines).subList(first + 1, lines.length));
            return invoke(cellMagic.group(1), !cellMagic.group(2).isEmpty(), cellMagic.group(3), Magic.Kind.CELL,
                    body, first + 1, cell);
        }
        ExecuteOutcome last = ExecuteOutcome.ok(null);
        StringBuilder java = new StringBuilder();
        int javaStart = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher lineMagic = LINE_MAGIC.matcher(lines[i]);
            if (!lineMagic.matches()) {
                if (java.isEmpty()) {
                    javaStart = i;
                }
                java.append(lines[i]).append('\n');
                continue;
            }
            if (!java.toString().isBlank()) {
                last = session.execute(java.toString(), javaStart, cell);
                if (!last.succeeded()) {
                    return last;
                }
            }
            java.setLength(0);
            last = invoke(lineMagic.group(1), !lineMagic.group(2).isEmpty(), lineMagic.group(3), Magic.Kind.LINE,
                    "", i, cell);
            if (!last.succeeded()) {
                return last;
            }
        }
        if (!java.toString().isBlank()) {
            last = session.execute(java.toString(), javaStart, cell);
        }
        return last;
    }

    private ExecuteOutcome invoke(String name, boolean help, String arguments, Magic.Kind used, String body,
                                  int bodyLine, CellContext cell) {
        MagicRegistry.Entry entry = registry.find(name, used);
        if (entry == null) {
            return ExecuteOutcome.failed(unknown(registry, name));
        }
        if (help) {
            return ExecuteOutcome.ok(MimeBundle.text(entry.usage()));
        }
        if (entry.kind() != used) {
            String message = entry.prefix() + name + " is a " + (entry.kind() == Magic.Kind.CELL ? "cell" : "line")
                    + " magic: write it as " + entry.prefix() + name
                    + (entry.kind() == Magic.Kind.CELL ? " on the first line of the cell" : " on a line of its own");
            return ExecuteOutcome.failed(new ErrorInfo("UsageError", message, List.of(message, entry.synopsis())));
        }
        Magic magic = entry.factory().get();
        CommandLine commandLine = new CommandLine(magic);
        if (used == Magic.Kind.LINE && entry.spec().positionalParameters().isEmpty()) {
            // Such a line magic takes Java after its options (for example an expression to time).
            commandLine.setStopAtPositional(true);
            commandLine.setUnmatchedArgumentsAllowed(true);
        }
        String lineBody;
        try {
            CommandLine.ParseResult parsed = commandLine.parseArgs(ArgumentTokenizer.tokenize(arguments).toArray(String[]::new));
            if (parsed.isUsageHelpRequested()) {
                return ExecuteOutcome.ok(MimeBundle.text(entry.usage()));
            }
            List<String> rest = parsed.unmatched();
            if (!rest.isEmpty() && rest.get(0).startsWith("-")) {
                String message = "Unknown option: '" + rest.get(0) + "'";
                return ExecuteOutcome.failed(new ErrorInfo("UsageError", message, List.of(message, entry.synopsis())));
            }
            int restStart = rest.isEmpty() ? -1 : arguments.indexOf(rest.get(0));
            lineBody = restStart < 0 ? String.join(" ", rest) : arguments.substring(restStart).strip();
        } catch (CommandLine.ParameterException e) {
            String message = e.getMessage();
            return ExecuteOutcome.failed(new ErrorInfo("UsageError", message, List.of(message, entry.synopsis())));
        } catch (IllegalArgumentException e) {
            return ExecuteOutcome.failed(new ErrorInfo("UsageError", e.getMessage(), List.of(e.getMessage(), entry.synopsis())));
        }
        Invocation invocation = new Invocation(used == Magic.Kind.CELL ? body : lineBody, bodyLine, cell, session, used);
        try {
            MagicOutcome outcome = magic.run(invocation);
            return outcome == null || outcome.outcome() == null ? ExecuteOutcome.ok(null) : outcome.outcome();
        } catch (IllegalArgumentException e) {
            // A magic rejecting its input the options could not express: a usage error like a bad option.
            return ExecuteOutcome.failed(new ErrorInfo("UsageError", e.getMessage(), List.of(e.getMessage(), entry.synopsis())));
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            List<String> traceback = new ArrayList<>();
            traceback.add(entry.prefix() + name + " failed: " + message);
            return ExecuteOutcome.failed(new ErrorInfo(e.getClass().getSimpleName(), message, traceback));
        }
    }

    static ErrorInfo unknown(MagicRegistry registry, String name) {
        List<String> close = registry.closeTo(name);
        String message = "unknown magic %" + name
                + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close.stream().map(n -> {
                    MagicRegistry.Entry entry = registry.find(n);
                    return entry.prefix() + n;
                }).toList()) + "?")
                + " (%lsmagic lists them all)";
        return new ErrorInfo("UnknownMagic", message, List.of(message));
    }

    /** True when the cursor is on a magic line, so completion offers magic names or options. */
    public boolean completes(String code, int cursor) {
        String line = currentLine(code, cursor);
        return NAME_BEING_TYPED.matcher(line).matches() || OPTION_BEING_TYPED.matcher(line).matches()
                && registry.find(OPTION_BEING_TYPED.matcher(line).replaceAll("$1")) != null;
    }

    public Completion complete(String code, int cursor) {
        String line = currentLine(code, cursor);
        Matcher name = NAME_BEING_TYPED.matcher(line);
        if (name.matches()) {
            String prefix = name.group(2);
            List<String> matches = registry.all().stream()
                    .filter(e -> e.name().startsWith(prefix))
                    .filter(e -> name.group(1).equals("%") || e.kind() == Magic.Kind.CELL)
                    .map(e -> e.prefix() + e.name())
                    .toList();
            return new Completion(matches, cursor - prefix.length() - name.group(1).length(), cursor);
        }
        Matcher option = OPTION_BEING_TYPED.matcher(line);
        if (option.matches()) {
            MagicRegistry.Entry entry = registry.find(option.group(1));
            String word = option.group(2);
            List<String> matches = entry.spec().optionsMap().keySet().stream()
                    .filter(o -> o.startsWith(word))
                    .sorted()
                    .toList();
            return new Completion(matches, cursor - word.length(), cursor);
        }
        return Completion.none(cursor);
    }

    private static String currentLine(String code, int cursor) {
        int start = code.lastIndexOf('\n', cursor - 1) + 1;
        return code.substring(start, cursor);
    }

    private record Invocation(String body, int bodyLine, CellContext cell, JavaSession session, Magic.Kind kind)
            implements MagicInvocation {
    }
}
