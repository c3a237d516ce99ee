package concurrencylab.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One run of a cell body as tasks: the mode, the workers asked for, every task's record (in index order),
 * the run's wall time and the CPU time of every thread and worker process it used, and for {@code gil} what the
 * lock did (null in other modes).
 */
public record RunResult(String mode, int requestedWorkers, List<TaskRecord> tasks, long wallNanos, long cpuNanos,
                        GilReport gil) {

    public RunResult {
        tasks = tasks.stream().sorted(Comparator.comparingInt(TaskRecord::index)).toList();
    }

    /** A run without a GIL. */
    public RunResult(String mode, int requestedWorkers, List<TaskRecord> tasks, long wallNanos, long cpuNanos) {
        this(mode, requestedWorkers, tasks, wallNanos, cpuNanos, null);
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

    public List<TaskRecord> failures() {
        return tasks.stream().filter(TaskRecord::failed).toList();
    }

    public boolean succeeded() {
        return failures().isEmpty();
    }

    /** CPU time over wall time: about 1 for one busy core, about N when N cores were busy all along. */
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

    /** The short text a run prints: totals, then one line per task, then any failures. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s: %d task%s on %d worker%s — wall %s, CPU %s, parallelism %.2f%n",
                mode, tasks.size(), tasks.size() == 1 ? "" : "s", workersUsed(), workersUsed() == 1 ? "" : "s",
                Durations.format(wallNanos), Durations.format(cpuNanos), parallelism()));
        if (gil != null) {
            text.append(gil.summaryLine()).append('\n');
        }
        for (TaskRecord task : shownTasks()) {
            text.append(String.format(Locale.ROOT, "  task %d on %s: wall %s, CPU %s%s%n", task.index(), task.worker(),
                    Durations.format(task.wallNanos()), Durations.format(task.cpuNanos()),
                    task.failed() ? " — FAILED: " + task.failure().describe() : ""));
        }
        if (shownTasks().size() < tasks.size()) {
            text.append(hiddenTasksNote()).append('\n');
        }
        text.append(succeeded() ? "Result: " : "Result (failed tasks are null): ").append(ValueText.show(value()));
        return text.append('\n').toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
