"""Stable section and item ids: a course edit that inserts or renames a section keeps every
learner's history on the right item; data from the positional-id days is adopted."""

from __future__ import annotations

import shutil
from pathlib import Path

from knowledge.catalog import SHIPPED_DIR
from knowledge.courseformat import parse_course
from knowledge.model import Course
from tests.conftest import COURSE, fake_tutor
from tests.sql import run
from tutor.items import legacy_item_id

KRALJIC = "h5-inkoopportfoliomatrix-kraljic"
USER = 77
NEW_SECTION = (
    "## Inkoopbeleid in de praktijk\n\n"
    + " ".join(
        f"Regel {n}: een inkoopbeleid legt vast hoe een organisatie leveranciers kiest, vergelijkt en "
        "beoordeelt, zodat de verkoper begrijpt waarom een klant eerst offertes naast elkaar legt."
        for n in range(1, 9)
    )
    + "\n\n### Voorbeeld\nEen gemeente vergelijkt drie offertes voor printers voor een gesprek.\n"
    "\n### Begrippen\n- **Inkoopbeleid**: de vastgelegde manier waarop een organisatie leveranciers kiest.\n"
    "\n### Vragen\n- wat is een inkoopbeleid?\n- waarom vergelijkt een klant offertes?\n"
    "- wat legt een inkoopbeleid vast?\n"
    "\n### Quiz\n**V:** Wat legt een inkoopbeleid vast?\n- [x] Hoe leveranciers gekozen worden\n"
    "- [ ] De prijs van elk product\n**Uitleg:** Het beleid gaat over het kiezen van leveranciers.\n\n"
    "**V:** Wat doet een klant met een inkoopbeleid vaak eerst?\n- [x] Offertes vergelijken\n"
    "- [ ] Direct bestellen\n**Uitleg:** Offertes worden eerst naast elkaar gelegd.\n\n"
)


def edited_course(tmp: Path) -> Course:
    """The shipped course with a section inserted before Kraljic and another one renamed."""
    folder = tmp / "course"
    shutil.copytree(SHIPPED_DIR / COURSE, folder)
    chapter = next(folder.glob("05-*.md"))
    text = chapter.read_text(encoding="utf-8")
    kraljic = "## Inkoopportfoliomatrix (Kraljic)"
    text = text.replace(kraljic, NEW_SECTION + kraljic)
    text = text.replace("## Koopsituaties en koopgedrag", "## Koopsituaties (buy classes)")
    chapter.write_text(text, encoding="utf-8")
    return parse_course(folder)


def test_an_inserted_and_a_renamed_section_keep_every_learners_history(tmp_path: Path) -> None:
    course = parse_course(SHIPPED_DIR / COURSE)
    tutor = fake_tutor(course, tmp_path)
    answered = [*tutor.by_section[KRALJIC][:3], *tutor.by_section["h5-koopsituaties-en-koopgedrag"][:2]]
    for item in answered:
        tutor.record(USER, USER, item, (item.answer + 1) % len(item.options), "private")
    tutor.store.close()

    edited = edited_course(tmp_path)
    positions = {s.title: s.position_id for s in edited.sections}
    assert positions["Inkoopportfoliomatrix (Kraljic)"] == "5.4"  # it moved: positional ids would break
    after = fake_tutor(edited, tmp_path)
    renamed = "h5-koopsituaties-buy-classes"
    for old in answered:
        new = after.items[old.id]  # the same id ...
        assert new.question == old.question  # ... for the same question
        card = after.store.card(USER, old.id)
        assert card is not None and card["section_id"] == new.section_id
    assert {after.items[i.id].section_id for i in answered} == {KRALJIC, renamed}
    weak = {t.section_id for t in after.weak_topics(USER)}
    assert {KRALJIC, renamed} <= weak
    assert {a["section_id"] for a in after.store.answers(USER, COURSE)} == {KRALJIC, renamed}


def test_history_from_positional_ids_is_adopted(tmp_path: Path) -> None:
    course = parse_course(SHIPPED_DIR / COURSE)
    tutor = fake_tutor(course, tmp_path)
    item = tutor.by_section[KRALJIC][0]
    section = course.section(KRALJIC)
    key = item.question if item.kind == "curated" else None
    assert key is not None  # the first item of a section is a curated question
    old_id = legacy_item_id(COURSE, "curated", section.position_id, key)
    # A learner's rows as the previous version stored them: positional section, old item id.
    tutor.record(USER, USER, item, item.answer, "private")
    for table in ("answers", "cards"):
        run(tutor.store, f"update {table} set item_id = ?, section_id = ?", (old_id, "5.3"))  # noqa: S608
    tutor.store.close()
    again = fake_tutor(course, tmp_path)
    card = again.store.card(USER, item.id)
    assert card is not None and card["section_id"] == KRALJIC
    rows = again.store.answers(USER, COURSE)
    assert [(a["item_id"], a["section_id"]) for a in rows] == [(item.id, KRALJIC)]
