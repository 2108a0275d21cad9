"""A PDF's structure from the PDF itself: headings from font size and weight (and numbering or
capitals), lines re-joined into paragraphs, running headers, footers and page numbers removed.

The result is Markdown-like text ("# Chapter", "## Section", paragraphs, "- item" lines) that the
ingester structures like any Markdown file.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader

NUMBERED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,2})\.?\s+(?P<title>[A-Za-zÀ-ÿ].{1,90})$")
CHAPTER_WORD = re.compile(r"^(?:hoofdstuk|chapter|college|deel)\s+\d{1,2}\b", re.IGNORECASE)
TOC_DOTS = re.compile(r"^(?P<title>.+?)\s*(?:\.\s*){3,}\s*\d{1,3}$")
PAGE_ONLY = re.compile(
    r"^(?:[-–]\s*)?(?:pagina|page|blz\.?)?\s*\d{1,3}(?:\s*(?:/|van|of)\s*\d{1,3})?(?:\s*[-–])?$",
    re.IGNORECASE,
)
BULLET = re.compile(r"^(?:[•▪◦●■\-–*]|\d{1,2}[.)])\s+")
EDGE = 0.09  # share of the page height at the top and bottom where running headers/footers live
COLUMN_GAP = 18.0  # points between two runs on one line that make it a table row


@dataclass
class Line:
    """One text line of a page, with what the PDF says about its look."""

    page: int
    y: float
    text: str
    size: float
    bold: bool
    edge: bool  # in the top or bottom band of the page


def _collect(
    runs: list[tuple[float, float, str, float, bool]],
    text: str,
    cm: list[float],
    tm: list[float],
    font: Any,
    size: float,
) -> None:
    """pypdf's text visitor: one run of text with its position, size and font."""
    if not text.strip():
        return
    y = tm[5] * cm[3] + tm[4] * cm[1] + cm[5]
    x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
    scale = abs(tm[3] * cm[3]) or abs(tm[0] * cm[0]) or 1.0
    name = str(font.get("/BaseFont", "")) if font else ""
    bold = bool(re.search(r"bold|black|heavy|semibold", name, re.IGNORECASE))
    for part in text.split("\n"):
        if part.strip():
            runs.append((round(y, 1), x, part, round(size * scale, 1), bold))


def _runs(reader: PdfReader) -> list[Line]:
    """Every text line of the document, runs on the same baseline joined (table cells with ' | ')."""
    out: list[Line] = []
    for number, page in enumerate(reader.pages):
        height = float(page.mediabox.height) or 842.0
        runs: list[tuple[float, float, str, float, bool]] = []
        page.extract_text(visitor_text=functools.partial(_collect, runs))
        lines: dict[float, list[tuple[float, str, float, bool]]] = {}
        for y, x, text, size, bold in runs:
            key = next((k for k in lines if abs(k - y) <= 2.0), y)
            lines.setdefault(key, []).append((x, text, size, bold))
        for y in sorted(lines, reverse=True):
            parts = sorted(lines[y], key=lambda p: p[0])
            text = parts[0][1]
            for (x0, t0, s0, _), (x1, t1, _, _) in itertools.pairwise(parts):
                end = x0 + len(t0) * s0 * 0.5  # rough width of the previous run
                text += " | " + t1 if x1 - end > COLUMN_GAP else ("" if t0.endswith(" ") else " ") + t1
            sizes = Counter({p[2]: len(p[1]) for p in parts})
            edge = y > height * (1 - EDGE) or y < height * EDGE
            out.append(Line(number, y, re.sub(r"\s+", " ", text).strip(),
                            sizes.most_common(1)[0][0], all(p[3] for p in parts), edge))  # fmt: skip
    return out


def _running(lines: list[Line], pages: int) -> set[str]:
    """Texts in the page edges that repeat on many pages (digits ignored): headers and footers."""
    key = Counter(re.sub(r"\d+", "#", ln.text) for ln in lines if ln.edge)
    need = max(2, pages // 2)
    return {k for k, n in key.items() if n >= need}


def _level(line: Line, body: float, sizes: list[float]) -> int:
    """0 for body text, else the heading level (1 chapter, 2 section, 3 sub-section)."""
    text = line.text
    words = text.split()
    sentence = text.endswith((".", ",", ";", ":")) and not NUMBERED.match(text)
    if len(words) > 14 or sentence or BULLET.match(text):
        return 0
    if CHAPTER_WORD.match(text):
        return 1
    numbered = NUMBERED.match(text)
    bigger = line.size >= body * 1.15
    if bigger:
        rank = sizes.index(line.size) + 1 if line.size in sizes else 2
        if numbered:
            return min(3, numbered["num"].count(".") + 1)
        return min(rank, 3)
    caps = sum(c.isupper() for c in text) >= 0.8 * max(1, sum(c.isalpha() for c in text)) and len(text) >= 4
    if numbered and (line.bold or caps):
        return min(3, numbered["num"].count(".") + 1)
    if (line.bold or caps) and text[:1].isupper() and len(words) <= 10:
        return min(len(sizes) + 1, 3)
    return 0


def pdf_markdown(reader: PdfReader) -> str:
    """The document as Markdown-like text: headings, paragraphs, list items, table rows."""
    lines = _runs(reader)
    running = _running(lines, len(reader.pages))
    kept = [
        ln for ln in lines
        if not (ln.edge and re.sub(r"\d+", "#", ln.text) in running)
        and not PAGE_ONLY.match(ln.text) and not TOC_DOTS.match(ln.text)
    ]  # fmt: skip
    if not kept:
        return ""
    chars = Counter[float]()
    for ln in kept:
        chars[ln.size] += len(ln.text)
    body = chars.most_common(1)[0][0]
    sizes = sorted({ln.size for ln in kept if ln.size >= body * 1.15}, reverse=True)
    out: list[str] = []
    paragraph: list[str] = []
    previous: Line | None = None

    def blank() -> None:
        if out and out[-1] != "":
            out.append("")

    def flush() -> None:
        if paragraph:
            blank()
            out.extend([" ".join(paragraph), ""])
            paragraph.clear()

    spacing = Counter(
        round(a.y - b.y) for a, b in itertools.pairwise(kept) if a.page == b.page and a.y > b.y
    )
    step = spacing.most_common(1)[0][0] if spacing else 14
    for ln in kept:
        level = _level(ln, body, sizes)
        if level:
            flush()
            blank()
            out += ["#" * level + " " + ln.text, ""]
            previous = None
            continue
        if BULLET.match(ln.text) or " | " in ln.text or " = " in ln.text:
            flush()  # list items, table rows and "Term = definitie" lines keep their own line
            out.append("- " + BULLET.sub("", ln.text) if BULLET.match(ln.text) else ln.text)
        elif previous is not None and previous.page == ln.page and previous.y - ln.y > step * 1.6:
            flush()
            paragraph.append(ln.text)
        elif paragraph and paragraph[-1].endswith("-") and ln.text[:1].islower():
            paragraph[-1] = paragraph[-1][:-1] + ln.text  # a word broken over two lines
        else:
            if not paragraph:
                blank()
            paragraph.append(ln.text)
        previous = ln
    flush()
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n"
