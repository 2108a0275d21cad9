"""Read and write the course Markdown format documented in knowledge/README.md."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from knowledge.model import Chapter, Course, CuratedQuestion, GlossaryEntry, Section, section_slug

COURSE_FILE = "course.md"
SUBSECTIONS = {"voorbeeld": "example", "begrippen": "glossary", "vragen": "questions", "quiz": "quiz"}
GLOSSARY_LINE = re.compile(r"^- \*\*(?P<term>[^*]+)\*\*(?: \((?P<aliases>[^)]*)\))?: (?P<defn>.+)$")
QUESTION_LINE = re.compile(r"^- (?P<q>.+)$")
QUIZ_QUESTION = re.compile(r"^\*\*V:\*\* (?P<q>.+)$")
QUIZ_OPTION = re.compile(r"^- \[(?P<mark>[ xX])\] (?P<opt>.+)$")
QUIZ_EXPLANATION = re.compile(r"^\*\*Uitleg:\*\* (?P<e>.+)$")

# What a shipped course section must contain; ingested courses only need a body.
MIN_BODY_WORDS = 150
MIN_QUESTIONS = 3
MIN_QUIZ = 2


class CourseFormatError(ValueError):
    """A course file that does not follow the format, with file and line."""

    def __init__(self, path: Path, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


@dataclass
class _Lines:
    path: Path
    lines: list[str]


def _front_matter(src: _Lines) -> tuple[dict[str, str], int]:
    """Parse the ``---`` block at the top; returns the keys and the first body line index."""
    if not src.lines or src.lines[0].strip() != "---":
        raise CourseFormatError(src.path, 1, "file must start with a '---' front matter block")
    meta: dict[str, str] = {}
    for i in range(1, len(src.lines)):
        line = src.lines[i].strip()
        if line == "---":
            return meta, i + 1
        if not line:
            continue
        key, sep, value = line.partition(":")
        if not sep or not key.strip():
            raise CourseFormatError(src.path, i + 1, f"front matter line is not 'key: value': {line!r}")
        meta[key.strip()] = value.strip()
    raise CourseFormatError(src.path, len(src.lines), "front matter block is never closed with '---'")


def _join(paragraph_lines: list[str]) -> str:
    return "\n".join(paragraph_lines).strip()


def parse_chapter(path: Path, strict: bool) -> Chapter:
    """Parse one chapter file; raises CourseFormatError with ``file:line`` on any problem."""
    src = _Lines(path, path.read_text(encoding="utf-8").splitlines())
    meta, start = _front_matter(src)
    for key in ("chapter", "title"):
        if key not in meta:
            raise CourseFormatError(path, 1, f"front matter lacks '{key}'")
    if not meta["chapter"].isdigit():
        raise CourseFormatError(path, 1, f"'chapter' must be a number, got {meta['chapter']!r}")
    chapter = Chapter(number=int(meta["chapter"]), title=meta["title"])
    intro: list[str] = []
    section: Section | None = None
    section_line = 0
    part = "body"
    buf: list[str] = []
    quiz_q: dict | None = None

    def flush_text() -> None:
        nonlocal buf
        if section is None:
            intro.extend(buf)
        elif part == "body":
            section.body = _join(buf)
        elif part == "example":
            section.example = _join(buf)
        buf = []

    def close_quiz(lineno: int) -> None:
        nonlocal quiz_q
        if quiz_q is None or section is None:
            return
        opts = quiz_q["options"]
        correct = [i for i, (ok, _) in enumerate(opts) if ok]
        if len(opts) < 2:
            raise CourseFormatError(path, quiz_q["line"], "quiz question needs at least 2 options")
        if len(correct) != 1:
            raise CourseFormatError(
                path, quiz_q["line"], "quiz question needs exactly one '- [x]' correct option"
            )
        if not quiz_q["explanation"]:
            raise CourseFormatError(path, quiz_q["line"], "quiz question lacks a '**Uitleg:**' line")
        section.quiz.append(
            CuratedQuestion(
                question=quiz_q["question"],
                options=tuple(o for _, o in opts),
                answer=correct[0],
                explanation=quiz_q["explanation"],
            )
        )
        quiz_q = None

    def close_section(lineno: int) -> None:
        flush_text()
        close_quiz(lineno)
        if section is None:
            return
        _check_section(path, section_line, section, strict)
        chapter.sections.append(section)

    for idx in range(start, len(src.lines)):
        lineno = idx + 1
        raw = src.lines[idx]
        line = raw.strip()
        if line.startswith("# ") and not line.startswith("## "):
            continue  # the chapter heading repeats the front matter title
        if line.startswith("## "):
            close_section(lineno)
            title = line[3:].strip()
            if not title:
                raise CourseFormatError(path, lineno, "section heading has no title")
            section = Section(
                id=section_slug(chapter.number, title, {s.id for s in chapter.sections}),
                chapter=chapter.number,
                number=len(chapter.sections) + 1,
                title=title,
                body="",
            )
            section_line = lineno
            part = "body"
            continue
        if line.startswith("### "):
            if section is None:
                raise CourseFormatError(path, lineno, "'###' subsection outside a '##' section")
            flush_text()
            close_quiz(lineno)
            name = line[4:].strip().lower()
            if name not in SUBSECTIONS:
                known = ", ".join(k.capitalize() for k in SUBSECTIONS)
                raise CourseFormatError(path, lineno, f"unknown subsection {line[4:]!r}; use {known}")
            part = SUBSECTIONS[name]
            continue
        if part in ("body", "example") or section is None:
            buf.append(raw.rstrip())
            continue
        if not line:
            continue
        if part == "glossary":
            m = GLOSSARY_LINE.match(line)
            if not m:
                raise CourseFormatError(
                    path, lineno, "glossary line must look like '- **Term** (alias, …): definition'"
                )
            aliases = tuple(a.strip() for a in (m["aliases"] or "").split(",") if a.strip())
            section.glossary.append(GlossaryEntry(m["term"].strip(), m["defn"].strip(), aliases, section.id))
        elif part == "questions":
            m = QUESTION_LINE.match(line)
            if not m:
                raise CourseFormatError(path, lineno, "question line must start with '- '")
            section.questions.append(m["q"].strip())
        elif part == "quiz":
            if m := QUIZ_QUESTION.match(line):
                close_quiz(lineno)
                quiz_q = {"question": m["q"].strip(), "options": [], "explanation": "", "line": lineno}
            elif m := QUIZ_OPTION.match(line):
                if quiz_q is None:
                    raise CourseFormatError(path, lineno, "quiz option before any '**V:**' question")
                quiz_q["options"].append((m["mark"] in "xX", m["opt"].strip()))
            elif m := QUIZ_EXPLANATION.match(line):
                if quiz_q is None:
                    raise CourseFormatError(path, lineno, "'**Uitleg:**' before any '**V:**' question")
                quiz_q["explanation"] = m["e"].strip()
            else:
                raise CourseFormatError(
                    path, lineno, "quiz line must be '**V:** …', '- [x] …', '- [ ] …' or '**Uitleg:** …'"
                )
    close_section(len(src.lines))
    chapter.intro = _join(intro)
    if not chapter.sections:
        raise CourseFormatError(path, start + 1, "chapter has no '##' sections")
    return chapter


def _check_section(path: Path, line: int, section: Section, strict: bool) -> None:
    """Enforce what every section (and, strictly, every shipped section) must have."""
    if not section.body:
        raise CourseFormatError(path, line, f"section {section.title!r} has no explanation text")
    if not strict:
        return
    words = len(section.body.split())
    if words < MIN_BODY_WORDS:
        raise CourseFormatError(
            path, line, f"section {section.title!r} explanation has {words} words, needs {MIN_BODY_WORDS}"
        )
    if not section.example:
        raise CourseFormatError(path, line, f"section {section.title!r} lacks '### Voorbeeld'")
    if not section.glossary:
        raise CourseFormatError(path, line, f"section {section.title!r} has no glossary entries")
    if len(section.questions) < MIN_QUESTIONS:
        raise CourseFormatError(
            path, line, f"section {section.title!r} needs at least {MIN_QUESTIONS} questions"
        )
    if len(section.quiz) < MIN_QUIZ:
        raise CourseFormatError(
            path, line, f"section {section.title!r} needs at least {MIN_QUIZ} quiz questions"
        )


def parse_course(directory: Path) -> Course:
    """Parse a course directory: ``course.md`` plus one Markdown file per chapter."""
    meta_path = directory / COURSE_FILE
    if not meta_path.is_file():
        raise CourseFormatError(meta_path, 0, "course directory lacks course.md")
    src = _Lines(meta_path, meta_path.read_text(encoding="utf-8").splitlines())
    meta, start = _front_matter(src)
    for key in ("slug", "title"):
        if key not in meta:
            raise CourseFormatError(meta_path, 1, f"front matter lacks '{key}'")
    origin = meta.get("origin", "shipped")
    course = Course(
        slug=meta["slug"],
        title=meta["title"],
        description=_join(src.lines[start:]),
        origin=origin,
    )
    files = sorted(p for p in directory.glob("*.md") if p.name != COURSE_FILE)
    if not files:
        raise CourseFormatError(directory, 0, "course has no chapter files")
    seen: dict[int, Path] = {}
    for f in files:
        ch = parse_chapter(f, strict=origin == "shipped")
        if ch.number in seen:
            raise CourseFormatError(f, 1, f"chapter {ch.number} already defined in {seen[ch.number].name}")
        seen[ch.number] = f
        course.chapters.append(ch)
    course.chapters.sort(key=lambda c: c.number)
    return course


def render_chapter(chapter: Chapter) -> str:
    """Serialise a chapter back to the Markdown format."""
    out = ["---", f"chapter: {chapter.number}", f"title: {chapter.title}", "---", ""]
    if chapter.intro:
        out += [chapter.intro, ""]
    for s in chapter.sections:
        out += [f"## {s.title}", "", s.body, ""]
        if s.example:
            out += ["### Voorbeeld", s.example, ""]
        if s.glossary:
            out.append("### Begrippen")
            for g in s.glossary:
                alias = f" ({', '.join(g.aliases)})" if g.aliases else ""
                out.append(f"- **{g.term}**{alias}: {g.definition}")
            out.append("")
        if s.questions:
            out.append("### Vragen")
            out += [f"- {q}" for q in s.questions]
            out.append("")
        if s.quiz:
            out.append("### Quiz")
            for q in s.quiz:
                out.append(f"**V:** {q.question}")
                out += [f"- [{'x' if i == q.answer else ' '}] {o}" for i, o in enumerate(q.options)]
                out += [f"**Uitleg:** {q.explanation}", ""]
    return "\n".join(out).rstrip() + "\n"


def render_course_meta(course: Course) -> str:
    """Serialise the ``course.md`` front matter and description."""
    lines = ["---", f"slug: {course.slug}", f"title: {course.title}", f"origin: {course.origin}", "---"]
    return "\n".join(lines) + "\n\n" + (course.description.strip() + "\n" if course.description else "")


def write_course(course: Course, directory: Path) -> None:
    """Write ``course`` as a course directory (the directory must not exist yet)."""
    directory.mkdir(parents=True)
    (directory / COURSE_FILE).write_text(render_course_meta(course), encoding="utf-8")
    for ch in course.chapters:
        name = f"{ch.number:02d}.md"
        (directory / name).write_text(render_chapter(ch), encoding="utf-8")
