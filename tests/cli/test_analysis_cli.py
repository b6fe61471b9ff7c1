"""The query, figures, report, export, framework, quotes and COREQ commands on the
hand-counted study of tests/tiny_study.py."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from docx import Document as DocxDocument
from tests.cli_run import run
from tests.tiny_study import DOC2, build_tiny, span

import thematic


@pytest.fixture
def tiny_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")
    path = tmp_path / "tiny.thematic"
    with thematic.create(path, title="Tiny study") as study:
        build_tiny(study)
    return path


def test_search_and_words(tiny_file: Path) -> None:
    out = json.loads(run("query", "search", "internet", "--format", "json"))
    assert out["about"]["documents"] == 2 and len(out["rows"]) == 3
    table = run("query", "search", "licens*")
    assert "[licensing]" in table and "doc2" in table
    words = json.loads(run("query", "words", "--format", "json", "-w", "role=nurse"))
    assert {r["word"]: r["count"] for r in words["rows"]}["internet"] == 3
    assert "Error:" in run("query", "search", "NOT internet", ok=False)


def test_coding_query_matrix_cooccurrence_frequencies(tiny_file: Path, tmp_path: Path) -> None:
    out = json.loads(
        run("query", "coding", "Technological/Internet", "--and", "Systemic", "-f", "json")
    )
    assert [r["text"] for r in out["rows"]] == ["the internet fails."]
    alone = run("query", "coding", "Technological/Internet", "--not", "Systemic", "--near", "turn")
    assert "1 passage; coding layer: consensus" in alone
    rows = json.loads(
        run(
            "query",
            "coding",
            "Technological/Internet",
            "--not",
            "Systemic",
            "--near",
            "turn",
            "-f",
            "json",
        )
    )["rows"]
    assert [r["text"] for r in rows] == ["The internet never works here."]
    run(
        "query",
        "matrix",
        "--rows",
        "subtheme",
        "--columns",
        "site",
        "--count",
        "participants",
        "-f",
        "csv",
        "-o",
        str(tmp_path / "m.csv"),
    )
    matrix = pd.read_csv(tmp_path / "m.csv", encoding="utf-8-sig").set_index("code")
    assert matrix.loc["Systemic/Policy"].tolist() == [2, 0]
    pairs = json.loads(run("query", "cooccurrence", "--near", "turn", "-f", "json"))
    assert len(pairs["rows"]) == 3
    run("query", "frequencies", "-f", "xlsx", "-o", str(tmp_path / "f.xlsx"))
    book = openpyxl.load_workbook(tmp_path / "f.xlsx")
    assert book.sheetnames == ["Code frequencies", "About"]
    header = [c.value for c in book["Code frequencies"][1]]
    assert header[:2] == ["code", "name"] and "participants" in header
    assert "count must be one of" in run("query", "matrix", "--count", "words", ok=False)


def test_figures_report_and_coreq(tiny_file: Path, tmp_path: Path) -> None:
    out = run("figures", "-o", str(tmp_path / "figs"), "--order-by", "role")
    assert "Wrote 8 files" in out
    assert (tmp_path / "figs" / "subthemes-by-participant.png").read_bytes()[:4] == b"\x89PNG"
    run("coreq", "answer", "1", "AK conducted the interviews.")
    out = run("report", "-o", str(tmp_path / "r.docx"))
    assert "COREQ:" in out
    document = DocxDocument(str(tmp_path / "r.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Tiny study" in text and "Policy" in text
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "AK conducted the interviews." in cells
    run("report", "-o", str(tmp_path / "r.md"), "--no-figures")
    assert "# Tiny study" in (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "must be docx, html or md" in run("report", "-o", str(tmp_path / "r.pdf"), ok=False)
    assert "numbered 1 to 32" in run("coreq", "answer", "40", "x", ok=False)


def test_exports_framework_and_quotes(tiny_file: Path, tmp_path: Path) -> None:
    run("export", "tables", "-o", str(tmp_path / "all.xlsx"))
    book = openpyxl.load_workbook(tmp_path / "all.xlsx")
    assert book.sheetnames == ["Participants", "Documents", "Codebook", "Codings", "About"]
    assert book["Codings"].max_row == 1 + 9  # header + 8 consensus + 1 bilal
    run("export", "codings", "-o", str(tmp_path / "c.csv"), "--coder", "bilal")
    assert len(pd.read_csv(tmp_path / "c.csv", encoding="utf-8-sig")) == 1
    run("framework", "summarize", "P2", "Systemic/Policy", "Licensing blocks remote care.")
    run("framework", "show", "--theme", "Systemic", "-o", str(tmp_path / "fw.xlsx"))
    sheet = openpyxl.load_workbook(tmp_path / "fw.xlsx")["Systemic"]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    header = [c.value for c in sheet[1]]
    cell = rows["P2"][header.index("Policy")]
    assert cell.startswith("Summary: Licensing blocks remote care.")
    assert "“No law exists”" in cell
    start, end = span(DOC2, "No law exists and licensing is hard.")
    out = run("quotes", "pin", "Systemic/Policy", "doc2", str(start), str(end))
    assert "Pinned quote 1" in out
    listed = json.loads(run("quotes", "list", "--code", "Systemic/Policy", "--suggested", "--json"))
    assert listed["pinned"][0]["text"] == "No law exists and licensing is hard."
    assert listed["suggested"][0]["pinned"] is True
    run("quotes", "unpin", "1")
    assert "no pinned quote 1" in run("quotes", "unpin", "1", ok=False)
