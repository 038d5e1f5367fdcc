"""The language server (`sourcescore lsp`): `server` speaks the protocol, `sessions` keeps the
configuration and the checking worker, `convert` turns a report into what the editor shows.

`main` is kept light: it protects stdout and starts loading the pipeline before it imports
the protocol machinery, so the two overlap.
"""

from __future__ import annotations

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
    # Imported here, on the thread: the protocol's imports on the main thread overlap it.
    from sourcescore.worker import start_fork_server

    start_fork_server()
