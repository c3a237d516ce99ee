package concurrencylab.agent.wire;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The side channel between kernel and runtime: one type byte per frame, then its fields.
 * Strings are length-prefixed UTF-8 (no 64 KiB limit, unlike {@code writeUTF}).
 */
public final class Frames {

    /** runtime to kernel: cell id, stream name, text. */
    public static final byte STREAM = 'S';
    /** runtime to kernel: cell id, bundle JSON, display id ("" for none), update flag. */
    public static final byte DISPLAY = 'D';
    /** runtime to kernel: cell id, wait flag. */
    public static final byte CLEAR = 'C';
    /** runtime to kernel: result token, bundle JSON of a rich last-expression value. */
    public static final byte RESULT = 'R';
    /**
     * runtime to kernel: a snippet's invoke has ended and everything written until then has been sent:
     * the invoke's sequence number (see {@link RuntimeProtocol}).
     */
    public static final byte SNIPPET_DONE = 'N';
    /** runtime to kernel: answer to {@link #BARRIER_REQUEST}, with its sequence number. */
    public static final byte BARRIER = 'B';
    /** runtime to kernel: answer to {@link #THREADS_REQUEST}: its sequence number, then the survey as JSON. */
    public static final byte THREADS = 'T';
    /** kernel to runtime: describe the notebook's threads and deadlocks. */
    public static final byte THREADS_REQUEST = 't';
    /** kernel to runtime: as {@link #THREADS_REQUEST}, deadlocks only (cheap even with many threads). */
    public static final byte DEADLOCKS_REQUEST = 'd';
    /** runtime to kernel: a thread reads System.in and needs the next line: sequence number. */
    public static final byte INPUT_REQUEST = 'I';
    /** kernel to runtime: answer to {@link #INPUT_REQUEST}: sequence number, ok flag, the line or why there is none. */
    public static final byte INPUT = 'i';
    /**
     * kernel to runtime, while no cell runs: stop the threads earlier cells left running, and answer with
     * {@link #THREADS}: the survey of those threads as they were.
     */
    public static final byte STOP_LEFTOVERS_REQUEST = 'l';
    /**
     * kernel to runtime: the CPU time of each platform thread notebook code started, answered with
     * {@link #THREADS}; cheap, with no thread dump.
     */
    public static final byte THREAD_CPU_REQUEST = 'c';
    /** kernel to runtime: stop the running cell: its sequence number (see {@link RuntimeProtocol}). */
    public static final byte STOP = 's';
    /** kernel to runtime: flush all output, then answer {@link #BARRIER}. */
    public static final byte BARRIER_REQUEST = 'b';

    /** First byte a runtime sends on each of its two connections, so the kernel can tell them apart. */
    public static final byte JSHELL_CONNECTION = 'J';
    public static final byte EVENT_CONNECTION = 'E';

    private Frames() {
    }

    public static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
