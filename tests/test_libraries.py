#!/usr/bin/python3
"""Libraries and process cells through the installed kernel, as a user meets them: %maven from a Maven
repository the test lays out on disk (no network) reaching the cells, the %%processes workers and a
restarted runtime, with its progress shown while files download; %%bash and %%python cells.

Run:  /usr/bin/python3 -m unittest tests/test_libraries.py   (from the repository root; needs the
concurrency-lab kernel installed and javac on PATH or under $JAVA_HOME)
"""
import hashlib
import subprocess
import tempfile
import unittest
import zipfile
from pathlib import Path

from test_first_contact import javac, shown_text, stderr_text
from test_protocol_extras import iopub_until_idle, run_cell, shell_reply, start_kernel

TIMEOUT = 120


def publish(repository, artifact, version, package, source, dependencies=(), class_path=()):
    """demo:ARTIFACT:VERSION as Maven lays it out: a jar of one compiled class, its POM, their SHA-1s."""
    folder = repository / "demo" / artifact / version
    folder.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as work:
        name = source.split("class ")[1].split()[0]
        java = Path(work, name + ".java")
        java.write_text(f"package {package};\n{source}\n")
        classes = Path(work, "classes")
        subprocess.run([javac(), "--release", "21", "-d", str(classes), "-cp", ":".join(map(str, class_path)), str(java)],
                       check=True)
        jar = folder / f"{artifact}-{version}.jar"
        with zipfile.ZipFile(jar, "w") as archive:
            for path in classes.rglob("*.class"):
                archive.write(path, path.relative_to(classes).as_posix())
    needs = "".join(f"<dependency><groupId>demo</groupId><artifactId>{a}</artifactId><version>{v}</version></dependency>"
                    for a, v in dependencies)
    pom = folder / f"{artifact}-{version}.pom"
    pom.write_text(f"<project><modelVersion>4.0.0</modelVersion><groupId>demo</groupId><artifactId>{artifact}</artifactId>"
                   f"<version>{version}</version><dependencies>{needs}</dependencies></project>")
    for path in (jar, pom):
        Path(str(path) + ".sha1").write_text(hashlib.sha1(path.read_bytes()).hexdigest())
    return jar


class LibrariesTests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.scratch = tempfile.TemporaryDirectory()
        root = Path(cls.scratch.name)
        repository = root / "repository"
        names = publish(repository, "names", "1.0", "demo.names",
                        'public class Names { public static String polite(String who) { return "Hello, " + who; } }')
        publish(repository, "greeting-lib", "1.0", "demo.greeting",
                "public class Greeter { public static String greet(String who) { return demo.names.Names.polite(who); } }",
                dependencies=[("names", "1.0")], class_path=[names])
        cls.settings = root / "settings.xml"
        cls.settings.write_text(f"<settings><localRepository>{root / 'local'}</localRepository><mirrors><mirror>"
                                f"<id>test-mirror</id><mirrorOf>central</mirrorOf><url>{repository.as_uri()}</url>"
                                f"</mirror></mirrors></settings>")
        cls.manager, cls.client = start_kernel()

    @classmethod
    def tearDownClass(cls):
        cls.client.stop_channels()
        cls.manager.shutdown_kernel(now=True)
        cls.scratch.cleanup()

    def run_ok(self, code):
        reply, messages = run_cell(self.client, code, timeout=TIMEOUT)
        self.assertEqual(reply["status"], "ok", f"{code}\n{reply}\n{messages}")
        return messages

    def test_a_maven_library_reaches_cells_workers_and_a_restarted_runtime(self):
        messages = self.run_ok(f"%maven -s {self.settings} demo:greeting-lib:1.0")
        progress = [m for m in messages if m["msg_type"] == "display_data"
                    and m["content"]["data"]["text/plain"].startswith("Downloading ")]
        self.assertTrue(progress, "progress shows while the files download")
        self.assertIn("display_id", progress[0]["content"]["transient"], "the progress line is updated in place")
        table = shown_text([m for m in messages if m["msg_type"] == "execute_result"])
        self.assertRegex(table, r"demo:greeting-lib\s+1\.0\s+added")
        self.assertRegex(table, r"demo:names\s+1\.0\s+added")
        self.assertIn("Hello, Ada", shown_text(self.run_ok('demo.greeting.Greeter.greet("Ada")')))
        workers = self.run_ok('%%processes -n 2 -t 2\ndemo.greeting.Greeter.greet("task " + Task.index())')
        self.assertIn("Result: [Hello, task 0, Hello, task 1]", shown_text(workers))
        reply, _ = run_cell(self.client, "System.exit(1);", timeout=TIMEOUT)
        self.assertEqual(reply["ename"], "RuntimeDied", reply)
        self.assertIn("Hello, Bo", shown_text(self.run_ok('demo.greeting.Greeter.greet("Bo")')))

    def test_an_unknown_artifact_is_one_line_and_the_kernel_stays(self):
        reply, _ = run_cell(self.client, f"%maven -s {self.settings} demo:no-such:9", timeout=TIMEOUT)
        self.assertEqual(reply["ename"], "DependencyError", reply)
        self.assertEqual(len(reply["traceback"]), 1, reply["traceback"])
        self.assertRegex(reply["traceback"][0], r"^cannot resolve demo:no-such:jar:9: not found in test-mirror \(file:")
        self.assertIn("2", shown_text(self.run_ok("1 + 1")))

    def test_bash_and_python_cells_stream_their_output(self):
        messages = self.run_ok("%%bash\necho from bash\necho warning >&2")
        streams = "".join(m["content"]["text"] for m in messages
                          if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")
        self.assertEqual(streams, "from bash\n")
        self.assertEqual(stderr_text(messages), "warning\n")
        messages = self.run_ok("%%python\nimport sys\nprint(sys.implementation.name, sys.version_info.major)")
        self.assertIn("cpython 3", "".join(m["content"]["text"] for m in messages if m["msg_type"] == "stream"))
        reply, _ = run_cell(self.client, "%%bash\nexit 4", timeout=TIMEOUT)
        self.assertEqual(reply["evalue"], "bash exited with code 4", reply)

    def test_a_read_in_a_bash_cell_asks_the_front_end_for_a_line(self):
        msg_id = self.client.execute("%%bash\nread -p 'name? ' name\necho \"got $name\"", allow_stdin=True)
        request = self.client.get_stdin_msg(timeout=TIMEOUT)
        self.assertEqual(request["msg_type"], "input_request")
        self.client.input("Ada")
        reply = shell_reply(self.client, msg_id, TIMEOUT)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        messages = iopub_until_idle(self.client, msg_id, TIMEOUT)
        self.assertIn("got Ada\n", "".join(m["content"]["text"] for m in messages if m["msg_type"] == "stream"))


if __name__ == "__main__":
    unittest.main()
