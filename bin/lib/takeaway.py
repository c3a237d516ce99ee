"""A lecture notebook's title and takeaway, by the notebooks' convention (notebooks/README.md, Conventions):
the first `# ` heading is the title; the LAST cell is a markdown cell whose first line is `## Takeaway`,
followed by one summary sentence as its own paragraph.

Used by bin/handouts (the contents page) and tests/test_notebooks.py (the check); plain Python, no Jupyter.
"""
import re

HEADING = "## Takeaway"
# A sentence ends with . ! or ?, perhaps inside closing quotes, brackets, code or emphasis marks.
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]`*_]*$")
# Lines that open a block other than a paragraph: a heading, a list, a quote, a table, a fence.
NOT_A_PARAGRAPH = re.compile(r"^(#|[-*+] |\d+[.)] |>|\||```|~~~)")


def title(notebook, default="Concurrency Lab"):
    """The text of the first `# ` heading of a markdown cell."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return default


def first_paragraph_after_heading(source):
    """The paragraph after the heading line, its lines joined by spaces ('' when there is none)."""
    lines = source.splitlines()[1:]
    while lines and not lines[0].strip():
        lines.pop(0)
    paragraph = []
    for line in lines:
        if not line.strip():
            break
        paragraph.append(line.strip())
    return " ".join(paragraph)


def takeaway(notebook):
    """(sentence, problem): the takeaway sentence and None, or None and what breaks the convention."""
    if not notebook.cells:
        return None, "the notebook has no cells; its last cell must be a markdown cell starting '## Takeaway'"
    number = len(notebook.cells)
    last = notebook.cells[-1]
    where = f"cell {number} (the last)"
    if last.cell_type != "markdown":
        return None, f"{where} is a {last.cell_type} cell; the last cell must be a markdown cell starting '{HEADING}'"
    first = last.source.splitlines()[0].strip() if last.source.strip() else ""
    if first != HEADING:
        return None, f"{where} starts {first[:60]!r}, not '{HEADING}'"
    sentence = first_paragraph_after_heading(last.source)
    if not sentence:
        return None, f"{where}: '{HEADING}' has no summary sentence after it"
    if NOT_A_PARAGRAPH.match(sentence):
        return None, f"{where}: after '{HEADING}' comes {sentence[:40]!r}, not a sentence as its own paragraph"
    if not SENTENCE_END.search(sentence):
        return None, f"{where}: the takeaway {sentence[:60]!r} does not end a sentence (. ! or ?)"
    return sentence, None
