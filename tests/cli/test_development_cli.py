"""``thematic codes merge|split|retire|unretire|history`` and ``codes export --at``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from tests.cli_run import run

import thematic
from thematic.formats.tables import read_table

TEXT = "The clinic is far. The video kept freezing. I trust my doctor."


@pytest.fixture
def study_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")
    run("init", "s.thematic", "--owner", "amina")
    with thematic.open(tmp_path / "s.thematic") as study:
        study.add_coder("bilal")
        study.add_coder("guest", role="viewer")
        study.add_document("D1", TEXT)
        study.add_code("Barriers/Distance")
        study.add_code("Barriers/Travel")
        study.add_code("Trust")
    return tmp_path / "s.thematic"


def coding(study_file: Path, start: int, end: int, code: str) -> int:
    with thematic.open(study_file) as study:
        return study.code(1, start, end, code, "bilal").id


def test_merge_with_a_reason(study_file: Path) -> None:
    coding(study_file, 0, 18, "Barriers/Travel")
    coding(study_file, 0, 18, "Barriers/Distance")
    coding(study_file, 19, 43, "Barriers/Travel")
    out = run("codes", "merge", "Barriers/Travel", "Barriers/Distance", "--reason", "same idea")
    out = " ".join(out.split())
    assert "Merged Barriers/Travel into Barriers/Distance" in out
    assert "1 codings moved, 1 duplicates dropped" in out
    with thematic.open(study_file) as study:
        assert [c.path for c in study.codes()] == ["Barriers", "Barriers/Distance", "Trust"]
        assert len(study.codings(code="Barriers/Distance")) == 2
    out = run("codes", "merge", "Barriers", "Barriers/Distance", ok=False)
    assert "cannot merge 'Barriers' into its own sub-code" in out


def test_split_retire_unretire(study_file: Path) -> None:
    keep = coding(study_file, 0, 18, "Barriers/Travel")
    move = coding(study_file, 19, 43, "Barriers/Travel")
    out = run(
        "codes", "split", "Barriers/Travel", "Connectivity", "--coding", str(move), "-r", "video"
    )
    assert "Made Barriers/Connectivity" in out
    with thematic.open(study_file) as study:
        assert [c.id for c in study.codings(code="Barriers/Connectivity")] == [move]
        assert [c.id for c in study.codings(code="Barriers/Travel")] == [keep]
    run("codes", "split", "Barriers/Travel", "X", "--coding", str(move), ok=False)
    run("codes", "retire", "Trust", "--reason", "unused")
    listed = {c["path"]: c["retired"] for c in json.loads(run("codes", "list", "--json"))}
    assert listed["Trust"] is True and listed["Barriers"] is False
    assert "(retired)" in run("codes", "list")
    out = run("codings", "add", "1", "44", "62", "Trust", "--coder", "bilal", ok=False)
    assert "is retired (since" in out
    run("codes", "unretire", "Trust")
    run("codings", "add", "1", "44", "62", "Trust", "--coder", "bilal")


def test_history_table_json_files_and_reasons(study_file: Path, tmp_path: Path) -> None:
    run("codes", "update", "Trust", "--name", "Confidence", "--reason", "clearer")
    run("codes", "move", "Confidence", "Barriers", "--reason", "a barrier")
    run("codes", "delete", "Barriers/Travel", "--reason", "unused")
    changes = json.loads(run("codes", "history", "--json"))
    assert [(c["action"], c["reason"]) for c in changes][-3:] == [
        ("rename", "clearer"),
        ("move", "a barrier"),
        ("delete", "unused"),
    ]
    assert all(c["actor"] for c in changes)
    mine = json.loads(run("codes", "history", "--code", "Barriers/Confidence", "--json"))
    assert [c["action"] for c in mine] == ["add", "rename", "move"]
    table = run("codes", "history")
    assert "Codebook history" in table and "clearer" in table and "rename" in table
    run("codes", "history", "-o", str(tmp_path / "h.csv"))
    _header, rows = read_table(tmp_path / "h.csv")
    assert len(rows) == len(changes) and rows[-1]["why"] == "unused"


def test_export_the_codebook_as_it_was(study_file: Path, tmp_path: Path) -> None:
    with thematic.open(study_file) as study:
        before = study.codebook_history()[-1].at
    run("codes", "update", "Trust", "--name", "Confidence")
    run("codes", "export", str(tmp_path / "then.yaml"), "--at", before.isoformat())
    then = yaml.safe_load((tmp_path / "then.yaml").read_text(encoding="utf-8"))
    assert [n["name"] for n in then["codes"]] == ["Barriers", "Trust"]
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    run("codes", "export", str(tmp_path / "now.csv"), "--at", tomorrow)
    _header, rows = read_table(tmp_path / "now.csv")
    assert [r["path"] for r in rows][-1] == "Confidence"
    out = run("codes", "export", str(tmp_path / "x.yaml"), "--at", "2001-01-01", ok=False)
    assert "history begins on" in out


def test_viewer_cannot_merge(study_file: Path) -> None:
    out = run("--as", "guest", "codes", "retire", "Trust", ok=False)
    assert "guest (viewer) may not change the codebook" in out
