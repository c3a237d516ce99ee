package concurrencylab.harness.gil;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JDK methods that block the calling thread, where CPython would release the GIL: sleeping, waiting on
 * locks, conditions, queues, futures and other threads, and blocking stream, channel, socket and HTTP IO. A call
 * site matches when its owner is a JDK type that is (or extends) one listed, by method name; "timed only" names
 * match only their forms that take a timeout ({@code poll(long, TimeUnit)}, not {@code poll()}).
 */
final class BlockingCalls {

    private record Entry(String type, Set<String> names, Set<String> timedOnly) {
        Entry(String type, String... names) {
            this(type, Set.of(names), Set.of());
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("java.lang.Thread", "sleep", "join"),
            new Entry("java.lang.Process", "waitFor"),
            new Entry("java.util.concurrent.TimeUnit", "sleep", "timedJoin", "timedWait"),
            new Entry("java.util.concurrent.locks.LockSupport", "park", "parkNanos", "parkUntil"),
            new Entry("java.util.concurrent.Future", "get"),
            new Entry("java.util.concurrent.CompletableFuture", "join"),
            new Entry("java.util.concurrent.BlockingQueue", Set.of("take", "put"), Set.of("poll", "offer")),
            new Entry("java.util.concurrent.BlockingDeque", Set.of("takeFirst", "takeLast", "putFirst", "putLast"),
                    Set.of("pollFirst", "pollLast", "offerFirst", "offerLast")),
            new Entry("java.util.concurrent.TransferQueue", Set.of("transfer"), Set.of("tryTransfer")),
            new Entry("java.util.concurrent.locks.Lock", Set.of("lock", "lockInterruptibly"), Set.of("tryLock")),
            new Entry("java.util.concurrent.locks.Condition", "await", "awaitNanos", "awaitUninterruptibly",
                    "awaitUntil"),
            new Entry("java.util.concurrent.CountDownLatch", "await"),
            new Entry("java.util.concurrent.CyclicBarrier", "await"),
            new Entry("java.util.concurrent.Semaphore", Set.of("acquire", "acquireUninterruptibly"),
                    Set.of("tryAcquire")),
            new Entry("java.util.concurrent.Phaser", "awaitAdvance", "awaitAdvanceInterruptibly",
                    "arriveAndAwaitAdvance"),
            new Entry("java.util.concurrent.Exchanger", "exchange"),
            new Entry("java.util.concurrent.ExecutorService", "awaitTermination", "invokeAll", "invokeAny", "close"),
            new Entry("java.io.InputStream", "read", "readAllBytes", "readNBytes", "transferTo", "skip"),
            new Entry("java.io.Reader", "read", "readLine", "transferTo", "skip"),
            new Entry("java.io.OutputStream", "write", "flush"),
            new Entry("java.io.Writer", "write", "flush"),
            new Entry("java.nio.channels.ReadableByteChannel", "read"),
            new Entry("java.nio.channels.WritableByteChannel", "write"),
            new Entry("java.nio.channels.ServerSocketChannel", "accept"),
            new Entry("java.nio.channels.SocketChannel", "connect", "finishConnect"),
            new Entry("java.nio.channels.Selector", "select"),
            new Entry("java.nio.file.Files", "readAllBytes", "readString", "readAllLines", "write", "writeString",
                    "copy"),
            new Entry("java.net.Socket", "connect"),
            new Entry("java.net.ServerSocket", "accept"),
            new Entry("java.net.DatagramSocket", "receive", "send"),
            new Entry("java.net.InetAddress", "getByName", "getAllByName"),
            new Entry("java.net.URLConnection", "connect", "getInputStream", "getContent"),
            new Entry("java.net.HttpURLConnection", "getResponseCode"),
            new Entry("java.net.http.HttpClient", "send"));

    private static final Map<String, Boolean> CACHE = new ConcurrentHashMap<>();

    private BlockingCalls() {
    }

    /** Whether a call instruction (owner and descriptor as in the class file) blocks. */
    static boolean blocks(String owner, String name, String descriptor) {
        if (name.equals("wait") && (descriptor.equals("()V") || descriptor.equals("(J)V")
                || descriptor.equals("(JI)V"))) {
            return true; // Object's final wait, whatever the receiver's declared type
        }
        if (!(owner.startsWith("java/") || owner.startsWith("javax/") || owner.startsWith("jdk/"))) {
            return false; // notebook classes cannot be loaded while the runtime defines them; their calls are woven
        }
        return CACHE.computeIfAbsent(owner + '.' + name + descriptor, key -> lookUp(owner, name, descriptor));
    }

    private static boolean lookUp(String owner, String name, String descriptor) {
        Class<?> type;
        try {
            type = Class.forName(owner.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        boolean timed = descriptor.contains("Ljava/util/concurrent/TimeUnit;") || descriptor.contains("Ljava/time/Duration;");
        for (Entry entry : ENTRIES) {
            if ((entry.names().contains(name) || timed && entry.timedOnly().contains(name)) && isA(type, entry.type())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isA(Class<?> type, String name) {
        try {
            return Class.forName(name, false, ClassLoader.getPlatformClassLoader()).isAssignableFrom(type);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
