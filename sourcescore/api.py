"""The library API: a `Checker` that turns texts into reports, the same way the command line does.

    >>> from sourcescore import check_text
    >>> report = check_text("The minister said the plan would cost $2 billion.")
    >>> report.score  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from sourcescore import __version__
from sourcescore.config import Config, find_config, load_config, plugin_choice
from sourcescore.engine import active_rules, judge, settle
from sourcescore.errors import SourcescoreError
from sourcescore.exemptions import Directive, RuleNames, apply_exemptions, resolve_exemptions
from sourcescore.markup import with_original_text
from sourcescore.model import GENRES, Analysis
from sourcescore.plugins import Plugins, load_plugins
from sourcescore.prepare import PageMeta, Prepared, Preparer
from sourcescore.report import FileReport, Genre, Hold, InputInfo, Report, Scoring
from sourcescore.ruletools import plural
from sourcescore.waivers import genre_waiver

if TYPE_CHECKING:
    from sourcescore.editorial.references import ReferenceIndex

class Checker:
    """Holds the plugins, configuration and pipeline for a run; check as many texts as you like.

    The spaCy pipeline is loaded on first use, so listing rules or explaining one stays fast.
    """

    def __init__(self, config_path: str | Path | None = None, *, select: Iterable[str] = (),
                 ignore: Iterable[str] = (), plugins: Plugins | None = None,
                 extra_plugins: tuple[object, ...] = (), use_config_file: bool = True,
                 nlp=None, probe_plugins: bool = True, skip_plugins: tuple[str, ...] = ()
                 ) -> None:
        path = find_config(str(config_path) if config_path else None) if use_config_file else None
        autoload, named = plugin_choice(path)
        self.plugins = plugins or load_plugins(extra=extra_plugins, autoload=autoload,
                                               named=named, probe=probe_plugins,
                                               skip=skip_plugins)
        self.config: Config = load_config(path, self.plugins.rules)
        self.rules = active_rules(self.plugins.rules, self.config, tuple(select), tuple(ignore))
        general = self.config.general
        self.preparer = Preparer(general.inline_exemptions, general.plain_text_exemption)
        self._rule_names = RuleNames.of(self.plugins.rules, self.rules)
        self._nlp = nlp
        self.references: ReferenceIndex | None = None

    @property
    def nlp(self):
        if self._nlp is None:
            from sourcescore.nlp import load_pipeline

            self._nlp = load_pipeline()
        return self._nlp

    def refused_plugins(self) -> tuple[str, ...]:
        """The plugins that failed to load here, for worker processes not to load again."""
        return tuple(p.plugin for p in self.plugins.errors if p.stage == "load")

    def set_references(self, texts: Iterable[tuple[str, str]],
                       timeout: float = 0.0) -> list[tuple[str, str]]:
        """Index reference copy (name, text) for the `--against` comparison. Each reference is
        analysed under `timeout` seconds (0: no limit); returns (name, why) for those that
        were not indexed."""
        from sourcescore.editorial.references import ReferenceIndex
        from sourcescore.engine import RuleTimeout, time_limit

        indexed, problems = [], []
        for name, text in texts:
            try:
                with time_limit(timeout, "file_timeout"):
                    indexed.append((name, self.analyse(text)))
            except RuleTimeout as exc:
                problems.append((name, f"{name}: reference not indexed: {exc}"))
        self.references = ReferenceIndex.build(indexed)
        return problems

    def analyse(self, text: str) -> Analysis:
        """The shared analysis of one text (one parse)."""
        return next(iter(self.analyse_many([text])))

    def analyse_many(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[Analysis]:
        """Analyses of many texts, parsed in batches with `nlp.pipe`."""
        from sourcescore.analysis.build import analyse_many

        yield from analyse_many(texts, self.nlp, self.references, batch_size,
                                keep_docs=any(rule.needs_doc for rule in self.rules))

    def check_text(self, text: str, path: str = "<text>") -> FileReport:
        """Check one article's text."""
        return next(iter(self.check_texts([(path, text)])))

    def check_texts(self, items: Iterable[tuple[str, str | Exception]]) -> Iterator[FileReport]:
        """Check (path, text) pairs in order; a pair whose text is an exception reports it.

        The path's suffix says how to read the text (`sourcescore.prepare`): .md/.markdown as
        Markdown, .html/.htm as an HTML page, anything else as plain text.
        """
        pending: list[Prepared] = []
        for path, text in items:
            prepared = self._prepare(path, text)
            if isinstance(prepared, Exception) or not prepared.prose.strip():
                yield from self._flush(pending)
                pending = []
                yield _unscored(path, prepared)
            else:
                pending.append(prepared)
                if len(pending) >= 32:
                    yield from self._flush(pending)
                    pending = []
        yield from self._flush(pending)

    def _prepare(self, path: str, text: str | Exception) -> Prepared | Exception:
        if isinstance(text, Exception):
            return text
        try:
            return self.preparer.prepare(path, text)
        except SourcescoreError as exc:
            return exc

    def _flush(self, pending: list[Prepared]) -> Iterator[FileReport]:
        if not pending:
            return
        analyses = self.analyse_many(item.prose for item in pending)
        for item, analysis in zip(pending, analyses, strict=True):
            report = self.report_for(item.path, analysis, item.directives, item.info,
                                     item.meta)
            yield report if item.prose is item.original else \
                with_original_text(report, item.original)

    def report_for(self, path: str, analysis: Analysis, directives: tuple[Directive, ...] = (),
                   source: InputInfo | None = None,
                   meta: PageMeta | None = None) -> FileReport:
        """Run the rules over an analysis, apply inline exemptions, assemble the file's report.
        The configuration's `genre` and `publisher`, then the page's own metadata, override
        what the text shows."""
        source = source or InputInfo()
        min_words = self.config.general.min_words
        if analysis.word_count < min_words:
            return FileReport(path=path, status="too-short", text=analysis.text, input=source,
                              warnings=(f"too short to judge: "
                                        f"{plural(analysis.word_count, 'word')}; a story needs "
                                        f"at least {min_words} to be scored (min_words)",))
        detected = analysis
        analysis, notes = with_page_facts(analysis, meta or PageMeta(), self.config)
        if not looks_english(analysis, min_words):
            return _not_english(path, analysis, source, self.config)
        verdict = judge(analysis, self.rules, self.config)
        exemptions, warnings = resolve_exemptions(directives, analysis.text, analysis.paragraphs,
                                                  self._rule_names)
        findings, applied, unused = apply_exemptions(verdict.findings, exemptions,
                                                     self._rule_names)
        sign_offs = tuple(e for e in applied if e.action == "sign-off")
        settled = settle(verdict, tuple(findings), self.config, sign_offs)
        applied = tuple(replace(e, cleared=tuple(f for f in settled.cleared if e.covers(f)))
                        if e.action == "sign-off" else e for e in applied)
        waiver = genre_waiver(detected, analysis, self.rules, self.config)
        if waiver is not None:
            applied = (*applied, waiver)
        stats = (
            ("words", analysis.word_count),
            ("sentences", len(analysis.sentences)),
            ("paragraphs", len(analysis.paragraphs)),
            ("attributions", len(analysis.attributions)),
            ("quotations", len(analysis.quotations)),
        )
        return FileReport(
            path=path, status="ok", score=settled.score, rules=settled.results,
            hold=Hold.of(settled), genre=Genre(analysis.genre, analysis.genre_evidence),
            house=analysis.house,
            findings=findings, attributions=analysis.attributions,
            wire_credits=analysis.wire_credits, errors=verdict.errors, stats=stats,
            warnings=tuple(notes + warnings + unused), exemptions=applied, input=source,
            text=analysis.text,
        )

    def report(self, files: Iterable[FileReport]) -> Report:
        """Wrap file reports in the run's envelope."""
        versions = tuple(sorted(self.plugins.versions.items()))
        general = self.config.general
        return Report(tuple(files), __version__, self.config.path, versions,
                      tuple(self.plugins.errors), Scoring(general.curve, general.hold_score))


_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in that is was he for it with as his on be at by i this had not are but "
    "from or have an they which one you were her all she there would their we him been has "
    "when who will more no if out so said what up its about into than them can only other "
    "new some could time these two may then do first any my now such like our over man me "
    "even most made after also did many before must through back years where much your way "
    "well down should because each just those people how too little state good very make "
    "world still own see men work long get here between both life being under never day same "
    "another know while last might us great old year off come since against go came right "
    "used take three".split())


#: Share of function words at which a stretch of text reads as English prose (English runs at
#: 40-50%, a two-line brief at 30% or more; other languages far below 10%).
ENGLISH_SHARE = 0.12
#: A paragraph judged on its own must reach a higher share: a short one can hit a few words of
#: the list by chance.
ENGLISH_PARAGRAPH_SHARE = 0.2


def looks_english(analysis: Analysis, min_words: int = 5) -> bool:
    """Whether the text holds English prose: as a whole, or in paragraphs that together hold
    at least `min_words` words. Judged per paragraph too, so padding (a hidden block of
    invisible words, a Lorem-ipsum filler) cannot turn a story into an unscored text."""
    words_by_paragraph: dict[int, list[str]] = {}
    for sentence in analysis.sentences:
        words_by_paragraph.setdefault(sentence.paragraph, []).extend(
            w for w in sentence.lemmas if w.isalpha())
    words = [w for paragraph in words_by_paragraph.values() for w in paragraph]
    if not words or _english_share(words) >= ENGLISH_SHARE:
        return True
    english = sum(len(paragraph) for paragraph in words_by_paragraph.values()
                  if _english_share(paragraph) >= ENGLISH_PARAGRAPH_SHARE)
    return english >= max(min_words, 12)


def _english_share(words: list[str]) -> float:
    return sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words) if words else 0.0


def _not_english(path: str, analysis: Analysis, source: InputInfo, config: Config
                 ) -> FileReport:
    """Not scored; and, from `unsupported_language_error_words` words on, an error (exit 2):
    a long text that cannot be judged must not pass a gate unnoticed."""
    limit = config.general.unsupported_language_error_words
    if limit and analysis.word_count >= limit:
        return FileReport(path=path, status="error", input=source, error=(
            f"{path}: {plural(analysis.word_count, 'word')} and none of it looks like English; "
            "sourcescore's rules are English-only, so it cannot be scored "
            f"(unsupported_language_error_words = {limit})"))
    return FileReport(path=path, status="unsupported-language", text=analysis.text,
                      warnings=("the text does not look like English; sourcescore's rules and "
                                "pipeline are English-only, so it is not scored",), input=source)


def _unscored(path: str, prepared: Prepared | Exception) -> FileReport:
    if isinstance(prepared, Exception):
        return FileReport(path=path, status="error", error=str(prepared))
    return FileReport(path=path, status="empty",
                      warnings=("nothing to score: the file is empty or only white space",),
                      text=prepared.original, input=prepared.info)


def check_text(text: str, path: str = "<text>", **options) -> FileReport:
    """Check one article's text with the default (or discovered) configuration."""
    return Checker(**options).check_text(text, path)


def with_page_facts(analysis: Analysis, meta: PageMeta,
                    config: Config) -> tuple[Analysis, list[str]]:
    """The analysis with the genre and house the configuration or the page's metadata give,
    over what the text shows; and a note for a genre the page names that sourcescore does not
    know."""
    notes: list[str] = []
    genre, evidence = analysis.genre, analysis.genre_evidence
    if config.general.genre:
        genre, evidence = config.general.genre, "the configuration (sourcescore.genre)"
    elif meta.genre in GENRES:
        genre, evidence = meta.genre, meta.where
    elif meta.genre:
        notes.append(f"{meta.where} names the genre {meta.genre!r}, which is not one of "
                     f"{', '.join(GENRES)}; the genre is taken from the text")
    house = tuple(dict.fromkeys(
        (*analysis.house, *(p for p in (config.general.publisher, meta.publisher) if p))))
    if (genre, evidence, house) == (analysis.genre, analysis.genre_evidence, analysis.house):
        return analysis, notes
    return replace(analysis, genre=genre, genre_evidence=evidence, house=house), notes
