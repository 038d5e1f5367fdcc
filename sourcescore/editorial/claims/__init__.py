"""Claims that need a source, in a sentence of the reporter's own words.

An editor wants a source for what a reader cannot check (the check-worthiness of ClaimBuster and
CLEF CheckThat!): each detector finds one kind, on the shared analysis's `Word`s, outside
quotation marks, and returns the words that make the claim:

* `figure` - a statistic: a percentage, a sum of money, a count in the thousands or more, a
  share ("4 in 10"), any toll of the dead, hurt or arrested; not a date, a year, an age, a
  vote count or a small count of things;
* `cause` - a cause or motive: "because ...", "prompted", "intended as", "helped legitimize"
  (a purpose clause, "in a bid to", narrates what an act was for and is left alone);
* `prediction` - what will happen, in the main clause ("A victory would lift markets", "it is
  unlikely that ...");
* `group-mind` - what a group thinks, feels, wants or is doing about it: "conservatives don't
  like", "investors were preparing", "Republicans have been scrambling", "the industry is
  bracing";
* `characterisation` - a judgement stated as fact: a superlative or a record ("the most
  progressive in the party's history", "among the most watched", "the first ... to"), or an
  evaluative adjective ("a formidable operation"; words that only praise or condemn are
  filler, `sourcescore.editorial.filler`);
* `private` - what happened out of public view: "privately", "behind closed doors", "called X
  and encouraged her".

Settled background, common knowledge, a scheduled event, the rules of a contest ("needs 2,383
delegates to win"), what was said at a public event and the story's framing of who said what
are none of these, and are left alone; so are words in a condition ("if ..."), in what a verb
or noun of saying reports (after a colon too: "a warning: ..."), and the writer's own view
declared in the first person ("I would not count on it"). Each detector is declared
with sentences it finds and sentences it leaves alone (`tests/test_claims.py` runs them).
"""


from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, get_args

from sourcescore.analysis.lexicon import CONTENT_NOUNS, SPEECH_NOUNS, SPEECH_VERBS
from sourcescore.editorial.claims.causes import cause
from sourcescore.editorial.claims.figures import figure
from sourcescore.editorial.claims.judgements import characterisation
from sourcescore.editorial.claims.minds import group_mind
from sourcescore.editorial.claims.predictions import prediction
from sourcescore.editorial.claims.private import private
from sourcescore.editorial.constructions import Construction, Family, Found
from sourcescore.model import Analysis, Sentence, Word
from sourcescore.wordtree import ancestors, children, dependents, head_of, remembered, word_at

ClaimKind = Literal["figure", "cause", "prediction", "group-mind", "characterisation", "private"]
KINDS: tuple[ClaimKind, ...] = get_args(ClaimKind)


#: A claim in a sentence (`Found`): the kind (its construction's name) and the words.
Claim = Found


#: Confidence: statistics and private events are rarely wrong to flag; forecasts and
#: judgements are the likeliest to be fair framing.
DETECTORS: tuple[Construction, ...] = (
    Construction("figure", "a statistic", figure,
                 ("The strikes killed 1,300 people last week.", "Prices rose 20 percent in May.",
                  "Only one in ten voters agreed.", "The fire killed 40 people.",
                  "She won 100 percent of the delegates in the state.",
                  "The city needs $2 billion to fix its roads.",
                  "The fundraiser requires a $10,000 donation per person."),
                 ("He was born in 1962 and has three children.",
                  "She won 35 percent of the vote.",
                  "A candidate needs 2,383 delegates to win the nomination.",
                  "He called out those who were not always 100 percent in his corner.",
                  "In 2008 he voted against the $700 billion bailout of big banks."),
                  confidence=0.8),
    Construction("cause", "a cause or motive", cause,
                 ("The governor vetoed the bill because he feared a primary challenge.",
                  "The move prompted the network to suspend him.",
                  "The bank held rates all year to avoid interrupting a fragile recovery."),
                 ("The game was postponed because of the rain.",
                  "She said the bill failed because it lacked votes.",
                  "The department runs an electronic system designed to distribute cables.",
                  "Reagan named Schweiker in a bid to appeal to moderate delegates.",
                  "That prompted Rubio to make a joke about yoga.",
                  "He has remained there in order to avoid extradition.",
                  "He preaches from a pulpit, which is controversial because of its tax status.",
                  "The debate was so subdued that Mr. Trump was prompted to say it was civil."),
                  confidence=0.7),
    Construction("prediction", "a prediction", prediction,
                 ("Prices could rise next year.", "The deal is unlikely to pass.",
                  "The odds of a deal are slim.", "Next week the central bank may raise rates.",
                  "The bill would lift wages for millions of workers.",
                  "He could win the state on Tuesday and still lose the nomination.",
                  "By the beginning of May, she is likely to be free to turn to the general "
                  "election."),
                 ("The committee will meet on Tuesday.", "If it passes, prices would rise.",
                  "Prices will rise next year.", "He will share anecdotes about his sisters.",
                  "Most likely voters backed her.", "She held the seat against long odds.",
                  "Dozens of speakers will commemorate the anniversary.",
                  "Democrats would need to win 15 seats to retake the chamber.",
                  "With 107 delegates at stake, she will win at least 56.",
                  "Next week will bring contests in five states.",
                  "He may be a big underdog against the front-runner.",
                  "They might.",
                  "The chairman's bill would prohibit the president from waiving sanctions.",
                  "The president will get one more chance on Saturday to poke fun at the press.",
                  "The state will award its delegates in its primary in two weeks.",
                  "Asked about the plan, the senator would only say that it was worrisome.",
                  "The spokesman would not comment on the talks.",
                  "Trump told the audience at his fundraiser for veterans that he and Fox News "
                  "had multiple conversations Thursday but that nothing could change his mind."),
               confidence=0.6),
    Construction("group-mind", "what a group thinks or feels", group_mind,
                 ("Voters are furious about the tax.", "The industry is bracing for cuts.",
                  "Many voters oppose the plan.", "Republicans are deeply divided over the bill.",
                  "The senator's advisers were optimistic about the vote."),
                 ("Jane Doe is furious about the tax.",
                  "The company's lawyers opposed a request to delay the trial.",
                  "Both men embrace conservative positions, and both oppose the tax.",
                  "The travails of the campaign can be seen as the last gasp of an era."),
                  confidence=0.7),
    Construction("characterisation", "a judgement stated as fact", characterisation,
                 ("She is the most progressive senator in the party's history.",
                  "It's no secret that the two men dislike each other.",
                  "The show is the first conservative radio enterprise to air every day."),
                 ("Europe's biggest banks report on Tuesday.",
                  "Klein, an influential activist, spoke first.",
                  "Her attack was a stretch at best and a distortion at worst.",
                  "For the candidates, it is best to deflect questions.",
                  "In New Hampshire, Sanders became the first Jewish candidate to win a primary.",
                  "Clinton, who would be the first woman to serve as president, won the state."),
                 confidence=0.6),
    Construction("private", "what happened out of public view", private,
                 ("The senator met donors behind closed doors.", "He privately urged her to run."),
                 ("The senator met donors at a public rally.",
                  "The committee would meet behind closed doors to choose a nominee.",
                  "The series takes you behind the scenes of a campaign day."), confidence=0.7),
)
assert tuple(d.name for d in DETECTORS) == KINDS, "declare each kind once, in order"


def _reporters_claim(analysis: Analysis, sentence: Sentence, start: int, end: int) -> bool:
    """Words the reporter asserts: not quoted, not supposed, not someone else's, not the
    writer's own declared view."""
    return not analysis.in_quotation(start, end) and not _supposed(sentence, start) and \
        not _someone_elses(sentence, start) and not _authors_own(sentence, start)


CLAIMS = Family("claims", DETECTORS, _reporters_claim, exclusive=False)


def claims_in(sentence: Sentence, analysis: Analysis,
              kinds: Iterable[str] | None = None) -> list[Found]:
    """The claims in a sentence's own words (quotations left out), in text order."""
    return CLAIMS.find(analysis, sentence, kinds)


def _someone_elses(sentence: Sentence, start: int) -> bool:
    """The words are in what a verb or noun of saying reports ("by saying that the judge can't
    be impartial because ...", "Romney's accusations that the country would suffer"): the
    claim is the speaker's, whoever the extractor found."""
    words = sentence.words
    at = word_at(words, start)
    if at is None:
        return False
    if _after_a_colon_of_saying(words, at):
        return True
    for clause in ancestors(words, at):
        head = head_of(words, clause)
        if (words[clause].dep in ("ccomp", "acl") or _that_clause_joined(words, clause)) and \
                head is not None and (
                    (words[head].pos == "VERB" and words[head].lemma in _HOLDING_VERBS) or
                    (words[head].pos == "NOUN" and words[head].lemma in SPEECH_NOUNS)):
            return True
    return False


def _that_clause_joined(words: tuple[Word, ...], clause: int) -> bool:
    """"told the audience that ... but that nothing could change": a second that-clause the
    parser joined to the verb of saying rather than to the first clause."""
    return words[clause].dep == "conj" and any(
        w.dep == "mark" and w.lemma == "that" for w in dependents(words, clause))


def _after_a_colon_of_saying(words: tuple[Word, ...], at: int) -> bool:
    """"Party leaders issued a warning: any leaked emails may be forged": what follows the
    colon is the warning, whatever the parser made of it."""
    return remembered(words, "after_a_colon_of_saying", _colons_of_saying)[at]


def _colons_of_saying(words: tuple[Word, ...]) -> list[bool]:
    """For each word, whether the last colon before it follows a noun or verb of saying."""
    found, saying, current = [], False, False
    for word in words:
        found.append(current)
        if word.text == ":":
            current = saying
        saying = saying or (word.pos == "NOUN" and word.lemma in _HOLDING_NOUNS) or \
            (word.pos == "VERB" and word.lemma in SPEECH_VERBS)
    return found


#: Nouns whose content a colon can introduce: a warning, a claim, a message, a fear.
_HOLDING_NOUNS = SPEECH_NOUNS | CONTENT_NOUNS
#: Verbs whose clause is someone's words or belief ("said that ...", "let them think that
#: ..."): a claim there is the holder's; who holds it, and how vaguely, is SRC302's question.
#: Not the factive "know" or "realize" (the writer vouches for what is known), nor "decide"
#: or "determine" (no belief at all).
_BELIEF_VERBS = frozenset("""
believe think feel fear expect worry doubt suspect assume consider wish hope imagine suppose
reckon anticipate foresee
""".split())
_HOLDING_VERBS = SPEECH_VERBS | _BELIEF_VERBS


def _authors_own(sentence: Sentence, start: int) -> bool:
    """"I would not count on it", "We know that ...": the writer speaks in the first person
    and so signs the view; it is opinion declared as such, not a fact that needs a source."""
    words = sentence.words
    at = word_at(words, start)
    for _ in range(6):
        if at is None:
            return False
        if any(w.dep in ("nsubj", "nsubjpass") for w in dependents(words, at)):
            return any(w.dep == "nsubj" and w.text.lower() in ("i", "we")
                       for w in dependents(words, at))
        at = head_of(words, at)
    return False


def _supposed(sentence: Sentence, start: int) -> bool:
    """The words are in a condition ("if Republicans plan to ..."): a supposition, no claim."""
    words = sentence.words
    at = word_at(words, start)
    if at is None:
        return False
    for clause in ancestors(words, at):
        if words[clause].dep == "advcl" and any(
                words[m].lemma in ("if", "unless") and words[m].dep == "mark"
                for m in children(words, clause)):
            return True
    return False
