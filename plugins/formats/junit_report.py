"""`junit`: JUnit XML, for CI servers that chart test results (Jenkins, GitLab, Azure DevOps).

One `<testsuite>` per file (named by its path, the score in its properties), one `<testcase>` per
rule that ran (`classname` the path, `name` the rule code and name). A rule's findings are
`<failure>` elements of its test case (`type` is the severity, the text lists line, column and
message); a rule that crashed is an `<error>`, and so is a file that could not be read. A rule
with no findings passes. Suppressed findings (inline exemptions) are not failures.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from sourcescore import hookimpl
from sourcescore.formats import OutputFormat, RenderOptions
from sourcescore.report import FileReport, Report


def render_junit(report: Report, out: TextIO, options: RenderOptions) -> None:
    suites = ET.Element("testsuites", name="sourcescore")
    for file in report.files:
        suites.append(_suite(file))
    _count(suites, suites.findall("testsuite"))
    ET.indent(suites)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(suites, encoding="unicode"))
    out.write("\n")


def _suite(file: FileReport) -> ET.Element:
    suite = ET.Element("testsuite", name=file.path)
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", name="status", value=file.status)
    if file.score is not None:
        ET.SubElement(properties, "property", name="score", value=f"{file.score:.2f}")
    if file.status == "error":
        case = ET.SubElement(suite, "testcase", classname=file.path, name="read")
        ET.SubElement(case, "error", message=file.error or "unreadable")
    errors = {e.code: e.message for e in file.errors}
    for rule in file.rules:
        case = ET.SubElement(suite, "testcase", classname=file.path,
                             name=f"{rule.code} {rule.name}")
        if rule.code in errors:
            ET.SubElement(case, "error", message=errors[rule.code])
        for finding in (f for f in file.findings if f.code == rule.code):
            failure = ET.SubElement(case, "failure", type=finding.severity,
                                    message=finding.message)
            failure.text = f"{file.path}:{finding.line}:{finding.column}: {finding.message}" + \
                (f"\n{finding.suggestion}" if finding.suggestion else "")
    _count(suite, suite.findall("testcase"))
    return suite


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
