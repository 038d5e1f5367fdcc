#!/usr/bin/env python3
"""Would a learned decision beat the constructions? Publisher-fold cross-validation says.

Usage: python benchmarks/learned.py [--labels PATH] [--corpus PATH] [--kinds claim_needs_source,...]
                                    [--families construction,sourcing,shape,words] [--c 0.1]

Each sentence of the 114 labelled dev articles (`../shared/eval/editorial/labels_dev.jsonl`,
read at run time, never copied) becomes a row of named features computed from the shared
analysis the rules read: what the hand-written constructions found (claim kinds, covered or
not; vague attribution; filler), attributions in the sentence, the one before and the
paragraph, the sentence's place, numbers, entities, modal verbs, the first person, and the
reporter's own adjectives, adverbs and main verb by lemma. For each publisher in turn a
logistic regression (scikit-learn, balanced classes) is fitted on the other six publishers'
articles, its threshold chosen by a second, inner round of publisher folds on those six alone,
and the held-out publisher's sentences are decided with it. The pooled held-out precision and
recall are printed beside the constructions' own (the rule as shipped, on the same sentences).

This is the measurement behind the README's answer to "why no learned model": on these labels
the learned decision does not beat the constructions in cross-validation. Needs
`pip install scikit-learn`; skips with a message without it or without the labels.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sourcescore.editorial.claims import claims_in  # noqa: E402  (benchmarks run from a checkout)
from sourcescore.editorial.coverage import cover, cover_figure, is_sourcing, needs_cover  # noqa: E402
from sourcescore.editorial.filler import find_filler  # noqa: E402
from sourcescore.editorial.vague import find_vague  # noqa: E402
from sourcescore.ruletools import in_lede  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
#: Label field -> the rule whose findings answer it (as the shared scorer maps them).
RULES = {"claim_needs_source": "SRC301", "vague_attribution": "SRC302", "filler": "SRC402",
         "second_hand": "SRC201", "loaded_verb": "SRC401"}
FAMILIES = ("construction", "sourcing", "shape", "words")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", default=str(EVAL / "editorial" / "labels_dev.jsonl"))
    parser.add_argument("--corpus", default=str(EVAL / "dev.jsonl"))
    parser.add_argument("--kinds", default="claim_needs_source,filler")
    parser.add_argument("--families", default=",".join(FAMILIES))
    parser.add_argument("--c", type=float, default=0.1, help="inverse regularisation strength")
    args = parser.parse_args(argv)
    labels, corpus = Path(args.labels), Path(args.corpus)
    if not labels.is_file() or not corpus.is_file():
        print(f"benchmark skipped: {labels} or {corpus} not found")
        return 0
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("benchmark skipped: needs scikit-learn (pip install scikit-learn)")
        return 0
    rows = _rows(labels, corpus, args.families.split(","))
    print(f"{'kind':<22}{'decided by':<16}{'gold':>6}{'flagged':>9}{'P':>7}{'R':>7}{'F1':>7}")
    for kind in args.kinds.split(","):
        scored = [r for r in rows if r["gold"][kind] is not None]
        gold = [bool(r["gold"][kind]) for r in scored]
        rule = [RULES[kind] in r["rules"] for r in scored]
        learned = _cross_validated(scored, kind, args.c)
        for name, flags in (("constructions", rule), ("learned (CV)", learned)):
            print(f"{kind:<22}{name:<16}" + _figures(gold, flags))
    return 0


def _rows(labels: Path, corpus: Path, families: list[str]) -> list[dict]:
    """One row per analysed sentence that overlaps a labelled unit: its features, the rules
    that flag it, and per kind True / False (None: only doubtful units, left out as the shared
    scorer leaves them out)."""
    from sourcescore.api import Checker
    from sourcescore.plugins import load_plugins

    texts = {}
    for line in corpus.read_text(encoding="utf-8").splitlines():
        if line.strip():
            article = json.loads(line)
            texts[article["id"]] = article["text"]
    articles = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines()
                if line.strip()]
    checker = Checker(ROOT / "rules.toml", plugins=load_plugins(autoload=False))
    rows = []
    for article in articles:
        analysis = checker.analyse(texts[article["id"]])
        report = checker.report_for(article["id"], analysis)
        flagged = [(f.code, f.start, f.end) for f in report.findings]
        for sentence in analysis.sentences:
            units = [u for u in article["units"]
                     if u["start"] < sentence.end and sentence.start < u["end"]]
            if not units:
                continue
            clear = [u for u in units if not u.get("doubt")]
            rows.append({
                "publisher": article.get("publisher", "?"),
                "features": sentence_features(analysis, sentence, families),
                "rules": {code for code, s, e in flagged
                          if s < sentence.end and sentence.start < e},
                "gold": {kind: (any(bool(u[kind]) for u in clear) if clear else None)
                         for kind in RULES}})
    return rows


def _cross_validated(rows: list[dict], kind: str, c: float) -> list[bool]:
    """Each publisher's sentences decided by a model fitted, threshold included, without it."""
    flags = [False] * len(rows)
    for publisher in sorted({r["publisher"] for r in rows}):
        train = [r for r in rows if r["publisher"] != publisher]
        held = [i for i, r in enumerate(rows) if r["publisher"] == publisher]
        threshold = _threshold(train, kind, c)
        model = _fit(train, kind, c)
        for i, p in zip(held, _probabilities(model, [rows[i] for i in held]), strict=True):
            flags[i] = p >= threshold
    return flags


def _fit(rows: list[dict], kind: str, c: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    model = make_pipeline(DictVectorizer(), LogisticRegression(
        C=c, class_weight="balanced", max_iter=2000))
    return model.fit([r["features"] for r in rows], [bool(r["gold"][kind]) for r in rows])


def _probabilities(model, rows: list[dict]) -> list[float]:
    return list(model.predict_proba([r["features"] for r in rows])[:, 1]) if rows else []


def _threshold(rows: list[dict], kind: str, c: float) -> float:
    """The probability above which to flag, chosen for F1 by inner publisher folds."""
    scored: list[tuple[float, bool]] = []
    for publisher in sorted({r["publisher"] for r in rows}):
        inner = [r for r in rows if r["publisher"] != publisher]
        held = [r for r in rows if r["publisher"] == publisher]
        scored += zip(_probabilities(_fit(inner, kind, c), held),
                      [bool(r["gold"][kind]) for r in held], strict=True)
    candidates = [t / 100 for t in range(30, 99)]
    return max(candidates, key=lambda t: _f1([g for _, g in scored], [p >= t for p, _ in scored]))


def _f1(gold: list[bool], flags: list[bool]) -> float:
    hits = sum(g and f for g, f in zip(gold, flags, strict=True))
    return 2 * hits / max(1, sum(gold) + sum(flags))


def _figures(gold: list[bool], flags: list[bool]) -> str:
    hits = sum(g and f for g, f in zip(gold, flags, strict=True))
    p, r = hits / max(1, sum(flags)), hits / max(1, sum(gold))
    return (f"{sum(gold):>6}{sum(flags):>9}{p:>7.2f}{r:>7.2f}"
            f"{2 * p * r / (p + r) if p + r else 0:>7.2f}")


# The features. Each is named so that a model's weights read as reasons; all come from the
# shared analysis and the constructions' own findings, so a shipped model would add no parse.

_MODALS = frozenset("will would could may might should must can".split())
_NUMBER_LABELS = frozenset({"CARDINAL", "PERCENT", "MONEY", "QUANTITY"})
_ENTITY_LABELS = ("PERSON", "ORG", "GPE", "NORP", "DATE")


def sentence_features(analysis, sentence, families) -> dict[str, float]:
    """The named features of one sentence, each 1.0 unless it is a share."""
    wanted = set(families)
    found: dict[str, float] = {"bias": 1.0}
    if "construction" in wanted:
        found.update(_constructions(analysis, sentence))
    if "sourcing" in wanted:
        found.update(_sourcing(analysis, sentence))
    if "shape" in wanted:
        found.update(_shape(analysis, sentence))
    if "words" in wanted:
        found.update(_words(analysis, sentence))
    return found


def _constructions(analysis, sentence) -> dict[str, float]:
    found: dict[str, float] = {}
    for claim in claims_in(sentence, analysis):
        found[f"claim:{claim.name}"] = 1.0
        span = (claim.start, claim.end)
        covered = cover_figure(analysis, sentence, span) if claim.name == "figure" \
            else cover(analysis, sentence, span)
        found[f"claim:{claim.name}:{'covered' if covered else 'uncovered'}"] = 1.0
    for vague in find_vague(analysis, sentence):
        found[f"vague:{vague.construction.name}"] = 1.0
    for filler in find_filler(analysis, sentence):
        found[f"filler:{filler.construction.name}"] = 1.0
    return found


def _sourcing(analysis, sentence) -> dict[str, float]:
    found: dict[str, float] = {}
    for a in analysis.attributions_in_sentence(sentence.index):
        found[f"attribution:{a.source_type}"] = 1.0
        found["attribution:sourcing" if is_sourcing(a) else "attribution:other"] = 1.0
        if a.cue_lemma:
            found[f"cue:{a.cue_lemma}"] = 1.0
    if cover(analysis, sentence) is not None:
        found["covered:sentence"] = 1.0
    if any(is_sourcing(a) for a in analysis.attributions_in_paragraph(sentence.paragraph)):
        found["attribution:paragraph"] = 1.0
    if sentence.index > 0 and any(
            is_sourcing(a) for a in analysis.attributions_in_sentence(sentence.index - 1)):
        found["attribution:previous"] = 1.0
    quoted = sum(q.end - q.start for q in analysis.quotations
                 if sentence.start <= q.start and q.end <= sentence.end)
    if quoted:
        found["quoted share"] = min(1.0, quoted / max(1, sentence.end - sentence.start))
    if not needs_cover(sentence, analysis):
        found["not own words"] = 1.0
    return found


def _shape(analysis, sentence) -> dict[str, float]:
    words = sentence.words
    found: dict[str, float] = {f"role:{sentence.role}": 1.0, f"genre:{analysis.genre}": 1.0}
    if in_lede(analysis, sentence.index):
        found["lede"] = 1.0
    first = next((s.index for s in analysis.sentences if s.paragraph == sentence.paragraph),
                 sentence.index)
    found[f"place in paragraph:{min(sentence.index - first, 2)}"] = 1.0
    found[f"length:{_bucket(len(words), (10, 20, 35))}"] = 1.0
    if sentence.is_question:
        found["question"] = 1.0
    labels = sentence.entity_labels
    if labels & _NUMBER_LABELS:
        found["number"] = 1.0
    for label in _ENTITY_LABELS:
        if label in labels:
            found[f"entity:{label}"] = 1.0
    own = [w for w in words if not analysis.in_quotation(w.start, w.end)]
    for word in own:
        if word.tag == "MD" and word.lemma in _MODALS:
            found[f"modal:{word.lemma}"] = 1.0
        if word.text.lower() in ("i", "we", "my", "our"):
            found["first person"] = 1.0
    root = next((w for w in own if w.dep == "ROOT"), None)
    if root is not None and root.tag:
        found[f"root tag:{root.tag}"] = 1.0
    return found


def _words(analysis, sentence) -> dict[str, float]:
    found: dict[str, float] = {}
    for word in sentence.words:
        if analysis.in_quotation(word.start, word.end) or not word.lemma.isalpha():
            continue
        if word.pos in ("ADJ", "ADV") and word.lemma.lower() not in _PLAIN:
            found[f"{word.pos.lower()}:{word.lemma.lower()}"] = 1.0
        elif word.dep == "ROOT" and word.pos == "VERB":
            found[f"verb:{word.lemma.lower()}"] = 1.0
    return found


#: Adjectives and adverbs too common to carry judgement: left out so the vocabulary stays small.
_PLAIN = frozenset("""
also not so just only even still then now more most very as other new many much first last
such own same few next former back well there here ago about up out again already later
""".split())


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value < edge:
            return f"<{edge}"
    return f">={edges[-1]}"


if __name__ == "__main__":
    sys.exit(main())
