"""Which words the course knows: the unknown-term guard ("SPIN selling staat niet in de samenvatting")."""

from __future__ import annotations

import re

import Stemmer
from rapidfuzz import fuzz, process

from index.english import WORDS as ENGLISH
from index.english import english_phrases
from index.text import DUTCH_STOPWORDS, IRREGULAR, common_prefix, fold, remembered, without_apostrophe_ending
from knowledge.model import Course
from tutor.cues import SCAFFOLD

# A misspelt course word is set right from this length and this similarity (rapidfuzz ratio) on.
SPELL_MIN, SPELL_SCORE = 6, 86
_STEM = Stemmer.Stemmer("dutch")
# Generic words that never make a question hinge on them (Dutch and English).
GENERIC = frozenset(
    """
    gebied gebieden aspect aspecten normaal normale gewoon gewone regulier reguliere
    model modellen methode methodes methoden method matrix theorie theory process proces concept principe
    principle strategie strategy regel rule analyse analysis techniek technique selling sales marketing
    verkoop verkopen verkoper klant klanten bedrijf bedrijven sale stages steps phases stappen fasen
    types typen type soort soorten vorm vormen categorie categorieen rollen roles groep groepen groups
    onderdelen parts werkt work works werking how use bouwstenen bouwsteen ingredienten elementen componenten
    gebruik gebruiken belangrijk important goed goede good beste best je doe doen ik mijn we ons onze your my
    our get does did can could should would will about with from into for and the this that these those
    waarom why when who where which what whats is are was were be been being have has had do there
    then than also just only very really een ze hun mag moet moeten kunnen wil willen zou zeggen zegt
    stof samenvatting notities boek hoofdstuk college les tekst volgens cursus vak summary notes
    you yourself how calculate calculation compute formula difference between example explain
    uitrekenen berekenen rekenen uitgerekend berekend
    goal goals target targets rate rates mean means meaning define definition term terms
    tip tips advies adviezen ja nee bedenker bedenkers grondlegger uitvinder maker makers auteur
    letter letters afkorting afkortingen takenpakket rijtje lijstje lijst opsomming overzicht weg
    hoofdstuk hoofdstukken delen erin
    ie they them it its their one ones
    """.split()
)


# Verbs and pronouns that carry no topic: "hoe maak ik pannenkoeken" is about pannenkoeken.
VERBS = frozenset(
    """
    maak maken make made bak bakken doe krijg krijgen zet zetten gaat gaan ga kom komen word wordt
    vind vinden heb hebt hebben kun kunt kan lukt leer leren learn find need want ik je jij we wij
    pas toe toepassen hanteer hanteren meet meten
    mijn jouw ons onze i me my mezelf jezelf zichzelf onszelf uzelf myself yourself
    zegt zeggen zei vindt schrijft beweert
    bevat bevatten omvat omvatten
    """.split()
)


def bare(word: str) -> str:
    """``word`` without the apostrophe endings of abbreviations and without apostrophes."""
    return without_apostrophe_ending(word).replace("'", "")


def display_topic(topic: str) -> str:
    """The topic without verbs and pronouns, for "… staat niet in de samenvatting"."""
    kept = [w for w in topic.split() if fold(w) not in VERBS]
    return " ".join(kept) or topic


# Endings that make another form of one word ("onderscheidt", "onderscheiden"), not another word.
_INFLECTIONS = frozenset({"", "t", "d", "e", "n", "s", "en", "de", "te", "st", "er", "tje"})


def _typo_shape(candidate: str, word: str) -> bool:
    """Whether ``word`` could be a typo of ``candidate``: about its length ('marketingmix' is no
    typo of 'marketing') and the same first letter ('pestel' is no 'bestel', 'sandler' no 'ander')."""
    return abs(len(candidate) - len(word)) <= 2 and candidate[0] == word[0]


def _swapped(name: str, word: str) -> bool:
    """Whether ``word`` is ``name`` with two neighbouring letters swapped."""
    diff = [i for i, (x, y) in enumerate(zip(name, word, strict=False)) if x != y]
    return len(name) == len(word) and len(diff) == 2 and diff[1] == diff[0] + 1


def _inflected(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are forms of one word: the same up to endings that inflect
    ("onderscheidt"/"onderscheiden"; "groeipotentie" is a misspelt "groeipotentieel")."""
    n = common_prefix(a, b)
    return a[n:] in _INFLECTIONS and b[n:] in _INFLECTIONS


class Coverage:
    """Vocabulary of a course, to tell a typo from a term the notes do not contain."""

    def __init__(self, course: Course) -> None:
        texts = [course.title]
        examples = []
        names: list[str] = []  # what the course names: its titles and glossary terms
        for ch in course.chapters:
            texts += [ch.title, ch.intro]
            for s in ch.sections:
                texts += [s.title, s.body, *s.questions]
                examples.append(s.example)
                names.append(s.title)
                for g in s.glossary:
                    texts += [*g.names, g.definition]
                    names += g.names
        # The words the course explains, and those only its worked examples use ("laptop", "bakkerij").
        self.core = {w for t in texts for w in re.findall(r"[a-z0-9]+", fold(t))}
        # "cross-selling" is also written joined by students ("crossselling", "crosssell").
        hyphened = (w for t in texts for w in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", fold(t)))
        self.core |= {w.replace("-", "") for w in hyphened}
        self.core_stems = set(_STEM.stemWords(list(self.core)))
        self.words = self.core | {w for t in examples for w in re.findall(r"[a-z0-9]+", fold(t))}
        self.stems = set(_STEM.stemWords(list(self.words)))
        self._long = sorted(w for w in self.words if len(w) >= 4)
        self._joined = "\n" + "\n".join(self._long) + "\n"
        named = {w for t in names for w in re.findall(r"[a-z]+", fold(t))}
        self._names = sorted(w for w in named if len(w) >= SPELL_MIN)
        # Short names, set right only for two letters swapped ("saels" → "sales").
        self._short = {"".join(sorted(w)): w for w in named if 4 <= len(w) < SPELL_MIN}
        self._cache: dict[str, bool] = {}
        self._compound_seen: dict[str, bool] = {}
        self._by_prefix: dict[str, list[str]] = {}
        for w in self._long:
            self._by_prefix.setdefault(w[:4], []).append(w)

    def known(self, word: str) -> bool:
        """Whether ``word`` (folded) is in the course: exactly, by stem, as a compound, or as a typo."""
        if word not in self._cache:
            if len(self._cache) > 50_000:
                self._cache.clear()
            self._cache[word] = self._known(word)
        return self._cache[word]

    def _known(self, word: str) -> bool:
        if self.written(word):
            return True
        if word.endswith("s") and word[:-1] in self.words:
            return True  # kpis → kpi
        if len(word) >= 5 and self._in_compound(word):
            return True  # part of a compound the notes use: vlinderdas → vlinderdasmodel
        # Both parts a real word: "mag" + "net" is no compound ("magnet"), "vlinder" + "das" is.
        for i in range(4, len(word) - 2):
            head = word[i:]
            if len(head) < 4 and i < 6:
                continue
            if word[:i] not in self.words and (i < 6 or not self.written(word[:i])):
                continue  # "koffiemachinefabrikant": the notes write "koffiemachines"
            # "producttypen": a course word and a generic one; "groei" + "strategien": a typo in the tail.
            if self.written(head) or head in GENERIC or (len(head) >= 7 and self.known(head)):
                return True
        if word in ENGLISH and self.known(ENGLISH[word]):
            return True  # an English word of the trade: buying → koop
        if word in IRREGULAR and self.written(IRREGULAR[word]):
            return True  # a verb form of a noun the notes use: acquireren → acquisitie
        if len(word) >= 5 and any(
            abs(len(w) - len(word)) <= 2 and common_prefix(w, word) >= 0.6 * min(len(w), len(word))
            for w in self._by_prefix.get(word[:4], ())
        ):
            return True  # an English cognate or a Dutch inflection: mission → missie, vision → visie
        if len(word) >= 5:
            found = process.extract(word, self._long, scorer=fuzz.ratio, score_cutoff=82, limit=5)
            return any(_typo_shape(w, word) for w, _, _ in found)
        return False

    def _in_compound(self, word: str) -> bool:
        """Whether ``word`` begins or ends a word the notes write (vlinderdas → vlinderdasmodel)."""
        return remembered(
            self._compound_seen, word, lambda: f"\n{word}" in self._joined or f"{word}\n" in self._joined
        )

    def spelled(self, text: str) -> str:
        """``text`` with misspelt course terms set right ("kralic" → "kraljic", "sellogam" →
        "sellogram"): a word of six letters or more the notes do not write, nor build as a compound
        or say in English, that is one word of a title or glossary term of about its length and
        first letter, misspelt (not any word of the notes: "morgen" is no "mogen")."""

        def fix(m: re.Match[str]) -> str:
            raw = m.group()
            word = fold(raw)
            if not word.isalpha() or self.written(word) or word in ENGLISH:
                return raw
            if len(word) < SPELL_MIN:
                short = self._short.get("".join(sorted(word)), "")
                return short if _swapped(short, word) else raw
            # Part of a compound the notes use, unless it only lacks an ending ("marktpotentie").
            if self._in_compound(word) and not re.search(rf"\n{word}[a-z]{{1,2}}\n", self._joined):
                return raw
            found = process.extract(word, self._names, scorer=fuzz.ratio, score_cutoff=SPELL_SCORE, limit=3)
            near = [w for w, _, _ in found if _typo_shape(w, word) and not _inflected(w, word)]
            return near[0] if len(near) == 1 or (near and found[0][1] > found[1][1]) else raw

        return re.sub(r"[^\W\d_]+", fix, text)

    def written(self, word: str) -> bool:
        """Whether the notes write ``word`` itself (or an inflection of it)."""
        return word in self.words or _STEM.stemWord(word) in self.stems

    def only_in_examples(self, topic: str) -> bool:
        """Whether ``topic``'s distinctive words occur in the course only in worked examples
        ("beste laptop voor studenten": a laptop is an example's prop, not a subject)."""
        found = []
        for raw in re.findall(r"[\w'&-]+", fold(topic)):
            w = bare(raw)
            if w in SCAFFOLD or w in DUTCH_STOPWORDS or w in GENERIC or w in VERBS or len(w) < 4:
                continue
            if not self.written(w):
                continue  # a typo ("kwalitatiefe") or a word the notes lack says nothing about examples
            found.append(w in self.core or _STEM.stemWord(w) in self.core_stems)
        return bool(found) and not any(found)

    def unknown_terms(self, topic: str) -> tuple[list[str], int]:
        """The distinctive words of ``topic`` that the course does not contain, and how many it has."""
        out = []
        distinctive = 0
        raws = re.findall(r"[\w'&-]+", fold(topic))
        # "hit rate" is the notes' "hitrate": two words that join into a course word are known.
        joined = {
            j
            for i in range(len(raws) - 1)
            for j in (i, i + 1)
            if min(len(raws[i]), len(raws[i + 1])) >= 3
            and (self.written(raws[i] + raws[i + 1]) or self._in_compound(raws[i] + raws[i + 1]))
        }
        # "diamond model": an English term of the trade whose Dutch the notes use is known.
        # ("foot in the door": the notes' "voet-in-de-deurtechniek", each Dutch word written.)
        english = {
            w
            for p, dutch in english_phrases(topic, loose=True).items()
            if all(self.written(d) or d in DUTCH_STOPWORDS for d in dutch.split())
            for w in p.split()
        }
        for n, raw in enumerate(raws):
            if n and raws[n - 1] == "te":
                continue  # "zonder te pushen": an infinitive is no term
            if n in joined or raw in english:
                distinctive += 1
                continue
            word = bare(raw)
            solid = word.replace("-", "")
            if "-" in word and len(solid) >= 6 and (self.written(solid) or self._in_compound(solid)):
                distinctive += 1  # "cross-sell": the notes' "cross-selling" cut short
                continue
            parts = [p for p in re.split(r"[-&]", word) if p]
            for w in parts:
                if w.isdigit() or w in SCAFFOLD or w in DUTCH_STOPWORDS or w in GENERIC or w in VERBS:
                    continue
                if len(w) == 1 and not raw.endswith("'s"):
                    continue
                distinctive += 1
                if not self.known(w):
                    out.append(w)
        return out, distinctive
