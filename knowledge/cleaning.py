"""Strip what surrounds a real summary: store pages, page artefacts, repeated headers."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

TOC_LINE = re.compile(r"^(?P<title>\S.*?)\s*(?:\.{4,}|…{2,}|(?:\. ){4,})\s*(?P<page>\d{1,4})\s*$")
PAGE_NUMBER = re.compile(r"^(?:pagina |page |p\. ?)?\d{1,4}(?: (?:van|of|/) \d{1,4})?$", re.IGNORECASE)
PRICE = re.compile(r"(?:[€$£]\s?\d|\d+[,.]\d{2}\s?(?:€|eur\b)|\bEUR\s?\d)", re.IGNORECASE)

# Words that only turn up in shop pages around a document, in the languages such shops use.
STORE_MARKERS = re.compile(
    r"\b(?:stuvia|studeersnel|studocu|winkelwagen|ajouter au panier|add to cart|in den warenkorb|"
    r"aperçu|preview \d|voorbeeld \d+ van|vérifier|achats?|vues|vendus?|"
    r"trustpilot|veelgestelde vragen|foire aux questions|frequently asked|geld[- ]terug|"
    r"garantie de|money[- ]back|avis|review-writer|avatar|logo-home|iDeal|creditcard|"
    r"carte de crédit|commencez à vendre|start selling|begin met verkopen|add to basket)\b",
    re.IGNORECASE,
)

# The most frequent function words per language: enough to tell a Dutch paragraph from
# the French, English or German text a store wraps around it.
FUNCTION_WORDS = {
    "nl": set(
        """
        de het een en van in is dat op te zijn met voor niet aan er om ook als bij door naar je
        ze wordt worden deze die dit hun wat of maar meer kan moet heeft hebben uit over zich
        tot wel veel zo
        """.split()
    ),
    "fr": set(
        """
        le la les un une des et est du de en pour que qui dans sur pas vous nous ce cette avec
        au aux sont il elle plus ou par ne se votre vos ça
        """.split()
    ),
    "en": set(
        """
        the and is are of to in that for with on you this it as be by or from at your was have
        has not an can will
        """.split()
    ),
    "de": set(
        """
        der die das und ist nicht ein eine zu den mit sich des auf für im dem auch es sie wir
        ich wird sind von
        """.split()
    ),
}


@dataclass
class Cleaned:
    """Body lines of the document plus the titles its table of contents names."""

    lines: list[str]
    toc_titles: list[str]
    dropped_store_lines: int


def language_of(text: str) -> str | None:
    """Best guess among nl/fr/en/de from function words; None when there is too little text."""
    words = re.findall(r"[a-zà-ÿ']+", text.lower())
    if len(words) < 4:
        return None
    scores = {lang: sum(w in vocab for w in words) for lang, vocab in FUNCTION_WORDS.items()}
    lang, best = max(scores.items(), key=lambda kv: kv[1])
    if best == 0:
        return None
    # Dutch and the others share a few words ("de", "in"); ask for a clear lead.
    others = max(v for k, v in scores.items() if k != lang)
    return lang if best > others else None


def is_store_line(line: str) -> bool:
    """True for shop chrome: buttons, ratings, sales counters, FAQ of the shop, and a bare price.
    A body line or table row is never dropped just for naming an amount in euros."""
    if STORE_MARKERS.search(line):
        return True
    return bool(PRICE.search(line)) and len(line.split()) <= 3 and "|" not in line


def _blocks(lines: list[str]) -> list[list[int]]:
    """Indices of lines grouped into blank-line separated blocks."""
    blocks: list[list[int]] = []
    current: list[int] = []
    for i, line in enumerate(lines):
        if line.strip():
            current.append(i)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def clean(text: str, language: str = "nl") -> Cleaned:
    """Find the document inside ``text`` and drop everything that is not its content."""
    # Private-use glyphs (Wingdings arrows and bullets from PDFs) carry no text.
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Co", "Cc") or ch in "\n\t")
    raw = [line.replace("\u00a0", " ").rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    # Page-break artefact: the next page begins with ", " glued to its first line.
    raw = [line[2:] if line.startswith(", ") else line for line in raw]
    toc_titles: list[str] = []
    lines: list[str] = []
    first_toc = None
    last_page_number = -1
    for line in raw:
        stripped = line.strip()
        m = TOC_LINE.match(stripped)
        if m:
            toc_titles.append(m["title"].strip(" .:"))
            if first_toc is None:
                first_toc = len(lines)
            lines.append("")
            continue
        if PAGE_NUMBER.match(stripped):
            last_page_number = len(lines)
            lines.append("")
        else:
            lines.append(line)

    # Lines repeated on many pages are running headers or footers.
    counts = Counter(line.strip() for line in lines if line.strip())
    repeated = {t for t, n in counts.items() if n >= 3 and len(t.split()) <= 8}
    lines = ["" if line.strip() in repeated else line for line in lines]

    dropped = 0
    blocks = _blocks(lines)
    start = first_toc if first_toc is not None else 0
    keep = [False] * len(lines)
    for block in blocks:
        if block[-1] < start:
            dropped += len(block)  # preamble before the table of contents: the shop page
            continue
        block_text = " ".join(lines[i].strip() for i in block)
        lang = language_of(block_text)
        # After the last page number only text that is clearly the document's language stays:
        # that is where shops put their reviews, FAQ and buttons.
        trailing = last_page_number >= 0 and block[0] > last_page_number
        if (lang is not None and lang != language) or (trailing and lang != language):
            dropped += len(block)
            continue
        for i in block:
            if len(re.findall(r"[^\W\d_]", lines[i])) < 3 or (
                is_store_line(lines[i]) and len(lines[i].split()) <= 25
            ):
                dropped += 1
                continue
            keep[i] = True
    body = [line if keep[i] else "" for i, line in enumerate(lines)]
    # Collapse runs of blank lines.
    out: list[str] = []
    for line in body:
        if line.strip() or (out and out[-1].strip()):
            out.append(line.strip() if not line.strip() else line.rstrip())
    return Cleaned(lines=out, toc_titles=toc_titles, dropped_store_lines=dropped)
