package concurrencylab.engine;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Words for the runtime's thread survey: one line per thread, one sentence per deadlock. */
public final class ThreadReport {

    private ThreadReport() {
    }

    /** Every notebook thread with its state and lock, then the deadlocks; {@code where} words each thread's frame. */
    public static String threads(JsonObject survey, UnaryOperator<String> where) {
        JsonArray threads = survey.getAsJsonArray("threads");
        StringBuilder text = new StringBuilder();
        if (threads.isEmpty()) {
            text.append("No live threads started by notebook code.\n");
        } else {
            text.append(threads.size()).append(threads.size() == 1 ? " live thread" : " live threads")
                    .append(" started by notebook code:\n");
        }
        for (JsonElement element : threads) {
            JsonObject thread = element.getAsJsonObject();
            text.append("  \"").append(string(thread, "name")).append("\" ")
                    .append(thread.get("virtual").getAsBoolean() ? "virtual, "
                            : thread.get("daemon").getAsBoolean() ? "platform daemon, " : "platform, ")
                    .append(string(thread, "state"));
            if (thread.has("waitsFor")) {
                text.append(", waits for ").append(string(thread, "waitsFor"));
                if (thread.has("heldBy")) {
                    text.append(" held by \"").append(string(thread, "heldBy")).append('"');
                }
            }
            if (thread.has("at")) {
                text.append("\n      at ").append(where.apply(string(thread, "at")));
            }
            text.append('\n');
        }
        int notListed = survey.has("virtualNotListed") ? survey.get("virtualNotListed").getAsInt() : 0;
        if (notListed > 0) {
            text.append("  ... and ").append(notListed).append(" more virtual threads\n");
        }
        String deadlocks = deadlocks(survey);
        text.append(deadlocks.isEmpty() ? "No deadlock.\n" : deadlocks);
        return text.toString();
    }

    /** One line per deadlock, naming the cycle; empty when there is none. */
    public static String deadlocks(JsonObject survey) {
        StringBuilder text = new StringBuilder();
        for (JsonElement cycle : survey.getAsJsonArray("deadlocks")) {
            List<String> links = new ArrayList<>();
            for (JsonElement element : cycle.getAsJsonArray()) {
                JsonObject link = element.getAsJsonObject();
                links.add("\"" + string(link, "thread") + "\" holds " + string(link, "holds")
                        + " and waits for " + string(link, "waitsFor") + " held by \"" + string(link, "heldBy") + "\"");
            }
            text.append("Deadlock: ").append(String.join("; ", links)).append(".\n");
        }
        return text.toString();
    }

    /**
     * CPU time the notebook's platform threads used between two surveys, in cores (1.0 = one core flat
     * out): what threads left running burn, without the JIT, the collector or the runtime's own threads.
     */
    public static double busyCores(JsonObject earlier, JsonObject later, long wallNanos) {
        java.util.Map<Long, Long> before = new java.util.HashMap<>();
        for (JsonElement element : earlier.getAsJsonArray("threads")) {
            JsonObject thread = element.getAsJsonObject();
            if (thread.has("cpuNanos")) {
                before.put(thread.get("id").getAsLong(), thread.get("cpuNanos").getAsLong());
            }
        }
        long used = 0;
        for (JsonElement element : later.getAsJsonArray("threads")) {
            JsonObject thread = element.getAsJsonObject();
            if (thread.has("cpuNanos")) {
                used += thread.get("cpuNanos").getAsLong() - before.getOrDefault(thread.get("id").getAsLong(), 0L);
            }
        }
        return wallNanos <= 0 ? 0 : (double) used / wallNanos;
    }

    /** How many threads the survey lists, virtual threads not listed one by one included. */
    public static int count(JsonObject survey) {
        int notListed = survey.has("virtualNotListed") ? survey.get("virtualNotListed").getAsInt() : 0;
        return survey.getAsJsonArray("threads").size() + notListed;
    }

    /** The threads of a survey in a few words: {@code 2 threads ("Thread-0", "worker")}. */
    public static String names(JsonObject survey) {
        List<String> names = new ArrayList<>();
        for (JsonElement element : survey.getAsJsonArray("threads")) {
            names.add("\"" + string(element.getAsJsonObject(), "name") + "\"");
        }
        int count = count(survey);
        int unnamed = count - names.size();
        if (unnamed > 0) {
            names.add(unnamed + " more virtual");
        }
        return count + (count == 1 ? " thread (" : " threads (") + String.join(", ", names) + ")";
    }

    private static String string(JsonObject json, String member) {
        return json.has(member) && !json.get(member).isJsonNull() ? json.get(member).getAsString() : "?";
    }
}
