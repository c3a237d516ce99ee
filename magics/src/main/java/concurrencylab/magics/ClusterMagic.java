package concurrencylab.magics;

import concurrencylab.harness.Mode;
import concurrencylab.spi.ExecuteOutcome;
import concurrencylab.spi.MagicInvocation;
import concurrencylab.spi.MagicOutcome;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code %%cluster} runs the cell body as tasks on the members of a cluster, each with a copy of the notebook
 * variables the body reads; {@code %cluster start|join|stop} gets the notebook a cluster or lets it go, and
 * {@code %cluster} alone lists its members.
 */
@Command(name = "cluster",
        description = {"Run the cell as TASKS tasks on the members of the notebook's cluster (a worker is a member).",
                "Methods and classes from earlier cells, and a copy of the notebook variables the body reads, cross",
                "through the cluster; results come back in task order. A member that leaves during a run has its task",
                "run again on another. Line form: %cluster start -n N | join HOST[:PORT]... --cluster NAME | stop;",
                "%cluster alone lists the members. Members run any code the notebook sends: keep them on a private network."})
public final class ClusterMagic extends RunMagic {

    private static final String CLUSTER = "concurrencylab.harness.cluster.NotebookCluster";

    @Option(names = {"-n", "--members"}, paramLabel = "MEMBERS",
            description = "Cell: how many members to run on (default: all). Line, start: how many to start (default: 2).")
    Integer members;

    @Option(names = "--cluster", paramLabel = "NAME",
            description = "(line form) the cluster's name: start uses a random one unless given; join needs the one the members print.")
    String clusterName;

    @Parameters(arity = "0..*", paramLabel = "ACTION",
            description = "(line form) start, join HOST[:PORT]..., or stop; nothing lists the members")
    List<String> words = new ArrayList<>();

    public ClusterMagic() {
        super(Mode.CLUSTER);
    }

    @Override
    public Set<Kind> kinds() {
        return EnumSet.of(Kind.LINE, Kind.CELL);
    }

    @Override
    public void describe(Kind kind, CommandSpec spec) {
        if (kind == Kind.LINE) {
            spec.usageMessage().customSynopsis("%%cluster [start [-n MEMBERS] [--cluster NAME] | join HOST[:PORT]... --cluster NAME | stop]")
                    .description("Start members here, join members elsewhere, list the members, or leave the cluster.",
                            "start: fork MEMBERS members on this machine (loopback only, a random cluster name);",
                            "join: connect to members started elsewhere (java -jar concurrency-lab.jar member);",
                            "stop: leave the cluster and end the members started here; nothing: list the members.");
        }
    }

    @Override
    Integer workers() {
        return members;
    }

    @Override
    public MagicOutcome run(MagicInvocation invocation) {
        if (invocation.kind() == Kind.CELL) {
            if (!words.isEmpty() || clusterName != null) {
                throw fail("%%cluster takes only -t and -n above a cell body; start, join and stop are the line form %cluster");
            }
            return super.run(invocation);
        }
        requirePositive(members, "-n/--members");
        String action = words.isEmpty() ? "" : words.get(0);
        List<String> rest = words.isEmpty() ? List.of() : words.subList(1, words.size());
        String call = switch (action) {
            case "" -> {
                requireNothingMore(rest, "%cluster alone lists the members");
                yield CLUSTER + ".describe()";
            }
            case "start" -> {
                requireNothingMore(rest, "%cluster start takes -n MEMBERS and --cluster NAME");
                yield CLUSTER + ".start(" + (members == null ? 2 : members) + ", " + JavaCode.string(clusterName) + ")";
            }
            case "join" -> CLUSTER + ".join(java.util.List.of(" + rest.stream().map(JavaCode::string)
                    .collect(Collectors.joining(", ")) + "), " + JavaCode.string(clusterName) + ")";
            case "stop" -> {
                requireNothingMore(rest, "%cluster stop takes nothing more");
                yield CLUSTER + ".stop()";
            }
            default -> throw fail("unknown action '" + action + "': use %cluster start -n N, %cluster join HOST[:PORT] --cluster NAME,"
                    + " %cluster stop, or %cluster alone to list the members");
        };
        ExecuteOutcome outcome = invocation.session().executeInternal("System.out.println(" + call + ");", invocation.cell());
        return outcome.succeeded() ? MagicOutcome.ok(null) : MagicOutcome.of(outcome);
    }

    private void requireNothingMore(List<String> rest, String hint) {
        if (!rest.isEmpty()) {
            throw fail("unexpected '" + String.join(" ", rest) + "': " + hint);
        }
    }
}
