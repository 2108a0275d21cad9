"""The glossary fast path: which questions are definitional, and fuzzy term lookup."""

from __future__ import annotations

import pytest

from index.english import dutch_phrases, english_phrases, to_dutch
from index.glossary import GlossaryMatcher, asked_term
from index.text import compounds
from knowledge.model import Course


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("Wat is NPS?", "nps"),
        ("wat is een key account?", "key account"),
        ("wat houdt kam in?", "kam"),
        ("wat betekent b2r", "b2r"),
        ("wat bedoelt men met gunningscriteria", "gunningscriteria"),
        ("wat versta je onder segmentatie?", "segmentatie"),
        ("leg uit: sellogram", "sellogram"),
        ("waar staat STP voor?", "stp"),
        ("wat is nou eigenlijk een lead?", "lead"),
        ("kraljik matrix", "kraljik matrix"),
        # The field a term belongs to is no part of it.
        ("wat is een ambassadeur als klant", "ambassadeur"),
        ("wat is een lead in de sales", "lead"),
        # What is asked of the term is no part of it.
        ("koopintentieonderzoek omschrijving", "koopintentieonderzoek"),
        ("wat is b2r definitie", "b2r"),
        # A term with "betekent" after it asks its meaning.
        ("klantretentie betekent", "klantretentie"),
        ("hoe bereken je de gewogen pipeline van drie kansen?", None),
        # The term first, then what it is or measures; "als begrip …" says how it is asked.
        ("churn rate, wat meet het eigenlijk", "churn rate"),
        ("prospect als begrip in sales, wat is dat", "prospect"),
        ("hefboomproducten, wat zijn dat?", "hefboomproducten"),
        # A situation told before "wat is dat" is no term.
        ("ik bel een onbekend bedrijf, wat is dat", None),
        ("de klant zegt nee, wat is het dan", None),
    ],
)
def test_asked_term(question: str, term: str | None) -> None:
    assert asked_term(question) == term


def test_lookup_forgives_typos_but_not_wrong_abbreviations(shipped_course: Course) -> None:
    matcher = GlossaryMatcher(shipped_course.glossary)
    for term, expected in [
        ("kraljik matrix", "Kraljic-matrix"),
        ("net promotor score", "Net Promoter Score"),
        ("costumer lifetime value", "Customer Lifetime Value"),
        ("clv", "Customer Lifetime Value"),
        ("dmu", "DMU"),
    ]:
        hit = matcher.lookup(term)
        assert hit is not None and hit.score >= 88 and hit.entry.term == expected, term
    wrong = matcher.lookup("ncs")
    assert wrong is None or wrong.score < 88


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("kpis", "KPI"),
        ("wat zijn KPI's?", "KPI"),
        ("vlinderdas model", "Vlinderdasmodel"),
        ("wat bedoelen ze met churn", "Churn rate"),
        ("what does CLV mean", "Customer Lifetime Value"),
        ("what is a lead", "Lead"),
        ("whats nps", "Net Promoter Score"),
        ("wat doet een dmu", "DMU"),
        ("wat betekend tco", "Total cost of ownership"),
        ("promotors", "Promotor"),
        # Without the hyphen, or the English verb of an -ing name.
        ("wat is crossselling", "Cross-selling"),
        ("cross sell?", "Cross-selling"),
        ("upsell", "Upselling"),
    ],
)
def test_lookup_normalises_plurals_compounds_and_english(
    shipped_course: Course, question: str, entry: str
) -> None:
    term = asked_term(question)
    assert term is not None
    hit = GlossaryMatcher(shipped_course.glossary).lookup(term)
    assert hit is not None and hit.entry.term == entry and hit.score >= 88


def test_lookup_takes_a_variant_ending_of_one_term(shipped_course: Course) -> None:
    m = GlossaryMatcher(shipped_course.glossary)
    hit = m.lookup("hitratio")  # the notes say "hitrate"
    assert hit is not None and hit.entry.term == "Hitrate" and hit.score >= 88
    # Two different terms that merely start alike are not variants of each other.
    near = m.lookup("klantretenties")
    assert near is None or near.entry.term != "Klantrelatiecyclus"


def test_split_compounds_double_an_open_vowel() -> None:
    assert "koopsituaties" in compounds("welke situaties van kopen")  # kopen → koop
    assert "klantenpiramide" in compounds("piramide van klanten")


def test_lookup_takes_the_plural_of_heid(shipped_course: Course) -> None:
    hit = GlossaryMatcher(shipped_course.glossary).lookup("bevoegdheden")
    assert hit is not None and hit.entry.term == "Mandaat"  # "Mandaat (bevoegdheid)"


def test_lookup_takes_a_term_followed_by_its_kind(shipped_course: Course) -> None:
    matcher = GlossaryMatcher(shipped_course.glossary)
    hit = matcher.lookup("oem klant")  # "OEM: klant die het gekochte product verwerkt …"
    assert hit is not None and hit.entry.term == "OEM" and hit.score >= 95
    hit = matcher.lookup("oem leverancier")  # not what its definition says it is
    assert hit is None or hit.score < 95


def test_a_negated_term_is_not_its_opposite(shipped_course: Course) -> None:
    matcher = GlossaryMatcher(shipped_course.glossary)
    hit = matcher.lookup("decentrale inkoop")
    assert hit is None or hit.score < 85  # not "Centrale inkoop"
    negated = matcher.negated("decentrale inkoop")
    assert negated is not None and negated.term == "Centrale inkoop"
    assert matcher.negated("centrale inkoop") is None


def test_english_terms_of_several_words() -> None:
    assert dutch_phrases("what are the roles in a buying center") == "inkoopcentrum"
    assert "inkoopcentrum" in to_dutch("what are the roles in a buying center")
    assert to_dutch("buying motives") == "koopmotieven"
    assert dutch_phrases("what is nps") == ""
    assert dutch_phrases("list the customer relationship strategies") == "klantrelatiestrategieen"
    assert english_phrases("Diamond model vs bow tie model?") == {
        "diamond model": "diamantmodel", "bow tie model": "vlinderdasmodel"}
    # A question's topic drops the small words: the term is still said ("foot door").
    assert english_phrases("foot door cialdini") == {}
    assert english_phrases("foot door cialdini", loose=True) == {"foot door": "voet in de deur"}
    assert english_phrases("foot in the door", loose=True)["foot in the door"] == "voet in de deur"
