"""Questions retrieval is unsure of, rescued by a word that ties them to one section: a situation's
anchor word ("… hoe ga ik om met dat bezwaar?", or an objection told: "ik moet er nog over
nadenken"), an abbreviation of a term ("am"), a long word only one section explains ("wat doe je in
de oriëntatiefase"), a term the glossary names ("het nut van een swot", "een sleutelklant"), a word
of the top section's own title ("hoe vul je een lekke funnel"), or a short Dutch other name of a
term ("de boer"). Numbers that fill in a section's formula (``fitting_formulas``) are no rescue: the
answerer takes that section without a hedge.
Each answers with a hedge, and only when the question is not much nearer the background."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from index.retriever import Retrieval
from index.text import fold
from knowledge.model import Course, GlossaryEntry
from tutor.anchors import Anchors
from tutor.calculate import worked_out
from tutor.compose import Composer
from tutor.coverage import GENERIC
from tutor.cues import ASPECT, OBJECTION
from tutor.intent import Intent, classifies
from tutor.othernames import says
from tutor.terms import (
    abbreviation_entries,
    named_word_entry,
    rare_word_section,
    short_name_entry,
    title_word_section,
)
from tutor.verbs import how_to
from tutor.worked import brings_numbers

# A situation tied to a section by an anchor word is answered (hedged) down to this margin.
ANCHOR_MARGIN = -0.03
# A word only one section explains rescues a question from abstaining down to this margin.
RARE_MARGIN = 0.02
# A shorter word only the first section's explanation uses rescues a situation down to this margin.
SHORT_RARE_MARGIN = -0.02
# "…, wat is dat?", "hoe heet dat": a situation to name.
NAMING = re.compile(r"\b(?:wat is|hoe heet|hoe noem je) (?:dat|dit)(?: dan)?\W*$")
# A word of the top section's title rescues a how/why question down to this margin.
TITLE_MARGIN = -0.01


@dataclass(frozen=True)
class Rescue:
    """The section to answer from, and the term the answer is about when the rescue names one."""

    section_id: str
    term: str = ""


def numbers_fit(composer: Composer, q: str, intent: Intent, section_id: str) -> bool:
    """Whether a calculation's numbers fill in the formula of ``section_id``."""
    if intent.kind != "calculation":
        return False
    return worked_out(q, composer.text(composer.body(section_id))) is not None


@functools.cache
def _glossary_names(composer: Composer) -> tuple[tuple[str, str], ...]:
    """Every glossary name of five letters or more, folded, with its section."""
    return tuple((fold(n), e.section_id) for e in composer.course.glossary for n in e.names if len(n) >= 5)


def fitting_formulas(composer: Composer, q: str, intent: Intent, near: list[str]) -> tuple[Intent, list[str]]:
    """The ``near`` sections whose formula the question's numbers fill in, and ``intent`` — a
    calculation when there are such sections, even without the cue word ("kwartaalverkopen 100,
    120, 140, 160: wat verwacht ik …")."""
    if intent.kind != "calculation" and not brings_numbers(q):
        return intent, []
    if intent.kind == "calculation":
        calc = intent
    else:
        calc = Intent("calculation", intent.topic, followup=intent.followup)
    fitting = [sid for sid in near if numbers_fit(composer, q, calc, sid)]
    if not fitting:
        # "…, klantaandeel?": the section of a term the question names, when retrieval missed it.
        folded = fold(q)
        # "hoeveel procent verloop": the head of a compound name ("klantverloop") said on its own.
        heads = [w for w in re.findall(r"[a-z]{6,}", folded) if w not in GENERIC]
        names = _glossary_names(composer)
        named = dict.fromkeys(sid for n, sid in names if says(folded, n) or any(n.endswith(w) for w in heads))
        fitting = [sid for sid in named if sid not in near and numbers_fit(composer, q, calc, sid)]
    if not fitting and intent.kind == "calculation":
        # "kans A 10k (slagingskans 50%), …, reken de verwachte omzet uit": the one formula of the notes
        # the numbers fill in, wherever it is.
        anywhere = [x.id for x in composer.course.sections if numbers_fit(composer, q, calc, x.id)]
        fitting = anywhere if len(anywhere) == 1 else []
    return (calc if fitting else intent), fitting


def rescue(
    composer: Composer,
    course: Course,
    anchors: Anchors,
    q: str,
    intent: Intent,
    r: Retrieval,
    named: Callable[[str], GlossaryEntry | None] | None = None,
) -> Rescue | None:
    """The section an unsure question is still answered from (with a hedge), if one is;
    ``named``: the glossary entry a name stands for."""
    if not r.hits:
        return None
    margin = r.dense_top - r.background_top
    near = [h.section_id for h in r.hits[:4]]
    if intent.kind == "scenario" or how_to(q):
        # "de klant zegt dat het te duur is, hoe ga ik om met dat bezwaar?": the situation names a
        # word only a few sections explain; answer from the nearest of those.
        # What a customer says to turn an offer down or put it off is an objection ("bezwaar").
        anchored = anchors.find(f"{q} bezwaar" if OBJECTION.search(fold(q)) else q, near)
        if anchored is not None and margin >= ANCHOR_MARGIN:
            return Rescue(anchored[0], anchored[1])
        # "ik sprak iemand op een beurs, wat nu": a word of the situation that only the explanation
        # of the section ranked first uses.
        # (Not a situation to name: "…bij zijn printer, wat is dat" is no question about printers.)
        rare = rare_word_section(composer, intent.topic, 5) if margin >= SHORT_RARE_MARGIN else None
        if rare == near[0] and not classifies(q) and not NAMING.search(fold(q)):
            return Rescue(near[0])
    if intent.kind != "comparison":
        # "wat doe je in de oriëntatiefase", "voorbeeld van een trendbreuk", "promotorscore
        # uitrekenen": a long word of the topic only one section explains.
        rare = rare_word_section(composer, intent.topic)
        # Nearer the notes than the background, or at least as near when retrieval ranks it first.
        if rare and rare in near and (margin >= RARE_MARGIN or (rare == near[0] and margin >= 0)):
            return Rescue(rare)
    # A term of one of the nearest sections that the question names: by its abbreviation ("welke
    # skills moet een goede am bezitten"), as the aspect of a glossary term ("wat is het nut van een
    # swot") or by a long, rare word the glossary names it by ("het team rond een sleutelklant").
    def named_entries() -> Iterator[GlossaryEntry | None]:
        yield from abbreviation_entries(course, q)
        if intent.kind == "why" and named is not None:
            yield named(ASPECT.sub(" ", intent.topic).strip())
        if intent.kind != "comparison":
            yield named_word_entry(composer, intent.topic)

    if margin >= TITLE_MARGIN:
        for entry in named_entries():
            if entry is not None and entry.section_id in near[:3]:
                return Rescue(entry.section_id, entry.term)
        # "de boer als verkoperstype": a short name of a term of the section ranked first.
        short = short_name_entry(composer, q) if intent.kind != "comparison" else None
        if short is not None and short.section_id == near[0]:
            return Rescue(short.section_id, short.term)
    if intent.kind in ("explanation", "why"):
        # "hoe vul je een lekke funnel": a word of the top section's own title.
        titled = title_word_section(composer, course, intent.topic)
        if titled == r.hits[0].section_id and margin >= TITLE_MARGIN:
            return Rescue(titled)
    return None


def objection_section(anchors: Anchors, q: str, near: list[str]) -> str | None:
    """The nearest section that explains objections ("bezwaar"), for a situation in which the
    customer raises one ("jullie concurrent is goedkoper, wat doe ik"), if one is near."""
    if not OBJECTION.search(fold(q)):
        return None
    return next((sid for sid in near if anchors.treats(sid, "bezwaar")), None)
