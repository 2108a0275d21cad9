"""How a question names its term: the words as asked, and the sections that use them word for word."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from itertools import pairwise

from index.english import english_phrases, to_dutch
from index.glossary import GlossaryHit
from index.passages import Sentence
from index.text import DUTCH_STOPWORDS, fold
from knowledge.model import Course, GlossaryEntry
from tutor.anchors import PLAIN
from tutor.compose import Composer, Composition, tokens_of
from tutor.coverage import GENERIC, VERBS, display_topic
from tutor.cues import SCAFFOLD
from tutor.intent import LIST_NOUNS, Intent
from tutor.lists import same_kind
from tutor.othernames import abbreviation

# A plural or infinitive whose singular doubles its vowel: "verkopen" → "verkoop", "taken" → "taak".
OPEN_PLURAL = re.compile(r"([^aeiou])([aeou])([^aeiou])en$")
# A title word explained in at most this many sections names its section.
TITLE_WORD_SECTIONS = 3
# Intents whose topic is a term the notes may use literally.
TERM_INTENTS = ("definition", "explanation", "why", "enumeration")
# What a why-question says of its term, not the term: "waarom is X zo belangrijk".
EVALUATIVE = frozenset(
    "belangrijk belangrijker nuttig handig zinvol nodig noodzakelijk essentieel cruciaal slim goed "
    "verstandig gevaarlijk riskant lastig moeilijk waardevol".split()
)


def original_words(question: str, topic: str) -> str:
    """The words of ``question`` (original casing) that spell ``topic``: 'spin selling' → 'SPIN selling'."""
    tokens = re.findall(r"[\w'&-]+", question)
    folded = [fold(t) for t in tokens]
    wanted = fold(topic).split()
    if not wanted:
        return topic
    for i, tok in enumerate(folded):
        if tok == wanted[0]:
            start = i - 1 if i > 0 and tokens[i - 1].isdigit() else i
            for j in range(len(folded) - 1, i - 1, -1):
                if folded[j] == wanted[-1]:
                    return " ".join(tokens[start : j + 1])
    return topic


def listed_word(topic: str) -> str:
    """The word a list question names its glossary term by, its first ("noem de gunningscriteria"),
    unless it asks for a kind of list ("nps groepen": none)."""
    words = topic.split()
    return "" if not words or re.search(rf"\b(?:{LIST_NOUNS})\b", topic) else words[0]


def plain_plural(q: str, intent: Intent) -> bool:
    """ "wat zijn gunningscriteria?": a plural term, no article, no number — a definition."""
    bare = re.match(r"^(?:wat zijn|what are) (?!de |the )", q) is not None
    return intent.kind == "enumeration" and intent.count is None and bare


def names_subject(composer: Composer, course: Course, topic: str, section_id: str) -> bool:
    """Whether ``topic`` is the section's own subject (its title or its first glossary term)."""
    section = course.section(section_id)
    names = [section.title, *(section.glossary[0].names if section.glossary else ())]
    # "hoe maak je een goed accountplan": the verb and the praise name no subject.
    wanted = tokens_of(" ".join(w for w in topic.split() if fold(w) not in VERBS | GENERIC))
    if not wanted or not any(2 * len(wanted & tokens_of(n)) >= len(wanted) for n in names):
        return False
    # "wat verwacht een b2r klant van jou": a word beside the subject that one sentence says of the
    # subject asks about that, not about the subject as a whole.
    named = tokens_of(" ".join(names))
    extra = wanted - named
    tokens = composer.tokens
    return not any(extra & tokens[s.id] and named & tokens[s.id] for s in composer.body(section_id))


# Words that ask for the parts or kinds of a term rather than name it.
_ASKING_PARTS = re.compile(rf"(?:{LIST_NOUNS})|dingen|zaken|onderwerpen|aspecten")


def literal_sections(composer: Composer, q: str, intent: Intent) -> list[str]:
    """The sections that use the asked term word for word (course order), when few do: as asked,
    small words included ("nota van inlichtingen"), as the topic's words, without its verbs ("hoe
    meet je klantverloop" → "klantverloop"), or an English term in the notes' Dutch ("market
    share" → "marktaandeel")."""
    literal: list[str] = []
    core = ""
    if intent.kind in TERM_INTENTS:
        topic = intent.topic
        if intent.kind == "why":  # "waarom is de eerste aankoop zo belangrijk": about "eerste aankoop"
            topic = " ".join(w for w in topic.split() if w not in EVALUATIVE) or topic
        said = original_words(q, topic) if topic else ""
        plain_topic = display_topic(topic)
        # "welke dingen zet je in een swot": the term without the words that ask for its parts (an
        # abbreviation, below).
        core = " ".join(w for w in plain_topic.split() if not _ASKING_PARTS.fullmatch(fold(w)))
        literal = (
            composer.phrase_sections(said)
            or composer.phrase_sections(topic)
            or composer.phrase_sections(plain_topic, examples=False)
        )
        if len(plain_topic.split()) < 2 and len(literal) > 3:
            literal = []  # a single common word is no term
        # "leg aanbestedingen uit": the section titled so, though its text says "aanbesteding".
        if literal:
            titled = [x.id for x in composer.course.sections if is_title(composer.course, plain_topic, x.id)]
            literal = list(dict.fromkeys([*titled, *literal]))
    short = re.fullmatch(r"[a-z]{3,5}", fold(core or intent.topic)) if intent.kind in TERM_INTENTS else None
    if not literal and short:
        # "wat is vmi": an abbreviation the notes write in capitals ("… inventory, VMI)").
        literal = list(dict.fromkeys(x.section_id for x in in_capitals(composer, short[0])))
        literal = literal if len(literal) <= 3 else []
    if not literal and intent.kind != "comparison" and intent.topic:
        asked_words = display_topic(intent.topic)
        dutch = to_dutch(asked_words)
        if dutch and dutch != fold(asked_words):
            # "explain the scarcity principle": "schaarste", without the word for what kind of thing it is.
            core_dutch = " ".join(w for w in dutch.split() if w not in GENERIC)
            translated = set(dutch.split()) - set(fold(asked_words).split())
            core_dutch = core_dutch if translated & set(core_dutch.split()) else ""  # its English said it
            literal = composer.phrase_sections(dutch, examples=False) or (
                composer.phrase_sections(core_dutch, examples=False) if core_dutch else []
            )
            literal = literal if len(literal) <= 3 else []
    return literal


def in_capitals(composer: Composer, short: str) -> list[Sentence]:
    """The sentences that write ``short`` as an abbreviation in capitals ("… inventory, VMI)"),
    in order; only the few that hold its letters at all are searched."""
    capitals = re.compile(rf"\b{re.escape(short.upper())}\b")
    return [s for s in composer.holding(fold(short)) if capitals.search(s.text)]


@functools.lru_cache(maxsize=4)
def proper_names(composer: Composer) -> frozenset[str]:
    """The names the notes write only capitalised inside a sentence ("Weele", "Kraljic", "Cialdini")."""
    capital: set[str] = set()
    lower: set[str] = set()
    for s in composer.sentences:
        for w in s.text.split()[1:]:
            w = w.strip(".,;:!?()'\"")
            if w.isalpha():
                (capital if w[0].isupper() and w[1:].islower() else lower).add(fold(w))
    return frozenset(capital - lower)


# Words that name nothing: scaffolding, stop words, verbs and situation words.
_PLAIN = SCAFFOLD | DUTCH_STOPWORDS | VERBS | PLAIN


def rare_word_section(composer: Composer, topic: str, shortest: int = 9) -> str | None:
    """The one section whose explanation (not its worked example) uses a long word of ``topic``
    ("wat doe je in de oriëntatiefase" → Klantrelatiecyclus), if exactly one does (``shortest``:
    the fewest letters a word needs to count as long)."""

    def holders(word: str) -> set[str]:
        pattern = re.compile(rf"\b{word}")
        held = composer.holding(word)  # the sentences that hold it at all, looked up once
        found = {s for s in held if s.part == "body" and pattern.search(composer.folded[s.id])}
        if len(word) < 9 and word not in names:  # a short word as the notes write a word, not a name
            found = {s for s in found if re.search(rf"(?<![^\W\d_]){word}", s.text)}
        return {s.section_id for s in found}

    said = re.findall(r"[a-z]+", fold(topic))
    names = proper_names(composer) if shortest >= 9 else frozenset()  # short words: no names ("Utrecht")

    def long(w: str) -> bool:
        if len(w) >= 4 and w in names:
            return True  # "van weele": a name counts from four letters
        return len(w) >= shortest and w not in _PLAIN and w not in GENERIC

    long_words = [w for w in said if long(w)]
    for word in long_words:
        found = holders(word)
        if not found:  # "knelpuntkwadrant": the sections that use all of the notes' words it is made of
            parts = composer.parts(word)
            found = set.intersection(*(holders(p) for p in parts)) if parts else set()
        if len(found) == 1:
            return found.pop()
    return None


def abbreviation_entries(course: Course, q: str) -> list[GlossaryEntry]:
    """The glossary entries whose abbreviation the question uses as a word ("een goede am" →
    Accountmanager (… AM)); only names the notes write in capitals, so "am" in English is rare —
    or that an English term of several words names ("buying center" → DMU (… inkoopcentrum))."""
    words = set(re.findall(r"[a-z0-9']+", fold(q)))
    dutch = set(english_phrases(q).values())
    return [
        e
        for e in course.glossary
        if any((abbreviation(n) and fold(n) in words) or fold(n) in dutch for n in e.names)
    ]


def named_word_entry(composer: Composer, topic: str) -> GlossaryEntry | None:
    """The glossary entry that a long, rare word of ``topic`` names exactly, alias included ("het team
    rond een sleutelklant" → Key account (sleutelklant)), when all such entries are in one section;
    a word the text of more than two sections uses ("inkoper") ties to none."""
    for word in re.findall(r"[a-z]{7,}", fold(topic)):
        if any(composer.spread(t) > 2 for t in tokens_of(word)):
            continue
        glossary = composer.course.glossary
        named = [e for e in glossary if any(fold(n) in (word, word.rstrip("s")) for n in e.names)]
        if named and len({e.section_id for e in named}) == 1:
            return named[0]
    return None


@functools.cache
def _short_names(composer: Composer) -> tuple[tuple[re.Pattern[str], GlossaryEntry], ...]:
    """The glossary's short Dutch names (4–6 letters) that the text of at most two sections uses.
    An English name ("buyer") is read as its Dutch word already, and may be part of a term the
    notes lack ("buyer persona")."""
    return tuple(
        (re.compile(rf"\b{n}\b"), entry)
        for entry in composer.course.glossary
        for n in map(fold, entry.names)
        if 4 <= len(n) < 7 and n.isalpha() and not to_dutch(n)
        and all(composer.spread(t) <= 2 for t in tokens_of(n))
    )


def short_name_entry(composer: Composer, q: str) -> GlossaryEntry | None:
    """The glossary entry a short name of it stands for in ``q`` ("de boer als verkoperstype" →
    Farmer (boer))."""
    folded = fold(q)
    return next((entry for pattern, entry in _short_names(composer) if pattern.search(folded)), None)


def title_word_section(composer: Composer, course: Course, topic: str) -> str | None:
    """The section whose title holds a word of ``topic`` that few sections explain, also as the
    head of a compound ("hoe houd je een netwerkcontact warm" → Netwerken, "een lekke funnel" →
    the sales funnel), if exactly one title does."""
    words = re.findall(r"[a-z]{5,}", fold(topic))
    found: set[str] = set()
    for section in course.sections:
        for t in re.findall(r"[a-z]{5,}", fold(section.title)):
            stem = re.sub(r"(?:en|s)$", "", t)
            if len(stem) < 5 or not any(w.startswith(stem) for w in words):
                continue
            pattern = re.compile(rf"\b{stem}")
            body = {
                s.section_id
                for s in composer.sentences
                if s.part == "body" and pattern.search(composer.folded[s.id])
            }
            if len(body) <= TITLE_WORD_SECTIONS:
                found.add(section.id)
    return found.pop() if len(found) == 1 else None


def glossary_heads(course: Course) -> dict[str, list[GlossaryEntry]]:
    """The glossary entries by the last word of each of their names ("funnel" → Sales funnel)."""
    heads: dict[str, list[GlossaryEntry]] = {}
    for g in course.glossary:
        for last in {fold(n).split()[-1] for n in g.names if n.split()}:
            heads.setdefault(last, []).append(g)
    return heads


def entry_named(
    lookup: Callable[[str], GlossaryHit | None],
    heads: dict[str, list[GlossaryEntry]],
    name: str,
    minimum: float,
) -> GlossaryEntry | None:
    """The glossary entry called ``name``: as looked up (typos forgiven, a score of at least
    ``minimum``), in the singular ("verkopen" → "verkoop"), or the one entry whose name ends in the
    word asked (``heads``: "funnel" → "Sales funnel")."""
    if not name:
        return None
    hit = lookup(name)
    if (hit is None or hit.score < minimum) and OPEN_PLURAL.search(name):
        hit = lookup(OPEN_PLURAL.sub(r"\1\2\2\3", name))
    if hit is not None and hit.score >= minimum:
        return hit.entry
    named = heads.get(fold(name), [])
    return named[0] if len(named) == 1 else None


@functools.lru_cache(maxsize=4096)
def plain_tokens(text: str) -> frozenset[str]:
    """Content tokens without hyphenated wholes ("STP-proces" → stp, proces)."""
    return frozenset(t for t in tokens_of(text) if "-" not in t)


def title_names(title: str) -> list[str]:
    """The names a section's title gives it: "Net Promoter Score (NPS)" is itself, the name in
    brackets and the name without them."""
    return [title, *re.findall(r"\(([^)]+)\)", title), re.sub(r"\s*\([^)]*\)", "", title)]


def is_title(course: Course, topic: str, section_id: str) -> bool:
    """Whether ``topic`` is the section's title itself ("stp proces" → "STP-proces", "nps")."""
    return any(plain_tokens(topic) == plain_tokens(n) for n in title_names(course.section(section_id).title))


def is_subject(course: Course, topic: str, section_id: str) -> bool:
    """Whether ``topic`` is the section's title or a name of its first glossary term, the subject it
    explains ("piramidemodel van curry" → Klantenpiramide)."""
    section = course.section(section_id)
    names = section.glossary[0].names if section.glossary else ()
    return is_title(course, topic, section_id) or any(plain_tokens(topic) == plain_tokens(n) for n in names)


def titled_section(composer: Composer, q: str, candidates: list[str]) -> str | None:
    """The one candidate section whose title the question names in full ("… bij aanbestedingen …"
    → Aanbestedingen; "NPS" for "Net Promoter Score (NPS)"), if exactly one is named, and by words
    few other sections use ("Klanten" is named by every question about a klant)."""
    said = plain_tokens(q)
    if candidates and plain_tokens(composer.course.section(candidates[0]).title) & said:
        return None  # the top section's own title is named too ("the steps of the STP process")
    named = []
    for sid in candidates:
        title = composer.course.section(sid).title
        if any(composer.spread(t) > TITLE_WORD_SECTIONS for t in plain_tokens(title)):
            continue
        if any((wanted := plain_tokens(n)) and wanted <= said for n in title_names(title)):
            named.append(sid)
    return named[0] if len(named) == 1 else None


def unlisted_phrase(composer: Composer, q: str, section_id: str, listed: str) -> str:
    """Two words of the question in a row that one sentence of the section says as written, when
    the list found (``listed``) does not say them and they are no name of the section's own subject
    ("welke taken neemt software voor marketing automation over": "Marketing automation-software
    voert dit … uit", not the list of lead kinds); "" when there are none."""
    section = composer.course.section(section_id)
    own = fold(" ".join([section.title, *(n for g in section.glossary for n in g.names)]))
    words = re.findall(r"[a-z0-9]+", fold(q))
    listed = fold(listed)
    if same_kind("|".join(re.findall(rf"\b(?:{LIST_NOUNS})\b", " ".join(words))), listed[:300]):
        return ""  # "…, welke rollen hebben die": the list of roles found is what is asked
    body = composer.body(section_id)
    for a, b in pairwise(words):
        phrase = f"{a} {b}"
        pattern = composer.phrase_pattern(phrase)
        if min(len(a), len(b)) < 5 or {a, b} & _PLAIN or {a, b} <= GENERIC or pattern is None:
            continue
        if pattern.search(own) or pattern.search(listed):
            continue  # "account management": the section's own subject, which the list is about
        if sum(bool(pattern.search(composer.folded[s.id])) for s in body) == 1:
            return phrase
    return ""


def listed_text(comp: Composition) -> str:
    """The words of a list answer: its announcement and every item."""
    return " ".join([comp.headline, *(f"{label} {text}" for label, text in comp.items), comp.context])
