package concurrencylab.harness.cluster;

import concurrencylab.launch.jvm.JvmCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Members {@code %cluster start} forks on this machine for a demo: one JVM each, on loopback ports of their own,
 * told of each other, exiting with the runtime that started them. Their error output joins the notebook's.
 */
final class LocalMembers {

    private static final String HOST = "127.0.0.1";
    /** Hazelcast reaches into JDK internals for its metrics; granting it keeps members from warning. */
    static final List<String> OPENS = List.of("--add-modules", "java.se",
            "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.management/sun.management=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");

    private final List<Process> processes = new ArrayList<>();
    private final List<String> addresses = new ArrayList<>();

    /** Starts {@code count} members of cluster {@code name}; they find each other while the caller waits. */
    static LocalMembers start(int count, String name) {
        LocalMembers members = new LocalMembers();
        for (int i = 0; i < count; i++) {
            members.addresses.add(HOST + ":" + freePort());
        }
        for (String address : members.addresses) {
            List<String> others = members.addresses.stream().filter(other -> !other.equals(address)).toList();
            List<String> command = memberJvm().main(MemberCommand.class, arguments(address, name, others));
            try {
                Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                copyErrors(process, address);
                members.processes.add(process);
            } catch (IOException e) {
                members.stop();
                throw new UncheckedIOException("cannot start a member JVM (" + command.get(0) + "): " + e.getMessage(), e);
            }
        }
        return members;
    }

    /** A member's JVM: this JVM's java and class path, a small heap, and Hazelcast's access to JDK internals. */
    static JvmCommand memberJvm() {
        JvmCommand jvm = JvmCommand.likeThisJvm().options(OPENS).headless().option("-Xms32m", "-Xmx384m", "-XX:+UseSerialGC");
        // Hazelcast's bundled JCTools uses sun.misc.Unsafe, which JDK 23 and later warn about on every start
        return Runtime.version().feature() >= 23 ? jvm.option("--sun-misc-unsafe-memory-access=allow") : jvm;
    }

    private static String[] arguments(String address, String name, List<String> others) {
        List<String> arguments = new ArrayList<>(List.of("--interface", HOST, "--port", address.substring(address.lastIndexOf(':') + 1),
                "--cluster", name, "--exit-with-parent"));
        if (!others.isEmpty()) {
            arguments.add("--join");
            arguments.add(String.join(",", others));
        }
        return arguments.toArray(String[]::new);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST + ": " + e.getMessage(), e);
        }
    }

    /** A platform thread per member: a virtual one blocked on a pipe would hold its carrier. */
    private static void copyErrors(Process process, String address) {
        Thread.ofPlatform().daemon().name("member-" + address + "-errors").start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    System.err.println("member " + address + ": " + line);
                }
            } catch (IOException e) {
                // the member is gone
            }
        });
    }

    List<String> addresses() {
        return List.copyOf(addresses);
    }

    /** Process ids, in the order of {@link #addresses()}. */
    List<Long> pids() {
        return processes.stream().map(Process::pid).toList();
    }

    /** Ends the members and waits until they are gone. */
    void stop() {
        processes.forEach(Process::destroyForcibly);
        processes.forEach(process -> process.onExit().join());
    }
}
