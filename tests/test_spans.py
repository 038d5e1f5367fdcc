"""Span builders and speaker finding on hand-built parses: no model, every arc written out.

Each Doc is built from words, heads (absolute token indices) and dependency labels, the way
spaCy's own tests build them, so a test pins one behaviour of the builders whatever a model
would make of the sentence.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from sourcescore.analysis.attribution.spans import clause_span, span, text_of
from sourcescore.analysis.attribution.speakers import antecedent_of, climb, source_of

VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower case, like_num), no model


def parse(words: str, heads: list[int], deps: str, tags: str = "", lemmas: str = "",
          pos: str = "") -> Doc:
    """A Doc from space-separated words (no space before punctuation), heads and labels."""
    tokens = words.split()
    spaces = [i + 1 < len(tokens) and tokens[i + 1] not in ",.;:" for i in range(len(tokens))]
    count = len(tokens)
    doc = Doc(VOCAB, words=tokens, spaces=spaces, heads=heads, deps=deps.split(),
              tags=tags.split() or ["NN"] * count, pos=pos.split() or ["NOUN"] * count,
              lemmas=lemmas.split() or [t.lower() for t in tokens])
    return doc


def text(doc: Doc, found: tuple[int, int] | None) -> str | None:
    return None if found is None else text_of(doc)[found[0]:found[1]]


def test_a_clause_stops_before_a_trailing_concessive():
    doc = parse("He said the plan works although critics disagree .",
                [1, 1, 3, 4, 1, 7, 7, 4, 1],
                "nsubj ROOT det nsubj ccomp mark nsubj advcl punct",
                pos="PRON VERB DET NOUN VERB SCONJ NOUN VERB PUNCT")
    assert text(doc, clause_span(doc[4])) == "the plan works"


def test_a_clause_keeps_its_coordinated_verbs():
    doc = parse("She said prices rose and wages fell .",
                [1, 1, 3, 1, 3, 6, 3, 1],
                "nsubj ROOT nsubj ccomp cc nsubj conj punct",
                pos="PRON VERB NOUN VERB CCONJ NOUN VERB PUNCT")
    assert text(doc, clause_span(doc[3])) == "prices rose and wages fell"


def test_a_name_is_cut_before_its_relative_clause():
    doc = parse("Witkoff , who met Putin , said it works .",
                [6, 0, 3, 0, 3, 0, 6, 8, 6, 6],
                "nsubj punct nsubj relcl dobj punct ROOT nsubj ccomp punct",
                pos="PROPN PUNCT PRON VERB PROPN PUNCT VERB PRON VERB PUNCT",
                tags="NNP , WP VBD NNP , VBD PRP VBZ .")
    assert text(doc, span(doc[0], cut_clauses=True)) == "Witkoff"
    assert text(doc, source_of(doc[6])) == "Witkoff"


def test_a_title_and_name_stay_whole():
    doc = parse("the economist Jared Cole said so",
                [3, 3, 3, 4, 4, 4], "det compound compound nsubj ROOT advmod",
                pos="DET NOUN PROPN PROPN VERB ADV")
    assert text(doc, source_of(doc[4])) == "the economist Jared Cole"


def test_a_passive_cue_speaks_for_its_by_agent():
    doc = parse("The plan was criticized by economists .",
                [1, 3, 3, 3, 3, 4, 3],
                "det nsubjpass auxpass ROOT agent pobj punct",
                pos="DET NOUN AUX VERB ADP NOUN PUNCT")
    assert text(doc, source_of(doc[3])) == "economists"


def test_a_participle_inherits_the_subject_it_hangs_on():
    doc = parse("The mayor resigned , saying the city was broke .",
                [1, 2, 2, 2, 2, 6, 7, 4, 7, 2],
                "det nsubj ROOT punct advcl det nsubj ccomp acomp punct",
                pos="DET NOUN VERB PUNCT VERB DET NOUN AUX ADJ PUNCT")
    assert climb(doc[4]).text == "resigned"
    assert text(doc, source_of(doc[4])) == "The mayor"


@pytest.mark.parametrize("subject", ["There", "What"])
def test_existential_and_question_subjects_are_no_source(subject):
    doc = parse(f"{subject} said nothing", [1, 1, 1], "nsubj ROOT dobj",
                pos="PRON VERB PRON")
    assert source_of(doc[1]) is None


def test_a_relative_pronoun_speaks_for_its_antecedent():
    doc = parse("Lee , who said it failed , resigned .",
                [7, 0, 3, 0, 5, 3, 0, 7, 7],
                "nsubj punct nsubj relcl nsubj ccomp punct ROOT punct",
                pos="PROPN PUNCT PRON VERB PRON VERB PUNCT VERB PUNCT",
                tags="NNP , WP VBD PRP VBD , VBD .")
    assert text(doc, antecedent_of(doc[3])) == "Lee"
