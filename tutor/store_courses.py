"""Statements about learners' own courses and their one running upload."""

from __future__ import annotations

from tutor.store_base import Row, StoreBase, now_iso


class CourseStatements(StoreBase):
    """Statements about learners' own courses and their one running upload."""

    # learners' own courses ----------------------------------------------------------------------
    def add_course(self, slug: str, owner_id: int, title: str, status: str = "pending") -> None:
        """Register (or replace) a learner's own course."""
        self._run(
            "insert into courses (slug, owner_id, title, status, created_at) values (?, ?, ?, ?, ?) "
            "on conflict (slug) do update set owner_id = excluded.owner_id, title = excluded.title, "
            "status = excluded.status, created_at = excluded.created_at",
            (slug, owner_id, title, status, now_iso()),
        )

    def course(self, slug: str) -> Row | None:
        """A learner's own course by slug."""
        return self._one("select * from courses where slug = ?", (slug,))

    def courses_of(self, owner_id: int) -> list[Row]:
        """A learner's own courses, oldest first."""
        return self._rows("select * from courses where owner_id = ? order by created_at, slug", (owner_id,))

    def set_course(self, slug: str, owner_id: int, title: str, status: str) -> bool:
        """Rename or change the status of the owner's course; False when it is not theirs."""
        return (
            self._run(
                "update courses set title = ?, status = ? where slug = ? and owner_id = ?",
                (title, status, slug, owner_id),
            )
            == 1
        )

    def remove_course(self, slug: str) -> None:
        """Forget a learner's own course and every chat's choice of it."""
        with self.transaction() as tx:
            tx.run("delete from courses where slug = ?", (slug,))
            tx.run("update chats set course = null where course = ?", (slug,))

    def claim_upload(self, user_id: int, now: str, stale_before: str) -> bool:
        """Start the learner's one running upload; False while another one runs (a claim older
        than ``stale_before`` is taken over: its process died)."""
        return bool(
            self._rows(
                "insert into uploads (user_id, started_at) values (?, ?) on conflict (user_id) do update "
                "set started_at = excluded.started_at where uploads.started_at < ? returning user_id",
                (user_id, now, stale_before),
            )
        )

    def release_upload(self, user_id: int) -> None:
        """The learner's upload finished (or failed)."""
        self._run("delete from uploads where user_id = ?", (user_id,))
