package concurrencylab.launch;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The kernel's one logging route: classes log through {@link System.Logger} (which the JDK sends to
 * java.util.logging); this sets where it goes (stderr, which Jupyter shows in its server log) and how
 * much, one line per record.
 */
public final class KernelLog {

    /** The levels {@code --log-level} accepts, quietest first. */
    public enum LogLevel {
        OFF(Level.OFF), ERROR(Level.SEVERE), WARNING(Level.WARNING), INFO(Level.INFO), DEBUG(Level.FINE), TRACE(Level.FINEST);

        private final Level level;

        LogLevel(Level level) {
            this.level = level;
        }
    }

    private KernelLog() {
    }

    /** Sends every record at {@code level} or above to stderr, one line each. */
    public static void configure(LogLevel level) {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        Handler stderr = new ConsoleHandler();
        stderr.setLevel(level.level);
        stderr.setFormatter(new OneLine());
        root.addHandler(stderr);
        root.setLevel(level.level);
    }

    /** {@code concurrency-lab WARNING [ZmqTransport] message}, then the stack trace when there is one. */
    private static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord record) {
            String source = record.getLoggerName() == null ? "" : record.getLoggerName().substring(record.getLoggerName().lastIndexOf('.') + 1);
            StringBuilder line = new StringBuilder("concurrency-lab ")
                    .append(record.getLevel().getName().toUpperCase(Locale.ROOT))
                    .append(" [").append(source).append("] ")
                    .append(formatMessage(record)).append('\n');
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }
    }
}
