"""`sarif`: SARIF 2.1.0, the format code-scanning dashboards read (GitHub, GitLab, Azure DevOps).

One run per invocation. Rules are described in `tool.driver.rules` (id = rule code, name, the
first paragraph of the rule's documentation as description, the whole documentation as help,
the plugin's default severity as level). Each finding is a result with its rule's index, a
region given by line/column and by character offset (columns count Unicode code points, so
`columnKind` says so), the flagged text as snippet, and a `partialFingerprints` entry that
depends on the rule, the flagged text and the message, not on the position: a finding keeps
its identity when the story is edited above it. Severity maps error -> error, warning ->
warning, suggestion -> note. Files that could not be read and rules that crashed are
`toolExecutionNotifications` of the invocation, which is then not successful. Each file's
score is kept in the run's properties (`sourcescore/scores`). Findings an inline exemption
suppressed are results too, with an `inSource` suppression carrying the exemption's reason as
its justification, so dashboards show them as dismissed rather than losing them.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import PurePath
from typing import Any, TextIO
from urllib.parse import quote

from sourcescore import hookimpl
from sourcescore.formats import OutputFormat, RenderOptions
from sourcescore.report import FileReport, Finding, Report, rounded

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "suggestion": "note"}


def render_sarif(report: Report, out: TextIO, options: RenderOptions) -> None:
    json.dump(sarif_log(report, options.rules), out, ensure_ascii=False, indent=2)
    out.write("\n")


def sarif_log(report: Report, rules) -> dict[str, Any]:
    rules = sorted(rules, key=lambda r: r.code)
    index = {rule.code: number for number, rule in enumerate(rules)}
    results, notifications = [], []
    for file in report.files:
        results.extend(_results(file, index))
        notifications.extend(_notifications(file, index))
    notifications.extend({"level": "error", "message": {"text": str(error)}}
                         for error in report.plugin_errors)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "sourcescore",
                "version": report.tool_version,
                "informationUri": "https://pypi.org/project/sourcescore/",
                "rules": [_descriptor(rule) for rule in rules],
            }},
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": not notifications,
                             "toolExecutionNotifications": notifications}],
            "results": results,
            "properties": {"sourcescore/scores": {f.path: rounded(f.score)
                                                  for f in report.files}},
        }],
    }


def _descriptor(rule) -> dict[str, Any]:
    doc = (rule.doc or rule.summary).strip()
    first_paragraph = doc.split("\n\n")[0].replace("\n", " ")
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": first_paragraph},
        "help": {"text": doc},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"plugin": rule.plugin, "weight": rule.weight, "tags": ["sourcing"]},
    }


def _results(file: FileReport, index: dict[str, int]) -> list[dict[str, Any]]:
    seen: Counter[str] = Counter()
    results = []
    exempted = {id(f): e for e in file.exemptions for f in e.suppressed}
    every = sorted([*file.findings, *exempted_findings(file)], key=Finding.sort_key)
    for finding in every:
        identity = _identity(finding)
        seen[identity] += 1
        result: dict[str, Any] = {
            "ruleId": finding.code,
            "level": LEVELS[finding.severity],
            "message": {"text": finding.message + (f" ({finding.suggestion})"
                                                   if finding.suggestion else "")},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(file.path)},
                "region": {
                    "startLine": finding.line, "startColumn": finding.column,
                    "endLine": finding.end_line, "endColumn": finding.end_column,
                    "charOffset": finding.start, "charLength": finding.end - finding.start,
                    "snippet": {"text": finding.text},
                },
            }}],
            # The n-th identical finding in a file gets its own fingerprint.
            "partialFingerprints": {"sourcescore/v1": f"{identity}:{seen[identity]}"},
        }
        if finding.code in index:
            result["ruleIndex"] = index[finding.code]
        if id(finding) in exempted:
            result["suppressions"] = [_suppression(exempted[id(finding)])]
        results.append(result)
    return results


def exempted_findings(file: FileReport) -> list[Finding]:
    return [f for exemption in file.exemptions for f in exemption.suppressed]


def _suppression(exemption) -> dict[str, Any]:
    suppression: dict[str, Any] = {"kind": "inSource", "status": "accepted"}
    if exemption.reason:
        suppression["justification"] = exemption.reason
    return suppression


def _identity(finding: Finding) -> str:
    text = " ".join(finding.text.lower().split())
    key = "\0".join((finding.code, text, finding.message))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _notifications(file: FileReport, index: dict[str, int]) -> list[dict[str, Any]]:
    location = [{"physicalLocation": {"artifactLocation": {"uri": _uri(file.path)}}}]
    notes = []
    if file.status == "error":
        notes.append({"level": "error", "message": {"text": file.error or "unreadable"},
                      "locations": location})
    for error in file.errors:
        note = {"level": "error", "locations": location,
                "message": {"text": f"rule {error.code} ({error.plugin}) failed: "
                                    f"{error.message}"}}
        if error.code in index:
            note["associatedRule"] = {"id": error.code, "index": index[error.code]}
        notes.append(note)
    return notes


def _uri(path: str) -> str:
    return quote(PurePath(path).as_posix(), safe="/:")


@hookimpl
def sourcescore_register_output_formats(register):
    register(OutputFormat("sarif", render_sarif, "SARIF 2.1.0 for code-scanning dashboards",
                          machine=True))
