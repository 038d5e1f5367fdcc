"""SRC401 loaded-verbs: attribution verbs that take sides.

What it flags:
    A verb that reports speech while passing the reporter's judgement on it, where a neutral
    "said" fits: "claimed" (doubt), "admitted" and "conceded" (a confession), "insisted"
    (defensiveness), "slammed", "blasted", "boasted", "whined", "lashed out". Verbs of attack
    count in the reporter's voice even where no quotation or clause follows, when someone
    named (or he, she, they) is their subject: "Clinton bashed the proposal", "unloaded on
    Sanders", "railed against the deal", "derided", "trashed", "lambasted". Only verbs that
    report what someone said count, read by the parse: "admitted 250,000 refugees" lets people
    in, "insisted that any deal include a freeze" is a demand, "insisted on a vote" too; a real
    admission ("admitted that he had lied", "conceded defeat", an admission in a plea or under
    oath) is accurate and left alone, and the noun "claim" is not a verb. The sub-score is the
    share of speech verbs that are neutral.

Why it matters:
    "Claimed" implies doubt, "admitted" and "conceded" imply a confession, "insisted" implies
    defensiveness. Used casually they editorialise inside what looks like neutral attribution.

Example (flagged):
    The minister claimed the talks had gone well.

Not flagged:
    The minister said the talks had gone well. Canada admitted 25,000 refugees last year. She
    conceded defeat on Tuesday.

Options:
    verbs (list of lemmas): the verbs to flag; the default list is below in `DEFAULT_VERBS`.

Sources:
    AP Stylebook, "said" (the neutral attribution verb); Reuters Handbook of Journalism,
    "Attribution"; BBC Editorial Guidelines, "Impartiality: language".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sourcescore import hookimpl
from sourcescore.attacks import attacks_in_reporters_voice, reports_speech
from sourcescore.model import Analysis, Attribution, Flag, Word
from sourcescore.rules import Rule
from sourcescore.ruletools import outcome, plural
from sourcescore.wordtree import children, phrase

DEFAULT_VERBS = ("claim", "admit", "insist", "concede", "boast", "brag", "whine", "scoff",
                 "sneer", "slam", "blast", "rant", "gloat", "lash", "bash", "deride", "trash",
                 "lambaste", "unload", "rail", "rip")

_WHY = {
    "claim": "implies doubt about what was said",
    "admit": "implies a confession",
    "concede": "implies a confession",
    "insist": "implies defensiveness",
    "boast": "mocks what was said",
    "brag": "mocks what was said",
    "whine": "mocks what was said",
}
#: What a real admission or concession admits: then the verb is the accurate one.
CONFESSED = frozenset("""
mistake mistakes error errors wrong wrongdoing guilt guilty lie lied lying fault responsibility
regret defeat loss misconduct failure failures blame affair crime crimes accountable
responsible
""".split())
#: Where an admission is the word for what happened: a plea, sworn testimony, a court.
_UNDER_OATH = frozenset("plea plead testimony testify deposition oath court trial".split())
#: Verbs that report speech only with a clause or quotation for content; "slammed X" and
#: "boasted of X" are loaded with any object.
_NEED_CLAUSE = frozenset({"claim", "admit", "concede", "insist"})
#: "lashed out at X", "refused to acknowledge": loaded phrases the cue list does not hold.
_PHRASES = re.compile(r"\blash(?:es|ed|ing)?\s+out\b|\brefus(?:es|ed|ing)\s+to\s+acknowledge\b",
                      re.IGNORECASE)


@dataclass(frozen=True)
class Options:
    verbs: tuple[str, ...] = DEFAULT_VERBS


def check(analysis: Analysis, options: Options):
    cued = [a for a in analysis.attributions if a.cue is not None and a.cue_lemma and
            a.is_speech and a.pattern != "noun"]
    loaded = set(options.verbs)
    flags = [_flag(a) for a in cued if a.cue_lemma in loaded and _loaded_sense(analysis, a)]
    phrases = _phrases(analysis, loaded, {(f.start, f.end) for f in flags})
    phrases += [Flag(start, end, f"loaded verb \u201c{analysis.text[start:end]}\u201d takes a "
                     "side", suggestion="say what was said, and let the reader judge",
                     confidence=0.5, decided_by="attack-in-reporters-voice")
                for start, end in attacks_in_reporters_voice(
                    analysis, loaded, {f.start for f in flags + phrases} |
                    {a.cue.start for a in cued if a.cue is not None})]
    cues = len(cued) + len(phrases)
    if not cues:
        return outcome(None, [], "no attribution verbs: not applicable")
    flags += phrases
    share = 1 - len(flags) / cues
    return outcome(100 * share, flags, f"{len(flags)} of {plural(cues, 'attribution verb')} "
                   f"{'is' if cues == 1 else 'are'} loaded",
                   loaded=len(flags), cues=cues)


def _flag(attribution: Attribution) -> Flag:
    assert attribution.cue is not None and attribution.cue_lemma is not None
    return Flag(attribution.cue.start, attribution.cue.end,
                f"loaded attribution verb \u201c{attribution.cue.text}\u201d "
                f"{_WHY.get(attribution.cue_lemma, 'takes a side')}",
                suggestion="use \u201csaid\u201d unless the loaded sense is the point",
                confidence=0.6, decided_by="loaded-cue")


def _loaded_sense(analysis: Analysis, attribution: Attribution) -> bool:
    """The verb reports speech in its loaded sense, as far as the parse shows."""
    assert attribution.cue is not None
    words = analysis.sentences[attribution.sentence].words
    at = next((i for i, w in enumerate(words) if w.start == attribution.cue.start), None)
    if at is None:
        return True  # no parse to read (a hand-built analysis): the cue list decides
    if words[at].pos != "VERB":
        return False  # "the claim that ...": a noun
    lemma = words[at].lemma
    if lemma in _NEED_CLAUSE and not reports_speech(words, at):
        return False  # "admitted 250,000 Syrians", "insisted on a vote", "claim the nomination"
    if lemma == "insist" and _demand(words, at):
        return False  # "insisted that any package include ...": a negotiating demand
    return not (lemma in ("admit", "concede") and _confesses(words, at))


def _demand(words: tuple[Word, ...], verb: int) -> bool:
    """What must happen, not what is: a that-clause in the subjunctive ("that any package
    include a freeze") or with "must" or "should"."""
    for clause in children(words, verb):
        if words[clause].dep != "ccomp":
            continue
        below = list(children(words, clause))
        if any(words[i].lemma in ("must", "should") for i in below):
            return True
        subject = next((i for i in below if words[i].dep == "nsubj"), None)
        if subject is not None and words[clause].tag in ("VB", "VBP") and \
                not any(words[i].dep == "aux" for i in below) and \
                (words[subject].tag in ("NN", "NNP") or words[subject].lemma in _SINGULAR):
            return True  # "any package include": the bare verb after a singular subject
    return False


_SINGULAR = frozenset({"he", "she", "it", "this", "that"})


def _confesses(words: tuple[Word, ...], verb: int) -> bool:
    """What is admitted is a fault or a defeat: the verb is accurate."""
    inside = [i for c in children(words, verb) if words[c].dep in ("ccomp", "dobj", "xcomp")
              for i in phrase(words, c)]
    return any(words[i].lemma in CONFESSED or words[i].text.lower() in CONFESSED
               for i in inside) or any(w.lemma in _UNDER_OATH for w in words)


def _phrases(analysis: Analysis, loaded: set[str], taken: set[tuple[int, int]]) -> list[Flag]:
    """Loaded phrases in the reporter's voice that are no single cue verb: "lashed out"."""
    if "lash" not in loaded:
        return []
    flags = []
    for sentence in analysis.sentences:
        for match in _PHRASES.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if (start, end) not in taken and not analysis.in_quotation(start, end):
                flags.append(Flag(start, end, f"loaded verb \u201c{match.group(0)}\u201d takes "
                                  "a side", suggestion="say what was said, and let the reader "
                                  "judge", confidence=0.6, decided_by="loaded-phrase"))
    return flags


@hookimpl
def sourcescore_register_rules(register):
    register(Rule("SRC401", "loaded-verbs", "Attribution verbs that take sides",
                  check, Options, weight=0.5, severity="suggestion", doc=__doc__))
