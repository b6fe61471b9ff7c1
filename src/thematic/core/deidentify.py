"""De-identification: find identifiers in a transcript, give them pseudonyms, replace them.

Positions are code points over NFC text (see :mod:`thematic.core.spans`); :func:`detect`
refuses text that is not NFC, because its offsets would not be thematic's offsets.

Three kinds of detector, each returning :class:`Finding` objects:

* patterns (``source="pattern"``): compiled regular expressions for phone numbers (Pakistani
  mobiles and landlines, international ``+`` numbers), CNICs, e-mail addresses, URLs, exact
  dates, dates after a birth keyword, and medical record numbers. They are written to leave
  alone times ("10:30"), percentages, bare years ("in 2019"), ages and money ("Rs. 5,000"):
  a phone needs a leading ``0``/``+``/``0092``; a date needs a day and a month.
* lists (``source="list"``): the study's own terms (:func:`find_terms`), names after a
  honorific ("Dr. Ayesha Khan", "Sister Rubina", "Aslam Sahib", "ڈاکٹر عائشہ"), institutions
  (capitalised words ending in Hospital, University, ... or a facility code such as DHQ) and,
  optionally, the built-in Pakistani cities and districts in Latin and Urdu script.
* a model (``source="model"``): any callable ``text -> list[Finding]``, such as a wrapper around
  a named-entity model the user installed. thematic depends on none.

:func:`detect` runs them and keeps one finding per stretch of text (:func:`merge_findings`).
:class:`Pseudonymizer` gives each identifier a label that stays the same across a study, and
:func:`apply` replaces spans and returns a :class:`Remap` to move codings onto the new text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from thematic.core.spans import check_span, is_nfc, nfc
from thematic.errors import Invalid

__all__ = [
    "DEFAULT_SCHEME",
    "KINDS",
    "PLACES",
    "SOURCES",
    "Finding",
    "Kind",
    "Model",
    "Pseudonymizer",
    "Remap",
    "Source",
    "apply",
    "detect",
    "detectors_used",
    "find_institutions",
    "find_patterns",
    "find_people",
    "find_terms",
    "merge_findings",
    "replace_terms",
]

Kind = Literal[
    "person",
    "place",
    "institution",
    "phone",
    "national_id",
    "email",
    "url",
    "date",
    "record_number",
    "custom",
]
Source = Literal["pattern", "list", "model"]
KINDS: tuple[str, ...] = get_args(Kind)
SOURCES: tuple[str, ...] = get_args(Source)


@dataclass(frozen=True)
class Finding:
    """One identifier found in a text: ``text == document[start:end]``."""

    start: int
    end: int
    kind: str
    text: str
    source: str
    confidence: float

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise Invalid(f"unknown identifier kind {self.kind!r}; use one of {', '.join(KINDS)}")
        if self.source not in SOURCES:
            raise Invalid(f"unknown finding source {self.source!r}")
        if not 0.0 <= self.confidence <= 1.0:
            raise Invalid(f"confidence {self.confidence} is not between 0 and 1")
        if self.end - self.start != len(self.text) or self.start < 0:
            raise Invalid(f"finding {self.start}-{self.end} does not fit its text {self.text!r}")


Model = Callable[[str], list[Finding]]

# ---------------------------------------------------------------------------------------------
# Patterns

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_DD = r"(?:0?[1-9]|[12]\d|3[01])"
# Numeric dates need both separators alike; day and month may come in either order (UK or
# US), so both parts are 1..31.
_NUMERIC_DATE = (
    rf"(?:{_DD}(?P<sep>[/.-]){_DD}(?P=sep)(?:{_YEAR}|\d{{2}})"
    rf"|{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))"
)
_DAY_MONTH = rf"{_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?"
_MONTH_DAY = rf"{_MONTH}\s+{_DAY}(?![\d:])(?:,?\s+{_YEAR})?"
_BIRTH = r"(?i:\b(?:born\s+on|born\s+in|d\.?o\.?b\.?|date\s+of\s+birth)\s*(?:the\s+)?[:-]?\s*)"


@dataclass(frozen=True)
class _Pattern:
    """One compiled detector; the span is group ``id`` when the regex has one, else the match."""

    kind: str
    regex: re.Pattern[str]
    confidence: float
    min_digits: int = 0
    max_digits: int = 99


_PATTERNS: tuple[_Pattern, ...] = (
    # Pakistani mobiles: +92 3xx xxxxxxx, +92-3xx-xxxxxxx, 0092 3xx..., 03xx-xxxxxxx, 03xx...
    _Pattern(
        "phone",
        re.compile(r"(?<![\w+])(?:(?:\+|00)92[\s-]?|0)3\d{2}[\s-]?\d{3}[\s-]?\d{4}(?!\d)"),
        0.98,
    ),
    # Pakistani landlines: 042-35761234, (042) 3576 1234, +92 42 35761234. The area code does
    # not start with 0 or 3, so dates (01-03-1985) and mobiles do not match.
    _Pattern(
        "phone",
        re.compile(
            r"(?<![\w+(])(?:(?:\+|00)92[\s-]?|\(0|0)[1-24-9]\d{1,2}\)?(?:[\s-]?\d{3,4}){2,3}"
            r"(?![\d-])"
        ),
        0.95,
        min_digits=9,
        max_digits=12,
    ),
    # International numbers written with a plus (E.164: at most 15 digits).
    _Pattern(
        "phone",
        re.compile(r"(?<![\w+])\+(?!92)[1-9]\d{0,2}(?:[\s.-]?\(?\d{1,4}\)?){2,5}(?!\d)"),
        0.9,
        min_digits=8,
        max_digits=15,
    ),
    _Pattern("national_id", re.compile(r"(?<![\d-])\d{5}-\d{7}-\d(?![\d-])"), 0.99),
    _Pattern(
        "national_id",
        re.compile(
            r"(?i:\b(?:CNIC|NIC|ID\s+card|ID)\s*(?:no\.?|number|#)?\s*(?:is\s+)?[:#]?\s*)"
            r"(?P<id>\d{13})(?!\d)"
        ),
        0.95,
    ),
    _Pattern("email", re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}"), 0.99),
    _Pattern(
        "url", re.compile(r"\b(?:https?://|www\.)[^\s<>\"'()\[\]]+[^\s<>\"'()\[\].,;:!?]"), 0.98
    ),
    _Pattern("date", re.compile(rf"(?<![\d/.-]){_NUMERIC_DATE}(?![\d/-]|\.\d)"), 0.9),
    _Pattern("date", re.compile(rf"(?<![\d.,]){_DAY_MONTH}\b"), 0.9),
    _Pattern("date", re.compile(rf"\b{_MONTH_DAY}\b"), 0.85),
    # After a birth keyword a month and year is enough ("born in March 1985").
    _Pattern(
        "date",
        re.compile(
            rf"{_BIRTH}(?P<id>{_NUMERIC_DATE}|{_DAY_MONTH}|{_MONTH_DAY}|{_MONTH}\s+{_YEAR})\b"
        ),
        0.95,
    ),
    # MRN 123456, MR# 00123, record number 4567, patient ID AB-1234.
    _Pattern(
        "record_number",
        re.compile(
            r"(?i:\b(?:MRN|MR\s*#|MR\s*No\.?|(?:medical\s+)?record\s+(?:number|no\.?|#)"
            r"|patient\s+(?:ID|number|no\.?|#)|(?:hospital|file|registration)\s+(?:number|no\.?))"
            r"\s*(?:is\s+)?[:#]?\s*)"
            r"(?P<id>[A-Z]{0,4}-?\d{3,10}(?:-\d{1,6})?)(?![\w-])"
        ),
        0.95,
    ),
)


def find_patterns(text: str) -> list[Finding]:
    """Findings of every pattern detector, unmerged, in pattern order."""
    found: list[Finding] = []
    for pattern in _PATTERNS:
        for match in pattern.regex.finditer(text):
            group = "id" if "id" in pattern.regex.groupindex else 0
            start, end = match.span(group)
            digits = sum(ch.isdigit() for ch in text[start:end])
            if pattern.min_digits <= digits <= pattern.max_digits:
                found.append(
                    Finding(
                        start, end, pattern.kind, text[start:end], "pattern", pattern.confidence
                    )
                )
    return found


# ---------------------------------------------------------------------------------------------
# Lists: the study's terms, honorifics, institutions, places

# A word character for boundaries: letters and digits (\w) plus combining marks (Latin and
# Arabic harakat) and ZWNJ/ZWJ, so an Urdu term never matches inside a longer Urdu word.
_WORD = (
    r"[\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8"
    r"\u06ea-\u06ed\u200c\u200d]"
)
_URDU_WORD = r"[\u0620-\u064a\u064b-\u065f\u066e-\u06d3\u06d5\u0670\u06fa-\u06ff\u200c]+"


def _term_regex(terms: Iterable[str]) -> re.Pattern[str]:
    """One alternation, longest term first, whole words, case-insensitive."""
    ordered = sorted({nfc(t.strip()) for t in terms if t.strip()}, key=lambda t: (-len(t), t))
    parts = [r"[\s\u200c]+".join(re.escape(word) for word in t.split()) for t in ordered]
    return re.compile(rf"(?<!{_WORD})(?:{'|'.join(parts)})(?!{_WORD})", re.IGNORECASE)


def replace_terms(text: str, replacements: Mapping[str, str]) -> str:
    """``text`` with every whole-word, case-insensitive occurrence of a key of
    ``replacements`` (an original) replaced by its value (a pseudonym); for short texts such as
    speaker labels, which have no codings to move."""
    if not replacements or not text:
        return text
    folded = {nfc(k.strip()).casefold(): v for k, v in replacements.items() if k.strip()}
    regex = _term_regex(replacements)

    def label(match: re.Match[str]) -> str:
        return folded.get(" ".join(match.group().split()).casefold(), match.group())

    return regex.sub(label, text)


def find_terms(text: str, terms: Mapping[str, str], *, confidence: float = 1.0) -> list[Finding]:
    """Whole-word, case-insensitive matches of ``terms`` (term -> kind) in ``text``.

    The longest term wins where terms overlap ("Ayesha Khan" before "Ayesha"). A space in a
    term matches any run of spaces or a ZWNJ, so "اسلام آباد" also finds "اسلام‌آباد". Word
    boundaries work for Arabic script: a term is not found inside a longer Urdu word.
    """
    if not terms:
        return []
    kinds: dict[str, str] = {}
    for term, kind in terms.items():
        if kind not in KINDS:
            raise Invalid(f"term {term!r} has unknown kind {kind!r}; use one of {', '.join(KINDS)}")
        kinds[_fold(term)] = kind
    regex = _term_regex(terms)
    return [
        Finding(m.start(), m.end(), kinds[_fold(m.group())], m.group(), "list", confidence)
        for m in regex.finditer(text)
        if _fold(m.group()) in kinds
    ]


def _fold(value: str) -> str:
    """Case-folded, NFC, with whitespace and ZWNJ runs as one space: the identity of a term."""
    return " ".join(re.split(r"[\s\u200c]+", nfc(value).casefold())).strip()


PLACES_LATIN = (
    "Karachi", "Lahore", "Islamabad", "Rawalpindi", "Peshawar", "Quetta", "Multan",
    "Faisalabad", "Hyderabad", "Sukkur", "Bahawalpur", "Sialkot", "Gujranwala", "Tharparkar",
    "Mirpur Khas", "Mirpurkhas", "Swat", "Gilgit", "Muzaffarabad", "Abbottabad", "Mardan",
    "Sargodha", "Sheikhupura", "Kasur", "Okara", "Sahiwal", "Jhang", "Rahim Yar Khan",
    "Dera Ghazi Khan", "Dera Ismail Khan", "Larkana", "Nawabshah", "Gwadar", "Turbat",
    "Khuzdar", "Mingora", "Skardu", "Chitral", "Kohat", "Bannu", "Thatta", "Jacobabad",
    "Gujrat", "Jhelum", "Attock", "Chakwal", "Mithi", "Hunza",
)  # fmt: skip
PLACES_URDU = (
    "کراچی", "لاہور", "اسلام آباد", "راولپنڈی", "پشاور", "کوئٹہ", "ملتان", "فیصل آباد",
    "حیدرآباد", "سکھر", "بہاولپور", "سیالکوٹ", "گوجرانوالہ", "تھرپارکر", "میرپور خاص", "سوات",
    "گلگت", "مظفرآباد", "ایبٹ آباد", "مردان", "سرگودھا", "شیخوپورہ", "قصور", "لاڑکانہ",
    "گوادر", "مٹھی",
)  # fmt: skip
PLACES: Mapping[str, str] = {nfc(p): "place" for p in PLACES_LATIN + PLACES_URDU}

# Abbreviations may take a dot ("Dr. Ayesha", "Dr.Ayesha"); whole words may not, so
# "thank you, doctor. Let us begin" is no name.
_ABBREVIATIONS = ("Dr", "Mr", "Mrs", "Ms", "Prof", "Ch")
_TITLES = (
    "Doctor", "Miss", "Sister", "Nurse", "Professor", "Mian", "Chaudhry", "Begum", "Bibi",
    "Madam", "Sir",
)  # fmt: skip
_HONORIFICS_BEFORE = _ABBREVIATIONS + _TITLES
_HONORIFICS_AFTER = ("Sahib", "Sahiba", "Sahab", "Begum", "Bibi")
_URDU_BEFORE = ("ڈاکٹر", "سسٹر", "نرس", "پروفیسر", "میڈم", "چوہدری", "میاں")
# A second word after an Urdu honorific is taken only from these common family names: the next
# word is more often a verb ("ڈاکٹر عائشہ کہتی ہیں"); the study's terms find other full names.
_URDU_SURNAMES = (
    "خان", "احمد", "علی", "حسین", "شاہ", "قریشی", "صدیقی", "آفریدی", "ملک", "بٹ", "چوہدری",
    "اعوان", "راجپوت", "بلوچ", "میمن", "شیخ", "مرزا", "یوسفزئی",
)  # fmt: skip
_URDU_AFTER = ("صاحب", "صاحبہ", "بیگم", "بی بی")
# Postpositions and small words that follow a name in Urdu and are never part of it.
_URDU_STOP_WORDS = """
    نے کو کی کا کے سے میں پر نہیں ہے ہیں ہوں ہو تھا تھی تھے تھیں اور بھی تو کہ جو یہ وہ ہی
    صاحب صاحبہ رہی رہا رہے کر کرتی کرتا کرتے بن بنی تھیں"""
_URDU_STOP = frozenset(_URDU_STOP_WORDS.split())
# Roles that take صاحب/صاحبہ as a title, not a name: "ہیڈ نرس صاحبہ" is "the head nurse".
_URDU_ROLE_WORDS = """
    نرس ڈاکٹر ہیڈ انچارج مینیجر منیجر پرنسپل سپرنٹنڈنٹ افسر آفیسر استاد ماسٹر جج وزیر سیکرٹری
    ڈائریکٹر کلرک سر میڈم باجی"""
_URDU_ROLES = frozenset(_URDU_ROLE_WORDS.split())
# Capitalised small words that start sentences or questions: never part of a name, so an
# institution's name starts after the last of them ("I Am Not Sure About The Hospital").
_FUNCTION_WORDS = """
    The A An And But So Then When While If Yes No Our My His Her Their Your This That These
    Those At In On Of For From To With By After Before Also Only Even Because I We They He She
    It Am Is Are Was Were Not Who What Why Where How Which"""
_FUNCTION = frozenset(_FUNCTION_WORDS.split())
# Capitalised words that start sentences or name roles, never names or parts of a place name.
# "Ji"/"Jee" is the respectful "yes" ("Ji Sahib" is "yes, sir").
_STOP_WORDS = """
    Interviewer Participant Respondent Q R P Yesterday Today Tomorrow Last Next Every
    Sahib Sahiba Sahab Station Incharge In-charge Ward Hospital Clinic Sir Madam Doctor Nurse
    Staff Monday Tuesday Wednesday Thursday Friday Saturday Sunday Please Okay OK Thank Thanks
    Ji Jee"""
_STOP = _FUNCTION | frozenset(_STOP_WORDS.split())
# Honorifics that are no name before "Sahib"/"Sahiba": "Begum Sahiba" is "madam".
_NOT_BEFORE_SAHIB = frozenset(("Begum", "Bibi", "Sister", "Miss", "Professor", "Mr", "Mrs"))
_NAME = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
# Honorifics may come in a row: "Prof. Dr. Ahmed Khan".
_PERSON_BEFORE = re.compile(
    rf"(?<![\w.])(?i:(?:(?:{'|'.join(_ABBREVIATIONS)})\.\s*|(?:{'|'.join(_HONORIFICS_BEFORE)})\s+)+)"
    rf"(?P<name>{_NAME}(?:\s+{_NAME}){{0,2}})"
)
_PERSON_AFTER = re.compile(rf"\b(?:{_NAME}\s+)?{_NAME}\s+(?:{'|'.join(_HONORIFICS_AFTER)})\b")
_URDU_PERSON_BEFORE = re.compile(
    rf"(?<!{_WORD})(?:{'|'.join(_URDU_BEFORE)})\s+{_URDU_WORD}"
    rf"(?:\s+(?:{'|'.join(_URDU_SURNAMES)})(?!{_WORD}))?"
)
_URDU_PERSON_AFTER = re.compile(
    rf"(?<!{_WORD}){_URDU_WORD}\s+(?:{'|'.join(_URDU_AFTER)})(?!{_WORD})"
)
# Single-word places only: "Khan" of Rahim Yar Khan is a name.
_PLACE_WORDS = frozenset(p for p in PLACES_LATIN if " " not in p)
_MONTH_WORDS = frozenset(re.findall(r"[A-Z][a-z]+", _MONTH))


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]


def _trim(
    text: str, span: tuple[int, int], lead: frozenset[str], tail: frozenset[str]
) -> tuple[int, int] | None:
    """Drop leading words in ``lead`` and trailing words in ``tail``; None if nothing is left."""
    words = _words(text, *span)
    while words and text[slice(*words[0])] in lead:
        words.pop(0)
    while words and text[slice(*words[-1])] in tail:
        words.pop()
    return (words[0][0], words[-1][1]) if words else None


def find_people(text: str) -> list[Finding]:
    """Names after (or before) a honorific: "Dr. Ayesha Khan", "Aslam Sahib", "ڈاکٹر عائشہ"."""
    found: list[Finding] = []
    not_names = _STOP | _PLACE_WORDS | _MONTH_WORDS
    for match in _PERSON_BEFORE.finditer(text):
        first = _words(text, *match.span("name"))[0]
        if text[slice(*first)] in not_names:
            continue
        span = _trim(text, match.span(), frozenset(), not_names)
        if span and span[1] > first[0]:
            found.append(Finding(*span, "person", text[slice(*span)], "list", 0.85))
    for match in _PERSON_AFTER.finditer(text):
        span = _trim(text, match.span(), not_names | _NOT_BEFORE_SAHIB, frozenset())
        if span and len(_words(text, *span)) > 1:
            found.append(Finding(*span, "person", text[slice(*span)], "list", 0.8))
    for match in _URDU_PERSON_BEFORE.finditer(text):
        span = _trim(text, match.span(), frozenset(), _URDU_STOP)
        if span and len(_words(text, *span)) > 1:
            found.append(Finding(*span, "person", text[slice(*span)], "list", 0.8))
    for match in _URDU_PERSON_AFTER.finditer(text):
        if text[slice(*_words(text, *match.span())[0])] not in _URDU_STOP | _URDU_ROLES:
            found.append(Finding(*match.span(), "person", match.group(), "list", 0.75))
    return found


_CAP = r"[A-Z][A-Za-z]*"
_INSTITUTION_HEAD = (
    r"(?:Hospital|Clinic|University|College|Medical\s+(?:Centre|Center|Complex)|Institute|"
    r"Trust|Dispensary)"
)
_FACILITY = r"(?:BHU|RHC|THQ|DHQ)"
_INSTITUTIONS = (
    re.compile(
        rf"\b(?:{_CAP}\s+(?:(?:of|&)\s+)?){{1,5}}{_INSTITUTION_HEAD}\b"
        rf"(?:\s+(?:of|for)(?:\s+{_CAP}){{1,4}})?"
    ),
    re.compile(rf"\b(?:University|Institute|College)\s+of(?:\s+(?:and\s+)?{_CAP}){{1,4}}"),
    re.compile(rf"\b{_FACILITY}(?:\s+Hospital)?(?:\s+{_CAP}){{1,2}}"),
    re.compile(rf"\b(?:{_CAP}\s+){{1,2}}{_FACILITY}\b(?:\s+Hospital)?"),
)
# Words that make a facility generic rather than named: "the District Hospital" is not an
# identifier, "Jinnah Hospital" is.
_GENERIC_WORDS = """
    General Government Govt Private Public District Teaching Civil Medical Hospital Clinic
    University College Institute Trust Dispensary Centre Center Complex Rural Health Basic
    Tehsil Headquarters Women Children Local Nearby Big Small New Old of and & for BHU RHC
    THQ DHQ"""
_GENERIC = frozenset(_GENERIC_WORDS.split())


def _after_function_words(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Start after the last function word before the first generic word (the head)."""
    words = _words(text, *span)
    texts = [text[slice(*w)] for w in words]
    head = next((i for i, w in enumerate(texts) if w in _GENERIC), len(texts))
    cut = max((i for i in range(head) if texts[i] in _FUNCTION), default=-1)
    return (words[cut + 1][0], span[1])


def find_institutions(text: str) -> list[Finding]:
    """Named institutions: "Jinnah Hospital", "Aga Khan University", "DHQ Sheikhupura"."""
    found: list[Finding] = []
    tail = _STOP - {"Hospital", "Clinic"} | {"of", "and", "for", "&"}
    for regex in _INSTITUTIONS:
        for match in regex.finditer(text):
            span = _trim(text, match.span(), _STOP, tail - {"Hospital"})
            if span is None:
                continue
            span = _after_function_words(text, span)
            named = [w for w in text[slice(*span)].split() if w not in _GENERIC]
            if named:
                found.append(Finding(*span, "institution", text[slice(*span)], "list", 0.8))
    return found


# ---------------------------------------------------------------------------------------------
# Detection


def merge_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Keep one finding per stretch of text, sorted by position.

    Where findings overlap the longer wins; at equal length a pattern beats a list, a list
    beats a model, then the higher confidence wins.
    """
    rank = {"pattern": 0, "list": 1, "model": 2}
    ordered = sorted(
        findings, key=lambda f: (f.start - f.end, rank[f.source], -f.confidence, f.start)
    )
    kept: list[Finding] = []
    for finding in ordered:
        if all(finding.end <= k.start or k.end <= finding.start for k in kept):
            kept.append(finding)
    return sorted(kept, key=lambda f: (f.start, f.end))


def detectors_used(
    *, terms: Mapping[str, str] | None = None, places: bool = True, model: Model | None = None
) -> tuple[str, ...]:
    """Names of the detectors :func:`detect` runs with these options, for the audit record."""
    used = ["patterns", "honorifics", "institutions"]
    if places:
        used.append("places")
    if terms:
        used.append(f"study terms ({len(terms)})")
    if model is not None:
        used.append(f"model: {getattr(model, '__name__', type(model).__name__)}")
    return tuple(used)


def detect(
    text: str,
    *,
    terms: Mapping[str, str] | None = None,
    places: bool = True,
    model: Model | None = None,
) -> list[Finding]:
    """All identifiers in ``text`` (NFC), merged (see :func:`merge_findings`) and sorted.

    ``terms`` is the study's own list (term -> kind); ``places=False`` leaves the built-in
    cities alone when the study keeps the city as a non-identifying attribute (a city in
    ``terms`` is still found); ``model`` is an optional named-entity callable whose findings
    must fit ``text``.
    """
    if not is_nfc(text):
        raise Invalid("the text is not NFC-normalised; normalise it before finding identifiers")
    found = find_patterns(text) + find_people(text) + find_institutions(text)
    if places:
        found += find_terms(text, PLACES, confidence=0.9)
    if terms:
        found += find_terms(text, terms)
    if model is not None:
        for finding in model(text):
            if check_span(finding.start, finding.end, len(text)) or (
                text[finding.start : finding.end] != finding.text
            ):
                raise Invalid(f"the model's finding {finding.text!r} does not fit the text")
            found.append(finding)
    return merge_findings(found)


# ---------------------------------------------------------------------------------------------
# Pseudonyms

DEFAULT_SCHEME: Mapping[str, str] = {
    "person": "[Person {letter}]",
    "doctor": "[Doctor {letter}]",
    "place": "[City {n}]",
    "hospital": "[Hospital {n}]",
    "institution": "[Institution {n}]",
    "phone": "[Phone]",
    "national_id": "[CNIC]",
    "email": "[Email]",
    "url": "[URL]",
    "date": "[Date]",
    "record_number": "[Record number]",
    "custom": "[Redacted {n}]",
}
_DOCTOR = re.compile(r"^(?:dr\b|doctor\b|prof\b|professor\b|ڈاکٹر|پروفیسر)", re.IGNORECASE)
_HOSPITAL = re.compile(r"\b(?:Hospital|Clinic|Dispensary|Medical|BHU|RHC|THQ|DHQ)\b", re.I)
_HONORIFIC_WORDS = frozenset(
    w.casefold() for w in _HONORIFICS_BEFORE + _HONORIFICS_AFTER + _URDU_BEFORE + ("بی",)
) | frozenset(_URDU_AFTER)


def _letters(n: int) -> str:
    """1 -> A, 26 -> Z, 27 -> AA."""
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def _identity(kind: str, text: str) -> str:
    """What makes two findings the same identifier: folded text; for people without honorifics,
    for numbers only their letters and digits."""
    folded = _fold(text)
    if kind == "person":
        words = [w.rstrip(".") for w in folded.split()]
        kept = [w for w in words if w not in _HONORIFIC_WORDS]
        return " ".join(kept or words)
    if kind in ("phone", "national_id", "record_number"):
        return "".join(ch for ch in folded if ch.isalnum())
    return folded


class Pseudonymizer:
    """Consistent labels for a whole study: the same identifier gets the same label everywhere.

    ``scheme`` maps a kind (or ``doctor``, ``hospital``) to a template with ``{n}`` (1, 2, ...)
    and/or ``{letter}`` (A, B, ..., Z, AA); missing keys take :data:`DEFAULT_SCHEME`. A person
    whose first mention starts with Dr/Doctor/Prof/ڈاکٹر is a doctor; a scheme that sets
    ``person`` but not ``doctor`` uses the person template for doctors too (likewise
    ``institution`` for hospitals). Categories sharing a template share its numbering, so two
    identifiers never get one numbered label. A person keeps the label of their first mention
    ("Dr. Ayesha Khan" then "Ayesha Khan" stay "[Doctor A]").
    """

    def __init__(self, scheme: Mapping[str, str] | None = None) -> None:
        scheme = dict(scheme or {})
        unknown = set(scheme) - set(DEFAULT_SCHEME)
        if unknown:
            raise Invalid(f"unknown pseudonym kinds: {', '.join(sorted(unknown))}")
        for fallback, base in (("doctor", "person"), ("hospital", "institution")):
            if base in scheme and fallback not in scheme:
                scheme[fallback] = scheme[base]
        self._templates = {**DEFAULT_SCHEME, **scheme}
        for name, template in self._templates.items():
            try:
                template.format(n=1, letter="A")
            except (KeyError, IndexError, ValueError) as error:
                raise Invalid(f"pseudonym template {template!r} for {name}: {error}") from None
        self._counters: dict[str, int] = {}
        self._labels: dict[tuple[str, str], str] = {}
        self._originals: dict[str, list[str]] = {}

    @property
    def templates(self) -> dict[str, str]:
        """The label template for each kind (and ``doctor``, ``hospital``) in use."""
        return dict(self._templates)

    def _category(self, kind: str, text: str) -> str:
        if kind == "person" and _DOCTOR.match(text.strip()):
            return "doctor"
        if kind == "institution" and _HOSPITAL.search(text):
            return "hospital"
        return kind

    def label(self, kind: str, text: str) -> str:
        """The label of identifier ``text`` of ``kind``, assigning the next one if new."""
        if kind not in KINDS:
            raise Invalid(f"unknown identifier kind {kind!r}")
        identity = (kind, _identity(kind, text))
        label = self._labels.get(identity)
        if label is None:
            template = self._templates[self._category(kind, text)]
            n = self._counters.get(template, 0) + 1
            self._counters[template] = n
            label = template.format(n=n, letter=_letters(n))
            self._labels[identity] = label
        originals = self._originals.setdefault(label, [])
        if text not in originals:
            originals.append(text)
        return label

    def replacements(self, findings: Iterable[Finding]) -> list[tuple[int, int, str]]:
        """``(start, end, label)`` for each finding, ready for :func:`apply`."""
        return [(f.start, f.end, self.label(f.kind, f.text)) for f in findings]

    def key(self) -> dict[str, tuple[str, ...]]:
        """Label -> the original texts it replaced. Secret: store encrypted, never export."""
        return {label: tuple(texts) for label, texts in self._originals.items()}

    def state(self) -> dict[str, object]:
        """Everything needed to carry on labelling later (see :meth:`restore`). Secret: it holds
        the identifiers' text; store it encrypted with the key."""
        return {
            "counters": dict(self._counters),
            "labels": [[kind, identity, label] for (kind, identity), label in self._labels.items()],
            "originals": {label: list(texts) for label, texts in self._originals.items()},
        }

    def restore(self, state: Mapping[str, object]) -> None:
        """Carry on from a :meth:`state`: known identifiers keep their labels, numbering goes on."""
        counters = state.get("counters", {})
        labels = state.get("labels", [])
        originals = state.get("originals", {})
        if not (
            isinstance(counters, Mapping)
            and isinstance(labels, list)
            and isinstance(originals, Mapping)
        ):
            raise Invalid("the pseudonym state is damaged")
        self._counters = {str(k): int(v) for k, v in counters.items()}
        self._labels = {(str(k), str(i)): str(label) for k, i, label in labels}
        self._originals = {
            str(label): [str(t) for t in texts] for label, texts in originals.items()
        }

    def forget(
        self, identifiers: Iterable[tuple[str, str]], keep: Iterable[tuple[str, str]] = ()
    ) -> int:
        """Drop these ``(kind, text)`` identifiers (a withdrawn participant's), except any that
        is also one of ``keep`` (still used elsewhere); return how many went. Labels are not
        given out again, so nobody inherits a withdrawn person's pseudonym."""
        kept = {(kind, _identity(kind, text)) for kind, text in keep}
        gone = {(kind, _identity(kind, text)) for kind, text in identifiers} - kept
        gone &= set(self._labels)
        texts = {text for kind, text in identifiers}
        for identity in gone:
            label = self._labels.pop(identity)
            remaining = [t for t in self._originals.get(label, []) if t not in texts]
            if remaining:
                self._originals[label] = remaining
            else:
                self._originals.pop(label, None)
        return len(gone)


# ---------------------------------------------------------------------------------------------
# Replacing text and moving codings


@dataclass(frozen=True)
class Remap:
    """Moves offsets of the old text onto the new text made by :func:`apply`.

    With replacements ``[s_i, e_i) -> r_i`` (sorted, disjoint; r_i starts at ``t_i`` in the new
    text) and ``shift(p)`` the total ``len(r_i) - (e_i - s_i)`` of replacements with
    ``e_i <= p``:

    * a coding start ``s`` with ``s_i <= s < e_i`` moves to ``t_i`` (start of the replacement);
    * a coding end ``e`` with ``s_i < e <= e_i`` moves to ``t_i + len(r_i)`` (its end);
    * any other offset ``p`` moves to ``p + shift(p)``.

    So a span entirely inside one replaced span becomes the whole replacement, and a span
    touching a replaced span from outside (``e == s_i`` or ``s == e_i``) does not take it in.
    A span inside a replacement by the empty string comes back empty: drop it.
    """

    old_length: int
    new_length: int
    old_starts: tuple[int, ...]
    old_ends: tuple[int, ...]
    new_starts: tuple[int, ...]
    new_ends: tuple[int, ...]
    shifts: tuple[int, ...]  # shift after replacement i (cumulative)

    def _check(self, offset: int) -> None:
        if isinstance(offset, bool) or not isinstance(offset, int):
            raise Invalid("offsets must be whole numbers")
        if not 0 <= offset <= self.old_length:
            raise Invalid(f"offset {offset} is outside the text of length {self.old_length}")

    def start(self, offset: int) -> int:
        """Where a span starting at ``offset`` starts in the new text."""
        self._check(offset)
        i = bisect_right(self.old_starts, offset) - 1
        if i >= 0 and offset < self.old_ends[i]:
            return self.new_starts[i]
        return offset + (self.shifts[i] if i >= 0 else 0)

    def end(self, offset: int) -> int:
        """Where a span ending at ``offset`` ends in the new text."""
        self._check(offset)
        i = bisect_left(self.old_starts, offset) - 1
        if i >= 0 and offset <= self.old_ends[i]:
            return self.new_ends[i]
        return offset + (self.shifts[i] if i >= 0 else 0)

    def remap_span(self, start: int, end: int) -> tuple[int, int]:
        """The coding ``[start, end)`` of the old text as a span of the new text."""
        reason = check_span(start, end, self.old_length)
        if reason:
            raise Invalid(reason)
        return self.start(start), self.end(end)


def apply(text: str, replacements: Sequence[tuple[int, int, str]]) -> tuple[str, Remap]:
    """Replace each ``[start, end)`` of ``text`` by its new text; return the text and a Remap.

    Replacements may come in any order and may touch but not overlap (Invalid); each must be a
    non-empty span of ``text``. See :class:`Remap` for how offsets move.
    """
    ordered = sorted(replacements, key=lambda r: (r[0], r[1]))
    previous: tuple[int, int, str] | None = None
    for start, end, new in ordered:
        reason = check_span(start, end, len(text))
        if reason:
            raise Invalid(f"replacement {start}-{end}: {reason}")
        if previous is not None and start < previous[1]:
            raise Invalid(f"replacements {previous[0]}-{previous[1]} and {start}-{end} overlap")
        previous = (start, end, new)
    pieces: list[str] = []
    new_starts: list[int] = []
    shifts: list[int] = []
    cursor, shift = 0, 0
    for start, end, new in ordered:
        pieces.append(text[cursor:start])
        new_starts.append(start + shift)
        pieces.append(new)
        shift += len(new) - (end - start)
        shifts.append(shift)
        cursor = end
    pieces.append(text[cursor:])
    new_text = "".join(pieces)
    if not is_nfc(new_text):
        # A replacement beside a combining mark ("Mx" + U+0301 -> "e" + U+0301 = "é") would
        # change the text's NFC form, and with it every offset after it.
        for start, end, new in ordered:
            if not is_nfc(text[start - 1 : start] + new + text[end : end + 1]):
                raise Invalid(
                    f"replacement {start}-{end}: the text would not stay NFC-normalised (it "
                    "starts or ends beside a combining mark); widen it to the whole word"
                )
        raise Invalid("the replacements would leave text that is not NFC-normalised")
    remap = Remap(
        old_length=len(text),
        new_length=len(new_text),
        old_starts=tuple(r[0] for r in ordered),
        old_ends=tuple(r[1] for r in ordered),
        new_starts=tuple(new_starts),
        new_ends=tuple(t + len(r[2]) for t, r in zip(new_starts, ordered, strict=True)),
        shifts=tuple(shifts),
    )
    return new_text, remap
