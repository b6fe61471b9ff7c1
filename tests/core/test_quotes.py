"""Exemplar quotes: sentences, excerpts, choosing a varied few, attribution lines."""

from __future__ import annotations

import random

import pytest

from thematic.core.quotes import (
    Candidate,
    attribution,
    choose_exemplars,
    excerpt,
    quote_text,
    sentence_spans,
)


def sentences(text: str, start: int = 0, end: int | None = None) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text, start, len(text) if end is None else end)]


def cut(text: str, *args: int, **kwargs: object) -> str:
    start, end = excerpt(text, *args, **kwargs)  # type: ignore[arg-type]
    return text[start:end]


# --------------------------------------------------------------------------------------------
# sentence_spans


def test_sentences_split_on_stops_and_strip_whitespace() -> None:
    text = "  The signal was weak!  Why? Nobody knew…  "
    assert sentences(text) == ["The signal was weak!", "Why?", "Nobody knew…"]
    assert sentence_spans(text, 0, len(text))[0] == (2, 22)


def test_urdu_full_stop_and_question_mark_end_sentences() -> None:
    text = "انٹرنیٹ بہت سست ہے۔ مریض پریشان ہوتے ہیں؟ ہم کیا کریں"
    assert sentences(text) == ["انٹرنیٹ بہت سست ہے۔", "مریض پریشان ہوتے ہیں؟", "ہم کیا کریں"]


def test_abbreviations_initials_and_decimals_do_not_end_sentences() -> None:
    text = "We saw Dr. Khan, e.g. on Mondays. A. Siddiqui waited 3.5 hours. Then Mr. Ali left."
    assert sentences(text) == [
        "We saw Dr. Khan, e.g. on Mondays.",
        "A. Siddiqui waited 3.5 hours.",
        "Then Mr. Ali left.",
    ]
    assert sentences("I said no. Then we waited, etc. It was (Prof. Shah said) slow.") == [
        "I said no.",
        "Then we waited, etc.",
        "It was (Prof. Shah said) slow.",
    ]


def test_line_breaks_end_sentences_and_closing_quotes_stay_with_theirs() -> None:
    text = 'no stop at the end of this line\nHe said "stop." Then we left.\r\nLast'
    assert sentences(text) == [
        "no stop at the end of this line",
        'He said "stop."',
        "Then we left.",
        "Last",
    ]


def test_a_range_starting_mid_sentence_yields_the_fragment_first() -> None:
    text = "The clinic was far. We had no car."
    assert sentences(text, 4) == ["clinic was far.", "We had no car."]
    assert sentences(text, 0, 10) == ["The clinic"]


def test_bad_ranges_are_rejected() -> None:
    with pytest.raises(ValueError, match="after the text ends"):
        sentence_spans("abc", 0, 9)
    with pytest.raises(ValueError, match="empty"):
        sentence_spans("abc", 1, 1)


# --------------------------------------------------------------------------------------------
# excerpt

DIALOGUE = (
    "Interviewer: What was hard?\n"
    "P07: The connection dropped every day. Patients could not hear me at all. We gave up."
)
ANSWER = DIALOGUE.index("The connection")


def test_mid_sentence_passage_snaps_out_to_whole_sentences_within_the_turn() -> None:
    start = DIALOGUE.index("dropped")
    end = DIALOGUE.index("hear me") + len("hear me")
    # 33 + 1 + 35 = 69 characters: both touched sentences, whole, and over min_chars (60).
    assert cut(DIALOGUE, start, end, turn=(ANSWER, len(DIALOGUE))) == (
        "The connection dropped every day. Patients could not hear me at all."
    )


def test_a_leading_speaker_label_is_dropped() -> None:
    line_start = DIALOGUE.index("P07:")
    assert cut(DIALOGUE, line_start, len(DIALOGUE)) == DIALOGUE[ANSWER:]
    first = DIALOGUE.index("day.") + len("day.")
    assert cut(DIALOGUE, line_start, first, min_chars=0) == "The connection dropped every day."
    assert cut(DIALOGUE, 0, 20, min_chars=0) == "What was hard?"
    for label in ("R: ", "Participant 3: ", "HCW-12: ", "Dr. Khan: "):
        assert cut(f"{label}It was slow.", 0, len(label) + 4, min_chars=0) == "It was slow."


def test_an_ordinary_word_with_a_colon_is_not_a_label() -> None:
    text = "Honestly: it was bad."
    assert cut(text, 0, len(text)) == text


def test_too_long_keeps_the_leading_whole_sentences_that_fit() -> None:
    # 33 + 1 + 35 = 69 <= 70; the third sentence would make it 81.
    assert cut(DIALOGUE, ANSWER, len(DIALOGUE), max_chars=70) == (
        "The connection dropped every day. Patients could not hear me at all."
    )
    assert cut(DIALOGUE, ANSWER, len(DIALOGUE), max_chars=40) == (
        "The connection dropped every day."
    )


def test_snaps_inward_when_the_first_sentence_alone_is_too_long() -> None:
    text = "This first sentence is rather long and wordy indeed. Short one here. And another."
    # The first sentence is 52 characters; from the next one, 15 + 1 + 12 = 28 <= 30.
    assert cut(text, 10, len(text), max_chars=30) == "Short one here. And another."


def test_short_passages_grow_by_the_next_then_the_previous_sentence() -> None:
    text = "Yes. We used WhatsApp for follow-up calls with patients. It worked."
    # "Yes." (4) -> + next (56, still < 60) -> + "It worked." (67).
    assert cut(text, 0, 4) == text
    assert cut(text, 0, 4, min_chars=50) == (
        "Yes. We used WhatsApp for follow-up calls with patients."
    )
    # At the end of the text only earlier sentences are left.
    assert cut(text, text.index("It"), len(text), min_chars=20) == (
        "We used WhatsApp for follow-up calls with patients. It worked."
    )


def test_growing_stays_inside_the_turn_or_line() -> None:
    text = "Interviewer: Tell me more about the clinic and its staff.\nP07: Fine."
    fine = text.index("Fine.")
    assert cut(text, fine, len(text)) == "Fine."
    assert cut(text, fine, len(text), turn=(fine, len(text))) == "Fine."
    two_lines = "P07: It was slow.\nVery slow for everyone here.\nInterviewer: Why?"
    turn = (5, two_lines.index("\nInterviewer"))
    assert cut(two_lines, 5, 17, min_chars=30, turn=turn) == (
        "It was slow.\nVery slow for everyone here."
    )


def test_urdu_passage_snaps_to_the_urdu_full_stop() -> None:
    text = "انٹرنیٹ بہت سست ہے۔ مریض پریشان ہوتے ہیں۔"
    start = text.index("سست")
    assert cut(text, start, start + 3, min_chars=0) == "انٹرنیٹ بہت سست ہے۔"


def test_without_a_fitting_sentence_it_cuts_at_a_word_boundary() -> None:
    text = "the line kept dropping and we kept calling back and nobody could hear anything"
    start, end = excerpt(text, 4, 30, max_chars=20)
    # Passage "line kept dropping and we " is 26 > 20: cut at the last space within 20.
    assert text[start:end] == "line kept dropping"
    assert quote_text(text, start, end) == "…line kept dropping…"
    # A passage starting mid-word widens to the word's start.
    assert cut(text, 6, 13, max_chars=20) == "line kept"


def test_excerpts_respect_max_chars_and_never_start_or_end_with_space() -> None:
    text = DIALOGUE + "\nP08: " + "word " * 40 + "end. Then a short one."
    for max_chars in (15, 40, 80):
        for start in range(0, len(text) - 1, 7):
            for end in range(start + 1, len(text) + 1, 11):
                s, e = excerpt(text, start, end, max_chars=max_chars)
                assert 0 < e - s <= max_chars
                assert not text[s].isspace() and not text[e - 1].isspace()


def test_quote_text_collapses_whitespace_and_marks_only_cuts() -> None:
    text = "P07: It was  slow.\nVery slow."
    assert quote_text(text, 5, 18) == "It was slow."
    assert quote_text(text, 5, 11) == "It was…"
    assert quote_text(text, 8, 18) == "…was slow."


# --------------------------------------------------------------------------------------------
# choose_exemplars


def candidate(
    document_id: int, participant: str, role: str, site: str, length: int, start: int = 0
) -> Candidate:
    return Candidate(
        document_id=document_id,
        start=start,
        end=start + length,
        text="x" * length,
        participant=participant,
        attributes={"role": role, "site": site},
    )


A = candidate(1, "P01", "nurse", "Karachi", 200)  # first pick: 4 + 2 + 1 = 7
B = candidate(2, "P02", "nurse", "Lahore", 250)  # 7 first; after A: new site 2 + 1 = 3
C = candidate(3, "P03", "doctor", "Karachi", 80)  # after A: new role 4 + (80-40)/60 = 4.67
D = candidate(4, "P04", "nurse", "Karachi", 30)  # under 40 characters: -8
E = candidate(1, "P01", "nurse", "Karachi", 150, start=500)  # P01 again
POOL = [A, B, C, D, E]


def test_greedy_choice_prefers_new_roles_then_new_sites() -> None:
    # A, B and E tie at 7; A has the lowest (document, start). Then the doctor (new role)
    # beats the Lahore nurse (new site), even though the nurse's quote reads better.
    assert choose_exemplars(POOL, k=3) == [A, C, B]


def test_a_participant_is_quoted_twice_only_when_no_one_else_is_left() -> None:
    # D is very short, but P04 has not been quoted and E is P01's second quote.
    assert choose_exemplars(POOL, k=4) == [A, C, B, D]
    assert choose_exemplars(POOL, k=5) == [A, C, B, D, E]
    assert choose_exemplars(POOL, k=9) == [A, C, B, D, E]


def test_pinned_quotes_come_first_in_the_users_order() -> None:
    assert choose_exemplars(POOL, k=3, pinned=[B, D]) == [B, D, C]
    assert choose_exemplars(POOL, k=1, pinned=[E, A]) == [E]


def test_readable_length_decides_between_equally_varied_quotes() -> None:
    lengths = [50, 200, 700, 30]  # scores 6.17, 7, 6, -2; after the first pick: .17, 0, -8
    pool = [candidate(n, f"P{n}", "nurse", "Karachi", size) for n, size in enumerate(lengths)]
    chosen = choose_exemplars(pool, k=4)
    assert [len(c.text) for c in chosen] == [200, 50, 700, 30]


def test_choice_is_deterministic_whatever_the_input_order() -> None:
    shuffled = POOL[:]
    for seed in range(5):
        random.Random(seed).shuffle(shuffled)
        assert choose_exemplars(shuffled, k=5) == [A, C, B, D, E]


def test_overlapping_candidates_are_one_quote_and_k_zero_chooses_none() -> None:
    twin = candidate(1, "P09", "manager", "Quetta", 200, start=100)  # overlaps A in document 1
    assert twin not in choose_exemplars([A, twin], k=2)
    assert choose_exemplars([A, twin], k=2, pinned=[twin]) == [twin]
    assert choose_exemplars(POOL, k=0) == []


def test_missing_attributes_never_count_as_new() -> None:
    bare = Candidate(5, 0, 200, "x" * 200, "P05")
    nurse = candidate(6, "P06", "nurse", "", 120)
    # bare: 0 + 1; nurse: new role 4 + 0.93 (120 characters is inside 100..300: 1) -> 5.
    assert choose_exemplars([bare, nurse], k=2) == [nurse, bare]


# --------------------------------------------------------------------------------------------
# attribution


def test_attribution_lists_the_values_that_exist_as_stored() -> None:
    full = {"role": "nurse", "site": "Karachi", "facility": "public"}
    assert attribution("P07", full) == "P07, nurse, Karachi, public"
    assert attribution("P08", {"role": "ICU Nurse", "site": " ", "age": "41"}) == "P08, ICU Nurse"
    assert attribution("P09", {}) == "P09"
    assert attribution("P10", full, keys=("site",)) == "P10, Karachi"


def test_aligned_original_by_turn_and_sentence() -> None:
    from thematic.core.quotes import aligned_original

    english = "I: Why?\nP1: The line drops. Nobody fixes it."
    urdu = "I: کیوں؟\nP1: لائن کٹ جاتی ہے۔ کوئی ٹھیک نہیں کرتا۔"
    turns_en = [(0, 7), (8, len(english))]
    turns_ur = [(0, 8), (9, len(urdu))]
    start = english.index("Nobody")
    span = aligned_original(english, turns_en, urdu, turns_ur, start, len(english))
    assert span is not None and urdu[span[0] : span[1]] == "کوئی ٹھیک نہیں کرتا۔"
    whole = aligned_original(english, turns_en, urdu, turns_ur, 12, len(english))
    assert (
        whole is not None and urdu[whole[0] : whole[1]] == "لائن کٹ جاتی ہے۔ کوئی ٹھیک نہیں کرتا۔"
    )
    # No alignment when the turns or the sentences do not correspond one for one.
    assert aligned_original(english, turns_en, urdu, turns_ur[:1], start, len(english)) is None
    shorter = "I: کیوں؟\nP1: لائن کٹ جاتی ہے اور کوئی ٹھیک نہیں کرتا۔"
    assert (
        aligned_original(
            english, turns_en, shorter, [(0, 8), (9, len(shorter))], start, len(english)
        )
        is None
    )
