package concurrencylab.magics;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A link with latency, for kernels without {@code sch_netem} (where {@code tc qdisc ... netem delay} is not
 * there): a TCP relay that passes every byte on a fixed delay after it arrived, in each direction, in order, with
 * no bound on the bandwidth. A member that advertises the relay's address is reached through it by the notebook
 * and by members that connect to it, so its link, as the cluster sees it, has that delay each way.
 */
final class DelayingRelay implements AutoCloseable {

    private static final byte[] END = new byte[0];
    private final ServerSocket server;
    private final InetSocketAddress target;
    private final long delayNanos;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    /** Listens on {@code host} (a free port) and relays each connection to {@code target}. */
    DelayingRelay(String host, InetSocketAddress target, long delayMillis) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getByName(host));
        this.target = target;
        this.delayNanos = TimeUnit.MILLISECONDS.toNanos(delayMillis);
        Thread.ofPlatform().daemon().name("relay-accept").start(this::accept);
    }

    String address() {
        return server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket in = server.accept();
                Socket out = new Socket();
                out.connect(target, 10_000);
                for (Socket socket : List.of(in, out)) {
                    socket.setTcpNoDelay(true); // the delay is ours alone: no Nagle on top of it
                    sockets.add(socket);
                }
                pipe(in, out);
                pipe(out, in);
            } catch (IOException e) {
                // closed, or the target refused this one: the peer sees its connection fail, as on a real link
            }
        }
    }

    /** One direction: a reader stamps each chunk as it arrives, a writer passes it on when its delay is up. */
    private void pipe(Socket from, Socket to) {
        record Chunk(long dueNanos, byte[] bytes) {
        }
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        Thread.ofPlatform().daemon().name("relay-read").start(() -> {
            byte[] buffer = new byte[64 << 10];
            try (InputStream in = from.getInputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    queue.add(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, n)));
                }
            } catch (IOException e) {
                // the connection ended
            }
            queue.add(new Chunk(System.nanoTime() + delayNanos, END));
        });
        Thread.ofPlatform().daemon().name("relay-write").start(() -> {
            try {
                OutputStream out = to.getOutputStream();
                for (Chunk chunk = queue.take(); chunk.bytes() != END; chunk = queue.take()) {
                    for (long left = chunk.dueNanos() - System.nanoTime(); left > 0; left = chunk.dueNanos() - System.nanoTime()) {
                        LockSupport.parkNanos(left);
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
                to.shutdownOutput();
            } catch (IOException | InterruptedException e) {
                // the connection ended
            }
        });
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
