"""The look-up replacement for the pipeline's attribute_ruler annotates exactly as it does."""

from __future__ import annotations

import pytest
from conftest import SEEDS
from spacy.tokens import Doc

from sourcescore.attributes import FastAttributes, UnsupportedPattern, compile_patterns

# Sentences that reach the ruler's exception patterns: contractions, colloquial forms,
# expletives, auxiliaries, determiners, pronoun cases, spaces.
EXCEPTIONS = """I ain't gonna say it, and y'all know why. Let's go, c'mon!
There is nothin' doin' here; she's got ta leave.  It rained.
He didn't have to. Those who did it gave it to me and to you.
"""


@pytest.fixture(scope="module")
def pipeline():
    import importlib

    from sourcescore.nlp import PIPELINE_PACKAGES

    for name in PIPELINE_PACKAGES:
        try:
            return importlib.import_module(name).load()  # with its own attribute_ruler
        except ImportError:
            continue
    pytest.fail("no English pipeline installed")


def annotations(doc):
    return [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc]


@pytest.mark.parametrize("text", [EXCEPTIONS, *(s.read_text() for s in SEEDS)],
                         ids=["exceptions", *(s.stem[:3] for s in SEEDS)])
def test_same_annotations_as_the_attribute_ruler(pipeline, text):
    with pipeline.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        tagged = pipeline(text)
    ruled = Doc(tagged.vocab).from_bytes(tagged.to_bytes())
    fast = Doc(tagged.vocab).from_bytes(tagged.to_bytes())
    pipeline.get_pipe("attribute_ruler")(ruled)
    FastAttributes(pipeline.get_pipe("attribute_ruler").patterns)(fast)
    assert annotations(fast) == annotations(ruled)
    assert any(t.pos_ for t in fast)


def test_the_checker_pipeline_uses_it(checker):
    assert "sourcescore_fast_attributes" in checker.nlp.pipe_names
    assert "attribute_ruler" not in checker.nlp.pipe_names


@pytest.mark.parametrize("token", [{"TAG": "NN", "OP": "+"}, {"LOWER": {"FUZZY": "said"}},
                                   {"SHAPE": "Xxxx"}])
def test_patterns_it_cannot_reproduce_are_refused(token):
    with pytest.raises(UnsupportedPattern):
        compile_patterns([{"patterns": [[token]], "attrs": {"POS": "NOUN"}, "index": 0}])
