"""Executes lecture notebooks and turns them into handouts (HTML, PDF via headless Chromium, executed .ipynb).

Used by bin/handouts; run that, not this file directly.
"""
import argparse
import copy
import datetime
import html
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from nbclient import NotebookClient
from nbconvert import HTMLExporter

import takeaway

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
TEMPLATES = Path(__file__).resolve().parent / "handout-template"
# A code cell shorter than this is kept on one page (a tag the handout's CSS knows); longer ones may break.
SHORT_CELL_LINES = 25
KEEP_TOGETHER_TAG = "handout-keep-together"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--virtual-time-budget=10000", "--no-pdf-header-footer"]


@dataclass
class Handout:
    notebook: Path
    title: str = ""
    takeaway: str = ""
    seconds: float = 0.0
    errors: list = field(default_factory=list)
    html: Path = None
    pdf: Path = None
    executed: Path = None


def find_notebooks(names):
    """Notebook paths from command-line names: a path, 'NN-topic', 'NN-topic.ipynb' or just 'NN'."""
    if not names:
        return sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
    found = []
    for name in names:
        path = Path(name)
        if path.suffix == ".ipynb" and path.exists():
            found.append(path.resolve())
            continue
        matches = sorted(NOTEBOOKS.glob(f"{path.stem}*.ipynb"))
        if len(matches) != 1:
            sys.exit(f"handouts: '{name}' names {len(matches)} notebooks in {NOTEBOOKS}; "
                     "give a path or a unique prefix such as 03")
        found.append(matches[0])
    return found


def check_kernel(kernel_name):
    try:
        KernelSpecManager().get_kernel_spec(kernel_name)
    except NoSuchKernel:
        sys.exit(f"handouts: the Jupyter kernel '{kernel_name}' is not installed; "
                 "install Concurrency Lab's kernel first (bin/lab), then run bin/handouts again")


def error_outputs(notebook):
    """[(cell number, message)] for every error output."""
    problems = []
    for number, cell in enumerate(notebook.cells, start=1):
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                problems.append((number, f"{output.ename}: {output.evalue}"))
    return problems


def execute(handout, kernel_name, timeout):
    notebook = nbformat.read(handout.notebook, as_version=4)
    client = NotebookClient(notebook, kernel_name=kernel_name, timeout=timeout, allow_errors=True,
                            resources={"metadata": {"path": str(handout.notebook.parent)}})
    started = time.monotonic()
    client.execute()
    handout.seconds = time.monotonic() - started
    # Highlight code as Java even if the kernel's language_info did not say so.
    notebook.metadata.setdefault("language_info", {}).setdefault("pygments_lexer", "java")
    handout.errors = error_outputs(notebook)
    handout.title = takeaway.title(notebook)
    handout.takeaway, _ = takeaway.takeaway(notebook)
    return notebook


def tag_short_cells(notebook):
    """A copy of the notebook whose short code cells carry the tag that keeps them on one page
    (the lab template writes tags as classes: celltag_handout-keep-together)."""
    tagged = copy.deepcopy(notebook)
    for cell in tagged.cells:
        if cell.cell_type == "code" and len(cell.source.splitlines()) < SHORT_CELL_LINES:
            cell.metadata.setdefault("tags", []).append(KEEP_TOGETHER_TAG)
    return tagged


def export_html(handout, notebook, out_dir):
    exporter = HTMLExporter(template_name="handout", extra_template_basedirs=[str(TEMPLATES)])
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    footer = (f"Concurrency Lab handout · executed {datetime.date.today().isoformat()} "
              f"in {handout.seconds:.0f} s on {os.cpu_count()} cores")
    body, _ = exporter.from_notebook_node(tag_short_cells(notebook), resources={"metadata": {"name": handout.title},
                                                               "handout_footer": footer})
    handout.html = out_dir / f"{handout.notebook.stem}.html"
    handout.html.write_text(body, encoding="utf-8")
    handout.executed = out_dir / f"{handout.notebook.stem}.ipynb"
    nbformat.write(notebook, handout.executed)


def print_pdf(handout, chromium):
    pdf = handout.html.with_suffix(".pdf")
    pdf.unlink(missing_ok=True)
    command = [chromium, *CHROMIUM_FLAGS, f"--print-to-pdf={pdf}", handout.html.resolve().as_uri()]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180)
    if result.returncode != 0 or not pdf.exists() or pdf.stat().st_size == 0:
        handout.errors.append((0, f"Chromium could not print the PDF (exit {result.returncode}): "
                                  f"{result.stderr.strip()[-300:]}"))
        return
    handout.pdf = pdf


def inline_markdown(text):
    """The little Markdown a takeaway sentence uses (`code`, **bold**, *emphasis*) as HTML; the rest escaped."""
    text = html.escape(text)
    text = re.sub(r"`([^`]+)`", r"<code>\1</code>", text)
    text = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", text)
    return re.sub(r"(?<![*\w])\*([^*]+)\*(?![*\w])", r"<em>\1</em>", text)


def write_index(handouts, out_dir, chromium):
    """The contents page: each notebook's title and its takeaway sentence, with links to its handout."""
    entries = []
    for h in handouts:
        links = [f'<a href="{h.html.name}">HTML</a>']
        if h.pdf:
            links.append(f'<a href="{h.pdf.name}">PDF</a>')
        links.append(f'<a href="{h.executed.name}">notebook</a>')
        status = "ok" if not h.errors else f"{len(h.errors)} error(s)"
        main = h.pdf or h.html
        summary = (f'<p class="takeaway">{inline_markdown(h.takeaway)}</p>' if h.takeaway
                   else '<p class="takeaway missing">(no takeaway: the last cell is not "## Takeaway" and a sentence)</p>')
        entries.append(f'<li><h2><a href="{main.name}">{html.escape(h.title)}</a></h2>\n{summary}\n'
                       f'<p class="meta">{html.escape(h.notebook.stem)} · {" · ".join(links)} · '
                       f'ran in {h.seconds:.0f} s · {status}</p></li>')
    note = "" if chromium else (
        '<p class="note"><strong>No PDFs:</strong> Chromium was not found at /usr/bin/chromium '
        "(or $CHROMIUM). Install the <code>chromium</code> package (bin/lab does) and run bin/handouts again; "
        "the HTML handouts print well from any browser meanwhile.</p>")
    (out_dir / "index.html").write_text(f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Concurrency Lab handouts: contents</title>
<style>body {{ font-family: sans-serif; max-width: 50em; margin: 2em auto; line-height: 1.4; }}
ul.contents {{ list-style: none; padding-left: 0; }} ul.contents li {{ margin-bottom: 1.1em; break-inside: avoid; }}
ul.contents h2 {{ font-size: 1.15em; margin: 0 0 0.2em; }} ul.contents a {{ color: inherit; }}
.takeaway {{ margin: 0.2em 0; }} .missing {{ color: #a00; }}
.meta {{ margin: 0; color: #666; font-size: 0.85em; }}
.note {{ background: #fff3cd; padding: 0.8em; border: 1px solid #e0c060; }}
@page {{ size: A4; margin: 16mm 14mm; }}</style></head>
<body><h1>Concurrency Lab handouts</h1>
{note}
<ul class="contents">
{chr(10).join(entries)}
</ul>
<p class="meta">Made {datetime.datetime.now().isoformat(timespec="minutes")} on a machine with {os.cpu_count()} cores.</p>
</body></html>
""", encoding="utf-8")


def find_chromium():
    candidate = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    return candidate if Path(candidate).exists() and os.access(candidate, os.X_OK) else None


def main(argv):
    parser = argparse.ArgumentParser(prog="bin/handouts", description=(
        "Execute lecture notebooks and write build/handouts/NN-topic.html, .pdf and .ipynb plus index.html."))
    parser.add_argument("notebooks", nargs="*", help="notebook paths or prefixes such as 03 (default: all)")
    parser.add_argument("--kernel", default="concurrency-lab", help="Jupyter kernel to run them with")
    parser.add_argument("--out", default=str(ROOT / "build" / "handouts"), help="output folder")
    parser.add_argument("--timeout", type=int, default=300, help="seconds one cell may run")
    args = parser.parse_args(argv)

    notebooks = find_notebooks(args.notebooks)
    check_kernel(args.kernel)
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    chromium = find_chromium()
    if not chromium:
        print(f"handouts: Chromium not found at {os.environ.get('CHROMIUM', '/usr/bin/chromium')} "
              "(install the chromium package, or set $CHROMIUM); writing HTML only", file=sys.stderr)

    handouts = []
    for path in notebooks:
        handout = Handout(path)
        print(f"{path.stem}: executing …", flush=True)
        notebook = execute(handout, args.kernel, args.timeout)
        export_html(handout, notebook, out_dir)
        if chromium:
            print_pdf(handout, chromium)
        made = ", ".join(p.name for p in (handout.html, handout.pdf) if p)
        print(f"{path.stem}: {handout.seconds:.1f} s, wrote {made}")
        for cell, message in handout.errors:
            print(f"    error in cell {cell}: {message}" if cell else f"    {message}")
        handouts.append(handout)
    write_index(handouts, out_dir, chromium)
    print(f"index: {out_dir / 'index.html'}")
    failed = [h.notebook.stem for h in handouts if h.errors]
    if failed:
        print(f"handouts: errors in {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
