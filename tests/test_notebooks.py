"""Executes every notebook in notebooks/ with its kernel; any error output fails the test.

One test method per notebook, generated at import time, so a run with no notebooks has no
tests rather than a skipped one.
"""

import os
import pathlib
import time
import unittest

import nbformat
from nbclient import NotebookClient

ROOT = pathlib.Path(os.environ.get("CONCURRENCY_LAB_ROOT", pathlib.Path(__file__).resolve().parent.parent))
NOTEBOOKS = ROOT / "notebooks"
KERNEL_NAME = "concurrency-lab"
CELL_TIMEOUT_S = 300
NOTEBOOK_BUDGET_S = 90  # each notebook is written to run in 60 s; the rest is slack for a busy CI machine


def error_outputs(notebook):
    """(cell index, text) of every error output in the executed notebook."""
    found = []
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                found.append((index, f"{output.get('ename')}: {output.get('evalue')}"))
    return found


class NotebookExecutionTest(unittest.TestCase):

    def execute(self, path):
        notebook = nbformat.read(path, as_version=4)
        self.assertEqual(notebook.metadata.get("kernelspec", {}).get("name"), KERNEL_NAME,
                         f"{path.name} must name the {KERNEL_NAME} kernelspec")
        client = NotebookClient(notebook, timeout=CELL_TIMEOUT_S, kernel_name=KERNEL_NAME, allow_errors=True,
                                resources={"metadata": {"path": str(path.parent)}})
        started = time.monotonic()
        client.execute()
        elapsed = time.monotonic() - started
        errors = error_outputs(notebook)
        self.assertEqual(errors, [], f"{path.name}: error outputs (cell index, error)")
        self.assertLess(elapsed, NOTEBOOK_BUDGET_S, f"{path.name} took {elapsed:.1f} s")


def _add_notebook_tests():
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        name = "test_" + path.stem.replace("-", "_").replace(" ", "_")
        setattr(NotebookExecutionTest, name, lambda self, path=path: self.execute(path))


_add_notebook_tests()

if __name__ == "__main__":
    unittest.main()
