"""`sourcescore lsp`: sourcing findings in the editor, over the Language Server Protocol (stdio).

Built on pygls. A document (.txt, .md, .html, or a plaintext / markdown / html language id) is
checked on open, on save and, debounced, on change (the last edit wins: a check finished for an
older version is dropped). Findings become diagnostics; the score is a code lens on the first
line; hovering a finding explains its rule and what it costs, hovering an attribution says who
speaks; code actions insert an exemption, explain the rule, or put "said" for a loaded verb.
The configuration is found from the document's folder upwards (or named by the client's
`initializationOptions.config`) and reloaded when a rules.toml or pyproject.toml changes.
Checking happens in a worker process (`sessions`), so a rule that crashes or hangs costs that
document a diagnostic, never the server; nothing but protocol messages reaches stdout.
"""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from sourcescore import __version__
from sourcescore.errors import SourcescoreError
from sourcescore.lsp import convert
from sourcescore.lsp.sessions import Session, Sessions
from sourcescore.prepare import HTML_SUFFIXES
from sourcescore.report import FileReport
from sourcescore.worker import RequestRefused

#: Seconds after the last keystroke before a changed document is checked.
DEBOUNCE = 0.3
TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
#: Language ids a client may give an unsaved document, and the suffix that reads it.
LANGUAGES = {"plaintext": ".txt", "markdown": ".md", "html": ".html"}
CONFIG_FILES = ("rules.toml", "pyproject.toml")


@dataclass(frozen=True)
class Checked:
    """The latest report shown for a document, with the version and text it was made from."""

    version: int | None
    text: str
    report: FileReport
    curve: float
    session: Session


class SourcescoreServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("sourcescore", __version__)
        self.sessions = Sessions()
        self.checked: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self.language: dict[str, str] = {}
        self.shown_problems: set[str] = set()
        self.shut_down = False
        # One check at a time, off the event loop, so messages keep arriving while it runs.
        self.checks = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sourcescore-check")

    def document_path(self, uri: str) -> str | None:
        """The path the checker reads the document as (its suffix says the format), or None
        for a document sourcescore does not read."""
        path = to_fs_path(uri) or ""
        suffix = Path(path).suffix.lower()
        if suffix in TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES:
            return path
        language = self.language.get(uri, "")
        if language in LANGUAGES:
            folder = Path(path).parent if path else Path.cwd()
            return str(folder / f"{Path(path).stem or 'untitled'}{LANGUAGES[language]}")
        return None

    def schedule(self, uri: str, delay: float) -> None:
        """Check `uri` after `delay` seconds, replacing a check still waiting for it."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._check(uri, delay))

    async def _check(self, uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        path = self.document_path(uri)
        document = self.workspace.text_documents.get(uri)
        if path is None or document is None:
            return
        version, text = document.version, document.source
        try:
            session = self.sessions.for_document(path)
        except SourcescoreError as exc:
            self.problem(f"sourcescore: {exc}")
            self.publish(uri, version, [])
            return
        limit = session.checker.config.general.max_bytes
        if len(text.encode("utf-8")) > limit:
            self.publish(uri, version, [types.Diagnostic(
                range=types.Range(types.Position(0, 0), types.Position(0, 0)),
                message=f"not checked: the document is over max_bytes ({limit:,} bytes)",
                severity=types.DiagnosticSeverity.Information, source=convert.SOURCE)])
            return
        loop = asyncio.get_running_loop()
        try:
            report = await loop.run_in_executor(self.checks, session.check, path, text)
        except RequestRefused as exc:
            report = FileReport(path=path, status="error", error=str(exc))
        current = self.workspace.text_documents.get(uri)
        if current is None or current.version != version:
            return  # an older version: the check for the newer one is on its way
        self.found(uri, Checked(version, text, report, session.checker.config.general.curve,
                                session))

    def found(self, uri: str, checked: Checked) -> None:
        document = self.workspace.get_text_document(uri)
        self.checked[uri] = checked
        shown = convert.diagnostics(checked.report, checked.text,
                                    document.client_position_at_offset,
                                    checked.session.doc_uri)
        self.publish(uri, checked.version, shown)
        lens = (self.client_capabilities.workspace or types.WorkspaceClientCapabilities())
        if lens.code_lens is not None and lens.code_lens.refresh_support:
            self.workspace_code_lens_refresh(None)

    def publish(self, uri: str, version: int | None, found: list[types.Diagnostic]) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=version))

    def problem(self, message: str) -> None:
        """One showMessage per distinct problem (a broken configuration), not one per edit."""
        if message not in self.shown_problems:
            self.shown_problems.add(message)
            self.window_show_message(types.ShowMessageParams(types.MessageType.Error, message))

    def reload(self) -> None:
        """The configuration changed: forget every session and check the open documents again."""
        self.sessions.close()
        self.shown_problems.clear()
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0.0)


server = SourcescoreServer()


@server.feature(types.INITIALIZE)
def initialize(ls: SourcescoreServer, params: types.InitializeParams) -> None:
    options = params.initialization_options
    if isinstance(options, dict) and options.get("config"):
        ls.sessions.explicit = str(options["config"])


@server.feature(types.INITIALIZED)
def initialized(ls: SourcescoreServer, params: types.InitializedParams) -> None:
    watched = (ls.client_capabilities.workspace or types.WorkspaceClientCapabilities())
    dynamic = watched.did_change_watched_files
    if dynamic is not None and dynamic.dynamic_registration:
        ls.client_register_capability(types.RegistrationParams(registrations=[
            types.Registration(
                id="sourcescore-config", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=[
                    types.FileSystemWatcher(glob_pattern=f"**/{name}")
                    for name in CONFIG_FILES]))]))


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: SourcescoreServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.language[params.text_document.uri] = params.text_document.language_id
    ls.schedule(params.text_document.uri, 0.0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: SourcescoreServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, DEBOUNCE)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: SourcescoreServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0.0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: SourcescoreServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    waiting = ls.pending.pop(uri, None)
    if waiting is not None:
        waiting.cancel()
    ls.checked.pop(uri, None)
    ls.language.pop(uri, None)
    ls.publish(uri, None, [])


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def watched_files(ls: SourcescoreServer, params: types.DidChangeWatchedFilesParams) -> None:
    if any(change.uri.endswith(CONFIG_FILES) for change in params.changes):
        ls.reload()


@server.feature(types.TEXT_DOCUMENT_CODE_LENS)
def code_lens(ls: SourcescoreServer, params: types.CodeLensParams) -> list[types.CodeLens]:
    checked = ls.checked.get(params.text_document.uri)
    if checked is None:
        return []
    return [types.CodeLens(
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        command=types.Command(convert.lens_title(checked.report, checked.curve),
                              "sourcescore.showScore",
                              arguments=[params.text_document.uri]))]


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: SourcescoreServer, params: types.HoverParams) -> types.Hover | None:
    checked = ls.checked.get(params.text_document.uri)
    if checked is None:
        return None
    document = ls.workspace.get_text_document(params.text_document.uri)
    if document.source != checked.text:
        return None  # edited since the check: positions no longer hold
    offset = document.offset_at_position(params.position)
    said = convert.hover_text(checked.report, checked.text, offset, checked.curve,
                              lambda code: convert.short_doc(checked.session.explain(code)))
    if said is None:
        return None
    return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, said))


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION)
def code_action(ls: SourcescoreServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    checked = ls.checked.get(uri)
    path = ls.document_path(uri)
    if checked is None or path is None:
        return []
    document = ls.workspace.get_text_document(uri)
    actions: list[types.CodeAction] = []
    for diagnostic in params.context.diagnostics:
        if diagnostic.source != convert.SOURCE or not isinstance(diagnostic.code, str):
            continue
        actions += _actions_for(diagnostic, diagnostic.code, document, path, checked)
    return actions


def _actions_for(diagnostic: types.Diagnostic, code: str, document, path: str,
                 checked: Checked) -> list[types.CodeAction]:
    uri = document.uri
    markup = not path.lower().endswith(TEXT_SUFFIXES)
    template = checked.session.checker.config.general.plain_text_exemption
    offset = document.offset_at_position(diagnostic.range.start)
    at, line = convert.exemption_insert(document.source, offset, code, markup, template)
    where = document.client_position_at_offset(at)
    actions = [types.CodeAction(
        title=f"Exempt this paragraph from {code} (give the reason)",
        kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
        edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(
            range=types.Range(where, where), new_text=line)]})),
        types.CodeAction(title=f"Explain {code}", kind=types.CodeActionKind.Empty,
                         command=types.Command(f"Explain {code}", "sourcescore.explain",
                                               arguments=[code, uri]))]
    decided = diagnostic.data.get("decided_by") if isinstance(diagnostic.data, dict) else None
    if code == "SRC401" and decided == "loaded-cue":
        verb = document.source[offset:document.offset_at_position(diagnostic.range.end)]
        said = convert.said_for(verb)
        actions.append(types.CodeAction(
            title=f"Replace \u201c{verb}\u201d with \u201c{said}\u201d",
            kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
            edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(
                range=diagnostic.range, new_text=said)]})))
    return actions


@server.command("sourcescore.explain")
def explain(ls: SourcescoreServer, code: str, uri: str = "") -> None:
    checked = ls.checked.get(uri)
    session = checked.session if checked else next(iter(ls.sessions.by_config.values()), None)
    if session is None:
        return
    page = session.doc_uri(code)
    window = ls.client_capabilities.window
    if page and window is not None and window.show_document is not None:
        ls.window_show_document(types.ShowDocumentParams(uri=page, take_focus=True))
    else:
        ls.window_show_message(types.ShowMessageParams(
            types.MessageType.Info, convert.short_doc(session.explain(code))))


@server.command("sourcescore.showScore")
def show_score(ls: SourcescoreServer, uri: str = "") -> None:
    checked = ls.checked.get(uri)
    if checked is not None:
        ls.window_show_message(types.ShowMessageParams(
            types.MessageType.Info, convert.lens_title(checked.report, checked.curve)))


@server.feature(types.SHUTDOWN)
def shutdown(ls: SourcescoreServer, params: None) -> None:
    for task in ls.pending.values():
        task.cancel()
    ls.sessions.close()
    ls.shut_down = True


@server.feature(types.EXIT)
def exit_now(ls: SourcescoreServer, params: None) -> None:
    """End the process at once: clients wait only briefly after `exit` (eglot gives 0.1 s, then
    kills the server), and the interpreter's teardown after pygls's own exit took 90 ms here.
    Everything is closed by then. The status is 0 after a shutdown and 1 without one, as the
    protocol says."""
    ls.sessions.close()
    os._exit(0 if ls.shut_down else 1)
