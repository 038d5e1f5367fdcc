#!/usr/bin/env python3
"""Fit the score's curve to standards editors' grades, and say how well it predicts new stories.

Usage: python benchmarks/calibrate.py [--labels PATH] [--corpus PATH] [--config PATH] [--write]
                                      [--corpus-bands]

The 297 dev articles of `../shared/eval/editorial/grades_dev.jsonl`, each graded 1-5 for sourcing
by a standards editor's reading (with the genre the editor saw), are checked once with the
built-in rules under the configuration (read at run time from `../shared/eval/dev.jsonl`, never
copied). It prints what the score must get right on unseen stories: rank agreement with the
grades (Spearman's rho, in-sample and cross-validated by publisher), the spread of the scores,
how many held stories the editors graded 3 or below, and the genre (accuracy, and the recall of
the genres that are not news). The rules' findings and sub-scores do not depend on the fold, so
the fold is then recomputed for each candidate:

* `curve` (`[sourcescore] curve`, the power sub-scores are raised to) is chosen from a grid:
  the gentlest whose Spearman's rho between scores and grades is within 0.02 of the best.
  Cross-validated two ways - leave one publisher out, and five folds - the curve is fitted on
  the other articles and the held-out ones scored, and rho is computed over all out-of-fold
  scores together: the figure that predicts unseen stories. The in-sample rho and the spread
  of the scores are printed too.
* rule weights fitted the same way (coordinate search over a grid) are cross-validated for
  comparison. The weights stay the ones set by hand in `rules.toml`: the fitted ones raise the
  cross-validated rho only a little and reorder the seed stories against what their sourcing
  shows (see the README); the script prints both figures so that can be re-judged.

`--write` puts the fitted curve into the configuration file; `--corpus-bands` also checks every
article of the corpus and prints the share in each score band. Skips with a message when the
labels are not there.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
CURVES = [1.0, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 2.75, 3.0, 3.5, 4.0, 4.5, 5.0]
WEIGHTS = [0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0]
#: How much rank agreement a steeper curve must add to be chosen over a gentler one.
TOLERANCE = 0.02


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", default=str(EVAL / "editorial" / "grades_dev.jsonl"))
    parser.add_argument("--corpus", default=str(EVAL / "dev.jsonl"))
    parser.add_argument("--config", default=str(ROOT / "rules.toml"))
    parser.add_argument("--write", action="store_true", help="write the fitted curve")
    parser.add_argument("--corpus-bands", action="store_true",
                        help="also check every corpus article and print how they fall into "
                             "the score bands")
    args = parser.parse_args(argv)
    labels, corpus = Path(args.labels), Path(args.corpus)
    if not labels.is_file() or not corpus.is_file():
        print(f"calibration skipped: {labels} or {corpus} not found")
        return 0
    study = Study.load(labels, corpus, Path(args.config))
    study.report()
    if args.corpus_bands:
        print(corpus_bands(study.checker, corpus))
    if args.write:
        write_curve(Path(args.config), study.best_curve(list(range(len(study.grades)))))
    return 0


class Study:
    """The graded articles, checked once, and every fold of them the fit needs."""

    def __init__(self, checker, verdicts, grades, publishers, genres=(), editors_genres=()):
        self.checker, self.verdicts = checker, verdicts
        self.grades, self.publishers = grades, publishers
        self.genres, self.editors_genres = list(genres), list(editors_genres)

    @classmethod
    def load(cls, labels: Path, corpus: Path, config: Path) -> Study:
        from sourcescore.api import Checker, with_page_facts
        from sourcescore.engine import judge
        from sourcescore.plugins import load_plugins
        from sourcescore.prepare import PageMeta

        articles = [json.loads(line) for line in labels.read_text("utf-8").splitlines() if line]
        texts = {}
        for line in corpus.read_text("utf-8").splitlines():
            if line:
                doc = json.loads(line)
                texts[doc["id"]] = doc["text"]
        checker = Checker(config, plugins=load_plugins(autoload=False))
        verdicts, genres = [], []
        analyses = checker.analyse_many(texts[article["id"]] for article in articles)
        for analysis in analyses:
            analysis, _ = with_page_facts(analysis, PageMeta(), checker.config)
            verdicts.append(judge(analysis, checker.rules, checker.config))
            genres.append(analysis.genre)
        return cls(checker, verdicts, [a["grade"] for a in articles],
                   [a.get("publisher") or a["id"].split("/")[1].split("_")[0] for a in articles],
                   genres, [a.get("genre", "news") for a in articles])

    def scores(self, indexes, curve: float, weights: dict[str, float] | None = None) -> list:
        from sourcescore.engine import settle

        config = self.checker.config
        config = replace(config, general=replace(config.general, curve=curve))
        if weights:
            config = replace(config, rules={c: replace(s, weight=weights.get(c, s.weight))
                                            for c, s in config.rules.items()})
            config = replace(config, genres={})  # weights fitted for all genres at once
        out = []
        for i in indexes:
            verdict = self.verdicts[i]
            if weights:
                verdict = replace(verdict, results=tuple(
                    replace(r, weight=weights.get(r.code, r.weight)) for r in verdict.results))
            settled = settle(verdict, verdict.findings, config)
            out.append(settled.score if settled.score is not None else 100.0)
        return out

    def rho(self, indexes, curve, weights=None) -> float:
        return spearman(self.scores(indexes, curve, weights), [self.grades[i] for i in indexes])

    def best_curve(self, indexes) -> float:
        """The gentlest curve whose rho is within `TOLERANCE` of the best: past the knee, a
        steeper curve buys no ranking and makes one rule's lapse dominate the score."""
        found = {c: self.rho(indexes, c) for c in CURVES}
        best = max(found.values())
        return min(c for c, value in found.items() if value >= best - TOLERANCE)

    def best_weights(self, indexes) -> tuple[float, dict[str, float]]:
        curve = self.best_curve(indexes)
        weights = {r.code: r.weight for r in self.verdicts[0].results}
        best = self.rho(indexes, curve, weights)
        for _ in range(2):
            for code in list(weights):
                for value in WEIGHTS:
                    trial = {**weights, code: value}
                    if any(v > 0 for v in trial.values()):
                        found = self.rho(indexes, curve, trial)
                        if found > best + 1e-9:
                            best, weights = found, trial
        return curve, weights

    def folds(self) -> dict[str, list[list[int]]]:
        everyone = list(range(len(self.grades)))
        publishers = sorted(set(self.publishers))
        order = everyone[:]
        random.Random(0).shuffle(order)
        return {"leave one publisher out": [[i for i in everyone if self.publishers[i] == p]
                                            for p in publishers],
                "5-fold": [order[k::5] for k in range(5)]}

    def cross_validated(self, fit_weights: bool) -> dict[str, float]:
        found = {}
        for name, folds in self.folds().items():
            predicted = [0.0] * len(self.grades)
            for test in folds:
                train = [i for i in range(len(self.grades)) if i not in test]
                if fit_weights:
                    curve, weights = self.best_weights(train)
                else:
                    curve, weights = self.best_curve(train), None
                for i, score in zip(test, self.scores(test, curve, weights), strict=True):
                    predicted[i] = score
            found[name] = spearman(predicted, self.grades)
        return found

    def report(self) -> None:
        everyone = list(range(len(self.grades)))
        configured = self.checker.config.general.curve
        print(f"articles={len(everyone)} publishers={len(set(self.publishers))}")
        print(f"configured curve {configured}: in-sample rho={self.rho(everyone, configured):.3f}"
              f" sd={spread(self.scores(everyone, configured)):.1f}")
        print("in-sample rho by curve: " + ", ".join(
            f"{c:g}: {self.rho(everyone, c):.3f}" for c in CURVES))
        curve = self.best_curve(everyone)
        scores = self.scores(everyone, curve)
        print(f"fitted curve {curve}: in-sample rho={self.rho(everyone, curve):.3f} "
              f"mean={sum(scores) / len(scores):.1f} sd={spread(scores):.1f}")
        for name, value in self.cross_validated(fit_weights=False).items():
            print(f"  curve fitted, cross-validated ({name}): rho={value:.3f}")
        for name, value in self.cross_validated(fit_weights=True).items():
            print(f"  curve and weights fitted, cross-validated ({name}): rho={value:.3f}")
        from sourcescore.scoring import BANDS

        print("score bands at the fitted curve (grade: scores):")
        for low, band in BANDS:
            inside = [i for i in everyone if scores[i] >= low and
                      all(scores[i] < top for top, _ in BANDS if top > low)]
            grades = sorted(self.grades[i] for i in inside)
            print(f"  {band:<13} {low:>3}+  {len(inside):>2} stories, grades {grades}")
        held = self.held_grades()
        low = sum(g <= 3 for g in held) / len(held) if held else float("nan")
        print(f"held stories (configured): {len(held)}, graded <= 3: {low:.0%} "
              f"(grades {sorted(held)})")
        accuracy, recall = self.genre_agreement()
        print(f"genre: accuracy {accuracy:.2f}, recall of the genres that are not news "
              f"{recall:.2f}")
        lopo = self.cross_validated(False)["leave one publisher out"]
        print(f"curve={curve} cv_rho_lopo={lopo:.3f} "
              f"in_sample_rho={self.rho(everyone, curve):.3f} sd={spread(scores):.2f} "
              f"held_low_share={low:.2f} genre_accuracy={accuracy:.2f} "
              f"non_news_recall={recall:.2f}")

    def held_grades(self) -> list[int]:
        """The grades of the stories an error finding holds under the configuration."""
        from sourcescore.engine import settle

        config = self.checker.config
        return [grade for verdict, grade in zip(self.verdicts, self.grades, strict=True)
                if settle(verdict, verdict.findings, config).unheld is not None]

    def genre_agreement(self) -> tuple[float, float]:
        """How often the reported genre is the editors' ("other" counts as news), and the
        share of the editors' non-news stories given their genre."""
        if not self.genres:
            return float("nan"), float("nan")
        editors = ["news" if g == "other" else g for g in self.editors_genres]
        pairs = list(zip(editors, self.genres, strict=True))
        non_news = [(e, g) for e, g in pairs if e != "news"]
        return (sum(e == g for e, g in pairs) / len(pairs),
                sum(e == g for e, g in non_news) / len(non_news) if non_news else float("nan"))


def corpus_bands(checker, corpus: Path) -> str:
    """How every article of the corpus falls into the score bands (as `check` scores it)."""
    from sourcescore.scoring import BANDS, band

    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    reports = checker.check_texts((f"{n}.txt", text) for n, text in enumerate(texts))
    scores = sorted(r.score for r in reports if r.score is not None)
    counts: dict[str, int] = {}
    for score in scores:
        counts[band(score)] = counts.get(band(score), 0) + 1
    shares = ", ".join(f"{name} {100 * counts.get(name, 0) / len(scores):.0f}%"
                       for _, name in BANDS)
    return (f"corpus bands over {len(scores)} scored articles: {shares} "
            f"(median {scores[len(scores) // 2]:.0f})")


def spearman(xs: list[float], ys: list[float]) -> float:
    """Spearman's rho with average ranks for ties."""
    def ranks(values):
        order = sorted(range(len(values)), key=lambda i: values[i])
        result = [0.0] * len(values)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
                j += 1
            for k in range(i, j + 1):
                result[order[k]] = (i + j) / 2
            i = j + 1
        return result
    rx, ry = ranks(xs), ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    num = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    den = math.sqrt(sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry))
    return num / den if den else 0.0


def spread(values: list[float]) -> float:
    mean = sum(values) / len(values)
    return math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))


def write_curve(config: Path, curve: float) -> None:
    text = config.read_text(encoding="utf-8")
    updated, count = re.subn(r"(?m)^curve = .*$", f"curve = {curve}", text)
    if count != 1:
        raise SystemExit(f"{config}: expected one `curve = ...` line, found {count}")
    config.write_text(updated, encoding="utf-8")
    print(f"wrote curve = {curve} to {config}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
