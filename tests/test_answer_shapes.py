"""Answer shapes added for new phrasings (real model): lists asked by their plural, comparisons
whose sides share a context or a verb, a name asked before the situation it names."""

from __future__ import annotations

import pytest

from index.text import bm25_tokens, fold
from tutor.compose import tokens_of
from tutor.engine import Engine

pytestmark = pytest.mark.slow


def test_a_plural_asked_for_is_a_list_from_the_sentence_that_uses_it(engine: Engine) -> None:
    # "welke signalen …" names no list noun; the sentence about "Signalen van vertrek, zoals …" has them.
    a = engine.answerer.answer("welke signalen van vertrek moet een verkoper vroeg oppakken")
    assert a.found and a.intent == "enumeration"
    assert all(t in fold(a.answer) for t in ("minder bestellingen", "meer klachten"))
    a = engine.answerer.answer("welke andere groeirichtingen heeft ansoff naast marktpenetratie")
    assert a.intent == "enumeration"
    assert all(t in fold(a.answer) for t in ("marktontwikkeling", "productontwikkeling", "diversificatie"))


def test_comparison_sides_that_share_a_context_or_a_verb(engine: Engine) -> None:
    a = engine.answerer.answer("inkoper en beslisser in de dmu: wat is het verschil")
    text = fold(a.answer)
    assert a.intent == "comparison" and "formele aankoop" in text and "uiteindelijke" in text
    a = engine.answerer.answer("hunter of farmer, wie doet wat")
    text = fold(a.answer)
    assert a.intent == "comparison" and "nieuwe klanten" in text and "bestaande klanten" in text


def test_a_name_asked_before_the_situation(engine: Engine) -> None:
    a = engine.answerer.answer("hoe noem je klanten die ons een 9 of 10 geven")
    assert a.found and "promotor" in fold(a.answer)


def test_a_range_with_one_unknown_end_is_no_unknown_term(engine: Engine) -> None:
    # "vaarwel" is not in the notes, but the range's other end is: no "… staat niet in de samenvatting".
    a = engine.answerer.answer("van kennismaking tot vaarwel: welke fasen doorloopt een klantrelatie")
    assert a.found and "herhaalaankoop" in fold(a.answer)


def test_an_abbreviation_of_a_term_rescues_an_unsure_question(engine: Engine) -> None:
    # "am" is the notes' abbreviation of accountmanager; "skills" are its vaardigheden.
    a = engine.answerer.answer("welke skills heeft een am nodig")
    assert a.found and a.sources[0].section == "Functies van de accountmanager"
    assert "analytisch vermogen" in fold(a.answer)


def test_a_quote_that_echoes_the_notes_quoted_example_names_its_category(engine: Engine) -> None:
    # The notes quote "Nog maar drie op voorraad" for schaarste; a quote of the same shape fits it.
    a = engine.answerer.answer("de verkoper roept 'nog maar vijf stuks over', welk principe is dat")
    assert a.found and fold(a.headline).startswith("schaarste")


def test_a_separable_verb_in_a_situation_is_read_joined(engine: Engine) -> None:
    # "verkoopt ze door" is the notes' "doorverkopen"; "wat voor klant is de webwinkel" asks a kind of klant.
    a = engine.answerer.answer(
        "een webwinkel koopt onze tassen in en verkoopt ze door aan studenten, wat voor klant is de webwinkel"
    )
    assert a.found and fold(a.headline).startswith("b2r")


def test_what_happens_in_a_phase_is_read_by_the_phase(engine: Engine) -> None:
    # "gebeurt" is no content word (its stem "beur" met "beurs"); a dev_q question.
    assert "beur" not in bm25_tokens("wat gebeurt er daarna")
    a = engine.answerer.answer("wat gebeurt er in de orientatiefase")
    assert a.found and a.sources[0].section == "Klantrelatiecyclus"


def test_how_to_recognise_something_is_answered_by_its_description(engine: Engine) -> None:
    a = engine.answerer.answer("hoe herken je een promotor")
    assert a.found and "9 of 10" in a.answer


def test_an_aspect_of_a_section_s_own_subject_is_answered_from_that_section(engine: Engine) -> None:
    # The "accountplan" of "Accountmanagement invoeren" says "doelen", but the Accountplan section is
    # the one about it.
    a = engine.answerer.answer("wat is het doel van het accountplan")
    assert a.found and a.sources[0].section == "Accountplan"


def test_a_section_the_question_names_by_its_title_answers(engine: Engine) -> None:
    # "inkoper" and "beïnvloeden" pull towards the DMU, but the question names Aanbestedingen.
    a = engine.answerer.answer("mag je de inkoper beinvloeden tijdens aanbestedingen")
    assert a.found and a.sources[0].section == "Aanbestedingen"
    assert "niet toegestaan" in fold(a.answer)


def test_the_s_of_an_apostrophe_plural_names_nothing(engine: Engine) -> None:
    # "kpi's" once matched every example with "pagina's" or "auto's" in it.
    assert "s" not in tokens_of("kpi's") and "kpi" in tokens_of("kpi's")
    a = engine.answerer.answer("noem eens wat voorbeelden van kpi's")
    assert a.found and a.sources[0].section == "Processen" and "hitrate" in fold(a.answer)


def test_how_many_members_is_answered_by_the_list(engine: Engine) -> None:
    # The notes never count the phases; their list does.
    a = engine.answerer.answer("hoeveel fasen kent de klantrelatiecyclus")
    assert a.intent == "enumeration" and all(t in fold(a.answer) for t in ("herhaalaankoop", "beeindiging"))


def test_one_of_a_pair_brings_the_sentences_that_name_the_pair(engine: Engine) -> None:
    # "Op de andere as …" alone leaves the reader asking "which other?".
    a = engine.answerer.answer("noem de kwadranten van de kraljic matrix")
    text = fold(a.answer)
    assert "twee assen" in text and "op de ene as" in text and "op de andere as" in text


def test_a_negated_term_is_explained_beside_its_opposite(engine: Engine) -> None:
    a = engine.answerer.answer("wat is decentrale inkoop")
    assert a.found and "elke vestiging zelf" in fold(a.answer)
    assert not a.answer.startswith("Centrale inkoop:")


def test_a_word_that_stems_like_a_grade_still_counts(engine: Engine) -> None:
    # "kortingen" stems like the grade word "korte"; it names financiële binding's means.
    a = engine.answerer.answer("we geven vaste klanten kortingen en spaarpunten, welke binding is dat")
    assert a.found and fold(a.headline).startswith("financiele binding")


def test_the_opposite_of_a_term_is_where_the_notes_say_it(engine: Engine) -> None:
    a = engine.answerer.answer("wat is het omgekeerde van koude acquisitie")
    assert a.found and "warme acquisitie" in fold(a.answer)
    assert engine.answerer.answer("wat is het tegendeel van een hunter").found  # no unknown term


def test_why_a_term_matters_is_answered_where_the_notes_use_the_term(engine: Engine) -> None:
    # "belangrijk" pulled towards "Wat een klant belangrijk vindt …"; the phase is the subject.
    a = engine.answerer.answer("waarom is de eerste aankoop zo belangrijk")
    assert a.found and a.sources[0].section == "Klantrelatiecyclus" and "vlekkeloos" in a.answer


def test_an_english_term_of_the_glossary_rescues_an_unsure_question(engine: Engine) -> None:
    # "buying center" is the notes' inkoopcentrum, a name of the DMU (a dev_m question, reworded).
    a = engine.answerer.answer("which roles are in a buying center")
    assert a.found and all(t in fold(a.answer) for t in ("gebruiker", "beslisser", "poortwachter"))


def test_a_list_over_two_paragraphs_is_not_cut_at_the_first(engine: Engine) -> None:
    # Each quadrant has two sentences and the first paragraph holds two quadrants: four sentences
    # are not the four quadrants the closing "Zo ontstaan vier kwadranten." announces.
    a = engine.answerer.answer("welke soorten producten zet kraljic tegen elkaar uit")
    text = fold(a.answer)
    assert all(q in text for q in ("routine", "hefboom", "knelpunt", "strategische"))


def test_a_sentence_that_names_as_many_as_asked_is_the_list(engine: Engine) -> None:
    # "drie stappen": "STP staat voor segmentatie, targeting en positionering" names three, the
    # segmentation paragraph's criteria in brackets are more of something else.
    a = engine.answerer.answer("na het segmenteren, welke drie stappen zijn er in dat model")
    assert all(w in fold(a.answer) for w in ("segmentatie", "targeting", "positionering"))


def test_the_parts_of_a_sales_plan_each_an_item(engine: Engine) -> None:
    # "Dan volgen …" goes on with the sequence "Het begint met …" opened.
    a = engine.answerer.answer("uit welke onderdelen bestaat een verkoopplan")
    assert len(a.items) == 4
    assert all(w in fold(a.answer) for w in ("verkoopdoelen", "activiteiten", "middelen", "planning"))


def test_a_name_only_the_glossary_gives_asks_for_the_terms_list(engine: Engine) -> None:
    # "sterkte-zwakteanalyse" is the glossary's other name for the SWOT-analyse the text uses.
    a = engine.answerer.answer("sterkte-zwakteanalyse, welke vier onderdelen heeft die")
    assert all(w in fold(a.answer) for w in ("sterktes", "zwaktes", "kansen", "bedreigingen"))


def test_a_passage_that_ends_announcing_a_list_brings_the_list(engine: Engine) -> None:
    # "Zakelijk verkopen verschilt op een aantal belangrijke punten …" is no place to stop.
    a = engine.answerer.answer("wat valt op aan zakelijke klanten vergeleken met consumenten, punt voor punt")
    text = fold(a.answer)
    assert "op een aantal belangrijke punten" in text
    assert all(w in text for w in ("complexer", "risico", "rationeler", "productspecificaties"))


def test_a_passage_that_looks_back_at_a_pair_brings_no_list(engine: Engine) -> None:
    # "Veel bedrijven hebben beide types nodig" names the pair before it, it announces nothing.
    q = "ik richt me alleen op het werven van nieuwe klanten, ben ik een hunter of farmer"
    a = engine.answerer.answer(q)
    assert not a.items and "transactionele" not in fold(a.answer)


def test_an_abbreviation_asked_with_words_for_its_parts_is_the_term(engine: Engine) -> None:
    # "zaken" asks for its parts; "swot" is the term the notes write in capitals.
    a = engine.answerer.answer("welke zaken komen er in een swot")
    assert a.confidence == "high"
    assert all(w in fold(a.answer) for w in ("sterktes", "zwaktes", "kansen", "bedreigingen"))


def test_another_name_of_the_sections_subject_is_explained_from_its_opening(engine: Engine) -> None:
    # "piramidemodel van curry" is the glossary's other name for the Klantenpiramide; "kun je dat
    # verduidelijken" asks nothing more.
    a = engine.answerer.answer("het piramidemodel van curry, kun je dat verduidelijken")
    assert a.answer.startswith("De klantenpiramide deelt de klanten")


def test_english_verbs_of_sorting_read_as_the_notes_indelen(engine: Engine) -> None:
    a = engine.answerer.answer("how does kraljic divide purchases")
    assert "financiële impact" in a.answer and "toeleveringsrisico" in a.answer


def test_a_known_term_written_apart_names_no_unknown_method(engine: Engine) -> None:
    # "up selling" is the notes' upselling, not a method called "up".
    a = engine.answerer.answer("ik verkoop bij een laptop ook een tas, is dat cross of up selling")
    assert a.found


def test_the_kinds_asked_are_the_items_named_so(engine: Engine) -> None:
    # "soorten binding": the run "Financiële binding …", "Sociale binding …", "Structurele binding …",
    # not the four relationship strategies of the same section.
    a = engine.answerer.answer("welke vormen van binding zijn er bij klantrelaties")
    text = fold(a.answer)
    assert all(w in text for w in ("financiele binding", "sociale binding", "structurele binding"))


def test_a_situation_that_names_its_category_gets_how_not_the_name(engine: Engine) -> None:
    # "ik moet een prognose maken": naming it "Verkoopprognose" tells the student nothing new.
    a = engine.answerer.answer("ik moet een prognose maken voor een nieuw product zonder cijfers")
    assert "kwalitatieve methoden" in fold(a.answer)
    assert not a.answer.startswith("Verkoopprognose:")


def test_a_worked_sum_keeps_only_an_example_of_the_same_formula(engine: Engine) -> None:
    # The retention rate is worked out in the CLV section, whose example works out a CLV.
    kept = engine.answerer.answer("450 van onze 500 klanten zijn gebleven, retentie?")
    assert "retentiegraad 90%" in kept.context and "Voorbeeld" not in kept.context
    nps = engine.answerer.answer("nps: 100 promotors, 50 passives, 50 detractors")
    assert "NPS +25" in nps.context and "Voorbeeld: Een webshop" in nps.context


def test_a_lead_in_right_before_the_passage_reads_on(engine: Engine) -> None:
    # "Tevreden is nog niet loyaal." leads into Thomassen's customer delight, not the list of five
    # klant-words a paragraph earlier that also says "tevreden".
    a = engine.answerer.answer("hoe maak je van een tevreden klant een loyale klant?")
    assert a.answer.startswith("Tevreden is nog niet loyaal. Volgens Thomassen")


def test_a_sentence_that_goes_further_brings_the_one_it_goes_beyond(engine: Engine) -> None:
    # "Solution selling gaat nog verder": further than consultative selling, the sentence before.
    a = engine.answerer.answer("solution selling en consultative selling, waarin verschillen ze")
    assert "Bij consultative selling (adviserende verkoop) onderzoekt de verkoper eerst" in a.answer
    assert "Solution selling gaat nog verder" in a.answer


def test_a_sum_that_names_its_term_is_worked_in_that_terms_section(engine: Engine) -> None:
    # Retrieval misses the section; "klantaandeel" is the glossary's other name for share of wallet.
    a = engine.answerer.answer("klant besteedt 60.000 aan drukwerk, wij leveren 15.000, klantaandeel?")
    assert "share of wallet 25%" in a.context


def test_a_verb_the_list_must_hold_is_no_unknown_term(engine: Engine) -> None:
    # "bevatten" is not in the notes, but it is the verb of the question, not what it hinges on.
    a = engine.answerer.answer("welke onderdelen moet een verkoopplan bevatten volgens college 2")
    assert a.found
    for part in ("verkoopdoelen", "activiteiten", "middelen", "planning"):
        assert part in a.answer


def test_a_list_named_in_words_apart_and_asked_in_an_order(engine: Engine) -> None:
    # "ladder van loyaliteit" is the notes' "loyaliteitsladder"; "onderaan beginnend" only orders it.
    a = engine.answerer.answer("ladder van loyaliteit: noem alle sporten, onderaan beginnend")
    assert "suspect → prospect → klant → vaste klant → ambassadeur" in a.answer
    assert "eerste aankoop" not in a.answer


def test_a_situation_tied_by_a_short_word_only_the_first_section_explains(engine: Engine) -> None:
    # "beurs" is used only in the explanation of Netwerken; what to do afterwards is its advice.
    after = engine.answerer.answer("ik sprak iemand op een beurs, wat doe ik de dagen daarna")
    assert after.found and "CRM" in after.answer and after.sources[0].section == "Netwerken"
    intro = engine.answerer.answer("ik sta op een beurs en moet mezelf voorstellen")
    assert intro.found and "elevator pitch" in intro.answer
    # A name in the notes' example ("regio Utrecht") ties nothing.
    assert not engine.answerer.answer("hoe vind je een studentenkamer in utrecht").found


def test_sides_named_by_the_first_part_of_their_terms(engine: Engine) -> None:
    # "knelpunt" is only ever the start of Knelpuntproducten; "routine" is a word of its own, but the
    # other side's term completes it the same way.
    a = engine.answerer.answer("vergelijk routine met knelpunt in de kraljic matrix")
    assert [label for label, _ in a.items] == ["Routineproducten", "Knelpuntproducten"]
    # "loyaliteit" is a word of the notes, not the start of the loyaliteitsladder.
    b = engine.answerer.answer("verschil tussen klanttevredenheid en loyaliteit")
    assert "Loyaliteitsladder" not in b.answer and "customer delight" in b.answer


def test_terms_typed_one_after_the_other_are_set_side_by_side(engine: Engine) -> None:
    a = engine.answerer.answer("segmentatie targeting positionering")
    assert a.intent == "comparison"
    assert [label for label, _ in a.items] == ["Segmentatie", "Targeting", "Positionering"]
    # One term of several words stays one term.
    assert engine.answerer.answer("key account management").intent == "definition"


def test_a_chapter_named_as_scope_answers_from_that_chapter(engine: Engine) -> None:
    a = engine.answerer.answer("welke kpis noemt hoofdstuk 1")
    assert a.found and a.sources[0].section == "Processen" and "hitrate" in a.answer
    b = engine.answerer.answer("wat is een lead volgens college 5")
    assert b.found and b.sources[0].chapter.startswith("College 5")


def test_what_to_do_with_a_score_group_brings_the_advice_about_it(engine: Engine) -> None:
    promoter = engine.answerer.answer("een klant geeft ons een 9, wat kan ik met hem")
    assert promoter.headline.startswith("Promotor:") and "referentie" in promoter.context
    detractor = engine.answerer.answer("een klant gaf ons een 3 bij de nps vraag, wat moet ik doen")
    assert detractor.headline.startswith("Detractor:") and "bel je detractors na" in detractor.context
    # Asked only what a score means: no advice added.
    passive = engine.answerer.answer("de klant gaf een 8, is dat goed nieuws")
    assert passive.headline.startswith("Passive:") and "referentie" not in passive.context


def test_a_question_that_echoes_a_glossary_definition_finds_its_section(engine: Engine) -> None:
    # "alleen de verkoper en de inkoper … contact" is how the notes define the Vlinderdasmodel.
    q = "wat is het gevaar als alleen de verkoper en de inkoper contact hebben"
    assert engine.answerer.retriever.echoed_sections(q) == {"h7-key-account-management"}
    a = engine.answerer.answer(q)
    assert a.sources[0].section == "Key account management" and "twee personen" in a.answer


def test_a_list_that_misses_the_phrase_asked_gives_way_to_the_sentence_that_says_it(engine: Engine) -> None:
    # The list of lead kinds says nothing of marketing automation; one sentence does.
    a = engine.answerer.answer("welke taken neemt software voor marketing automation over")
    assert "Marketing automation-software voert dit grotendeels automatisch uit" in a.answer
    # The section's own subject named in two words keeps its list.
    b = engine.answerer.answer("welke rollen heeft een accountmanager")
    assert b.items


def test_a_phrase_held_together_by_a_word_of_degree_ties_no_situation(engine: Engine) -> None:
    # "veel omzet" is in the CLV section word for word, but the situation is a loss-making customer.
    a = engine.answerer.answer("een klant levert ons verlies op ondanks veel omzet, wat moet ik doen")
    assert a.sources[0].section == "Klantrelatiestrategieën" and "afbouwstrategie" in a.answer


def test_a_name_in_front_of_the_notes_words_names_something_they_lack(engine: Engine) -> None:
    # "pain" and "funnel" are words of the notes; the Sandler pain funnel is not in them.
    a = engine.answerer.answer("leg de sandler pain funnel uit")
    assert not a.found and a.headline == "Sandler pain funnel staat niet in de samenvatting."
    b = engine.answerer.answer("wat is bant bij het kwalificeren van leads")
    assert not b.found and b.headline.lower().startswith("bant")
    # A term of the notes asked outright is still answered.
    assert engine.answerer.answer("leg de sales funnel uit").found
