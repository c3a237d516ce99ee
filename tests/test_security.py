"""Safe on a shared machine (docs/security.md): no other local user can reach the runtime or the worker
JVMs, inject output, hang a cell, read thread dumps or history, or grow the kernel's memory with
oversized frames.

As root (CI) this creates two Unix users, runs the kernel as one of them (the student, through a
kernelspec whose launcher drops to that user, as JupyterHub's spawners do) and every attack as the
other: a real second user, with no privileges over the student. Elsewhere it says so and runs the
single-user checks only: bounded memory under oversized frames, no secret on a command line, no
runtime link on TCP, thread dumps in owner-only directories (CONCURRENCY_LAB_SINGLE_USER=1 asks for
that mode as root too).
"""

import json
import os
import pwd
import shlex
import shutil
import stat
import subprocess
import sys
import tempfile
import textwrap
import time
import unittest

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

import proctree
from test_protocol_extras import KERNEL_NAME, run_cell, stdout_text
from test_reliability import wait_for_iopub

STUDENT = "cl-student"
ATTACKER = "cl-attacker"
STUDENT_KERNEL = "concurrency-lab-as-student"
CELL_TIMEOUT = 90
PROCESSES_CELL = '%%processes -n 2 -t 4\n"task " + Task.index() + " of " + Task.count()'

STATE = {}


def two_users_possible():
    """Why the two-user checks cannot run here, or None when they can."""
    if os.environ.get("CONCURRENCY_LAB_SINGLE_USER"):
        return "CONCURRENCY_LAB_SINGLE_USER is set"
    if os.geteuid() != 0:
        return "not root, so no second Unix user can be created"
    for tool in ("useradd", "usermod", "userdel", "setpriv"):
        if shutil.which(tool) is None:
            return f"no {tool} here"
    # The student's kernel runs the jar of this checkout: every folder above it must let others in.
    here = os.path.dirname(os.path.abspath(__file__))
    while True:
        if not os.stat(here).st_mode & 0o001:
            return f"{here} is closed to other users, so a second user cannot run this checkout's jar"
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def ensure_user(name, home):
    """Creates the user (True) or points an existing one, left by an earlier run, at `home` (False). The
    JVM takes user.home from the password database, not from $HOME."""
    try:
        pwd.getpwnam(name)
        subprocess.run(["usermod", "--home", home, name], check=True)
        return False
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--home-dir", home,
                        "--shell", "/usr/sbin/nologin", name], check=True)
        return True


def as_user(user, command):
    """The command run as `user`, with a clean environment: no root privilege left, no inherited secrets."""
    return ["setpriv", f"--reuid={user}", f"--regid={user}", "--init-groups",
            "env", "-i", "PATH=/usr/bin:/bin", "LANG=C.UTF-8", f"HOME={STATE['base']}/home/{user}"] + command


def setUpModule():
    STATE["why_single"] = two_users_possible()
    STATE["base"] = base = tempfile.mkdtemp(prefix="concurrency-lab-security-")
    os.chmod(base, 0o755)
    STATE["created_users"] = []
    if STATE["why_single"] is not None:
        print(f"\ntest_security: {STATE['why_single']}: running the single-user checks only", file=sys.stderr)
        STATE["kernel_name"] = KERNEL_NAME
        return
    for user in (STUDENT, ATTACKER):
        home = os.path.join(base, "home", user)
        if ensure_user(user, home):
            STATE["created_users"].append(user)
        os.makedirs(home)
        shutil.chown(home, user, user)
        os.chmod(home, 0o755)  # a common default: the files' own modes must keep others out
    student_home = os.path.join(base, "home", STUDENT)
    # Directories other tools made world-readable, and a history an older version wrote with the umask:
    # the kernel must not rely on its parents' modes.
    for directory in (".local", ".local/share", ".local/share/jupyter", ".local/share/jupyter/concurrency-lab", ".cache"):
        path = os.path.join(student_home, directory)
        os.makedirs(path, exist_ok=True)
        os.chmod(path, 0o755)
        shutil.chown(path, STUDENT, STUDENT)
    history = os.path.join(student_home, ".local/share/jupyter/concurrency-lab/history.jsonl")
    with open(history, "w") as f:
        f.write('{"session": 1, "line": 1, "input": "String password = \\"hunter2\\";"}\n')
    os.chmod(history, 0o644)
    shutil.chown(history, STUDENT, STUDENT)
    STATE["history"] = history
    install_student_kernelspec(base, student_home)
    STATE["kernel_name"] = STUDENT_KERNEL


def install_student_kernelspec(base, student_home):
    """A kernelspec that runs the installed kernel's own argv as the student: the connection file Jupyter
    wrote (0600, ours) is copied to the student first, as a spawner hands it over."""
    spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
    argv = list(spec.argv)
    jar_index = argv.index("-jar") + 1
    jar = os.path.join(base, "concurrency-lab.jar")  # readable by the student wherever the build is
    shutil.copy(argv[jar_index], jar)
    os.chmod(jar, 0o644)
    argv[jar_index] = jar
    command = " ".join('"$own"' if arg == "{connection_file}" else shlex.quote(arg) for arg in argv)
    launcher = os.path.join(base, "launch-as-student")
    with open(launcher, "w") as f:
        f.write(textwrap.dedent(f"""\
            #!/bin/sh
            set -e
            own={shlex.quote(student_home)}/connection-$$.json
            cp "$1" "$own"
            chown {STUDENT}:{STUDENT} "$own"
            chmod 600 "$own"
            exec {" ".join(shlex.quote(a) for a in as_user(STUDENT, []))} {command}
            """))
    os.chmod(launcher, 0o755)
    kernels = os.path.join(base, "share", "jupyter", "kernels", STUDENT_KERNEL)
    os.makedirs(kernels)
    with open(os.path.join(kernels, "kernel.json"), "w") as f:
        json.dump({"argv": [launcher, "{connection_file}"], "display_name": "Concurrency Lab as a student",
                   "language": "java", "interrupt_mode": "message"}, f)
    os.environ["JUPYTER_PATH"] = os.path.join(base, "share", "jupyter") + os.pathsep + os.environ.get("JUPYTER_PATH", "")


def tearDownModule():
    for user in STATE.get("created_users", []):
        subprocess.run(["userdel", user], check=False)
    shutil.rmtree(STATE["base"], ignore_errors=True)


# What the attacker runs, as another Unix user: plain Python, pyzmq, and what /proc shows every user.
ATTACK_LIBRARY = r'''
import json, os, socket, struct, sys, time

def listening_ports(uid):
    """Loopback TCP ports the given user listens on: /proc/net/tcp shows every socket's owner."""
    ports = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = open(table).read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if fields[3] == "0A" and int(fields[7]) == uid:
                ports.add(int(fields[1].split(":")[1], 16))
    return sorted(ports)

def unix_paths(marker):
    paths = set()
    for line in open("/proc/net/unix").read().splitlines()[1:]:
        fields = line.split()
        if len(fields) >= 8 and marker in fields[7]:
            paths.add(fields[7])
    return paths

def greeting(mechanism="NULL"):
    g = bytearray(64)
    g[0] = 0xFF; g[9] = 0x7F; g[10] = 3
    g[12:12 + len(mechanism)] = mechanism.encode()
    return bytes(g)

def ready(socket_type):
    body = b"\x05READY" + bytes([11]) + b"Socket-Type" + struct.pack(">I", len(socket_type)) + socket_type.encode()
    return bytes([0x04, len(body)]) + body

def announce(port, socket_type, size, payload=1 << 20):
    """Greeting, READY, then a frame header announcing `size` bytes and some of them."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
            s.sendall(greeting())
            s.sendall(ready(socket_type))
            s.sendall(b"\x02" + struct.pack(">Q", size))
            s.sendall(bytes(payload))
            while s.recv(65536):
                pass
    except OSError:
        pass
'''


def attacker(code, *args):
    """Starts `code` as the attacker (in the background); its last stdout line is a JSON report."""
    script = ATTACK_LIBRARY + textwrap.dedent(code)
    command = ["/usr/bin/python3", "-c", script] + [str(a) for a in args]
    if STATE["why_single"] is None:
        command = as_user(ATTACKER, command)
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True)


def report(process, timeout=120):
    out, _ = process.communicate(timeout=timeout)
    return json.loads(out.strip().splitlines()[-1])


def two_users(test):
    """Marks a test that needs the attacker to be another Unix user."""
    test.two_users = True
    return test


class SharedMachineTest(unittest.TestCase):

    def setUp(self):
        if getattr(getattr(self, self._testMethodName), "two_users", False) and STATE["why_single"] is not None:
            self.skipTest(f"{STATE['why_single']}: this attack needs a second Unix user")
        self.manager = KernelManager(kernel_name=STATE["kernel_name"])
        self.manager.start_kernel()
        self.client = self.manager.client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=90)
        self.student_uid = os.stat(f"/proc/{self.kernel_pid()}").st_uid

    def tearDown(self):
        self.client.stop_channels()
        if self.manager.is_alive():
            self.manager.shutdown_kernel(now=False)

    def kernel_pid(self):
        return self.manager.provisioner.process.pid

    def processes(self):
        """pid -> command line of the kernel and every process below it (runtime, workers)."""
        found = {}
        for pid in proctree.tree(self.kernel_pid()):
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    found[pid] = [a.decode() for a in f.read().split(b"\0") if a]
            except OSError:
                pass
        return found

    def runtime_pid(self):
        return next(pid for pid, argv in self.processes().items() if "concurrencylab.agent.RuntimeMain" in argv)

    def cell(self, code, timeout=CELL_TIMEOUT):
        reply, messages = run_cell(self.client, code, timeout=timeout)
        self.assertEqual(reply["status"], "ok", reply)
        return messages

    def assert_only_own_output(self, messages, expected_stdout):
        kinds = sorted({m["msg_type"] for m in messages} - {"status"})
        self.assertEqual(kinds, ["execute_input", "stream"], f"something else reached the notebook: {messages}")
        self.assertEqual(stdout_text(messages), expected_stdout)

    def assert_processes_cell_ran_its_own_tasks(self):
        text = json.dumps([m["content"] for m in self.cell(PROCESSES_CELL)])
        for index in range(4):
            self.assertIn(f"task {index} of 4", text)
        self.assertNotIn("forged", text)

    # --- the runtime link ---

    @two_users
    def test_another_user_cannot_connect_to_the_runtime_link_at_any_start(self):
        """The attacker polls the socket tables through a kernel restart and an interrupt that replaces
        the runtime: it sees the runtime link's path, every connect is refused, and the old race (first
        connection to a new loopback port wins) has nothing to win."""
        spy = attacker('''
            uid, seconds = int(sys.argv[1]), float(sys.argv[2])
            seen, refused, gone, connected, dirs_listed, dirs_denied = set(), 0, 0, 0, 0, 0
            tried, held = set(), []
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                for path in unix_paths("concurrency-lab"):
                    seen.add(path)
                    s = socket.socket(socket.AF_UNIX)
                    s.settimeout(0.5)
                    try:
                        s.connect(path)
                        connected += 1
                        s.sendall(b"J" * 33)
                        held.append(s)
                    except PermissionError:
                        refused += 1
                    except (FileNotFoundError, ConnectionRefusedError):
                        gone += 1
                for name in os.listdir("/tmp"):
                    if name.startswith("concurrency-lab-") and name[len("concurrency-lab-"):].isdigit():
                        try:
                            os.listdir("/tmp/" + name)
                            dirs_listed += 1
                        except PermissionError:
                            dirs_denied += 1
                        except OSError:
                            pass
                for port in listening_ports(uid):
                    if port not in tried:
                        tried.add(port)
                        for kind in (b"J", b"E"):
                            try:
                                s = socket.create_connection(("127.0.0.1", port), timeout=1)
                                s.sendall(kind)
                                held.append(s)  # and stays silent
                            except OSError:
                                pass
                time.sleep(0.002)
            print(json.dumps({"seen": sorted(seen), "refused": refused, "gone": gone, "connected": connected,
                              "dirs_listed": dirs_listed, "dirs_denied": dirs_denied, "tcp_ports_tried": len(tried)}))
        ''', self.student_uid, 40)
        time.sleep(1)
        self.manager.restart_kernel(now=False)
        self.client.wait_for_ready(timeout=90)
        wait_for_iopub(self.client)
        self.assert_only_own_output(self.cell('System.out.println("after restart " + 6 * 7)'), "after restart 42\n")
        # a loop inside JDK code: the interrupt ends in a new runtime JVM (the spare)
        msg_id = self.client.execute("java.util.stream.LongStream.range(0, Long.MAX_VALUE).sum()")
        time.sleep(3)
        self.manager.interrupt_kernel()
        deadline = time.monotonic() + CELL_TIMEOUT
        while True:
            reply = self.client.get_shell_msg(timeout=max(1, deadline - time.monotonic()))
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        self.assert_only_own_output(self.cell('System.out.println("after interrupt " + 6 * 7)'), "after interrupt 42\n")
        found = report(spy)
        print(f"\nSECURITY | runtime link | attacker saw {len(found['seen'])} link path(s); connects refused "
              f"{found['refused']}x, path gone {found['gone']}x, connected {found['connected']}x; "
              f"link dirs denied {found['dirs_denied']}x; {found['tcp_ports_tried']} student TCP ports tried", flush=True)
        self.assertEqual(found["connected"], 0, found)
        self.assertEqual(found["dirs_listed"], 0, found)
        self.assertTrue(found["seen"], f"the attacker never saw the runtime link, so this test proved nothing: {found}")
        self.assertGreater(found["refused"] + found["gone"], 0, found)
        self.assert_only_own_output(self.cell('System.out.println("still " + 6 * 7)'), "still 42\n")

    # --- the worker pool ---

    @two_users
    def test_another_user_cannot_join_the_worker_pool_forge_results_or_hang_a_cell(self):
        self.assert_processes_cell_ran_its_own_tasks()  # the pool is up
        intruder = attacker('''
            import zmq
            uid, seconds = int(sys.argv[1]), float(sys.argv[2])
            context = zmq.Context()
            sockets = []
            for port in listening_ports(uid):
                for identity in (b"processes-1", b"processes-2", b"processes-3", b"processes-9", b"!1"):
                    s = context.socket(zmq.DEALER)
                    s.setsockopt(zmq.IDENTITY, identity)
                    s.setsockopt(zmq.LINGER, 0)
                    s.connect(f"tcp://127.0.0.1:{port}")
                    s.send_multipart([b"forged", b"forged", b"forged"])  # three parts
                    s.send(b"processes-1")  # a death notice
                    sockets.append(s)
                announce(port, "DEALER", 2 << 30)  # a 2 GiB frame
            poller = zmq.Poller()
            for s in sockets:
                poller.register(s, zmq.POLLIN)
            received = []
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                for s, _ in poller.poll(200):
                    received.append(len(b"".join(s.recv_multipart())))
            print(json.dumps({"sockets": len(sockets), "received": received}))
        ''', self.student_uid, 30)
        time.sleep(3)
        started = time.monotonic()
        self.assert_processes_cell_ran_its_own_tasks()
        self.assert_processes_cell_ran_its_own_tasks()
        found = report(intruder)
        print(f"\nSECURITY | worker pool | {found['sockets']} stranger sockets got {len(found['received'])} messages; "
              f"two %%processes cells finished in {time.monotonic() - started:.1f} s", flush=True)
        self.assertEqual(found["received"], [], "a stranger received messages meant for workers")
        self.assert_only_own_output(self.cell('System.out.println("fine")'), "fine\n")

    # --- all sockets ---

    def test_oversized_frames_on_every_socket_leave_the_kernel_serving_with_bounded_memory(self):
        self.assert_processes_cell_ran_its_own_tasks()  # the pool's socket too
        kernel, runtime = self.kernel_pid(), self.runtime_pid()
        before = {pid: proctree.rss_bytes([pid]) for pid in (kernel, runtime)}
        ports = listening_tcp_ports(kernel) | listening_tcp_ports(runtime)
        flood = attacker('''
            ports = [int(p) for p in sys.argv[1:]]
            for port in ports:
                for socket_type in ("DEALER", "REQ", "SUB"):
                    announce(port, socket_type, 2 << 30, payload=4 << 20)
                    announce(port, socket_type, 500 << 20, payload=4 << 20)
            print(json.dumps({"ports": ports}))
        ''', *sorted(ports))
        found = report(flood, timeout=300)
        time.sleep(2)
        after = {pid: proctree.rss_bytes([pid]) for pid in (kernel, runtime)}
        grown = {pid: (after[pid] - before[pid]) >> 20 for pid in before}
        print(f"\nSECURITY | oversized frames | {len(found['ports'])} ports, 2 GiB and 500 MB announced as three socket"
              f" types each; kernel {before[kernel] >> 20} -> {after[kernel] >> 20} MiB, runtime"
              f" {before[runtime] >> 20} -> {after[runtime] >> 20} MiB", flush=True)
        self.assertGreaterEqual(len(found["ports"]), 6, f"the five Jupyter ports and the pool's: {found}")
        for pid, mib in grown.items():
            self.assertLess(mib, 100, f"process {pid} grew by {mib} MiB")
        self.client.kernel_info()
        self.assert_only_own_output(self.cell('System.out.println("served")'), "served\n")
        self.assert_processes_cell_ran_its_own_tasks()

    # --- files ---

    def test_thread_dumps_and_history_stay_private(self):
        watcher = attacker('''
            seconds, history = float(sys.argv[1]), sys.argv[2]
            entries, read, denied = set(), [], 0
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                for name in os.listdir("/tmp"):
                    if not name.startswith("concurrency-lab") or name.startswith("concurrency-lab-security"):
                        continue  # (the test's own directory holds nothing of the kernel's)
                    path = "/tmp/" + name
                    try:
                        st = os.lstat(path)
                        entries.add((name, "dir" if os.path.isdir(path) else "file", oct(st.st_mode & 0o777), st.st_uid))
                    except OSError:
                        continue
                    try:
                        if os.path.isdir(path):
                            for inner in os.listdir(path):
                                with open(os.path.join(path, inner), "rb") as f:
                                    read.append((name + "/" + inner, len(f.read()), st.st_uid))
                        else:
                            with open(path, "rb") as f:
                                read.append((name, len(f.read()), st.st_uid))
                    except PermissionError:
                        denied += 1
                    except OSError:
                        pass
                time.sleep(0.001)
            history_read = None
            try:
                with open(history) as f:
                    history_read = f.read()
            except OSError as e:
                history_read = type(e).__name__
            print(json.dumps({"entries": sorted(entries), "read": read, "denied": denied, "history": history_read}))
        ''', 25, STATE.get("history", "/nonexistent"))
        time.sleep(1)
        self.cell("var sleepers = new java.util.ArrayList<Thread>();\n"
                  "for (int i = 0; i < 50; i++) sleepers.add(Thread.startVirtualThread(() -> {"
                  " try { Thread.sleep(60_000); } catch (InterruptedException e) { } }));")
        for _ in range(15):
            self.cell("%threads")
        self.cell('String secret = "hunter3";')
        found = report(watcher)
        # the kernel's own: by owner where it runs as a user of its own, by name otherwise (other kernels
        # of the same user may run beside this test)
        if STATE["why_single"] is None:
            own_dumps = [e for e in found["entries"] if e[0].startswith("concurrency-lab-threads") and e[3] == self.student_uid]
        else:
            own_dumps = [e for e in found["entries"] if e[0].startswith("concurrency-lab-threads-")]
        print(f"\nSECURITY | files | /tmp entries seen {len(found['entries'])} ({len(own_dumps)} thread-dump dirs),"
              f" files read {len(found['read'])}, denied {found['denied']}x; history: {found['history']}", flush=True)
        self.assertTrue(own_dumps, f"no thread dump was seen, so this test proved nothing: {found['entries']}")
        self.assertEqual({(kind, mode) for _, kind, mode, _ in own_dumps}, {("dir", "0o700")},
                         f"thread dumps only ever in owner-only directories: {own_dumps}")
        if STATE["why_single"] is None:
            self.assertEqual([r for r in found["read"] if r[2] == self.student_uid], [], "another user read the student's files")
            self.assertEqual(found["history"], "PermissionError")
            history = STATE["history"]
            self.assertEqual(stat.S_IMODE(os.stat(history).st_mode), 0o600, "history left readable")
            with open(history) as f:
                self.assertIn("hunter3", f.read(), "the history file the kernel writes")
            cache = os.path.join(STATE["base"], "home", STUDENT, ".cache", "concurrency-lab")
            self.assertEqual(stat.S_IMODE(os.stat(cache).st_mode), 0o700, "the class-data cache dir")
            self.assertEqual(os.stat(cache).st_uid, self.student_uid, "the cache dir is the student's own")

    # --- single-user checks ---

    def test_no_secret_on_a_command_line_and_no_runtime_link_on_tcp(self):
        self.assert_processes_cell_ran_its_own_tasks()
        processes = self.processes()
        runtime = [argv for argv in processes.values() if "concurrencylab.agent.RuntimeMain" in argv]
        workers = [argv for argv in processes.values() if "concurrencylab.harness.process.WorkerMain" in argv]
        self.assertEqual(len(runtime), 1, processes)
        self.assertTrue(runtime[0][-1].endswith("/runtime.sock"), f"the runtime's one argument is its socket: {runtime}")
        self.assertGreaterEqual(len(workers), 2, processes)
        for argv in workers:
            self.assertTrue(argv[-2].startswith("tcp://127.0.0.1:") and argv[-1].startswith("processes-"), argv)
        for argv in processes.values():
            for arg in argv:
                self.assertIsNone(__import__("re").fullmatch(r"[0-9a-f]{64}", arg), f"a secret on a command line: {argv}")
        # the kernel JVM listens on the five Jupyter ports only; the runtime on the worker pool's
        with open(self.manager.connection_file) as f:
            info = json.load(f)
        jupyter = {info[k] for k in ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")}
        self.assertEqual(listening_tcp_ports(self.kernel_pid()), jupyter)
        self.assertEqual(len(listening_tcp_ports(self.runtime_pid())), 1, "the worker pool's port")


def listening_tcp_ports(pid):
    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    ports = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as f:
            lines = f.read().splitlines()[1:]
        for line in lines:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in inodes:
                ports.add(int(fields[1].split(":")[1], 16))
    return ports


if __name__ == "__main__":
    unittest.main()
