"""Genre: detected from the text, named by the page or the configuration, reported everywhere,
and each genre running the rules its profile in rules.toml sets."""

from __future__ import annotations

import json

import pytest

from sourcescore.cli import cli
from sourcescore.config import load_config
from sourcescore.errors import ConfigError
from sourcescore.plugins import load_plugins
from sourcescore.prepare import front_matter_meta, genre_of_section, html_meta
from sourcescore.testing import article

COLUMN = ("Why the council is wrong\n\n"
          "I have lived in this city for thirty years, and I think the council is wrong. "
          "I was at the meeting, and I saw the vote. The tax will drive families away, "
          "and the council should repeal it before the spring.\n")


@pytest.fixture(scope="module")
def registry():
    return load_plugins(autoload=False).rules


@pytest.mark.model
@pytest.mark.parametrize(("text", "genre"), [
    (COLUMN, "opinion"),
    ("OPINION | The mayor is failing us\n\nThe tax will drive families away.", "opinion"),
    ("Analysis: Why the vote slipped\n\nThe vote slipped because the whip count was short.",
     "analysis"),
    ("Tax vote delayed\n\nThe council delayed its vote on the tax until March, the clerk said.",
     "news"),
])
def test_the_genre_is_detected_from_the_text(analyse, text, genre):
    assert analyse(text).genre == genre


def test_a_page_names_its_genre_and_publisher():
    page = ('<html><head><meta property="og:site_name" content="The Daily Planet">'
            '<meta property="article:section" content="Opinion"></head><body><article><p>'
            'The council should repeal the tax before the spring, and here is why.</p>'
            '</article></body></html>')
    meta = html_meta(page)
    assert (meta.genre, meta.publisher) == ("opinion", "The Daily Planet")
    assert front_matter_meta("---\ntitle: x\ngenre: analysis\npublisher: The Post\n---\nText") \
        .genre == "analysis"
    assert front_matter_meta("---\nsection: Letters to the editor\n---\nText").genre == "opinion"
    assert genre_of_section("Politics") is None


def test_profiles_override_a_rule_for_one_genre(registry, tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text("[rules.SRC402]\nweight = 2.0\n\n[genres.opinion.SRC402]\nenabled = false\n"
                    "[genres.list.SRC301]\nkinds = [\"figure\"]\n", encoding="utf-8")
    config = load_config(path, registry)
    assert config.for_genre("SRC402", "news").weight == 2.0
    assert not config.for_genre("SRC402", "opinion").enabled
    assert config.for_genre("SRC402", "opinion").weight == 2.0  # the rest of [rules.SRC402]
    assert config.for_genre("SRC301", "list").options.kinds == ("figure",)


@pytest.mark.parametrize(("body", "message"), [
    ("[genres.poetry.SRC301]\nenabled = false\n", "unknown genre genres.poetry"),
    ("[genres.opinion.SRC999]\nenabled = false\n", "unknown rule code genres.opinion.SRC999"),
    ("[genres.opinion.SRC301]\nkind = [\"figure\"]\n", "did you mean genres.opinion.SRC301.kinds"),
    ("[genres.opinion.SRC301]\nweight = -1\n", "genres.opinion.SRC301.weight must be"),
    ("[sourcescore]\ngenre = \"poetry\"\n", "sourcescore.genre = 'poetry' is not one of"),
])
def test_bad_profiles_are_one_clear_error(registry, tmp_path, body, message):
    path = tmp_path / "rules.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=message.replace(".", r"\.").replace("(", r"\(")):
        load_config(path, registry)


@pytest.mark.model
def test_genre_is_in_every_report_and_the_configuration_can_set_it(runner, tmp_path):
    story = tmp_path / "column.txt"
    story.write_text(COLUMN, encoding="utf-8")
    report = json.loads(runner.invoke(cli, ["check", str(story), "-f", "json"]).output)
    genre = report["files"][0]["genre"]
    assert genre["name"] == "opinion" and "first person" in genre["evidence"]
    assert report["scoring"]["curve"] > 1
    full = runner.invoke(cli, ["check", str(story), "-f", "full"]).output
    assert "Genre: opinion (" in full
    html = runner.invoke(cli, ["check", str(story), "-f", "html"]).output
    assert "opinion" in html
    config = tmp_path / "rules.toml"
    config.write_text('[sourcescore]\ngenre = "news"\n', encoding="utf-8")
    forced = json.loads(runner.invoke(cli, ["check", str(story), "-f", "json", "--config",
                                            str(config)]).output)
    assert forced["files"][0]["genre"] == {"name": "news",
                                           "evidence": "the configuration (sourcescore.genre)"}


@pytest.mark.model
def test_front_matter_sets_the_genre_of_a_markdown_story(runner, tmp_path):
    story = tmp_path / "story.md"
    story.write_text("---\ngenre: transcript\n---\n" + COLUMN, encoding="utf-8")
    report = json.loads(runner.invoke(cli, ["check", str(story), "-f", "json"]).output)
    assert report["files"][0]["genre"] == {"name": "transcript", "evidence": "the front matter"}
    off = {r["code"]: r["summary"] for r in report["files"][0]["rules"]}
    assert off["SRC301"] == "off for transcript stories (the genre's profile)"


LISTICLE = ("10 Things to Know for Today\n\n"
            "Your daily look at the stories that will be talked about today:\n\n"
            "1. FIREWORKS FLY IN FIRST DEBATE.\n\nThe two candidates traded barbs.\n\n"
            "2. PANEL RULES FOR FOUNDER.\n\nThe rights group says he should be freed.\n\n"
            "3. PARTY GOES ON.\n\nTens of thousands descend on the city.\n")
NUMBERED_ANALYSIS = LISTICLE.replace("10 Things to Know for Today", "No clear path to the House")
TRANSCRIPT = ("Kasich: 'We are going all the way'\n\n"
              "On Tuesday in Berea, Gov. John Kasich spoke after winning the primary.\n\n"
              "Transcript as follows:\n\n"
              "\"Tonight we arrived in Cleveland, and we went to a restaurant.\n\n"
              "People started to cheer. I love you. I love you.\"\n")


@pytest.mark.parametrize(("text", "genre", "evidence"), [
    (LISTICLE, "list", "a numbered headline and 3 numbered items"),
    (TRANSCRIPT, "transcript", "it announces a transcript (\u201cTranscript as follows:"),
])
def test_a_story_that_numbers_its_items_or_announces_a_transcript_says_its_genre(
        text, genre, evidence):
    analysis = article(text)
    assert analysis.genre == genre and analysis.genre_evidence.startswith(evidence)


def test_numbered_points_under_a_headline_that_does_not_count_them_are_no_list():
    assert article(NUMBERED_ANALYSIS).genre == "news"
    late = TRANSCRIPT.replace("Transcript as follows:", "More remarks.") + \
        "\n\nTranscript as follows:\n\n\"Thank you.\"\n"
    assert article(late).genre == "news"  # announced in its last half: a story with a coda


def test_a_label_line_under_the_headline_names_the_genre_with_or_without_its_full_stop():
    labelled = article("Attacks renew bitter debate on migrants;\nNews Analysis.\n\n"
                       "It did not take long for the argument to start again.\n")
    assert (labelled.genre, labelled.genre_evidence) == \
        ("analysis", "the page labels itself \u201cNews Analysis\u201d")
    prose = article("Vote slips\n\nAnalysis of the returns showed the vote slipped, the clerk "
                    "said.\n")
    assert prose.genre == "news"
