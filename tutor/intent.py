"""What a student's question asks for: a definition, a list, a comparison, an example, ...

Cues are Dutch and English; the result also carries the concept asked about (``topic``), the two
sides of a comparison and an announced count ("de vier kwadranten" → 4).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.glossary import asked_term
from index.text import fold
from tutor.cues import SCAFFOLD
from tutor.greetings import SMALLTALK, THANKS
from tutor.numbers import worked_problem
from tutor.sides import comparison_sides
from tutor.verbs import HOW_TO, SEPARABLE

INTENTS = (
    "smalltalk",
    "definition",
    "explanation",
    "enumeration",
    "comparison",
    "example",
    "calculation",
    "why",
    "scenario",
)

NUMBERS = {
    "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9, "tien": 10,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
}  # fmt: skip
NUMBER_WORDS = {n: w for w, n in list(NUMBERS.items())[:9]}  # 3 → "drie", as the notes write it
# Counts in words, "een" included ("een op de vier", "een negen").
COUNTS = {w: i for i, w in enumerate("nul een twee drie vier vijf zes zeven acht negen tien".split())}
LIST_NOUNS = (
    r"stappen|stap|fasen|fases|fase|kwadranten|principes|rollen|onderdelen|soorten|vormen|types|typen|"
    r"groepen|factoren|componenten|kenmerken|methoden|methodes|strategie[eë]?n|lagen|treden|"
    r"uitgangspunten|criteria|functies|elementen|situaties|koopsituaties|niveaus|categorie[eë]n|"
    r"taken|letters|begrippen|punten|regels|procedures|richtingen|groeirichtingen|waardestrategie[eë]n|"
    r"hoofdstukken|"
    r"bouwstenen|ingredi[eë]nten|stadia|bakjes|vaardigheden|competenties|"
    r"stages|steps|phases|principles|roles|types|quadrants|parts|elements|factors|groups|strategies|kinds|"
    r"methods|components|skills"
)
_NUM = r"(?:\d{1,2}|" + "|".join(NUMBERS) + r")"

GREETING_PREFIX = re.compile(
    r"^(?:hoi+|he+y*|hee+|hallo+(?:tjes)?|hai|hi+|hello|yo+|goe(?:de|ie)(?:morgen|middag|navond))[\s,!.]+",
    re.IGNORECASE,
)

WHY = re.compile(
    r"^(?:en )?(?:waarom|why|hoezo|how come|hoe komt het dat|wat is de reden|waarvoor|waar dient|"
    r"what is the (?:goal|purpose)|wat (?:is|zijn) (?:het|de) (?:doel|doelen|nut|voordeel|voordelen|nadeel|"
    r"nadelen|zwakte|zwaktes|kracht|beperking|beperkingen|valkuil|valkuilen|tegenovergestelde|omgekeerde|"
    r"tegendeel))\b"
)
# Strengths or weaknesses asked of something: "nadelen van", "een zwakte bij", "pros of".
ASPECT_OF = re.compile(
    r"\b(?:voordel\w*|voordeel|nadel\w*|nadeel|zwakte\w*|zwak(?:ke)? punt\w*|sterk(?:e)? punt\w*|"
    r"beperking\w*|kracht|pluspunt\w*|minpunt\w*|valkuil\w*|(?:dis)?advantages?|drawbacks?|downsides?|"
    r"pitfalls?|weakness\w*|strengths?|risico's|risicos|gevaren|risks|"
    r"limitations?|pros and cons)\s+(?:van|bij|aan|of|to)\b"
)
# "hoe verschilt het koopgedrag per koopsituatie": each of the kinds in turn.
PER = re.compile(r"^hoe (?:verschilt|verschillen|varieert|varieren) .+ per (\w+)(?: van .+)?$")
EXAMPLE = re.compile(
    r"\b(?:voorbeeld|voorbeelden|voorbeeldje|voorbeeldjes|example|examples|bijvoorbeeld|casus|casussen|"
    r"praktijkgeval|praktijkgevallen|praktijkvoorbeeld|praktijkvoorbeelden)\b|"
    r"\blaat (?:eens )?(?:met|aan de hand van) een (?:situatie|case|geval) zien\b"  # "… een situatie zien"
)
# "voorbeeldje van marketing tegenover sales": an example asked first, of whatever follows.
EXAMPLE_FIRST = re.compile(
    r"^(?:geef |noem )?(?:een |eens |me )*(?:voorbeeld|voorbeeldje|example)\b|^(?:illustreer|illustrate)\b"
)
CALCULATION = re.compile(
    r"\b(?:bereken\w*|berekening|reken(?!ing\b)\w*|uitrekenen|formule|calculate|calculation|compute|formula)\b"
)


# "een accountmanager vervult meerdere rollen, welke zijn dat?"
WHICH_ARE = re.compile(
    r"\bwelke (?:zijn|waren) (?:dat|dit|die|er|deze)\b|"
    # "klantbewustheid, klantinzicht en nog drie, welke horen daar nog meer bij": the rest of a list.
    r"\b(?:welke|wat|wie) (?:horen|hoort|zijn|komen|komt) (?:er |daar )?(?:nog )?(?:meer )?bij\b|"
    r"\bwelk (?:rijtje|lijstje|rij)\b"
)
# "waar staat rfm voor": the words an abbreviation's letters stand for.
STANDS_FOR = re.compile(r"^(?:waar staat|waar staan) (?:de (?:afkorting|letters) )?.+ voor$")
ENUMERATION = [
    re.compile(r"^(?:en )?(?:noem|opsomming|som .* op|list|name|geef (?:me |mij |eens |even )*(?:alle|de) )"),
    # "geef een opsomming van de fasen", "een overzicht van de rollen", "wat zijn de vier groeistrategieen"
    re.compile(r"\b(?:opsomming|overzicht|lijstje?|rijtje) (?:van|met)\b|\b(?:opsomming|opsommen)\s*[?.!]*$"),
    # "…, geef er een paar", "noem er enkele": some of a list.
    re.compile(r"\b(?:geef|noem) (?:me |mij )?er (?:een paar|enkele|een aantal|wat)\b"),
    # "tell me the buy classes of …": English plurals asked for.
    re.compile(r"^(?:tell me|give me|show me)(?: all)? the (?:\w+ )?\w{2,}[^\Ws]s\b"),
    # "op welke 4 pijlers moet dat rusten": a number of things asked for.
    re.compile(rf"\bwelke {_NUM} [a-z][\w-]{{2,}}(?:en|s)\b"),
    # "welke binding kun je opbouwen, alle drie": the count asked says a list is wanted.
    re.compile(rf",? (?:alle|all) (?:{_NUM})\s*[?.!]*$"),
    # "rijtje taken van een vertegenwoordiger": the list noun leads, the plural follows.
    re.compile(r"^(?:een |het )?(?:lijstje|rijtje|opsomming) (?:\w+ )?\w+(?:en|s)\b"),
    # "wie zit er in een dmu": its members.
    re.compile(r"^wie (?:zit|zitten|zijn|horen|hoort) (?:er )?(?:allemaal )?(?:in|bij) "),
    re.compile(r"^who (?:are|is|sits?|belongs?) (?:the (?:people|members|roles) )?in "),
    re.compile(rf"^(?:wat zijn|wat waren|welke zijn|what are) (?:de |the )?{_NUM} \w+"),
    re.compile(rf"\b(?:welke|wat zijn (?:de|alle|mijn|onze|je|jouw)|wat waren de|what are the|which) "
               rf"(?:{_NUM} )?(?:\w+ )?\w*(?:{LIST_NOUNS})\b"),
    re.compile(r"\bwelke .+ (?:zijn er|bestaan er|heeft|hebben|kent|ken je|onderscheid\w*|"
               r"horen (?:bij|in))\b"),
    re.compile(r"\buit welke (?:\w+ )?(?:onderdelen|delen|stappen|fasen)\b"),
    # "hoeveel fasen heeft de klantrelatiecyclus": the list answers the count.
    re.compile(rf"^hoeveel (?:\w+ )?(?:{LIST_NOUNS})\b"),
    # "welke psychologische trucs beschrijft cialdini", "welke andere keuzes heb je": a plural asked for.
    re.compile(r"(?:^|[,:;] |\ben )welke (?:andere |\w+e )?[\w'-]{3,}(?:en|s|'s)\b"
               r"(?! (?:is|zijn|hoort|past|valt) (?:dat|dit|het)\b)"),
    re.compile(r"\bwat voor (?:soorten|typen|types|vormen)\b"),
    WHICH_ARE,
    re.compile(r"^(?:soorten|typen|types|vormen) (?:van )?\w+\??$"),
    # "fases van de sales funnel van boven naar beneden", "which … are there": the members, in order.
    re.compile(rf"^(?:de |alle )?(?:{LIST_NOUNS}) (?:van|in|bij) "),
    re.compile(r"\bonder elkaar\b"),  # "… graag onder elkaar": a list
    re.compile(r"[,:]\s*(?:list|name|noem) (?:the |de |alle )?\w+"),  # "robinson faris wind: list the …"
    # "klantrelatiestrategieen: noem ze".
    re.compile(r"[,:]\s*(?:noem|geef) (?:ze|die|deze|ze eens|ze allemaal|ze maar)(?: op)?\s*[?.!]*$"),
    re.compile(r"\bvan (?:boven naar (?:beneden|onder)|onder naar boven|koud naar warm|begin tot eind)\w*\b"),
    re.compile(r"^which .+ (?:are there|exist)\b"),
    re.compile(r"\bwaaruit bestaa?t\b|\bwaar bestaa?t .+ uit\b|\bopbouw van\b"),
    # "waar moeten we op letten": the points to mind, as a list.
    re.compile(r"\bwaar (?:moet|moeten|moet je|moet ik|let je|let ik) (?:\w+ )?op (?:letten|gelet)\b"),
    re.compile(r"\bwie (?:zitten|zijn|horen) er (?:allemaal )?(?:in|bij)\b|\b(?:wie|wat|waar) .+ allemaal\b|"
               r"\bwat (?:hoort|zit|staat|komt) er ?in\b"),
    re.compile(rf"\b{_NUM} (?:\w+ )?\w*(?:{LIST_NOUNS})\b"),
    re.compile(rf"\b(?:what are|what were|which are)\s+(?:the\s+)?(?:[\w']+\s+){{0,3}}\w*(?:{LIST_NOUNS})\b"),
    STANDS_FOR,
    re.compile(r"^(?:en )?de andere\b|^(?:en )?(?:welke|wat) (?:nog )?meer\b|"
               r"\b(?:en )?(?:hoe|wat|welke) nog meer$"),
    re.compile(rf"^(?:\w+[ -]){{1,3}}\w*(?:{LIST_NOUNS})$"),  # "kraljic matrix kwadranten"
    # "kwadranten kraljic matrix", "rollen dmu", "fasen van het stp proces": the list noun first.
    re.compile(rf"^(?:de |alle )?\w*(?:{LIST_NOUNS})(?: (?:van|in|bij|uit) (?:de |het |een )?)?"
               rf"(?: ?[\w-]+){{1,4}}$"),
]  # fmt: skip
SCENARIO = re.compile(
    r"\b(?:wat (?:doe|moet|zeg|kan) ik|hoe (?:pak|ga|reageer|moet) ik|wat nu\b|wat moet ik|wat te doen|"
    r"what should i|what do i do|how do i handle)|^(?:ik|mijn|stel dat|stel je voor|"
    r"(?:een|de|mijn|onze) (?:klant|inkoper|prospect|lead|koper|collega|manager|directeur|gemeente|bedrijf|"
    r"leverancier|afnemer) (?:zegt|vraagt|wil|bestelt|koopt|geeft|twijfelt|belt|kiest|heeft|is))\b|"
    r"\b(?:welk|welke|wat voor) (?:\w+ )?(?:kwadrant|koopsituatie|strategie|type|soort|fase|klant|rol|"
    r"procedure|methode|principe)\w* (?:is|zijn|hoort|past) (?:dat|dit|het|daarbij|hierbij)\b"
)
# "wat is mijn rol?": the role a situation asks of someone (the kind asked is the "own" group).
WHERE_IN = (
    r"waar (?:valt|vallen|hoort|horen|zit|zitten|past|passen|staat|staan) "
    r"(?:dat|dit|het|die|deze|hij|ze|zij) "
    r"(?:in|bij|onder|binnen|op) (?:de |het |een )?(?P<where>[\w' -]+?)"
)
OWN_ROLE = (
    r"wat (?:is|zijn) (?:mijn|zijn|haar|onze|hun) (?P<own>rol|rollen|taak|functie)"
    r"(?: (?:in|binnen|bij) (?:de|het|een) [\w-]+)?"  # "… wat is zijn rol in de dmu"
)
# The tail of a scenario that asks which category it is: "…, welke koopsituatie is dat?", "in welk
# kwadrant van Kraljic zit ik?", "wat is hij dan?", "hoe heet dat?", "is dat een promotor?".
CLASSIFY_TAIL = re.compile(
    r"\b(?:(?:in|bij|tot|onder) )?(?:welk|welke|wat voor(?: een)?)\s+(?:[\w'-]+\s+){0,4}?"
    r"(?:is|zijn|hoort|horen|past|passen|valt|vallen|zit|zitten|gebruik|gebruiken|gebruikt|kies|hanteer|"
    r"hanteren|bedoel|noem|heet|betreft|zet|zetten|pas|passen|speel|spelen|benut)\s+(?:het\s+)?(?:dat|dit|het|hij|ze|zij|ik|we|wij|je|die|daarbij|"
    r"hierbij|daar|hier)\b[^,;]*$|"
    # The kind first, then the situation: "in welk kwadrant valt een product dat weinig kost …".
    r"^(?:(?:in|bij|tot|onder) )?(?:welk|welke|wat voor(?: een)?)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:is|hoort|past|valt|zit|gebruik|gebruikt|kies|hanteer|heet|noem)\s+(?:het |dat |dit |je |ik )?"
    r"(?:als|wanneer|bij een|voor een|een|dat|dit)\s+(?:[\w'-]+\W+){3,}[\w'-]+$|"
    # "Welke DMU-rol heeft hij?", "welke rol speelt zij?" (not "welke stappen heeft het model?").
    r"\b(?:welk|welke)\s+(?:[\w'-]+\s+){0,2}?(?:heeft|hebben|speelt|spelen|vervult)\s+(?:hij|ze|zij|die)\b[^,;]*$|"
    r"\bwat (?:is|zijn) (?:hij|zij|ze|dat|dit|die) (?:dan|nu)\b[^,;]*$|"
    r"[,;.]\s*wat (?:is|zijn) (?:hij|zij|ze)\s*$|"
    # "…, wat is mijn rol?": the role the situation asks of me.
    rf"[,;.]\s*{OWN_ROLE}\s*$|"
    # "…, waar valt dat in kraljic?": where in a model the situation belongs.
    rf"[,;.]\s*{WHERE_IN}\s*$|"
    # A situation, then "wat betekent dat (voor de klant)?".
    r"[,;.]\s*wat (?:betekent dat|betekent dit)(?: voor (?:mij|ons|(?:de|mijn|onze) \w+))?\s*$|"
    r"\bhoe (?:heet|heten|noem je|noemen we|noemen ze|noemt (?:het boek|de stof|de samenvatting|men)) "
    r"(?:dat|dit|die|zo'n [\w-]+|zo iemand|zulke [\w-]+)\b[^,;]*$|"
    # "…, is daar een naam voor?": the situation's name asked.
    r"[,;.]\s*(?:is|bestaat) (?:daar|er|hier) (?:een )?(?:naam|term|woord|begrip) voor\b[^,;]*$|"
    # "hoe heet de fase waarin klant en leverancier …": the name of a kind asked first.
    r"^hoe (?:heet|heten|noem je|noemen we) (?:de|het) [\w'-]+ "
    r"(?=(?:waarin|waarbij|waarop|als|wanneer)\s(?:[\w'-]+\W+){2,}[\w'-]+$)|"
    # The name asked first, then what it names: "hoe heet het wanneer een klant …", "hoe noem je iemand die".
    r"^hoe (?:heet|heten|noem je|noemen we|noem ik|noemen ze) (?:het |dat |dit )?"
    r"(?=(?:als|wanneer|een|iemand|degene|mensen|klanten|bedrijven|de|je|het)\s(?:[\w'-]+\W+){2,}[\w'-]+$)|"
    r"[,;.]\s*(?:is|zijn) (?:dat|dit|hij|ze|zij) (?:dan )?(?:een|de) [\w' -]+$|"
    # A situation, then only "welk beïnvloedingsprincipe?" / ", welke koopsituatie?".
    r"[,;.!]\s*(?:en\s+)?(?:welk|welke|wat voor(?: een)?)\s+(?:[\w'-]+\s+){0,3}?[\w'-]+$",
    re.IGNORECASE,
)

# What kind of category the tail asks for: the words between "welk(e)/wat voor" and the verb, or
# the name in "is dat een promotor?".
KIND = re.compile(
    rf"{WHERE_IN}$|"
    r"(?:welk|welke|wat voor(?: een)?)\s+(?P<kind>(?:[\w'-]+\s+){0,4}?[\w'-]+)\s+(?:is|zijn|hoort|horen|past|"
    r"passen|valt|vallen|zit|zitten|gebruik\w*|kies|hanteer\w*|bedoel|noem|heet|betreft|heeft|hebben|speelt|"
    r"spelen|vervult|zet|zetten|pas|speel|benut)\b|"
    r"(?:is|zijn) (?:dat|dit|hij|ze|zij) (?:dan )?(?:een|de) (?P<name>[\w' -]+)$|"
    r"(?:welk|welke|wat voor(?: een)?)\s+(?P<bare>(?:[\w'-]+\s+){0,3}?[\w'-]+)$|"
    r"^hoe (?:heet|heten|noem je|noemen we) (?:de|het) (?P<first>[\w'-]+) $|"
    r"hoe (?:heet|heten|noem je|noemen we) (?:dat|dit|die|zo'?n|zulke?) (?:type|soort) (?P<typed>[\w'-]+)$|"
    rf"{OWN_ROLE}$",
    re.IGNORECASE,
)


# "welke vervoerswijze is het goedkoopst?" asks for a superlative, not which category a situation is.
SUPERLATIVE = re.compile(r"\b(?:is|zijn) het (?:meest|minst|best|\w{3,}(?:st|ste))\b")


def situation_and_tail(question: str) -> tuple[str, re.Match[str] | None]:
    """The situation a classification describes and its tail ("welke koopsituatie is dat").

    The situation comes before the tail, or after its kind when the question opens with it
    ("welke koopsituatie is het als een klant …").
    """
    question = question.strip().rstrip("?!. ")
    m = CLASSIFY_TAIL.search(question)
    if m is None:
        return question, None
    situation = (question[: m.start()] + " " + question[m.end() :]).strip(" ,;?")
    if len(situation.split()) < 2:
        kind = KIND.search(m.group())
        after = m.group()[kind.end() :].strip(" ,;?") if kind is not None and kind.group("kind") else ""
        # "… is het als een klant …", not "welke criteria gebruik je in zakelijke markten".
        if re.match(r"(?:(?:het|je|ik|dat|dit) )?(?:als|wanneer|bij een|voor een|een|dat|dit)\b", after):
            situation = after
    return situation, m


# Words that make a sentence a question (or a request); a situation told without any is a statement.
ASKING = re.compile(
    r"\?|\b(?:wat|welk|welke|hoe|waarom|wie|waar|wanneer|hoeveel|what|which|how|why|who|where|when)\b|"
    r"\b(?:is|ben|zijn|klopt) (?:dat|dit|het|ik|hij|zij|ze)\b|"
    r"^(?:is|zijn|heeft|hebben|moet|mag|wordt|doe|bestaat)\b"
)
# A told situation opens with who acts: "ik toon reviews …", "een klant gebruikt onze chips …".
TELLER = re.compile(r"^(?:ik|we|wij|je|jij|mijn|onze|ons|een|de|die|deze|het)\s")


def told_situation(question: str) -> bool:
    """Whether ``question`` only tells a situation ("ik toon reviews van 200 tevreden klanten"),
    asking nothing: a student who wants it named."""
    q = clean(question)
    return len(q.split()) >= 5 and TELLER.match(q) is not None and ASKING.search(fold(question)) is None


def classifies(question: str) -> bool:
    """Whether a scenario asks which category a situation belongs to ("…, welke koopsituatie is
    dat?"); "welke criteria gebruik je voor segmentatie?" describes no situation."""
    q = clean(question)
    situation, tail = situation_and_tail(q)
    if tail is None or SUPERLATIVE.search(q) is not None:
        return False
    # "wat doet een key account team, welke specialisten": a question, no situation.
    asks = re.match(r"(?:wat (?:doet|doen|is|zijn|houdt|betekent)|welke|what|which)\b", situation)
    if tail.start() > 0 and asks:
        return False
    # "…, welke onderdelen moeten erin?" and "…, welke zijn dat?" ask for a list, not one category.
    kind = KIND.search(tail.group())
    asked = (kind.group("kind") or kind.group("bare") or kind.group("own") or "") if kind is not None else ""
    if re.match(rf"(?:{LIST_NOUNS})\b", asked) or WHICH_ARE.search(q):
        return False
    return len([w for w in re.findall(r"[\w'-]+", situation) if w not in SCAFFOLD]) >= 2


# "wat houdt customer intimacy in", "wat doet de initiator in de dmu": what a named thing is or does.
WHAT_IS_IN = re.compile(
    r"^(?:wat (?:houdt|houden) .+ in\W*|"
    r"(?:en )?wat (?:doet|doen) (?:een|de|het) [\w'-]+(?: (?:in|bij|binnen) (?:de|het|een) [\w'-]+)?\W*)$",
    re.IGNORECASE,
)
EXPLANATION = re.compile(
    r"^(?:en )?(?:hoe (?:werkt|werken|gaat|verloopt|ontstaat|bouw|doe|gebruik|pas|maak|meet)|leg .*uit|"
    r"uitleg|explain|how does|how do|wat doet|wat doen|wat houdt .* in|vertel (?:iets )?over)\b|"
    r"^[\w' -]{2,40} (?:uitleg|uitleggen|uitgelegd|explained)(?: (?:pls|plz|aub|graag|please))?$"
)


@dataclass(frozen=True)
class Intent:
    """The kind of answer a question wants, and what it is about."""

    kind: str
    topic: str = ""
    sides: tuple[str, ...] = ()
    count: int | None = None
    followup: bool = False
    per: str = ""  # "hoe verschilt het koopgedrag per koopsituatie": the kinds to go through


def clean(question: str, greeting: bool = False) -> str:
    """Folded question without end punctuation, quotes or (unless ``greeting``) a greeting in front."""
    q = fold(question).strip()
    q = re.sub(r"[‘’´`]", "'", q)
    q = re.sub(r"[?!.。]+$", "", q).strip()
    if not greeting:
        q = GREETING_PREFIX.sub("", q)
    return re.sub(r"\s+", " ", q).strip(" ,")


def topic_of(q: str) -> str:
    """The words of ``q`` that name the concept asked about."""
    term = asked_term(q)
    # "hoe ontdek je het leidmotief": the concept is the leidmotief; the verb says what is asked of it.
    how = HOW_TO.search(q) if not term else None
    verb = {how.group(0).split()[1]} if how is not None and how.group(1) else set()
    particle = {m.group(2) for m in SEPARABLE.finditer(q) if m.group(0).split()[0] in verb}
    words = [
        w
        for w in re.findall(r"[\w'&/-]+", term if term else q)
        if w not in SCAFFOLD and w not in NUMBERS and not w.isdigit() and w not in verb | particle
    ]
    return " ".join(words).strip(" '")


def number_value(word: str) -> int | None:
    """'6' → 6, 'zes' → 6, 'six' → 6."""
    return int(word) if word.isdigit() else NUMBERS.get(word)


def _count(q: str) -> int | None:
    m = re.search(rf"\b({_NUM}) (?:\w+ )?\w*(?:{LIST_NOUNS})\b", q)
    # "welke 4 klantrelatiestrategien zijn er": a number before any plural noun (typos included).
    m = m or re.search(rf"\b(?:welke|de|noem|wat zijn de|what are the) ({_NUM}) [\w-]{{4,}}(?:en|s)\b", q)
    if not m:
        return None
    return number_value(m.group(1))



# "investeren, behouden en ... welke strategieën nog meer", "what roles does a … play": a list asked.
LISTED_ON = re.compile(
    r"(?:\.\.\.|…)\s*(?:welke|wat|which|what)\b|"
    r"^(?:what|which) (?:\w+ )?(?:roles|steps|phases|stages|types|kinds|principles|quadrants|parts|"
    r"components|groups|factors|criteria|functions|tasks|methods|strategies)\b"
)
# "en wat is …", "maar hoe …": a follow-up on what was said before.
FOLLOWUP = re.compile(r"^(?:en|and|maar|oke|ok) ")


def detect_intent(question: str) -> Intent:
    """Classify ``question`` (Dutch or English) and pull out its topic."""
    q = clean(question)
    if not q or SMALLTALK.match(q) or SMALLTALK.match(clean(question, greeting=True)) or THANKS.search(q):
        return Intent("smalltalk")
    followup = bool(FOLLOWUP.match(q))
    if WHY.match(q):
        return Intent("why", topic_of(q), followup=followup)
    per = PER.search(q)
    if per:
        return Intent("enumeration", topic_of(q), followup=followup, per=per[1])
    sides = () if EXAMPLE_FIRST.match(q) else comparison_sides(q)
    if sides:
        return Intent("comparison", " ".join(sides), sides, followup=followup or len(sides) == 1)
    if EXAMPLE.search(q):
        return Intent("example", topic_of(q), followup=followup)
    if ASPECT_OF.search(q) and not classifies(q):
        # "noem twee nadelen van koude acquisitie", "wat is een zwakte van nps": what the notes say
        # for or against it, as for "wat is het nadeel van …".
        return Intent("why", topic_of(q), followup=followup)
    if CALCULATION.search(q) or worked_problem(q):
        return Intent("calculation", topic_of(q), followup=followup)
    # "…, welke vier hoofdstukken horen erin": a count of things asked is a list, not one kind.
    counted = re.search(rf"\b(?:welke|met welke) ({_NUM}) [a-z][\w-]{{2,}}(?:en|s)\b", q)
    if classifies(q) and not LISTED_ON.search(q) and not (counted and (number_value(counted[1]) or 0) >= 2):
        return Intent("scenario", topic_of(q), followup=followup)
    if any(p.search(q) for p in ENUMERATION) or LISTED_ON.search(q):
        return Intent("enumeration", topic_of(q), count=_count(q), followup=followup)
    if SCENARIO.search(q) and not SUPERLATIVE.search(q):
        return Intent("scenario", topic_of(q), followup=followup)
    if EXPLANATION.search(q):
        return Intent("explanation", topic_of(q), followup=followup)
    english = re.match(r"^what does (?P<t>.+) (?:mean|stand for)$", q) or re.match(
        r"^who (?:is|are) (?:the |a |an )?(?P<t>[\w' -]+?)(?: (?:when|in|at|during|if) .+)?$", q
    )  # "who is the gatekeeper when you call a company": what one is
    if english:
        return Intent("definition", topic_of(f"wat is {english['t']}"), followup=followup)
    # "en wat is B2R?": the follow-up's "en" is no part of the term.
    core = FOLLOWUP.sub("", q)
    if asked_term(core) is not None or re.match(r"^(?:what(?:'s| is| are)|whats|define|meaning of)\b", core):
        topic = topic_of(re.sub(r"^(?:what(?:'s| is| are)|whats|define|meaning of) ", "wat is ", core))
        return Intent("definition", topic, followup=followup)
    return Intent("explanation", topic_of(q), followup=followup)
