"""What kind of piece a story is, from its text: news, opinion, a transcript or a list.

Editors judge sourcing by genre: a column argues in its author's voice, a transcript's speaker
labels are its attributions, a tally introduced by its source needs nothing more. From the text
alone, in the order tried:

* `transcript` - a third or more of the body paragraphs open with a speaker's label
  ("TAPPER: ...", "Q: ...");
* `transcript` - the story announces a transcript in its first half ("Partial transcript as
  follows:", "(BEGIN VIDEO CLIP)");
* `list` - half or more of the paragraphs are list rows (`units`), or the headline counts
  the items ("10 Things to Know") and three or more paragraphs open with the numbers 1, 2, 3;
* `opinion` or `analysis` - the page labels itself so, in a kicker before or at the head of
  the title ("OPINION | ...", "Op-Ed:", "Commentary", "ANALYSIS: ...");
* `opinion` - the author speaks in the first person singular outside quotations (at least
  three times, and once per 200 words), or says in its own words what should be done (twice
  or more, once in the closing paragraphs: an editorial's "The party should ..."), or the
  story ends on a columnist's tag line ("Jane Doe is a senior fellow at ...");
* `analysis` or `opinion` - the writer's voice reads so to a small learned model
  (`sourcescore.analysis.voice`: present tense, few attributions, hedges, a question for a
  headline ...), and by a clear margin;
* otherwise `news`. The page's metadata or the `genre` option overrides all of these.

Each decision comes with its evidence, which every report shows.
"""

from __future__ import annotations

import re

from sourcescore.analysis.voice import shipped_model, too_short, voice_features
from sourcescore.model import Attribution, Paragraph, Sentence

#: A page's own label for its genre, opening the title or on a line of its own above or below
#: it ("News Analysis." under a headline: archives end every line with a full stop).
_KICKER = re.compile(r"^\s*(?P<label>opinion|op-ed|op ed|commentary|column|editorial|viewpoint"
                     r"|perspective|analysis|news analysis)\s*(?:[:|\u2014\u2013-]|\.?\s*$)",
                     re.IGNORECASE)
_KICKER_GENRE = {"analysis": "analysis", "news analysis": "analysis"}
_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})


def detect_genre(text: str, paragraphs: tuple[Paragraph, ...], sentences: tuple[Sentence, ...],
                 attributions: tuple[Attribution, ...], in_quotation) -> tuple[str, str]:
    """(genre, evidence) for a story."""
    signs = genre_from_signs(paragraphs, sentences, attributions, in_quotation)
    if signs is not None:
        return signs
    model, values = shipped_model(), voice_features(sentences, attributions, in_quotation)
    if model is None or too_short(values):
        return "news", "no sign of another genre (too short to read the writer's voice)" \
            if model is not None else "no sign of another genre"
    return model.decide(values) or ("news", "no sign of another genre, and the writing reads "
                                            "as news")


def genre_from_signs(paragraphs: tuple[Paragraph, ...], sentences: tuple[Sentence, ...],
                     attributions: tuple[Attribution, ...], in_quotation) -> tuple[str, str] | None:
    """(genre, evidence) when a story shows a genre's plain signs (a kicker, speaker labels,
    list rows, the first person, prescriptions, a tag line), else None."""
    body = [s for s in sentences if s.role == "body"]
    labelled = {a.sentence for a in attributions if a.pattern == "colon" and a.cue_lemma == ":"}
    body_paragraphs = {s.paragraph for s in body}
    opening = {s.paragraph for s in body if s.index in labelled and
               _opens_paragraph(s, paragraphs)}
    if body_paragraphs and len(opening) * 3 >= len(body_paragraphs) and len(opening) >= 3:
        return "transcript", f"{len(opening)} of {len(body_paragraphs)} paragraphs open with " \
                             "a speaker's label"
    announced = next((s for s in body[:max(len(body) // 2, 1)] if _TRANSCRIPT.search(s.text)),
                     None)
    if announced is not None:
        return "transcript", f"it announces a transcript (\u201c{announced.text[:50]}\u201d) " \
                             "in its first half"
    kicker = _kicker(sentences)
    if kicker is not None:
        return kicker
    numbered = _numbered_items(sentences)
    if numbered >= 3 and _counting_headline(sentences):
        return "list", f"a numbered headline and {numbered} numbered items"
    rows = {s.paragraph for s in sentences if s.role == "list"}
    if paragraphs and len(rows) * 2 >= len(paragraphs) and len(rows) >= 3:
        return "list", f"{len(rows)} of {len(paragraphs)} paragraphs are list rows"
    first_person = [w for s in body for w in s.words if w.lemma in _FIRST_PERSON and
                    w.tag in ("PRP", "PRP$") and not in_quotation(w.start, w.end)]
    words = sum(len(s.lemmas) for s in body)
    if len(first_person) >= 3 and len(first_person) * 200 >= words:
        return "opinion", f"the author writes in the first person ({len(first_person)} times " \
                          "outside quotations)"
    prescriptions = _prescriptions(body, attributions, in_quotation)
    if len(prescriptions) >= 2 and prescriptions[-1].paragraph >= _closing(body):
        return "opinion", f"the author says what should be done ({len(prescriptions)} times, " \
                          f"last \u201c{prescriptions[-1].text[:50]}\u201d)"
    tag_line = next((s for s in sentences if s.role == "byline" and s.index >= len(sentences) - 2
                     and _is_tag_line(s)), None)
    if tag_line is not None:
        return "opinion", f"it ends on a columnist's tag line (\u201c{tag_line.text[:60]}\u201d)"
    return None


#: A transcript the story announces: "Partial transcript as follows:", "(BEGIN VIDEO CLIP)".
_TRANSCRIPT = re.compile(r"^\W*(?:partial\s+|full\s+)?transcript\s+(?:as\s+follows|follows|"
                         r"below)\b|\(BEGIN\s+VIDEO(?:\s+CLIP|TAPE)\)", re.IGNORECASE)
#: An item's number opening its paragraph: "1. FIREWORKS FLY ...", "2\nJohn Leguizamo ...".
_ITEM_NUMBER = re.compile(r"^\s*(\d{1,2})(?:[.)](?:\s|$)|\s*\n|\s*$)")
#: A headline that counts its items: "10 Things to Know for Today", "Seven ways to ...".
_COUNTING = re.compile(r"^\W*(?:\d{1,3}|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                       r"\s+(?!percent\b|%)[a-z]", re.IGNORECASE)


def _numbered_items(sentences: tuple[Sentence, ...]) -> int:
    """The longest run of paragraphs opening with the numbers 1, 2, 3 ... in order."""
    numbers = []
    for sentence in sentences:
        match = _ITEM_NUMBER.match(sentence.text)
        if match is not None and (sentence.index == 0 or
                                  sentences[sentence.index - 1].paragraph != sentence.paragraph):
            numbers.append(int(match.group(1)))
    longest = run = 0
    for previous, number in zip([0, *numbers], numbers, strict=False):
        run = run + 1 if number == previous + 1 else (1 if number == 1 else 0)
        longest = max(longest, run)
    return longest


def _counting_headline(sentences: tuple[Sentence, ...]) -> bool:
    return any(s.role == "headline" and _COUNTING.match(s.text) for s in sentences[:2])


def _kicker(sentences: tuple[Sentence, ...]) -> tuple[str, str] | None:
    """The genre a page labels itself with, in its first two lines."""
    for sentence in sentences[:2]:
        match = _KICKER.match(sentence.text)
        if match is not None and (sentence.role != "body" or match.end() == len(sentence.text)):
            # a line that is nothing but the label is one, whatever the parse took it for
            label = match.group("label").lower()
            return _KICKER_GENRE.get(label, "opinion"), \
                f"the page labels itself \u201c{match.group('label')}\u201d"
    return None


_PRESCRIBING = frozenset({"should", "must", "ought"})


def _prescriptions(body: list[Sentence], attributions: tuple[Attribution, ...],
                   in_quotation) -> list[Sentence]:
    """Body sentences whose main verb carries "should", "must" or "ought" in the author's own
    words ("The party should let its candidates debate"): an editorial's voice."""
    reported = [(a.content.start, a.content.end) for a in attributions if a.content is not None]
    found = []
    for sentence in body:
        for word in sentence.words:
            if word.lemma in _PRESCRIBING and word.tag == "MD" and \
                    0 <= word.head < len(sentence.words) and \
                    sentence.words[word.head].dep == "ROOT" and \
                    not in_quotation(word.start, word.end) and \
                    not any(s <= word.start < e for s, e in reported):
                found.append(sentence)
                break
    return found


def _closing(body: list[Sentence]) -> int:
    """The paragraph number from which a story's last two body paragraphs run."""
    paragraphs = sorted({s.paragraph for s in body})
    return paragraphs[-2] if len(paragraphs) >= 2 else (paragraphs[0] if paragraphs else 0)


def _opens_paragraph(sentence: Sentence, paragraphs: tuple[Paragraph, ...]) -> bool:
    return 0 <= sentence.paragraph < len(paragraphs) and \
        paragraphs[sentence.paragraph].start == sentence.start


def _is_tag_line(sentence: Sentence) -> bool:
    """"Rick Scott is the Republican governor of Florida.": a name, then "is"."""
    words = sentence.words
    names = 0
    while names < len(words) and words[names].entity == "PERSON":
        names += 1
    return names >= 2 and names < len(words) and words[names].lemma == "be"
