"""The results report as DOCX, self-contained HTML or Markdown, from :class:`ReportData`.

The three writers share one outline (:func:`_blocks`): title, generated line, Summary,
Methods, Results (a section per theme and subtheme with its counts, definition and quotes),
Figures, Codebook, COREQ checklist, Notes. Each writer only decides how a heading, a
paragraph, a quote, a table or a figure looks in its format, so the three always say the
same thing.

Study text (quotes, code names, definitions) is untrusted: the HTML writer escapes every
string, the Markdown writer backslash-escapes Markdown and HTML syntax, and the HTML file
loads nothing from anywhere (figures are ``data:`` URIs, the CSS is inline). Urdu and other
Arabic-script text reads right to left: ``dir="auto"`` in HTML, ``w:bidi``/``w:rtl`` in Word.
"""

from __future__ import annotations

import base64
import html
import re
from dataclasses import dataclass
from importlib import resources
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import quote as url_quote

import docx
from docx.document import Document as DocxDocument
from docx.image.exceptions import UnrecognizedImageError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from thematic.analysis.reportdata import (
    CoreqItem,
    Quote,
    ReportData,
    ReportFigure,
    ReportTable,
)
from thematic.errors import Invalid

__all__ = [
    "COREQ_COLUMNS",
    "NOT_ANSWERED",
    "coreq_table",
    "mostly_arabic_script",
    "write_docx",
    "write_html",
    "write_markdown",
    "write_report",
]

NOT_ANSWERED = "To be answered by the team"
COREQ_COLUMNS = ["No.", "Item", "Guide question", "Reported"]
FORMATS = ("docx", "html", "md")

# --------------------------------------------------------------------------------------------
# The outline shared by the three writers


@dataclass(frozen=True)
class _Heading:
    level: int  # 0: the title; 1: a section; 2: a theme; 3: a subtheme
    text: str


@dataclass(frozen=True)
class _Paragraph:
    text: str
    emphasis: bool = False


@dataclass(frozen=True)
class _QuoteBlock:
    quote: Quote


@dataclass(frozen=True)
class _TableBlock:
    number: int
    table: ReportTable
    widths_cm: tuple[float, ...] = ()


@dataclass(frozen=True)
class _FigureBlock:
    number: int
    figure: ReportFigure


@dataclass(frozen=True)
class _Bullets:
    items: tuple[str, ...]


_Block = _Heading | _Paragraph | _QuoteBlock | _TableBlock | _FigureBlock | _Bullets


def _blocks(data: ReportData) -> list[_Block]:
    """The whole report, in order, as format-free blocks."""
    blocks: list[_Block] = [
        _Heading(0, data.title),
        _Paragraph(f"Generated: {data.generated}", emphasis=True),
    ]
    tables = len(data.summary_tables)
    blocks += _summary(data)
    blocks += _methods(data.methods)
    blocks += _results(data)
    if data.figures:
        blocks.append(_Heading(1, "Figures"))
        blocks += [_FigureBlock(n, f) for n, f in enumerate(data.figures, start=1)]
    blocks += [_Heading(1, "Codebook"), _TableBlock(tables + 1, data.codebook)]
    blocks += _coreq(data.coreq, tables + 2)
    if data.notes:
        blocks += [_Heading(1, "Notes"), _Bullets(tuple(data.notes))]
    return blocks


def _summary(data: ReportData) -> list[_Block]:
    blocks: list[_Block] = [_Heading(1, "Summary")]
    if data.summary_text.strip():
        blocks.append(_Paragraph(data.summary_text))
    blocks += [_TableBlock(n, t) for n, t in enumerate(data.summary_tables, start=1)]
    return blocks


def _methods(methods: str) -> list[_Block]:
    paragraphs = [p for p in re.split(r"\n\s*\n", methods) if p.strip()]
    return [_Heading(1, "Methods"), *(_Paragraph(p) for p in paragraphs)]


def _results(data: ReportData) -> list[_Block]:
    blocks: list[_Block] = [_Heading(1, "Results")]
    if not data.themes:
        blocks.append(_Paragraph("No themes have been defined yet."))
    for theme in data.themes:
        blocks.append(_Heading(2, theme.name))
        if theme.definition.strip():
            blocks.append(_Paragraph(theme.definition))
        raised = f"Raised by {_count(theme.participants, 'participant')}"
        blocks.append(_Paragraph(f"{raised} ({_count(theme.references, 'reference')})."))
        for sub in theme.subthemes:
            counts = f"n = {_count(sub.participants, 'participant')}, "
            counts += _count(sub.references, "reference")
            blocks.append(_Heading(3, f"{sub.name} ({counts})"))
            if sub.definition.strip():
                blocks.append(_Paragraph(sub.definition))
            blocks += [_QuoteBlock(q) for q in sub.quotes]
    return blocks


def _coreq(items: list[CoreqItem], number: int) -> list[_Block]:
    domains: dict[str, list[int]] = {}
    for item in items:
        domains.setdefault(item.domain, []).append(item.number)
    ranges = [f"{d} (items {min(n)}–{max(n)})" for d, n in domains.items()]
    intro = (
        "Consolidated criteria for reporting qualitative research (Tong, Sainsbury and Craig "
        f"2007). Answers come from the study's records; items marked \u201c{NOT_ANSWERED}\u201d "
        "are not recorded in the study."
    )
    blocks: list[_Block] = [_Heading(1, "COREQ checklist"), _Paragraph(intro)]
    if ranges:
        blocks.append(_Paragraph("; ".join(ranges) + "."))
    blocks.append(_TableBlock(number, coreq_table(items), widths_cm=(1.2, 3.6, 5.6, 5.6)))
    return blocks


def coreq_table(items: list[CoreqItem]) -> ReportTable:
    """The checklist as a table: No., Item, Guide question, Reported."""
    rows: list[list[str | int | float]] = [
        [item.number, item.topic, item.guide_question, item.answer or NOT_ANSWERED]
        for item in items
    ]
    return ReportTable(title="COREQ checklist", columns=list(COREQ_COLUMNS), rows=rows)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun if n == 1 else noun + 's'}"


def _cell(value: str | int | float | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{round(value, 3):g}"
    return str(value)


def _table_caption(block: _TableBlock) -> str:
    return f"Table {block.number}. {block.table.title}"


def _figure_caption(block: _FigureBlock) -> str:
    title = block.figure.title.strip().rstrip(".")
    caption = block.figure.caption.strip()
    return f"Figure {block.number}. {title}." + (f" {caption}" if caption else "")


def _attribution(quote: Quote) -> str:
    return f"({quote.attribution})"


_ARABIC_SCRIPT = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF))
_ARABIC_FORMS_B = (0xFE70, 0xFEFF)


def _is_arabic(char: str) -> bool:
    code = ord(char)
    ranges = (*_ARABIC_SCRIPT, _ARABIC_FORMS_B)
    return any(low <= code <= high for low, high in ranges)


def mostly_arabic_script(text: str) -> bool:
    """True when most letters of ``text`` are Arabic script (Urdu, Arabic, Persian, ...)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and 2 * sum(map(_is_arabic, letters)) > len(letters)


# --------------------------------------------------------------------------------------------
# Dispatch


def write_report(data: ReportData, path: Path, format: str | None = None) -> list[Path]:
    """Write the report in ``format`` (docx, html or md; default: the suffix of ``path``).

    Returns the files written: the report, and for Markdown its figure PNGs.
    """
    name = (format or Path(path).suffix.lstrip(".")).strip().lower()
    if name == "docx":
        return [write_docx(data, Path(path))]
    if name == "html":
        return [write_html(data, Path(path))]
    if name == "md":
        return write_markdown(data, Path(path))
    shown = f"{name!r}" if name else "no suffix"
    raise Invalid(f"{Path(path).name}: the report format must be docx, html or md, not {shown}")


# --------------------------------------------------------------------------------------------
# Markdown

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
_MD_LEADING = re.compile(r"^(\d+)([.)])(\s)|^([-+=])(\s)")


def _md(text: str) -> str:
    """One line of Markdown showing ``text`` literally (no markup, no raw HTML)."""
    escaped = _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _MD_LEADING.sub(lambda m: m.group(0)[:-2] + "\\" + m.group(0)[-2:], escaped)


def write_markdown(data: ReportData, path: Path) -> list[Path]:
    """Write ``path`` (.md) and its figures as PNGs in the sibling folder ``<stem>-figures/``.

    The figures are linked by relative paths, so the folder must travel with the file.
    Returns the Markdown file, then the PNGs.
    """
    path = Path(path)
    folder = path.with_name(f"{path.stem}-figures")
    figures = _figure_files(data.figures, folder)
    if figures:
        folder.mkdir(parents=True, exist_ok=True)
    for figure, file in zip(data.figures, figures, strict=True):
        file.write_bytes(figure.png)
    links = {
        id(f): f"{folder.name}/{file.name}" for f, file in zip(data.figures, figures, strict=True)
    }
    parts = [_md_block(block, links) for block in _blocks(data)]
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return [path, *figures]


def _figure_files(figures: list[ReportFigure], folder: Path) -> list[Path]:
    """Safe, distinct PNG file names from the figures' names."""
    files: list[Path] = []
    taken: set[str] = set()
    for number, figure in enumerate(figures, start=1):
        stem = re.sub(r"[^A-Za-z0-9._-]+", "-", figure.name).strip("-.") or f"figure-{number}"
        name, extra = stem, 1
        while name.casefold() in taken:
            extra += 1
            name = f"{stem}-{extra}"
        taken.add(name.casefold())
        files.append(folder / f"{name}.png")
    return files


def _md_block(block: _Block, links: dict[int, str]) -> str:
    match block:
        case _Heading(level, text):
            return f"{'#' * (level + 1)} {_md(text)}"
        case _Paragraph(text, emphasis):
            return f"*{_md(text)}*" if emphasis else _md(text)
        case _QuoteBlock(quote):
            original = f"\n>\n> {_md(quote.original)}" if quote.original else ""
            return f"> {_md(quote.text)}{original}\n>\n> {_md(_attribution(quote))}"
        case _TableBlock():
            return _md_table(block)
        case _FigureBlock(_, figure):
            caption = _md(_figure_caption(block))
            return f"![{caption}]({url_quote(links[id(figure)])})\n\n*{caption}*"
        case _Bullets(items):
            return "\n".join(f"- {_md(item)}" for item in items)
    raise TypeError(block)  # pragma: no cover - every block type is handled above


def _md_table(block: _TableBlock) -> str:
    table = block.table
    lines = [f"**{_md(_table_caption(block))}**", ""]
    lines.append("| " + " | ".join(_md(c) for c in table.columns) + " |")
    lines.append("|" + "|".join(" --- " for _ in table.columns) + "|")
    lines += ["| " + " | ".join(_md(_cell(v)) for v in row) + " |" for row in table.rows]
    if table.note.strip():
        lines += ["", f"*{_md(table.note)}*"]
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# HTML

_CSS = """
:root { color-scheme: light; }
body { font-family: Georgia, "Times New Roman", "Noto Naskh Arabic", "Noto Nastaliq Urdu",
  serif; line-height: 1.5; color: #111; background: #fff; margin: 0; }
main { max-width: 48rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.8rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.4rem; margin-top: 2.5rem; border-bottom: 1px solid #bbb; }
h3 { font-size: 1.2rem; margin-top: 2rem; }
h4 { font-size: 1.05rem; margin-top: 1.5rem; }
.generated { color: #555; font-style: italic; margin-top: 0; }
blockquote.quote { font-style: italic; margin: 1rem 2rem 0.25rem; line-height: 1.9; }
blockquote.quote p { margin: 0; }
blockquote.quote p.original { font-style: normal; margin-top: 0.4rem; }
p.attribution { margin: 0 2rem 1rem; color: #333; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; font-size: 0.9rem; }
caption { text-align: start; font-weight: bold; padding: 0.25rem 0; }
th, td { border: 1px solid #999; padding: 0.3rem 0.45rem; vertical-align: top;
  text-align: start; }
thead th { background: #eee; }
figure.figure { margin: 1.5rem 0; }
figure.figure img { max-width: 100%; height: auto; }
figcaption, .note { font-size: 0.9rem; color: #333; }
@media print {
  main { max-width: none; padding: 0; }
  h2, h3, h4 { break-after: avoid; }
  figure, blockquote, tr { break-inside: avoid; }
  thead { display: table-header-group; }
}
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def _urdu_font_face() -> str:
    """Noto Naskh Arabic (SIL Open Font License), embedded, so Urdu quotes read right on a
    computer without an Urdu font; the report must not fetch anything. The font is the one
    the web app ships."""
    fonts = resources.files("thematic") / "web" / "static" / "fonts"
    faces = []
    for weight in (400, 700):
        data = (fonts / f"noto-naskh-arabic-arabic-{weight}-normal.woff2").read_bytes()
        encoded = base64.b64encode(data).decode("ascii")
        faces.append(
            f'@font-face {{ font-family: "Noto Naskh Arabic"; font-weight: {weight}; '
            f'src: url(data:font/woff2;base64,{encoded}) format("woff2"); '
            "unicode-range: U+0600-06FF, U+0750-077F, U+FB50-FDFF, U+FE70-FEFF; }\n"
        )
    return "".join(faces)


def write_html(data: ReportData, path: Path) -> Path:
    """Write one self-contained HTML file: inline CSS, figures as ``data:`` URIs, no links out."""
    path = Path(path)
    body = "\n".join(_html_block(block) for block in _blocks(data))
    font = _urdu_font_face() if _ARABIC.search(body) else ""
    page = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(data.title)}</title>\n<style>{font}{_CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )
    path.write_text(page, encoding="utf-8")
    return path


def _html_block(block: _Block) -> str:
    match block:
        case _Heading(level, text):
            return f'<h{level + 1} dir="auto">{_e(text)}</h{level + 1}>'
        case _Paragraph(text, emphasis):
            css = ' class="generated"' if emphasis else ""
            return f'<p{css} dir="auto">{_e(text)}</p>'
        case _QuoteBlock(quote):
            return (
                f'<blockquote class="quote" dir="auto"><p>{_e(quote.text)}</p>'
                + (
                    f'<p class="original" dir="auto">{_e(quote.original)}</p>'
                    if quote.original
                    else ""
                )
                + "</blockquote>\n"
                f'<p class="attribution" dir="auto">{_e(_attribution(quote))}</p>'
            )
        case _TableBlock():
            return _html_table(block)
        case _FigureBlock(_, figure):
            data = base64.b64encode(figure.png).decode("ascii")
            return (
                f'<figure class="figure"><img src="data:image/png;base64,{data}" '
                f'alt="{_e(figure.title)}">\n'
                f"<figcaption>{_e(_figure_caption(block))}</figcaption></figure>"
            )
        case _Bullets(items):
            inner = "".join(f'<li dir="auto">{_e(item)}</li>' for item in items)
            return f"<ul>{inner}</ul>"
    raise TypeError(block)  # pragma: no cover - every block type is handled above


def _html_table(block: _TableBlock) -> str:
    table = block.table
    head = "".join(f'<th scope="col">{_e(c)}</th>' for c in table.columns)
    rows = "\n".join(
        "<tr>" + "".join(f'<td dir="auto">{_e(_cell(v))}</td>' for v in row) + "</tr>"
        for row in table.rows
    )
    note = f'\n<p class="note" dir="auto">{_e(table.note)}</p>' if table.note.strip() else ""
    return (
        f"<table>\n<caption>{_e(_table_caption(block))}</caption>\n"
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>{note}"
    )


# --------------------------------------------------------------------------------------------
# DOCX

FIGURE_WIDTH = Cm(16)
QUOTE_INDENT = Cm(1)

# Children of w:pPr that must come after w:bidi (ECMA-376 CT_PPrBase order).
_AFTER_BIDI = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)  # fmt: skip


def write_docx(data: ReportData, path: Path) -> Path:
    """Write the report as a Word document (A4, 2.5 cm margins: a 16 cm text width)."""
    path = Path(path)
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))
    document.core_properties.title = data.title[:255]
    for block in _blocks(data):
        _docx_block(document, block)
    document.save(str(path))
    return path


def _docx_block(document: DocxDocument, block: _Block) -> None:
    match block:
        case _Heading(level, text):
            _bidi_if_arabic(document.add_heading(text, level=level))
        case _Paragraph(text, emphasis):
            paragraph = document.add_paragraph()
            paragraph.add_run(text).italic = emphasis or None
            _bidi_if_arabic(paragraph)
        case _QuoteBlock(quote):
            _docx_quote(document, quote)
        case _TableBlock():
            _docx_table(document, block)
        case _FigureBlock(_, figure):
            _docx_figure(document, block, figure)
        case _Bullets(items):
            for item in items:
                _bidi_if_arabic(document.add_paragraph(item, style=_style(document, "List Bullet")))


def _style(document: DocxDocument, *names: str) -> str | None:
    """The first of ``names`` the document's template defines, else None (Normal)."""
    defined = {style.name for style in document.styles}
    return next((name for name in names if name in defined), None)


def _docx_quote(document: DocxDocument, quote: Quote) -> None:
    paragraph = document.add_paragraph(style=_style(document, "Quote", "Intense Quote"))
    paragraph.paragraph_format.left_indent = QUOTE_INDENT
    paragraph.paragraph_format.right_indent = QUOTE_INDENT
    paragraph.paragraph_format.keep_with_next = True
    run = paragraph.add_run(quote.text)
    run.italic = True
    run.font.cs_italic = True  # Word draws Arabic script with the complex-script properties
    _bidi_if_arabic(paragraph)
    if quote.original:  # the interview's own words beneath the translation
        original = document.add_paragraph(style=_style(document, "Quote", "Intense Quote"))
        original.paragraph_format.left_indent = QUOTE_INDENT
        original.paragraph_format.right_indent = QUOTE_INDENT
        original.paragraph_format.keep_with_next = True
        original.add_run(quote.original)
        _bidi_if_arabic(original)
    attribution = document.add_paragraph(_attribution(quote))
    attribution.paragraph_format.left_indent = QUOTE_INDENT


def _docx_figure(document: DocxDocument, block: _FigureBlock, figure: ReportFigure) -> None:
    try:
        document.add_picture(BytesIO(figure.png), width=FIGURE_WIDTH)
    except UnrecognizedImageError as error:
        raise Invalid(f"figure {figure.name!r}: the image is not a PNG") from error
    document.paragraphs[-1].paragraph_format.keep_with_next = True
    document.add_paragraph(_figure_caption(block), style=_style(document, "Caption"))


def _docx_table(document: DocxDocument, block: _TableBlock) -> None:
    table_data = block.table
    caption = document.add_paragraph(_table_caption(block), style=_style(document, "Caption"))
    caption.paragraph_format.keep_with_next = True
    table = document.add_table(rows=1, cols=len(table_data.columns))
    table.style = _style(document, "Table Grid")
    for cell, name in zip(table.rows[0].cells, table_data.columns, strict=True):
        _fill_cell(cell, name, bold=True)
    _repeat_header(table.rows[0])
    for values in table_data.rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            _fill_cell(cell, _cell(value))
    if block.widths_cm and len(block.widths_cm) == len(table_data.columns):
        table.autofit = False
        for column, width in zip(table.columns, block.widths_cm, strict=True):
            for cell in column.cells:
                cell.width = Cm(width)
    if table_data.note.strip():
        document.add_paragraph(table_data.note, style=_style(document, "Caption"))


def _fill_cell(cell: Any, text: str, *, bold: bool = False) -> None:
    cell.text = text
    for paragraph in cell.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(9)
            run.bold = bold or None
        _bidi_if_arabic(paragraph)


def _repeat_header(row: Any) -> None:
    """Mark the first row as a header so Word repeats it on every page."""
    properties = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def _bidi_if_arabic(paragraph: DocxParagraph) -> None:
    """Make a mostly Arabic-script paragraph right-to-left: ``w:bidi`` on it, ``w:rtl`` on runs.

    Without these Word lays Urdu out left to right: the words keep their shapes but the
    sentence starts on the left and punctuation lands at the wrong end.
    """
    if not mostly_arabic_script(paragraph.text):
        return
    properties = paragraph._p.get_or_add_pPr()
    if properties.find(qn("w:bidi")) is None:
        properties.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)
    for run in paragraph.runs:
        run.font.rtl = True
