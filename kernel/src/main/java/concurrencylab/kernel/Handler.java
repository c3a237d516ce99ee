package concurrencylab.kernel;

/** Answers one kind of request. Runs on the thread of the channel the request came on. */
@FunctionalInterface
public interface Handler {
    Reply handle(Request request) throws Exception;
}
