#!/usr/bin/python3
"""The lecture notebooks: well-formed, in step with their sources, ending with a takeaway, and runnable under the
kernel with outputs fit to print (no error, no warning, no list of nulls, no coarse chart: tests/output_rules.py).

Run:  /usr/bin/python3 -m unittest tests/test_notebooks.py   (from the repository root)
The execution tests need the concurrency-lab kernel installed; each notebook is its own test, and a
failure names the notebook, the cell and the error.
"""
import base64
import os
import re
import struct
import subprocess
import sys
import threading
import time
import unittest
import zlib
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
sys.path.insert(0, str(NOTEBOOKS / "src"))
import build  # noqa: E402  the generator, to compare sources with the committed notebooks
sys.path.insert(0, str(ROOT / "tests"))
import proctree  # noqa: E402
from output_rules import output_problems  # noqa: E402
sys.path.insert(0, str(ROOT / "bin" / "lib"))
import takeaway  # noqa: E402  the takeaway convention, as bin/handouts reads it for its contents page

KERNEL = "concurrency-lab"
# A bound that catches a hang, generous for a loaded machine: the suite's time is reported, not tested.
SECONDS_PER_NOTEBOOK = float(os.environ.get("NOTEBOOK_TIME_LIMIT_S", "300"))
CELL_TIMEOUT_S = 120
# A cell still running this long is about to time out: the kernel's threads are printed while it still runs.
HANG_DUMP_AFTER_S = CELL_TIMEOUT_S - 20
TOPICS = ["00-tour", "01-concurrency-vs-parallelism", "02-threads-and-the-gil", "03-processes", "04-futures",
          "05-locks-and-queues", "06-blocking-nonblocking-async", "07-coroutines-and-green-threads", "08-csp",
          "09-pipelines", "10-crawler", "11-shared-memory", "12-creation-cost-and-scaling", "13-several-machines"]
SLIDE_TYPES = {"slide", "subslide", "fragment", "-", "skip", "notes"}


def notebook_paths():
    return [NOTEBOOKS / f"{topic}.ipynb" for topic in TOPICS]


class NotebookFilesTest(unittest.TestCase):
    """Checks that need no kernel."""

    def test_every_topic_has_a_notebook(self):
        missing = [p.name for p in notebook_paths() if not p.exists()]
        self.assertEqual(missing, [], "notebooks missing")

    def test_notebooks_match_their_sources(self):
        for path in notebook_paths():
            with self.subTest(notebook=path.name):
                source = NOTEBOOKS / "src" / f"{path.stem}.cells"
                self.assertTrue(source.exists(), f"{source} is missing")
                expected = build.build_notebook(source)
                actual = nbformat.read(path, as_version=4)
                self.assertEqual([(c.cell_type, c.source, c.metadata) for c in actual.cells],
                                 [(c.cell_type, c.source, c.metadata) for c in expected.cells],
                                 f"{path.name} differs from {source.name}: run notebooks/src/build.py")

    def test_outputs_are_stripped_and_metadata_names_the_kernel(self):
        for path in notebook_paths():
            with self.subTest(notebook=path.name):
                notebook = nbformat.read(path, as_version=4)
                nbformat.validate(notebook)
                self.assertEqual(notebook.metadata.kernelspec.name, KERNEL)
                self.assertEqual(notebook.metadata.language_info.name, "java")
                for number, cell in enumerate(notebook.cells, start=1):
                    self.assertIn(cell.metadata.get("slideshow", {}).get("slide_type"), SLIDE_TYPES,
                                  f"{path.name} cell {number} has no slide type")
                    if cell.cell_type == "code":
                        self.assertEqual(cell.outputs, [], f"{path.name} cell {number} has outputs")
                        self.assertIsNone(cell.execution_count, f"{path.name} cell {number} has an execution count")

    def test_each_notebook_draws_a_plot_and_starts_with_a_slide(self):
        plot = re.compile(r"\bchart\b|Chart\b|BufferedImage|%%timeline|%%speedup", re.IGNORECASE)
        for path in notebook_paths():
            with self.subTest(notebook=path.name):
                notebook = nbformat.read(path, as_version=4)
                self.assertEqual(notebook.cells[0].metadata.slideshow.slide_type, "slide")
                self.assertTrue(any(c.cell_type == "code" and plot.search(c.source) for c in notebook.cells),
                                f"{path.name} draws no plot")


    def test_every_notebook_ends_with_a_takeaway(self):
        for path in notebook_paths():
            with self.subTest(notebook=path.name):
                _, problem = takeaway.takeaway(nbformat.read(path, as_version=4))
                if problem:
                    self.fail(f"{path.name}: {problem} (notebooks/README.md, Conventions)")


class RulesTest(unittest.TestCase):
    """The notebook rules themselves, on notebooks made here: each passes what it should and names the cell."""

    @staticmethod
    def notebook(*cells):
        notebook = new_notebook()
        notebook.cells = list(cells)
        return notebook

    def test_a_takeaway_is_the_last_cell_a_heading_and_one_sentence(self):
        good = self.notebook(new_markdown_cell("# 42 · Title"), new_code_cell("1"),
                             new_markdown_cell("## Takeaway\n\nLocks make `count += 1` safe, at a price.\n\nMore."))
        self.assertEqual(takeaway.takeaway(good), ("Locks make `count += 1` safe, at a price.", None))
        self.assertEqual(takeaway.title(good), "42 · Title")
        for cells, problem in [
            ([new_code_cell("1")], "cell 1 (the last) is a code cell"),
            ([new_markdown_cell("## Summary\n\nA sentence.")], "cell 1 (the last) starts '## Summary', not '## Takeaway'"),
            ([new_markdown_cell("## Takeaway")], "'## Takeaway' has no summary sentence after it"),
            ([new_markdown_cell("## Takeaway\n\n- a list\n- of points")], "not a sentence as its own paragraph"),
            ([new_markdown_cell("## Takeaway\n\nno full stop")], "does not end a sentence"),
            ([new_markdown_cell("## Takeaway\n\nFine."), new_code_cell("1")], "cell 2 (the last) is a code cell"),
        ]:
            with self.subTest(problem=problem):
                sentence, found = takeaway.takeaway(self.notebook(*cells))
                self.assertIsNone(sentence)
                self.assertIn(problem, found)

    def test_each_committed_notebook_passes_once_it_ends_with_a_takeaway(self):
        for path in notebook_paths():
            with self.subTest(notebook=path.name):
                notebook = nbformat.read(path, as_version=4)
                if takeaway.takeaway(notebook)[1]:
                    notebook.cells.append(new_markdown_cell("## Takeaway\n\nOne sentence sums the lecture up."))
                self.assertIsNone(takeaway.takeaway(notebook)[1])

    def test_output_rules_pass_clean_outputs(self):
        clean = self.notebook(new_code_cell("%%threads", outputs=[
            new_output("stream", name="stdout", text="threads: 4 tasks on 2 workers\nResult: [1, null, 3]\n"),
            new_output("display_data", data={"image/png": png_b64(1600, 1000), "text/plain": "<chart>"},
                       metadata={"image/png": {"width": 800, "height": 500}}),
            new_output("display_data", data={"image/png": png_b64(2600, 2000)}),
            new_output("display_data", data={"image/svg+xml": "<svg/>"})]))
        self.assertEqual(output_problems(clean), [])

    def test_output_rules_name_the_cell_and_the_offence(self):
        outputs = [
            new_output("error", ename="ArithmeticException", evalue="/ by zero", traceback=[]),
            new_output("stream", name="stderr", text="Exception in thread \"t\"\n"),
            new_output("stream", name="stdout", text="ok\nWARNING: A restricted method has been called\n"),
            new_output("execute_result", data={"text/plain": "Warning: slow"}, execution_count=1),
            new_output("stream", name="stdout", text="threads: 16 tasks\nResult: [null, null, null]\n"),
            new_output("stream", name="stdout", text="Result: [null, null, … 14 more]\n"),
            new_output("display_data", data={"image/png": png_b64(800, 500)}, metadata={"image/png": {"width": 800}}),
            new_output("display_data", data={"image/png": png_b64(640, 400)}),
        ]
        problems = output_problems(self.notebook(new_markdown_cell("# T"), new_code_cell("%%threads -t 16\nwork();",
                                                                                           outputs=outputs)))
        self.assertEqual(len(problems), len(outputs), "\n".join(problems))
        for problem, expected in zip(problems, [
                "error output: ArithmeticException: / by zero", "warning (standard error): Exception in thread",
                "warning: WARNING: A restricted method", "warning: Warning: slow", "a result list of only nulls",
                "a result list of only nulls: Result: [null, null, … 14 more]",
                "a 800 px wide PNG shown 800 px wide: below print resolution (needs 1600 px)",
                "a 640 px wide PNG without a display width: below print resolution"]):
            self.assertTrue(problem.startswith("cell 2 (%%threads -t 16): " + expected), problem)


def png_b64(width, height):
    """The base64 of a PNG's signature and IHDR chunk: all the rules read of an image."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return base64.b64encode(b"\x89PNG\r\n\x1a\n" + chunk).decode()


def kernel_installed():
    try:
        KernelSpecManager().get_kernel_spec(KERNEL)
        return True
    except NoSuchKernel:
        return False


class NotebookExecutionTest(unittest.TestCase):
    """Runs every notebook top to bottom under the concurrency-lab kernel (one test per notebook)."""

    def setUp(self):
        self.assertTrue(kernel_installed(),
                        f"the Jupyter kernel '{KERNEL}' is not installed: install Concurrency Lab's kernel first (bin/lab)")

    def run_notebook(self, path):
        notebook = nbformat.read(path, as_version=4)
        client = NotebookClient(notebook, kernel_name=KERNEL, timeout=CELL_TIMEOUT_S, allow_errors=True,
                                resources={"metadata": {"path": str(NOTEBOOKS)}})
        watch = HangWatch(client, path.name)
        started = time.monotonic()
        try:
            client.execute()
        finally:
            watch.stop()
        seconds = time.monotonic() - started

        images = sum("image/png" in output.get("data", {}) or "image/svg+xml" in output.get("data", {})
                     for cell in notebook.cells for output in cell.get("outputs", []))
        problems = output_problems(notebook)
        self.assertEqual(problems, [], f"{path.name}: outputs unfit for the handout (notebooks/README.md, Conventions):\n"
                         + "\n".join(problems))
        self.assertGreater(images, 0, f"{path.name}: no plot was rendered")
        self.assertLessEqual(seconds, SECONDS_PER_NOTEBOOK,
                             f"{path.name} took {seconds:.0f} s, more than {SECONDS_PER_NOTEBOOK:.0f} s")


class HangWatch:
    """While a notebook runs: when one cell has run for HANG_DUMP_AFTER_S, prints the thread dump of every JVM
    of the kernel (kernel and runtime) once, so that a hang leaves behind what is needed to find its cause
    (once the cell times out, the kernel is shut down and the evidence is gone)."""

    def __init__(self, client, name):
        self.client, self.name = client, name
        self.cell = None
        self.done = threading.Event()
        client.on_cell_execute = self.cell_started
        client.on_cell_executed = self.cell_ended
        threading.Thread(target=self.watch, daemon=True).start()

    def cell_started(self, cell, cell_index, **_):
        self.cell = (cell_index, time.monotonic())

    def cell_ended(self, **_):
        self.cell = None

    def stop(self):
        self.done.set()

    def watch(self):
        while not self.done.wait(1):
            cell = self.cell
            if cell is not None and time.monotonic() - cell[1] > HANG_DUMP_AFTER_S:
                self.dump(cell[0])
                return

    def dump(self, index):
        jcmd = os.path.join(KernelSpecManager().get_kernel_spec(KERNEL).metadata.get("concurrency_lab", {})
                            .get("java_home", ""), "bin", "jcmd")
        root = self.client.km.provisioner.process.pid if self.client.km and self.client.km.provisioner else None
        print(f"\n{self.name}: cell {index + 1} has run {HANG_DUMP_AFTER_S} s; threads of the kernel's JVMs:",
              file=sys.stderr)
        for pid in proctree.tree(root) if root else []:
            try:
                done = subprocess.run([jcmd, str(pid), "Thread.print"], capture_output=True, text=True, timeout=30)
                print(done.stdout or done.stderr, file=sys.stderr)
            except (OSError, subprocess.TimeoutExpired) as e:
                print(f"no thread dump of {pid}: {e}", file=sys.stderr)


def add_execution_tests():
    for path in notebook_paths():
        name = "test_" + path.stem.replace("-", "_")
        setattr(NotebookExecutionTest, name, lambda self, path=path: self.run_notebook(path))


add_execution_tests()

if __name__ == "__main__":
    unittest.main()
