package concurrencylab.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One run of a cell body as tasks: the mode, the workers asked for, every task's record (in index order),
 * the run's wall time, the CPU time of the whole JVM and its worker processes over the run ({@code cpuNanos}:
 * JIT, GC and every other thread included, so shown only as "JVM CPU"), what copying the notebook's state
 * to worker JVMs cost, and for {@code gil} what the lock did (null in other modes). The figure about the tasks
 * themselves is {@link #cpuUtilisation()}.
 */
public record RunResult(String mode, int requestedWorkers, List<TaskRecord> tasks, long wallNanos, long cpuNanos,
                        StateTransfer state, GilReport gil) {

    public RunResult {
        tasks = tasks.stream().sorted(Comparator.comparingInt(TaskRecord::index)).toList();
        state = state == null ? StateTransfer.NONE : state;
    }

    /** A run that copied no notebook state, without a GIL. */
    public RunResult(String mode, int requestedWorkers, List<TaskRecord> tasks, long wallNanos, long cpuNanos) {
        this(mode, requestedWorkers, tasks, wallNanos, cpuNanos, StateTransfer.NONE, null);
    }

    /** A run without a GIL. */
    public RunResult(String mode, int requestedWorkers, List<TaskRecord> tasks, long wallNanos, long cpuNanos,
                     StateTransfer state) {
        this(mode, requestedWorkers, tasks, wallNanos, cpuNanos, state, null);
    }

    /** A run under a GIL, which copies no notebook state. */
    public RunResult(String mode, int requestedWorkers, List<TaskRecord> tasks, long wallNanos, long cpuNanos,
                     GilReport gil) {
        this(mode, requestedWorkers, tasks, wallNanos, cpuNanos, StateTransfer.NONE, gil);
    }

    /**
     * The CPU time of the tasks' own threads, summed; -1 when some task's is unknown (a virtual thread: the JVM
     * keeps no CPU clock per virtual thread, and its carrier's also counts the other virtual threads it ran).
     */
    public long taskCpuNanos() {
        long sum = 0;
        for (TaskRecord task : tasks) {
            if (task.cpuNanos() < 0) {
                return -1;
            }
            sum += task.cpuNanos();
        }
        return sum;
    }

    /**
     * CPU utilisation: the tasks' CPU time over the run's wall time. About 1 when one core was busy with the
     * tasks all along, about N for N cores; NaN when the tasks' CPU time is unknown ({@link #taskCpuNanos()}).
     */
    public double cpuUtilisation() {
        long taskCpu = taskCpuNanos();
        return taskCpu < 0 || wallNanos == 0 ? Double.NaN : (double) taskCpu / wallNanos;
    }

    /** The totals as one line: wall, the tasks' CPU and utilisation, the JVM's CPU labelled as such. */
    public String totalsLine() {
        long taskCpu = taskCpuNanos();
        String unknown = mode.equals("virtual") || mode.equals("coroutines") ? "a virtual thread has no CPU clock of its own"
                : "not known for every task";
        String utilisation = taskCpu < 0 ? "tasks' CPU n/a (" + unknown + "), CPU utilisation n/a"
                : String.format(Locale.ROOT, "tasks' CPU %s, CPU utilisation %.2f", Durations.format(taskCpu), cpuUtilisation());
        return String.format(Locale.ROOT, "%s: %d task%s on %d worker%s — wall %s, %s (%s %s)",
                mode, tasks.size(), tasks.size() == 1 ? "" : "s", workersUsed(), workersUsed() == 1 ? "" : "s",
                Durations.format(wallNanos), utilisation, mode.equals("processes") ? "CPU of this JVM and its workers"
                        : mode.equals("cluster") ? "CPU of this JVM and the tasks on members" : "JVM CPU",
                Durations.format(cpuNanos));
    }

    /** The distinct threads or worker processes that really ran tasks. */
    public Set<String> workers() {
        Set<String> names = new LinkedHashSet<>();
        tasks.forEach(task -> names.add(task.worker()));
        return names;
    }

    public int workersUsed() {
        return workers().size();
    }

    /** Task results in index order; a failed task's entry is null (see {@link #failures()}). */
    public List<Object> results() {
        List<Object> results = new ArrayList<>();
        tasks.forEach(task -> results.add(task.result()));
        return results;
    }

    /** The one result when there is one task, else the list of results: what the cell shows as its value. */
    public Object value() {
        return tasks.size() == 1 ? tasks.get(0).result() : results();
    }

    /**
     * Whether some task returned a value: a body that returns nothing (every result null) gets no result line,
     * which would only be a row of nulls.
     */
    public boolean hasResults() {
        return tasks.stream().anyMatch(task -> task.result() != null);
    }

    /** {@link #value()} as the summary shows it: a long list cut to its first entries and how many more. */
    public String resultText() {
        return tasks.size() == 1 ? ValueText.show(value()) : ValueText.list(results());
    }

    public List<TaskRecord> failures() {
        return tasks.stream().filter(TaskRecord::failed).toList();
    }

    public boolean succeeded() {
        return failures().isEmpty();
    }

    /**
     * The whole JVM's (and its workers') CPU time over wall time, JIT and GC included: not the tasks' figure,
     * which is {@link #cpuUtilisation()}.
     */
    public double parallelism() {
        return wallNanos == 0 ? 0 : (double) cpuNanos / wallNanos;
    }

    /** Task rows shown in summaries and tables; the value keeps every task. */
    public static final int SHOWN_TASKS = 16;

    /** The first {@link #SHOWN_TASKS} tasks, and every failed one: a thousand rows would bury the totals. */
    public List<TaskRecord> shownTasks() {
        List<TaskRecord> shown = new ArrayList<>();
        for (TaskRecord task : tasks) {
            if (shown.size() < SHOWN_TASKS || task.failed()) {
                shown.add(task);
            }
        }
        return shown;
    }

    /** The line that says how many tasks {@link #shownTasks()} left out. */
    public String hiddenTasksNote() {
        return "  ... and " + (tasks.size() - shownTasks().size()) + " more tasks (keep them all with -o NAME)";
    }

    /**
     * The short text a run prints: totals, then one line per task (failures among them), then the results, cut
     * when long, and left out when no task returned one.
     */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(totalsLine()).append('\n');
        if (gil != null) {
            text.append(gil.summaryLine()).append('\n');
        }
        if (!state.none()) {
            text.append("  ").append(state.line()).append('\n');
        }
        for (TaskRecord task : shownTasks()) {
            text.append(String.format(Locale.ROOT, "  task %d on %s: wall %s, CPU %s%s%n", task.index(), task.worker(),
                    Durations.format(task.wallNanos()), Durations.format(task.cpuNanos()),
                    task.failed() ? " — FAILED: " + task.failure().describe() : ""));
        }
        if (shownTasks().size() < tasks.size()) {
            text.append(hiddenTasksNote()).append('\n');
        }
        if (hasResults()) {
            text.append(succeeded() ? "Result: " : "Result (failed tasks are null): ").append(resultText()).append('\n');
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
