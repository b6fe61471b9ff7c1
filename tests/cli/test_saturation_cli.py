"""``thematic saturation`` on the hand-worked study of tests/saturation_study.py."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from tests.cli_run import run
from tests.saturation_study import build_saturation

import thematic


@pytest.fixture
def study_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")
    path = tmp_path / "sat.thematic"
    with thematic.create(path, title="Saturation study") as study:
        build_saturation(study)
    return path


def test_json(study_file: Path) -> None:
    out = json.loads(run("saturation", "--format", "json", "--orderings", "100"))
    assert out["method"] == "guest" and out["label"] == "6+2" and out["at"] == 6
    assert out["order"] == "interview_date" and out["layer"] == "consensus"
    assert out["parameters"] == {
        "base": 4,
        "run": 2,
        "threshold": 0.05,
        "orderings": 100,
        "seed": 0,
    }
    assert [r["participant"] for r in out["interviews"]][:3] == ["P3", "P7", "P1"]
    assert [r["new"] for r in out["interviews"]] == [2, 1, 1, 0, 0, 1, 0, 0]
    assert out["chao2"]["estimate"] == pytest.approx(5.875)
    assert out["random_orders"]["orderings"] == 100
    assert "saturation was reached at 6+2" in out["statement"]


def test_francis_json(study_file: Path) -> None:
    out = json.loads(
        run("saturation", "--method", "francis", "--initial", "3", "--stop", "2", "-f", "json")
    )
    assert out["reached"] and out["label"] == "interview 5"
    assert out["parameters"]["initial"] == 3 and "base" not in out["parameters"]


def test_table_output_and_figure(study_file: Path, tmp_path: Path) -> None:
    out = run("saturation", "--level", "theme", "--figure", str(tmp_path / "sat.png"))
    assert "Result: 4+2" in out  # themes: T1 and T2 both in the base, nothing new after
    assert "P3" in out and "2024-01-05" in out and "Interviews in order" in out
    assert "Random orders:" in out and "Chao2" in out
    assert "Following Guest, Namey and Chen (2020)" in out
    assert (tmp_path / "sat.png").read_bytes().startswith(b"\x89PNG")


def test_csv_and_xlsx(study_file: Path, tmp_path: Path) -> None:
    run("saturation", "-f", "csv", "-o", str(tmp_path / "sat.csv"))
    frame = pd.read_csv(tmp_path / "sat.csv", encoding="utf-8-sig")
    assert frame["cumulative"].tolist() == [2, 3, 4, 4, 4, 5, 5, 5]
    run("saturation", "-f", "xlsx", "-o", str(tmp_path / "sat.xlsx"))
    book = openpyxl.load_workbook(tmp_path / "sat.xlsx")
    assert "Saturation" in book.sheetnames


def test_errors(study_file: Path) -> None:
    assert "guest or francis" in run("saturation", "--method", "glaser", ok=False)
    assert "base" in run("saturation", "--base", "0", ok=False)
