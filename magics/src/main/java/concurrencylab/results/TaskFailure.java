package concurrencylab.results;

import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;

/** Why a task has no result: the exception's type and message, and its stack trace as text. */
public record TaskFailure(String type, String message, String trace) implements Serializable {

    public static TaskFailure of(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return new TaskFailure(error.getClass().getName(), String.valueOf(error.getMessage()), trace.toString());
    }

    /** One line: {@code java.lang.ArithmeticException: / by zero}. */
    public String describe() {
        return message == null || message.isEmpty() || message.equals("null") ? type : type + ": " + message;
    }
}
