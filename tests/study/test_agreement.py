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


def test_agreed_codings_are_adopted_into_consensus(double: thematic.Study) -> None:
    assert double.adopt_agreed(["bilal", "sana"]) == 1
    [agreed] = double.codings(coder="consensus")
    assert double.code_by(agreed.code_id).path == "Technological/Glitches"
    assert double.adopt_agreed(["bilal", "sana"]) == 0  # idempotent


def test_decisions_fill_the_consensus_layer(double: thematic.Study) -> None:
    rows = {(r.kind, r.code): r for r in double.discrepancies(["bilal", "sana"])}
    boundaries = rows[("boundaries", "Organizational/Training")]
    only = rows[("only_one", "Personal/Trust")]
    different = rows[("different_codes", "Technological/Glitches")]
    trained = boundaries.start
    double.decide(
        boundaries.document_id,
        boundaries.code,
        boundaries.start,
        boundaries.end,
        "adjust",
        span=(trained, trained + 20),
        note="the clause, not the sentence",
    )
    double.decide(
        only.document_id,
        only.code,
        only.start,
        only.end,
        "reject",
        note="a question, not an answer",
    )
    double.decide(different.document_id, different.code, different.start, different.end, "accept")
    consensus = {
        (double.code_by(c.code_id).path, c.start, c.end) for c in double.codings(coder="consensus")
    }
    assert consensus == {
        ("Organizational/Training", trained, trained + 20),
        ("Technological/Glitches", different.start, different.end),
    }
    after = {(r.kind, r.code): r.decision for r in double.discrepancies(["bilal", "sana"])}
    assert after[("boundaries", "Organizational/Training")] == "adjust"
    assert after[("different_codes", "Personal/Trust")] is None
    # The coders' own layers are untouched: agreement before reconciliation stays reportable.
    assert len(double.codings(coder="bilal")) == 4 and len(double.codings(coder="sana")) == 3
    # Deciding again replaces the decision and the consensus coding.
    double.decide(
        boundaries.document_id, boundaries.code, boundaries.start, boundaries.end, "reject"
    )
    assert len(double.decisions()) == 3
    assert "Organizational/Training" not in {
        double.code_by(c.code_id).path for c in double.codings(coder="consensus")
    }
    assert double.log(action="decision.reject")[0].detail["code"] == "Organizational/Training"


def test_decision_errors(double: thematic.Study) -> None:
    doc = double.documents()[0].id
    with pytest.raises(thematic.Invalid, match="one of accept, reject, adjust"):
        double.decide(doc, "Personal/Trust", 0, 11, "maybe")
    with pytest.raises(thematic.Invalid, match="needs the agreed span"):
        double.decide(doc, "Personal/Trust", 0, 11, "adjust")
    with pytest.raises(thematic.Invalid, match="after the text ends"):
        double.decide(doc, "Personal/Trust", 0, 11, "adjust", span=(0, 10_000))
    assert double.decisions() == []


def test_reconcile_cli(tmp_path: Path) -> None:
    path = tmp_path / "r.thematic"
    study = thematic.create(path)
    _double_code(study)
    row = next(r for r in study.discrepancies(["bilal", "sana"]) if r.kind == "boundaries")
    study.close()
    runner = CliRunner()
    base = ["--study", str(path), "reconcile"]
    adopted = runner.invoke(app, [*base, "adopt", "-c", "bilal", "-c", "sana"])
    assert "Added 1 agreed codings" in adopted.output
    decided = runner.invoke(
        app,
        [
            *base,
            "decide",
            str(row.document_id),
            row.code,
            str(row.start),
            str(row.end),
            "adjust",
            "--span",
            str(row.start),
            str(row.start + 5),
            "--note",
            "short",
        ],
    )
    assert decided.exit_code == 0, decided.output
    listed = runner.invoke(app, [*base, "list", "--json"])
    assert '"decision": "adjust"' in listed.output and '"note": "short"' in listed.output
    refused = runner.invoke(
        app,
        [*base, "decide", str(row.document_id), row.code, str(row.start), str(row.end), "adjust"],
    )
    assert refused.exit_code == 1 and "needs the agreed span" in refused.output
