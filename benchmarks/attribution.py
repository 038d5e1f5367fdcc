#!/usr/bin/env python3
"""Score sourcescore's attribution extraction and wire-credit detection on a gold corpus.

Usage: python benchmarks/attribution.py [GOLD.jsonl] [--scorer PATH] [--keep DIR]

GOLD defaults to ../shared/eval/dev.jsonl (PolNeAR dev split). The extractor is exactly the one
`sourcescore check` uses, with the default configuration. Predictions are written in the shared
scorer's format and scored three ways:

* all gold kinds, every attribution the report lists;
* `--kinds direct`, the quotation attributions: those the report marks `direct` or `mixed`
  (content in quotation marks). This is the direct-quote task as the quotation extractors
  (textacy) are scored: the scorer counts any prediction touching no gold relation as a false
  positive, so an indirect attribution the annotators left out would otherwise count against
  direct quotes;
* `--kinds direct` again with every attribution, for reference.

Then each `pattern` (the constructions that produced the attribution, see
`sourcescore.analysis.attribution.REGISTRY`) is scored alone on all gold kinds: its precision,
and its recall as the share of all gold relations its predictions recover (the patterns' recalls
add up to about the overall recall).

Wire credits are scored against each article's `meta.wire` (a dateline, byline or credit line must
name that agency, and articles that are not wire copy must get none). The corpus is read at run
time and never copied.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "dev.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    parser.add_argument("--scorer", default=None, help="score_quotes.py (default: beside GOLD)")
    parser.add_argument("--keep", default=None, help="write predictions to this directory")
    args = parser.parse_args(argv)
    gold_path = Path(args.gold)
    if not gold_path.is_file():
        print(f"benchmark skipped: gold file {gold_path} not found")
        return 0
    scorer = Path(args.scorer) if args.scorer else gold_path.parent / "score_quotes.py"
    from sourcescore.api import Checker
    from sourcescore.model import COPY_FORMS

    docs = [json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()]
    checker = Checker()
    started = time.perf_counter()
    analyses = list(checker.analyse_many(d["text"] for d in docs))
    elapsed = time.perf_counter() - started
    out_dir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="sourcescore-bench-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    every = _write_predictions(out_dir / "predictions.jsonl", docs, analyses, None)
    quoted = _write_predictions(out_dir / "quotations.jsonl", docs, analyses, QUOTATION_KINDS)
    print(f"articles={len(docs)} attributions={sum(len(a.attributions) for a in analyses)} "
          f"seconds={elapsed:.1f} ms_per_article={1000 * elapsed / max(1, len(docs)):.0f}")
    runs = (("all kinds, all attributions", "direct,indirect,mixed", every),
            ("direct, quotation attributions", "direct", quoted),
            ("direct, all attributions (reference)", "direct", every))
    summary = []
    for number, (title, kinds, predictions) in enumerate(runs):
        print(f"\n## {title} (gold kinds: {kinds})")
        metrics = out_dir / f"metrics-{number}.json"
        result = subprocess.run([sys.executable, str(scorer), str(gold_path), str(predictions),
                                 "--kinds", kinds, "--json", str(metrics)],
                                capture_output=True, text=True, check=False)
        print(result.stdout.rstrip() or result.stderr.rstrip())
        if result.returncode == 0:
            summary.append((title, json.loads(metrics.read_text(encoding="utf-8"))))
    print("\n## summary (character Jaccard >= 0.5)")
    print(_summary_table(summary))
    print("\n## by pattern (all gold kinds; recall = share of all gold relations recovered)")
    print(_pattern_table(gold_path, scorer, out_dir, docs, analyses))
    print("\n## wire credits (dateline, byline, credit_line) against meta.wire")
    print(_wire_table(docs, analyses, COPY_FORMS))
    print("\n## source types (share of predicted attributions)")
    print(_source_type_table(analyses))
    return 0


#: Attribution kinds whose content is (partly) in quotation marks.
QUOTATION_KINDS = frozenset({"direct", "mixed"})


def _write_predictions(path: Path, docs, analyses, kinds) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for doc, analysis in zip(docs, analyses, strict=True):
            quotes = [_prediction(a) for a in analysis.attributions
                      if kinds is None or a.kind in kinds]
            fh.write(json.dumps({"id": doc["id"], "quotes": quotes}) + "\n")
    return path


def _summary_table(summary) -> str:
    lines = [f"{'run':<40}{'quote P':>9}{'R':>7}{'F1':>7}{'speaker P':>11}{'R':>7}{'F1':>7}"]
    for title, metrics in summary:
        row = metrics["rows"][metrics["main"]]
        quote, speaker = row["quote"], row["speaker"]
        lines.append(f"{title:<40}{quote['p']:>9.3f}{quote['r']:>7.3f}{quote['f1']:>7.3f}"
                     f"{speaker['p']:>11.3f}{speaker['r']:>7.3f}{speaker['f1']:>7.3f}")
    return "\n".join(lines)


def _pattern_table(gold_path: Path, scorer: Path, out_dir: Path, docs, analyses) -> str:
    patterns = sorted({a.pattern for analysis in analyses for a in analysis.attributions})
    lines = [f"{'pattern':<14}{'predicted':>10}{'quote P':>9}{'R':>7}{'speaker P':>11}{'R':>7}"]
    for pattern in patterns:
        path = out_dir / f"pattern-{pattern}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for doc, analysis in zip(docs, analyses, strict=True):
                quotes = [_prediction(a) for a in analysis.attributions if a.pattern == pattern]
                fh.write(json.dumps({"id": doc["id"], "quotes": quotes}) + "\n")
        metrics = out_dir / f"metrics-{pattern}.json"
        subprocess.run([sys.executable, str(scorer), str(gold_path), str(path), "--json",
                        str(metrics)], capture_output=True, text=True, check=True)
        row = json.loads(metrics.read_text(encoding="utf-8"))
        row = row["rows"][row["main"]]
        lines.append(f"{pattern:<14}{row['pred']:>10}{row['quote']['p']:>9.3f}"
                     f"{row['quote']['r']:>7.3f}{row['speaker']['p']:>11.3f}"
                     f"{row['speaker']['r']:>7.3f}")
    return "\n".join(lines)


def _prediction(attribution) -> dict:
    pieces = [list(f) for f in attribution.fragments] or [[attribution.content.start,
                                                           attribution.content.end]]
    source = attribution.source
    return {
        "quote": [pieces[0][0], pieces[-1][1]],
        "quote_fragments": pieces,
        "speaker": [source.start, source.end] if source else None,
        "speaker_text": source.text if source else None,
        "cue": [attribution.cue.start, attribution.cue.end] if attribution.cue else None,
        "kind": attribution.kind,
    }


def _source_type_table(analyses) -> str:
    """How the extractor typed its sources: `unknown` is what typing could not place."""
    every = Counter(a.source_type for analysis in analyses for a in analysis.attributions)
    total = sum(every.values()) or 1
    return "\n".join(f"{kind:<13}{count:>6}  {count / total:6.2%}"
                      for kind, count in sorted(every.items(), key=lambda kv: (-kv[1], kv[0])))


def _wire_table(docs, analyses, copy_forms) -> str:
    tp = fp = fn = 0
    for doc, analysis in zip(docs, analyses, strict=True):
        gold = doc.get("meta", {}).get("wire")
        found = {c.agency for c in analysis.wire_credits if c.form in copy_forms}
        if gold and gold in found:
            tp += 1
            fp += len(found - {gold})
        else:
            fn += bool(gold)
            fp += len(found)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return (f"wire articles={tp + fn} tp={tp} fp={fp} fn={fn} "
            f"precision={precision:.3f} recall={recall:.3f}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
