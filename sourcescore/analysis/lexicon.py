"""Word lists the extractor uses: attribution cues, source descriptors, agencies and outlets.

These are general journalism vocabulary (speech and cognition verbs as in the GGT and textacy
allow-lists, anonymity descriptors as in style-guide policies), not phrases taken from any corpus.
"""

from __future__ import annotations

#: Verbs that report speech or writing: "X said that ...", "'...,' X added".
SPEECH_VERBS = frozenset("""
say tell add ask write note explain state announce declare report claim argue insist admit
concede warn suggest acknowledge confirm deny reveal tweet post predict recall reply respond
answer continue describe urge testify contend maintain assert complain boast joke quip vow
promise pledge threaten caution stress emphasize emphasise observe comment remark mention
indicate signal hint disclose inform allege charge accuse criticize criticise praise blast slam
counter retort agree disagree dispute question wonder estimate forecast conclude
find show demonstrate call dismiss defend decry lament concur affirm reiterate repeat
recount cite quote brag scoff sneer shout yell cry whisper mutter exclaim proclaim pronounce
tout hail applaud welcome condemn denounce reject rebut refute counsel advise suggest propose
demand order instruct request plead beg implore speculate guess reckon acknowledge attest
specify clarify elaborate summarize summarise assure reassure remind teach lecture preach react
rule underscore

""".split())

#: Verbs that report a belief, feeling or intention: "X believes ...", "X wants to ...".
#: "imagine" and "suppose" are left out: they mostly frame hypotheticals, not anyone's claim.
COGNITION_VERBS = frozenset("""
believe think feel know fear expect worry doubt suspect assume consider understand realize
realise recognize recognise wish want plan intend seek prefer see figure trust
decline refuse decide choose opt aim hope
anticipate envision envisage foresee determine
""".split())

CUE_VERBS = SPEECH_VERBS | COGNITION_VERBS

#: Cues whose infinitive is the content: "X wants to ...", "X vowed to ...", "X agreed to ...".
INFINITIVE_CUES = COGNITION_VERBS | frozenset("""
promise vow pledge threaten urge ask call tell warn agree vote like love hate
""".split())

#: Verbs that introduce a quotation only when it sits right against them: a sign "read", a
#: crowd "chanted", an email "began".
QUOTE_VERBS = SPEECH_VERBS | frozenset("""
read chant sing scream holler shriek muse echo chime interject begin text email type
gush marvel rage fume snap growl laugh sigh bark boom roar thunder snarl hiss gasp blurt bellow
""".split())

#: Verbs whose direct object is the content of a stance or statement: "X supports the bill",
#: "X announced a plan". Used only when the verb has no clausal complement. Verbs whose object
#: is mostly not a statement are left out: "challenged the law".
OBJECT_CUES = frozenset("""
support back endorse oppose reject criticize criticise condemn denounce praise applaud welcome
announce propose unveil discuss debate describe mention note cite acknowledge confirm deny
dispute say offer
question defend blame attack express voice promise predict demand urge
recommend advocate favor favour embrace champion tout dismiss decry lament concede admit
show reveal report list outline detail recount recall highlight stress emphasize emphasise
mock ridicule echo like dislike love hate share reference invoke bemoan explain reiterate
consider post contradict assail
""".split())

#: Verbs whose prepositional object is the content: "X called for a ban", "X talked about jobs".
PREP_CUES = {
    "call": ("for", "on"), "talk": ("about", "of"), "speak": ("about", "of", "on"),
    "refer": ("to",), "point": ("to",), "complain": ("about", "of"), "warn": ("of", "about",
                                                                             "against"),
    "argue": ("for", "against"), "ask": ("about", "for"), "comment": ("on",),
    "write": ("about", "of"), "agree": ("on", "with"), "insist": ("on",), "push": ("for",),
    "advocate": ("for",), "campaign": ("for", "against", "on"), "testify": ("about", "on"),
    "boast": ("about", "of"), "joke": ("about",), "vote": ("for", "against"),
    "express": ("concern", "support"), "hint": ("at",), "rail": ("against",),
    "lash": ("out",), "weigh": ("in",), "worry": ("about",),
    "think": ("about", "of"), "lobby": ("for", "against"), "focus": ("on",),
    "hope": ("for",), "wish": ("for",), "pray": ("for",), "believe": ("in",),
    "apologize": ("for",), "apologise": ("for",), "side": ("with", "against"),
}

#: Prepositional objects that make a fixed phrase, not a topic: "spoke on condition of anonymity".
PREP_IDIOMS = frozenset("condition record behalf background".split())

#: Verbs whose object and a prepositional phrase together are the content: "accused Smith of
#: lying", "blamed the storm for the delay".
CHARGE_CUES = {
    "accuse": ("of",), "blame": ("for", "on"), "criticize": ("for",), "criticise": ("for",),
    "praise": ("for",), "credit": ("with", "for"), "fault": ("for",), "thank": ("for",),
    "applaud": ("for",), "commend": ("for",), "charge": ("with",), "condemn": ("for",),
    "attack": ("for", "over"), "slam": ("for", "over"), "blast": ("for", "over"),
    "warn": ("of", "about", "against"),
}

#: Adjectives of attitude that take a clause: "X is confident (that) ...", "X was unaware ...".
#: Those marked in ATTITUDE_INFINITIVES also take an infinitive: "X is determined to win".
ATTITUDE_ADJECTIVES = frozenset("""
aware unaware conscious mindful confident sure certain convinced unsure uncertain doubtful
skeptical sceptical optimistic pessimistic hopeful concerned worried afraid fearful nervous
anxious glad happy pleased delighted relieved proud sorry grateful thankful upset angry
furious frustrated disappointed dismayed alarmed surprised shocked adamant insistent
determined eager reluctant willing unwilling keen
""".split())
ATTITUDE_INFINITIVES = frozenset("""
determined eager reluctant willing unwilling keen
""".split())

#: Adjectives of attitude whose prepositional object is what the stance is about: "X was wary
#: of the deal", "critics are skeptical about the plan", "she is open to a compromise".
_ABOUT = ("about", "over")
ATTITUDE_TOPICS = {
    **{word: _ABOUT for word in """
        optimistic pessimistic hopeful concerned worried nervous anxious upset angry furious
        excited enthusiastic passionate unsure uncertain adamant cautious confident""".split()},
    **{word: ("of",) for word in """
        wary critical supportive aware unaware mindful conscious convinced afraid fearful proud
        dismissive suspicious tolerant respectful contemptuous""".split()},
    **{word: ("with",) for word in """
        pleased satisfied dissatisfied unhappy disappointed frustrated comfortable
        uncomfortable""".split()},
    **{word: ("to",) for word in "open opposed resistant receptive hostile sympathetic".split()},
    "skeptical": ("about", "of"), "sceptical": ("about", "of"), "sure": ("about", "of"),
    "certain": ("about", "of"), "happy": ("about", "with"), "glad": ("about",),
    "doubtful": ("about", "of"),
}

#: Nouns whose "that"-clause is a claim, belief or report: "his claim that ...", "fears that ...".
CONTENT_NOUNS = frozenset("""
claim belief fear hope concern worry idea view argument assertion allegation suggestion
notion assumption expectation warning promise pledge insistence conviction feeling doubt
speculation rumor rumour report statement acknowledgment acknowledgement admission charge
accusation assurance prediction contention complaint theory impression perception message
announcement evidence indication sense suspicion confidence case agreement consensus
""".split())

#: Nouns of intention whose infinitive is the content: "his promise to build a wall",
#: "their decision to wait". Not "order" ("in order to") or "bid" (an attempt, not a stance).
INTENT_NOUNS = frozenset("""
decision plan promise pledge vow threat refusal intention intent desire willingness commitment
determination resolve offer proposal demand request call push
""".split())

#: The content nouns that report something said or written (the rest are beliefs and feelings).
SPEECH_NOUNS = frozenset("""
claim argument assertion allegation suggestion warning promise pledge insistence report
statement acknowledgment acknowledgement admission charge accusation assurance prediction
contention complaint message announcement reference comment remark mention joke case
""".split())

#: Nouns of stance whose prepositional object is what the stance is about: "his criticism of
#: the plan", "their call for a recount". Left out: nouns that as often name an event or a
#: measure of opinion ("an attack on the base", "support among voters", "the endorsement of").
STANCE_NOUNS = {
    "opposition": ("to",), "praise": ("for", "of"), "criticism": ("of",),
    "condemnation": ("of",), "opinion": ("of", "on", "about"), "view": ("of", "on", "about"),
    "position": ("on",), "stance": ("on",), "objection": ("to",),
    "skepticism": ("about", "of"), "call": ("for",), "demand": ("for",), "plea": ("for",),
    # speech nouns after a light verb: "made a reference to", "made comments about"
    "reference": ("to",), "comment": ("about", "on"), "remark": ("about", "on"),
    "statement": ("about", "on"), "case": ("for", "against"), "prediction": ("about",),
    "mention": ("of",), "announcement": ("about", "on"), "joke": ("about",),
    "argument": ("for", "against"), "warning": ("about", "of", "against"),
    "complaint": ("about",), "consensus": ("on", "about"),
}

#: Verbs whose object plus complement is the content: "called the plan 'a disaster'".
LABEL_VERBS = frozenset("call describe label term dub brand characterize characterise".split())

#: Verbs that cast their object as something: "sees the issue as a way to win", "is viewed as
#: weak".
AS_VERBS = frozenset("""
see view regard portray cast paint depict present frame perceive criticize criticise praise
hail tout dismiss describe characterize characterise rate rank
""".split())

#: Multi-word cues: phrase (lower case) -> whether the source follows it.
PHRASE_CUES = {
    "according to": True,
    "as reported by": True,
    "as quoted by": True,
    "in the words of": True,
    "in the view of": True,
    "as told to": True,
}

#: Nouns for an unnamed person or role: "a senior official", "her advisers", "aides". Named
#: by what they are and where they stand, but not by name: an anonymous source.
ANONYMOUS_HEADS = frozenset("""
official officials source sources aide aides person insider insiders adviser advisers
advisor advisors staffer staffers diplomat diplomats lawmaker lawmakers member members
spokesman spokeswoman spokesperson representative representatives witness witnesses operative
operatives strategist strategists ally allies associate associates confidant confidants
someone somebody figure figures officer officers employee employees executive executives
negotiator negotiators individual individuals friend friends relative relatives investigator
investigators prosecutor prosecutors attorney attorneys lawyer lawyers people
""".split())

#: Nouns for a generic group that speaks or believes as one: "critics say", "analysts expect".
#: Nobody can check what "observers" think; attributing to them is vague, not anonymous.
GROUP_HEADS = frozenset("""
critic critics observer observers analyst analysts expert experts pundit pundits commentator
commentators supporter supporters opponent opponents voter voters resident residents people
activist activists environmentalist environmentalists conservative conservatives liberal
liberals progressive progressives investor investors trader traders economist economists
scholar scholars historian historians scientist scientists americans democrats republicans
evangelicals fans users viewers readers insiders watchers skeptics sceptics
detractors backers defenders proponents advocates everyone everybody nobody others
leaders millennials speakers attendees members community communities parents students
workers families protesters demonstrators
""".split())

#: Words that make any mention a vague group: "many", "some Republicans", "several Democrats".
QUANTIFIERS = frozenset("""
many some several most few numerous various certain countless other others those all both
plenty majority
""".split())

#: Nouns that make a mention a poll: "a Quinnipiac poll", "64 percent who say", "majorities".
POLL_HEADS = frozenset("""
poll polls survey surveys pollster pollsters percent percentage majority majorities proportion
share plurality respondents
""".split())

#: Role nouns a definite description can stand for a person by: "the candidate", "the real
#: estate tycoon", "the Florida senator".
ROLE_NOUNS = frozenset("""
senator governor president candidate nominee businessman businesswoman billionaire mogul
tycoon actor actress star host anchor minister secretary envoy ambassador chairman chairwoman
chief leader congressman congresswoman mayor judge justice general commander director founder
author writer speechwriter neurosurgeon surgeon pastor preacher rapper singer comedian
developer magnate heiress lawyer attorney economist scholar professor spokesman spokeswoman
former frontrunner front-runner challenger incumbent contender hopeful daughter son wife
husband mother father brother sister widow
""".split())

#: Words that turn a descriptor into an anonymity marker: "a person familiar with", "senior".
ANONYMITY_MARKERS = frozenset("""
familiar knowledgeable unnamed anonymous anonymity unidentified senior some several many
close briefed authorized authorised
""".split())

#: Nouns that make a mention an organisation even when a person's name modifies it:
#: "the Trump administration", "the Clinton campaign", "the Sanders team".
INSTITUTION_HEADS = frozenset("""
administration campaign government team committee office department ministry agency party
company firm council foundation organization organisation group commission court embassy
senate congress parliament cabinet staff police military army navy authorities
""".split())

#: Nouns for documents and posts that can be the source of a claim.
DOCUMENT_HEADS = frozenset("""
report reports statement statements study studies survey surveys poll polls data document
documents memo memos filing filings lawsuit complaint ruling letter letters email emails
e-mail transcript release analysis audit review record records tweet tweets post posts
website site blog video footage figures estimate estimates census indictment affidavit
testimony order plan proposal bill resolution motion platform book column editorial op-ed
ad ads advertisement commercial account page feed speech remarks transcript calendar filings
schedule tally count analysis investigation inquiry guidance guidelines reply response letter
""".split())

#: Wire agencies: canonical name -> names and abbreviations that refer to it.
AGENCIES = {
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "Reuters": ("Reuters", "Thomson Reuters"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse", "France-Presse"),
    "UPI": ("UPI", "United Press International"),
    "Bloomberg": ("Bloomberg News",),
    "Interfax": ("Interfax",),
    "TASS": ("TASS", "Tass", "ITAR-TASS"),
    "RIA Novosti": ("RIA Novosti", "RIA"),
    "Xinhua": ("Xinhua",),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "ANSA": ("ANSA",),
    "EFE": ("EFE",),
    "Kyodo": ("Kyodo", "Kyodo News"),
    "PTI": ("PTI", "Press Trust of India"),
    "ANI": ("ANI", "Asian News International"),
    "IANS": ("IANS",),
    "Yonhap": ("Yonhap",),
    "Anadolu": ("Anadolu", "Anadolu Agency"),
    "PA": ("PA Media", "Press Association"),
    "Canadian Press": ("The Canadian Press", "Canadian Press", "CP"),
    "AAP": ("AAP", "Australian Associated Press"),
    "Ukrinform": ("Ukrinform",),
    "Jiji": ("Jiji Press", "Jiji"),
}

#: Agency abbreviations too ambiguous to read as an agency outside a dateline's parentheses
#: ("CP" is a party, "PA" a state, "RIA" and "ANI" words or names in other languages).
DATELINE_ONLY_AGENCY_NAMES = frozenset({"CP", "PA", "RIA", "Jiji", "ANI"})

def _listed(name: str) -> frozenset[str]:
    """Names from a data file beside this module: one per line, `#` starts a comment."""
    from importlib.resources import files

    text = files("sourcescore.analysis").joinpath("data").joinpath(name).read_text("utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(line for line in lines if line)


#: News outlets and their shows, for second-hand sourcing ("told CNN", "according to The
#: Times") and `media` sources; the list is `data/outlets.txt`.
MEDIA_OUTLETS = _listed("outlets.txt")

#: Words that make a capitalised name a newspaper or broadcaster: "the Miami Herald",
#: "The Baltimore Sun", "ABC News".
MASTHEAD_WORDS = frozenset("""
Times Post Journal Tribune Herald Chronicle Gazette Examiner Sun Globe Observer Inquirer
Dispatch Courier Telegraph Guardian Mirror News Magazine Weekly Daily
""".split())

#: Polling and audience-measurement organisations (`data/pollsters.txt`).
POLLSTERS = _listed("pollsters.txt")

#: Words that show a noun phrase names a news outlet or programme.
MEDIA_HEADS = frozenset("""
newspaper newspapers network networks magazine broadcaster outlet outlets channel station
program programme show radio television tv daily weekly tabloid website podcast interview
""".split())

#: Pronouns that can stand for a speaker.
PERSONAL_PRONOUNS = frozenset("he she they it we i you his her their".split())
