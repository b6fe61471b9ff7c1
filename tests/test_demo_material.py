"""Checks for the telemedicine-barriers study template and the demo text material."""

from __future__ import annotations

import colorsys
import datetime as dt
import random
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from thematic import demo_material as dm

TEMPLATE_PATH = Path(dm.__file__).parent / "templates" / "telemedicine-barriers.yaml"

THEMES = ["Systemic", "Technological", "Organizational", "Personal"]
SUBTHEMES = {
    "Systemic": [
        "Policy ambiguity",
        "Inconsistent funding",
        "Regulatory ambiguity and data privacy",
    ],
    "Technological": ["Usability and glitches", "Internet reliability", "Interoperability"],
    "Organizational": [
        "Lack of training",
        "Weak administrative and IT support",
        "Workflow disruption and scheduling",
    ],
    "Personal": [
        "Digital illiteracy",
        "Emotional resistance and loss of the human touch",
        "Trust",
    ],
}
SUBTHEME_PATHS = [f"{theme}/{sub}" for theme in THEMES for sub in SUBTHEMES[theme]]
ATTRIBUTES = [
    "role",
    "site",
    "facility_type",
    "facility",
    "years_clinical_experience",
    "months_telemedicine_exposure",
    "clinical_responsibility",
    "gender",
    "age",
    "interview_language",
    "interview_date",
]
GUIDE_DOMAINS = ["Opening", *THEMES, "Closing"]
NODE_FIELDS = ["name", "colour", "definition", "inclusion", "exclusion", "example"]
ATTRIBUTE_TYPES = {"text", "number", "date", "category"}
OPERATORS = {">=", ">", "<=", "<", "==", "!=", "in", "not in"}
COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
URDU_SCRIPT = re.compile(r"[\u0600-\u06FF]")
URDU_SPECIFIC_LETTERS = set("ٹڈڑںےہھکگیپچژ")
LATIN = re.compile(r"[A-Za-z]")


# --------------------------------------------------------------------- helpers


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    with TEMPLATE_PATH.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def iter_nodes(nodes: list[dict], prefix: str = ""):
    """Yield (path, node) for every node of a codebook, depth first."""
    for node in nodes:
        path = f"{prefix}/{node['name']}" if prefix else node["name"]
        yield path, node
        yield from iter_nodes(node.get("children") or [], path)


def english_templates() -> list[str]:
    """Every English string in the material (all may carry slots)."""
    texts = [s for sentences in dm.CODE_SENTENCES.values() for s in sentences]
    texts += dm.NEUTRAL_SENTENCES + dm.POSITIVE_SENTENCES
    texts += dm.INTERVIEWER_PROBES + dm.INTERVIEWER_TRANSITIONS + dm.FIELD_NOTE_SENTENCES
    for mapping in (dm.DOMAIN_CONTEXT, dm.ROLE_INTRODUCTIONS, dm.FACILITY_CONTEXT):
        texts += [s for sentences in mapping.values() for s in sentences]
    return texts


def hue(colour: str) -> float:
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hls(r, g, b)[0] * 360


# -------------------------------------------------------------------- template


def test_template_top_level(template):
    assert list(template) == [
        "name",
        "title",
        "description",
        "attributes",
        "criteria",
        "guide",
        "codebook",
    ]
    assert template["name"] == "telemedicine-barriers" == TEMPLATE_PATH.stem
    assert template["title"] == "Barriers to telemedicine adoption among healthcare workers"
    description = template["description"]
    assert "Avais et al." in description
    assert "Insights-Journal of Health and Rehabilitation" in description
    assert 2 <= description.count(". ") + 1 <= 4


def test_attributes(template):
    attributes = template["attributes"]
    assert [a["name"] for a in attributes] == ATTRIBUTES
    for attribute in attributes:
        assert attribute["type"] in ATTRIBUTE_TYPES, attribute
        assert isinstance(attribute["description"], str) and attribute["description"].strip()
        if attribute["type"] == "category":
            allowed = attribute["allowed"]
            assert allowed and all(isinstance(v, str) and v for v in allowed), attribute
            assert len(set(allowed)) == len(allowed)
        else:
            assert "allowed" not in attribute, attribute
    by_name = {a["name"]: a for a in attributes}
    assert by_name["role"]["allowed"] == ["physician", "nurse", "allied health", "administrator"]
    assert by_name["site"]["allowed"] == ["Lahore", "Karachi", "Islamabad"]
    assert by_name["facility_type"]["allowed"] == ["public", "private"]
    assert by_name["facility"]["allowed"] == [
        "tertiary hospital",
        "outpatient clinic",
        "telehealth unit",
    ]
    assert by_name["clinical_responsibility"]["allowed"] == ["yes", "no"]
    assert by_name["gender"]["allowed"] == ["female", "male", "other"]
    assert by_name["interview_language"]["allowed"] == ["English", "Urdu"]
    assert by_name["interview_date"]["type"] == "date"
    for name in ("years_clinical_experience", "months_telemedicine_exposure", "age"):
        assert by_name[name]["type"] == "number"


def _value_matches(attribute: dict, operator: str, value: Any) -> bool:
    if operator in ("in", "not in"):
        return (
            isinstance(value, list)
            and bool(value)
            and all(_value_matches(attribute, "==", v) for v in value)
        )
    kind = attribute["type"]
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "category":
        return operator in ("==", "!=") and value in attribute["allowed"]
    if kind == "date":
        if isinstance(value, dt.date):
            return True
        return isinstance(value, str) and dt.date.fromisoformat(value) is not None
    return isinstance(value, str)


def test_criteria(template):
    attributes = {a["name"]: a for a in template["attributes"]}
    criteria = template["criteria"]
    assert [c["name"] for c in criteria] == [
        "At least 1 year of clinical experience",
        "At least 6 months of telemedicine exposure",
        "Not an administrative-only role",
    ]
    for criterion in criteria:
        assert set(criterion) == {"name", "attribute", "operator", "value"}
        assert criterion["operator"] in OPERATORS
        assert criterion["attribute"] in attributes
        attribute = attributes[criterion["attribute"]]
        assert _value_matches(attribute, criterion["operator"], criterion["value"]), criterion
    assert [(c["attribute"], c["operator"], c["value"]) for c in criteria] == [
        ("years_clinical_experience", ">=", 1),
        ("months_telemedicine_exposure", ">=", 6),
        ("clinical_responsibility", "==", "yes"),
    ]


def test_guide(template):
    guide = template["guide"]
    assert [section["domain"] for section in guide] == GUIDE_DOMAINS
    texts = []
    for section in guide:
        assert section["questions"], section["domain"]
        for question in section["questions"]:
            assert set(question) == {"text", "probes"}
            assert question["text"].strip().endswith(("?", "."))
            texts.append(question["text"])
            assert question["probes"], question["text"]
            for probe in question["probes"]:
                assert isinstance(probe, str) and probe.strip().endswith("?"), probe
    assert len(texts) == len(set(texts))
    for theme in THEMES:
        assert len(next(s for s in guide if s["domain"] == theme)["questions"]) >= 3


def test_every_node_is_complete(template):
    for path, node in iter_nodes(template["codebook"]):
        for field in NODE_FIELDS:
            value = node.get(field)
            assert isinstance(value, str) and value.strip(), (path, field)
        assert COLOUR.match(node["colour"]), (path, node["colour"])
        assert "/" not in node["name"], path
        assert set(node) <= {*NODE_FIELDS, "children"}, path
        assert len(node["definition"]) >= 40, path
        children = node.get("children")
        if children is not None:
            assert isinstance(children, list) and children, path
            names = [child["name"] for child in children]
            assert len(names) == len(set(names)), path


def test_exclusions_point_to_other_codes(template):
    names = {node["name"] for _, node in iter_nodes(template["codebook"])}
    for path, node in iter_nodes(template["codebook"]):
        others = {n for n in names if n != node["name"]}
        assert any(other in node["exclusion"] for other in others), path


def test_themes_and_subthemes(template):
    codebook = template["codebook"]
    assert [theme["name"] for theme in codebook] == THEMES
    for theme in codebook:
        subthemes = theme["children"]
        assert [sub["name"] for sub in subthemes] == SUBTHEMES[theme["name"]]
        for sub in subthemes:
            assert 2 <= len(sub["children"]) <= 3, sub["name"]
            for code in sub["children"]:
                assert not code.get("children"), code["name"]


def test_colours_are_distinct_and_in_the_theme_hue_family(template):
    colours = [node["colour"].upper() for _, node in iter_nodes(template["codebook"])]
    assert len(colours) == len(set(colours))
    theme_hues = [hue(theme["colour"]) for theme in template["codebook"]]
    for i, a in enumerate(theme_hues):
        for b in theme_hues[i + 1 :]:
            assert min(abs(a - b), 360 - abs(a - b)) >= 30
    for theme, theme_hue in zip(template["codebook"], theme_hues, strict=True):
        for path, node in iter_nodes(theme["children"], theme["name"]):
            diff = abs(hue(node["colour"]) - theme_hue)
            assert min(diff, 360 - diff) <= 15, (path, node["colour"])


def test_leaf_code_paths(template):
    paths = dm.leaf_code_paths(template["codebook"])
    assert len(paths) == len(set(paths)) == 36
    assert paths[0] == "Systemic/Policy ambiguity/No national telemedicine guidelines"
    assert "Technological/Usability and glitches/Platform crashes and freezes" in paths
    assert all(path.count("/") == 2 for path in paths)
    nested = [
        {"name": "A", "children": [{"name": "B", "children": [{"name": "C"}, {"name": "D"}]}]},
        {"name": "E", "children": []},
    ]
    assert dm.leaf_code_paths(nested) == ["A/B/C", "A/B/D", "E"]
    assert dm.leaf_code_paths([]) == []


# --------------------------------------------------------------- code sentences


def test_code_sentences_cover_exactly_the_leaf_codes(template):
    paths = dm.leaf_code_paths(template["codebook"])
    assert list(dm.CODE_SENTENCES) == paths
    for path, sentences in dm.CODE_SENTENCES.items():
        assert len(sentences) >= 8, path
        assert len(set(sentences)) == len(sentences), path


def test_code_sentences_shape():
    everything = [s for sentences in dm.CODE_SENTENCES.values() for s in sentences]
    assert len(everything) == len(set(everything))
    lengths = [len(s.split()) for s in everything]
    assert all(8 <= n <= 40 for n in lengths), [
        s for s in everything if not 8 <= len(s.split()) <= 40
    ]
    assert min(lengths) <= 12 and max(lengths) >= 28
    assert sum("{" in s for s in everything) >= 60


# ------------------------------------------------------------------------ slots


def test_slots():
    assert len(dm.SLOTS) >= 8
    for name, values in dm.SLOTS.items():
        assert re.fullmatch(r"[a-z_]+", name)
        assert len(values) >= 5, name
        assert len(set(values)) == len(values), name
        assert all(v.strip() == v and v and "{" not in v for v in values), name


def test_every_template_uses_known_slots_and_fills_cleanly():
    used = set()
    for text in english_templates():
        names = dm.slot_names(text)
        used.update(names)
        assert set(names) <= set(dm.SLOTS), text
        assert not text.startswith("{"), text
        assert not re.search(r"\b[Aa]n? \{", text), text
        assert text.count("{") == text.count("}") == len(names), text
        for seed in range(3):
            filled = dm.fill(text, random.Random(seed))
            assert "{" not in filled and "}" not in filled, filled
    unused = set(dm.SLOTS) - used
    assert unused == set(), unused


def test_english_strings_are_finished_sentences():
    for text in english_templates():
        assert text == text.strip() and "  " not in text, text
        assert text[0].isupper() or text[0] in "'\"", text
        assert text.rstrip("'\"").endswith((".", "?", "!")), text


def test_fill():
    rng = random.Random(7)
    assert dm.fill("No slots here.", rng) == "No slots here."
    filled = dm.fill("On {weekday} the {consult_kind} failed.", random.Random(1))
    assert filled == dm.fill("On {weekday} the {consult_kind} failed.", random.Random(1))
    weekday = filled.split()[1]
    assert weekday in dm.SLOTS["weekday"]
    with pytest.raises(KeyError) as excinfo:
        dm.fill("A {no_such_slot} here.", rng)
    assert excinfo.value.args[0] == "no_such_slot"
    values = {dm.fill("{month}", random.Random(seed)) for seed in range(50)}
    assert len(values) > 1 and values <= set(dm.SLOTS["month"])


def test_fill_overrides():
    text = "In {department} and again in {department}, on {weekday}."
    pinned = dm.fill(text, random.Random(3), overrides={"department": "cardiology"})
    assert pinned.startswith("In cardiology and again in cardiology, on ")
    assert dm.fill("{site}", random.Random(0), overrides={"site": "Karachi"}) == "Karachi"
    with pytest.raises(KeyError):
        dm.fill("{site}", random.Random(0), overrides={"department": "surgery"})


# ------------------------------------------------------------------------ lists


@pytest.mark.parametrize(
    ("name", "minimum"),
    [
        ("NEUTRAL_SENTENCES", 60),
        ("POSITIVE_SENTENCES", 20),
        ("INTERVIEWER_PROBES", 30),
        ("INTERVIEWER_TRANSITIONS", 10),
        ("FIELD_NOTE_SENTENCES", 30),
        ("URDU_INTERVIEWER", 12),
        ("PAKISTANI_GIVEN_NAMES", 30),
        ("PAKISTANI_FAMILY_NAMES", 20),
    ],
)
def test_list_sizes(name, minimum):
    values = getattr(dm, name)
    assert len(values) >= minimum
    assert len(set(values)) == len(values)


def test_turn_openers_and_closers_are_neutral_subsets():
    openers, closers = set(dm.TURN_OPENERS), set(dm.TURN_CLOSERS)
    assert len(openers) >= 20 and len(closers) >= 20
    assert not openers & closers
    assert openers | closers <= set(dm.NEUTRAL_SENTENCES)
    assert len(set(dm.NEUTRAL_SENTENCES) - openers - closers) >= 100


def test_names():
    assert len(dm.PAKISTANI_GIVEN_NAMES_FEMALE) >= 10
    assert len(dm.PAKISTANI_GIVEN_NAMES_MALE) >= 10
    assert dm.PAKISTANI_GIVEN_NAMES == (
        dm.PAKISTANI_GIVEN_NAMES_FEMALE + dm.PAKISTANI_GIVEN_NAMES_MALE
    )
    for name in dm.PAKISTANI_GIVEN_NAMES + dm.PAKISTANI_FAMILY_NAMES:
        assert re.fullmatch(r"[A-Z][a-z]+", name), name


def test_domain_context(template):
    assert list(dm.DOMAIN_CONTEXT) == [section["domain"] for section in template["guide"]]
    for domain, sentences in dm.DOMAIN_CONTEXT.items():
        assert len(sentences) >= 12, domain
        assert len(set(sentences)) == len(sentences), domain


def test_role_and_facility_context(template):
    attributes = {a["name"]: a for a in template["attributes"]}
    assert list(dm.ROLE_INTRODUCTIONS) == attributes["role"]["allowed"]
    assert list(dm.FACILITY_CONTEXT) == attributes["facility"]["allowed"]
    for mapping, minimum in ((dm.ROLE_INTRODUCTIONS, 5), (dm.FACILITY_CONTEXT, 5)):
        for key, sentences in mapping.items():
            assert len(sentences) >= minimum, key
            assert len(set(sentences)) == len(sentences), key


def test_uncoded_lists_do_not_repeat_coded_sentences():
    coded = {s for sentences in dm.CODE_SENTENCES.values() for s in sentences}
    uncoded = dm.NEUTRAL_SENTENCES + dm.POSITIVE_SENTENCES
    uncoded += [s for sentences in dm.DOMAIN_CONTEXT.values() for s in sentences]
    assert len(uncoded) == len(set(uncoded))
    for text in uncoded:
        assert text not in coded


def test_field_notes_do_not_fix_a_date():
    for note in dm.FIELD_NOTE_SENTENCES:
        assert "{weekday}" not in note and "{month}" not in note, note


# ------------------------------------------------------------------------- Urdu


def _check_urdu_pair(pair: tuple[str, str]) -> None:
    english, urdu = pair
    assert english.strip() and urdu.strip()
    assert "{" not in english and "{" not in urdu
    assert URDU_SCRIPT.search(urdu), urdu
    assert not LATIN.search(urdu), urdu
    assert set(urdu) & URDU_SPECIFIC_LETTERS, urdu
    assert not URDU_SCRIPT.search(english), english


def test_urdu_parallel():
    assert set(dm.URDU_PARALLEL) == {*SUBTHEME_PATHS, "neutral"}
    for key, pairs in dm.URDU_PARALLEL.items():
        assert len(pairs) >= 3, key
        for pair in pairs:
            assert isinstance(pair, tuple) and len(pair) == 2
            _check_urdu_pair(pair)
    english = [en for pairs in dm.URDU_PARALLEL.values() for en, _ in pairs]
    assert len(english) == len(set(english))
    assert any("'" in en for en in english)
    assert any('"' in en for en in english)
    all_urdu = "".join(ur for pairs in dm.URDU_PARALLEL.values() for _, ur in pairs)
    assert set("ےںہٹڈکگی") <= set(all_urdu)


def test_urdu_leaf_codes(template):
    leaves = set(dm.leaf_code_paths(template["codebook"]))
    coded = [pair for key, pairs in dm.URDU_PARALLEL.items() if key != "neutral" for pair in pairs]
    assert set(dm.URDU_LEAF) == {en for en, _ in coded}
    for english, leaf in dm.URDU_LEAF.items():
        assert leaf in leaves, leaf
        subtheme = leaf.rsplit("/", 1)[0]
        assert english in [en for en, _ in dm.URDU_PARALLEL[subtheme]]


def test_urdu_interviewer():
    for pair in dm.URDU_INTERVIEWER:
        assert isinstance(pair, tuple) and len(pair) == 2
        _check_urdu_pair(pair)
    assert sum(ur.endswith("؟") for _, ur in dm.URDU_INTERVIEWER) >= 8
