"""Passwords, the first owner, acting as a member, adjusting codings (both backends)."""

from __future__ import annotations

import pytest

import thematic


def test_first_owner_then_login(new_study: thematic.Study) -> None:
    assert not new_study.has_accounts()
    owner = new_study.create_first_owner("amina", "correct horse")
    assert owner.role == "owner" and new_study.has_accounts()
    assert new_study.authenticate("amina", "correct horse").name == "amina"
    with pytest.raises(thematic.Forbidden, match="wrong name or password"):
        new_study.authenticate("amina", "wrong")
    with pytest.raises(thematic.Forbidden, match="wrong name or password"):
        new_study.authenticate("nobody", "correct horse")
    with pytest.raises(thematic.Conflict, match="already has accounts"):
        new_study.create_first_owner("mallory", "another password")
    actions = [e.action for e in new_study.log(limit=3)]
    assert actions == ["user.login_failed", "user.login_failed", "user.login"]


def test_passwords_are_hashed_and_checked(new_study: thematic.Study) -> None:
    with pytest.raises(thematic.Invalid, match="at least 8"):
        new_study.create_first_owner("amina", "short")
    new_study.create_first_owner("amina", "long enough")
    new_study.add_coder("bilal")
    with pytest.raises(thematic.Forbidden, match="wrong name"):
        new_study.authenticate("bilal", "")  # no password yet: cannot log in
    new_study.set_password("bilal", "bilal's password")
    bilal = new_study.as_user("bilal")
    assert bilal.authenticate("bilal", "bilal's password").role == "coder"
    bilal.set_password("bilal", "a new one for me")
    with pytest.raises(thematic.Forbidden, match="another member's password"):
        bilal.set_password("amina", "taking over")


def test_as_user_shares_the_connection_and_applies_the_role(new_study: thematic.Study) -> None:
    new_study.add_coder("sana")
    new_study.add_code("Trust")
    doc = new_study.add_document("d", "trust is earned slowly")
    sana = new_study.as_user("sana")
    coding = sana.code(doc.id, 0, 5, "Trust")
    assert coding.coder == "sana"
    sana.close()  # must not close the owner's connections
    assert len(new_study.codings()) == 1


def test_recode_moves_boundaries(new_study: thematic.Study) -> None:
    new_study.add_coder("sana")
    new_study.add_coder("bilal")
    new_study.add_code("Trust")
    doc = new_study.add_document("d", "trust is earned slowly")
    coding = new_study.code(doc.id, 0, 5, "Trust", "sana")
    moved = new_study.as_user("sana").recode(coding.id, 0, 15)
    assert (moved.start, moved.end) == (0, 15)
    with pytest.raises(thematic.Invalid, match="after the text ends"):
        new_study.recode(coding.id, 0, 500)
    with pytest.raises(thematic.Forbidden):
        new_study.as_user("bilal").recode(coding.id, 1, 4)
    other = new_study.code(doc.id, 6, 8, "Trust", "sana")
    with pytest.raises(thematic.Conflict, match="already covers"):
        new_study.recode(other.id, 0, 15)
    assert [(c.start, c.end) for c in new_study.codings()] == [(0, 15), (6, 8)]
    assert new_study.log(action="coding.adjust")[0].detail == {"before": [0, 5], "after": [0, 15]}
