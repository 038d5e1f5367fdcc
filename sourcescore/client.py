"""`sourcescore check --server URL`: check through a running `sourcescore serve`.

A new process spends about two seconds importing spaCy and loading the pipeline before it
reads a word; a pre-publish hook that runs on every save should not. With `--server` (or
`SOURCESCORE_SERVER`), `check` reads the files itself, sends each to the server's `POST /check`
and renders the reports it gets back with the same output formats, so the output is the one a
local run prints under the server's configuration. spaCy is never imported in the client.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from typing import Any

from sourcescore.errors import SourcescoreError
from sourcescore.plugins import PluginProblem
from sourcescore.report import FileReport, Report, file_report_from_dict

#: Seconds to wait for one answer: the server's own time limit applies first.
READ_TIMEOUT = 600


class RemoteChecker:
    """Stands in for `Checker` in the command line: formats and thresholds stay local, the
    checking (and the report's envelope: tool, configuration, plugins) is the server's."""

    def __init__(self, url: str, local) -> None:
        self.url = url.rstrip("/")
        self._local = local
        self.plugins, self.config, self.rules = local.plugins, local.config, local.rules
        self.references = None
        self._envelope: dict[str, Any] | None = None

    def check_texts(self, items: Iterable[tuple[str, str | Exception]]) -> Iterator[FileReport]:
        for path, text in items:
            if isinstance(text, Exception):
                yield FileReport(path=path, status="error", error=str(text))
                continue
            yield self._check(path, text)

    def _check(self, path: str, text: str) -> FileReport:
        body = json.dumps({"text": text, "path": path}).encode("utf-8")
        request = urllib.request.Request(f"{self.url}/check?format=json", data=body,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=READ_TIMEOUT) as response:
                envelope = json.loads(response.read())
        except urllib.error.HTTPError as exc:
            envelope = self._error_body(exc, path)
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise SourcescoreError(f"no sourcescore server at {self.url} ({reason}); start one "
                                   "with `sourcescore serve`") from None
        self._envelope = self._envelope or envelope
        (data,) = envelope["files"]
        return file_report_from_dict(data, data.get("input", {}).get("text") or text)

    def _error_body(self, exc: urllib.error.HTTPError, path: str) -> dict[str, Any]:
        payload = exc.read()
        if exc.code == 422:  # checked, but the input was unusable: the body is the report
            return json.loads(payload)
        try:
            message = json.loads(payload)["error"]
        except (ValueError, KeyError, TypeError):
            message = payload.decode("utf-8", "replace")[:200]
        raise SourcescoreError(f"{path}: the server refused it ({exc.code}): {message}")

    def report(self, files: Iterable[FileReport]) -> Report:
        files = tuple(files)
        envelope = self._envelope
        if envelope is None:  # nothing was sent: describe the local set-up
            return self._local.report(files)
        return Report(files, envelope["tool"]["version"], envelope["config"],
                      tuple((p["name"], p["version"]) for p in envelope["plugins"]),
                      tuple(PluginProblem(**p) for p in envelope["plugin_errors"]))
