package concurrencylab.magics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Several "hosts" on this machine for cluster tests: as root, each a network namespace of its own with one
 * address, joined to the test's namespace by a veth pair on a bridge, so members on them reach each other only
 * over that network, as separate machines would. Where namespaces cannot be made (not root, no
 * CAP_NET_ADMIN), each host is another loopback address (127.0.0.2, 127.0.0.3, ...) and {@link #why()} says why.
 */
final class TestHosts implements AutoCloseable {

    private static final long COMMAND_SECONDS = 30;
    private final String tag = String.valueOf(ProcessHandle.current().pid() % 100_000);
    private final List<String> addresses = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();
    private String bridge;
    private String why;

    private TestHosts() {
    }

    static TestHosts create(int count) {
        TestHosts hosts = new TestHosts();
        try {
            hosts.makeNamespaces(count);
        } catch (IllegalStateException e) {
            hosts.close();
            hosts.addresses.clear();
            hosts.namespaces.clear();
            hosts.why = e.getMessage();
            for (int i = 0; i < count; i++) {
                hosts.addresses.add("127.0.0." + (i + 2));
            }
        }
        return hosts;
    }

    private void makeNamespaces(int count) {
        String subnet = "10.213." + (ProcessHandle.current().pid() % 250) + ".";
        bridge = "clbr" + tag;
        ip("link", "add", bridge, "type", "bridge");
        ip("addr", "add", subnet + "1/24", "dev", bridge);
        ip("link", "set", bridge, "up");
        for (int i = 0; i < count; i++) {
            String namespace = "clab-" + tag + "-" + i, outside = "clh" + tag + i, inside = "cln" + tag + i;
            ip("netns", "add", namespace);
            namespaces.add(namespace);
            ip("link", "add", outside, "type", "veth", "peer", "name", inside);
            ip("link", "set", inside, "netns", namespace);
            ip("link", "set", outside, "master", bridge);
            ip("link", "set", outside, "up");
            ip("-n", namespace, "addr", "add", subnet + (i + 2) + "/24", "dev", inside);
            ip("-n", namespace, "link", "set", inside, "up");
            ip("-n", namespace, "link", "set", "lo", "up");
            addresses.add(subnet + (i + 2));
        }
    }

    /** Null when the hosts are network namespaces; else why they are loopback addresses instead. */
    String why() {
        return why;
    }

    String describe() {
        return why == null ? "hosts in network namespaces " + namespaces + " at " + addresses
                : "network namespaces unavailable (" + why + "): the same checks run over loopback addresses " + addresses;
    }

    String address(int host) {
        return addresses.get(host);
    }

    /** The test's own address on the hosts' network: the bridge's, or loopback's. */
    String outside() {
        return why == null ? addresses.get(0).substring(0, addresses.get(0).lastIndexOf('.')) + ".1" : "127.0.0.1";
    }

    /** {@code command} run on {@code host}: inside its namespace, or as it is on loopback. */
    List<String> on(int host, List<String> command) {
        if (why != null) {
            return command;
        }
        List<String> inside = new ArrayList<>(List.of("ip", "netns", "exec", namespaces.get(host)));
        inside.addAll(command);
        return inside;
    }

    /** Whether a TCP connection from {@code host} to {@code address:port} is accepted. */
    boolean connects(int host, String address, int port) throws IOException, InterruptedException {
        Process probe = new ProcessBuilder(on(host, List.of("bash", "-c", "exec 3<>/dev/tcp/" + address + "/" + port)))
                .redirectErrorStream(true).start();
        if (!probe.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
            probe.destroyForcibly();
            return false;
        }
        return probe.exitValue() == 0;
    }

    private static void ip(String... arguments) {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(arguments));
        try {
            Process ip = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(ip.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!ip.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS) || ip.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + ": " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.join(" ", command) + ": interrupted");
        }
    }

    /** Deletes the namespaces (their veth pairs go with them) and the bridge. */
    @Override
    public void close() {
        for (String namespace : namespaces) {
            try {
                ip("netns", "del", namespace);
            } catch (IllegalStateException e) {
                // already gone
            }
        }
        if (bridge != null) {
            try {
                ip("link", "del", bridge);
            } catch (IllegalStateException e) {
                // never made
            }
        }
    }
}
