package concurrencylab.jshell;

import concurrencylab.core.ExecuteOutcome;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void smoke() throws Exception {
        long t0 = System.nanoTime();
        JShellInterpreter interpreter = new JShellInterpreter(java.util.List.of("-Xmx256m"));
        interpreter.start();
        RecordingCell cell = new RecordingCell();
        ExecuteOutcome o = interpreter.execute("1+1", cell);
        System.out.println("first " + (System.nanoTime() - t0) / 1e6 + " " + o);
        for (int i = 0; i < 30; i++) {
            long t = System.nanoTime();
            o = interpreter.execute("1+1", new RecordingCell());
            if (i % 10 == 9) System.out.println("warm " + (System.nanoTime() - t) / 1e6 + " " + o);
        }
        String[] cells = {"int x = 3;\nint y = x * 2;\ny + 1", "System.out.println(\"hi\"); \"s\"", "int z = ;",
            "int f(int a) {\n  return 10 / a;\n}", "f(0)", "html(\"<b>x</b>\")", "display(\"abc\")",
            "var t = new Thread(() -> { try { Thread.sleep(300); } catch (Exception e) {} System.out.println(\"late\"); }); t.start();",
            "%lsmagic", "%foo", "Math.max?"};
        for (String c : cells) {
            RecordingCell rc = new RecordingCell();
            long t = System.nanoTime();
            o = interpreter.execute(c, rc);
            System.out.println("---- " + c + "\n" + (System.nanoTime() - t) / 1e6 + " ms " + o + "\nout=" + rc.stdout() + " err=" + rc.stderr() + " displays=" + rc.displays() + " payloads=" + rc.payloads());
            if (c.contains("late")) { System.out.println("late arrived: " + rc.awaitStdout("late", 2000)); }
        }
        interpreter.shutdown(false);
    }
}
