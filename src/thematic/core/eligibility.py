"""Eligibility screening: evaluate a participant's attributes against the study's criteria.

A criterion is ``attribute operator value``. A missing attribute value fails the criterion
(a screener cannot call someone eligible on an unknown), and the reason says so.
"""

from __future__ import annotations

import datetime as dt
import operator as op
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from thematic.core.models import AttributeValue, Criterion, Screening

__all__ = ["OPERATORS", "check_criterion", "screen"]

_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    ">=": op.ge,
    ">": op.gt,
    "<=": op.le,
    "<": op.lt,
    "==": op.eq,
    "!=": op.ne,
}
OPERATORS = (*_COMPARE, "in", "not in")


def _same_kind(value: AttributeValue, target: Any) -> Any:
    """Bring the criterion's value to the attribute value's type for comparison."""
    if isinstance(value, dt.date) and isinstance(target, str):
        return dt.date.fromisoformat(target)
    if isinstance(value, int | float) and isinstance(target, str):
        return float(target)
    if isinstance(value, str) and not isinstance(target, str):
        return str(target)
    return target


def _fold(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


def check_criterion(criterion: Criterion, value: AttributeValue) -> str | None:
    """None when ``value`` meets the criterion, else the reason it does not."""
    if criterion.operator not in OPERATORS:
        raise ValueError(f"unknown operator {criterion.operator!r}")
    if value is None:
        return f"{criterion.name}: no value recorded for {criterion.attribute}"
    if criterion.operator in ("in", "not in"):
        targets = {_fold(_same_kind(value, t)) for t in criterion.value}
        inside = _fold(value) in targets
        passed = inside if criterion.operator == "in" else not inside
    else:
        passed = _COMPARE[criterion.operator](
            _fold(value), _fold(_same_kind(value, criterion.value))
        )
    if passed:
        return None
    shown = value.isoformat() if isinstance(value, dt.date) else value
    return f"{criterion.name}: {criterion.attribute} is {shown}"


def screen(
    label: str, attributes: Mapping[str, AttributeValue], criteria: Sequence[Criterion]
) -> Screening:
    """Screen one participant; ``failed`` lists a reason for every criterion not met."""
    failed = tuple(
        reason
        for criterion in criteria
        if (reason := check_criterion(criterion, attributes.get(criterion.attribute)))
    )
    return Screening(participant=label, eligible=not failed, failed=failed)
