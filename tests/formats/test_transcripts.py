"""parse_transcript: every supported format, its speaker conventions, and its refusals."""

from __future__ import annotations

import io
import os
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest

from thematic.errors import UnreadableFile
from thematic.formats.transcripts import (
    SUPPORTED_EXTENSIONS,
    ParsedTranscript,
    ParsedTurn,
    parse_transcript,
)

DATA = Path(__file__).parent.parent / "data" / "transcripts"
FIXTURES = sorted(path.name for path in DATA.iterdir())
URDU = "ڈاکٹر: ٹیلی میڈیسن کا نظام اکثر بند ہو جاتا ہے 😀"


def parse_fixture(name: str, encoding: str | None = None) -> ParsedTranscript:
    return checked(parse_transcript((DATA / name).read_bytes(), name, encoding))


def parse_text(text: str, name: str = "interview.txt") -> ParsedTranscript:
    return checked(parse_transcript(text.encode(), name))


def parse_docx(data: bytes) -> ParsedTranscript:
    return checked(parse_transcript(data, "interview.docx"))


def turns_of(parsed: ParsedTranscript) -> list[tuple[str | None, str]]:
    return [(turn.speaker, parsed.text[turn.start : turn.end]) for turn in parsed.turns]


def times_of(parsed: ParsedTranscript) -> list[tuple[float | None, float | None]]:
    return [(turn.time_start, turn.time_end) for turn in parsed.turns]


def checked(parsed: ParsedTranscript) -> ParsedTranscript:
    """``parsed`` after asserting the invariants every format must keep."""
    assert unicodedata.is_normalized("NFC", parsed.text)
    assert "\r" not in parsed.text
    previous_end = 0
    for turn in parsed.turns:
        assert 0 <= turn.start < turn.end <= len(parsed.text)
        assert turn.start >= previous_end
        utterance = parsed.text[turn.start : turn.end]
        assert utterance == utterance.strip()
        if turn.speaker is not None:  # the label sits before the utterance, outside it
            before = parsed.text[: turn.start].rstrip()
            assert before.endswith(":")
            assert turn.speaker in before[before.rfind("\n") + 1 :]
        previous_end = turn.end
    return parsed


def build_docx(tmp_path: Path, paragraphs: list[list[tuple[str, bool]]]) -> bytes:
    """A .docx whose paragraphs are lists of (run text, bold) written by python-docx."""
    document = docx.Document()
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for text, bold in runs:
            paragraph.add_run(text).bold = bold or None
    path = tmp_path / "interview.docx"
    document.save(str(path))
    return path.read_bytes()


# --- Invariants over every fixture ---------------------------------------------------------


def test_every_kind_of_fixture_is_present() -> None:
    assert FIXTURES == [
        "bold_labels.md",
        "cp1252_crlf.txt",
        "interview.srt",
        "ir_labels.txt",
        "otter.txt",
        "teams.vtt",
        "urdu_cp1256.txt",
        "urdu_utf16.txt",
        "youtube.vtt",
        "zoom.vtt",
        "zoom_captions.txt",
    ]


@pytest.mark.parametrize("name", FIXTURES)
def test_fixture_invariants(name: str) -> None:
    assert parse_fixture(name).turns


def test_parsed_types_are_frozen() -> None:
    turn = ParsedTurn(0, 1, None)
    with pytest.raises(AttributeError):
        turn.start = 2  # type: ignore[misc]
    assert turn.time_start is None and turn.time_end is None


# --- Dispatch and refusals -----------------------------------------------------------------


def test_supported_extensions() -> None:
    assert SUPPORTED_EXTENSIONS == (".txt", ".md", ".markdown", ".docx", ".vtt", ".srt")


def test_unsupported_extension_is_refused() -> None:
    with pytest.raises(UnreadableFile) as caught:
        parse_transcript(b"%PDF-1.7", "scan.pdf")
    assert str(caught.value) == (
        "scan.pdf: unsupported file type '.pdf'; use .txt, .md, .docx, .vtt or .srt"
    )


def test_old_word_doc_is_refused_with_advice_to_save_as_docx() -> None:
    with pytest.raises(UnreadableFile) as caught:
        parse_transcript(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "interview.doc")
    assert caught.value.reason.startswith("unsupported file type '.doc'; use .txt, .md, .docx")
    assert "save it as .docx" in caught.value.reason


def test_file_without_extension_is_refused() -> None:
    with pytest.raises(UnreadableFile, match=r"unsupported file type \(no extension\)"):
        parse_transcript(b"I: hi", "README")


def test_extension_is_case_insensitive_and_path_may_have_folders() -> None:
    parsed = parse_transcript(b"I: hello\nR: hi", "exports/P07/INTERVIEW.TXT")
    assert parsed.source_format == "txt"
    assert turns_of(parsed) == [("I", "hello"), ("R", "hi")]


def test_markdown_long_extension() -> None:
    assert parse_transcript(b"**I:** hi", "notes.markdown").source_format == "md"


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        *((name, raw) for name in ("a.txt", "a.md", "a.vtt", "a.srt") for raw in (b"", b" \r\n\t")),
        ("a.txt", b"\xff\xfe"),  # a UTF-16 byte order mark and nothing else
        ("a.docx", b""),
    ],
)
def test_empty_files_contain_no_text(name: str, raw: bytes) -> None:
    with pytest.raises(UnreadableFile) as caught:
        parse_transcript(raw, name)
    assert caught.value.reason == "contains no text"


def test_encoding_argument_is_used_for_text_files() -> None:
    parsed = parse_transcript("I: café".encode(), "a.txt", encoding="latin-1")
    assert parsed.text == "I: cafÃ©"


def test_binary_content_in_a_txt_file_is_refused() -> None:
    with pytest.raises(UnreadableFile, match="looks like a binary file, not text"):
        parse_transcript(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "a.txt")


# --- Plain dialogue text ---------------------------------------------------------------------


def test_ir_labels_fixture_keeps_the_text_and_finds_turns() -> None:
    parsed = parse_fixture("ir_labels.txt")
    assert parsed.source_format == "txt"
    assert parsed.text == (DATA / "ir_labels.txt").read_text(encoding="utf-8")
    assert turns_of(parsed) == [
        ("I", "Can you describe a normal working day?"),
        ("R", "I start at eight. First I check the register,\nthen I visit the houses on my list."),
        ("I", "How many houses?"),
        ("R", "Usually fifteen, sometimes twenty.\nNote: respondent laughed here."),
        ("I", "That sounds like a lot."),
        ("R", "It is!"),
    ]
    assert times_of(parsed) == [(None, None)] * 6


def test_cp1252_crlf_fixture() -> None:
    parsed = parse_fixture("cp1252_crlf.txt")
    assert parsed.text == (
        "Interviewer: Thanks for meeting me. Let’s start with your role – what do you do?\n"
        "Participant: I’m the café manager at the “Blue Door” on Market Street.\n"
        "Interviewer: And how long have you been there?\n"
        "Participant: Since 2019. It’s been hectic… but I love it.\n"
    )
    assert turns_of(parsed) == [
        ("Interviewer", "Thanks for meeting me. Let’s start with your role – what do you do?"),
        ("Participant", "I’m the café manager at the “Blue Door” on Market Street."),
        ("Interviewer", "And how long have you been there?"),
        ("Participant", "Since 2019. It’s been hectic… but I love it."),
    ]


def test_urdu_utf16_fixture_round_trips_with_code_point_offsets() -> None:
    parsed = parse_fixture("urdu_utf16.txt")
    assert parsed.text.split("\n")[:2] == ["انٹرویو نمبر ۳", URDU]
    assert turns_of(parsed) == [
        ("ڈاکٹر", "ٹیلی میڈیسن کا نظام اکثر بند ہو جاتا ہے 😀"),
        ("مریض", "جی ہاں، پچھلے ہفتے دو دن تک کام نہیں کیا۔"),
        ("ڈاکٹر", "پھر آپ نے کیا کیا؟"),
        ("مریض", "ہم نے فون پر بات کی۔"),
    ]
    first = parsed.turns[0]
    assert first.start == len("انٹرویو نمبر ۳\nڈاکٹر: ")
    assert first.end == len("انٹرویو نمبر ۳\n") + len(URDU)


def test_urdu_cp1256_fixture_is_detected() -> None:
    parsed = parse_fixture("urdu_cp1256.txt")
    assert turns_of(parsed)[0] == ("ڈاکٹر", "ٹيلي ميڈيسن کا نظام اکثر بند ہو جاتا ہے")
    assert parse_fixture("urdu_cp1256.txt", encoding="cp1256") == parsed


def test_urdu_with_emoji_in_utf8() -> None:
    parsed = parse_text(f"{URDU}\nمریض: جی ہاں\nڈاکٹر: کب سے؟\nمریض: 😀 کل سے")
    assert turns_of(parsed) == [
        ("ڈاکٹر", "ٹیلی میڈیسن کا نظام اکثر بند ہو جاتا ہے 😀"),
        ("مریض", "جی ہاں"),
        ("ڈاکٹر", "کب سے؟"),
        ("مریض", "😀 کل سے"),
    ]
    assert parsed.turns[1].start == len(URDU) + 1 + len("مریض: ")


def test_text_without_speakers_has_no_turns() -> None:
    notes = "Field notes, 4 March.\nThe clinic opened late.\nNote: generator broke again.\n"
    parsed = parse_text(notes)
    assert parsed.text == notes
    assert parsed.turns == ()


def test_generic_label_must_occur_twice() -> None:
    parsed = parse_text("Summary of visit\nAmina: hello\nThen the call dropped.")
    assert parsed.turns == ()
    parsed = parse_text("Amina: hello\nBilal: hi\nAmina: how are you?\nBilal: fine")
    assert turns_of(parsed) == [
        ("Amina", "hello"),
        ("Bilal", "hi"),
        ("Amina", "how are you?"),
        ("Bilal", "fine"),
    ]


@pytest.mark.parametrize(
    "label", ["Interviewer", "Interviewee", "Respondent", "Moderator", "Q", "A", "Int", "P07"]
)
def test_well_known_labels_count_once(label: str) -> None:
    assert turns_of(parse_text(f"{label}: yes")) == [(label, "yes")]


def test_numbered_roles_are_well_known() -> None:
    parsed = parse_text("Speaker 1: hi\nParticipant 3: hello")
    assert turns_of(parsed) == [("Speaker 1", "hi"), ("Participant 3", "hello")]


def test_title_with_full_stop_is_a_label() -> None:
    parsed = parse_text(
        "Dr. Amina: How are you?\nMr. Bilal: Well.\nDr. Amina: Good.\nMr. Bilal: Ok"
    )
    assert [speaker for speaker, _ in turns_of(parsed)] == [
        "Dr. Amina",
        "Mr. Bilal",
        "Dr. Amina",
        "Mr. Bilal",
    ]


def test_sentences_and_long_phrases_are_not_labels() -> None:
    text = (
        "We talked. Then: nothing happened.\n"
        "We talked. Then: nothing happened.\n"
        "And after that the nurse said: wait.\n"
        "And after that the nurse said: wait.\n"
    )
    assert parse_text(text).turns == ()


def test_header_fields_are_not_speakers_even_when_repeated() -> None:
    parsed = parse_text("Date: 3 May\nNote: noisy room\nNote: tape changed\nI: Shall we start?")
    assert turns_of(parsed) == [("I", "Shall we start?")]


def test_clock_times_and_urls_are_not_labels() -> None:
    parsed = parse_text("See https://example.org\nhttps://example.org\nat 10:30 we met\nI: ok")
    assert turns_of(parsed) == [("I", "ok")]


def test_utterance_may_start_on_the_next_line() -> None:
    parsed = parse_text("Interviewer:\n  How are you?\n\nParticipant:\nFine.\n")
    assert turns_of(parsed) == [("Interviewer", "How are you?"), ("Participant", "Fine.")]


def test_label_without_utterance_makes_no_turn() -> None:
    parsed = parse_text("Interviewer:\nParticipant: Sorry, go on.")
    assert turns_of(parsed) == [("Participant", "Sorry, go on.")]


def test_preamble_and_trailing_whitespace_are_outside_turns() -> None:
    parsed = parse_text("Transcript 3\n\n   I:   Hello there.   \n\n\nR: Hi.  \n")
    assert turns_of(parsed) == [("I", "Hello there."), ("R", "Hi.")]
    assert parsed.text == "Transcript 3\n\n   I:   Hello there.   \n\n\nR: Hi.  \n"


def test_leading_timestamps_set_times() -> None:
    parsed = parse_text("[00:01:23] Interviewer: Hello.\n[00:01:30] Participant: Hi.\n")
    assert turns_of(parsed) == [("Interviewer", "Hello."), ("Participant", "Hi.")]
    assert times_of(parsed) == [(83.0, 90.0), (90.0, None)]


def test_rev_style_labels_with_times() -> None:
    parsed = parse_text("Speaker 1 (00:00):\nWelcome.\n\nSpeaker 2 (01:15):\nThanks.\n")
    assert turns_of(parsed) == [("Speaker 1", "Welcome."), ("Speaker 2", "Thanks.")]
    assert times_of(parsed) == [(0.0, 75.0), (75.0, None)]


# --- Otter.ai and Zoom caption exports ------------------------------------------------------


def test_otter_fixture_is_rebuilt_merged_and_timed() -> None:
    parsed = parse_fixture("otter.txt")
    assert parsed.source_format == "otter"
    assert parsed.text == (
        "Amina Khan: Thanks for joining me today. Could you start by telling me about your role?"
        "\n\nBilal Ahmed: Sure. I've been a nurse at the district hospital for about eight years."
        "\n\nAmina Khan: And how has the telemedicine system changed your work?"
        "\n\nBilal Ahmed: Honestly, it's been mixed. When it works it saves patients a long trip,"
        " but the connection drops a lot. Sorry, one more thing: the older patients find the"
        " app confusing."
    )
    assert [speaker for speaker, _ in turns_of(parsed)] == [
        "Amina Khan",
        "Bilal Ahmed",
        "Amina Khan",
        "Bilal Ahmed",
    ]
    assert times_of(parsed) == [(3.0, 9.0), (9.0, 17.0), (17.0, 22.0), (22.0, None)]
    assert "otter.ai" not in parsed.text


def test_otter_hour_timestamps() -> None:
    parsed = parse_text("Speaker 1  59:58\nStill there?\n\nSpeaker 2  1:00:02\nYes.\n")
    assert parsed.text == "Speaker 1: Still there?\n\nSpeaker 2: Yes."
    assert times_of(parsed) == [(3598.0, 3602.0), (3602.0, None)]


def test_zoom_saved_captions_fixture() -> None:
    parsed = parse_fixture("zoom_captions.txt")
    assert parsed.source_format == "zoom-cc"
    assert parsed.text == (
        "Amina Khan: Okay, so we're recording now. Could you tell me about your role?"
        "\n\nBilal Ahmed: Sure. I coordinate the vaccination outreach team."
        "\n\nAmina Khan: How big is the team?"
        "\n\nBilal Ahmed: About twelve people, depending on the season."
    )
    start = 10 * 3600 + 2 * 60
    assert times_of(parsed) == [
        (start + 15.0, start + 24.0),
        (start + 24.0, start + 31.0),
        (start + 31.0, start + 33.0),
        (start + 33.0, None),
    ]


def test_zoom_captions_with_urdu_and_emoji() -> None:
    parsed = parse_text(f"[ڈاکٹر] 00:00:05\n{URDU[7:]}\n[مریض] 00:00:09\nجی ہاں\n")
    assert turns_of(parsed) == [("ڈاکٹر", URDU[7:]), ("مریض", "جی ہاں")]
    assert times_of(parsed) == [(5.0, 9.0), (9.0, None)]


def test_txt_that_only_mentions_a_time_stays_plain() -> None:
    parsed = parse_text("Visit to clinic\nAmina Khan  0:03 was the start\nI: ok")
    assert parsed.source_format == "txt"


# --- Markdown ---------------------------------------------------------------------------------


def test_markdown_fixture_strips_bold_from_labels_only() -> None:
    parsed = parse_fixture("bold_labels.md")
    assert parsed.source_format == "md"
    assert parsed.text == (
        "# Interview 7 — school teacher, Karachi\n\n"
        "*Recorded on 3 May 2024, transcribed by S.M.*\n\n"
        "Interviewer: How did remote teaching go for you?\n\n"
        "Teacher: Honestly? It was **hard** at first.\nWe had no laptops.\n\n"
        "Interviewer: And later?\n\n"
        "Teacher: Better — the school got tablets. 😀\n"
    )
    assert turns_of(parsed) == [
        ("Interviewer", "How did remote teaching go for you?"),
        ("Teacher", "Honestly? It was **hard** at first.\nWe had no laptops."),
        ("Interviewer", "And later?"),
        ("Teacher", "Better — the school got tablets. 😀"),
    ]


@pytest.mark.parametrize(
    "line", ["**Nadia:** hi", "**Nadia**: hi", "__Nadia:__ hi", "__Nadia__: hi"]
)
def test_markdown_bold_label_forms(line: str) -> None:
    parsed = parse_text(line, "a.md")
    assert parsed.text == "Nadia: hi"
    assert turns_of(parsed) == [("Nadia", "hi")]


def test_markdown_plain_labels_also_work() -> None:
    assert turns_of(parse_text("I: hi\nR: hello", "a.md")) == [("I", "hi"), ("R", "hello")]


def test_markdown_bold_note_is_not_a_speaker() -> None:
    parsed = parse_text("**Note:** recorder off\n**I:** ok", "a.md")
    assert parsed.text == "Note: recorder off\nI: ok"
    assert turns_of(parsed) == [("I", "ok")]


# --- Word .docx -----------------------------------------------------------------------------


def test_docx_bold_speaker_labels(tmp_path: Path) -> None:
    data = build_docx(
        tmp_path,
        [
            [("Interview 12", False)],
            [],
            [("Interviewer:", True), (" How are you?", False)],
            [
                ("Amina", True),
                (" Fine, thanks. It was ", False),
                ("really", True),
                (" busy.", False),
            ],
            [("Interviewer", True), (": And then?", False)],
            [("Amina", True), (" " + URDU, False)],
        ],
    )
    parsed = parse_docx(data)
    assert parsed.source_format == "docx"
    assert parsed.text == (
        "Interview 12\n\nInterviewer: How are you?\nAmina: Fine, thanks. It was really busy.\n"
        f"Interviewer: And then?\nAmina: {URDU}"
    )
    assert turns_of(parsed) == [
        ("Interviewer", "How are you?"),
        ("Amina", "Fine, thanks. It was really busy."),
        ("Interviewer", "And then?"),
        ("Amina", URDU),
    ]


def test_docx_name_colon_paragraphs(tmp_path: Path) -> None:
    data = build_docx(
        tmp_path,
        [[("Interviewer: Tell me about the clinic.", False)], [("P07: It is small.", False)]],
    )
    parsed = parse_docx(data)
    assert parsed.text == "Interviewer: Tell me about the clinic.\nP07: It is small."
    assert turns_of(parsed) == [
        ("Interviewer", "Tell me about the clinic."),
        ("P07", "It is small."),
    ]


def test_docx_bold_emphasis_is_not_a_label(tmp_path: Path) -> None:
    data = build_docx(tmp_path, [[("Important", True), (" point about access.", False)]])
    parsed = parse_transcript(data, "notes.docx")
    assert parsed.text == "Important point about access."
    assert parsed.turns == ()


def test_docx_bold_label_paragraph_above_its_utterance(tmp_path: Path) -> None:
    data = build_docx(
        tmp_path,
        [
            [("Sana Malik:", True)],
            [("The portal is slow.", False)],
            [],
            [("I:", True)],
            [("Why?", False)],
        ],
    )
    parsed = parse_docx(data)
    assert parsed.text == "Sana Malik:\nThe portal is slow.\n\nI:\nWhy?"
    assert turns_of(parsed) == [("Sana Malik", "The portal is slow."), ("I", "Why?")]


def test_docx_whole_bold_question_after_label(tmp_path: Path) -> None:
    data = build_docx(
        tmp_path, [[("Interviewer: What changed?", True)], [("R: Everything.", False)]]
    )
    parsed = parse_docx(data)
    assert turns_of(parsed) == [("Interviewer", "What changed?"), ("R", "Everything.")]


def test_docx_table_rows_and_line_breaks(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Session 2")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Interviewer"
    table.cell(0, 1).text = "How long have you lived here?"
    table.cell(1, 0).text = "Participant"
    table.cell(1, 1).text = "Ten years."
    paragraph = document.add_paragraph("first line")
    paragraph.add_run().add_break()
    paragraph.add_run("second line")
    buffer = io.BytesIO()
    document.save(buffer)
    parsed = parse_docx(buffer.getvalue())
    assert parsed.text == (
        "Session 2\nInterviewer: How long have you lived here?\nParticipant: Ten years.\n"
        "first line\nsecond line"
    )
    assert turns_of(parsed) == [
        ("Interviewer", "How long have you lived here?"),
        ("Participant", "Ten years.\nfirst line\nsecond line"),
    ]


def test_docx_without_text_contains_no_text(tmp_path: Path) -> None:
    data = build_docx(tmp_path, [[], [(" ", False)]])
    with pytest.raises(UnreadableFile, match="contains no text"):
        parse_transcript(data, "blank.docx")


def test_corrupt_docx_of_random_bytes(tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.docx"
    corrupt.write_bytes(os.urandom(2048))
    with pytest.raises(UnreadableFile) as caught:
        parse_transcript(corrupt.read_bytes(), "corrupt.docx")
    assert str(caught.value) == (
        "corrupt.docx: not a readable Word .docx file (File is not a zip file)"
    )


def test_zip_that_is_not_a_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("data.csv", "a,b\n")
    with pytest.raises(UnreadableFile, match=r"not a readable Word \.docx file \(.+\)"):
        parse_docx(buffer.getvalue())


def test_truncated_docx(tmp_path: Path) -> None:
    data = build_docx(tmp_path, [[("I: hello " * 200, False)]])
    with pytest.raises(UnreadableFile, match=r"not a readable Word \.docx file"):
        parse_transcript(data[: len(data) // 2], "interview.docx")


def test_old_doc_renamed_to_docx() -> None:
    with pytest.raises(UnreadableFile) as caught:
        parse_transcript(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "interview.docx")
    assert caught.value.reason == (
        "not a readable Word .docx file (it is an old Word .doc file; save it as .docx in Word)"
    )


# --- WebVTT -----------------------------------------------------------------------------------


def test_zoom_vtt_fixture() -> None:
    parsed = parse_fixture("zoom.vtt")
    assert parsed.source_format == "vtt"
    assert parsed.text == (
        "Amina Khan: Thank you for joining me today. Can you hear me all right?"
        "\n\nBilal Ahmed: Yes, I can hear you fine."
        "\n\nAmina Khan: Great. To start, could you tell me a little about your work at the"
        " clinic? Take as long as you like."
        "\n\nBilal Ahmed: Sure. I've been a nurse there for about eight years, mostly nights."
        "\n\nmm-hmm"
        "\n\nBilal Ahmed: The telemedicine system goes down a lot: twice a week sometimes 😀"
    )
    assert [speaker for speaker, _ in turns_of(parsed)] == [
        "Amina Khan",
        "Bilal Ahmed",
        "Amina Khan",
        "Bilal Ahmed",
        None,
        "Bilal Ahmed",
    ]
    assert times_of(parsed) == [
        (2.31, 6.12),
        (6.87, 8.04),
        (8.9, 18.6),
        (19.1, 25.48),
        (25.9, 27.01),
        (27.5, 33.75),
    ]


def test_teams_vtt_fixture_with_voice_tags_and_cue_ids() -> None:
    parsed = parse_fixture("teams.vtt")
    assert turns_of(parsed) == [
        (
            "Amina Khan",
            "Okay, I think the recording has started. Could you introduce yourself briefly?",
        ),
        ("Dr. Sana Malik", "Of course. I'm a GP in Lahore & I've used the portal since 2021."),
        ("Amina Khan", "What do your patients say about it?"),
        ("Dr. Sana Malik", URDU),
    ]
    assert times_of(parsed) == [(3.52, 11.2), (12.01, 18.33), (19.0, 21.45), (22.1, 27.9)]
    assert parsed.text.endswith(f"Dr. Sana Malik: {URDU}")


def test_youtube_rolling_captions_are_not_duplicated() -> None:
    parsed = parse_fixture("youtube.vtt")
    assert parsed.text == (
        "welcome back everyone today we're talking about clinic waiting times in rural areas"
    )
    assert parsed.turns == (ParsedTurn(0, len(parsed.text), None, 0.0, 8.87),)


def test_vtt_repeated_words_in_ordinary_cues_are_kept() -> None:
    vtt = (
        "WEBVTT\n\n00:01.000 --> 00:02.000\nI: Yes.\n\n00:02.000 --> 00:03.000\nR: Yes.\n\n"
        "00:03.000 --> 00:04.000\nR: Yes.\n"
    )
    assert turns_of(parse_text(vtt, "a.vtt")) == [("I", "Yes."), ("R", "Yes. Yes.")]


def test_vtt_single_use_name_counts_when_most_cues_are_named() -> None:
    vtt = (
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAmina Khan: Hello all.\n\n"
        "2\n00:00:02.500 --> 00:00:03.000\nGuest Speaker: Bye!\n"
    )
    assert turns_of(parse_text(vtt, "a.vtt")) == [
        ("Amina Khan", "Hello all."),
        ("Guest Speaker", "Bye!"),
    ]


def test_vtt_cue_with_two_voices_and_classes() -> None:
    vtt = (
        "WEBVTT\n\nNOTE exported from Teams\n\nSTYLE\n::cue { color: white }\n\n"
        "00:00:01.000 --> 00:00:03.000\n<v.loud Amina>Hi!</v>\n<v Bilal>Hello &lt;3</v>\n"
    )
    parsed = parse_text(vtt, "a.vtt")
    assert turns_of(parsed) == [("Amina", "Hi!"), ("Bilal", "Hello <3")]
    assert times_of(parsed) == [(1.0, 3.0), (1.0, 3.0)]


def test_vtt_without_speakers_merges_into_one_turn() -> None:
    vtt = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nso um\n\n"
        "00:00:02.000 --> 00:00:04.000\nwe began\n"
    )
    parsed = parse_text(vtt, "a.vtt")
    assert parsed.text == "so um we began"
    assert parsed.turns == (ParsedTurn(0, 14, None, 1.0, 4.0),)


def test_vtt_without_header_is_refused() -> None:
    with pytest.raises(UnreadableFile) as caught:
        parse_text("1\n00:00:01,000 --> 00:00:02,000\nhello\n", "a.vtt")
    assert caught.value.reason == "not a valid WebVTT file (the first line must be WEBVTT)"


def test_vtt_with_broken_timing_line_is_refused() -> None:
    with pytest.raises(UnreadableFile) as caught:
        parse_text(
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhi\n\n00:00:03 --> 00:00:04\nho\n", "a.vtt"
        )
    assert caught.value.reason == (
        "not a valid WebVTT file (line 6: expected a time range like 00:00:01.000 --> 00:00:04.000)"
    )


def test_vtt_without_cues_contains_no_text() -> None:
    with pytest.raises(UnreadableFile, match="contains no text"):
        parse_text("WEBVTT\nKind: captions\n\n", "a.vtt")


# --- SubRip ---------------------------------------------------------------------------------


def test_srt_fixture_speaker_forms() -> None:
    parsed = parse_fixture("interview.srt")
    assert parsed.source_format == "srt"
    assert parsed.text == (
        "Interviewer: Thanks for taking part. Shall we begin?"
        "\n\nParticipant: Yes, that's fine. I have about half an hour."
        "\n\nInterviewer: How long have you worked at the health centre?"
        "\n\n[laughs] Too long, honestly."
        "\n\nParticipant: Nearly ten years now."
    )
    assert [speaker for speaker, _ in turns_of(parsed)] == [
        "Interviewer",
        "Participant",
        "Interviewer",
        None,
        "Participant",
    ]
    assert times_of(parsed) == [(1.2, 4.8), (5.1, 9.0), (9.6, 13.4), (13.9, 15.0), (15.0, 19.25)]


def test_srt_malformed_time_range_names_the_line() -> None:
    srt = "1\n00:00:01,000 --> 00:00:02,000\nHello\n\n2\n00:00:03 --> 00:00:04\nThere\n"
    with pytest.raises(UnreadableFile) as caught:
        parse_text(srt, "a.srt")
    assert caught.value.reason == "line 6: expected a time range like 00:00:01,000 --> 00:00:04,000"


def test_srt_that_is_not_subrip_at_all() -> None:
    with pytest.raises(UnreadableFile) as caught:
        parse_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhi\n", "a.srt")
    assert caught.value.reason == (
        "line 1: expected a subtitle number or a time range like 00:00:01,000 --> 00:00:04,000"
    )


def test_srt_number_without_time_range() -> None:
    with pytest.raises(UnreadableFile, match="line 2: expected a time range"):
        parse_text("7\n\n", "a.srt")


def test_srt_blank_line_inside_a_subtitle_continues_it() -> None:
    srt = (
        "1\n00:00:01,000 --> 00:00:02,000\nI: Where were\n\nwe?\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\nR: Here.\n"
    )
    parsed = parse_text(srt, "a.srt")
    assert turns_of(parsed) == [("I", "Where were we?"), ("R", "Here.")]


def test_srt_formatting_tags_are_removed() -> None:
    srt = '1\n00:00:01,000 --> 00:00:02,500\n{\\an8}<font color="#ffff00">R:</font> <b>Yes</b>\n'
    parsed = parse_text(srt, "a.srt")
    assert parsed.text == "R: Yes"
    assert parsed.turns == (ParsedTurn(3, 6, "R", 1.0, 2.5),)


def test_srt_in_cp1252_with_urdu_free_accents() -> None:
    srt = "1\r\n00:00:01,000 --> 00:00:02,000\r\nI: Ça va? Très “bien”.\r\n"
    parsed = parse_transcript(srt.encode("cp1252"), "a.srt")
    assert turns_of(parsed) == [("I", "Ça va? Très “bien”.")]


def test_srt_with_urdu_and_emoji() -> None:
    srt = (
        f"1\n00:00:01,000 --> 00:00:02,000\n{URDU}\n\n2\n00:00:02,000 --> 00:00:03,000\nمریض: جی\n"
    )
    parsed = parse_text(srt, "a.srt")
    assert parsed.text == f"{URDU}\n\nمریض: جی"
    assert turns_of(parsed) == [("ڈاکٹر", URDU[7:]), ("مریض", "جی")]


def test_xml_bomb_in_docx_is_refused_quickly() -> None:
    """A 'billion laughs' document.xml must not expand; it is refused with the file named."""
    plain = io.BytesIO()
    docx.Document().save(plain)
    levels = ['<!ENTITY lol "lol">']
    for n in range(2, 10):
        inner = f"&lol{n - 1 if n > 2 else ''};" * 10
        levels.append(f'<!ENTITY lol{n} "{inner}">')
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE lolz [{"".join(levels)}]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    source = zipfile.ZipFile(io.BytesIO(plain.getvalue()))
    crafted = io.BytesIO()
    with zipfile.ZipFile(crafted, "w") as archive:
        for item in source.infolist():
            data = source.read(item.filename)
            archive.writestr(item, bomb.encode() if item.filename == "word/document.xml" else data)
    with pytest.raises(UnreadableFile, match=r"^bomb\.docx: not a readable Word \.docx file"):
        parse_transcript(crafted.getvalue(), "bomb.docx")
