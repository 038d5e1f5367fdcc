"""SRC402 rhetorical-filler: clichés, editorialising and empty gloss where reporting should be.

What it flags:
    In the reporter's own words (never inside quotation marks or in what a named source is
    reported to have said), the shapes of filler `editorial.filler` declares: stock phrases
    ("in a dramatic turn of events", "sent shockwaves", "only time will tell", "landed in hot
    water"; an idiom read literally, "at the end of the day" beside a time, is left alone);
    adverbs and adjectives that pass judgement ("woefully", "gleefully", "an impressive amount",
    "the powerful speech"); and empty gloss, a sentence whose subject is a demonstrative or an
    abstraction and whose verb only evaluates, adding no name, figure or source ("This
    underscores the deep mistrust ...", "The outcome will be crucial in determining ...").
    Newsrooms add their own phrases with `extra_phrases`. The sub-score falls with density per
    1,000 words.

Why it matters:
    Filler pads a story with the look of analysis and often smuggles in a judgement no source
    made. Dense filler is a sign that reporting is missing.

Example (flagged):
    As the world watches closely, the call could play a pivotal role. This underscores the deep
    mistrust between the two sides.

Not flagged:
    "Only time will tell," the minister said.
    The council will vote at the end of the day on Friday.

Options:
    constructions (list of str, default all): the constructions checked: cliche,
    editorial-adverb, editorial-adjective, empty-gloss.
    extra_phrases (list of regex, default []): more filler phrases.
    ignore_phrases (list of str, default []): phrases and words never to flag.
    scale (float, default 5.0): density per 1,000 words at which the sub-score falls to 37.

Sources:
    The Economist Style Guide, "Clichés"; AP Stylebook, "editorializing"; Orwell, "Politics and
    the English Language" (stale metaphors); BBC Editorial Guidelines, "Impartiality".
"""

from __future__ import annotations

from dataclasses import dataclass

from sourcescore import hookimpl
from sourcescore.editorial.filler import FILLER, NAMES, ConstructionName
from sourcescore.editorial.reading import found_by, reading
from sourcescore.model import Analysis, Flag
from sourcescore.options import Positive, Regex
from sourcescore.rules import Rule
from sourcescore.ruletools import density_outcome, find_unquoted, phrase_pattern

#: What each kind of finding suggests.
SUGGESTIONS = {
    "cliche": "replace with a reported fact, or cut",
    "editorial-adverb": "let the facts carry the judgement",
    "editorial-adjective": "let the facts carry the judgement, or attribute it",
    "empty-gloss": "cut it, or report what shows it",
}


@dataclass(frozen=True)
class Options:
    constructions: tuple[ConstructionName, ...] = NAMES
    extra_phrases: tuple[Regex, ...] = ()
    ignore_phrases: tuple[str, ...] = ()
    scale: Positive = 5.0


def check(analysis: Analysis, options: Options):
    ignored = {p.lower() for p in options.ignore_phrases}
    flags = []
    for in_sentence in found_by(analysis, FILLER, reading(analysis).filler,
                                options.constructions):
        for found in in_sentence:
            text = analysis.text[found.start:found.end]
            if text.lower() in ignored:
                continue
            name = found.construction.name
            flags.append(Flag(found.start, found.end,
                              f"{found.construction.summary} \u201c{_short(text)}\u201d",
                              suggestion=SUGGESTIONS[name],
                              confidence=found.construction.confidence,
                              decided_by=found.name))
    taken = [(f.start, f.end) for f in flags]
    for match in find_unquoted(phrase_pattern(options.extra_phrases), analysis):
        if not any(s < match.end() and match.start() < e for s, e in taken):
            flags.append(Flag(match.start(), match.end(),
                              f"rhetorical filler \u201c{match.group(0)}\u201d",
                              suggestion=SUGGESTIONS["cliche"], decided_by="extra-phrase"))
    return density_outcome(flags, analysis, options.scale, "filler phrase")


def _short(text: str, limit: int = 80) -> str:
    """A whole sentence of gloss is quoted by its opening words."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " \u2026"


@hookimpl
def sourcescore_register_rules(register):
    register(Rule("SRC402", "rhetorical-filler", "Clichés, editorialising and empty gloss",
                  check, Options, weight=1.5, severity="warning", doc=__doc__))
