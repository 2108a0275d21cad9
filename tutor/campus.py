"""Every course one bot serves — the shipped ones and learners' own uploads — each with its own
tutor on the one shared store, and which course each chat studies."""

from __future__ import annotations

import logging
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from index.embedder import Embedder
from index.store import index_dir
from knowledge.catalog import CourseNotFoundError, ingested_dir, is_shipped, list_courses
from knowledge.ingest import IngestReport, ingest
from knowledge.model import slugify
from knowledge.readers import IngestError
from tutor.engine import open_engine
from tutor.errors import TutorError
from tutor.scheduler import Spacing
from tutor.service import Tutor

logger = logging.getLogger(__name__)
MAX_OWN_COURSES = 5
UPLOAD_STALE = timedelta(minutes=15)  # an upload claim this old belongs to a process that died
Progress = Callable[[str, float], None]  # (what is happening, share done 0..1)


@dataclass(frozen=True)
class CourseChoice:
    """A course a chat can study."""

    slug: str
    title: str
    own: bool
    current: bool


class Campus:
    """The tutors of all courses, built on first use, and each chat's current course."""

    def __init__(
        self, default: Tutor, embedder: Embedder, data_dir: Path, spacing: Spacing, timezone: str
    ) -> None:
        self.default = default
        self.store = default.store
        self.embedder = embedder
        self.data_dir = data_dir
        self.spacing = spacing
        self.timezone = timezone
        self.tutors: dict[str, Tutor] = {default.course.slug: default}
        self._building = threading.Lock()  # one build per course in this process (a cache, no state)

    # which course ------------------------------------------------------------------------------
    def tutor(self, slug: str) -> Tutor:
        """The tutor of a course (built the first time it is asked for)."""
        with self._building:
            if slug not in self.tutors:
                engine = open_engine(self.data_dir, slug, self.embedder)
                self.tutors[slug] = Tutor(engine, self.store, self.spacing, self.timezone)
            return self.tutors[slug]

    def _usable(self, slug: str | None) -> bool:
        if not slug:
            return False
        if is_shipped(slug):
            return True
        row = self.store.course(slug)
        return row is not None and row["status"] == "ready"

    def course_of(self, chat_id: int) -> str:
        """The slug of the course a chat studies (the default one unless it chose another)."""
        chat = self.store.chat(chat_id)
        slug = chat.get("course") if chat else None
        return slug if slug and self._usable(slug) else self.default.course.slug

    def for_chat(self, chat_id: int) -> Tutor:
        """The tutor of the chat's current course (the default one if that cannot be opened)."""
        slug = self.course_of(chat_id)
        if slug == self.default.course.slug:
            return self.default
        try:
            return self.tutor(slug)
        except (CourseNotFoundError, IngestError, OSError):
            logger.warning("course %s of chat %s cannot be opened; using the default", slug, chat_id)
            return self.default

    def choices(self, user_id: int, chat_id: int) -> list[CourseChoice]:
        """The shipped courses and the user's own ready ones, the chat's current one marked."""
        current = self.course_of(chat_id)
        out = [
            CourseChoice(ref.slug, self._title(ref.slug), False, ref.slug == current)
            for ref in list_courses(self.data_dir)
            if ref.origin == "shipped"
        ]
        out += [
            CourseChoice(row["slug"], row["title"], True, row["slug"] == current)
            for row in self.store.courses_of(user_id)
            if row["status"] == "ready"
        ]
        return out

    def _title(self, slug: str) -> str:
        tutor = self.tutors.get(slug)
        return tutor.course.title if tutor else slug.replace("-", " ").capitalize()

    def switch(self, chat_id: int, chat_type: str, user_id: int, slug: str) -> Tutor:
        """Make ``slug`` the chat's course (only a shipped course or one of the user's own)."""
        if slug not in {c.slug for c in self.choices(user_id, chat_id)}:
            raise TutorError("Dat vak kan ik hier niet openen. Kies er een via /vak.")
        tutor = self.tutor(slug)
        self.store.ensure_chat(chat_id, chat_type)
        self.store.set_chat_field(chat_id, "course", None if slug == self.default.course.slug else slug)
        return tutor

    # uploads -----------------------------------------------------------------------------------
    def start_upload(self, user_id: int) -> None:
        """Claim the learner's one running upload (TutorError with the reason when not now)."""
        ready = [c for c in self.store.courses_of(user_id) if c["status"] == "ready"]
        if len(ready) >= MAX_OWN_COURSES:
            raise TutorError(
                f"Je hebt al {MAX_OWN_COURSES} eigen vakken. Wis er eerst een met /vak voordat je een nieuw "
                "bestand stuurt."
            )
        now = datetime.now(UTC)
        self.store.upsert_user_if_missing(user_id)
        if not self.store.claim_upload(user_id, now.isoformat(), (now - UPLOAD_STALE).isoformat()):
            raise TutorError("Ik ben nog bezig met je vorige bestand. Even geduld, dan kan het volgende.")

    def cancel_upload(self, user_id: int) -> None:
        """The file never arrived: the learner may send another one."""
        self.store.release_upload(user_id)

    def ingest_upload(
        self, user_id: int, path: Path, progress: Progress, name: str = ""
    ) -> tuple[str, IngestReport]:
        """Read the learner's file (sent as ``name``) into a new private course and index it;
        (slug, report). The course waits for the learner's confirmation ("pending"). Releases the
        upload claim."""
        try:
            slug = self._new_slug(user_id, Path(name).stem if name else path.stem)
            progress("lezen", 0.05)
            report = ingest([path], slug, None, self.data_dir)
            progress("gevonden", 0.2)

            def indexed(done: int, total: int) -> None:
                progress(f"indexeren {done}/{total}", 0.2 + 0.8 * (done / total if total else 1.0))

            engine = open_engine(self.data_dir, slug, self.embedder, indexed)
            with self._building:
                self.tutors[slug] = Tutor(engine, self.store, self.spacing, self.timezone)
            self.store.add_course(slug, user_id, report.course.title, "pending")
            return slug, report
        finally:
            self.store.release_upload(user_id)

    def _new_slug(self, user_id: int, stem: str) -> str:
        base = f"u{user_id}-{slugify(stem)[:30].strip('-') or 'vak'}"
        slug, n = base, 1
        while self.store.course(slug) is not None or (ingested_dir(self.data_dir) / slug).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug

    def confirm_upload(self, user_id: int, chat_id: int, slug: str, title: str | None = None) -> Tutor:
        """The learner keeps the uploaded course: it becomes ready and the chat's course."""
        row = self.store.course(slug)
        if row is None or row["owner_id"] != user_id:
            raise TutorError("Dit vak bestaat niet (meer). Stuur je bestand gerust opnieuw.")
        self.store.set_course(slug, user_id, title or row["title"], "ready")
        return self.switch(chat_id, "private", user_id, slug)

    def rename(self, user_id: int, chat_id: int, title: str) -> str:
        """Give the chat's current own course another title."""
        slug = self.course_of(chat_id)
        row = self.store.course(slug)
        clean = " ".join(title.split())[:80]
        if row is None or row["owner_id"] != user_id:
            raise TutorError("Je kunt alleen je eigen vak een andere naam geven. Kies het eerst met /vak.")
        if not clean:
            raise TutorError("Zet de nieuwe naam achter /vaknaam, bijvoorbeeld: /vaknaam Logistiek 1")
        self.store.set_course(slug, user_id, clean, row["status"])
        return clean

    def remove(self, user_id: int, slug: str) -> None:
        """Delete one of the learner's own courses: its record, files and index."""
        row = self.store.course(slug)
        if row is None or row["owner_id"] != user_id:
            raise TutorError("Dit vak bestaat niet (meer).")
        self.store.remove_course(slug)
        self._delete_files(slug)

    def _delete_files(self, slug: str) -> None:
        with self._building:
            self.tutors.pop(slug, None)
        for folder in (ingested_dir(self.data_dir) / slug, index_dir(self.data_dir, slug)):
            shutil.rmtree(folder, ignore_errors=True)

    # privacy -----------------------------------------------------------------------------------
    def export(self, user_id: int) -> dict[str, Any]:
        """Everything about the learner (their own courses' metadata included)."""
        return self.default.export(user_id)

    def forget(self, user_id: int) -> None:
        """Delete the learner, their own courses, the files and indexes of those."""
        slugs = [row["slug"] for row in self.store.courses_of(user_id)]
        self.default.forget(user_id)
        for slug in slugs:
            self._delete_files(slug)
