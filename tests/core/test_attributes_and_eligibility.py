import datetime as dt

import pytest

from thematic.core.attributes import canonical, infer_type, parse_value, restore
from thematic.core.eligibility import check_criterion, screen
from thematic.core.models import AttributeDef, Criterion

ROLE = AttributeDef("role", "category", ("physician", "nurse", "administrator"))
YEARS = AttributeDef("years", "number")
WHEN = AttributeDef("interview_date", "date")


def test_category_matches_case_insensitively_and_keeps_the_allowed_spelling():
    assert parse_value(ROLE, " Nurse ") == "nurse"


def test_category_refuses_a_value_not_allowed():
    with pytest.raises(ValueError, match="must be one of physician, nurse, administrator"):
        parse_value(ROLE, "surgeon")


@pytest.mark.parametrize(("raw", "value"), [("3", 3), ("2.5", 2.5), (4.0, 4), ("1,200", 1200)])
def test_numbers(raw, value):
    assert parse_value(YEARS, raw) == value


def test_number_refuses_text():
    with pytest.raises(ValueError):
        parse_value(YEARS, "three")


@pytest.mark.parametrize(
    "raw",
    [
        "2024-10-03",
        "03/10/2024",
        "3 October 2024",
        dt.datetime(2024, 10, 3, 0, 0),
        "2024-10-03 00:00:00",
    ],
)
def test_dates(raw):
    assert parse_value(WHEN, raw) == dt.date(2024, 10, 3)


def test_empty_is_none_and_round_trip_through_storage():
    assert parse_value(YEARS, "  ") is None
    for definition, raw in ((YEARS, "7"), (WHEN, "2024-01-02"), (ROLE, "nurse")):
        value = parse_value(definition, raw)
        assert restore(definition, canonical(value)) == value


def test_infer_type():
    assert infer_type(["1", "2.5", ""]) == "number"
    assert infer_type(["2024-01-01", "2024-02-03"]) == "date"
    assert infer_type(["Lahore", "3"]) == "text"
    assert infer_type([]) == "text"


CRITERIA = [
    Criterion("At least 1 year of clinical experience", "years", ">=", 1),
    Criterion("Not an administrative-only role", "role", "not in", ["administrator"]),
]


def test_screen_eligible():
    result = screen("P01", {"years": 4, "role": "nurse"}, CRITERIA)
    assert result.eligible and result.failed == ()


def test_screen_names_each_failed_criterion_with_the_value():
    result = screen("P02", {"years": 0.5, "role": "administrator"}, CRITERIA)
    assert not result.eligible
    assert result.failed == (
        "At least 1 year of clinical experience: years is 0.5",
        "Not an administrative-only role: role is administrator",
    )


def test_missing_value_fails_the_criterion():
    result = screen("P03", {"role": "nurse"}, CRITERIA)
    assert result.failed == ("At least 1 year of clinical experience: no value recorded for years",)


def test_dates_compare_with_iso_strings():
    rule = Criterion("Interviewed in 2024", "interview_date", ">=", "2024-01-01")
    assert check_criterion(rule, dt.date(2024, 5, 1)) is None
    assert check_criterion(rule, dt.date(2023, 5, 1)) is not None


def test_unknown_operator_is_refused():
    with pytest.raises(ValueError, match="unknown operator"):
        check_criterion(Criterion("x", "years", "~", 1), 3)
