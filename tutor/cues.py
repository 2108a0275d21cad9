"""What a sentence of the notes says: a cause, a definition, an aspect of a term, a formula, advice.

Answer composition favours the sentence whose kind fits the question: a reason for "waarom …", what
to do for "hoe bouw je een netwerk op?" and "de klant zegt …, wat nu?"."""

from __future__ import annotations

import re

from index.passages import Sentence

CAUSE = re.compile(
    r"\b(?:omdat|want|daardoor|doordat|daarom|zodat|risico|reden|kwetsbaar|voorkom\w*)\b", re.I
)
# "waarom mag ik de opdrachtgever niet bellen": what is not allowed is asked, and said.
FORBIDDEN_ASKED = re.compile(
    r"\b(?:mag|mogen|mocht|mochten)\b(?:\s+\w+){0,6}?\s+niet\b|\bniet\s+(?:mag|mogen)\b|"
    r"\b(?:verboden|toegestaan)\b",
    re.I,
)
FORBIDDEN = re.compile(
    r"\bniet toegestaan\b|\bverboden\b|\bmag (?:je |men )?niet\b|\bniet (?:mag|mogen)\b", re.I
)
# Sentences that introduce a concept ("X is …", "… noemen we X", "Kraljic ontwikkelde …").
DEFINING = re.compile(
    r"\b(?:is|zijn|heet|heten|noemen we|staat voor|betekent|beschrijft|ontwikkelde|bedacht|model)\b", re.I
)
# "Een kenmerk is een …", "Een voordeel is wat …" (not "Kwalitatieve methoden zijn flexibel").
IS_A = re.compile(
    r"\b(?:is|zijn) (?:een|de|het|wat|iemand|die|dat|alle)\b|\b(?:staat voor|betekent|heet|heten)\b", re.I
)
# An aspect asked of a term, and how the notes say it (singular or plural; not "doelgroep").
ASPECT = re.compile(
    r"\b(?:(?P<goal>doel|doelen|purpose)|(?P<use>nut|nuttig)|(?P<role>functie)|"
    r"(?P<plus>voorde(?:el|len)|voor-(?=\s*en\s+nade)|kracht|populair|geliefd|succesvol|sterke punt\w*|"
    r"pluspunt\w*|advantages?|strengths?|pros)|"
    r"(?P<minus>nade(?:el|len)|zwakte\w*|zwak(?:ke)? punt\w*|beperking\w*|minpunt\w*|valkuil\w*|niet genoeg|"
    r"disadvantages?|pitfalls?|drawbacks?|downsides?|weakness\w*|limitations?|cons)|"
    r"(?P<chance>kans)|"
    r"(?P<risk>riskant|risico|gevaarlijk|gevaren|erg(?=\s*[?.!]*$)|een probleem|zorgen maken)|"
    r"(?P<opposite>tegenovergestelde|omgekeerde|tegendeel|"
    r"opposite))(?:\b|(?<=-))"
)
ASPECT_SAID = {
    "goal": r"\bdoel(?:en)?\b",
    "use": r"\bnut(?:tig\w*)?\b|\bhelpt\b|\bbelangrijk omdat\b",
    "chance": r"\bkans\b",
    "risk": r"\brisico\w*|\bgevaar\w*|\bkwetsba\w*|\bafhankelijk\b|\bmisbruik\w*|\bschaden\b",
    "role": r"\bfuncties?\b",
    "opposite": r"\btegenovergestelde\b|\btegenover\b|\bin tegenstelling\b|\bomgekeerd\w*|\btegendeel\b",
    "plus": r"\bvoorde(?:el|len)\b|\bkracht\b|\bgoedkoop\b|\bsnel\b|\beenvoud\w*|\bobjectief\b|\bflexibel\b|"
    r"\bhelpt\b|\bnuttig\b|\bvoorkom\w*|\beffectief\w*",
    "minus": r"\bnade(?:el|len)\b|\bzwakte(?:s|n)?\b|\bbeperking(?:en)?\b|\bslechte? naam\b|\bkwetsba\w*|"
    r"\bmisbruik\w*|\bsubjectief\b|\bafhankelijk\b|\bgeen \w+ voorspellen\b",
}
FORMULA = re.compile(
    r"=|×|\bbereken\w*|\breken\w*|\bformule|\bvermenigvuldig\w*|\bgedeeld\b|\bpercentage\b|\bmin\b|"
    r"\bgemiddelde\b|\bdeel\b",
    re.IGNORECASE,
)
# Sentences that say what to do: "Maak eerst een goede lijst", "Een goede netwerker luistert …",
# "Het belangrijkste principe is geven voordat je neemt", "… moet …".
ADVICE = re.compile(
    r"^(?:maak|leg|verdiep|houd|vraag|stuur|meet|gebruik|zorg|deel|breng|stel|bel|luister|begin|kies|"
    r"bereid|volg|noem|open|check|controleer|plan|bouw|spreek|vat|let|help)\b|"
    r"\b(?:een goede \w+|het belangrijkste|moet|moeten|helpt|zorg|daarom|het succes|het werk zit)\b",
    re.I,
)


# A step told to the reader ("Je opent met wie je bent …", "Daarna kies je …"): weaker advice.
PROCEDURE = re.compile(r"^je (?!bent\b|hebt\b|kunt\b)\w+|\b(?:eerst|daarna|vervolgens|pas) \w+ je\b", re.I)


def advises(s: Sentence, paragraph: list[Sentence]) -> float:
    """How much ``s`` opens advice: itself, and a run of advice after it in its paragraph
    ("Het succes hangt af van de voorbereiding. Maak eerst een goede lijst … Verdiep je …")."""
    run = sum(bool(ADVICE.search(t.text)) for t in paragraph[s.pos + 1 : s.pos + 3])
    told = 0.15 * bool(PROCEDURE.search(s.text)) if not ADVICE.search(s.text) else 0.3
    return told + 0.15 * run
# A question for a course of action in its order: "hoe bouw ik dat op", "hoe verloopt …".
ORDER_ASKED = re.compile(r"\b(?:opbouw\w*|verloop\w*|volgorde|stap voor stap|in welke stappen)\b")
# How-to verbs that build the thing asked about: its parts or steps answer them.
MAKING_VERBS = frozenset("maak bouw opbouw voer invoer stel opstel schrijf richt inricht zet opzet".split())

# A time or a frequency asked: "wanneer herzie je een accountplan", "hoe vaak", "hoe lang".
WHEN = re.compile(r"^(?:en\s+)?(?:wanneer|hoe ?vaak|hoe lang|how often|when)\b", re.IGNORECASE)

# Someone, not something: "de technische adviseur", "de secretaresse", "de verpleegkundigen".
PERSON = re.compile(r"(?:eur|aar|ier|ist|ant|er|esse|aris|manager|leider|ige)(?:s|n)?$", re.IGNORECASE)

# A place in a list ("de eerste stap", "het laatste onderdeel") and the nouns a list's items go by.
NTH = r"eerste|tweede|derde|vierde|vijfde|zesde|laatste"
STEP_NOUNS = r"stap|fase|onderdeel|deel|element|principe|kwadrant|rol|groep|laag|trede|punt|strategie|methode"

# What a customer says to turn an offer down ("het is te duur", "geen interesse", "stuur maar wat
# informatie"): an objection, the notes' "bezwaar".
OBJECTION = re.compile(
    r"\b(?:(?:veel |echt |gewoon )?te (?:duur|prijzig)|geen (?:interesse|tijd|behoefte|budget|geld)|"
    # "jullie concurrent is goedkoper": the price compared.
    r"(?:concurrent|concurrentie|ander\w*|elders) (?:is |zijn )?(?:veel |een stuk |wel )?goedkoper|"
    r"niet (?:nodig|geinteresseerd)|"
    r"stuur (?:maar |me )?(?:wat )?(?:informatie|info)|(?:al )?(?:een|onze) (?:vaste )?leverancier|"
    r"(?:heel |erg )?tevreden met (?:onze|de huidige|zijn|hun)|"
    # Putting it off: "ik moet er nog even over nadenken", "ik kom erop terug".
    r"(?:moet|wil|ga) (?:er )?(?:nog )?(?:even |eens )?over nadenken|bedenktijd|"
    r"kom (?:er )?(?:nog )?(?:op|bij je) terug|(?:erop|er nog op) terug(?:komt|komen))\b"
)
# "hoe vaak …" and how the notes say a frequency ("jaarlijks", "elk kwartaal", "minstens …").
HOW_OFTEN = re.compile(r"^(?:en\s+)?(?:hoe ?vaak|how often)\b", re.IGNORECASE)
FREQUENCY = re.compile(
    r"\b(?:jaarlijks|maandelijks|wekelijks|dagelijks|"
    r"(?:elk|ieder|elke|iedere) (?:jaar|kwartaal|maand|week|dag)|"
    r"per (?:jaar|kwartaal|maand|week)|minstens \w+)\b"
)


# Words that carry no topic: question scaffolding, cue words, pronouns.
SCAFFOLD = frozenset(
    """
    wat is zijn was waren een de het van voor in op met en of over bij aan je jij ik we wij ze zij u nodig
    hoe werkt werken waarom welke welk wie waar wanneer noem noemen geef leg uit uitleg eens even me mij
    kun kan kunt je mag graag alsjeblieft aub please the a an of is are what which how why does do explain
    list name give example voorbeeld voorbeelden voorbeeldje voorbeeldjes bijvoorbeeld casus casussen
    praktijkgeval praktijkgevallen praktijkvoorbeeld praktijkvoorbeelden
    you verschil verschillen tussen difference between
    vs versus tegenover bereken berekenen berekening reken uit formule calculate formula dat die dit deze
    daarvan ervan hiervan andere er nog meer zo ook precies eigenlijk nou toch dan alle betekent betekenis
    bedoelen bedoelt bedoeld bedoel definitie definieer mean means meaning define staat stond
    heeft hebben kent kennen bestaan gebruik gebruikt volgens stof hoort horen allemaal
    beschrijf omschrijf licht toe verklaar pls plz ff svp afkorting afkortingen begrip illustreer idee
    illustreren illustratie qua betreft opsomming opsommen opnoemen toelichten toelichting uitleggen
    uitgelegd verduidelijken omschrijving beschrijving laat zien toon
    """.split()
)
