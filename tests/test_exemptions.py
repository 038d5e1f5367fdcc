"""Inline exemptions: a cleared passage is marked in the story; its findings move to the record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sourcescore.cli import cli
from sourcescore.errors import ConfigError
from sourcescore.exemptions import (
    RuleNames,
    apply_exemptions,
    blank_directives,
    find_directives,
    plain_text_pattern,
    resolve_exemptions,
)
from sourcescore.model import Paragraph
from sourcescore.report import Finding

PLAIN = plain_text_pattern("[sourcescore: {directive}]")


class _Rule:
    def __init__(self, code, name):
        self.code, self.name = code, name


RULES = [_Rule("SRC101", "named-source-ratio"), _Rule("SRC102", "anonymous-source-reason"),
         _Rule("SRC302", "vague-attribution")]
NAMES = RuleNames.of(RULES, RULES)


def finding(code: str, start: int, line: int = 1) -> Finding:
    return Finding(code=code, name=code, plugin="test", severity="warning", message="m",
                   start=start, end=start + 1, line=line, column=1, end_line=line, end_column=2,
                   text="x")


def paragraphs_of(text: str) -> list[Paragraph]:
    found, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            found.append(Paragraph(len(found), start, start + len(line)))
        start += len(line) + 1
    return found


def resolve(text: str, names: RuleNames = NAMES):
    return resolve_exemptions(find_directives(text, PLAIN), text, paragraphs_of(text), names)


def test_both_spellings_are_found_with_action_rules_and_reason():
    text = ("<!-- sourcescore: disable SRC101, SRC102 -- cleared by standards desk -->\n"
            "Body.\n"
            "  [sourcescore: ignore vague-attribution]  \n"
            "More.\n")
    first, second = find_directives(text, PLAIN)
    assert (first.action, first.targets, first.reason) == \
        ("disable", ("SRC101", "SRC102"), "cleared by standards desk")
    assert (second.action, second.targets, second.reason) == \
        ("ignore", ("vague-attribution",), None)
    assert text[second.start:second.end].strip() == "[sourcescore: ignore vague-attribution]"


def test_plain_text_form_only_counts_as_a_whole_line():
    text = "He said [sourcescore: ignore SRC101] in passing.\n"
    assert find_directives(text, PLAIN) == []


def test_plain_text_form_is_configurable():
    pattern = plain_text_pattern("// sourcescore {directive}")
    (directive,) = find_directives("Para.\n//   sourcescore ignore SRC101 -- ok\nNext.\n", pattern)
    assert (directive.action, directive.targets, directive.reason) == ("ignore", ("SRC101",), "ok")


@pytest.mark.parametrize("template", ["[sourcescore: ]", "{directive}", "{directive} {directive}"])
def test_a_template_that_cannot_be_told_from_prose_is_refused(template):
    with pytest.raises(ConfigError):
        plain_text_pattern(template)


def test_blanking_keeps_offsets_and_lines():
    text = "A.\n<!-- sourcescore: ignore -->\nB.\n"
    blanked = blank_directives(text, find_directives(text, PLAIN))
    assert len(blanked) == len(text) and blanked.count("\n") == text.count("\n")
    assert "sourcescore" not in blanked and blanked.startswith("A.\n") and blanked.endswith("B.\n")


def test_disable_runs_to_its_enable_and_ignore_covers_the_next_paragraph_only():
    text = ("Intro.\n"
            "[sourcescore: disable SRC101]\n"
            "Covered one.\n"
            "[sourcescore: enable SRC101]\n"
            "Not covered.\n"
            "[sourcescore: ignore SRC102 -- source protected]\n"
            "Covered two.\n"
            "Not covered either.\n")
    (disable, ignore), warnings = resolve(text)
    assert warnings == []
    assert text[disable.applies_start:disable.applies_end].strip() == "Covered one."
    assert text[ignore.applies_start:ignore.applies_end] == "Covered two."
    assert ignore.reason == "source protected"


def test_disable_without_enable_runs_to_the_end_and_enable_without_rules_ends_all():
    text = "[sourcescore: disable SRC101]\nA.\n[sourcescore: disable SRC102]\nB.\n"
    (first, second), _ = resolve(text)
    assert first.applies_end == second.applies_end == len(text)
    text += "[sourcescore: enable]\nC.\n"
    (first, second), _ = resolve(text)
    assert first.applies_end == second.applies_end == text.index("[sourcescore: enable]")


def test_rules_may_be_codes_prefixes_or_names():
    text = "[sourcescore: ignore SRC1 vague-attribution]\nA.\n"
    (exemption,), _ = resolve(text)
    assert exemption.codes == ("SRC101", "SRC102", "SRC302")


def test_no_rules_means_every_rule():
    text = "[sourcescore: ignore -- cleared]\nA.\n"
    (exemption,), _ = resolve(text)
    assert exemption.codes == () and exemption.covers(finding("SRC302", text.index("A.")))


def test_malformed_and_unknown_directives_are_warned_about_not_applied():
    text = ("[sourcescore: disbale SRC101]\nA.\n"
            "[sourcescore: ignore SRC3O2]\nB.\n"
            "[sourcescore: enable SRC102]\nC.\n"
            "D.\n[sourcescore: ignore SRC101]\n")
    exemptions, warnings = resolve(text)
    assert exemptions == []
    assert len(warnings) == 4
    assert "line 1" in warnings[0] and "not understood" in warnings[0]
    assert "unknown rule 'SRC3O2'" in warnings[1] and "did you mean SRC302" in warnings[1]
    assert "ends no open disable" in warnings[2]
    assert "no paragraph after it" in warnings[3]


def test_findings_inside_the_passage_move_to_the_exemption():
    text = "[sourcescore: ignore SRC101 -- cleared]\nCovered.\nOutside.\n"
    exemptions, _ = resolve(text)
    inside, other_rule, outside = (finding("SRC101", text.index("Covered")),
                                   finding("SRC102", text.index("Covered")),
                                   finding("SRC101", text.index("Outside")))
    kept, (exemption,), warnings = apply_exemptions([inside, other_rule, outside], exemptions,
                                                    NAMES)
    assert kept == (other_rule, outside)
    assert exemption.suppressed == (inside,)
    assert warnings == []


def test_an_exemption_that_suppresses_nothing_is_reported_unused():
    text = "[sourcescore: ignore SRC101]\nClean paragraph.\n"
    exemptions, _ = resolve(text)
    kept, _, warnings = apply_exemptions([], exemptions, NAMES)
    assert len(warnings) == 1 and "line 1" in warnings[0] and "suppressed no finding" in warnings[0]


def test_an_exemption_for_a_rule_that_did_not_run_is_not_called_unused():
    text = "[sourcescore: ignore SRC101]\nClean paragraph.\n"
    only_302 = RuleNames.of(RULES, [RULES[2]])
    exemptions, _ = resolve(text, only_302)
    assert apply_exemptions([], exemptions, only_302)[2] == []


STORY = """Officials said the talks had stalled.

<!-- sourcescore: ignore SRC102, SRC302 -- cleared by standards desk: source protected -->
A senior official said the delegations had not met since March. Critics say the talks are doomed.

[sourcescore: ignore SRC402]
Kremlin spokesman Dmitry Peskov told reporters on Tuesday that there was no progress.
"""


def test_end_to_end_the_report_keeps_reason_suppressed_findings_and_unused_warning(checker):
    report = checker.check_text(STORY, "story.txt")
    covered = STORY.index("A senior official")
    assert not [f for f in report.findings if f.code in ("SRC102", "SRC302")
                and f.start >= covered and f.start < STORY.index("[sourcescore")]
    cleared, unused = report.exemptions
    assert cleared.reason == "cleared by standards desk: source protected"
    assert {f.code for f in cleared.suppressed} == {"SRC102", "SRC302"}
    assert all(f.text == STORY[f.start:f.end] for f in cleared.suppressed)
    assert unused.suppressed == ()
    assert any("line 6" in w and "suppressed no finding" in w for w in report.warnings)
    # The directives are not prose: no sentence or attribution comes from them.
    assert not any("sourcescore" in a.content.text for a in report.attributions if a.content)
    # The rule result counts the findings that remain.
    counts = {r.code: r.findings for r in report.rules}
    assert counts["SRC102"] == sum(f.code == "SRC102" for f in report.findings) == 1


def test_exemptions_can_be_switched_off_in_the_configuration(tmp_path, runner):
    config = tmp_path / "rules.toml"
    config.write_text("[sourcescore]\ninline_exemptions = false\n")
    story = tmp_path / "story.txt"
    story.write_text(STORY)
    result = runner.invoke(cli, ["check", str(story), "--config", str(config), "-f", "json"])
    assert json.loads(result.output)["files"][0]["exemptions"] == []


def test_a_bad_plain_text_template_is_a_configuration_error(tmp_path, runner):
    config = tmp_path / "rules.toml"
    config.write_text('[sourcescore]\nplain_text_exemption = "[sourcescore]"\n')
    story = tmp_path / "story.txt"
    story.write_text("Text.\n")
    result = runner.invoke(cli, ["check", str(story), "--config", str(config)])
    assert result.exit_code == 2
    assert "plain_text_exemption must contain {directive}" in result.output


def test_suppressed_findings_do_not_fail_the_check(tmp_path, runner):
    config = tmp_path / "rules.toml"
    config.write_text('[sourcescore]\nfail_under = 0\n[rules.SRC302]\nseverity = "error"\n')
    story = tmp_path / "story.txt"
    body = "Critics said the plan was doomed.\n"
    story.write_text(body)
    assert runner.invoke(cli, ["check", str(story), "--config", str(config)]).exit_code == 1
    story.write_text("[sourcescore: ignore SRC302 -- critics named in the sidebar]\n" + body)
    result = runner.invoke(cli, ["check", str(story), "--config", str(config), "-f", "sarif"])
    assert result.exit_code == 0, result.output
    (suppressed,) = [r for r in json.loads(result.output)["runs"][0]["results"]
                     if r["ruleId"] == "SRC302"]
    assert suppressed["suppressions"] == [{"kind": "inSource", "status": "accepted",
                                           "justification": "critics named in the sidebar"}]


def test_markdown_comments_are_directives_and_offsets_stay_in_the_file(checker):
    story = ("# Talks\n\n<!-- sourcescore: ignore SRC302 -->\n"
             "Critics said the plan was *doomed*.\n")
    report = checker.check_text(story, "story.md")
    (exemption,) = report.exemptions
    assert [f.code for f in exemption.suppressed] == ["SRC302"]
    (suppressed,) = exemption.suppressed
    assert suppressed.text == story[suppressed.start:suppressed.end] and suppressed.line == 4


def test_explain_exemptions_prints_the_syntax(runner):
    result = runner.invoke(cli, ["explain", "exemptions"])
    assert result.exit_code == 0
    assert "<!-- sourcescore: disable SRC101 -- cleared by standards desk -->" in result.output
    assert "plain_text_exemption" in result.output


def _finding_at(start: int, code: str):
    from sourcescore.report import Finding

    return Finding(code, "rule", "p", "warning", "m", start, start + 1, 1, 1, 1, 2, "x")


def _exemption(start: int, end: int, codes: tuple[str, ...]):
    from sourcescore.report import Exemption

    return Exemption("disable", codes, codes, None, 0, 0, 1, start, end)


def test_each_finding_goes_to_the_first_exemption_that_covers_it_whatever_their_order():
    """The sweep gives what checking every exemption against every finding gives."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from sourcescore.exemptions import _owners

    codes = st.sampled_from(["SRC101", "SRC302", "SRC402"])
    spans = st.tuples(st.integers(0, 60), st.integers(0, 60)).map(sorted)

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.tuples(st.integers(0, 60), codes), max_size=25),
           st.lists(st.tuples(spans, st.lists(codes, max_size=2).map(tuple)), max_size=8))
    def check(found, exempted):
        findings = [_finding_at(start, code) for start, code in found]
        exemptions = [_exemption(a, b, c) for (a, b), c in exempted]
        naive = [next((i for i, e in enumerate(exemptions) if e.covers(f)), None)
                 for f in findings]
        assert _owners(findings, exemptions) == naive
    check()


def test_an_exemption_hides_a_holding_finding_but_never_lifts_the_hold_or_the_score(checker):
    """Only the story can move the gate: exempting the lede's unsourced figure hides the
    finding (kept on record with its reason), and the score, the hold and so the exit code
    stay what the sourcing as published earns."""
    story = ("Budget cuts\n\n"
             "The cuts will cost the city 40,000 jobs over two years.\n\n"
             "Mayor Ann Cole said the council would vote on Friday.\n")
    exempted = story.replace("The cuts", "<!-- sourcescore: ignore SRC301 -- desk agrees -->\n"
                                         "The cuts")
    before, after = checker.check_text(story), checker.check_text(exempted)
    assert before.hold is not None and any(f.code == "SRC301" for f in before.hold.findings)
    assert [f.code for f in after.findings if f.code == "SRC301"] == []
    assert after.exemptions and after.exemptions[0].suppressed
    assert after.score == before.score and after.hold is not None
    assert after.hold.unheld_score == before.hold.unheld_score
    assert [f.message for f in after.hold.findings] == [f.message for f in before.hold.findings]


@pytest.mark.model
def test_a_genre_declared_in_front_matter_is_recorded_like_an_exemption(tmp_path, runner):
    """`genre: transcript` turns SRC301 off; the report keeps that decision on record with
    the findings SRC301 makes when the story is read as the news its text shows."""

    body = ("Budget cuts\n\nThe cuts will cost the city 40,000 jobs over two years.\n\n"
            "Mayor Ann Cole said the council would vote on Friday, and that the budget office "
            "had warned of the cuts in March.\n")
    declared = tmp_path / "declared.md"
    declared.write_text("---\ngenre: transcript\n---\n" + body, encoding="utf-8")
    plain = tmp_path / "plain.md"
    plain.write_text(body, encoding="utf-8")
    result = runner.invoke(cli, ["check", str(declared), str(plain), "-f", "json"])
    report = json.loads(result.stdout)
    _valid_against_the_schema(report)
    files = {Path(f["path"]).name: f for f in report["files"]}
    (waiver,) = [e for e in files["declared.md"]["exemptions"] if e["action"] == "genre"]
    assert waiver["rules"] == ["transcript"] and "SRC301" in waiver["codes"]
    assert "front matter" in waiver["reason"] and "reads as news" in waiver["reason"]
    assert [f["code"] for f in waiver["suppressed"]] == ["SRC301"]
    assert files["plain.md"]["exemptions"] == []


def _valid_against_the_schema(report: dict) -> None:
    from importlib import resources

    import jsonschema

    from sourcescore.report import SCHEMA_RESOURCE

    schema = json.loads(resources.files("sourcescore").joinpath(SCHEMA_RESOURCE)
                        .read_text(encoding="utf-8"))
    jsonschema.validate(report, schema)


STORY_WITH_A_HELD_LEDE = ("Budget cuts\n\n"
                          "The cuts will cost the city 40,000 jobs over two years.\n\n"
                          "Mayor Ann Cole said the council would vote on Friday.\n")


def test_a_desk_sign_off_is_the_one_recorded_act_that_releases_a_held_story(tmp_path, runner):
    """The desk clears the gate on record: the errors stay shown, the hold and the failure
    go, and the report lists the sign-off, its reason and the errors it released."""
    held = tmp_path / "held.md"
    held.write_text(STORY_WITH_A_HELD_LEDE, encoding="utf-8")
    signed = tmp_path / "signed.md"
    signed.write_text("<!-- sourcescore: sign-off SRC301 -- J. Doe, standards desk: the "
                      "city's own estimate, sourced in the print edition -->\n" +
                      STORY_WITH_A_HELD_LEDE, encoding="utf-8")
    before = runner.invoke(cli, ["check", str(held), "-f", "json"])
    after = runner.invoke(cli, ["check", str(signed), "-f", "json"])
    assert (before.exit_code, after.exit_code) == (1, 0)
    report = json.loads(after.stdout)
    _valid_against_the_schema(report)
    (file,) = report["files"]
    (sign_off,) = [e for e in file["exemptions"] if e["action"] == "sign-off"]
    assert "standards desk" in sign_off["reason"] and sign_off["suppressed"] == []
    assert [f["code"] for f in sign_off["cleared"]] == ["SRC301"]
    assert file["hold"] is None and any(f["code"] == "SRC301" for f in file["findings"])
    held_file = json.loads(before.stdout)["files"][0]
    assert held_file["hold"] is not None and file["score"] == held_file["hold"]["unheld_score"]


def test_a_sign_off_without_a_reason_is_refused_and_the_story_stays_held(tmp_path, runner):
    story = tmp_path / "story.md"
    story.write_text("<!-- sourcescore: sign-off -->\n" + STORY_WITH_A_HELD_LEDE,
                     encoding="utf-8")
    result = runner.invoke(cli, ["check", str(story), "-f", "json"])
    (file,) = json.loads(result.stdout)["files"]
    assert result.exit_code == 1 and file["hold"] is not None
    assert any("needs a reason" in w for w in file["warnings"])
