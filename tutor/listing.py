"""Answers that are lists: the announcing sentence and every item, in order, judged as a whole.

A list may sit in one sentence ("STP staat voor a, b en c"), run on in the next sentences that
name more of the same, follow its announcement in the paragraph or the next ones ("Zo ontstaan
vier kwadranten." closes a paragraph; the quadrants follow), or be a sequence ("Je begint …",
"Daarna …"). Candidates are judged on the items found, the announced count reached and how
many of their sentences are on topic.
"""

from __future__ import annotations

import re

import numpy as np

from index.english import english_phrases, to_dutch
from index.passages import LIST_MARKER, Sentence
from index.text import bm25_tokens, compounds, fold
from tutor.categories import genus
from tutor.compose import LIST_MAX_WORDS, Composer, Composition, tokens_of, words
from tutor.explaining import explain
from tutor.intent import LIST_NOUNS, NUMBER_WORDS, Intent
from tutor.lists import (
    AHEAD,
    ASKED_PLURAL,
    BACKREF,
    BY_ASPECT,
    CONSISTS,
    KINDS_OF,
    ORDER_ASIDE,
    ORDINAL,
    PLACES,
    SEQUENCE,
    STEPS_ASKED,
    announced_count,
    announces,
    carries_on,
    count_items,
    gives_examples,
    inline_count,
    inline_items,
    inline_list,
    inline_sequence,
    is_item_head,
    like_items,
    looking_back,
    ordinal_items,
    other_kind,
    repeated_head,
    same_kind,
)
from tutor.runs import Runs

# Verbs that ask for a list without naming what is in it ("welke soorten onderscheid je").
ASKING = frozenset(
    tokens_of("onderscheid onderscheiden onderscheidt bestaan bestaat kent kennen gebruikt allemaal")
    | tokens_of("soorten vormen typen")
)


CLOSING = re.compile(r"^(?:tot slot|ten slotte|tenslotte|als laatste)\b", re.IGNORECASE)
# "… naar de relatie die ze zoeken", "… qua fase": one classification of several asked.
ONE_ASPECT = re.compile(r"\b(?:naar|qua|wat betreft|op basis van) (?:de |het |hun )?\w{4,}")
# A list of people: "Binnen de DMU onderscheiden we rollen."
PEOPLE = re.compile(r"\b(?:rol|rollen|leden|deelnemers)\b")


class ListComposer:
    """Composes list answers from a course's indexed sentences."""

    def __init__(self, composer: Composer) -> None:
        self.c = composer
        self.runs = Runs(composer.course)

    def _list_from(
        self, anchor: Sentence, need: int | None
    ) -> tuple[list[Sentence], list[Sentence], int, bool]:
        """(head, item sentences, item count, announced count reached) of the list ``anchor`` announces."""
        head = self.c.with_antecedent(anchor)
        para = self.c.paragraph(anchor)
        noun = repeated_head(anchor.text)
        in_turn = inline_sequence(anchor.text)  # "Je opent met …, stelt …, noemt … en vraagt …"
        if inline_list(anchor.text) or in_turn or (noun and anchor.text.count("(") >= 2):
            # The list may go on in the next sentences that name more of the same ("… de openbare
            # procedure (…) en de niet-openbare procedure (…). Onder de drempels … een meervoudig
            # onderhandse procedure (…)").
            more: list[Sentence] = []
            for after in para[anchor.pos + 1 : anchor.pos + 3]:
                names_more = "(" in after.text or "," in after.text
                if not (noun and noun[:-1] in after.text.lower() and names_more):
                    break
                more.append(after)
            turns = anchor.text.count(",") + 1 if in_turn else 0
            found = max(inline_count(anchor.text), anchor.text.count("("), turns) + sum(
                max(1, x.text.count("(")) for x in more
            )
            # "de drie stappen": a sentence that names exactly as many is complete.
            return head + more, [], found, need is not None and need >= 2 and found == need
        tail = para[anchor.pos + 1 :]
        closing = announced_count(tail[-1].text) if tail else None
        if closing is not None and need in (None, closing):
            # "… Zo ontstaan vier kwadranten." closes the paragraph: the list starts after it.
            head, tail, need, found = head + tail, [], closing, 0
        else:
            need = need or announced_count(anchor.text)
            found = count_items(tail)
        paras = self.c.paras[(anchor.section_id, anchor.part)]
        extra: list[list[Sentence]] = []
        p = anchor.para + 1
        while p < len(paras) and len(extra) < 3:
            nxt = paras[p]
            so_far = " ".join(s.text for s in [*head, *tail, *(x for e in extra for x in e)]).lower()
            continues = carries_on(nxt[0].text, so_far)
            if need is not None and found >= need:
                break
            if need is None and (len(tail) > 1 or extra) and not continues:
                break
            opens_list = bool(SEQUENCE.match(nxt[0].text)) or nxt[0].line_start or is_item_head(nxt[0])
            if need is None and not extra and not (announces(head[-1].text) or opens_list):
                break
            extra.append(nxt)
            found += count_items(nxt)
            p += 1
        if extra and len(tail) <= 1 and count_items(tail) == 0:
            tail = []  # the list lives in the next paragraphs; the rest of this one is an aside
        complete = need is not None and need >= 2 and found >= need
        return head, tail + [s for para_ in extra for s in para_], found, complete

    def compose(
        self, section_id: str, question: str, intent: Intent, qvec: np.ndarray | None, runs: bool = True
    ) -> Composition:
        """The announcing sentence and every item of its list, in order (``runs``: also lists of
        sentences that open alike, which a "how does it work" question does not want)."""
        body = self.c.body(section_id)
        if not body:
            return explain(self.c, section_id, question, intent.topic, qvec)
        # "de 3 nps groepen": the notes write the number ("in drie groepen").
        question = re.sub(r"\b\d{1,2}\b", lambda m: NUMBER_WORDS.get(int(m.group()), m.group()), question)
        question = ORDER_ASIDE.sub("", question)
        regular = self._compose(section_id, question, intent, qvec, runs)
        if not regular.items:
            regular = self._taken_up(section_id, regular)
        kinds = self._kinds_of(section_id, question)
        by = BY_ASPECT.search(fold(question))
        if by is not None and tokens_of(by[1]) & tokens_of(regular.headline):
            return regular  # "soorten verkopers qua kanaal": the list the notes make by that aspect
        if kinds is not None:
            # The section's list of such things, unless the regular list already names them.
            said = fold(" ".join([regular.headline, *(t for _, t in regular.items)]))
            if sum(fold(label)[:6] in said for label, _ in kinds.items) < 2:
                return kinds
        return regular

    def _compose(
        self, section_id: str, question: str, intent: Intent, qvec: np.ndarray | None, runs: bool
    ) -> Composition:
        body = self.c.body(section_id)
        # "what are the value strategies": the notes' compound ("waardestrategieën") too.
        question = " ".join([question, *english_phrases(question).values()])
        # "ladder van loyaliteit": the notes' compound ("loyaliteitsladder") too.
        known = self.c.idf.keys()
        joined = [c for c in compounds(question, reach=1) if tokens_of(c) and tokens_of(c) <= known]
        question = " ".join([question, *joined])
        q_tokens = {
            t for t in self.c.query_tokens(question) if t in self.c.idf
        }  # words the notes never use match nothing
        nouns = "|".join(re.findall(rf"\b(?:{LIST_NOUNS})\b", question.lower()))
        q_mass = sum(self.c.idf[t] for t in q_tokens) or 1.0
        openings = [fold(s.text.split()[0]) for s in body]
        base = self.c.score(question, qvec, [s.id for s in body])
        folded = fold(question)
        # "waar kun je allemaal netwerken": a list of places or occasions ("Gelegenheden om te …").
        where = re.match(r"^(?:en )?waar\b", folded) is not None
        by_aspect = ONE_ASPECT.search(folded)
        who = re.match(r"^(?:en )?(?:wie|who)\b", folded) is not None  # "wie zitten er in …": people
        # "uit welke lagen is een netwerk opgebouwd": the sentence that says what it consists of.
        consists = CONSISTS.search(folded) is not None
        steps = STEPS_ASKED.search(folded) is not None  # "in welke volgorde", "welke stappen"
        # "welke signalen wijzen op vertrek": the sentences that use the thing asked for ("Signalen …").
        plural = ASKED_PLURAL.search(folded)
        asked = plural[1] if plural and not re.fullmatch(LIST_NOUNS, plural[1]) else ""
        asked = to_dutch(asked) or asked  # "welke skills" → "vaardigheden"
        for i, s in enumerate(body):
            base[i] += 0.3 * bool(announces(s.text)) + 0.2 * inline_list(s.text)
            base[i] += 0.4 * (where and PLACES.search(self.c.folded[s.id]) is not None)
            base[i] += 0.4 * (consists and CONSISTS.search(self.c.folded[s.id]) is not None)
            base[i] += 0.4 * (steps and inline_sequence(s.text))
            base[i] += 0.4 * self._uses(asked, s)
            if intent.count is not None and announced_count(s.text) == intent.count:
                base[i] += 0.3
            base[i] -= 0.2 * s.line_start + 0.1 * bool(BACKREF.match(s.text))
            base[i] -= looking_back(s.text, nouns)
            if s.text.split()[0].lower() in ("en", "hij", "zij", "ze", "maar", "ook"):
                base[i] -= 0.3  # a sentence inside a list ("En hij is manager …: …") is no announcement
            # "STP staat voor segmentatie, targeting en positionering." — items that later sentences
            # take up one by one ("Segmentatie is …", "Targeting is …") make this the section's list.
            firsts = {fold(item.split()[0]) for item in inline_items(s.text) if len(item.split()[0]) >= 4}
            base[i] += 0.15 * min(3, sum(o in firsts for o in openings[i + 1 :]))
        best_value = -1e9
        chosen: tuple[list[Sentence], list[Sentence], int] = ([], [], 0)
        term_run = False
        complete_spans: list[set[int]] = []  # sentences of lists that reach their announced count
        # The best-scoring sentences, and every paragraph opening (a list without an announcement).
        candidates = list(dict.fromkeys([*(int(i) for i in np.argsort(-base)[:6]),
                                          *(i for i, s in enumerate(body) if s.pos == 0)]))  # fmt: skip
        for i in candidates:
            head, span, n, complete = self._list_from(body[int(i)], intent.count)
            # "… Een tweede indeling … Tot slot …": a sequence over paragraphs that says it ended.
            closed = len({x.para for x in span}) > 1 and any(
                x.pos == 0 and CLOSING.match(x.text) for x in span
            )
            if complete or (closed and not by_aspect):
                complete_spans.append({x.id for x in span})
            relevant = sum(
                self.c._overlap(q_tokens, self.c.tokens[s.id]) >= 0.3 * q_mass for s in head + span
            )
            # "welke dingen vragen key accounts": "Key accounts vragen veel, zoals maatwerk, …" is a list.
            what, like = like_items(body[int(i)].text) if n < 2 else ("", [])
            said = bool(like) and self.c._overlap(q_tokens, frozenset(tokens_of(what))) >= 0.5 * q_mass
            n = len(like) if said else n
            # "Denk aan koud bellen, …": examples of the sentence before, a list only when on topic.
            if relevant == 0 and any(gives_examples(x.text) for x in head + span[:1]):
                n = min(n, 1)
            # Judge the whole list, not just its first sentence: items found, the announced number
            # reached, and sentences on topic.
            value = 0.5 * float(base[int(i)]) + 0.08 * min(n, 7) + 0.15 * min(relevant, 6) + 0.3 * complete
            value -= 0.3 * (n < 2) - 0.3 * said  # a sentence without items is no list
            value += 0.4 * self._uses(asked, body[int(i)])
            value += 0.4 * (who and any(PEOPLE.search(fold(x.text)) for x in (head + span)[:2]))
            value -= 0.4 * (closed and by_aspect is not None)  # one classification asked, not all
            if intent.count is not None:
                value -= 0.1 * abs(n - intent.count)  # "de 4 uitgangspunten": four, not seven
            ordinal = ORDINAL.match(body[int(i)].text)
            if ordinal and not re.search(r"\beerste\b", ordinal[0], re.I):
                value -= 0.4  # "Het tweede uitgangspunt …" starts in the middle of the list
            anchor = body[int(i)]
            value += 0.3 * (steps and inline_sequence(anchor.text))  # "de stappen": steps told in turn
            # "de zes dmu-rollen": not "zes stappen"; a list that says it is of the kind asked gains.
            opening = " ".join(x.text for x in [anchor, *span[:1]])
            value -= 0.35 * other_kind(nouns, opening) - 0.3 * same_kind(nouns, opening)
            para = self.c.paragraph(anchor)
            if inline_list(anchor.text) and is_item_head(anchor) and count_items(para) >= 3:
                value -= 0.3  # a few words listed inside one item of a bigger list are an aside
            if anchor.pos > 0 and is_item_head(para[anchor.pos - 1]) and not announces(anchor.text):
                value -= 0.4  # the rest of an item ("1. Wederkerigheid: … Een gratis proefmonster …")
            if value > best_value:
                best_value, chosen, term_run = value, (head, span, n), False
        # Items named by the question's words in another form ("leads" → "Een lead heeft …"), weighed
        # by IDF, so "klanten" in every item does not make a list about binding.
        stems = {
            t[:4]: self.c.idf[t] for t in q_tokens - ASKING if len(t) >= 4 and not re.fullmatch(LIST_NOUNS, t)
        }
        stem_mass = sum(stems.values()) or 1.0
        kinds = KINDS_OF.search(fold(question))
        kind = re.sub(r"(?:en|s)$", "", kinds[1])[:6] if kinds else ""  # "binding", "bindingen": "bindin"
        for before, run in self.runs.find(body) if runs else []:
            if any({x.id for x in run} < ids for ids in complete_spans):
                continue  # part of a longer announced list ("vier kwadranten": two paragraphs)
            prior = body[before] if before >= 0 else None
            # The sentence before the run leads in: in its paragraph, or closing the one before
            # when it announces the list ("Er zijn grofweg vier strategieën …").
            leads_in = prior is not None and (prior.para == run[0].para or announces(prior.text))
            lead = [prior] if prior is not None and leads_in else []
            relevant = sum(self.c._overlap(q_tokens, self.c.tokens[s.id]) >= 0.3 * q_mass for s in lead + run)
            n = self.runs.openings(run)
            first = body.index(run[0])
            named = 0
            for x in run:
                four = {w[:4] for w in re.findall(r"\w{4,}", fold(x.text))}
                named += sum(m for st, m in stems.items() if st in four) >= 0.5 * stem_mass
            value = 0.5 * float(base[first]) + 0.08 * min(n, 7) + 0.15 * min(max(relevant, named), 6) + 0.3
            # "welke soorten binding": items each named as that kind ("Financiële binding …").
            heads = [fold(" ".join(x.text.split()[:3])) for x in run if self.runs.opens(run, x)]
            named_kind = bool(kind) and all(kind in h for h in heads)
            value += 0.4 * named_kind - 0.2 * (bool(kind) and not named_kind)
            if value > best_value:
                best_value, chosen, term_run = value, (lead, run, n), True
        head, items_span, _ = chosen
        if term_run:
            items = self.runs.items(items_span)
            return Composition(self.c.text(head), items=items, sections=[section_id])
        if words(head) + words(items_span) > LIST_MAX_WORDS:
            items_span = [s for s in items_span if is_item_head(s)] or items_span
        head = self.c.lead_in(head, intent.topic, qvec, items_span)
        preamble, items = self._items(items_span)
        head = head + preamble  # sentences before the first item introduce the list
        if len(items) < 2:
            return Composition(self.c.text(head + items_span), sections=[section_id])
        return Composition(self.c.text(head), items=items, sections=[section_id])

    def run_led_by(self, section_id: str, passage: str, question: str) -> Composition | None:
        """The sentences that open alike ("Financiële binding …", "Sociale binding …") when
        ``passage`` starts with one of them and each opens with a word the question names ("hoe
        bind je klanten"): all the kinds, not one."""
        stems = {t[:4] for t in tokens_of(question) if len(t) >= 4}
        body = self.c.body(section_id)
        for before, run in self.runs.find(body):
            if not any(passage.startswith(x.text) for x in run):
                continue
            heads = [x for x in run if self.runs.opens(run, x)]
            openings = [fold(" ".join(x.text.split()[:3])) for x in heads]
            if not all(stems & {w[:4] for w in re.findall(r"\w{4,}", o)} for o in openings):
                return None
            prior = body[before] if before >= 0 else None
            lead = [prior] if prior is not None and prior.para == run[0].para else []
            return Composition(self.c.text(lead), items=self.runs.items(run), sections=[section_id])
        return None

    def announced_at_end(self, section_id: str, comp: Composition) -> Composition | None:
        """``comp`` with the items of the list its last sentence announces ("Zakelijk verkopen
        verschilt op een aantal belangrijke punten van verkopen aan consumenten." and its "Ten
        eerste …", "Ten tweede …"): a passage is not cut after an announcement. None when it ends
        announcing nothing, or the list is the sentence's own."""
        text = comp.headline.rstrip()
        last = next((s for s in self.c.body(section_id) if text.endswith(s.text)), None)
        if comp.items or last is None or not AHEAD.search(last.text) or inline_list(last.text):
            return None
        _, span, _, _ = self._list_from(last, None)
        preamble, items = self._items(span)
        if len(items) < 2:
            return None
        head = " ".join([text, self.c.text(preamble)]).strip()
        return Composition(head, items=items, sections=comp.sections, title=comp.title)

    def led_by(self, anchor: Sentence) -> Composition | None:
        """The list ``anchor`` announces, with every item ("Zakelijk verkopen verschilt op een aantal
        punten …" and its "Ten eerste …", "Ten tweede …"), if it has two or more."""
        head, span, _, _ = self._list_from(anchor, None)
        preamble, items = self._items(span)
        if len(items) < 2:
            return None
        return Composition(self.c.text(head + preamble), items=items, sections=[anchor.section_id])

    def _uses(self, asked: str, s: Sentence) -> bool:
        """Whether ``s`` states something about the plural asked for (a question that uses the
        word — "hoeveel mag het werven kosten?" — does not)."""
        found = re.search(rf"{re.escape(asked)}\b", self.c.folded[s.id]) if asked else None
        return found is not None and "?" not in s.text

    def _taken_up(self, section_id: str, comp: Composition) -> Composition:
        """ "STP staat voor segmentatie, targeting en positionering.": a list of bare names that later
        sentences take up one by one ("Segmentatie is …", "Targeting is …") gets those sentences as
        its items; ``comp`` unchanged otherwise."""
        body = self.c.body(section_id)
        listing = next((s for s in body if s.text in comp.headline and inline_list(s.text)), None)
        names = inline_items(listing.text) if listing is not None else []
        if listing is None or len(names) < 2 or any(len(n.split()) > 3 for n in names):
            return comp
        after = body[body.index(listing) + 1 :]
        items = []
        for name in names:
            first = fold(name.split()[0])
            s = next((x for x in after if len(first) >= 4 and fold(x.text.split()[0]) == first), None)
            if s is not None:
                items.append(("", s.text))
        if len(items) < len(names):
            return comp
        return Composition(comp.headline, items=items, sections=comp.sections, title=comp.title)

    def _kinds_of(self, section_id: str, question: str) -> Composition | None:
        """ "welke soorten verkopers zijn er?": the glossary entries of the section that are such a
        thing ("Hunter: verkoper die …", "Farmer: verkoper die …"), when one sentence of the notes
        names them together ("Een eerste onderscheid is dat tussen hunters en farmers.")."""
        m = KINDS_OF.search(fold(question))
        if m is None:
            return None
        asked = bm25_tokens(m[1])[:1]
        section = self.c.course.section(section_id)
        entries = [g for g in section.glossary if asked and [genus(g.definition)] == asked]
        if len(entries) < 2:
            return None
        for s in self.c.body(section_id):
            named = [g for g in entries if any(self.c.names(s, n) for n in g.names)]
            if len(named) >= 2:
                items = [(g.term, g.definition) for g in named]
                return Composition(self.c.text(self.c.with_antecedent(s)), items=items, sections=[section_id])
        return None

    def _items(self, span: list[Sentence]) -> tuple[list[Sentence], list[tuple[str, str]]]:
        """Group sentences into list items: each item head starts one, others join the current
        (when the items are numbered — "Het eerste uitgangspunt …" — only the numbered ones start one)."""
        items: list[list[Sentence]] = []
        preamble: list[Sentence] = []
        numbered = ordinal_items(span)
        for s in span:
            if (s in numbered or CLOSING.match(s.text) is not None) if numbered else is_item_head(s):
                items.append([s])
            elif items:
                items[-1].append(s)
            else:
                preamble.append(s)
        out = []
        for group in items:
            text = " ".join(LIST_MARKER.sub("", s.text) for s in group)
            out.append(("", text))
        return (preamble if items else []), out
