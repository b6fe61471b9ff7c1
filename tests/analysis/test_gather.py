"""The report's numbers, quotes and figures come from the queries: checked by hand on the
study of tests/tiny_study.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.tiny_study import DOC1, DOC2, build_tiny, span

import thematic
from thematic.analysis import exports, gather


@pytest.fixture
def tiny(tmp_path: Path) -> thematic.Study:
    study = thematic.create(tmp_path / "tiny.thematic", title="Tiny study")
    build_tiny(study)
    yield study
    study.close()


def test_themes_subthemes_and_counts(tiny: thematic.Study) -> None:
    data = gather.report_data(tiny, include_figures=False)
    assert data.title == "Tiny study"
    themes = {t.name: t for t in data.themes}
    assert (themes["Systemic"].participants, themes["Systemic"].references) == (2, 4)
    assert (themes["Technological"].participants, themes["Technological"].references) == (3, 4)
    subthemes = {s.name: s for t in data.themes for s in t.subthemes}
    assert list(subthemes) == ["Policy", "Funding", "Internet", "Skills"]
    assert (subthemes["Policy"].participants, subthemes["Policy"].references) == (2, 3)
    assert (subthemes["Internet"].participants, subthemes["Internet"].references) == (2, 3)
    assert data.notes == ["Counts and quotes come from the consensus coding layer."]


def test_summary_methods_and_coreq(tiny: thematic.Study) -> None:
    data = gather.report_data(tiny, include_figures=False)
    assert data.summary_text.startswith("4 participants took part in 4 interviews")
    people = data.summary_tables[0]
    assert people.title == "Characteristics of participants" and people.note.startswith("n = 4")
    assert people.rows == [
        ["Role", "", ""],
        ["\u2003nurse", 2, 50],
        ["\u2003doctor", 2, 50],
        ["Site", "", ""],
        ["\u2003Karachi", 2, 50],
        ["\u2003Lahore", 2, 50],
    ]
    # No double coding in this study (bilal coded one passage alone): no agreement table.
    assert all("agreement" not in t.title.lower() for t in data.summary_tables)
    assert "We interviewed 4 participants at 2 sites (Karachi, Lahore)" in data.methods
    items = {i.number: i for i in data.coreq}
    assert items[12].answer is not None and "4 participants" in items[12].answer
    assert items[1].answer is None
    gather.answer_coreq(tiny, 1, "AK conducted the interviews.")
    items = {i.number: i for i in gather.report_data(tiny, include_figures=False).coreq}
    assert items[1].answer == "AK conducted the interviews."
    with pytest.raises(thematic.Invalid):
        gather.answer_coreq(tiny, 33, "x")


def test_quotes_pinned_first_then_other_participants(tiny: thematic.Study) -> None:
    pinned = tiny.pin_quote("Systemic/Policy", "doc2", *span(DOC2, "No law exists"))
    quotes = gather.exemplar_quotes(tiny, "Systemic/Policy", k=3)
    # The team's own cut is kept; it stops mid-sentence, so the quote says so.
    assert quotes[0].pinned and quotes[0].text == "No law exists…"
    # Then P1's passage (another participant); P2's overlapping passage is the same quote.
    assert [q.text for q in quotes[1:]] == ["There is no law for telemedicine."]
    assert quotes[1].attribution == "P1, nurse, Karachi"
    start = DOC1.index("There is no law")
    assert (quotes[1].start, quotes[1].end) == (
        start,
        start + len("There is no law for telemedicine."),
    )
    tiny.unpin_quote(pinned.id)
    # Without the pin: P1 (a nurse) and P2 (a doctor); P2's passage is cut at its sentence.
    texts = [q.text for q in gather.exemplar_quotes(tiny, "Systemic/Policy", k=3)]
    assert sorted(texts) == [
        "No law exists and licensing is hard.",
        "There is no law for telemedicine.",
    ]


def test_figures_and_exports(tiny: thematic.Study, tmp_path: Path) -> None:
    counts, people = gather.subthemes_by_participant_data(tiny)
    assert list(counts.index) == ["P1", "P2", "P3", "P4"]
    assert counts.loc["P2", ("Systemic", "Policy")] == 2
    assert people.loc["P3", "site"] == "Lahore"
    table, n = gather.theme_frequency_data(tiny)
    assert n == 4 and table.loc["Technological"].tolist() == [4, 3]
    nodes, edges = gather.network_data(tiny)
    assert nodes.loc["Internet"].tolist() == ["Technological", 3]
    assert edges[["a", "b", "count"]].values.tolist() == [["Funding", "Internet", 1]]
    figures = gather.report_figures(tiny)
    assert [f.name for f in figures] == [
        "subthemes-by-participant",
        "frequency-of-main-themes",
        "cooccurrence-of-subthemes",
    ]
    assert all(f.png[:4] == b"\x89PNG" for f in figures)
    sheets = exports.framework_sheets(tiny.framework(), tiny)
    assert list(sheets) == ["Systemic", "Technological"]
    assert sheets["Systemic"].loc[0, "Policy"] == "“There is no law for telemedicine.”"
    body, name = exports.report_bytes(tiny, "md")
    assert name == "report-md.zip" and body[:2] == b"PK"


def test_a_quote_from_a_translation_carries_the_original(tmp_path: Path) -> None:
    from thematic import Turn

    study = thematic.create(tmp_path / "t.thematic")
    study.add_participant("P9")
    study.add_code("Technological/Internet")
    urdu = "I: کیوں؟\nP9: لائن کٹ جاتی ہے۔ کوئی ٹھیک نہیں کرتا۔"
    english = "I: Why?\nP9: The line drops all the time. Nobody fixes it."
    original = study.add_document(
        "P9 (Urdu)",
        urdu,
        language="ur",
        participant="P9",
        turns=[Turn(0, 8, "I"), Turn(9, len(urdu), "P9")],
    )
    translation = study.add_document(
        "P9 (English)",
        english,
        language="en",
        participant="P9",
        turns=[Turn(0, 7, "I"), Turn(8, len(english), "P9")],
        translation_of=original.id,
    )
    start = english.index("The line")
    study.add_coder("amina")
    study.code(translation.id, start, len(english), "Technological/Internet", "amina")
    (quote,) = gather.exemplar_quotes(study, "Technological/Internet")
    assert quote.text == "The line drops all the time. Nobody fixes it."
    assert quote.original == "لائن کٹ جاتی ہے۔ کوئی ٹھیک نہیں کرتا۔"
    data = gather.report_data(study, include_figures=False)
    exports_ = tmp_path / "r.md"
    from thematic.analysis.report import write_report

    write_report(data, exports_)
    assert "> لائن کٹ جاتی ہے۔ کوئی ٹھیک نہیں کرتا۔" in exports_.read_text(encoding="utf-8")
    write_report(data, tmp_path / "r.html")
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert 'class="original"' in page and "Noto Naskh Arabic" in page and "base64" in page
    study.close()
