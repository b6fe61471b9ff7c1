"""Double-coding assignments and blind coding (both backends)."""

from __future__ import annotations

import pytest

import thematic

SITES = ["Lahore"] * 4 + ["Karachi"] * 4 + ["Islamabad"] * 4


@pytest.fixture
def team(new_study: thematic.Study) -> thematic.Study:
    new_study.add_attribute("site", "category", ["Lahore", "Karachi", "Islamabad"])
    for number, site in enumerate(SITES, start=1):
        label = f"P{number:02d}"
        new_study.add_participant(label, site=site)
        new_study.add_document(f"{label} interview", f"Interview with {label}.", participant=label)
    for name in ("bilal", "sana"):
        new_study.add_coder(name)
    new_study.add_code("Trust")
    return new_study


def test_draw_is_stratified_and_reproducible(team: thematic.Study) -> None:
    drawn = team.draw_double_coding(["bilal", "sana"], 0.25, stratify_by="site", seed=7)
    documents = sorted({a.document_id for a in drawn})
    assert len(documents) == 3  # one of four per site
    sites = {team.participant(team.document(d).participant).attributes["site"] for d in documents}
    assert sites == {"Lahore", "Karachi", "Islamabad"}
    assert sorted(a.coder for a in drawn) == ["bilal"] * 3 + ["sana"] * 3
    event = team.log(action="assignment.draw")[0]
    assert event.detail["seed"] == 7 and event.detail["documents"] == documents


def test_same_seed_same_draw(team: thematic.Study) -> None:
    first = team.draw_double_coding(["bilal", "sana"], 0.5, seed=11)
    for assignment in {a.document_id for a in first}:
        for name in ("bilal", "sana"):
            team.unassign(assignment, name)
    again = team.draw_double_coding(["bilal", "sana"], 0.5, seed=11)
    assert sorted(a.document_id for a in again) == sorted(a.document_id for a in first)


def test_draw_checks_its_input(team: thematic.Study) -> None:
    with pytest.raises(thematic.Invalid, match="at least two different coders"):
        team.draw_double_coding(["bilal"], 0.25)
    with pytest.raises(thematic.Invalid, match="above 0 and at most 1"):
        team.draw_double_coding(["bilal", "sana"], 1.5)
    with pytest.raises(thematic.NotFound, match="no attribute 'city'"):
        team.draw_double_coding(["bilal", "sana"], 0.25, stratify_by="city")


def test_blind_coding_hides_others_until_complete(team: thematic.Study, study_target: str) -> None:
    document = team.documents()[0]
    team.assign(document.id, ["bilal", "sana"])
    team.set_blind_coding(True)
    with (
        thematic.open(study_target, user="bilal") as bilal,
        thematic.open(study_target, user="sana") as sana,
    ):
        bilal.code(document.id, 0, 9, "Trust")
        sana.code(document.id, 0, 14, "Trust")
        assert [c.coder for c in bilal.codings(document=document.id)] == ["bilal"]
        assert [c.coder for c in sana.codings()] == ["sana"]
        assert len(team.codings(document=document.id)) == 2  # the owner sees both
        bilal.complete_assignment(document.id)
        assert sorted(c.coder for c in bilal.codings(document=document.id)) == ["bilal", "sana"]
        assert [c.coder for c in sana.codings(document=document.id)] == ["sana"]
        with pytest.raises(thematic.Forbidden):
            bilal.complete_assignment(document.id, coder="sana")
    team.set_blind_coding(False)
    with thematic.open(study_target, user="sana") as sana:
        assert len(sana.codings(document=document.id)) == 2


def test_assignment_listing_and_errors(team: thematic.Study) -> None:
    document = team.documents()[1]
    team.assign(document.id, ["bilal"])
    team.assign(document.id, ["bilal", "sana"])  # bilal's is kept, not doubled
    assert [a.coder for a in team.assignments(document=document.id)] == ["bilal", "sana"]
    assert not team.assignments(coder="sana")[0].complete
    assert team.complete_assignment(document.id, "sana").complete
    with pytest.raises(thematic.NotFound, match="not assigned to bilal"):
        team.complete_assignment(team.documents()[2].id, "bilal")
    with pytest.raises(thematic.NotFound):
        team.assign(document.id, ["omar"])


def test_finishing_double_coding_adopts_the_agreed_codings(
    team: thematic.Study, study_target: str
) -> None:
    document = team.documents()[0]
    team.assign(document.id, ["bilal", "sana"])
    team.set_blind_coding(True)
    with (
        thematic.open(study_target, user="bilal") as bilal,
        thematic.open(study_target, user="sana") as sana,
    ):
        bilal.code(document.id, 0, 9, "Trust")
        bilal.code(document.id, 10, 14, "Trust")
        sana.code(document.id, 0, 9, "Trust")
        bilal.complete_assignment(document.id)
        assert (
            team.codings(coder="consensus") == []
            if "consensus" in {c.name for c in team.coders()}
            else True
        )
        sana.complete_assignment(document.id)  # the last one: agreed codings are adopted
    [agreed] = team.codings(coder="consensus")
    assert (agreed.start, agreed.end) == (0, 9)
    assert team.log(action="consensus.adopt")[0].detail["added"] == 1
