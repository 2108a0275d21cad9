"""Comparisons: one block per side and the notes' sentence that contrasts them, if they have one."""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet

import numpy as np

from index.english import to_dutch
from index.passages import Sentence
from index.retriever import Retriever
from index.text import fold
from knowledge.model import GlossaryEntry
from tutor.compose import Composer, Composition, tokens_of
from tutor.listing import ListComposer

# Words that ask for the comparison itself, no aspect of it.
COMPARE_WORDS = frozenset(
    tokens_of("verschil verschillen tussen vergelijk vergelijken vs versus tegenover onderscheid "
              "onderscheidt waarin hetzelfde wat welke hoe wie doet zit zitten difference between compare "
              "what the and")
)  # fmt: skip
# "een gewone klant": the plain kind, named by its noun.
# Below this IDF a word says little of which concept a sentence names ("klant": 1.4).
GENERIC_IDF = 2.0
PLAIN = frozenset(tokens_of("gewoon gewone normaal normale regulier reguliere standaard klassieke"))


# "Zakelijk verkopen verschilt op een aantal belangrijke punten van …": the notes list the differences.
DIFFERS_ON = re.compile(r"\bverschil\w* (?:op|in) (?:een aantal|enkele|verschillende|\w+) (?:\w+ )?punten\b")
# "wat zijn de verschillen", "waarin verschillen ze": the differences asked for, not two definitions.
MANY_DIFFERENCES = re.compile(r"\bverschillen\b|\bdifferences\b")


def differences_listed(
    c: Composer, lister: ListComposer, homes: list[str], question: str
) -> Composition | None:
    """The notes' own list of how the sides differ, when both sides are one section's and the
    question asks for the differences ("wat zijn de verschillen tussen zakelijke en particuliere
    klanten" → "Zakelijk verkopen verschilt op een aantal belangrijke punten …: ten eerste …")."""
    if len(set(homes)) != 1 or not MANY_DIFFERENCES.search(fold(question)):
        return None
    anchor = next((s for s in c.body(homes[0]) if DIFFERS_ON.search(c.folded[s.id])), None)
    return lister.led_by(anchor) if anchor is not None else None


def _inflected(token: str, tokens: AbstractSet[str]) -> bool:
    """``token`` among ``tokens``, also as the inflected adjective ("koud" in "koude acquisitie",
    "warme" asked as "warm")."""
    return token in tokens or token + "e" in tokens or (token.endswith("e") and token[:-1] in tokens)


def side_label(name: str, entry: GlossaryEntry | None) -> str:
    """How a side's block is labelled: its glossary term, or its name as asked, capitalised."""
    return entry.term if entry is not None else name[:1].upper() + name[1:]


def compare(
    c: Composer,
    sides: list[tuple[str, GlossaryEntry | None, str]],
    question: str,
    qvec: np.ndarray | None,
) -> Composition:
    """One block per side (definition or best sentence) plus a sentence that contrasts them.

    A side without a glossary entry gets the sentence that defines it ("Een kenmerk is …") or
    else its best sentence, one the contrasting passage does not already hold.
    """
    homes = [entry.section_id if entry is not None else section_id for _, entry, section_id in sides]
    side_names = [entry.names if entry else (name,) for name, entry, _ in sides]
    # The words that set each side apart ("kwantitatieve" against "kwalitatieve methoden").
    apart = {
        name: tokens_of(name) - PLAIN - {t for o, _, _ in sides if o != name for t in tokens_of(o)}
        for name, entry, _ in sides
        if entry is None  # a glossary entry is named by any of its names
    }

    def names_side(s: Sentence, name: str, names: tuple[str, ...]) -> bool:
        own = apart.get(name)
        if own:
            return all(_inflected(t, c.tokens[s.id]) for t in own)
        # Not by a word nearly every sentence uses: "neutrale klant" is not in every one with "klanten".
        return any(
            c.names(s, n) and any(c.idf.get(t, 0.0) >= GENERIC_IDF for t in tokens_of(n) & c.tokens[s.id])
            for n in names
        )

    both = [
        s
        for sid in dict.fromkeys(homes)
        for s in c.body(sid)
        if all(names_side(s, name, names) for (name, _, _), names in zip(sides, side_names, strict=True))
    ]
    contrast_span: list[Sentence] = []
    if both:
        contrast_span = c.passage(c.best(both, question, qvec), target=35, limit=80)
    contrast = c.text(contrast_span)
    items: list[tuple[str, str]] = []
    sections: list[str] = []
    for name, entry, section_id in sides:
        if entry is not None:
            items.append((side_label(name, entry), entry.definition))
            sections.append(entry.section_id)
            continue
        body = c.body(section_id)
        naming = [s for s in body if names_side(s, name, (name,))]
        if not naming and contrast:
            continue  # the contrast says it; a sentence that does not name the side would not
        naming = naming or body
        if any(c.defines(s, name) for s in contrast_span):
            sections.append(section_id)
            continue  # the contrasting passage says what it is ("Een voordeel is wat …")
        naming = [s for s in naming if s not in contrast_span] or naming
        if not naming:
            continue
        best = c.best(naming, name, qvec, lambda s, n=name: 0.5 * c.defines(s, n) - 0.01 * s.pos)
        text = c.text(c.with_antecedent(best))
        if all(text != said for _, said in items):
            items.append((side_label(name, entry), text))
        sections.append(section_id)
    items = [(label, text) for label, text in items if text not in contrast]
    aspect = aspect_of(question, [name for name, _, _ in sides])
    if aspect:
        # "nieuwe taak vs rechtstreekse herhaalaankoop, hoe groot is de dmu": per side, what the
        # paragraph that introduces it says about the aspect asked (once, when the sides share it).
        label_of = {side_label(n, e): i for i, (n, e, _) in enumerate(sides)}
        said = {
            label: _about(c, text, aspect, homes[label_of[label]], side_names[label_of[label]])
            for label, text in items
            if label in label_of
        }
        # A sentence that names another side is that side's, not this one's aspect.
        names_of = [tokens_of(n) for n, _, _ in sides]
        others = {label: [t for j, t in enumerate(names_of) if j != i] for label, i in label_of.items()}
        said = {
            label: t
            for label, t in said.items()
            if t and t not in contrast and not any(o and o <= tokens_of(t) for o in others[label])
        }
        shared = [t for t in said.values() if list(said.values()).count(t) > 1]
        items = [(label, f"{text} {said[label]}" if said.get(label) not in (None, *shared) else text)
                 for label, text in items]  # fmt: skip
        contrast = " ".join(dict.fromkeys([contrast, *shared])).strip()
    if not items and not contrast:
        return Composition("", sections=sections)
    # "Solution selling gaat nog verder: …" names its side itself: no label before it.
    items = [("" if fold(text).startswith(fold(label)) else label, text) for label, text in items]
    names = [n for n, _, _ in sides]
    labels = f"{', '.join(names[:-1])} en {names[-1]}" if len(names) > 1 else names[0]
    headline = contrast or f"Het verschil tussen {labels}:"
    return Composition(headline, items=items, sections=sections)


# The clause after the sides that asks about one aspect of both: ", hoe groot is de dmu", "qua prijs".
ASPECT_CLAUSE = re.compile(r"(?:,|\bqua\b|\bwat betreft\b|\bals het gaat om\b)\s*([^,]+)$")


def aspect_of(question: str, names: list[str]) -> set[str]:
    """The tokens of the aspect a comparison asks about, beyond its sides."""
    m = ASPECT_CLAUSE.search(fold(question))
    if m is None:
        return set()
    named = set().union(*(tokens_of(n) for n in names))
    return tokens_of(m.group(1)) - named - COMPARE_WORDS


def _about(c: Composer, said: str, aspect: set[str], section_id: str, names: tuple[str, ...]) -> str:
    """The sentence about ``aspect`` in the paragraph that introduces a side (the first sentence
    with all the words of one of ``names``), when what is ``said`` already holds none of it."""
    if aspect & tokens_of(said):
        return ""
    intro = next((s for s in c.body(section_id) if any(tokens_of(n) <= c.tokens[s.id] for n in names)), None)
    if intro is None:
        return ""
    about = max(c.paragraph(intro), key=lambda s: len(aspect & c.tokens[s.id]))
    return about.text if aspect & c.tokens[about.id] else ""


def side_section(
    c: Composer, retriever: Retriever, name: str, fallback: str, near: tuple[str, ...] = ()
) -> str:
    """The section that best matches ``name`` by its words (no model call): the one whose title
    holds all of them ("kwantitatieve methoden" → "Kwantitatieve voorspellingsmethoden"), else the
    first of ``near`` (the other sides' sections) and ``fallback`` whose text names it, else by BM25."""
    wanted = tokens_of(name)

    def holds(title: set[str]) -> bool:
        return all(any(t == x or (len(t) >= 5 and x.endswith(t)) for x in title) for t in wanted)

    titled = [s.id for s in c.course.sections if wanted and holds(tokens_of(s.title))]
    if len(titled) == 1:
        return titled[0]
    for home in (*near, fallback):
        # "marketeer en verkoper": both sides in the section the question found; "uitbouwen vs
        # onderhouden": the other side's section ("Bij een behoudstrategie (onderhouden) …").
        if wanted and any(wanted <= c.tokens[s.id] for s in c.body(home)):
            return home
    scores = retriever.bm25_scores(name)
    if not len(scores) or float(scores.max()) <= 0:
        return fallback
    return retriever.index.chunks[int(np.argmax(scores))].section_id


def resolve_sides(
    c: Composer,
    retriever: Retriever,
    entry_of: Callable[[str], GlossaryEntry | None],
    names: tuple[str, ...],
    earlier: tuple[str, str] | None,
    top: str,
) -> list[tuple[str, GlossaryEntry | None, str]]:
    """Each side's name as the notes say it, its glossary entry (if any) and its home section;
    ``earlier``: the term and section of the chat's last answer, where a follow-up's side came from."""
    sides: list[tuple[str, GlossaryEntry | None, str]] = []
    for name in names:
        e = entry_of(name)
        dutch = to_dutch(name) if e is None else ""
        if dutch and c.phrase_sections(dutch):
            name = dutch  # "transactional selling" as the notes say it: "transactionele verkoop"
            e = entry_of(name)
        if e is None:
            e = head_of_term(c, name)
        if e is not None and any(e is other for _, other, _ in sides):
            e = None  # "centrale vs decentrale inkoop": one entry cannot be both sides
        before = earlier[1] if earlier is not None and name == earlier[0] else None
        home = e.section_id if e else before
        others = tuple(h for _, _, h in sides if h)
        sides.append((name, e, home or side_section(c, retriever, name, top, others)))
    # "routine met knelpunt": a side the other's term completes ("knelpunt" → Knelpuntproducten, so
    # "routine" → Routineproducten).
    for i, (name, e, _) in enumerate(sides):
        if e is not None or " " in name:
            continue
        for other, found, _ in sides:
            term = fold(found.term) if found is not None else ""
            if term.startswith(fold(other)) and term != fold(other):
                twin = entry_of(fold(name) + term[len(fold(other)) :])
                if twin is not None and twin is not found:
                    sides[i] = (name, twin, twin.section_id)
                    break
    return sides


def head_of_term(c: Composer, name: str) -> GlossaryEntry | None:
    """The one glossary term that ``name`` is the first part of ("knelpunt" → Knelpuntproducten), if
    exactly one is and the notes never use ``name`` as a word of its own ("loyaliteit" is not the
    "loyaliteitsladder")."""
    word = fold(name)
    whole = re.compile(rf"\b{re.escape(word)}\b(?!-)")
    if len(word) < 5 or " " in word or any(whole.search(c.folded[s.id]) for s in c.holding(word)):
        return None
    longer = [(e, fold(n)) for e in c.course.glossary for n in e.names]
    found = list({id(e): e for e, n in longer if n.startswith(word) and n != word}.values())
    return found[0] if len(found) == 1 else None
