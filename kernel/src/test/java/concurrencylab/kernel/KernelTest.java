package concurrencylab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import concurrencylab.protocol.Header;
import concurrencylab.protocol.Message;
import concurrencylab.spi.StdinNotAllowedException;
import concurrencylab.transport.Channel;
import concurrencylab.transport.InMemoryTransport.Sent;
import concurrencylab.transport.InMemoryTransport;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The protocol core against the in-memory transport twin and a scripted interpreter. */
class KernelTest {

    private InMemoryTransport transport;
    private ScriptedInterpreter interpreter;
    private Kernel kernel;

    @BeforeEach
    void start() {
        transport = new InMemoryTransport();
        interpreter = new ScriptedInterpreter();
        JsonObject ports = new JsonObject();
        ports.addProperty("shell_port", 1234);
        kernel = new Kernel(transport, interpreter, History.inMemory(), ports);
        kernel.start();
        transport.drainSent();
    }

    private static Message request(String type, String json) {
        return new Message(List.of("client".getBytes()), Header.create(type, "client-session"),
                new JsonObject(), new JsonObject(), JsonParser.parseString(json).getAsJsonObject(), List.of());
    }

    private List<Sent> send(Channel channel, Message request) {
        transport.deliver(channel, request);
        return transport.drainSent();
    }

    private static List<String> types(List<Sent> sent) {
        return sent.stream().map(s -> s.channel().name().toLowerCase() + ":" + s.message().type()).toList();
    }

    private static JsonObject reply(List<Sent> sent) {
        return sent.stream().filter(s -> s.channel() != Channel.IOPUB).findFirst().orElseThrow().message().content();
    }

    @Test
    void executeFollowsTheProtocolOrder() {
        Message request = request("execute_request", "{\"code\": \"print hi\"}");
        List<Sent> sent = send(Channel.SHELL, request);
        assertEquals(List.of("iopub:status", "iopub:execute_input", "iopub:stream", "shell:execute_reply", "iopub:status"), types(sent));
        for (Sent s : sent) {
            assertEquals(request.header().msgId(), s.message().parentHeader().get("msg_id").getAsString());
        }
        assertEquals("busy", sent.get(0).message().content().get("execution_state").getAsString());
        assertEquals("idle", sent.get(4).message().content().get("execution_state").getAsString());
        assertEquals("hi\n", sent.get(2).message().content().get("text").getAsString());
        JsonObject reply = reply(sent);
        assertEquals("ok", reply.get("status").getAsString());
        assertEquals(1, reply.get("execution_count").getAsInt());
    }

    @Test
    void countsOnlyStoredCellsAndSilentCellsPublishNoInputOrResult() {
        send(Channel.SHELL, request("execute_request", "{\"code\": \"a\"}"));
        List<Sent> silent = send(Channel.SHELL, request("execute_request", "{\"code\": \"b\", \"silent\": true}"));
        assertEquals(List.of("iopub:status", "shell:execute_reply", "iopub:status"), types(silent));
        List<Sent> unstored = send(Channel.SHELL, request("execute_request", "{\"code\": \"c\", \"store_history\": false}"));
        assertEquals(1, reply(unstored).get("execution_count").getAsInt());
        List<Sent> third = send(Channel.SHELL, request("execute_request", "{\"code\": \"d\"}"));
        assertEquals(2, reply(third).get("execution_count").getAsInt());
        assertTrue(types(third).contains("iopub:execute_result"));
    }

    @Test
    void errorIsPublishedAndQueuedCellsAreAborted() {
        transport.queueShell(request("execute_request", "{\"code\": \"queued\"}"));
        transport.queueShell(request("kernel_info_request", "{}"));
        List<Sent> sent = send(Channel.SHELL, request("execute_request", "{\"code\": \"fail\"}"));
        JsonObject error = sent.stream().filter(s -> s.message().type().equals("error")).findFirst().orElseThrow().message().content();
        assertEquals("Boom", error.get("ename").getAsString());
        List<JsonObject> replies = sent.stream().filter(s -> s.channel() == Channel.SHELL).map(s -> s.message().content()).toList();
        assertEquals("error", replies.get(0).get("status").getAsString());
        assertEquals("aborted", replies.get(1).get("status").getAsString());
        assertEquals("ok", replies.get(2).get("status").getAsString(), "non-execute requests still run");
        assertEquals("concurrency-lab", replies.get(2).get("implementation").getAsString());
    }

    @Test
    void stopOnErrorFalseRunsQueuedCells() {
        transport.queueShell(request("execute_request", "{\"code\": \"queued\"}"));
        send(Channel.SHELL, request("execute_request", "{\"code\": \"fail\", \"stop_on_error\": false}"));
        assertEquals(1, transport.drainQueuedShell().size(), "left on the socket for the shell loop");
    }

    @Test
    void userExpressionsAreEvaluatedAfterASuccessfulCell() {
        JsonObject reply = reply(send(Channel.SHELL, request("execute_request",
                "{\"code\": \"x\", \"user_expressions\": {\"a\": \"abc\", \"b\": \"fail\"}}")));
        JsonObject expressions = reply.getAsJsonObject("user_expressions");
        assertEquals("ABC", expressions.getAsJsonObject("a").getAsJsonObject("data").get("text/plain").getAsString());
        assertEquals("error", expressions.getAsJsonObject("b").get("status").getAsString());
    }

    @Test
    void payloadsReachTheReply() {
        JsonObject reply = reply(send(Channel.SHELL, request("execute_request", "{\"code\": \"page\"}")));
        assertEquals("page", reply.getAsJsonArray("payload").get(0).getAsJsonObject().get("source").getAsString());
    }

    @Test
    void kernelInfoDescribesJava() {
        JsonObject reply = reply(send(Channel.SHELL, request("kernel_info_request", "{}")));
        assertEquals("5.3", reply.get("protocol_version").getAsString());
        JsonObject language = reply.getAsJsonObject("language_info");
        assertEquals("java", language.get("name").getAsString());
        assertEquals("text/x-java", language.get("mimetype").getAsString());
        assertEquals(".jshell", language.get("file_extension").getAsString());
        assertEquals("ok", reply.get("status").getAsString());
    }

    @Test
    void theBannerSaysPlainlyWhenMessagesAreNotAuthenticated() {
        String banner = reply(send(Channel.SHELL, request("kernel_info_request", "{}"))).get("banner").getAsString();
        assertFalse(banner.contains("not authenticated"), banner);

        InMemoryTransport unsigned = new InMemoryTransport(false);
        Kernel open = new Kernel(unsigned, new ScriptedInterpreter(), History.inMemory(), new JsonObject());
        open.start();
        unsigned.drainSent();
        unsigned.deliver(Channel.SHELL, request("kernel_info_request", "{}"));
        banner = reply(unsigned.drainSent()).get("banner").getAsString();
        assertTrue(banner.contains("empty key") && banner.contains("not authenticated")
                && banner.contains("docs/security.md"), banner);
    }

    @Test
    void historySupportsTailRangeAndSearch() {
        for (String code : List.of("alpha", "beta", "alphabet")) {
            send(Channel.SHELL, request("execute_request", "{\"code\": \"" + code + "\"}"));
        }
        JsonArray tail = reply(send(Channel.SHELL, request("history_request", "{\"hist_access_type\": \"tail\", \"n\": 2}")))
                .getAsJsonArray("history");
        assertEquals("[[1,2,\"beta\"],[1,3,\"alphabet\"]]", tail.toString());
        JsonArray range = reply(send(Channel.SHELL, request("history_request",
                "{\"hist_access_type\": \"range\", \"session\": 0, \"start\": 1, \"stop\": 3}"))).getAsJsonArray("history");
        assertEquals(2, range.size());
        JsonArray search = reply(send(Channel.SHELL, request("history_request",
                "{\"hist_access_type\": \"search\", \"pattern\": \"alpha*\"}"))).getAsJsonArray("history");
        assertEquals(2, search.size());
    }

    @Test
    void editorRequestsConvertCursorsToCodePoints() {
        // "😀" is two UTF-16 units but one code point: cursor 5 (code points) is after "😀abc".
        JsonObject reply = reply(send(Channel.SHELL, request("complete_request", "{\"code\": \"😀abcd\", \"cursor_pos\": 5}")));
        assertEquals(2, reply.get("cursor_start").getAsInt());
        assertEquals(5, reply.get("cursor_end").getAsInt());
        JsonObject isComplete = reply(send(Channel.SHELL, request("is_complete_request", "{\"code\": \"for (;;) {\"}")));
        assertEquals("incomplete", isComplete.get("status").getAsString());
        assertEquals("    ", isComplete.get("indent").getAsString());
        JsonObject inspect = reply(send(Channel.SHELL, request("inspect_request", "{\"code\": \"\", \"cursor_pos\": 0}")));
        assertFalse(inspect.get("found").getAsBoolean());
    }

    @Test
    void controlRequestsAreAnswered() {
        assertEquals("ok", reply(send(Channel.CONTROL, request("interrupt_request", "{}"))).get("status").getAsString());
        assertEquals(1, interpreter.interrupts.get());
        assertEquals(1234, reply(send(Channel.SHELL, request("connect_request", "{}"))).get("shell_port").getAsInt());
        assertEquals(0, reply(send(Channel.SHELL, request("comm_info_request", "{}"))).getAsJsonObject("comms").size());
        JsonObject shutdown = reply(send(Channel.CONTROL, request("shutdown_request", "{\"restart\": true}")));
        assertTrue(shutdown.get("restart").getAsBoolean());
        assertEquals(1, interpreter.shutdowns.get());
    }

    @Test
    void unknownTypesAreIgnoredButStillBusyIdle() {
        assertEquals(List.of("iopub:status", "iopub:status"), types(send(Channel.SHELL, request("frobnicate_request", "{}"))));
    }

    @Test
    void stdinRoundTripAndRefusal() {
        Message request = request("execute_request", "{\"code\": \"input\"}");
        JsonObject answer = new JsonObject();
        answer.addProperty("value", "Ada");
        transport.replyOnStdin(new Message(List.of(), Header.create("input_reply", "c"), request.header().toJson(),
                new JsonObject(), answer, List.of()));
        List<Sent> sent = send(Channel.SHELL, request);
        assertTrue(types(sent).contains("stdin:input_request"));
        JsonObject result = sent.stream().filter(s -> s.message().type().equals("execute_result")).findFirst().orElseThrow().message().content();
        assertEquals("Ada", result.getAsJsonObject("data").get("text/plain").getAsString());

        List<Sent> refused = send(Channel.SHELL, request("execute_request", "{\"code\": \"input\", \"allow_stdin\": false}"));
        JsonObject reply = refused.stream().filter(s -> s.channel() == Channel.SHELL).findFirst().orElseThrow().message().content();
        assertEquals("StdinNotAllowedException", reply.get("ename").getAsString());
        assertTrue(reply.get("evalue").getAsString().contains("allow_stdin"));
    }
}
