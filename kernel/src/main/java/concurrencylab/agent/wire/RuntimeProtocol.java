package concurrencylab.agent.wire;

/** Names both sides of the JShell engine stream agree on. */
public final class RuntimeProtocol {

    /** Extension command: the id of the cell whose snippets come next. */
    public static final String CELL_COMMAND = "concurrencylab.cell";

    private RuntimeProtocol() {
    }
}
