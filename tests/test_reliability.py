"""Reliability rows that need a real Jupyter client: two clients on one kernel, a client restart
and a shutdown while a cell runs, restarts requested over and over. Figures are printed as
`RELIABILITY | row | figure` lines for docs/reliability.md."""

import os
import signal
import subprocess
import sys
import textwrap
import time
import unittest

from jupyter_client.blocking import BlockingKernelClient
from jupyter_client.manager import start_new_kernel

import proctree
from test_protocol_extras import KERNEL_NAME, TIMEOUT, iopub_until_idle, kernel_pid, plain_result, run_cell, shell_reply


def report(row, figure):
    print(f"RELIABILITY | {row} | {figure}", flush=True)


def wait_for_iopub(client):
    """After a restart the client's iopub subscription reconnects on its own time; until it has,
    the kernel's messages are lost to it (ZeroMQ's slow joiner). Runs cells until one is seen."""
    from queue import Empty
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        msg_id = client.execute("1")
        try:
            iopub_until_idle(client, msg_id, timeout=2)
            shell_reply(client, msg_id)
            return
        except Empty:
            continue
    raise AssertionError("iopub never came back after the restart")


def wait_until_running(client, msg_id):
    """Waits for the cell's execute_input: the kernel has started it."""
    while True:
        msg = client.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
            return


class ReliabilityTests(unittest.TestCase):

    def setUp(self):
        self.manager, self.client = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=60)

    def tearDown(self):
        self.client.stop_channels()
        if self.manager.is_alive():
            self.manager.shutdown_kernel(now=True)

    def test_two_clients_both_see_iopub(self):
        second = BlockingKernelClient(connection_file=self.manager.connection_file)
        second.load_connection_file()
        second.start_channels()
        try:
            second.wait_for_ready(timeout=TIMEOUT)
            msg_id = self.client.execute('System.out.println("to everyone")')
            shell_reply(self.client, msg_id)
            seen_by_second = iopub_until_idle(second, msg_id)
            text = "".join(m["content"]["text"] for m in seen_by_second if m["msg_type"] == "stream")
            self.assertEqual(text, "to everyone\n")
            # and the other way round: a cell from the second client reaches the first
            other = second.execute("6 * 7")
            shell_reply(second, other)
            self.assertEqual(plain_result(iopub_until_idle(self.client, other)), "42")
            report("two clients at once", "both saw the other's stream and result on iopub")
        finally:
            second.stop_channels()

    def test_restart_while_a_cell_runs(self):
        old_tree = proctree.tree(kernel_pid(self.manager))
        msg_id = self.client.execute("while (true) { }")
        wait_until_running(self.client, msg_id)
        started = time.monotonic()
        self.manager.restart_kernel(now=False)
        self.client.wait_for_ready(timeout=TIMEOUT)
        wait_for_iopub(self.client)
        content, messages = run_cell(self.client, "1 + 1")
        elapsed = time.monotonic() - started
        self.assertEqual(plain_result(messages), "2")
        left = [pid for pid in old_tree if proctree.alive(pid)]
        self.assertEqual(left, [], "the old kernel's processes ended")
        report("restart_kernel while a cell runs", f"new kernel answered 1+1 after {elapsed * 1000:.0f} ms; "
               f"{len(old_tree)} old processes all gone")

    def test_shutdown_while_a_cell_runs(self):
        tree = proctree.tree(kernel_pid(self.manager))
        msg_id = self.client.execute("Thread.sleep(600_000)")
        wait_until_running(self.client, msg_id)
        started = time.monotonic()
        self.manager.shutdown_kernel(now=False)
        elapsed = time.monotonic() - started
        deadline = time.monotonic() + 30
        while any(proctree.alive(pid) for pid in tree) and time.monotonic() < deadline:
            time.sleep(0.05)
        left = [pid for pid in tree if proctree.alive(pid)]
        self.assertEqual(left, [], "no process left behind")
        report("shutdown while a cell runs", f"shutdown_kernel returned after {elapsed * 1000:.0f} ms; "
               f"{len(tree)} processes, none left")

    def test_interrupts_and_restarts_over_and_over(self):
        rounds = int(os.environ.get("CONCURRENCY_LAB_RESTART_ROUNDS", "50"))
        slowest = 0.0
        for i in range(rounds):
            msg_id = self.client.execute("while (true) { }")
            wait_until_running(self.client, msg_id)
            if i % 2 == 0:
                started = time.monotonic()
                self.manager.interrupt_kernel()
                shell_reply(self.client, msg_id)
                slowest = max(slowest, time.monotonic() - started)
            else:
                self.manager.restart_kernel(now=False)
                self.client.wait_for_ready(timeout=TIMEOUT)
                wait_for_iopub(self.client)
        content, messages = run_cell(self.client, "1 + 1")
        self.assertEqual(plain_result(messages), "2")
        report(f"{rounds} interrupts and restarts while cells run",
               f"all answered; slowest interrupt {slowest * 1000:.0f} ms; kernel healthy after")


class OrphanedKernelTest(unittest.TestCase):
    """A Jupyter client killed with SIGKILL cannot shut its kernel down: the kernel must notice and end."""

    def test_kernel_ends_when_the_process_that_started_it_is_killed(self):
        starter = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from jupyter_client.manager import start_new_kernel
            manager, client = start_new_kernel(kernel_name="{KERNEL_NAME}", startup_timeout=60)
            client.execute("1 + 1")
            client.get_shell_msg(timeout=60)
            print("kernel-pid", manager.provisioner.process.pid, flush=True)
            time.sleep(600)
            """)], stdout=subprocess.PIPE, text=True)
        try:
            line = starter.stdout.readline()
            while line and not line.startswith("kernel-pid"):
                line = starter.stdout.readline()
            kernel = int(line.split()[1])
            tree = proctree.tree(kernel)
            self.assertGreaterEqual(len(tree), 2, "kernel and runtime JVM")
            starter.send_signal(signal.SIGKILL)
            starter.wait()  # reaped, as a shell or service manager would: a zombie still counts as alive
            started = time.monotonic()
            while any(proctree.alive(pid) for pid in tree) and time.monotonic() - started < 30:
                time.sleep(0.05)
            left = [pid for pid in tree if proctree.alive(pid)]
            self.assertEqual(left, [], "kernel and runtime end with their parent")
            report("Jupyter client SIGKILLed", f"kernel and runtime ended {1000 * (time.monotonic() - started):.0f} ms later")
        finally:
            starter.kill()
            starter.wait()


if __name__ == "__main__":
    unittest.main()
