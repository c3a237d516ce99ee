#!/usr/bin/python3
"""Checks the Java in notebook sources with the JDK's JShell API, for when the kernel is not at hand.

Magic lines are approximated: a cell magic's body runs once as ordinary snippets (Task.index() = 0,
Task.count() = 1), %time/%timeit run their statement once, %lsmagic and %help are skipped, and so are
cells that run no Java (%%bash, %%python, display cells); the jars of %maven lines come from ~/.m2.
Usage: jshell_check.py [NN-topic ...]   (needs the built app/target/concurrency-lab.jar, and JAVA_HOME at a JDK 21+)
"""
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build import SRC, parse_cells  # noqa: E402

# The runnable jar carries XChart (and everything else a notebook cell can use).
PRODUCT_JAR = SRC.parent.parent / "app/target/concurrency-lab.jar"
MODE_ENUM = SRC.parent.parent / "magics/src/main/java/concurrencylab/harness/Mode.java"


def mode_names():
    """The executors' names from the one enum that declares them; each is the name of a cell magic too."""
    source = re.sub(r"/\*.*?\*/|//[^\n]*", "", MODE_ENUM.read_text(), flags=re.S)
    constants = re.search(r"\benum Mode\s*\{([^;]*);", source).group(1)
    return {name.lower() for name in re.findall(r"\b([A-Z][A-Z0-9_]*)\b", constants)}


MEASURING_CELL_MAGICS = mode_names() | {"speedup", "timeline", "time", "timeit"}


# Cells that other programs run (a shell, CPython) or that show their text: no Java to check.
NON_JAVA_CELL_MAGICS = {"bash", "sh", "python", "html", "markdown", "javascript", "svg", "latex"}


def to_jshell(code):
    lines = code.splitlines()
    if lines and lines[0].startswith("%%"):
        name = lines[0][2:].split()[0]
        if name in NON_JAVA_CELL_MAGICS:
            return ""
        if name not in MEASURING_CELL_MAGICS:
            raise ValueError(f"unknown cell magic %%{name}")
        lines = lines[1:]
    out = []
    for line in lines:
        match = re.match(r"^%(\w+)\s*(.*)$", line)
        if not match:
            out.append(line)
        elif match.group(1) in ("time", "timeit"):
            statement = re.sub(r"^(-[nro]\s+\S+\s+)*", "", match.group(2))
            out.append(statement if statement.rstrip().endswith((";", "}")) else statement + ";")
        elif match.group(1) == "maven":
            continue  # its jars join the checker's class path (maven_jars)
        elif match.group(1) not in ("lsmagic", "help", "cluster"):  # %cluster start/join/stop: no Java to check
            raise ValueError(f"unknown line magic %{match.group(1)}")
    last = max((i for i, line in enumerate(out) if line.strip()), default=None)
    if last is not None and re.fullmatch(r"[A-Za-z_]\w*", out[last].strip()):
        # The kernel renders a cell's last value (a chart becomes a PNG): render it here too.
        out[last] = f"System.out.println(show$({out[last].strip()}));"
    return "\n".join(out)


def maven_jars(cells):
    """The jars the cells' %maven lines name, where a resolution left them: the local repository (~/.m2)."""
    repository = Path.home() / ".m2" / "repository"
    jars = []
    for _, kind, text in cells:
        for match in re.finditer(r"^%maven\s+(.*)$", text if kind == "code" else "", flags=re.M):
            for coordinates in match.group(1).split():
                if coordinates.startswith("-"):
                    continue
                group, artifact, version = coordinates.split(":")[0], coordinates.split(":")[1], coordinates.split(":")[-1]
                jar = repository.joinpath(*group.split("."), artifact, version, f"{artifact}-{version}.jar")
                if not jar.exists():
                    sys.exit(f"jshell_check: {jar} is missing; run the notebook once, so that %maven fetches it")
                jars.append(str(jar))
    return jars


def result_names(text):
    """The variables a cell magic's -o NAME stores its result object in."""
    first = text.splitlines()[0] if text else ""
    return set(re.findall(r"\s-o\s+([A-Za-z_]\w*)", first)) if first.startswith("%%") else set()


def check(source):
    script = ["//@@cell prelude", (SRC / "jshell-prelude.jsh").read_text()]
    # The check runs a magic's body once as plain Java and makes no result object, so a cell that reads one
    # (-o NAME) has nothing to read: it is left out, and said so.
    results, skipped = set(), []
    for index, (_, kind, text) in enumerate(parse_cells(source.read_text(), source.name)):
        if kind == "code":
            java = to_jshell(text)
            if any(re.search(rf"\b{name}\b", java) for name in results):
                skipped.append(index)
                continue
            results |= result_names(text)
            script.append(f"//@@cell {index}")
            script.append(java)
    with tempfile.NamedTemporaryFile("w", suffix=".cells.txt", delete=False) as handle:
        handle.write("\n".join(script) + "\n")
    if not PRODUCT_JAR.exists():
        sys.exit(f"jshell_check: {PRODUCT_JAR} is missing; build it first (mvn -B -q package -DskipTests)")
    # JAVA_HOME as the project's scripts set it (bin/lib/jdk.sh finds a JDK 21+); else java on PATH.
    java = Path(os.environ["JAVA_HOME"]) / "bin/java" if os.environ.get("JAVA_HOME") else Path("java")
    started = time.monotonic()
    class_path = os.pathsep.join([str(PRODUCT_JAR)] + maven_jars(parse_cells(source.read_text(), source.name)))
    # The kernel names an owner-only scratch folder to the programs a notebook runs; so does the check.
    with tempfile.TemporaryDirectory(prefix="notebook-check-") as scratch:
        result = subprocess.run([str(java), "-Djava.awt.headless=true", str(SRC / "NotebookCheck.java"),
                                 class_path, handle.name], capture_output=True, text=True, timeout=120,
                                env={**os.environ, "CONCURRENCY_LAB_SCRATCH": scratch})
    seconds = time.monotonic() - started
    output = result.stdout + result.stderr
    problems = [line for line in output.splitlines() if line.startswith("PROBLEM")]
    if result.returncode != 0 and not problems:
        problems.append(f"checker exited with {result.returncode}")
    if skipped:
        output += f"not checked (they read a magic's -o result): cells {', '.join(map(str, skipped))}\n"
    return seconds, output, problems


def main(names):
    sources = [SRC / f"{n}.cells" for n in names] if names else sorted(SRC.glob("*.cells"))
    failed = False
    for source in sources:
        seconds, output, problems = check(source)
        if "-v" in os.environ.get("CHECK_FLAGS", ""):
            print(output)
        print(f"{source.stem}: {seconds:.1f} s, {'OK' if not problems else 'PROBLEMS'}")
        for line in output.splitlines():
            if line.startswith("not checked"):
                print("   ", line)
        for problem in problems:
            print("   ", problem)
        failed |= bool(problems)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main(sys.argv[1:])
