"""`github`: GitHub Actions workflow commands, so findings appear as annotations on the diff.

One line per finding::

    ::warning file=story.md,line=3,col=12,endLine=3,endColumn=30,title=SRC302 vague-attribution::…

Severity maps error -> `error`, warning -> `warning`, suggestion -> `notice`. Each file ends with
a `notice` carrying its sourcing score, or an `error` naming the score and `fail_under` when it
scores under that; an unreadable file or a crashed rule is an `error`.
Values are escaped as the workflow-command syntax requires (`%`, CR and LF everywhere; `:` and
`,` inside properties), so a quotation in a message cannot break the line, and every other
control character (ESC, which a log renders) is written as a visible escape.
"""

from __future__ import annotations

from typing import TextIO

from sourcescore import hookimpl
from sourcescore.formats import OutputFormat, RenderOptions
from sourcescore.report import Report, rounded, threshold_failure, under_threshold
from sourcescore.textio import printable

COMMANDS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def render_github(report: Report, out: TextIO, options: RenderOptions) -> None:
    for error in report.plugin_errors:
        out.write(f"::error title=sourcescore::{_data(str(error))}\n")
    for file in report.files:
        for f in file.findings:
            properties = {"file": file.path, "line": f.line, "col": f.column,
                          "endLine": f.end_line, "endColumn": f.end_column,
                          "title": f"{f.code} {f.name}"}
            message = f.message + (f" ({f.suggestion})" if f.suggestion else "")
            out.write(_command(COMMANDS[f.severity], properties, message))
        for error in file.errors:
            out.write(_command("error", {"file": file.path, "title": f"{error.code} failed"},
                               f"rule {error.code} ({error.plugin}) failed: {error.message}"))
        if file.status == "error":
            out.write(_command("error", {"file": file.path, "title": "sourcescore"},
                               file.error or "unreadable"))
        elif file.score is not None and under_threshold(file.score, options.fail_under):
            out.write(_command("error", {"file": file.path, "title": "sourcing score"},
                               f"sourcing score {rounded(file.score):g}/100: "
                               f"{threshold_failure(file.score, options.fail_under)}"))
        else:
            score = "n/a" if file.score is None else f"{rounded(file.score):g}/100"
            out.write(_command("notice", {"file": file.path, "title": "sourcing score"},
                               f"sourcing score {score} ({file.status})"))


def _command(name: str, properties: dict, message: str) -> str:
    props = ",".join(f"{key}={_property(str(value))}" for key, value in properties.items())
    return f"::{name} {props}::{_data(message)}\n"


def _data(value: str) -> str:
    escaped = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(escaped)


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


@hookimpl
def sourcescore_register_output_formats(register):
    register(OutputFormat("github", render_github, "GitHub Actions annotations",
                          machine=True, per_file=True))
