"""The server and its client against hostile peers: refusals are per file, malformed requests
get 4xx answers (never a dropped connection), other origins and slow clients are turned away."""

from __future__ import annotations

import http.client
import http.server
import json
import socket
import threading
import time

import pytest
from conftest import SEEDS
from serving import start_server

from sourcescore.cli import cli

MAX_BYTES = 250_000
SEED = SEEDS[1].read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def server():
    running = start_server("--max-bytes", str(MAX_BYTES), "--timeout", "20",
                           "--client-timeout", "2")
    yield running
    running.process.terminate()
    running.process.wait(timeout=30)


# --- 8. the client --------------------------------------------------------------------------

def test_a_refused_file_is_its_own_slot_and_the_others_are_reported(server, runner, tmp_path):
    a, big, c = tmp_path / "a.txt", tmp_path / "big.txt", tmp_path / "c.txt"
    a.write_text(SEED)
    big.write_text(SEED * 100)  # over the server's --max-bytes
    c.write_text(SEED)
    result = runner.invoke(cli, ["check", str(a), str(big), str(c), "-f", "json",
                                 "--server", server.url])
    files = json.loads(result.output)["files"]
    assert [f["status"] for f in files] == ["ok", "error", "ok"]
    assert "the server refused it (413)" in files[1]["error"]
    assert result.exit_code == 2


@pytest.fixture
def impostor():
    """An HTTP server that answers 200 with something that is not a sourcescore report."""
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers["Content-Length"]))
            body = b"<html>hello</html>"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass
    httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.mark.parametrize("url", ["http://[::1", "http://127.0.0.1:notaport", "ftp://x", "nope"])
def test_a_malformed_server_url_is_one_line(runner, url):
    result = runner.invoke(cli, ["check", str(SEEDS[1]), "--server", url])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sourcescore: error: --server")


def test_a_server_that_is_not_sourcescore_is_one_line(runner, impostor):
    result = runner.invoke(cli, ["check", str(SEEDS[1]), "-f", "json", "--server", impostor])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "did not answer as a sourcescore server" in lines[0]


# --- 9. malformed requests ------------------------------------------------------------------

@pytest.mark.parametrize("body, message", [
    (b'{"text": "Officials said \\ud800 it failed.", "path": "a.txt"}', '"text" is not valid'),
    (b'{"text": "Officials said it failed.", "path": "a\\udfff.txt"}', '"path" is not valid'),
    (b"[" * 200_000, "nested too deeply"),
])
def test_malformed_json_is_a_400_not_a_dropped_connection(server, body, message):
    status, _, answer = server.post("/check", body, "application/json")
    assert status == 400 and message in json.loads(answer)["error"]
    assert server.request("GET", "/health")[0] == 200


# --- 10. other origins ----------------------------------------------------------------------

@pytest.mark.parametrize("headers", [
    {"Host": "evil.example:8765"},  # DNS rebinding: a foreign name for this address
    {"Origin": "http://evil.example"},  # a web page elsewhere posting to the server
    {"Sec-Fetch-Site": "cross-site"},
])
def test_requests_from_elsewhere_are_refused(server, headers):
    status, _, answer = server.request("POST", "/check", SEED.encode(),
                                       {"Content-Type": "text/plain", **headers})
    assert status == 403, answer


@pytest.mark.parametrize("bind", ["0.0.0.0", "::", "127.0.0.1"])
def test_binding_every_address_keeps_the_host_check(bind):
    """On 0.0.0.0 the server answers to its loopback names, any IP address of its port and the
    --allow-host names; never to another name, which is what DNS rebinding uses."""
    from sourcescore.server import accepted_hosts, host_accepted

    hosts = accepted_hosts(bind, 8765, ("desk.example",))
    bound = (bind, 8765)
    assert host_accepted("localhost:8765", hosts, bound)
    assert host_accepted("desk.example:8765", hosts, bound)
    assert not host_accepted("evil.example:8765", hosts, bound)
    assert not host_accepted("", hosts, bound)
    wildcard = bind != "127.0.0.1"
    assert host_accepted("192.0.2.7:8765", hosts, bound) is wildcard
    assert host_accepted("[2001:db8::1]:8765", hosts, bound) is wildcard
    assert not host_accepted("192.0.2.7:9999", hosts, bound)


def test_the_server_s_own_page_may_post(server):
    origin = f"http://127.0.0.1:{server.port}"
    status, _, _ = server.request("POST", "/check", SEED.encode(),
                                  {"Content-Type": "text/plain", "Origin": origin})
    assert status == 200


# --- 11. slow and lying clients ---------------------------------------------------------------

def test_a_slow_client_is_cut_off_at_the_deadline(server):
    """One byte every half second (slowloris): the server closes the connection once its
    --client-timeout (2 s) is up, instead of holding a thread for as long as bytes trickle."""
    began, closed = time.monotonic(), False
    with socket.create_connection((server.host, server.port), timeout=30) as client:
        client.settimeout(0.5)
        for byte in b"POST /check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 9\r\n":
            try:
                client.sendall(bytes([byte]))
                if client.recv(1024) == b"":
                    closed = True
                    break
            except TimeoutError:  # nothing to read yet: the next byte after the pause
                continue
            except OSError:
                closed = True
                break
    assert closed and time.monotonic() - began < 10


def test_two_content_lengths_are_refused(server):
    connection = http.client.HTTPConnection(server.host, server.port, timeout=30)
    connection.putrequest("POST", "/check")
    connection.putheader("Content-Type", "text/plain")
    connection.putheader("Content-Length", "5")
    connection.putheader("Content-Length", "500")
    connection.endheaders(b"hello")
    response = connection.getresponse()
    assert response.status == 400 and b"more than one Content-Length" in response.read()
    connection.close()


def test_an_absurd_content_length_is_refused_at_once(server):
    connection = http.client.HTTPConnection(server.host, server.port, timeout=30)
    began = time.monotonic()
    connection.putrequest("POST", "/check")
    connection.putheader("Content-Type", "text/plain")
    connection.putheader("Content-Length", "100000000000000")
    connection.endheaders()
    response = connection.getresponse()
    assert response.status == 413 and time.monotonic() - began < 2
    connection.close()


def test_a_page_with_no_article_is_422(server):
    status, _, body = server.post("/check", b"<html><body><nav>menu</nav></body></html>",
                                  "text/html")
    assert status == 422 and json.loads(body)["files"][0]["status"] == "error"
