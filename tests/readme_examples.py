#!/usr/bin/python3
"""The README's Java examples, run through the kernel: what tests/test_readme.py checks and what
`tests/readme_examples.py --write` regenerates.

An example is a ```java block. Its quoted output is the next ``` block without a language before the
next example or heading; an example without one must simply run without an error. A comment on the
line before an example steers it:

    <!-- example: new kernel -->      run it (and the examples after it) in a freshly started kernel
    <!-- example: main kernel -->     go back to the kernel the first examples ran in
    <!-- example: cells -->           each line is its own cell (an indented line continues the cell)
    <!-- example: input NAME -->      answer a read of System.in with NAME

Outputs are compared by shape: timings, identity hashes, execution counts, worker names, the
environment line and table spacing may differ; everything else (counts, results, messages) must not.

--write runs the examples and writes their outputs (and the speedup and timeline images) into the
README, with a line that says on what machine they ran; it refuses to on a busy machine unless
--nice gives the kernels' processes a CPU priority above the other work (and the line says so).
"""
import argparse
import base64
import os
import platform
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
KERNEL = "concurrency-lab"
CELL_TIMEOUT_S = 300
FENCE = re.compile(r"^```(\S*)\s*$")
DIRECTIVE = re.compile(r"^<!-- example: (.+?) -->$")
IMAGE = re.compile(r"^!\[[^\]]*\]\((docs/images/[\w.-]+\.png)\)")
MACHINE_LINE = "Timings below come from "


@dataclass
class Example:
    code: str
    line: int                      # 1-based line of the opening fence
    directives: list = field(default_factory=list)
    output: str = None             # the quoted output, None when there is none
    output_span: tuple = None      # (first, last) 0-based lines of the quoted output's content
    image: str = None              # an image the README shows for this example

    def cells(self):
        if "cells" not in self.directives:
            return [self.code]
        cells = []
        for line in self.code.splitlines():
            if cells and line[:1].isspace():
                cells[-1] += "\n" + line
            elif line.strip():
                cells.append(line)
        return cells

    def new_kernel(self):
        return "new kernel" in self.directives

    def main_kernel(self):
        return "main kernel" in self.directives

    def answer(self):
        for directive in self.directives:
            if directive.startswith("input "):
                return directive[len("input "):]
        return None


def examples(text):
    """The ```java blocks of the README, in order, with their quoted outputs."""
    lines = text.splitlines()
    found, current, i = [], None, 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("#"):
            current = None
        if IMAGE.match(line) and current is not None:
            current.image = IMAGE.match(line).group(1)
        fence = FENCE.match(line)
        if not fence:
            i += 1
            continue
        end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
        body = "\n".join(lines[i + 1:end])
        if fence.group(1) == "java":
            before = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip()), "")
            directive = DIRECTIVE.match(before)
            current = Example(body, i + 1, [d.strip() for d in directive.group(1).split(",")] if directive else [])
            found.append(current)
        elif fence.group(1) == "" and current is not None and current.output is None:
            current.output = body
            current.output_span = (i + 1, end - 1)
        elif fence.group(1) not in ("", "java"):
            pass
        i = end + 1
    return found


# --- shape --------------------------------------------------------------------------------------

SUBSTITUTIONS = [
    (re.compile(r"@[0-9a-f]{4,}\b"), "@HASH"),
    (re.compile(r"\b\d+(?:\.\d+)?\s?(?:ns|µs|ms|s)\b"), "TIME"),
    (re.compile(r"parallelism \d+(?:\.\d+)?"), "parallelism P"),
    (re.compile(r"CPU utilisation \d+(?:\.\d+)?"), "CPU utilisation U"),
    (re.compile(r"\b\d+(?:\.\d+)?×"), "S×"),
    (re.compile(r"\b\d+(?:\.\d+)?%"), "P%"),
    (re.compile(r"\b(serial|threads|virtual|processes|gil)-\d+\b"), r"\1-N"),
    (re.compile(r"\b\d+ loops\b"), "N loops"),
    (re.compile(r"\blab-[0-9a-f]{16}\b"), "lab-NAME"),  # %cluster start's random cluster name
    (re.compile(r"\b127\.0\.0\.1:\d+\b"), "127.0.0.1:PORT"),  # a member forked on a free port
    (re.compile(r"cell \[\d+\]"), "cell [N]"),
    (re.compile(r"(after a warm-up;) .*"), r"\1 ENVIRONMENT"),
    # %%speedup: how many warm-up passes it took, and whether they settled, depend on the machine's load
    (re.compile(r"after \d+ warm-up pass(?:es)?(?: \(some points had not settled: noisy machine\))?; .*"),
     "after N warm-up passes; ENVIRONMENT"),
    (re.compile(r"S× unstable\s+—"), "S× P%"),
    # %%gil's lock report and %timeit's warm-up: counts that vary from run to run
    (re.compile(r"\b\d+ times\b"), "N times"),
    (re.compile(r"\b\d+ drop requests?\b"), "N drop requests"),
    (re.compile(r"\b\d+ warm-up runs?\b"), "N warm-up runs"),
]


def shape(text):
    """What must agree between a quoted and a fresh output; see the module's doc."""
    lines = []
    for line in (text or "").strip().splitlines():
        if line.startswith(("Above the ", "Unstable measurement (", "Warning: the timing did not settle")):
            continue  # a caution that noise produced a figure: present in some runs, not in others
        for pattern, replacement in SUBSTITUTIONS:
            line = pattern.sub(replacement, line)
        if line.startswith("Deadlock: "):
            line = "Deadlock: " + "; ".join(sorted(line[len("Deadlock: "):].rstrip(".").split("; "))) + "."
        lines.append(" ".join(line.split()))
    return "\n".join(lines)


# --- running ------------------------------------------------------------------------------------

@dataclass
class Ran:
    text: str = ""
    images: list = field(default_factory=list)
    errors: list = field(default_factory=list)


class Kernels:
    """The main kernel, where the examples run by default, and at most one other that an example asked for."""

    def __init__(self, nice=None):
        self.main = self.side = self.current = None
        self.nice = nice

    def prioritize(self):
        """Gives every process of the kernels (kernel, runtime, worker JVMs) the niceness asked for."""
        if self.nice is None:
            return
        import proctree
        for kernel in (self.main, self.side):
            if kernel is not None:
                leader = kernel[0].provisioner.process.pid
                if os.getsid(leader) == leader:
                    # Linux schedules each session's autogroup as one: the kernel's session gets the niceness too
                    try:
                        Path(f"/proc/{leader}/autogroup").write_text(str(self.nice))
                    except OSError:
                        pass
                for pid in proctree.tree(leader):
                    try:
                        os.setpriority(os.PRIO_PROCESS, pid, self.nice)
                        for task in os.listdir(f"/proc/{pid}/task"):  # Linux: the niceness is per thread
                            os.setpriority(os.PRIO_PROCESS, int(task), self.nice)
                    except (OSError, ValueError):
                        pass

    @staticmethod
    def _start():
        from jupyter_client.manager import start_new_kernel
        return start_new_kernel(kernel_name=KERNEL, startup_timeout=120)

    @staticmethod
    def _stop(kernel):
        if kernel is not None:
            manager, client = kernel
            client.stop_channels()
            manager.shutdown_kernel(now=True)

    def for_example(self, example):
        if self.main is None:
            self.main = self.current = self._start()
        if example.new_kernel():
            self._stop(self.side)
            self.side = self.current = self._start()
        elif example.main_kernel():
            self.current = self.main
        self.prioritize()
        return self.current[1]

    def close(self):
        self._stop(self.side)
        self._stop(self.main)
        self.main = self.side = self.current = None


def run_cell(client, code, answer=None):
    ran = Ran()
    parts = []           # (display id or None, text)
    updated = set()      # displays that update in place (a progress bar): not part of the quoted report

    def on_output(msg):
        kind, content = msg["msg_type"], msg["content"]
        display_id = content.get("transient", {}).get("display_id")
        if kind == "stream":
            parts.append((None, content["text"]))
        elif kind == "update_display_data":
            updated.add(display_id)
        elif kind in ("execute_result", "display_data"):
            data = content.get("data", {})
            if "image/png" in data:
                ran.images.append(base64.b64decode(data["image/png"]))
            elif "text/plain" in data:
                parts.append((display_id, data["text/plain"].rstrip("\n") + "\n"))
        elif kind == "error":
            parts.append((None, "\n".join(content["traceback"]) + "\n"))
            ran.errors.append(f"{content['ename']}: {content['evalue']}")

    def on_input(msg):
        client.input(answer if answer is not None else "")

    client.execute_interactive(code, allow_stdin=True, timeout=CELL_TIMEOUT_S, output_hook=on_output,
                               stdin_hook=on_input)
    ran.text = "".join(text for display_id, text in parts if display_id is None or display_id not in updated)
    return ran


def run_all(found, kernels, report=print):
    """Runs every example in order; yields (example, Ran) with the outputs of all its cells together."""
    for example in found:
        client = kernels.for_example(example)
        total = Ran()
        for code in example.cells():
            kernels.prioritize()  # worker JVMs a cell started come after the kernel was prioritized
            ran = run_cell(client, code, example.answer())
            total.text += ran.text
            total.images += ran.images
            total.errors += ran.errors
        report(f"README line {example.line}: ran {example.code.splitlines()[0][:60]!r}")
        yield example, total


# --- writing ------------------------------------------------------------------------------------

def machine():
    cores = os.cpu_count()
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    return cores, model, (java[1] if len(java) > 1 else "?").strip()


def load_average():
    return os.getloadavg()[0]


def write(found, results, text, load_before, nice):
    lines = text.splitlines()
    for example, ran in results:
        if example.output_span is not None:
            first, last = example.output_span
            fresh = ran.text.rstrip("\n").splitlines()
            lines[first:last + 1] = fresh
            # the spans after this one move by the change in its number of lines
            delta = len(fresh) - (last - first + 1)
            for other in found:
                if other.output_span is not None and other.output_span[0] > last:
                    other.output_span = (other.output_span[0] + delta, other.output_span[1] + delta)
        if example.image and ran.images:
            (ROOT / example.image).write_bytes(ran.images[-1])
    cores, model, java = machine()
    where = (f"{cores}-core machine ({model}, {platform.system()} {platform.release()}, {java})")
    if nice is None:
        line = (f"{MACHINE_LINE}one run of this page's examples on an otherwise idle {where}, load average "
                f"{load_before:.2f} when the run began; yours will differ.")
    else:
        line = (f"{MACHINE_LINE}one run of this page's examples on a {where} that other work kept busy "
                f"(load average {load_before:.2f}); the kernel's processes ran at CPU priority nice {nice}, ahead "
                f"of that work, so the examples had the cores nearly to themselves. Yours will differ.")
    lines = [line if l.startswith(MACHINE_LINE) else l for l in lines]
    README.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv):
    parser = argparse.ArgumentParser(description="Run the README's examples; --write puts their outputs in it.")
    parser.add_argument("--write", action="store_true", help="write the outputs and images into the README")
    parser.add_argument("--max-load", type=float, default=0.3,
                        help="refuse to --write when the 1-minute load average per core is above this (default 0.3)")
    parser.add_argument("--nice", type=int, help="run the kernels at this niceness (-20..19; below 0 needs root), "
                                                  "ahead of other work on a busy machine")
    args = parser.parse_args(argv)
    text = README.read_text(encoding="utf-8")
    found = examples(text)
    load = load_average()
    if args.write and args.nice is None and load / os.cpu_count() > args.max_load:
        sys.exit(f"readme: load average {load:.2f} on {os.cpu_count()} cores is not a quiet machine; "
                 "wait until it is (or raise --max-load) before writing timings into the README")
    kernels = Kernels(args.nice)
    try:
        results = list(run_all(found, kernels))
    finally:
        kernels.close()
    failed = False
    for example, ran in results:
        if example.output is None and ran.errors:
            print(f"README line {example.line}: {'; '.join(ran.errors)}", file=sys.stderr)
            failed = True
        elif example.output is not None and shape(example.output) != shape(ran.text):
            print(f"README line {example.line}: the output differs\n--- quoted\n{example.output}\n--- now\n{ran.text}",
                  file=sys.stderr)
            failed = True
    if args.write:
        write(found, results, text, load, args.nice)
        print(f"readme: wrote {sum(1 for e in found if e.output is not None)} outputs into {README}")
        return 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
