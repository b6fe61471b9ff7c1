"""Counting queries on the hand-counted study of tests/study/conftest.py (both backends)."""

from __future__ import annotations

import pytest
from tests.tiny_study import DOC1, DOC2, DOC3

import thematic
from thematic.errors import Invalid, NotFound

SUBTHEMES = [
    "Systemic/Policy",
    "Systemic/Funding",
    "Technological/Internet",
    "Technological/Skills",
]


def test_theme_frequencies(tiny: thematic.Study) -> None:
    table = tiny.code_frequencies("theme", characters=True)
    assert list(table.index) == ["Systemic", "Technological"]
    # Systemic: doc1 No law + Funding, doc2 No law + Licensing.
    assert table.loc["Systemic", "references"] == 4
    assert table.loc["Systemic", "participants"] == 2  # P1, P2
    assert table.loc["Systemic", "documents"] == 2
    # Technological: doc1 Internet x2, doc2 Training, doc3 Internet.
    assert table.loc["Technological", "references"] == 4
    assert table.loc["Technological", "participants"] == 3  # P1, P2, P3
    # Characters, each once per theme: doc1 "There is no law for telemedicine." (33) and
    # "Funding is short and the internet fails." (40); doc2 "No law exists" lies inside
    # "No law exists and licensing is hard." (36).
    assert table.loc["Systemic", "characters"] == 33 + 40 + 36
    # doc1 "The internet is slow." (21) + "the internet fails." (19); doc2 "Training is
    # missing." (20); doc3 "The internet never works here." (30).
    assert table.loc["Technological", "characters"] == 21 + 19 + 20 + 30
    assert table.attrs["layer"] == "consensus"


def test_subtheme_and_code_levels(tiny: thematic.Study) -> None:
    subthemes = tiny.code_frequencies("subtheme")
    assert list(subthemes.index) == SUBTHEMES
    assert list(subthemes["references"]) == [3, 1, 3, 1]
    assert list(subthemes["participants"]) == [2, 1, 2, 1]
    codes = tiny.code_frequencies("code")
    assert list(codes.index) == [
        "Systemic/Policy/No law",
        "Systemic/Policy/Licensing",
        "Systemic/Funding",
        "Technological/Internet",
        "Technological/Skills/Training",
    ]
    assert list(codes["references"]) == [2, 1, 1, 3, 1]
    with pytest.raises(Invalid, match="level must be one of"):
        tiny.code_frequencies("branch")


def test_matrix_by_site(tiny: thematic.Study) -> None:
    people = tiny.matrix("subtheme", "site", count="participants")
    assert list(people.columns) == ["Karachi", "Lahore"]
    assert people.loc["Systemic/Policy"].tolist() == [2, 0]
    assert people.loc["Systemic/Funding"].tolist() == [1, 0]
    assert people.loc["Technological/Internet"].tolist() == [1, 1]  # P1 Karachi, P3 Lahore
    assert people.loc["Technological/Skills"].tolist() == [1, 0]
    references = tiny.matrix("subtheme", "site")
    assert references.loc["Systemic/Policy"].tolist() == [3, 0]
    assert references.loc["Technological/Internet"].tolist() == [2, 1]
    characters = tiny.matrix("theme", "site", count="characters")
    assert characters.loc["Technological"].tolist() == [21 + 19 + 20, 30]


def test_matrix_by_participant_and_document(tiny: thematic.Study) -> None:
    grid = tiny.matrix("theme", "participant")
    assert list(grid.columns) == ["P1", "P2", "P3", "P4"]  # P4 has a document, uncoded
    assert grid.loc["Systemic"].tolist() == [2, 2, 0, 0]
    assert grid.loc["Technological"].tolist() == [2, 1, 1, 0]
    by_document = tiny.matrix("theme", "document", count="documents")
    assert by_document.loc["Technological"].tolist() == [1, 1, 1, 0]
    chosen = tiny.matrix(columns="site", codes=["Technological/Internet", "Systemic"])
    assert list(chosen.index) == ["Technological/Internet", "Systemic"]
    assert chosen.loc["Systemic"].tolist() == [4, 0]


def test_matrix_filters_and_errors(tiny: thematic.Study) -> None:
    nurses = tiny.matrix("theme", "participant", where={"role": "nurse"})
    assert list(nurses.columns) == ["P1", "P3"]
    assert nurses.loc["Technological"].tolist() == [2, 1]
    bilal = tiny.matrix("theme", "site", coder="bilal")
    assert bilal.loc["Technological"].tolist() == [1, 0]
    everyone = tiny.matrix("theme", "site", coder="all")
    # Karachi: consensus doc1 Internet x2 and doc2 Training, and bilal's doc1 Internet.
    assert everyone.loc["Technological"].tolist() == [4, 1]
    with pytest.raises(NotFound, match="no participant attribute 'ward'"):
        tiny.matrix("theme", "ward")
    with pytest.raises(Invalid, match="count must be one of"):
        tiny.matrix(count="words")
    with pytest.raises(Invalid, match="no participant attribute 'ward'"):
        tiny.matrix(where={"ward": "A"})


def test_cooccurrence_overlap(tiny: thematic.Study) -> None:
    table = tiny.cooccurrence("subtheme")
    # Only "Funding is short and the internet fails." overlaps "the internet fails.";
    # No law and Licensing overlap but are both Systemic/Policy.
    assert table.to_dict("records") == [
        {
            "a": "Systemic/Funding",
            "b": "Technological/Internet",
            "count": 1,
            "documents": 1,
            "participants": 1,
        }
    ]
    codes = tiny.cooccurrence("code")
    pairs = {(r.a, r.b): r.count for r in codes.itertuples()}
    assert pairs == {
        ("Systemic/Policy/No law", "Systemic/Policy/Licensing"): 1,
        ("Systemic/Funding", "Technological/Internet"): 1,
    }


def test_cooccurrence_turn_and_document(tiny: thematic.Study) -> None:
    turns = tiny.cooccurrence("subtheme", near="turn")
    assert {(r.a, r.b): r.count for r in turns.itertuples()} == {
        ("Systemic/Policy", "Technological/Internet"): 1,  # doc1, first P1 turn
        ("Systemic/Funding", "Technological/Internet"): 1,  # doc1, second P1 turn
        ("Systemic/Policy", "Technological/Skills"): 1,  # doc2
    }
    documents = tiny.cooccurrence("subtheme", near="document")
    assert {(r.a, r.b): r.count for r in documents.itertuples()} == {
        ("Systemic/Policy", "Systemic/Funding"): 1,
        ("Systemic/Policy", "Technological/Internet"): 1,
        ("Systemic/Funding", "Technological/Internet"): 1,
        ("Systemic/Policy", "Technological/Skills"): 1,
    }
    themes = tiny.cooccurrence("theme", near="document")
    assert themes.to_dict("records") == [
        {"a": "Systemic", "b": "Technological", "count": 2, "documents": 2, "participants": 2}
    ]
    assert tiny.cooccurrence("theme", where={"site": "Lahore"}).empty


def test_framework_matrix_and_summaries(tiny: thematic.Study) -> None:
    tiny.set_framework_summary("P1", "Systemic/Policy", "No legal cover for remote care.")
    frame = tiny.framework("Systemic")
    assert len(frame) == 4 * 2  # P1..P4 x Policy, Funding
    cell = frame[(frame.participant == "P1") & (frame.subtheme == "Systemic/Policy")].iloc[0]
    assert cell.references == 1
    assert cell.passages == "There is no law for telemedicine."
    assert cell.summary == "No legal cover for remote care."
    p2 = frame[(frame.participant == "P2") & (frame.subtheme == "Systemic/Policy")].iloc[0]
    assert p2.passages == "No law exists\n\nNo law exists and licensing is hard."
    assert frame[frame.participant == "P4"].references.tolist() == [0, 0]
    tiny.set_framework_summary("P1", "Systemic/Policy", "")
    assert tiny.framework_summary("P1", "Systemic/Policy") == ""
    assert len(tiny.framework()) == 4 * 4
    tiny.add_coder("vera", role="viewer")
    viewer = tiny.as_user("vera")
    assert len(viewer.framework("Systemic")) == 8  # viewers read the matrix
    with pytest.raises(thematic.Forbidden):
        viewer.set_framework_summary("P1", "Systemic/Policy", "mine")


def test_pinned_quotes(tiny: thematic.Study) -> None:
    d1, d2 = tiny.document("doc1").id, tiny.document("doc2").id
    first = tiny.pin_quote("Systemic/Policy", d2, *_span(DOC2, "No law exists"), note="short")
    second = tiny.pin_quote("Systemic/Policy", d1, *_span(DOC1, "There is no law"))
    assert first.text == "No law exists" and first.participant == "P2" and first.note == "short"
    assert [q.id for q in tiny.pinned_quotes("Systemic/Policy")] == [first.id, second.id]
    moved = tiny.move_pinned_quote(second.id, 0)
    assert [q.id for q in moved] == [second.id, first.id]
    with pytest.raises(thematic.Conflict, match="already pinned"):
        tiny.pin_quote("Systemic/Policy", d2, *_span(DOC2, "No law exists"))
    with pytest.raises(Invalid, match="doc3"):
        tiny.pin_quote("Systemic", "doc3", 0, len(DOC3) + 5)
    tiny.unpin_quote(second.id)
    assert [(q.id, q.position) for q in tiny.pinned_quotes()] == [(first.id, 0)]
    with pytest.raises(NotFound):
        tiny.unpin_quote(second.id)


def _span(text: str, passage: str) -> tuple[int, int]:
    start = text.index(passage)
    return start, start + len(passage)
