"""The unknown-term guard: a question that hinges on a term the notes do not contain gets that
said by name ("SPIN selling staat niet in de samenvatting"), never an answer from an unrelated
passage."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from index.english import english_phrases, to_dutch
from index.retriever import Retrieval
from index.text import DUTCH_STOPWORDS, fold
from knowledge.model import GlossaryEntry
from tutor.anchors import Anchors
from tutor.coverage import VERBS, Coverage, bare, display_topic
from tutor.cues import SCAFFOLD
from tutor.intent import Intent, situation_and_tail
from tutor.terms import original_words

# "van oriëntatie tot afscheid", "van suspect naar klant": the two ends of a range.
RANGE = re.compile(r"\bvan ([\w'-]+) (?:tot|naar|t/m) ([\w'-]+)")


# The head of a named method: "sandler selling", "bant kwalificatie", "gap model" — the name
# before it is what the question hinges on.
METHOD_HEAD = frozenset(
    "selling sale model modellen methode method systeem system techniek technique canvas matrix "
    "framework theorie theory aanpak kwalificatie qualification formule principe".split()
)


def names_method(topic: str, unknown: list[str], coverage: Coverage) -> bool:
    """Whether an unknown word of ``topic`` names a method: it stands right before a method's head,
    and the two are no known term written apart ("up selling" is upselling)."""
    words = [fold(w) for w in topic.split()]
    return any(
        w in unknown and nxt in METHOD_HEAD and coverage.unknown_terms(w + nxt)[0]
        for w, nxt in itertools.pairwise(words)
    )


# The plural a list question asks for: "welke competenties …", "wat zijn de skills van …".
ASKED_KIND = re.compile(
    r"^(?:(?:op|in|uit|aan|met|van) )?(?:welke|wat zijn (?:de|alle))\s+(?:\d{1,2}\s+|\w+e\s+)?([a-z]{4,})"
    r"(?:\s+(\w+))?"
)
# "… moet dat rusten": an infinitive after a modal closes the clause.
MODAL_END = re.compile(r"\b(?:moet|moeten|kan|kun|kunnen|zal|zullen|mag|mogen)\b(?:\s+\w+){0,2}\s+(\w+)$")


def unknown_hinge(
    q: str,
    intent: Intent,
    r: Retrieval,
    coverage: Coverage,
    entry: Callable[[str], GlossaryEntry | None],
) -> str | None:
    """The name of a term the question hinges on that the course does not contain (``entry``
    finds a glossary entry by name)."""
    if intent.kind == "scenario" or r.glossary is not None:
        return None
    topics = list(intent.sides) if intent.kind == "comparison" else [intent.topic]
    # "verkopers die op pad gaan": a clause that describes a side is no term it hinges on.
    topics = [re.sub(r"\s(?:die|dat|waar|who|that)\s.*$", "", t) for t in topics]
    methods: set[str] = set()
    if intent.kind == "explanation" and intent.topic:
        # "hoe werkt het aida-model in een verkoopgesprek": the model asked about comes first.
        asked = original_words(q, intent.topic)
        head = re.split(r"\s(?:in|bij|tijdens|volgens|voor)\s", asked)[0]
        # (Not within an English term: "de foot in the door bij cialdini".)
        if head != asked and not any(p.startswith(f"{head} ") for p in english_phrases(asked)):
            topics.append(head)
        # "hoe kwalificeer je leads met bant": the method it is done with, when the notes lack it.
        method = re.split(r"\s(?:met|volgens|via|using|with)\s(?:de |het |een )?", asked)
        if len(method) > 1:
            used = method[-1].split(",")[0]  # "starten met accountmanagement, op welke …": up to the comma
            topics.append(used)
            methods = {used}
    # "wat zegt maslow over koopmotieven": the question hinges on who says it.
    said_by = r"^wat (?:zegt|zeggen|vindt|schrijft|stelt|beweert) (?:de |het )?([\w' -]+?) over "
    says = re.match(said_by, fold(q))
    if says is not None and intent.kind != "comparison":
        topics.append(says[1])
        methods.add(says[1])
    # "de vijf krachten van een salesfunnel volgens hubspot": the source the question names.
    source = re.search(r"\bvolgens (?:de |het )?([\w'-]+(?: [\w'-]+)?)\s*[?!.]*$", fold(q))
    if source is not None and intent.kind != "explanation":  # (explanations read "volgens" above)
        topics.append(source[1])
        methods.add(source[1])
    # "wij starten met accountmanagement, op welke 4 pijlers …": the clause that asks.
    clause = re.split(r"[,:;]\s*", fold(q).strip(" ?!."))[-1]
    first = fold(q).split()[0] if q.split() else ""  # the question's first word
    for topic in topics:
        if not topic or entry(topic) is not None:
            continue
        if intent.kind == "definition" and coverage.only_in_examples(topic):
            return original_words(q, display_topic(topic))
        unknown, distinctive = coverage.unknown_terms(topic)
        # "van oriëntatie tot afscheid": a range whose other end the notes know is no term.
        for ends in RANGE.findall(fold(q)):
            if any(e not in unknown for e in ends):
                unknown = [u for u in unknown if u not in ends]
        # "welke competenties moet een accountmanager hebben": the kind of list asked is no term
        # the question hinges on when what it is asked of is known.
        kind = ASKED_KIND.search(clause) if intent.kind == "enumeration" else None
        if kind is not None:
            # "op welke 4 pijlers rust accountmanagement": the verb after the kind asked is no term.
            end = MODAL_END.search(clause)
            verbs = {bare(v) for v in (kind[2], end[1] if end else None) if v}
            if distinctive > 1 and [u for u in unknown if u not in verbs] == [bare(kind[1])]:
                unknown = []
        if intent.kind == "enumeration":
            # "geef alle zes beïnvloedingswapens van cialdini": a kind of list the notes call otherwise,
            # its head ("beïnvloeding") a word of the notes, joined by a linking "s".
            unknown = [u for u in unknown if not linked_head_known(u, coverage)]
        if not unknown:
            continue
        # A term question hinges on its unknown words when they are at least half of what it
        # names (so does the method a how-question names); a why/how question only when none of
        # its words is in the notes.
        hinges = intent.kind in ("definition", "comparison", "example", "enumeration", "calculation")
        hinges = hinges or topic in methods
        # "customer value journey": a term stands or falls with its head, its last word.
        head = fold(topic.split()[-1]) if intent.kind == "definition" else ""
        mostly = 2 * len(unknown) >= distinctive or head in unknown
        # "leg de sandler pain funnel uit": a name in front of the notes' words names another thing.
        words = [bare(fold(w)) for w in topic.split()]
        named = intent.kind in ("definition", "explanation") and 2 <= len(words) <= 4 and words[0] in unknown
        named = named and not set(words) & VERBS and not to_dutch(words[0])
        named = named and TERM_ASKED.match(fold(q)) is not None
        # "hoe werkt de bant kwalificatie van leads": a method named by an unknown name.
        by_name = names_method(topic, unknown, coverage)
        # "wat is de rol van een sdr": an abbreviation the notes lack is what the question is about.
        # (Not the question's first word: "wst is een dmu" mistypes "wat".)
        by_name = by_name or (
            intent.kind != "calculation" and any(abbreviation_like(u) and u != first for u in unknown)
        )
        if (hinges and mostly) or named or len(unknown) == distinctive or by_name:
            return unknown_name(original_words(q, display_topic(topic)), unknown)
    return None


# "leg de … uit", "wat is de …": a term asked outright.
TERM_ASKED = re.compile(r"^(?:leg (?:de |het |een )?\S|wat (?:is|zijn|houdt) (?:de |het |een )?\S)")
# Praise before a name is no part of it: "een goede powerpoint".
_PRAISE = frozenset(
    "goed goede goeie beste best good great leuk leuke mooi mooie slim slimme belangrijk belangrijke nuttig"
    .split()
)
# Words a name may end in that questions also use as scaffolding: "de aida formule".
_NAME_WORDS = frozenset("formule formula model methode theorie".split())


# Chat shorthand without vowels, no term: "btw", "pls", "thx", "mss" (misschien).
CHAT_SHORTHAND = frozenset("btw pls plz thx thnx hmm hmmm mss wss nvm idk srry sry grr brr pff pfff".split())


def linked_head_known(word: str, coverage: Coverage) -> bool:
    """Whether ``word`` is a compound whose head, before a linking "s", is a word of the notes of six
    letters or more ("beinvloedingswapens": "beinvloeding")."""
    return any(
        word[i] == "s" and coverage.written(word[:i]) for i in range(6, len(word) - 3)
    )


def abbreviation_like(word: str) -> bool:
    """Whether an unknown word reads as an abbreviation: three to five letters and no vowel ("sdr",
    "bdr", "kpr"), chat shorthand aside."""
    vowels = sum(ch in "aeiouy" for ch in word)
    return 3 <= len(word) <= 5 and word.isalpha() and not vowels and word not in CHAT_SHORTHAND


def unknown_name(words: str, unknown: list[str]) -> str:
    """The part of ``words`` that names the unknown term: its unknown words, the words of the name
    after them ("spin selling", "aida model") and before them ("customer value journey"), not the
    verbs and list nouns around it ("welke principes heeft spin selling" → "spin selling")."""
    tokens = words.split()
    folded = [bare(fold(t)) for t in tokens]
    hits = [i for i, w in enumerate(folded) if w in unknown]
    if not hits:
        return words
    start, end = hits[0], hits[-1] + 1

    def plain(w: str) -> bool:
        return w not in DUTCH_STOPWORDS and w not in VERBS and w not in _PRAISE

    def names_after(w: str) -> bool:  # "aida formule", "spin selling"; not "belangrijk" or "volgens"
        return plain(w) and (w not in SCAFFOLD or w in _NAME_WORDS)

    def names_before(w: str) -> bool:  # "4 p's", "sales playbook"; not "heeft", "van" or "goede"
        return w.isdigit() or (plain(w) and w not in SCAFFOLD)

    while end < len(tokens) and names_after(folded[end]):
        end += 1

    while start > 0 and names_before(folded[start - 1]):
        start -= 1
    # "sdr" is written as the abbreviation it is: "SDR staat niet in de samenvatting."
    said = [
        t.upper() if f in unknown and abbreviation_like(f) else t for t, f in zip(tokens, folded, strict=True)
    ]
    return " ".join(said[start:end])


def strange_situation(q: str, anchors: Anchors, coverage: Coverage) -> bool:
    """Whether a classification asks about a situation outside sales that the notes hardly know
    ("ik wil een hond kopen, welke soort past bij mij?"); asked only when retrieval trusts no section."""
    if anchors.in_sales(q):
        return False
    odd, distinctive = coverage.unknown_terms(situation_and_tail(q)[0])
    return bool(odd) and 2 * len(odd) >= distinctive
