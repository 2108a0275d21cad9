"""Learners' own summaries, generated for the tests (fpdf2, python-docx, Pillow): a short course
"Logistiek" laid out the ways real files are — font-size headings without blank lines, numbered
headings, ALL-CAPS headings, a dotted table of contents, running headers and footers with page
numbers, a table over two pages, a glossary list — and a scan without a text layer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import matplotlib
from fpdf import FPDF
from PIL import Image, ImageDraw

FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"  # DejaVu: a Unicode font (€, ë)

TITLE = "Samenvatting Logistiek"
# (chapter, [(section, paragraphs)]); every sentence is written for these tests.
CHAPTERS: list[tuple[str, list[tuple[str, list[str]]]]] = [
    ("Inleiding in logistiek", [
        ("Wat is logistiek", [
            "Logistiek is het plannen, uitvoeren en beheersen van de stroom goederen van leverancier "
            "tot klant, met de informatie die daarbij hoort. Een goed logistiek proces levert het "
            "juiste product op de juiste plaats en het juiste moment tegen zo laag mogelijke kosten.",
            "De logistieke keten bestaat uit inkoop, opslag, productie en distributie. Wie die keten als "
            "geheel bestuurt in plaats van per afdeling, spreekt van supply chain management.",
        ]),
        ("Logistieke kosten", [
            "Opslag kost geld: een palletplaats in een magazijn kost gemiddeld € 4,50 per week. "
            "Daarnaast zijn er kosten voor transport, handling en het kapitaal dat in de voorraad vastzit.",
            "Een bedrijf met een voorraad van € 200.000 en een rente van 8 procent betaalt zo € 16.000 per "
            "jaar aan vermogenskosten, nog voordat er iets is verkocht.",
        ]),
    ]),
    ("Voorraadbeheer", [
        ("Veiligheidsvoorraad", [
            "De veiligheidsvoorraad is een buffer tegen schommelingen in de vraag en in de levertijd. "
            "Hoe onzekerder de vraag, hoe groter de veiligheidsvoorraad die een magazijn aanhoudt.",
            "Goed voorraad-\nbeheer begint bij betrouwbare gegevens over vraag en levertijd. "
            "Een te grote veiligheidsvoorraad maakt opslag duur; een te kleine leidt tot misgrijpen en "
            "ontevreden klanten. Het servicepercentage bepaalt waar het evenwicht ligt.",
        ]),
        ("Bestelmethoden", [
            "Er zijn twee bekende manieren om te bepalen wanneer je bestelt:",
            "• het bestelniveausysteem: je bestelt zodra de voorraad onder een vast niveau zakt;",
            "• het periodiek systeem: je bestelt op vaste momenten een wisselende hoeveelheid.",
            "Het bestelniveau bereken je als het verbruik per dag maal de levertijd plus de "
            "veiligheidsvoorraad. Bij een verbruik van 40 stuks per dag en een levertijd van 5 dagen "
            "ligt het bestelniveau dus op 200 stuks plus de buffer.",
        ]),
    ]),
    ("Transport", [
        ("Vervoerswijzen", [
            "Elke vervoerswijze heeft eigen sterke punten. De tabel vergelijkt ze op snelheid en kosten.",
            "TABLE",
            "Over lange afstand is vervoer over water het goedkoopst, maar ook het traagst.",
        ]),
        ("Incoterms", [
            "Incoterms zijn internationale leveringsvoorwaarden. Ze leggen vast wie het transport regelt, "
            "wie de verzekering betaalt en op welk punt het risico van verkoper naar koper overgaat.",
            "Bij de Incoterm EXW haalt de koper de goederen zelf op bij de verkoper; bij DDP levert de "
            "verkoper tot aan de deur van de koper, inclusief invoerrechten.",
        ]),
    ]),
]
GLOSSARY = [
    ("Veiligheidsvoorraad", "extra voorraad die schommelingen in vraag en levertijd opvangt"),
    ("Incoterms", "internationale afspraken over transport, kosten en risico bij levering"),
    ("Bestelniveau", "voorraadniveau waarop een nieuwe bestelling wordt geplaatst"),
]
TABLE = [("Vervoerswijze", "Snelheid", "Kosten per ton")] + [
    (f"{mode} (route {n + 1})", speed, f"€ {cost + n}")
    for n in range(8)
    for mode, speed, cost in [("Weg", "snel", 30), ("Spoor", "gemiddeld", 20), ("Water", "traag", 10),
                              ("Lucht", "zeer snel", 150), ("Buisleiding", "constant", 5)]
]  # fmt: skip


class _Summary(FPDF):
    """A Word-like export: running header and footer on every page."""

    def __init__(self) -> None:
        super().__init__()
        self.add_font("Sans", "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font("Sans", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.add_font("Sans", "I", str(FONTS / "DejaVuSans-Oblique.ttf"))

    def header(self) -> None:
        if self.page_no() > 1:
            self.set_font("Sans", "I", 9)
            self.cell(0, 6, f"{TITLE} - Jan de Student", new_x="LMARGIN", new_y="NEXT")
            self.ln(2)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Sans", "", 9)
        self.cell(0, 8, f"Pagina {self.page_no()}", align="C")


def _heading(pdf: FPDF, text: str, size: float, bold: bool = True) -> None:
    pdf.set_font("Sans", "B" if bold else "", size)
    pdf.cell(0, size * 0.6, text, new_x="LMARGIN", new_y="NEXT")  # no blank line around it


def _body(pdf: FPDF, text: str) -> None:
    pdf.set_font("Sans", "", 11)
    if text == "TABLE":
        widths = (60, 50, 50)
        for row in TABLE:
            for width, cell in zip(widths, row, strict=True):
                pdf.cell(width, 6, cell)
            pdf.ln(6)
        return
    pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")


def summary_pdf(path: Path, style: str = "sizes") -> Path:
    """The course as a PDF. ``style``: "sizes" (font-size headings, a title page and a dotted
    table of contents), "numbered" (bold "1 …" / "1.1 …" at body size) or "caps" (ALL-CAPS
    headings, "HOOFDSTUK n" chapters)."""
    pdf = _Summary()
    pdf.set_auto_page_break(True, 20)
    pdf.add_page()
    if style == "sizes":
        _heading(pdf, TITLE, 24)
        _heading(pdf, "Inhoudsopgave", 14)
        pdf.set_font("Sans", "", 11)
        for n, (chapter, sections) in enumerate(CHAPTERS, 1):
            pdf.cell(0, 6, f"{chapter} {'.' * 40} {n + 1}", new_x="LMARGIN", new_y="NEXT")
            for section, _ in sections:
                pdf.cell(0, 6, f"    {section} {'.' * 36} {n + 1}", new_x="LMARGIN", new_y="NEXT")
    for n, (chapter, sections) in enumerate(CHAPTERS, 1):
        if style == "sizes":
            pdf.add_page()
        if style == "sizes":
            _heading(pdf, chapter, 18)
        elif style == "numbered":
            _heading(pdf, f"{n} {chapter}", 11)
        else:
            _heading(pdf, f"HOOFDSTUK {n} {chapter.upper()}", 11, bold=False)
        for m, (section, paragraphs) in enumerate(sections, 1):
            if style == "sizes":
                _heading(pdf, section, 14)
            elif style == "numbered":
                _heading(pdf, f"{n}.{m} {section}", 11)
            else:
                _heading(pdf, section.upper(), 11, bold=False)
            for paragraph in paragraphs:
                _body(pdf, paragraph)
    pdf.add_page()
    _heading(pdf, "BEGRIPPENLIJST" if style == "caps" else "Begrippenlijst", 18 if style == "sizes" else 11,
             bold=style != "caps")  # fmt: skip
    pdf.set_font("Sans", "", 11)
    for term, definition in GLOSSARY:
        pdf.multi_cell(0, 6, f"{term} = {definition}", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def summary_docx(path: Path) -> Path:
    """The course as a Word file with heading styles, a bullet list and a table."""
    document: Any = docx.Document()
    document.add_heading(TITLE, level=0)
    for chapter, sections in CHAPTERS:
        document.add_heading(chapter, level=1)
        for section, paragraphs in sections:
            document.add_heading(section, level=2)
            for paragraph in paragraphs:
                if paragraph == "TABLE":
                    table = document.add_table(rows=0, cols=3)
                    for row in TABLE[:6]:
                        cells = table.add_row().cells
                        for cell, value in zip(cells, row, strict=True):
                            cell.text = value
                elif paragraph.startswith("• "):
                    document.add_paragraph(paragraph[2:], style="List Bullet")
                else:
                    document.add_paragraph(paragraph.replace("-\n", ""))
    document.add_heading("Begrippenlijst", level=1)
    for term, definition in GLOSSARY:
        document.add_paragraph(f"{term} = {definition}")
    document.save(str(path))
    return path


def scanned_pdf(path: Path) -> Path:
    """A 'scan': the text only as pixels, no text layer."""
    image = Image.new("RGB", (1240, 1754), "white")
    ImageDraw.Draw(image).text((100, 100), "Samenvatting Logistiek - gescand", fill="black")
    image_path = path.with_suffix(".png")
    image.save(image_path)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(image_path), x=0, y=0, w=210)
    pdf.output(str(path))
    return path
