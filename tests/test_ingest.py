"""Ingesting a learner's own summary: the seed page, other formats, and every bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.catalog import list_courses, load_course
from knowledge.ingest import ingest, structure
from knowledge.readers import IngestError, read_text
from tests.pdfs import blank_pdf, encrypted_pdf, text_pdf

STORE_WORDS = (
    "stuvia",
    "€",
    "ajouter",
    "panier",
    "vérifier",
    "achats",
    "résumé",
    "trustpilot",
    "vendu",
    "avis",
)

SUMMARY_LINES = [
    "Inhoud",
    "Hoofdstuk 1: Verkopen.......................................2",
    "",
    "HOOFDSTUK 1: VERKOPEN",
    "",
    "ACQUISITIE",
    "",
    "Acquisitie = het werven van nieuwe klanten door een verkoper of een team.",
    "Een goede verkoper plant elke week tijd in voor acquisitie en houdt bij wat het oplevert.",
    "Hij belt bedrijven uit zijn doelgroep, bezoekt beurzen en vraagt tevreden klanten om namen.",
    "",
    "NAZORG",
    "",
    "Nazorg = de aandacht die een klant na de aankoop krijgt, zodat hij tevreden blijft.",
    "Nazorg zorgt voor herhaalaankopen en voor aanbevelingen aan andere bedrijven.",
]


def test_seed_page_yields_chapter_one_with_its_sections(seed_path: Path) -> None:
    report = structure(read_text(seed_path), "seed", "Seed")
    course = report.course
    assert [c.number for c in course.chapters] == [1]
    assert course.chapters[0].title == "College 1 — De klant centraal"
    assert [s.title for s in course.sections] == [
        "Marketing vs Sales",
        "Verschillen B2C en B2B/B2R",
        "Klanten",
    ]


def test_seed_page_glossary(seed_path: Path) -> None:
    course = structure(read_text(seed_path), "seed", "Seed").course
    terms = {g.term for g in course.glossary}
    for term in (
        "Klant",
        "Klantervaring",
        "Klachtenmanagement",
        "Klantbewustheid",
        "Klantinzicht",
        "Klantgerichtheid",
        "Klantvriendelijkheid",
        "Klanttevredenheid",
        "Verwachtingsmanagement",
    ):
        assert term in terms
    by_term = {g.term: g for g in course.glossary}
    assert by_term["Klantinzicht"].definition.endswith("gedrag van individuele klanten.")
    assert all(course.section(g.section_id).position_id == "1.3" for g in course.glossary)


def test_seed_page_keeps_no_store_text(seed_path: Path) -> None:
    course = structure(read_text(seed_path), "seed", "Seed").course
    text = " ".join(s.body for s in course.sections).lower()
    for word in STORE_WORDS:
        assert word not in text, word
    assert "....." not in text  # table of contents lines are hints, not content
    assert "\n2\n" not in text and not any(line.startswith(", ") for line in text.splitlines())
    assert "bezoekverslagen typen" in text  # real content survives


def test_ingest_cli_prints_what_it_found(seed_path: Path, tmp_path: Path) -> None:
    env = {"STUDYBOT_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [sys.executable, "-m", "studybot.cli", "ingest", str(seed_path), "--course", "seed"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "hoofdstukken: 1" in proc.stdout and "onderwerpen:  3" in proc.stdout
    assert "Klantbewustheid" in proc.stdout and "woorden:" in proc.stdout
    assert "let op:" in proc.stdout  # the TOC lists chapters the preview lacks
    listing = subprocess.run(
        [sys.executable, "-m", "studybot.cli", "courses"], capture_output=True, text=True, env=env, check=True
    ).stdout
    assert "seed" in listing and "inleiding-in-de-sales" in listing


def test_markdown_and_html_and_pdf_are_read(tmp_path: Path) -> None:
    md = tmp_path / "s.md"
    md.write_text("# Verkopen\n\n## Acquisitie\n\n" + "\n".join(SUMMARY_LINES[7:10]) + "\n", encoding="utf-8")
    html = tmp_path / "s.html"
    html.write_text(
        "<html><head><script>var x=1;</script></head><body><nav>Menu</nav><h1>Verkopen</h1>"
        "<h2>Acquisitie</h2><p>Acquisitie = het werven van nieuwe klanten door een verkoper.</p>"
        "<p>Een goede verkoper plant elke week tijd in voor acquisitie en meet de resultaten.</p>"
        "<p>Hij belt bedrijven uit zijn doelgroep, bezoekt beurzen en vraagt klanten om namen.</p>"
        "<button>In winkelwagen</button></body></html>",
        encoding="utf-8",
    )
    pdf = text_pdf(tmp_path / "s.pdf", SUMMARY_LINES)
    for path in (md, html, pdf):
        report = ingest([path], f"c-{path.suffix[1:]}", "Verkopen", tmp_path / "data")
        titles = [s.title.lower() for s in report.course.sections]
        assert "acquisitie" in titles, (path, titles)
        assert "Acquisitie" in {g.term for g in report.course.glossary}
    html_text = " ".join(s.body for s in load_course(tmp_path / "data", "c-html").sections)
    assert "var x" not in html_text and "winkelwagen" not in html_text and "Menu" not in html_text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.docx", b"PK\x03\x04 word", "geen geldig Word-bestand"),
        ("empty.txt", b"", "leeg"),
        ("blank.txt", b"   \n\n  ", "leeg"),
        ("junk.txt", bytes(range(256)) * 20, "binaire inhoud"),
        ("fake.pdf", b"dit is geen pdf", "geen geldige PDF"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n", "PDF"),
        ("nostructure.txt", b"hallo\n\n:-)\n", "Geen hoofdstukken of kopjes"),
        (
            "essay.txt",
            ("dit is gewoon een lange lap tekst zonder kopjes over verkopen " * 20).encode(),
            "kopjes",
        ),
        ("headings-only.md", b"# Hoofdstuk 1\n\n## Leeg\n\n## Ook leeg\n", "Geen herkenbare samenvatting"),
    ],
)
def test_bad_input_gives_clear_dutch_message(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(IngestError, match=message):
        ingest([path], "mijn-cursus", None, tmp_path / "data")
    assert not (tmp_path / "data" / "courses" / "mijn-cursus").exists()


def test_pdf_without_text_layer_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="geen tekstlaag"):
        ingest([blank_pdf(tmp_path / "scan.pdf")], "scan", None, tmp_path / "data")


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    source = text_pdf(tmp_path / "s.pdf", SUMMARY_LINES)
    with pytest.raises(IngestError, match="wachtwoord"):
        ingest([encrypted_pdf(source, tmp_path / "locked.pdf")], "locked", None, tmp_path / "data")


def test_missing_file_and_bad_slug_and_shipped_slug(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="bestaat niet"):
        ingest([tmp_path / "weg.txt"], "x", None, tmp_path)
    good = tmp_path / "s.txt"
    good.write_text("\n".join(SUMMARY_LINES), encoding="utf-8")
    with pytest.raises(IngestError, match="Ongeldige cursusnaam"):
        ingest([good], "Mijn Cursus!", None, tmp_path)
    with pytest.raises(IngestError, match="meegeleverde cursus"):
        ingest([good], "inleiding-in-de-sales", None, tmp_path)


def test_failed_ingest_leaves_the_old_course_intact(tmp_path: Path) -> None:
    data = tmp_path / "data"
    good = tmp_path / "s.txt"
    good.write_text("\n".join(SUMMARY_LINES), encoding="utf-8")
    ingest([good], "verkopen", "Verkopen", data)
    before = load_course(data, "verkopen")
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(IngestError):
        ingest([junk], "verkopen", "Verkopen", data)
    after = load_course(data, "verkopen")
    assert [s.title for s in after.sections] == [s.title for s in before.sections]
    # A successful re-ingest replaces it, and leaves no staging directories behind.
    good.write_text(
        "\n".join([*SUMMARY_LINES, "", "AFSLUITEN", "", "Afsluiten is de order vragen en vastleggen."])
    )
    ingest([good], "verkopen", "Verkopen", data)
    assert "Afsluiten" in [s.title for s in load_course(data, "verkopen").sections]
    assert sorted(p.name for p in (data / "courses").iterdir()) == ["verkopen"]
    assert [r.slug for r in list_courses(data)].count("verkopen") == 1


def test_cli_exit_code_on_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "x.odt"
    bad.write_text("x")
    proc = subprocess.run(
        [sys.executable, "-m", "studybot.cli", "ingest", str(bad), "--course", "x"],
        capture_output=True,
        text=True,
        env={"STUDYBOT_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert proc.returncode == 1
    assert "niet ondersteund" in proc.stderr
