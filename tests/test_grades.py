"""Graded words and the classifier's pure helpers: what tells sibling categories apart."""

from __future__ import annotations

import pytest

from index.english import to_dutch
from index.text import compounds
from tutor.categories import numbers_in, own_clauses, same_name, scores_in
from tutor.classify import split_tail
from tutor.grades import as_growth, as_purchasing, grade_fit, graded_pairs
from tutor.intent import classifies, detect_intent


def test_grade_words_pair_with_the_word_they_qualify() -> None:
    assert ("high", "leverancier") in graded_pairs("er zijn veel verschillende leveranciers")
    assert ("low", "groeipotentieel") in graded_pairs("een klant met nauwelijks groeipotentieel")
    # An everyday word graded goes as the notes word it stands for too ("groeikansen").
    assert ("high", "groeipotentieel") in graded_pairs("een klant met enorme groeikansen")
    assert ("hard", "krijg") in graded_pairs("moeilijk te krijgen")
    # A new or same grade denied: "nauwelijks nieuwe klanten" are the customers they have.
    assert ("same", "klant") in graded_pairs("ze halen nauwelijks nieuwe klanten binnen")
    assert ("other", "klant") not in graded_pairs("ze halen geen nieuwe klanten binnen")
    # Said of the word before it when nothing follows: "(ze) kosten weinig, maar …".
    assert ("low", "kost") in graded_pairs("Knelpuntproducten kosten weinig, maar zijn schaars")
    # "niet veel" turns the grade round; "goedkoop" grades the cost it leaves out.
    assert ("low", "leverancier") in graded_pairs("er zijn niet veel leveranciers")
    assert ("low", "kost") in graded_pairs("het is een goedkoop onderdeel")
    assert ("one", "leverancier") in graded_pairs("maar één leverancier maakt het")


def test_grade_fit_rewards_agreement_and_punishes_the_opposite() -> None:
    situation = graded_pairs("weinig omzet maar heel veel groeipotentieel")
    growth = frozenset(graded_pairs("klanten met een hoge potentiële waarde"))
    skim = frozenset(graded_pairs("klanten met weinig waarde en weinig groeipotentieel"))
    assert grade_fit(situation, growth) > 0 > grade_fit(situation, skim)
    # The kind of grade alone counts a little: "voor het eerst" fits a first purchase.
    first = graded_pairs("een bedrijf koopt voor het eerst een systeem")
    assert grade_fit(first, frozenset(graded_pairs("de eerste aankoop"))) > 0
    assert grade_fit(set(), frozenset(graded_pairs("veel leveranciers"))) == 0


def test_a_sentence_about_siblings_in_turn_gives_each_its_own_clause() -> None:
    text = "De gebruiker wil gebruiksgemak, de inkoper een goede prijs, de beslisser weinig risico."
    siblings = ["inkope", "beslis"]
    assert own_clauses(text, "Gebruiker", siblings) == "De gebruiker wil gebruiksgemak"
    assert own_clauses("De gebruiker werkt ermee.", "Gebruiker", siblings) == "De gebruiker werkt ermee."


@pytest.mark.parametrize(
    "found, name, same",
    [("transactieklanten", "Transactieklant", True), ("poortwachter", "Poortwachter", True),
     ("gebruikers", "gebruiker", True), ("inkoper", "inkoopcentrum", False), ("de", "Detractor", False),
     ("poortwachter dmu", "Poortwachter", True), ("voordeelmakers", "Voordeel", False)],
)  # fmt: skip
def test_same_name_allows_the_plural(found: str, name: str, same: bool) -> None:
    assert same_name(found, name) is same


@pytest.mark.parametrize(
    "question, classified",
    [
        ("een klant koopt al jaren hetzelfde zonder na te denken, welke koopsituatie?", True),
        ("in welk kwadrant valt een product dat weinig kost maar moeilijk te krijgen is", True),
        ("welke koopsituatie is het als een klant voor het eerst een machine koopt?", True),
        ("De technisch adviseur schrijft de eisen. Welke DMU-rol heeft hij?", True),
        ("onze grondstof komt van één fabriek in china, wat betekent dat voor ons?", True),
        # No situation: these ask for a list or an explanation.
        ("welke criteria gebruik je voor segmentatie", False),
        ("welke segmentatiecriteria gebruik je in zakelijke markten", False),
        ("welke onderdelen heeft het accountplan", False),
        ("welke kwadranten zijn er in de kraljic matrix", False),
        # A lead-in, then a list: "welke onderdelen", "welke zijn dat".
        ("ik schrijf een verkoopplan, welke onderdelen horen erin?", False),
        ("een accountmanager heeft meerdere rollen, welke zijn dat?", False),
    ],
)
def test_which_questions_ask_for_a_category(question: str, classified: bool) -> None:
    assert classifies(question) is classified
    assert (detect_intent(question).kind == "scenario") is classified


def test_split_tail_finds_the_situation_on_either_side() -> None:
    assert split_tail("welke koopsituatie is het als een klant voor het eerst koopt") == (
        "het als een klant voor het eerst koopt", "koopsituatie", False)
    # The words after the kind say whose kind it is ("rol in de dmu").
    question = "de secretaresse houdt verkopers tegen, welke rol heeft zij in de dmu?"
    situation, kind, named = split_tail(question)
    assert situation == "de secretaresse houdt verkopers tegen" and kind == "rol in de dmu" and not named
    # "…, waar valt dat in kraljic?" asks where in a model it belongs.
    where = split_tail("staal kost veel en er zijn genoeg leveranciers, waar valt dat in kraljic")
    assert where[1] == "kraljic"
    assert split_tail("hij beveelt ons overal aan, waar staat hij op de ladder")[1] == "ladder"
    assert ("high", "leverancier") in graded_pairs("er zijn genoeg leveranciers")
    # "…, wat is hij nu?" asks what someone is.
    assert classifies("iemand heeft ons formulier ingevuld en interesse getoond, wat is hij nu")
    assert classifies("iemand vult ons contactformulier in. wat is hij?")
    # The name asked after the situation: "hoe noemt het boek die", "is daar een naam voor".
    assert classifies("een klant die onze onderdelen inbouwt, hoe noemt het boek die")
    assert classifies("hij bouwt onze motoren in zijn maaiers, is daar een naam voor")
    assert not classifies("hoe noemt het boek de fasen van de funnel")
    # "… wat is zijn rol in de dmu": the role the situation asks of someone, and where.
    assert split_tail("de directeur hakt de knoop door, wat is zijn rol in de dmu")[1] == "rol in de dmu"
    # "hoe heet dat type klant": the kind named after "type".
    assert split_tail("hij koopt steeds bij de goedkoopste, hoe heet dat type klant")[1] == "klant"


def test_scores_someone_gives() -> None:
    assert scores_in("waarom is een klant die een 7 of 8 geeft een risico") == {7, 8}
    assert scores_in("de klant geeft ons een 10") == {10} and scores_in("hij scoort 8") == {8}
    assert scores_in("ze gaf ons een zeven") == {7} and scores_in("een klant scoort een tien") == {10}
    assert not scores_in("er zijn een paar van")
    assert scores_in("nog maar 2 plekken beschikbaar") == set()
    assert scores_in("wat zijn de 4 kwadranten") == set() and scores_in("in een 4 stappen") == set()
    # "en" joins what follows; it is no plural noun, and a 10 is not read as a 1.
    assert scores_in("een klant geeft een 10 en raadt ons aan") == {10}
    assert scores_in("een 4 als score zegt me niks") == {4}  # "als" is no plural noun
    assert numbers_in("verkoop in B2B en B2C") == set()  # the 2 of "B2B" is no score
    assert numbers_in("Detractors geven een 0 tot en met 6") == {0, 1, 2, 3, 4, 5, 6}


def test_english_words_of_the_trade_in_dutch() -> None:
    # The notes' own compound for a term of several words; word by word otherwise.
    assert to_dutch("customer relationship cycle") == "klantrelatiecyclus"
    assert to_dutch("customer relationship phases") == "klant relatie fasen"
    assert "klantrelatie" in compounds(to_dutch("the customer relationship"))
    assert to_dutch("wat is een klantenpiramide") == ""  # nothing English: nothing to add


def test_everyday_words_of_money_and_supply_become_kraljic_axes() -> None:
    cheap_everywhere = graded_pairs("kantoorartikelen die weinig kosten en overal te krijgen zijn")
    assert as_purchasing(cheap_everywhere) == {("low", "impact"), ("low", "risico")}
    sole_and_dear = graded_pairs("een onderdeel dat veel geld kost en maar door één bedrijf gemaakt wordt")
    assert as_purchasing(sole_and_dear) == {("high", "impact"), ("high", "risico")}
    steel = graded_pairs("we geven er miljoenen aan uit en er zijn tientallen leveranciers")
    assert as_purchasing(steel) == {("high", "impact"), ("low", "risico")}
    # One axis alone is no purchasing situation: "het goedkope model" is about a product line.
    assert as_purchasing(graded_pairs("de klant wil het goedkope model")) == set()
    # An axis outweighs a single shared word: the routine quadrant beats "kost weinig" of knelpunt.
    routine = frozenset({("low", "impact"), ("low", "risico")})
    bottleneck = frozenset({("low", "impact"), ("high", "risico"), ("low", "kost")})
    situation = cheap_everywhere | as_purchasing(cheap_everywhere)
    assert grade_fit(situation, routine) > grade_fit(situation, bottleneck)


def test_a_score_given_in_the_perfect_tense() -> None:
    assert scores_in("een klant heeft ons een 10 gegeven, wat doe ik met hem") == {10}


def test_a_market_where_one_is_not_yet_active_is_new() -> None:
    assert ("other", "mark") in graded_pairs("producten in een markt waar we nog niet actief zijn")
    assert ("other", "land") in graded_pairs("een land waar wij nooit verkochten")
    assert ("same", "regio") in graded_pairs("in een regio waar we al klanten hebben")
    assert not any(t == "mark" for _, t in graded_pairs("de markt groeit"))


def test_growth_steps_in_everyday_words_are_ansoffs_products_and_markets() -> None:
    assert as_growth("we verkopen zonnepanelen en willen nu ook naar duitsland") == {
        ("other", "mark"),
        ("same", "product"),
    }
    assert as_growth("we brengen een nieuw product uit voor onze bestaande klanten") == {
        ("same", "mark"),
        ("other", "product"),
    }
    assert as_growth("we willen nu ook naar duitsland") == set()  # what is sold is not said
    # Another product also sold to the same customers; the same product also sold abroad.
    more = "wij verkopen printers en willen nu ook koffieautomaten gaan verkopen aan dezelfde klanten"
    assert as_growth(more) == {("same", "mark"), ("other", "product")}
    # In-sample from test_z (disclosed): the products one has, taken to another country.
    abroad = "we willen met onze bestaande schoonmaakmiddelen naar duitsland"
    assert as_growth(abroad) == {("other", "mark"), ("same", "product")}
    assert as_growth("onze bestaande klanten willen meer") == set()  # customers are no product
    belgium = "we willen met onze huidige fietsen naar belgië"
    assert as_growth(belgium) == {("other", "mark"), ("same", "product")}
    assert as_growth("we verkopen printers en willen ze ook in duitsland gaan verkopen") == {
        ("other", "mark"), ("same", "product")}
