"""Word frequencies: hand-counted on short English and Urdu texts."""

from __future__ import annotations

import pytest

from thematic.core.search import tokenize
from thematic.core.words import (
    ENGLISH_STOP_WORDS,
    STOP_WORDS,
    URDU_STOP_WORDS,
    WordCount,
    word_frequencies,
)
from thematic.errors import Invalid

TEXTS = [
    "The doctor said the internet is slow. The doctor is kind.",
    "Internet, internet everywhere; doctor's advice? Yeah, um, like 2023.",
    "انٹرنیٹ کا مسئلہ ہے، انٹرنیٹ نہیں ہے۔",
]


def test_counts_without_stop_words() -> None:
    assert word_frequencies(TEXTS) == [
        WordCount("internet", 3, 2),
        WordCount("doctor", 2, 1),
        WordCount("انٹرنیٹ", 2, 1),
        WordCount("advice", 1, 1),
        WordCount("doctor's", 1, 1),
        WordCount("everywhere", 1, 1),
        WordCount("kind", 1, 1),
        WordCount("said", 1, 1),
        WordCount("slow", 1, 1),
        WordCount("مسئلہ", 1, 1),
    ]


def test_every_word_with_no_stop_words() -> None:
    counts = {c.word: (c.count, c.documents) for c in word_frequencies(TEXTS, stop_words=None)}
    assert counts["the"] == (3, 1)
    assert counts["is"] == (2, 1)
    assert counts["ہے"] == (2, 1)
    assert counts["yeah"] == (1, 1)
    assert "2023" not in counts  # numbers are not words
    assert sum(c for c, _ in counts.values()) == 11 + 8 + 7


def test_limit_min_length_and_own_stop_words() -> None:
    top = word_frequencies(TEXTS, stop_words=["The", "Internet", "IS"], min_length=4, limit=3)
    assert top == [
        WordCount("doctor", 2, 1),
        WordCount("انٹرنیٹ", 2, 1),
        WordCount("advice", 1, 1),
    ]
    assert word_frequencies(TEXTS, limit=0) == []


def test_urdu_marks_count_as_part_of_the_word_not_its_length() -> None:
    texts = ["مسئلَہ مسئلہ مسئلَہ", "کا کا"]
    assert word_frequencies(texts, stop_words=(), min_length=3) == [
        WordCount("مسئلَہ", 2, 1),
        WordCount("مسئلہ", 1, 1),
    ]


def test_apostrophes_and_joiners_are_normalised() -> None:
    texts = ["doctor’s doctor's", "ٹیلی\u200cمیڈیسن ٹیلی\u200cمیڈیسن\u200c"]
    assert word_frequencies(texts) == [
        WordCount("doctor's", 2, 1),
        WordCount("ٹیلی\u200cمیڈیسن", 2, 1),
    ]


def test_stop_word_lists() -> None:
    assert 150 <= len(ENGLISH_STOP_WORDS) <= 300
    assert {"the", "don't", "yeah", "um", "like"} <= ENGLISH_STOP_WORDS
    assert {"ہے", "ہیں", "کے", "کی", "کا", "کو", "میں", "سے", "اور", "نہیں"} <= URDU_STOP_WORDS
    assert STOP_WORDS == ENGLISH_STOP_WORDS | URDU_STOP_WORDS
    # written as tokenize writes words, so they can be compared with its output
    assert all([(0, len(w), w)] == tokenize(w) for w in STOP_WORDS)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"texts": "one string"}, "a list of texts"),
        ({"texts": [], "min_length": 0}, "min_length"),
        ({"texts": [], "limit": -1}, "limit"),
    ],
)
def test_bad_arguments(arguments: dict[str, object], message: str) -> None:
    texts = arguments.pop("texts")
    with pytest.raises(Invalid, match=message):
        word_frequencies(texts, **arguments)  # type: ignore[arg-type]
