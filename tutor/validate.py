"""Checks every quiz item must pass before a learner sees it; an item that fails is dropped.

- options: two to four, all different, the right one among them;
- a cloze blank never leaks its answer: no other name of the term (its abbreviation, its English
  name) in the sentence, no letters or apostrophe glued to the blank ("_____'ers"), no explanation
  in brackets right after it ("_____ (buy classes)"), and no sentence that leans on text not shown
  ("Die indeling …");
- odd-one-out: the odd option shares no word with the group it is set against (a "Klant" is never
  odd among "Soorten klanten").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from index.text import fold
from knowledge.model import GlossaryEntry
from tutor.items import QuizItem
from tutor.lists import BACKREF

BLANK = "_____"


def words(text: str) -> set[str]:
    """Folded words of four letters or more, a plural 's'/'en' dropped."""
    out = set()
    for w in re.findall(r"[a-z]{4,}", fold(text)):
        out.add(re.sub(r"(?:en|s)$", "", w) if len(w) > 5 else w)
    return out


def problem(item: QuizItem, entries: dict[str, GlossaryEntry]) -> str | None:
    """Why ``item`` may not be shown, or None when it is sound. ``entries``: glossary by term."""
    options = [fold(o).strip() for o in item.options]
    if not 2 <= len(options) <= 4 or not 0 <= item.answer < len(options):
        return "options"
    if len(set(options)) != len(options) or not all(options):
        return "duplicate option"
    if item.kind == "cloze":
        return _cloze_problem(item, entries)
    if item.kind == "odd_one_out":
        odd = words(item.correct_option)
        group = re.search(r"‘(.+)’", item.question)
        shown = [o for i, o in enumerate(item.options) if i != item.answer]
        if odd & words(group.group(1) if group else "") or any(odd & words(o) for o in shown):
            return "odd option shares a word with its group"
    return None


def _cloze_problem(item: QuizItem, entries: dict[str, GlossaryEntry]) -> str | None:
    text = item.question.split("\n", 1)[-1]
    at = text.find(BLANK)
    if at < 0:
        return "no blank"
    after = text[at + len(BLANK) :]
    if re.match(r"[\w'’]", after):
        return "letters glued to the blank"
    if re.match(r"\s*\(", after):
        return "brackets after the blank explain it"
    if BACKREF.match(text):
        return "leans on a sentence not shown"
    entry = entries.get(item.correct_option)
    if entry is not None:
        rest = fold(text.replace(BLANK, " "))
        for name in entry.aliases:
            if len(name) >= 2 and re.search(rf"(?<!\w){re.escape(fold(name))}(?!\w)", rest):
                return "another name of the answer is in the sentence"
    return None


def keep_sound(
    items: Iterable[QuizItem], entries: list[GlossaryEntry]
) -> tuple[list[QuizItem], Counter[str]]:
    """The items that pass, and how many of each kind were dropped (with ``kept:<kind>`` counts)."""
    by_term = {e.term: e for e in entries}
    kept: list[QuizItem] = []
    report: Counter[str] = Counter()
    for item in items:
        reason = problem(item, by_term)
        if reason is None:
            kept.append(item)
            report[f"kept:{item.kind}"] += 1
        else:
            report[f"dropped:{item.kind}"] += 1
    return kept, report
