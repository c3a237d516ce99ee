package concurrencylab.launch.jvm;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line of a child JVM started from this one: this JVM's {@code java} launcher, the options in the
 * order given, the class path (this JVM's unless another is set), the main class and its arguments.
 *
 * <pre>{@code
 * List<String> command = JvmCommand.likeThisJvm().headless().option("-XX:+UseSerialGC")
 *         .main(WorkerMain.class, endpoint, name);
 * }</pre>
 *
 * <p>Immutable: each step returns a new command.
 */
public final class JvmCommand {

    private final String java;
    private final List<String> options;
    private final String classPath;

    private JvmCommand(String java, List<String> options, String classPath) {
        this.java = java;
        this.options = List.copyOf(options);
        this.classPath = classPath;
    }

    /** The {@code java} of this JVM ({@code java.home}) with this JVM's class path, and no options yet. */
    public static JvmCommand likeThisJvm() {
        return new JvmCommand(Path.of(System.getProperty("java.home"), "bin", "java").toString(), List.of(),
                System.getProperty("java.class.path"));
    }

    /** The launcher this command runs. */
    public String java() {
        return java;
    }

    /** Adds JVM options, in order, after those already given. */
    public JvmCommand option(String... more) {
        return options(List.of(more));
    }

    public JvmCommand options(List<String> more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(more);
        return new JvmCommand(java, all, classPath);
    }

    /** {@code -Dname=value}. */
    public JvmCommand systemProperty(String name, String value) {
        return option("-D" + name + "=" + value);
    }

    /** {@code -Djava.awt.headless=true}: a child JVM never opens a window. */
    public JvmCommand headless() {
        return systemProperty("java.awt.headless", "true");
    }

    /**
     * Gives memory that malloc has freed back to the system every second, where this JDK can (22+, Linux
     * with glibc). Without it a long session's RSS only grows: JShell's local engine runs every snippet on a
     * new thread, and the native memory those threads free stays cached in glibc's arenas (measured over
     * 1,000 warm {@code 1+1} cells: runtime +40 MiB without, +8 MiB with). The trim costs well under a
     * millisecond a second.
     */
    public JvmCommand trimNativeHeap() {
        return options(nativeHeapTrim());
    }

    /** The option of {@link #trimNativeHeap()}, or none where the JVM would not know it. */
    public static List<String> nativeHeapTrim() {
        boolean supported = Runtime.version().feature() >= 22
                && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
        return supported ? List.of("-XX:TrimNativeHeapInterval=1000") : List.of();
    }

    public JvmCommand classPath(String path) {
        return new JvmCommand(java, options, path);
    }

    /** The class path so far, then {@code entries}, in order. */
    public JvmCommand appendClassPath(List<String> entries) {
        if (entries.isEmpty()) {
            return this;
        }
        return classPath(classPath + File.pathSeparator + String.join(File.pathSeparator, entries));
    }

    /** The whole command line: java, options, {@code -cp PATH}, the main class and its arguments. */
    public List<String> main(String mainClass, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(options);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(List.of(arguments));
        return List.copyOf(command);
    }

    public List<String> main(Class<?> mainClass, String... arguments) {
        return main(mainClass.getName(), arguments);
    }
}
