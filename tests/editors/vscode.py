"""Open a story in VS Code (code-server, in headless Chromium) with the README's settings and
pass when sourcescore's diagnostics reach the Problems panel and the score lens shows.

Run by try.sh:  python vscode.py WORK SETTINGS.json STORY
Needs code-server on PATH with the "Generic LSP Client (v2)" extension in its extensions folder
(`code-server --install-extension glspc.vsix`; the folder is $CODE_SERVER_EXTENSIONS, default
~/.local/share/code-server/extensions), Playwright and /usr/bin/chromium (or $CHROMIUM). VS Code
finds `sourcescore` on the PATH of a login shell.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

#: Editor settings that only keep the try unattended: no trust prompt, no welcome page.
UNATTENDED = {"security.workspace.trust.enabled": False, "workbench.startupEditor": "none",
              "telemetry.telemetryLevel": "off"}
EXTENSIONS = Path.home() / ".local" / "share" / "code-server" / "extensions"
BROWSER_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def main(work: Path, settings: Path, story: str) -> int:
    user = work / "vscode" / "User"
    user.mkdir(parents=True, exist_ok=True)
    (user / "settings.json").write_text(
        json.dumps({**json.loads(settings.read_text(encoding="utf-8")), **UNATTENDED}),
        encoding="utf-8")
    port = _free_port()
    server = subprocess.Popen(
        ["code-server", "--auth", "none", "--bind-addr", f"127.0.0.1:{port}",
         "--disable-telemetry", "--user-data-dir", str(work / "vscode"),
         "--extensions-dir", os.environ.get("CODE_SERVER_EXTENSIONS", str(EXTENSIONS)), str(work)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        return 0 if _shows_findings(f"http://127.0.0.1:{port}/?folder={work}", story) else 1
    finally:
        server.terminate()
        server.wait(timeout=30)


def _shows_findings(url: str, story: str) -> bool:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=BROWSER_FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        for _ in range(30):  # code-server takes a moment to listen
            try:
                page.goto(url, wait_until="domcontentloaded")
                break
            except Exception:
                time.sleep(1)
        page.wait_for_selector(".monaco-workbench", timeout=60_000)
        page.get_by_text(story, exact=True).first.click()
        deadline = time.monotonic() + 60
        text = ""
        while time.monotonic() < deadline:
            time.sleep(2)
            if not page.locator(".markers-panel").count():
                page.keyboard.press("Control+Shift+M")  # the Problems panel
            text = page.inner_text(".monaco-workbench")
            if "SRC3" in text and "Sourcing score" in text:
                break
        browser.close()
    shown = [line for line in text.splitlines() if "Sourcing score" in line or "SRC" in line]
    print("\n".join(shown))
    return "SRC3" in text and "Sourcing score" in text


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]))
