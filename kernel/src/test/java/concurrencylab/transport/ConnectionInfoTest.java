package concurrencylab.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionInfoTest {

    @TempDir
    Path dir;

    private static final String GOOD = """
            {"transport": "tcp", "ip": "127.0.0.1", "shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003,
             "control_port": 5004, "hb_port": 5005, "signature_scheme": "hmac-sha256", "key": "abc"}""";

    private String problem(String text) throws IOException {
        Path file = dir.resolve("kernel.json");
        Files.writeString(file, text);
        return assertThrows(InvalidConnectionFileException.class, () -> ConnectionInfo.load(file)).getMessage();
    }

    @Test
    void readsAGoodFile() throws Exception {
        Path file = dir.resolve("kernel.json");
        Files.writeString(file, GOOD);
        ConnectionInfo info = ConnectionInfo.load(file);
        assertEquals("tcp://127.0.0.1:5001", info.endpoint(info.shellPort()));
        assertEquals("abc", info.key());
    }

    @Test
    void namesEachProblemInOneLine() throws IOException {
        assertTrue(assertThrows(InvalidConnectionFileException.class, () -> ConnectionInfo.load(dir.resolve("missing.json")))
                .getMessage().endsWith("no such file"));
        assertTrue(problem("not json {").endsWith("not valid JSON"));
        assertTrue(problem("[1, 2]").endsWith("not a JSON object"));
        assertTrue(problem(GOOD.replace("\"hb_port\": 5005,", "")).endsWith("lacks \"hb_port\""));
        assertTrue(problem(GOOD.replace("\"tcp\"", "\"ipc\"")).contains("transport 'ipc' is not supported"));
        assertTrue(problem(GOOD.replace("5001", "70000")).contains("not a port number"));
        assertTrue(problem(GOOD.replace("\"ip\": \"127.0.0.1\",", "")).endsWith("lacks \"ip\""));
    }
}
