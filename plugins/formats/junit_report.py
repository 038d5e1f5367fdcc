"""`junit`: JUnit XML, for CI servers that chart test results (Jenkins, GitLab, Azure DevOps).

One `<testsuite>` per file (named by its path, the score in its properties), one `<testcase>`
per rule that ran (`classname` the path, `name` the rule code and name), and a `score` test case
that fails when the file scores under `fail_under`. A failure is what fails the check, nothing
else: findings at or above `fail_level` are `<failure>` elements of their rule's test case
(`type` the severity, the text giving line, column and message); findings below it are listed
in the test case's `<system-out>`, so a dashboard shows a file as failing exactly when
`sourcescore check` exits 1 for it. A rule that crashed is an `<error>`, and so is a file that
could not be read. Suppressed findings (inline exemptions) are neither.

Text from the input (paths, quoted passages) is made XML-safe (`xml_safe`): a control character
XML forbids is written as an escape, so the report always parses.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from sourcescore import hookimpl
from sourcescore.formats import OutputFormat, RenderOptions
from sourcescore.report import (
    SEVERITY_RANK,
    FileReport,
    Report,
    rounded,
    threshold_failure,
    under_threshold,
)
from sourcescore.textio import xml_safe


def render_junit(report: Report, out: TextIO, options: RenderOptions) -> None:
    suites = ET.Element("testsuites", name="sourcescore")
    for file in report.files:
        suites.append(_suite(file, options))
    _count(suites, suites.findall("testsuite"))
    ET.indent(suites)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(suites, encoding="unicode"))
    out.write("\n")


def _element(parent: ET.Element, tag: str, text: str | None = None, **attributes) -> ET.Element:
    """A child element whose attribute values and text are XML-safe."""
    element = ET.SubElement(parent, tag, {k: xml_safe(str(v)) for k, v in attributes.items()})
    if text is not None:
        element.text = xml_safe(text)
    return element


def _suite(file: FileReport, options: RenderOptions) -> ET.Element:
    suite = ET.Element("testsuite", name=xml_safe(file.path))
    properties = _element(suite, "properties")
    _element(properties, "property", name="status", value=file.status)
    if file.score is not None:
        _element(properties, "property", name="score", value=f"{file.score:.2f}")
    if file.status == "error":
        case = _element(suite, "testcase", classname=file.path, name="read")
        _element(case, "error", message=file.error or "unreadable")
    if file.score is not None:
        case = _element(suite, "testcase", classname=file.path, name="score")
        if under_threshold(file.score, options.fail_under):
            _element(case, "failure", f"{rounded(file.score):g} < {options.fail_under:g}",
                     type="score", message=threshold_failure(file.score, options.fail_under))
    errors = {e.code: e.message for e in file.errors}
    for rule in file.rules:
        case = _element(suite, "testcase", classname=file.path, name=f"{rule.code} {rule.name}")
        if rule.code in errors:
            _element(case, "error", message=errors[rule.code])
        _findings(case, file, rule.code, options.fail_level)
    _count(suite, suite.findall("testcase"))
    return suite


def _findings(case: ET.Element, file: FileReport, code: str, fail_level: str) -> None:
    below = []
    for finding in (f for f in file.findings if f.code == code):
        line = f"{file.path}:{finding.line}:{finding.column}: {finding.message}" + \
            (f"\n{finding.suggestion}" if finding.suggestion else "")
        if SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[fail_level]:
            _element(case, "failure", line, type=finding.severity, message=finding.message)
        else:
            below.append(f"[{finding.severity}] {line}")
    if below:
        _element(case, "system-out", "\n".join(below))


def _count(element: ET.Element, children: list[ET.Element]) -> None:
    def total(tag: str) -> int:
        if element.tag == "testsuites":
            return sum(int(child.get(tag, 0)) for child in children)
        return sum(1 for child in children if child.find(tag[:-1]) is not None)

    element.set("tests", str(sum(int(c.get("tests", 1)) for c in children)))
    element.set("failures", str(total("failures")))
    element.set("errors", str(total("errors")))


@hookimpl
def sourcescore_register_output_formats(register):
    register(OutputFormat("junit", render_junit, "JUnit XML for CI test dashboards",
                          machine=True))
