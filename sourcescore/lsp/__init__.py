"""The language server (`sourcescore lsp`): `server` speaks the protocol, `sessions` keeps the
configuration and the checking worker, `convert` turns a report into what the editor shows.

`main` is kept light: it protects stdout and starts loading the pipeline before it imports
the protocol machinery, so the two overlap.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading


def main() -> None:
    """Serve over stdio. The protocol gets its own copy of stdout; fd 1 itself then points at
    stderr, so nothing a plugin prints (Python or C) can corrupt the protocol stream."""
    protocol_out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr
    threading.Thread(target=_start_fork_server, name="sourcescore-warm", daemon=True).start()
    from sourcescore.lsp.server import server

    server.start_io(sys.stdin.buffer, protocol_out)


def _start_fork_server() -> None:
    """Start the worker fork server, which loads the pipeline, while the server imports the
    protocol and shakes hands with the client: the first check then forks a worker that has
    the pipeline in memory, and the first diagnostics come sooner than a cold `sourcescore
    check` (`benchmarks/lsp.py` measures both)."""
    import multiprocessing.forkserver

    from sourcescore.worker import worker_context

    if worker_context().get_start_method() == "forkserver":
        with contextlib.suppress(Exception):  # the first check reports what went wrong
            multiprocessing.forkserver.ensure_running()
