import pytest

from thematic.core.discrepancies import find_discrepancies

TRUST, TRAINING, GLITCH = 1, 2, 3


def test_identical_codings_are_no_discrepancy():
    codings = [("a", TRUST, 0, 10), ("b", TRUST, 0, 10)]
    assert find_discrepancies(codings, ["a", "b"]) == []


def test_overlapping_spans_of_one_coder_are_merged_first():
    codings = [("a", TRUST, 0, 6), ("a", TRUST, 4, 10), ("b", TRUST, 0, 10)]
    assert find_discrepancies(codings, ["a", "b"]) == []


def test_different_boundaries():
    [item] = find_discrepancies([("a", TRUST, 0, 10), ("b", TRUST, 3, 14)], ["a", "b"])
    assert item.kind == "boundaries" and (item.start, item.end) == (0, 14)
    assert item.spans == {"a": ((0, 10),), "b": ((3, 14),)}


def test_one_coder_split_what_the_other_coded_as_one():
    codings = [("a", TRUST, 0, 20), ("b", TRUST, 0, 8), ("b", TRUST, 12, 20)]
    [item] = find_discrepancies(codings, ["a", "b"])
    assert item.kind == "boundaries" and item.spans["b"] == ((0, 8), (12, 20))


def test_only_one_coder_applied_the_code():
    [item] = find_discrepancies(
        [("a", TRUST, 5, 9), ("b", TRAINING, 40, 50), ("a", TRAINING, 40, 50)], ["a", "b"]
    )
    assert item.kind == "only_one" and item.code == TRUST and item.spans == {"a": ((5, 9),)}


def test_different_codes_on_the_same_passage():
    codings = [("a", TRUST, 0, 10), ("b", GLITCH, 2, 12)]
    items = find_discrepancies(codings, ["a", "b"])
    assert [(d.kind, d.code) for d in items] == [
        ("different_codes", TRUST),
        ("different_codes", GLITCH),
    ]
    assert items[0].other_codes == {"b": (GLITCH,)}
    assert items[1].other_codes == {"a": (TRUST,)}


def test_touching_spans_are_separate_passages():
    items = find_discrepancies([("a", TRUST, 0, 5), ("b", TRUST, 5, 9)], ["a", "b"])
    assert [d.kind for d in items] == ["only_one", "only_one"]


def test_other_coders_are_ignored_and_three_coders_work():
    codings = [("a", TRUST, 0, 5), ("b", TRUST, 0, 5), ("c", TRUST, 0, 5), ("z", TRUST, 1, 2)]
    assert find_discrepancies(codings, ["a", "b", "c"]) == []
    [item] = find_discrepancies([*codings[:2], ("c", TRUST, 0, 4)], ["a", "b", "c"])
    assert item.kind == "boundaries"


def test_needs_two_coders():
    with pytest.raises(ValueError, match="at least two"):
        find_discrepancies([], ["a", "a"])


def test_urdu_offsets_are_plain_integers():
    text = "ڈاکٹر 😀 نے کہا"
    start = text.index("😀")
    [item] = find_discrepancies([("a", TRUST, start, start + 1)], ["a", "b"])
    assert text[item.start : item.end] == "😀"
