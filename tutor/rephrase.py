"""The way students wrap a question, unwrapped: "ik snap niet wat een lead is" asks "wat is een lead",
"leg in simpele woorden uit wat kraljic is" asks "leg kraljic uit", "wat moet ik weten over nps voor
het tentamen" asks for NPS explained. Only the wrapping goes; the words of the question stay.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from tutor.errors import QuestionError
from tutor.intent import GREETING_PREFIX
from tutor.verbs import fix_cue_typos

MAX_QUESTION_CHARS = 500

# "ik snap niet …", "ik begrijp het niet goed: …", "ik weet niet precies …".
_NOT_GETTING = re.compile(
    r"^(?:ik|wij|we) (?:snap|snappen|begrijp|begrijpen|weet|weten|kan|kun) (?:het |echt |nog |nou )?"
    r"(?:niet|nooit)(?: goed| helemaal| precies| zo goed)?[,:]?\s+",
    re.IGNORECASE,
)
# "ik snap", "we begrijpen": what a student does not get follows.
_GET = r"^(?:ik|wij|we) (?:snap|snappen|begrijp|begrijpen)"
# "ik snap er niks van, wat is kam nou weer": the despair before the question, the sigh after it.
_LOST = re.compile(
    rf"{_GET} er (?:echt |helemaal |gewoon )?"
    r"(?:niks|niets|weinig|geen bal) (?:meer )?van[,.!:;]*\s+",
    re.IGNORECASE,
)
_SIGH = re.compile(r"\s+(?:nou|nu) (?:weer|eigenlijk|precies)\b", re.IGNORECASE)
# "ik snap de nps niet": an explanation of what is not understood.
_NOT_GOT = re.compile(
    rf"{_GET} (?P<topic>(?:de|het|een) [^,?!]+?|[^\s,?!]+) "
    r"(?:echt |nog |nou |gewoon )?(?:niet|nooit)(?: goed| helemaal| precies| zo goed)?\s*[?.!]*$",
    re.IGNORECASE,
)
# "… in simpele woorden", "in het kort", "kort en simpel": how to say it, not what.
_MANNER = re.compile(
    r"\s*(?:,\s*)?\b(?:in (?:simpele|eenvoudige|makkelijke|gewone|jip[- ]en[- ]janneke) (?:woorden|taal)|"
    r"in (?:het )?kort|in (?:een paar|\d+|twee|drie|vier|vijf) zinnen|kort en (?:simpel|bondig)|"
    r"simpel gezegd|zo simpel mogelijk|voor (?:dummies|beginners|een kind))\b",
    re.IGNORECASE,
)
# "wat een lead is" → "wat is een lead" (an embedded question, its verb at the end).
_EMBEDDED = re.compile(
    r"^(?:(leg (?:uit|eens uit|me uit)|uitleggen) )?(wat|hoe|waarom|welke|wie) (.+?) "
    r"(is|zijn|werkt|werken|betekent|betekenen|inhoudt|doet|doen)\s*[?.!]*$",
    re.IGNORECASE,
)
# A verb right after the question word: a question asked straight out, no embedded one.
_FINITE = re.compile(
    r"(?:heet|heten|noem|noemen|is|zijn|was|waren|werkt|kan|kun|kunt|kunnen|moet|moeten|mag|mogen|wil|willen|"
    r"zou|zouden|zal|zullen|heeft|hebben|ga|gaat|gaan|doe|doet|doen|zit|staat|komt|wordt|worden)\b",
    re.IGNORECASE,
)
# "wat moet ik weten over nps (voor het tentamen)" → "leg nps uit"; so is "nps, wat moet ik daarvan weten".
_KNOW_ABOUT = re.compile(
    r"^wat (?:moet|moeten|moet je|zou) (?:ik|je|we|wij)? ?(?:weten|kennen|onthouden|leren) (?:over|van) "
    r"(?P<topic>.+?)(?: voor (?:het|de|mijn) (?:tentamen|toets|examen|test))?\s*[?.!]*$|"
    r"^(?P<first>[^,:]+?)[,:]\s*wat (?:moet|moeten|moet je|zou|wil) (?:ik|je|we|wij)? ?"
    r"(?:daarvan |daarover |ervan |erover )?(?:weten|kennen|onthouden|leren)(?: (?:van|over))?"
    r"(?: voor (?:het|de|mijn) \w+)?\s*[?.!]*$|"
    # "hoe zit het met de nps precies": the topic explained.
    r"^hoe zit (?:het|dat) (?:nou |nu |eigenlijk )?met (?P<with>\S+(?: \S+){0,2}?)"
    r"(?: (?:precies|eigenlijk|nou|dan))*\s*[?.!]*$",
    re.IGNORECASE,
)


# "vat kraljic samen", "samenvatting van de nps", "tl;dr van kam", "de belangrijkste punten van het
# hoofdstuk over aanbestedingen", "wat is het belangrijkste om te onthouden over nps": its explanation.
_SUMMARY = re.compile(
    r"^(?:(?:vat|geef|maak|schrijf|noem) (?:me |mij |even |eens )*(?:een |de )?(?:korte )?)?"
    r"(?:samenvatting|overzicht|kern|(?:belangrijkste|hoofd) ?punten|tl;? ?dr|tldr)"
    r"(?: (?:van|over))?[:,]?\s+(?:het hoofdstuk (?:over |van )?|de paragraaf (?:over |van )?)?"
    r"(?P<topic>.+?)\s*[?.!]*$|"
    r"^vat (?P<summed>.+?) (?:kort |even |eens )*samen\s*[?.!]*$|"
    r"^(?P<first>.+?) (?:kort )?(?:samenvatten|samengevat)\s*[?.!]*$|"
    r"^wat is het belangrijkste (?:om te (?:onthouden|weten) )?(?:over|van) (?P<key>.+?)\s*[?.!]*$",
    re.IGNORECASE,
)
# "ik wil (graag) weten wat een lead is": the embedded question is the question.
_WANT_TO_KNOW = re.compile(
    r"^(?:ik|wij|we) (?:wil|willen|zou|zouden) (?:graag |even |nog )*weten[,:]?\s+", re.IGNORECASE
)
# "kun je me helpen met kraljic", "help me de nps begrijpen", "ik heb moeite met het sellogram",
# "zeg eens iets over netwerken": an explanation of the topic asked.
_HELP_WITH = re.compile(
    r"^(?:(?:kun|kan|kunt|wil) (?:je|jij|u) (?:me|mij) (?:even |nog )?"
    r"(?:helpen|uitleg geven) (?:met|bij|over)|"
    r"help (?:me|mij) (?:even )?(?:met|bij)?|ik (?:heb|had) (?:veel |nog |echt )*(?:moeite|problemen) met|"
    r"(?:zeg|vertel) (?:me |mij )?(?:eens |even )?(?:iets |wat |meer )?over|ik snap (?:niks|niets) van)\s*"
    r"(?P<topic>.+?)(?:\s+(?:te\s+)?(?:begrijpen|snappen|leren))?\s*[?.!]*$",
    re.I,
)
# "wie beslist er in de dmu", "wie gebruikt het": who does it.
_WHO_DOES = re.compile(r"^wie (\w{4,}?)t(?: er)?((?: (?:in|bij|binnen) .+)?)\s*[?.!]*$", re.IGNORECASE)
# "waarom zou ik de clv berekenen": what it is good for.
_WHY_USE = re.compile(
    r"^waarom (?:zou|zouden) (?:ik|je|jij|we|wij|een bedrijf|een verkoper) (?:eigenlijk )?"
    # (not "waarom zou je valse schaarste niet gebruiken": why not, no use)
    r"(?P<topic>.+?)(?<! niet)(?<! nooit) "
    r"(?:berekenen|gebruiken|meten|maken|inzetten|toepassen|bijhouden|uitrekenen)\s*[?.!]*$",
    re.IGNORECASE,
)
# "wat heb je aan een swot", "wat levert een accountplan op": the use of it.
_USE_OF = re.compile(
    r"^(?:wat (?:heb|hebben|heeft) (?:je|jij|ik|we|wij|een bedrijf|een verkoper) (?:eigenlijk )?aan|"
    r"wat schiet (?:je|ik|een bedrijf) (?:eigenlijk )?op met) (?P<topic>.+?)\s*[?.!]*$|"
    r"^wat levert (?P<yields>.+?) (?:je |ons |een bedrijf |een verkoper )?(?:eigenlijk )?op\s*[?.!]*$",
    re.IGNORECASE,
)
# "de drie letters van rfm voluit": what the abbreviation stands for.
_LETTERS_OF = re.compile(
    r"^(?:noem |geef )?(?:de |alle )?(?:\w+ )?letters van (?P<t>[\w'-]+)"
    r"(?: (?:voluit|uitgeschreven|uitgelegd))?\s*[?.!]*$",
    re.IGNORECASE,
)
# "wanneer is een klant een key account", "wanneer wordt een lead een sql": what makes one, its definition.
_WHEN_IS = re.compile(
    r"^wanneer (?:is|wordt|noem je|heet) (?:een|de|het|iemand) (?:[\w'-]+ ){1,2}?(?:een|de|het) "
    r"(?P<term>[\w' -]+?)\s*[?.!]*$",
    re.IGNORECASE,
)
# "kun je uitleggen waarom kraljic belangrijk is": the embedded question is the question.
_CAN_YOU_SAY = re.compile(
    r"^(?:(?:kun|kan|kunt|wil|zou) (?:je|jij|u) (?:me |mij |ons )?(?:even |eens |nog eens |kort )?"
    r"(?:uitleggen|vertellen|zeggen|aangeven|beschrijven)|"
    # "vertel eens wat een lead is", "zeg me even hoe …", "weet jij wat een prospect is".
    r"(?:vertel|zeg) (?:me |mij |ons )?(?:eens |even |ff |nog eens |kort )*|"
    r"(?:weet|snap) (?:je|jij|u) (?:eigenlijk |misschien |toevallig )?)"
    r"[,:]?\s*(?=(?:waarom|hoe|wat|welke|wie|wanneer)\b)",
    re.IGNORECASE,
)
# "klopt het dat passives een 7 of 8 geven?", "waar of niet waar: …": the statement to check.
_VERIFY = re.compile(
    r"^(?:klopt het (?:dat|als)|is het (?:waar|juist|correct) dat|(?:waar of (?:niet waar|onwaar)|"
    r"juist of onjuist|true or false)[:,]?|is it true that)\s+",
    re.IGNORECASE,
)
# "wat zegt de stof over X", "wat vindt de samenvatting van X": what X is, by the notes.
_NOTES_ON = re.compile(
    r"^wat (?:zegt|vindt|schrijft|vertelt) (?:de|het) (?:samenvatting|stof|boek|reader|cursus) "
    r"(?:over|van) (?P<topic>.+?)\s*[?.!]*$",
    re.IGNORECASE,
)
# "wat zijn kpi's in sales": the whole course is about sales; the term is "kpi's".
IN_SALES = re.compile(
    r"\s+(?:in|bij|binnen|tijdens)\s+(?:de\s+|het\s+)?(?:sales|verkoop|verkopen)\s*(?=[?!.]*$)", re.IGNORECASE
)
_FILLERS = "kort|even|eens|simpel|eenvoudig|me|mij|nog|een|keer|nou"


# "voor mijn tentamen moet ik de kwadranten van kraljic kennen, welke zijn het?", "ik heb morgen een
# toets over de dmu, wie zitten erin?": the context names what the question points at.
_EXAM_ABOUT = re.compile(
    r"^(?:(?:ik|we|wij) (?:heb|hebben) (?:\w+ ){0,2}?(?:een |mijn |ons |het |de )?"
    r"(?:toets|tentamen|examen|test|vraag|vragen|vraagje)(?: \w+)? (?:over|van) (?P<about>[^,;:.?]+?)|"
    r"(?:ik )?(?:moet|moeten|wil|ga) (?:ik |we |wij |je )?"
    r"(?P<known>[^,;:.?]+?) (?:kennen|weten|leren|snappen|begrijpen))"
    r"\s*[,;:.]\s*(?P<q>(?:wat|welke|wie|hoe|waarom)\b.+)$",
    re.IGNORECASE,
)
# "(i)k heb morgen tentamen, wat waren …": when the exam is says nothing of what is asked.
_EXAM_SOON = re.compile(
    r"^i?k (?:heb|hebben|ga) (?:morgen|straks|vandaag|overmorgen|volgende week|bijna|zo)? ?"
    r"(?:een |mijn |ons )?(?:toets|tentamen|examen|test)\s*[,;:.!]\s*"
    r"(?=(?:wat|welke|wie|hoe|waarom|noem|geef)\b)",
    re.IGNORECASE,
)
# "ik heb een vraag over de dmu rollen": a topic announced with no question after it.
_ASKING_ABOUT = re.compile(
    r"^(?:ik|we|wij) (?:heb|hebben) (?:een |nog een |wat |een paar |nog )?(?:vraag|vragen|vraagje|vraagjes) "
    r"(?:over|bij) (?P<topic>[^,;:.?]+?)\s*[?.!]*$",
    re.IGNORECASE,
)
_FOR_EXAM = re.compile(r"\s*\b(?:voor|op) (?:mijn|het|de|ons|onze) (?:tentamen|toets|examen)\b[,:]?\s*", re.I)
# "welke zijn het", "wie zitten erin": the pointers the context fills in.
_WHICH_ARE_IT = re.compile(r"^(wat|welke) (?:zijn|waren) (?:het|dat|die|dit)\b", re.IGNORECASE)
_THERE = {"erin": "in", "daarin": "in", "ervan": "van", "daarvan": "van", "erover": "over",
          "daarover": "over"}  # fmt: skip


def _in_context(q: str) -> str:
    """A question after its exam context, with what it points at spelt out."""
    if (about := _ASKING_ABOUT.match(q)) is not None:
        return f"vertel over {about['topic']}"
    q = _FOR_EXAM.sub(" ", q).strip(" ,")
    q = _EXAM_SOON.sub("", q).strip(" ,") or q
    m = _EXAM_ABOUT.match(q)
    if m is None:
        return q
    topic, asked = (m["about"] or m["known"]).strip(), m["q"].strip()
    if re.fullmatch(r"(?:dit|dat|het|deze|die|alles|veel)", topic, re.IGNORECASE):
        return asked
    if _WHICH_ARE_IT.match(asked):
        return _WHICH_ARE_IT.sub(lambda w: f"wat zijn {topic}", asked, count=1)
    there = re.search(rf"\b({'|'.join(_THERE)})\b", asked)
    if there:
        return f"{asked[: there.start()]}{_THERE[there[1]]} {topic}{asked[there.end() :]}"
    return asked if len(topic.split()) > 6 else f"{asked} ({topic})"


# Chat shorthand: "wat is t verschil tss een hunter en farmer".
_SHORTHAND = {"t": "het", "'t": "het", "tss": "tussen", "tssn": "tussen", "vd": "van de", "vh": "van het",
              "ff": "even", "mn": "mijn", "zn": "zijn", "wt": "wat", "idd": "inderdaad", "egt": "echt",
              "nie": "niet", "kheb": "ik heb", "kweet": "ik weet"}  # fmt: skip
# (not the "t" of "t.o.v.")
_SHORT = re.compile(r"(?<![\w'.-])(" + "|".join(map(re.escape, _SHORTHAND)) + r")(?![\w'.-])", re.IGNORECASE)


_KINDS = re.compile(r"\b([a-z]{4,}?)(?:types|typen|soorten)\b", re.IGNORECASE)
# A term said first, then asked about: "acquisitiekosten, wat zijn dat", "rfm, waar staan die letters
# voor", "kraljic: hoe werkt dat"; "gevavepro uitschrijven".
_FRONTED = re.compile(
    r"^(?P<t>[\w'&-]+(?: [\w'&-]+){0,2}(?: (?:bij|in) (?:een |de |het )?[\w'&-]+)?)\s*[,:]?\s*"
    r"(?:(?P<what>wat (?:is|zijn|betekent|betekenen))|"
    r"(?P<stands>waar (?:staat|staan))|(?P<how>hoe (?:werkt|werken)))\s+(?:dat|dit|die|het|ze)"
    r"(?: (?:drie |vier |twee )?(?:letters|afkorting))?"
    r"(?: (?:precies|eigenlijk|ook alweer|alweer|ook weer|nou))*"
    r"(?: (?:in|bij|binnen) (?:een |de |het )?[\w'-]+)?"  # "controlevraag, wat is dat in een verkoopgesprek"
    r"(?: voor (?:iemand|iets|een ding|een persoon|een functie))?(?P<voor> voor)?\s*[?.!]*$",
    re.IGNORECASE,
)
_WRITE_OUT = re.compile(
    r"^(?P<t>[\w'&-]+) (?:uitschrijven|voluit|uitgeschreven|afkorting)\s*[?.!]*$|"
    # "waarvoor staat de afkorting kam": what it stands for, no purpose asked.
    r"^waarvoor (?:staat|staan) (?:de afkorting |de letters |het woord )?(?P<w>[\w'&-]+)\s*[?.!]*$",
    re.IGNORECASE,
)


# "desk- en fieldresearch", "routine-, hefboom- en strategische producten": a compound's head
# left out, as Dutch writes it, until the last word of the list.
_ELIDED = re.compile(r"\b([a-z]{2,})-(?=,|\s)", re.IGNORECASE)
_LIST_END = re.compile(r"\s(?:en|of|and|or)\s+([a-z]+)(?:\s+([a-z]+))?", re.IGNORECASE)


def _elided(q: str, written: Callable[[str], bool]) -> str:
    """Each "desk-" written whole ("deskresearch") when the course writes the whole compound, its
    head taken from the word that ends the list; left as it was otherwise."""

    def whole(m: re.Match[str]) -> str:
        end = _LIST_END.search(q, m.end())
        if end is None:
            return m[0]
        for word in (w for w in (end[2], end[1]) if w):
            for cut in range(len(word) - 3):
                if written(f"{m[1]}{word[cut:]}".lower()):
                    return f"{m[1]}{word[cut:]}"
        return m[0]

    return _ELIDED.sub(whole, q)


# "suspect en prospect, ik haal ze steeds door elkaar", "ik verwar een lead met een prospect": the
# difference asked.
_MIXED_UP = re.compile(
    r"^(?P<a>[^,;:]+?) (?:en|of) (?P<b>[^,;:]+?)\s*[,;:]\s*ik (?:haal|verwar) (?:ze|die|deze|die twee)\b.*$|"
    r"^ik haal (?P<c>.+?) en (?P<d>.+?)(?: (?:steeds|altijd|vaak|telkens))* door ?elkaar\s*[?.!]*$|"
    r"^ik verwar (?P<e>.+?) (?:en|met) (?P<f>.+?)(?: (?:steeds|altijd|vaak|telkens))*\s*[?.!]*$",
    re.IGNORECASE,
)


def unwrap(question: str, written: Callable[[str], bool]) -> str:
    """``question`` without the wrapping around what it asks, its cue words spelt right (``written``:
    whether the course writes a word, which a typo fix must leave alone)."""
    greeted = GREETING_PREFIX.sub("", question, count=1)  # "goeiemorgen, wat is een lead"
    question = greeted if len(greeted.split()) >= 2 else question  # "hallo daar" stays a greeting
    bare = IN_SALES.sub("", question)
    q = bare if len(bare.split()) >= 2 else question
    q = _SHORT.sub(lambda m: _SHORTHAND[m[1].lower()], q)
    q = _elided(q, written)  # "desk- en fieldresearch"
    mixed = _MIXED_UP.match(q)
    if mixed:
        first = mixed["a"] or mixed["c"] or mixed["e"]
        second = mixed["b"] or mixed["d"] or mixed["f"]
        return f"wat is het verschil tussen {first} en {second}"
    # "welke klanttypes zijn er": kinds of klant, as the notes say it ("Soorten klanten").
    q = _KINDS.sub(lambda m: m[0] if written(m[0].lower()) else f"soorten {m[1]}", q)
    q = fix_cue_typos(q, written)  # "verschil tusen lead en prospect"
    q = _SIGH.sub("", _LOST.sub("", q)).strip() or q
    not_got = _NOT_GOT.match(q)
    if not_got and not_got["topic"].lower() not in ("het", "dat", "dit", "er"):
        # "ik snap de term retentiegraad niet": what the term means.
        term = re.match(r"(?:de term|het begrip|het woord)\s+(.+)", not_got["topic"], re.IGNORECASE)
        return f"wat is {term[1]}" if term else f"leg {not_got['topic']} uit"
    q = _NOT_GETTING.sub("", q).strip()
    q = _in_context(q)
    fronted = _FRONTED.match(q)
    if fronted and (fronted["voor"] or not fronted["stands"]):
        asked = fronted["what"] or fronted["how"] or "waar staat"
        q = f"{asked} {fronted['t']}{' voor' if fronted['stands'] else ''}"
    q = _WRITE_OUT.sub(lambda m: f"waar staat {m['t'] or m['w']} voor", q)
    q = _WANT_TO_KNOW.sub("", q).strip()
    q = _CAN_YOU_SAY.sub("", q).strip()
    q = _VERIFY.sub("", q).strip() or q
    notes_on = _NOTES_ON.match(q)
    if notes_on:
        return f"wat is {notes_on['topic']}"
    helped = _HELP_WITH.match(q)
    if helped and helped["topic"].split():
        return f"leg {helped['topic']} uit"
    q = _MANNER.sub("", q).strip(" ,")
    # "leg (me) (nog eens) kort uit wat …": the manner words between "leg" and "uit" go.
    q = re.sub(rf"^leg\s+(?:(?:{_FILLERS})\s+)*uit\b", "leg uit", q, flags=re.IGNORECASE)
    q = re.sub(r"\s+(?:kort|even|eens|simpel|eenvoudig)\s+uit\s*([?.!]*)$", r" uit\1", q, flags=re.I)
    agent = _WHO_DOES.match(q)
    if agent:
        # "wie beslist er in de dmu": the notes' noun for who does it ("beslisser").
        stem = agent[1]
        noun = next((n for n in (f"{stem}er", f"{stem}{stem[-1]}er") if written(n)), "")
        if noun:
            return f"wie is de {noun}{agent[2]}"
    letters = _LETTERS_OF.match(q)
    if letters:
        return f"waar staat {letters['t']} voor"
    when = _WHEN_IS.match(q)
    if when:
        return f"wat is een {when['term']}"
    use = _WHY_USE.match(q) or _USE_OF.match(q)
    if use:
        return f"wat is het nut van {use['topic'] or use['yields']}"
    summary = _SUMMARY.match(q)
    if summary:
        topic = next(t for t in (summary["topic"], summary["summed"], summary["first"], summary["key"]) if t)
        return f"leg {topic} uit"
    know = _KNOW_ABOUT.match(q)
    if know:
        return f"leg {know['topic'] or know['first'] or know['with']} uit"
    m = _EMBEDDED.match(q)
    # "hoe heet de fase waarin … zijn", "hoe hoog is de nps als … zijn" are asked straight out.
    adverb = m is not None and m[2].lower() == "hoe" and _FINITE.match(m[3].partition(" ")[2])
    if m and not _FINITE.match(m[3]) and not adverb:
        verb = {"inhoudt": "houdt", "doet": "doet"}.get(m[4].lower(), m[4])
        rest = f"{m[2]} {verb} {m[3]}"
        if verb == "houdt":
            rest += " in"
        return rest
    return q if q else question


_IN_LANGUAGE = re.compile(
    r"[,;]?\s*\bin (?:het )?(?:engels|english|nederlands|dutch)\b(?:\s+(?:please|pls|graag|aub|alsjeblieft))?"
    r"\s*[?!.]*$",
    re.I,
)


def normalise_question(text: str) -> tuple[str, str]:
    """(question, note): trimmed text and a Dutch note when it had to be shortened."""
    # NFC first: "é" typed as e + U+0301 is one letter, and cheap to match.
    q = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "")).strip()
    if q.startswith("/"):
        q = q.split(" ", 1)[1] if " " in q else ""
    if not q:
        raise QuestionError("Stel gerust een vraag over de stof, bijvoorbeeld: wat is NPS?")
    if not any(ch.isalnum() for ch in q):
        raise QuestionError(
            "Daar kan ik geen vraag in lezen 🙂 Typ je vraag in woorden, bijvoorbeeld: wat is CLV?"
        )
    note = ""
    # "… in english please": the notes are Dutch, the language asked for is no topic.
    q = _IN_LANGUAGE.sub("", q).strip() or q
    if len(q) > MAX_QUESTION_CHARS:
        q = q[:MAX_QUESTION_CHARS].rsplit(" ", 1)[0]
        note = f"Je vraag was erg lang; ik heb de eerste {len(q)} tekens gebruikt."
    return q, note
