#!/usr/bin/python3
"""The terminal console, as a user at a terminal drives it: `jupyter console --kernel concurrency-lab`
in a tmux pane (keys sent with send-keys, the screen read with capture-pane). Checks a method
defined over several lines (is_complete and the continuation prompt), a result, an error, and Tab
completion. The console itself cannot interrupt a running cell; the README's console section says
how to from a second terminal, and that is run here as written.

Run:  /usr/bin/python3 -m unittest tests/test_console.py   (from the repository root; needs tmux,
jupyter-console and the concurrency-lab kernel installed)
"""
import os
import re
from pathlib import Path
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 120  # seconds for the kernel to start or answer; generous for a busy machine
PROMPT = re.compile(r"^(In \[\d+\]:|\s+\.\.\.:)")
BARE_PROMPT = re.compile(r"^(In \[\d+\]:|\s+\.\.\.:)\s*$")
# A line the kernel logged to its stderr, which the console shares: it may land right after a prompt
# (a second client that leaves makes the kernel log it), and is no input typed at that prompt.
KERNEL_LOG = re.compile(r"concurrency-lab (DEBUG|INFO|WARNING|ERROR) \[[^\]]*\] .*$")


class Tmux:
    """One tmux server on a private, owner-only socket, running one program in one wide pane."""

    def __init__(self, command):
        self.scratch = tempfile.mkdtemp(prefix="console-test-")
        self.socket = os.path.join(self.scratch, "tmux.sock")
        # The console's kernel is the only one in its runtime dir, so "the newest kernel" is that one.
        self.runtime_dir = os.path.join(self.scratch, "runtime")
        self.tmux("new-session", "-d", "-s", "console", "-x", "220", "-y", "50",
                  "env", f"JUPYTER_RUNTIME_DIR={self.runtime_dir}", *command)

    def tmux(self, *args):
        return subprocess.run(["tmux", "-S", self.socket, *args], check=True, capture_output=True,
                              text=True, timeout=30).stdout

    def type(self, text):
        """Types TEXT literally. tmux reads an argument's trailing ';' as a command separator: escape it."""
        self.tmux("send-keys", "-t", "console", "-l", re.sub(r";$", r"\\;", text))

    def press(self, *keys):
        self.tmux("send-keys", "-t", "console", *keys)

    def screen(self):
        """The pane's text, trailing spaces trimmed (tmux does), with its scrollback."""
        return self.tmux("capture-pane", "-p", "-S", "-200", "-t", "console")

    def prompts(self):
        """How many prompts (In [n]: or the continuation ...:) the console has shown, and whether the last
        line of the screen is one with nothing typed after it: the console is waiting for input. Lines the
        kernel logged are left out."""
        lines = [KERNEL_LOG.sub("", line) for line in self.screen().splitlines()]
        lines = [line for line in lines if line.strip()]
        shown = sum(1 for line in lines if PROMPT.match(line))
        return shown, bool(lines) and bool(BARE_PROMPT.match(lines[-1]))

    def wait_for_new_prompt(self, seen, timeout=TIMEOUT):
        """Waits until the console shows a prompt after the SEEN it had shown, with nothing typed after it;
        returns the new count. Debian's console (6.4.4 on Python 3.11) runs a cell inside nested asyncio
        loops, and keys that arrive before the next prompt can break its prompt loop ("cannot enter
        context ... is already entered", then "Press ENTER to continue..." and lost keys): a user who
        types at the prompt never meets it, so neither does the test."""
        deadline = time.monotonic() + timeout
        while True:
            shown, waiting = self.prompts()
            if shown > seen and waiting:
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"no new prompt after {timeout} s\n--- screen ---\n{self.screen()}")
            time.sleep(0.1)

    def wait_for(self, pattern, timeout=TIMEOUT):
        """The screen once PATTERN (a regex, multi-line) shows on it; fails with the screen after TIMEOUT."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if re.search(pattern, screen, re.MULTILINE):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"not on the console after {timeout} s: {pattern!r}\n--- screen ---\n{screen}")
            time.sleep(0.2)

    def close(self):
        subprocess.run(["tmux", "-S", self.socket, "kill-server"], capture_output=True, timeout=30)
        shutil.rmtree(self.scratch, ignore_errors=True)


class ConsoleCase(unittest.TestCase):
    """A console kept open for all the tests of a class, as a user keeps one open."""

    @classmethod
    def setUpClass(cls):
        if shutil.which("tmux") is None:
            raise AssertionError("tmux not found: apt-get install tmux (bin/test installs it)")
        cls.pane = Tmux([sys.executable, "-m", "jupyter_console", "--kernel", "concurrency-lab"])
        try:
            cls.pane.wait_for_new_prompt(0)
            cls.prompts_seen = 0  # the first prompt is the one to type at
        except BaseException:
            cls.pane.close()  # tearDownClass does not run when setUpClass fails
            raise

    @classmethod
    def tearDownClass(cls):
        cls.pane.close()

    def at_prompt(self):
        """Waits for the prompt that follows what was entered last, as a user does before typing on."""
        type(self).prompts_seen = self.pane.wait_for_new_prompt(type(self).prompts_seen)

    def enter(self, line):
        self.at_prompt()
        self.pane.type(line)
        self.pane.press("Enter")


class ConsoleTests(ConsoleCase):

    def test_method_over_several_lines_waits_for_its_end_then_runs(self):
        self.enter("int twice(int x) {")
        self.pane.wait_for(r"^\s+\.\.\.:$")  # incomplete: the continuation prompt, nothing ran
        self.enter("return 2 * x;")
        self.enter("}")
        self.enter("twice(50)")
        self.pane.wait_for(r"^Out\[\d+\]: 100$")

    def test_result(self):
        self.enter('"con" + "sole"')
        self.pane.wait_for(r'^Out\[\d+\]: "console"$')

    def test_error_names_the_problem_and_the_console_goes_on(self):
        self.enter("undefinedName + 1")
        self.pane.wait_for(r"cannot find symbol")
        self.enter("40 + 7")
        self.pane.wait_for(r"^Out\[\d+\]: 47$")

    def test_tab_completes_a_method(self):
        self.at_prompt()
        self.pane.type("Math.ma")
        self.pane.press("Tab")
        self.pane.wait_for(r"Math\.max\($")
        self.pane.type("1234, 5678)")
        self.pane.press("Enter")
        self.pane.wait_for(r"^Out\[\d+\]: 5678$")


class InterruptFromASecondTerminalTests(ConsoleCase):
    """A console of its own: after a second client came and went, Debian's console (6.4.4, Python 3.11)
    at times loses its prompt loop ("cannot enter context"), which must not fail the other tests."""

    def test_interrupt_from_a_second_terminal_as_the_readme_says(self):
        self.enter('System.out.println("spinning"); long spins = 0; while (true) { spins++; }')
        self.pane.wait_for(r"^spinning$")  # the cell runs: an interrupt now stops it, not an idle kernel
        second_terminal = subprocess.run([sys.executable, "-c", readme_interrupt_snippet()], capture_output=True,
                                         text=True, timeout=TIMEOUT,
                                         env={**os.environ, "JUPYTER_RUNTIME_DIR": self.pane.runtime_dir})
        self.assertIn("interrupt: ok", second_terminal.stdout, second_terminal.stderr)
        self.pane.wait_for(r"Interrupted")
        self.enter("spins > 0")
        self.pane.wait_for(r"^Out\[\d+\]: true$")


def readme_interrupt_snippet():
    """The Python block the README's console section gives for interrupting from a second terminal."""
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"<!-- console-interrupt -->\n```python\n(.*?)```", readme, re.DOTALL)
    if block is None:
        raise AssertionError("README.md has no <!-- console-interrupt --> python block")
    return block.group(1)


if __name__ == "__main__":
    unittest.main()
