"""Importing documents into a study: formats, participants, translations, all-or-nothing."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

import thematic

DATA = Path(__file__).parents[1] / "data" / "transcripts"


def test_import_every_fixture_in_one_batch(new_study: thematic.Study) -> None:
    files = sorted(p for p in DATA.iterdir() if p.suffix in (".txt", ".vtt", ".srt", ".md"))
    docs = new_study.import_files(files, encoding=None)
    assert len(docs) == len(files)
    for doc in docs:
        assert thematic.core.spans.is_nfc(doc.text)
        for turn in doc.turns:
            assert 0 <= turn.start < turn.end <= len(doc.text)
            assert doc.text[turn.start : turn.end] == doc.text[turn.start : turn.end].strip()
    teams = next(d for d in docs if d.source_name == "teams.vtt")
    assert teams.source_format == "vtt" and teams.turns[0].time_start is not None


def test_urdu_utf16_round_trips_exactly(new_study: thematic.Study) -> None:
    path = DATA / "urdu_utf16.txt"
    doc = new_study.import_file(path, language="ur")
    expected = path.read_bytes().decode("utf-16").replace("\r\n", "\n").lstrip("\ufeff")
    assert doc.text == thematic.core.spans.nfc(expected)
    assert new_study.document(doc.id).text == doc.text
    assert doc.language == "ur"


def test_docx_with_bold_speakers(new_study: thematic.Study, tmp_path: Path) -> None:
    document = docx.Document()
    for speaker, words in [
        ("Interviewer", "How is the video app?"),
        ("P07", "It freezes, ڈاکٹر صاحب 😀."),
    ]:
        paragraph = document.add_paragraph()
        paragraph.add_run(speaker + ":").bold = True
        paragraph.add_run(" " + words)
    path = tmp_path / "P07_interview.docx"
    document.save(path)
    new_study.add_participant("P07")
    doc = new_study.import_file(path, participant="auto")
    assert doc.participant == "P07" and doc.title == "P07_interview"
    assert [t.speaker for t in doc.turns] == ["Interviewer", "P07"]
    last = doc.turns[-1]
    assert doc.text[last.start : last.end] == "It freezes, ڈاکٹر صاحب 😀."


def test_a_bad_file_stops_the_whole_batch(new_study: thematic.Study, tmp_path: Path) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(thematic.UnreadableFile, match=r"broken.docx: not a readable Word"):
        new_study.import_files([DATA / "zoom.vtt", bad])
    assert new_study.documents() == []


def test_several_bad_files_are_all_named(new_study: thematic.Study, tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(thematic.Invalid, match=r"2 files cannot be imported") as caught:
        new_study.import_files([tmp_path / "a.pdf", tmp_path / "empty.txt", DATA / "zoom.vtt"])
    assert "a.pdf: unsupported file type" in str(caught.value)
    assert "empty.txt: contains no text" in str(caught.value)
    assert new_study.documents() == []


def test_missing_file_and_unknown_participant(new_study: thematic.Study, tmp_path: Path) -> None:
    with pytest.raises(thematic.UnreadableFile, match=r"nope\.txt"):
        new_study.import_file(tmp_path / "nope.txt")
    with pytest.raises(thematic.NotFound, match="no participant 'P99'"):
        new_study.import_file(DATA / "zoom.vtt", participant="P99")
    with pytest.raises(thematic.NotFound, match="no participant label found"):
        new_study.import_file(DATA / "zoom.vtt", participant="auto")
    assert new_study.documents() == []


def test_auto_link_prefers_the_longest_label(new_study: thematic.Study, tmp_path: Path) -> None:
    new_study.add_participant("P1")
    new_study.add_participant("P12")
    path = tmp_path / "interview-P12-final.txt"
    path.write_text("I: hello\nR: hi\n")
    assert new_study.import_file(path, participant="auto").participant == "P12"


def test_translation_link_kinds_and_titles(new_study: thematic.Study) -> None:
    original = new_study.add_document("P05 (Urdu)", "انٹرویور: آپ کیسے ہیں؟", language="ur")
    english = new_study.add_document(
        "P05 (English)", "Interviewer: How are you?", language="en", translation_of=original.id
    )
    assert english.translation_of == original.id
    note = new_study.add_document("P05 field notes", "Quiet room.", kind="field-note")
    assert note.kind == "field_note"
    assert [d.title for d in new_study.documents(kind="field_note")] == ["P05 field notes"]
    with pytest.raises(thematic.Conflict, match="already exists"):
        new_study.add_document("P05 (English)", "again")
    with pytest.raises(thematic.Invalid, match="kind must be one of"):
        new_study.add_document("x", "text", kind="audio")
    with pytest.raises(thematic.Invalid, match="translation of itself"):
        new_study.update_document(original.id, translation_of=original.id)


def test_text_is_nfc_and_newlines_are_normalised(new_study: thematic.Study) -> None:
    doc = new_study.add_document("d", "Cafe\u0301\r\nline two\rthree")
    assert doc.text == "Caf\u00e9\nline two\nthree"


def test_update_and_delete_document(new_study: thematic.Study) -> None:
    new_study.add_participant("P01")
    new_study.add_code("A")
    new_study.add_coder("bilal")
    doc = new_study.add_document("d", "some words to code")
    new_study.code(doc.id, 0, 4, "A", "bilal")
    updated = new_study.update_document(doc.id, participant="P01", language="EN", title="d2")
    assert (updated.participant, updated.language, updated.title) == ("P01", "en", "d2")
    assert new_study.update_document("d2", participant="").participant is None
    new_study.delete_document("d2")
    assert new_study.documents() == [] and new_study.codings() == []


def test_translation_link_can_be_removed(new_study: thematic.Study) -> None:
    original = new_study.add_document("P01 ur", "Interviewer: سلام", language="ur")
    english = new_study.add_document("P01 en", "Interviewer: Hello", translation_of=original.id)
    assert english.translation_of == original.id
    assert new_study.update_document(english.id, translation_of="").translation_of is None


def test_overlong_titles_and_languages_are_refused(new_study: thematic.Study) -> None:
    with pytest.raises(thematic.Invalid, match="at most 300"):
        new_study.add_document("x" * 301, "Some text")
    with pytest.raises(thematic.Invalid, match="too long"):
        new_study.add_document("Note", "Some text", language="english-as-spoken-in-lahore")
    assert new_study.documents() == []
