"""A process and its descendants, read from /proc: pids, CPU seconds, resident memory.

Shared by the Jupyter-level tests and bench/kernel, which both need to know what a kernel
left running, how much CPU it burns and how much memory it holds.
"""

import os

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def _stat_fields(pid):
    """Fields of /proc/PID/stat after the command name, or None when the process is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            text = f.read()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return text[text.rindex(")") + 2:].split()


def alive(pid):
    """True while the process exists and is not a zombie."""
    fields = _stat_fields(pid)
    return fields is not None and fields[0] not in ("Z", "X")


def tree(root_pid):
    """The root pid and every live descendant."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = _stat_fields(int(entry))
            if fields is not None:
                children.setdefault(int(fields[1]), []).append(int(entry))
    found, todo = [], [root_pid]
    while todo:
        pid = todo.pop()
        if alive(pid):
            found.append(pid)
            todo.extend(children.get(pid, []))
    return found


def cpu_seconds(pids):
    """User plus system CPU time of the given processes (those still alive)."""
    total = 0
    for pid in pids:
        fields = _stat_fields(pid)
        if fields is not None:
            total += int(fields[11]) + int(fields[12])
    return total / CLOCK_TICKS


def rss_bytes(pids):
    """Resident set size summed over the given processes."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/statm") as f:
                total += int(f.read().split()[1]) * PAGE_SIZE
        except (FileNotFoundError, ProcessLookupError):
            pass
    return total


def pss_bytes(pids):
    """Proportional set size summed over the given processes: each page shared by n processes (the JDK's
    libraries, class-data archives, jars mapped by several JVMs) counts 1/n in each, so the sum over every
    process of a machine is the memory they really take together."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            pass
    return total


def busy_cores_once_settled(pids_now, threshold, bound_seconds, seconds=1.0):
    """busy_cores of the processes pids_now() lists, measured again until under threshold or until
    bound_seconds have passed: a thread left spinning never lets it drop, a passing burst (a restart,
    the JIT, a collection) does, however loaded the machine is."""
    import time

    deadline = time.monotonic() + bound_seconds
    busy = busy_cores(pids_now(), seconds)
    while busy >= threshold and time.monotonic() < deadline:
        busy = busy_cores(pids_now(), seconds)
    return busy


def busy_cores(pids, seconds=1.0):
    """Cores kept busy by these processes over the next `seconds` (0.0 = idle, 1.0 = one core)."""
    import time

    before_cpu, before_wall = cpu_seconds(pids), time.monotonic()
    time.sleep(seconds)
    return (cpu_seconds(pids) - before_cpu) / (time.monotonic() - before_wall)
