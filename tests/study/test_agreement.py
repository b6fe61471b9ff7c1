"""Double-coded documents and discrepancies between coders (both backends)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

import thematic
from thematic.cli import app

TEXT = "Interviewer: and the portal?\n\nP01: It freezes, and nobody trained us to fix it."


@pytest.fixture
def double(new_study: thematic.Study) -> thematic.Study:
    return _double_code(new_study)


def _double_code(new_study: thematic.Study) -> thematic.Study:
    for name in ("bilal", "sana"):
        new_study.add_coder(name)
    for path in ("Technological/Glitches", "Organizational/Training", "Personal/Trust"):
        new_study.add_code(path)
    doc = new_study.add_document("P01 interview", TEXT)
    new_study.add_document("P02 interview", TEXT)
    freezes = TEXT.index("It freezes")
    trained = TEXT.index("nobody trained")
    new_study.code_many(
        [
            (doc.id, freezes, freezes + 10, "Technological/Glitches", "bilal"),
            (doc.id, freezes, freezes + 10, "Technological/Glitches", "sana"),  # agreed
            (doc.id, trained, trained + 26, "Organizational/Training", "bilal"),
            (doc.id, trained, trained + 14, "Organizational/Training", "sana"),  # boundaries
            (doc.id, 0, 11, "Personal/Trust", "bilal"),  # only bilal
            (doc.id, 13, 27, "Personal/Trust", "sana"),
            (doc.id, 13, 27, "Technological/Glitches", "bilal"),  # different codes
        ]
    )
    return new_study


def test_double_coded_documents(double: thematic.Study) -> None:
    assert double.double_coded(["bilal", "sana"]) == [double.document("P01 interview").id]
    with pytest.raises(thematic.Invalid, match="at least two"):
        double.double_coded(["bilal"])


def test_discrepancies_by_kind(double: thematic.Study) -> None:
    rows = double.discrepancies(["bilal", "sana"])
    found = {(r.kind, r.code, r.text) for r in rows}
    assert found == {
        ("only_one", "Personal/Trust", "Interviewer"),
        ("different_codes", "Personal/Trust", "and the portal"),
        ("different_codes", "Technological/Glitches", "and the portal"),
        ("boundaries", "Organizational/Training", "nobody trained us to fix i"),
    }
    trust = next(r for r in rows if r.kind == "different_codes" and r.code == "Personal/Trust")
    assert trust.other_codes == {"bilal": ("Technological/Glitches",)}
    only = double.discrepancies(["bilal", "sana"], code="Organizational")
    assert [r.kind for r in only] == ["boundaries"]


def test_discrepancies_cli_exports(tmp_path: Path) -> None:
    path = tmp_path / "cli.thematic"
    study = thematic.create(path)
    _double_code(study)
    study.close()
    runner = CliRunner()
    target = tmp_path / "meeting.docx"
    base = ["--study", str(path), "discrepancies", "-c", "bilal", "-c", "sana"]
    result = runner.invoke(app, [*base, "-f", "docx", "-o", str(target)])
    assert result.exit_code == 0, result.output
    table = docx.Document(target).tables[0]
    assert [c.text for c in table.rows[0].cells][-1] == "decision"
    assert len(table.rows) == 1 + 4
    csv_target = tmp_path / "d.csv"
    result = runner.invoke(app, [*base, "-f", "csv", "-o", str(csv_target)])
    assert result.exit_code == 0 and "different boundaries" in csv_target.read_text("utf-8-sig")
