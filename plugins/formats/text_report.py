"""Built-in human-readable formats: `full` (findings, score arithmetic, attributions) and `concise`.

Finding lines always read `path:line:col: CODE [severity] message`, so editors, grep and CI problem
matchers can use them; each file's findings come most severe first, then in text order.
Everything taken from the input (file names, quoted text, messages that quote it) is printed
through `printable`: a control character in a story or a file name is shown as an escape, never
acted on by the terminal or a CI log.
"""

from __future__ import annotations

from typing import TextIO

from sourcescore import hookimpl
from sourcescore.formats import OutputFormat, RenderOptions
from sourcescore.report import FileReport, Report, rounded
from sourcescore.scoring import band, curved
from sourcescore.textio import LineIndex, printable

#: The built-in plugins' import name: rules from elsewhere are named in the score arithmetic.
BUILT_IN = "sourcescore_plugins."
_COLORS = {"error": "\033[31m", "warning": "\033[33m", "suggestion": "\033[36m"}
_RESET = "\033[0m"


def finding_line(path: str, finding, color: bool = False) -> str:
    severity = finding.severity
    if color:
        severity = f"{_COLORS.get(severity, '')}{severity}{_RESET}"
    return (f"{printable(path)}:{finding.line}:{finding.column}: {finding.code} [{severity}] "
            f"{printable(finding.message)}")


_SEVERITY_RANK = {"error": 0, "warning": 1, "suggestion": 2}


def by_severity(findings) -> list:
    """Most severe first, then in text order: what an editor should read first."""
    return sorted(findings, key=lambda f: (_SEVERITY_RANK.get(f.severity, 3), f.start, f.end,
                                           f.code))


def score_line(file: FileReport) -> str:
    path = printable(file.path)
    if file.status == "error":
        error = file.error or ""
        error = error.removeprefix(f"{file.path}: ")  # said once, at the start of the line
        return f"{path}: error: {printable(error)}"
    if file.status == "empty" or file.score is None:
        reason = "; ".join(file.warnings) or "no rule applies"
        return f"{path}: not scored ({printable(reason)})"
    held = ", held by errors" if file.hold is not None else ""
    return f"{path}: sourcing score {rounded(file.score):.0f}/100 ({band(file.score)}{held})"


def notes(file: FileReport) -> list[str]:
    """Warnings about a scored file (exemptions, extraction), one line each."""
    path = printable(file.path)
    lines = [f"{path}: note: {printable(w)}" for w in file.warnings] if file.status == "ok" else []
    if file.input.offsets == "extracted-text":
        lines.append(f"{path}: note: lines and columns refer to the article text extracted "
                     f"from the HTML page by {file.input.extractor}")
    return lines


def render_concise(report: Report, out: TextIO, options: RenderOptions) -> None:
    for error in report.plugin_errors:
        out.write(f"sourcescore: {printable(str(error))}\n")
    for file in report.files:
        for finding in by_severity(file.findings):
            out.write(finding_line(file.path, finding, options.color) + "\n")
        for error in file.errors:
            out.write(f"{printable(file.path)}: {_rule_failure(error)}\n")
        for note in notes(file):
            out.write(note + "\n")
        out.write(score_line(file) + "\n")


def _rule_failure(error) -> str:
    line = f"rule {error.code} ({printable(error.plugin)}) failed: {printable(error.message)}"
    if error.traceback:
        line += "\n" + "\n".join("    " + printable(row) for row in error.traceback.splitlines())
    return line


def render_full(report: Report, out: TextIO, options: RenderOptions) -> None:
    for error in report.plugin_errors:
        out.write(f"sourcescore: {printable(str(error))}\n")
    for number, file in enumerate(report.files, start=options.file_index):
        if number:
            out.write("\n")
        out.write(score_line(file) + "\n")
        if file.status != "ok":
            continue
        for note in notes(file):
            out.write(note + "\n")
        _findings(file, out, options)
        _exemptions(file, out)
        _arithmetic(file, report.scoring, out)
        if options.show_attributions:
            _evidence(file, out)


def _findings(file: FileReport, out: TextIO, options: RenderOptions) -> None:
    out.write(f"\nFindings ({len(file.findings)}):\n")
    for finding in by_severity(file.findings):
        out.write("  " + finding_line(file.path, finding, options.color) + "\n")
        out.write(f"      \u201c{_clip(finding.text, 100)}\u201d\n")
        if finding.suggestion:
            out.write(f"      suggestion: {printable(finding.suggestion)}\n")
        if finding.confidence is not None:
            out.write(f"      confidence: {finding.confidence:.0%}\n")
        if finding.decided_by:
            out.write(f"      decided by: {printable(finding.decided_by)}\n")
    for error in file.errors:
        out.write(f"  {_rule_failure(error)}\n")


def _exemptions(file: FileReport, out: TextIO) -> None:
    if not file.exemptions:
        return
    out.write(f"\nExemptions ({len(file.exemptions)}):\n")
    for exemption in file.exemptions:
        reason = f" \u2014 {printable(exemption.reason)}" if exemption.reason else \
            " (no reason given)"
        done = f"{len(exemption.cleared)} error(s) released from holding" \
            if exemption.action == "sign-off" else \
            f"{len(exemption.suppressed)} finding(s) suppressed"
        out.write(f"  line {exemption.line:<4} {printable(exemption.describe())}{reason}: "
                  f"{done}\n")
        for finding in (*exemption.suppressed, *exemption.cleared):
            out.write(f"      {finding.line}:{finding.column} {finding.code} "
                      f"{printable(finding.message)}\n")


def _arithmetic(file: FileReport, scoring, out: TextIO) -> None:
    curve = scoring.curve
    if file.genre is not None:
        out.write(f"\nGenre: {file.genre.name} ({printable(file.genre.evidence)})\n")
    out.write(f"\nScore = sum(weight x curved sub-score) / sum(weight), curved = 100 x "
              f"(sub-score / 100) ^ {curve:g}, over the rules that apply:\n")
    for rule in file.rules:
        if rule.score is None:
            sub = "  n/a" if not rule.error else "error"
            out.write(f"  {rule.code} {rule.name:<26} {sub:>6}  weight {rule.weight:<4g}"
                      f"                    {printable(rule.error or rule.summary)}\n")
            continue
        # Curved from the sub-score as the JSON report states it (two decimals), so a report
        # that came back from `serve` prints exactly what a local run prints.
        out.write(f"  {rule.code} {rule.name:<26} {rounded(rule.score):6.1f} -> "
                  f"{curved(round(rule.score, 2), curve):5.1f}  weight {rule.weight:<4g} -> "
                  f"{rounded(rule.contribution):5.1f}  {printable(rule.summary)}\n")
    total = f"{rounded(file.score):.1f}" if file.score is not None else "n/a"
    out.write(f"  {'total':<34} {total:>6}\n")
    outside = [r for r in file.rules if not r.plugin.startswith(BUILT_IN) and r.score is not None]
    weighed = sorted({f"{r.code} ({printable(r.plugin)})" for r in outside if r.weight > 0})
    beside = sorted({r.code for r in outside if r.weight == 0})
    if weighed:
        out.write(f"  installed plugins in this score: {', '.join(weighed)}; pin the rules "
                  "with autoload_plugins = false or SOURCESCORE_DISABLE_PLUGIN_AUTOLOAD=1\n")
    if beside:
        out.write(f"  installed plugins beside the score: {', '.join(beside)} (weight 0 until "
                  "[rules.CODE] weight sets one)\n")
    if file.hold is not None:
        held = ", ".join(f"{f.code} at {f.line}:{f.column}" for f in file.hold.findings)
        out.write(f"  held at {rounded(file.score):g} (the rules gave "
                  f"{rounded(file.hold.unheld_score):g}) by errors: {held}\n")


def _evidence(file: FileReport, out: TextIO) -> None:
    out.write(f"\nAttributions ({len(file.attributions)}):\n")
    lines = LineIndex(file.text)
    for a in file.attributions:
        where = a.cue or a.content
        line = lines.position(where.start)[0] if where else 0
        who = _clip(a.source.text, 60) if a.source else "(no source)"
        if a.source_name and a.source and a.source_name != a.source.text:
            who += f" = {_clip(a.source_name, 60)}"
        cue = _clip(a.cue.text, 40) if a.cue else "-"
        content = _clip(a.content.text, 70) if a.content else ""
        out.write(f"  line {line:<4} {a.source_type:<12} {who} [{cue}] {a.kind}: {content}\n")
    if file.wire_credits:
        out.write("\nWire credits:\n")
        for credit in file.wire_credits:
            line = lines.position(credit.start)[0]
            out.write(f"  line {line:<4} {credit.agency} ({credit.form}): "
                      f"{_clip(credit.text, 100)}\n")


def _clip(text: str, width: int) -> str:
    """Input text on one line, at most `width` characters, nothing a terminal acts on."""
    text = " ".join(text.split())
    text = text if len(text) <= width else text[: width - 1] + "\u2026"
    return printable(text)


@hookimpl
def sourcescore_register_output_formats(register):
    register(OutputFormat("full", render_full, "findings, score arithmetic and evidence",
                          per_file=True))
    register(OutputFormat("concise", render_concise, "one line per finding and per file",
                          per_file=True))
