package concurrencylab.harness.process;

import concurrencylab.agent.SnippetClassRegistry;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * The static no-argument method a task body was compiled to, by class and name, so a worker JVM can call it.
 * A name like {@code __task_3} is looked up among the recorded snippet classes (as seen from
 * {@code loader}, the loader of the cell's code); {@code some.Class#method} names it directly.
 */
public record TaskMethod(String className, String methodName) {

    public static TaskMethod resolve(String taskName, ClassLoader loader) {
        int hash = taskName.indexOf('#');
        if (hash > 0) {
            return new TaskMethod(taskName.substring(0, hash), taskName.substring(hash + 1));
        }
        TaskMethod found = null;
        for (String className : SnippetClassRegistry.snapshot().keySet()) {
            if (declares(className, taskName, loader)) {
                found = new TaskMethod(className, taskName);
            }
        }
        if (found == null) {
            throw new IllegalStateException("The task method " + taskName
                    + " is not among the recorded snippet classes, so worker processes cannot run it."
                    + " The runtime must record snippet class bytes (SnippetClassRegistry.record).");
        }
        return found;
    }

    private static boolean declares(String className, String methodName, ClassLoader loader) {
        try {
            Class<?> type = Class.forName(className, false, loader);
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().equals(methodName) && method.getParameterCount() == 0
                        && Modifier.isStatic(method.getModifiers())) {
                    return true;
                }
            }
            return false;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
