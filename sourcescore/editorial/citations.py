"""Where a story relies on another news organisation: the words that cite it.

A citation is a citing form around an outlet's name - "told CNN", "in an interview with ITV",
"during her interview with ITV", "remarks to CNN", "in a statement to NPR", "according to the
Interfax news agency", "first reported by the Miami Herald", "a letter obtained by the Boston
Globe", "the Times reported", "CBS News reports", "Politico reveals", "as the Springfield
Gazette noted", "Appearing on CBS", "went on CNN", "on CNN's 'State of the Union'", "a report in
the Miami Herald", "writing in The New York Times", "(h/t Mediaite)", "[WaPo.]"; a broadcast
named by its host or kind ("told host Jane Roe", "Speaking on radio show Morning Drive"); an
outlet's record used as a source ("in the ITV interview", "during a CNN panel", "the CNN report
found") or carrying the sentence in the reporter's words ("The Herald's investigation has
renewed calls ..."); an outlet the extractor found reporting in words the patterns do not reach
("The Springfield Gazette, citing court papers, reported"); or a later "the report found", "The
investigation also documented" that refers back to one. An outlet is one on the list
(`data/outlets.txt`) or a name shaped like a masthead ("the Springfield Gazette").
Not a citation: the house's own work (`Analysis.house`, or a publisher the caller names), an
outlet's poll, analysis of records, editorial or hosted debate, an outlet quoted for its own
view ("the Global Times wrote"), and an outlet that is only talked about ("Fallon said the AP
report is misleading").
Read by SRC201.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sourcescore.analysis.lexicon import MASTHEAD_WORDS, MEDIA_OUTLETS
from sourcescore.analysis.wire import agency_names
from sourcescore.editorial.coverage import in_reported_speech
from sourcescore.model import Analysis, Sentence
from sourcescore.wordtree import head_of, word_at

#: Records an outlet produces that a later "the report", "the interview" can refer back to.
RECORDS = ("interview", "report", "reporting", "investigation", "story", "article",
           "broadcast", "program", "show", "podcast", "segment", "panel")
#: The citing words shared by an outlet's name and a broadcast's host: "told", "spoke with",
#: "in an exclusive interview with", "appeared on".
_TALKED_TO = (r"told|tells|tell|telling|speaking\s+(?:to|with)|spoke\s+(?:to|with)|"
              r"(?:remarks|comments|statement)\s+to")
#: The interview's determiner: "in an interview with", "during his interview with", "in another".
_AN = r"(?:an?|his|her|their|another)"
_INTERVIEWED = rf"(?:in|during)\s+{_AN}\s+(?:\w+\s+)?interview\s+with"
_APPEARED = r"(?:said|says|appeared|appearing|went|going|speaking)\s+on"
#: Words that name a medium after an outlet's name: "The Times newspaper reported".
_MEDIUM = (r"(?:\s+(?:newspaper|paper|magazine|network|channel|station|website|site|broadcaster|"
           r"news\s+agency|agency))?")


@lru_cache(maxsize=1)
def _citation() -> re.Pattern[str]:
    """Citing forms around an outlet's name, with the name in group `to`, `credit` (a
    bracketed credit line), `by` or `of` (an outlet's record, which cites only where it is a
    source: "in the ITV interview")."""
    names = sorted(set(MEDIA_OUTLETS) | set(agency_names(in_running_text=True)),
                   key=lambda n: (-len(n), n))

    # An outlet not on the list by its masthead's shape: "the Springfield Gazette".
    masthead = r"(?:(?!The\s)[A-Z][\w.&'’-]*\s+){1,3}(?:" + "|".join(sorted(MASTHEAD_WORDS)) + ")"

    def outlet(group: str) -> str:
        # A show's title may stand in quotation marks: 'told ABC's "Good Morning America"'.
        return (rf"[\"“]?(?P<{group}>(?:the\s+|The\s+)?(?:[A-Z][\w.]*['’]s\s+)?[\"“]?(?:"
                + "|".join(re.escape(n) for n in names)
                + rf"|{masthead})(?![\w-]){_MEDIUM})(?:[.,]?[\"”])?")
    records = "|".join(RECORDS)
    return re.compile(
        # The citing words may open the sentence ("Appearing on CBS", "In an interview with").
        rf"\b(?i:{_TALKED_TO}|{_INTERVIEWED}|"
        rf"(?:in|during)\s+{_AN}\s+(?:\w+\s+)?(?:interview\s+on|call\s+to)|{_APPEARED}|"
        # a network's show named in quotation marks: "on CNN's \"State of the Union\""
        rf"(?:on|during)(?=\s+[A-Z][\w.]*['’]s\s+[\"“])|"
        rf"(?:an?\s+)?(?:\w+\s+)?(?:appearance|guest)\s+on|"
        rf"according\s+to|(?:first\s+)?(?:reported|obtained)\s+by|h/t|hat\s+tip\s+to|"
        rf"(?:report|article|story|column|piece)\s+(?:in|by)|"
        rf"(?:published|detailed)\s+(?:in|by)|writing\s+(?:at|in|for))"
        rf"\s+(?:an?\s+)?{outlet('to')}"
        # A bracketed credit line: "[WaPo.]", "[via NYT]".
        rf"|\[\s*(?:via\s+)?{outlet('credit')}\s*\.?\s*\]"
        rf"|{outlet('by')}\s+(?:first\s+|also\s+|previously\s+)?"
        rf"(?:reported|reports|(?:is|was)\s+reporting|revealed|reveals|broke|noted|notes)\b"
        rf"|{outlet('of')}(?:['’]s?)?\s+(?:\w+\s+)?(?:{records})\b")


#: A broadcast named by its host or its kind rather than its outlet: "told host Jane Roe",
#: "told conservative radio host John Doe", "in an interview with late night talk show host
#: Ann Lee", "Speaking on radio show Morning Drive".
_HOSTED = re.compile(
    rf"\b(?i:{_TALKED_TO}|asked\s+by|spoke\s+on|{_INTERVIEWED}|{_APPEARED})"
    r"\s+(?P<show>(?:[\w'’-]+\s+){0,4}?(?i:host|anchor|(?:radio|talk|television|tv)\s+"
    r"(?:show|program|programme))\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})")

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
    """Words in a sentence that cite another outlet, the outlet, and the citing form (`FORMS`)."""

    start: int
    end: int
    outlet: str
    form: str = "citing-words"


#: How a citation cites, by the pattern group that holds the outlet's name: "told CNN", "[WaPo.]",
#: "the Post reported", "in the ITV interview"; a later "the report found" is a back-reference.
FORMS = {"to": "citing-words", "credit": "credit-line", "by": "outlet-reported",
         "of": "outlet-record", "show": "hosted-broadcast"}


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
        group = next(g for g in ("to", "credit", "by", "of") if match.group(g))
        if analysis.in_quotation(start, end) or _own_work(sentence.text, match, group):
            continue
        if group == "of" and not _as_source(analysis, sentence, match):
            continue  # "Breitbart News Daily show on Sirius XM": a mention, not a citation
        cited.append(Citation(start, end, match.group(group).strip(), FORMS[group]))
    if not cited:
        cited = [Citation(sentence.start + m.start(), sentence.start + m.end(),
                          m.group("show").strip(), FORMS["show"])
                 for m in _HOSTED.finditer(sentence.text)
                 if not analysis.in_quotation(sentence.start + m.start(), sentence.start + m.end())]
    return cited or _reported_by_outlet(analysis, sentence)


def _reported_by_outlet(analysis: Analysis, sentence: Sentence) -> list[Citation]:
    """An outlet the extractor found reporting, in words the patterns do not reach: "The
    Springfield Gazette, citing court papers, reported", "The Boston Globe later reported",
    "The Herald, for one, noted"."""
    return [Citation(a.source.start, a.cue.end, a.source.text, FORMS["by"])
            for a in analysis.attributions_in_sentence(sentence.index)
            if a.is_speech and a.source_type == "media" and a.cue_lemma in _REPORTING
            and a.source is not None and a.cue is not None
            and not analysis.in_quotation(a.source.start, a.source.end)]


#: Cue verbs by which an outlet reports or points out, rather than speaks for itself ("the
#: Times wrote").
_REPORTING = frozenset({"report", "reveal", "note"})


def _own_work(text: str, match: re.Match[str], group: str) -> bool:
    """The outlet's poll, analysis of records, editorial or hosted debate: not relayed."""
    return bool(_OWN_AFTER.match(text[match.end(group):match.end(group) + 60]) or
                _OWN_BEFORE.search(text[max(0, match.start(group) - 60):match.start(group)]))


def _as_source(analysis: Analysis, sentence: Sentence, match: re.Match[str]) -> bool:
    """An outlet's record cites only as a source ("according to the AP report", "the CNN
    report found", "in the ITV interview"), not as a topic ("Fallon said the AP report is
    misleading") or a mention."""
    start = sentence.start + match.start()
    if _AS_SOURCE.search(sentence.text[:match.start()]) or \
            _drives_the_sentence(analysis, sentence, sentence.start + match.end()):
        return True
    return any(a.source is not None and a.source.start <= start < a.source.end and a.is_speech
               for a in analysis.attributions_touching(sentence.index))


def _drives_the_sentence(analysis: Analysis, sentence: Sentence, end: int) -> bool:
    """The record is the subject of the sentence's main verb, in the reporter's own words:
    "The AP's investigation has renewed calls for ...", "The report also documented ..."."""
    words = sentence.words
    record = word_at(words, end - 1)
    if record is None or words[record].dep not in ("nsubj", "nsubjpass"):
        return False
    verb = head_of(words, record)
    return verb is not None and words[verb].dep == "ROOT" and \
        not in_reported_speech(analysis, sentence, words[record].start, words[record].end)


def _referred_back(analysis: Analysis, sentence: Sentence,
                   records: dict[str, str]) -> list[Citation]:
    """"The report also documented ...", "she noted it in the interview": a record of another
    outlet's, named earlier, relied on again."""
    if not records:
        return []
    for match in _BACK_REFERENCE.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        record = match.group("record").lower()
        if record in records and not analysis.in_quotation(start, end) and \
                _as_source(analysis, sentence, match):
            return [Citation(start, end, f"{records[record]} (\u201c{match.group(0)}\u201d)",
                             "back-reference")]
    return []


def _is_house(outlet: str, house: tuple[str, ...]) -> bool:
    """The outlet is the house, by any of its names ("the AP" for "AP")."""
    name = _bare(outlet)
    return any(name and (name == _bare(h) or name in _bare(h) or _bare(h) in name)
               for h in house if h)


def _bare(name: str) -> str:
    return re.sub(r"^(?:the\s+)|['’]s$", "", name.strip(), flags=re.IGNORECASE).lower()
