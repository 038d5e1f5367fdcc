"""Who holds a reaction or a view, when the words name them: "his fears", "the ire of
lawmakers", "criticism from Senator Jane Doe", "resistance in Congress"."""

from __future__ import annotations

from sourcescore.analysis.lexicon import ANONYMOUS_HEADS, GROUP_HEADS, ROLE_NOUNS
from sourcescore.wordtree import Words, child, children, head_of


def owned(words: Words, index: int) -> bool:
    """The reaction has a named holder: "his fears", "criticism from Sen. Jane Doe",
    "concerns among Pentagon officials" is still a group and stays vague."""
    for other in children(words, index):
        if words[other].dep == "poss" or (words[other].lemma in _HOLDING and
                                          people(words, child(words, other, ("pobj",)))):
            return True  # "his fears", "the ire of lawmakers", "resistance in Congress"
    verb = head_of(words, index)
    if verb is not None:  # "drew criticism from X": the from-phrase hangs on the verb
        return any(words[p].lemma in ("from", "by", "among") and
                   people(words, child(words, p, ("pobj",))) for p in children(words, verb))
    return False


#: Records that hold a view as people do: "hope for Sanders in polling".
_EVIDENCE_HOLDERS = frozenset({"poll", "polls", "polling", "survey", "surveys", "data"})
#: Prepositions that name who holds a reaction: not "fears of a recession".
_HOLDING = frozenset({"of", "in", "among", "within", "from", "by"})


def people(words: Words, index: int | None) -> bool:
    """The word names people: a person, an organisation or nation, or a noun for people."""
    if index is None:
        return False
    word = words[index]
    return word.entity in ("PERSON", "ORG", "NORP", "GPE") or \
        any(form in names for form in (word.lemma, word.text.lower())
            for names in (GROUP_HEADS, ANONYMOUS_HEADS, ROLE_NOUNS, _EVIDENCE_HOLDERS))

