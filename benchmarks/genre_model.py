#!/usr/bin/env python3
"""Build the genre model from the editors' genres, and say how well it reads unseen publishers.

Usage: python benchmarks/genre_model.py [--labels PATH] [--corpus PATH] [--write]

The 297 dev articles of `../shared/eval/editorial/grades_dev.jsonl` carry the genre a standards
editor saw (news, analysis, opinion, transcript, list; "other" counts as news). Each is analysed
once (text from `../shared/eval/dev.jsonl`, read at run time, never copied) and measured by
`sourcescore.analysis.voice.VOICE_FEATURES`. A multinomial logistic regression (scikit-learn,
balanced classes, C = `C`) over news, analysis and opinion decides the stories the plain signs
(`genre_from_signs`: kickers, speaker labels, list rows, the first person ...) leave as news; a
genre other than news is given only when its probability beats news by the margin, chosen from
`MARGINS` for the best accuracy.

It prints the genre figures of the signs alone and of the signs with the model, the second
cross-validated twice over: each publisher in turn is held out, the margin is chosen by inner
publisher folds on the other six and the model fitted on them, and the held-out publisher's
stories are decided by it. `--write` fits the model on all 297 (margin by publisher folds) and
writes `sourcescore/analysis/data/genre_model.json`, the file `sourcescore` ships. Needs
`pip install scikit-learn`; skips with a message without it or without the labels.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))  # calibrate's loader of the graded articles

from sourcescore.analysis.genre import genre_from_signs  # noqa: E402
from sourcescore.analysis.voice import VOICE_FEATURES, VoiceModel, voice_features  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
MODEL = ROOT / "sourcescore" / "analysis" / "data" / "genre_model.json"
#: The genres the model weighs; transcripts and lists are left to their plain signs.
GENRES = ("analysis", "news", "opinion")
#: Inverse regularisation strength: strong, for 30 measures and 297 stories.
C = 0.03
#: How far a genre's probability must beat news's, tried in order.
MARGINS = (0.1, 0.2, 0.3, 0.4, 0.5)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", default=str(EVAL / "editorial" / "grades_dev.jsonl"))
    parser.add_argument("--corpus", default=str(EVAL / "dev.jsonl"))
    parser.add_argument("--write", action="store_true", help=f"write {MODEL.name}")
    args = parser.parse_args(argv)
    labels, corpus = Path(args.labels), Path(args.corpus)
    if not labels.is_file() or not corpus.is_file():
        print(f"genre model skipped: {labels} or {corpus} not found")
        return 0
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("genre model skipped: needs scikit-learn (pip install scikit-learn)")
        return 0
    stories = Stories.load(labels, corpus)
    signs = stories.signs
    print(f"{len(stories.gold)} graded stories, {sum(g != 'news' for g in stories.gold)} not "
          "news: " + ", ".join(f"{g} {n}" for g, n in sorted(Counter(stories.gold).items())))
    print("signs alone:           " + agreement(stories.gold, signs))
    decided, margins = stories.cross_validated()
    print("signs and model (CV):  " + agreement(stories.gold, decided))
    print("  margin chosen per held-out publisher: " +
          ", ".join(f"{p} {m}" for p, m in margins.items()))
    pairs = Counter(zip(stories.gold, decided, strict=True))
    print("  editors' genre -> decided: " + ", ".join(
        f"{g}->{d} {n}" for (g, d), n in sorted(pairs.items()) if g != d or g != "news"))
    if args.write:
        everyone = list(range(len(stories.gold)))
        model = stories.fit(everyone, stories.choose_margin(everyone))
        MODEL.write_text(json.dumps(as_json(model), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL.relative_to(ROOT)} (margin {model.margin})")
    return 0


def agreement(gold: list[str], decided: list[str]) -> str:
    """Accuracy, recall of the genres that are not news, and the news stories given another."""
    pairs = list(zip(gold, decided, strict=True))
    others = [(g, d) for g, d in pairs if g != "news"]
    accuracy = sum(g == d for g, d in pairs) / len(pairs)
    recall = sum(g == d for g, d in others) / len(others)
    false = sum(g == "news" != d for g, d in pairs)
    return f"accuracy {accuracy:.2f}, non-news recall {recall:.2f}, news taken for another " \
           f"genre {false}"


class Stories:
    """The graded stories, measured once: features, the plain signs' genre, the editors'."""

    def __init__(self, features, signs, gold, publishers):
        self.features, self.signs, self.gold, self.publishers = \
            features, signs, gold, publishers

    @classmethod
    def load(cls, labels: Path, corpus: Path) -> Stories:
        from calibrate import graded_articles

        from sourcescore.api import Checker
        from sourcescore.plugins import load_plugins

        articles, texts = graded_articles(labels, corpus)
        checker = Checker(ROOT / "rules.toml", plugins=load_plugins(autoload=False))
        features, signs = [], []
        for analysis in checker.analyse_many(texts[a["id"]] for a in articles):
            parts = (analysis.sentences, analysis.attributions, analysis.in_quotation)
            features.append(voice_features(*parts))
            sign = genre_from_signs(analysis.paragraphs, *parts)
            signs.append(sign[0] if sign else "news")
        return cls(features, signs, ["news" if a.get("genre", "news") == "other" else a["genre"]
                                     for a in articles],
                   [a.get("publisher") or a["id"].split("/")[1].split("_")[0] for a in articles])

    def fit(self, indexes: list[int], margin: float) -> VoiceModel:
        import numpy as np
        from sklearn.linear_model import LogisticRegression
        from sklearn.preprocessing import StandardScaler

        rows = [i for i in indexes if self.gold[i] in GENRES]
        names = [f.name for f in VOICE_FEATURES]
        x = np.array([[self.features[i][n] for n in names] for i in rows])
        scaler = StandardScaler().fit(x)
        model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
        model.fit(scaler.transform(x), [self.gold[i] for i in rows])
        return VoiceModel(tuple(names), tuple(str(g) for g in model.classes_),
                          tuple(float(v) for v in scaler.mean_),
                          tuple(float(v) for v in scaler.scale_),
                          tuple(tuple(float(w) for w in row) for row in model.coef_),
                          tuple(float(b) for b in model.intercept_), margin)

    def decide(self, model: VoiceModel, indexes: list[int]) -> dict[int, str]:
        """Each story's genre: its plain signs', else the model's, else news."""
        out = {}
        for i in indexes:
            voiced = model.decide(self.features[i]) if self.signs[i] == "news" else None
            out[i] = voiced[0] if voiced else self.signs[i]
        return out

    def choose_margin(self, indexes: list[int]) -> float:
        """The margin with the best accuracy over publisher folds of `indexes` (ties: the one
        with better non-news recall, then the smaller)."""
        publishers = sorted({self.publishers[i] for i in indexes})
        best: tuple[float, float, float] | None = None
        for margin in MARGINS:
            decided: dict[int, str] = {}
            for held in publishers:
                train = [i for i in indexes if self.publishers[i] != held]
                tested = [i for i in indexes if self.publishers[i] == held]
                decided.update(self.decide(self.fit(train, margin), tested))
            hits = [self.gold[i] == decided[i] for i in indexes]
            others = [self.gold[i] == decided[i] for i in indexes if self.gold[i] != "news"]
            key = (sum(hits) / len(hits), sum(others) / max(len(others), 1), -margin)
            if best is None or key > best:
                best = key
        assert best is not None
        return -best[2]

    def cross_validated(self) -> tuple[list[str], dict[str, float]]:
        """Every story decided by a model fitted, margin and all, without its publisher."""
        decided, margins = list(self.signs), {}
        for held in sorted(set(self.publishers)):
            train = [i for i, p in enumerate(self.publishers) if p != held]
            tested = [i for i, p in enumerate(self.publishers) if p == held]
            margins[held] = self.choose_margin(train)
            for i, genre in self.decide(self.fit(train, margins[held]), tested).items():
                decided[i] = genre
        return decided, margins


def as_json(model: VoiceModel) -> dict:
    """The model as the shipped file holds it, rounded so that a rebuild diffs cleanly."""
    return {"about": "sourcescore.analysis.voice: rebuilt by benchmarks/genre_model.py --write",
            "features": list(model.features), "genres": list(model.genres),
            "means": [round(v, 6) for v in model.means],
            "scales": [round(v, 6) for v in model.scales],
            "weights": [[round(w, 6) for w in row] for row in model.weights],
            "intercepts": [round(b, 6) for b in model.intercepts], "margin": model.margin}


if __name__ == "__main__":
    sys.exit(main())
