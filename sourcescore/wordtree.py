"""Reading a sentence's parse tree from its `Word`s: children, heads and phrases.

The editorial modules (`claims`, `coverage`, `vague`) and rules read the parse through these,
so they work the same on a real parse and on `Word`s built by hand in a test.
"""

from __future__ import annotations

import bisect
import itertools
from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import Any

from sourcescore.model import Word

Words = tuple[Word, ...]

#: How many steps up the tree a word may be from the head of a phrase and still be in it: a
#: bound that keeps a parser's runaway chains (a 2,000-item list) from making one phrase.
PHRASE_DEPTH = 8


class _Tree:
    """One sentence's words indexed once: each word's dependents and where words start, so
    every look-up costs what it returns, not a scan of the sentence (a 72 KB list sentence
    would otherwise make the rules quadratic)."""

    def __init__(self, words: Words) -> None:
        self.words = words
        self.kids: list[list[int]] = [[] for _ in words]
        for i, word in enumerate(words):
            head = word.head
            if 0 <= head < len(words) and head != i:
                self.kids[head].append(i)
        self.starts = [w.start for w in words]
        #: Parsed words are in text order; hand-built ones in a test may not be.
        self.ordered = all(a <= b for a, b in itertools.pairwise(self.starts))
        self.phrases: dict[int, list[int]] = {}
        self.lemmas = frozenset(w.lemma for w in words)
        self.remembered: dict[str, Any] = {}

    def phrase(self, index: int) -> list[int]:
        found = self.phrases.get(index)
        if found is None:
            found, level = [index], [index]
            for _ in range(PHRASE_DEPTH - 1):
                level = [kid for i in level for kid in self.kids[i]]
                if not level:
                    break
                found.extend(level)
            found = self.phrases[index] = sorted(set(found))
        return found


#: The trees of the sentences read most recently, by the identity of their words (the tuple
#: is kept with its tree, so an identity is never reused while cached).
_TREES: OrderedDict[int, _Tree] = OrderedDict()
_TREES_KEPT = 256


def _tree(words: Words) -> _Tree:
    tree = _TREES.get(id(words))
    if tree is None or tree.words is not words:
        tree = _TREES[id(words)] = _Tree(words)
        if len(_TREES) > _TREES_KEPT:
            _TREES.popitem(last=False)
    else:
        _TREES.move_to_end(id(words))
    return tree


def remembered(words: Words, name: str, compute: Callable[[Words], Any]) -> Any:
    """`compute(words)`, worked out once per sentence: for what a rule asks of the sentence
    for each candidate in it (a list sentence can hold thousands)."""
    store = _tree(words).remembered
    if name not in store:
        store[name] = compute(words)
    return store[name]


def word_at(words: Words, offset: int) -> int | None:
    """The index of the word that covers character `offset`, or None."""
    tree = _tree(words)
    if not tree.ordered:
        return next((i for i, w in enumerate(words) if w.start <= offset < w.end), None)
    index = bisect.bisect_right(tree.starts, offset) - 1
    return index if index >= 0 and offset < words[index].end else None


def children(words: Words, index: int) -> Iterator[int]:
    """The indexes of the words that depend on word `index`."""
    return iter(_tree(words).kids[index])


def dependents(words: Words, index: int) -> Iterator[Word]:
    """The words that depend on word `index`."""
    return (words[i] for i in _tree(words).kids[index])


def ancestors(words: Words, index: int, depth: int = PHRASE_DEPTH) -> Iterator[int]:
    """Word `index` and the words above it, nearest first, `depth` of them at most: the
    words whose phrase (`depends_on`) holds word `index`."""
    for _ in range(depth):
        yield index
        step = head_of(words, index)
        if step is None:
            return
        index = step


def lemmas_of(words: Words) -> frozenset[str]:
    """Every lemma in the sentence (indexed once)."""
    return _tree(words).lemmas


def child(words: Words, index: int, deps: frozenset[str] | tuple[str, ...]) -> int | None:
    """The first dependent of word `index` with one of the relations `deps`."""
    return next((i for i in children(words, index) if words[i].dep in deps), None)


def head_of(words: Words, index: int) -> int | None:
    """The index of the word that word `index` depends on (None for the root)."""
    head = words[index].head
    return head if 0 <= head < len(words) and head != index else None


def depends_on(words: Words, index: int, ancestor: int, depth: int = PHRASE_DEPTH) -> bool:
    """Word `index` is in the subtree of word `ancestor` (within `depth` steps)."""
    for _ in range(depth):
        if index == ancestor:
            return True
        step = head_of(words, index)
        if step is None:
            return False
        index = step
    return False


def subtree(words: Words, index: int) -> tuple[int, int]:
    """The first and last word index of the phrase word `index` heads."""
    inside = _tree(words).phrase(index)
    return inside[0], inside[-1]


def phrase_text(words: Words, index: int) -> str:
    """The lower-cased words of the phrase word `index` heads, for matching."""
    first, last = subtree(words, index)
    return " ".join(word.lemma for word in words[first:last + 1])


def phrase(words: Words, index: int) -> list[int]:
    """The indexes of the words in the phrase word `index` heads, in order."""
    return list(_tree(words).phrase(index))


def has_child_lemma(words: Words, index: int, lemmas: frozenset[str]) -> bool:
    """Some word that depends on word `index` has one of `lemmas`."""
    return any(words[i].lemma in lemmas for i in children(words, index))
