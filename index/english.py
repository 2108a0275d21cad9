"""English words of the trade in Dutch, so an English question finds the Dutch notes' own words.

"customer relationship cycle" → "klant relatie cyclus", words BM25 finds in the notes'
"klantrelatiecyclus" section (and pairs that make the notes' compounds: "klant relatie" →
"klantrelatie…"). A small word list of the domain, not a translator: words it lacks stay as they
are (many terms are the same in both languages: sales, lead, funnel, pipeline, NPS).
"""

from __future__ import annotations

import re

from index.text import fold

WORDS: dict[str, str] = {
    "customer": "klant", "customers": "klanten", "client": "klant", "clients": "klanten",
    "relationship": "relatie", "relationships": "relaties", "cycle": "cyclus", "stages": "fasen",
    "stage": "fase", "phases": "fasen", "phase": "fase", "steps": "stappen", "step": "stap",
    "purchase": "aankoop", "purchases": "aankopen", "sort": "indelen", "sorts": "indelen",
    "classify": "indelen", "classifies": "indelen", "divide": "indelen", "divides": "indelen",
    "axes": "assen", "axis": "as", "purchasing": "inkoop", "buying": "koop", "buyer": "inkoper",
    "buyers": "inkopers",
    "supplier": "leverancier", "suppliers": "leveranciers", "price": "prijs", "market": "markt",
    "markets": "markten", "share": "aandeel", "value": "waarde", "lifetime": "levensduur",
    "satisfaction": "tevredenheid", "loyalty": "loyaliteit", "strategy": "strategie",
    "strategies": "strategieen", "growth": "groei", "product": "product", "products": "producten",
    "development": "ontwikkeling", "research": "onderzoek", "analysis": "analyse", "forecast": "prognose",
    "forecasting": "voorspelling", "sales": "sales", "seller": "verkoper", "sellers": "verkopers",
    "salesperson": "verkoper", "selling": "verkoop", "sale": "verkoop", "plan": "plan",
    "pyramid": "piramide", "principles": "principes", "principle": "principe", "persuasion": "overtuigen",
    "influence": "beinvloeden", "roles": "rollen", "role": "rol", "decision": "beslissing",
    "decider": "beslisser", "user": "gebruiker", "users": "gebruikers", "influencer": "beinvloeder",
    "gatekeeper": "poortwachter", "tender": "aanbesteding", "tenders": "aanbestedingen",
    "network": "netwerk", "networking": "netwerken", "cold": "koude", "acquisition": "acquisitie",
    "warm": "warme", "objection": "bezwaar", "objections": "bezwaren", "needs": "behoeften",
    "need": "behoefte", "benefit": "voordeel", "benefits": "voordelen", "feature": "kenmerk",
    "features": "kenmerken", "motive": "motief", "motives": "motieven", "buying motives": "koopmotieven",
    "retention": "retentie", "churn": "churn", "segmentation": "segmentatie", "positioning": "positionering",
    "targeting": "targeting", "quadrants": "kwadranten", "quadrant": "kwadrant", "matrix": "matrix",
    "situations": "situaties", "situation": "situatie", "new": "nieuwe", "task": "taak",
    "repeat": "herhaal", "management": "management", "manager": "manager", "account": "account",
    "accounts": "accounts", "types": "soorten", "kinds": "soorten", "inside": "binnen", "field": "buiten",
    "service": "dienst", "competitors": "concurrenten", "competitor": "concurrent", "risk": "risico",
    "supply": "toelevering", "impact": "impact", "financial": "financiele", "goal": "doel",
    "goals": "doelen", "quantitative": "kwantitatieve", "qualitative": "kwalitatieve", "methods": "methoden",
    "method": "methode", "conversion": "conversie", "rate": "ratio", "weighted": "gewogen", "score": "score",
    "transactional": "transactionele", "consultative": "consultative",
    "center": "centrum", "centre": "centrum", "unit": "eenheid", "leading": "leidende",
    "indicator": "indicator", "indicators": "indicatoren",
    "promoter": "promotor", "promoters": "promotors", "detractors": "detractors", "passives": "passives",
    "groups": "groepen", "group": "groep", "distinguish": "onderscheiden", "process": "proces",
    "processes": "processen", "skills": "vaardigheden", "skill": "vaardigheid", "people": "mensen",
    "members": "leden",
    "customer relationship strategies": "klantrelatiestrategieen",
    "customer relationship strategy": "klantrelatiestrategie",
    "customer relationship cycle": "klantrelatiecyclus",
    "purchasing process": "inkoopproces", "sales process": "verkoopproces",
    "customer pyramid": "klantenpiramide",
    "loyalty ladder": "loyaliteitsladder", "growth strategies": "groeirichtingen",
    "diamond model": "diamantmodel", "bow tie model": "vlinderdasmodel", "bowtie model": "vlinderdasmodel",
    "stronger": "steviger", "strong": "stevig",
    "buying center": "inkoopcentrum", "buying centre": "inkoopcentrum", "decision making unit": "dmu",
    "value strategies": "waardestrategieen", "value strategy": "waardestrategie",
    "value proposition": "waardepropositie", "landing page": "landingspagina",
    "landing pages": "landingspaginas", "purpose": "doel",
    "trust": "vertrouwen", "required": "verplicht", "mandatory": "verplicht", "european": "europese",
    "threshold": "drempel", "thresholds": "drempelwaarden", "complaint": "klacht", "complaints": "klachten",
    "quote": "offerte", "quotes": "offertes", "quotation": "offerte", "expectations": "verwachtingen",
    "expectation": "verwachting", "weak ties": "zwakke banden", "reciprocity": "wederkerigheid",
    "scarcity": "schaarste", "authority": "autoriteit", "social proof": "sociale bewijskracht",
    "diamond": "diamant", "bowtie": "vlinderdas", "bottleneck": "knelpunt",
    "leverage": "hefboom", "strategic": "strategische", "routine": "routine",
    "bottleneck products": "knelpuntproducten", "leverage products": "hefboomproducten",
    "routine products": "routineproducten", "strategic products": "strategische producten",
    "retention rate": "retentiegraad", "acquisition cost": "acquisitiekosten",
    "foot in the door": "voet in de deur", "liking": "sympathie", "unity": "eenheid",
    "consistency": "consistentie", "time series": "tijdreeks", "seasonal": "seizoens",
    "referral": "referentie", "referrals": "referenties", "wholesaler": "groothandel",
    "wholesalers": "groothandels", "reseller": "wederverkoper", "resellers": "wederverkopers",
    "procurement": "inkoop", "market potential": "marktpotentieel", "hit rate": "hitrate",
    "expectation management": "verwachtingsmanagement", "complaint handling": "klachtenmanagement",
}  # fmt: skip
# Terms of several words, said before the words one by one ("buying center" is the notes' inkoopcentrum).
PHRASES = sorted((k for k in WORDS if " " in k), key=len, reverse=True)
_WORD = re.compile(r"[a-z]+")
_SMALL = frozenset("in the a an of to at on".split())
# The terms of several words that have small words, said without them ("foot door"), with the term.
_SHORT = [
    (short, p)
    for p in PHRASES
    if (short := " ".join(w for w in p.split() if w not in _SMALL)) != p and " " in short
]


def to_dutch(text: str) -> str:
    """``text`` with the English words this list knows in Dutch; "" when it knows none."""
    folded = " ".join(_WORD.findall(fold(text)))
    said = _phrases_in(folded)
    for phrase in said:
        folded = re.sub(rf"\b{phrase}\b", WORDS[phrase], folded)
    words = folded.split()
    if not said and not any(w in WORDS for w in words):
        return ""
    return " ".join(WORDS.get(w, w) for w in words)


def dutch_phrases(text: str) -> str:
    """The Dutch of the several-word English terms ``text`` uses ("buying center" → "inkoopcentrum"):
    exact terms of the trade, unlike single words that an unrelated phrase may share."""
    return " ".join(WORDS[p] for p in _phrases_in(" ".join(_WORD.findall(fold(text)))))


def english_phrases(text: str, loose: bool = False) -> dict[str, str]:
    """The several-word English terms ``text`` says, each with its Dutch ("diamond model" →
    "diamantmodel"); ``loose``: also said without their small words, as a question's topic keeps
    them ("foot door" for "foot in the door")."""
    folded = " ".join(_WORD.findall(fold(text)))
    found = {p: WORDS[p] for p in _phrases_in(folded)}
    if loose:
        found |= {short: WORDS[p] for short, p in _SHORT if re.search(rf"\b{short}\b", folded)}
    return found


def _phrases_in(folded: str) -> list[str]:
    """The several-word terms of ``PHRASES`` that the folded text says, longest first."""
    return [p for p in PHRASES if re.search(rf"\b{p}\b", folded)]
