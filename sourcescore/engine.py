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
from dataclasses import dataclass

from sourcescore.config import Config
from sourcescore.model import SEVERITIES, Analysis, Flag, RuleOutcome
from sourcescore.report import Finding, RuleError, RuleResult
from sourcescore.rules import Rule
from sourcescore.scoring import Part, fold
from sourcescore.textio import LineIndex


@dataclass(frozen=True)
class Verdict:
    """What the rules concluded about one article."""

    score: float | None
    results: tuple[RuleResult, ...]
    findings: tuple[Finding, ...]
    errors: tuple[RuleError, ...]


def active_rules(rules, config: Config, select=(), ignore=()) -> list[Rule]:
    """Rules to run: enabled in the config, and allowed by select/ignore (codes or prefixes)."""
    select = tuple(select) or config.general.select
    ignore = tuple(ignore) + config.general.ignore
    chosen = []
    for rule in rules:
        settings = config.rules.get(rule.code)
        if settings is not None and not settings.enabled:
            continue
        if select and not any(rule.code.startswith(s.upper()) for s in select):
            continue
        if any(rule.code.startswith(i.upper()) for i in ignore):
            continue
        chosen.append(rule)
    return chosen


def judge(analysis: Analysis, rules: list[Rule], config: Config) -> Verdict:
    """Run `rules` over `analysis` and fold their sub-scores."""
    lines = LineIndex(analysis.text)
    outcomes: list[tuple[Rule, RuleOutcome | None, Failure | None]] = []
    for rule in rules:
        outcome, error = _run(rule, analysis, config)
        outcomes.append((rule, outcome, error))
    parts = [Part(r.code, o.score if o else None, config.rules[r.code].weight)
             for r, o, _ in outcomes]
    score, contributions = fold(parts)
    results, findings, errors = [], [], []
    for rule, outcome, error in outcomes:
        settings = config.rules[rule.code]
        rule_findings = [_finding(rule, settings.severity, f, analysis.text, lines)
                         for f in (outcome.flags if outcome else ())]
        findings.extend(rule_findings)
        if error:
            errors.append(RuleError(rule.code, rule.plugin, error.message, error.traceback))
        results.append(RuleResult(
            code=rule.code, name=rule.name, plugin=rule.plugin,
            score=outcome.score if outcome else None, weight=settings.weight,
            contribution=contributions.get(rule.code), summary=outcome.summary if outcome else "",
            findings=len(rule_findings), metrics=outcome.metrics if outcome else (),
            error=error.message if error else None,
        ))
    findings.sort(key=Finding.sort_key)
    return Verdict(score, tuple(results), tuple(findings), tuple(errors))


class RuleTimeout(Exception):
    """A rule ran past `rule_timeout`."""


@contextlib.contextmanager
def _time_limit(seconds: float):
    """Interrupt the body after `seconds` (SIGALRM; main thread on POSIX only, else no limit)."""
    usable = seconds > 0 and hasattr(signal, "setitimer") and \
        threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise RuleTimeout(f"exceeded the {seconds:g} s time limit (rule_timeout)")
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


def _run(rule: Rule, analysis: Analysis, config: Config) -> tuple[RuleOutcome | None,
                                                                  Failure | None]:
    # A copy per rule: a rule that rebinds the analysis's fields (frozen dataclasses can be
    # forced) changes only its own view. The containers inside are tuples and read-only maps.
    view = copy.copy(analysis)
    try:
        with _time_limit(config.general.rule_timeout), contextlib.redirect_stdout(sys.stderr):
            outcome = rule.check(view, config.rules[rule.code].options)
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
    return None


def _finding(rule: Rule, severity: str, flag: Flag, text: str, lines: LineIndex) -> Finding:
    line, column = lines.position(flag.start)
    end_line, end_column = lines.position(flag.end)
    return Finding(
        code=rule.code, name=rule.name, plugin=rule.plugin,
        severity=flag.severity or severity, message=flag.message,
        start=flag.start, end=flag.end, line=line, column=column,
        end_line=end_line, end_column=end_column, text=text[flag.start:flag.end],
        suggestion=flag.suggestion, confidence=flag.confidence,
    )
