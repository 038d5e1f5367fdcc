"""SRC103 source-diversity."""

from sourcescore.testing import article, attribution, run_rule


def story(speakers):
    lines = [f"{name} said point {i} was true." for i, name in enumerate(speakers)]
    text = "\n".join(lines)
    parts, offset = [], 0
    for i, name in enumerate(speakers):
        offset = text.index(lines[i], offset)
        parts.append(attribution(text, source=name, cue="said", content=f"point {i} was true",
                                 after=offset))
    return article(text, *parts)


def test_single_source_story_is_flagged():
    outcome = run_rule("SRC103", story(["Jane Doe", "Jane Doe", "Doe"]))
    assert len(outcome.flags) == 1
    assert "single-source" in outcome.flags[0].message


def test_dominant_voice_is_a_suggestion():
    outcome = run_rule("SRC103", story(["Jane Doe", "Doe", "Doe", "Doe", "Bob Roe"]))
    assert [f.severity for f in outcome.flags] == ["suggestion"]


def test_several_sources_pass():
    outcome = run_rule("SRC103", story(["Jane Doe", "Bob Roe", "Ann Poe"]))
    assert outcome.flags == ()
    assert outcome.score == 100


def test_short_story_is_not_judged():
    assert run_rule("SRC103", story(["Jane Doe"])).score is None


def test_the_message_counts_in_words_that_agree():
    many = run_rule("SRC103", story(["Jane Doe", "Jane Doe", "Doe"]))
    assert "all 3 attributions come from “Jane Doe”" in many.flags[0].message
    one = run_rule("SRC103", story(["Jane Doe"]), min_attributions=1)
    assert "the one attribution comes from “Jane Doe”" in one.flags[0].message
