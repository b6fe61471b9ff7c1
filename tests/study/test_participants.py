"""Participants, attributes, eligibility, consent, and sheet import (both backends)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

import thematic

ELIGIBLE = {
    "role": "nurse",
    "site": "Karachi",
    "years_clinical_experience": 4,
    "months_telemedicine_exposure": 12,
    "clinical_responsibility": "yes",
}


def test_add_participant_with_typed_attributes(tele_study: thematic.Study) -> None:
    p = tele_study.add_participant("P07", ELIGIBLE, interview_date="2024-10-03")
    assert p.attributes["years_clinical_experience"] == 4
    assert p.attributes["interview_date"] == dt.date(2024, 10, 3)
    assert p.eligible and p.failed_criteria == ()


def test_screening_names_the_failed_criterion(tele_study: thematic.Study) -> None:
    tele_study.add_participant("P01", ELIGIBLE)
    tele_study.add_participant("X1", {**ELIGIBLE, "months_telemedicine_exposure": 3})
    tele_study.add_participant(
        "X2", {**ELIGIBLE, "role": "administrator", "clinical_responsibility": "no"}
    )
    outcome = {p.label: p for p in tele_study.participants()}
    assert outcome["P01"].eligible
    assert outcome["X1"].failed_criteria == (
        "At least 6 months of telemedicine exposure: months_telemedicine_exposure is 3",
    )
    assert outcome["X2"].failed_criteria == (
        "Not an administrative-only role: clinical_responsibility is no",
    )


def test_bad_values_are_refused_naming_the_participant(tele_study: thematic.Study) -> None:
    with pytest.raises(thematic.Invalid, match="participant P09: site must be one of"):
        tele_study.add_participant("P09", site="Lahor")
    with pytest.raises(thematic.NotFound, match="no attribute 'salary'"):
        tele_study.add_participant("P09", salary=3)
    assert tele_study.participants() == []  # nothing half-stored


def test_duplicate_label_is_a_conflict(tele_study: thematic.Study) -> None:
    tele_study.add_participant("P01")
    with pytest.raises(thematic.Conflict, match="P01 already exists"):
        tele_study.add_participant("P01")


def test_set_attributes_and_unknown_participant(tele_study: thematic.Study) -> None:
    tele_study.add_participant("P01", ELIGIBLE)
    assert not tele_study.set_attributes("P01", years_clinical_experience="0").eligible
    with pytest.raises(thematic.NotFound, match="no participant 'P99'"):
        tele_study.set_attributes("P99", site="Lahore")


def test_criteria_add_and_remove(new_study: thematic.Study) -> None:
    new_study.add_attribute("age", "number")
    new_study.add_criterion("Adult", "age", ">=", "18")
    new_study.add_participant("P1", age=17)
    assert new_study.participants()[0].failed_criteria == ("Adult: age is 17",)
    new_study.remove_criterion("Adult")
    assert new_study.participants()[0].eligible
    with pytest.raises(thematic.Invalid, match="operator must be one of"):
        new_study.add_criterion("x", "age", "=>", 1)
    with pytest.raises(thematic.NotFound):
        new_study.remove_criterion("Adult")


def test_attribute_definitions_are_checked(new_study: thematic.Study) -> None:
    with pytest.raises(thematic.Invalid, match="needs its allowed values"):
        new_study.add_attribute("site", "category")
    with pytest.raises(thematic.Invalid, match="type must be one of"):
        new_study.add_attribute("x", "boolean")
    new_study.add_attribute("site", "category", ["Lahore"])
    with pytest.raises(thematic.Conflict):
        new_study.add_attribute("Site", "text")


def test_consent_records(tele_study: thematic.Study) -> None:
    tele_study.add_participant("P01", ELIGIBLE)
    tele_study.add_consent("P01", "2024-09-02", "v1.0")
    tele_study.add_consent("P01", dt.date(2024, 11, 1), "v1.1", note="re-consented")
    assert tele_study.participant("P01").consent.form_version == "v1.1"
    assert [c.form_version for c in tele_study.consents("P01")] == ["v1.0", "v1.1"]
    with pytest.raises(thematic.Invalid, match="not YYYY-MM-DD"):
        tele_study.add_consent("P01", "02/31/2024", "v1")
    with pytest.raises(thematic.NotFound):
        tele_study.add_consent("P99", "2024-09-02", "v1.0")


SHEET = [
    [
        "Participant ID",
        "role",
        "site",
        "years_clinical_experience",
        "months_telemedicine_exposure",
        "clinical_responsibility",
        "shift",
    ],
    ["P01", "Nurse", "Lahore", 5, 24, "yes", "night"],
    ["P02", "physician", "Karachi", 0.5, 10, "yes", "day"],
    ["P03", "administrator", "Islamabad", 10, 30, "no", "day"],
]


def test_import_participants_from_xlsx(tele_study: thematic.Study, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    for row in SHEET:
        book.active.append(row)
    path = tmp_path / "participants.xlsx"
    book.save(path)
    imported = tele_study.import_participants(path)
    assert [p.label for p in imported] == ["P01", "P02", "P03"]
    assert [p.eligible for p in imported] == [True, False, False]
    assert "shift" in [a.name for a in tele_study.attributes()]  # a new column, typed text
    assert imported[0].attributes["shift"] == "night"


def test_import_participants_from_csv_is_all_or_nothing(
    tele_study: thematic.Study, tmp_path: Path
) -> None:
    path = tmp_path / "p.csv"
    path.write_text("label,site,years_clinical_experience\nP01,Lahore,3\nP02,Quetta,4\n")
    with pytest.raises(thematic.Invalid, match=r"p.csv row 3: site must be one of"):
        tele_study.import_participants(path)
    assert tele_study.participants() == []


def test_import_updates_existing_rows(tele_study: thematic.Study, tmp_path: Path) -> None:
    tele_study.add_participant("P01", site="Lahore")
    path = tmp_path / "p.csv"
    path.write_text("label;site\nP01;Karachi\n", encoding="cp1252")
    tele_study.import_participants(path)
    assert tele_study.participant("P01").attributes["site"] == "Karachi"
    with pytest.raises(thematic.Conflict):
        tele_study.import_participants(path, update=False)


def test_sheet_without_label_column(tele_study: thematic.Study, tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("name,site\nAmina,Lahore\n")
    with pytest.raises(thematic.Invalid, match="no participant label column"):
        tele_study.import_participants(path)


def test_label_is_trimmed_and_limited(new_study: thematic.Study) -> None:
    assert new_study.add_participant(" P09 ").label == "P09"
    with pytest.raises(thematic.Invalid, match="at most 100"):
        new_study.add_participant("P" * 101)
