#!/usr/bin/python3
"""The lecture notebooks: well-formed, in step with their sources, and runnable under the kernel.

Run:  /usr/bin/python3 -m unittest tests/test_notebooks.py   (from the repository root)
The execution tests need the concurrency-lab kernel installed; each notebook is its own test, and a
failure names the notebook, the cell and the error.
"""
import os
import re
import subprocess
import sys
import threading
import time
import unittest
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
sys.path.insert(0, str(NOTEBOOKS / "src"))
import build  # noqa: E402  the generator, to compare sources with the committed notebooks
sys.path.insert(0, str(ROOT / "tests"))
import proctree  # noqa: E402

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


def first_line(cell):
    return cell.source.splitlines()[0] if cell.source else "(empty)"


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

        errors = []
        images = 0
        for number, cell in enumerate(notebook.cells, start=1):
            for output in cell.get("outputs", []):
                if output.output_type == "error":
                    errors.append(f"cell {number} ({first_line(cell)}): {output.ename}: {output.evalue}")
                images += "image/png" in output.get("data", {}) or "image/svg+xml" in output.get("data", {})
        self.assertEqual(errors, [], f"{path.name}: error output")
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
