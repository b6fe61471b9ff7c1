"""Coders, codings, spans in code points, roles, memos (both backends)."""

from __future__ import annotations

import pytest

import thematic

TEXT = "Interviewer: How is the portal?\nR: ڈاکٹر says it freezes 😀 every day."


@pytest.fixture
def coded(new_study: thematic.Study) -> thematic.Study:
    new_study.add_code("Technological/Usability and glitches")
    new_study.add_code("Personal/Trust")
    new_study.add_coder("bilal")
    new_study.add_coder("sana")
    new_study.add_document("P01 interview", TEXT)
    return new_study


def test_code_a_span_with_urdu_and_emoji_in_code_points(coded: thematic.Study) -> None:
    doc = coded.documents()[0]
    start = doc.text.index("ڈاکٹر")
    end = doc.text.index("😀") + 1
    coding = coded.code(doc.id, start, end, "Technological/Usability and glitches", "bilal")
    assert doc.text[coding.start : coding.end] == "ڈاکٹر says it freezes 😀"
    [stored] = coded.codings(document=doc.id)
    assert (stored.start, stored.end, stored.coder) == (start, end, "bilal")


def test_same_span_several_codes_and_coders(coded: thematic.Study) -> None:
    doc_id = coded.documents()[0].id
    coded.code(doc_id, 35, 50, "Technological/Usability and glitches", "bilal")
    coded.code(doc_id, 35, 50, "Personal/Trust", "bilal")
    coded.code(doc_id, 35, 50, "Personal/Trust", "sana")
    assert len(coded.codings()) == 3
    assert len(coded.codings(coder="sana")) == 1
    assert len(coded.codings(code="Personal/Trust")) == 2


def test_reapplying_is_idempotent_and_removing_then_reapplying_works(coded: thematic.Study) -> None:
    doc_id = coded.documents()[0].id
    first = coded.code(doc_id, 0, 11, "Personal/Trust", "bilal")
    assert coded.code(doc_id, 0, 11, "Personal/Trust", "bilal").id == first.id
    coded.uncode(first.id)
    assert coded.codings() == []
    again = coded.code(doc_id, 0, 11, "Personal/Trust", "bilal")
    assert [c.id for c in coded.codings()] == [again.id]


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (-1, 3, "before the text begins"),
        (5, 500, "after the text ends"),
        (4, 4, "is empty"),
        (9, 3, "is reversed"),
    ],
)
def test_bad_spans_are_refused(coded: thematic.Study, start: int, end: int, message: str) -> None:
    doc_id = coded.documents()[0].id
    with pytest.raises(thematic.Invalid, match=message):
        coded.code(doc_id, start, end, "Personal/Trust", "bilal")


def test_unknown_code_coder_document_are_refused(coded: thematic.Study) -> None:
    doc_id = coded.documents()[0].id
    with pytest.raises(thematic.NotFound, match="no code 'Personal/Hope'"):
        coded.code(doc_id, 0, 3, "Personal/Hope", "bilal")
    with pytest.raises(thematic.NotFound, match="no coder 'omar'"):
        coded.code(doc_id, 0, 3, "Personal/Trust", "omar")
    with pytest.raises(thematic.NotFound, match="no document 999"):
        coded.code(999, 0, 3, "Personal/Trust", "bilal")
    with pytest.raises(thematic.NotFound):
        coded.uncode(12345)


def test_code_many_is_one_transaction(coded: thematic.Study) -> None:
    doc_id = coded.documents()[0].id
    with pytest.raises(thematic.Invalid):
        coded.code_many(
            [
                (doc_id, 0, 5, "Personal/Trust", "bilal"),
                (doc_id, 0, 9999, "Personal/Trust", "bilal"),
            ]
        )
    assert coded.codings() == []


def test_roles_limit_what_members_change(coded: thematic.Study, study_target: str) -> None:
    doc_id = coded.documents()[0].id
    coded.add_coder("amina-viewer", role="viewer")
    mine = coded.code(doc_id, 0, 5, "Personal/Trust", "sana")
    with thematic.open(study_target, user="bilal") as bilal:
        assert bilal.role == "coder"
        own = bilal.code(doc_id, 6, 9, "Personal/Trust")
        assert own.coder == "bilal"
        with pytest.raises(thematic.Forbidden, match="may not change codings of sana"):
            bilal.uncode(mine.id)
        with pytest.raises(thematic.Forbidden, match="may not change codings of sana"):
            bilal.code(doc_id, 0, 3, "Personal/Trust", "sana")
        with pytest.raises(thematic.Forbidden, match="manage the study"):
            bilal.add_participant("P50")
        bilal.uncode(own.id)
    with thematic.open(study_target, user="amina-viewer") as viewer:
        assert len(viewer.codings()) == 1
        with pytest.raises(thematic.Forbidden, match="may not code documents"):
            viewer.code(doc_id, 0, 3, "Personal/Trust", "amina-viewer")
        with pytest.raises(thematic.Forbidden, match="write memos"):
            viewer.add_memo("hello")
    with pytest.raises(thematic.NotFound, match="not a member"):
        thematic.open(study_target, user="stranger")


def test_memos_link_to_things(coded: thematic.Study) -> None:
    doc_id = coded.documents()[0].id
    coding = coded.code(doc_id, 0, 5, "Personal/Trust", "bilal")
    coded.add_participant("P01")
    memos = [
        coded.add_memo("# Study memo\nSaturation looks close.", title="Week 3"),
        coded.add_memo("Trust comes up *early*.", link=("code", "Personal/Trust")),
        coded.add_memo("Quiet room.", kind="field_note", link=("document", doc_id)),
        coded.add_memo("Hesitant here.", kind="reflexive", link=("coding", coding.id)),
        coded.add_memo("Senior nurse.", link=("participant", "P01")),
    ]
    assert [(m.link_type, m.link_id is None) for m in memos] == [
        ("study", True),
        ("code", False),
        ("document", False),
        ("coding", False),
        ("participant", False),
    ]
    assert [m.body for m in coded.memos(link=("code", "Personal/Trust"))] == [
        "Trust comes up *early*."
    ]
    assert len(coded.memos(kind="field_note")) == 1
    edited = coded.update_memo(memos[0].id, body="Changed.")
    assert edited.body == "Changed." and edited.updated_at >= edited.created_at
    coded.delete_memo(memos[0].id)
    assert len(coded.memos()) == 4
    with pytest.raises(thematic.NotFound):
        coded.add_memo("x", link=("participant", "P99"))
    with pytest.raises(thematic.Invalid, match="memo kind"):
        coded.add_memo("x", kind="diary")


def test_coder_may_edit_only_own_memos(coded: thematic.Study, study_target: str) -> None:
    with thematic.open(study_target, user="sana") as sana:
        memo = sana.add_memo("Sana's idea")
        assert memo.author == "sana"
    with thematic.open(study_target, user="bilal") as bilal, pytest.raises(thematic.Forbidden):
        bilal.update_memo(memo.id, body="mine now")
    coded.update_memo(memo.id, body="The owner may tidy it.")


def test_every_change_is_in_the_audit_log(coded: thematic.Study) -> None:
    doc_id = coded.documents()[0].id
    coding = coded.code(doc_id, 0, 5, "Personal/Trust", "bilal")
    coded.uncode(coding.id)
    actions = [e.action for e in coded.log()]
    assert actions[:2] == ["coding.remove", "coding.add"]
    assert {"study.create", "code.add", "coder.add", "document.add"} <= set(actions)
    removed = coded.log(action="coding.remove")[0]
    assert removed.detail["span"] == [0, 5] and removed.actor == coded.actor
