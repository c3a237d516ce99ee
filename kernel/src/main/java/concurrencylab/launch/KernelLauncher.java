package concurrencylab.launch;

import com.google.gson.JsonObject;
import concurrencylab.kernel.History;
import concurrencylab.kernel.Kernel;
import concurrencylab.kernel.ParentWatch;
import concurrencylab.protocol.Signer;
import concurrencylab.protocol.WireCodec;
import concurrencylab.spi.Interpreter;
import concurrencylab.transport.ConnectionInfo;
import concurrencylab.transport.InvalidConnectionFileException;
import concurrencylab.transport.ZmqTransport;
import java.nio.file.Path;
import java.util.function.Supplier;

/** Composition root of the kernel process: connection file, sockets, core, interpreter. */
public final class KernelLauncher {

    private static final System.Logger LOG = System.getLogger(KernelLauncher.class.getName());

    /** Exit status for a connection file or option the kernel cannot use. */
    public static final int BAD_INPUT = 2;

    private KernelLauncher() {
    }

    /** Runs the kernel until {@code shutdown_request}; returns the process exit status. */
    public static int run(Path connectionFile, Supplier<Interpreter> interpreters) {
        return run(connectionFile, interpreters, History.open(History.defaultFile()));
    }

    /** The same with a given history (tests keep theirs out of the user's data dir). */
    public static int run(Path connectionFile, Supplier<Interpreter> interpreters, History history) {
        ConnectionInfo info;
        Signer signer;
        try {
            info = ConnectionInfo.load(connectionFile);
            signer = Signer.create(info.signatureScheme(), info.key());
        } catch (InvalidConnectionFileException | IllegalArgumentException e) {
            System.err.println("concurrency-lab: " + e.getMessage());
            return BAD_INPUT;
        }
        ZmqTransport transport;
        try {
            transport = new ZmqTransport(info, new WireCodec(signer));
        } catch (IllegalStateException e) {
            System.err.println("concurrency-lab: " + e.getMessage());
            return 1;
        }
        if (!signer.enabled()) {
            LOG.log(System.Logger.Level.WARNING, "the connection file has an empty key: messages are not authenticated,"
                    + " and any local user who can reach the kernel's ports can run code in it (see docs/security.md)");
        }
        Interpreter interpreter = interpreters.get();
        Kernel kernel = new Kernel(transport, interpreter, history, ports(info));
        kernel.start();
        ParentWatch.onParentExit(() -> {
            LOG.log(System.Logger.Level.INFO, "the process that started this kernel has ended; shutting down");
            kernel.shutdownUnasked();
        });
        try {
            kernel.awaitShutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            transport.close();
        }
        return 0;
    }

    private static JsonObject ports(ConnectionInfo info) {
        JsonObject ports = new JsonObject();
        ports.addProperty("shell_port", info.shellPort());
        ports.addProperty("iopub_port", info.iopubPort());
        ports.addProperty("stdin_port", info.stdinPort());
        ports.addProperty("control_port", info.controlPort());
        ports.addProperty("hb_port", info.hbPort());
        return ports;
    }
}
