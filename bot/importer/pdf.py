"""Paragraphs of a PDF from its layout (pdfminer.six layout analysis), not from its line breaks.

Every text line is placed on its page (left and right edge, baseline, font size). Running
headers and footers (the same text at the top or bottom of several pages, page numbers) are
dropped. A line starts a new paragraph when it is indented from the left margin, when the line
before it stopped well short of the right margin (a paragraph's last line), when the space above
it is larger than the page's usual line pitch (by more than half a line), when its font size
differs, or when it starts a numbered heading after a sentence end. Every test is relative to
the font size and the page's own line pitch, so a line spacing of 1.0 or 2.0, justified or
ragged text, give the same paragraphs.

pdfminer's own warnings (unknown fonts, odd objects) go to this module's log at DEBUG.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
import warnings
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass

log = logging.getLogger(__name__)

EDGE_SHARE = 0.1  # a header or footer sits in the top or bottom tenth of the page
_PAGE_NUMBER_RE = re.compile(
    r"^[\s\-—–－_·•第]*\d{1,4}[\s\-—–－_·•页]*(?:/\s*\d{1,4}\s*页?)?$|^第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?$"
)
_SENTENCE_END = "。！？；!?;：:”」』）)"  # a line ending so, before a numbered line, ends its paragraph
_NUMBERED_RE = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d+[、.．]\s*\S)")


@dataclass
class Line:
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    text: str


class _ToDebug(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        log.debug("pdfminer: %s", record.getMessage())


@contextmanager
def quiet_pdfminer():
    """pdfminer's log records and Python warnings, re-logged here at DEBUG (not on the screen)."""
    logger = logging.getLogger("pdfminer")
    handler = _ToDebug()
    saved = (logger.propagate, logger.level, list(logger.handlers))
    logger.handlers = [handler]
    logger.propagate = False
    logger.setLevel(logging.WARNING)  # its warnings only; its own debug output is far too much
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield
        for warning in caught:
            log.debug("pdfminer warning: %s", warning.message)
    finally:
        logger.propagate, level, logger.handlers = saved[0], saved[1], saved[2]
        logger.setLevel(level)


def read_lines(data: bytes) -> list[Line]:
    """Every text line of the PDF, page by page, top to bottom, headers and footers dropped."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer, LTTextLine

    lines: list[Line] = []
    heights: dict[int, float] = {}
    with quiet_pdfminer():
        for number, page in enumerate(extract_pages(io.BytesIO(data), laparams=LAParams()), 1):
            heights[number] = page.height
            found: list[Line] = []
            todo = list(page)
            while todo:
                item = todo.pop()
                if isinstance(item, LTTextLine):
                    text = item.get_text().strip()
                    if text:
                        size = statistics.median([c.size for c in item if hasattr(c, "size")] or [item.height])
                        found.append(Line(number, item.x0, item.x1, item.y1, item.y0, round(size, 1), text))
                elif isinstance(item, LTTextContainer):
                    todo.extend(item)
            found.sort(key=lambda line: (-round(line.top), line.x0))
            lines += _merge_same_row(found)
    return _drop_running(lines, heights)


def _merge_same_row(lines: list[Line]) -> list[Line]:
    """Pieces of one printed line that layout analysis split (wide justified gaps) become one."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev is not None and abs(prev.top - line.top) < 0.5 * line.size and line.x0 >= prev.x1 - 1:
            out[-1] = Line(
                prev.page, prev.x0, line.x1, prev.top, min(prev.bottom, line.bottom), prev.size, prev.text + line.text
            )
        else:
            out.append(line)
    return out


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _drop_running(lines: list[Line], heights: dict[int, float]) -> list[Line]:
    def at_edge(line: Line) -> bool:
        height = heights[line.page]
        return line.top > height * (1 - EDGE_SHARE) or line.bottom < height * EDGE_SHARE

    pages_of = Counter()
    for key in {(_running_key(line.text), line.page) for line in lines if at_edge(line)}:
        pages_of[key[0]] += 1
    several = len(heights) > 1
    return [
        line
        for line in lines
        if not (
            at_edge(line)
            and (_PAGE_NUMBER_RE.match(line.text.strip()) or (several and pages_of[_running_key(line.text)] > 1))
        )
    ]


def paragraphs(lines: list[Line]) -> list[str]:
    """Lines joined into paragraphs by the layout tests of the module docstring."""
    if not lines:
        return []
    left = Counter(round(line.x0) for line in lines).most_common(1)[0][0]
    rights = sorted(line.x1 for line in lines)
    right = rights[int(len(rights) * 0.9)] if len(rights) > 1 else rights[0]
    pitches = [
        prev.top - line.top
        for prev, line in zip(lines, lines[1:])
        if prev.page == line.page and 0 < prev.top - line.top < 4 * line.size and abs(prev.size - line.size) < 0.5
    ]
    pitch = statistics.median(pitches) if pitches else 0.0
    out: list[str] = []
    current = ""
    prev: Line | None = None
    for line in lines:
        new = prev is None or _starts_paragraph(prev, line, left, right, pitch)
        if new and current:
            out.append(current)
            current = ""
        current = _join(current, line.text)
        prev = line
    if current:
        out.append(current)
    return out


def _starts_paragraph(prev: Line, line: Line, left: float, right: float, pitch: float) -> bool:
    size = line.size or 10.0
    if line.x0 > left + 0.8 * size:
        return True  # a first-line indent (or a centred heading)
    if prev.x1 < right - 1.5 * size:
        return True  # the line before stopped short: it ended its paragraph
    if abs(prev.size - line.size) >= 1.0:
        return True  # a heading's font
    if prev.page == line.page and pitch and prev.top - line.top > pitch + 0.5 * size:
        return True  # space above it, more than the usual line pitch
    return prev.text[-1:] in _SENTENCE_END and bool(_NUMBERED_RE.match(line.text))


def _join(current: str, text: str) -> str:
    if current and current[-1:].isascii() and current[-1:].isalnum() and text[:1].isascii() and text[:1].isalpha():
        return current + " " + text
    return current + text


def pdf_text(data: bytes) -> str:
    """The PDF's text, one paragraph a line."""
    return "\n".join(paragraphs(read_lines(data)))
