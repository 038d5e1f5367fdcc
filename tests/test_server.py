"""`sourcescore serve` over real HTTP on a loopback port: a separate process, real sockets."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import subprocess
import sys
import threading
import time

import jsonschema
import pytest
from conftest import ROOT, SEEDS
from serving import start_server

from sourcescore.cli import cli
from sourcescore.report import report_schema

MAX_BYTES = 400_000
TIMEOUT = 3.0


@pytest.fixture(scope="module")
def server():
    running = start_server("--max-bytes", str(MAX_BYTES), "--timeout", str(TIMEOUT))
    yield running
    running.process.terminate()
    assert running.process.wait(timeout=30) == 0  # SIGTERM is a clean stop


SEED = SEEDS[1].read_text(encoding="utf-8")


def test_binds_to_loopback_by_default_and_says_where(server):
    assert server.host == "127.0.0.1"
    assert "pipeline loaded in" in server.banner


def test_health_and_rules(server, runner):
    status, media_type, body = server.request("GET", "/health")
    assert status == 200 and media_type.startswith("application/json")
    health = json.loads(body)
    assert health["status"] == "ok" and health["max_bytes"] == MAX_BYTES
    status, _, body = server.request("GET", "/rules")
    expected = json.loads(runner.invoke(cli, ["rules", "-f", "json"]).output)
    assert status == 200 and json.loads(body) == expected


def test_check_returns_exactly_the_report_the_command_line_prints(server, runner):
    status, media_type, body = server.post("/check", SEED.encode("utf-8"))
    assert status == 200 and media_type.startswith("application/json")
    served = json.loads(body)
    jsonschema.validate(served, report_schema())
    cli_result = runner.invoke(cli, ["check", "-", "--stdin-filename", "story.txt", "-f", "json"],
                               input=SEED)
    assert served["files"] == json.loads(cli_result.output)["files"]


def test_json_body_names_the_path_that_chooses_the_reader(server):
    story = "# Talks stall\n\nOfficials said the talks had **stalled**.\n"
    body = json.dumps({"text": story, "path": "desk/story.md"}).encode()
    status, _, answer = server.post("/check", body, "application/json")
    (file,) = json.loads(answer)["files"]
    assert status == 200 and file["path"] == "desk/story.md"
    assert file["input"]["format"] == "markdown"
    assert all(story[f["start"]:f["end"]] == f["text"] for f in file["findings"])


def test_other_formats_by_query_parameter(server):
    status, media_type, body = server.post("/check?format=html", SEED.encode())
    assert status == 200 and media_type.startswith("text/html")
    assert b"<!doctype html>" in body and b"hl-source" in body
    status, media_type, body = server.post("/check?format=sarif", SEED.encode())
    assert status == 200 and json.loads(body)["version"] == "2.1.0"
    status, _, body = server.post("/check?format=nope", SEED.encode())
    assert status == 400 and "unknown format 'nope'" in json.loads(body)["error"]


@pytest.mark.parametrize("body, content_type, status, message", [
    (b"{not json", "application/json", 400, "not valid JSON"),
    (b'{"txt": "hello"}', "application/json", 400, "expected a JSON object"),
    (b'{"text": "hi", "path": 3}', "application/json", 400, '"path" must be'),
    (b"caf\xc3\x28 broken", "text/plain", 400, "not valid UTF-8"),
    (b"a,b\n1,2\n", "text/csv", 415, "cannot read 'text/csv'"),
    (b"<html><head><script>var a;</script></head></html>", "text/html", 422, None),
])
def test_malformed_requests_get_a_clear_error(server, body, content_type, status, message):
    got, media_type, answer = server.post("/check", body, content_type)
    assert got == status and media_type.startswith("application/json")
    if message:
        assert message in json.loads(answer)["error"]
    else:  # checked, but the input was unusable: the report says why
        assert json.loads(answer)["files"][0]["status"] == "error"


def test_empty_story_is_reported_not_refused(server):
    status, _, body = server.post("/check", b"  \n")
    assert status == 200 and json.loads(body)["files"][0]["status"] == "empty"


def test_wrong_method_unknown_endpoint_and_missing_length(server):
    assert server.request("GET", "/check")[0] == 405
    assert server.request("POST", "/health", b"x")[0] == 405
    assert server.request("GET", "/nowhere")[0] == 404
    connection = http.client.HTTPConnection(server.host, server.port, timeout=30)
    connection.putrequest("POST", "/check")
    connection.putheader("Content-Type", "text/plain")
    connection.endheaders()
    response = connection.getresponse()
    assert response.status == 411 and b"Content-Length" in response.read()
    connection.close()


def test_oversized_body_is_refused_with_413(server):
    status, _, body = server.post("/check", b"a" * (MAX_BYTES + 1))
    assert status == 413 and "the limit is 400,000" in json.loads(body)["error"]


def test_concurrent_requests_are_all_answered(server):
    results = []

    def ask():
        results.append(server.post("/check", SEED.encode())[0])
    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [200] * 4


def test_a_check_over_the_time_limit_gets_503_and_the_server_recovers(server):
    long_story = ("The minister said on Tuesday that the talks would resume next week. " * 4500)
    began = time.monotonic()
    status, _, body = server.post("/check", long_story.encode())
    assert status == 503 and "longer than the 3 s limit" in json.loads(body)["error"]
    assert time.monotonic() - began < TIMEOUT + 10
    status, _, body = server.post("/check", SEED.encode())
    assert status == 200 and json.loads(body)["files"][0]["status"] == "ok"


def test_a_port_in_use_is_one_clear_line(server):
    result = subprocess.run(
        [sys.executable, "-m", "sourcescore", "serve", "--port", str(server.port)], cwd=ROOT,
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "SOURCESCORE_DISABLE_PLUGIN_AUTOLOAD": "1"})
    assert result.returncode == 2
    assert result.stderr.startswith(f"sourcescore: error: cannot listen on 127.0.0.1:{server.port}")
    assert "Traceback" not in result.stderr



def test_a_client_gone_mid_request_and_sigterm_mid_check_leave_one_line_each_and_no_wait():
    """A client that resets its connection before the answer is one log line, not a
    traceback; SIGTERM with a check in progress cancels it, starts no new worker, and the
    process is gone within a second."""
    import socket
    import struct

    running = start_server("--timeout", "60")
    story = ("The minister said on Tuesday that the talks would resume next week. " * 1500)
    body = story.encode()
    head = (f"POST /check HTTP/1.1\r\nHost: {running.host}:{running.port}\r\n"
            f"Content-Type: text/plain\r\nContent-Length: {len(body)}\r\n\r\n").encode()
    with socket.create_connection((running.host, running.port)) as rude:
        rude.sendall(head + body)
        time.sleep(0.5)  # read at once; checking a story this long takes seconds
        rude.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # RST
    # Checks run one at a time: this answer comes after the rude one was written to nobody.
    assert running.post("/check", SEED.encode())[0] == 200
    in_flight = threading.Thread(target=lambda: _ignore_errors(running.post, "/check", body),
                                 daemon=True)
    in_flight.start()
    time.sleep(1.0)
    began = time.monotonic()
    running.process.terminate()
    assert running.process.wait(timeout=10) == 0
    stopped_in = time.monotonic() - began
    log = running.process.stderr.read()
    assert "Traceback" not in log, log
    assert log.count("client gone before the answer was sent (") == 1, log
    assert stopped_in < 1.0, f"SIGTERM took {stopped_in:.2f} s"


def _ignore_errors(function, *args):
    # the server stops mid-request, as the test intends
    with contextlib.suppress(OSError, http.client.HTTPException):
        function(*args)


# --- `sourcescore check --server`: the same output as a local run, without loading spaCy ---

@pytest.fixture(scope="module")
def stories(tmp_path_factory):
    folder = tmp_path_factory.mktemp("remote")
    (folder / "a.txt").write_text(SEED, encoding="utf-8")
    (folder / "b.md").write_text("# Talks\n\n<!-- sourcescore: ignore SRC302 -- named below -->\n"
                                 "Critics said the plan was *doomed*.\n", encoding="utf-8")
    (folder / "c.html").write_text("<html><body><article><p>GENEVA (Reuters) - Officials said "
                                   "the talks had stalled on Tuesday.</p></article></body></html>",
                                   encoding="utf-8")
    (folder / "d.txt").write_bytes(b"\x00binary")
    (folder / "e.html").write_text("<html><head><script>var a;</script></head></html>")
    return folder


@pytest.mark.parametrize("output_format", ["full", "concise", "json", "json-lines", "sarif",
                                           "github", "junit", "html"])
def test_check_through_the_server_prints_what_a_local_run_prints(server, stories, runner,
                                                                 output_format):
    local = runner.invoke(cli, ["check", str(stories), "-f", output_format])
    remote = runner.invoke(cli, ["check", str(stories), "-f", output_format,
                                 "--server", server.url])
    assert remote.output == local.output
    assert remote.exit_code == local.exit_code == 2  # d.txt is binary, e.html has no article


def test_the_client_never_imports_spacy(server):
    code = ("import atexit, sys\n"
            "atexit.register(lambda: print('spacy' in sys.modules, file=sys.stderr))\n"
            "from sourcescore.cli import main\n"
            f"sys.argv = ['sourcescore', 'check', '--server', {server.url!r}, "
            f"{str(SEEDS[1])!r}, '-f', 'concise']\n"
            "main()\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, timeout=120,
                            env={**os.environ, "SOURCESCORE_DISABLE_PLUGIN_AUTOLOAD": "1"})
    assert "sourcing score" in result.stdout
    assert result.stderr.strip() == "False"


def test_no_server_is_one_clear_line(runner):
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    story = SEEDS[1]
    result = runner.invoke(cli, ["check", str(story), "--server", f"http://127.0.0.1:{port}"])
    assert result.exit_code == 2
    assert result.output.startswith(f"sourcescore: error: no sourcescore server at "
                                    f"http://127.0.0.1:{port}")


def test_server_mode_refuses_local_only_options(runner):
    result = runner.invoke(cli, ["check", str(SEEDS[1]), "--server", "http://127.0.0.1:1",
                                 "--select", "SRC1"])
    assert result.exit_code == 2 and "cannot be combined with --config, --select" in result.output


@contextlib.contextmanager
def _fake_server(body: bytes, status: int = 200):
    """A server on a loopback port that answers every request with `body`; yields its URL and
    the paths it was asked for."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    asked: list[str] = []

    class Answer(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - the http.server naming
            asked.append(self.path)
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST  # noqa: N815

        def log_message(self, *args):
            pass

    fake = ThreadingHTTPServer(("127.0.0.1", 0), Answer)
    threading.Thread(target=fake.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{fake.server_address[1]}", asked
    finally:
        fake.shutdown()
        fake.server_close()


@pytest.mark.parametrize("answer", [
    {"tool": {"name": "sourcescore"}, "files": [{}]},
    {"tool": {"name": "sourcescore", "version": "9"}, "config": None, "plugins": [],
     "plugin_errors": [], "scoring": {"curve": 1, "hold_score": 45}, "files": [{"path": 3}]},
])
def test_an_answer_missing_what_a_report_needs_is_one_line(runner, answer):
    with _fake_server(json.dumps(answer).encode()) as (url, _):
        result = runner.invoke(cli, ["check", str(SEEDS[1]), "--server", url, "-f", "json"])
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()
    assert line.startswith(f"sourcescore: error: {url} did not answer as a sourcescore server")


def test_the_client_never_sends_a_story_through_a_proxy(runner, server, monkeypatch):
    with _fake_server(b"proxied") as (proxy, asked):
        for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "all_proxy"):
            monkeypatch.setenv(name, proxy)
        monkeypatch.delenv("no_proxy", raising=False)
        monkeypatch.delenv("NO_PROXY", raising=False)
        result = runner.invoke(cli, ["check", str(SEEDS[1]), "--server", server.url,
                                     "-f", "json"])
    assert asked == [] and result.exit_code in (0, 1)
    assert json.loads(result.output)["files"][0]["status"] == "ok"


def test_an_answer_without_end_is_not_read_without_bound(runner, monkeypatch):
    from sourcescore import client

    monkeypatch.setattr(client, "MAX_ANSWER_BYTES", 1000)
    with _fake_server(b"x" * 5000) as (url, _):
        result = runner.invoke(cli, ["check", str(SEEDS[1]), "--server", url])
    assert result.exit_code == 2 and "answer is over 1,000 bytes" in result.output
