"""The pipeline's tag -> part-of-speech step, done with dictionary look-ups.

`en_core_web_sm` maps the tagger's fine-grained tags to universal POS, morphology and a few
lemma exceptions with an `attribute_ruler`: 179 single- and two-token Matcher patterns over TAG,
LOWER, DEP and IS_SPACE. Run through the Matcher that step costs about 18% of the whole
pipeline, more than the tagger and the parser together, though each pattern is a plain
equality or set test. `FastAttributes` applies the same patterns, with the same precedence (later
patterns win), by indexing them on the first token's tag: the same attributes at a small part
of the cost. `compile_patterns` refuses any pattern outside that simple shape, and the pipeline
then keeps the original component, so the replacement can never silently differ.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

#: Token attributes a pattern may test, and how to read each from a spaCy Token.
_READERS = {"TAG": "tag_", "LOWER": "lower_", "DEP": "dep_", "IS_SPACE": "is_space"}
_SETTERS = ("POS", "MORPH", "LEMMA", "TAG", "DEP")


class UnsupportedPattern(ValueError):
    """A pattern the look-up version cannot reproduce exactly."""


@dataclass(frozen=True)
class _Rule:
    order: int
    tests: tuple[tuple[tuple[str, str, Any], ...], ...]  # per token: (reader, op, value)
    index: int
    attrs: tuple[tuple[str, str], ...]


def compile_patterns(patterns: list[dict]) -> dict[tuple[str | None, str | None], list[_Rule]]:
    """Rules indexed by what their first token must be: (TAG, LOWER), (TAG, None) when only
    the tag is fixed, (None, None) when neither is."""
    index: dict[tuple[str | None, str | None], list[_Rule]] = {}
    for order, entry in enumerate(patterns):
        attrs = tuple(entry["attrs"].items())
        if any(key not in _SETTERS for key, _ in attrs):
            raise UnsupportedPattern(f"sets {entry['attrs']}")
        for pattern in entry["patterns"]:
            position = entry.get("index", 0)
            if not -len(pattern) <= position < len(pattern):
                raise UnsupportedPattern(f"index {position} outside {pattern}")
            rule = _Rule(order, tuple(_tests(token) for token in pattern),
                         position % len(pattern), attrs)
            for key in _keys(pattern[0]):
                index.setdefault(key, []).append(rule)
    return index


def _keys(first: dict) -> list[tuple[str | None, str | None]]:
    """Index keys for a first token: every (TAG, LOWER) it accepts, None where any value is."""
    return [(tag, lower) for tag in _fixed(first.get("TAG"))
            for lower in _fixed(first.get("LOWER"))]


def _fixed(value) -> list[str | None]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and set(value) == {"IN"}:
        return list(value["IN"])
    return [None]  # absent, or a test the index cannot use (NOT_IN, REGEX): checked per token


def _tests(token: dict) -> tuple[tuple[str, str, Any], ...]:
    tests: list[tuple[str, str, Any]] = []
    for key, value in token.items():
        if key not in _READERS:
            raise UnsupportedPattern(f"tests {key}")
        if isinstance(value, (str, bool)):
            tests.append((_READERS[key], "==", value))
        elif isinstance(value, dict) and len(value) == 1 and "REGEX" in value:
            tests.append((_READERS[key], "REGEX", re.compile(value["REGEX"])))
        elif isinstance(value, dict) and set(value) <= {"IN", "NOT_IN"} and len(value) == 1:
            op, values = next(iter(value.items()))
            tests.append((_READERS[key], op, frozenset(values)))
        else:
            raise UnsupportedPattern(f"{key}: {value!r}")
    return tuple(tests)


class FastAttributes:
    """A drop-in for the attribute_ruler of the same patterns (see the module docstring)."""

    def __init__(self, patterns: list[dict]) -> None:
        self.index = compile_patterns(patterns)

    def __call__(self, doc):
        columns = {reader: [getattr(token, reader) for token in doc]
                   for reader in _READERS.values()}
        tags, lowers = columns["tag_"], columns["lower_"]
        index = self.index
        hits: list[tuple[int, int, _Rule]] = []
        for start, (tag, lower) in enumerate(zip(tags, lowers, strict=True)):
            for key in ((tag, lower), (tag, None), (None, lower), (None, None)):
                for rule in index.get(key, ()):
                    if _matches(columns, start, rule):
                        hits.append((rule.order, start, rule))
        hits.sort(key=lambda hit: (hit[0], hit[1]))
        for _, start, rule in hits:
            _apply(doc[start + rule.index], rule.attrs)
        return doc


def _matches(columns: dict[str, list], start: int, rule: _Rule) -> bool:
    if start + len(rule.tests) > len(columns["tag_"]):
        return False
    for offset, tests in enumerate(rule.tests):
        for reader, op, value in tests:
            actual = columns[reader][start + offset]
            if op == "==":
                if actual != value:
                    return False
            elif op == "REGEX":
                if not value.search(actual):
                    return False
            elif (actual in value) != (op == "IN"):
                return False
    return True


def _apply(token, attrs) -> None:
    for key, value in attrs:
        if key == "POS":
            token.pos_ = value
        elif key == "MORPH":
            token.set_morph(value)
        elif key == "LEMMA":
            token.lemma_ = value
        elif key == "TAG":
            token.tag_ = value
        else:
            token.dep_ = value
