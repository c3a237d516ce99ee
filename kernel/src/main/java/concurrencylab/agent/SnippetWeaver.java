package concurrencylab.agent;

/**
 * Rewrites the bytecode of a snippet class before the runtime JVM defines it, as JShell's engine weaves its
 * own stop checks in. Found with {@link java.util.ServiceLoader} in the runtime JVM; the classes recorded for
 * worker JVMs stay as the compiler made them.
 */
public interface SnippetWeaver {

    /**
     * @param className the class's binary name, for example {@code REPL.$JShell$12}
     * @param bytecodes the class file as it stands
     * @return the class file to define instead; {@code bytecodes} itself when there is nothing to change or the
     *         class cannot be read (a weaver must never make a snippet fail to load)
     */
    byte[] weave(String className, byte[] bytecodes);
}
