"""SRC201 agency-attribution: credited wire copy, and claims relayed from another outlet.

What it flags:
    A sentence that relies on another news organisation's reporting, interview or broadcast,
    at the words that cite it: "told CNN", "in an interview with ITV", "according to the
    Interfax news agency", "first reported by the Miami Herald", "the Times reported",
    "(h/t Mediaite)", and a later "the report found" or "in the interview" that refers back
    to one. One citation gives one finding. Not second-hand: the house's own interviews,
    polls and analyses (the house is the agency whose wire copy it is, the outlet a byline or
    boilerplate line names, or the `publisher` option); a poll an outlet ran ("a Washington
    Post-ABC News poll"); an outlet's analysis of records ("a USA TODAY analysis of filings")
    or its editorial, quoted as its own view; a debate or town hall a network hosted; an
    outlet that is only the subject of what someone says ("the AP report is misleading, she
    said"). The sub-score is the share of attributions that are first-hand, counting
    second-hand ones at `second_hand_credit`; the summary names the agencies whose copy it is.

Why it matters:
    Relaying another outlet's reporting is legitimate only with credit, and it is weaker than
    reporting of one's own: the claim has not been independently confirmed. Readers deserve to
    know which is which.

Example (flagged):
    Peskov expressed "cautious optimism", according to the Interfax news agency.

Not flagged:
    Peskov told reporters in Moscow he felt "cautious optimism". A Washington Post-ABC News poll
    showed him ahead.

Options:
    second_hand_credit (float, default 0.6): how much a second-hand attribution counts towards
    the sub-score, against 1.0 for a first-hand one.
    publisher (str, default ""): the outlet that publishes the stories, when the text does not
    say; its own interviews and analyses are not second-hand.

Sources:
    AP Stylebook, "sources" and "wire credits"; Reuters Handbook of Journalism, "Attribution of
    other media"; BBC Editorial Guidelines, "Accuracy: attributing other outlets' reports".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sourcescore import hookimpl
from sourcescore.analysis.lexicon import MEDIA_OUTLETS
from sourcescore.analysis.wire import agency_names
from sourcescore.model import COPY_FORMS, Analysis, Flag, Sentence
from sourcescore.options import Share
from sourcescore.rules import Rule
from sourcescore.ruletools import outcome


@dataclass(frozen=True)
class Options:
    second_hand_credit: Share = 0.6
    publisher: str = ""


#: Records an outlet produces that a later "the report", "the interview" can refer back to.
RECORDS = ("interview", "report", "reporting", "investigation", "story", "article",
           "broadcast", "program", "show", "podcast", "segment")
#: Words that name a medium after an outlet's name: "The Times newspaper reported".
_MEDIUM = r"(?:\s+(?:newspaper|paper|magazine|network|channel|station|website|site|broadcaster))?"


@lru_cache(maxsize=1)
def _citation() -> re.Pattern[str]:
    """Citing forms around an outlet's name, with the name in group `to`, `by` or `of` (an
    outlet's record, which cites only where it is a source: "in the ITV interview")."""
    names = sorted(set(MEDIA_OUTLETS) | set(agency_names(in_running_text=True)),
                   key=lambda n: (-len(n), n))

    def outlet(group: str) -> str:
        return (rf"(?P<{group}>(?:the\s+|The\s+)?(?:[A-Z][\w.]*['’]s\s+)?(?:"
                + "|".join(re.escape(n) for n in names) + r"))(?![\w-])")
    records = "|".join(RECORDS)
    return re.compile(
        rf"\b(?:told|tells|telling|speaking\s+(?:to|with)|spoke\s+(?:to|with)|"
        rf"(?:in|during)\s+an?\s+(?:\w+\s+)?interview\s+(?:with|on)|"
        rf"(?:said|says|appeared|appearing)\s+on|according\s+to|(?:first\s+)?reported\s+by|"
        rf"h/t|hat\s+tip\s+to)\s+{outlet('to')}{_MEDIUM}"
        rf"|{outlet('by')}{_MEDIUM}\s+(?:first\s+|also\s+|previously\s+)?"
        rf"(?:reported|revealed|broke)\b"
        rf"|{outlet('of')}(?:['’]s?)?\s+(?:\w+\s+)?(?:{records})\b")


#: An outlet's own work next to its name: "a Washington Post-ABC News poll", "a poll released
#: Sunday by CNN", "a USA TODAY analysis", "an editorial in the Register", "a CNN debate".
_OWN_BEFORE = re.compile(r"\b(?:poll|survey|analysis|review|count|tally|debate|town hall|forum|"
                         r"editorial|op-ed|column)\b[^.;]{0,30}\b(?:by|from|on|in)\s+$",
                         re.IGNORECASE)
_OWN_AFTER = re.compile(r"^(?:['’]s)?(?:[\s-]+[A-Z][\w.&]*){0,3}\s*(?:-\s*)?"
                        r"(?:poll|polls|polling|survey|analysis|review|count|tally|editorial|"
                        r"op-ed|column|debate|debates|town hall|forum)\b", re.IGNORECASE)
#: Words before an outlet's record that make it a source: "in the ITV interview".
_AS_SOURCE = re.compile(r"\b(?:in|during|from|on|according\s+to|told|via)\s+(?:an?\s+|the\s+)?$",
                        re.IGNORECASE)
_BACK_REFERENCE = re.compile(rf"\b(?:the|that|this)\s+(?P<record>{'|'.join(RECORDS)})\b",
                             re.IGNORECASE)


@dataclass(frozen=True)
class Citation:
    """Words in a sentence that cite another outlet, and the outlet."""

    start: int
    end: int
    outlet: str


def check(analysis: Analysis, options: Options):
    copy_credits = sorted({c.agency for c in analysis.wire_credits if c.form in COPY_FORMS})
    sourced = [a for a in analysis.attributions if a.source is not None and a.is_speech]
    citations = find_citations(analysis, _house(analysis, options))
    if not sourced and not citations:
        return outcome(None, [], "no sourced attributions: not applicable",
                       agency_copy=", ".join(copy_credits))
    flags = [Flag(c.start, c.end, f"second-hand sourcing: relies on {c.outlet}",
                  suggestion="confirm independently, or keep the credit prominent",
                  confidence=0.7) for c in citations]
    total = max(len(sourced), len(flags))
    first_hand = total - len(flags)
    share = (first_hand + options.second_hand_credit * len(flags)) / total
    summary = f"{first_hand} first-hand and {len(flags)} second-hand attributions"
    if copy_credits:
        summary += f"; credited agency copy: {', '.join(copy_credits)}"
    return outcome(100 * share, flags, summary, first_hand=first_hand,
                   second_hand=len(flags), agency_copy=", ".join(copy_credits))


def _house(analysis: Analysis, options: Options) -> tuple[str, ...]:
    return (*analysis.house, options.publisher) if options.publisher else analysis.house


def find_citations(analysis: Analysis, house: tuple[str, ...]) -> list[Citation]:
    """Each citation of another outlet, once, in text order; and the later back-references
    ("the report found") to a record of one."""
    found: list[Citation] = []
    records: dict[str, str] = {}  # "interview" -> the outlet whose interview it was
    for sentence in analysis.sentences:
        if sentence.role not in ("body", "byline"):
            continue
        cited = [c for c in _cited_in(analysis, sentence) if not _is_house(c.outlet, house)]
        for citation in cited:
            for record in RECORDS:
                if record in analysis.text[citation.start:sentence.end].lower():
                    records[record] = citation.outlet
        found.extend(cited[:1] if cited else _referred_back(analysis, sentence, records))
    return found


def _cited_in(analysis: Analysis, sentence: Sentence) -> list[Citation]:
    cited = []
    for match in _citation().finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        group = next(g for g in ("to", "by", "of") if match.group(g))
        if analysis.in_quotation(start, end) or _own_work(sentence.text, match, group):
            continue
        if group == "of" and not _as_source(analysis, sentence, match):
            continue  # "Breitbart News Daily show on Sirius XM": a mention, not a citation
        cited.append(Citation(start, end, match.group(group).strip()))
    return cited


def _own_work(text: str, match: re.Match[str], group: str) -> bool:
    """The outlet's poll, analysis of records, editorial or hosted debate: not relayed."""
    return bool(_OWN_AFTER.match(text[match.end(group):match.end(group) + 60]) or
                _OWN_BEFORE.search(text[max(0, match.start(group) - 60):match.start(group)]))


def _as_source(analysis: Analysis, sentence: Sentence, match: re.Match[str]) -> bool:
    """An outlet's record cites only as a source ("according to the AP report", "the CNN
    report found", "in the ITV interview"), not as a topic ("Fallon said the AP report is
    misleading") or a mention."""
    start = sentence.start + match.start()
    if _AS_SOURCE.search(sentence.text[:match.start()]):
        return not any(a.content is not None and a.content.start <= start < a.content.end and
                       a.source is not None
                       for a in analysis.attributions_touching(sentence.index))
    return any(a.source is not None and a.source.start <= start < a.source.end and a.is_speech
               for a in analysis.attributions_touching(sentence.index))


def _referred_back(analysis: Analysis, sentence: Sentence,
                   records: dict[str, str]) -> list[Citation]:
    """"The report also documented ...", "she noted it in the interview": a record of another
    outlet's, named earlier, relied on again."""
    if not records or not any(a.is_speech for a in
                              analysis.attributions_in_sentence(sentence.index)):
        return []
    for match in _BACK_REFERENCE.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        record = match.group("record").lower()
        if record in records and not analysis.in_quotation(start, end) and \
                _as_source(analysis, sentence, match):
            return [Citation(start, end, f"{records[record]} (\u201c{match.group(0)}\u201d)")]
    return []


def _is_house(outlet: str, house: tuple[str, ...]) -> bool:
    """The outlet is the house, by any of its names ("the AP" for "AP")."""
    name = _bare(outlet)
    return any(name and (name == _bare(h) or name in _bare(h) or _bare(h) in name)
               for h in house if h)


def _bare(name: str) -> str:
    return re.sub(r"^(?:the\s+)|['’]s$", "", name.strip(), flags=re.IGNORECASE).lower()


@hookimpl
def sourcescore_register_rules(register):
    register(Rule("SRC201", "agency-attribution",
                  "Wire credits and claims relayed from other outlets",
                  check, Options, weight=1.5, severity="suggestion", doc=__doc__))
