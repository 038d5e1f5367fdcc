"""`sourcescore lsp` end to end: a real client (pytest-lsp) talking to the real server process
over stdio, no mocks. Each test writes its stories and configuration into its own folder; the
server finds the configuration from the document's folder upwards, as the CLI does."""

from __future__ import annotations

import asyncio
import json
import os
import selectors
import subprocess
import sys
import time
from pathlib import Path

import pytest
import pytest_lsp
from conftest import ROOT
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

pytestmark = pytest.mark.model

PLUGINS = Path(__file__).parent / "lsp_plugins"
WAIT = 120  # seconds: the first check also starts the worker and loads the pipeline
STORY = ("Budget talks\n\n"
         "Mayor Ann Cole said on Monday that the council would vote on the budget in May.\n\n"
         "\U0001f389 \u201cIt is a good day,\u201d Cole said. Critics say the plan is doomed.\n")


@pytest_lsp.fixture(config=ClientServerConfig(
    server_command=[sys.executable, "-m", "sourcescore", "lsp"],
    server_env={**os.environ, "SOURCESCORE_DISABLE_PLUGIN_AUTOLOAD": "1",
                "PYTHONPATH": os.pathsep.join([str(PLUGINS), str(ROOT)])}))
async def client(lsp_client: LanguageClient):
    _answer_as_an_editor(lsp_client)
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code")))
    yield
    await lsp_client.shutdown_session()


def _answer_as_an_editor(lsp_client: LanguageClient) -> None:
    """What an editor does with the server's requests: refresh its lenses, watch the files."""
    lsp_client.lens_refreshes = 0
    lsp_client.registrations = []

    @lsp_client.feature(types.WORKSPACE_CODE_LENS_REFRESH)
    def refresh_lenses(client: LanguageClient, params: None) -> None:
        client.lens_refreshes += 1

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(client: LanguageClient, params: types.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)


@pytest.fixture
def desk(tmp_path) -> Path:
    """A folder with its own rules.toml (the repository's), where the stories are written."""
    (tmp_path / "rules.toml").write_text((ROOT / "rules.toml").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    return tmp_path


def _open(client: LanguageClient, path: Path, text: str, language: str = "plaintext") -> str:
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
    return uri


def _change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


async def _published(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    """The next diagnostics the server publishes for `uri`."""
    while True:
        params = await asyncio.wait_for(
            client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), WAIT)
        if params.uri == uri:
            return list(params.diagnostics)


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _codes(found: list[types.Diagnostic]) -> list:
    return [d.code for d in found]


@pytest.mark.asyncio
async def test_open_publishes_findings_at_utf16_ranges(client: LanguageClient, desk: Path):
    uri = _open(client, desk / "story.txt", STORY)
    found = await _published(client, uri)
    (vague,) = [d for d in found if d.code == "SRC302"]
    line = STORY.splitlines()[vague.range.start.line]
    before = line[:line.index("Critics say")]
    # the emoji is two UTF-16 code units and one Python character: the protocol's count wins
    assert vague.range.start.character == _utf16(before) == len(before) + 1
    assert vague.range.end.character == _utf16(before + "Critics say")
    assert vague.source == "sourcescore" and vague.severity == types.DiagnosticSeverity.Warning
    assert "name who says so" in vague.message
    assert vague.code_description is not None
    page = Path(vague.code_description.href.removeprefix("file://"))
    assert page.read_text(encoding="utf-8").startswith("# SRC302 vague-attribution")


@pytest_lsp.fixture(config=ClientServerConfig(
    server_command=[sys.executable, "-m", "sourcescore", "lsp"],
    server_env={**os.environ, "SOURCESCORE_DISABLE_PLUGIN_AUTOLOAD": "1"}))
async def utf8_client(lsp_client: LanguageClient):
    """A client that, like Helix, prefers positions counted in UTF-8 bytes."""
    _answer_as_an_editor(lsp_client)
    capabilities = client_capabilities("visual-studio-code")
    capabilities.general = types.GeneralClientCapabilities(
        position_encodings=[types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16])
    result = await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities))
    lsp_client.encoding = result.capabilities.position_encoding
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_a_client_that_counts_utf8_gets_byte_ranges(utf8_client: LanguageClient,
                                                          desk: Path):
    uri = _open(utf8_client, desk / "story.txt", STORY)
    (vague,) = [d for d in await _published(utf8_client, uri) if d.code == "SRC302"]
    assert utf8_client.encoding == types.PositionEncodingKind.Utf8
    line = STORY.splitlines()[vague.range.start.line]
    before = line[:line.index("Critics say")]
    # the emoji is four bytes and the curly quotes three each
    assert vague.range.start.character == len(before.encode("utf-8")) == len(before) + 7
    assert vague.range.end.character == len((before + "Critics say").encode("utf-8"))


@pytest.mark.asyncio
async def test_an_edit_is_checked_again_and_the_last_edit_wins(client: LanguageClient,
                                                                desk: Path):
    uri = _open(client, desk / "story.txt", STORY)
    assert "SRC302" in _codes(await _published(client, uri))
    _change(client, uri, 2, STORY.replace("Critics say", "Critics of the plan marched. Some "
                                                         "say"))
    _change(client, uri, 3, STORY.replace("Critics say the plan is doomed.",
                                          "Jane Doe, who chairs the council, said the plan "
                                          "is doomed."))
    assert "SRC302" not in _codes(await _published(client, uri))
    client.text_document_did_save(types.DidSaveTextDocumentParams(
        types.TextDocumentIdentifier(uri)))
    assert "SRC302" not in _codes(await _published(client, uri))
    client.text_document_did_close(types.DidCloseTextDocumentParams(
        types.TextDocumentIdentifier(uri)))
    assert await _published(client, uri) == []


@pytest.mark.asyncio
async def test_the_score_lens_and_hovers_say_what_the_report_says(client: LanguageClient,
                                                                  desk: Path):
    uri = _open(client, desk / "story.md", STORY, "markdown")
    found = await _published(client, uri)
    (lens,) = await client.text_document_code_lens_async(
        types.CodeLensParams(types.TextDocumentIdentifier(uri)))
    assert lens.range.start.line == 0 and lens.command is not None
    assert lens.command.title.startswith("Sourcing score ") and "/100" in lens.command.title
    assert "SRC302" in lens.command.title  # among the findings that cost the most
    assert client.lens_refreshes >= 1  # the lens is refreshed with the diagnostics
    (vague,) = [d for d in found if d.code == "SRC302"]
    hover = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri), vague.range.start))
    assert hover is not None and "SRC302" in hover.contents.value
    assert "Costs" in hover.contents.value and "What it flags" in hover.contents.value
    mayor = STORY.splitlines()[2]
    speaker = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri),
        types.Position(2, _utf16(mayor[:mayor.index("Ann Cole")]) + 1)))
    assert speaker is not None and "said by" in speaker.contents.value
    assert "person" in speaker.contents.value


@pytest.mark.asyncio
async def test_the_exemption_action_removes_the_diagnostic_on_the_next_check(
        client: LanguageClient, desk: Path):
    uri = _open(client, desk / "story.md", STORY, "markdown")
    found = await _published(client, uri)
    (vague,) = [d for d in found if d.code == "SRC302"]
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), vague.range,
        types.CodeActionContext(diagnostics=[vague])))
    titles = [a.title for a in actions]
    assert "Explain SRC302" in titles
    (exempt,) = [a for a in actions if a.title.startswith("Exempt this paragraph")]
    (edit,) = exempt.edit.changes[uri]
    assert edit.new_text == "<!-- sourcescore: ignore SRC302 -- reason -->\n"
    lines = STORY.splitlines(keepends=True)
    at = edit.range.start.line
    _change(client, uri, 2, "".join(lines[:at]) + edit.new_text + "".join(lines[at:]))
    assert "SRC302" not in _codes(await _published(client, uri))


@pytest.mark.asyncio
async def test_a_loaded_verb_offers_said(client: LanguageClient, desk: Path):
    text = "Council vote\n\nMayor Ann Cole insisted that the council would vote in May.\n"
    uri = _open(client, desk / "story.txt", text)
    (loaded,) = [d for d in await _published(client, uri) if d.code == "SRC401"]
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), loaded.range,
        types.CodeActionContext(diagnostics=[loaded])))
    (said,) = [a for a in actions if a.title.startswith("Replace")]
    assert [e.new_text for e in said.edit.changes[uri]] == ["said"]


@pytest.mark.asyncio
async def test_a_changed_configuration_is_reloaded_and_a_broken_one_is_one_message(
        client: LanguageClient, desk: Path):
    uri = _open(client, desk / "story.txt", STORY)
    assert "SRC302" in _codes(await _published(client, uri))
    watched = [r for r in client.registrations
               if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    assert watched, "the server asks the editor to watch rules.toml and pyproject.toml"
    config = desk / "rules.toml"

    def changed() -> None:
        client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
            [types.FileEvent(config.as_uri(), types.FileChangeType.Changed)]))

    config.write_text("[sourcescore\nbroken", encoding="utf-8")
    changed()
    assert await _published(client, uri) == []
    assert len([m for m in client.messages if "invalid TOML" in m.message]) == 1
    config.write_text("[rules.SRC302]\nenabled = false\n", encoding="utf-8")
    changed()
    assert "SRC302" not in _codes(await _published(client, uri))
    (lens,) = await client.text_document_code_lens_async(
        types.CodeLensParams(types.TextDocumentIdentifier(uri)))
    assert lens.command.title.startswith("Sourcing score ")  # checked, under the new rules


@pytest.mark.asyncio
async def test_a_crashing_noisy_plugin_rule_is_a_diagnostic_not_a_dead_server(
        client: LanguageClient, desk: Path):
    config = desk / "rules.toml"
    config.write_text("[sourcescore]\nautoload_plugins = false\nplugins = [\"noisy_crash\"]\n",
                      encoding="utf-8")
    uri = _open(client, desk / "story.txt", STORY)
    found = await _published(client, uri)
    (crash,) = [d for d in found if d.code == "TST901"]
    assert "failed" in crash.message and crash.severity == types.DiagnosticSeverity.Error
    assert "SRC302" in _codes(found)  # the other rules' findings are still there
    _change(client, uri, 2, STORY + "\nA second paragraph, to check once more.\n")
    assert "TST901" in _codes(await _published(client, uri))  # and the server still answers


@pytest.mark.asyncio
async def test_an_oversized_document_gets_one_diagnostic_saying_so(client: LanguageClient,
                                                                   desk: Path):
    (desk / "rules.toml").write_text("[sourcescore]\nmax_bytes = 2000\n", encoding="utf-8")
    uri = _open(client, desk / "story.txt", STORY * 20)
    (only,) = await _published(client, uri)
    assert "over max_bytes (2,000 bytes)" in only.message


@pytest.mark.asyncio
async def test_a_document_sourcescore_does_not_read_gets_no_diagnostics(
        client: LanguageClient, desk: Path):
    code = _open(client, desk / "script.py", "print('Critics say the plan is doomed.')\n",
                 "python")
    story = _open(client, desk / "story.txt", STORY)
    assert await _published(client, story)
    assert code not in client.diagnostics


def _frame(message: dict) -> bytes:
    body = json.dumps(message).encode("utf-8")
    return f"Content-Length: {len(body)}\r\n\r\n".encode("ascii") + body


def _frames(stream: bytes) -> list[dict]:
    """Every message in a stdout capture; fails on any byte that is not part of a frame."""
    messages, at = [], 0
    while at < len(stream):
        head_end = stream.index(b"\r\n\r\n", at)
        headers = dict(line.split(": ", 1) for line in
                       stream[at:head_end].decode("ascii").split("\r\n"))
        length = int(headers["Content-Length"])
        body = stream[head_end + 4:head_end + 4 + length]
        assert len(body) == length, "a frame was cut short"
        messages.append(json.loads(body))
        at = head_end + 4 + length
    return messages


def test_stdout_carries_only_protocol_frames_and_exit_ends_the_process(tmp_path):
    """Driven by hand, byte for byte: with a plugin that prints at import, while registering
    and while checking (fd 1 included), stdout holds nothing but protocol frames, and
    shutdown then exit end the server with status 0."""
    (tmp_path / "rules.toml").write_text(
        "[sourcescore]\nautoload_plugins = false\nplugins = [\"noisy_crash\"]\n",
        encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "sourcescore", "lsp"], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(PLUGINS), str(ROOT)])})
    assert process.stdin is not None
    send = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"processId": None, "capabilities": {}, "rootUri": None}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": story.as_uri(), "languageId": "plaintext", "version": 1, "text": STORY}}}]
    for message in send:
        process.stdin.write(_frame(message))
    process.stdin.flush()
    deadline = time.monotonic() + WAIT
    selector = selectors.DefaultSelector()
    assert process.stdout is not None
    selector.register(process.stdout, selectors.EVENT_READ)
    captured = b""
    while b"textDocument/publishDiagnostics" not in captured and time.monotonic() < deadline:
        if selector.select(timeout=1):
            captured += os.read(process.stdout.fileno(), 65536)
    process.stdin.write(_frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
    process.stdin.write(_frame({"jsonrpc": "2.0", "method": "exit"}))
    process.stdin.flush()
    rest, errors = process.communicate(timeout=60)
    messages = _frames(captured + rest)
    published = [m for m in messages if m.get("method") == "textDocument/publishDiagnostics"]
    assert published and any(d.get("code") == "TST901"
                             for d in published[-1]["params"]["diagnostics"])
    assert any(m.get("id") == 2 and "result" in m for m in messages)  # shutdown answered
    assert process.returncode == 0
    assert b"noisy_crash: imported" in errors  # the plugin's prints went to stderr


def test_exit_without_shutdown_ends_the_server_with_status_1(tmp_path):
    """The protocol's exit notification alone ends the process - stdin stays open, so it is not
    end of input that stops it - and without a shutdown request first the status is 1."""
    process = subprocess.Popen(
        [sys.executable, "-m", "sourcescore", "lsp"], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=tmp_path)
    assert process.stdin is not None
    process.stdin.write(_frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                                "params": {"processId": None, "capabilities": {},
                                           "rootUri": None}}))
    process.stdin.write(_frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
    process.stdin.write(_frame({"jsonrpc": "2.0", "method": "exit"}))
    process.stdin.flush()
    try:
        assert process.wait(timeout=WAIT) == 1
    finally:
        process.kill()
        process.stdin.close()
        assert process.stdout is not None
        process.stdout.close()
