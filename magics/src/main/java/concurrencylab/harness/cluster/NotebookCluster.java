package concurrencylab.harness.cluster;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The cluster the notebook's {@code %%cluster} runs use: a Hazelcast client in the runtime JVM (never a data
 * member: it holds no partitions and runs no tasks), connected to members the notebook started
 * ({@code %cluster start}, {@link LocalMembers}) or that run elsewhere ({@code %cluster join}). One at a time.
 */
public final class NotebookCluster {

    /** How long {@code %cluster join} tries to reach a member. */
    static final long JOIN_TIMEOUT_MILLIS = 15_000;
    /** How long members {@code %cluster start} forked may take to start and find each other (a busy machine). */
    static final long START_TIMEOUT_MILLIS = 120_000;
    private static NotebookCluster current;

    private final String name;
    private final HazelcastInstance client;
    private final LocalMembers started;

    private NotebookCluster(String name, HazelcastInstance client, LocalMembers started) {
        this.name = name;
        this.client = client;
        this.started = started;
    }

    /** A cluster name nobody guesses: {@code lab-} and 64 random bits. */
    static String randomName() {
        byte[] bits = new byte[8];
        new SecureRandom().nextBytes(bits);
        return "lab-" + HexFormat.of().formatHex(bits);
    }

    /** The cluster runs go to; fails with how to get one when there is none. */
    static synchronized NotebookCluster connected() {
        if (current == null || !current.client.getLifecycleService().isRunning()) {
            current = null;
            throw new ClusterException("no cluster to run on: start members here with %cluster start -n 2, or join"
                    + " members started elsewhere with %cluster join HOST:PORT --cluster NAME");
        }
        return current;
    }

    /** Members of the connected cluster, or 1 when none is (a run then says how to get one). */
    public static synchronized int memberCount() {
        return current == null || !current.client.getLifecycleService().isRunning() ? 1 : current.members().size();
    }

    /** {@code %cluster start -n N}: forks N members on loopback, with a random cluster name unless one is given. */
    public static synchronized String start(int count, String clusterName) throws InterruptedException {
        if (count < 1) {
            throw new ClusterException("-n must be at least 1, got " + count);
        }
        stop();
        String name = clusterName != null ? clusterName : randomName();
        long begin = System.nanoTime();
        LocalMembers members = LocalMembers.start(count, name);
        try {
            HazelcastInstance client = connect(name, members.addresses(), START_TIMEOUT_MILLIS);
            if (!awaitMembers(client, count, START_TIMEOUT_MILLIS)) {
                int found = client.getCluster().getMembers().size();
                client.shutdown();
                throw new ClusterException("the " + count + " members started here did not find each other within "
                        + START_TIMEOUT_MILLIS / 1000 + " s (" + found + " did)");
            }
            current = new NotebookCluster(name, client, members);
        } catch (RuntimeException | InterruptedException e) {
            members.stop();
            throw e;
        }
        return "started " + count + " member" + (count == 1 ? "" : "s") + " of cluster " + name + " on this machine in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin) + " ms: " + String.join(", ", members.addresses());
    }

    /** Waits until the client sees {@code count} members, woken by each change of membership. */
    private static boolean awaitMembers(HazelcastInstance client, int count, long timeoutMillis) throws InterruptedException {
        Object changed = new Object();
        java.util.UUID listener = client.getCluster().addMembershipListener(new com.hazelcast.cluster.MembershipListener() {
            @Override
            public void memberAdded(com.hazelcast.cluster.MembershipEvent event) {
                synchronized (changed) {
                    changed.notifyAll();
                }
            }

            @Override
            public void memberRemoved(com.hazelcast.cluster.MembershipEvent event) {
                memberAdded(event);
            }
        });
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            synchronized (changed) {
                while (client.getCluster().getMembers().size() < count) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        return false;
                    }
                    changed.wait(left);
                }
            }
            return true;
        } finally {
            client.getCluster().removeMembershipListener(listener);
        }
    }

    /** {@code %cluster join HOST[:PORT] ...}: connects to members started elsewhere. */
    public static synchronized String join(List<String> addresses, String clusterName) {
        if (addresses.isEmpty()) {
            throw new ClusterException("%cluster join needs the address of a member: %cluster join HOST[:PORT] --cluster NAME");
        }
        if (clusterName == null) {
            throw new ClusterException("%cluster join needs the cluster's name, which the member printed as it started:"
                    + " %cluster join " + String.join(" ", addresses) + " --cluster NAME");
        }
        HazelcastInstance client = connect(clusterName, addresses, JOIN_TIMEOUT_MILLIS); // the old cluster stays if this fails
        stop();
        current = new NotebookCluster(clusterName, client, null);
        return "joined cluster " + clusterName + ": " + current.members().size() + " member(s)";
    }

    private static HazelcastInstance connect(String name, List<String> addresses, long timeoutMillis) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(name);
        config.setClassLoader(NotebookCluster.class.getClassLoader());
        config.setProperty("hazelcast.logging.type", "none");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.client.heartbeat.timeout",
                String.valueOf(TimeUnit.SECONDS.toMillis(MemberConfig.HEARTBEAT_TIMEOUT_SECONDS)));
        config.getNetworkConfig().setAddresses(addresses);
        config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(timeoutMillis);
        try {
            return HazelcastClient.newHazelcastClient(config);
        } catch (IllegalStateException e) {
            throw new ClusterException("cannot reach a member of cluster " + name + " at " + String.join(", ", addresses)
                    + " within " + timeoutMillis / 1000 + " s: is one running there (java -jar concurrency-lab.jar member"
                    + " --interface IP --cluster " + name + "), with this cluster name, and is its port open to this machine?");
        }
    }

    /** {@code %cluster stop}: leaves the cluster, and ends the members this notebook started. */
    public static synchronized String stop() {
        NotebookCluster cluster = current;
        current = null;
        if (cluster == null) {
            return "no cluster was connected";
        }
        cluster.client.shutdown();
        if (cluster.started != null) {
            cluster.started.stop();
            return "stopped the " + cluster.started.addresses().size() + " members started here";
        }
        return "left cluster " + cluster.name + "; its members run on";
    }

    /** {@code %cluster}: the members, one line each. */
    public static synchronized String describe() {
        NotebookCluster cluster = current;
        if (cluster == null || !cluster.client.getLifecycleService().isRunning()) {
            return "no cluster: %cluster start -n 2 starts members here, %cluster join HOST:PORT --cluster NAME joins one";
        }
        StringBuilder text = new StringBuilder("cluster " + cluster.name + (cluster.started != null ? " (started here)" : "")
                + ", " + cluster.members().size() + " member(s):\n");
        for (Member member : cluster.members()) {
            long memory = Long.parseLong(member.getAttribute(MemberConfig.MEMORY) == null ? "0" : member.getAttribute(MemberConfig.MEMORY));
            text.append(String.format("  %-21s %3s cores  %5d MiB heap  JDK %s%n", MemberTasks.name(member),
                    member.getAttribute(MemberConfig.CORES), memory >> 20, member.getAttribute(MemberConfig.JDK)));
        }
        return text.toString().stripTrailing();
    }

    /** The members this notebook started, address to process id, for tests and benchmarks that end one. */
    public static synchronized java.util.Map<String, Long> startedMembers() {
        java.util.Map<String, Long> members = new java.util.LinkedHashMap<>();
        if (current != null && current.started != null) {
            for (int i = 0; i < current.started.addresses().size(); i++) {
                members.put(current.started.addresses().get(i), current.started.pids().get(i));
            }
        }
        return members;
    }

    List<Member> members() {
        return client.getCluster().getMembers().stream().filter(member -> !member.isLiteMember()).toList();
    }

    HazelcastInstance client() {
        return client;
    }
}
