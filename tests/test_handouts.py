#!/usr/bin/python3
"""bin/handouts end to end, with Jupyter's python3 kernel standing in for the Java kernel:
a real notebook is executed, exported to HTML with its plot embedded, and printed to PDF by Chromium.

Run:  /usr/bin/python3 -m unittest tests/test_handouts.py   (from the repository root)
"""
import base64
import os
import struct
import subprocess
import tempfile
import unittest
import zlib
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
HANDOUTS = ROOT / "bin" / "handouts"
CHROMIUM = "/usr/bin/chromium"


def tiny_png():
    """A 2x2 red PNG, made by hand so the test needs no plotting library."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


TAKEAWAY = "## Takeaway\n\nA handout keeps each `chart` on one page.\n\nMore prose that is not the summary."
LONG_CELL = "\n".join(f"x{i} = {i}" for i in range(40))


def write_notebook(path, extra_cells=(), takeaway=True):
    notebook = new_notebook()
    notebook.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    png = base64.b64encode(tiny_png()).decode()
    notebook.cells = [
        new_markdown_cell("# 98 · Handout test\n\nA table:\n\n| a | b |\n| --- | --- |\n| 1 | 2 |"),
        new_code_cell("import base64\nfrom IPython.display import Image, display\n"
                      f"display(Image(data=base64.b64decode('{png}')))\nprint('measured', 6 * 7)"),
        *extra_cells,
        *([new_markdown_cell(TAKEAWAY)] if takeaway else []),
    ]
    nbformat.write(notebook, path)


class HandoutsTest(unittest.TestCase):

    def setUp(self):
        self.work = tempfile.TemporaryDirectory()
        self.dir = Path(self.work.name)
        self.out = self.dir / "handouts"

    def tearDown(self):
        self.work.cleanup()

    def run_handouts(self, notebook, **env):
        return subprocess.run([str(HANDOUTS), "--kernel", "python3", "--out", str(self.out), str(notebook)],
                              capture_output=True, text=True, timeout=300, env={**os.environ, **env})

    def test_html_and_pdf_with_the_plot_embedded_and_no_mathjax(self):
        self.assertTrue(Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install chromium (bin/lab does)")
        notebook = self.dir / "98-handout-test.ipynb"
        write_notebook(notebook)
        result = self.run_handouts(notebook)
        self.assertEqual(result.returncode, 0, result.stderr)

        html = (self.out / "98-handout-test.html").read_text()
        self.assertIn("data:image/png;base64,", html)
        self.assertIn("measured 42", html)
        self.assertNotIn("mathjax", html.lower())
        self.assertNotIn("<script src=", html)
        self.assertIn("break-inside: avoid", html)
        self.assertTrue((self.out / "98-handout-test.pdf").read_bytes().startswith(b"%PDF"))
        executed = nbformat.read(self.out / "98-handout-test.ipynb", as_version=4)
        self.assertTrue(any(o.output_type == "display_data" for o in executed.cells[1].outputs))
        index = (self.out / "index.html").read_text()
        self.assertIn('href="98-handout-test.pdf"', index)
        self.assertIn("Handout test", index)

    def test_the_print_css_keeps_charts_and_short_cells_whole_and_forces_no_page_break(self):
        notebook = self.dir / "98-handout-test.ipynb"
        write_notebook(notebook, [new_code_cell(LONG_CELL)])
        result = self.run_handouts(notebook, CHROMIUM=str(self.dir / "no-chromium"))
        self.assertEqual(result.returncode, 0, result.stderr)
        page = (self.out / "98-handout-test.html").read_text()
        css = page[page.index("@media print"):]
        self.assertRegex(css, r"\.jp-OutputArea-output img, [^{]*\{ break-inside: avoid; \}")
        self.assertIn(".celltag_handout-keep-together .jp-InputArea { break-inside: avoid; }", css)
        self.assertIn("img { max-width: 100%; height: auto;", page, "images scale to the page width")
        for forced in ("break-before: page", "page-break-before", "break-after: page", "page-break-after: always"):
            self.assertNotIn(forced, page)
        cells = page.split('<div class="jp-Cell jp-CodeCell')[1:]
        self.assertEqual(len(cells), 2)
        self.assertIn("celltag_handout-keep-together", cells[0].split(">")[0], "the short cell is kept whole")
        self.assertNotIn("celltag_handout-keep-together", cells[1].split(">")[0], "a 40-line cell may break")
        executed = nbformat.read(self.out / "98-handout-test.ipynb", as_version=4)
        self.assertNotIn("tags", executed.cells[1].metadata, "the executed notebook is not changed by the handout")

    def test_the_contents_page_gives_each_notebooks_title_and_takeaway(self):
        first, second = self.dir / "98-handout-test.ipynb", self.dir / "99-no-takeaway.ipynb"
        write_notebook(first)
        write_notebook(second, takeaway=False)
        result = subprocess.run([str(HANDOUTS), "--kernel", "python3", "--out", str(self.out), str(first), str(second)],
                                capture_output=True, text=True, timeout=300,
                                env={**os.environ, "CHROMIUM": str(self.dir / "no-chromium")})
        self.assertEqual(result.returncode, 0, result.stderr)
        index = (self.out / "index.html").read_text()
        self.assertIn('<h2><a href="98-handout-test.html">98 · Handout test</a></h2>', index)
        self.assertIn('<p class="takeaway">A handout keeps each <code>chart</code> on one page.</p>', index)
        self.assertNotIn("More prose", index, "only the sentence after the heading")
        self.assertIn("(no takeaway", index)
        self.assertLess(index.index("98-handout-test"), index.index("99-no-takeaway"), "in the order given")

    def test_html_only_with_a_note_when_chromium_is_missing(self):
        notebook = self.dir / "98-handout-test.ipynb"
        write_notebook(notebook)
        result = self.run_handouts(notebook, CHROMIUM=str(self.dir / "no-chromium"))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Chromium not found", result.stderr)
        self.assertTrue((self.out / "98-handout-test.html").exists())
        self.assertFalse((self.out / "98-handout-test.pdf").exists())
        self.assertIn("No PDFs", (self.out / "index.html").read_text())

    def test_an_error_in_a_cell_fails_the_run_and_names_the_cell(self):
        notebook = self.dir / "97-broken.ipynb"
        write_notebook(notebook, [new_code_cell("1 / 0")])
        result = self.run_handouts(notebook, CHROMIUM=str(self.dir / "no-chromium"))
        self.assertEqual(result.returncode, 1)
        self.assertIn("error in cell 3: ZeroDivisionError", result.stdout)
        self.assertIn("97-broken", result.stderr)

    def test_an_unknown_notebook_name_is_refused(self):
        result = subprocess.run([str(HANDOUTS), "no-such-topic"], capture_output=True, text=True, timeout=60)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("'no-such-topic' names 0 notebooks", result.stderr)


if __name__ == "__main__":
    unittest.main()
