"""The search query language: parsing, the FTS5 and tsquery renderings, and Python matching."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thematic.core.search import (
    And,
    KwicLine,
    Not,
    Or,
    Phrase,
    Term,
    hits,
    kwic,
    matches,
    parse_query,
    relax_phrases,
    to_fts5,
    to_tsquery,
    tokenize,
)
from thematic.errors import Invalid

A, B, C, D = Term("a"), Term("b"), Term("c"), Term("d")


# -- parsing -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "tree"),
    [
        ("Telemedicine", Term("telemedicine")),
        ('"internet connection"', Phrase(("internet", "connection"))),
        ("“Internet Connection”", Phrase(("internet", "connection"))),
        ('"telemedicine"', Term("telemedicine")),
        ("connect*", Term("connect", prefix=True)),
        ("a AND b", And((A, B))),
        ("a b", And((A, B))),
        ("a OR b", Or((A, B))),
        ("a NOT b", And((A, Not(B)))),
        ("a -b", And((A, Not(B)))),
        ("a OR b c", Or((A, And((B, C))))),
        ("a b OR c", Or((And((A, B)), C))),
        ("a NOT b OR c", Or((And((A, Not(B))), C))),
        ("a AND b AND c", And((A, B, C))),
        ("(a OR b) c", And((Or((A, B)), C))),
        ("a (b OR (c OR d))", And((A, Or((B, C, D))))),
        ("a NOT (b OR c)", And((A, Not(Or((B, C)))))),
        ("a -(b c)", And((A, Not(And((B, C)))))),
        ("salt and pepper", And((Term("salt"), Term("and"), Term("pepper")))),
        ("doctor - nurse", And((Term("doctor"), Term("nurse")))),
        ("don't", Term("don't")),
        ("Don’t", Term("don't")),
        ("e-health", Phrase(("e", "health"))),
        ("covid-19", Phrase(("covid", "19"))),
        ("cafe\u0301", Term("café")),
        ("انٹرنیٹ", Term("انٹرنیٹ")),
        ("انٹر*", Term("انٹر", prefix=True)),
        ('"انٹرنیٹ کا مسئلہ"', Phrase(("انٹرنیٹ", "کا", "مسئلہ"))),
    ],
)
def test_parse(query: str, tree: object) -> None:
    assert parse_query(query) == tree


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "the query is empty"),
        ("   ", "the query is empty"),
        ("😀 !!", "no words to search for"),
        ("(doctor", "unbalanced parentheses: a ( is never closed"),
        ("doctor)", "unbalanced parentheses: a ) has no matching ("),
        (")", "unbalanced parentheses: a ) has no matching ("),
        ("((a) b", "unbalanced parentheses: a ( is never closed"),
        ("doctor AND", "dangling operator: AND needs something to search for after it"),
        ("AND doctor", "dangling operator: AND needs something to search for before it"),
        ("doctor OR OR nurse", "dangling operator: OR needs something to search for after it"),
        ("(doctor OR) nurse", "dangling operator: OR needs something to search for after it"),
        ("doctor NOT", "dangling operator: NOT needs something to search for after it"),
        ("NOT doctor", "the query only excludes words"),
        ("-doctor -nurse", "the query only excludes words"),
        ("doctor OR NOT nurse", "every part joined by OR needs a word to find"),
        ("doctor OR (-nurse -trainee)", "every part joined by OR needs a word to find"),
        ("a NOT NOT b", "NOT NOT: exclude a word once"),
        ("a NOT (NOT b)", "NOT of a NOT"),
        ("c*", "the prefix c* is too short"),
        ("*", "a bare * finds nothing"),
        ("a (*)", "a bare * finds nothing"),
        ("co*nn", "* can only end a word"),
        ("e-he*", "* can only end a single word"),
        ("()", "empty parentheses"),
        ('"internet connection', "a quotation mark is never closed"),
        ('a ""', 'the phrase "" has no words'),
    ],
)
def test_parse_errors(query: str, message: str) -> None:
    with pytest.raises(Invalid, match=re.escape(message)) as error:
        parse_query(query)
    assert "\n" not in str(error.value)


# -- rendering ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "fts5", "tsquery"),
    [
        ("telemedicine", '"telemedicine"', "'telemedicine'"),
        ('"internet connection"', '"internet connection"', "'internet' <-> 'connection'"),
        ("connect*", '"connect"*', "'connect':*"),
        ("internet AND electricity", '"internet" AND "electricity"', "'internet' & 'electricity'"),
        ("internet electricity", '"internet" AND "electricity"', "'internet' & 'electricity'"),
        ("doctor OR nurse", '"doctor" OR "nurse"', "'doctor' | 'nurse'"),
        ("training NOT computer", '"training" NOT "computer"', "'training' & !'computer'"),
        ("-computer training", '"training" NOT "computer"', "!'computer' & 'training'"),
        (
            '(doctor OR nurse) AND "patient trust"',
            '("doctor" OR "nurse") AND "patient trust"',
            "('doctor' | 'nurse') & 'patient' <-> 'trust'",
        ),
        (
            "a b -c -d",
            '("a" AND "b") NOT ("c" OR "d")',
            "'a' & 'b' & !'c' & !'d'",
        ),
        (
            "doctor OR (nurse NOT trainee)",
            '"doctor" OR ("nurse" NOT "trainee")',
            "'doctor' | ('nurse' & !'trainee')",
        ),
        ('a NOT "b c"', '"a" NOT "b c"', "'a' & !('b' <-> 'c')"),
        ("a NOT (b c)", '"a" NOT ("b" AND "c")', "'a' & !('b' & 'c')"),
        # operators and FTS5 keywords typed in lower case, or quoted, are words
        ('near "AND" or', '"near" AND "and" AND "or"', "'near' & 'and' & 'or'"),
        # apostrophes: one word here, two lexemes in both indexes
        ("doctor's", '"doctor\'s"', "'doctor' <-> 's'"),
        ("don't*", '"don\'t"*', "'don' <-> 't':*"),
        # a number is also PostgreSQL's signed integer (covid-19 is indexed covid, -19)
        ("covid-19", '"covid 19"', "'covid' <-> ('19' | '-19')"),
        ("-19 covid", '"covid" NOT "19"', "!('19' | '-19') & 'covid'"),
        ("انٹرنیٹ", '"انٹرنیٹ"', "'انٹرنیٹ'"),
        ('"انٹرنیٹ کا مسئلَہ"', '"انٹرنیٹ کا مسئلَہ"', "'انٹرنیٹ' <-> 'کا' <-> 'مسئلَہ'"),
        # PostgreSQL's parser splits at ZWNJ: the parts follow each other
        ("ٹیلی\u200cمیڈیسن*", '"ٹیلی\u200cمیڈیسن"*', "'ٹیلی' <-> 'میڈیسن':*"),
    ],
)
def test_renderings(query: str, fts5: str, tsquery: str) -> None:
    parsed = parse_query(query)
    assert to_fts5(parsed) == fts5
    assert to_tsquery(parsed) == tsquery


def test_quotes_and_backslashes_are_escaped() -> None:
    assert to_fts5(Term('say "hi"')) == '"say ""hi"""'
    assert to_tsquery(Term("back\\slash")) == "'back\\\\slash'"
    assert to_tsquery(Term("'")) == "''''"


def test_hand_built_queries_with_nothing_positive_are_refused() -> None:
    for query in (Not(A), Or((A, Not(B))), And((Not(A), Not(B)))):
        with pytest.raises(Invalid):
            to_fts5(query)
        with pytest.raises(Invalid):
            to_tsquery(query)


def test_relax_phrases_keeps_phrases_under_not() -> None:
    parsed = parse_query('"using e-health" OR (app NOT "video call")')
    assert relax_phrases(parsed) == Or(
        (
            And((Term("using"), Term("e"), Term("health"))),
            And((Term("app"), Not(Phrase(("video", "call"))))),
        )
    )
    assert to_tsquery(relax_phrases(parsed)) == (
        "('using' & 'e' & 'health') | ('app' & !('video' <-> 'call'))"
    )


# -- words -------------------------------------------------------------------------------------
def test_tokenize_english() -> None:
    text = "Don’t ask: the doctor's Wi-Fi_2 was 'off' ΣΟΦΟΣ."
    assert tokenize(text) == [
        (0, 5, "don't"),
        (6, 9, "ask"),
        (11, 14, "the"),
        (15, 23, "doctor's"),
        (24, 26, "wi"),
        (27, 29, "fi"),
        (30, 31, "2"),
        (32, 35, "was"),
        (37, 40, "off"),
        (42, 47, "σοφοσ"),
    ]


def test_tokenize_urdu_keeps_marks_and_joiners_inside_words() -> None:
    text = "انٹرنیٹ کا مسئلَہ، ٹیلی\u200cمیڈیسن۔"
    assert tokenize(text) == [
        (0, 7, "انٹرنیٹ"),
        (8, 10, "کا"),
        (11, 17, "مسئلَہ"),
        (19, 30, "ٹیلی\u200cمیڈیسن"),
    ]


def test_tokenize_splits_at_emoji_and_skin_tone_modifiers() -> None:
    assert tokenize("😀doctor👍🏽ok") == [(1, 7, "doctor"), (9, 11, "ok")]


def test_tokenize_positions_are_over_nfc_text() -> None:
    assert tokenize("cafe\u0301 ok") == [(0, 4, "café"), (5, 7, "ok")]


# -- matching ----------------------------------------------------------------------------------
ENGLISH = (
    "The doctor's advice: I don't trust the Internet,\n"
    "connection drops. A nurse and a doctor disconnected the connecting cable."
)


def _texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[start:end] for start, end in spans]


@pytest.mark.parametrize(
    ("query", "found", "hit_texts"),
    [
        ("doctor", True, ["doctor", "doctor"]),
        ("DOCTOR's", True, ["doctor's"]),
        ("don’t", True, ["don't"]),
        ('"internet connection"', True, ["Internet,\nconnection"]),
        ("connect*", True, ["connection", "connecting"]),
        ("disconnect*", True, ["disconnected"]),
        ("nurse OR midwife", True, ["nurse"]),
        ("(midwife cable) OR nurse", True, ["nurse"]),
        ("nurse midwife", False, []),
        ("nurse NOT doctor", False, []),
        ("nurse NOT midwife", True, ["nurse"]),
        ("trust -(midwife OR surgeon)", True, ["trust"]),
        ('"the doctor"', True, ["The doctor"]),  # "doctor's" is the pieces doctor, s
        ('"a doctor"', True, ["a doctor"]),
        ('"nurse and a doctor" doctor', True, ["doctor", "nurse and a doctor"]),
    ],
)
def test_english_matches_and_hits(query: str, found: bool, hit_texts: list[str]) -> None:
    parsed = parse_query(query)
    assert matches(parsed, ENGLISH) is found
    assert _texts(ENGLISH, hits(parsed, ENGLISH)) == hit_texts


URDU = "ہمارے گاؤں میں انٹرنیٹ کا مسئلَہ ہے، اور ٹیلی\u200cمیڈیسن مشکل ہے۔"


@pytest.mark.parametrize(
    ("query", "hit_texts"),
    [
        ("انٹرنیٹ", ["انٹرنیٹ"]),
        ('"انٹرنیٹ کا مسئلَہ"', ["انٹرنیٹ کا مسئلَہ"]),
        ("مسئلَہ", ["مسئلَہ"]),
        ("مسئلہ", []),  # without the zabar: diacritics are not removed
        ("انٹر*", ["انٹرنیٹ"]),
        ("ٹیلی\u200cمیڈیسن", ["ٹیلی\u200cمیڈیسن"]),
        ("ٹیلی", []),  # the joiner keeps the word whole
        ("مشکل NOT انٹرنیٹ", []),
        ("مشکل -بجلی", ["مشکل"]),
        ("ہے", ["ہے", "ہے"]),
    ],
)
def test_urdu_hits(query: str, hit_texts: list[str]) -> None:
    parsed = parse_query(query)
    assert _texts(URDU, hits(parsed, URDU)) == hit_texts
    assert matches(parsed, URDU) is bool(hit_texts)


def test_hits_beside_emoji_are_code_point_spans() -> None:
    text = "ok 😀doctor👍🏽, doctor😀"
    assert hits(parse_query("doctor"), text) == [(4, 10), (14, 20)]


def test_hits_merge_overlapping_phrases() -> None:
    text = "ha ha ha, no"
    assert hits(parse_query('"ha ha" OR no'), text) == [(0, 8), (10, 12)]


def test_phrases_cross_punctuation_and_lines_but_not_words() -> None:
    query = parse_query('"internet connection"')
    assert matches(query, "internet — connection")
    assert matches(query, "no internet.\n\nConnection")
    assert not matches(query, "internet slow connection")


# -- keyword in context ------------------------------------------------------------------------
def test_kwic_cuts_at_word_boundaries() -> None:
    text = "We talked about the internet connection in the village\nand the clinic's laptop."
    spans = hits(parse_query('"internet connection"'), text)
    assert kwic(text, spans, width=12) == [
        KwicLine(20, 39, "…about the ", "internet connection", " in the…"),
    ]
    assert kwic(text, spans, width=200) == [
        KwicLine(
            20,
            39,
            "We talked about the ",
            "internet connection",
            " in the village and the clinic's laptop.",
        ),
    ]


def test_kwic_zero_width_and_text_edges() -> None:
    text = "doctor, then nurse"
    assert kwic(text, [(0, 6), (13, 18)], width=0) == [
        KwicLine(0, 6, "", "doctor", "…"),
        KwicLine(13, 18, "…", "nurse", ""),
    ]


def test_kwic_urdu() -> None:
    spans = hits(parse_query("مسئلَہ"), URDU)
    assert kwic(URDU, spans, width=10) == [
        KwicLine(26, 32, "…کا ", "مسئلَہ", " ہے، اور…"),
    ]


def test_kwic_refuses_bad_spans_and_widths() -> None:
    with pytest.raises(Invalid, match="after the text ends"):
        kwic("short", [(0, 9)])
    with pytest.raises(Invalid, match="width"):
        kwic("short", [(0, 2)], width=-1)


# -- properties --------------------------------------------------------------------------------
ALPHABET = st.sampled_from(
    list("abcdeAB é'’-,.\n  \t") + list("انٹرکامسئلہ") + ["\u064e", "\u200c", "😀", "🏽", "1", "9"]
)
TEXTS = st.text(ALPHABET, max_size=60)


@given(TEXTS)
def test_tokens_are_ordered_folded_slices_of_the_text(text: str) -> None:
    previous_end = 0
    for start, end, word in tokenize(text):
        assert previous_end <= start < end
        previous_end = end
        assert word == "".join(ch.lower() for ch in text[start:end]).replace("’", "'")
        assert not any(ch.isspace() for ch in word)


@given(TEXTS, st.data())
def test_every_hit_is_the_query_word(text: str, data: st.DataObject) -> None:
    words = [word for _, _, word in tokenize(text) if "'" not in word]
    if not words:
        return
    word = data.draw(st.sampled_from(words))
    found = hits(Term(word), text)
    assert found and matches(Term(word), text)
    assert all(tokenize(text[start:end]) == [(0, end - start, word)] for start, end in found)
    prefix = word[:2]
    if len(prefix) == 2:
        for start, end in hits(Term(prefix, prefix=True), text):
            assert tokenize(text[start:end])[0][2].startswith(prefix)


@given(TEXTS, st.sampled_from(["a", "ab OR انٹر*", '"ab c"', "ab NOT c", "(a OR b) -c"]))
def test_hits_are_sorted_disjoint_and_only_when_matching(text: str, query: str) -> None:
    parsed = parse_query(query)
    found = hits(parsed, text)
    assert bool(found) == matches(parsed, text)
    assert all(a[1] < b[0] for a, b in pairwise(found))


def test_hits_where_lower_casing_changes_the_length() -> None:
    """ "İ" lower-cases to two code points, so the quick path is not used; same hits."""
    text = "İstanbul: the internet, the Internet and ha ha ha"
    assert text.lower() != text and len(text.lower()) != len(text)
    spans = hits(parse_query('internet OR "ha ha"'), text)
    assert [text[a:b] for a, b in spans] == ["internet", "Internet", "ha ha ha"]


def test_index_words_splits_as_the_indexes_do() -> None:
    from thematic.core.search import index_words

    assert index_words("The doctor's ICU_ward, 24/7!") == [
        "the",
        "doctor",
        "s",
        "icu",
        "ward",
        "24",
        "7",
    ]
    urdu = "مشکَل ہے، ڈاکٹر\u200cصاحب 👍🏽 ok"
    assert index_words(urdu) == ["مشکَل", "ہے", "ڈاکٹر\u200cصاحب", "ok"]
    # Both paths agree with the piece tokenizer used for matching.
    from thematic.core.search import _pieces

    assert index_words("It’s “fine” – really…") == ["it", "s", "fine", "really"]
    for text in ("Plain English, don't stop.", "It’s “fine” – naïve café", urdu):
        assert index_words(text) == [word for _, _, word in _pieces(text)]
