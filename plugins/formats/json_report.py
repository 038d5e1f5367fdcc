"""Built-in machine formats: `json` (one document per run) and `json-lines` (one file per line).

JSON report, schema_version 2.0 (fields are never removed or changed in meaning without a bump;
new fields may appear, so consumers must ignore unknown keys). Its JSON Schema ships in the
package (`sourcescore schema` prints it; `sourcescore.report.report_schema()` returns it)::

    {
      "schema_version": "2.0",
      "tool": {"name": "sourcescore", "version": str},
      "config": str | null,                 # configuration file used, null for defaults
      "scoring": {"curve": number, "hold_score": number},  # how sub-scores were folded
      "plugins": [{"name": str, "version": str}],
      "plugin_errors": [{"plugin", "stage", "message"}],  # plugins that failed to load
      "files": [{
        "path": str,
        "status": "ok" | "empty" | "too-short" | "error" | "unsupported-language",
        "error": str | null,                # why the file could not be checked
        "warnings": [str],
        "score": number | null,             # 0-100; null when nothing could be scored
        "genre": {"name": "news" | "analysis" | "opinion" | "transcript" | "list",
                  "evidence": str} | null,  # what kind of piece, and why it was taken for one
        "hold": {"unheld_score": number, "findings": [finding, ...]} | null,  # errors cap it
        "house": [str],                     # outlet and agencies whose own reporting it is
        "stats": {"words": int, "sentences": int, "paragraphs": int,
                  "attributions": int, "quotations": int},
        "rules": [{"code", "name", "plugin", "score": number | null, "weight": number,
                   "contribution": number | null, "summary": str, "findings": int,
                   "metrics": {str: value}, "error": str | null}],
        "findings": [{"code", "name", "plugin", "severity", "message", "suggestion",
                      "confidence": number | null, "decided_by": str | null, "start", "end",
                      "line", "column", "end_line", "end_column", "text"}],
        "attributions": [{"kind": "direct" | "mixed" | "indirect",
                          "content" | "source" | "cue": {"start", "end", "text"} | null,
                          "source_type": "person" | "organization" | "agency" | "media" |
                                         "document" | "poll" | "pronoun" | "anonymous" |
                                         "group" | "unknown" | "none",
                          "source_name": str | null, "confidence": number,
                          "sentence": int, "pattern": str, "is_speech": bool,
                          "fragments"?: [[start, end], ...]}],
        "wire_credits": [{"agency", "form": "dateline" | "byline" | "credit_line" | "in_text",
                          "start", "end", "text"}],
        "errors": [{"code", "plugin", "message"}],  # rules that failed on this file
        "exemptions": [{"action": "disable" | "ignore", "rules": [str], "codes": [str],
                        "reason": str | null, "start", "end", "line",
                        "applies_to": {"start", "end"},
                        "suppressed": [finding, ...]}],   # `sourcescore explain exemptions`
        "input": {"format": "text" | "markdown" | "html",
                  "offsets": "file" | "extracted-text",
                  "extractor"?: str, "text"?: str}   # for HTML: the extracted article text
      }]
    }

Offsets are Python `str` indices (end exclusive) into the file's text as decoded (UTF-8, leading BOM
dropped), so `text[start:end]` equals the reported `text`; for an HTML page they index the
extracted article text given in `input.text`. `line`/`column` are 1-based, columns in
code points. The contributions of a file's rules add up to its score (held or not). Output is
deterministic: keys in a fixed order, findings sorted by position, no timestamps.
"""

from __future__ import annotations

import json
from typing import TextIO

from sourcescore import hookimpl
from sourcescore.formats import OutputFormat, RenderOptions
from sourcescore.report import Report


def render_json(report: Report, out: TextIO, options: RenderOptions) -> None:
    json.dump(report.to_dict(), out, ensure_ascii=False, indent=2)
    out.write("\n")


def render_json_lines(report: Report, out: TextIO, options: RenderOptions) -> None:
    envelope = report.to_dict()
    files = envelope.pop("files")
    for file in files:
        line = {"schema_version": envelope["schema_version"], "tool": envelope["tool"], **file}
        out.write(json.dumps(line, ensure_ascii=False) + "\n")


@hookimpl
def sourcescore_register_output_formats(register):
    register(OutputFormat("json", render_json, "the versioned JSON report", machine=True))
    register(OutputFormat("json-lines", render_json_lines, "one file's report per line",
                          machine=True, per_file=True))
