"""From a file's text to the prose that is analysed: markup removed, directives found.

Plain text is analysed as it is; Markdown has its markup blanked in place (`sourcescore.markup`);
an HTML page has its article extracted by trafilatura. Inline exemptions
(`sourcescore.exemptions`) are found in the file and blanked from the prose. For text and Markdown
the prose has the file's length, so every offset in the report is an offset into the file; for
HTML the offsets index the extracted text, and the report says so (`input.offsets`).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace

from sourcescore.errors import InputError
from sourcescore.exemptions import (
    DEFAULT_PLAIN_TEXT,
    Directive,
    blank_directives,
    find_directives,
    plain_text_line,
    plain_text_pattern,
    replace_comment_directives,
)
from sourcescore.markup import FRONT_MATTER, blank_markdown, is_markdown
from sourcescore.report import InputInfo
from sourcescore.ruletools import plural

HTML_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class PageMeta:
    """What a page says about itself outside its prose: its genre and its publisher, from the
    HTML page's metadata (site name, section, categories) or Markdown front matter (`genre:`,
    `publisher:`), and where that came from."""

    genre: str | None = None
    publisher: str | None = None
    where: str = ""


@dataclass(frozen=True)
class Prepared:
    """One input ready for analysis."""

    path: str
    original: str  # the file's text as read
    prose: str  # what the pipeline reads
    directives: tuple[Directive, ...]
    info: InputInfo
    meta: PageMeta = PageMeta()


@dataclass(frozen=True)
class Preparer:
    """Prepares inputs under one configuration: whether exemptions count, and their text form."""

    exemptions: bool = True
    plain_text_template: str = DEFAULT_PLAIN_TEXT

    def __post_init__(self) -> None:
        plain_text_pattern(self.plain_text_template)  # a bad template fails now, not per file

    def prepare(self, path: str, text: str) -> Prepared:
        if is_html(path):
            return self._html(path, text)
        if is_markdown(path):
            prepared = self._with_directives(path, text, blank_markdown(text), "markdown")
            return replace(prepared, meta=front_matter_meta(text))
        return self._with_directives(path, text, text, "text")

    def _with_directives(self, path: str, text: str, prose: str, kind: str) -> Prepared:
        directives = tuple(find_directives(text, plain_text_pattern(self.plain_text_template))) \
            if self.exemptions else ()
        return Prepared(path, text, blank_directives(prose, directives), directives,
                        InputInfo(format=kind))

    def _html(self, path: str, page: str) -> Prepared:
        # Directive comments become paragraphs in the plain-text form, so they survive
        # extraction in place and are found in the extracted text like any .txt directive.
        if self.exemptions:
            page = replace_comment_directives(page, lambda body: "<p>" + html.escape(
                plain_text_line(self.plain_text_template, body)) + "</p>")
        extracted, extractor = extract_article(page, path)
        prepared = self._with_directives(path, extracted, extracted, "html")
        info = InputInfo(format="html", offsets="extracted-text", extractor=extractor,
                         text=extracted)
        return Prepared(path, extracted, prepared.prose, prepared.directives, info,
                        html_meta(page))


def is_html(path: str) -> bool:
    return path.lower().endswith(HTML_SUFFIXES)


def extract_article(page: str, name: str) -> tuple[str, str]:
    """The main text of an HTML article page (one paragraph per line) and the extractor's name."""
    try:
        import trafilatura
    except ImportError as exc:  # a broken install, not the user's input
        raise InputError(f"{name}: reading HTML needs trafilatura ({exc})") from None
    text = trafilatura.extract(page, include_comments=False, include_tables=False,
                               deduplicate=False, favor_recall=True)
    if not text or not has_prose(text, link_texts(page)):
        found = (f" (only {plural(len(text.split()), 'word')} of menus or fragments)"
                 if text else "")
        raise InputError(f"{name}: no article text found in the HTML page{found}")
    return text, f"trafilatura {trafilatura.__version__}"


#: Words a line needs, ending like a sentence, for extracted text to be an article.
_PROSE_WORDS = 6
_SENTENCE_ENDS = tuple(".!?\"”’'")


def has_prose(text: str, links: frozenset[str] = frozenset()) -> bool:
    """Whether extracted text holds at least one sentence, not just navigation or labels:
    given a page of menus alone, the extractor returns the menu ("menu", "Home About"). A line
    that is the whole text of one of the page's `links` is navigation, however sentence-like
    ("Read our full coverage of the election.")."""
    return any(len(line.split()) >= _PROSE_WORDS and line.rstrip().endswith(_SENTENCE_ENDS)
               and " ".join(line.split()) not in links for line in text.splitlines())


def link_texts(page: str) -> frozenset[str]:
    """The text of every link on an HTML page, white space collapsed."""
    import lxml.html

    try:
        root = lxml.html.fromstring(page)
    except Exception:  # noqa: BLE001 - an empty page or lxml's parser errors: no links
        return frozenset()
    return frozenset(" ".join(a.text_content().split()) for a in root.iter("a"))


#: Section and category names that say a page is opinion or analysis.
_OPINION_SECTIONS = re.compile(r"\b(?:opinion|opinions|op-?eds?|commentary|editorials?|columns?|"
                               r"columnists?|letters|viewpoints?|perspectives?)\b", re.IGNORECASE)
_ANALYSIS_SECTIONS = re.compile(r"\b(?:analysis|news analysis)\b", re.IGNORECASE)


def genre_of_section(section: str) -> str | None:
    """The genre a page's section or category names, if any."""
    if _OPINION_SECTIONS.search(section):
        return "opinion"
    if _ANALYSIS_SECTIONS.search(section):
        return "analysis"
    return None


def html_meta(page: str) -> PageMeta:
    """The genre its section or categories name and its site name, from an HTML page."""
    try:
        import trafilatura

        found = trafilatura.extract_metadata(page)
    except Exception:  # noqa: BLE001 - metadata is a bonus; the article was already read
        return PageMeta()
    if found is None:
        return PageMeta()
    sections = " ".join([*(found.categories or []), *(found.tags or [])])
    genre = genre_of_section(sections)
    return PageMeta(genre, found.sitename or None,
                    "the page's metadata" + (f" (section \u201c{sections[:40]}\u201d)"
                                             if genre else ""))


_FRONT_MATTER_LINE = re.compile(r"^(genre|publisher|section|category)\s*[:=]\s*[\"']?(.*?)"
                                r"[\"']?\s*$", re.IGNORECASE | re.MULTILINE)


def front_matter_meta(text: str) -> PageMeta:
    """`genre:`, `publisher:` (or a `section:` naming opinion) in Markdown front matter."""
    match = FRONT_MATTER.match(text)
    if match is None:
        return PageMeta()
    values = {k.lower(): v.strip() for k, v in _FRONT_MATTER_LINE.findall(match.group(0))}
    genre = values.get("genre", "").lower() or genre_of_section(
        values.get("section", "") + " " + values.get("category", "")) or None
    return PageMeta(genre, values.get("publisher") or None, "the front matter")
