"""Inline exemptions: a cleared passage says so in the story, the prose equivalent of `# noqa`.

Two spellings of the same directive are recognised:

* an HTML comment, anywhere in any story (Markdown, plain text):
  `<!-- sourcescore: disable SRC101 -- cleared by standards desk -->`
* a plain-text line of its own, for `.txt` stories whose CMS has no comments. Its shape is the
  `plain_text_exemption` template in `[sourcescore]` (default `[sourcescore: {directive}]`):
  `[sourcescore: ignore SRC102 -- source protected, see desk log]`

The directive is `ACTION [RULES] [-- REASON]`:

* `disable RULES` exempts everything from the directive to the matching `enable RULES`
  (or to the end of the story); `enable` with no rules ends every open `disable`.
* `ignore RULES` exempts the next paragraph only.
* `sign-off RULES -- REASON` is the desk's release of a held story: it hides nothing, but the
  errors of RULES (every rule when none is named) no longer hold the story or fail the check.
  It needs a reason (who signed off, and why), and the report lists it with the errors it
  cleared. Exemptions never lift a hold; only a sign-off does, on record.
* RULES are codes (`SRC101`), code prefixes (`SRC1`) or rule names (`named-source-ratio`),
  separated by commas or spaces; none means every rule.

An exemption hides the findings that start inside its passage; they move to the report's
`exemptions` entry with the reason, so the decision stays on record. The score and the hold
are unchanged (an exempted error still holds the story): it
measures the sourcing as published, and an exemption records that a person accepted a finding,
not that the sourcing changed. A directive that suppressed nothing (with all its rules run) is
reported as unused, and a malformed one or an unknown rule as a warning, so stale exemptions do
not pile up. Directive lines are blanked before analysis (same length, so offsets hold) and are
never read as part of the story.

A genre declared outside the text (`genre:` in front matter, a page's section, the
configuration) that turns rules off is recorded the same way, as an entry of action `genre`
with the findings those rules make when the story is read as its text shows
(`sourcescore.waivers`).
"""

from __future__ import annotations

import bisect
import difflib
import heapq
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from sourcescore.errors import ConfigError
from sourcescore.model import Paragraph
from sourcescore.report import Exemption, Finding
from sourcescore.textio import LineIndex

ACTIONS = ("disable", "enable", "ignore", "sign-off")
DEFAULT_PLAIN_TEXT = "[sourcescore: {directive}]"
#: How a directive is written as an HTML comment (Markdown and HTML stories).
COMMENT_TEMPLATE = "<!-- sourcescore: {directive} -->"
#: The placeholder a plain-text template holds exactly once; other braces are literal text.
PLACEHOLDER = "{directive}"
#: What opens an HTML-comment directive, after `<!--` and optional white space.
_COMMENT_HEAD = re.compile(r"(?<![ \t])[ \t]*sourcescore:")


@dataclass(frozen=True)
class Directive:
    """One directive as written: where it is, and its parts (not yet checked against rules)."""

    start: int
    end: int
    action: str
    targets: tuple[str, ...]
    reason: str | None
    raw: str


@dataclass(frozen=True)
class _Found:
    """Where a directive sits in the text and its body (`ACTION [RULES] [-- REASON]`)."""

    start: int
    end: int
    body: str


def comment_directives(text: str) -> Iterator[_Found]:
    """Each `<!-- sourcescore: ... -->` comment, found in one pass.

    A scan rather than a regular expression: a comment runs to the first `-->`, and when there
    is none no later comment can close either, so the work is linear in the text whatever it
    holds (a lazy pattern would rescan the rest of the text from every unclosed opening).
    """
    at = 0
    while (start := text.find("<!--", at)) >= 0:
        close = text.find("-->", start + 4)
        if close < 0:
            return
        head = _COMMENT_HEAD.match(text, start + 4, close)
        if head is not None:
            yield _Found(start, close + 3, text[head.end():close].strip(" \t"))
        at = close + 3


def replace_comment_directives(text: str, replacement: Callable[[str], str]) -> str:
    """`text` with each comment directive replaced by `replacement(body)`."""
    pieces, at = [], 0
    for found in comment_directives(text):
        pieces += [text[at:found.start], replacement(found.body)]
        at = found.end
    return "".join(pieces) + text[at:]


def plain_text_line(template: str, body: str) -> str:
    """The plain-text form of a directive: `template` with its placeholder filled in.

    Substitution, not `str.format`: a template is configuration, and `{0}` or
    `{directive.__class__}` in it are literal characters, never fields.
    """
    return template.replace(PLACEHOLDER, body)


def plain_text_pattern(template: str) -> re.Pattern[str]:
    """The regular expression for a whole-line plain-text directive shaped like `template`.

    The body is everything between the template's parts on one line, white space trimmed
    afterwards; no two parts of the pattern can match the same white space, so a line of
    thousands of spaces costs one pass, not one per split.
    """
    if template.count(PLACEHOLDER) != 1:
        raise ConfigError("sourcescore.plain_text_exemption must contain {directive} exactly once, "
                          f"not {template!r}")
    before, after = (part.strip() for part in template.split(PLACEHOLDER))
    if not before:
        raise ConfigError("sourcescore.plain_text_exemption needs a marker before {directive}, "
                          "or every line would be read as a directive")
    return re.compile(rf"^[ \t]*{_loose(before)}(?P<body>[^\n]*){_loose(after)}[ \t\r]*$", re.M)


def _loose(literal: str) -> str:
    """`literal` as a pattern in which any run of white space matches any other."""
    return r"[ \t]*".join(re.escape(word) for word in literal.split())


def find_directives(text: str, plain_text: re.Pattern[str] | None) -> list[Directive]:
    """Every directive in `text`, in order of appearance."""
    found = list(comment_directives(text))
    if plain_text is not None:
        found.extend(_Found(m.start(), m.end(), m["body"].strip(" \t\r"))
                     for m in plain_text.finditer(text))
    return [_directive(f, text) for f in sorted(found, key=lambda f: f.start)]


def _directive(found: _Found, text: str) -> Directive:
    head, dashes, reason = found.body.partition("--")
    words = [w for w in re.split(r"[\s,]+", head.strip()) if w]
    action = words[0].lower() if words else ""
    return Directive(found.start, found.end, action, tuple(words[1:]),
                     reason.strip() or None if dashes else None, text[found.start:found.end])


def blank_directives(text: str, directives: Iterable[Directive]) -> str:
    """`text` with each directive replaced by spaces (line breaks kept): it is not prose."""
    chars = list(text)
    for directive in directives:
        for index in range(directive.start, directive.end):
            if chars[index] not in "\r\n":
                chars[index] = " "
    return "".join(chars)


@dataclass(frozen=True)
class RuleNames:
    """What a directive may name: every registered rule's code and name, and which ones ran."""

    codes: dict[str, str]  # name -> code
    ran: frozenset[str]

    @classmethod
    def of(cls, all_rules: Iterable, ran: Iterable) -> RuleNames:
        return cls({rule.name: rule.code for rule in all_rules}, frozenset(r.code for r in ran))

    def resolve(self, target: str) -> tuple[str, ...]:
        """The codes `target` names: a code, a code prefix or a rule name; () when none."""
        if target in self.codes:
            return (self.codes[target],)
        upper = target.upper()
        return tuple(sorted(c for c in self.codes.values() if c.startswith(upper)))

    def suggestion(self, target: str) -> str:
        close = difflib.get_close_matches(target, [*self.codes.values(), *self.codes], n=1)
        return f" (did you mean {close[0]}?)" if close else ""


def resolve_exemptions(directives: Sequence[Directive], text: str,
                       paragraphs: Sequence[Paragraph],
                       names: RuleNames) -> tuple[list[Exemption], list[str]]:
    """Turn directives into exemptions with the passage each covers, plus warnings."""
    lines = LineIndex(text)
    exemptions: list[Exemption] = []
    warnings: list[str] = []
    open_disables: list[int] = []  # indices into `exemptions`
    for directive in directives:
        line = lines.position(directive.start)[0]
        where = f"line {line}: exemption {directive.raw.strip()!r}"
        if directive.action not in ACTIONS:
            warnings.append(f"{where} is not understood: it must start with "
                            f"{', '.join(ACTIONS)}")
            continue
        codes, unknown = _codes(directive.targets, names)
        warnings.extend(f"{where} names unknown rule {t!r}{names.suggestion(t)}" for t in unknown)
        if directive.targets and not codes:
            continue
        if directive.action == "enable":
            closed = _close(exemptions, open_disables, codes, directive.start)
            if not closed:
                warnings.append(f"{where} ends no open disable")
            continue
        if directive.action == "sign-off":
            if not directive.reason:
                warnings.append(f"{where} is not applied: a sign-off is a recorded act and needs "
                                "a reason after -- (who cleared it, and why)")
                continue
            passage = (0, len(text))
        elif directive.action == "disable":
            passage = (directive.end, len(text))
            open_disables.append(len(exemptions))
        else:
            following = _paragraph_from(paragraphs, directive.end)
            if following is None:
                warnings.append(f"{where} has no paragraph after it to apply to")
                continue
            passage = (following.start, following.end)
        exemptions.append(Exemption(
            action=directive.action, rules=directive.targets, codes=codes,
            reason=directive.reason, start=directive.start, end=directive.end, line=line,
            applies_start=passage[0], applies_end=passage[1]))
    return exemptions, warnings


def _paragraph_from(paragraphs: Sequence[Paragraph], offset: int) -> Paragraph | None:
    """The first paragraph starting at or after `offset` (paragraphs are in text order)."""
    index = bisect.bisect_left(paragraphs, offset, key=lambda p: p.start)
    return paragraphs[index] if index < len(paragraphs) else None


def _codes(targets: Sequence[str], names: RuleNames) -> tuple[tuple[str, ...], list[str]]:
    codes: set[str] = set()
    unknown = []
    for target in targets:
        found = names.resolve(target)
        codes.update(found)
        if not found:
            unknown.append(target)
    return tuple(sorted(codes)), unknown


def _close(exemptions: list[Exemption], open_disables: list[int], codes: tuple[str, ...],
           at: int) -> bool:
    """End the open disables `codes` names (all of them when `codes` is empty)."""
    closing = [i for i in open_disables
               if not codes or not exemptions[i].codes or set(codes) & set(exemptions[i].codes)]
    for index in closing:
        exemptions[index] = replace(exemptions[index], applies_end=at)
        open_disables.remove(index)
    return bool(closing)


def apply_exemptions(findings: Sequence[Finding], exemptions: Sequence[Exemption],
                     names: RuleNames) -> tuple[tuple[Finding, ...], tuple[Exemption, ...],
                                                list[str]]:
    """Split findings into those kept and those each exemption suppressed; report unused ones.
    A sign-off hides nothing: it is passed through for the hold (`engine.settle`)."""
    sign_offs = [e for e in exemptions if e.action == "sign-off"]
    exemptions = [e for e in exemptions if e.action != "sign-off"]
    kept: list[Finding] = []
    suppressed: list[list[Finding]] = [[] for _ in exemptions]
    owners = _owners(findings, exemptions)
    for finding, owner in zip(findings, owners, strict=True):
        if owner is None:
            kept.append(finding)
        else:
            suppressed[owner].append(finding)
    done = tuple(replace(e, suppressed=tuple(s))
                 for e, s in zip(exemptions, suppressed, strict=True))
    warnings = [f"line {e.line}: exemption '{e.describe()}' suppressed no finding; remove it if "
                "the passage has changed" for e in done
                if not e.suppressed and _all_ran(e, names)]
    return tuple(kept), (*done, *sign_offs), warnings


def _owners(findings: Sequence[Finding], exemptions: Sequence[Exemption]) -> list[int | None]:
    """For each finding, the first exemption (in directive order) that covers it, or None.

    A sweep in text order, not every finding against every exemption: the exemptions whose
    passage has begun wait in a heap per rule code (and one for those naming every rule),
    ordered by directive; those whose passage has ended are dropped as they reach the top."""
    by_start = sorted(range(len(exemptions)), key=lambda i: exemptions[i].applies_start)
    active: dict[str, list[int]] = {}
    owners: list[int | None] = [None] * len(findings)
    taken = 0
    for number in sorted(range(len(findings)), key=lambda n: findings[n].start):
        finding = findings[number]
        while taken < len(by_start) and \
                exemptions[by_start[taken]].applies_start <= finding.start:
            index = by_start[taken]
            for code in exemptions[index].codes or ("*",):
                heapq.heappush(active.setdefault(code, []), index)
            taken += 1
        candidates = [_first_open(active.get(key), exemptions, finding.start)
                      for key in (finding.code, "*")]
        found = [c for c in candidates if c is not None]
        owners[number] = min(found) if found else None
    return owners


def _first_open(heap: list[int] | None, exemptions: Sequence[Exemption],
                at: int) -> int | None:
    while heap:
        if exemptions[heap[0]].applies_end > at:
            return heap[0]
        heapq.heappop(heap)  # its passage ended before this finding: and before every later one
    return None


def _all_ran(exemption: Exemption, names: RuleNames) -> bool:
    """Only call an exemption unused when every rule it names actually ran."""
    return set(exemption.codes) <= names.ran if exemption.codes else bool(names.ran)
