"""A `sourcescore serve` process on a loopback port, for the tests that talk to it over HTTP."""

from __future__ import annotations

import http.client
import os
import subprocess
import sys
from urllib.parse import urlsplit

from conftest import ROOT


class Server:
    def __init__(self, process: subprocess.Popen, url: str, banner: str) -> None:
        self.process, self.url, self.banner = process, url, banner
        parts = urlsplit(url)
        self.host, self.port = parts.hostname, parts.port

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None, timeout: float = 120):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.getheader("Content-Type"), response.read()
        finally:
            connection.close()

    def post(self, path: str, body: bytes, content_type: str = "text/plain; charset=utf-8"):
        return self.request("POST", path, body, {"Content-Type": content_type})


def start_server(*args: str) -> Server:
    env = {**os.environ, "SOURCESCORE_DISABLE_PLUGIN_AUTOLOAD": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "sourcescore", "serve", "--port", "0", *args], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    banner = process.stdout.readline()  # printed once the pipeline is loaded
    if "serving on" not in banner:
        process.kill()
        raise AssertionError(f"server did not start: {banner!r} {process.stderr.read()}")
    return Server(process, banner.split("serving on ")[1].split()[0].rstrip("/"), banner)
