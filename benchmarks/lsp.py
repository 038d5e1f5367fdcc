#!/usr/bin/env python3
"""How fast `sourcescore lsp` answers: cold start to first diagnostics, and warm latency.

Usage: python benchmarks/lsp.py [--edits N] [--story PATH]

In one run, on the same story of about 1,000 words (seed 001, repeated to length):

* the CLI's cold check, `sourcescore check story.txt` as a whole process (the baseline a
  language server must beat to its first diagnostics);
* the server's cold start: from spawning `sourcescore lsp` to the first publishDiagnostics
  after didOpen;
* warm latency: after that, N edits (each a didChange that alters one sentence), timed from
  the end of the debounce (`DEBOUNCE` seconds after the edit is sent) to the diagnostics for
  that version; median and worst are printed.

The server is driven over stdio byte for byte, as an editor drives it.
"""

from __future__ import annotations

import argparse
import json
import os
import selectors
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sourcescore.lsp.server import DEBOUNCE  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--story", default=str(next(ROOT.glob("seeds/001_*.txt"))))
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="sourcescore-lsp-bench-"))
    story = folder / "story.txt"
    text = _about_1000_words(Path(args.story).read_text(encoding="utf-8"))
    story.write_text(text, encoding="utf-8")
    (folder / "rules.toml").write_text((ROOT / "rules.toml").read_text(encoding="utf-8"),
                                       encoding="utf-8")
    print(f"story: {len(text.split())} words")
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "sourcescore", "check", str(story), "-f", "json"],
                   cwd=folder, capture_output=True, check=False)
    print(f"CLI cold check (whole process): {time.perf_counter() - began:.2f} s")
    server = Server(folder)
    try:
        began = time.perf_counter()
        server.send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                     "params": {"processId": os.getpid(), "capabilities": {}}})
        server.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": story.as_uri(), "languageId": "plaintext", "version": 1,
                             "text": text}}})
        server.diagnostics(1)
        print(f"server cold start to first diagnostics: {time.perf_counter() - began:.2f} s")
        latencies = []
        for version in range(2, args.edits + 2):
            edited = text.replace(".", f" (edit {version}).", 1)
            sent = time.perf_counter()
            server.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                "textDocument": {"uri": story.as_uri(), "version": version},
                "contentChanges": [{"text": edited}]}})
            server.diagnostics(version)
            latencies.append(time.perf_counter() - sent - DEBOUNCE)
        print(f"warm latency after the {DEBOUNCE:g} s debounce, {len(latencies)} edits: median "
              f"{1000 * statistics.median(latencies):.0f} ms, worst "
              f"{1000 * max(latencies):.0f} ms")
    finally:
        server.close()
    return 0


def _about_1000_words(text: str) -> str:
    """The story's paragraphs, repeated as needed, up to the first that reaches 1,000 words."""
    paragraphs = [p for p in text.splitlines() if p.strip()]
    taken: list[str] = []
    while sum(len(p.split()) for p in taken) < 1000:
        taken.append(paragraphs[len(taken) % len(paragraphs)])
    return "\n\n".join(taken) + "\n"


class Server:
    """`sourcescore lsp` in a child process, spoken to in Content-Length frames."""

    def __init__(self, folder: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "sourcescore", "lsp"], cwd=folder, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.buffer = b""
        self.selector = selectors.DefaultSelector()
        assert self.process.stdout is not None
        self.selector.register(self.process.stdout, selectors.EVENT_READ)

    def send(self, message: dict) -> None:
        body = json.dumps(message).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        self.process.stdin.flush()

    def diagnostics(self, version: int, timeout: float = 300.0) -> list:
        """Wait for the diagnostics published for `version` of the document."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = self._next(deadline)
            if message.get("method") == "textDocument/publishDiagnostics" and \
                    message["params"].get("version") == version:
                return message["params"]["diagnostics"]
        raise SystemExit(f"no diagnostics for version {version} within {timeout:g} s")

    def _next(self, deadline: float) -> dict:
        while True:
            head_end = self.buffer.find(b"\r\n\r\n")
            if head_end >= 0:
                headers = dict(line.split(b":", 1) for line in
                               self.buffer[:head_end].split(b"\r\n"))
                length = int(headers[b"Content-Length"])
                if len(self.buffer) >= head_end + 4 + length:
                    body = self.buffer[head_end + 4:head_end + 4 + length]
                    self.buffer = self.buffer[head_end + 4 + length:]
                    return json.loads(body)
            if time.monotonic() > deadline:
                raise SystemExit("the server stopped answering")
            assert self.process.stdout is not None
            if self.selector.select(timeout=1):
                chunk = os.read(self.process.stdout.fileno(), 1 << 16)
                if not chunk:
                    raise SystemExit("the server exited")
                self.buffer += chunk

    def close(self) -> None:
        self.send({"jsonrpc": "2.0", "id": 99, "method": "shutdown"})
        self.send({"jsonrpc": "2.0", "method": "exit"})
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()


if __name__ == "__main__":
    sys.exit(main())
