"""The codebook tree, its fields, and YAML/CSV exchange (both backends)."""

from __future__ import annotations

from pathlib import Path

import pytest

import thematic


def test_add_code_by_path_creates_both_levels(new_study: thematic.Study) -> None:
    code = new_study.add_code("Technological/Interoperability", definition="Systems do not talk")
    assert code.path == "Technological/Interoperability"
    parent = new_study.code_by("Technological")
    assert code.parent_id == parent.id and parent.parent_id is None
    assert code.definition == "Systems do not talk"
    assert code.colour == parent.colour  # a child takes its theme's colour by default


def test_add_under_a_parent_and_any_depth(new_study: thematic.Study) -> None:
    theme = new_study.add_code("Personal")
    code = new_study.add_code("Trust/Distrust of remote diagnosis/Fear of error", parent=theme.id)
    assert code.path == "Personal/Trust/Distrust of remote diagnosis/Fear of error"
    assert code.depth == 3
    assert [c.path for c in new_study.codes()] == [
        "Personal",
        "Personal/Trust",
        "Personal/Trust/Distrust of remote diagnosis",
        "Personal/Trust/Distrust of remote diagnosis/Fear of error",
    ]


def test_duplicates_bad_names_and_colours(new_study: thematic.Study) -> None:
    new_study.add_code("A/B")
    with pytest.raises(thematic.Conflict, match="already exists"):
        new_study.add_code("A/B")
    with pytest.raises(thematic.Invalid, match="empty level"):
        new_study.add_code("A//C")
    with pytest.raises(thematic.Invalid, match="#RRGGBB"):
        new_study.add_code("A/C", colour="red")
    with pytest.raises(thematic.NotFound):
        new_study.code_by("A/Z")


def test_update_move_and_cycle(new_study: thematic.Study) -> None:
    new_study.add_code("A/B/C")
    new_study.add_code("D")
    renamed = new_study.update_code("A/B", name="Bee", definition="d")
    assert renamed.path == "A/Bee" and renamed.definition == "d"
    assert new_study.move_code("A/Bee", "D").path == "D/Bee"
    assert new_study.code_by("D/Bee/C").depth == 2
    with pytest.raises(thematic.Conflict, match="beneath itself"):
        new_study.move_code("D", "D/Bee/C")
    assert new_study.move_code("D/Bee", None).path == "Bee"


def test_bare_unique_names_resolve(new_study: thematic.Study) -> None:
    new_study.add_code("Technological/Interoperability")
    new_study.add_code("Systemic/Policy")
    assert new_study.code_by("Interoperability").path == "Technological/Interoperability"
    new_study.add_code("Organizational/Policy")
    with pytest.raises(thematic.Invalid, match="ambiguous"):
        new_study.code_by("Policy")


def test_delete_in_use_needs_force(new_study: thematic.Study) -> None:
    new_study.add_code("A/B")
    new_study.add_coder("bilal")
    doc = new_study.add_document("d", "some text here")
    new_study.code(doc.id, 0, 4, "A/B", "bilal")
    with pytest.raises(thematic.Conflict, match="1 child codes and 1 codings"):
        new_study.delete_code("A")
    new_study.delete_code("A", force=True)
    assert new_study.codes() == [] and new_study.codings() == []


@pytest.mark.parametrize("suffix", [".yaml", ".csv", ".xlsx"])
def test_codebook_round_trips_through_files(
    tele_study: thematic.Study, tmp_path: Path, suffix: str
) -> None:
    path = tele_study.export_codebook(tmp_path / f"codebook{suffix}")
    other = thematic.create(tmp_path / "other.thematic")
    try:
        other.import_codebook(path)
        assert other.codebook_tree() == tele_study.codebook_tree()
    finally:
        other.close()


def test_codebook_import_updates_existing_codes(new_study: thematic.Study, tmp_path: Path) -> None:
    new_study.add_code("Personal/Trust")
    path = tmp_path / "cb.csv"
    path.write_text(
        "path,definition,colour\nPersonal/Trust,Belief in remote care,#112233\n"
        "Personal/Digital illiteracy,Low digital skills,\n"
    )
    new_study.import_codebook(path)
    trust = new_study.code_by("Personal/Trust")
    assert (trust.definition, trust.colour) == ("Belief in remote care", "#112233")
    assert len(new_study.codes()) == 3


def test_bad_codebook_files(new_study: thematic.Study, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("codes: [ {name: A, children: [ {definition: no name} ] } ]")
    with pytest.raises(thematic.Invalid, match="every code needs a name"):
        new_study.import_codebook(bad)
    broken = tmp_path / "broken.yaml"
    broken.write_text("codes: [unclosed")
    with pytest.raises(thematic.UnreadableFile, match=r"broken\.yaml: not a readable YAML"):
        new_study.import_codebook(broken)
    assert new_study.codes() == []


def test_update_code_can_move_in_the_same_transaction(new_study: thematic.Study) -> None:
    new_study.add_code("A/B")
    d = new_study.add_code("D")
    moved = new_study.update_code("A/B", name="Bee", parent=d.id, definition="x")
    assert moved.path == "D/Bee" and moved.definition == "x"
    top = new_study.update_code(moved.id, parent=None)
    assert top.path == "Bee"
    unchanged = new_study.update_code("Bee", example="e")
    assert unchanged.path == "Bee" and unchanged.example == "e"


def test_update_code_refuses_a_cycle_and_changes_nothing(new_study: thematic.Study) -> None:
    new_study.add_code("A/B")
    with pytest.raises(thematic.Conflict, match="beneath itself"):
        new_study.update_code("A", name="Aye", parent="A/B")
    assert [c.path for c in new_study.codes()] == ["A", "A/B"]


def test_deep_paths_of_long_names_are_logged(new_study: thematic.Study) -> None:
    path = "/".join(["n" * 199 + str(level) for level in range(3)])
    code = new_study.add_code(path)
    new_study.update_code(code.id, definition="long")
    targets = [e.target for e in new_study.log(action="code.")]
    assert all(len(t) <= 300 for t in targets) and targets[0].endswith("n2")
