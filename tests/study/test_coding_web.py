"""Study API reads the web coding workspace needs: frequent codes, coding times (both backends)."""

from __future__ import annotations

import datetime as dt

import pytest

import thematic

TEXT = "Interviewer: How is the portal?\nR: ڈاکٹر says it freezes 😀 every day."


@pytest.fixture
def coded(new_study: thematic.Study) -> thematic.Study:
    for path in ("Technological/Usability", "Personal/Trust", "Personal/Fear", "Org/Training"):
        new_study.add_code(path)
    new_study.add_coder("bilal")
    new_study.add_coder("sana")
    new_study.add_document("P01 interview", TEXT)
    return new_study


def test_frequent_codes_most_used_first_ties_in_codebook_order(coded: thematic.Study) -> None:
    doc = coded.documents()[0].id
    for start in (0, 5, 10):
        coded.code(doc, start, start + 3, "Personal/Fear", "bilal")
    coded.code(doc, 0, 3, "Org/Training", "bilal")
    coded.code(doc, 0, 3, "Technological/Usability", "bilal")
    for start in (0, 5, 10, 15):
        coded.code(doc, start, start + 3, "Personal/Trust", "sana")
    paths = [c.path for c in coded.frequent_codes("bilal")]
    assert paths == ["Personal/Fear", "Technological/Usability", "Org/Training"]
    assert [c.path for c in coded.frequent_codes("bilal", limit=1)] == ["Personal/Fear"]
    assert [c.path for c in coded.frequent_codes("sana")] == ["Personal/Trust"]


def test_frequent_codes_default_to_the_acting_user(coded: thematic.Study) -> None:
    doc = coded.documents()[0].id
    coded.code(doc, 0, 3, "Personal/Trust", "sana")
    assert [c.path for c in coded.as_user("sana").frequent_codes()] == ["Personal/Trust"]
    assert coded.as_user("bilal").frequent_codes() == []
    assert coded.frequent_codes("nobody") == []


def test_coding_times(coded: thematic.Study) -> None:
    doc = coded.documents()[0].id
    before = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(seconds=5)
    coding = coded.code(doc, 0, 3, "Personal/Trust", "sana")
    times = coded.coding_times(doc)
    assert list(times) == [coding.id]
    assert before <= times[coding.id] <= before + dt.timedelta(minutes=5)
    with pytest.raises(thematic.NotFound):
        coded.coding_times(999)
