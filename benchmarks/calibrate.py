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
the genres that are not news; in-sample, since the shipped genre model was fitted on these
genres: `benchmarks/genre_model.py` cross-validates it). The rules' findings and sub-scores do
not depend on the fold, so the fold is then recomputed for each candidate:

* `curve` (`[sourcescore] curve`, the power sub-scores are raised to) is chosen from a grid:
  the gentlest whose Spearman's rho between scores and grades is within 0.02 of the best.
  Cross-validated two ways - leave one publisher out, and five folds - the curve is fitted on
  the other articles and the held-out ones scored, and rho is computed over all out-of-fold
  scores together: the figure that predicts unseen stories. The in-sample rho and the spread
  of the scores are printed too.
* the weight of second-hand sourcing (SRC201, `FITTED_RULE`) and how much a second-hand
  attribution counts towards its sub-score (`second_hand_credit`, `FITTED_CREDITS`) are fitted
  with the curve, from a grid, among the triples that keep the seed stories in the order their
  sourcing calls for
  (`SEED_TIERS`: the two versions that keep their credits and name their sources, then the
  two rewrites, then the heavy rewrite), each tier `SEED_MARGIN` points clear of the next.
  Second-hand sourcing is what the editors' grades follow most among the rules' figures; this
  fit is the one `rules.toml` ships.
* all rule weights fitted together (coordinate search over a grid, no seed order) are
  cross-validated for comparison: they reorder the seed stories against what their sourcing
  shows, so they are printed, not shipped.

`--write` puts the fitted curve, SRC201 weight and credit into the configuration file (the
credit's default in `plugins/agency_attribution.py` must be set to match);
`--corpus-bands` also checks every article of the corpus and prints the share in each score
band. Skips with a message when the labels are not there.
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
#: The rule whose weight is fitted with the curve, and the weights tried.
FITTED_RULE = "SRC201"
FITTED_WEIGHTS = [0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 10.0, 12.0]
#: What a second-hand attribution may count towards SRC201's sub-score, against 1 first-hand.
FITTED_CREDITS = [0.2, 0.3, 0.4, 0.5, 0.6]
#: The seed stories (by file-name prefix) from best sourced to worst: every story of a tier
#: must score above every story of the tiers after it (see seeds/README.md).
SEED_TIERS = (("001", "003"), ("000", "004"), ("002",))
#: Points by which each tier must lead the next, so that the order a fit keeps is not a knife
#: edge that the next change to any rule tips over.
SEED_MARGIN = 2.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", default=str(EVAL / "editorial" / "grades_dev.jsonl"))
    parser.add_argument("--corpus", default=str(EVAL / "dev.jsonl"))
    parser.add_argument("--config", default=str(ROOT / "rules.toml"))
    parser.add_argument("--write", action="store_true",
                        help="write the fitted curve, SRC201 weight and credit")
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
        curve, weight, credit = study.best_curve_and_weight(list(range(len(study.grades))))
        write_fit(Path(args.config), curve, weight, credit)
    return 0


def graded_articles(labels: Path, corpus: Path) -> tuple[list[dict], dict[str, str]]:
    """The graded articles (one JSON object a line) and the corpus texts by article id."""
    articles = [json.loads(line) for line in labels.read_text("utf-8").splitlines() if line]
    texts = {}
    for line in corpus.read_text("utf-8").splitlines():
        if line:
            doc = json.loads(line)
            texts[doc["id"]] = doc["text"]
    return articles, texts


class Study:
    """The graded articles, checked once, and every fold of them the fit needs."""

    def __init__(self, checker, verdicts, grades, publishers, genres=(), editors_genres=(),
                 seeds=None):
        self.checker, self.verdicts = checker, verdicts
        self.grades, self.publishers = grades, publishers
        self.genres, self.editors_genres = list(genres), list(editors_genres)
        self.seeds = seeds or {}  # seed prefix -> verdict

    @classmethod
    def load(cls, labels: Path, corpus: Path, config: Path) -> Study:
        from sourcescore.api import Checker, with_page_facts
        from sourcescore.engine import judge
        from sourcescore.plugins import load_plugins
        from sourcescore.prepare import PageMeta

        articles, texts = graded_articles(labels, corpus)
        checker = Checker(config, plugins=load_plugins(autoload=False))
        verdicts, genres = [], []
        analyses = checker.analyse_many(texts[article["id"]] for article in articles)
        for analysis in analyses:
            analysis, _ = with_page_facts(analysis, PageMeta(), checker.config)
            verdicts.append(judge(analysis, checker.rules, checker.config))
            genres.append(analysis.genre)
        seed_files = sorted((ROOT / "seeds").glob("0*.txt"))
        seeds = {}
        for path, analysis in zip(seed_files, checker.analyse_many(
                p.read_text(encoding="utf-8") for p in seed_files), strict=True):
            analysis, _ = with_page_facts(analysis, PageMeta(), checker.config)
            seeds[path.name[:3]] = judge(analysis, checker.rules, checker.config)
        return cls(checker, verdicts, [a["grade"] for a in articles],
                   [a.get("publisher") or a["id"].split("/")[1].split("_")[0] for a in articles],
                   genres, [a.get("genre", "news") for a in articles], seeds)

    def scores(self, indexes, curve: float, weights: dict[str, float] | None = None,
               credit: float | None = None) -> list:
        return self._scores([self.verdicts[i] for i in indexes], curve, weights, credit)

    def _scores(self, verdicts, curve: float, weights: dict[str, float] | None = None,
                credit: float | None = None) -> list:
        from sourcescore.engine import settle

        config = self.checker.config
        config = replace(config, general=replace(config.general, curve=curve))
        out = []
        for verdict in verdicts:
            if weights or credit is not None:
                verdict = replace(verdict, results=tuple(
                    _refitted(r, weights or {}, credit) for r in verdict.results))
            settled = settle(verdict, verdict.findings, config)
            out.append(settled.score if settled.score is not None else 100.0)
        return out

    def seed_order_kept(self, curve: float, weights: dict[str, float] | None = None,
                        credit: float | None = None) -> bool:
        """Every seed story of a tier (`SEED_TIERS`) scores `SEED_MARGIN` points above every
        story of the tiers after it; true when the seeds are not there to check."""
        if not self.seeds:
            return True
        found = dict(zip(self.seeds, self._scores(list(self.seeds.values()), curve, weights,
                                                  credit), strict=True))
        tiers = [[found[name] for name in tier] for tier in SEED_TIERS]
        return all(min(upper) >= max(lower) + SEED_MARGIN
                   for upper, lower in zip(tiers, tiers[1:], strict=False))

    def best_curve_and_weight(self, indexes) -> tuple[float, float, float]:
        """The curve, `FITTED_RULE`'s weight and its second-hand credit with the best rho on
        `indexes` among the triples that keep the seed order (on a tie: the gentlest curve,
        the lightest weight, the larger credit)."""
        triples = [(c, w, k) for c in CURVES for w in FITTED_WEIGHTS for k in FITTED_CREDITS
                   if self.seed_order_kept(c, {FITTED_RULE: w}, k)]
        return max(triples, key=lambda t: (
            round(self.rho(indexes, t[0], {FITTED_RULE: t[1]}, t[2]), 9), -t[0], -t[1], t[2]))

    def rho(self, indexes, curve, weights=None, credit: float | None = None) -> float:
        return spearman(self.scores(indexes, curve, weights, credit),
                        [self.grades[i] for i in indexes])

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

    def cross_validated(self, fit: str) -> dict[str, float]:
        """Spearman's rho of out-of-fold scores, each fold scored by a fit made without it:
        `fit` is "curve", "curve+weight" (the curve and `FITTED_RULE`'s weight, seed order
        kept) or "all weights"."""
        found = {}
        for name, folds in self.folds().items():
            predicted = [0.0] * len(self.grades)
            for test in folds:
                train = [i for i in range(len(self.grades)) if i not in test]
                weights: dict[str, float] | None = None
                credit: float | None = None
                if fit == "all weights":
                    curve, weights = self.best_weights(train)
                elif fit == "curve+weight":
                    curve, weight, credit = self.best_curve_and_weight(train)
                    weights = {FITTED_RULE: weight}
                else:
                    curve = self.best_curve(train)
                for i, score in zip(test, self.scores(test, curve, weights, credit),
                                    strict=True):
                    predicted[i] = score
            found[name] = spearman(predicted, self.grades)
        return found

    def report(self) -> None:
        everyone = list(range(len(self.grades)))
        configured = self.checker.config.general.curve
        print(f"articles={len(everyone)} publishers={len(set(self.publishers))}")
        shipped = self.scores(everyone, configured)
        print(f"as configured (curve {configured}, the configuration's weights): in-sample "
              f"rho={self.rho(everyone, configured):.3f} mean={sum(shipped) / len(shipped):.1f} "
              f"sd={spread(shipped):.1f}, seed order kept: {self.seed_order_kept(configured)}")
        print("in-sample rho by curve: " + ", ".join(
            f"{c:g}: {self.rho(everyone, c):.3f}" for c in CURVES))
        curve = self.best_curve(everyone)
        print(f"fitted curve {curve}: in-sample rho={self.rho(everyone, curve):.3f} "
              f"sd={spread(self.scores(everyone, curve)):.1f}")
        for name, value in self.cross_validated("curve").items():
            print(f"  curve fitted, cross-validated ({name}): rho={value:.3f}")
        fitted_curve, weight, credit = self.best_curve_and_weight(everyone)
        fitted = {FITTED_RULE: weight}
        in_sample = self.rho(everyone, fitted_curve, fitted, credit)
        print(f"curve, {FITTED_RULE} weight and credit fitted, seed order kept: curve "
              f"{fitted_curve}, {FITTED_RULE} {weight}, second_hand_credit {credit}: in-sample "
              f"rho={in_sample:.3f} "
              f"sd={spread(self.scores(everyone, fitted_curve, fitted, credit)):.1f}")
        for name, value in self.cross_validated("curve+weight").items():
            print(f"  curve, {FITTED_RULE} weight and credit fitted, cross-validated ({name}): "
                  f"rho={value:.3f}")
        for name, value in self.cross_validated("all weights").items():
            print(f"  curve and all weights fitted, no seed order, cross-validated ({name}): "
                  f"rho={value:.3f}")
        from sourcescore.scoring import BANDS

        print("score bands as configured (grades of the stories in each):")
        for low, band in BANDS:
            inside = [i for i in everyone if shipped[i] >= low and
                      all(shipped[i] < top for top, _ in BANDS if top > low)]
            grades = sorted(self.grades[i] for i in inside)
            print(f"  {band:<13} {low:>3}+  {len(inside):>2} stories, grades {grades}")
        held = self.held_grades()
        low = sum(g <= 3 for g in held) / len(held) if held else float("nan")
        print(f"held stories (configured): {len(held)}, graded <= 3: {low:.0%} "
              f"(grades {sorted(held)})")
        accuracy, recall = self.genre_agreement()
        print(f"genre: accuracy {accuracy:.2f}, recall of the genres that are not news "
              f"{recall:.2f} (in-sample: the shipped genre model was fitted on these stories; "
              "benchmarks/genre_model.py prints its publisher-fold figure)")
        lopo = self.cross_validated("curve+weight")["leave one publisher out"]
        print(f"curve={configured} cv_rho_lopo={lopo:.3f} "
              f"in_sample_rho={self.rho(everyone, configured):.3f} sd={spread(shipped):.2f} "
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


def _refitted(result, weights: dict[str, float], credit: float | None):
    """A rule's result under a trial weight, and SRC201's sub-score under a trial credit
    (recomputed from the counts the rule reports, by the rule's own formula)."""
    result = replace(result, weight=weights.get(result.code, result.weight))
    if credit is None or result.code != FITTED_RULE or result.score is None:
        return result
    from sourcescore_plugins.agency_attribution import sub_score

    counts = dict(result.metrics)
    return replace(result, score=sub_score(counts["first_hand"], counts["second_hand"], credit))


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


def write_fit(config: Path, curve: float, weight: float, credit: float) -> None:
    """Put the fitted curve and `FITTED_RULE`'s weight and credit into the configuration."""
    text = config.read_text(encoding="utf-8")
    text, count = re.subn(r"(?m)^curve = .*$", f"curve = {curve}", text)
    table = re.escape(f"[rules.{FITTED_RULE}]")
    found = []
    for key, value in (("weight", weight), ("second_hand_credit", credit)):
        text, n = re.subn(rf"(?ms)(^{table}[^\n]*\n(?:(?!\[).*?\n)*?){key} = [^\n]*",
                          rf"\g<1>{key} = {value}", text)
        found.append(n)
    if count != 1 or found != [1, 1]:
        raise SystemExit(f"{config}: expected one `curve = ...` line and one [rules."
                         f"{FITTED_RULE}] weight and second_hand_credit, found {count}, {found}")
    config.write_text(text, encoding="utf-8")
    print(f"wrote curve = {curve}, {FITTED_RULE} weight = {weight} and second_hand_credit = "
          f"{credit} to {config}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
