"""Loading third-party plugins where their faults are contained.

A plugin's module runs code when it is imported and when its registration hooks are called, and
that code runs before any story is checked. A plugin that calls `os._exit(0)` there would end
`check` with status 0 and no report - a pass the story never earned; one that loops would hang
the run; one that prints would corrupt a JSON report on standard output.

So before the checking process imports a third-party plugin, a forked child imports and registers
each one in turn, with its standard output sent to standard error, telling the parent over a
pipe which plugin it starts and which it has finished. A plugin during which the child dies or
makes no progress for the time limit is named with what happened and is not loaded; the child is
killed and a new one probes the plugins after it. The checking process then loads only the
plugins that loaded cleanly, still with standard output sent to standard error
(`stdout_to_stderr`).

Where the platform cannot fork, plugins are loaded without the probe (and still with standard
output redirected).
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence

#: Seconds one plugin may take to import and register in the probe
#: (`SOURCESCORE_PLUGIN_TIMEOUT` overrides it).
PLUGIN_TIMEOUT = 30.0
TIMEOUT_ENV = "SOURCESCORE_PLUGIN_TIMEOUT"

#: (plugin name, loader) - the loader imports the plugin and returns the object to register.
Candidate = tuple[str, Callable[[], object]]


def plugin_timeout() -> float:
    """The probe's time limit per plugin, from the environment when it is set sensibly."""
    raw = os.environ.get(TIMEOUT_ENV)
    try:
        value = float(raw) if raw else PLUGIN_TIMEOUT
    except ValueError:
        return PLUGIN_TIMEOUT
    return value if 0.1 <= value <= 3600 else PLUGIN_TIMEOUT


@contextlib.contextmanager
def stdout_to_stderr() -> Iterator[None]:
    """Send everything written to standard output - by Python or by C code - to standard error
    for the duration, so that nothing a plugin prints can reach a report."""
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # no file descriptor 1 at all: Python-level redirect only
        saved = None
    try:
        if saved is not None:
            os.dup2(2, 1)
        with contextlib.redirect_stdout(sys.stderr):
            yield
    finally:
        with contextlib.suppress(Exception):
            sys.stderr.flush()
        if saved is not None:
            os.dup2(saved, 1)
            os.close(saved)


def probe(candidates: Sequence[Candidate], register: Callable[[object, str], None],
          timeout: float | None = None) -> dict[str, str]:
    """The plugins among `candidates` that end or hang the process that loads them, each with
    what happened. `register(plugin, name)` is what loading means (import, registration and the
    plugin's registration hooks); ordinary exceptions are left for the real load to report."""
    if not candidates or not hasattr(os, "fork"):
        return {}
    limit = plugin_timeout() if timeout is None else timeout
    faults: dict[str, str] = {}
    remaining = list(candidates)
    while remaining:
        culprit, message = _probe_once(remaining, register, limit)
        if culprit is None:
            break
        faults[culprit] = message
        names = [name for name, _ in remaining]
        remaining = remaining[names.index(culprit) + 1:]
    return faults


def _probe_once(candidates: Sequence[Candidate], register: Callable[[object, str], None],
                limit: float) -> tuple[str | None, str]:
    """Probe in one child; the first plugin that ended or stalled it, or None if none did."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read_end)
        _child(candidates, register, write_end)
    os.close(write_end)
    try:
        return _watch(pid, read_end, limit)
    finally:
        os.close(read_end)
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)


def _child(candidates: Sequence[Candidate], register: Callable[[object, str], None],
           out: int) -> None:
    try:
        die_with_parent()
        os.dup2(2, 1)
        sys.stdout = sys.stderr
        for name, load in candidates:
            os.write(out, f"start {name}\n".encode("utf-8", "replace"))
            with contextlib.suppress(BaseException):  # an exception (even SystemExit) is
                register(load(), name)  # left for the real load to report in its own words
            os.write(out, f"end {name}\n".encode("utf-8", "replace"))
        os.write(out, b"done\n")
    finally:
        os._exit(0)


def _watch(pid: int, stream: int, limit: float) -> tuple[str | None, str]:
    """Follow the child's progress lines until it is done, dies, or stalls."""
    current: str | None = None
    buffer = b""
    deadline = time.monotonic() + limit
    while True:
        left = deadline - time.monotonic()
        ready = select.select([stream], [], [], max(0.0, left))[0] if left > 0 else []
        if not ready:
            return current, f"did not finish loading within {limit:g} s ({TIMEOUT_ENV})"
        chunk = os.read(stream, 4096)
        if not chunk:  # the child is gone without saying it was done
            return current, _ending(pid)
        buffer += chunk
        *lines, buffer = buffer.split(b"\n")
        for line in lines:
            word, _, name = line.decode("utf-8", "replace").partition(" ")
            if word == "done":
                return None, ""
            current = name if word == "start" else None
            deadline = time.monotonic() + limit


def _ending(pid: int) -> str:
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        with contextlib.suppress(ValueError):
            return f"killed its process with {signal.Signals(os.WTERMSIG(status)).name} " \
                   "while being loaded"
    return f"ended its process (exit status {os.waitstatus_to_exitcode(status)}) while being " \
           "loaded"


def die_with_parent() -> None:
    """Ask Linux to kill this process when its parent ends (PR_SET_PDEATHSIG); elsewhere a
    no-op."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
