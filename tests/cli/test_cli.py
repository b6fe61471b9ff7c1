"""The CLI: each command on a real study file, errors as one line with exit code 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import thematic
from thematic.cli import app

runner = CliRunner()


def run(*args: str, ok: bool = True) -> str:
    result = runner.invoke(app, list(args))
    if ok:
        assert result.exit_code == 0, result.output
    else:
        assert result.exit_code == 1, result.output
    return result.output


@pytest.fixture
def study_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")
    run("init", "s.thematic", "--template", "telemedicine-barriers", "--owner", "amina")
    return tmp_path / "s.thematic"


def test_init_reports_the_template_set_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    out = run("init", "rural.thematic", "--template", "telemedicine-barriers")
    assert "52 codes, 11 attributes, 3 criteria" in out
    assert run("init", "rural.thematic", ok=False).count("\n") >= 1


def test_unknown_template_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    out = run("init", "x.thematic", "--template", "nope", ok=False)
    assert "no template 'nope'" in out
    assert not (tmp_path / "x.thematic").exists()  # nothing half-made


def test_participants_screening_and_json(study_file: Path) -> None:
    run(
        "participants",
        "add",
        "P01",
        "role=nurse",
        "site=Lahore",
        "years_clinical_experience=3",
        "months_telemedicine_exposure=2",
        "clinical_responsibility=yes",
    )
    run(
        "participants",
        "add",
        "P02",
        "role=physician",
        "years_clinical_experience=9",
        "months_telemedicine_exposure=24",
        "clinical_responsibility=yes",
    )
    screened = json.loads(run("screen", "--json"))
    assert screened == [
        {
            "participant": "P01",
            "eligible": False,
            "failed": [
                "At least 6 months of telemedicine exposure: months_telemedicine_exposure is 2"
            ],
        },
        {"participant": "P02", "eligible": True, "failed": []},
    ]
    listed = json.loads(run("participants", "list", "--json"))
    assert listed[0]["attributes"]["site"] == "Lahore"
    assert "NOT eligible" in run("screen")
    out = run("participants", "add", "P03", "site=Quetta", ok=False)
    assert "site must be one of Lahore, Karachi, Islamabad" in out


def test_participant_import_and_consent(study_file: Path) -> None:
    sheet = study_file.parent / "people.csv"
    sheet.write_text("label,role,site\nP01,nurse,Karachi\nP02,physician,Lahore\n")
    assert "Imported 2 participants" in run("participants", "import", str(sheet))
    run("consent", "add", "P01", "--date", "2024-09-01", "--form-version", "v1")
    consents = json.loads(run("consent", "list", "--json"))
    assert consents[0]["participant"] == "P01" and consents[0]["date"] == "2024-09-01"


def test_codes_documents_codings_memos(study_file: Path) -> None:
    run("codes", "add", "Personal/Trust/Fear of misdiagnosis", "--definition", "Worry")
    codes = json.loads(run("codes", "list", "--json"))
    assert "Personal/Trust/Fear of misdiagnosis" in [c["path"] for c in codes]
    transcript = study_file.parent / "P01_interview.txt"
    transcript.write_text(
        "Interviewer: How is it?\nP01: ڈاکٹر, the video freezes 😀.\n", encoding="utf-8"
    )
    run("participants", "add", "P01")
    run("documents", "import", str(transcript), "--participant", "auto", "--language", "en")
    [doc] = json.loads(run("documents", "list", "--json"))
    assert doc["participant"] == "P01" and doc["turns"] == 2
    run("coders", "add", "bilal")
    text = thematic.open(study_file).document(doc["id"]).text
    start, end = text.index("ڈاکٹر"), text.index("😀") + 1
    run(
        "codings",
        "add",
        str(doc["id"]),
        str(start),
        str(end),
        "Technological/Usability and glitches",
        "--coder",
        "bilal",
    )
    [coding] = json.loads(run("codings", "list", "--json"))
    assert coding["text"] == "ڈاکٹر, the video freezes 😀"
    out = run(
        "codings", "add", str(doc["id"]), "5", "999", "Personal/Trust", "--coder", "bilal", ok=False
    )
    assert "after the text ends" in out
    run("memos", "add", "Trust **matters**", "--link", "code:Personal/Trust")
    memos = json.loads(run("memos", "list", "--json"))
    assert memos[0]["link_type"] == "code"
    run("codings", "remove", str(coding["id"]))
    assert json.loads(run("codings", "list", "--json")) == []


def test_bad_file_is_named_and_nothing_is_stored(study_file: Path) -> None:
    good = study_file.parent / "good.txt"
    good.write_text("I: Hello\nR: Hi\n")
    bad = study_file.parent / "bad.docx"
    bad.write_bytes(b"this is not a zip file")
    out = run("documents", "import", str(good), str(bad), ok=False)
    assert "bad.docx" in out and out.count("Error") == 1
    assert json.loads(run("documents", "list", "--json")) == []


def test_viewer_is_refused(study_file: Path) -> None:
    run("coders", "add", "guest", "--role", "viewer")
    out = run("--as", "guest", "codes", "add", "New", ok=False)
    assert "guest (viewer) may not change the codebook" in out


def test_log_template_and_guide(study_file: Path, tmp_path: Path) -> None:
    run("coders", "add", "bilal")
    events = json.loads(run("log", "--json"))
    assert events[0]["action"] == "coder.add" and events[0]["target"] == "bilal"
    guide = json.loads(run("guide", "list", "--json"))
    assert {q["domain"] for q in guide} >= {"Systemic", "Technological"}
    saved = tmp_path / "mine.yaml"
    run("template", "save", "mine", "--output", str(saved))
    run("init", "copy.thematic", "--template", str(saved))
    copy = thematic.open(tmp_path / "copy.thematic")
    assert [c.path for c in copy.codes()] == [c.path for c in thematic.open(study_file).codes()]
    assert "telemedicine-barriers" in run("template", "list")


def test_no_study_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("THEMATIC_STUDY", raising=False)
    assert "no study here" in run("participants", "list", ok=False)


def _commands(group, prefix=()):  # type: ignore[no-untyped-def]
    import typer.main

    command = typer.main.get_command(group) if not hasattr(group, "commands") else group
    for name, sub in command.commands.items():
        yield (*prefix, name), sub
        if hasattr(sub, "commands"):
            yield from _commands(sub, (*prefix, name))


def test_every_command_has_help_and_is_documented() -> None:
    import typer.main

    docs = (Path(__file__).parents[2] / "docs" / "cli.md").read_text(encoding="utf-8")
    for path, command in _commands(typer.main.get_command(app)):
        assert command.help, f"thematic {' '.join(path)} has no help text"
        assert f"thematic {' '.join(path)}" in docs, f"docs/cli.md lacks thematic {' '.join(path)}"
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0


def test_double_coding_draw_and_blind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")
    study = thematic.create(tmp_path / "s.thematic", template="telemedicine-barriers")
    for number, site in enumerate(["Lahore", "Karachi", "Islamabad"] * 2, start=1):
        study.add_participant(f"P{number}", site=site)
        study.add_document(f"P{number} interview", "Interviewer: hello", participant=f"P{number}")
    study.add_coder("bilal")
    study.add_coder("sana")
    study.close()
    out = run("assignments", "draw", "--coder", "bilal", "--coder", "sana", "--seed", "3")
    assert "Assigned 3 documents to bilal, sana (seed 3)" in out
    listed = json.loads(run("assignments", "list", "--json"))
    assert len(listed) == 6 and {a["coder"] for a in listed} == {"bilal", "sana"}
    run("assignments", "complete", str(listed[0]["document_id"]), "--coder", "bilal")
    assert "Blind coding is on." in run("blind", "on")
    assert "Blind coding is on." in run("blind")
    assert "say on or off" in runner.invoke(app, ["blind", "maybe"]).output


def test_agreement_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "220")
    study = thematic.create(tmp_path / "s.thematic")
    for name in ("bilal", "sana"):
        study.add_coder(name)
    study.add_code("Trust")
    doc = study.add_document("one", "abcdefghij")
    study.code_many([(doc.id, 0, 6, "Trust", "bilal"), (doc.id, 2, 8, "Trust", "sana")])
    study.close()
    table = run("agreement", "-c", "bilal", "-c", "sana")
    assert "Trust" in table and "**" in table  # kappa 0.167: marked weak
    data = json.loads(run("agreement", "-c", "bilal", "-c", "sana", "-f", "json"))
    trust = next(r for r in data["rows"] if r["code"] == "Trust")
    assert trust["agreement"] == pytest.approx(60.0) and trust["coded_bilal"] == 6
    run("agreement", "-c", "bilal", "-c", "sana", "-f", "xlsx", "-o", "a.xlsx")
    assert (tmp_path / "a.xlsx").stat().st_size > 0
    assert "at least two" in run("agreement", "-c", "bilal", ok=False)
