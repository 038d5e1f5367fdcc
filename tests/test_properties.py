"""Property tests: generated text never breaks the checker or its report's invariants.

CI runs a bounded number of examples; run longer with HYPOTHESIS_PROFILE=long.
"""

import io
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from sourcescore.formats import RenderOptions
from sourcescore.report import report_schema

VALIDATOR = Draft202012Validator(report_schema())

settings.register_profile("ci", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture])
settings.register_profile("long", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

PIECES = st.sampled_from([
    "“", "”", "‘", "’", '"', "'", "''", "«", "»", " ", " ", "\n", "\n\n", "\r\n", ", ", ". ",
    ": ", "—", "said", "told reporters", "according to", "Reuters", "(AP) —", "officials",
    "Jane Doe", "he", "she", "the minister", "believes", "that", "the plan", "failed", "42%",
    "é", "中文", "🙂", "\u00a0", "reportedly", "only time will tell",
])
TEXTS = st.lists(PIECES, max_size=60).map("".join)


@given(text=TEXTS)
def test_checker_invariants(checker, text):
    report = checker.check_text(text, "gen.txt")
    if report.status == "ok" and report.score is not None:
        assert 0 <= report.score <= 100
    for finding in report.findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        assert text[finding.start:finding.end] == finding.text
    for attribution in report.attributions:
        for part in (attribution.content, attribution.source, attribution.cue):
            if part is not None:
                assert 0 <= part.start <= part.end <= len(text)
                assert text[part.start:part.end] == part.text
    for credit in report.wire_credits:
        assert text[credit.start:credit.end] == credit.text
    assert report.errors == ()
    first = _json(checker, report)
    assert first == _json(checker, checker.check_text(text, "gen.txt"))
    VALIDATOR.validate(json.loads(first))


def _json(checker, file_report):
    out = io.StringIO()
    checker.plugins.formats["json"].render(checker.report([file_report]), out, RenderOptions())
    return out.getvalue()
