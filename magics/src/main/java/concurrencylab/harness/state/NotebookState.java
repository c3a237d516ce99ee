package concurrencylab.harness.state;

import concurrencylab.agent.wire.SnippetNames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The values of the notebook variables a task reads, serialized at the start of a run, as a fork or a pickle
 * copies them: each worker JVM installs its own copy before its tasks run, and what a task changes stays in
 * that worker. Each variable is serialized apart, so a value that cannot be names its variable, and a value
 * that did not change since a worker last got it need not cross again (its digest says so).
 *
 * @param variables      the variables, in the order the task's code reads them
 * @param serializeNanos how long serializing them took in this JVM
 */
public record NotebookState(List<Variable> variables, long serializeNanos) {

    public static final NotebookState NONE = new NotebookState(List.of(), 0);

    /**
     * One variable's value as it crosses.
     *
     * @param key    the class and field that hold it ({@code REPL.$JShell$7#N}), where the worker installs it
     * @param name   how the notebook calls it ({@code N}, or {@code Counter.total} for a static field of a class)
     * @param digest SHA-256 of the bytes, to tell an unchanged value
     */
    public record Variable(String key, String name, byte[] value, String digest) {
    }

    /** All serialized bytes together. */
    public long bytes() {
        return variables.stream().mapToLong(variable -> variable.value().length).sum();
    }

    /**
     * Serializes the current values of {@code fields}, seen from {@code cellLoader} (the loader of the cell's
     * code). Constants (final fields) are left out: the worker's copy of the class has them already.
     *
     * @throws StateNotSerializableException naming the first variable whose value cannot be serialized
     */
    public static NotebookState capture(Set<UsedVariables.Field> fields, ClassLoader cellLoader) {
        long start = System.nanoTime();
        List<Variable> variables = new ArrayList<>();
        for (UsedVariables.Field used : fields) {
            Field field = field(used, cellLoader);
            if (field == null || Modifier.isFinal(field.getModifiers()) || field.isSynthetic()) {
                continue;
            }
            String name = nameOf(used);
            Object value;
            try {
                field.setAccessible(true);
                value = field.get(null);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                continue; // a field of a class that cannot be initialised here is none the task could read either
            }
            byte[] bytes = serialize(name, value);
            variables.add(new Variable(used.className() + '#' + used.name(), name, bytes, digest(bytes)));
        }
        return new NotebookState(List.copyOf(variables), System.nanoTime() - start);
    }

    private static Field field(UsedVariables.Field used, ClassLoader loader) {
        try {
            return Class.forName(used.className(), false, loader).getDeclaredField(used.name());
        } catch (ClassNotFoundException | NoSuchFieldException | LinkageError e) {
            return null; // a snippet class JShell has since replaced: nothing the task reads now
        }
    }

    /** {@code N} for a variable, {@code Counter.total} for a static field of a notebook class. */
    private static String nameOf(UsedVariables.Field used) {
        String owner = SnippetNames.clean(used.className());
        return owner.isEmpty() ? used.name() : owner.replace('$', '.') + "." + used.name();
    }

    private static byte[] serialize(String name, Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw StateNotSerializableException.of(name, value, SnippetNames.clean(e.getMessage()));
        } catch (IOException e) {
            throw new StateNotSerializableException("the notebook variable " + name + " cannot be copied to the worker JVMs: "
                    + SnippetNames.clean(String.valueOf(e.getMessage())) + ". Create the value inside the cell body instead.");
        }
        return bytes.toByteArray();
    }

    /** The SHA-256 of {@code bytes} in hex: how values, and the cluster's jars, are told apart. */
    public static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
