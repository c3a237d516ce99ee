package concurrencylab.launch.install;

import concurrencylab.launch.jvm.JvmCommand;

import java.util.List;

/**
 * JVM flags of the kernel process, chosen by measurement on a 2-core machine (JShell in-process,
 * 60 evaluations of {@code 1+1}, JDK 25):
 *
 * <pre>
 * flags                            JShell ready   warm eval median / p90   RSS
 * (defaults: G1, C1+C2)            760-910 ms     20 / 36-42 ms            317-346 MiB
 * -XX:+UseSerialGC                 680-850 ms     16-20 / 30-36 ms         252-262 MiB
 *   + -XX:TieredStopAtLevel=1      390-560 ms     11.4-12 / 14-17 ms       202-222 MiB
 *   + dynamic CDS archive          550 ms         10-12 / 12-16 ms         206-229 MiB
 * </pre>
 *
 * <p>and {@code java -jar concurrency-lab.jar --version}: defaults 0.44-0.57 s, 63 MiB; serial GC and
 * C1 only 0.27-0.36 s, 57 MiB; with the archive 0.25-0.31 s, 50-53 MiB (the first run, which writes
 * the archive at exit, 0.64 s).
 *
 * <p>Through the real kernel (bench/kernel, quiet machine): the serial collector's default heap sizing
 * kept the kernel process at about 210 MiB resident; a small initial heap that is given back when
 * mostly free ({@code -Xms64m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40}) brings kernel and
 * runtime together from 290 to 189 MiB, for about 2 ms more per warm cell (19-22 -> 22-25 ms).
 *
 * <p>C2 never pays off in the kernel: its compiler threads compete with javac for the two cores
 * while the session is young, and the kernel's hot path is javac itself. The serial collector
 * suits a single-user process with a small heap. The class-data sharing archive of the jar's own
 * classes (JDK 19+) is written when the first kernel exits and makes later starts load them from
 * memory. The JVM ignores (but does not replace) an archive made for an older jar, so the archive is
 * named after the jar's size and time, and it lives in the cache dir of the user who runs the kernel
 * ({@link LaunchCommand}); its logging (warnings on stdout about
 * an archive it cannot use) is switched off because that case is expected, not a problem.
 * The kernel never opens a window; headless keeps AWT from looking for a display. Freed native memory is
 * trimmed every second where the JDK can ({@link JvmCommand#nativeHeapTrim()}): over 1,000 warm cells the
 * kernel's RSS grew 13 MiB without, 8 MiB with.
 */
public final class JvmOptions {

    private JvmOptions() {
    }

    /** The flags for the kernel JVM, but for the archive's ({@link #sharedArchive}). */
    public static List<String> forKernel() {
        List<String> flags = new java.util.ArrayList<>(List.of(
                "-XX:+UseSerialGC",
                "-Xms64m",
                "-XX:MinHeapFreeRatio=20",
                "-XX:MaxHeapFreeRatio=40",
                "-XX:TieredStopAtLevel=1",
                "-Xlog:cds=off,cds+dynamic=off",
                "-Djava.awt.headless=true"));
        // Installed by the JDK the kernel will run on, so the check there holds here.
        flags.addAll(JvmCommand.nativeHeapTrim());
        return List.copyOf(flags);
    }

    /**
     * The flags that make and use the class-data archive at {@code archive}: a file in the cache dir of the
     * user who runs the kernel, resolved when it starts ({@link LaunchCommand}).
     */
    public static List<String> sharedArchive(String archive) {
        return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive);
    }
}
