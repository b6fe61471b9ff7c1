"""``thematic deidentify ...``, ``thematic withdraw`` and the export gate on the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cli_run import run
from tests.privacy_study import KEY_PASS, P07_TEXT, build_privacy

import thematic
from thematic.cli import _common


@pytest.fixture
def study_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    # Rich fixes the terminal width when the CLI is imported; tables must not wrap here.
    monkeypatch.setattr(_common.console, "_width", 250)
    monkeypatch.setenv("THEMATIC_KEY_PASSPHRASE", KEY_PASS)
    path = tmp_path / "p.thematic"
    with thematic.create(path, title="Privacy") as study:
        build_privacy(study, tmp_path / "p.key")
    return path


def said(*args: str, ok: bool = True) -> str:
    """The command's output on one line (Rich wraps at the terminal's width)."""
    return " ".join(run(*args, ok=ok).split())


def proposals() -> list[dict]:
    return json.loads(run("deidentify", "list", "--json"))


def test_scan_review_apply_report(study_file: Path) -> None:
    out = said("deidentify", "scan", "--model", "none")
    assert "6 proposals (3 institution" not in out  # kinds are listed alphabetically
    assert "6 proposals (2 institution, 3 person, 1 phone)" in out
    assert "study terms (1)" in out
    found = {p["original"]: p for p in proposals()}
    assert found["Saima"]["replacement"] == "[Person A]"
    assert "helps, and Saima too" in found["Saima"]["context"]
    assert "[Person A]" in run("deidentify", "list", "--kind", "person")
    run("deidentify", "reject", str(found["Saima"]["id"]))
    run("deidentify", "edit", str(found["0300-1234567"]["id"]), "-r", "[mobile]")
    assert "Accepted 4 proposals" in said("deidentify", "accept", "--all")
    assert "add --yes" in said("deidentify", "apply", ok=False)
    assert "Replaced 5 identifiers" in said("deidentify", "apply", "--yes")
    with thematic.open(study_file) as study:
        text = study.document("P07 interview").text
    assert "[Doctor A] at [Hospital 1] helps, and Saima too" in text
    assert "Call me on [mobile] if" in text
    report = said("deidentify", "report")
    assert "P07 interview" in report and "Ayesha" not in report
    rows = json.loads(run("deidentify", "report", "--json"))
    assert sum(r["replacements"] for r in rows) == 5
    written = said("deidentify", "report", "-o", "deid.xlsx")
    assert "Wrote 5 rows" in written and Path("deid.xlsx").exists()


def test_add_a_missed_identifier_and_the_scheme(study_file: Path) -> None:
    run("deidentify", "scheme", "person", "Participant-{n}")
    assert "Participant-{n}" in run("deidentify", "scheme")
    start = P07_TEXT.index("internet")
    out = said("deidentify", "add", "P07 interview", str(start), str(start + 8), "custom")
    assert "'internet' -> [Redacted 1] (accepted)" in out
    assert "overlaps" in said(
        "deidentify", "add", "P07 interview", str(start), str(start + 3), "custom", ok=False
    )


def test_terms_and_the_key(study_file: Path, tmp_path: Path) -> None:
    assert "Saima" in run("deidentify", "terms")
    run("deidentify", "terms", "add", "Islamkot", "--kind", "place")
    listed = json.loads(run("deidentify", "terms", "--json"))
    assert [t["term"] for t in listed] == ["Saima", "Islamkot"]
    run("deidentify", "terms", "remove", "Islamkot")
    assert "p.key (exists)" in said("deidentify", "key")
    assert "wrong key passphrase" in said(
        "deidentify", "terms", "--key-passphrase", "nope", ok=False
    )


def test_withdraw_shows_the_preview_then_deletes(study_file: Path) -> None:
    out = said("withdraw", "P07", "--yes")
    assert "P07 interview, P07 interview (Urdu)" in out
    assert "3 by bilal, 2 by sana" in out
    assert "P07 talks warmly about her team." in out
    assert "Withdrawal 1 recorded" in out
    listed = said("withdraw", "--list", "x")
    assert "does not say who withdrew" in listed and "2 documents" in listed
    assert "no participant 'P07'" in said("withdraw", "P07", "--yes", ok=False)
    with thematic.open(study_file) as study:
        assert [p.label for p in study.participants()] == ["P08"]


def test_withdraw_needs_a_terminal_or_yes(study_file: Path) -> None:
    assert "add --yes" in said("withdraw", "P07", ok=False)
    with thematic.open(study_file) as study:
        assert len(study.participants()) == 2


def test_exports_are_deidentified_by_default(study_file: Path) -> None:
    run("attributes", "identifying", "role")
    assert "identifying" in said("attributes", "list")
    out = run("export", "tables", "-o", "tables.xlsx")
    assert "Wrote" in out
    import openpyxl

    sheet = openpyxl.load_workbook("tables.xlsx")["Participants"]
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert "real name" not in header and "role" not in header
    run("export", "tables", "-o", "full.xlsx", "--identified")
    sheet = openpyxl.load_workbook("full.xlsx")["Participants"]
    assert "real name" in [c.value for c in next(sheet.iter_rows(max_row=1))]
    run("deidentify", "scan", "--model", "none")
    refused = said("report", "-o", "r.md", ok=False)
    assert "not replaced yet" in refused and not Path("r.md").exists()
    assert "not replaced yet" in said("query", "words", "--format", "json", ok=False)
    run("query", "words")  # on the terminal only: allowed
    with thematic.open(study_file) as study:
        exports = [(e.target, e.detail["identified"]) for e in study.log(action="export")]
    assert exports == [("tables", True), ("tables", False)]


def test_review_one_at_a_time(study_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.cli_run import runner

    from thematic.cli import app, privacy

    run("deidentify", "scan", "--model", "none")
    monkeypatch.setattr(privacy, "interactive", lambda: True)
    # 1: accept, 2: reject, 3: edit to "[a colleague]", 4: skip, then quit
    result = runner.invoke(app, ["deidentify", "review"], input="a\nr\ne\n[a colleague]\ns\nq\n")
    assert result.exit_code == 0, result.output
    assert "1/6" in result.output and "-> [Doctor A]" in result.output
    assert "3 proposals still undecided" in result.output
    by_status = {}
    for p in proposals():
        by_status.setdefault(p["status"], []).append(p["replacement"])
    assert by_status["accepted"] == ["[Doctor A]", "[a colleague]"]
    assert by_status["rejected"] == ["[Hospital 1]"]


def test_withdraw_names_upgrade_backups_and_purge_runs(study_file: Path) -> None:
    backup = study_file.with_name(f"{study_file.name}.bak-0007")
    backup.write_bytes(study_file.read_bytes())
    out = said("withdraw", "P07", "--yes")
    assert "Older copies of the study still hold what was removed" in out
    assert "p.thematic.bak-0007" in out
    assert "Purged" in said("purge")
    with thematic.open(study_file) as study:
        assert study.log(action="study.purge")


def test_discrepancies_file_goes_through_the_gate(study_file: Path) -> None:
    run("deidentify", "scan", "--model", "none")
    refused = said(
        "discrepancies", "-c", "bilal", "-c", "sana", "-f", "csv", "-o", "d.csv", ok=False
    )
    assert "not replaced yet" in refused and not Path("d.csv").exists()
    run("discrepancies", "-c", "bilal", "-c", "sana")  # the terminal: allowed
