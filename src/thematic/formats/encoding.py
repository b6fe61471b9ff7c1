"""Turn the bytes of an imported text file into clean, normalised text.

Interview transcripts reach a study from many machines: Word on Windows saves plain text as
cp1252 with CRLF line ends, Notepad saves "Unicode" as UTF-16 with a byte order mark, phones and
Macs write UTF-8, and Urdu or Arabic transcripts made on older Windows machines may be cp1256.
``decode_text`` finds out which, decodes strictly (a wrong guess must never silently turn
letters into other letters) and returns text in one canonical form:

* no byte order mark,
* every line ending (CRLF, lone CR) written as ``"\\n"``,
* Unicode NFC, so that "é" typed as one code point and "e" + combining accent compare equal and
  code-point offsets into the text mean the same thing everywhere.

Limits worth knowing: legacy code pages cannot be told apart with certainty. Short English text
with a few curly quotes is read as cp1252; Urdu or Arabic in cp1256 is recognised by
charset-normalizer when there is a line or more of it. Anything else that is ambiguous is
refused with a message asking for the encoding to be given explicitly.
"""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

from thematic.errors import UnreadableFile

__all__ = ["decode_text"]

# Byte order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Single-byte code pages for Latin-script languages (codecs' canonical names). When
# charset-normalizer guesses one of these, cp1252 is preferred if it reads the bytes at least as
# cleanly: on short English text it tends to answer cp1250, cp775 or mac-iceland, which all agree
# with cp1252 on ASCII and differ only in rare letters.
_LATIN_CODE_PAGES = frozenset(
    {
        "cp1250", "cp1252", "cp1254", "cp1257", "cp1258",
        "iso8859-1", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-9", "iso8859-10",
        "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16",
        "mac-roman", "mac-latin2", "mac-iceland", "mac-turkish",
        "cp437", "cp775", "cp850", "cp852", "cp858", "cp860", "cp861", "cp863", "cp865",
    }
)  # fmt: skip

# Up to this share of non-ASCII bytes, text is mostly ASCII and so almost surely in a Latin
# script: Cyrillic, Greek, Arabic or Urdu in a single-byte code page is mostly non-ASCII bytes.
_MOSTLY_ASCII = 0.3
_HIGH_BYTES = bytes(range(0x80, 0x100))

_ODD_CATEGORIES = frozenset({"No", "So", "Sk", "Sm", "Cc", "Co", "Cn"})

_BINARY = "looks like a binary file, not text"
_UNKNOWN = "cannot determine the text encoding; give the encoding explicitly"


def decode_text(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode ``data`` (the content of file ``name``) to NFC text with "\\n" newlines.

    With ``encoding`` given it is used strictly; otherwise the encoding is detected: a byte order
    mark, then strict UTF-8, then UTF-16/32 without a mark, then charset-normalizer's guess.
    Raises UnreadableFile when the bytes are not text or the encoding cannot be determined.
    """
    text = _decode_as(data, name, encoding) if encoding else _detect_and_decode(data, name)
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _decode_as(data: bytes, name: str, encoding: str) -> str:
    """Decode strictly with a named encoding, turning every failure into UnreadableFile."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise UnreadableFile(name, f"unknown text encoding '{encoding}'") from None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableFile(name, f"cannot be decoded as {encoding}: {exc.reason}") from None


def _detect_and_decode(data: bytes, name: str) -> str:
    """Find the encoding of ``data`` and decode it; see ``decode_text`` for the order."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_as(data[len(bom) :], name, codec)
    if b"\x00" in data:
        # Text in UTF-8 or a code page never holds NUL bytes; UTF-16/32 holds many.
        wide = _guess_wide_unicode(data)
        if wide is None:
            raise UnreadableFile(name, _BINARY)
        return data.decode(wide)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    guess = _guess_code_page(data)
    if guess is None:
        raise UnreadableFile(name, _UNKNOWN)
    return data.decode(guess)


def _guess_wide_unicode(data: bytes) -> str | None:
    """Name the UTF-16/32 variant of BOM-less ``data`` from where its NUL bytes fall, or None.

    ASCII characters (spaces, digits, punctuation, Latin letters) in UTF-16 LE are a byte then a
    NUL, so NULs pile up in the odd positions; in BE in the even ones. Urdu or Arabic in UTF-16
    has NULs only where spaces and punctuation are, still all in one parity. A candidate is kept
    only if it decodes strictly to text without control characters.
    """
    candidates: list[str] = []
    if len(data) % 4 == 0:
        # The top byte of a code point (at most U+10FFFF) is always NUL.
        if not any(data[3::4]):
            candidates.append("utf-32-le")
        if not any(data[0::4]):
            candidates.append("utf-32-be")
    if len(data) % 2 == 0:
        even, odd = data[0::2].count(0), data[1::2].count(0)
        if odd >= 4 * even and odd * 20 >= len(data) // 2:
            candidates.append("utf-16-le")
        if even >= 4 * odd and even * 20 >= len(data) // 2:
            candidates.append("utf-16-be")
    for codec in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not any(_is_control(ch) for ch in text):
            return codec
    return None


def _guess_code_page(data: bytes) -> str | None:
    """Pick a single-byte (or East Asian) code page for non-UTF-8 ``data``, or None.

    charset-normalizer's ranking is used, skipping UTF-16/32 guesses (real UTF-16 text was
    already recognised by its NUL bytes; without NULs such a guess is a misreading). cp1252 wins
    over a Latin-script guess, or over any guess for mostly-ASCII text, unless the guess reads
    the bytes more cleanly (fewer stray symbols inside words).
    """
    guess: str | None = None
    for match in from_bytes(data):
        codec = codecs.lookup(match.encoding).name
        if not codec.startswith(("utf-16", "utf-32")):
            guess = codec
            break
    as_cp1252 = _try_decode(data, "cp1252")
    if as_cp1252 is None:
        return guess
    if guess is None:
        return "cp1252" if _mostly_ascii(data) else None
    if guess in _LATIN_CODE_PAGES or _mostly_ascii(data):
        as_guess = _try_decode(data, guess)
        if as_guess is None or _oddities(as_cp1252) <= _oddities(as_guess):
            return "cp1252"
    return guess


def _try_decode(data: bytes, codec: str) -> str | None:
    """Decode strictly, or None when the bytes are not valid in ``codec``."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _mostly_ascii(data: bytes) -> bool:
    """True when few of the non-whitespace bytes are outside ASCII."""
    visible = data.translate(None, b" \t\r\n")
    high = len(visible) - len(visible.translate(None, _HIGH_BYTES))
    return high <= _MOSTLY_ASCII * max(1, len(visible))


def _oddities(text: str) -> int:
    """Count symbols and control characters standing next to a letter: signs of a misreading.

    Reading cp1250 Polish as cp1252 turns "ą" into "¹" inside words; reading cp1252 as cp1250
    turns nothing odd for English. Ordinary punctuation (quotes, dashes) is not counted.
    """
    count = 0
    for i, ch in enumerate(text):
        if ch.isascii() or unicodedata.category(ch) not in _ODD_CATEGORIES:
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if before.isalpha() or after.isalpha():
            count += 1
    return count


def _is_control(ch: str) -> bool:
    """A C0/C1 control character other than tab and line breaks."""
    return ch not in "\t\n\r\f\v" and unicodedata.category(ch) == "Cc"
