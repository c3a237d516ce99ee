package concurrencylab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {

    @TempDir
    Path dir;

    @Test
    void keptAcrossRestartsInOwnerOnlyFiles() throws Exception {
        Path file = dir.resolve("data").resolve("concurrency-lab").resolve("history.jsonl");
        History first = History.open(file);
        first.add(1, "int x = 1;");
        first.add(2, "x + 1");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));

        History second = History.open(file);
        assertEquals(first.session() + 1, second.session(), "each kernel start is a new session");
        second.add(1, "x * 3");
        assertEquals(List.of(new History.Entry(1, 1, "int x = 1;"), new History.Entry(1, 2, "x + 1")), second.range(-1, 1, 0));
        assertEquals(List.of(new History.Entry(2, 1, "x * 3")), second.range(0, 1, 0));
        assertEquals(2, second.search("x*", 0, false).size(), "glob search: entries starting with x");
        assertEquals(3, second.tail(10).size());
    }

    @Test
    void aCorruptLineIsSkipped() throws Exception {
        Path file = dir.resolve("history.jsonl");
        Files.writeString(file, "{\"session\":1,\"line\":1,\"input\":\"ok\"}\nnot json\n");
        assertEquals(1, History.open(file).tail(10).size());
    }

    @Test
    void anOlderWorldReadableHistoryIsMadeOwnerOnly() throws Exception {
        Path file = dir.resolve("history.jsonl");
        Files.writeString(file, "{\"session\":1,\"line\":1,\"input\":\"secret\"}\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(1, History.open(file).tail(10).size());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aLongHistoryIsCutBackThroughAnOwnerOnlyFile() throws Exception {
        Path file = dir.resolve("history.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i <= 2 * History.KEPT_ENTRIES; i++) {
            lines.append("{\"session\":1,\"line\":").append(i).append(",\"input\":\"x\"}\n");
        }
        Files.writeString(file, lines);
        Path fresh = dir.resolve("history.jsonl.new");
        Files.writeString(fresh, "left behind by a crash");
        Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertEquals(History.KEPT_ENTRIES, History.open(file).tail(Integer.MAX_VALUE).size());
        assertEquals(History.KEPT_ENTRIES, Files.readAllLines(file).size());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(Files.exists(fresh));
    }
}
