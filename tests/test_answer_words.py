"""Words the answer must read right (real model): "tips", "nee", "mezelf" and an infinitive after
"te" are no unknown term; "hoe hoog is … zijn" is asked straight out; "vraag" asked about, a verb
and its -t form, a choice between two, a model named after both sides."""

from __future__ import annotations

import pytest

from index.text import fold
from tutor.engine import Engine

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "q, said",
    [
        # "tips" is what is asked for, not what it is about.
        ("geef tips voor netwerken", "luistert meer dan hij praat"),
        # "pushen" is the infinitive after "te": a verb, no term the notes lack.
        ("hoe overtuig je een klant zonder te pushen volgens het sellogram", "instemming"),
        # "nee" is an answer the customer gives, no term.
        ("wat gebeurt er als de klant nee zegt tijdens het sellogram", "bezwaren"),
        # "letters" asks what an abbreviation stands for.
        ("noem alle letters van smart", "tijdgebonden"),
    ],
)
def test_common_words_and_infinitives_are_no_unknown_term(engine: Engine, q: str, said: str) -> None:
    a = engine.answerer.answer(q)
    assert a.found and "staat niet in de samenvatting" not in a.headline and said in fold(a.answer)


def test_how_high_is_asked_straight_out(engine: Engine) -> None:
    # Once rewritten as an embedded question ("hoe zijn hoog is de nps als er alleen detractors"),
    # which led with the detractors' scores instead of the range of the score.
    a = engine.answerer.answer("hoe hoog is de nps als er alleen detractors zijn")
    assert a.found and a.headline.startswith("De uitkomst ligt tussen −100")


def test_a_word_said_of_the_subject_asks_about_that_not_the_whole_section(engine: Engine) -> None:
    # "b2r" names the section, but "verwacht" is what one of its sentences says of a B2R customer:
    # that sentence, not the section's list of differences.
    a = engine.answerer.answer("wat verwacht een b2r klant van jou als verkoper")
    assert a.found and a.headline.startswith("Daarnaast speelt wederverkoop een rol")
    assert "doorloopt" in a.answer
    # The subject alone is still answered by its steps.
    steps = engine.answerer.answer("leg het sellogram uit")
    assert len(steps.items) >= 5


def test_a_reflexive_pronoun_is_the_notes_jezelf_and_no_term(engine: Engine) -> None:
    # The notes say "Je verkoopt ook jezelf"; the student says "mezelf".
    a = engine.answerer.answer("waarom moet ik mezelf verkopen bij een zakelijke klant")
    assert a.found and "je verkoopt ook jezelf" in fold(a.answer)
    a = engine.answerer.answer("hoe presenteer ik mezelf bij netwerken")
    assert a.found and "mezelf" not in fold(a.headline) and "elevator pitch" in fold(a.answer)


def test_a_question_asked_about_is_the_question_the_notes_ask(engine: Engine) -> None:
    # "vraag" is a stop word ("ik heb een vraag"), but here it is what is asked about.
    a = engine.answerer.answer("wat vraag je een klant bij de net promoter score")
    assert a.found and "hoe waarschijnlijk is het dat u ons aanbeveelt" in fold(a.answer)
    assert not a.items  # not the three groups of the section


def test_a_verb_meets_its_form_with_t() -> None:
    from tutor.compose import match_part

    assert match_part("stel", frozenset({"stelt", "klant"})) == 0.7
    assert match_part("belt", frozenset({"bel"})) == 0.7
    assert match_part("klant", frozenset({"markt"})) == 0.0


def test_the_pros_and_cons_of_one_method_come_from_that_method(engine: Engine) -> None:
    # The section's only sentence that says an advantage outright is about another method (the
    # management's estimate is "snel en goedkoop"); the Delphi paragraph says what it prevents.
    a = engine.answerer.answer("wat zijn de voor- en nadelen van de delphi methode")
    text = fold(a.answer)
    assert a.found and "dominante persoon" in text and "hoogste baas" not in text


def test_who_thought_of_a_model_is_asked_of_the_model(engine: Engine) -> None:
    # "bedenker" is not in the notes ("bedacht door", "een model van"), but the question hinges
    # on the model, which is.
    a = engine.answerer.answer("wie is de bedenker van het sellogram")
    assert a.found and "j. wage" in fold(a.answer)
    assert not engine.answerer.answer("wie is de bedenker van spin selling").found


@pytest.mark.parametrize("q", ["hoe bind je klanten aan je bedrijf?", "hoe kun je klanten aan je binden"])
def test_how_to_do_what_the_notes_list_in_kinds_gets_all_kinds(engine: Engine, q: str) -> None:
    # "Financiële binding …", "Sociale binding …", "Structurele binding …": not only the last.
    a = engine.answerer.answer(q)
    said = fold(" ".join(text for _, text in a.items))
    assert len(a.items) == 3 and all(k in said for k in ("financiele", "sociale", "structurele"))


def test_a_choice_between_two_is_a_comparison_and_a_model_named_after_them_is_context(
    engine: Engine,
) -> None:
    a = engine.answerer.answer("hunter of farmer, wie heb je nodig voor nieuwe klanten")
    assert a.intent == "comparison" and "werven van nieuwe klanten" in fold(a.answer)
    # "bij kraljic" is said of both sides, not part of the second.
    a = engine.answerer.answer("knelpuntproduct vs hefboomproduct bij kraljic")
    assert a.intent == "comparison" and "bij kraljic" not in fold(a.headline)
    assert [label for label, _ in a.items] == ["Knelpuntproducten", "Hefboomproducten"]


def test_an_aspect_sentence_that_names_the_other_side_is_not_added(engine: Engine) -> None:
    # "Solution selling gaat nog verder: … producten …" is about solution selling, not about
    # transactional selling, though it holds the aspect's word "product".
    a = engine.answerer.answer("transactionele verkoop of solution selling, wat past bij een complex product")
    first = fold(a.items[0][1])
    assert a.intent == "comparison" and "losse aankoop" in first and "solution selling" not in first


def test_examples_after_denk_aan_are_the_list_of_the_sentence_before(engine: Engine) -> None:
    a = engine.answerer.answer("noem processen die de klant direct raken")
    text = fold(a.answer)
    assert a.found and all(w in text for w in ("orderproces", "levering", "facturatie", "klachten"))
    assert "verkoopproces zelf" not in text  # not the section's other list
    # A sentence that opens "Denk aan" brings the sentence it gives examples of.
    a = engine.answerer.answer("hoe verloopt een koud belgesprek")
    assert not a.answer.startswith("Denk aan")


def test_why_something_is_not_allowed_is_answered_by_what_the_notes_forbid(engine: Engine) -> None:
    a = engine.answerer.answer("waarom mag ik tijdens een aanbesteding de opdrachtgever niet even opbellen")
    assert a.found and a.headline.startswith("Persoonlijke beïnvloeding tijdens de procedure is niet")


def test_a_place_in_the_last_list_and_a_pronoun_lean_on_the_last_topic(engine: Engine) -> None:
    first = engine.answerer.answer("welke kwadranten heeft kraljic")
    assert first.found and first.topic is not None
    last = engine.answerer.answer("en het laatste?", first.topic)
    assert last.found and last.headline.startswith("Strategische producten")
    # Only generic words beside "dat": about the last topic, not about "belangrijk" or "verkoper".
    why = engine.answerer.answer("waarom is dat belangrijk voor een verkoper", first.topic)
    assert why.found and "voor een verkoper is kraljic belangrijk" in fold(why.answer)


def test_a_time_asked_is_no_call_for_the_model_s_parts(engine: Engine) -> None:
    # "wanneer …" asks when, not for the accountplan's structure.
    a = engine.answerer.answer("wanneer herzie je een accountplan")
    assert a.found and not a.items and "per kwartaal bijgesteld" in a.answer


def test_is_that_bad_asks_for_the_risk(engine: Engine) -> None:
    a = engine.answerer.answer("onze grootste klant levert 70% van de omzet, is dat erg?")
    assert a.found and "kwetsbaar" in fold(a.answer)


def test_which_role_someone_plays_is_the_item_that_names_them(engine: Engine) -> None:
    a = engine.answerer.answer("welke rol speelt de technische adviseur bij een aankoop")
    assert a.found and a.headline.startswith("De beïnvloeder (influencer)")
    # Something's role is what the notes say of it, no list item.
    a = engine.answerer.answer("welke rol speelt vertrouwen bij b2b")
    assert a.found and "vertrouwen is daarom het fundament" in fold(a.answer)


def test_asking_for_a_list_by_opsomming_is_no_word_to_find(engine: Engine) -> None:
    # "Verkopers maken vaak de fout dat ze kenmerken opsommen …" said "opsommen", no motive.
    a = engine.answerer.answer("geef een opsomming van de koopmotieven")
    assert a.found and a.answer.startswith("Rationele koopmotieven")


def test_someone_asked_by_name_is_a_person_of_the_notes(engine: Engine) -> None:
    # "iemand die …" is a person: "verkoper die …", not "Nieuwe taak: een eerste aankoop …".
    a = engine.answerer.answer("hoe heet iemand die nieuwe klanten zoekt")
    assert a.found and a.headline.split(":")[0] in ("Hunter", "Vertegenwoordiger")


def test_english_terms_of_two_words_are_the_notes_compounds(engine: Engine) -> None:
    a = engine.answerer.answer("what are the three value strategies")
    assert a.found and "treacy en wiersema" in fold(a.answer) and "ansoff" not in fold(a.answer)
    a = engine.answerer.answer("what is a landing page")
    assert a.found and "landingspagina" in fold(a.answer)


def test_who_says_it_is_what_the_question_hinges_on(engine: Engine) -> None:
    a = engine.answerer.answer("wat zegt kotler over marketing")
    assert not a.found and a.headline.startswith("Kotler staat niet in de samenvatting")
    assert engine.answerer.answer("wat zegt cialdini over schaarste").found  # a name the notes know


def test_a_list_asked_by_opsomming_at_the_end(engine: Engine) -> None:
    a = engine.answerer.answer("dmu rollen opsomming")
    assert a.intent == "enumeration" and len(a.items) >= 5


def test_why_use_it_is_answered_by_what_it_helps_with(engine: Engine) -> None:
    # "De piramide helpt om keuzes te maken" is said of the "klantenpiramide" asked.
    a = engine.answerer.answer("waarom gebruiken bedrijven een klantenpiramide")
    assert a.found and a.answer.startswith("De piramide helpt om keuzes te maken")
    english = engine.answerer.answer("why do companies use a customer pyramid")
    assert english.answer.startswith("De piramide helpt om keuzes te maken")
    # No sentence says what leadnurturing helps with: the reason the notes give for it.
    b = engine.answerer.answer("waarom gebruik je leadnurturing")
    assert b.answer.startswith("Omdat de meeste leads nog niet klaar zijn om te kopen")
    # "… maar als richtinggevend getal": why its use is limited, not what it is used for.
    c = engine.answerer.answer("waarom gebruik je clv maar als richtinggevend getal")
    assert c.answer.startswith("Beperkingen: CLV is een schatting")


def test_a_list_item_asked_is_answered_without_its_neighbours(engine: Engine) -> None:
    # The item the question names leads; the next item of the list is another thing.
    a = engine.answerer.answer("waarom zeggen mensen ja tegen autoriteit")
    assert "5. Autoriteit: we volgen experts" in a.answer and "6. Schaarste" not in a.answer
    b = engine.answerer.answer("waarom werkt sociale bewijskracht")
    assert b.answer.startswith("3. Sociale bewijskracht") and "4. Sympathie" not in b.answer


def test_a_compound_cut_short_is_known(engine: Engine) -> None:
    # "cross-sell" is the notes' "cross-selling", no unknown term; both sides are defined.
    a = engine.answerer.answer("upsell en cross-sell, zelfde?")
    assert a.found and a.intent == "comparison"
    assert "Upselling: een klant een duurdere" in a.answer
    assert "Cross-selling: een bestaande klant" in a.answer


def test_a_calculation_named_by_a_word_only_one_section_explains_is_answered(engine: Engine) -> None:
    # "promotorscore" is only the NPS entry's other name: retrieval is unsure, the word is not.
    a = engine.answerer.answer("promotorscore uitrekenen, hoe gaat dat")
    assert a.found and "percentage promotors − percentage detractors" in a.answer


def test_the_aspect_asked_is_no_topic_word_to_lead_in_with(engine: Engine) -> None:
    # "nut" is what is asked of the belscript; "Toch blijft het nuttig …" (cold calling) does not lead.
    a = engine.answerer.answer("wat is het nut van een belscript")
    assert "Het helpt om een belscript te hebben" in a.answer and "nuttig" not in a.answer


def test_an_english_question_meets_the_notes_dutch_words(engine: Engine) -> None:
    # "required" is the notes' "verplicht": the sentence that says when a European tender is a must.
    a = engine.answerer.answer("when is a european tender required")
    assert a.answer.startswith("Boven bepaalde bedragen, de Europese drempelwaarden")
    # A Dutch question keeps its words: "tender" is not read as the English word.
    b = engine.answerer.answer("wat gebeurt er direct na de gunning van een tender")
    assert "bezwaartermijn" in b.answer


def test_a_section_title_asked_is_answered_from_that_section(engine: Engine) -> None:
    # The notes write "aanbesteding"; "aanbestedingen" word for word is only in the sales kinds.
    a = engine.answerer.answer("geef de belangrijkste punten van het hoofdstuk over aanbestedingen")
    assert a.sources[0].section == "Aanbestedingen"
    assert a.answer.startswith("Een aanbesteding is een formele procedure")


def test_a_passage_starts_where_its_numbered_paragraph_starts(engine: Engine) -> None:
    # "De onderzoeker vat de antwoorden samen …" is the Delphi method's: its paragraph says which.
    a = engine.answerer.answer("hoe schatten experts de verkoop in?")
    assert "De derde methode is de Delphi-methode. Een panel van deskundigen" in a.answer


def test_the_differences_asked_are_the_notes_own_list_of_them(engine: Engine) -> None:
    # "verschillen" between two sides of one section: the notes list them ("Ten eerste …").
    a = engine.answerer.answer("wat zijn de verschillen tussen zakelijke en particuliere klanten?")
    assert a.answer.startswith("Zakelijk verkopen verschilt op een aantal belangrijke punten")
    assert "Ten eerste is de zakelijke aankoop complexer" in a.answer and "Ten vierde" in a.answer
    # One difference asked: the two terms side by side.
    b = engine.answerer.answer("verschil tussen b2b en b2c")
    assert "B2B: verkoop door een bedrijf aan andere organisaties" in b.answer


def test_an_objection_told_is_answered_by_how_to_handle_objections(engine: Engine) -> None:
    # "te duur" is an objection ("bezwaar"), though the question names the presentation.
    q = "de klant zegt midden in mijn presentatie dat het te duur is, wat doe ik volgens wage"
    a = engine.answerer.answer(q)
    assert a.answer.startswith("Komen er bezwaren, dan behandel je die eerst")
    # A competitor said to be cheaper is the same objection about price.
    cheaper = engine.answerer.answer("de klant zegt: jullie concurrent is goedkoper, wat doe ik volgens wage")
    assert cheaper.answer.startswith("Komen er bezwaren, dan behandel je die eerst")


def test_what_something_consists_of_is_the_sentence_that_says_so(engine: Engine) -> None:
    # "opgebouwd uit" meets the notes' "bestaat uit", though "lagen" is their "kringen".
    a = engine.answerer.answer("uit welke lagen is het netwerk van een verkoper opgebouwd")
    assert a.answer.startswith("Je netwerk bestaat uit verschillende kringen. De binnenste kring")


def test_an_item_of_a_run_is_answered_without_its_siblings(engine: Engine) -> None:
    # "Hij is coördinator of regisseur: …" follows "Hij is adviseur: …": another item, no antecedent.
    a = engine.answerer.answer("wat doet een accountmanager in zijn rol als coördinator")
    assert "Hij is coördinator of regisseur" in a.answer and "Hij is adviseur" not in a.answer


def test_risks_asked_of_a_term_are_what_the_notes_warn_about(engine: Engine) -> None:
    a = engine.answerer.answer("wat zijn de risico's van key accounts")
    assert "te afhankelijk wordt van één key account" in a.answer
    b = engine.answerer.answer("wat zijn de gevaren van schaarste")
    assert b.answer.startswith("Valse schaarste of nep-reviews schaden op termijn het vertrouwen")


def test_how_often_is_answered_by_the_frequency_the_notes_give(engine: Engine) -> None:
    a = engine.answerer.answer("hoe vaak maak je een accountplan")
    assert "meestal jaarlijks gemaakt" in a.answer.split("\n")[0]


def test_a_contrast_of_two_sides_needs_no_blocks_that_do_not_name_them(engine: Engine) -> None:
    a = engine.answerer.answer("wat is het verschil tussen een nieuwe klant en een bestaande qua kosten")
    assert "vijf keer zoveel kost" in a.answer and "marketing qualified lead" not in a.answer


def test_a_verb_and_its_t_form_meet_in_retrieval_too(engine: Engine) -> None:
    # "besteld" meets the notes' "bestellen" only without its ending: the scenario is answered.
    a = engine.answerer.answer("ik heb een klant die al drie maanden niks meer besteld heeft")
    assert a.found and "Signalen van vertrek, zoals minder bestellingen" in a.answer


def test_an_everyday_word_finds_the_notes_concept(engine: Engine) -> None:
    # A "boze" customer complains: the notes' complaint handling ("klachtenmanagement") leads.
    a = engine.answerer.answer("een klant belt boos omdat zijn bestelling al een week te laat is")
    assert a.found and a.answer.startswith("Gaat het toch mis, dan helpt goed klachtenmanagement")


def test_a_name_only_one_section_uses_saves_an_unsure_question(engine: Engine) -> None:
    # "Van Weele" names the purchasing process; retrieval alone was unsure.
    a = engine.answerer.answer("noem de eerste twee stappen van van weele")
    assert a.found and "specificeren" in a.answer and "selecteren" in a.answer


def test_a_name_of_the_notes_is_no_misspelt_term(engine: Engine) -> None:
    # The notes' "Porter" is not a misspelt "portier".
    a = engine.answerer.answer("wie is porter")
    assert "Portier (gatekeeper" not in a.answer and "Porter" in a.answer


def test_a_term_only_a_worked_example_uses_is_answered_from_that_example(engine: Engine) -> None:
    a = engine.answerer.answer("customer success manager, wat is dat voor iemand")
    assert a.found and "neemt een customer success manager (farmer) het over" in a.answer


def test_an_abbreviation_the_notes_write_in_capitals_is_found(engine: Engine) -> None:
    a = engine.answerer.answer("VMI, wat is dat")
    assert a.found and "vendor managed inventory, VMI" in a.answer


def test_a_verb_form_of_a_notes_noun_is_no_unknown_term(engine: Engine) -> None:
    a = engine.answerer.answer("koud tegenover warm acquireren, wat is het onderscheid")
    assert a.found and "je benadert iemand die al contact met je had" in a.answer


def test_steps_asked_are_the_sentence_that_tells_them_in_turn(engine: Engine) -> None:
    # "eerst …, dan …, daarna …" in one sentence is the order asked, not the four principles.
    a = engine.answerer.answer("welke stappen zet je bij de invoering van accountmanagement, in volgorde")
    assert a.answer.startswith("Invoering gaat stap voor stap: eerst het beleid en de klantselectie")


@pytest.mark.parametrize(
    "q, said",
    [
        # "t" is the letter asked, not the shorthand for "het".
        ("wat betekent de t in smart", "De T in SMART staat voor tijdgebonden."),
        ("waar staat de p van destep voor", "De P in DESTEP staat voor politiek-juridische factoren."),
        ("wat is de m in rfm", "De M in RFM staat voor Monetary value."),
        ("de e in destep?", "De E in DESTEP staat voor economische en ecologische."),
        # The notes write SWOT out in Dutch, in the order of its English letters.
        ("wat betekent de s in swot", "De S in SWOT staat voor sterktes."),
        ("waar staat de o in swot voor", "De O in SWOT staat voor kansen."),
    ],
)
def test_one_letter_of_an_abbreviation(engine: Engine, q: str, said: str) -> None:
    a = engine.answerer.answer(q)
    assert a.found and a.headline == said


def test_a_letter_the_abbreviation_lacks_is_no_letter_answer(engine: Engine) -> None:
    a = engine.answerer.answer("wat betekent de x in smart")
    assert not a.headline.startswith("De X in SMART")


def test_a_clause_that_describes_a_side_is_no_unknown_term(engine: Engine) -> None:
    # "die op pad gaan" describes the side; "pad" is no term the question hinges on.
    a = engine.answerer.answer("kantoorverkopers versus verkopers die op pad gaan")
    assert a.found and "De binnendienst werkt vanaf kantoor" in a.answer
    # "takenpakket" is an everyday word for the tasks asked.
    b = engine.answerer.answer("takenpakket van een buitendienstmedewerker?")
    assert b.found and b.answer.startswith("Tot de dagelijkse taken horen")


def test_not_enough_asks_for_the_weakness(engine: Engine) -> None:
    a = engine.answerer.answer("waarom is het nps-cijfer alleen niet genoeg")
    assert "Een zwakte is dat het cijfer niet vertelt" in a.answer


def test_examples_after_zoals_are_the_list_when_the_clause_says_what_is_asked(engine: Engine) -> None:
    a = engine.answerer.answer("welke dingen vragen key accounts van je leverancier")
    said = fold(a.answer)
    assert all(w in said for w in ("maatwerk", "scherpe prijzen", "voorrang bij levering"))
    assert "mcdonald" not in fold(a.headline)
    # A clause that says something else keeps its paragraph: the layers of a network.
    layers = engine.answerer.answer("uit welke lagen is het netwerk van een verkoper opgebouwd")
    assert "verschillende kringen" in fold(layers.headline)


def test_a_compound_of_a_notes_plural_and_a_notes_word_is_known(engine: Engine) -> None:
    # The notes write "fabrikant van koffiemachines": "koffiemachinefabrikant" is no unknown term.
    a = engine.answerer.answer("voorbeeldje van marketing tegenover sales bij een koffiemachinefabrikant")
    assert a.found and "campagne" in fold(a.answer) and "accountmanagers" in fold(a.answer)


def test_an_abbreviation_the_text_never_writes_is_read_as_its_term(engine: Engine) -> None:
    # "TCO" is only in the glossary; the text says "total cost of ownership".
    a = engine.answerer.answer("waarom is tco belangrijk")
    assert "total cost of ownership" in fold(a.headline)
    # Unsure retrieval with the term's section third: the abbreviation still ties it there.
    b = engine.answerer.answer("waarom is tco belangrijk voor een inkoper")
    assert b.found and b.sources[0].section == "Koopsituaties en koopgedrag"


def test_a_passage_inside_a_list_line_starts_at_its_head_and_stays_in_it(engine: Engine) -> None:
    # "Een gratis proefmonster …" is the example of "1. Wederkerigheid: …"; "2. Commitment" is another.
    a = engine.answerer.answer("waarom werkt een proefmonster")
    assert a.answer.startswith("1. Wederkerigheid") and "proefmonster" in a.answer
    assert "2. Commitment" not in a.answer


@pytest.mark.parametrize(
    "q, said",
    [
        ("wat zijn de bouwstenen van een accountplan", "analyse van de klant"),
        ("de stappen van van weele op een rijtje", "specificeren"),
        # "taakgebieden": a notes word and a generic head; "rijtje … aub": a list asked politely.
        ("noem de taakgebieden van de vertegenwoordiger", "offertes opstellen"),
        ("rijtje taken van een vertegenwoordiger aub", "offertes opstellen"),
    ],
)
def test_words_for_a_list_are_no_unknown_term(engine: Engine, q: str, said: str) -> None:
    a = engine.answerer.answer(q)
    assert a.found and said in fold(a.answer)


def test_the_aspect_of_a_glossary_term_is_rescued_from_its_section(engine: Engine) -> None:
    # Retrieval is unsure of "het nut van een swot"; the glossary names it, its section is near.
    a = engine.answerer.answer("wat heb je aan een swot")
    assert a.found and a.sources[0].section == "Marktanalyse" and "strategische opties" in a.answer


@pytest.mark.parametrize(
    "q, said",
    [
        ("what are leverage products", "hefboomproducten"),
        ("compare the diamond and bow tie model", "vlinderdasmodel"),
        ("routine vs bottleneck products", "knelpuntproducten"),
    ],
)
def test_english_names_of_kraljic_and_relationship_models(engine: Engine, q: str, said: str) -> None:
    a = engine.answerer.answer(q)
    assert a.found and said in fold(a.answer) and "staat niet in de samenvatting" not in a.headline


def test_a_sentence_that_looks_back_but_lists_its_own_answers_for_its_own(engine: Engine) -> None:
    # "Voor deze rollen heeft een accountmanager … vaardigheden nodig: …" lists the skills.
    skills = engine.answerer.answer("welke competenties moet een goede accountmanager hebben")
    assert "organisatietalent" in fold(skills.answer)
    # Asked for the roles, it still looks back at them.
    roles = engine.answerer.answer("welke rollen heeft een accountmanager")
    assert "relatiebeheerder" in fold(roles.answer) and "organisatietalent" not in fold(roles.answer)


def test_english_retention_rate_is_the_notes_retentiegraad(engine: Engine) -> None:
    a = engine.answerer.answer("what does retention rate mean")
    assert a.headline.startswith("Retentiegraad") and "nog steeds klant" in fold(a.headline)


def test_a_phrase_of_several_words_names_the_technique_it_heads(engine: Engine) -> None:
    # The notes write "voet-in-de-deurtechniek"; "de voet in de deur" is that technique.
    a = engine.answerer.answer("hoe werkt de voet in de deur")
    assert a.found and "klein verzoek" in fold(a.answer)


def test_selling_what_you_have_in_a_new_country_is_market_development(engine: Engine) -> None:
    a = engine.answerer.answer("we verkopen zonnepanelen en willen ook naar duitsland, welke groeirichting")
    assert a.headline.startswith("Marktontwikkeling")


def test_the_fourth_relationship_strategy_has_its_own_term(engine: Engine) -> None:
    # The notes now name the "Afbouwstrategie" in their glossary, beside the other three.
    a = engine.answerer.answer("wat is afbouwen als klantstrategie")
    assert a.found and "afbouwstrategie" in fold(a.headline) and "verlies" in fold(a.headline)
    # A situation in everyday words reaches the classifier as the notes' concept.
    b = engine.answerer.answer("een klant heeft 12 maanden niets besteld, wat voor klant is dat")
    assert fold(b.headline).startswith("inactieve klant")


def test_a_letter_asked_what_it_means_gets_the_glossary_definition_too(engine: Engine) -> None:
    a = engine.answerer.answer("de p van stp, wat houdt die in")
    assert a.headline == "De P in STP staat voor positionering."
    assert "onderscheidend beeld" in fold(a.answer)


def test_the_sales_force_on_the_road_is_the_field_force(engine: Engine) -> None:
    a = engine.answerer.answer("de verkoper op kantoor versus die op de weg")
    said = fold(a.answer)
    assert a.found and "binnendienst" in said and "buitendienst" in said


def test_a_rare_word_the_glossary_names_a_term_by_rescues_an_unsure_question(engine: Engine) -> None:
    # "sleutelklant" is only the glossary's other name for a key account.
    a = engine.answerer.answer("wie zitten er bijvoorbeeld in het team rond een sleutelklant")
    assert a.found and a.sources[0].section == "Key account management"
    assert "key account team" in fold(a.answer)
    # "inkoper" is used all over the notes: no tie to one section.
    b = engine.answerer.answer("wat gebeurt er als de enige inkoper vertrekt bij een vlinderdasrelatie")
    assert not b.found or b.sources[0].section != "Zakelijk koopproces"


@pytest.mark.parametrize(
    "q", ["wij starten met accountmanagement, op welke 4 pijlers moet dat rusten",
          "op welke 4 pijlers rust accountmanagement"],
)  # fmt: skip
def test_a_metaphor_for_the_kind_of_list_is_no_unknown_term(engine: Engine, q: str) -> None:
    # "pijlers" and the verb after it are not in the notes; what they are asked of is.
    a = engine.answerer.answer(q)
    assert a.found and "Het vierde uitgangspunt" in a.answer


def test_an_unknown_name_for_a_counted_list_still_abstains(engine: Engine) -> None:
    a = engine.answerer.answer("welke 4 p's van marketing zijn er")
    assert not a.found and "4 p's" in a.headline


def test_a_short_dutch_name_of_a_term_rescues_an_unsure_question(engine: Engine) -> None:
    # "boer" is the glossary's other name of the farmer; retrieval ranks its section first but unsure.
    a = engine.answerer.answer("de boer als verkoperstype, wat houdt die rol in")
    assert a.found and "bestaande klanten" in a.answer
    # An English short name may be part of a term the notes lack.
    assert not engine.answerer.answer("wat is een buyer persona").found


def test_everyday_words_for_the_notes_rational_and_emotional(engine: Engine) -> None:
    a = engine.answerer.answer("verstandelijke redenen om te kopen, geef er een paar")
    assert a.found and a.intent == "enumeration" and "kostenbesparing" in a.answer


def test_an_everyday_qualifier_of_a_side_is_no_unknown_term(engine: Engine) -> None:
    a = engine.answerer.answer("waarin onderscheidt een key account zich van een normale klant")
    assert a.found and a.sources[0].section == "Key account management"
