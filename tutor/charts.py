"""The /stats picture: mastery per chapter and answers per day, as PNG bytes."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from tutor.progress import Stats


def stats_png(s: Stats) -> bytes:
    """Render ``s`` as a two-panel PNG."""
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(7, 7), dpi=100, gridspec_kw={"height_ratios": [3, 2]})
    labels = [t.split("—")[-1].strip() for t in s.mastery]
    values = [v * 100 for v in s.mastery.values()]
    top.barh(labels[::-1], values[::-1], color="#3b82f6")
    top.set_xlim(0, 100)
    top.set_xlabel("beheersing (%)")
    top.set_title(f"Jouw voortgang — reeks: {s.streak} dag(en)")
    bottom.bar([d.strftime("%d-%m") for d, _ in s.per_day], [n for _, n in s.per_day], color="#10b981")
    bottom.set_ylabel("antwoorden")
    bottom.tick_params(axis="x", labelrotation=60, labelsize=8)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return buf.getvalue()
