"""The six phases, the study's status and the thematic map's relations, on both backends."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.tiny_study import DOC1, span

import thematic
from thematic.errors import Conflict, Forbidden, Invalid, NotFound


def test_a_new_study_is_in_phase_one(new_study: thematic.Study) -> None:
    current = new_study.phase()
    assert (current.number, current.name) == (1, "Familiarising yourself with the data")
    assert current.since is None and current.by is None
    assert new_study.phase_history() == []


def test_set_phase_records_date_actor_note_and_audit(new_study: thematic.Study) -> None:
    before = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(seconds=5)
    new_study.set_phase(2, "All transcripts read twice")
    current = new_study.set_phase(3, "  Codes collated into candidate themes ")
    assert (current.number, current.name) == (3, "Searching for themes")
    assert current.note == "Codes collated into candidate themes"
    assert current.by == new_study.actor and current.since is not None
    assert current.since >= before
    history = new_study.phase_history()
    assert [(c.phase, c.name, c.note) for c in history] == [
        (2, "Generating initial codes", "All transcripts read twice"),
        (3, "Searching for themes", "Codes collated into candidate themes"),
    ]
    assert history[0].at <= history[1].at
    assert [e.target for e in new_study.log(action="phase.set")] == ["3", "2"]
    # Going back is allowed (the phases are recursive), and recorded.
    assert new_study.set_phase(2).number == 2
    assert len(new_study.phase_history()) == 3


@pytest.mark.parametrize("bad", [0, 7, -1])
def test_only_phases_one_to_six(new_study: thematic.Study, bad: int) -> None:
    with pytest.raises(Invalid, match="1 to 6"):
        new_study.set_phase(bad)
    assert new_study.phase_history() == []


def test_only_the_owner_sets_the_phase(new_study: thematic.Study) -> None:
    new_study.add_coder("guest", role="viewer")
    new_study.add_coder("bilal")
    for name in ("guest", "bilal"):
        with pytest.raises(Forbidden):
            new_study.as_user(name).set_phase(2)
    assert new_study.as_user("guest").phase().number == 1  # reading is fine


def test_memos_linked_to_a_phase(new_study: thematic.Study) -> None:
    memo = new_study.add_memo("Read everything twice.", link=("phase", 1))
    new_study.add_memo("Candidate themes.", link=("phase", "3"))
    new_study.add_memo("About the study.")
    assert (memo.link_type, memo.link_id) == ("phase", 1)
    assert [m.body for m in new_study.memos(link=("phase", 1))] == ["Read everything twice."]
    assert [m.body for m in new_study.memos(link=("phase", 3))] == ["Candidate themes."]
    target = new_study.memo_links([memo])[("phase", 1)]
    assert target.label == "Phase 1: Familiarising yourself with the data"
    assert target.ref == "phase:1"
    for bad in (0, 7, "x"):
        with pytest.raises(Invalid, match="phase"):
            new_study.add_memo("No.", link=("phase", bad))


def _double_code(study: thematic.Study) -> None:
    """Adds to the tiny study: a translation of doc4 coded by bilal, a field note coded by
    the consensus layer, and doc1 and doc2 assigned to bilal and sana; both complete doc1.

    On doc1 bilal coded "The internet is slow" and sana "The internet is slow." (the same
    code, different boundaries) and "There is no law for telemedicine." (only sana): two
    discrepancies. The team decides one of them.
    """
    study.add_coder("sana")
    doc4 = study.document("doc4")
    english = study.add_document("doc4 English", "P4: We cope.", translation_of=doc4.id)
    study.code(english.id, 0, 3, "Technological/Internet", "bilal")
    note = study.add_document("doc1 field notes", "Noisy room.", kind="field_note")
    study.code(note.id, 0, 5, "Systemic/Funding", "consensus")
    doc1 = study.document("doc1").id
    study.code(doc1, *span(DOC1, "The internet is slow."), "Technological/Internet", "sana")
    study.code(
        doc1, *span(DOC1, "There is no law for telemedicine."), "Systemic/Policy/No law", "sana"
    )
    study.assign(doc1, ["bilal", "sana"])
    study.assign("doc2", ["bilal", "sana"])
    study.complete_assignment(doc1, "bilal")
    study.complete_assignment(doc1, "sana")


def test_status_counts_worked_out_by_hand(tiny: thematic.Study) -> None:
    _double_code(tiny)
    found = tiny.discrepancies(["bilal", "sana"], ["doc1"])
    assert len(found) == 2
    no_law = next(d for d in found if d.code == "Systemic/Policy/No law")
    tiny.decide("doc1", no_law.code, no_law.start, no_law.end, "accept")
    tiny.add_memo("Familiar with all four.", link=("phase", 1))
    tiny.set_phase(3)
    status = tiny.status()
    assert status.phase.number == 3
    assert status.transcripts == 4  # the translation counts with doc4; the field note not
    assert status.coded_consensus == 3  # doc1, doc2, doc3
    assert status.coded_any == 4  # doc4 through its coded translation
    assert (status.double_coding, status.double_coded) == (2, 1)
    assert (status.reconciled, status.open_discrepancies, status.documents_with_open) == (1, 1, 1)
    assert status.memos_by_phase == {1: 1, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0}
    assert status.relations == 0
    assert list(status.left) == [
        "1 transcript coded but not yet in the consensus layer",
        "1 of 2 documents assigned for double coding not yet completed by every coder",
        "1 double-coded transcript has 1 open discrepancy",
        "phase 2 (Generating initial codes) has no memo yet",
        "phase 3 (Searching for themes) has no memo yet",
        "the thematic map has no relations between themes yet",
    ]


def test_status_of_an_empty_study(new_study: thematic.Study) -> None:
    new_study.add_participant("P1")
    for number in (1, 2):
        new_study.add_document(f"P{number} interview", "I: Hello.\nP: Hi.")
    status = new_study.status()
    assert (status.transcripts, status.coded_any, status.coded_consensus) == (2, 0, 0)
    assert (status.double_coding, status.reconciled, status.open_discrepancies) == (0, 0, 0)
    assert list(status.left) == [
        "2 transcripts not yet coded",
        "phase 1 (Familiarising yourself with the data) has no memo yet",
    ]
    new_study.add_coder("bilal")  # a team of two: double coding is expected
    assert "no transcripts assigned for double coding yet" in new_study.status().left


def test_relations_between_themes_and_subthemes(tiny: thematic.Study) -> None:
    systemic = tiny.code_by("Systemic")
    made = tiny.relate(systemic.id, "Technological", "  holds back  ", memo="Policy first.")
    assert (made.source, made.target, made.label) == ("Systemic", "Technological", "holds back")
    assert made.source_id == systemic.id and made.created_by == tiny.actor
    memo = tiny.memo(made.memo_id or 0)
    assert memo.body == "Policy first." and memo.kind == "analytic"
    assert (memo.link_type, memo.link_id) == ("code", systemic.id)
    second = tiny.relate("Systemic/Funding", "Technological/Skills", "starves", memo=memo.id)
    assert second.memo_id == memo.id
    plain = tiny.relate("Technological/Internet", "Systemic/Policy", "undermines")
    assert plain.memo_id is None
    assert [r.id for r in tiny.relations()] == [made.id, second.id, plain.id]
    assert [e.action for e in tiny.log(action="relation.add")] == ["relation.add"] * 3
    tiny.unrelate(second.id)
    assert [r.label for r in tiny.relations()] == ["holds back", "undermines"]
    assert tiny.memo(memo.id).body == "Policy first."  # the memo stays
    with pytest.raises(NotFound):
        tiny.unrelate(second.id)


def test_relations_refused(tiny: thematic.Study) -> None:
    with pytest.raises(Invalid, match="itself"):
        tiny.relate("Systemic", "Systemic", "is")
    with pytest.raises(Invalid, match="label"):
        tiny.relate("Systemic", "Technological", "   ")
    with pytest.raises(Invalid, match="below a subtheme"):
        tiny.relate("Systemic/Policy/No law", "Technological", "blocks")
    with pytest.raises(NotFound):
        tiny.relate("Systemic", "Nope", "blocks")
    with pytest.raises(NotFound):
        tiny.relate("Systemic", "Technological", "blocks", memo=999)
    tiny.relate("Systemic", "Technological", "blocks")
    with pytest.raises(Conflict):
        tiny.relate("Systemic", "Technological", "Blocks")
    tiny.relate("Technological", "Systemic", "blocks")  # the other way is another relation
    assert len(tiny.relations()) == 2


def test_a_failed_relation_leaves_no_memo(tiny: thematic.Study) -> None:
    tiny.relate("Systemic", "Technological", "blocks")
    with pytest.raises(Conflict):
        tiny.relate("Systemic", "Technological", "blocks", memo="Would be orphaned.")
    assert tiny.memos() == []


def test_roles_for_relations(tiny: thematic.Study) -> None:
    tiny.add_coder("guest", role="viewer")
    made = tiny.as_user("bilal").relate("Systemic", "Technological", "blocks", memo="Why.")
    assert made.created_by == "bilal" and tiny.memo(made.memo_id or 0).author == "bilal"
    with pytest.raises(Forbidden):
        tiny.as_user("guest").relate("Technological", "Systemic", "slows")
    with pytest.raises(Forbidden):
        tiny.as_user("guest").unrelate(made.id)
    with pytest.raises(Forbidden):
        tiny.as_user("consensus").relate("Technological", "Systemic", "slows")


def test_deleting_a_code_removes_its_relations(tiny: thematic.Study) -> None:
    tiny.relate("Systemic/Funding", "Technological/Internet", "starves")
    tiny.relate("Systemic", "Technological", "blocks")
    tiny.delete_code("Systemic/Funding", force=True)
    assert [(r.source, r.target) for r in tiny.relations()] == [("Systemic", "Technological")]
    tiny.delete_code("Technological", force=True)
    assert tiny.relations() == []


def test_double_coding_without_assignments_counts(tiny: thematic.Study) -> None:
    """Two coders who code the same transcript without assignments have double-coded it
    (the demo works this way); their differences are open discrepancies."""
    tiny.add_coder("sana")
    start, end = span(DOC1, "The internet is slow.")
    doc1 = tiny.document("doc1").id
    tiny.code(doc1, start, end, "Technological/Internet", "sana")  # bilal: without the stop
    status = tiny.status()
    assert (status.double_coding, status.double_coded) == (1, 1)
    assert status.open_discrepancies == 1  # bilal's and sana's boundaries differ
    assert "no transcripts assigned for double coding yet" not in status.left
