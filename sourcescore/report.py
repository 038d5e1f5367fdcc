"""The report: findings, per-rule results and the score arithmetic, serialised for every format.

The JSON shape is documented in `sourcescore_plugins.formats.json_report`; `SCHEMA_VERSION` changes
whenever a field is removed or changes meaning (new fields may appear without a bump).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sourcescore.model import Attribution, WireCredit

SCHEMA_VERSION = "2.0"
#: The JSON Schema (draft 2020-12) of that version, shipped in the package.
SCHEMA_RESOURCE = f"schema/report-{SCHEMA_VERSION}.schema.json"


def report_schema() -> dict[str, Any]:
    """The JSON Schema the `json` report validates against (`sourcescore schema` prints it)."""
    import json
    from importlib.resources import files

    return json.loads(files("sourcescore").joinpath(SCHEMA_RESOURCE).read_text("utf-8"))

#: Order of severities, lowest first.
SEVERITY_RANK = {"suggestion": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Finding:
    """One problem at one place, attributed to the rule and plugin that found it."""

    code: str
    name: str
    plugin: str
    severity: str
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    suggestion: str | None = None
    confidence: float | None = None
    decided_by: str | None = None  # the construction or feature that decided it

    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.start, self.end, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code, "name": self.name, "plugin": self.plugin,
            "severity": self.severity, "message": self.message, "suggestion": self.suggestion,
            "start": self.start, "end": self.end, "line": self.line, "column": self.column,
            "end_line": self.end_line, "end_column": self.end_column, "text": self.text,
            "confidence": None if self.confidence is None else round(self.confidence, 3),
            "decided_by": self.decided_by,
        }


@dataclass(frozen=True)
class Exemption:
    """An inline exemption (see `sourcescore.exemptions`) and the findings it suppressed.

    `start`/`end` span the directive itself; `applies_start`/`applies_end` the passage it covers.
    `rules` are the rules as written; `codes` what they resolved to (empty: every rule).
    """

    action: str
    rules: tuple[str, ...]
    codes: tuple[str, ...]
    reason: str | None
    start: int
    end: int
    line: int
    applies_start: int
    applies_end: int
    suppressed: tuple[Finding, ...] = ()
    cleared: tuple[Finding, ...] = ()  # a sign-off's: the holding errors it cleared, still shown

    def covers(self, finding: Finding) -> bool:
        return (self.applies_start <= finding.start < self.applies_end
                and (not self.codes or finding.code in self.codes))

    def describe(self) -> str:
        return " ".join((self.action, *self.rules))

    def to_dict(self) -> dict[str, Any]:
        return {
            "action": self.action, "rules": list(self.rules), "codes": list(self.codes),
            "reason": self.reason, "start": self.start, "end": self.end, "line": self.line,
            "applies_to": {"start": self.applies_start, "end": self.applies_end},
            "suppressed": [f.to_dict() for f in self.suppressed],
            "cleared": [f.to_dict() for f in self.cleared],
        }


@dataclass(frozen=True)
class RuleResult:
    """A rule's part of the article score: its sub-score, weight and share of the total."""

    code: str
    name: str
    plugin: str
    score: float | None
    weight: float
    contribution: float | None
    summary: str
    findings: int
    metrics: tuple[tuple[str, Any], ...] = ()
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code, "name": self.name, "plugin": self.plugin,
            "score": rounded(self.score), "weight": self.weight,
            "contribution": rounded(self.contribution), "summary": self.summary,
            "findings": self.findings, "metrics": {k: v for k, v in self.metrics},
            "error": self.error,
        }


@dataclass(frozen=True)
class RuleError:
    """A rule or plugin that failed on this file; its other results are still reported.

    `traceback` is kept only when `SOURCESCORE_DEBUG=1` is set, for the plugin's author.
    """

    code: str
    plugin: str
    message: str
    traceback: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"code": self.code, "plugin": self.plugin,
                                "message": self.message}
        if self.traceback is not None:
            data["traceback"] = self.traceback
        return data


@dataclass(frozen=True)
class InputInfo:
    """How the file was read, and what its offsets index.

    `format` is `text`, `markdown` or `html`. For text and Markdown, offsets, lines and columns
    are the file's own (`offsets` = `file`). For HTML the article is first extracted from the
    page, so they index the extracted text (`offsets` = `extracted-text`), which is then given in
    `text` together with the `extractor` used.
    """

    format: str = "text"
    offsets: str = "file"
    extractor: str | None = None
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"format": self.format, "offsets": self.offsets}
        if self.extractor is not None:
            data["extractor"] = self.extractor
        if self.text is not None:
            data["text"] = self.text
        return data


@dataclass(frozen=True)
class Genre:
    """What kind of piece the story is (`sourcescore.model.GENRES`) and why it was taken for one:
    the page's metadata, the configuration, or what its text shows."""

    name: str = "news"
    evidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "evidence": self.evidence}


@dataclass(frozen=True)
class Hold:
    """Findings of severity error cap the score at `hold_score`: the score the rules gave before
    the cap, and the findings that hold it."""

    unheld_score: float
    findings: tuple[Finding, ...]

    @classmethod
    def of(cls, settled: Any) -> Hold | None:
        """The hold of an `engine.Settled` fold, if any."""
        if settled.unheld is None:
            return None
        return cls(settled.unheld, settled.holds)

    def to_dict(self) -> dict[str, Any]:
        return {"unheld_score": rounded(self.unheld_score),
                "findings": [f.to_dict() for f in self.findings]}


@dataclass(frozen=True)
class FileReport:
    """Everything sourcescore says about one input.

    `status` is `ok`, `empty` (nothing to score) or `error` (the file could not be read; see
    `error`). `score` is `None` unless the status is `ok` and some rule applied.
    """

    path: str
    status: str
    score: float | None = None
    rules: tuple[RuleResult, ...] = ()
    findings: tuple[Finding, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    wire_credits: tuple[WireCredit, ...] = ()
    errors: tuple[RuleError, ...] = ()
    stats: tuple[tuple[str, Any], ...] = ()
    error: str | None = None
    warnings: tuple[str, ...] = ()
    exemptions: tuple[Exemption, ...] = ()
    input: InputInfo = field(default_factory=InputInfo)
    genre: Genre | None = None
    hold: Hold | None = None
    house: tuple[str, ...] = ()
    text: str = field(default="", compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "status": self.status,
            "error": self.error,
            "warnings": list(self.warnings),
            "score": rounded(self.score),
            "genre": self.genre.to_dict() if self.genre else None,
            "hold": self.hold.to_dict() if self.hold else None,
            "house": list(self.house),
            "stats": {k: v for k, v in self.stats},
            "rules": [r.to_dict() for r in self.rules],
            "findings": [f.to_dict() for f in self.findings],
            "attributions": [a.to_dict() for a in self.attributions],
            "wire_credits": [w.to_dict() for w in self.wire_credits],
            "errors": [e.to_dict() for e in self.errors],
            "exemptions": [e.to_dict() for e in self.exemptions],
            "input": self.input.to_dict(),
        }


@dataclass(frozen=True)
class Scoring:
    """How the run folds sub-scores (`sourcescore.scoring`): the curve and the hold score."""

    curve: float = 1.0
    hold_score: float = 100.0

    def to_dict(self) -> dict[str, Any]:
        return {"curve": self.curve, "hold_score": self.hold_score}


@dataclass(frozen=True)
class Report:
    """The result of one run over one or more inputs."""

    files: tuple[FileReport, ...]
    tool_version: str
    config_path: str | None = None
    plugins: tuple[tuple[str, str], ...] = ()
    plugin_errors: tuple[Any, ...] = ()  # sourcescore.plugins.PluginProblem
    scoring: Scoring = field(default_factory=lambda: Scoring())

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "sourcescore", "version": self.tool_version},
            "config": self.config_path,
            "scoring": self.scoring.to_dict(),
            "plugins": [{"name": n, "version": v} for n, v in self.plugins],
            "plugin_errors": [e.to_dict() for e in self.plugin_errors],
            "files": [f.to_dict() for f in self.files],
        }


def rounded(value: float | None) -> float | None:
    """A score as every format shows it: two decimals, which keep reports stable across
    platforms' float formatting and make a report read back from JSON print the same."""
    return None if value is None else round(value, 2)


def under_threshold(score: float | None, threshold: float) -> bool:
    """Whether a score fails `fail_under`: the score as reports show it (`rounded`), so what is
    printed is what was compared. A threshold of 0 fails nothing."""
    shown = rounded(score)
    return threshold > 0 and shown is not None and shown < threshold


def threshold_failure(score: float, threshold: float) -> str:
    """The words for a score under `fail_under`, with the score as it was compared."""
    return f"scored {rounded(score):g}, under fail_under {threshold:g}"



def file_report_from_dict(data: dict[str, Any], text: str = "") -> FileReport:
    """Rebuild a `FileReport` from its JSON form (the inverse of `to_dict`, `text` aside:
    the JSON does not carry the article, so the caller passes it)."""
    from sourcescore.model import Span

    def span(value):
        return Span(**value) if value else None

    def finding(value):
        return Finding(**value)

    def attribution(value):
        value = dict(value)
        for key in ("content", "source", "cue"):
            value[key] = span(value[key])
        value["fragments"] = tuple(tuple(f) for f in value.get("fragments", ()))
        return Attribution(**value)

    def exemption(value):
        value = dict(value)
        applies = value.pop("applies_to")
        return Exemption(**{**value, "rules": tuple(value["rules"]),
                            "codes": tuple(value["codes"]),
                            "suppressed": tuple(map(finding, value["suppressed"])),
                            "cleared": tuple(map(finding, value.get("cleared", ()))),
                            "applies_start": applies["start"], "applies_end": applies["end"]})

    def rule(value):
        return RuleResult(**{**value, "metrics": tuple(value["metrics"].items())})

    return FileReport(
        path=data["path"], status=data["status"], score=data["score"],
        rules=tuple(map(rule, data["rules"])), findings=tuple(map(finding, data["findings"])),
        attributions=tuple(map(attribution, data["attributions"])),
        wire_credits=tuple(WireCredit(**w) for w in data["wire_credits"]),
        errors=tuple(RuleError(**e) for e in data["errors"]), stats=tuple(data["stats"].items()),
        error=data["error"], warnings=tuple(data["warnings"]),
        exemptions=tuple(map(exemption, data.get("exemptions", ()))),
        input=InputInfo(**data.get("input", {})), text=text,
        genre=Genre(**data["genre"]) if data.get("genre") else None,
        hold=Hold(data["hold"]["unheld_score"], tuple(map(finding, data["hold"]["findings"])))
        if data.get("hold") else None,
        house=tuple(data.get("house", ())),
    )
