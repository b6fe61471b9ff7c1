import pytest

from thematic.core.spans import check_span, is_nfc, merge_spans, nfc, overlaps, snippet


def test_nfc_composes_decomposed_letters():
    assert nfc("e\u0301") == "\u00e9"
    assert is_nfc("\u00e9") and not is_nfc("e\u0301")


def test_urdu_and_emoji_are_counted_in_code_points():
    text = nfc("ڈاکٹر 😀 ok")
    assert len(text) == 10  # the emoji is one code point (two in UTF-16)
    assert text[6:7] == "😀"


@pytest.mark.parametrize(
    ("start", "end", "reason"),
    [
        (0, 5, None),
        (4, 5, None),
        (-1, 3, "before the text begins"),
        (2, 6, "after the text ends at 5"),
        (3, 3, "is empty"),
        (4, 2, "is reversed"),
    ],
)
def test_check_span(start, end, reason):
    result = check_span(start, end, 5)
    if reason is None:
        assert result is None
    else:
        assert reason in result


def test_check_span_refuses_non_integers():
    assert check_span(True, 3, 5) is not None
    assert check_span(1.5, 3, 5) is not None  # type: ignore[arg-type]


def test_overlaps_is_half_open():
    assert overlaps((0, 5), (4, 9))
    assert not overlaps((0, 5), (5, 9))


def test_merge_spans_unions_and_joins_touching():
    assert merge_spans([(5, 9), (0, 3), (2, 4), (9, 10), (20, 21)]) == [(0, 4), (5, 10), (20, 21)]
    assert merge_spans([]) == []


def test_snippet_marks_cut_context():
    text = "one two three four five"
    assert snippet(text, 8, 13, width=4) == "…two three fou…"
    assert snippet(text, 0, 3, width=100) == text
