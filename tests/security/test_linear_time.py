"""Work grows linearly with the input: no pattern, scan or rule can be made to take quadratic
time (or worse) by what an article holds.

Timing ratios, not times: each case runs on a text and on one four times as long, and the
second may take at most `MAX_RATIO` times as long (linear work gives about 4, quadratic 16), or
under `FAST_ENOUGH` seconds outright, which no quadratic case of these sizes could manage.

Times are this thread's CPU time (`time.thread_time`), not the wall clock: on a loaded machine
other processes take the CPU away between our instructions, which stretches wall-clock times by
chance (these tests once failed 21 times in one loaded run) but not the CPU time we use.
"""

from __future__ import annotations

import importlib
import importlib.resources
import inspect
import pkgutil
import re
import time
from dataclasses import replace
from functools import lru_cache

import pytest
import sourcescore_plugins
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sourcescore

MAX_RATIO = 10.0
FAST_ENOUGH = 0.02
#: Characters an adversary would repeat: the syntax every scanner and pattern looks for.
SYNTAX = "*_[]()!<>-`\"'“”‘’«» #:.,;?\n\t\\|/@%&=+~^{}0aA"
#: Zero-argument cached functions that build something other than patterns from text.
NOT_PATTERN_FACTORIES = {"load_pipeline"}


def _ratio_ok(run, unit: str, size: int = 20_000) -> tuple[bool, float, float]:
    count = max(1, size // len(unit))
    short, long = unit * count, unit * (4 * count)

    def best(text):
        times = []
        for _ in range(3):
            began = time.thread_time()
            run(text)
            times.append(time.thread_time() - began)
        return min(times)
    t1, t4 = best(short), best(long)
    return t4 < FAST_ENOUGH or t4 / max(t1, 1e-6) < MAX_RATIO, t1, t4


# --- every regular expression the package holds ----------------------------------------------

def _modules():
    for package in (sourcescore, sourcescore_plugins):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if info.name.endswith(("sourcescore._preload", "sourcescore.dask")):
                continue
            yield importlib.import_module(info.name)


def _patterns_in(value):
    if isinstance(value, re.Pattern):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _patterns_in(item)
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _patterns_in(item)


@lru_cache(maxsize=1)
def all_patterns() -> list[tuple[str, re.Pattern]]:
    """Module-level patterns, patterns built by zero-argument cached factories, the phrase
    lists shipped as data, and the default plain-text exemption."""
    from sourcescore.exemptions import DEFAULT_PLAIN_TEXT, plain_text_pattern
    from sourcescore.ruletools import packaged_phrases, phrase_pattern

    found: dict[str, re.Pattern] = {}
    for module in _modules():
        for name, value in vars(module).items():
            if callable(value) and getattr(value, "__module__", None) != module.__name__:
                continue  # imported from elsewhere: catalogued with its own module
            if hasattr(value, "cache_info") and callable(value) and \
                    name not in NOT_PATTERN_FACTORIES and \
                    not inspect.signature(value).parameters:
                value = value()
            for number, pattern in enumerate(_patterns_in(value)):
                found[f"{module.__name__}.{name}[{number}]"] = pattern
    data = importlib.resources.files("sourcescore_plugins") / "data"
    for entry in data.iterdir():
        if entry.name.endswith(".txt"):
            pattern = phrase_pattern(packaged_phrases("sourcescore_plugins",
                                                      f"data/{entry.name}"))
            if pattern is not None:
                found[f"data/{entry.name}"] = pattern
    from sourcescore.editorial.filler import _pattern as core_list_pattern

    for entry in (importlib.resources.files("sourcescore") / "data").iterdir():
        if entry.name.endswith(".txt"):
            found[f"sourcescore/data/{entry.name}"] = core_list_pattern(entry.name)
    found["plain_text_exemption"] = plain_text_pattern(DEFAULT_PLAIN_TEXT)
    return sorted(found.items())


def _units(pattern: re.Pattern) -> list[str]:
    """Repeat units aimed at the pattern: its own literal text, its first characters, and each
    of its literal characters with a letter, a space and a newline after them."""
    literal = re.sub(r"\\(.)", r"\1", re.sub(r"[\^$()?*+{}|\[\]]", "", pattern.pattern))
    chars = sorted({c for c in literal if not c.isalnum()} | {"a", " "})
    units = [literal[:24] or "a", literal[:24] + " ", literal[:24] + " " * 40 + "x"]
    units += [c + tail for c in chars for tail in ("", "a", " ", "a ")]
    return [u for u in dict.fromkeys(units) if u]


def test_the_catalogue_finds_the_patterns_that_matter():
    names = {name.rsplit("[", 1)[0] for name, _ in all_patterns()}
    for expected in ("sourcescore.markup._EMPHASIS", "sourcescore.markup._LINK",
                     "sourcescore.analysis.wire._patterns", "sourcescore/data/cliches.txt",
                     "data/anonymity_reasons.txt", "plain_text_exemption",
                     "sourcescore.editorial.citations._citation"):
        assert expected in names


@pytest.mark.parametrize("name, pattern", all_patterns(), ids=[n for n, _ in all_patterns()])
def test_every_pattern_is_linear_on_repeated_input(name, pattern):
    for unit in _units(pattern):
        ok, t1, t4 = _ratio_ok(lambda text: sum(1 for _ in pattern.finditer(text)), unit)
        assert ok, f"{name} on {unit!r} * n: {t1:.4f} s, * 4n: {t4:.4f} s"


# --- every scan of a whole text ---------------------------------------------------------------

def _scanners():
    from sourcescore.analysis.paragraphs import split_paragraphs
    from sourcescore.analysis.quotes import find_quotations
    from sourcescore.analysis.wire import find_wire_credits
    from sourcescore.exemptions import DEFAULT_PLAIN_TEXT, find_directives, plain_text_pattern
    from sourcescore.markup import blank_markdown
    from sourcescore.testing import article

    plain = plain_text_pattern(DEFAULT_PLAIN_TEXT)
    return {
        "blank_markdown": blank_markdown,
        "find_directives": lambda text: find_directives(text, plain),
        "paragraphs+quotations": lambda text: find_quotations(text, split_paragraphs(text)),
        "wire_credits": lambda text: find_wire_credits(text, split_paragraphs(text)),
        "model-free analysis": article,
    }


#: The repeats the hardening issue reported (cubic and quadratic before).
REPORTED = ["<!-- sourcescore:" + " " * 4000 + "x", "[sourcescore:" + " " * 4000 + "x",
            "*a ", "[a", "![a", "<!-- sourcescore: ignore", "“a ", "'a ", "\"a"]


@pytest.mark.parametrize("scanner", sorted(_scanners()))
@pytest.mark.parametrize("unit", REPORTED)
def test_reported_blow_ups_are_linear(scanner, unit):
    ok, t1, t4 = _ratio_ok(_scanners()[scanner], unit, size=40_000)
    assert ok, f"{scanner} on {unit[:20]!r}: {t1:.4f} s, then {t4:.4f} s"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(unit=st.text(alphabet=SYNTAX, min_size=1, max_size=6))
def test_any_repeated_syntax_is_linear_in_every_scanner(unit):
    for name, scanner in _scanners().items():
        ok, t1, t4 = _ratio_ok(scanner, unit)
        assert ok, f"{name} on {unit!r}: {t1:.4f} s, then {t4:.4f} s"


# --- every rule, on one enormous paragraph ----------------------------------------------------

def _one_paragraph(copies: int):
    """A single paragraph of `copies` sentences pairs, each with a named, an anonymous, a
    relayed and a loaded-verb attribution, and an unattributed figure."""
    from sourcescore.model import Attribution, Span
    from sourcescore.testing import article

    unit = ("A senior official said the plan would cost 4 billion dollars, critics say. "
            "The mayor claimed on CNN that 300 jobs were lost because of it. ")
    text = unit * copies
    analysis = article(text)
    attributions = []
    for number in range(copies):
        base = number * len(unit)
        for source, cue, kind in (("A senior official", "said", "anonymous"),
                                  ("The mayor", "claimed", "person")):
            start = base + unit.index(source)
            at = base + unit.index(cue)
            sentence = analysis.sentence_at(start).index
            attributions.append(Attribution(
                Span(at + len(cue) + 1, at + len(cue) + 40, text[at + len(cue) + 1:at + 40 +
                                                                  len(cue)]),
                Span(start, start + len(source), source), Span(at, at + len(cue), cue),
                "indirect", kind, sentence, cue_lemma={"said": "say"}.get(cue, "claim")))
    return replace(analysis, attributions=tuple(attributions))


def _builtin_rules():
    from sourcescore.plugins import load_plugins

    return [rule.code for rule in load_plugins(autoload=False).rules]


@pytest.mark.parametrize("code", _builtin_rules())
def test_every_rule_is_near_linear_in_paragraph_length(code):
    t1, t4 = _best_time(code, _one_paragraph(300)), _best_time(code, _one_paragraph(1200))
    assert t4 < 0.05 or t4 / max(t1, 1e-6) < MAX_RATIO, f"{code}: {t1:.3f} s, then {t4:.3f} s"


#: One sentence of each shape the parse-reading rules look at: vague groups, passives, polls,
#: unnamed sources, outlets, loaded verbs, filler, figures and causes.
PARSED_UNIT = ("Critics say the plan is expected to cost 4 billion dollars, polls show. "
               "A veteran diplomat told CNN the talks had stalled because of the vote. "
               "This underscores the mistrust, and the minister insisted the deal was dead. ")


@lru_cache(maxsize=2)
def _parsed_paragraph(copies: int):
    from sourcescore.testing import parse

    return parse(PARSED_UNIT * copies)


@pytest.mark.model
@pytest.mark.parametrize("code", _builtin_rules())
def test_every_rule_is_near_linear_on_a_parsed_paragraph(code):
    """The rules that read the parse and the story's facts, on one real paragraph and on one
    four times as long (the parse itself is not timed)."""
    t1, t4 = _best_time(code, _parsed_paragraph(40)), _best_time(code, _parsed_paragraph(160))
    assert t4 < 0.05 or t4 / max(t1, 1e-6) < MAX_RATIO, f"{code}: {t1:.3f} s, then {t4:.3f} s"


def _best_time(code: str, analysis) -> float:
    """The faster of two runs of one rule, each on a fresh copy (no cached look-ups carried
    over from the run before)."""
    from sourcescore.testing import run_rule

    times = []
    for _ in range(2):
        began = time.thread_time()
        run_rule(code, replace(analysis))
        times.append(time.thread_time() - began)
    return min(times)


# --- one enormous sentence --------------------------------------------------------------------

#: A list sentence of the kind that made SRC301 and SRC302 quadratic: every item a candidate.
LIST_ITEM = "officials, critics say, 4 percent, experts, "


@lru_cache(maxsize=2)
def _list_sentence(copies: int):
    from sourcescore.testing import parse

    return parse("Critics say the list includes " + LIST_ITEM * copies + "and more.")


@pytest.mark.model
@pytest.mark.parametrize("code", _builtin_rules())
def test_every_rule_is_near_linear_in_sentence_length(code):
    t1, t4 = _best_time(code, _list_sentence(150)), _best_time(code, _list_sentence(600))
    assert t4 < 0.05 or t4 / max(t1, 1e-6) < MAX_RATIO, f"{code}: {t1:.3f} s, then {t4:.3f} s"
