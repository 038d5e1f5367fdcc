#!/usr/bin/env python3
"""Can the largest story `check` accepts be checked inside the time it allows one file?

Usage: python benchmarks/limits.py [--sizes 500000,2000000]

Builds, from the seed articles, a story of each size in bytes (by default the default
`max_bytes`), checks it with `sourcescore check` in its own process with no file time limit,
and prints the wall-clock time beside the default `file_timeout`. The first row is
a plain one-seed check, the baseline of the same run. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def story_of(size: int) -> str:
    seeds = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    copies = max(1, size // len(seeds.encode("utf-8")))
    return seeds * copies


def timed_check(path: Path, config: Path) -> float:
    """Wall-clock seconds of one `sourcescore check`, start-up included."""
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "sourcescore", "check", str(path), "-f", "concise",
                    "--config", str(config)], cwd=ROOT, capture_output=True, check=False)
    return time.perf_counter() - began


def main() -> None:
    from sourcescore.config import GeneralSettings

    defaults = GeneralSettings()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=str(defaults.max_bytes),
                        help="comma-separated story sizes in bytes")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "rules.toml"
        config.write_text("[sourcescore]\nfile_timeout = 0\nfail_under = 0\n")
        rows = [("one seed (baseline)", sorted((ROOT / "seeds").glob("*.txt"))[1])]
        for size in sizes:
            path = Path(folder) / f"story-{size}.txt"
            path.write_text(story_of(size), encoding="utf-8")
            rows.append((f"{path.stat().st_size:,} bytes", path))
        print(f"default max_bytes {defaults.max_bytes:,}, default file_timeout "
              f"{defaults.file_timeout:g} s")
        print(f"{'story':<24}{'seconds':>9}{'of file_timeout':>17}")
        for name, path in rows:
            seconds = timed_check(path, config)
            print(f"{name:<24}{seconds:>9.1f}{seconds / defaults.file_timeout:>16.0%}")


if __name__ == "__main__":
    main()
