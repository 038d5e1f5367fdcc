"""What the language server keeps per configuration: the rules and settings (read in the
server's process, which never loads the pipeline), and one worker process holding the warm
pipeline that checks (`sourcescore.worker.Pipeline`, the one `serve` uses: a check that
overruns its time limit or kills its process replaces the worker, never the server).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sourcescore.api import Checker
from sourcescore.discovery import config_for_paths
from sourcescore.report import FileReport
from sourcescore.worker import CheckerSettings, Pipeline


@dataclass
class Session:
    """One configuration in use: its checker (rules, settings, documentation) and the worker
    that checks under it."""

    checker: Checker
    pipeline: Pipeline
    docs: Path

    @property
    def timeout(self) -> float:
        return self.checker.config.general.file_timeout or 60.0

    def check(self, path: str, text: str) -> FileReport:
        """Check one document in the worker (blocking: the server calls it off its loop). The
        first check starts the worker: no separate warm-up story delays the first diagnostics."""
        return self.pipeline.check(path, text, self.timeout)

    def doc_uri(self, code: str) -> str | None:
        """A file holding rule `code`'s documentation (what `explain` prints), to link to."""
        page = self.docs / f"{code}.md"
        return page.as_uri() if page.is_file() else None

    def explain(self, code: str) -> str:
        rule = self.checker.plugins.rules.get(code)
        return (rule.doc or rule.summary).strip() if rule is not None else code

    def close(self) -> None:
        self.pipeline.close()


@dataclass
class Sessions:
    """The sessions by configuration file, found from each document's folder upwards unless
    the client names one (`initializationOptions.config`)."""

    explicit: str | None = None
    by_config: dict[str, Session] = field(default_factory=dict)

    def for_document(self, path: str) -> Session:
        """The session for a document; raises `ConfigError` for a broken configuration."""
        found = Path(self.explicit) if self.explicit else config_for_paths([path])
        key = str(found) if found else ""
        if key not in self.by_config:
            self.by_config[key] = _session(found)
        return self.by_config[key]

    def close(self) -> None:
        """Forget every session (the configuration changed, or the server stops)."""
        for session in self.by_config.values():
            session.close()
        self.by_config.clear()


def _session(config: Path | None) -> Session:
    checker = Checker(config, use_config_file=config is not None)
    settings = CheckerSettings(str(config) if config else None,
                               use_config_file=config is not None,
                               skip_plugins=checker.refused_plugins())
    docs = Path(tempfile.mkdtemp(prefix="sourcescore-rules-"))
    for rule in checker.plugins.rules:
        (docs / f"{rule.code}.md").write_text(
            f"# {rule.code} {rule.name}\n\n{(rule.doc or rule.summary).strip()}\n",
            encoding="utf-8")
    return Session(checker, Pipeline(settings), docs)
