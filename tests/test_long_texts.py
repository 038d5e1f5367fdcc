"""Long articles: parsed and analysed in pieces; the joined analysis indexes the whole text."""

from sourcescore import nlp as nlp_module
from sourcescore.nlp import split_for_parsing


def test_split_covers_the_text_exactly_and_respects_the_limit():
    text = ("A paragraph of words.\n" * 50) + ("x" * 130) + " tail"
    pieces = split_for_parsing(text, limit=100)
    assert "".join(pieces) == text
    assert all(len(p) <= 100 for p in pieces)
    assert pieces[0].endswith("\n")


def test_text_longer_than_a_chunk_keeps_offsets(checker, monkeypatch):
    monkeypatch.setattr(nlp_module, "CHUNK_CHARS", 200)
    text = "“We will not back down,” Senator Tom Reed said on Sunday.\n" * 12
    analysis = checker.analyse(text)
    assert analysis.text == text
    assert len(analysis.attributions) == 12
    for a in analysis.attributions:
        for part in (a.content, a.source, a.cue):
            assert text[part.start:part.end] == part.text


def test_a_chunked_analysis_matches_the_unchunked_one(checker, monkeypatch):
    paragraph = ("“We will not back down,” Senator Tom Reed said on Sunday. Officials said "
                 "the talks would resume. The plan costs $2 billion.\n\n")
    text = paragraph * 6
    whole = checker.analyse(text)
    monkeypatch.setattr(nlp_module, "CHUNK_CHARS", len(paragraph) * 2 + 10)
    pieces = checker.analyse(text)
    assert [(s.index, s.start, s.end, s.paragraph) for s in pieces.sentences] == \
        [(s.index, s.start, s.end, s.paragraph) for s in whole.sentences]
    assert pieces.attributions == whole.attributions
    assert pieces.entities == whole.entities
    assert pieces.quotations == whole.quotations
    assert pieces.word_count == whole.word_count


def _token_rule(needs_doc: bool):
    """A plugin whose rule counts the tokens of the story: it reads the parse."""
    import types

    from sourcescore import hookimpl
    from sourcescore.model import RuleOutcome
    from sourcescore.rules import Rule

    def check(analysis, options):
        return RuleOutcome(100.0, summary=f"{sum(1 for _ in analysis.doc)} tokens")

    plugin = types.ModuleType("tests.token_rule")
    plugin.sourcescore_register_rules = hookimpl(lambda register: register(Rule(
        "TOK101", "token-count", "counts tokens", check, needs_doc=needs_doc, doc="TOK101")))
    return plugin


LONG = "Officials said the talks would resume on Monday in Geneva.\n\n" * 400


def test_a_rule_that_declares_it_reads_tokens_gets_the_whole_parse_of_a_long_text(checker):
    from sourcescore.api import Checker
    from sourcescore.nlp import CHUNK_CHARS

    assert len(LONG) > 2 * CHUNK_CHARS
    local = Checker(use_config_file=False, extra_plugins=(_token_rule(True),), nlp=checker.nlp)
    analysis = local.analyse(LONG)
    assert analysis.doc.text == LONG
    assert all(LONG[t.idx:t.idx + len(t.text)] == t.text for t in analysis.doc)
    report = local.check_text(LONG)
    (result,) = [r for r in report.rules if r.code == "TOK101"]
    assert result.error is None and result.summary == f"{len(analysis.doc)} tokens"


def test_a_rule_that_reads_tokens_undeclared_fails_loudly_on_a_long_text(checker):
    from sourcescore.api import Checker
    from sourcescore.model import DOC_NOT_KEPT

    local = Checker(use_config_file=False, extra_plugins=(_token_rule(False),), nlp=checker.nlp)
    assert local.analyse(LONG).doc is DOC_NOT_KEPT
    report = local.check_text(LONG)
    (result,) = [r for r in report.rules if r.code == "TOK101"]
    assert "must be registered with Rule(..., needs_doc=True)" in result.error
    short = local.check_text("Officials said the talks would resume on Monday in Geneva.")
    assert [r.error for r in short.rules if r.code == "TOK101"] == [None]


def test_each_attribution_points_at_the_sentence_holding_its_cue(checker, monkeypatch):
    monkeypatch.setattr(nlp_module, "CHUNK_CHARS", 150)
    text = "".join(f"Minister {name} said the port would reopen.\n\n"
                   for name in ("Ann Lee", "Bo Chen", "Cy Dale", "Di Egan", "Ed Fox", "Flo Gil"))
    analysis = checker.analyse(text)
    assert len(analysis.attributions) == 6
    for a in analysis.attributions:
        sentence = analysis.sentences[a.sentence]
        assert sentence.start <= a.cue.start < sentence.end


FIVE_MB_SCRIPT = r"""
import resource, sys
import spacy
from sourcescore.api import Checker

# The full pipeline takes minutes on 5 MB (benchmarks/speed.py and the README give the figures);
# a tokenizer-and-sentencizer pipeline drives the same piecewise parse, analysis, rules and
# report over all 5 MB in seconds.
nlp = spacy.blank("en")
nlp.add_pipe("sentencizer")
checker = Checker(use_config_file=False, nlp=nlp)
paragraph = ("\u201cWe will not back down,\u201d Senator Tom Reed said on Sunday, according to "
             "Reuters. Critics say the plan is a game-changer that costs $2 billion.\n\n")
text = paragraph * (5_000_000 // len(paragraph) + 1)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
report = checker.check_text(text, "five.txt")
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
assert report.status == "ok", report.status
for finding in report.findings:
    assert text[finding.start:finding.end] == finding.text
print(len(text), len(report.findings), (after - before) // 1024)
"""


def test_five_megabytes_finish_with_bounded_memory():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", FIVE_MB_SCRIPT], capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    chars, findings, grown_mb = map(int, result.stdout.split())
    assert chars >= 5_000_000 and findings > 10_000
    assert grown_mb < 800, f"peak RSS grew by {grown_mb} MB on 5 MB of text"  # measured: 283
