"""decode_text: byte order marks, detection, explicit encodings, normalisation, refusals."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from thematic.errors import UnreadableFile
from thematic.formats.encoding import decode_text

DATA = Path(__file__).parent.parent / "data" / "transcripts"

URDU = "ڈاکٹر: ٹیلی میڈیسن کا نظام اکثر بند ہو جاتا ہے 😀\nمریض: جی ہاں، یہ درست ہے۔\n"
CP1252_TEXT = "Interviewer: It’s “fine”, says the café owner – really.\n"


# --- Unicode with and without byte order marks ---------------------------------------------


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-32"])
def test_urdu_round_trips_in_unicode_encodings_with_or_without_bom(codec: str) -> None:
    assert decode_text(URDU.encode(codec), "urdu.txt") == URDU


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
    ],
)
def test_each_byte_order_mark_selects_its_encoding_and_is_removed(bom: bytes, codec: str) -> None:
    assert decode_text(bom + "Résumé 😀\n".encode(codec), "f.txt") == "Résumé 😀\n"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_urdu_utf16_without_bom_is_recognised_by_its_nul_bytes(codec: str) -> None:
    assert decode_text(URDU.encode(codec), "urdu.txt") == URDU


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_english_wide_unicode_without_bom_is_recognised(codec: str) -> None:
    assert decode_text("Interviewer: Hello there.\n".encode(codec), "f.txt") == (
        "Interviewer: Hello there.\n"
    )


def test_utf16_fixture_as_notepad_saves_it() -> None:
    raw = (DATA / "urdu_utf16.txt").read_bytes()
    assert raw.startswith(codecs.BOM_UTF16_LE)
    text = decode_text(raw, "urdu_utf16.txt")
    assert text.splitlines()[1] == "ڈاکٹر: ٹیلی میڈیسن کا نظام اکثر بند ہو جاتا ہے 😀"
    assert "\r" not in text


def test_explicit_utf8_drops_the_bom_too() -> None:
    assert decode_text(b"\xef\xbb\xbfhello", "f.txt", encoding="utf-8") == "hello"


# --- Normalisation ----------------------------------------------------------------------------


def test_crlf_and_lone_cr_become_newlines() -> None:
    assert decode_text(b"one\r\ntwo\rthree\nfour", "f.txt") == "one\ntwo\nthree\nfour"


def test_text_is_nfc_normalised() -> None:
    decomposed = "Jose\u0301 and Zoe\u0308"
    assert decode_text(decomposed.encode("utf-8"), "f.txt") == "Jos\u00e9 and Zo\u00eb"


def test_empty_bytes_give_empty_text() -> None:
    assert decode_text(b"", "empty.txt") == ""


# --- Legacy code pages ------------------------------------------------------------------------


def test_short_cp1252_english_with_curly_quotes_is_read_as_cp1252() -> None:
    assert decode_text(CP1252_TEXT.encode("cp1252"), "f.txt") == CP1252_TEXT


def test_very_short_cp1252_word_is_read_as_cp1252() -> None:
    assert decode_text("café".encode("cp1252"), "f.txt") == "café"


def test_cp1252_fixture_with_crlf() -> None:
    text = decode_text((DATA / "cp1252_crlf.txt").read_bytes(), "cp1252_crlf.txt")
    assert text.splitlines()[1] == (
        "Participant: I’m the café manager at the “Blue Door” on Market Street."
    )
    assert text.endswith("It’s been hectic… but I love it.\n")
    assert "\r" not in text


def test_german_cp1252_keeps_its_umlauts() -> None:
    assert (
        decode_text("Größe, Übung, schön.\n".encode("cp1252"), "f.txt") == "Größe, Übung, schön.\n"
    )


def test_cyrillic_cp1251_is_not_forced_into_cp1252() -> None:
    text = "Интервьюер: Как вы себя чувствуете сегодня? Хорошо, спасибо.\n"
    assert decode_text(text.encode("cp1251"), "f.txt") == text


def test_urdu_in_windows_arabic_cp1256_is_detected() -> None:
    # cp1256 has no Farsi yeh (ی) or Urdu full stop (۔): files from that era use ي and ".".
    text = decode_text((DATA / "urdu_cp1256.txt").read_bytes(), "urdu_cp1256.txt")
    assert text.splitlines()[1] == "ڈاکٹر: ٹيلي ميڈيسن کا نظام اکثر بند ہو جاتا ہے"


def test_urdu_cp1256_with_explicit_encoding() -> None:
    raw = "ڈاکٹر: ٹيلي".encode("cp1256")  # too short for detection: explicit encoding needed
    assert decode_text(raw, "f.txt", encoding="cp1256") == "ڈاکٹر: ٹيلي"


def test_explicit_encoding_overrides_detection() -> None:
    assert decode_text("café".encode(), "f.txt", encoding="latin-1") == "cafÃ©"


# --- Refusals -------------------------------------------------------------------------------


def test_explicit_encoding_that_does_not_fit_is_refused() -> None:
    with pytest.raises(UnreadableFile) as caught:
        decode_text(CP1252_TEXT.encode("cp1252"), "notes.txt", encoding="utf-8")
    assert caught.value.path == "notes.txt"
    assert caught.value.reason == "cannot be decoded as utf-8: invalid start byte"
    assert str(caught.value) == "notes.txt: cannot be decoded as utf-8: invalid start byte"


def test_unknown_encoding_name_is_refused() -> None:
    with pytest.raises(UnreadableFile, match="unknown text encoding 'klingon'"):
        decode_text(b"hello", "f.txt", encoding="klingon")


@pytest.mark.parametrize(
    "raw",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",
        bytes(range(256)),
        b"text with one \x00 in it",
    ],
)
def test_content_with_nul_bytes_that_is_not_utf16_is_binary(raw: bytes) -> None:
    with pytest.raises(UnreadableFile) as caught:
        decode_text(raw, "photo.txt")
    assert caught.value.reason == "looks like a binary file, not text"


def test_undecodable_bytes_ask_for_the_encoding() -> None:
    with pytest.raises(UnreadableFile) as caught:
        decode_text(bytes(range(128, 256)) * 3, "mystery.txt")
    assert caught.value.reason == (
        "cannot determine the text encoding; give the encoding explicitly"
    )
