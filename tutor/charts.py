"""The /stats picture: mastery per chapter and answers per day, one figure sized for a phone."""

from __future__ import annotations

import io
import textwrap

import matplotlib

matplotlib.use("Agg")
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from tutor.progress import Stats

SIZE = (6.0, 7.5)  # inches; at DPI 150 a 900 × 1125 PNG, readable on a phone without zooming
DPI = 150
BLUE, GREEN, GREY = "#2563eb", "#059669", "#9ca3af"
LEFT = 0.36  # both panels start here, so their axes line up


def stats_figure(s: Stats) -> Figure:
    """The figure: chapters' mastery with value labels on top, answers of the last 14 days below."""
    fig = Figure(figsize=SIZE, dpi=DPI)
    top = fig.add_axes((LEFT, 0.44, 0.58, 0.47))
    bottom = fig.add_axes((LEFT, 0.1, 0.58, 0.24))
    streak = f" — reeks: {s.streak} {'dag' if s.streak == 1 else 'dagen'}" if s.streak else ""
    fig.suptitle(f"Jouw voortgang{streak}", fontsize=12)

    chapters = s.chapters[::-1]  # the first chapter on top
    values = [c.mastery * 100 for c in chapters]
    labels = [textwrap.fill(c.title, 22, break_long_words=False) for c in chapters]
    top.barh(labels, values, color=BLUE, height=0.6)
    top.set_xlim(0, 100)
    top.set_xlabel("beheerst (%)", fontsize=9)
    top.tick_params(axis="y", labelsize=8)
    top.tick_params(axis="x", labelsize=8)
    for y, c in enumerate(chapters):
        label = f"{c.mastery:.0%} · {c.practised}/{c.total} geoefend" if c.practised else "nog niet geoefend"
        x = c.mastery * 100
        inside = x > 55
        top.text(
            x - 1 if inside else x + 1, y, label, va="center", ha="right" if inside else "left",
            fontsize=7.5, color="white" if inside else ("#111827" if c.practised else GREY),
        )  # fmt: skip
    top.spines[["top", "right"]].set_visible(False)

    days = [d.strftime("%d-%m") for d, _ in s.per_day]
    counts = [n for _, n in s.per_day]
    bars = bottom.bar(days, counts, color=GREEN)
    bottom.set_ylim(0, max(5, max(counts) * 1.25))
    bottom.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))
    bottom.set_ylabel("antwoorden", fontsize=9)
    bottom.tick_params(axis="x", labelrotation=60, labelsize=7)
    bottom.tick_params(axis="y", labelsize=8)
    bottom.bar_label(bars, labels=[str(n) if n else "" for n in counts], fontsize=7, padding=1)
    bottom.spines[["top", "right"]].set_visible(False)
    if not s.answered:
        bottom.text(
            0.5, 0.55, "Nog geen antwoorden — start met /quiz", transform=bottom.transAxes,
            ha="center", va="center", fontsize=9, color=GREY,
        )  # fmt: skip
    bottom.set_title("laatste 14 dagen", fontsize=9, loc="left")
    return fig


def stats_png(s: Stats) -> bytes:
    """Render ``s`` as PNG bytes."""
    buf = io.BytesIO()
    stats_figure(s).savefig(buf, format="png")
    return buf.getvalue()
