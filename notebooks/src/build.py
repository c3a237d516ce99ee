#!/usr/bin/python3
"""Builds notebooks/NN-topic.ipynb from the readable sources in notebooks/src/NN-topic.cells.

A source file is a sequence of cells. Each cell starts with a separator line
    %%% <slide_type> <md|code>
where slide_type is one of slide, subslide, fragment, - (as in Jupyter's slideshow metadata).
Everything up to the next separator is the cell's text. The .ipynb files are committed with
outputs stripped; run this after editing a source:  /usr/bin/python3 notebooks/src/build.py
"""
import re
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

SRC = Path(__file__).resolve().parent
OUT = SRC.parent
SEPARATOR = re.compile(r"^%%% (slide|subslide|fragment|-) (md|code)\s*$")

KERNELSPEC = {"name": "concurrency-lab", "display_name": "Java 25 (Concurrency Lab)", "language": "java"}
LANGUAGE_INFO = {"name": "java", "mimetype": "text/x-java", "file_extension": ".jshell",
                 "pygments_lexer": "java", "codemirror_mode": "java"}


def parse_cells(text, source_name):
    """Returns [(slide_type, kind, text)] for one source file."""
    cells, current = [], None
    for number, line in enumerate(text.splitlines(), start=1):
        match = SEPARATOR.match(line)
        if match:
            if current:
                cells.append(current)
            current = (match.group(1), match.group(2), [])
        elif current is None:
            if line.strip():
                sys.exit(f"{source_name}:{number}: text before the first '%%% <slide_type> <md|code>' line")
        else:
            current[2].append(line)
    if current:
        cells.append(current)
    return [(slide, kind, "\n".join(lines).strip("\n")) for slide, kind, lines in cells]


def build_notebook(source):
    notebook = new_notebook()
    notebook.metadata = {"kernelspec": KERNELSPEC, "language_info": LANGUAGE_INFO}
    for index, (slide, kind, text) in enumerate(parse_cells(source.read_text(), source.name)):
        make = new_markdown_cell if kind == "md" else new_code_cell
        cell = make(text, metadata={"slideshow": {"slide_type": slide}})
        cell.id = f"{source.stem[:2]}-{index:03d}"
        notebook.cells.append(cell)
    nbformat.validate(notebook)
    return notebook


def main(names):
    sources = [SRC / f"{name}.cells" for name in names] if names else sorted(SRC.glob("*.cells"))
    for source in sources:
        if not source.exists():
            sys.exit(f"no such notebook source: {source}")
        target = OUT / f"{source.stem}.ipynb"
        nbformat.write(build_notebook(source), target)
        print(f"wrote {target.relative_to(OUT.parent)}")


if __name__ == "__main__":
    main(sys.argv[1:])
