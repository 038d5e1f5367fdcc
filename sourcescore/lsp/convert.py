"""From a file's report to what an editor shows: diagnostics, the score lens, hovers and the
edits code actions make. Pure functions of the report and the document's text, so they are
tested without a client; positions go through a `Locate` function the server builds from the
document (in the position encoding the client and server agreed: UTF-16 code units unless the
client asks for UTF-8 or UTF-32).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from lsprotocol import types

from sourcescore.exemptions import COMMENT_TEMPLATE, PLACEHOLDER
from sourcescore.report import FileReport, Finding
from sourcescore.scoring import band, curved

#: Offset in the document's text -> position as the client counts it.
Locate = Callable[[int], types.Position]
SOURCE = "sourcescore"
SEVERITY = {"error": types.DiagnosticSeverity.Error,
            "warning": types.DiagnosticSeverity.Warning,
            "suggestion": types.DiagnosticSeverity.Information}


@dataclass(frozen=True)
class Placed:
    """A finding and where it stands in the document (offsets into the document's text)."""

    finding: Finding
    start: int
    end: int


def placed_findings(report: FileReport, text: str) -> list[Placed]:
    """Each finding at its place in the document. Text and Markdown offsets are the file's
    own; an HTML page's index its extracted article, so each finding is found again in the page
    by its words, in order (at the top of the page when the words are not there verbatim)."""
    if report.input.offsets == "file":
        return [Placed(f, f.start, f.end) for f in report.findings]
    placed, cursor = [], 0
    for finding in sorted(report.findings, key=lambda f: f.start):
        at = text.find(finding.text, cursor) if finding.text else -1
        if at < 0:
            placed.append(Placed(finding, 0, 0))
            continue
        placed.append(Placed(finding, at, at + len(finding.text)))
        cursor = at
    return placed


def diagnostics(report: FileReport, text: str, locate: Locate,
                docs: Callable[[str], str | None]) -> list[types.Diagnostic]:
    """The report as diagnostics: one per finding, plus one per rule that failed and one for a
    file that could not be checked."""
    if report.status == "error":
        return [_at_top(locate, f"sourcescore could not check this document: {report.error}")]
    found = [types.Diagnostic(
        range=types.Range(locate(p.start), locate(p.end)),
        message=_message(p.finding), severity=SEVERITY.get(p.finding.severity),
        code=p.finding.code, source=SOURCE,
        code_description=types.CodeDescription(href) if (href := docs(p.finding.code)) else
        None, data={"decided_by": p.finding.decided_by})
        for p in placed_findings(report, text)]
    found += [_at_top(locate, f"rule {e.code} failed on this document ({e.message}); its "
                              "findings and sub-score are missing", code=e.code)
              for e in report.errors]
    return found


def _message(finding: Finding) -> str:
    return f"{finding.message} \u2014 {finding.suggestion}" if finding.suggestion else \
        finding.message


def _at_top(locate: Locate, message: str, code: str | None = None) -> types.Diagnostic:
    return types.Diagnostic(range=types.Range(locate(0), locate(0)), message=message,
                            severity=types.DiagnosticSeverity.Error, source=SOURCE, code=code)


def points_lost(report: FileReport, curve: float) -> dict[int, float]:
    """Points of the score each finding costs (by its index in `report.findings`): its rule's
    lost weight, `weight x (100 - curved sub-score) / total weight`, shared among the rule's
    findings, so the figures add up to what the findings cost together."""
    scored = [r for r in report.rules if r.score is not None and r.weight > 0]
    total = sum(r.weight for r in scored)
    lost_by_rule = {r.code: r.weight * (100.0 - curved(r.score or 0.0, curve)) / total
                    for r in scored} if total else {}
    counts: dict[str, int] = {}
    for finding in report.findings:
        counts[finding.code] = counts.get(finding.code, 0) + 1
    return {i: lost_by_rule.get(f.code, 0.0) / counts[f.code]
            for i, f in enumerate(report.findings)}


def lens_title(report: FileReport, curve: float) -> str:
    """"Sourcing score 72/100 · needs a look · held by SRC301 · top: ..." for the first line."""
    if report.status != "ok" or report.score is None:
        why = report.warnings[0] if report.warnings else report.error or report.status
        return f"Sourcing score: not scored ({why})"
    parts = [f"Sourcing score {report.score:.0f}/100", band(report.score)]
    if report.hold is not None:
        parts.append("held by " + ", ".join(sorted({f.code for f in report.hold.findings})))
    lost = points_lost(report, curve)
    top = sorted(lost, key=lambda i: (-lost[i], report.findings[i].start))[:3]
    if top:
        parts.append("top: " + "; ".join(
            f"{report.findings[i].code} line {report.findings[i].line} (-{lost[i]:.1f})"
            for i in top if lost[i] > 0) or "top: findings cost no points")
    return " \u00b7 ".join(parts)


def hover_text(report: FileReport, text: str, offset: int, curve: float,
               explain: Callable[[str], str]) -> str | None:
    """What hovering over `offset` says: the finding's rule and the points it costs, or who is
    speaking there and how; None over plain text."""
    lost = points_lost(report, curve)
    index = {id(f): i for i, f in enumerate(report.findings)}
    lines = [f"**{p.finding.code}** {p.finding.message}\n\n{explain(p.finding.code)}\n\n"
             f"Costs {lost.get(index[id(p.finding)], 0.0):.1f} points of the score." +
             (f" Decided by: `{p.finding.decided_by}`." if p.finding.decided_by else "")
             for p in placed_findings(report, text) if p.start <= offset <= p.end]
    if report.input.offsets == "file":
        lines += [_attribution_hover(a) for a in report.attributions
                  if _covers(a.content, offset) or _covers(a.source, offset) or
                  _covers(a.cue, offset)]
    return "\n\n---\n\n".join(lines) if lines else None


def _covers(span, offset: int) -> bool:
    return span is not None and span.start <= offset <= span.end


def _attribution_hover(attribution) -> str:
    who = attribution.source_name or (attribution.source.text if attribution.source else
                                      "no one named")
    cue = attribution.cue.text if attribution.cue else "no cue word"
    return (f"**Attribution** ({attribution.kind}): said by **{who}** \u00b7 source type "
            f"`{attribution.source_type}` \u00b7 cue \u201c{cue}\u201d")


def short_doc(doc: str) -> str:
    """A rule's documentation cut to its summary and what it flags (as `explain` prints it,
    shortened for a hover)."""
    parts = re.split(r"\n\s*\n", doc.strip())
    return "\n\n".join(p.strip() for p in parts[:2])


def exemption_insert(text: str, offset: int, code: str, markup: bool,
                     plain_template: str) -> tuple[int, str]:
    """Where to insert an `ignore` exemption for a finding at `offset`, and the line to
    insert: on its own line just before the finding's paragraph (an HTML comment in Markdown
    and HTML, the configured plain-text line in text), with a reason to fill in."""
    directive = f"ignore {code} -- reason"
    line = (COMMENT_TEMPLATE if markup else plain_template).replace(PLACEHOLDER, directive)
    start = text.rfind("\n\n", 0, offset)
    start = 0 if start < 0 else start + 2
    return start, line + "\n"


def said_for(verb: str) -> str:
    """"said" in the loaded verb's tense: "insisted" -> "said", "insists" -> "says"."""
    lower = verb.lower()
    replacement = "says" if lower.endswith("s") and not lower.endswith("ss") else "said"
    return replacement.capitalize() if verb[:1].isupper() else replacement
