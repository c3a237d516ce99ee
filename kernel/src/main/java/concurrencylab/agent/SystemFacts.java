package concurrencylab.agent;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Inside the runtime JVM: the facts a measurement depends on, for {@code %sysinfo}: cores, memory, OS, JDK,
 * garbage collector, heap limits, the JIT and the JVM's flags.
 */
public final class SystemFacts {

    private static final long MIB = 1024 * 1024;

    private SystemFacts() {
    }

    /** Called by the code {@code %sysinfo} runs in the runtime. */
    public static void print() {
        System.out.print(text());
    }

    static String text() {
        Runtime runtime = Runtime.getRuntime();
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        String memory = os instanceof com.sun.management.OperatingSystemMXBean machine
                ? machine.getTotalMemorySize() / MIB + " MiB total, " + machine.getFreeMemorySize() / MIB + " MiB free"
                : "unknown";
        String gc = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(" + "));
        String jit = ManagementFactory.getCompilationMXBean() == null ? "none (interpreted only)"
                : ManagementFactory.getCompilationMXBean().getName();
        String flags = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(flag -> flag.startsWith("-X")).collect(Collectors.joining(" "));
        return String.format(Locale.ROOT, """
                cores      %d
                memory     %s
                OS         %s %s (%s)
                JDK        %s %s (%s)
                GC         %s
                heap       %d MiB initial, %d MiB max
                JIT        %s
                JVM flags  %s
                """, runtime.availableProcessors(), memory, os.getName(), os.getVersion(), os.getArch(),
                System.getProperty("java.vm.vendor"), Runtime.version(), System.getProperty("java.vm.name"), gc,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getInit() / MIB, runtime.maxMemory() / MIB,
                jit, flags.isEmpty() ? "(defaults)" : flags);
    }
}
