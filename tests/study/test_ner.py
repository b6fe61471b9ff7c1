"""The spaCy adapter for de-identification, on a real spaCy pipeline built and saved here.

No pretrained pipeline is needed: spacy.blank("en") with an entity_ruler is a real pipeline
that is saved with to_disk and loaded through the adapter by path, like an installed one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from thematic.core.deidentify import detect, detectors_used
from thematic.errors import Invalid
from thematic.study import ner

PATTERNS = [
    {"label": "PERSON", "pattern": "Ayesha Khan"},
    {"label": "PERSON", "pattern": "Participant"},
    {"label": "PERSON", "pattern": [{"LOWER": "bilal"}, {"LOWER": "'s"}]},
    {"label": "PERSON", "pattern": "عائشہ"},
    {"label": "GPE", "pattern": "Lahore"},
    {"label": "GPE", "pattern": "Sister Rubina"},
    {"label": "LOC", "pattern": "Korangi"},
    {"label": "ORG", "pattern": "Jinnah Hospital"},
    {"label": "ORG", "pattern": "the Indus Hospital"},
    {"label": "ORG", "pattern": "WhatsApp"},
    {"label": "ORG", "pattern": "PKR 38,000"},
    {"label": "FAC", "pattern": "DHQ Mithi"},
    {"label": "DATE", "pattern": "14 August 2023"},
    {"label": "DATE", "pattern": "the 3rd of May"},
    {"label": "DATE", "pattern": "last year"},
    {"label": "DATE", "pattern": "two weeks"},
    {"label": "DATE", "pattern": "March 2020"},
    {"label": "CARDINAL", "pattern": "40"},
]

# Urdu and an emoji (one code point, two UTF-16 units) come before the entities, so a byte or
# UTF-16 offset would be wrong.
TEXT = (
    "ہم نے عائشہ سے بات کی 🙂۔\n"
    "Participant: Dr. Ayesha Khan works at Jinnah Hospital in Lahore with Sister Rubina.\n"
    "Last year, on 14 August 2023, Bilal's mother went to the Indus Hospital in Korangi and "
    "DHQ Mithi; for two weeks she sent WhatsApp messages and paid PKR 38,000.\n"
    "We met on the 3rd of May. In March 2020 we had 40 beds.\n"
)
EXPECTED = [
    ("person", "Ayesha Khan"),
    ("institution", "Jinnah Hospital"),
    ("place", "Lahore"),
    ("person", "Sister Rubina"),
    ("date", "14 August 2023"),
    ("person", "Bilal"),
    ("institution", "Indus Hospital"),
    ("place", "Korangi"),
    ("institution", "DHQ Mithi"),
    ("date", "3rd of May"),
]


def save_pipeline(path: Path, patterns: list[dict[str, object]] | None = PATTERNS) -> Path:
    nlp = spacy.blank("en")
    nlp.meta["name"] = "test_ner"
    nlp.meta["version"] = "1.2.3"
    if patterns is not None:
        nlp.add_pipe("entity_ruler").add_patterns(patterns)
    nlp.to_disk(path)
    return path


@pytest.fixture
def pipeline(tmp_path: Path) -> Path:
    return save_pipeline(tmp_path / "pipe")


@pytest.fixture(autouse=True)
def no_env_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ner.ENV_VAR, raising=False)


def test_loads_a_pipeline_folder_and_maps_labels(pipeline: Path) -> None:
    model = ner.load_model(str(pipeline))
    assert model is not None
    assert model.name == "spaCy en_test_ner 1.2.3"
    findings = model(TEXT)
    assert [(f.kind, f.text) for f in findings] == EXPECTED
    for f in findings:
        assert TEXT[f.start : f.end] == f.text
        assert (f.source, f.confidence) == ("model", ner.CONFIDENCE[f.kind])
    # the offsets are code points: "Ayesha Khan" starts after the Urdu line and "Participant: Dr. "
    assert findings[0].start == TEXT.index("\n") + 1 + len("Participant: Dr. ")


def test_the_model_works_with_detect_and_is_named_in_the_audit(pipeline: Path) -> None:
    model = ner.load_model(str(pipeline))
    assert model is not None
    found = {(f.kind, f.text, f.source) for f in detect(TEXT, model=model)}
    assert ("person", "Dr. Ayesha Khan", "list") in found  # the longer list finding wins
    assert ("place", "Korangi", "model") in found  # not on the built-in list: only the model
    assert ("place", "Lahore", "list") in found  # the same span: the list beats the model
    assert detectors_used(model=model)[-1] == "model: spaCy en_test_ner 1.2.3"
    assert ner.model_status(str(pipeline)) == (
        "named-entity model: spaCy en_test_ner 1.2.3; detection used it with patterns and lists"
    )


def test_long_texts_go_in_paragraph_chunks_with_the_same_offsets(pipeline: Path) -> None:
    model = ner.load_model(str(pipeline))
    assert model is not None
    long_text = TEXT * 30
    whole = model(long_text)
    try:
        model.chunk_chars = 120
        assert len(list(ner.chunks(long_text, 120))) > 30
        assert model(long_text) == whole
    finally:
        model.chunk_chars = ner.CHUNK_CHARS
    assert len(whole) == 30 * len(EXPECTED)
    assert all(long_text[f.start : f.end] == f.text for f in whole)


@pytest.mark.parametrize("limit", [1, 7, 25, 80, 1000])
def test_chunks_cover_the_text_and_prefer_line_ends(limit: int) -> None:
    pieces = list(ner.chunks(TEXT, limit))
    assert "".join(p for _, p in pieces) == TEXT
    assert all(TEXT[o : o + len(p)] == p and 0 < len(p) <= limit for o, p in pieces)
    if limit == 80:
        assert pieces[0][1] == TEXT[: TEXT.index("\n") + 1]  # the Urdu line alone
    assert list(ner.chunks("", 5)) == [(0, "")]
    with pytest.raises(Invalid):
        list(ner.chunks(TEXT, 0))


def test_env_variable_names_the_pipeline_or_turns_it_off(
    pipeline: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ner.ENV_VAR, str(pipeline))
    model = ner.load_model()
    assert model is not None and model.name == "spaCy en_test_ner 1.2.3"
    assert ner.load_model() is model  # loaded once per process
    monkeypatch.setenv(ner.ENV_VAR, "none")
    assert ner.load_model() is None
    assert ner.model_status().startswith("named-entity model turned off")


NO_MODEL = (
    "no named-entity model installed: pip install thematic[ner] and a spaCy English pipeline "
    "package; detection used patterns and lists"
)


def test_without_an_installed_pipeline_there_is_no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner, "CANDIDATES", ("thematic_no_such_pipeline_sm",))

    def no_downloads(*args: object, **kwargs: object) -> None:
        raise AssertionError("thematic must never download a pipeline")

    monkeypatch.setattr(spacy.cli, "download", no_downloads)
    assert ner.find_model() is None
    assert ner.load_model() is None
    assert ner.model_status() == NO_MODEL
    assert detectors_used(model=ner.load_model()) == (
        "patterns",
        "honorifics",
        "institutions",
        "places",
    )


def test_without_spacy_there_is_no_model(pipeline: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner, "_spacy_installed", lambda: False)
    assert ner.load_model() is None
    assert ner.model_status() == NO_MODEL
    with pytest.raises(Invalid, match="needs spaCy"):
        ner.load_model(str(pipeline) + "-elsewhere")


def test_an_explicit_model_that_cannot_be_loaded_is_invalid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(Invalid, match="thematic_no_such_pipeline_sm"):
        ner.load_model("thematic_no_such_pipeline_sm")
    monkeypatch.setenv(ner.ENV_VAR, str(tmp_path / "missing"))
    with pytest.raises(Invalid, match=f"missing.*{ner.ENV_VAR}"):
        ner.load_model()
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "config.cfg").write_text("[nlp\nlang = ", encoding="utf-8")
    with pytest.raises(Invalid, match=r"broken.*cannot be loaded"):
        ner.load_model(str(tmp_path / "broken"))
    no_ner = save_pipeline(tmp_path / "no-ner", patterns=None)
    with pytest.raises(Invalid, match="no named-entity component"):
        ner.load_model(str(no_ner))


@pytest.mark.parametrize(
    ("text", "exact"),
    [
        ("14 August", True),
        ("the 3rd of May", True),
        ("May 5th, 2021", True),
        ("12/03/1985", True),
        ("1985-03-12", True),
        ("last year", False),
        ("two weeks", False),
        ("March 2020", False),
        ("2019", False),
        ("34 years old", False),
        ("9:00 every Monday", False),
        ("the 1990s", False),
        ("0300-1234567", False),
    ],
)
def test_only_dates_that_name_a_day_are_identifiers(text: str, exact: bool) -> None:
    assert ner.is_exact_date(text) is exact


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Aga Khan University", True),
        ("DHQ Mithi", True),
        ("WhatsApp", False),
        ("HR", False),
        ("PKR 38,000", False),
        ("the ethics committee", False),
        ("District Health Office", False),
    ],
)
def test_only_named_organisations_are_institutions(text: str, named: bool) -> None:
    assert ner.is_named_institution(text) is named
