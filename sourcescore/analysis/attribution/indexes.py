"""Look-ups the quotation linking makes for every quotation, indexed once per article."""

from __future__ import annotations

import bisect

from sourcescore.analysis.attribution.constructions import Candidate, Construction
from sourcescore.analysis.attribution.grammar import Token
from sourcescore.model import Quotation


class QuoteMap:
    """Which quotation (if any) a character belongs to, by bisection over sorted pieces."""

    def __init__(self, text: str, quotations: tuple[Quotation, ...]) -> None:
        pieces = sorted((start, end, index) for index, quote in enumerate(quotations)
                        for start, end in (quote.fragments or ((quote.start, quote.end),)))
        self._starts = [p[0] for p in pieces]
        self._pieces = pieces

    def of(self, offset: int) -> int:
        at = bisect.bisect_right(self._starts, offset) - 1
        if at >= 0 and offset < self._pieces[at][1]:
            return self._pieces[at][2]
        return -1

    def token_quoted(self, token: Token) -> bool:
        return self.of(token.idx) >= 0


class CandidateIndex:
    """Candidates by cue and by content start, so each quotation looks only at its neighbours."""

    WINDOW = 5000  # no content reaches further back than this from a quotation it holds

    def __init__(self, candidates: list[Candidate],
                 enabled: frozenset[str] | None = None) -> None:
        self.items = candidates
        self.enabled = enabled
        self.by_cue = {c.cue: c for c in candidates if c.cue is not None}
        self._sorted = sorted(candidates, key=lambda c: c.content[0][0])
        self._starts = [c.content[0][0] for c in self._sorted]

    def add(self, candidate: Candidate) -> None:
        self.items.append(candidate)
        if candidate.cue is not None:
            self.by_cue[candidate.cue] = candidate
        at = bisect.bisect_right(self._starts, candidate.content[0][0])
        self._starts.insert(at, candidate.content[0][0])
        self._sorted.insert(at, candidate)

    def allows(self, construction: Construction) -> bool:
        return self.enabled is None or construction.name in self.enabled

    def near(self, start: int, end: int) -> list[Candidate]:
        lo = bisect.bisect_left(self._starts, start - self.WINDOW)
        hi = bisect.bisect_right(self._starts, end)
        return self._sorted[lo:hi]
