package concurrencylab.harness.process;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import org.zeromq.ZMsg;

/**
 * The pool's ZAP handler (RFC 27): a CurveZMQ peer is admitted only with a public key the pool handed to
 * one of its own workers, and its messages then carry that worker's name as their {@code User-Id}, which
 * the pool compares with the name the peer routes under. Everyone else is refused during the handshake,
 * before a single message of theirs is read, and the refusal is logged.
 */
final class WorkerAuthenticator {

    private static final System.Logger LOG = System.getLogger(WorkerAuthenticator.class.getName());
    /** The endpoint ZeroMQ asks, in the pool's own context. */
    private static final String ZAP_ENDPOINT = "inproc://zeromq.zap.01";

    /** Client public key (Z85) to the worker it was made for. */
    private final Map<String, String> admitted = new ConcurrentHashMap<>();

    /** Binds the handler in {@code context} (before any CURVE socket there accepts peers) and serves it. */
    WorkerAuthenticator(ZContext context) {
        ZMQ.Socket handler = context.getContext().socket(SocketType.REP);
        handler.setLinger(0);
        handler.bind(ZAP_ENDPOINT);
        Thread.ofPlatform().daemon().name("processes-pool-auth").start(() -> serve(handler));
    }

    void admit(String worker, WorkerKeys keys) {
        admitted.put(keys.clientPublic(), worker);
    }

    void revoke(String worker) {
        admitted.values().removeIf(worker::equals);
    }

    private void serve(ZMQ.Socket handler) {
        try {
            while (true) {
                ZMsg request = ZMsg.recvMsg(handler);
                if (request == null) {
                    return;
                }
                reply(request).send(handler);
            }
        } catch (ZMQException | IllegalStateException e) {
            // the context is terminating: the pool is shutting down
        } finally {
            handler.close();
        }
    }

    /** A request is version, request id, domain, address, identity, mechanism, credentials. */
    private ZMsg reply(ZMsg request) {
        String version = request.popString();
        String requestId = request.popString();
        request.popString(); // domain
        String address = request.popString();
        request.popString(); // identity
        String mechanism = request.popString();
        byte[] key = request.size() == 1 ? request.pop().getData() : null;
        String worker = "CURVE".equals(mechanism) && key != null && key.length == ZMQ.Curve.KEY_SIZE
                ? admitted.get(ZMQ.Curve.z85Encode(key)) : null;
        if (worker == null) {
            LOG.log(System.Logger.Level.WARNING, "refused a peer at {0} on the worker pool: not one of its workers", address);
        }
        ZMsg reply = new ZMsg();
        reply.add(version == null ? "1.0" : version);
        reply.add(requestId == null ? "" : requestId);
        reply.add(worker == null ? "400" : "200");
        reply.add(worker == null ? "not a worker of this pool" : "OK");
        reply.add(worker == null ? "" : worker);
        reply.add(new byte[0]); // no metadata
        return reply;
    }

    /** The name ZAP gave the sender of {@code message}, or null. */
    static String userId(zmq.Msg message) {
        zmq.io.Metadata metadata = message.getMetadata();
        return metadata == null ? null : metadata.get(zmq.io.Metadata.USER_ID);
    }
}
