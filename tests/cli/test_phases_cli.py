"""``thematic phase``, ``thematic status`` and ``thematic map`` on the hand-counted study."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cli_run import run
from tests.tiny_study import build_tiny

import thematic


@pytest.fixture
def tiny_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")
    path = tmp_path / "tiny.thematic"
    with thematic.create(path, title="Tiny study") as study:
        build_tiny(study)
    return path


def test_phase_show_and_set(tiny_file: Path) -> None:
    assert "Phase 1: Familiarising yourself with the data" in run("phase")
    assert "phase 2: Generating initial codes" in run("phase", "set", "2", "--note", "Read all")
    shown = json.loads(run("phase", "--json"))
    assert shown["phase"]["number"] == 2 and shown["phase"]["note"] == "Read all"
    assert [c["phase"] for c in shown["history"]] == [2]
    out = run("phase")
    assert "Read all" in out and "Generating initial codes" in out
    assert "1 to 6" in run("phase", "set", "7", ok=False)
    with thematic.open(tiny_file) as study:
        study.add_coder("guest", role="viewer")
    assert "may not" in run("--as", "guest", "phase", "set", "3", ok=False)


def test_status_json_and_table(tiny_file: Path) -> None:
    status = json.loads(run("status", "--json"))
    assert status["transcripts"] == 4
    assert (status["coded_consensus"], status["coded_any"]) == (3, 3)
    assert status["left"][0] == "1 transcript not yet coded"
    assert status["memos_by_phase"] == {str(n): 0 for n in range(1, 7)}
    out = run("status")
    assert "3 of 4 (75%)" in out and "1 transcript not yet coded" in out


def test_map_relate_list_draw_and_remove(tiny_file: Path) -> None:
    assert "No relations yet" in run("map")
    out = run("map", "relate", "Systemic", "Technological", "holds back", "--memo", "Policy first")
    assert "Relation 1: Systemic holds back Technological" in out
    run("map", "relate", "Systemic/Funding", "Technological/Internet", "starves")
    found = json.loads(run("map", "--json"))
    assert [(r["source"], r["label"], r["target"]) for r in found] == [
        ("Systemic", "holds back", "Technological"),
        ("Systemic/Funding", "starves", "Technological/Internet"),
    ]
    assert found[0]["memo_id"] is not None and found[1]["memo_id"] is None
    assert "itself" in run("map", "relate", "Systemic", "Systemic", "is", ok=False)
    assert "already" in run("map", "relate", "Systemic", "Technological", "holds back", ok=False)
    run("map", "draw", "-o", "map.png")
    assert (tiny_file.parent / "map.png").read_bytes().startswith(b"\x89PNG")
    run("map", "draw", "-o", "map.svg")
    assert "holds back" in (tiny_file.parent / "map.svg").read_text(encoding="utf-8")
    assert ".png, .svg" in run("map", "draw", "-o", "map.jpg", ok=False)
    run("map", "remove", "2")
    assert len(json.loads(run("map", "--json"))) == 1
    assert "no relation 2" in run("map", "remove", "2", ok=False)
