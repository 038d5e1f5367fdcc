"""`sourcescore serve`: a small local HTTP API for CMS integration, with the HTML view at `/`.

Endpoints (all answers are UTF-8; errors are `{"error": "..."}` with a 4xx/5xx status):

* `POST /check` — the body is the article: `text/plain` (or `text/markdown`, `text/html`,
  which choose how it is read), or `application/json` as `{"text": "...", "path": "story.md"}`
  (the path's suffix chooses the reader; default `story.txt`). The answer is the report in the
  `format` query parameter's output format (default `json`: exactly what
  `sourcescore check -f json` prints for that text). 200 when the article was checked, 422 when
  it could not be (an HTML page without an article), 400 malformed, 411 no Content-Length,
  413 over `--max-bytes`, 415 another content type, 503 over the `--timeout` limit.
* `GET /rules` — the rules, as `sourcescore rules -f json`; `GET /health` — status, version,
  limits. `GET /` — a page to paste a story into and see the `html` report.

The pipeline lives in one worker process, loaded once at start-up (the server answers only
when it is ready). Requests are checked one at a time; one that runs past the time limit gets
503 and the worker is replaced, so a pathological input cannot wedge the server. The server
binds to 127.0.0.1 unless told otherwise: it has no authentication.
"""

from __future__ import annotations

import io
import json
import threading
import time
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing import TimeoutError as PoolTimeout
from multiprocessing import get_context
from typing import Any
from urllib.parse import parse_qs

from sourcescore import __version__
from sourcescore.errors import SourcescoreError
from sourcescore.formats import RenderOptions
from sourcescore.parallel import CheckerSettings, check_batch, start_worker

READERS = {"text/plain": "story.txt", "text/markdown": "story.md", "text/html": "story.html"}
MEDIA_TYPES = {"json": "application/json", "json-lines": "application/json",
               "sarif": "application/sarif+json", "junit": "application/xml",
               "html": "text/html"}


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 2_000_000  #: largest request body accepted
    timeout: float = 30.0  #: seconds one check may take


class HTTPError(Exception):
    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


class Worker:
    """The process that holds the pipeline; replaced when a check overruns its time limit.

    A replacement loads its pipeline before it takes work, and the time limit counts from then,
    so the request after a timeout is not charged for the reload.
    """

    #: Seconds a request waits for a (re)starting worker to load its pipeline.
    LOAD_WAIT = 300.0

    def __init__(self, settings: CheckerSettings) -> None:
        self._settings = settings
        self._lock = threading.Lock()
        self._ready = threading.Event()
        self._pool = self._start()

    def _start(self):
        self._ready.clear()
        # The only worker: let its linear algebra use every core.
        return get_context("spawn").Pool(1, initializer=start_worker,
                                         initargs=(self._settings, False))

    def warm_up(self) -> float:
        """Load the pipeline now; return the seconds it took."""
        began = time.perf_counter()
        self._pool.apply(check_batch, ([("warm-up.txt", "The mayor said it would rain.")],))
        self._ready.set()
        return time.perf_counter() - began

    def check(self, path: str, text: str, timeout: float):
        if not self._lock.acquire(timeout=self.LOAD_WAIT + timeout):
            raise HTTPError(HTTPStatus.SERVICE_UNAVAILABLE, "busy: try again shortly")
        try:
            if not self._ready.is_set():
                self.warm_up()
            task = self._pool.apply_async(check_batch, ([(path, text)],))
            try:
                return task.get(timeout)[0]
            except PoolTimeout:
                self._pool.terminate()
                self._pool = self._start()
                threading.Thread(target=self._reload, daemon=True).start()
                raise HTTPError(HTTPStatus.SERVICE_UNAVAILABLE,
                                f"checking took longer than the {timeout:g} s limit "
                                "(--timeout)") from None
        finally:
            self._lock.release()

    def _reload(self) -> None:
        with self._lock:
            if not self._ready.is_set():
                self.warm_up()

    def close(self) -> None:
        # Kill the worker outright (it holds nothing worth flushing), then let the pool tidy up
        # for a bounded time: shutting down must not hang on a wedged worker.
        for process in list(getattr(self._pool, "_pool", ())):
            process.kill()
        closer = threading.Thread(target=self._pool.terminate, daemon=True)
        closer.start()
        closer.join(5)


class Service:
    """What the handler needs: the checker (plugins, config, formats), the worker and limits."""

    def __init__(self, checker, worker: Worker, limits: Limits) -> None:
        self.checker = checker
        self.worker = worker
        self.limits = limits

    def rules(self) -> list[dict[str, Any]]:
        return [rule.describe() for rule in self.checker.plugins.rules]

    def health(self) -> dict[str, Any]:
        return {"status": "ok", "version": __version__, "rules": len(self.checker.rules),
                "max_bytes": self.limits.max_bytes, "timeout": self.limits.timeout}

    def check(self, path: str, text: str, format_name: str) -> tuple[int, str, str]:
        """(status, media type, body) for one article."""
        fmt = self.checker.plugins.formats.get(format_name)
        if fmt is None:
            raise HTTPError(HTTPStatus.BAD_REQUEST, f"unknown format {format_name!r}; choose "
                            f"from {', '.join(sorted(self.checker.plugins.formats))}")
        file = self.worker.check(path, text, self.limits.timeout)
        report = self.checker.report([file])
        out = io.StringIO()
        fmt.render(report, out, RenderOptions(rules=tuple(self.checker.rules)))
        status = HTTPStatus.UNPROCESSABLE_ENTITY if file.status == "error" else HTTPStatus.OK
        return status, MEDIA_TYPES.get(format_name, "text/plain"), out.getvalue()


class Handler(BaseHTTPRequestHandler):
    server_version = f"sourcescore/{__version__}"
    timeout = 15  # seconds a client may take to send its request
    service: Service  # set on the subclass `make_server` builds

    def do_GET(self) -> None:
        self._answer(self._get)

    def do_POST(self) -> None:
        self._answer(self._post)

    def _get(self, route: str, query: dict[str, str]):
        if route == "/":
            return HTTPStatus.OK, "text/html", INDEX_PAGE
        if route == "/health":
            return HTTPStatus.OK, "application/json", _json(self.service.health())
        if route == "/rules":
            return HTTPStatus.OK, "application/json", _json(self.service.rules())
        if route == "/check":
            raise HTTPError(HTTPStatus.METHOD_NOT_ALLOWED, "POST the article to /check")
        raise HTTPError(HTTPStatus.NOT_FOUND, f"no such endpoint {route}")

    def _post(self, route: str, query: dict[str, str]):
        if route != "/check":
            if route in ("/", "/health", "/rules"):
                raise HTTPError(HTTPStatus.METHOD_NOT_ALLOWED, f"{route} answers GET only")
            raise HTTPError(HTTPStatus.NOT_FOUND, f"no such endpoint {route}")
        body = self._body()
        path, text = _article(self.headers.get("Content-Type", ""), body, query)
        return self.service.check(path, text, query.get("format", "json"))

    def _body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if length is None:
            raise HTTPError(HTTPStatus.LENGTH_REQUIRED, "send the body with a Content-Length")
        if not length.isdigit():
            raise HTTPError(HTTPStatus.BAD_REQUEST, f"bad Content-Length {length!r}")
        if int(length) > self.service.limits.max_bytes:
            self._discard(int(length))
            raise HTTPError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                            f"the body has {int(length):,} bytes; the limit is "
                            f"{self.service.limits.max_bytes:,} (--max-bytes)")
        return self.rfile.read(int(length))

    def _discard(self, length: int) -> None:
        """Read and drop an oversized body (up to a bound), so the client sees the 413 rather
        than a reset connection; past the bound the connection is simply closed."""
        self.close_connection = True
        remaining = min(length, 64 * self.service.limits.max_bytes)
        while remaining > 0:
            chunk = self.rfile.read(min(remaining, 65536))
            if not chunk:
                break
            remaining -= len(chunk)

    def _answer(self, route_handler) -> None:
        path, _, query_string = self.path.partition("?")
        route = "/" + path.lstrip("/")
        query = {k: v[-1] for k, v in parse_qs(query_string).items()}
        try:
            status, media_type, body = route_handler(route, query)
        except HTTPError as exc:
            status, media_type, body = exc.status, "application/json", _json(
                {"error": str(exc)})
        except SourcescoreError as exc:
            status, media_type, body = HTTPStatus.BAD_REQUEST, "application/json", _json(
                {"error": str(exc)})
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{media_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.wfile.write(data)


def _article(content_type: str, body: bytes, query: dict[str, str]) -> tuple[str, str]:
    """(path, text) from a request body, by its content type."""
    from sourcescore.textio import decode

    media_type = content_type.split(";")[0].strip().lower()
    if media_type == "application/json":
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise HTTPError(HTTPStatus.BAD_REQUEST, f"the body is not valid JSON: {exc}") from None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise HTTPError(HTTPStatus.BAD_REQUEST,
                            'expected a JSON object {"text": "...", "path": "story.txt"}')
        path = data.get("path", "story.txt")
        if not isinstance(path, str) or not path:
            raise HTTPError(HTTPStatus.BAD_REQUEST, '"path" must be a non-empty string')
        return path, data["text"]
    if media_type in READERS or media_type == "":
        try:
            text = decode(body, "request body")
        except SourcescoreError as exc:
            raise HTTPError(HTTPStatus.BAD_REQUEST, str(exc)) from None
        return query.get("path", READERS.get(media_type, "story.txt")), text
    raise HTTPError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                    f"cannot read {media_type!r}; send text/plain, text/markdown, text/html or "
                    "application/json")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def make_server(checker, settings: CheckerSettings, host: str, port: int,
                limits: Limits) -> tuple[ThreadingHTTPServer, Worker, float]:
    """A ready server (pipeline loaded), its worker, and the seconds loading took."""
    worker = Worker(settings)
    try:
        handler = type("BoundHandler", (Handler,), {"service": Service(checker, worker, limits)})
        server = ThreadingHTTPServer((host, port), handler)  # a busy port fails before the load
        try:
            seconds = worker.warm_up()
        except BaseException:
            server.server_close()
            raise
    except BaseException:
        worker.close()
        raise
    server.daemon_threads = True
    return server, worker, seconds


INDEX_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; img-src data:">
<link rel="icon" href="data:,">
<title>sourcescore</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; margin: 0; background: #fafafa; }
form { padding: 16px 24px; background: #fff; border-bottom: 1px solid #d2d2d7; }
textarea { width: 100%; height: 11em; font: 15px/1.5 Georgia, serif; }
iframe { width: 100%; height: 80vh; border: 0; }
#status { color: #6e6e73; margin-left: 12px; }
</style></head>
<body>
<form id="story">
<label for="text"><b>sourcescore</b>: paste a story and check its sourcing</label>
<textarea id="text" name="text" required></textarea>
<select id="kind" name="kind"><option value="text/plain">plain text</option>
<option value="text/markdown">Markdown</option><option value="text/html">HTML page</option></select>
<button type="submit" id="check">Check</button><span id="status"></span>
<noscript>This page needs JavaScript; without it, POST the story to /check?format=html.</noscript>
</form>
<iframe id="report" title="sourcescore report"></iframe>
<script>
document.getElementById('story').addEventListener('submit', async function (event) {
  event.preventDefault();
  var status = document.getElementById('status');
  status.textContent = 'checking\\u2026';
  try {
    var response = await fetch('/check?format=html', {method: 'POST',
      headers: {'Content-Type': document.getElementById('kind').value + '; charset=utf-8'},
      body: document.getElementById('text').value});
    var body = await response.text();
    if (response.headers.get('Content-Type').startsWith('application/json')) {
      status.textContent = JSON.parse(body).error;
      return;
    }
    document.getElementById('report').srcdoc = body;
    status.textContent = '';
  } catch (error) {
    status.textContent = 'the server did not answer: ' + error;
  }
});
</script>
</body></html>
"""
