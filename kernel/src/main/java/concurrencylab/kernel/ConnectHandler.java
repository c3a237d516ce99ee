package concurrencylab.kernel;

import com.google.gson.JsonObject;

/** {@code connect_request}: the ports of this kernel (a deprecated request, still answered). */
final class ConnectHandler implements Handler {

    private final JsonObject ports;

    ConnectHandler(JsonObject ports) {
        this.ports = ports.deepCopy();
    }

    @Override
    public Reply handle(Request request) {
        return Reply.of(ports.deepCopy());
    }
}
