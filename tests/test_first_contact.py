#!/usr/bin/python3
"""What a newcomer meets first, end to end through the installed kernel: jars of %classpath in the
%%processes workers, magic bodies that never complete normally, stack traces on cell lines, and the
benchmark scripts' --help.

Run:  /usr/bin/python3 -m unittest tests/test_first_contact.py   (from the repository root; needs the
concurrency-lab kernel installed and javac on PATH or under $JAVA_HOME)
"""
import os
import shutil
import subprocess
import tempfile
import time
import unittest
from pathlib import Path

from test_protocol_extras import iopub_until_idle, plain_result, run_cell, shell_reply, start_kernel

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 120


def shown_text(messages):
    """The plain-text form of every result and display of a cell."""
    return "\n".join(m["content"]["data"].get("text/plain", "") for m in messages
                     if m["msg_type"] in ("execute_result", "display_data"))


def stderr_text(messages):
    return "".join(m["content"]["text"] for m in messages
                   if m["msg_type"] == "stream" and m["content"]["name"] == "stderr")


def javac():
    home = os.environ.get("JAVA_HOME")
    candidate = Path(home, "bin", "javac") if home else None
    return str(candidate) if candidate and candidate.exists() else shutil.which("javac")


class FirstContactTests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.manager, cls.client = start_kernel()

    @classmethod
    def tearDownClass(cls):
        cls.client.stop_channels()
        cls.manager.shutdown_kernel(now=True)

    def run_ok(self, code):
        reply, messages = run_cell(self.client, code, timeout=TIMEOUT)
        self.assertEqual(reply["status"], "ok", f"{code}\n{reply}\n{messages}")
        return messages

    def test_jars_added_with_classpath_reach_the_process_workers(self):
        compiler = javac()
        if compiler is None:
            self.skipTest("no javac")
        with tempfile.TemporaryDirectory() as scratch:
            source = Path(scratch, "src", "extra", "Greeter.java")
            source.parent.mkdir(parents=True)
            source.write_text("package extra;\npublic class Greeter {\n"
                              "    public static String hi(int index) { return \"hi from task \" + index; }\n}\n")
            classes = Path(scratch, "classes")
            subprocess.run([compiler, "-d", str(classes), str(source)], check=True)
            # a pool started before the addition is replaced by one that has the new class path
            self.run_ok("%%processes -n 1 -t 1\nTask.index()")
            self.run_ok(f"%classpath add {classes}")
            messages = self.run_ok("%%processes -n 2 -t 2\nextra.Greeter.hi(Task.index())")
            self.assertIn("Result: [hi from task 0, hi from task 1]", shown_text(messages))

    def test_a_body_that_loops_forever_runs_until_the_interrupt(self):
        msg_id = self.client.execute("%%threads -n 1 -t 1\nlong spins = 0;\nwhile (true) spins++;")
        time.sleep(3)  # compiled and running: a compile error would have ended the cell by now
        self.manager.interrupt_kernel()
        reply = shell_reply(self.client, msg_id, TIMEOUT)
        iopub_until_idle(self.client, msg_id, TIMEOUT)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "Interrupted", reply["content"])
        self.assertIn("2", plain_result(self.run_ok("1 + 1")))

    def test_a_body_ending_in_throw_runs_and_its_trace_names_cell_lines(self):
        messages = self.run_ok("%%serial -t 1\nint n = 7;\nthrow new IllegalStateException(\"odd \" + n);")
        self.assertIn("FAILED: java.lang.IllegalStateException: odd 7", shown_text(messages))
        trace = stderr_text(messages)
        self.assertIn("at (cell line 3)", trace)
        self.assertNotIn("REPL.$JShell$", trace)

    def test_benchmark_scripts_answer_help_without_running(self):
        for script in ("harness", "kernel"):
            with self.subTest(script=script):
                started = time.monotonic()
                result = subprocess.run([str(ROOT / "bench" / script), "--help"], capture_output=True, text=True,
                                        timeout=60)
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertIn("usage", result.stdout.lower())
                self.assertLess(time.monotonic() - started, 30)


if __name__ == "__main__":
    unittest.main()
