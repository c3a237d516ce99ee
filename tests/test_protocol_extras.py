"""Protocol behaviour the conformance suite does not cover: shutdown, interrupt, stdin,
connect/comm_info replies, signature checking and a bad connection file."""

import hashlib
import hmac
import json
import os
import queue
import subprocess
import tempfile
import time
import unittest
import uuid

import zmq
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import start_new_kernel

import proctree

KERNEL_NAME = "concurrency-lab"
TIMEOUT = 30


def start_kernel():
    return start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=60)


def kernel_pid(manager):
    return manager.provisioner.process.pid


def shell_reply(client, msg_id, timeout=TIMEOUT):
    """The reply to msg_id, passing over replies to earlier requests."""
    deadline = time.monotonic() + timeout
    while True:
        reply = client.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def run_cell(client, code, timeout=TIMEOUT, **options):
    """Executes code; returns (reply content, iopub messages of that cell up to idle)."""
    msg_id = client.execute(code, **options)
    reply = shell_reply(client, msg_id, timeout)
    return reply["content"], iopub_until_idle(client, msg_id, timeout)


def iopub_until_idle(client, msg_id, timeout=TIMEOUT):
    messages = []
    deadline = time.monotonic() + timeout
    while True:
        msg = client.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return messages
        messages.append(msg)


def plain_result(messages):
    for msg in messages:
        if msg["msg_type"] == "execute_result":
            return msg["content"]["data"]["text/plain"]
    return None


def stdout_text(messages):
    return "".join(m["content"]["text"] for m in messages
                   if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")


class SharedKernelTests(unittest.TestCase):
    """Tests that can share one kernel."""

    @classmethod
    def setUpClass(cls):
        cls.manager, cls.client = start_kernel()

    @classmethod
    def tearDownClass(cls):
        cls.client.stop_channels()
        cls.manager.shutdown_kernel(now=False)

    def test_interrupt_stops_a_tight_loop_and_frees_the_core(self):
        # How fast is a figure (bench/kernel); what is tested is that the loop stops without a kill.
        msg_id = self.client.execute('System.out.println("looping");\nwhile (true) {}')
        self._wait_for_stdout(msg_id, "looping")
        self.manager.interrupt_kernel()
        reply = shell_reply(self.client, msg_id)
        iopub_until_idle(self.client, msg_id)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "Interrupted")
        self.assertNotIn("was killed", reply["content"]["evalue"])

        busy = proctree.busy_cores_once_settled(lambda: proctree.tree(kernel_pid(self.manager)),
                                                threshold=0.3, bound_seconds=30)
        self.assertLess(busy, 0.3, f"{busy:.2f} cores still busy after the interrupt")
        content, messages = run_cell(self.client, "1 + 1")
        self.assertEqual(content["status"], "ok")
        self.assertEqual(plain_result(messages), "2")

    def _wait_for_stdout(self, msg_id, text):
        while True:
            msg = self.client.get_iopub_msg(timeout=TIMEOUT)
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream"
                    and text in msg["content"]["text"]):
                return

    def test_stdin_read_prompts_the_client_and_gets_its_answer(self):
        code = 'String typed = new java.util.Scanner(System.in).nextLine();\n"got " + typed'
        msg_id = self.client.execute(code, allow_stdin=True)
        request = self.client.get_stdin_msg(timeout=TIMEOUT)
        self.assertEqual(request["msg_type"], "input_request")
        self.assertEqual(request["parent_header"]["msg_id"], msg_id)
        self.client.input("forty-two")
        reply = shell_reply(self.client, msg_id)
        messages = iopub_until_idle(self.client, msg_id)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        self.assertEqual(plain_result(messages), '"got forty-two"')

    def test_stdin_read_without_allow_stdin_fails_with_a_clear_error(self):
        content, messages = run_cell(
            self.client, "new java.util.Scanner(System.in).nextLine()", allow_stdin=False)
        self.assertEqual(content["status"], "error")
        errors = [m for m in messages if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1)
        self.assertIn("stdin", json.dumps(errors[0]["content"]).lower())

    def test_connect_request_replies_with_the_ports_and_status_ok(self):
        msg = self.client.session.msg("connect_request", {})
        self.client.shell_channel.send(msg)
        reply = shell_reply(self.client, msg["header"]["msg_id"])
        self.assertEqual(reply["msg_type"], "connect_reply")
        self.assertEqual(reply["content"]["status"], "ok")
        info = self.manager.get_connection_info()
        for channel in ("shell", "iopub", "stdin", "hb", "control"):
            self.assertEqual(reply["content"][f"{channel}_port"], info[f"{channel}_port"], channel)

    def test_comm_info_replies_with_status_ok(self):
        reply = shell_reply(self.client, self.client.comm_info())
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertIsInstance(reply["content"]["comms"], dict)

    def test_messages_with_a_wrong_or_missing_signature_are_never_executed(self):
        info = self.manager.get_connection_info()
        key = info["key"].encode() if isinstance(info["key"], str) else info["key"]
        context = zmq.Context.instance()
        shell = context.socket(zmq.DEALER)
        shell.linger = 0
        shell.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
        try:
            def frames(code, signature):
                header = json.dumps({
                    "msg_id": uuid.uuid4().hex, "session": uuid.uuid4().hex, "username": "forger",
                    "date": "2024-01-01T00:00:00.000000Z", "msg_type": "execute_request", "version": "5.3",
                }).encode()
                parts = [header, b"{}", b"{}", json.dumps({
                    "code": code, "silent": False, "store_history": True, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True}).encode()]
                if signature is None:
                    signer = hmac.new(key, digestmod=hashlib.sha256)
                    for part in parts:
                        signer.update(part)
                    signature = signer.hexdigest().encode()
                return [b"<IDS|MSG>", signature] + parts

            shell.send_multipart(frames("int forgedWrongSignature = 1;", b"0" * 64))
            shell.send_multipart(frames("int forgedNoSignature = 1;", b""))
            self.assertEqual(shell.poll(1500), 0, "a forged message got a reply")

            # The same socket with a correct signature is answered: the forgeries were well formed.
            shell.send_multipart(frames("int properlySigned = 1;", None))
            self.assertNotEqual(shell.poll(TIMEOUT * 1000), 0, "a correctly signed message got no reply")
        finally:
            shell.close()

        for name in ("forgedWrongSignature", "forgedNoSignature"):
            content, _ = run_cell(self.client, name, stop_on_error=False)
            self.assertEqual(content["status"], "error", f"{name} exists: a forged cell ran")
            self.assertIn(name, json.dumps(content))
        content, messages = run_cell(self.client, "properlySigned")
        self.assertEqual(plain_result(messages), "1")


class ShutdownTest(unittest.TestCase):

    def test_shutdown_request_ends_the_kernel_and_every_process_it_started(self):
        manager, client = start_kernel()
        try:
            content, _ = run_cell(client, "1 + 1")
            self.assertEqual(content["status"], "ok")
            pids = proctree.tree(kernel_pid(manager))
            started = time.monotonic()
            msg_id = client.shutdown()  # jupyter_client sends it on the control channel
            reply = client.get_control_msg(timeout=TIMEOUT)
            self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
            self.assertEqual(reply["msg_type"], "shutdown_reply")
            self.assertEqual(reply["content"]["status"], "ok")
            manager.provisioner.process.wait(timeout=30)
            deadline = started + 30
            while any(proctree.alive(pid) for pid in pids) and time.monotonic() < deadline:
                time.sleep(0.05)
            left = [pid for pid in pids if proctree.alive(pid)]
            self.assertEqual(left, [], "processes left behind after shutdown")
        finally:
            client.stop_channels()
            if manager.is_alive():
                manager.shutdown_kernel(now=True)
            manager.cleanup_resources()


class ConnectionFileTest(unittest.TestCase):
    """A kernel started with a bad connection file exits non-zero with a one-line reason."""

    def run_kernel(self, connection_file):
        spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
        argv = [connection_file if arg == "{connection_file}" else arg for arg in spec.argv]
        return subprocess.run(argv, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)

    def assert_one_line_reason(self, result, *words):
        self.assertNotEqual(result.returncode, 0)
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        self.assertEqual(len(lines), 1, f"expected one line on stderr, got:\n{result.stderr}")
        for word in words:
            self.assertIn(word, lines[0])

    def test_missing_file(self):
        path = os.path.join(tempfile.gettempdir(), f"no-such-kernel-{uuid.uuid4().hex}.json")
        self.assert_one_line_reason(self.run_kernel(path), path)

    def test_file_that_is_not_json(self):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            f.write("this is not json")
        try:
            self.assert_one_line_reason(self.run_kernel(f.name), f.name)
        finally:
            os.unlink(f.name)

    def test_file_without_ports(self):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump({"transport": "tcp", "ip": "127.0.0.1", "key": "k", "signature_scheme": "hmac-sha256"}, f)
        try:
            self.assert_one_line_reason(self.run_kernel(f.name), "port")
        finally:
            os.unlink(f.name)


if __name__ == "__main__":
    unittest.main()
