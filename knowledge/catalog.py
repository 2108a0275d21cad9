"""Where courses live: shipped with the package, or ingested into the data dir."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from knowledge.courseformat import COURSE_FILE, parse_course
from knowledge.model import Course

SHIPPED_DIR = Path(__file__).resolve().parent / "courses"


class CourseNotFoundError(LookupError):
    """No course with that slug; the message is fit for a user."""


@dataclass(frozen=True)
class CourseRef:
    """A course on disk, before parsing."""

    slug: str
    path: Path
    origin: str


def ingested_dir(data_dir: Path) -> Path:
    """Directory that holds ingested courses."""
    return data_dir / "courses"


def list_courses(data_dir: Path) -> list[CourseRef]:
    """All available courses; an ingested course never shadows a shipped one."""
    refs: dict[str, CourseRef] = {}
    for origin, root in (("ingested", ingested_dir(data_dir)), ("shipped", SHIPPED_DIR)):
        if not root.is_dir():
            continue
        for d in sorted(root.iterdir()):
            if d.is_dir() and not d.name.startswith(".") and (d / COURSE_FILE).is_file():
                refs[d.name] = CourseRef(d.name, d, origin)
    return sorted(refs.values(), key=lambda r: r.slug)


def is_shipped(slug: str) -> bool:
    """True when ``slug`` names a course that ships with studybot."""
    return (SHIPPED_DIR / slug / COURSE_FILE).is_file()


def find_course(data_dir: Path, slug: str) -> CourseRef:
    """The course with ``slug``; CourseNotFoundError with the known slugs otherwise."""
    for ref in list_courses(data_dir):
        if ref.slug == slug:
            return ref
    known = ", ".join(r.slug for r in list_courses(data_dir)) or "geen"
    raise CourseNotFoundError(f"Cursus '{slug}' bestaat niet. Beschikbaar: {known}.")


def load_course(data_dir: Path, slug: str) -> Course:
    """Parse the course with ``slug``."""
    return parse_course(find_course(data_dir, slug).path)
