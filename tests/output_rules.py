"""What an executed lecture notebook's outputs may not contain (notebooks/README.md, Conventions):
errors, warnings, a result list of only nulls, and chart images too coarse to print.

Each rule returns one message per offence, naming the cell by its number (from 1) and first line.
Plain Python on nbformat nodes, so the rules are tested on notebooks made in the test.
"""
import base64
import re
import struct

# A PNG shown at W CSS pixels needs 2·W image pixels to print sharp (about 200 dpi on a handout page).
PIXEL_DENSITY = 2
# A PNG without a display width is shown at its own pixel width, so on its own it is never 2×; it passes when
# it is wide enough for a handout's page at 2× (the page is about 800 CSS pixels wide), as a large image is.
PRINT_WIDTH_WITHOUT_METADATA = 1600

NULL_RESULTS = re.compile(r"^Result(?: \(failed tasks are null\))?: (?:null|\[null(?:, null)*(?:, … \d+ more)?\])$",
                          re.MULTILINE)
WARNING_LINE = re.compile(r"\bWARNING\b|\bWarning:")


def first_line(cell):
    return cell.source.splitlines()[0] if cell.source else "(empty)"


def texts(output):
    """The text an output shows: a stream's text, or a display's and a result's text/plain."""
    if output.output_type == "stream":
        return [output.text]
    plain = output.get("data", {}).get("text/plain")
    return [plain] if plain else []


def png_size(data):
    """(width, height) in pixels from a base64 PNG's IHDR chunk, which follows the 8-byte signature."""
    head = base64.b64decode(re.sub(r"\s", "", data)[:44])
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return struct.unpack(">II", head[16:24])


def display_width(output):
    """The width an image/png output is shown at from its metadata (per MIME type, or at the top), or None."""
    metadata = output.get("metadata", {})
    width = metadata.get("image/png", {}).get("width", metadata.get("width"))
    return int(width) if width is not None else None


def output_problems(notebook):
    """Every offence against the rules in an executed notebook, as messages 'cell N (first line): ...'."""
    problems = []
    for number, cell in enumerate(notebook.cells, start=1):
        where = f"cell {number} ({first_line(cell)})"
        for output in cell.get("outputs", []):
            problems += [f"{where}: {problem}" for problem in problems_of(output)]
    return problems


def problems_of(output):
    if output.output_type == "error":
        yield f"error output: {output.ename}: {output.evalue}"
    if output.output_type == "stream" and output.name == "stderr":
        # whatever a cell writes there is a warning or worse, the JVM's own included
        yield f"warning (standard error): {output.text.strip().splitlines()[0] if output.text.strip() else '(blank)'}"
        return
    for text in texts(output):
        warning = next((line for line in text.splitlines() if WARNING_LINE.search(line)), None)
        if warning:
            yield f"warning: {warning.strip()}"
        nulls = NULL_RESULTS.search(text)
        if nulls:
            yield f"a result list of only nulls: {nulls.group(0)[:80]}"
    png = output.get("data", {}).get("image/png")
    if png:
        yield from coarse_image(png, display_width(output))


def coarse_image(png, shown_width):
    try:
        width, _ = png_size(png)
    except ValueError:
        yield "image/png output that is not a PNG"
        return
    if shown_width is None and width < PRINT_WIDTH_WITHOUT_METADATA:
        yield (f"a {width} px wide PNG without a display width: below print resolution (a PNG needs a display width "
               f"and {PIXEL_DENSITY}× its pixels, or at least {PRINT_WIDTH_WITHOUT_METADATA} px)")
    elif shown_width is not None and width < PIXEL_DENSITY * shown_width:
        yield (f"a {width} px wide PNG shown {shown_width} px wide: below print resolution "
               f"(needs {PIXEL_DENSITY * shown_width} px)")
