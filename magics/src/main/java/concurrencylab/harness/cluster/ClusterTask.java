package concurrencylab.harness.cluster;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * One task of a {@code %%cluster} run as it crosses to a member: which method to call in which set of snippet
 * classes, on which of the notebook's jars, and which notebook values to install first, all by digest (the bytes
 * wait in the cluster's maps, so a member fetches each once). The member runs it ({@link MemberTasks}) and answers a {@link TaskOutcome}.
 *
 * @param client the notebook's client in the cluster: a member stops its tasks when it disconnects
 * @param run   the run it belongs to: a member installs the notebook values once per run, before its first task
 * @param jars  the digests of the notebook's jars ({@link NotebookJars}), in class path order
 * @param state the notebook values the task reads: their field ({@code REPL.$JShell$7#N}) and value digest
 */
record ClusterTask(String client, String run, int index, int count, String className, String methodName, String classesDigest,
                   ArrayList<String> jars, LinkedHashMap<String, String> state) implements Callable<TaskOutcome>, Serializable {

    ClusterTask {
        jars = new ArrayList<>(jars);
        state = new LinkedHashMap<>(state);
    }

    ClusterTask(String client, String run, int index, int count, String className, String methodName,
                String classesDigest, List<String> jars, Map<String, String> state) {
        this(client, run, index, count, className, methodName, classesDigest, new ArrayList<>(jars), new LinkedHashMap<>(state));
    }

    /** What a member keeps a class loader for: these snippet classes on these jars. */
    String loaderKey() {
        return String.join(",", jars) + "/" + classesDigest;
    }

    @Override
    public TaskOutcome call() {
        return MemberTasks.run(this);
    }
}
