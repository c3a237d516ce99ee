#!/usr/bin/python3
"""%%processes as a student meets it, through the installed kernel: notebook variables reach the worker
JVMs as a copy, the pool starts once and outside every run, and a task's failure reads in notebook terms.

Run:  /usr/bin/python3 -m unittest tests/test_processes_state.py   (from the repository root; needs the
concurrency-lab kernel installed)
"""
import re
import unittest

from test_first_contact import shown_text, stderr_text
from test_protocol_extras import plain_result, run_cell, start_kernel, stdout_text

TIMEOUT = 120


class ProcessesStateTests(unittest.TestCase):

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

    def pids(self):
        return plain_result(self.run_ok("concurrencylab.harness.process.WorkerPool.shared().pids()"))

    def test_1_the_pool_starts_once_outside_the_run_and_stays_warm_across_a_redefinition(self):
        self.run_ok("long limit = 2_000_000L;\nlong half(long n) { return n / 2; }")
        first = self.run_ok("%%processes -n 2\nhalf(limit) + Task.index()")
        out = stdout_text(first)
        self.assertRegex(out, r"(?m)^started 2 worker JVMs in [\d.]+ (ms|s)$")
        self.assertIn("Result: [1000000, 1000001]", shown_text(first))
        self.assertIn("state: limit — ", shown_text(first))
        pids = self.pids()
        self.run_ok("long half(long n) { return n / 2 + 1; }")
        second = self.run_ok("%%processes -n 2\nhalf(limit) + Task.index()")
        self.assertNotIn("started", stdout_text(second))
        self.assertIn("Result: [1000001, 1000002]", shown_text(second))
        self.assertEqual(pids, self.pids(), "a redefinition restarted the workers")
        # the wall time of the first run did not include starting the JVMs: it is the run's own
        wall = re.search(r"wall ([\d.]+) (ms|s|µs)", shown_text(first))
        self.assertIsNotNone(wall, shown_text(first))

    def test_2_a_worker_exception_points_at_its_cell_line_and_names_no_harness_code(self):
        messages = self.run_ok("%%processes -n 2 -t 2\nint x = 10;\nint y = Task.index();\nx / y")
        self.assertIn("FAILED: java.lang.ArithmeticException: / by zero", shown_text(messages))
        trace = stderr_text(messages)
        self.assertIn("task 0 failed on processes-", trace)
        self.assertIn("at (cell line 4)", trace)
        for hidden in ("WorkerMain", "reflect", "REPL.$JShell$", "concurrencylab."):
            self.assertNotIn(hidden, trace)

    def test_3_a_null_variable_in_a_worker_is_named_as_the_notebook_names_it(self):
        self.run_ok("String nothing = null;")
        messages = self.run_ok("%%processes -n 1 -t 1\nnothing.length()")
        self.assertIn('because "nothing" is null', shown_text(messages))
        self.assertNotIn("REPL.$JShell$", shown_text(messages) + stderr_text(messages))

    def test_4_a_value_that_cannot_cross_fails_the_cell_in_one_line(self):
        self.run_ok("Thread worker = new Thread(() -> {});")
        reply, messages = run_cell(self.client, "%%processes -n 1 -t 1\nworker.getName()", timeout=TIMEOUT)
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["evalue"], "the notebook variable worker (type java.lang.Thread) cannot be copied to the"
                         " worker JVMs: java.lang.Thread is not Serializable. Make java.lang.Thread implement"
                         " java.io.Serializable, or create the value inside the cell body.")

    def test_5_processes_start_reports_on_its_own_line(self):
        out = stdout_text(self.run_ok("%processes start -n 3"))
        self.assertRegex(out, r"(?m)^started 1 worker JVM in [\d.]+ (ms|s)$", "two workers were warm: one more starts")


if __name__ == "__main__":
    unittest.main()
