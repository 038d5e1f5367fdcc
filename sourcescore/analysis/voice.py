"""The writer's voice, measured: how analysis and opinion read when nothing labels them.

Most analysis pieces and many columns carry no kicker, no first-person run and no tag line
(`sourcescore.analysis.genre`'s signs), yet an editor knows them at once: the writer weighs
and explains in the present tense, attributes a smaller share of sentences, quotes less, hedges
("could", "perhaps") and asks questions in the headline. `VOICE_FEATURES` names thirty such
measures of a story; `VoiceModel` is a small multinomial logistic regression over them (news,
analysis, opinion), trained on the standards editors' genres of the 297 PolNeAR dev articles by
`benchmarks/genre_model.py`, which also measures it by publisher-fold cross-validation and
writes `data/genre_model.json`. A story is given a genre other than news only when that genre's
probability beats news by the model's `margin`, and in a story of `MIN_WORDS` or more, so the
model speaks up only where the voice is plain; its evidence names the measures that weighed
most.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from sourcescore.model import Attribution, Sentence, Word

_MODAL = frozenset({"could", "may", "might", "would", "will", "can"})
_HEDGE = frozenset({"could", "may", "might", "perhaps", "probably", "likely", "possibly", "seem",
                    "appear", "suggest"})
_STANCE = frozenset({"perhaps", "arguably", "indeed", "course", "question", "problem", "reality",
                     "truth", "clearly", "simply", "certainly", "obviously", "fact"})
_ASKING = frozenset({"how", "why", "what", "can", "will", "is", "are", "does", "who", "where",
                     "when"})
_CONTRACTIONS = frozenset({"n't", "'s", "'re", "'ve", "'ll", "'m"})
_PRESENT = ("VBZ", "VBP")
#: The voice is not read from a story shorter than this (body words): in a paragraph or two
#: one adjective or one unattributed sentence swings every rate.
MIN_WORDS = 150


@dataclass(frozen=True)
class Reading:
    """What the measures read: the body, the headline, and the body's words (punctuation left
    out) in the writer's own voice, that is outside quotation marks."""

    body: tuple[Sentence, ...]
    headline: str
    words: tuple[Word, ...]
    own: tuple[Word, ...]
    speech: tuple[Attribution, ...]

    @property
    def sentences(self) -> int:
        return max(len(self.body), 1)

    def per_100_own(self, test: Callable[[Word], bool]) -> float:
        return 100 * sum(1 for w in self.own if test(w)) / max(len(self.own), 1)


@dataclass(frozen=True)
class VoiceFeature:
    """One named measure of a story, with what it measures (`yes_no`: it is 1 or 0)."""

    name: str
    description: str
    measure: Callable[[Reading], float]
    yes_no: bool = False

    def shown(self, value: float) -> str:
        if self.yes_no:
            return f"{self.description}: {'yes' if value else 'no'}"
        return f"{self.description}: {value:.2f}"


def _lede_present(r: Reading) -> float:
    lede = [w for s in r.body[:2] for w in s.words]
    return 100 * sum(1 for w in lede if w.tag in _PRESENT) / max(len(lede), 1)


def _attributed_sentences(r: Reading) -> float:
    return len({a.sentence for a in r.speech}) / r.sentences


def _headline_words(r: Reading) -> list[str]:
    return r.headline.lower().split()


def _lede_attributed(r: Reading) -> float:
    lede = {s.index for s in r.body[:2]}
    return float(any(a.sentence in lede for a in r.speech))


VOICE_FEATURES: tuple[VoiceFeature, ...] = (
    VoiceFeature("headline_question", "the headline asks a question",
                 lambda r: float("?" in r.headline), yes_no=True),
    VoiceFeature("headline_asks", "the headline opens with how, why, what, can, will, is ...",
                 lambda r: float(bool(_headline_words(r)) and _headline_words(r)[0] in _ASKING),
                 yes_no=True),
    VoiceFeature("headline_modal", "the headline carries could, may, might, would, will, can",
                 lambda r: float(any(w in _MODAL for w in _headline_words(r))), yes_no=True),
    VoiceFeature("headline_subhead", "the headline runs on after a semicolon (a standfirst)",
                 lambda r: float(";" in r.headline), yes_no=True),
    VoiceFeature("modals", "modal verbs per 100 words in the writer's voice",
                 lambda r: r.per_100_own(lambda w: w.lemma in _MODAL and w.tag == "MD")),
    VoiceFeature("hedges", "hedges (could, perhaps, likely, seem ...) per 100 own words",
                 lambda r: r.per_100_own(lambda w: w.lemma in _HEDGE)),
    VoiceFeature("first_person", "I, me, my per 100 own words",
                 lambda r: r.per_100_own(lambda w: w.lemma in {"i", "me", "my", "mine", "myself"}
                                         and w.tag.startswith("PRP"))),
    VoiceFeature("first_person_plural", "we, us, our per 100 own words",
                 lambda r: r.per_100_own(lambda w: w.lemma in {"we", "us", "our", "ours"})),
    VoiceFeature("second_person", "you, your per 100 own words",
                 lambda r: r.per_100_own(lambda w: w.lemma in {"you", "your"})),
    VoiceFeature("attributed_sentences", "share of body sentences that attribute speech",
                 _attributed_sentences),
    VoiceFeature("attributions", "speech attributions per body sentence",
                 lambda r: len(r.speech) / r.sentences),
    VoiceFeature("direct_quotes", "direct quotations per body sentence",
                 lambda r: sum(1 for a in r.speech if a.kind == "direct") / r.sentences),
    VoiceFeature("quoted_share", "share of body words inside quotation marks",
                 lambda r: 1 - len(r.own) / max(len(r.words), 1)),
    VoiceFeature("questions", "share of body sentences that are questions",
                 lambda r: sum(1 for s in r.body if s.is_question) / r.sentences),
    VoiceFeature("adverbs", "adverbs per 100 own words",
                 lambda r: r.per_100_own(lambda w: w.tag == "RB")),
    VoiceFeature("adjectives", "adjectives per 100 own words",
                 lambda r: r.per_100_own(lambda w: w.pos == "ADJ")),
    VoiceFeature("past_tense", "past-tense verbs per 100 own words",
                 lambda r: r.per_100_own(lambda w: w.tag == "VBD")),
    VoiceFeature("present_tense", "present-tense verbs per 100 own words",
                 lambda r: r.per_100_own(lambda w: w.tag in _PRESENT)),
    VoiceFeature("said", "forms of 'say' per body sentence",
                 lambda r: sum(1 for w in r.words if w.lemma == "say") / r.sentences),
    VoiceFeature("length", "the body's length (natural log of its words)",
                 lambda r: math.log(max(len(r.words), 1))),
    VoiceFeature("but", "'but' per 100 own words",
                 lambda r: r.per_100_own(lambda w: w.lemma == "but")),
    VoiceFeature("prescriptions", "should, must, ought per 100 own words",
                 lambda r: r.per_100_own(lambda w: w.lemma in {"should", "must", "ought"})),
    VoiceFeature("sentence_length", "words per body sentence",
                 lambda r: len(r.words) / r.sentences),
    VoiceFeature("contractions", "contractions (n't, 's as 'is', 're ...) per 100 own words",
                 lambda r: r.per_100_own(lambda w: w.text.lower() in _CONTRACTIONS
                                         and w.tag != "POS")),
    VoiceFeature("stance_words",
                 "stance words (perhaps, arguably, clearly, the problem ...) per 100 own words",
                 lambda r: r.per_100_own(lambda w: w.lemma in _STANCE)),
    VoiceFeature("conjunction_openers", "share of sentences opening with but, and, so, yet",
                 lambda r: sum(1 for s in r.body if s.words and s.words[0].lemma in
                               {"but", "and", "so", "yet"}) / r.sentences),
    VoiceFeature("numbers", "numbers per 100 own words",
                 lambda r: r.per_100_own(lambda w: w.pos == "NUM")),
    VoiceFeature("lede_attributed", "the first two body sentences attribute speech",
                 _lede_attributed, yes_no=True),
    VoiceFeature("lede_present_tense", "present-tense verbs per 100 words of the lede",
                 _lede_present),
    VoiceFeature("person_names", "words of people's names per 100 own words",
                 lambda r: r.per_100_own(lambda w: w.entity == "PERSON")),
)


def reading(sentences: tuple[Sentence, ...], attributions: tuple[Attribution, ...],
            in_quotation: Callable[[int, int], bool]) -> Reading:
    body = tuple(s for s in sentences if s.role == "body")
    headline = next((s.text for s in sentences if s.role == "headline"), "")
    words = tuple(w for s in body for w in s.words if w.pos != "PUNCT")
    own = tuple(w for w in words if not in_quotation(w.start, w.end))
    return Reading(body, headline, words, own, tuple(a for a in attributions if a.is_speech))


def voice_features(sentences: tuple[Sentence, ...], attributions: tuple[Attribution, ...],
                   in_quotation: Callable[[int, int], bool]) -> dict[str, float]:
    """Every `VOICE_FEATURES` measure of a story, by name."""
    read = reading(sentences, attributions, in_quotation)
    return {feature.name: feature.measure(read) for feature in VOICE_FEATURES}


@dataclass(frozen=True)
class VoiceModel:
    """A multinomial logistic regression over standardised `VOICE_FEATURES`, as written by
    `benchmarks/genre_model.py`: one row of `weights` and one `intercepts` entry per genre."""

    features: tuple[str, ...]
    genres: tuple[str, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    weights: tuple[tuple[float, ...], ...]
    intercepts: tuple[float, ...]
    margin: float

    @classmethod
    def from_json(cls, data: dict) -> VoiceModel:
        return cls(tuple(data["features"]), tuple(data["genres"]), tuple(data["means"]),
                   tuple(data["scales"]), tuple(tuple(row) for row in data["weights"]),
                   tuple(data["intercepts"]), float(data["margin"]))

    def standardised(self, values: dict[str, float]) -> list[float]:
        return [(values[name] - mean) / scale
                for name, mean, scale in zip(self.features, self.means, self.scales, strict=True)]

    def probabilities(self, values: dict[str, float]) -> dict[str, float]:
        z = self.standardised(values)
        logits = [sum(w * x for w, x in zip(row, z, strict=True)) + b
                  for row, b in zip(self.weights, self.intercepts, strict=True)]
        top = max(logits)
        exps = [math.exp(v - top) for v in logits]
        return {genre: e / sum(exps) for genre, e in zip(self.genres, exps, strict=True)}

    def decide(self, values: dict[str, float]) -> tuple[str, str] | None:
        """(genre, evidence) when a genre other than news beats news by the margin, in a
        story of at least `MIN_WORDS` words."""
        if too_short(values):
            return None
        probabilities = self.probabilities(values)
        genre = max(self.genres, key=lambda g: (probabilities[g], g))
        if genre == "news" or probabilities[genre] <= probabilities["news"] + self.margin:
            return None
        return genre, f"the writing reads as {genre} (probability {probabilities[genre]:.2f} " \
                      f"against news {probabilities['news']:.2f}): " + \
            self._reasons(values, genre)

    def _reasons(self, values: dict[str, float], genre: str, count: int = 3) -> str:
        """The measures that pushed hardest from news towards `genre`, with their values."""
        z = self.standardised(values)
        toward, news = self.weights[self.genres.index(genre)], \
            self.weights[self.genres.index("news")]
        pulls = sorted(((w - n) * x, name) for w, n, x, name in
                       zip(toward, news, z, self.features, strict=True))
        features = {f.name: f for f in VOICE_FEATURES}
        return "; ".join(features[name].shown(values[name]) for _, name in reversed(pulls[-count:]))


def too_short(values: dict[str, float]) -> bool:
    """The story has fewer than `MIN_WORDS` body words to read a voice from."""
    return values["length"] < math.log(MIN_WORDS)


@cache
def shipped_model() -> VoiceModel | None:
    """The model `benchmarks/genre_model.py --write` built, or None when it is not there."""
    path = resources.files("sourcescore.analysis") / "data" / "genre_model.json"
    if not path.is_file():
        return None
    return VoiceModel.from_json(json.loads(path.read_text(encoding="utf-8")))
