package concurrencylab.agent;

import com.google.gson.JsonObject;
import concurrencylab.agent.wire.Frames;
import concurrencylab.display.Display;
import concurrencylab.display.DisplaySink;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import jdk.jshell.execution.Util;

/**
 * The runtime JVM where cells run. Connects twice to the kernel's port: the JShell engine stream
 * and the side channel (output, displays, stop, barriers). Exits when the kernel goes away.
 */
public final class RuntimeMain {

    private RuntimeMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        PrintStream diagnostics = System.err;
        Socket engine = connect(port, Frames.JSHELL_CONNECTION);
        Socket events = connect(port, Frames.EVENT_CONNECTION);

        EventSender sender = new EventSender(events.getOutputStream());
        OutputRouter output = new OutputRouter(sender);
        System.setOut(output.stream("stdout"));
        System.setErr(output.stream("stderr"));
        output.start();
        Display.install(new SideChannelDisplay(sender, output));

        Thread.setDefaultUncaughtExceptionHandler(RuntimeMain::uncaught);
        RuntimeExecutionControl control = new RuntimeExecutionControl(sender, output);
        LineInput input = new LineInput(sender);
        System.setIn(input);
        startCommandReader(events.getInputStream(), control, output, sender, input, diagnostics);
        try {
            // Straight on the socket, not multiplexed: System.in/out/err go over the side channel.
            ObjectOutputStream replies = new ObjectOutputStream(new BufferedOutputStream(engine.getOutputStream()));
            replies.flush();
            ObjectInputStream commands = new ObjectInputStream(new BufferedInputStream(engine.getInputStream()));
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

    private static Socket connect(int port, byte kind) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        OutputStream out = socket.getOutputStream();
        out.write(kind);
        out.flush();
        return socket;
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
