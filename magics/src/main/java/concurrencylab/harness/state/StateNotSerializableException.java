package concurrencylab.harness.state;

import concurrencylab.agent.wire.SnippetNames;

/**
 * A notebook variable a {@code %%processes} task reads holds a value that cannot be copied to a worker JVM. Its
 * message is the whole story (the variable, its type, the fix), so it carries no stack trace: the harness's
 * frames would say nothing the user can act on.
 */
public final class StateNotSerializableException extends RuntimeException {

    StateNotSerializableException(String message) {
        super(message, null, false, false);
    }

    static StateNotSerializableException of(String name, Object value, String offendingClass) {
        String type = SnippetNames.clean(value.getClass().getName());
        boolean itself = offendingClass == null || offendingClass.equals(type);
        String culprit = itself ? type : offendingClass;
        return new StateNotSerializableException("the notebook variable " + name + " (type " + type + ") cannot be copied"
                + " to the worker JVMs: " + (itself ? "" : "it holds a " + culprit + ", and ") + culprit
                + " is not Serializable. Make " + culprit + " implement java.io.Serializable, or create the value"
                + " inside the cell body.");
    }
}
