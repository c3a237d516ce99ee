package concurrencylab.agent;

import com.google.gson.JsonObject;
import concurrencylab.agent.threads.ThreadSurvey;
import concurrencylab.agent.wire.ChannelStreams;
import concurrencylab.agent.wire.Frames;
import concurrencylab.agent.wire.LinkHandshake;
import concurrencylab.display.Display;
import concurrencylab.display.DisplaySink;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import jdk.jshell.execution.Util;

/**
 * The runtime JVM where cells run. Reads the link's secret from its stdin, then connects twice to the
 * kernel's Unix domain socket (its one argument), presenting the secret on each: the JShell engine stream
 * and the side channel (output, displays, stop, barriers). Exits when the kernel goes away.
 */
public final class RuntimeMain {

    private RuntimeMain() {
    }

    public static void main(String[] args) throws Exception {
        Path link = Path.of(args[0]);
        byte[] secret = readSecret();
        PrintStream diagnostics = System.err;
        // Loggers (the worker pool's, say) write to the kernel's log, not into a cell: their console
        // handler takes System.err as it is now, before it is routed to cells below.
        java.util.logging.Logger.getLogger("").getHandlers();
        SocketChannel engine = connect(link, secret, Frames.JSHELL_CONNECTION);
        SocketChannel events = connect(link, secret, Frames.EVENT_CONNECTION);

        EventSender sender = new EventSender(ChannelStreams.output(events));
        OutputRouter output = new OutputRouter(sender);
        System.setOut(output.stream("stdout"));
        System.setErr(output.stream("stderr"));
        output.start();
        Display.install(new SideChannelDisplay(sender, output));

        Thread.setDefaultUncaughtExceptionHandler(RuntimeMain::uncaught);
        RuntimeExecutionControl control = new RuntimeExecutionControl(sender, output);
        LineInput input = new LineInput(sender);
        System.setIn(input);
        startCommandReader(ChannelStreams.input(events), control, output, sender, input, diagnostics);
        try {
            // Straight on the socket, not multiplexed: System.in/out/err go over the side channel. Replies are written
            // by this thread, which also reads the commands straight from the same channel (an interrupt of it
            // would close the channel there as well), so they need no writer thread of their own.
            ObjectOutputStream replies = new ObjectOutputStream(new BufferedOutputStream(ChannelStreams.directOutput(engine)));
            replies.flush();
            ObjectInputStream commands = new ObjectInputStream(new BufferedInputStream(ChannelStreams.input(engine)));
            Util.forwardExecutionControl(control, commands, replies);
        } finally {
            // Threads a cell left running must not keep this JVM alive without its kernel.
            Runtime.getRuntime().halt(0);
        }
    }

    /**
     * As the JVM's default, except that threads ended by an interrupt die quietly: ten thousand stopped
     * threads would otherwise print ten thousand identical stack traces, and take seconds to do it.
     */
    @SuppressWarnings("removal")
    private static void uncaught(Thread thread, Throwable failure) {
        if (failure instanceof ThreadDeath) {
            return;
        }
        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
        failure.printStackTrace(System.err);
    }

    /** The kernel writes the secret to stdin and closes it; without it the kernel would refuse us. */
    private static byte[] readSecret() throws IOException {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine();
        try {
            return LinkHandshake.decode(line);
        } catch (IllegalArgumentException e) {
            System.err.println("concurrency-lab runtime: no link secret on stdin; this JVM is started by the kernel");
            Runtime.getRuntime().halt(2);
            throw e;
        }
    }

    private static SocketChannel connect(Path link, byte[] secret, byte kind) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(link));
        ByteBuffer hello = ByteBuffer.wrap(LinkHandshake.hello(secret, kind));
        while (hello.hasRemaining()) {
            channel.write(hello);
        }
        return channel;
    }

    private static void startCommandReader(InputStream socketIn, RuntimeExecutionControl control,
                                           OutputRouter output, EventSender sender, LineInput input,
                                           PrintStream diagnostics) {
        Thread reader = new Thread(() -> {
            try (DataInputStream in = new DataInputStream(socketIn)) {
                while (true) {
                    byte type = in.readByte();
                    switch (type) {
                        case Frames.STOP -> control.requestStop(in.readLong());
                        case Frames.BARRIER_REQUEST -> {
                            long sequence = in.readLong();
                            output.flushNow();
                            sender.barrier(sequence);
                        }
                        case Frames.INPUT -> {
                            long sequence = in.readLong();
                            boolean ok = in.readBoolean();
                            input.answer(sequence, new LineInput.Answer(ok, Frames.readString(in)));
                        }
                        case Frames.THREADS_REQUEST -> sender.threads(in.readLong(), ThreadSurvey.take().toString());
                        case Frames.DEADLOCKS_REQUEST -> sender.threads(in.readLong(), ThreadSurvey.deadlocksOnly().toString());
                        case Frames.THREAD_CPU_REQUEST -> sender.threads(in.readLong(), ThreadSurvey.cpuOnly().toString());
                        case Frames.STOP_LEFTOVERS_REQUEST -> sender.threads(in.readLong(), control.stopLeftovers().toString());
                        default -> throw new IOException("unknown side-channel frame " + type);
                    }
                }
            } catch (EOFException e) {
                Runtime.getRuntime().halt(0);
            } catch (Exception e) {
                e.printStackTrace(diagnostics);
                Runtime.getRuntime().halt(1);
            }
        }, "concurrency-lab-side-channel");
        reader.setDaemon(true);
        reader.start();
    }

    /** Display calls from any thread go to the cell that thread works for, after its pending output. */
    private record SideChannelDisplay(EventSender sender, OutputRouter output) implements DisplaySink {
        @Override
        public void display(JsonObject bundle, String displayId, boolean update) {
            output.flushNow();
            sender.display(CurrentCell.id(), bundle.toString(), displayId, update);
        }

        @Override
        public void clearOutput(boolean wait) {
            output.flushNow();
            sender.clear(CurrentCell.id(), wait);
        }
    }
}
