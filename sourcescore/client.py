"""`sourcescore check --server URL`: check through a running `sourcescore serve`.

A new process spends about two seconds importing spaCy and loading the pipeline before it
reads a word; a pre-publish hook that runs on every save should not. With `--server` (or
`SOURCESCORE_SERVER`), `check` reads the files itself, sends each to the server's `POST /check`
and renders the reports it gets back with the same output formats, so the output is the one a
local run prints under the server's configuration. spaCy is never imported in the client.
"""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from typing import Any

from sourcescore.errors import SourcescoreError
from sourcescore.plugins import PluginProblem
from sourcescore.report import FileReport, Report, Scoring, file_report_from_dict

#: Seconds to wait for one answer: the server's own time limit applies first.
READ_TIMEOUT = 600
#: The largest answer read for one story: its report, text included, is a small multiple of
#: the story; anything larger is not a sourcescore server's answer.
MAX_ANSWER_BYTES = 100_000_000


class RemoteChecker:
    """Stands in for `Checker` in the command line: formats and thresholds stay local, the
    checking (and the report's envelope: tool, configuration, plugins) is the server's."""

    def __init__(self, url: str, local) -> None:
        self.url = _checked_url(url)
        self._local = local
        self.plugins, self.config, self.rules = local.plugins, local.config, local.rules
        self.references = None
        self._envelope: dict[str, Any] | None = None
        # Never through a proxy (http_proxy and the like): the server is on this machine or
        # the newsroom's, and an embargoed story must not be handed to a third party.
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

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
            with self._opener.open(request, timeout=READ_TIMEOUT) as response:
                envelope = self._envelope_of(_bounded(response))
        except urllib.error.HTTPError as exc:
            if exc.code != 422:  # refused (too large, over time, malformed): this file's slot
                return FileReport(path=path, status="error", error=self._refusal(exc, path))
            envelope = self._envelope_of(_bounded(exc))  # checked, input unusable: a report
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            reason = getattr(exc, "reason", exc)
            raise SourcescoreError(f"no sourcescore server at {self.url} ({reason}); start one "
                                   "with `sourcescore serve`") from None
        self._envelope = self._envelope or envelope
        (data,) = envelope["files"]
        try:
            return file_report_from_dict(data, data.get("input", {}).get("text") or text)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise SourcescoreError(f"{self.url} did not answer as a sourcescore server (its "
                                   f"report lacks {exc})") from None

    def _envelope_of(self, payload: bytes) -> dict[str, Any]:
        """The report a sourcescore server sends, or one clear error for anything else."""
        try:
            envelope = json.loads(payload)
            if envelope["tool"]["name"] == "sourcescore" and len(envelope["files"]) == 1:
                _envelope_parts(envelope)  # every field `report` reads is there and usable
                return envelope
        except (ValueError, KeyError, TypeError, AttributeError):
            pass
        raise SourcescoreError(f"{self.url} did not answer as a sourcescore server (got "
                               f"{payload[:60]!r})")

    @staticmethod
    def _refusal(exc: urllib.error.HTTPError, path: str) -> str:
        payload = exc.read()
        try:
            message = json.loads(payload)["error"]
        except (ValueError, KeyError, TypeError):
            message = payload.decode("utf-8", "replace")[:200]
        return f"{path}: the server refused it ({exc.code}): {message}"

    def report(self, files: Iterable[FileReport]) -> Report:
        files = tuple(files)
        envelope = self._envelope
        if envelope is None:  # nothing was sent: describe the local set-up
            return self._local.report(files)
        return Report(files, *_envelope_parts(envelope))


def _envelope_parts(envelope: dict[str, Any]) -> tuple:
    """(version, config, plugins, plugin errors, scoring) of a server's report."""
    return (str(envelope["tool"]["version"]), envelope["config"],
            tuple((str(p["name"]), str(p["version"])) for p in envelope["plugins"]),
            tuple(PluginProblem(**p) for p in envelope["plugin_errors"]),
            Scoring(**envelope["scoring"]))


def _bounded(response) -> bytes:
    """An answer's body, read to `MAX_ANSWER_BYTES` at most."""
    payload = response.read(MAX_ANSWER_BYTES + 1)
    if len(payload) > MAX_ANSWER_BYTES:
        raise SourcescoreError(f"the server's answer is over {MAX_ANSWER_BYTES:,} bytes; not "
                               "a sourcescore report")
    return payload


def _checked_url(url: str) -> str:
    """The server's base URL, or one clear error: `http://[::1` must not become a traceback."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as exc:
        raise SourcescoreError(f"--server {url!r} is not a valid URL ({exc})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SourcescoreError(f"--server {url!r} is not a valid URL: give "
                               "http://HOST:PORT, e.g. http://127.0.0.1:8765")
    return url.rstrip("/")
