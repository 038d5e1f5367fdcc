"""Reading a sentence's parse tree from its `Word`s: children, heads and phrases.

The editorial modules (`claims`, `coverage`, `vague`) and rules read the parse through these,
so they work the same on a real parse and on `Word`s built by hand in a test.
"""

from __future__ import annotations

from collections.abc import Iterator

from sourcescore.model import Word

Words = tuple[Word, ...]


def word_at(words: Words, offset: int) -> int | None:
    """The index of the word that covers character `offset`, or None."""
    return next((i for i, w in enumerate(words) if w.start <= offset < w.end), None)


def children(words: Words, index: int) -> Iterator[int]:
    """The indexes of the words that depend on word `index`."""
    return (i for i, word in enumerate(words) if word.head == index and i != index)


def child(words: Words, index: int, deps: frozenset[str] | tuple[str, ...]) -> int | None:
    """The first dependent of word `index` with one of the relations `deps`."""
    return next((i for i in children(words, index) if words[i].dep in deps), None)


def head_of(words: Words, index: int) -> int | None:
    """The index of the word that word `index` depends on (None for the root)."""
    head = words[index].head
    return head if 0 <= head < len(words) and head != index else None


def depends_on(words: Words, index: int, ancestor: int, depth: int = 8) -> bool:
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
    inside = [i for i in range(len(words)) if depends_on(words, i, index)]
    return min(inside), max(inside)


def phrase_text(words: Words, index: int) -> str:
    """The lower-cased words of the phrase word `index` heads, for matching."""
    first, last = subtree(words, index)
    return " ".join(word.lemma for word in words[first:last + 1])


def phrase(words: Words, index: int) -> list[int]:
    """The indexes of the words in the phrase word `index` heads, in order."""
    return [i for i in range(len(words)) if depends_on(words, i, index)]


def has_child_lemma(words: Words, index: int, lemmas: frozenset[str]) -> bool:
    """Some word that depends on word `index` has one of `lemmas`."""
    return any(words[i].lemma in lemmas for i in children(words, index))
