"""Verbs of attack and boasting in the reporter's voice: "Clinton bashed the proposal".

The attribution extractor takes a verb for a cue when it reports what someone said. Verbs that
attack or boast ("bashed", "unloaded on", "railed against", "boasts about") often carry no
reported clause, so no cue is made, yet the reporter's choice of verb still takes a side. This
module finds them from the parse for SRC401: the verb in the sense that needs its particle or
preposition, someone named (or he, she, they) as subject, outside quotation marks.
"""

from __future__ import annotations

from sourcescore.model import Analysis, Word
from sourcescore.wordtree import children


def reports_speech(words: tuple[Word, ...], verb: int) -> bool:
    """The verb has a clause or a quotation for its content, not a plain object."""
    return any(words[i].dep in ("ccomp", "xcomp", "parataxis") for i in children(words, verb)) \
        or words[verb].dep in ("parataxis", "ccomp")  # '"...," she insisted'


#: Verbs that take sides about what someone said or did, and the particle or preposition each
#: needs for that sense: "bashed the plan", "unloaded on Sanders", "railed against the deal",
#: "ripped into the board" ("the storm ripped the roof off" is no attack).
CRITICISM = {"bash": "", "slam": "", "blast": "", "deride": "", "trash": "", "lambaste": "",
             "brag": "", "boast": "", "unload": "on", "rail": "against", "rip": "into"}
#: Verbs that report boasting only with what is boasted of: a clause, or "about"/"of".
_BOASTING = frozenset({"boast", "brag"})
#: Subjects that are someone: a name or a personal pronoun.
_SOMEONE = frozenset({"he", "she", "they", "we", "i", "you"})


def attacks_in_reporters_voice(analysis: Analysis, loaded: set[str] | frozenset[str],
                               taken: set[int]) -> list[tuple[int, int]]:
    """The spans of verbs of attack or boasting among `loaded` in the reporter's voice that no
    attribution cue starting at `taken` carries ("Clinton bashed Trump's proposal"): the
    verb's subject is someone, and the verb is outside quotation marks."""
    found = []
    for sentence in analysis.sentences:
        words = sentence.words
        for index, word in enumerate(words):
            needs = CRITICISM.get(word.lemma)
            if needs is None or word.lemma not in loaded or word.pos != "VERB" or \
                    word.start in taken or analysis.in_quotation(word.start, word.end):
                continue
            if needs and not any(words[i].lemma == needs for i in children(words, index)):
                continue
            if word.lemma in _BOASTING and not (reports_speech(words, index) or any(
                    words[i].lemma in ("about", "of") for i in children(words, index))):
                continue  # "she boasts a 45-point lead": has, not brags
            subject = next((words[i] for i in children(words, index)
                            if words[i].dep == "nsubj"), None)
            if subject is None or not (subject.pos == "PROPN" or
                                       subject.text.lower() in _SOMEONE):
                continue
            found.append((word.start, word.end))
    return found
