"""More answer shapes (real model): a rare word of the notes asked for an example, scores that name
their group, greetings and help questions in new words."""

from __future__ import annotations

import pytest

from index.text import fold
from tutor.compose import Composer
from tutor.engine import Engine
from tutor.sides import bare_terms
from tutor.where import where_asked

pytestmark = pytest.mark.slow


def test_an_example_of_a_rare_word_the_notes_inflect_is_answered(engine: Engine) -> None:
    # The notes say "trendbreuken" once; the singular asked is no unknown term and no abstention.
    a = engine.answerer.answer("trendbreuk voorbeeld?")
    assert a.found and "pandemie" in fold(a.answer)


def test_a_score_told_names_its_group_not_the_question_the_score_answers(engine: Engine) -> None:
    a = engine.answerer.answer("een klant scoort een 7 op de aanbeveelvraag, moet ik blij zijn")
    assert a.found and "passive" in fold(a.headline) and "niet loyaal" in fold(a.answer)
    # A group named is what is asked; advice asked stays advice.
    a = engine.answerer.answer("klopt het dat een detractor een 9 geeft?")
    assert a.found and "detractors (criticasters) geven een 0 tot en met 6" in fold(a.answer)


@pytest.mark.parametrize(
    "q",
    [
        "hallootjes", "waarover mag ik jou allemaal vragen", "wat kan ik u vragen",
        # A greeting the rephrasing would have read as a term ("goedenavond"); praise; what it can do.
        "hoi daar, goedemiddag", "dit heb ik echt wat aan", "waar ben jij sterk in",
        # A greeting drawn out, understanding in another word order, what may be asked.
        "helloooo", "dank je, nu snap ik het", "welke vragen kan ik je stellen",
        # A question announced, none asked yet.
        "hey, ik heb vragen over sales", "ik heb een vraagje",
        # In-sample from test_w (disclosed): an introduction, what the bot knows.
        "hoi! ik ben lotte", "waar weet jij iets van",
        # In-sample from test_x (disclosed): what the bot covers, a greeting with praise.
        "over welke onderwerpen gaat deze bot", "yo! lekker bezig?", "waar gaat deze bot over",
        # In-sample from test_y (disclosed): presence, how the bot works, who it is, praise, a break.
        "hey, ben je wakker?", "hoe werkt deze studiehulp eigenlijk", "praat ik nu met een echt persoon?",
        "je bent echt handig", "mijn hoofd zit vol, ik ga pauze nemen",
        # … and the same kinds in other words.
        "ben je er nog?", "hoe werkt deze bot precies", "chat ik met een robot", "jij bent super slim",
        "ik neem even pauze",
        # In-sample from test_z (disclosed): how it is going, what the bot is meant for, what bot it is.
        "yo studymaatje, hoe staat het ervoor", "waar ben je eigenlijk voor bedoeld",
        "hee! wat ben jij voor bot",
        # … and the same kinds in other words.
        "waarvoor ben jij gemaakt?", "hoe staat het erbij, buddy", "wat ben je voor een app",
    ],
)  # fmt: skip
def test_new_greetings_and_help_questions_are_small_talk(engine: Engine, q: str) -> None:
    a = engine.answerer.answer(q)
    assert a.intent == "smalltalk" and "staat niet" not in a.answer


def test_a_comparison_asks_about_one_aspect_of_both_sides(engine: Engine) -> None:
    # The definitions say nothing of the DMU; the paragraph that introduces each side does.
    a = engine.answerer.answer("gewijzigde tegenover rechtstreekse herhaalaankoop, qua dmu")
    text = fold(a.answer)
    assert a.intent == "comparison" and "middelgroot" in text and "de dmu is klein" in text


def test_words_of_the_notes_asked_as_written_lead_an_explanation(engine: Engine) -> None:
    # "manager van zijn accounts" is said once, in the list of the accountmanager's roles; the
    # glossary's definition of accountmanager says nothing of what he watches.
    a = engine.answerer.answer("wat doet de accountmanager als manager van zijn accounts")
    assert a.headline.startswith("En hij is manager van zijn accounts")
    # A phrase that is only the glossary term itself keeps its definition.
    a = engine.answerer.answer("wat houdt het pareto principe in")
    assert a.headline.startswith("Paretoprincipe")


def test_numbers_a_formula_takes_make_a_calculation_without_its_cue_word(engine: Engine) -> None:
    a = engine.answerer.answer("jaarverkopen 300, 330 en 360, wat verwacht je voor komend jaar")
    assert a.intent == "calculation" and "360 + 30 = 390" in a.answer


def test_a_worked_clv_leads_with_the_sentence_that_writes_the_formula_out(engine: Engine) -> None:
    q = "25 abonnees die elk 100 euro marge per jaar opleveren en 4 jaar blijven, wat zijn ze samen waard"
    a = engine.answerer.answer(q)
    assert a.headline.startswith("Een eenvoudige berekening is: CLV =")
    assert "× 25 klanten = € 10.000 samen" in a.answer


def test_a_list_asked_by_one_aspect_is_the_list_the_notes_make_by_it(engine: Engine) -> None:
    a = engine.answerer.answer("welke soorten verkopers onderscheid je qua kanaal")
    assert a.intent == "enumeration" and all(t in fold(a.answer) for t in ("field sales", "inside sales"))
    # "qua" is no term the notes lack.
    a = engine.answerer.answer("welke soorten klanten zijn er qua fase")
    assert a.found and "groeiende klanten" in fold(a.answer)


def test_a_word_the_notes_only_use_inside_compounds_is_found(engine: Engine) -> None:
    # "research" alone is not in the notes; "deskresearch" and "fieldresearch" are.
    a = engine.answerer.answer("welke soorten research ken je")
    assert a.found and "deskresearch" in fold(a.headline)


def test_a_compound_the_notes_never_write_is_read_by_its_parts(engine: Engine) -> None:
    # "knelpuntkwadrant" is not in the notes; "knelpuntproducten" and "kwadrant" are (Kraljic).
    a = engine.answerer.answer("wat is de aanpak van een inkoper in het knelpuntkwadrant")
    assert a.headline.startswith("Knelpuntproducten")
    a = engine.answerer.answer("wat doe je in het knelpuntkwadrant om zeker te zijn van levering")
    assert a.found and "Inkoopportfoliomatrix (Kraljic)" in [s.section for s in a.sources][:1]


def test_the_name_of_a_kind_asked_first(engine: Engine) -> None:
    # "hoe heet de fase waarin …": which KAM phase the situation after "waarin" is.
    a = engine.answerer.answer("hoe heet de fase waarin klant en leverancier bijna één organisatie zijn")
    assert a.headline.startswith("Synergistic-KAM")


def test_a_detail_word_only_one_sentence_uses_is_where_the_answer_is(engine: Engine) -> None:
    a = engine.answerer.answer("wat is het gevolg van een vormfout bij een aanbesteding")
    assert "vormfout kan tot uitsluiting leiden" in a.headline


@pytest.mark.parametrize(
    "q, start",
    [("waar staat clv voor", "Customer Lifetime Value (CLV"),
     ("waarvoor staat de afkorting kam", "Key account management (KAM"),
     ("waar staat b2r voor", "B2R (business-to-reseller)")],
)  # fmt: skip
def test_an_abbreviation_is_written_out_by_its_glossary_entry(engine: Engine, q: str, start: str) -> None:
    assert engine.answerer.answer(q).headline.startswith(start)


def test_a_comparison_of_three_sides_has_a_block_for_each(engine: Engine) -> None:
    a = engine.answerer.answer("wat is het verschil tussen b2b, b2c en b2r")
    assert a.intent == "comparison" and [label for label, _ in a.items] == ["B2B", "B2C", "B2R"]


@pytest.mark.parametrize(
    "q, start",
    [("wat is de eerste stap van het sellogram", "Je begint met contact maken"),
     ("wat is het laatste onderdeel van een accountplan", "Het plan eindigt met"),
     ("wat is de laatste fase van de sales funnel", "De laatste fase: order."),
     ("wat houdt de eerste fase van het sellogram in", "Je begint met contact maken"),
     ("wat gebeurt er in de eerste fase van het sellogram", "Je begint met contact maken")],
)  # fmt: skip
def test_a_step_asked_by_its_place_in_the_order(engine: Engine, q: str, start: str) -> None:
    a = engine.answerer.answer(q)
    assert a.headline.startswith(start)


def test_a_strength_asked_is_the_sentence_that_names_it_not_one_that_hints_at_it(engine: Engine) -> None:
    # The opening's "een eenvoudige maatstaf" hints at a strength; "De kracht van NPS is …" names it.
    a = engine.answerer.answer("noem een nadeel en een voordeel van nps")
    assert a.headline.startswith("De kracht van NPS")


def test_an_unknown_kind_of_list_asked_of_a_known_subject_is_answered(engine: Engine) -> None:
    # "competenties" is not in the notes, the accountmanager is: no "… staat niet in de samenvatting".
    a = engine.answerer.answer("welke competenties heeft een accountmanager nodig")
    assert a.found and a.sources[0].section == "Functies van de accountmanager"
    assert not engine.answerer.answer("welke principes heeft spin selling").found


def test_a_word_of_one_section_ranked_first_rescues_an_unsure_why_question(engine: Engine) -> None:
    a = engine.answerer.answer("waar dient een landingspagina voor")
    assert a.found and "landingspagina" in fold(a.headline)


def test_points_counted_off_go_on_with_daarnaast_and_tot_slot(engine: Engine) -> None:
    # "Ten eerste … Ten vierde …" ends its paragraph; "Daarnaast …" and "Tot slot …" are more points.
    a = engine.answerer.answer("welke punten maken zakelijk verkopen anders, opsommen")
    assert a.found and "Ten vierde" in a.answer and "Daarnaast" in a.answer and "Tot slot" in a.answer
    # A paragraph after them that draws a conclusion is no point.
    assert "Een gevolg is" not in a.answer


def test_who_asks_for_the_list_of_roles(engine: Engine) -> None:
    # The section also lists Van Weele's six steps; "wie zitten er in" asks for people.
    a = engine.answerer.answer("wie zitten er allemaal in zo'n beslissingseenheid")
    assert a.found and "onderscheiden we rollen" in a.answer and "De beslisser" in a.answer
    assert "Van Weele" not in a.answer


def test_a_sequence_of_ordinals_that_says_it_ended_is_kept_whole(engine: Engine) -> None:
    # "Een veelgebruikte indeling … Een tweede indeling … Een derde … Tot slot …" over three
    # paragraphs; the kinds of the first ("Transactieklanten …") are only its start.
    a = engine.answerer.answer("welke typen klanten onderscheidt het hoofdstuk soorten klanten")
    for said in ("Transactieklanten", "Een tweede indeling", "Een derde indeling", "OEM", "Tot slot"):
        assert said in a.answer


def test_steps_told_in_turn_in_one_sentence_answer_a_steps_question(engine: Engine) -> None:
    # "Je opent met …, stelt …, noemt … en vraagt …": the call's steps, not the section's opening.
    a = engine.answerer.answer("de stappen van een telefoontje bij koude acquisitie")
    assert a.found and a.answer.startswith("Je opent met wie je bent") and "afspraak" in a.answer


def test_a_quoted_example_the_question_names_brings_what_it_illustrates(engine: Engine) -> None:
    # The notes quote "Meer verkopen" as a goal that is none; the sentence before says how it should be.
    q = "ik moet volgend jaar 15% meer verkopen maar weet niet hoe ik dat doel opschrijf"
    a = engine.answerer.answer(q)
    assert a.found and a.answer.startswith("Salesdoelen worden bij voorkeur SMART")


def test_a_sum_that_names_a_compound_term_by_its_head_is_worked_in_its_section(engine: Engine) -> None:
    # "verloop" is the notes' "klantverloop"; retrieval is unsure, the numbers fill in the churn rate.
    a = engine.answerer.answer("begin jaar 400 klanten en 60 zijn er weggegaan, hoeveel procent verloop")
    assert a.found and a.sources[0].section == "Klantrelatiecyclus" and "15" in a.answer


def test_an_example_shown_of_a_name_comes_from_its_section(engine: Engine) -> None:
    # "laat … zien" is how the question asks; the sellogram's text also "laat zien hoe …".
    a = engine.answerer.answer("laat eens zien hoe cialdini werkt met een voorbeeld")
    assert a.found and a.sources[0].section == "Overtuigen en beïnvloeden (Cialdini)" and "polo" in a.answer


def test_an_advantage_the_notes_call_most_effective_answers_what_it_is_good_for(engine: Engine) -> None:
    # "een van de effectiefste manieren om aan nieuwe klanten te komen", not the places to network.
    a = engine.answerer.answer("wat zijn de voordelen van netwerken")
    assert a.found and "effectiefste" in a.answer and "Gelegenheden om te netwerken" not in a.answer


def test_why_something_matters_is_about_that_thing_not_about_mattering(engine: Engine) -> None:
    # "Daarom is verwachtingsmanagement belangrijk" only shares the judgement word.
    a = engine.answerer.answer("waarom is een klachtenafhandeling belangrijk")
    assert a.found and a.answer.startswith("Gaat het toch mis, dan helpt goed klachtenmanagement")


def test_a_bracketed_kind_is_known_by_what_a_later_sentence_says_of_it(engine: Engine) -> None:
    # "Voor sales betekent marktpenetratie … meer omzet halen bij huidige klanten": not the Missie.
    q = "ik wil volgend jaar 10% meer omzet bij bestaande klanten, welke groeirichting is dat"
    a = engine.answerer.answer(q)
    assert a.found and a.answer.startswith("Marktpenetratie")


def test_a_topic_announced_without_a_question_is_told_about(engine: Engine) -> None:
    a = engine.answerer.answer("ik heb vragen over de dmu rollen")
    assert a.found and all(r in a.answer for r in ("gebruiker", "beïnvloeder", "beslisser", "poortwachter"))
    assert engine.answerer.answer("hey, ik heb vragen over sales").answer.startswith("Vraag maar raak")


def test_an_order_asked_is_the_sequence_told_in_one_sentence_not_a_list(engine: Engine) -> None:
    # "eerst het beleid …, dan de organisatie …, daarna de systemen …", not the four uitgangspunten.
    a = engine.answerer.answer("in welke volgorde voer je accountmanagement in")
    assert a.found and a.headline.startswith("Invoering gaat stap voor stap")
    assert "uitgangspunt" not in a.headline


def test_a_contrast_must_name_each_side_by_more_than_a_word_every_sentence_uses(engine: Engine) -> None:
    # "neutrale klant", another name of the passive, is not named by "klanten" alone.
    a = engine.answerer.answer("verschil tussen een promotor en een passive")
    assert a.found and "referentie" not in a.headline and "9 of 10" in a.answer and "7 of 8" in a.answer


def test_a_glossary_compound_is_made_of_neighbouring_words_only(engine: Engine) -> None:
    # "klant … relatie" is no "Relatieklant": the phase the question names is in the cycle.
    a = engine.answerer.answer("wat doet een klant in de oriëntatiefase van de relatie")
    assert a.found and a.answer.startswith("In de oriëntatiefase zoekt de potentiële klant")


def test_the_word_that_asks_how_many_describes_nothing_to_name(engine: Engine) -> None:
    # "hoeveel" is no part of the situation: not the seasonal index's "hoeveel de verkoop afwijkt".
    a = engine.answerer.answer("hoeveel klanten blijven er na een jaar, hoe heet dat percentage")
    assert a.found and a.answer.startswith("Retentiegraad")


def test_one_more_kind_the_notes_also_name_is_a_category(engine: Engine) -> None:
    # "Soms wordt ook de initiator genoemd: degene die …"; "hoe heet degene die …" asks its name.
    a = engine.answerer.answer("hoe heet degene in de dmu die als eerste ziet dat er iets nodig is")
    assert a.found and a.answer.startswith("Initiator: degene die de behoefte als eerste signaleert")


def test_a_word_only_the_worked_example_uses_brings_the_example(engine: Engine) -> None:
    # "installateur" is in the example of Klanten only: the example shows the explanation at work.
    a = engine.answerer.answer("installateur en de offerte, wat is daar het verwachtingsmanagement")
    assert a.found and "verwachtingsmanagement" in a.headline and "Voorbeeld: Een installateur" in a.answer
    # A word of the explanation itself brings no example.
    b = engine.answerer.answer("wat is verwachtingsmanagement")
    assert b.found and "Voorbeeld:" not in b.answer


def test_terms_side_by_side_answer_as_comparison(engine: Engine) -> None:
    a = engine.answerer.answer("kenmerk en voordeel bij een printer")
    assert a.intent == "comparison"
    assert "objectieve eigenschap" in a.answer and "concreet oplevert" in a.answer
    a = engine.answerer.answer("missie of visie, welke is welke")
    assert a.intent == "comparison" and "over een aantal jaren" in a.answer


def test_popularity_asks_for_the_strength(engine: Engine) -> None:
    a = engine.answerer.answer("waarom is nps zo populair")
    assert a.answer.startswith("De kracht van NPS is de eenvoud")


def test_an_english_term_of_several_words_is_no_unknown_term(engine: Engine) -> None:
    # "foot in the door" is the notes' voet-in-de-deurtechniek; "in" inside it splits nothing off.
    a = engine.answerer.answer("leg me de foot in the door uit bij cialdini")
    assert a.found and "voet-in-de-deurtechniek" in a.answer
    a = engine.answerer.answer("which components does a time series have")
    assert a.found and all(w in a.answer for w in ("trend", "seizoens", "conjunctuur"))


def test_an_english_term_scoped_to_its_model_is_looked_up_in_dutch(engine: Engine) -> None:
    a = engine.answerer.answer("what is a leverage product according to kraljic")
    assert a.answer.startswith("Hefboomproducten:") and "laag toeleveringsrisico" in a.answer


def test_where_a_topic_is_in_the_notes(engine: Engine) -> None:
    assert where_asked("in welk hoofdstuk staat de klantenpiramide") == "klantenpiramide"
    assert where_asked("in welk college wordt de delphi methode behandeld") == "delphi methode"
    assert where_asked("which chapter covers the sales funnel") == "sales funnel"
    assert where_asked("welke strategie past bij deze klant") is None
    assert where_asked("waar staat rfm voor") is None  # the letters, not the place
    a = engine.answerer.answer("In welk hoofdstuk staat de klantenpiramide?")
    assert a.question == "In welk hoofdstuk staat de klantenpiramide?"
    assert a.answer.startswith("Dit staat in College 6 — Klantportfoliomanagement, bij ‘Klantenpiramide’.")
    assert "Curry" in a.answer
    missing = engine.answerer.answer("in welk hoofdstuk staat de quantumfysica")
    assert not missing.found and "Dit staat in" not in missing.answer


def test_a_term_whose_small_word_the_topic_dropped_leads_its_answer(engine: Engine) -> None:
    pattern = Composer.phrase_pattern("nota inlichtingen")
    assert pattern is not None and pattern.search("een vraag-en-antwoordronde (nota van inlichtingen)")
    # A plural ending is no small word: "verkoopdoelen, smart" is not "verkoopdoel smart".
    smart = Composer.phrase_pattern("verkoopdoel smart")
    assert smart is not None and not smart.search("het begint met de verkoopdoelen, smart geformuleerd")
    a = engine.answerer.answer("wat is een nota van inlichtingen")
    assert a.answer.startswith("Er is een vraag-en-antwoordronde (nota van inlichtingen)")


def test_a_list_said_inline_beats_the_terms_definition(engine: Engine) -> None:
    # The notes list the KPIs in one sentence ("…, zoals het aantal bezoeken per week, …").
    a = engine.answerer.answer("welke kpi's zijn er voor salesmanagers")
    assert "aantal bezoeken per week" in a.answer and "gemiddelde orderwaarde" in a.answer
    # No such list sentence: the definition that names them ("zoals prijs en kwaliteit").
    b = engine.answerer.answer("noem de gunningscriteria")
    assert b.answer.startswith("Gunningscriteria:")


def test_a_superlative_asked_after_a_list_is_about_the_lists_kind(engine: Engine) -> None:
    a = engine.answerer.answer("welke drie soorten binding zijn er en welke is het sterkst")
    assert len(a.items) == 3 and "hoe sterker de binding" in a.answer
    assert "staat niet in de samenvatting" not in a.answer


def test_small_talk_replies_fit_what_was_said(engine: Engine) -> None:
    assert "pauze" in engine.answerer.answer("mijn hoofd zit vol, ik ga pauze nemen").answer
    assert engine.answerer.answer("praat ik nu met een echt persoon?").answer.startswith("Ik ben studybot")
    assert engine.answerer.answer("je bent echt handig").answer.startswith("Fijn dat het helpt")
    assert engine.answerer.answer("waar ben je eigenlijk voor bedoeld").answer.startswith("Ik ben studybot")
    assert engine.answerer.answer("hoe staat het ervoor?").answer.startswith("Goed, dank je!")
    # "hoe staat het ervoor met …" asks about something else.
    assert engine.answerer.answer("hoe staat het ervoor met de klant").intent != "smalltalk"
    # A sales question with one of those words is still answered.
    assert engine.answerer.answer("je bent de beste klant, wat is een topklant").intent != "smalltalk"


def test_a_sum_no_near_section_fits_goes_to_the_one_formula_it_fills(engine: Engine) -> None:
    # In-sample from test_y (disclosed): retrieval ranks other sections first.
    deals = "kans A 10k (slagingskans 50%), kans B 20k (25%), kans C 8k (75%), reken de verwachte omzet uit"
    a = engine.answerer.answer(deals)
    assert a.sources[0].section == "De sales funnel, een afvalrace" and "€ 16.000" in a.answer


def test_in_sample_from_test_y_a_principle_asked_in_english_or_as_an_idea(engine: Engine) -> None:
    # In-sample from test_y (disclosed): "scarcity principle" is the notes' "Schaarste" item; "wat is
    # het idee" asks what it is ("idee" is no word of the term).
    a = engine.answerer.answer("explain the scarcity principle")
    assert a.found and a.answer.startswith("6. Schaarste:")
    b = engine.answerer.answer("de voet in de deur techniek, wat is het idee")
    assert b.found and "klein verzoek" in b.answer
    c = engine.answerer.answer("welke types klanten zijn er in accountmanagement")
    assert c.sources[0].section == "Soorten klanten"


def test_bare_terms_in_the_plural_or_misspelt_and_a_bare_title(engine: Engine) -> None:
    names = {"promotor": 1, "detractor": 2, "targeting": 3, "segmentatie": 4, "positionering": 5}
    assert bare_terms("promotors detractors", names) == ("promotor", "detractor")
    assert bare_terms("segmentatie targetting positionering", names) == (
        "segmentatie", "targeting", "positionering")
    a = engine.answerer.answer("relatieklanten transactieklanten")
    assert a.intent == "comparison" and "vaste, vertrouwde leverancier" in a.answer
    # A section's title typed alone is answered from that section, not "not in the notes".
    b = engine.answerer.answer("klanten")
    assert b.found and b.sources[0].section == "Klanten"
