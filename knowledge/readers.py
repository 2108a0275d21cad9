"""Turn a learner's file (.txt, .md, .pdf, .html) into plain text lines."""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import docx
import docx.table
import docx.text.paragraph
from docx.opc.exceptions import PackageNotFoundError
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from knowledge.pdf import pdf_markdown

SUPPORTED = (".txt", ".md", ".pdf", ".docx", ".html", ".htm")
MAX_BYTES = 50 * 1024 * 1024
MAX_PAGES = 300  # a summary, not a textbook: more pages would take minutes to index


class IngestError(ValueError):
    """An ingestion problem; the message is Dutch and meant for the learner."""


def _decode(data: bytes, path: Path) -> str:
    if not data.strip():
        raise IngestError(f"{path.name} is leeg.")
    if b"\x00" in data[:8192]:
        raise IngestError(f"{path.name} is geen tekstbestand (binaire inhoud).")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes nearly everything
        raise IngestError(f"{path.name} kan niet als tekst gelezen worden.")
    printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in text)
    if printable < 0.95 * len(text):
        raise IngestError(f"{path.name} is geen tekstbestand (binaire inhoud).")
    return text


class _HTMLText(HTMLParser):
    """Collects visible text, one line per block element; skips scripts, forms and chrome."""

    BLOCK = frozenset(
        """
        p div br li tr h1 h2 h3 h4 h5 h6 section article table ul ol dt dd blockquote pre
        """.split()
    )
    SKIP = frozenset(
        [
            "script",
            "style",
            "noscript",
            "button",
            "form",
            "nav",
            "header",
            "footer",
            "svg",
            "select",
            "template",
        ]
    )
    HEADINGS = frozenset(["h1", "h2", "h3"])

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skip_depth += 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n" if tag in self.HEADINGS or tag == "p" else "\n")
            if tag in self.HEADINGS:
                self.parts.append("#" * int(tag[1]) + " ")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n\n" if tag in self.HEADINGS or tag == "p" else "\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def _html_text(raw: str) -> str:
    parser = _HTMLText()
    parser.feed(raw)
    parser.close()
    lines = [line.strip() for line in "".join(parser.parts).split("\n")]
    return "\n".join(lines)


def _docx_text(path: Path) -> str:
    """A Word file as Markdown-like text: heading styles become '#' lines, list styles '- ' items,
    table rows 'cell | cell'."""
    try:
        document = docx.Document(str(path))
    except (ValueError, KeyError, OSError, zipfile.BadZipFile, PackageNotFoundError) as exc:
        raise IngestError(f"{path.name} is geen geldig Word-bestand (.docx).") from exc
    out: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "tbl":
            table = docx.table.Table(block, document)
            out += [" | ".join(c.text.strip() for c in row.cells) for row in table.rows] + [""]
            continue
        if tag != "p":
            continue
        paragraph = docx.text.paragraph.Paragraph(block, document)
        text = re.sub(r"\s+", " ", paragraph.text).strip()
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        level = re.match(r"(?:Heading|Kop)\s*(\d)", style)
        if style == "Title":
            out += [f"# {text}", ""]
        elif level:
            out += ["#" * (int(level.group(1)) + 1) + " " + text, ""]
        elif "List" in style or "Lijst" in style:
            out.append(f"- {text}")
        else:
            out += [text, ""]
    text = "\n".join(out)
    if len(text.split()) < 20:
        raise IngestError(f"{path.name} bevat (bijna) geen tekst.")
    return text


def _pdf_text(path: Path) -> str:
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(f"{path.name} is beveiligd met een wachtwoord. Sla een onbeveiligde kopie op.")
        if len(reader.pages) > MAX_PAGES:
            raise IngestError(
                f"{path.name} heeft {len(reader.pages)} pagina's; ik lees samenvattingen tot {MAX_PAGES} "
                "pagina's. Stuur alleen het deel dat je wilt oefenen."
            )
        structured = pdf_markdown(reader)
        pages = [page.extract_text() or "" for page in reader.pages] if "\n#" not in "\n" + structured else []
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise IngestError(f"{path.name} is geen geldige PDF ({type(exc).__name__}).") from exc
    except Exception as exc:
        if "crypt" in str(exc).lower() or "password" in str(exc).lower():
            raise IngestError(
                f"{path.name} is beveiligd met een wachtwoord. Sla een onbeveiligde kopie op."
            ) from exc
        raise IngestError(f"{path.name} kan niet gelezen worden als PDF.") from exc
    text = "\n\n".join(pages) if pages else structured
    if len(text.split()) < 20:
        raise IngestError(
            f"{path.name} heeft geen tekstlaag (alleen afbeeldingen). "
            "Gebruik een PDF met selecteerbare tekst of laat hem eerst door OCR lopen."
        )
    return text


def read_text(path: Path) -> str:
    """Plain text of ``path``; Markdown and HTML headings are kept as '#' lines."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise IngestError(
            f"{path.name}: bestandstype '{suffix or '(geen)'}' wordt niet ondersteund. "
            f"Gebruik {', '.join(SUPPORTED[:-1])}."
        )
    if not path.is_file():
        raise IngestError(f"{path} bestaat niet.")
    size = path.stat().st_size
    if size == 0:
        raise IngestError(f"{path.name} is leeg.")
    if size > MAX_BYTES:
        raise IngestError(f"{path.name} is groter dan {MAX_BYTES // (1024 * 1024)} MB.")
    if suffix == ".docx":
        return _docx_text(path)
    if suffix == ".pdf":
        if not path.read_bytes()[:1024].lstrip().startswith(b"%PDF"):
            raise IngestError(f"{path.name} is geen geldige PDF.")
        return _pdf_text(path)
    text = _decode(path.read_bytes(), path)
    if suffix in (".html", ".htm"):
        text = _html_text(text)
    return text
