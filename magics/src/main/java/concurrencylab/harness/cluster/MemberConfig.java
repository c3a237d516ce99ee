package concurrencylab.harness.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import java.util.List;

/**
 * The Hazelcast configuration of a member that runs notebook tasks: it binds only to the interface it is given
 * (never to every address), joins the members it is told of over TCP (no multicast, no cloud discovery), and
 * keeps nothing but the notebook's classes, jars and state, in three maps with one backup each.
 */
final class MemberConfig {

    /** The executor tasks run on; the runtime dispatches at most one task at a time to a member. */
    static final String EXECUTOR = "concurrency-lab-tasks";
    /** Snippet classes by their digest: a member fetches those it lacks. */
    static final String CLASSES_MAP = "concurrency-lab-classes";
    /** Serialized notebook values by their digest. */
    static final String STATE_MAP = "concurrency-lab-state";
    /** The bytes of the notebook's jars by their digest ({@link NotebookJars}). */
    static final String JARS_MAP = "concurrency-lab-jars";
    /** Member attributes the notebook's {@code %cluster} lists. */
    static final String CORES = "cores", MEMORY = "max-memory", JDK = "jdk";
    /** A member or client that stops answering is given up after this long (the default is a minute). */
    static final int HEARTBEAT_TIMEOUT_SECONDS = 15;
    /** Entries no run read for this long are dropped, so an old notebook's classes do not stay forever. */
    private static final int IDLE_ENTRY_SECONDS = 3600;

    private MemberConfig() {
    }

    /** @param publicAddress where others reach this member when that is not where it binds (null: the same) */
    static Config of(String clusterName, String bindAddress, int port, List<String> join, String publicAddress) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(HEARTBEAT_TIMEOUT_SECONDS));
        config.setProperty("hazelcast.logging.type", "jdk");
        config.setProperty("hazelcast.shutdownhook.policy", "TERMINATE");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface(bindAddress);
        network.getRestApiConfig().setEnabled(false);
        if (publicAddress != null) {
            network.setPublicAddress(publicAddress); // what members and clients are told to connect to
            // Hazelcast binds its outgoing sockets to the member's own address, here the public one, which is
            // not this machine's: let the system pick the source address instead
            config.setProperty("hazelcast.socket.client.bind", "false");
        }
        JoinConfig joining = network.getJoin();
        joining.getMulticastConfig().setEnabled(false);
        joining.getAutoDetectionConfig().setEnabled(false);
        joining.getTcpIpConfig().setEnabled(true).addMember(bindAddress + ":" + port);
        join.forEach(joining.getTcpIpConfig()::addMember);
        config.getExecutorConfig(EXECUTOR).setPoolSize(Math.max(4, Runtime.getRuntime().availableProcessors()));
        config.getMapConfig(CLASSES_MAP).setBackupCount(1).setMaxIdleSeconds(IDLE_ENTRY_SECONDS);
        config.getMapConfig(STATE_MAP).setBackupCount(1).setMaxIdleSeconds(IDLE_ENTRY_SECONDS);
        config.getMapConfig(JARS_MAP).setBackupCount(1).setMaxIdleSeconds(IDLE_ENTRY_SECONDS);
        config.getMemberAttributeConfig()
                .setAttribute(CORES, String.valueOf(Runtime.getRuntime().availableProcessors()))
                .setAttribute(MEMORY, String.valueOf(Runtime.getRuntime().maxMemory()))
                .setAttribute(JDK, Runtime.version().toString());
        config.setClassLoader(MemberConfig.class.getClassLoader());
        return config;
    }
}
