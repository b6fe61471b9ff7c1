"""A named-entity model for de-identification, from a spaCy pipeline the user installed.

:func:`thematic.core.deidentify.detect` takes an optional ``model``: a callable
``text -> list[Finding]``. This module finds and loads a spaCy pipeline and wraps it as one
(:class:`NamedEntityModel`). Everything here is optional: thematic does not depend on spaCy
(``pip install thematic[ner]`` adds it), and nothing here ever downloads a pipeline. Without
spaCy or without a pipeline, :func:`load_model` returns None, detection runs on patterns and
lists alone, and :func:`model_status` says so in one line.

Which pipeline: the one named by ``name`` or the ``THEMATIC_NER_MODEL`` environment variable
(an installed package name or a pipeline folder; ``none`` turns the model off), else the first
installed of :data:`CANDIDATES`. An explicitly named pipeline that cannot be loaded is an
error (:class:`thematic.errors.Invalid`); a missing candidate is not.

Labels (OntoNotes, as in spaCy's English pipelines): PERSON is a person; GPE and LOC are
places; ORG and FAC are institutions when they are named (two words or more, one of them a
capitalised word that is not generic: "Aga Khan University", not "WhatsApp" or "HR"); DATE
only when it names a day (a day and a month, or a numeric date: "14th of August"), because
spaCy's DATE also covers "last year", "two weeks" and "2019", which identify nobody.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from thematic.core.deidentify import Finding
from thematic.errors import Invalid

__all__ = [
    "CANDIDATES",
    "CHUNK_CHARS",
    "CONFIDENCE",
    "ENV_VAR",
    "NamedEntityModel",
    "chunks",
    "find_model",
    "is_exact_date",
    "is_named_institution",
    "load_model",
    "model_status",
]

ENV_VAR = "THEMATIC_NER_MODEL"
# spaCy's English pipelines, most accurate first. Only ever looked up, never downloaded.
CANDIDATES: tuple[str, ...] = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
)
# A paragraph-bounded chunk of at most this many code points goes to spaCy at a time: a whole
# transcript would pass spaCy's max_length and a transformer's memory.
CHUNK_CHARS = 10_000
CONFIDENCE: dict[str, float] = {"person": 0.7, "place": 0.7, "institution": 0.6, "date": 0.7}
_OFF = frozenset({"none", "off", "0", "false", "no"})
_NO_MODEL = (
    "no named-entity model installed: pip install thematic[ner] and a spaCy English pipeline "
    "package; detection used patterns and lists"
)
_LABELS = {
    "PERSON": "person",
    "PER": "person",
    "GPE": "place",
    "LOC": "place",
    "ORG": "institution",
    "FAC": "institution",
    "DATE": "date",
}
# Factories whose components set doc.ents: a pipeline without one finds nothing.
_ENTITY_FACTORIES = frozenset({"ner", "beam_ner", "entity_ruler", "future_entity_ruler"})
_RULERS = frozenset({"entity_ruler", "future_entity_ruler", "span_ruler"})
# Components that the statistical ner of spaCy's pipelines does not read (it reads tok2vec or
# the transformer): turned off, en_core_web_sm runs about a quarter faster, same entities.
# Kept when the pipeline has a ruler, whose patterns may use tags or lemmas.
_NOT_FOR_NER = frozenset(
    {"tagger", "parser", "morphologizer", "lemmatizer", "trainable_lemmatizer", "attribute_ruler"}
)
_PACKAGE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")

# --- which entities are identifiers --------------------------------------------------------

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
# A day of the month standing alone: not part of a year, a time, a count or a percentage.
_A_DAY = re.compile(r"(?<![\d.,/:-])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:%]|[.,]\d)")
# Capitalised only: "may" is a verb.
_A_MONTH = re.compile(rf"\b{_MONTH}(?!\w)")
_NUMERIC_DATE = re.compile(
    r"(?<![\d/.-])(?:\d{1,2}([/.-])\d{1,2}\1(?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2})(?![\d/-])"
)
# Words that make an organisation generic rather than named, and small words that may sit in a
# name ("Institute of Nursing", "the").
_GENERIC_WORDS = """
    the of and & for a an general government govt private public district teaching civil
    medical hospital clinic university college institute trust dispensary centre center
    complex rural health basic tehsil headquarters department ministry committee board office
    ward unit team staff hr ngo"""
_GENERIC = frozenset(_GENERIC_WORDS.split())
# Speaker labels and roles that a model takes for names ("Participant: ..." as a PERSON).
_ROLE_WORDS = """
    interviewer participant respondent interviewee moderator facilitator speaker translator
    note-taker doctor nurse sister madam sir"""
_ROLES = frozenset(_ROLE_WORDS.split())
# A "place" or "organisation" that starts with a honorific is a person ("Sister Rubina" is
# often a GPE to spaCy's small English pipeline).
_HONORIFIC_WORDS = "dr dr. doctor mr mr. mrs mrs. ms ms. miss sister nurse prof prof. professor"
_HONORIFICS = frozenset(_HONORIFIC_WORDS.split())
_EDGE = " \t\n\r.,;:!?\"'()[]{}«»“”‘’-–—"
_LEADING_WORDS = ("the ", "a ", "an ", "our ", "my ", "this ", "that ")


def is_exact_date(text: str) -> bool:
    """True for a date that names a day ("14 August", "the 3rd of May", "12/03/1985")."""
    if _NUMERIC_DATE.search(text):
        return True
    return bool(_A_MONTH.search(text)) and bool(_A_DAY.search(_A_MONTH.sub(" ", text)))


def is_named_institution(text: str) -> bool:
    """Two words with letters or more, one capitalised and not generic: a named organisation.

    So "Aga Khan University" and "DHQ Mithi", not "WhatsApp", "HR", "PKR 38,000" or "the
    ethics committee".
    """
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    named = [w for w in words if w[:1].isupper() and w.strip(_EDGE).casefold() not in _GENERIC]
    return len(words) >= 2 and bool(named)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop punctuation, a possessive "'s" and a leading article from an entity's span."""
    while start < end and text[start] in _EDGE:
        start += 1
    for suffix in ("'s", "’s"):
        if text.endswith(suffix, start, end):
            end -= len(suffix)
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    lowered = text[start:end].casefold()
    for word in _LEADING_WORDS:
        if lowered.startswith(word):
            start += len(word)
            break
    return start, end


def _has_latin_letter(text: str) -> bool:
    return any(ch.isalpha() and ch.isascii() for ch in text)


# --- chunks ----------------------------------------------------------------------------------


def chunks(text: str, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """``(offset, piece)`` covering ``text`` in order, each piece at most ``limit`` code points.

    Pieces end after a line break where they can (a speaker turn or paragraph), else after a
    sentence end, else after a space, else at the limit; so ``text[offset:offset + len(piece)]
    == piece`` and offsets in a piece plus ``offset`` are offsets in ``text``.
    """
    if limit < 1:
        raise Invalid("the chunk size must be at least 1")
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = window.rfind("\n") + 1
        if cut == 0:
            ends = [m.end() for m in re.finditer(r"[.!?؟۔]\s", window)]
            cut = ends[-1] if ends else window.rfind(" ") + 1
        if cut == 0:
            cut = limit
        yield start, text[start : start + cut]
        start += cut
    if start < len(text) or not text:
        yield start, text[start:]


# --- the model -------------------------------------------------------------------------------


class NamedEntityModel:
    """A loaded spaCy pipeline as a ``Model`` for :func:`thematic.core.deidentify.detect`.

    Calling it with a text returns :class:`Finding` objects with ``source="model"`` whose
    offsets are code points over that text (spaCy's character offsets are Python string
    indices, so they are code points too).
    """

    def __init__(self, nlp: Any, *, chunk_chars: int = CHUNK_CHARS) -> None:
        self.nlp = nlp
        self.chunk_chars = chunk_chars
        meta = getattr(nlp, "meta", {}) or {}
        lang = meta.get("lang") or getattr(nlp, "lang", "") or "xx"
        package = f"{lang}_{meta.get('name', 'pipeline')}"
        self.name = f"spaCy {package} {meta.get('version', '0.0.0')}"
        self.__name__ = self.name
        # An English pipeline reads Arabic-script words as unknown capitalised tokens and
        # guesses entities on them; the study's lists and the Urdu honorifics cover Urdu.
        self.latin_only = lang == "en"

    def __repr__(self) -> str:
        return f"NamedEntityModel({self.name!r})"

    def __call__(self, text: str) -> list[Finding]:
        pieces = list(chunks(text, self.chunk_chars))
        findings: list[Finding] = []
        for (offset, _), doc in zip(pieces, self.nlp.pipe(p for _, p in pieces), strict=True):
            for ent in doc.ents:
                finding = self._finding(text, offset + ent.start_char, offset + ent.end_char, ent)
                if finding is not None:
                    findings.append(finding)
        return findings

    def _finding(self, text: str, start: int, end: int, ent: Any) -> Finding | None:
        kind = _LABELS.get(ent.label_)
        if kind is None:
            return None
        start, end = _trim(text, start, end)
        span = text[start:end]
        if not span or (self.latin_only and not _has_latin_letter(span)):
            return None
        words = span.casefold().split()
        if span.casefold() in _ROLES:
            return None
        if kind in ("place", "institution") and len(words) > 1 and words[0] in _HONORIFICS:
            kind = "person"
        if kind == "date" and not is_exact_date(span):
            return None
        if kind == "institution" and not is_named_institution(span):
            return None
        return Finding(start, end, kind, span, "model", CONFIDENCE[kind])


# --- finding and loading a pipeline ----------------------------------------------------------


def _spacy_installed() -> bool:
    return importlib.util.find_spec("spacy") is not None


def _is_package(name: str) -> bool:
    """True when ``name`` is an importable module (a pipeline package), without importing it."""
    if not _PACKAGE_NAME.fullmatch(name):
        return False
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _requested(name: str | None) -> str | None:
    value = name if name is not None else os.environ.get(ENV_VAR, "")
    value = value.strip()
    return value or None


def find_model(name: str | None = None) -> str | None:
    """The pipeline :func:`load_model` would load (package name or folder), or None.

    Looks only: imports nothing, downloads nothing.
    """
    requested = _requested(name)
    if requested is not None:
        return None if requested.casefold() in _OFF else requested
    if not _spacy_installed():
        return None
    return next((candidate for candidate in CANDIDATES if _is_package(candidate)), None)


_LOADED: dict[str, NamedEntityModel] = {}


def load_model(name: str | None = None) -> NamedEntityModel | None:
    """The named-entity model to pass to ``detect(model=...)``, or None when there is none.

    ``name`` (else ``THEMATIC_NER_MODEL``) is an installed pipeline package or a pipeline
    folder; ``none`` turns the model off. Without a name the first installed of
    :data:`CANDIDATES` is used. Never downloads. A pipeline is loaded once per process.
    """
    chosen = find_model(name)
    if chosen is None:
        return None
    from_env = name is None and _requested(None) is not None
    if chosen not in _LOADED:
        _LOADED[chosen] = NamedEntityModel(_load_pipeline(chosen, from_env=from_env))
    return _LOADED[chosen]


def _load_pipeline(name: str, *, from_env: bool) -> Any:
    origin = f"the named-entity model {name!r}" + (f" ({ENV_VAR})" if from_env else "")
    if not _spacy_installed():
        raise Invalid(f"{origin} needs spaCy: pip install thematic[ner]")
    import spacy  # optional dependency: imported only when a pipeline is asked for

    with warnings.catch_warnings():
        # A pipeline trained with another spaCy minor version warns (W095) and still works.
        warnings.simplefilter("ignore", UserWarning)
        try:
            # A pipeline folder (spaCy's to_disk) first: a folder in the working directory
            # would also be found as a namespace package.
            if (Path(name) / "config.cfg").is_file():
                nlp = spacy.util.load_model_from_path(Path(name))
            elif _is_package(name):
                nlp = spacy.util.load_model_from_package(name)
            else:
                raise Invalid(
                    f"{origin} is neither an installed pipeline package nor a pipeline folder"
                )
        except (OSError, ImportError, ValueError, KeyError, AttributeError) as error:
            raise Invalid(f"{origin} cannot be loaded: {error}") from None
    factories = {pipe: nlp.get_pipe_meta(pipe).factory for pipe in nlp.pipe_names}
    if not set(factories.values()) & _ENTITY_FACTORIES:
        raise Invalid(f"{origin} has no named-entity component (ner or entity_ruler)")
    if not set(factories.values()) & _RULERS:
        for pipe, factory in factories.items():
            if factory in _NOT_FOR_NER:
                nlp.disable_pipe(pipe)
    return nlp


def model_status(name: str | None = None) -> str:
    """One line saying which named-entity model detection uses, or why it uses none."""
    requested = _requested(name)
    if requested is not None and requested.casefold() in _OFF:
        return f"named-entity model turned off ({requested}); detection used patterns and lists"
    chosen = find_model(name)
    if chosen is None:
        return _NO_MODEL
    if not _spacy_installed():
        return f"named-entity model {chosen!r} needs spaCy: pip install thematic[ner]"
    loaded = _LOADED.get(chosen)
    described = loaded.name if loaded is not None else f"spaCy pipeline {chosen}"
    return f"named-entity model: {described}; detection used it with patterns and lists"
