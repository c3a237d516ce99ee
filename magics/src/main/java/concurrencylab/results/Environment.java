package concurrencylab.results;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.stream.Collectors;

/** The one line that says where numbers were measured: cores, JDK, garbage collector, heap. */
public record Environment(int cores, String jdk, String gc, long maxHeapBytes) {

    public static Environment current() {
        String gc = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(" + "));
        String jdk = System.getProperty("java.vm.vendor", "") + " " + Runtime.version();
        return new Environment(Runtime.getRuntime().availableProcessors(), jdk.trim(), gc,
                Runtime.getRuntime().maxMemory());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d cores, JDK %s, GC %s, max heap %d MiB", cores, jdk, gc,
                maxHeapBytes / (1024 * 1024));
    }
}
