"""The editorial wing: what a standards editor reads in a story's own words.

Every editorial rule reads the same per-article reading (`reading.reading`), gathered once from
the shared analysis by declared constructions (`constructions.Construction`), each with the
sentences it finds and the sentences it leaves alone:

* `claims` - claims that need a source (a figure, a cause, a prediction, what a group thinks, a
  judgement stated as fact, what happened in private);
* `coverage` - what sources a claim: speech or evidence that says it, a paragraph's lead-in, a
  speaker's running paraphrase, a record named nearby;
* `vague` - claims put to sources nobody can check ("critics say", "is widely seen as");
* `filler` - words that stand in for reporting (clichés, editorialising, empty gloss);
* `citations` - another outlet's reporting relayed ("told CNN", "according to the Post");
* `references` - wire copy matched against the agency's own text (`--against`);
* `sourcing` - what the story says about its sources as a whole (roles, bases, polls, lede).
"""
