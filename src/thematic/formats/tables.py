"""Read and write simple tables (a header row, then records) as CSV or XLSX.

Participant sheets come from Excel as often as from CSV. CSV text goes through the same
encoding detection as transcripts, so a sheet saved by Excel in cp1252 or UTF-16 reads right.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from thematic.errors import UnreadableFile
from thematic.formats.encoding import decode_text

__all__ = ["Table", "read_table", "write_table"]

Table = tuple[list[str], list[dict[str, Any]]]


def _read_csv(data: bytes, name: str, encoding: str | None) -> Table:
    text = decode_text(data, name, encoding)
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows = [row for row in reader if any(cell.strip() for cell in row)]
    return _records(rows, name)


def _read_xlsx(path: Path) -> Table:
    import openpyxl  # imported here: only sheets need it
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as error:
        raise UnreadableFile(str(path), f"not a readable Excel .xlsx file ({error})") from None
    try:
        sheet = book.worksheets[0]
        rows = [
            ["" if cell is None else cell for cell in row]
            for row in sheet.iter_rows(values_only=True)
            if any(cell not in (None, "") for cell in row)
        ]
    finally:
        book.close()
    return _records(rows, str(path))


def _records(rows: Sequence[Sequence[Any]], name: str) -> Table:
    if not rows:
        raise UnreadableFile(name, "the sheet is empty")
    header = [str(cell).strip() for cell in rows[0]]
    if any(not column for column in header):
        raise UnreadableFile(name, "the header row has an empty column name")
    seen: set[str] = set()
    for column in header:
        if column.casefold() in seen:
            raise UnreadableFile(name, f"the header row names column {column!r} twice")
        seen.add(column.casefold())
    records = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) > len(header) and any(str(c).strip() for c in row[len(header) :]):
            raise UnreadableFile(name, f"row {number} has more cells than the header")
        cells = list(row) + [""] * (len(header) - len(row))
        records.append(dict(zip(header, cells, strict=False)))
    return header, records


def read_table(path: Path, encoding: str | None = None) -> Table:
    """The header and records of a .csv, .tsv or .xlsx file."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path)
    if suffix in (".csv", ".tsv", ".txt"):
        try:
            data = path.read_bytes()
        except OSError as error:
            raise UnreadableFile(str(path), error.strerror or str(error)) from None
        return _read_csv(data, str(path), encoding)
    raise UnreadableFile(str(path), f"unsupported table type {suffix!r}; use .csv or .xlsx")


def write_table(path: Path, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Write a table as CSV (UTF-8 with BOM, so Excel shows Urdu right) or XLSX."""
    if path.suffix.lower() == ".xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append(list(header))
        for row in rows:
            sheet.append(list(row))
        book.save(path)
        return
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
