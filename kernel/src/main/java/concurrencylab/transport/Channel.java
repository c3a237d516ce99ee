package concurrencylab.transport;

/** The kernel's sockets, by role. */
public enum Channel {
    SHELL, CONTROL, STDIN, IOPUB
}
