package concurrencylab.harness.cluster;

import com.hazelcast.client.Client;
import com.hazelcast.client.ClientListener;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import concurrencylab.spi.JarCommand;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar concurrency-lab.jar member}: a Hazelcast member that runs the tasks of {@code %%cluster}.
 * It binds to one interface only (loopback unless told otherwise), and without {@code --cluster} makes up a
 * random cluster name, which a notebook must name to join. A member runs whatever code a notebook sends it:
 * Hazelcast's open-source edition authenticates no one, so it belongs on a private network.
 */
@Command(name = "member", mixinStandardHelpOptions = true,
        description = {"Start a cluster member that runs %%%%cluster tasks of notebooks that join it.",
                "It runs any code a joining notebook sends and has no authentication: use a private network."})
public final class MemberCommand implements JarCommand {

    /** Kept so the level set on it holds (loggers are held weakly). */
    private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");
    /** Retries to reach a member that left, five lines each: the notebook says that a member left, once. */
    private static final Logger CONNECTION_LOG = Logger.getLogger("com.hazelcast.internal.server.tcp");

    @Option(names = "--join", split = ",", paramLabel = "HOST[:PORT]",
            description = "Members of the cluster to join (default: none, this member starts a cluster).")
    List<String> join = List.of();

    @Option(names = "--interface", paramLabel = "IP", defaultValue = "127.0.0.1",
            description = "The address to bind to and be reached at, and no other (default: ${DEFAULT-VALUE}).")
    String bindAddress;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "5701",
            description = "The port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--public-address", paramLabel = "HOST:PORT",
            description = "The address others reach this member at, when it is not --interface's (a NAT, a port forward).")
    String publicAddress;

    @Option(names = "--cluster", paramLabel = "NAME",
            description = "The cluster's name, which members and notebooks must share (default: a random one, printed).")
    String clusterName;

    @Option(names = "--exit-with-parent", hidden = true,
            description = "Exit when the process that started this one exits (members a notebook starts).")
    boolean exitWithParent;

    /** The command line that starts a member JVM like those {@code %cluster start} forks, with {@code options}. */
    public static List<String> javaCommand(String... options) {
        return LocalMembers.memberJvm().main(MemberCommand.class, options);
    }

    /** A member started by a notebook, with the same options as the jar's {@code member} command. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new MemberCommand()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        if (exitWithParent) {
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(0)));
        }
        HAZELCAST_LOG.setLevel(Level.WARNING);
        CONNECTION_LOG.setLevel(Level.SEVERE);
        String name = clusterName != null ? clusterName : NotebookCluster.randomName();
        HazelcastInstance member = Hazelcast.newHazelcastInstance(MemberConfig.of(name, bindAddress, port, join, publicAddress));
        MemberTasks.member(member);
        member.getClientService().addClientListener(new ClientListener() {
            @Override
            public void clientConnected(Client client) {
            }

            @Override
            public void clientDisconnected(Client client) {
                MemberTasks.clientLeft(client.getUuid().toString());
            }
        });
        CountDownLatch ended = new CountDownLatch(1);
        member.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
                ended.countDown();
            }
        });
        String address = publicAddress != null ? publicAddress : bindAddress + ":" + port;
        System.out.println("member " + address + " of cluster " + name + " is up, " + member.getCluster().getMembers().size()
                + " member(s) in all. From a notebook: %cluster join " + address + " --cluster " + name);
        System.out.flush();
        ended.await();
        return 0;
    }
}
