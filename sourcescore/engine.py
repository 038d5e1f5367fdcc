"""Run the enabled rules over one analysis and turn their flags into findings.

The engine owns iteration, attribution and failure isolation: each finding is tagged with its rule
and plugin; a rule that raises or returns something malformed becomes a `RuleError` for that rule
while the other rules' results stand.
"""

from __future__ import annotations

import contextlib
import math
import signal
import threading
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
    outcomes: list[tuple[Rule, RuleOutcome | None, str | None]] = []
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
            errors.append(RuleError(rule.code, rule.plugin, error))
        results.append(RuleResult(
            code=rule.code, name=rule.name, plugin=rule.plugin,
            score=outcome.score if outcome else None, weight=settings.weight,
            contribution=contributions.get(rule.code), summary=outcome.summary if outcome else "",
            findings=len(rule_findings), metrics=outcome.metrics if outcome else (), error=error,
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


def _run(rule: Rule, analysis: Analysis, config: Config):
    try:
        with _time_limit(config.general.rule_timeout):
            outcome = rule.check(analysis, config.rules[rule.code].options)
        problem = malformed_outcome(outcome, len(analysis.text))
    except RuleTimeout as exc:
        return None, str(exc)
    except Exception as exc:  # one rule's crash must not lose the article's other results
        return None, f"{type(exc).__name__}: {exc}"
    if problem:
        return None, f"returned an invalid result: {problem}"
    return outcome, None


def malformed_outcome(outcome, length: int) -> str | None:
    if not isinstance(outcome, RuleOutcome):
        return f"expected RuleOutcome, got {type(outcome).__name__}"
    score = outcome.score
    if score is not None and (not isinstance(score, (int, float)) or not math.isfinite(score)):
        return f"score {score!r} is not a finite number"
    for flag in outcome.flags:
        if not isinstance(flag, Flag):
            return f"flag {flag!r} is not a Flag"
        if not (isinstance(flag.start, int) and isinstance(flag.end, int)
                and 0 <= flag.start <= flag.end <= length):
            return f"flag offsets {flag.start!r}-{flag.end!r} outside the text (length {length})"
        if flag.severity is not None and flag.severity not in SEVERITIES:
            return f"flag severity {flag.severity!r} unknown"
        if not isinstance(flag.message, str) or not flag.message:
            return "flag without a message"
    return None


def _finding(rule: Rule, severity: str, flag: Flag, text: str, lines: LineIndex) -> Finding:
    line, column = lines.position(flag.start)
    end_line, end_column = lines.position(flag.end)
    return Finding(
        code=rule.code, name=rule.name, plugin=rule.plugin,
        severity=flag.severity or severity, message=flag.message,
        start=flag.start, end=flag.end, line=line, column=column,
        end_line=end_line, end_column=end_column, text=text[flag.start:flag.end],
        suggestion=flag.suggestion,
    )
