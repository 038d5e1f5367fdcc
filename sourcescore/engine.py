"""Run the enabled rules over one analysis and turn their flags into findings.

The engine owns iteration, attribution and failure isolation: each finding is tagged with its rule
and plugin; a rule that raises (even `SystemExit`), returns something malformed or runs past
`rule_timeout` becomes a `RuleError` for that rule while the other rules' results stand. Each rule
gets its own copy of the analysis, so one rule cannot change what the next one reads, and what a
rule prints goes to standard error, never into a report written to standard output.
"""

from __future__ import annotations

import contextlib
import copy
import math
import os
import signal
import sys
import threading
import traceback
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from sourcescore.config import Config, RuleSettings
from sourcescore.model import SEVERITIES, Analysis, Flag, RuleOutcome
from sourcescore.plugins import BUILTIN_PLUGINS
from sourcescore.report import Exemption, Finding, RuleError, RuleResult
from sourcescore.rules import Rule
from sourcescore.scoring import Part, fold
from sourcescore.textio import LineIndex


@dataclass(frozen=True)
class Verdict:
    """What the rules concluded about one article, before exemptions and the fold."""

    results: tuple[RuleResult, ...]
    findings: tuple[Finding, ...]
    errors: tuple[RuleError, ...]


@dataclass(frozen=True)
class Settled:
    """The article's score after exemptions: the fold, the rule results with their
    contributions, and the findings of severity error that hold it (if it is held)."""

    score: float | None
    results: tuple[RuleResult, ...]
    holds: tuple[Finding, ...] = ()
    unheld: float | None = None
    cleared: tuple[Finding, ...] = ()  #: errors a desk sign-off released from holding


def active_rules(rules, config: Config, select=(), ignore=()) -> list[Rule]:
    """Rules to run: enabled in the config, and allowed by select/ignore (codes, code prefixes
    or rule names)."""
    select = tuple(select) or config.general.select
    ignore = tuple(ignore) + config.general.ignore
    chosen = []
    for rule in rules:
        if select and not any(selects(s, rule) for s in select):
            continue
        if any(selects(i, rule) for i in ignore):
            continue
        if rule.code in config.rules and not _enabled_anywhere(config, rule.code):
            continue
        chosen.append(rule)
    return chosen


def selects(selector: str, rule: Rule) -> bool:
    """Whether a --select/--ignore value names `rule`: its code, a prefix of it, or its name."""
    return rule.code.startswith(selector.upper()) or selector.lower() == rule.name


def _enabled_anywhere(config: Config, code: str) -> bool:
    """Enabled in [rules], or for some genre: a rule off by default may run on one genre."""
    return config.rules[code].enabled or any(
        profile[code].enabled for profile in config.genres.values() if code in profile)


def judge(analysis: Analysis, rules: list[Rule], config: Config) -> Verdict:
    """Run `rules` over `analysis`, each with its settings for the story's genre."""
    lines = LineIndex(analysis.text)
    results, findings, errors = [], [], []
    for rule in rules:
        settings = config.for_genre(rule.code, analysis.genre)
        if not settings.enabled:
            results.append(_off(rule, settings, analysis.genre))
            continue
        outcome, error = _run(rule, analysis, config, settings)
        rule_findings = [_finding(rule, settings.severity, f, analysis.text, lines)
                         for f in (outcome.flags if outcome else ())]
        findings.extend(rule_findings)
        if error:
            errors.append(RuleError(rule.code, rule.plugin, error.message, error.traceback))
        results.append(RuleResult(
            code=rule.code, name=rule.name, plugin=rule.plugin,
            score=outcome.score if outcome else None, weight=settings.weight,
            contribution=None, summary=outcome.summary if outcome else "",
            findings=len(rule_findings), metrics=outcome.metrics if outcome else (),
            error=error.message if error else None,
        ))
    findings.sort(key=Finding.sort_key)
    return Verdict(tuple(results), tuple(findings), tuple(errors))


def _off(rule: Rule, settings: RuleSettings, genre: str) -> RuleResult:
    return RuleResult(code=rule.code, name=rule.name, plugin=rule.plugin, score=None,
                      weight=settings.weight, contribution=None,
                      summary=f"off for {genre} stories (the genre's profile)", findings=0)


def settle(verdict: Verdict, findings: tuple[Finding, ...], config: Config,
           sign_offs: tuple[Exemption, ...] = ()) -> Settled:
    """Fold the sub-scores; a finding of severity error holds the story. `findings` are those
    left shown after exemptions, which only the counts read: an exemption hides a finding and
    records who accepted it, it never lifts a hold or moves the score (only the story can). A
    desk's sign-off (`sign_offs`) is the one act that releases errors from holding, on record.
    A rule that failed counts as a sub-score of 0 at its weight: a crash or a time-out can
    only lower the score, never lift it by handing its weight to the other rules."""
    errors = tuple(f for f in verdict.findings if f.severity == "error")
    cleared = tuple(f for f in errors if any(s.covers(f) for s in sign_offs))
    holds = tuple(f for f in errors if f not in cleared)
    general = config.general
    parts = [Part(r.code, 0.0 if r.error else r.score, r.weight) for r in verdict.results]
    result = fold(parts, general.curve, general.hold_score if holds else None)
    kept = Counter(f.code for f in findings)
    results = tuple(replace(r, contribution=result.contributions.get(r.code),
                            findings=kept[r.code]) for r in verdict.results)
    return Settled(result.score, results, holds if result.held else (), result.unheld, cleared)


class RuleTimeout(Exception):
    """A rule ran past `rule_timeout`."""


@contextlib.contextmanager
def time_limit(seconds: float, setting: str = "rule_timeout"):
    """Interrupt the body after `seconds` (SIGALRM; main thread on POSIX only, else no limit)
    with a `RuleTimeout` naming the `setting` that set the limit."""
    usable = seconds > 0 and hasattr(signal, "setitimer") and \
        threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise RuleTimeout(f"exceeded the {seconds:g} s time limit ({setting})")
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


#: Set to 1 to keep a crashing rule's traceback in its report (`RuleError.traceback`).
DEBUG_ENV = "SOURCESCORE_DEBUG"


@dataclass(frozen=True)
class Failure:
    """Why a rule gave no result on this article."""

    message: str
    traceback: str | None = None


def _run(rule: Rule, analysis: Analysis, config: Config,
         settings: RuleSettings) -> tuple[RuleOutcome | None, Failure | None]:
    view = _view_for(rule, analysis)
    try:
        with time_limit(config.general.rule_timeout), contextlib.redirect_stdout(sys.stderr):
            outcome = rule.check(view, settings.options)
        problem = malformed_outcome(outcome, len(analysis.text))
    except RuleTimeout as exc:
        return None, Failure(str(exc))
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # noqa: BLE001 - one rule's crash, even sys.exit(), must not
        # lose the article's other results or end the run
        return None, failure_of(exc)
    if problem:
        return None, Failure(f"returned an invalid result: {problem}")
    return outcome, None


def _view_for(rule: Rule, analysis: Analysis) -> Analysis:
    """What a rule reads. A built-in rule gets a shallow copy: rebinding a field (frozen
    dataclasses can be forced) changes only its own view. A third-party rule gets a deep copy,
    parse included, so nothing it changes inside (an attribution forced writable, the
    reference index, a token's attributes) reaches the rules after it."""
    if rule.plugin in BUILTIN_PLUGINS:
        return copy.copy(analysis)
    # Readings remembered on the shared analysis (`Analysis.remembered`) are not copied: the
    # copy starts with none and gathers its own, so nothing the rule touches is shared.
    memo: dict[int, Any] = {id(analysis._readings): {}}
    doc = analysis.doc
    if doc is not None and hasattr(doc, "copy"):
        memo[id(doc)] = doc.copy()
    return copy.deepcopy(analysis, memo)


def failure_of(exc: BaseException) -> Failure:
    """A plugin's exception as one line, with its traceback when `SOURCESCORE_DEBUG=1`."""
    if isinstance(exc, SystemExit):
        message = f"called sys.exit({exc.code!r})"
    else:
        message = f"{type(exc).__name__}: {exc}".rstrip(": ")
    trace = "".join(traceback.format_exception(exc)) if os.environ.get(DEBUG_ENV) else None
    return Failure(message, trace)


#: Metric values that every output format can carry as they are.
_METRIC_TYPES = (str, int, float, bool, type(None))


def malformed_outcome(outcome, length: int) -> str | None:
    """What is wrong with a rule's return value, or None when it is a valid `RuleOutcome`."""
    if not isinstance(outcome, RuleOutcome):
        return f"expected RuleOutcome, got {type(outcome).__name__}"
    score = outcome.score
    if score is not None and (not isinstance(score, (int, float)) or isinstance(score, bool)
                              or not math.isfinite(score)):
        return f"score {score!r} is not a finite number"
    if score is not None and not 0 <= score <= 100:
        return f"score {score!r} is outside 0-100"
    if not isinstance(outcome.summary, str):
        return f"summary {outcome.summary!r} is not a string"
    problem = _malformed_metrics(outcome.metrics)
    if problem:
        return problem
    if not isinstance(outcome.flags, (tuple, list)):
        return f"flags {outcome.flags!r} are not a sequence of Flag"
    for flag in outcome.flags:
        problem = _malformed_flag(flag, length)
        if problem:
            return problem
    return None


def _malformed_metrics(metrics) -> str | None:
    if not isinstance(metrics, (tuple, list)):
        return f"metrics {metrics!r} are not (name, value) pairs"
    for pair in metrics:
        if not (isinstance(pair, tuple) and len(pair) == 2 and isinstance(pair[0], str)):
            return f"metric {pair!r} is not a (name, value) pair"
        value = pair[1]
        if not isinstance(value, _METRIC_TYPES) or (
                isinstance(value, float) and not math.isfinite(value)):
            return f"metric {pair[0]!r} = {value!r} is not a finite number, string, bool or None"
    return None


def _malformed_flag(flag, length: int) -> str | None:
    if not isinstance(flag, Flag):
        return f"flag {flag!r} is not a Flag"
    if not (type(flag.start) is int and type(flag.end) is int
            and 0 <= flag.start <= flag.end <= length):
        return f"flag offsets {flag.start!r}-{flag.end!r} outside the text (length {length})"
    if flag.severity is not None and flag.severity not in SEVERITIES:
        return f"flag severity {flag.severity!r} unknown"
    if not isinstance(flag.message, str) or not flag.message:
        return "flag without a message"
    if flag.suggestion is not None and not isinstance(flag.suggestion, str):
        return f"flag suggestion {flag.suggestion!r} is not a string"
    if flag.confidence is not None and not (
            isinstance(flag.confidence, (int, float)) and 0 <= flag.confidence <= 1):
        return f"flag confidence {flag.confidence!r} is not a number from 0 to 1"
    if flag.decided_by is not None and not isinstance(flag.decided_by, str):
        return f"flag decided_by {flag.decided_by!r} is not a string"
    return None


def _finding(rule: Rule, severity: str, flag: Flag, text: str, lines: LineIndex) -> Finding:
    line, column = lines.position(flag.start)
    end_line, end_column = lines.position(flag.end)
    return Finding(
        code=rule.code, name=rule.name, plugin=rule.plugin,
        severity=flag.severity or severity, message=flag.message,
        start=flag.start, end=flag.end, line=line, column=column,
        end_line=end_line, end_column=end_column, text=text[flag.start:flag.end],
        suggestion=flag.suggestion, confidence=flag.confidence, decided_by=flag.decided_by,
    )
