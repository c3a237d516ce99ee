package concurrencylab.launch.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JvmCommandTest {

    @Test
    void javaOptionsInOrderThenClassPathMainClassAndArguments() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = JvmCommand.likeThisJvm().headless().option("-XX:+UseSerialGC")
                .options(List.of("-Xmx1g")).systemProperty("stdout.encoding", "UTF-8")
                .main(JvmCommandTest.class, "tcp://127.0.0.1:5555", "processes-1");
        assertEquals(List.of(java, "-Djava.awt.headless=true", "-XX:+UseSerialGC", "-Xmx1g", "-Dstdout.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), JvmCommandTest.class.getName(), "tcp://127.0.0.1:5555",
                "processes-1"), command);
    }

    @Test
    void eachStepIsANewCommand() {
        JvmCommand plain = JvmCommand.likeThisJvm().classPath("a.jar");
        plain.option("-Xmx1g");
        assertEquals(List.of(plain.java(), "-cp", "a.jar", "Main"), plain.main("Main"));
    }

    @Test
    void extraEntriesComeAfterTheClassPath() {
        JvmCommand base = JvmCommand.likeThisJvm().classPath("a.jar");
        String separator = java.io.File.pathSeparator;
        assertEquals(List.of(base.java(), "-cp", "a.jar" + separator + "b.jar" + separator + "classes", "Main"),
                base.appendClassPath(List.of("b.jar", "classes")).main("Main"));
        assertEquals(base.main("Main"), base.appendClassPath(List.of()).main("Main"));
    }

    @Test
    void theNativeHeapTrimIsAnOptionThisJvmAccepts() throws Exception {
        List<String> trim = JvmCommand.nativeHeapTrim();
        if (Runtime.version().feature() >= 22 && System.getProperty("os.name").startsWith("Linux")) {
            assertEquals(List.of("-XX:TrimNativeHeapInterval=1000"), trim);
        }
        // A JVM refuses an option it does not know: the child must start and end normally with it.
        Process child = new ProcessBuilder(JvmCommand.likeThisJvm().trimNativeHeap().option("-version").main("Unused"))
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        assertEquals(0, child.waitFor(), output);
    }
}
