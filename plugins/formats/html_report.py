"""`html`: one self-contained page per run, to see a story's sourcing rather than read about it.

For each file: the score and every rule's sub-score as a small bar chart; the article with each
attribution highlighted by source type (hover shows speaker, cue, type and kind), unattributed
claims (SRC301) and filler (SRC402) marked, every other finding underlined by severity; and the
findings listed beside the text, each a link that scrolls to its place and flashes it. Exempted
findings are listed with their reason; warnings are shown above the text.

The page has no external resources (styles and the few lines of script are inline, a
Content-Security-Policy forbids network access), so it can be mailed, archived or opened from
disk. Offsets are the report's own, so the highlighted text is exactly what was checked (for an
HTML input, the extracted article). Write it with `-o report.html`; `sourcescore serve` shows the
same view at `/`.
"""

from __future__ import annotations

from html import escape
from itertools import pairwise
from typing import TextIO

from sourcescore import hookimpl
from sourcescore.formats import OutputFormat, RenderOptions
from sourcescore.model import SOURCE_TYPES
from sourcescore.report import FileReport, Finding, Report, rounded
from sourcescore.scoring import band

#: A colour per source type, from accountable (greens, blues) to unaccountable (orange, grey).
TYPE_COLOURS = {
    "person": "#1b9e77", "organization": "#2c7fb8", "agency": "#4a4ae0", "media": "#8856a7",
    "document": "#a6761d", "poll": "#2a8a7f", "pronoun": "#7f7f7f", "anonymous": "#e6550d",
    "group": "#c0392b", "unknown": "#9e9e9e", "none": "#c51b8a",
}
#: No network access, no external files: styles and script are inline, images data: URIs.
CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
       "img-src data:; form-action 'self'")
#: Findings that get a marking of their own rather than the generic severity underline.
SPECIAL_MARKS = {"SRC301": "claim", "SRC402": "filler"}

CSS = """
:root { --fg: #1d1d1f; --muted: #6e6e73; --line: #d2d2d7; }
* { box-sizing: border-box; }
body { font: 15px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg);
       margin: 0; background: #fafafa; }
header.run { padding: 16px 24px; background: #fff; border-bottom: 1px solid var(--line); }
header.run h1 { margin: 0 0 4px; font-size: 20px; }
section.file { margin: 24px; background: #fff; border: 1px solid var(--line); border-radius: 8px;
               padding: 16px 20px; }
section.file h2 { margin: 0 0 8px; font-size: 17px; word-break: break-all; }
.score { font-size: 34px; font-weight: 700; }
.score.good { color: #1b7f3b; } .score.fair { color: #a86b00; } .score.poor { color: #c0262d; }
.summary { display: flex; gap: 28px; align-items: center; flex-wrap: wrap; }
.legend span { display: inline-block; margin: 2px 10px 2px 0; font-size: 13px; }
.legend i { display: inline-block; width: 11px; height: 11px; border-radius: 2px;
            margin-right: 4px; vertical-align: -1px; }
.layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(260px, 2fr); gap: 20px;
          margin-top: 12px; }
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } }
article.text { white-space: pre-wrap; overflow-wrap: anywhere; font: 16px/1.7 Georgia, serif;
               border-top: 1px solid var(--line); padding-top: 8px; }
aside { border-top: 1px solid var(--line); padding-top: 8px; max-height: 80vh; overflow: auto;
        position: sticky; top: 8px; }
aside ol { padding-left: 0; margin: 4px 0 12px; list-style: none; }
aside li { margin: 6px 0; font-size: 14px; display: flex; gap: 6px; }
aside li .n { flex: none; min-width: 2.2em; text-align: right; color: var(--muted); }
aside li .body { min-width: 0; }
aside a { color: inherit; text-decoration: none; } aside a:hover { text-decoration: underline; }
.code { font: 12px ui-monospace, monospace; background: #eee; padding: 1px 4px;
        border-radius: 3px; }
.sev-error .code { background: #fbd3d3; } .sev-warning .code { background: #fde9c4; }
.sev-suggestion .code { background: #d7ebf7; }
.hl-content { border-bottom: 3px solid var(--c); }
.hl-source { background: color-mix(in srgb, var(--c) 22%, transparent); border-radius: 2px; }
.hl-cue { font-weight: 600; color: var(--c); }
.mark-claim { background: repeating-linear-gradient(135deg, #fdd 0 4px, #fff0f0 4px 8px); }
.mark-filler { background: #fff3a8; text-decoration: line-through #b59b00; }
.mark-finding { text-decoration: underline wavy #c77700; text-underline-offset: 4px; }
.mark-finding.sev-error { text-decoration-color: #c0262d; }
.mark-finding.sev-suggestion { text-decoration-color: #2c7fb8; }
.directive { color: var(--muted); font: italic 13px ui-monospace, monospace; }
.flash { animation: flash 1.6s ease-out; }
@keyframes flash { 0%, 40% { outline: 3px solid #ffb000; }
                   100% { outline: 3px solid transparent; } }
.warnings { color: #8a5300; font-size: 14px; margin: 8px 0; }
.muted { color: var(--muted); font-size: 13px; }
svg text { font: 12px system-ui, sans-serif; fill: var(--fg); }
svg.chart { width: 100%; max-width: 480px; height: auto; }
nav.index { margin: 16px 24px 0; }
nav.index table { border-collapse: collapse; background: #fff; font-size: 14px; }
nav.index td, nav.index th { padding: 4px 12px; border-bottom: 1px solid var(--line);
                             text-align: left; }
nav.index td.num { text-align: right; font-variant-numeric: tabular-nums; }
@media print {
  body { background: #fff; }
  .layout { display: block; }
  aside { max-height: none; overflow: visible; position: static; }
  section.file { break-inside: auto; border: none; margin: 12px 0; }
  .flash { animation: none; }
}
"""

SCRIPT = """
document.addEventListener('click', function (event) {
  var link = event.target.closest('a[data-goto]');
  if (!link) return;
  event.preventDefault();
  var target = document.querySelector('[data-f~="' + link.dataset.goto + '"]');
  if (!target) return;
  target.scrollIntoView({block: 'center'});
  target.classList.remove('flash'); void target.offsetWidth; target.classList.add('flash');
});
"""


def render_html(report: Report, out: TextIO, options: RenderOptions) -> None:
    out.write(page(report))


def page(report: Report, before: str = "") -> str:
    """The whole page; `before` is markup placed above the files (the server's form)."""
    files = "\n".join(_file(number, file) for number, file in enumerate(report.files))
    index = _index(report) if len(report.files) > 1 else ""
    errors = "".join(f'<p class="warnings">{escape(str(e))}</p>' for e in report.plugin_errors)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>sourcescore report</title>
<style>{CSS}</style></head>
<body>
<header class="run"><h1>sourcescore report</h1>
<div class="muted">sourcescore {escape(report.tool_version)} &middot; {len(report.files)} file(s)
&middot; configuration {escape(report.config_path or "defaults")}</div>{errors}</header>
{before}
{index}
{files}
<script>{SCRIPT}</script>
</body></html>
"""


def _index(report: Report) -> str:
    """A table of the files at the top: each score, band and findings, linked to its report."""
    rows = []
    for number, file in enumerate(report.files):
        score = rounded(file.score)
        shown = f"{score:.0f}" if score is not None else "n/a"
        where = band(score) if score is not None else escape(file.status)
        rows.append(f'<tr><td><a href="#file-{number}">{escape(file.path)}</a></td>'
                    f'<td class="num">{shown}</td><td>{where}</td>'
                    f'<td class="num">{len(file.findings)}</td></tr>')
    return ('<nav class="index" aria-label="files"><table><thead><tr><th>file</th>'
            '<th>score</th><th>band</th><th>findings</th></tr></thead><tbody>'
            f'{"".join(rows)}</tbody></table></nav>')


def _file(number: int, file: FileReport) -> str:
    head = f'<h2>{escape(file.path)}</h2>'
    if file.status != "ok":
        why = file.error or "; ".join(file.warnings) or file.status
        return f'<section class="file" id="file-{number}">{head}<p class="warnings">' \
               f'not scored: {escape(why)}</p></section>'
    warnings = "".join(f'<p class="warnings">{escape(w)}</p>' for w in file.warnings)
    if file.input.offsets == "extracted-text":
        warnings += (f'<p class="muted">Article text extracted from the HTML page by '
                     f'{escape(file.input.extractor or "")}.</p>')
    return f"""<section class="file" id="file-{number}">{head}
<div class="summary">{_score(file)}{_chart(file)}{_legend()}</div>{warnings}
<div class="layout"><article class="text">{_marked_text(number, file)}</article>
<aside>{_finding_list(number, file)}{_exemption_list(file)}</aside></div>
</section>"""


def _score(file: FileReport) -> str:
    if file.score is None:
        return '<div><div class="score">n/a</div><div class="muted">no rule applies</div></div>'
    score = rounded(file.score)
    assert score is not None
    grade = "good" if score >= 70 else "fair" if score >= 50 else "poor"
    genre = f" &middot; {escape(file.genre.name)}" if file.genre else ""
    held = (f'<div class="muted">held by {len(file.hold.findings)} error(s); the rules gave '
            f'{rounded(file.hold.unheld_score):.0f}</div>') if file.hold else ""
    return (f'<div><div class="score {grade}" data-score="{score:.2f}">{score:.0f}'
            f'</div><div class="muted">sourcing score / 100 &middot; {band(score)}{genre}</div>'
            f'{held}</div>')


def _chart(file: FileReport) -> str:
    """Horizontal bars, one per rule that applied: sub-score as length, weight in the label."""
    rows = [r for r in file.rules if r.score is not None]
    width, bar, height = 480, 190, 18
    parts = []
    for index, rule in enumerate(rows):
        y = index * height
        score = round(rule.score or 0.0, 2)  # as `rounded` shows it; None was filtered out
        length = bar * score / 100
        colour = "#1b7f3b" if score >= 75 else "#d08a00" if score >= 50 else "#c0262d"
        parts.append(
            f'<g class="bar" data-code="{rule.code}"><title>{escape(rule.code)} '
            f'{escape(rule.name)}: {score:.0f}/100, weight {rule.weight:g}. '
            f'{escape(rule.summary)}</title>'
            f'<text x="0" y="{y + 13}">{escape(rule.code)} {escape(rule.name)}</text>'
            f'<rect x="{width - bar - 34}" y="{y + 3}" width="{bar}" height="12" fill="#eee"/>'
            f'<rect x="{width - bar - 34}" y="{y + 3}" width="{length:.1f}" height="12" '
            f'fill="{colour}"/><text x="{width - 28}" y="{y + 13}">{score:.0f}</text></g>')
    tall = max(1, len(rows)) * height
    return (f'<svg class="chart" role="img" aria-label="sub-scores" viewBox="0 0 {width} '
            f'{tall}" width="{width}" height="{tall}">{"".join(parts)}</svg>')


def _legend() -> str:
    items = "".join(f'<span><i style="background:{TYPE_COLOURS[t]}"></i>{t}</span>'
                    for t in SOURCE_TYPES)
    return (f'<div class="legend">{items}<br><span class="mark-claim">unattributed claim</span> '
            f'<span class="mark-filler">filler</span> '
            f'<span class="mark-finding">other finding</span></div>')


def _intervals(number: int, file: FileReport) -> list[tuple[int, int, str, str, str]]:
    """(start, end, css class, tooltip, finding id) for every highlight in the text."""
    found = []
    for a in file.attributions:
        style = f"t-{a.source_type}"
        speaker = a.source.text if a.source else "(none)"
        if a.source_name and a.source_name != speaker:
            speaker += f" = {a.source_name}"
        tip = (f"speaker: {speaker} \u00b7 cue: {a.cue.text if a.cue else '(none)'} "
               f"\u00b7 type: {a.source_type} \u00b7 {a.kind}")
        pieces = () if a.content is None else \
            a.fragments or ((a.content.start, a.content.end),)
        for start, end in pieces:
            found.append((start, end, f"hl-content {style}", tip, ""))
        if a.source:
            found.append((a.source.start, a.source.end, f"hl-source {style}", tip, ""))
        if a.cue:
            found.append((a.cue.start, a.cue.end, f"hl-cue {style}", tip, ""))
    for exemption in file.exemptions:
        found.append((exemption.start, exemption.end, "directive",
                      f"exemption: {exemption.describe()} \u2014 "
                      f"{exemption.reason or 'no reason given'}", ""))
    for index, finding in enumerate(file.findings):
        mark = SPECIAL_MARKS.get(finding.code, "finding")
        found.append((finding.start, max(finding.end, finding.start + 1),
                      f"mark-{mark} sev-{finding.severity}",
                      f"{finding.code}: {finding.message}", f"{number}-{index}"))
    return found


def _marked_text(number: int, file: FileReport) -> str:
    """The text cut at every highlight boundary; each piece carries what covers it."""
    text = file.text
    intervals = [i for i in _intervals(number, file) if i[0] < len(text)]
    cuts = sorted({0, len(text), *(i[0] for i in intervals),
                   *(min(i[1], len(text)) for i in intervals)})
    starting: dict[int, list[int]] = {}
    for index, interval in enumerate(intervals):
        starting.setdefault(interval[0], []).append(index)
    active: set[int] = set()
    html = []
    for start, end in pairwise(cuts):
        active = {i for i in active if intervals[i][1] > start} | set(starting.get(start, ()))
        piece = escape(text[start:end])
        if not active:
            html.append(piece)
            continue
        html.append(_span([intervals[i] for i in sorted(active)], piece))
    return "".join(html)


def _span(covering: list[tuple[int, int, str, str, str]], piece: str) -> str:
    classes = sorted({c for _, _, style, _, _ in covering for c in style.split()})
    types = [c for c in classes if c.startswith("t-")]
    colour = f' style="--c:{TYPE_COLOURS[types[-1][2:]]}"' if types else ""
    tips = list(dict.fromkeys(tip for _, _, _, tip, _ in covering))
    ids = " ".join(fid for *_, fid in covering if fid)
    data = f' data-f="{ids}"' if ids else ""
    return (f'<span class="{" ".join(classes)}"{colour} title="{escape(chr(10).join(tips))}"'
            f'{data}>{piece}</span>')


def _finding_list(number: int, file: FileReport) -> str:
    if not file.findings:
        return "<h3>Findings (0)</h3><p class='muted'>Nothing to report.</p>"
    items = "".join(_finding_item(f"{number}-{index}", index + 1, finding)
                    for index, finding in enumerate(file.findings))
    return f"<h3>Findings ({len(file.findings)})</h3><ol class='findings'>{items}</ol>"


def _finding_item(finding_id: str, number: int, finding: Finding) -> str:
    """One finding; its number is text, not a list marker, so no width of column clips it."""
    suggestion = f'<div class="muted">{escape(finding.suggestion)}</div>' \
        if finding.suggestion else ""
    return (f'<li class="sev-{finding.severity}"><span class="n">{number}.</span>'
            f'<div class="body"><a href="#" data-goto="{finding_id}">'
            f'<span class="code">{finding.code}</span> <span class="muted">'
            f'{finding.line}:{finding.column}</span> {escape(finding.message)}</a>'
            f'{suggestion}</div></li>')


def _exemption_list(file: FileReport) -> str:
    if not file.exemptions:
        return ""
    items = []
    for exemption in file.exemptions:
        reason = escape(exemption.reason) if exemption.reason else "no reason given"
        items.append(f"<li>line {exemption.line}: <span class='code'>"
                     f"{escape(exemption.describe())}</span> \u2014 {reason}; "
                     f"{len(exemption.suppressed)} finding(s) suppressed</li>")
    return f"<h3>Exemptions ({len(file.exemptions)})</h3><ol>{''.join(items)}</ol>"


@hookimpl
def sourcescore_register_output_formats(register):
    register(OutputFormat("html", render_html, "a self-contained page to see the sourcing",
                          machine=True))
