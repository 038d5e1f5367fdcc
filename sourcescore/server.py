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

import contextlib
import io
import json
import socket
import sys
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

from sourcescore import __version__
from sourcescore.errors import SourcescoreError
from sourcescore.formats import RenderOptions
from sourcescore.inputs import DEFAULT_MAX_BYTES
from sourcescore.worker import CheckerSettings, Pipeline, RequestRefused

READERS = {"text/plain": "story.txt", "text/markdown": "story.md", "text/html": "story.html"}
MEDIA_TYPES = {"json": "application/json", "json-lines": "application/json",
               "sarif": "application/sarif+json", "junit": "application/xml",
               "html": "text/html"}


@dataclass(frozen=True)
class Limits:
    max_bytes: int = DEFAULT_MAX_BYTES  #: largest request body accepted
    timeout: float = 30.0  #: seconds one check may take
    #: seconds a client has to send its whole request (line, headers and body): one byte every
    #: few seconds (slowloris) cannot hold a thread for longer than this
    client_timeout: float = 30.0


#: What a handler raises for a 4xx or 5xx answer; the worker's refusals are the same kind.
HTTPError = RequestRefused


class Service:
    """What the handler needs: the checker (plugins, config, formats), the worker and limits."""

    def __init__(self, checker, pipeline: Pipeline, limits: Limits,
                 hosts: frozenset[str] = frozenset()) -> None:
        self.checker = checker
        self.pipeline = pipeline
        self.limits = limits
        #: Host header values (name:port) accepted; see `host_accepted`
        self.hosts = hosts

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
        file = self.pipeline.check(path, text, self.limits.timeout)
        report = self.checker.report([file])
        out = io.StringIO()
        general = self.checker.config.general
        try:
            fmt.render(report, out, RenderOptions(rules=tuple(self.checker.rules),
                                                  fail_level=general.fail_level,
                                                  fail_under=general.fail_under))
        except BaseException as exc:  # noqa: BLE001 - a plugin's format, even sys.exit():
            # its client gets a 500 naming it, and the server goes on
            from sourcescore.engine import failure_of

            raise HTTPError(HTTPStatus.INTERNAL_SERVER_ERROR,
                            f"output format {format_name!r} failed: "
                            f"{failure_of(exc).message}") from None
        status = HTTPStatus.UNPROCESSABLE_ENTITY if file.status == "error" else HTTPStatus.OK
        return status, MEDIA_TYPES.get(format_name, "text/plain"), out.getvalue()


class Handler(BaseHTTPRequestHandler):
    server_version = f"sourcescore/{__version__}"
    timeout = 15  # seconds a client may take over any one read
    service: Service  # set on the subclass `make_server` builds

    def setup(self) -> None:
        super().setup()
        self._reading = True
        self._deadline = threading.Timer(self.service.limits.client_timeout, self._expire)
        self._deadline.daemon = True
        self._deadline.start()

    def _expire(self) -> None:
        if self._reading:
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)

    def finish(self) -> None:
        self._deadline.cancel()
        with contextlib.suppress(OSError):  # the client may be gone already
            super().finish()

    def do_GET(self) -> None:
        self._answer(self._get)

    def do_POST(self) -> None:
        self._answer(self._post)

    def _get(self, route: str, query: dict[str, str]):
        self._reading = False
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
        self._reading = False
        path, text = _article(self.headers.get("Content-Type", ""), body, query)
        return self.service.check(path, text, query.get("format", "json"))

    def _body(self) -> bytes:
        lengths = self.headers.get_all("Content-Length") or []
        if not lengths:
            raise HTTPError(HTTPStatus.LENGTH_REQUIRED, "send the body with a Content-Length")
        if len(lengths) > 1:
            self.close_connection = True
            raise HTTPError(HTTPStatus.BAD_REQUEST, "more than one Content-Length header")
        length = lengths[0].strip()
        if not length.isdigit() or len(length) > 18:
            self.close_connection = True
            raise HTTPError(HTTPStatus.BAD_REQUEST, f"bad Content-Length {length[:40]!r}")
        size, limit = int(length), self.service.limits.max_bytes
        if size > limit:
            self._discard(size)
            raise HTTPError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                            f"the body has {size:,} bytes; the limit is {limit:,} (--max-bytes)")
        body = self.rfile.read(size)
        if len(body) < size:
            raise HTTPError(HTTPStatus.BAD_REQUEST, "the body ended before its Content-Length")
        return body

    def _discard(self, length: int) -> None:
        """Read and drop a body somewhat over the limit, so the client sees the 413 rather than
        a reset connection; a body far over it is not waited for, the answer goes at once."""
        self.close_connection = True
        if length > 2 * self.service.limits.max_bytes:
            return
        remaining = length
        while remaining > 0:
            chunk = self.rfile.read(min(remaining, 65536))
            if not chunk:
                break
            remaining -= len(chunk)

    def _refusal(self) -> HTTPError | None:
        """A request from somewhere it should not come from: a Host this server was not bound
        as (DNS rebinding), or a web page of another origin (a cross-site POST)."""
        host = (self.headers.get("Host") or "").strip().lower()
        if not host_accepted(host, self.service.hosts, self.server.server_address):
            return HTTPError(HTTPStatus.FORBIDDEN, f"Host {host[:100]!r} is not this server "
                             "(it answers as 127.0.0.1, localhost or its --allow-host names)")
        origin = self.headers.get("Origin")
        if origin is not None and origin.strip().lower() != f"http://{host}":
            return HTTPError(HTTPStatus.FORBIDDEN,
                             f"requests from web pages at {origin[:100]!r} are refused")
        if (self.headers.get("Sec-Fetch-Site") or "").lower() == "cross-site":
            return HTTPError(HTTPStatus.FORBIDDEN, "cross-site requests are refused")
        return None

    def _answer(self, route_handler) -> None:
        path, _, query_string = self.path.partition("?")
        route = "/" + path.lstrip("/")
        query = {k: v[-1] for k, v in parse_qs(query_string).items()}
        try:
            refusal = self._refusal()
            if refusal is not None:
                self.close_connection = True
                raise refusal
            status, media_type, body = route_handler(route, query)
        except HTTPError as exc:
            status, media_type, body = exc.status, "application/json", _json(
                {"error": str(exc)})
        except SourcescoreError as exc:
            status, media_type, body = HTTPStatus.BAD_REQUEST, "application/json", _json(
                {"error": str(exc)})
        self._reading = False
        data = body.encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", f"{media_type}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            self.wfile.write(data)
        except OSError as exc:  # the client went away: nobody to answer, nothing to trace
            self.close_connection = True
            self.log_message("client gone before the answer was sent (%s)",
                             type(exc).__name__)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """One line per failed connection in the log, never a traceback."""
        kind, error = sys.exc_info()[:2]
        sys.stderr.write(f"sourcescore serve: connection from {client_address[0]} failed: "
                         f"{kind.__name__ if kind else 'error'}: {error}\n")


def _article(content_type: str, body: bytes, query: dict[str, str]) -> tuple[str, str]:
    """(path, text) from a request body, by its content type."""
    from sourcescore.textio import decode

    media_type = content_type.split(";")[0].strip().lower()
    if media_type == "application/json":
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise HTTPError(HTTPStatus.BAD_REQUEST, f"the body is not valid JSON: {exc}") from None
        except RecursionError:
            raise HTTPError(HTTPStatus.BAD_REQUEST, "the body is not valid JSON: nested too "
                                                    "deeply") from None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise HTTPError(HTTPStatus.BAD_REQUEST,
                            'expected a JSON object {"text": "...", "path": "story.txt"}')
        path = data.get("path", "story.txt")
        if not isinstance(path, str) or not path:
            raise HTTPError(HTTPStatus.BAD_REQUEST, '"path" must be a non-empty string')
        for key, value in (("text", data["text"]), ("path", path)):
            _check_unicode(key, value)
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


def _check_unicode(key: str, value: str) -> None:
    """JSON escapes can spell a lone surrogate (`"\\ud800"`), which is no text at all."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise HTTPError(HTTPStatus.BAD_REQUEST, f'"{key}" is not valid Unicode (a lone '
                        f"surrogate at character {exc.start})") from None


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def make_server(checker, settings: CheckerSettings, host: str, port: int, limits: Limits,
                allow_hosts: tuple[str, ...] = ()) -> tuple[ThreadingHTTPServer, Pipeline,
                                                         float, str | None]:
    """A ready server (pipeline loaded and warmed up), its pipeline, the seconds that took and
    a warning if the warm-up check did not finish (see `Pipeline.start`)."""
    pipeline = Pipeline(settings)
    handler: type[Handler] = type("BoundHandler", (Handler,), {})
    server = _Server((host, port), handler)  # a busy port fails before the load
    try:
        bound_port = server.server_address[1]
        handler.service = Service(checker, pipeline, limits,
                                  accepted_hosts(host, bound_port, allow_hosts))
        seconds, warning = pipeline.start(limits.timeout)
    except BaseException:
        server.server_close()
        pipeline.close()
        raise
    return server, pipeline, seconds, warning


LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
WILDCARDS = ("", "0.0.0.0", "::")


def accepted_hosts(host: str, port: int, extra: tuple[str, ...] = ()) -> frozenset[str]:
    """The Host header names a server bound to `host:port` answers to: the loopback names, the
    address it is bound to and the `--allow-host` names. A server bound to every address
    (0.0.0.0) also answers to any IP address of its port (`host_accepted`), never to another
    name: a name is what a DNS rebinding page controls."""
    names = {*LOOPBACK_NAMES, *(name.lower() for name in extra)}
    if host not in WILDCARDS:
        names.add(f"[{host}]" if ":" in host and not host.startswith("[") else host)
    return frozenset(n for name in names for n in (f"{name}:{port}", name if port == 80 else ""))\
        - {""}


def host_accepted(header: str, hosts: frozenset[str], bound: Any) -> bool:
    """Whether a request's Host header names this server: one of `hosts`, or, on a wildcard
    bind, an IP address literal with the server's port."""
    if header in hosts:
        return True
    if str(bound[0]) not in WILDCARDS:
        return False
    import ipaddress

    address, _, port = header.rpartition(":") if not header.endswith("]") else (header, "", "")
    if not address or port != str(bound[1]):
        return False
    try:
        ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return False
    return True


def is_loopback(host: str) -> bool:
    """Whether binding `host` keeps the server on this machine."""
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _index_page() -> str:
    """The page at `/`: paste a story, see the HTML report (a packaged file)."""
    from importlib.resources import files

    return files("sourcescore").joinpath("templates").joinpath("index.html").read_text("utf-8")


INDEX_PAGE = _index_page()
