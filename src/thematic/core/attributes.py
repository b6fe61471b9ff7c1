"""Typed participant attributes: parse a raw value (from a sheet, the CLI or Python) into the
attribute's type, and store it canonically as text.

Types are those a researcher knows from SPSS/NVivo classifications: ``text``, ``number``,
``date`` (ISO 8601, or what a spreadsheet cell holds) and ``category`` (one of the allowed
values, matched without regard to case and surrounding spaces).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable

from thematic.core.models import AttributeDef, AttributeValue

__all__ = ["TYPES", "canonical", "infer_type", "parse_value", "restore"]

TYPES = ("text", "number", "date", "category")
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y", "%B %d, %Y")


def _parse_number(raw: object) -> float | int:
    if isinstance(raw, bool):
        raise ValueError("a yes/no value is not a number")
    if isinstance(raw, int | float):
        value: float | int = raw
    else:
        text = str(raw).strip().replace(",", "")
        try:
            value = int(text)
        except ValueError:
            value = float(text)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise ValueError("not a finite number")
        if value.is_integer():
            return int(value)
    return value


def _parse_date(raw: object) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = str(raw).strip()
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    # Spreadsheet exports often carry a midnight time: "2024-10-03 00:00:00".
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        raise ValueError("not a date (use YYYY-MM-DD)") from None


def parse_value(definition: AttributeDef, raw: object) -> AttributeValue:
    """Convert ``raw`` to the attribute's type. Empty input gives None.

    Raises ValueError with a short reason when the value does not fit.
    """
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, float) and math.isnan(raw):
        return None
    if definition.type == "number":
        return _parse_number(raw)
    if definition.type == "date":
        return _parse_date(raw)
    text = str(raw).strip()
    if definition.type == "category":
        for allowed in definition.allowed:
            if allowed.casefold() == text.casefold():
                return allowed
        choices = ", ".join(definition.allowed)
        raise ValueError(f"must be one of {choices} (got {text!r})")
    return text


def canonical(value: AttributeValue) -> str | None:
    """The text stored in the database for a parsed value."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def restore(definition: AttributeDef, stored: str | None) -> AttributeValue:
    """Turn stored text back into a typed value."""
    if stored is None:
        return None
    if definition.type == "number":
        return _parse_number(stored)
    if definition.type == "date":
        return dt.date.fromisoformat(stored)
    return stored


def infer_type(values: Iterable[object]) -> str:
    """Guess the type of a new column from its non-empty values: number, date, else text."""
    present = [v for v in values if v is not None and str(v).strip()]
    if not present:
        return "text"
    for kind, parser in (("number", _parse_number), ("date", _parse_date)):
        try:
            for value in present:
                parser(value)
        except ValueError:
            continue
        return kind
    return "text"
