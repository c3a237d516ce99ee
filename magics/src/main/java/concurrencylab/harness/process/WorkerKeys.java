package concurrencylab.harness.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.zeromq.ZMQ;

/**
 * What one worker needs to join its pool over CurveZMQ: the pool's public key and the worker's own key
 * pair, made for that worker alone. Handed over on the worker's stdin, never its command line (which
 * every local user can read); the pool's handler admits only the public keys it gave out.
 */
record WorkerKeys(String serverPublic, String clientPublic, String clientSecret) {

    static WorkerKeys forServer(String serverPublic) {
        ZMQ.Curve.KeyPair client = ZMQ.Curve.generateKeyPair();
        return new WorkerKeys(serverPublic, client.publicKey, client.secretKey);
    }

    /** Three lines of Z85 text on the worker's stdin, which is then closed. */
    void writeTo(OutputStream workerStdin) throws IOException {
        try (OutputStream out = workerStdin) {
            out.write((serverPublic + "\n" + clientPublic + "\n" + clientSecret + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    /** @throws IOException when stdin does not carry three keys */
    static WorkerKeys readFrom(InputStream stdin) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.US_ASCII));
        String[] keys = new String[3];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = lines.readLine();
            if (keys[i] == null || keys[i].length() != ZMQ.Curve.KEY_SIZE_Z85) {
                throw new IOException("expected three CurveZMQ keys on stdin");
            }
        }
        return new WorkerKeys(keys[0], keys[1], keys[2]);
    }

    /** Sets this worker's keys on its socket, before it connects. */
    void apply(ZMQ.Socket socket) {
        socket.setCurveServerKey(ZMQ.Curve.z85Decode(serverPublic));
        socket.setCurvePublicKey(ZMQ.Curve.z85Decode(clientPublic));
        socket.setCurveSecretKey(ZMQ.Curve.z85Decode(clientSecret));
    }

    @Override
    public String toString() {
        return "WorkerKeys[" + clientPublic + "]"; // never the secret, in a log or a message
    }
}
