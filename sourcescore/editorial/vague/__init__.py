"""Vague attribution: a claim put to a source nobody can check, found by construction.

Each construction is a grammatical shape an editor recognises, declared with sentences it
finds and sentences it leaves alone (`tests/test_vague.py` runs them all):

* `group-says` - speech or belief put to a vague group: "critics say", "many fear", "Traders
  expect", "some Republicans have argued", unless the story names members of the group; and
  anything put to a faceless collective ("the international community remains hopeful");
* `held-by-many` - a sentence that opens on an unnamed group whose view it states: "To many,
  he is a provocateur", "For some, the question becomes ...";
* `agentless-passive` - a verb of saying, thinking or judging in the passive with no one doing
  it: "is expected to", "is widely seen as", "it is believed that", "was widely criticized",
  or by nobody in particular: "viewed by many as";
* `reaction-drawn` - an unnamed reaction as the object of what the subject caused or met:
  "has drawn criticism", "sparked speculation", "came under fire", "a wave of criticism";
* `mood-persists` - an unowned state of mind as the subject of a verb of lasting or growing:
  "hopes remain", "fears grew", "questions linger";
* `there-is-a-view` - an existential that asserts a view without a holder: "There is a
  widespread recognition that ...", "there are growing fears";
* `contested` - a dispute asserted without the disputants: "has been controversial";
* `unnamed-evidence` - polls, studies, models or reports that show something, with none of them
  named: "polls show", "most forecast models give", "projections suggest", "with polls
  showing her lead gone";
* `hedge-adverb` - "reportedly", "allegedly", "supposedly" in the reporter's voice; "allegedly"
  is the standard legal hedge in crime and court reporting and is left alone there.

Text inside quotation marks is a speaker's, never the reporter's, and is skipped, as is what
a checkable source is reported to have said; so are sentences that are not body text.
Everything reads the shared analysis only.
"""


from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, get_args

from sourcescore.editorial.constructions import Construction, Family, Found
from sourcescore.editorial.coverage import in_sourced_content
from sourcescore.model import Analysis, Sentence

#: The constructions' names: what a configuration may select.
ConstructionName = Literal["group-says", "held-by-many", "agentless-passive", "reaction-drawn",
                           "mood-persists", "there-is-a-view", "contested", "unnamed-evidence",
                           "hedge-adverb"]
#: A vague attribution found in the text (`Found`): the construction and the words.
Vagueness = Found


from sourcescore.editorial.vague.evidence import hedge_adverb, unnamed_evidence  # noqa: E402
from sourcescore.editorial.vague.groups import group_says, held_by_many  # noqa: E402
from sourcescore.editorial.vague.passives import agentless_passive  # noqa: E402
from sourcescore.editorial.vague.reactions import (  # noqa: E402
    contested,
    mood_persists,
    reaction_drawn,
    there_is_a_view,
)

CONSTRUCTIONS: tuple[Construction, ...] = (
    Construction(
        "group-says", "speech or belief put to a vague group", group_says,
        ("Critics say the plan is doomed.", "Many economists believe the tax will backfire.",
         "Traders expect markets to fall sharply if the bill passes.",
         "The international community remains cautiously optimistic about the talks.",
         "His critics argue that the mayor is a spoiler.",
         "Her supporters say the verdict was unfair."),
        ("Critics of the plan marched on City Hall.",
         "Voters rejected the measure on Tuesday."), confidence=0.8),
    Construction(
        "held-by-many", "a view put to an unnamed many that the sentence opens on", held_by_many,
        ("To many, the mayor is a reformer.", "But to others, he is a spoiler.",
         "For many, the question becomes whether the deal will last."),
        ("To Senator Jane Doe, the mayor is a reformer.", "For many years, the mill was open.",
         "To many of its workers the mill gave a living, the union said in 1990.")),
    Construction(
        "agentless-passive", "a view in the passive, held by nobody named", agentless_passive,
        ("The central bank is not expected to change rates.",
         "The governor is widely seen as the front-runner.",
         "It is believed that the talks will resume.",
         "Rubio, long viewed as the favourite, lost the state.",
         "The mayor defended the shake-up, viewed as a sign of trouble at city hall.",
         "She attacked the senator, long viewed by many in the party as its best hope.",
         "Landlords in the city have been known to ignore the rules."),
        ("The suspect was seen leaving the building.",
         "The shake-up, viewed by his aides as overdue, came on Friday.",
         "The governor is expected by her own staff to resign.",
         "The mayor is known as the Donald.", "It is not known whether he will run.")),
    Construction(
        "reaction-drawn", "a reaction with nobody named as reacting", reaction_drawn,
        ("The proposal has drawn criticism.", "The move sparked speculation about a deal.",
         "The agency came under fire for the delays.",
         "The airline faced a storm of criticism over the delays."),
        ("The proposal drew criticism from Senator Jane Doe.",
         "The senator voiced concerns about the cost.",
         "The shooting prompted protests across the city.")),
    Construction(
        "mood-persists", "a state of mind that lasts or grows with no one holding it",
        mood_persists,
        ("Hopes remain for a ceasefire.", "Fears grew that the talks would collapse."),
        ("His hopes remain high.",), confidence=0.6),
    Construction(
        "there-is-a-view", "an existential asserting a view without a holder", there_is_a_view,
        ("There is a widespread recognition that the party needs to rebuild.",
         "There are growing fears of a recession."),
        ("There is no doubt the storm was severe.", "There are three candidates.")),
    Construction(
        "contested", "a dispute asserted without the disputants", contested,
        ("The response to the attacks has been controversial.",),
        ("The controversial plan was approved on Monday.",), confidence=0.6),
    Construction(
        "unnamed-evidence", "polls, studies or models that show something, none named",
        unnamed_evidence,
        ("Polls show high levels of voter discontent.",
         "The race is tight, with polls showing the governor's lead gone.",
         "Most forecast models give the senator a strong advantage.",
         "According to estimates, the deal is worth billions."),
        ("A Gallup poll shows high levels of voter discontent.",
         "The survey found that most voters were undecided.")),
    Construction(
        "hedge-adverb", "a hedge that stands in for a source", hedge_adverb,
        ("The administration is reportedly confident of a deal.",
         "The minister allegedly favoured the plan."),
        ("The man allegedly stole a car and was arrested by police on Friday.",
         "The minister reportedly told The Times that he favoured the plan.")),
)

#: Construction names, in the order they are tried.
NAMES: tuple[ConstructionName, ...] = get_args(ConstructionName)
assert tuple(c.name for c in CONSTRUCTIONS) == NAMES, "declare each construction once, in order"


def _outside_quotes_and_sources(analysis: Analysis, sentence: Sentence, start: int,
                                end: int) -> bool:
    """The reporter's words: not a quotation, not what a checkable source said."""
    return not analysis.in_quotation(start, end) and \
        not in_sourced_content(analysis, sentence, start, end)


def _body(analysis: Analysis, sentence: Sentence) -> bool:
    return sentence.role == "body"


VAGUE = Family("vague", CONSTRUCTIONS, _outside_quotes_and_sources, _body)


def find_vague(analysis: Analysis, sentence: Sentence,
               enabled: Iterable[str] | None = None) -> list[Found]:
    """The vague attributions in a body sentence, outside quotations, in text order (one per
    stretch of text: the first construction that finds it names it)."""
    return VAGUE.find(analysis, sentence, enabled)
