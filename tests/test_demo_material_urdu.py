"""The parallel English/Urdu demo material: coverage of the template, slots, script, filling."""

from __future__ import annotations

import ast
import random
import re
import sys
from pathlib import Path

import pytest
import yaml

import thematic
from thematic import demo_material_urdu as ur

TEMPLATE = Path(thematic.__file__).parent / "templates" / "telemedicine-barriers.yaml"

URDU_LETTER = re.compile(r"[\u0600-\u06FF]")
# Letters that only Urdu (not Arabic or Persian) uses: ٹ ڈ ڑ ں ہ ھ ے and Urdu yeh/keheh.
URDU_SPECIFIC = re.compile(r"[\u0679\u0688\u0691\u06BA\u06C1\u06BE\u06D2\u06CC\u06A9\u06AF]")
# Arabic kaf, yeh, alef maksura and heh, which look like Urdu letters but are wrong in Urdu.
ARABIC_LOOKALIKES = re.compile(r"[\u0643\u064A\u0649\u0647]")
LATIN = re.compile(r"[A-Za-z]")
DEVANAGARI = re.compile(r"[\u0900-\u097F]")
# First-person forms that mark the speaker's gender: "کرتا ہوں", "رہی ہوں", "کروں گا" ...
GENDERED_FIRST_PERSON = re.compile(r"\S[اى ی] ہوں(?! گ)|وں (?:گا|گی)(?=[\s۔،؟]|$)")


def _template() -> dict:
    return yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))


def _leaf_paths(nodes: list[dict], prefix: str = "") -> list[str]:
    paths: list[str] = []
    for node in nodes:
        path = f"{prefix}/{node['name']}" if prefix else node["name"]
        children = node.get("children") or []
        paths += _leaf_paths(children, path) if children else [path]
    return paths


def _guide_texts() -> tuple[list[str], list[str]]:
    questions = [q for domain in _template()["guide"] for q in domain["questions"]]
    return [q["text"] for q in questions], [p for q in questions for p in q.get("probes", [])]


def _all_pairs() -> list[ur.Pair]:
    pairs = [pair for pairs in ur.CODE_PAIRS.values() for pair in pairs]
    pairs += ur.NEUTRAL_PAIRS + ur.POSITIVE_PAIRS + ur.INTERVIEWER_PAIRS
    return pairs + ur.OPENING_PAIRS + ur.CLOSING_PAIRS


def _all_urdu_texts() -> list[str]:
    texts = [urdu for _, urdu in _all_pairs()]
    texts += [urdu for values in ur.SLOTS_UR.values() for _, urdu in values]
    return texts + list(ur.GUIDE_UR.values()) + list(ur.PROBES_UR.values())


def _slots(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", text))


# -- coverage of the template -----------------------------------------------------------------
def test_code_pairs_cover_every_leaf_code_and_nothing_else() -> None:
    leaves = _leaf_paths(_template()["codebook"])
    assert len(leaves) == 36
    assert list(ur.CODE_PAIRS) == leaves  # same keys, in codebook order
    for path, pairs in ur.CODE_PAIRS.items():
        assert len(pairs) >= 4, path


def test_guide_and_probe_translations_cover_the_guide_exactly() -> None:
    questions, probes = _guide_texts()
    assert set(ur.GUIDE_UR) == set(questions)
    assert set(ur.PROBES_UR) == set(probes)
    domains = [domain["domain"] for domain in _template()["guide"]]
    assert set(ur.DOMAIN_UR) == set(domains)
    for text in [*ur.GUIDE_UR.values(), *ur.PROBES_UR.values()]:
        assert URDU_SPECIFIC.search(text) and not LATIN.search(text), text
        assert "{" not in text and "}" not in text, text
    for text in ur.DOMAIN_UR.values():  # short labels such as "آغاز" need no Urdu-only letter
        assert URDU_LETTER.search(text) and not LATIN.search(text), text


def test_list_minimums() -> None:
    assert len(ur.NEUTRAL_PAIRS) >= 45
    assert len(ur.POSITIVE_PAIRS) >= 12
    assert len(ur.INTERVIEWER_PAIRS) >= 25
    assert len(ur.OPENING_PAIRS) >= 3
    assert len(ur.CLOSING_PAIRS) >= 3
    for name in (
        "platform",
        "month",
        "consult_kind",
        "department",
        "colleague",
        "duration",
        "patient",
        "place",
        "number_of_times",
    ):
        assert name in ur.SLOTS_UR, name
    for name, values in ur.SLOTS_UR.items():
        assert len(values) >= 5, name
        assert len(set(values)) == len(values), name


# -- shape of the sentences --------------------------------------------------------------------
def test_code_sentences_are_first_person_sized_and_unique() -> None:
    for path, pairs in ur.CODE_PAIRS.items():
        for english, _ in pairs:
            assert 8 <= len(english.split()) <= 35, (path, english)
    pairs = _all_pairs()
    assert len(set(pairs)) == len(pairs)
    assert len({e for e, _ in pairs}) == len(pairs)
    assert len({u for _, u in pairs}) == len(pairs)


def test_every_pair_is_two_non_empty_finished_sentences() -> None:
    for english, urdu in _all_pairs():
        assert english.strip() == english and urdu.strip() == urdu
        assert english[-1] in ".?!", english
        assert urdu[-1] in "۔؟!", urdu


def test_both_sides_use_the_same_known_slots() -> None:
    for english, urdu in _all_pairs():
        assert _slots(english) == _slots(urdu), english
        assert _slots(english) <= set(ur.SLOTS_UR), english
        assert english.count("{") == english.count("}"), english
        assert urdu.count("{") == urdu.count("}"), urdu


def test_english_templates_fit_lower_case_slot_values() -> None:
    for english, _ in _all_pairs():
        assert not english.startswith("{"), english
        assert not re.search(r"\b(?:a|an|A|An) \{", english), english
    for name, values in ur.SLOTS_UR.items():
        for english, urdu in values:
            assert english and urdu and not _slots(english) and not _slots(urdu), name


# -- script -----------------------------------------------------------------------------------
def test_urdu_is_urdu_script_without_latin_letters() -> None:
    for text in _all_urdu_texts():
        body = re.sub(r"\{\w+\}", "", text)
        assert URDU_LETTER.search(body), text
        assert not LATIN.search(body), text
        assert not DEVANAGARI.search(text), text
        assert not ARABIC_LOOKALIKES.search(text), text
    for english, _ in _all_pairs():
        assert not URDU_LETTER.search(english), english


def test_urdu_sentences_use_urdu_specific_letters() -> None:
    for _, urdu in _all_pairs():
        assert URDU_SPECIFIC.search(urdu), urdu


def test_urdu_first_person_is_gender_neutral() -> None:
    assert GENDERED_FIRST_PERSON.search("میں روز یہ کام کرتا ہوں۔")
    assert GENDERED_FIRST_PERSON.search("کل میں فون کروں گی۔")
    for text in _all_urdu_texts():
        assert not GENDERED_FIRST_PERSON.search(text), text


# -- fill_pair --------------------------------------------------------------------------------
@pytest.mark.parametrize("seed", [0, 1, 2, 2024])
def test_filled_pairs_have_no_braces_and_urdu_has_no_latin(seed: int) -> None:
    rng = random.Random(seed)
    for pair in _all_pairs():
        english, urdu = ur.fill_pair(pair, rng)
        assert "{" not in english + urdu and "}" not in english + urdu, pair
        assert URDU_LETTER.search(urdu) and not LATIN.search(urdu), urdu
        assert not URDU_LETTER.search(english), english


def test_fill_pair_is_deterministic_for_a_seeded_rng() -> None:
    pairs = _all_pairs()
    first = [ur.fill_pair(pair, random.Random(7)) for pair in pairs]
    again = [ur.fill_pair(pair, random.Random(7)) for pair in pairs]
    assert first == again
    rng_a, rng_b = random.Random(99), random.Random(99)
    assert [ur.fill_pair(p, rng_a) for p in pairs] == [ur.fill_pair(p, rng_b) for p in pairs]


def test_fill_pair_uses_the_same_entry_on_both_sides() -> None:
    template = ("<{place}|{month}|{place}>", "<{month}|{place}>")
    seen: set[tuple[int, int]] = set()
    rng = random.Random(3)
    for _ in range(200):
        english, urdu = ur.fill_pair(template, rng)
        place_en, month_en, place_again = english[1:-1].split("|")
        month_ur, place_ur = urdu[1:-1].split("|")
        assert place_again == place_en  # one value per slot, even when it is repeated
        i = [e for e, _ in ur.SLOTS_UR["place"]].index(place_en)
        j = [e for e, _ in ur.SLOTS_UR["month"]].index(month_en)
        assert ur.SLOTS_UR["place"][i][1] == place_ur
        assert ur.SLOTS_UR["month"][j][1] == month_ur
        seen.add((i, j))
    assert len(seen) > 10  # the index is really drawn


def test_fill_pair_can_fix_an_index() -> None:
    english, urdu = ur.fill_pair(
        ("In {department}.", "{department} میں۔"), random.Random(1), {"department": 2}
    )
    assert english == f"In {ur.SLOTS_UR['department'][2][0]}."
    assert urdu == f"{ur.SLOTS_UR['department'][2][1]} میں۔"


def test_fill_pair_without_slots_returns_the_pair() -> None:
    pair = ("Take your time.", "آرام سے، کوئی جلدی نہیں۔")
    assert ur.fill_pair(pair, random.Random(0)) == pair


def test_fill_pair_rejects_unknown_and_mismatched_slots() -> None:
    with pytest.raises(KeyError, match="no_such_slot"):
        ur.fill_pair(("A {no_such_slot}.", "{no_such_slot} ہے۔"), random.Random(0))
    with pytest.raises(ValueError, match="different slots"):
        ur.fill_pair(("In {month}.", "{place} میں۔"), random.Random(0))
    with pytest.raises(ValueError):
        ur.fill_pair(("In {month}.", "ہسپتال میں۔"), random.Random(0))


# -- module hygiene ---------------------------------------------------------------------------
def test_module_uses_the_standard_library_only() -> None:
    tree = ast.parse(Path(ur.__file__).read_text(encoding="utf-8"))
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module.split(".")[0])
    assert modules <= set(sys.stdlib_module_names) | {"__future__"}, modules
