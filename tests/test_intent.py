"""Question intents (Dutch and English cues) and the composition helpers that need no model."""

from __future__ import annotations

import pytest

from index.passages import Sentence, paragraphs, split_sentences
from tutor.categories import numbers_in
from tutor.classify import quote_pairs, split_tail
from tutor.intent import classifies, detect_intent
from tutor.lists import (
    announced_count,
    count_items,
    inline_items,
    inline_list,
    is_item_head,
    repeated_head,
)
from tutor.sides import bare_terms
from tutor.verbs import fix_cue_typos, joined_particles


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("wat is nps?", "definition"),
        ("What is a straight rebuy", "definition"),
        ("what does CLV mean", "definition"),
        ("kpi's?", "definition"),
        ("hoe werkt de delphi methode", "explanation"),
        ("leg het sellogram uit", "explanation"),
        ("explain the STP process", "explanation"),
        ("noem de principes van cialdini", "enumeration"),
        ("wat zijn de vier kwadranten van kraljic", "enumeration"),
        ("welke rollen zijn er in de dmu", "enumeration"),
        # Skills asked are a list, not a situation to name ("…, welke skills").
        ("wat moet je kunnen om als am goed te zijn, welke skills", "enumeration"),
        # The rest of a list, or the list a member belongs to.
        ("klantbewustheid klantinzicht en nog drie, welke horen daar nog meer bij", "enumeration"),
        ("klantinzicht hoort in een rijtje van vijf, welk rijtje", "enumeration"),
        ("klanten binden kan financieel, en hoe nog meer", "enumeration"),
        ("de verkoper is er één, en wat nog meer", "enumeration"),
        ("uit welke onderdelen bestaat een accountplan", "enumeration"),
        ("list the stages of the sales funnel", "enumeration"),
        ("who are the members in a decision making unit", "enumeration"),
        ("marktpenetratie, productontwikkeling en welke andere groeirichtingen", "enumeration"),
        ("welke psychologische principes beschrijft cialdini", "enumeration"),
        ("verschil tussen een lead en een prospect", "comparison"),
        ("hunter vs farmer", "comparison"),
        ("diamantmodel of vlinderdasmodel, wat is het verschil?", "comparison"),
        ("what's the difference between deskresearch and fieldresearch", "comparison"),
        ("geef een voorbeeld van cross-selling", "example"),
        ("give an example of a smart goal", "example"),
        # An example asked first, of a comparison: the example, not the two sides.
        ("voorbeeldje van marketing tegenover sales", "example"),
        # A list noun after "de", "onder elkaar", "bouwstenen": a list.
        ("de fasen in het inkoopproces van van weele graag onder elkaar", "enumeration"),
        ("wat zijn de bouwstenen van een accountplan", "enumeration"),
        ("ik ben nieuw als accountmanager, wat zijn mijn taken", "enumeration"),
        ("who is the gatekeeper when you call a company", "definition"),
        ("hoe bereken je de nps", "calculation"),
        ("how do you calculate the churn rate", "calculation"),
        ("waarom is klantbehoud goedkoper dan werven", "why"),
        # An aspect of a term is asked, not the term itself.
        ("wat is het doel van een cold call", "why"),
        ("wat doet marketing en wat doet sales?", "comparison"),
        ("waarin onderscheidt een hunter zich van een farmer", "comparison"),
        ("waar bestaat een accountplan uit", "enumeration"),
        ("we gaan een aanbesteding doen, waar moeten we op letten?", "enumeration"),
        ("waar kun je allemaal netwerken", "enumeration"),
        ("80 klanten: 40 promotors en 10 detractors. wat is de nps?", "calculation"),
        ("hoe verschilt de aanpak per kwadrant van kraljic", "enumeration"),
        ("wat zijn de nadelen van de nps", "why"),
        ("wat zijn de risico's van key accounts", "why"),
        ("wat is het risico van toelevering", "definition"),
        ("waar dient een accountplan voor", "why"),
        ("why do business buyers buy more rationally", "why"),
        ("een klant zegt 'stuur maar wat informatie', wat doe ik?", "scenario"),
        ("ik wil een gemeente als klant, hoe pak ik dat aan", "scenario"),
        ("hoi", "smalltalk"),
        ("hee!", "smalltalk"),
        ("heel erg bedankt", "smalltalk"),
        # Whom it is said to, thanks in a sentence, a farewell said as a plan, "is there a human".
        ("yo studiemaatje", "smalltalk"),
        ("thanks man, ik snap het nu", "smalltalk"),
        ("dankzij jou haal ik mijn tentamen, dank!", "smalltalk"),
        ("ik ga slapen, tot morgen", "smalltalk"),
        ("zit er een mens achter deze bot", "smalltalk"),
        ("ben jij chatgpt?", "smalltalk"),
        ("klantrelatiestrategieen: noem ze", "enumeration"),
        ("robinson faris wind: list the buying situations", "enumeration"),
        ("door welke stadia gaat een relatie met een klant heen", "enumeration"),
        ("in welke bakjes deelt de nps mensen in", "enumeration"),
        ("geef me de fases van een klantrelatie op volgorde", "enumeration"),
        # "rekening houden met" is taking into account, no sum.
        ("met welke factoren hou je rekening bij een swot", "enumeration"),
        ("upselling, heb je daar een casus van", "example"),
        ("waar kan ik je allemaal mee lastigvallen", "smalltalk"),
        ("alles goed met je?", "smalltalk"),
        ("de klant bedankt me niet", "explanation"),
        # Items given, then "… welke …": the rest of the list; an English plural asked.
        ("investeren, behouden en ... welke relatiestrategieen heb je voluit", "enumeration"),
        ("what roles does an account manager play", "enumeration"),
        ("hoezo zijn losse contacten waardevol", "why"),
        ("dank je, hoe bereken je de nps", "calculation"),
        ("hoi bot, hoe gaat ie?", "smalltalk"),
        ("top dank", "smalltalk"),
        ("en wat is een prospect?", "definition"),
        ("helder, ik snap het nu", "smalltalk"),
        ("fijne dag nog!", "smalltalk"),
        ("oh zo zit het dus, dankjewel", "smalltalk"),
        ("ben je een echte persoon?", "smalltalk"),
        ("later", "smalltalk"),
        ("ik ben zo zenuwachtig voor de toets", "smalltalk"),
        ("later is de klant loyaal", "explanation"),
        ("waarmee kan je me helpen", "smalltalk"),
        ("omzet was 100, 120 en 140; prognose?", "calculation"),
        # Numbers told, a judgement asked: no sum.
        ("wij verkopen aan 3 grote klanten die 70% van de omzet doen, wat is het risico", "explanation"),
        ("wat zijn de valkuilen van koude acquisitie", "why"),
        ("ok thanks, this helps a lot", "smalltalk"),
        ("dankjewel voor de uitleg", "smalltalk"),
        ("waarmee kun je me helpen?", "smalltalk"),
        ("hee wat is een lead", "definition"),
        ("Dank je wel!", "smalltalk"),
        ("wie ben jij?", "smalltalk"),
        ("help", "smalltalk"),
    ],
)
def test_intent_cues(question: str, kind: str) -> None:
    assert detect_intent(question).kind == kind


def test_intent_details() -> None:
    i = detect_intent("verschil tussen een lead en een prospect")
    assert i.sides == ("lead", "prospect")
    assert detect_intent("leg het verschil uit tussen B2B en B2C").sides == ("b2b", "b2c")
    assert detect_intent("NPS uitleg pls").kind == "explanation"
    both = ("segmentatie", "targeting")
    assert detect_intent("segmentatie en targeting, hoe verschillen die?").sides == both
    assert detect_intent("lead of prospect: wat is het verschil").sides == ("lead", "prospect")
    assert detect_intent("is een lead hetzelfde als een prospect?").sides == ("lead", "prospect")
    assert detect_intent("is een lead iets anders dan een prospect").sides == ("lead", "prospect")
    cold_warm = ("koude acquisitie", "warme acquisitie")
    assert detect_intent("koude en warme acquisitie vergelijken").sides == cold_warm
    assert detect_intent("vergelijk een lead met een prospect").sides == ("lead", "prospect")
    # A context both sides share, said once after the last, is no part of a side.
    assert detect_intent("strategische producten vs hefboomproducten in kraljic").sides == (
        "strategische producten",
        "hefboomproducten",
    )
    held = detect_intent("cross selling en up selling, hoe hou ik die uit elkaar")
    assert held.sides == ("cross selling", "up selling")
    # An illustration asked of a pair is no comparison of "illustreer feature" with "benefit".
    assert detect_intent("illustreer feature versus benefit met een concreet product").kind != "comparison"
    kraljic = detect_intent("vergelijk routine met knelpunt in de kraljic matrix")
    assert kraljic.sides == ("routine", "knelpunt")
    assert detect_intent("wat betekent de afkorting kam").topic == "kam"
    assert detect_intent("wat zijn de zes stappen van van weele").count == 6
    assert detect_intent("wat zijn de 4 kwadranten").count == 4
    follow = detect_intent("en wat is het verschil met een lead?")
    assert follow.kind == "comparison" and follow.sides == ("lead",) and follow.followup
    assert detect_intent("geef een voorbeeld").topic == ""
    assert detect_intent("leg dat eens uit").topic == ""
    assert detect_intent("hoi, wat is nps?").kind == "definition"  # a greeting in front is not small talk


def test_sentence_splitter_keeps_initials_lists_and_amounts() -> None:
    assert split_sentences("Het model van J. Wage is oud. Het werkt.") == [
        "Het model van J. Wage is oud.",
        "Het werkt.",
    ]
    assert split_sentences("Dat kost € 3.000 per jaar. Daarna meer.") == [
        "Dat kost € 3.000 per jaar.",
        "Daarna meer.",
    ]
    assert split_sentences('Eén vraag: "Beveelt u ons aan?" De klant kiest.') == [
        'Eén vraag: "Beveelt u ons aan?"',
        "De klant kiest.",
    ]
    paras = paragraphs("Intro.\n\n1. Wederkerigheid: geven. Nemen.\n2. Schaarste: weinig.")
    assert paras[1] == [
        ("1. Wederkerigheid: geven.", True),
        ("Nemen.", False),
        ("2. Schaarste: weinig.", True),
    ]


def _s(text: str, line_start: bool = False) -> Sentence:
    return Sentence(0, "1.1", "body", 0, 0, text, line_start)


def test_list_helpers() -> None:
    assert announced_count("Het inkoopproces volgens Van Weele heeft zes stappen.") == 6
    assert announced_count("Zo ontstaan 4 kwadranten.") == 4
    assert inline_list("Je kijkt naar: demografische, economische, sociale en ecologische factoren.")
    assert inline_list("De indeling is: suspects → leads → prospects → order.")
    assert not inline_list("Het doel: een afspraak.")
    assert is_item_head(_s("Routineproducten (lage impact, laag risico) zijn goedkoop."))
    assert is_item_head(_s("Het derde uitgangspunt is de positie."))
    assert is_item_head(_s("Wederkerigheid: iets terugdoen.", line_start=True))
    assert not is_item_head(_s("De inkoper gebruikt zijn koopkracht: hij onderhandelt."))
    assert not is_item_head(_s("Die combineert producten (bestaand) met markten."))
    assert (
        count_items([_s("Passives (neutraal) geven een 7."), _s("Detractors (criticasters) geven een 6.")])
        == 2
    )


@pytest.mark.parametrize(
    "question, situation, kind",
    [
        ("een klant bestelt altijd hetzelfde, welke koopsituatie is dat?",
         "een klant bestelt altijd hetzelfde", "koopsituatie"),
        ("we kopen schroeven bij één fabriek, in welk kwadrant van kraljic zit ik?",
         "we kopen schroeven bij één fabriek", "kwadrant van kraljic"),
        ("mijn klant geeft een 8. is dat een promotor?", "mijn klant geeft een 8", "promotor"),
        ("een klant gaf een 2, wat is hij dan", "een klant gaf een 2", ""),
        ("ik bel zonder afspraak, hoe heet dat?", "ik bel zonder afspraak", ""),
        # The subject of the situation repeated in the tail is not part of the kind asked.
        ("een winkel verkoopt het door, wat voor klant is de winkel", "een winkel verkoopt het door",
         "klant"),
        # A kind asked as "vorm van …", and "… hoort daarbij" after it.
        ("we delen systemen, welke vorm van binding is dat", "we delen systemen", "binding"),
        ("de klant kost geld, welke strategie hoort daarbij", "de klant kost geld", "strategie"),
        # The name asked first, the situation after it.
        ("hoe noem je een klant die alles goedkoop koopt", "een klant die alles goedkoop koopt", ""),
        ("hoe heet het als je iemand belt zonder afspraak", "als je iemand belt zonder afspraak", ""),
        ("hoe heet degene die als eerste iets nodig heeft", "degene die als eerste iets nodig heeft", ""),
        ("hij vertelt iedereen hoe goed we zijn, hoe noem je zo iemand",
         "hij vertelt iedereen hoe goed we zijn", ""),
    ],
)  # fmt: skip
def test_classification_tail(question: str, situation: str, kind: str) -> None:
    assert classifies(question) and detect_intent(question).kind == "scenario"
    assert split_tail(question)[:2] == (situation, kind)


def test_not_a_classification() -> None:
    assert not classifies("welke stappen zijn er in het sellogram")
    assert not classifies("wat doet een inkoopcentrum, welke leden")  # a question, then what it asks
    assert not classifies("welke strategieen horen bij klantrelaties")
    assert split_tail("ik heb een klant met 40% van de omzet, is dat een probleem?")[
        2
    ]  # named, checked later


def test_score_ranges() -> None:
    assert numbers_in("klant die een 0 tot en met 6 geeft") == set(range(7))
    assert numbers_in("een 9 of 10") == {9, 10}
    assert numbers_in("€ 3.000 en 25% marge") == set()


def test_inline_items_and_shared_heads() -> None:
    assert inline_items("STP staat voor segmentatie, targeting en positionering.") == [
        "segmentatie", "targeting", "positionering"]  # fmt: skip
    assert inline_items("Dat zijn: recency (recent), frequency en monetary value.") == [
        "recency", "frequency", "monetary value"]  # fmt: skip
    # "Denk aan …": examples of the sentence before, the last pair split once.
    assert inline_items("Denk aan de prijs, de levering en de afhandeling van klachten en retouren.") == [
        "de prijs", "de levering", "de afhandeling van klachten en retouren"]  # fmt: skip
    assert inline_items("Denk aan een nieuwe vestiging of een vacature.") == []  # two are no list
    assert repeated_head("de openbare procedure (a) en de niet-openbare procedure (b)") == "procedure"
    assert repeated_head("Marketing kijkt naar de markt.") is None


def test_a_superlative_is_no_classification_scenario() -> None:
    for q in ("welke vervoerswijze is het goedkoopst?", "welk kwadrant is het meest riskant?"):
        assert detect_intent(q).kind != "scenario", q
    situation = "een klant bestelt hetzelfde als vorig jaar, welke koopsituatie is het?"
    assert detect_intent(situation).kind == "scenario"


def test_bare_lists_allemaal_and_thanks() -> None:
    for q in ("kwadranten kraljic matrix?", "rollen dmu", "fasen van het STP proces?",
              "wat hoort er allemaal in een accountplan", "wat zit er in een accountplan"):  # fmt: skip
        assert detect_intent(q).kind == "enumeration", q
    for q in ("thanks, dat hielp", "wie ben je eigenlijk", "super bedankt", "dat was duidelijk!"):
        assert detect_intent(q).kind == "smalltalk", q
    for q in ("wat is nps", "kraljic", "hoe werkt de net promoter score"):
        assert detect_intent(q).kind not in ("enumeration", "smalltalk"), q


def test_a_situation_then_only_the_kind_asked_is_a_classification() -> None:
    q = "Een verkoper laat zijn diploma's zien. welk beinvloedingsprincipe?"
    assert detect_intent(q).kind == "scenario"
    assert split_tail(q)[1] == "beinvloedingsprincipe"
    assert detect_intent("wat is nps? welke groepen").kind != "scenario"  # two questions, no situation


@pytest.mark.parametrize(
    "q",
    [
        # as an overview, a count or what belongs
        "geef een opsomming van de fasen in de klantrelatiecyclus",
        "wat zijn de vier groeistrategien",
        "welke analyses horen bij een marktanalyse",
        "wat zijn alle soorten verkoop",
        # by their order, as a bare plural or in English
        "fases van de sales funnel van boven naar beneden",
        "hoe is de piramide van curry van boven naar onder opgebouwd",
        "which customer relationship strategies are there",
        "stappen van het verkoopproces",
        # who is in it: its members
        "wie zit er in een dmu",
        "wie zitten er allemaal in het inkoopcentrum",
    ],
)
def test_lists_however_they_are_asked(q: str) -> None:
    assert detect_intent(q).kind == "enumeration"


def test_a_list_with_a_count() -> None:
    assert detect_intent("wat zijn de vier groeistrategien").count == 4


def test_more_small_talk() -> None:
    for q in ("thanks a lot", "wat kan deze bot", "wat kan de bot allemaal", "hoi, ik ben nieuw",
              "dit helpt echt, top", "ben je een robot?", "are you a bot"):
        assert detect_intent(q).kind == "smalltalk", q
    assert detect_intent("is dit een goede methode voor een prognose").kind != "smalltalk"


def test_a_classification_asked_with_a_separable_verb() -> None:
    assert classifies("de klant wil een gratis proefversie, welk cialdini principe zet ik in als ik die geef")
    assert split_tail("een klant die alleen verlies oplevert, welke strategie pas je toe?")[1] == "strategie"


def test_misspelt_cue_words_are_set_right() -> None:
    known = {"lead", "prospect", "nps"}.__contains__
    assert fix_cue_typos("verschil tusen lead en prospect", known) == "verschil tussen lead en prospect"
    assert fix_cue_typos("warom is nps nuttig", known) == "waarom is nps nuttig"
    # A word of the course, or a word two letters off, stays as typed.
    assert fix_cue_typos("welke prospect", known) == "welke prospect"
    assert fix_cue_typos("verschijnt", known) == "verschijnt"


def test_comparisons_asked_as_which_is_better_or_with_a_trailing_clause() -> None:
    assert detect_intent("wat is beter: transactionele verkoop of consultative selling").sides == (
        "transactionele verkoop",
        "consultative selling",
    )
    sides = detect_intent("wat werkt beter, koude of warme acquisitie").sides
    assert sides == ("koude acquisitie", "warme acquisitie")
    assert detect_intent("hunter versus farmer, wie heb je nodig").sides == ("hunter", "farmer")


@pytest.mark.parametrize(
    "question, sides",
    [
        ("verschil tussen een lead en een prospect", ("lead", "prospect")),
        # A context both share, said once after the last side.
        ("inkoper en beslisser in de dmu: wat is het verschil", ("inkoper", "beslisser")),
        # The second side shares the first one's verb.
        ("kopen via een webshop versus via een verkoper",
         ("kopen via een webshop", "kopen via een verkoper")),
        ("hunter of farmer, wie doet wat", ("hunter", "farmer")),
        # A lone adjective shares the other side's noun.
        ("verschil tussen een openbare en een meervoudig onderhandse procedure",
         ("openbare procedure", "meervoudig onderhandse procedure")),
        ("en wat is het verschil met een lead", ("lead",)),
        # More than two sides, listed with commas.
        ("wat is het verschil tussen b2b, b2c en b2r", ("b2b", "b2c", "b2r")),
        ("wat is het verschil tussen een suspect en prospect en een lead", ("suspect", "prospect", "lead")),
        # The verb's particle after the last side is no part of it.
        ("leg het verschil tussen een lead en een prospect uit", ("lead", "prospect")),
        # A model named after both sides is their context; a choice between two is a comparison.
        ("routineproduct vs strategisch product bij kraljic", ("routineproduct", "strategisch product")),
        ("transactionele verkoop of solution selling, wat past bij een complex product",
         ("transactionele verkoop", "solution selling")),
        # "the same thing?" asks how two differ.
        ("sales pipeline en sales funnel, zelfde ding?", ("sales pipeline", "sales funnel")),
        ("upsell en crosssell zijn dat niet hetzelfde?", ("upsell", "crosssell")),
        ("zijn suspect en prospect hetzelfde", ("suspect", "prospect")),
        # A lone adjective borrows the other side's noun; "qua …" is the aspect, no side.
        ("wat is het verschil tussen een nieuwe klant en een bestaande qua kosten",
         ("nieuwe klant", "bestaande klant")),
        # "hoe het verschil zit tussen", and how the answer is wanted after a comma, are no side.
        ("kun je uitleggen hoe het verschil zit tussen missie en visie, met voorbeeld", ("missie", "visie")),
        # A noun ending in -ie is no adjective to borrow a noun ("trendextrapolatie gemiddelde").
        ("trendextrapolatie of voortschrijdend gemiddelde, wat is het verschil",
         ("trendextrapolatie", "voortschrijdend gemiddelde")),
        ("missie en visie lijken op elkaar, wat is nou het verschil", ("missie", "visie")),
        # "wat scheidt ze", "wat is anders", "zit daar verschil in": a comparison too.
        ("promotor en detractor, wat scheidt ze", ("promotor", "detractor")),
        ("bow tie model of diamond model, wat is anders", ("bow tie model", "diamond model")),
        ("klanttevredenheid en customer delight, zit daar verschil in",
         ("klanttevredenheid", "customer delight")),
        # "die" for the other side's noun.
        ("de verkoper op kantoor versus die op de weg", ("verkoper op kantoor", "verkoper op de weg")),
        # "naast elkaar", "leg X naast Y", "het onderscheid tussen".
        ("deskresearch en fieldresearch naast elkaar", ("deskresearch", "fieldresearch")),
        ("leg een mql naast een sql", ("mql", "sql")),
        ("missie vs visie vs strategie", ("missie", "visie", "strategie")),
        ("wat is het onderscheid tussen een gebruiker en een inkoper in de dmu", ("gebruiker", "inkoper")),
        # "wat scheelt het"; a comparative weighs two sides.
        ("sociale binding of structurele binding, wat scheelt het",
         ("sociale binding", "structurele binding")),
        ("is een nieuwe taak moeilijker dan een modified rebuy", ("nieuwe taak", "modified rebuy")),
        ("zijn a-klanten winstgevender dan c-klanten", ("a-klanten", "c-klanten")),
        # An adjective within the other side's adjective shares its noun.
        ("verschil tussen een open en een niet-openbare aanbesteding",
         ("open aanbesteding", "niet-openbare aanbesteding")),
        # The sides first, then the difference asked; English "how do X differ from Y"; "welke is welke".
        ("diamant en vlinderdas, leg het verschil uit", ("diamant", "vlinderdas")),
        ("nps: how do promoters differ from passives", ("promoters", "passives")),
        ("missie of visie, welke is welke", ("missie", "visie")),
        # A choice between the sides: "wanneer kies je wat".
        ("investeren of afromen, wanneer kies je wat", ("investeren", "afromen")),
    ],
)  # fmt: skip
def test_comparison_sides(question: str, sides: tuple[str, ...]) -> None:
    intent = detect_intent(question)
    assert intent.kind == "comparison" and intent.sides == sides


def test_quote_pairs_treat_numbers_alike() -> None:
    assert quote_pairs("hij zegt 'nog maar twee plekken'") & quote_pairs('"Nog maar drie op voorraad"') == {
        ("nog", "maar"), ("maar", "#")
    }
    assert quote_pairs("geen quote hier") == set()


def test_separable_verbs_of_a_situation_are_joined() -> None:
    assert joined_particles("een winkel verkoopt ons product door aan consumenten") == "doorverkoop"
    assert joined_particles("de klant stapt over naar een concurrent") == "overstap"
    assert joined_particles("ik koop een fiets") == ""


@pytest.mark.parametrize(
    "question",
    ["welke binding kun je met een klant opbouwen, alle drie", "rijtje taken van een vertegenwoordiger",
     "lijstje cialdini principes", "tell me the buy classes of robinson faris and wind",
     "show me the principles of cialdini", "op welke 4 pijlers rust accountmanagement",
     # A situation first, then a count of things: a list, not which one kind it is.
     "ik moet morgen een accountplan inleveren, welke zes onderdelen horen erin",
     "hoofdstukken van een verkoopplan, wat staat erin"],
)  # fmt: skip
def test_a_list_asked_by_its_count_or_list_noun(question: str) -> None:
    assert detect_intent(question).kind == "enumeration"


def test_a_count_before_a_hyphenated_plural() -> None:
    intent = detect_intent("geen cijfers: met welke vier oordeel-methoden voorspel je de verkoop")
    assert intent.kind == "enumeration" and intent.count == 4
    # One kind asked of a situation stays a classification.
    one_kind = detect_intent("een klant bestelt elke week hetzelfde, welke koopsituatie is dat")
    assert one_kind.kind == "scenario"


def test_an_english_singular_asked_is_no_list() -> None:
    assert detect_intent("tell me the process of buying").kind != "enumeration"


@pytest.mark.parametrize(
    "question, topic",
    [("geef een praktijkgeval van verwachtingsmanagement", "verwachtingsmanagement"),
     ("laat eens zien hoe cialdini werkt met een voorbeeld", "cialdini")],
)  # fmt: skip
def test_an_example_asked_in_other_words(question: str, topic: str) -> None:
    intent = detect_intent(question)
    assert intent.kind == "example" and topic in intent.topic.split()


def test_bare_terms_one_after_the_other() -> None:
    names = {"hunter": 1, "farmer": 2, "key account": 3, "key account management": 4, "lead": 5, "leads": 5}
    assert bare_terms("hunter farmer", names) == ("hunter", "farmer")
    assert bare_terms("key account management", names) == ()
    assert bare_terms("key account hunter", names) == ("key account", "hunter")
    assert bare_terms("lead leads", names) == ()  # one entry twice is no pair
    assert bare_terms("hunter of farmer, wat doet wie", names) == ()
    # A word between them and a context both share, said after the last.
    assert bare_terms("hunter en farmer", names) == ("hunter", "farmer")
    assert bare_terms("hunter en farmer bij een softwarebedrijf", names) == ("hunter", "farmer")
    assert bare_terms("hunter en en farmer", names) == ()
    assert bare_terms("hunter bij een softwarebedrijf", names) == ()
    # "verschil X Y": the difference asked before two terms with nothing between them.
    assert bare_terms("verschil hunter farmer", names) == ("hunter", "farmer")
    assert bare_terms("wat is het verschil tussen hunter farmer", names) == ("hunter", "farmer")
    assert bare_terms("verschil hunter", names) == ()
    # A term asked in the singular of the notes' plural ("Routineproducten").
    assert bare_terms("routineproduct hunter", {"routineproducten": 1, "hunter": 2}) == (
        "routineproducten", "hunter")


@pytest.mark.parametrize(
    "question", ["ey, is er iemand wakker?", "je bent een kanjer, dank", "aight, duidelijk"]
)
def test_in_sample_from_test_aa_small_talk(question: str) -> None:
    # In-sample from test_aa (disclosed): "ey", "iemand thuis", praise, "aight".
    assert detect_intent(question).kind == "smalltalk"
