"""Text search: one query language, its renderings for SQLite FTS5 and PostgreSQL, and hits.

The language: ``telemedicine``, ``"internet connection"`` (consecutive words), ``connect*``
(a prefix of at least 2 letters), ``a AND b``, ``a OR b``, ``a NOT b`` or ``a -b``,
parentheses, and implicit AND (``internet electricity``). Operators are upper case ("and" is
a word); NOT binds tighter than AND, AND tighter than OR. Words match case-insensitively,
without stemming or removing diacritics ("café" is not "cafe", "مسئلَہ" is not "مسئلہ").
Curly quotes work as quotes; ``e-health`` or ``covid-19`` is a phrase of its parts. NOT needs
something positive beside it: the whole query and every part joined by OR must have a word to
find. ``NOT computer`` and ``doctor OR NOT nurse`` are refused, not rewritten: FTS5's NOT is
binary (``a NOT b``), and "every document without a word" scans the whole study anyway.

Words (:func:`tokenize`) are runs of letters (L*), digits (N*), private-use characters (Co),
combining marks (M*) and ZWNJ/ZWJ with at least one of the first three, so Urdu words keep
their vowel marks and joiners;
an apostrophe (' or ’) between two letters keeps "don't" and "doctor's" whole. Everything else
separates: punctuation, symbols, emoji and skin-tone modifiers, the underscore. Case is folded
per character with the simple lower-case mapping, as FTS5 does (final "Σ" becomes "σ"; "İ"
stays). Both indexes split words at apostrophes, so matching compares words piece by piece:
``doctor`` finds "doctor's", and ``don't`` is the pieces don, t in a row.

The index finds candidate documents; :func:`matches` and :func:`hits` decide, in Python.

* SQLite (``thematic.store.search.FTS5_TOKENIZE``: ``unicode61 remove_diacritics 0``, Arabic
  marks and ZWNJ/ZWJ as token characters, skin-tone modifiers as separators) reads the same
  words, but also splits at the marks of other scripts (Devanagari vowel signs); a quoted word
  in MATCH is split the same way, so it finds those words too. Its Unicode tables are old:
  characters added later (newer emoji such as 🤔, the bidi isolates U+2066..U+2069, U+061C
  ARABIC LETTER MARK) count as letters there, so "🤔doctor" is one FTS5 word and SQLite misses
  that "doctor" until the store lists those characters as separators.
* PostgreSQL (``to_tsvector('simple', ...)``): Urdu words with marks are one lexeme; ZWNJ/ZWJ
  split a word into lexemes at consecutive positions, so such a word is rendered as a phrase
  of its parts (a few extra candidates). "e-health" is indexed e-health, e, health at three
  positions, so a strict phrase running into it ("using e-health") is missed:
  :func:`relax_phrases` is for PostgreSQL candidate search. "covid-19" is covid, -19, so a
  number is rendered ``('19' | '-19')``. Decimals ("3.5"), e-mail and web addresses and file
  paths are single lexemes, so their parts are not found there; "²" and "½" are dropped.

Positions are code points over NFC text (see :mod:`thematic.core.spans`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple, TypeAlias

from thematic.core.spans import check_span, merge_spans, nfc
from thematic.errors import Invalid

__all__ = [
    "And",
    "KwicLine",
    "Not",
    "Or",
    "Phrase",
    "Query",
    "Term",
    "hits",
    "kwic",
    "matches",
    "parse_query",
    "relax_phrases",
    "to_fts5",
    "to_tsquery",
    "tokenize",
]

_JOINERS = frozenset("\u200c\u200d")
_APOSTROPHES = frozenset("'\u2019")
_APOSTROPHE_SPLIT = re.compile("['\u2019]")
_QUOTES = frozenset('"\u201c\u201d')
_BREAKS = frozenset("()") | _QUOTES
_OPERATORS = frozenset({"AND", "OR", "NOT"})
_NEWLINES = re.compile("\r\n|[\n\r\t\v\f\x85\u2028\u2029]")

_ONLY_NOT = "the query only excludes words: add a word to find, as in training NOT computer"
_NOT_IN_OR = (
    "every part joined by OR needs a word to find, not only NOT: "
    "write e.g. doctor OR (nurse NOT trainee)"
)
_NOT_NOT = "NOT of a NOT: remove one of them, as in training NOT computer"


# -- the query tree ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Term:
    """One word (lower-cased NFC), or every word starting with it when ``prefix``."""

    word: str
    prefix: bool = False

    def __post_init__(self) -> None:
        if not self.word:
            raise Invalid("a search term needs a word")


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words that must follow each other, with only spaces or punctuation between them."""

    words: tuple[str, ...]

    def __post_init__(self) -> None:
        if not self.words or not all(self.words):
            raise Invalid("a phrase needs words")


@dataclass(frozen=True, slots=True)
class And:
    """Every item is found in the document."""

    items: tuple[Query, ...]


@dataclass(frozen=True, slots=True)
class Or:
    """At least one item is found in the document."""

    items: tuple[Query, ...]


@dataclass(frozen=True, slots=True)
class Not:
    """The item is not found in the document (only inside an AND beside something to find)."""

    item: Query


Query: TypeAlias = Term | Phrase | And | Or | Not


class KwicLine(NamedTuple):
    """One hit in context: ``text[start:end]`` is ``match``; newlines shown as spaces."""

    start: int
    end: int
    left: str
    match: str
    right: str


# -- words -------------------------------------------------------------------------------------
@functools.cache
def _is_word_char(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category[0] in "LNM" or category == "Co" or ch in _JOINERS


@functools.cache
def _is_base(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category[0] in "LN" or category == "Co"


@functools.cache
def _is_letter(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "L"


@functools.cache
def _lower(ch: str) -> str:
    """The simple (one-character) lower case, as FTS5 and PostgreSQL fold case."""
    if ch in _APOSTROPHES:
        return "'"
    lower = ch.lower()
    return lower if len(lower) == 1 else ch


def _fold(word: str) -> str:
    return nfc("".join(map(_lower, word)))


def _joins(text: str, index: int) -> bool:
    """An apostrophe between two letters keeps a word whole (don't, doctor's)."""
    return (
        text[index] in _APOSTROPHES
        and 0 < index < len(text) - 1
        and _is_letter(text[index - 1])
        and _is_letter(text[index + 1])
    )


def _word_bounds(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every word of an NFC text, in order."""
    bounds: list[tuple[int, int]] = []
    start = -1
    for index, ch in enumerate(text):
        if _is_word_char(ch):
            if start < 0:
                start = index
        elif start >= 0 and not _joins(text, index):
            bounds.append((start, index))
            start = -1
    if start >= 0:
        bounds.append((start, len(text)))
    # marks and joiners alone are no word: they attach to letters or digits
    return [(start, end) for start, end in bounds if any(map(_is_base, text[start:end]))]


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """The words of ``text``: ``(start, end, word)`` with the word lower-cased and NFC.

    Positions are code points of ``nfc(text)`` (texts are stored NFC, so they are positions in
    the text). ’ in a word becomes ' so "don’t" and "don't" are one word. See the module
    docstring for what counts as a word and how that agrees with the search indexes.
    """
    text = nfc(text)
    return [(start, end, _fold(text[start:end])) for start, end in _word_bounds(text)]


def _pieces(text: str) -> list[tuple[int, int, str]]:
    """The words of ``text`` split at apostrophes, as both search indexes hold them."""
    text = nfc(text)
    pieces: list[tuple[int, int, str]] = []
    for start, end in _word_bounds(text):
        piece_start = start
        for index in range(start, end + 1):
            if index == end or text[index] in _APOSTROPHES:
                if index > piece_start:
                    pieces.append((piece_start, index, _fold(text[piece_start:index])))
                piece_start = index + 1
    return pieces


def _split(word: str) -> tuple[str, ...]:
    return tuple(part for part in _APOSTROPHE_SPLIT.split(_fold(word)) if part)


def _letters(word: str) -> int:
    return sum(1 for ch in word if unicodedata.category(ch)[0] in "LN")


# -- parsing -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "(", ")", "AND", "OR", "NOT" or "leaf"
    text: str
    leaf: Query | None = None


def _chunk_leaf(chunk: str) -> Query | None:
    """A word, prefix or hyphenated word typed outside quotes (None if it has no letters)."""
    prefix = chunk.endswith("*")
    body = chunk[:-1] if prefix else chunk
    if "*" in body:
        raise Invalid(f"* can only end a word, as in connect*: {chunk}")
    words = [word for _, _, word in tokenize(body)]
    if prefix:
        if not words:
            raise Invalid("a bare * finds nothing: put at least 2 letters before it, as in co*")
        if len(words) > 1:
            raise Invalid(f"* can only end a single word, as in connect*: {chunk}")
        if _letters(words[0]) < 2:
            raise Invalid(f"the prefix {chunk} is too short: use at least 2 letters, as in co*")
        return Term(words[0], prefix=True)
    if not words:
        return None
    return Term(words[0]) if len(words) == 1 else Phrase(tuple(words))


def _lex_phrase(text: str, index: int, tokens: list[_Token]) -> int:
    end = next((j for j in range(index + 1, len(text)) if text[j] in _QUOTES), -1)
    if end < 0:
        raise Invalid('a quotation mark is never closed: add a closing "')
    words = tuple(word for _, _, word in tokenize(text[index + 1 : end]))
    if not words:
        raise Invalid(f"the phrase {text[index : end + 1]} has no words to search for")
    leaf = Term(words[0]) if len(words) == 1 else Phrase(words)
    tokens.append(_Token("leaf", text[index : end + 1], leaf))
    return end + 1


def _lex_chunk(text: str, index: int, tokens: list[_Token]) -> int:
    end = index
    while end < len(text) and not text[end].isspace() and text[end] not in _BREAKS:
        end += 1
    chunk = text[index:end]
    if chunk in _OPERATORS:
        tokens.append(_Token(chunk, chunk))
    elif (leaf := _chunk_leaf(chunk)) is not None:
        tokens.append(_Token("leaf", chunk, leaf))
    return end


def _lex(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    index = 0
    while index < len(text):
        ch = text[index]
        if ch.isspace():
            index += 1
        elif ch in "()":
            tokens.append(_Token(ch, ch))
            index += 1
        elif ch in _QUOTES:
            index = _lex_phrase(text, index, tokens)
        elif ch == "-" and index + 1 < len(text) and not text[index + 1].isspace():
            tokens.append(_Token("NOT", "-"))
            index += 1
        else:
            index = _lex_chunk(text, index, tokens)
    return tokens


def _join(kind: type[And] | type[Or], items: list[Query]) -> Query:
    """``kind`` of the items, flattening nested ones of the same kind; one item is itself."""
    flat: list[Query] = []
    for item in items:
        if isinstance(item, And | Or) and type(item) is kind:
            flat.extend(item.items)
        else:
            flat.append(item)
    return flat[0] if len(flat) == 1 else kind(tuple(flat))


class _Parser:
    """Recursive descent: or := and (OR and)*; and := unary ([AND] unary)*; unary := NOT unary
    | primary; primary := leaf | ( or )."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.position = 0

    def peek(self) -> str | None:
        return self.tokens[self.position].kind if self.position < len(self.tokens) else None

    def take(self) -> _Token:
        self.position += 1
        return self.tokens[self.position - 1]

    def parse(self) -> Query:
        query = self.or_expression()
        if self.position < len(self.tokens):
            raise Invalid("unbalanced parentheses: a ) has no matching (")
        return query

    def or_expression(self) -> Query:
        items = [self.and_expression()]
        while self.peek() == "OR":
            items.append(self.and_expression(after=self.take().text))
        return _join(Or, items)

    def and_expression(self, after: str | None = None) -> Query:
        items = [self.unary(after)]
        while (kind := self.peek()) in ("AND", "NOT", "leaf", "("):
            items.append(self.unary(self.take().text if kind == "AND" else None))
        return _join(And, items)

    def unary(self, after: str | None) -> Query:
        if self.peek() != "NOT":
            return self.primary(after)
        operator = self.take().text
        if self.peek() == "NOT":
            raise Invalid(f"{operator} {self.tokens[self.position].text}: exclude a word once")
        return Not(self.unary(operator))

    def primary(self, after: str | None) -> Query:
        if self.position >= len(self.tokens):
            if after is None:  # only after "(": an operator always passes itself as ``after``
                raise Invalid("unbalanced parentheses: a ( is never closed")
            raise Invalid(f"dangling operator: {after} needs something to search for after it")
        token = self.take()
        if token.leaf is not None:
            return token.leaf
        if token.kind == "(":
            if self.peek() == ")":
                raise Invalid("empty parentheses: put something to search for inside ( )")
            query = self.or_expression()
            if self.peek() != ")":
                raise Invalid("unbalanced parentheses: a ( is never closed")
            self.take()
            return query
        if after is not None:
            raise Invalid(f"dangling operator: {after} needs something to search for after it")
        if token.kind == ")":
            raise Invalid("unbalanced parentheses: a ) has no matching (")
        raise Invalid(f"dangling operator: {token.text} needs something to search for before it")


def _check_negations(query: Query, problem: str = _ONLY_NOT) -> None:
    """Refuse a NOT with nothing positive beside it (see the module docstring).

    ``problem`` is the message for a NOT found where ``query`` stands.
    """
    if isinstance(query, Not):
        raise Invalid(problem)
    if isinstance(query, And):
        if all(isinstance(item, Not) for item in query.items):
            raise Invalid(problem)
        for item in query.items:
            if isinstance(item, Not):
                _check_negations(item.item, _NOT_NOT)
            else:
                _check_negations(item, problem)
    elif isinstance(query, Or):
        for item in query.items:
            _check_negations(item, _NOT_IN_OR)


def parse_query(text: str) -> Query:
    """Parse what the user typed into a query tree; :class:`Invalid` says what is wrong."""
    text = nfc(text)
    if not text.strip():
        raise Invalid("the query is empty: type a word to search for")
    tokens = _lex(text)
    if not tokens:
        raise Invalid("the query has no words to search for")
    query = _Parser(tokens).parse()
    _check_negations(query)
    return query


def relax_phrases(query: Query) -> Query:
    """The query with every phrase outside NOT turned into AND of its words.

    For candidate search on PostgreSQL, whose positions around hyphenated words break
    ``<->`` (module docstring): it finds a superset; Python then checks the phrases. Phrases
    under NOT stay phrases: excluding fewer documents keeps the result a superset.
    """
    if isinstance(query, Phrase):
        return And(tuple(Term(word) for word in query.words))
    if isinstance(query, And | Or):
        return _join(type(query), [relax_phrases(item) for item in query.items])
    return query


# -- rendering ---------------------------------------------------------------------------------
def _fts5_string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _fts5(query: Query) -> str:
    if isinstance(query, Term):
        return _fts5_string(query.word) + ("*" if query.prefix else "")
    if isinstance(query, Phrase):
        return _fts5_string(" ".join(query.words))
    if isinstance(query, Or):
        return " OR ".join(_fts5_group(item) for item in query.items)
    if isinstance(query, Not):
        raise Invalid(_ONLY_NOT)
    positives = [item for item in query.items if not isinstance(item, Not)]
    negatives = [item.item for item in query.items if isinstance(item, Not)]
    found = " AND ".join(_fts5_group(item) for item in positives)
    if not negatives:
        return found
    left = found if len(positives) == 1 else f"({found})"
    return f"{left} NOT {_fts5_group(_join(Or, negatives))}"


def _fts5_group(query: Query) -> str:
    return f"({_fts5(query)})" if isinstance(query, And | Or) else _fts5(query)


def to_fts5(query: Query) -> str:
    """The query as an FTS5 MATCH string for ``documents_fts MATCH ?``.

    Every word is an FTS5 string ("...") so AND, NEAR or a column name typed as a word is
    only a word; a prefix is ``"conn"*``; a phrase is ``"a b"``. FTS5's NOT is binary, so
    ``a b -c -d`` becomes ``("a" AND "b") NOT ("c" OR "d")``.
    """
    _check_negations(query)
    return _fts5(query)


def _ts_lexeme(piece: str, prefix: bool) -> str:
    """A quoted tsquery lexeme; a number also as PostgreSQL's signed form (covid-19 -> -19)."""
    star = ":*" if prefix else ""
    quoted = "'" + piece.replace("\\", "\\\\").replace("'", "''") + "'" + star
    if piece.isascii() and piece.isdigit():
        return f"({quoted} | '-{piece}'{star})"
    return quoted


def _ts_word(word: str, prefix: bool = False) -> str:
    """A word as PostgreSQL's parser indexes it: split at apostrophes and ZWNJ/ZWJ."""
    parts = [part for part in re.split("['\u2019\u200c\u200d]", _fold(word)) if part]
    if not parts:  # a hand-built Term of only joiners or apostrophes
        parts = [word]
    rendered = [_ts_lexeme(part, False) for part in parts[:-1]]
    rendered.append(_ts_lexeme(parts[-1], prefix))
    return " <-> ".join(rendered)


def _tsquery(query: Query) -> str:
    if isinstance(query, Term):
        return _ts_word(query.word, query.prefix)
    if isinstance(query, Phrase):
        return " <-> ".join(_ts_word(word) for word in query.words)
    if isinstance(query, Not):
        rendered = _tsquery(query.item)
        single = isinstance(query.item, Term) and " <-> " not in rendered
        return "!" + (rendered if single else f"({rendered})")
    joiner = " & " if isinstance(query, And) else " | "
    return joiner.join(_ts_group(item) for item in query.items)


def _ts_group(query: Query) -> str:
    return f"({_tsquery(query)})" if isinstance(query, And | Or) else _tsquery(query)


def to_tsquery(query: Query) -> str:
    """The query for PostgreSQL ``to_tsquery('simple', %s)``.

    Words are quoted lexemes ('word', quotes and backslashes escaped), a prefix is
    ``'conn':*``, a phrase ``'a' <-> 'b'``, with ``&``, ``|``, ``!`` and parentheses. Pass it
    as a parameter, never into the SQL text.
    """
    _check_negations(query)
    return _tsquery(query)


# -- matching in Python ------------------------------------------------------------------------
def _char_ranges(categories: str) -> str:
    """A regex character class body for every code point whose category starts with one of
    ``categories`` (computed once, from the running Python's Unicode tables)."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x110000):
        if unicodedata.category(chr(code))[0] in categories:
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )


@functools.cache
def _word_class() -> str:
    """Word characters as a regex class: letters and digits (``[^\\W_]``), marks, private
    use and the joiners; the same set as _is_word_char."""
    extra = _char_ranges("M") + "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"
    return f"(?:[^\\W_]|[{extra}\u200c\u200d])"


@functools.cache
def _leaf_pattern(pieces: tuple[str, ...], prefix: bool) -> re.Pattern[str]:
    """A regex matching, at a given position, consecutive word pieces (split at apostrophes,
    as the indexes hold them) with non-word characters between them; the last piece may be
    a prefix. The caller checks that no word character comes before."""
    word = _word_class()
    not_word = f"(?:(?!{word}).)+"
    body = not_word.join(re.escape(piece) for piece in pieces)
    tail = f"{word}*" if prefix else f"(?!{word})"
    return re.compile(f"{body}{tail}", re.IGNORECASE | re.DOTALL)


@functools.cache
def _search_pattern(pieces: tuple[str, ...], prefix: bool) -> re.Pattern[str]:
    """The same over a whole text, overlapping occurrences included (slower: used only when
    lower-casing changes a text's length)."""
    marks = _char_ranges("M")
    before = f"(?<![^\\W_])(?<![{marks}\ue000-\uf8ff\u200c\u200d])"
    inner = _leaf_pattern(pieces, prefix).pattern
    return re.compile(f"{before}(?=({inner}))", re.IGNORECASE | re.DOTALL)


@functools.cache
def _piece_pattern() -> re.Pattern[str]:
    word = _word_class()
    return re.compile(f"{word}*[^\\W_]{word}*")


_LETTERS_AND_DIGITS = re.compile(r"[^\W_]+")
_TYPOGRAPHY = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026"


def index_words(text: str) -> list[str]:
    """The words of a text as the search indexes hold them: lower-cased, split at
    apostrophes ("doctor's" gives "doctor" and "s"), in order. Quick, for counting words in
    many documents: a text of Latin-1 characters (once curly quotes and dashes are set
    aside) has no combining marks, joiners or private-use characters, so plain
    letter-and-digit runs are its words."""
    lowered = nfc(text).lower()
    for mark in _TYPOGRAPHY:  # not word characters, and common in English transcripts
        lowered = lowered.replace(mark, " ")
    try:
        lowered.encode("latin-1")  # fails fast on any character from U+0100 up
    except UnicodeEncodeError:
        return _piece_pattern().findall(lowered)
    return _LETTERS_AND_DIGITS.findall(lowered)


class _Text:
    """A document's text and its lower-cased copy, for finding words quickly."""

    def __init__(self, text: str) -> None:
        self.text = text
        lowered = text.lower()
        # Lower-casing only ever lengthens (İ -> i + dot); same length: same positions.
        self.lowered = lowered if len(lowered) == len(text) else None


def _occurrences(leaf: Term | Phrase, text: _Text) -> list[tuple[int, int]]:
    """Every occurrence, overlapping ones included ("ha ha" twice in "ha ha ha").

    The first piece is found with str.find on the lower-cased text (fast); the regex then
    checks the rest at each place found.
    """
    if isinstance(leaf, Term):
        wanted, prefix = _split(leaf.word), leaf.prefix
    else:
        wanted, prefix = tuple(part for word in leaf.words for part in _split(word)), False
    if not wanted:
        return []
    if text.lowered is None:
        return [m.span(1) for m in _search_pattern(wanted, prefix).finditer(text.text)]
    pattern, body, first = _leaf_pattern(wanted, prefix), text.text, wanted[0]
    found = []
    position = text.lowered.find(first)
    while position >= 0:
        if position == 0 or not _is_word_char(body[position - 1]):
            match = pattern.match(body, position)
            if match:
                found.append(match.span())
        position = text.lowered.find(first, position + 1)
    return found


def _evaluate(query: Query, text: _Text) -> tuple[bool, list[tuple[int, int]]]:
    """Whether the query holds, and the hits of the positive words that make it hold."""
    if isinstance(query, Term | Phrase):
        spans = _occurrences(query, text)
        return bool(spans), spans
    if isinstance(query, Not):
        return not _evaluate(query.item, text)[0], []
    results = [_evaluate(item, text) for item in query.items]
    if isinstance(query, And):
        if all(found for found, _ in results):
            return True, [span for _, spans in results for span in spans]
        return False, []
    kept = [span for found, spans in results if found for span in spans]
    return any(found for found, _ in results), kept


def matches(query: Query, text: str) -> bool:
    """Whether the document ``text`` satisfies the query (a phrase is consecutive words)."""
    return _evaluate(query, _Text(nfc(text)))[0]


def hits(query: Query, text: str) -> list[tuple[int, int]]:
    """The spans of the positive words and phrases that make ``text`` match, merged.

    Sorted and non-overlapping; empty when the text does not match. Words under NOT, and
    words of an OR branch or AND group that does not hold, are not hits.
    """
    found, spans = _evaluate(query, _Text(nfc(text)))
    return merge_spans(spans) if found else []


# -- keyword in context ------------------------------------------------------------------------
def _in_word(ch: str) -> bool:
    return _is_word_char(ch) or ch in _APOSTROPHES


def _flat(text: str) -> str:
    return _NEWLINES.sub(" ", text)


def _left(text: str, start: int, width: int) -> str:
    cut = max(0, start - width)
    if cut > 0 and _in_word(text[cut - 1]) and _in_word(text[cut]):
        while cut < start and _in_word(text[cut]):
            cut += 1
    body = _flat(text[cut:start]).lstrip()
    return "…" + body if cut > 0 else body


def _right(text: str, end: int, width: int) -> str:
    cut = min(len(text), end + width)
    if cut < len(text) and _in_word(text[cut - 1]) and _in_word(text[cut]):
        while cut > end and _in_word(text[cut - 1]):
            cut -= 1
    body = _flat(text[end:cut]).rstrip()
    return body + "…" if cut < len(text) else body


def kwic(text: str, spans: list[tuple[int, int]], width: int = 60) -> list[KwicLine]:
    """Keyword in context: each span with about ``width`` code points either side.

    Context is cut at word boundaries (a word cut in half is left out) and "…" marks a cut;
    newlines and tabs are shown as spaces. Spans are code points of the NFC text.
    """
    if width < 0:
        raise Invalid(f"the context width must be 0 or more, not {width}")
    text = nfc(text)
    lines = []
    for start, end in spans:
        problem = check_span(start, end, len(text))
        if problem:
            raise Invalid(problem)
        match = _flat(text[start:end])
        lines.append(
            KwicLine(start, end, _left(text, start, width), match, _right(text, end, width))
        )
    return lines
