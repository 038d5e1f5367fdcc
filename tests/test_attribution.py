"""Attribution extraction on short sentences written for these tests (needs the pipeline)."""

import pytest


def find(analysis, source_text=None, cue=None):
    for a in analysis.attributions:
        if source_text is not None and (a.source is None or source_text not in a.source.text):
            continue
        if cue is not None and (a.cue is None or a.cue.text != cue):
            continue
        return a
    found = [(a.source and a.source.text, a.cue and a.cue.text) for a in analysis.attributions]
    raise AssertionError(f"no attribution with source {source_text!r} cue {cue!r}: {found}")


def patterns(analysis) -> set[str]:
    """How the extractor linked each attribution: "clause", "noun", "evidential", ..."""
    return {a.pattern for a in analysis.attributions}


def test_said_that_is_indirect(analyse):
    a = find(analyse("The mayor said that the bridge would reopen in May."), "mayor", "said")
    assert a.kind == "indirect"
    assert "bridge would reopen" in a.content.text
    assert a.source_type == "unknown" or a.source.text == "The mayor"


def test_told_reporters(analyse):
    a = find(analyse("Maria Lopez told reporters the strike would continue."), "Maria Lopez",
             "told")
    assert "strike would continue" in a.content.text
    assert a.source_type == "person"


def test_according_to_names_the_source(analyse):
    a = find(analyse("The factory will close next year, according to the Labor Department."),
             "Labor Department", "according to")
    assert "factory will close" in a.content.text
    assert a.source_type == "organization"


def test_inverted_said_after_content(analyse):
    a = find(analyse("The economy is growing fast, said Jane Smith, an economist at the bank."),
             "Jane Smith", "said")
    assert "economy is growing" in a.content.text


def test_direct_quote_with_trailing_attribution(analyse):
    text = "“We will not back down,” Senator Tom Reed said on Sunday."
    a = find(analyse(text), "Tom Reed", "said")
    assert a.kind == "direct"
    assert a.content.text.startswith("“We will not back down")


def test_split_quote_is_one_attribution_with_two_fragments(analyse):
    text = "“The plan is sound,” Governor Ann Blake said. “We expect results within a year.”"
    analysis = analyse(text)
    a = find(analysis, "Ann Blake", "said")
    assert a.kind == "direct"
    assert len(a.fragments) == 2
    assert text[a.fragments[1][0]:a.fragments[1][1]].startswith("“We expect")


def test_colon_introduced_quote(analyse):
    text = "The senator said:\n“Nobody voted for this bill, and nobody wants it.”"
    a = find(analyse(text), "senator", "said")
    assert a.kind == "direct"
    assert "Nobody voted" in a.content.text


def test_mixed_partial_quote_inside_paraphrase(analyse):
    text = "The minister said the budget was “a disaster for families” and had to change."
    a = find(analyse(text), "minister", "said")
    assert a.kind == "mixed"


def test_cognition_verb(analyse):
    a = find(analyse("Peter Hall believes the company will be sold."), "Peter Hall", "believes")
    assert "company will be sold" in a.content.text


def test_passive_with_agent(analyse):
    text = "It was reported by the Tass news agency that the talks had ended in failure."
    a = find(analyse(text), cue="reported")
    assert a.source is not None and "Tass" in a.source.text
    assert a.source_type == "agency"


def test_expletive_passive_has_no_source(analyse):
    a = find(analyse("It is believed that the minister will resign next week."), cue="believed")
    assert a.source is None


def test_participle_inherits_subject(analyse):
    text = "Karen Wu spoke on Monday, saying that the deal was close."
    a = find(analyse(text), cue="saying")
    assert a.source is not None and a.source.text == "Karen Wu"


def test_relative_pronoun_source_is_named_by_its_antecedent(analyse):
    """The surface mention stays "who"; its type and name come from what it stands for."""
    text = "Donald Trump, who said the election was rigged, spoke in Ohio."
    a = find(analyse(text), cue="said")
    assert a.source.text == "who"
    assert (a.source_type, a.source_name) == ("person", "Donald Trump")


def test_anonymous_source_type(analyse):
    text = "A senior official familiar with the talks said the deal was dead."
    a = find(analyse(text), "official", "said")
    assert a.source_type == "anonymous"


def test_agency_and_media_source_types(analyse):
    analysis = analyse("Interfax reported that the talks ended. CNN reported that the talks "
                       "resumed.")
    assert find(analysis, "Interfax").source_type == "agency"
    assert find(analysis, "CNN").source_type == "media"


def test_document_source_type(analyse):
    a = find(analyse("A new report from the agency found that emissions rose sharply."),
             "report", "found")
    assert a.source_type == "document"


def test_the_people_a_poll_asked_are_its_source(analyse):
    a = find(analyse("By 58 to 33 percent, those surveyed said the program should stay."),
             "those", "said")
    assert (a.source.text, a.source_type) == ("those surveyed", "poll")


def test_pronoun_resolves_to_previous_named_speaker(analyse):
    text = ("Governor Ann Blake said the budget was balanced.\n"
            "She added that taxes would not rise.")
    a = find(analyse(text), "She", "added")
    assert a.source_name == "Ann Blake"
    assert a.source_type == "person"


def test_title_resolves_to_named_person(analyse):
    text = ("Special envoy John Carter met the prime minister on Friday.\n"
            "According to the envoy, the meeting was productive and long.")
    a = find(analyse(text), "envoy", "According to")
    assert a.source_name == "John Carter"


def test_scare_quote_is_not_an_attribution(analyse):
    analysis = analyse("The so-called “reform” passed on Tuesday after a long debate.")
    assert analysis.attributions == ()


def test_possessive_does_not_break_later_quotes(analyse):
    text = "The aides’ memo leaked. “We never saw it,” the spokeswoman Lina Park said."
    a = find(analyse(text), "Lina Park", "said")
    assert a.kind == "direct" and a.content.text.startswith("“We never saw it")


def test_nyt_style_quote(analyse):
    text = "''The numbers are strong,'' the economist Jared Cole wrote on his blog."
    a = find(analyse(text), "Jared Cole", "wrote")
    assert a.kind == "direct"


def test_offsets_slice_to_reported_text(analyse):
    text = "“Fine,” she said.\r\nThe mayor said that taxes rise."
    for a in analyse(text).attributions:
        for part in (a.content, a.source, a.cue):
            if part is not None:
                assert text[part.start:part.end] == part.text


@pytest.mark.parametrize("text", ["", "   \n  ", "No quotes here", "“", "\"\"\"", "’’’ ‘‘"])
def test_degenerate_texts_do_not_raise(analyse, text):
    analyse(text)


def test_one_word_answer_hugged_by_its_cue_is_a_quote(analyse):
    text = "The coach was asked who would win. “Denver,” he answered."
    a = find(analyse(text), "he", "answered")
    assert a.kind == "direct" and a.content.text == "“Denver,”"


def test_short_quote_after_said_comma(analyse):
    text = "Asked whether he would run again, Mayor Ruiz said, \"Probably.\""
    a = find(analyse(text), "Mayor Ruiz", "said")
    assert a.kind == "direct" and a.content.text == "\"Probably.\""


def test_question_quote_with_cue_split_off_by_the_parser(analyse):
    text = "\"Who gave you the list of everybody here?\" Dana Cole said. \"Okay, great!\""
    a = find(analyse(text), "Dana Cole", "said")
    assert a.kind == "direct"
    assert [text[s:e] for s, e in a.fragments] == [
        "\"Who gave you the list of everybody here?\"", "\"Okay, great!\""]


def test_inverted_cue_verb_before_its_subject_after_a_question(analyse):
    text = "“Is the governor profiling people? What is he talking about?” replied Tom Ames."
    a = find(analyse(text), "Tom Ames", "replied")
    assert a.kind == "direct" and a.content.text.startswith("“Is the governor")


def test_quote_ending_in_a_lone_mark_after_nested_single_quote(analyse):
    text = ("\"It's not just me saying, 'Vote for the plan,' \" Lena Hart told a local radio "
            "station on Sunday. \"It is the whole council standing up.\"")
    a = find(analyse(text), "Lena Hart", "told")
    assert a.kind == "direct" and len(a.fragments) == 2


def test_name_and_colon_introduce_a_quote(analyse):
    text = ("Both candidates spoke. Ortega: \"Our aim is to rebuild the harbour first.\" "
            "Whitfield: \"The harbour can wait until the schools are fixed.\"")
    analysis = analyse(text)
    assert find(analysis, "Ortega").kind == "direct"
    assert find(analysis, "Whitfield").content.text.startswith("\"The harbour can wait")


def test_clause_ending_in_a_colon_introduces_a_quote(analyse):
    text = ("The minister quickly changed the subject with a joke: \"It is only a storm in a "
            "teacup, and I have seen many storms.\"")
    a = find(analyse(text), "The minister")
    assert a.kind == "direct" and a.pattern == "colon"


def test_sign_that_reads_a_slogan(analyse):
    text = "“Hands off our library, please!” read one banner outside the hall."
    a = find(analyse(text), cue="read")
    assert a.kind == "direct"


def test_short_title_without_a_hugging_cue_is_no_quote(analyse):
    analysis = analyse("He wore a cap reading nothing, and praised the film “Blue Harbour” later.")
    assert all(a.kind != "direct" for a in analysis.attributions)


def test_that_said_is_a_transition_not_a_speaker(analyse):
    analysis = analyse("The budget passed. That said, the deficit will grow next year.")
    assert analysis.attributions == ()


def test_speaking_on_condition_of_anonymity_is_not_the_content(analyse):
    text = "An aide, who spoke on condition of anonymity, said the talks had stalled."
    analysis = analyse(text)
    assert [a.cue.text for a in analysis.attributions] == ["said"]
    assert "talks had stalled" in analysis.attributions[0].content.text


def test_as_someone_noted_attributes_the_main_clause(analyse):
    text = "As Clyburn noted, those voters will give the senator a second look."
    a = find(analyse(text), "Clyburn", "noted")
    assert "voters will give the senator a second look" in a.content.text


def test_while_clause_with_as_is_not_an_attribution(analyse):
    text = "The bill stalled in committee as Democrats blasted the governor for his veto."
    assert all(a.cue is None or a.cue.text != "blasted" or "bill stalled" not in a.content.text
               for a in analyse(text).attributions)


def test_seem_and_appear_are_the_reporters_inference_without_a_source(analyse):
    a = find(analyse("The senator's supporters seemed entirely unperturbed by the verdict."),
             cue="seemed")
    assert a.source is None and a.pattern == "evidential"
    assert "supporters seemed entirely unperturbed" in a.content.text
    assert "evidential" not in patterns(analyse("The mayor appeared on television on Monday."))


def test_finding_in_a_named_poll_is_sourced_to_the_poll(analyse):
    text = "In a Des Moines Register poll last month, the senator had a ten-point lead."
    a = find(analyse(text), "poll", "In")
    assert a.pattern == "finding" and "senator had a ten-point lead" in a.content.text


def test_generic_polls_are_not_a_source(analyse):
    text = "He trails the governor by double digits in most polls."
    assert "finding" not in patterns(analyse(text))


def test_transcript_speaker_label_and_interview_q(analyse):
    text = ("TAPPER: Senator Ellis, the bill failed again today in the chamber.\n\n"
            "ELLIS: Well, I think the whole chamber needs to work together on it.\n\n"
            "Q: Will you bring the bill back next year?")
    analysis = analyse(text)
    ellis = find(analysis, "ELLIS", ":")
    assert ellis.content.text.startswith("Well, I think")
    assert find(analysis, "Q", ":").content.text.startswith("Will you bring")


def test_market_table_and_notes_are_not_speaker_labels(analyse):
    text = ("New York – Dow: DOWN 0.4 percent at 17,959.64.\n\n"
            "Correction: An earlier version misstated the date of the vote.")
    assert "colon" not in patterns(analyse(text))


def test_declined_to_is_an_intention_not_speech(analyse):
    a = find(analyse("The spokesman declined to identify the donors behind the group."),
             cue="declined")
    assert a.is_speech is False and "identify the donors" in a.content.text


def test_attitude_adjective_with_a_clause_is_a_stance_not_speech(analyse):
    a = find(analyse("The mayor is confident the bridge will reopen in May."), "mayor", "confident")
    assert a.pattern == "attitude" and a.is_speech is False
    assert a.content.text == "the bridge will reopen in May"
    participle = find(analyse("Her allies have been worried that the fund will run dry."),
                      "allies", "worried")
    assert participle.content.text == "that the fund will run dry"
    # neither a clause nor a topic ("happy with the result"): a mood, not a stance
    assert "attitude" not in patterns(analyse("The firm was happy in its new offices."))


def test_content_noun_with_a_that_clause(analyse):
    claim = find(analyse("Her claim that the vote was rigged drew scorn."), "Her", "claim")
    assert claim.pattern == "noun" and claim.is_speech is True
    assert claim.content.text == "that the vote was rigged"
    fears = find(analyse("There are fears that the river will flood the town."), cue="fears")
    assert fears.source is None and fears.is_speech is False
    doubts = find(analyse("She raised doubts that the plan would work."), "She", "doubts")
    assert doubts.content.text == "that the plan would work"
    # a relative clause on a content noun is not its content
    assert "noun" not in patterns(analyse("He repeated the claim he made last week."))


def test_object_noun_of_a_cue_verb_gives_its_clause(analyse):
    a = find(analyse("The council rejected the notion that the park was unsafe."),
             "council", "rejected")
    assert a.content.text == "that the park was unsafe"
    only = analyse("The council rejected the notion that the park was unsafe.").attributions
    assert len(only) == 1


def test_casting_as_with_and_without_a_holder(analyse):
    a = find(analyse("The governor sees the new tax as a burden on farmers."), "governor", "sees")
    assert a.content.text == "the new tax as a burden on farmers"
    passive = find(analyse("The mayor is widely seen as the favourite."), cue="seen")
    assert passive.source is None and passive.pattern == "label"


def test_passive_stance_verb_with_its_by_agent(analyse):
    a = find(analyse("The plan was criticized by several economists."), "economists", "criticized")
    assert a.content.text == "The plan"
    reduced = find(analyse("Voters rejected a practice condemned by the watchdog."),
                   "watchdog", "condemned")
    assert reduced.content.text == "a practice"


def test_naming_verb_with_a_quoted_label(analyse):
    a = find(analyse('The governor called the new tariffs "quite dangerous" on Monday.'),
             "governor", "called")
    assert a.pattern == "label" and a.content.text.startswith("the new tariffs")
    assert "quite dangerous" in a.content.text


def test_poll_attached_to_a_noun_is_still_the_source(analyse):
    text = "The governor took just 6 percent of the vote in a Register poll released Sunday."
    a = find(analyse(text), "poll", "in")
    assert a.pattern == "finding" and "governor took just 6 percent" in a.content.text


def test_a_later_sentence_by_someone_else_stops_the_continuation(analyse):
    text = ('"It goes in one ear," Tom Ward said, pointing at his head. '
            'His wife Ann shook her head. "He is much better about it than I am."')
    tom = find(analyse(text), "Tom Ward", "said")
    assert "much better" not in tom.content.text and not tom.fragments
    kept = '"It goes in one ear," Tom Ward said, pointing at his head. "And out the other."'
    assert len(find(analyse(kept), "Tom Ward", "said").fragments) == 2


def test_stance_noun_with_its_topic(analyse):
    a = find(analyse("The mayor's criticism of the budget surprised the council."),
             "mayor", "criticism")
    assert a.pattern == "noun" and a.content.text == "the budget"
    assert "noun" not in patterns(analyse("The attack on the base killed two soldiers."))


def test_headline_name_and_colon(analyse):
    text = ("Sanders: Brexit's message could help Trump in the fall.\n\n"
            "Dow: DOWN 0.4 percent at 17,959.64.")
    analysis = analyse(text)
    a = find(analysis, "Sanders", ":")
    assert a.content.text.startswith("Brexit's message could help Trump")
    assert not [x for x in analysis.attributions if x.source and x.source.text == "Dow"]


def test_evidential_ends_with_its_complement(analyse):
    a = find(analyse("Trump seems to be a classic city personality, but he has proved "
                     "popular upstate as well."), cue="seems")
    assert a.content.text == "Trump seems to be a classic city personality"


def test_narration_between_paragraphs_stops_the_continuation(analyse):
    text = ('Ms. Reed said of the diagnosis: "It can happen when you are 45." She is 45.\n\n'
            '"You know, it happens to a lot of people."')
    reed = find(analyse(text), "Reed", "said")
    assert "a lot of people" not in reed.content.text and not reed.fragments
    kept = ('Ms. Reed said of the diagnosis: "It can happen when you are 45."\n\n'
            '"You know, it happens to a lot of people."')
    assert len(find(analyse(kept), "Reed", "said").fragments) == 2


def test_sourceless_relative_clause_does_not_break_title_resolution(analyse):
    # "who was thought to ..." has no source; a later "The senator said" must still resolve.
    text = ("She praised Senator Ann Lee, who was thought to have drafted the plan. "
            "The senator said the plan would pass.")
    analysis = analyse(text)
    thought = find(analysis, cue="thought")
    assert thought.source is None and thought.source_type != "person"
    assert find(analysis, "The senator", "said").content.text == "the plan would pass"


def test_decisions_and_agreements_to_act_are_intentions(analyse):
    a = find(analyse("The governor agreed to end her campaign in the state."), "governor", "agreed")
    assert a.content.text == "to end her campaign in the state"
    b = find(analyse("The board decided to delay the vote until May."), "board", "decided")
    assert b.content.text == "to delay the vote until May" and b.is_speech is False


def test_pointed_out_introduces_a_quotation(analyse):
    text = 'But as the newspaper pointed out, "Nobody has released fewer records than he has."'
    a = find(analyse(text), "newspaper", "pointed")
    assert a.kind == "direct" and a.content.text.startswith('"Nobody has released')


def test_intention_noun_with_its_infinitive(analyse):
    a = find(analyse("The mayor won votes with her promise to build a new bridge."),
             "her", "promise")
    assert a.content.text == "to build a new bridge"
    assert "noun" not in patterns(analyse("They met early in order to finish the report."))


def test_hopes_is_lemmatised_as_hope_and_is_a_belief(analyse):
    a = find(analyse("The mayor hopes to reopen the bridge by May."), "mayor", "hopes")
    assert a.cue_lemma == "hope" and a.is_speech is False
    assert a.content.text == "to reopen the bridge by May"


def test_light_verb_with_a_speech_noun(analyse):
    a = find(analyse("The senator made veiled references to his rival's voting record."),
             "senator", "references")
    assert a.content.text == "his rival's voting record" and a.is_speech is True


# Where the content of an attribution starts and stops: sentence, source, cue, content.
CONTENT_CASES = {
    "accused X of Y": ("The union accused the company of hiding its profits.", "union",
                       "accused", "the company of hiding its profits"),
    "made clear that": ("The company has now made clear that it will appeal the fine.",
                        "company", "made clear", "that it will appeal the fine"),
    "relative pronoun before the cue": (
        "The agency withheld details that officials said would endanger the witnesses.",
        "officials", "said", "would endanger the witnesses"),
    "gerund object": ("Most farmers support lowering the tax on diesel.", "farmers", "support",
                      "lowering the tax on diesel"),
    "indirect question after ask": (
        "The reporter asked the senator if he had been preparing for the job.", "reporter",
        "asked", "if he had been preparing for the job"),
    "label after a headline dash": (
        "TURNOUT WAS HIGHER THAN EXPECTED - Michael P. Carter: The first contest is over now.",
        "Michael P. Carter", ":", "The first contest is over now."),
    # the speaker's next act is not the content
    "trailing cue participle": ("The mayor said the budget was balanced, calling the deficit "
                                "a myth.", "mayor", "said", "the budget was balanced"),
    "second cue": ("The mayor said that taxes would fall and asked whether anyone objected.",
                   "mayor", "said", "that taxes would fall"),
    # a trailing comma-set aside is the reporter's gloss
    "trailing relative clause": ("The mayor said the contract went to Ann Cole, who leads the "
                                 "union.", "mayor", "said", "the contract went to Ann Cole"),
    "trailing contrast": ("Most voters said they prefer an outsider, while about 4 in 10 want "
                          "experience.", "voters", "said", "they prefer an outsider"),
    "trailing apposition": ("The senator endorsed Jeb Bush, the former Florida governor.",
                            "senator", "endorsed", "Jeb Bush"),
    "restrictive relative clause kept": (
        "The mayor said the plan that the council passed was fair.", "mayor", "said",
        "the plan that the council passed was fair"),
    "attitude adjective with its topic": (
        "Party leaders are wary of pushing the platform too far left.", "Party leaders", "wary",
        "pushing the platform too far left"),
    # the parser hangs "If ..." on the cue; everything before the comma was said
    "cue closing its sentence": (
        "If the fund cannot pay yet, it will soon, officials say.", "officials", "say",
        "If the fund cannot pay yet, it will soon"),
    # the parser leaves "and" (and the no-break space after it) inside the reported clause
    "no dangling conjunction": (
        "The senator said that the plan had failed, and\u00a0questioned why anyone would do so.",
        "senator", "said", "that the plan had failed"),
    "stance verb with its object": ("The senator mocked his rivals at the rally.", "senator",
                                    "mocked", "his rivals"),
    # the parser hangs "of being ..." on the object, not on the verb
    "charge attached to the object": ("The campaign accused her allies of being traitors.",
                                      "campaign", "accused", "her allies of being traitors"),
    "as X has pointed out": ("As the speaker has pointed out, that is the definition of racism.",
                             "speaker", "pointed", "that is the definition of racism."),
    "as X puts it": ("As one professor puts it, the North is racing towards the finish line.",
                     "professor", "puts", "the North is racing towards the finish line."),
    "pointing out an object": ("He is pointing out the progress he has made in the polls.",
                               "He", "pointing", "the progress he has made in the polls"),
    "hoping for something": ("The senator hopes for a miracle at the convention.", "senator",
                             "hopes", "a miracle at the convention"),
    "believing in something": ("Economists believe in taxing polluters.", "Economists",
                               "believe", "taxing polluters"),
    "liking to do something": ("The comic also likes to make fun of Washington.", "comic",
                               "likes", "to make fun of Washington"),
    "considering a bill": ("The House is likely to consider the Senate version of the bill this "
                           "week.", "House", "consider", "the Senate version of the bill"),
    "content noun with a clause but no 'that'": (
        "There are fears the crowds will help the virus spread.", None, "fears",
        "the crowds will help the virus spread"),
    "no consensus on a question": (
        "There is no consensus on whether the slowdown was caused by the recession.", None,
        "consensus", "whether the slowdown was caused by the recession"),
    "a ruling": ("The judge ruled that the law was unconstitutional.", "judge", "ruled",
                 "that the law was unconstitutional"),
    "a finding": ("Investigators determined that the fire was an accident.", "Investigators",
                  "determined", "that the fire was an accident"),
    "contradicting an account": ("The new data contradicts the mayor's account of the budget.",
                                 "data", "contradicts", "the mayor's account of the budget"),
    "siding with someone": ("The senator sided with the striking nurses.", "senator", "sided",
                            "the striking nurses"),
    "apologising for something": ("The company apologized for the long delays.", "company",
                                  "apologized", "the long delays"),
    "focused on a topic": ("The first lady has focused on childhood obesity.", "first lady",
                           "focused", "childhood obesity"),
}


@pytest.mark.parametrize("text, source, cue, content", CONTENT_CASES.values(),
                         ids=CONTENT_CASES.keys())
def test_content_boundaries(analyse, text, source, cue, content):
    assert find(analyse(text), source, cue).content.text == content


def test_second_participle_joined_to_a_reduced_relative_is_the_speakers(analyse):
    # The parser joins "stressing" to "made"; it is the mayor's second act, not the cuts'.
    text = ("The mayor defended the budget, citing the cuts made last year and stressing the "
            "need for new parks.")
    analysis = analyse(text)
    assert find(analysis, "The mayor", "citing").content.text == "the cuts made last year"
    assert find(analysis, cue="stressing").source.text == "The mayor"


# Who speaks when the parse misleads: sentence, cue, source.
SPEAKER_CASES = {
    # "a campaign to defend": the governor defends, not the campaign
    "infinitive after an object noun": (
        "The governor launched a campaign to defend the budget, insisting that it was balanced.",
        "defend", "The governor"),
    # the parser gives "said" two subjects, "mode" and "Wimes"
    "inverted cue, not the quotation's last words": (
        '"The campaign is in panic mode. Full panic mode," said Leslie Wimes, a caucus chair.',
        "said", "Leslie Wimes"),
    # right after a closing mark the parser makes the speaker an object
    "speaker parsed as the object of an inverted cue": (
        '"How big is that wall?" asked the boy, who wore a red hat.', "asked", "the boy"),
    # the parser joins "questioned" to the reported clause, whose subject is "the plan"
    "second cue joined to the reported clause": (
        "The senator said that the plan had failed on camera, and questioned why anyone would do "
        "so.", "questioned", "The senator"),
    # the parser gives "say" two subjects, "it" and "officials"
    "nearest of two subjects": (
        "If the fund cannot pay yet, it will soon, officials say.", "say", "officials"),
}


def test_an_opening_adverbial_is_not_what_a_closing_cue_reports(analyse):
    analysis = analyse("Speaking to students in Ohio this week, the senator responded.")
    assert not [a for a in analysis.attributions if a.cue and a.cue.text == "responded"]


@pytest.mark.parametrize("text, cue, source", SPEAKER_CASES.values(), ids=SPEAKER_CASES.keys())
def test_speaker(analyse, text, cue, source):
    a = find(analyse(text), cue=cue)
    assert a.source is not None and a.source.text == source


def test_an_open_question_without_a_holder_is_no_attribution(analyse):
    analysis = analyse("The next round of talks will be crucial in determining whether a deal is "
                       "near.")
    assert not [a for a in analysis.attributions if a.cue and a.cue.text == "determining"]
    held = find(analyse("The panel determined whether the deal was legal."), "panel", "determined")
    assert held.content.text == "whether the deal was legal"
