"""Ingest a learner's own summary into the course format: headings, sections, glossary."""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from knowledge.catalog import ingested_dir, is_shipped
from knowledge.cleaning import clean, language_of
from knowledge.courseformat import parse_course, write_course
from knowledge.model import Chapter, Course, GlossaryEntry, Section, section_slug, slugify
from knowledge.readers import IngestError, read_text

logger = logging.getLogger(__name__)

CHAPTER_HEADING = re.compile(
    r"^(?:#+\s*)?(?:college|hoofdstuk|chapter|week|les)\s+(?P<num>\d{1,2})\b[\s:.,\-–—]*(?P<rest>.*)$",
    re.IGNORECASE,
)
SUB_CHAPTER = re.compile(r"^(?:hoofdstuk|chapter)\s+\d{1,2}\b[\s:.,\-–—]*", re.IGNORECASE)
EQUALS_GLOSSARY = re.compile(r"^(?P<term>[^\W\d][\w\s\-/()’']{0,60}?)\s+=\s+(?P<defn>\S.{3,})$")
TABLE_HEADER = re.compile(r"^(?:term|begrip|begrippen)\s+(?:betekenis|definitie|uitleg)$", re.IGNORECASE)
MD_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<title>.+?)\s*#*$")
# "3 Transport", "3. Transport": a chapter by the document's own number.
NUMBERED_TITLE = re.compile(r"^(?P<num>\d{1,2})(?P<sub>(?:\.\d{1,2})*)\.?\s+(?P<rest>\S.*)$")
TOC_TITLES = frozenset(["inhoudsopgave", "inhoud", "inhoudstafel", "table of contents", "contents"])
GLOSSARY_TITLES = frozenset(
    ["begrippenlijst", "begrippen", "woordenlijst", "verklarende woordenlijst", "kernbegrippen", "glossary"]
)
TERMINAL_PUNCT = tuple(".:;,!?")
TOC_MATCH = 88
# PDF text has no blank lines, so a definition's continuation has to stop somewhere.
MAX_DEFINITION_LINES = 4


@dataclass
class IngestReport:
    """What ``ingest`` found, to show the learner."""

    course: Course
    toc_titles: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dropped_lines: int = 0
    doc_title: str = ""  # the title the document gives itself, if any

    def summary(self) -> str:
        """Dutch multi-line summary of the ingested course."""
        c = self.course
        words = sum(s.word_count() for s in c.sections)
        lines = [
            f"Cursus '{c.slug}' ({c.title}) ingelezen:",
            f"  hoofdstukken: {len(c.chapters)}",
            f"  onderwerpen:  {len(c.sections)}",
            f"  woorden:      {words}",
            f"  begrippen:    {len(c.glossary)}",
        ]
        for ch in c.chapters:
            lines.append(f"  {ch.number}. {ch.title}")
            lines += [f"     - {s.title}" for s in ch.sections]
        if c.glossary:
            lines.append("  begrippen: " + ", ".join(g.term for g in c.glossary))
        if self.dropped_lines:
            lines.append(f"  weggelaten: {self.dropped_lines} regels winkel-/paginatekst")
        lines += [f"  let op: {w}" for w in self.warnings]
        return "\n".join(lines)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("vs", "versus")).strip(" .:")


def _toc_match(line: str, toc: list[str]) -> str | None:
    """The table-of-contents title this line is, if any (tolerates case and small typos)."""
    best, score = None, 0.0
    n = _norm(line)
    for title in toc:
        s = fuzz.ratio(n, _norm(title))
        if s > score:
            best, score = title, s
    return best if score >= TOC_MATCH else None


def _is_all_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _standalone(lines: list[str], i: int) -> bool:
    before = i == 0 or not lines[i - 1].strip()
    after = i + 1 >= len(lines) or not lines[i + 1].strip()
    return before and after


def _heading_kind(lines: list[str], i: int, toc: list[str]) -> tuple[str, str] | None:
    """('chapter'|'section', title) when line ``i`` is a heading."""
    line = lines[i].strip()
    if not line or len(line) > 120 or line.startswith(("-", "•", "*")) or " = " in line:
        return None
    md = MD_HEADING.match(line)
    bare = md["title"].strip() if md else line
    if CHAPTER_HEADING.match(bare) and (md or _standalone(lines, i) or _is_all_caps(bare)):
        return "chapter", bare
    if md:
        return "section", bare
    if bare.endswith(TERMINAL_PUNCT) or not bare[0].isupper():
        return None
    # PDF text loses blank lines, so shouted and table-of-contents headings may stand anywhere;
    # a short title-case line only counts when it stands on its own.
    words = bare.split()
    if _toc_match(bare, toc) or (_is_all_caps(bare) and len(words) <= 10):
        return "section", bare
    if _standalone(lines, i) and len(words) <= 5 and not any(ch.isdigit() for ch in bare):
        return "section", bare
    return None


def _nice_title(raw: str, toc: list[str]) -> str:
    """The TOC spelling when it matches, otherwise sentence case for shouted headings."""
    matched = _toc_match(raw, toc)
    if matched:
        return matched
    if not _is_all_caps(raw):
        return re.sub(r"\bVS\b", "vs", raw)
    words = raw.split()
    out = [w if any(c.isdigit() for c in w) or "/" in w else w.lower() for w in words]
    return out[0][:1].upper() + out[0][1:] + ("" if len(out) == 1 else " " + " ".join(out[1:]))


def _chapter_title(raw: str, num: int, toc: list[str]) -> str:
    """'College 1 — De klant centraal' from 'COLLEGE 1: HOOFDSTUK 1, DE KLANT CENTRAAL'."""
    nice = _nice_title(raw, toc)
    m = CHAPTER_HEADING.match(nice)
    rest = SUB_CHAPTER.sub("", m["rest"]).strip(" ,:-–—") if m else ""
    label = (m.group(0).split()[0].capitalize() if m else "Hoofdstuk") + f" {num}"
    return f"{label} — {rest[:1].upper()}{rest[1:]}" if rest else label


def _table_row(line: str) -> tuple[str, str] | None:
    """Split a 'Term Definitie' table row: a capitalised term of ≤4 words, then a capitalised definition."""
    tokens = line.split()
    for i in range(1, min(5, len(tokens))):
        if not tokens[i - 1][:1].isupper():
            return None
        if tokens[i][:1].isupper():
            return " ".join(tokens[:i]), " ".join(tokens[i:])
    return None


def extract_glossary(lines: list[str], section_id: str) -> list[GlossaryEntry]:
    """Glossary entries from 'Term = definitie' lines and 'Term / Betekenis' tables."""
    entries: list[tuple[str, list[str]]] = []
    in_table = False
    current: list[str] | None = None
    for raw in lines:
        line = raw.strip()
        if not line:
            current, in_table = None, False
            continue
        if TABLE_HEADER.match(line):
            in_table, current = True, None
            continue
        m = EQUALS_GLOSSARY.match(line)
        if m and len(m["term"].split()) <= 5:
            current = [m["defn"]]
            entries.append((m["term"].strip(), current))
            continue
        if in_table:
            row = _table_row(line)
            if row:
                current = [row[1]]
                entries.append((row[0], current))
                continue
            if current is not None and line[:1].islower():
                current.append(line)
                continue
            in_table, current = False, None
            continue
        if current is not None and len(current) <= MAX_DEFINITION_LINES:
            current.append(line)
        else:
            current = None
    result = []
    for term, parts in entries:
        definition = " ".join(parts).strip()
        definition = definition[:1].upper() + definition[1:]
        if not definition.endswith((".", "!", "?")):
            definition += "."
        result.append(GlossaryEntry(term=term, definition=definition, section_id=section_id))
    return result


def _outline(lines: list[str]) -> tuple[int | None, int | None]:
    """From the document's Markdown headings: the line of its title (a single top heading above
    deeper ones, not a chapter), and the heading level of its chapters (when it has two levels)."""
    found = [(i, len(m["hashes"]), m["title"].strip()) for i, raw in enumerate(lines)
             if (m := MD_HEADING.match(raw.strip()))]  # fmt: skip
    if not found:
        return None, None
    levels = [lv for _, lv, _ in found]
    first, level, text = found[0]
    title_line = None
    if (levels.count(level) == 1 and level == min(levels) and len(set(levels)) > 1
            and not CHAPTER_HEADING.match(text) and not NUMBERED_TITLE.match(text)):  # fmt: skip
        title_line = first
    rest = [lv for i, lv, _ in found if i != title_line]
    return title_line, (min(rest) if len(set(rest)) > 1 else None)


def _lift_glossaries(chapters: list[Chapter]) -> list[Chapter]:
    """A "Begrippenlijst" section is no topic: each of its entries moves to the section that
    explains the term (where the term occurs most), and the list itself goes."""
    lists = [
        s
        for ch in chapters
        for s in ch.sections
        if _norm(s.title) in GLOSSARY_TITLES or (_norm(ch.title) in GLOSSARY_TITLES and len(ch.sections) == 1)
    ]
    if not lists:
        return chapters
    for ch in chapters:
        ch.sections = [s for s in ch.sections if s not in lists]
    kept = [ch for ch in chapters if ch.sections]
    topics = [s for ch in kept for s in ch.sections]
    for entry in (e for s in lists for e in s.glossary):
        if not topics:
            break
        pattern = re.compile(rf"(?<!\w){re.escape(entry.term)}(?!\w)", re.IGNORECASE)
        # A section named after the term explains it; otherwise the one that uses it most.
        home = max(topics, key=lambda t: (10 * len(pattern.findall(t.title)) + len(pattern.findall(t.text)),
                                          -topics.index(t)))  # fmt: skip
        home.glossary.append(GlossaryEntry(entry.term, entry.definition, entry.aliases, home.id))
    return kept


def structure(text: str, slug: str, title: str) -> IngestReport:
    """Turn raw document text into a Course; IngestError when nothing recognisable is found."""
    cleaned = clean(text)
    lines, toc = cleaned.lines, cleaned.toc_titles
    title_line, chapter_level = _outline(lines)
    chapters: list[Chapter] = []
    pending: list[tuple[str, list[str]]] = []  # (section title, lines) of the open chapter
    chapter: Chapter | None = None
    preface: list[str] = []

    def close_chapter() -> None:
        if chapter is None:
            return
        for s_title, body_lines in pending:
            body = "\n".join(body_lines).strip()
            if len(body.split()) < 3:
                continue
            number = len(chapter.sections) + 1
            sid = section_slug(chapter.number, s_title, {s.id for s in chapter.sections})
            chapter.sections.append(
                Section(
                    id=sid,
                    chapter=chapter.number,
                    number=number,
                    title=s_title,
                    body=body,
                    glossary=extract_glossary(body_lines, sid),
                )
            )
        if chapter.sections:
            chapters.append(chapter)

    for i, line in enumerate(lines):
        if i == title_line or _norm(MD_HEADING.sub(r"\g<title>", line.strip())) in TOC_TITLES:
            continue  # the document's title or its table of contents' heading: no topics
        kind = _heading_kind(lines, i, toc)
        md = MD_HEADING.match(line.strip())
        numbered = NUMBERED_TITLE.match(kind[1]) if kind else None
        if kind and md and chapter_level is not None:
            kind = ("chapter" if len(md["hashes"]) == chapter_level else "section", kind[1])
        if kind and kind[0] == "chapter":
            close_chapter()
            m = CHAPTER_HEADING.match(kind[1])
            own = m or (numbered if numbered and not numbered["sub"] else None)
            num = int(own["num"]) if own else len(chapters) + 1
            if any(c.number == num for c in chapters):
                num = max(c.number for c in chapters) + 1
            heading = _chapter_title(kind[1], num, toc) if m else (numbered["rest"] if numbered else kind[1])
            chapter = Chapter(number=num, title=_nice_title(heading, toc) if not m else heading)
            pending = []
            continue
        if kind and numbered and numbered["sub"]:
            kind = (kind[0], numbered["rest"])  # "2.1 Veiligheidsvoorraad" → its title
        if kind and kind[0] == "section":
            if chapter is None:
                chapter = Chapter(number=1, title=title)
                pending = [("Inleiding", preface)] if preface else []
            pending.append((_nice_title(kind[1], toc), []))
            continue
        if chapter is None:
            preface.append(line)
        elif pending:
            pending[-1][1].append(line)
        else:
            pending.append(("Inleiding", [line]))
    if chapter is None:
        raise IngestError(
            "Geen hoofdstukken of kopjes gevonden, dus ik kan de tekst niet in onderwerpen verdelen. "
            "Zet kopjes boven je onderwerpen (bijvoorbeeld '# Hoofdstuk 1' en '## Onderwerp' in Markdown) "
            "en probeer het opnieuw."
        )
    close_chapter()

    course = Course(slug=slug, title=title, chapters=_lift_glossaries(chapters), origin="ingested")
    report = IngestReport(course=course, toc_titles=toc, dropped_lines=cleaned.dropped_store_lines)
    if title_line is not None:
        report.doc_title = MD_HEADING.sub(r"\g<title>", lines[title_line].strip()).strip()
    all_text = " ".join(s.body for s in course.sections)
    if not course.sections or len(all_text.split()) < 30:
        raise IngestError(
            "Geen herkenbare samenvatting gevonden: geen hoofdstukken of onderwerpen met tekst. "
            "Controleer of dit het juiste bestand is."
        )
    if language_of(all_text) not in ("nl", None):
        report.warnings.append("de tekst lijkt niet Nederlands; antwoorden kunnen minder goed zijn")
    if toc:
        found = {_norm(s.title) for s in course.sections} | {_norm(c.title) for c in course.chapters}
        missing = [
            t for t in toc if _norm(t) not in found and not _toc_match(t, [s.title for s in course.sections])
        ]
        if missing:
            report.warnings.append(
                f"de inhoudsopgave noemt {len(toc)} titels; {len(missing)} daarvan staan niet in de "
                "tekst (bijvoorbeeld een preview van enkele pagina's)"
            )
    for s in course.sections:
        if s.word_count() < 20:
            report.warnings.append(f"onderwerp '{s.title}' heeft weinig tekst ({s.word_count()} woorden)")
    return report


def ingest(files: list[Path], slug: str, title: str | None, data_dir: Path) -> IngestReport:
    """Read ``files``, build the course and replace ``data_dir/courses/slug`` atomically."""
    if not files:
        raise IngestError("Geef minstens één bestand op.")
    if slugify(slug) != slug:
        raise IngestError(
            f"Ongeldige cursusnaam '{slug}'. Gebruik kleine letters, cijfers en '-', "
            f"bijvoorbeeld '{slugify(slug) or 'mijn-cursus'}'."
        )
    if is_shipped(slug):
        raise IngestError(f"'{slug}' is een meegeleverde cursus; kies een andere naam met --course.")
    text = "\n\n".join(read_text(f) for f in files)
    report = structure(text, slug, title or files[0].stem.replace("_", " ").replace("-", " "))
    if title is None and report.doc_title:
        report.course.title = report.doc_title
    root = ingested_dir(data_dir)
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{slug}-", dir=root))
    target = root / slug
    backup = root / f".{slug}.old"
    try:
        write_course(report.course, staging / "course")
        parse_course(staging / "course")  # what we wrote must read back
        if backup.exists():
            shutil.rmtree(backup)
        if target.exists():
            target.rename(backup)
        try:
            (staging / "course").rename(target)
        except OSError:
            if backup.exists():
                backup.rename(target)
            raise
        shutil.rmtree(backup, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    logger.info("ingested course %s: %d sections", slug, len(report.course.sections))
    return report
