#!/usr/bin/env python3
"""Score sourcescore's findings and article scores against a standards editor's labels.

Usage: python benchmarks/editorial.py [--labels PATH] [--corpus PATH] [--show N] [--keep DIR]
                                      [--folds]

The labels (`../shared/eval/editorial/labels_dev.jsonl`, 114 PolNeAR dev articles marked
sentence by sentence with what an editor flags, each graded 1-5) and the corpus they index
(`../shared/eval/dev.jsonl`) are read at run time and never copied. The articles are checked
exactly as `sourcescore check DIR -f json` checks them (the default configuration, through the
same `Checker`), and the shared scorer (`score_editorial.py`, beside the labels) prints precision
and recall per category, and Spearman's rho between the article scores and the editors' grades.
Skips with a message when the labels are not there.

`--folds` adds the figures per publisher fold (7 publishers): each fold's articles scored on
their own, beside the pooled figure. The built-in rules have no parameter fitted to these labels,
so every fold is judged by rules chosen without it and the pooled figure is the cross-validated
one; the per-fold spread shows whether a rule holds from one publisher's house style to the next.
A learned or tuned component must be fitted inside the folds before its figure counts here.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
DEFAULT_LABELS = EVAL / "editorial" / "labels_dev.jsonl"
DEFAULT_CORPUS = EVAL / "dev.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", default=str(DEFAULT_LABELS))
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--config", default=str(ROOT / "rules.toml"))
    parser.add_argument("--show", type=int, default=0, help="misses and false alarms to print")
    parser.add_argument("--keep", default=None, help="write the articles and report here")
    parser.add_argument("--folds", action="store_true",
                        help="also score each publisher's articles on their own")
    args = parser.parse_args(argv)
    labels, corpus = Path(args.labels), Path(args.corpus)
    if not labels.is_file() or not corpus.is_file():
        print(f"benchmark skipped: {labels} or {corpus} not found")
        return 0
    scorer = labels.parent / "score_editorial.py"
    out = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="sourcescore-ed-"))
    docs = out / "docs"
    subprocess.run([sys.executable, str(scorer), "--corpus", str(corpus), "--labels",
                    str(labels), "--write-docs", str(docs)], check=True, capture_output=True)
    report = out / "report.json"
    report.write_text(_report(sorted(docs.glob("*.txt")), args.config), encoding="utf-8")
    command = [sys.executable, str(scorer), "--corpus", str(corpus), "--labels", str(labels),
               "--report", str(report)]
    if args.show:
        command += ["--show", str(args.show)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    print(result.stdout.rstrip() or result.stderr.rstrip())
    if args.folds and result.returncode == 0:
        print()
        print(_fold_table(scorer, corpus, labels, report, out))
    return result.returncode


def _fold_table(scorer: Path, corpus: Path, labels: Path, report: Path, out: Path) -> str:
    """Precision / recall per category for each publisher's articles, scored on their own."""
    import json

    by_publisher: dict[str, list[str]] = {}
    for line in labels.read_text(encoding="utf-8").splitlines():
        if line.strip():
            by_publisher.setdefault(json.loads(line).get("publisher", "?"), []).append(line)
    folds = {}
    for publisher, lines in sorted(by_publisher.items()):
        subset = out / f"labels-{publisher}.jsonl"
        subset.write_text("\n".join(lines) + "\n", encoding="utf-8")
        result = subprocess.run([sys.executable, str(scorer), "--corpus", str(corpus),
                                 "--labels", str(subset), "--report", str(report)],
                                capture_output=True, text=True, check=True)
        folds[f"{publisher} ({len(lines)})"] = figures(result.stdout)
    categories = [k[:-2] for k in next(iter(folds.values())) if k.endswith("_p")]
    rows = [f"{'publisher fold (articles)':<26}" +
            "".join(f"{SHORT.get(c, c[:14]):>16}" for c in categories)]
    rows += [f"{name:<26}" + "".join(_pr(values, c) for c in categories)
             for name, values in folds.items()]
    rows.append("(P / R per category; 0.00 / 0.00: no correct finding of the kind in the fold, "
                "whether or not it has gold units)")
    return "\n".join(rows)


#: Column names for the scorer's categories.
SHORT = {"claim_needs_source": "claims", "vague_attribution": "vague",
         "anonymous_without_reason": "anonymous", "filler": "filler",
         "loaded_verb": "loaded", "second_hand": "second-hand"}


def _pr(values: dict[str, float], category: str) -> str:
    p, r = values.get(f"{category}_p"), values.get(f"{category}_r")
    shown = [("n/a" if v is None or v != v else f"{v:.2f}") for v in (p, r)]
    return f"{shown[0] + ' / ' + shown[1]:>16}"


def _report(paths: list[Path], config: str) -> str:
    """The JSON report `sourcescore check PATHS -f json` prints, made in this process."""
    import io

    from sourcescore.api import Checker
    from sourcescore.plugins import load_plugins

    checker = Checker(config, plugins=load_plugins(autoload=False))  # the built-in rules only
    files = list(checker.check_texts((str(p), p.read_text(encoding="utf-8")) for p in paths))
    out = io.StringIO()
    checker.plugins.formats["json"].render(checker.report(files), out, None)
    return out.getvalue()


def figures(output: str) -> dict[str, float]:
    """The scorer's last line (`key=value ...`) as numbers."""
    last = output.strip().splitlines()[-1]
    return {k: float(v) for k, v in re.findall(r"(\w+)=([-\d.nan]+)", last)}


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
