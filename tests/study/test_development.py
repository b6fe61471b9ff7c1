"""Theme development: merge, split, retire, and the codebook history (both backends)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

import thematic
from thematic.formats.tables import read_table

TEXT = "The clinic is far. The video kept freezing. I trust my doctor. Data is typed twice."


@pytest.fixture
def study(new_study: thematic.Study) -> thematic.Study:
    """Two coders, one document, a small tree: Barriers/{Distance, Travel}, Trust."""
    new_study.add_coder("bilal")
    new_study.add_coder("sana")
    new_study.add_coder("guest", role="viewer")
    new_study.add_participant("P01")
    new_study.add_document("P01 interview", TEXT, participant="P01")
    new_study.add_code("Barriers/Distance", definition="How far care is")
    new_study.add_code("Barriers/Travel")
    new_study.add_code("Trust")
    return new_study


def doc(study: thematic.Study) -> int:
    return study.documents()[0].id


def history_count(study: thematic.Study) -> int:
    return len(study.codebook_history())


def names(tree: list[dict]) -> list[str]:  # type: ignore[type-arg]
    out: list[str] = []

    def walk(nodes: list[dict], prefix: str) -> None:  # type: ignore[type-arg]
        for node in nodes:
            out.append(prefix + node["name"])
            walk(node.get("children", []), prefix + node["name"] + "/")

    walk(tree, "")
    return out


# -- merge -----------------------------------------------------------------------------------
def test_merge_moves_codings_children_and_drops_duplicates(study: thematic.Study) -> None:
    d = doc(study)
    study.add_code("Barriers/Travel/Bus fares")
    # Travel: bilal 0-18 (also on Distance: a duplicate), bilal 19-43, sana 0-18 (not on
    # Distance for sana: moves). Distance: bilal 0-18, sana 44-62.
    study.code(d, 0, 18, "Barriers/Travel", "bilal")
    study.code(d, 19, 43, "Barriers/Travel", "bilal")
    study.code(d, 0, 18, "Barriers/Travel", "sana")
    kept = study.code(d, 0, 18, "Barriers/Distance", "bilal")
    study.code(d, 44, 62, "Barriers/Distance", "sana")
    duplicate = next(c for c in study.codings(code="Barriers/Travel") if c.coder == "bilal")
    memo = study.add_memo("on the duplicate", link=("coding", duplicate.id))
    code_memo = study.add_memo("about travel", link=("code", "Barriers/Travel"))
    study.pin_quote("Barriers/Travel", d, 19, 43)
    study.set_framework_summary("P01", "Barriers/Travel", "Video froze.")
    study.set_framework_summary("P01", "Barriers/Distance", "Far away.")
    before = history_count(study)

    target = study.merge_codes("Barriers/Travel", "Barriers/Distance", reason="same idea")

    assert target.path == "Barriers/Distance"
    assert [c.path for c in study.codes()] == [
        "Barriers",
        "Barriers/Distance",
        "Barriers/Distance/Bus fares",
        "Trust",
    ]
    spans = sorted((c.coder, c.start, c.end) for c in study.codings(code=target.id))
    # 2 + 3 - 1 duplicate = 4
    assert spans == [("bilal", 0, 18), ("bilal", 19, 43), ("sana", 0, 18), ("sana", 44, 62)]
    assert len(study.codings()) == 4
    assert study.memo(memo.id).link_id == kept.id
    assert study.memo(code_memo.id).link_id == target.id
    assert [(q.start, q.end) for q in study.pinned_quotes(target.id)] == [(19, 43)]
    assert study.framework_summary("P01", target.id) == "Far away.\n\nVideo froze."
    changes = study.codebook_history()
    assert len(changes) == before + 1
    last = changes[-1]
    assert (last.action, last.code, last.reason) == ("merge", "Barriers/Travel", "same idea")
    assert last.detail["into"] == "Barriers/Distance"
    assert last.detail["codings_moved"] == 2 and last.detail["duplicates_dropped"] == 1
    assert last.detail["children"] == ["Bus fares"]
    assert last.actor == study.actor
    assert names(study.codebook_at(last.at)) == [c.path for c in study.codes()]


def test_merge_into_own_descendant_changes_nothing(study: thematic.Study) -> None:
    d = doc(study)
    study.code(d, 0, 18, "Barriers", "bilal")
    before_codes = study.codes()
    before_history = study.codebook_history()
    with pytest.raises(thematic.Invalid, match="own sub-code"):
        study.merge_codes("Barriers", "Barriers/Distance")
    with pytest.raises(thematic.Invalid, match="itself"):
        study.merge_codes("Trust", "Trust")
    assert study.codes() == before_codes
    assert study.codebook_history() == before_history
    assert [c.code_id for c in study.codings()] == [study.code_by("Barriers").id]


def test_merge_refuses_a_clashing_child_and_rolls_back(study: thematic.Study) -> None:
    study.add_code("Trust/Distance")
    study.code(doc(study), 0, 18, "Trust", "bilal")
    before = history_count(study)
    with pytest.raises(thematic.Conflict, match="already has a code named 'Distance'"):
        study.merge_codes("Barriers", "Trust")
    assert "Barriers/Distance" in [c.path for c in study.codes()]
    assert history_count(study) == before


# -- split -----------------------------------------------------------------------------------
def test_split_moves_exactly_the_chosen_codings(study: thematic.Study) -> None:
    d = doc(study)
    a = study.code(d, 0, 18, "Barriers/Travel", "bilal")
    b = study.code(d, 19, 43, "Barriers/Travel", "sana")
    c = study.code(d, 63, 83, "Barriers/Travel", "bilal")
    made = study.split_code(
        "Barriers/Travel", "Connectivity", [b.id, c.id], reason="video is not travel"
    )
    assert made.path == "Barriers/Connectivity"
    assert sorted(x.id for x in study.codings(code=made.id)) == sorted([b.id, c.id])
    assert [x.id for x in study.codings(code="Barriers/Travel")] == [a.id]
    last = study.codebook_history()[-1]
    assert (last.action, last.code, last.reason) == (
        "split",
        "Barriers/Travel",
        "video is not travel",
    )
    assert last.detail["new"] == "Barriers/Connectivity" and last.detail["codings_moved"] == 2
    elsewhere = study.split_code("Barriers/Travel", "Technology/Video", [a.id], definition="d")
    assert elsewhere.path == "Technology/Video" and elsewhere.definition == "d"


def test_split_refuses_foreign_codings(study: thematic.Study) -> None:
    d = doc(study)
    mine = study.code(d, 0, 18, "Barriers/Travel", "bilal")
    other = study.code(d, 19, 43, "Trust", "bilal")
    before = history_count(study)
    with pytest.raises(thematic.Invalid, match=f"codings {other.id} are not codings with"):
        study.split_code("Barriers/Travel", "New", [mine.id, other.id])
    with pytest.raises(thematic.Invalid, match="at least one"):
        study.split_code("Barriers/Travel", "New", [])
    assert "Barriers/New" not in [c.path for c in study.codes()]
    assert study.codings(code="Barriers/Travel")[0].id == mine.id
    assert history_count(study) == before


# -- retire ----------------------------------------------------------------------------------
def test_retired_code_keeps_codings_but_refuses_new_ones(study: thematic.Study) -> None:
    d = doc(study)
    old = study.code(d, 0, 18, "Trust", "bilal")
    retired = study.retire_code("Trust", reason="folded into Barriers")
    assert retired.retired and study.code_by("Trust").retired
    assert "Trust" in [c.path for c in study.codes()]
    assert not study.code_by("Barriers").retired
    with pytest.raises(thematic.Invalid, match=r"code 'Trust' is retired \(since \d{4}-"):
        study.code(d, 19, 43, "Trust", "bilal")
    assert [c.id for c in study.codings(code="Trust")] == [old.id]
    frequencies = study.code_frequencies("theme")
    assert frequencies.loc["Trust", "references"] == 1
    with pytest.raises(thematic.Conflict, match="already retired"):
        study.retire_code("Trust")
    assert study.codebook_tree()[-1]["retired"] is True
    assert "retired" not in study.codebook_tree()[0]
    study.unretire_code("Trust", reason="back")
    assert study.code(d, 19, 43, "Trust", "bilal").code_id == retired.id
    actions = [(c.action, c.reason) for c in study.codebook_history("Trust")]
    assert actions == [("add", ""), ("retire", "folded into Barriers"), ("unretire", "back")]


# -- the history -----------------------------------------------------------------------------
def test_every_change_writes_one_row_with_actor_reason_and_snapshot(
    new_study: thematic.Study,
) -> None:
    new_study.add_coder("bilal")
    bilal = new_study.as_user("bilal")
    steps = [
        (lambda: bilal.add_code("A/B", reason="first"), "add", "A/B", "first"),
        (
            lambda: bilal.update_code("A/B", definition="d", reason="clarify"),
            "update",
            "A/B",
            "clarify",
        ),
        (lambda: bilal.update_code("A/B", name="Bee", reason="better"), "rename", "A/B", "better"),
        (lambda: bilal.add_code("C"), "add", "C", ""),
        (lambda: bilal.move_code("A/Bee", "C", reason="fits"), "move", "A/Bee", "fits"),
        (lambda: bilal.delete_code("A", reason="empty"), "delete", "A", "empty"),
        (lambda: bilal.import_codebook_tree([{"name": "D"}]), "import", "", ""),
    ]
    for number, (step, action, path, reason) in enumerate(steps, start=1):
        step()
        changes = new_study.codebook_history()
        assert len(changes) == number
        last = changes[-1]
        assert (last.actor, last.action, last.code, last.reason) == ("bilal", action, path, reason)
        assert new_study.codebook_at(last.at) == new_study.codebook_tree()
    rename = new_study.codebook_history()[2]
    assert rename.detail == {"from": "A/B", "to": "A/Bee"}
    assert new_study.codebook_history()[1].detail == {"definition": {"old": "", "new": "d"}}
    assert names(new_study.codebook_tree()) == ["C", "C/Bee", "D"]


def test_codebook_at_an_earlier_time_has_the_old_name(study: thematic.Study) -> None:
    before_rename = thematic_now()
    study.update_code("Trust", name="Confidence", reason="wording")
    assert "Trust" in names(study.codebook_at(before_rename))
    assert "Confidence" in names(study.codebook_at(dt.date.today() + dt.timedelta(days=1)))
    assert "Confidence" in names(study.codebook_at(thematic_now().isoformat()))
    # the history of the code follows it back through the rename
    assert [c.action for c in study.codebook_history("Confidence")] == ["add", "rename"]
    first = study.codebook_history()[0].at
    with pytest.raises(thematic.NotFound, match="history begins on"):
        study.codebook_at(first - dt.timedelta(days=3))
    with pytest.raises(thematic.Invalid, match="not a date"):
        study.codebook_at("last tuesday")


def test_a_study_without_history_records_a_baseline_first(new_study: thematic.Study) -> None:
    with pytest.raises(thematic.NotFound, match="no change to the codebook"):
        new_study.codebook_at("2030-01-01")
    new_study.apply_template("telemedicine-barriers")
    changes = new_study.codebook_history()
    assert [(c.action, c.reason) for c in changes] == [("import", "from a template")]
    assert changes[0].detail["codes"] == len(new_study.codes())


def test_history_filter_follows_a_parent_rename(study: thematic.Study) -> None:
    study.update_code("Barriers", name="Obstacles")
    study.update_code("Obstacles/Travel", definition="journeys")
    found = [(c.action, c.code) for c in study.codebook_history("Obstacles/Travel")]
    assert found == [
        ("add", "Barriers/Travel"),
        ("rename", "Barriers"),
        ("update", "Obstacles/Travel"),
    ]


def test_exports_of_the_history_and_an_earlier_codebook(
    study: thematic.Study, tmp_path: Path
) -> None:
    moment = thematic_now()
    study.merge_codes("Barriers/Travel", "Barriers/Distance", reason="overlap")
    study.export_codebook_at(tmp_path / "then.yaml", moment)
    then = yaml.safe_load((tmp_path / "then.yaml").read_text(encoding="utf-8"))
    assert names(then["codes"]) == ["Barriers", "Barriers/Distance", "Barriers/Travel", "Trust"]
    study.export_codebook_at(tmp_path / "then.csv", moment)
    header, rows = read_table(tmp_path / "then.csv")
    assert [r["path"] for r in rows] == names(then["codes"])
    assert rows[1]["definition"] == "How far care is"
    study.export_codebook_history(tmp_path / "history.xlsx")
    header, rows = read_table(tmp_path / "history.xlsx")
    assert header == ["at (UTC)", "who", "action", "code", "what", "why"]
    assert len(rows) == 4 and rows[-1]["action"] == "merge" and rows[-1]["why"] == "overlap"
    with pytest.raises(thematic.Invalid, match=r"\.csv or \.xlsx"):
        study.export_codebook_history(tmp_path / "history.txt")


# -- roles -----------------------------------------------------------------------------------
def test_viewers_may_not_develop_the_codebook(study: thematic.Study) -> None:
    guest = study.as_user("guest")
    coding = study.code(doc(study), 0, 18, "Trust", "bilal")
    calls = [
        lambda: guest.merge_codes("Trust", "Barriers"),
        lambda: guest.split_code("Trust", "New", [coding.id]),
        lambda: guest.retire_code("Trust"),
        lambda: guest.unretire_code("Trust"),
        lambda: guest.update_code("Trust", name="X", reason="r"),
    ]
    for call in calls:
        with pytest.raises(thematic.Forbidden):
            call()
    assert len(guest.codebook_history()) == 3  # reading is allowed
    sana = study.as_user("sana")
    assert sana.retire_code("Trust", reason="coders may").retired


def thematic_now() -> dt.datetime:
    """Now, as the study stores times (UTC, naive)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
