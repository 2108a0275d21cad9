"""Progress you can trust: mastery from FSRS and the last answer, a readable chart, a summary."""

from __future__ import annotations

import io
from datetime import date, timedelta

from PIL import Image

from tutor.charts import DPI, SIZE, stats_figure, stats_png
from tutor.progress import ChapterProgress, Stats
from tutor.service import Tutor

USER = 11


def _answer(tutor: Tutor, section_id: str, right: bool, n: int = 1) -> None:
    item = next(i for i in tutor.items.values() if i.section_id == section_id)
    for _ in range(n):
        choice = item.answer if right else (item.answer + 1) % len(item.options)
        tutor.record(USER, USER, item, choice, "private")


def test_wrong_answers_never_count_as_mastery(tutor: Tutor) -> None:
    kraljic = next(s.id for s in tutor.course.sections if "Kraljic" in s.title)
    _answer(tutor, kraljic, right=False, n=3)
    s = tutor.stats(USER)
    chapter = next(c for c in s.chapters if c.title == "Sales funnel management")
    assert chapter.mastery == 0.0 and chapter.known == 0 and chapter.practised == 1
    assert all(c.mastery == 0.0 for c in s.chapters)
    assert "1 van 32 onderwerpen geoefend" in s.summary() and "Kraljic" in s.summary()
    _answer(tutor, kraljic, right=True)
    chapter = next(c for c in tutor.stats(USER).chapters if c.title == "Sales funnel management")
    assert chapter.mastery > 0 and chapter.known == 1


def _stats(answered: int, chapters: list[ChapterProgress], per_day: list[int]) -> Stats:
    today = date(2026, 11, 27)
    days = [(today - timedelta(days=13 - i), n) for i, n in enumerate(per_day)]
    mastery = {c.title: c.mastery for c in chapters}
    weak = ["Kraljic"] if answered else []
    streak, practised = (3, 5) if answered else (0, 0)
    return Stats(answered, answered // 2, streak, mastery, days, chapters, practised, 32, weak, per_day[-1])


TITLES = ["De klant centraal", "Marktonderzoek, analyse, verkoopplan", "Leadmanagement", "Waardepropositie",
          "Sales funnel management", "Klantportfoliomanagement", "Accountmanagement"]  # fmt: skip


def _texts(fig) -> list[str]:  # type: ignore[no-untyped-def]
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def test_chart_on_day_one() -> None:
    s = _stats(0, [ChapterProgress(t, 0.0, 0, 0, 40) for t in TITLES], [0] * 14)
    fig = stats_figure(s)
    _, bottom = fig.axes
    assert _texts(fig).count("nog niet geoefend") == 7
    assert any("Nog geen antwoorden" in t for t in _texts(fig))
    assert bottom.get_ylim()[0] == 0 and bottom.get_ylim()[1] >= 5  # no empty −0.04…0.04 axis
    assert all(float(t).is_integer() for t in bottom.get_yticks())
    assert "Nog niets geoefend" in s.summary()
    png = Image.open(io.BytesIO(stats_png(s)))
    assert png.size == (int(SIZE[0] * DPI), int(SIZE[1] * DPI))


def test_chart_of_a_busy_month() -> None:
    shares = [(0.72, 35), (0.4, 22), (0.05, 3), (0, 0), (0.9, 40), (0.33, 18), (0.58, 30)]
    chapters = [ChapterProgress(t, m, p, 0, 40) for t, (m, p) in zip(TITLES, shares, strict=True)]
    fig = stats_figure(_stats(420, chapters, [3, 0, 1, 2, 30, 12, 7, 0, 4, 9, 11, 2, 5, 8]))
    top, bottom = fig.axes
    texts = _texts(fig)
    assert "72% · 35/40 geoefend" in texts and "nog niet geoefend" in texts  # value labels
    bar_labels = [t.get_text() for t in bottom.texts]
    assert "30" in bar_labels and "0" not in bar_labels  # counts on the bars, none on empty days
    assert not any("Nog geen antwoorden" in t for t in texts)
    assert all(float(t).is_integer() for t in bottom.get_yticks())  # no 0.5 steps
    assert top.get_position().x0 == bottom.get_position().x0  # the panels line up
    assert top.get_yticklabels()[-1].get_text() == "De klant centraal"  # first chapter on top
