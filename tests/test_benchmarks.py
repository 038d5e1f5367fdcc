"""The attribution benchmark: three scored runs and a summary, from a gold file written here."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score_quotes.py"


def _benchmark():
    spec = importlib.util.spec_from_file_location("attribution_benchmark",
                                                  ROOT / "benchmarks" / "attribution.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _relation(text: str, content: str, speaker: str, cue: str, kind: str) -> dict:
    start = text.index(content)
    return {"quote": [start, start + len(content)], "speaker": _at(text, speaker),
            "speaker_text": speaker, "cue": _at(text, cue), "cue_text": cue, "kind": kind}


def _at(text: str, part: str) -> list[int]:
    start = text.index(part)
    return [start, start + len(part)]


def test_missing_gold_file_is_a_message_not_an_error(tmp_path, capsys):
    assert _benchmark().main([str(tmp_path / "absent.jsonl")]) == 0
    assert "benchmark skipped" in capsys.readouterr().out


@pytest.mark.skipif(not SCORER.is_file(), reason="shared scorer not present")
def test_scores_all_kinds_and_quotation_attributions(tmp_path, capsys):
    text = ('Bridge reopens\n\n"We will reopen the bridge in May," Mayor Ann Cole said.\n\n'
            "The council believes the repairs will cost less than planned.")
    gold = {"id": "t1", "text": text, "meta": {"wire": None}, "quotes": [
        _relation(text, '"We will reopen the bridge in May,"', "Mayor Ann Cole", "said",
                  "direct"),
        _relation(text, "the repairs will cost less than planned", "The council", "believes",
                  "indirect")]}
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    keep = tmp_path / "out"
    assert _benchmark().main([str(gold_path), "--scorer", str(SCORER), "--keep", str(keep)]) == 0
    out = capsys.readouterr().out
    for title in ("all kinds, all attributions", "direct, quotation attributions",
                  "direct, all attributions (reference)"):
        assert f"## {title}" in out
    assert "## summary" in out and "wire articles=0" in out
    every = json.loads((keep / "predictions.jsonl").read_text(encoding="utf-8"))["quotes"]
    quoted = json.loads((keep / "quotations.jsonl").read_text(encoding="utf-8"))["quotes"]
    assert {q["kind"] for q in every} == {"direct", "indirect"}
    assert [q["kind"] for q in quoted] == ["direct"]
    # Both relations found with their speakers: every figure of every run is 1.000.
    summary = out.split("## summary")[1].split("## by pattern")[0].strip().splitlines()[2:]
    assert len(summary) == 3
    assert all(row.split()[-6:] == ["1.000"] * 6 for row in summary)
    # Each pattern scored alone: both predictions right, each recovering half the gold.
    patterns = out.split("## by pattern")[1].split("## wire")[0].strip().splitlines()[2:]
    rows = {row.split()[0]: row.split()[1:] for row in patterns}
    assert sum(int(row[0]) for row in rows.values()) == 2
    assert all(row[1] == row[3] == "1.000" for row in rows.values())
    assert sum(float(row[2]) for row in rows.values()) == pytest.approx(1.0)
