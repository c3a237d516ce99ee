"""Executes lecture notebooks and exports them as reveal.js slides that show without a network; serves them.

Used by bin/slides; run that, not this file directly.
"""
import argparse
import functools
import http.server
import shutil
import sys
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from nbconvert import SlidesExporter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from handouts import Handout, execute, find_notebooks  # noqa: E402  one way to find and run notebooks

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
DEPENDENCIES = HERE / "slides" / "node_modules"
TEMPLATES = HERE / "slides-template"
# Relative to the slides: the folder of copies travels with them (a USB stick, a lecture-hall PC).
REVEAL = "reveal.js"
REQUIRE = "require.js"
JQUERY = "jquery.min.js"


def bundle(out_dir):
    """Copies reveal.js (its dist/ without source maps, and the speaker-notes plugin), RequireJS and jQuery."""
    reveal = DEPENDENCIES / "reveal.js"
    if not (reveal / "dist" / "reveal.js").exists():
        sys.exit(f"slides: reveal.js is missing from {DEPENDENCIES}; bin/slides installs it with npm")
    target = out_dir / REVEAL
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(reveal / "dist", target / "dist", ignore=shutil.ignore_patterns("*.map", "*.esm.js"))
    shutil.copytree(reveal / "plugin" / "notes", target / "plugin" / "notes")
    shutil.copy2(reveal / "LICENSE", target / "LICENSE")
    shutil.copy2(DEPENDENCIES / "requirejs" / "require.js", out_dir / REQUIRE)
    shutil.copy2(DEPENDENCIES / "jquery" / "dist" / "jquery.min.js", out_dir / JQUERY)


def exporter(theme):
    slides = SlidesExporter(template_name="offline-slides", extra_template_basedirs=[str(TEMPLATES)])
    slides.reveal_url_prefix = REVEAL
    slides.reveal_theme = theme
    slides.require_js_url = REQUIRE
    slides.jquery_url = JQUERY
    slides.exclude_input_prompt = True
    slides.exclude_output_prompt = True
    return slides


def serve(out_dir, port, pages):
    """Serves the folder as it is: nothing is exported again, so the executed slides stay as they are."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out_dir))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        for page in pages:
            print(f"Serving {base}{page.name}", flush=True)
        print("Press Ctrl-C to stop.", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print()
    return 0


def main(argv):
    parser = argparse.ArgumentParser(prog="bin/slides", description=(
        "Execute lecture notebooks and write build/slides/NN-topic.slides.html with reveal.js, RequireJS and "
        "jQuery copied beside them, so the slides show without a network (open the file, or use --serve). "
        "Mark slides in the notebook first: View > Cell Toolbar > Slideshow (Notebook) or the property "
        "inspector (JupyterLab)."))
    parser.add_argument("notebooks", nargs="*", help="notebook paths or prefixes such as 03 (default: all)")
    parser.add_argument("--kernel", default="concurrency-lab", help="Jupyter kernel to run them with")
    parser.add_argument("--out", default=str(ROOT / "build" / "slides"), help="output folder (default build/slides)")
    parser.add_argument("--timeout", type=int, default=300, help="seconds one cell may run")
    parser.add_argument("--theme", default="white", help="reveal.js theme (default white)")
    parser.add_argument("--serve", action="store_true", help="then serve the folder on 127.0.0.1 until Ctrl-C")
    parser.add_argument("--port", type=int, default=8000, help="port for --serve (default 8000; 0 picks a free one)")
    args = parser.parse_args(argv)

    notebooks = find_notebooks(args.notebooks)
    try:
        KernelSpecManager().get_kernel_spec(args.kernel)
    except NoSuchKernel:
        sys.exit(f"slides: the Jupyter kernel '{args.kernel}' is not installed; install Concurrency Lab's kernel "
                 "first (bin/lab), then run bin/slides again")
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    bundle(out_dir)
    slides = exporter(args.theme)
    pages, failed = [], []
    for path in notebooks:
        handout = Handout(path)
        print(f"{path.stem}: executing …", flush=True)
        notebook = execute(handout, args.kernel, args.timeout)
        body, _ = slides.from_notebook_node(notebook, resources={"metadata": {"name": handout.title}})
        page = out_dir / f"{path.stem}.slides.html"
        page.write_text(body, encoding="utf-8")
        pages.append(page)
        print(f"{path.stem}: {handout.seconds:.1f} s, wrote {page}")
        for cell, message in handout.errors:
            print(f"    error in cell {cell}: {message}")
        if handout.errors:
            failed.append(path.stem)
    if failed:
        print(f"slides: errors in {', '.join(failed)} (their slides show them)", file=sys.stderr)
    if args.serve:
        return serve(out_dir, args.port, pages)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
