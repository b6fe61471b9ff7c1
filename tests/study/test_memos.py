"""Memos: kinds, links and what they point to, who may change them (both backends)."""

from __future__ import annotations

import pytest

import thematic


@pytest.fixture
def study(new_study: thematic.Study) -> thematic.Study:
    new_study.add_participant("P07")
    new_study.add_code("Personal/Trust")
    new_study.add_coder("bilal")
    new_study.add_document("P07 interview", "Interviewer: Hello\n\nP07: Hi", participant="P07")
    return new_study


def test_links_are_described_for_display(study: thematic.Study) -> None:
    doc = study.documents()[0]
    code = study.code_by("Personal/Trust")
    coding = study.code(doc.id, 0, 5, code.id, "bilal")
    memos = [
        study.add_memo("About the study"),
        study.add_memo("About P07", link=("participant", "P07")),
        study.add_memo("About trust", link=("code", "Personal/Trust")),
        study.add_memo("About a doc", link=("document", str(doc.id))),
        study.add_memo("About a coding", link=("coding", coding.id)),
    ]
    targets = study.memo_links(memos)
    shown = [targets[(m.link_type, m.link_id)] for m in memos]
    assert [t.label for t in shown] == [
        "the study",
        "P07",
        "Personal/Trust",
        "P07 interview",
        "Personal/Trust in P07 interview",
    ]
    assert [t.ref for t in shown] == [
        "study",
        "participant:P07",
        f"code:{code.id}",
        f"document:{doc.id}",
        f"coding:{coding.id}",
    ]
    assert shown[4].document_id == doc.id
    assert study.memo_link(("code", str(code.id))).label == "Personal/Trust"


def test_a_deleted_target_is_named_as_such(study: thematic.Study) -> None:
    doc = study.documents()[0]
    memo = study.add_memo("About a doc", link=("document", doc.id))
    study.delete_document(doc.id)
    target = study.memo_links([memo])[("document", doc.id)]
    assert not target.exists and target.label == f"deleted document {doc.id}"


def test_bad_links_and_titles_are_refused(study: thematic.Study) -> None:
    with pytest.raises(thematic.Invalid, match="by its number"):
        study.add_memo("x", link=("coding", "twelve"))
    with pytest.raises(thematic.NotFound):
        study.memo_link(("participant", "P99"))
    with pytest.raises(thematic.Invalid, match="at most 300"):
        study.add_memo("x", title="t" * 301)
    assert study.memos() == []


def test_coders_change_only_their_own_memos(study: thematic.Study) -> None:
    bilal = study.as_user("bilal")
    mine = bilal.add_memo("Mine", kind="reflexive")
    theirs = study.add_memo("The owner's")
    assert bilal.update_memo(mine.id, body="Changed").body == "Changed"
    with pytest.raises(thematic.Forbidden):
        bilal.delete_memo(theirs.id)
    study.delete_memo(mine.id)  # the owner may delete anyone's
    assert [m.id for m in study.memos(kind="analytic")] == [theirs.id]
