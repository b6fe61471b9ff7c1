"""Write query results (pandas DataFrames) as CSV or XLSX, one sheet per table.

CSV is UTF-8 with a byte-order mark, so Excel shows Urdu correctly. In XLSX, text that starts
with "=" stays text (openpyxl would otherwise store it as a formula, and a transcript line
could then run in the reader's Excel), characters XML cannot hold are dropped, and each sheet
gets readable column widths with wrapped text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from thematic.errors import Invalid

FORMATS = ("csv", "xlsx")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def sheet_name(name: str, taken: set[str]) -> str:
    """An Excel-safe, unique sheet name (at most 31 characters, no []:*?/\\)."""
    base = _SHEET_FORBIDDEN.sub("-", name).strip("'") or "Sheet"
    candidate, number = base[:31], 2
    while candidate.casefold() in taken:
        suffix = f" ({number})"
        candidate, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(candidate.casefold())
    return candidate


def write_frames(
    path: Path, sheets: Mapping[str, pd.DataFrame], *, about: Mapping[str, Any] | None = None
) -> list[Path]:
    """Write tables to ``path`` (.csv or .xlsx) and return the files written.

    XLSX: one sheet per table, plus an "About" sheet listing ``about`` (what was asked).
    CSV: one file; with several tables, one file per table named ``<stem>-<table>.csv``.
    """
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise Invalid(f"{path}: write .csv or .xlsx, not {path.suffix or 'no extension'}")
    if not sheets:
        raise Invalid(f"{path}: nothing to write")
    if suffix == "csv":
        return _write_csv(path, sheets)
    _write_xlsx(path, sheets, about or {})
    return [path]


def _write_csv(path: Path, sheets: Mapping[str, pd.DataFrame]) -> list[Path]:
    if len(sheets) == 1:
        targets = {path: next(iter(sheets.values()))}
    else:
        taken: set[str] = set()
        targets = {
            path.with_name(f"{path.stem}-{sheet_name(name, taken)}.csv"): frame
            for name, frame in sheets.items()
        }
    for target, frame in targets.items():
        _plain(frame).to_csv(target, index=False, encoding="utf-8-sig")
    return list(targets)


def _write_xlsx(path: Path, sheets: Mapping[str, pd.DataFrame], about: Mapping[str, Any]) -> None:
    import openpyxl
    from openpyxl.styles import Alignment, Font

    book = openpyxl.Workbook()
    default = book.active
    assert default is not None
    book.remove(default)
    taken: set[str] = set()
    for name, frame in sheets.items():
        sheet = book.create_sheet(sheet_name(name, taken))
        table = _plain(frame)
        sheet.append([str(c) for c in table.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.itertuples(index=False):
            sheet.append([_cell(v) for v in row])
        for cell in (c for row in sheet.iter_rows(min_row=2) for c in row):
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula
                if len(cell.value) > 60:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        for index, column in enumerate(table.columns, start=1):
            width = max([len(str(column)), *(min(len(str(v)), 60) for v in table[column])])
            sheet.column_dimensions[_letter(index)].width = min(max(width + 2, 8), 62)
        sheet.freeze_panes = "A2"
    if about:
        sheet = book.create_sheet(sheet_name("About", taken))
        for key, value in about.items():
            sheet.append([str(key), _cell(_describe(value))])
    book.save(path)


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Row labels become ordinary columns, so nothing is lost in CSV or XLSX."""
    if isinstance(frame.columns, pd.MultiIndex):
        frame = frame.copy()
        frame.columns = [" / ".join(str(p) for p in c) for c in frame.columns]
    named = [n for n in frame.index.names if n is not None]
    return frame.reset_index() if named else frame


def _cell(value: Any) -> Any:
    if value is None or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, str):
        return _ILLEGAL.sub("", value)
    if isinstance(value, int | float | bool):
        return value
    return _ILLEGAL.sub("", str(value))


def _describe(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k} = {v}" for k, v in value.items())
    return str(value)


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))
