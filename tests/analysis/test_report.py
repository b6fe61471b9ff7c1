"""The report writers: DOCX, self-contained HTML and Markdown from hand-made ReportData."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from matplotlib.figure import Figure

from thematic.analysis.coreq import StudyFacts, fill_coreq
from thematic.analysis.report import (
    mostly_arabic_script,
    write_docx,
    write_html,
    write_markdown,
    write_report,
)
from thematic.analysis.reportdata import (
    Quote,
    ReportData,
    ReportFigure,
    ReportTable,
    SubthemeSection,
    ThemeSection,
)
from thematic.errors import Invalid

URDU = "انٹرنیٹ بہت سست ہے۔ مریض پریشان ہوتے ہیں۔"
SCRIPT = "The app said <script>alert('x')</script> & then froze."


def tiny_png() -> bytes:
    figure = Figure(figsize=(2, 1.5), dpi=50)  # no pyplot: no backend, no global state
    figure.add_subplot().bar(["A", "B"], [3, 5])
    buffer = BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def report_data() -> ReportData:
    connectivity = SubthemeSection(
        name="Unreliable internet",
        definition="Dropped calls and slow connections.",
        participants=12,
        references=30,
        quotes=[
            Quote("The connection dropped every day.", "P07, nurse, Karachi, public", 7, 5, 38),
            Quote(URDU, "P12, doctor, Lahore, private", 12, 0, 41, pinned=True),
        ],
    )
    devices = SubthemeSection("Shared devices", "One phone for a ward.", 1, 1, [])
    trust = SubthemeSection(
        name="Doubts about remote diagnosis",
        definition="Patients and staff doubt a diagnosis without touch.",
        participants=5,
        references=9,
        quotes=[Quote(SCRIPT, "P03, doctor", 3, 10, 60)],
    )
    return ReportData(
        title="Barriers to telemedicine",
        generated="2026-11-28, thematic 0.1.0",
        summary_text="34 healthcare workers were interviewed; two coders coded every transcript.",
        summary_tables=[
            ReportTable("Participants by role", ["Role", "n"], [["nurse", 12], ["doctor", 14]]),
            ReportTable(
                "Agreement", ["Measure", "Value"], [["alpha", 0.66123]], note="9 transcripts"
            ),
        ],
        methods="We interviewed healthcare workers.\n\nTwo coders coded each transcript.",
        themes=[
            ThemeSection(
                "Infrastructure", "Technology that fails.", 20, 31, [connectivity, devices]
            ),
            ThemeSection("Trust", "Whether remote care is real care.", 5, 9, [trust]),
        ],
        figures=[
            ReportFigure(
                "subthemes-by-participant", "Subthemes by participant", "Counts.", tiny_png()
            )
        ],
        codebook=ReportTable(
            "Codebook", ["Code", "Definition"], [["Infrastructure", "Technology that fails."]]
        ),
        coreq=fill_coreq(StudyFacts(n_participants=34, n_coders=2)),
        notes=["Coding layer: consensus"],
    )


# --------------------------------------------------------------------------------------------
# DOCX


def test_docx_has_the_outline_counts_quotes_and_attributions(tmp_path: Path) -> None:
    path = write_docx(report_data(), tmp_path / "report.docx")
    document = docx.Document(str(path))
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    assert ("Heading 1", "Summary") in headings
    assert ("Heading 1", "Methods") in headings
    assert ("Heading 1", "Results") in headings
    assert ("Heading 1", "COREQ checklist") in headings
    assert ("Heading 2", "Infrastructure") in headings
    assert ("Heading 3", "Unreliable internet (n = 12 participants, 30 references)") in headings
    assert ("Heading 3", "Shared devices (n = 1 participant, 1 reference)") in headings
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Barriers to telemedicine"
    assert document.paragraphs[0].style.name == "Title"
    assert "Generated: 2026-11-28, thematic 0.1.0" in texts
    assert "Raised by 20 participants (31 references)." in texts
    quote = texts.index("The connection dropped every day.")
    assert texts[quote + 1] == "(P07, nurse, Karachi, public)"
    quoted = document.paragraphs[quote]
    assert quoted.style.name == "Quote"
    assert all(run.italic for run in quoted.runs)
    assert texts[texts.index(SCRIPT) + 1] == "(P03, doctor)"
    assert not any("pinned" in text.casefold() for text in texts)


def test_docx_marks_the_urdu_quote_right_to_left(tmp_path: Path) -> None:
    document = docx.Document(str(write_docx(report_data(), tmp_path / "report.docx")))
    urdu = next(p for p in document.paragraphs if p.text == URDU)
    properties = urdu._p.pPr
    assert properties is not None and properties.find(qn("w:bidi")) is not None
    assert all(run.font.rtl for run in urdu.runs)
    english = next(p for p in document.paragraphs if p.text == "The connection dropped every day.")
    assert english._p.pPr.find(qn("w:bidi")) is None
    assert not any(run.font.rtl for run in english.runs)


def test_docx_has_the_figure_and_its_caption(tmp_path: Path) -> None:
    document = docx.Document(str(write_docx(report_data(), tmp_path / "report.docx")))
    assert len(document.inline_shapes) == 1
    assert document.inline_shapes[0].width == docx.shared.Cm(16)
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert "Figure 1. Subthemes by participant. Counts." in captions
    assert "Table 1. Participants by role" in captions
    assert "Table 4. COREQ checklist" in captions


def test_docx_tables_hold_the_summary_codebook_and_coreq(tmp_path: Path) -> None:
    document = docx.Document(str(write_docx(report_data(), tmp_path / "report.docx")))
    assert len(document.tables) == 4  # two summary tables, the codebook, COREQ
    roles, agreement, codebook, coreq = document.tables
    assert [[c.text for c in row.cells] for row in roles.rows] == [
        ["Role", "n"],
        ["nurse", "12"],
        ["doctor", "14"],
    ]
    assert agreement.rows[1].cells[1].text == "0.661"
    assert codebook.rows[1].cells[0].text == "Infrastructure"
    assert len(coreq.rows) == 33
    assert [c.text for c in coreq.rows[0].cells] == ["No.", "Item", "Guide question", "Reported"]
    assert [c.text for c in coreq.rows[12].cells][:2] == ["12", "Sample size"]
    assert coreq.rows[12].cells[3].text == "34 participants"
    assert coreq.rows[24].cells[3].text == "2 coders"
    assert coreq.rows[1].cells[3].text == "To be answered by the team"
    assert roles.style.name == "Table Grid"


# --------------------------------------------------------------------------------------------
# HTML


def test_html_is_self_contained_escaped_and_bidirectional(tmp_path: Path) -> None:
    page = write_html(report_data(), tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; then froze." in page
    assert 'src="data:image/png;base64,' in page
    links = re.findall(r"""(?:src|href)\s*=\s*["']?([^"'\s>]+)""", page)
    assert links and all(link.startswith("data:") for link in links)
    assert "http" not in page
    assert "<link" not in page and "@import" not in page
    assert f'<blockquote class="quote" dir="auto"><p>{URDU}</p></blockquote>' in page
    assert "<h4" in page and "Unreliable internet (n = 12 participants, 30 references)" in page
    assert "<figcaption>Figure 1. Subthemes by participant. Counts.</figcaption>" in page
    assert page.count("<tr>") == 3 + 2 + 2 + 33
    assert page.count("To be answered by the team") >= 30


# --------------------------------------------------------------------------------------------
# Markdown


def test_markdown_links_its_figures_and_escapes_markup(tmp_path: Path) -> None:
    written = write_markdown(report_data(), tmp_path / "my report.md")
    figure = tmp_path / "my report-figures" / "subthemes-by-participant.png"
    assert written == [tmp_path / "my report.md", figure]
    assert figure.read_bytes().startswith(b"\x89PNG")
    text = written[0].read_text(encoding="utf-8")
    assert "](my%20report-figures/subthemes-by-participant.png)" in text
    assert "# Barriers to telemedicine" in text.splitlines()
    assert "#### Unreliable internet (n = 12 participants, 30 references)" in text
    assert "> The connection dropped every day.\n>\n> (P07, nurse, Karachi, public)" in text
    assert f"> {URDU}" in text
    assert "<script>" not in text and r"\<script\>" in text
    assert "| 12 | Sample size |" in text


def test_markdown_without_figures_writes_no_folder(tmp_path: Path) -> None:
    data = report_data()
    bare = ReportData(**{**data.__dict__, "figures": []})
    assert write_markdown(bare, tmp_path / "r.md") == [tmp_path / "r.md"]
    assert not (tmp_path / "r-figures").exists()
    assert "## Figures" not in (tmp_path / "r.md").read_text(encoding="utf-8")


# --------------------------------------------------------------------------------------------
# Dispatch


def test_write_report_dispatches_on_suffix_or_format(tmp_path: Path) -> None:
    data = report_data()
    assert write_report(data, tmp_path / "a.DOCX") == [tmp_path / "a.DOCX"]
    assert write_report(data, tmp_path / "b.html") == [tmp_path / "b.html"]
    assert len(write_report(data, tmp_path / "c.md")) == 2
    assert write_report(data, tmp_path / "d.txt", format="html") == [tmp_path / "d.txt"]
    assert (tmp_path / "d.txt").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    with pytest.raises(Invalid, match="report format must be docx, html or md"):
        write_report(data, tmp_path / "e.pdf")
    with pytest.raises(Invalid, match="report format must be docx, html or md"):
        write_report(data, tmp_path / "f")


def test_mostly_arabic_script() -> None:
    assert mostly_arabic_script(URDU)
    assert mostly_arabic_script("ہم نے WhatsApp استعمال کیا")
    assert not mostly_arabic_script("We used WhatsApp (واٹس ایپ).")
    assert not mostly_arabic_script("12, 13")
