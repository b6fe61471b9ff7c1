import pytest
from tests.deid_corpus import CORPUS, KEY, corpus_scores

from thematic.core.deidentify import (
    KINDS,
    Finding,
    Pseudonymizer,
    apply,
    detect,
    detectors_used,
    find_terms,
    merge_findings,
)
from thematic.errors import Invalid

# --- the planted corpus (scored by tests/deid_corpus.py, shared with the benchmark) ----------


def test_corpus_recall_and_precision_per_kind():
    table = corpus_scores()
    print("\nkind            planted  found  recall  precision")
    for kind, (planted, found, recall, precision) in table.items():
        print(f"{kind:<15} {planted:>7} {found:>6} {recall:>7.2f} {precision:>10.2f}")
    for kind in ("phone", "national_id", "email"):
        assert table[kind][2] == 1.0, kind
    for kind in ("person", "institution", "date"):
        assert table[kind][2] >= 0.8, kind


def test_every_planted_text_is_in_its_file():
    for name, planted in KEY["files"].items():
        text = (CORPUS / name).read_text(encoding="utf-8")
        for kind, needle in planted:
            assert kind in KINDS
            assert needle in text, (name, needle)


# --- patterns --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind", "expected"),
    [
        ("call +92 300 1234567 now", "phone", "+92 300 1234567"),
        ("call +92-321-4567890.", "phone", "+92-321-4567890"),
        ("call 0092 345 1234567", "phone", "0092 345 1234567"),
        ("call 0300-1234567", "phone", "0300-1234567"),
        ("call 03001234567", "phone", "03001234567"),
        ("ward 042-35761234", "phone", "042-35761234"),
        ("ward (042) 3576 1234", "phone", "(042) 3576 1234"),
        ("cousin +44 20 7946 0958", "phone", "+44 20 7946 0958"),
        ("card 35202-1234567-1", "national_id", "35202-1234567-1"),
        ("CNIC 3520212345671", "national_id", "3520212345671"),
        ("her ID: 3520212345671", "national_id", "3520212345671"),
        ("write to a.khan@aku.edu.pk.", "email", "a.khan@aku.edu.pk"),
        ("see https://example.org/a?b=1.", "url", "https://example.org/a?b=1"),
        ("see www.example.pk", "url", "www.example.pk"),
        ("on 12/03/1985", "date", "12/03/1985"),
        ("on 12-03-1985", "date", "12-03-1985"),
        ("on 1985-03-12", "date", "1985-03-12"),
        ("on 12 March 1985", "date", "12 March 1985"),
        ("on March 12, 1985", "date", "March 12, 1985"),
        ("on the 12th of March", "date", "12th of March"),
        ("she was born in March 1985", "date", "March 1985"),
        ("DOB: 12/03/1985", "date", "12/03/1985"),
        ("MRN 123456 was", "record_number", "123456"),
        ("MR# 00123", "record_number", "00123"),
        ("record number 4567", "record_number", "4567"),
        ("patient ID AB-1234", "record_number", "AB-1234"),
    ],
)
def test_pattern_finds(sentence, kind, expected):
    findings = detect(sentence, places=False)
    assert [(f.kind, f.text, f.source) for f in findings] == [(kind, expected, "pattern")]
    f = findings[0]
    assert sentence[f.start : f.end] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "We start at 10:30 and the round ends at 9:15.",
        "About 45% of nurses and 12.5 % of doctors left.",
        "In 2019 the BHU was promised, and again in 2021.",
        "Between 2015 and 2019 we had 40 beds.",
        "I am 34 years old and my mother is 62.",
        "My salary is Rs. 45,000, the rent PKR 38,000 and a vial 1,200 rupees.",
        "In March 2020 we started; by May we had 300 calls.",
        "We see 20-25 patients a day, 3-4 times a week, ratio 1:3.",
        "Thank you, doctor. Let us begin.",
        "The District Hospital and the Government Hospital are far.",
        "I am a nurse in the ward.",
        "Dr. Who? I asked the doctor Why, and Doctor Where.",
        "Begum Sahiba told us. Bibi Jee came. Ji Sahib, I said.",
        "BHU Staff were absent and the RHC Incharge came.",
        "I Am Not Sure About The Hospital Rules.",
    ],
)
def test_no_false_positives(sentence):
    assert detect(sentence, places=False) == []


def test_honorifics_in_a_row_and_a_name_after_small_words():
    text = "Prof. Dr. Ahmed Khan works at, Not Sure About The Jinnah Hospital."
    found = [(f.kind, f.text) for f in detect(text, places=False)]
    assert found == [("person", "Prof. Dr. Ahmed Khan"), ("institution", "Jinnah Hospital")]


# --- lists -----------------------------------------------------------------------------------


def test_honorifics_and_institutions():
    text = "Dr. Ayesha Khan, Sister Rubina and Aslam Sahib at Aga Khan University and DHQ Swat."
    found = [(f.kind, f.text) for f in detect(text, places=False)]
    assert found == [
        ("person", "Dr. Ayesha Khan"),
        ("person", "Sister Rubina"),
        ("person", "Aslam Sahib"),
        ("institution", "Aga Khan University"),
        ("institution", "DHQ Swat"),
    ]


def test_urdu_script_terms_with_code_point_offsets():
    text = "ہم نے کراچی اور اسلام آباد میں ڈاکٹر عائشہ سے بات کی۔ کراچیوالا نہیں"
    found = detect(text)
    assert [(f.kind, f.text) for f in found] == [
        ("place", "کراچی"),
        ("place", "اسلام آباد"),
        ("person", "ڈاکٹر عائشہ"),
    ]
    assert [(f.start, f.end) for f in found] == [(6, 11), (16, 26), (31, 42)]
    for f in found:
        assert text[f.start : f.end] == f.text


def test_find_terms_longest_first_case_insensitive_whole_words():
    terms = {"Ayesha": "person", "ayesha khan": "person", "نسرین": "person"}
    text = "AYESHA KHAN and Ayeshabad; سسٹر نسرین، نسرینہ"
    found = find_terms(text, terms)
    assert [(f.text, f.start) for f in found] == [("AYESHA KHAN", 0), ("نسرین", 32)]
    with pytest.raises(Invalid):
        find_terms(text, {"x": "animal"})


def test_places_are_optional_but_study_terms_still_count():
    text = "I work in Lahore near Gulberg."
    assert [f.text for f in detect(text)] == ["Lahore"]
    assert detect(text, places=False) == []
    assert [f.text for f in detect(text, places=False, terms={"Gulberg": "place"})] == ["Gulberg"]


def test_model_findings_merge_and_must_fit():
    text = "Call Rubina on 0300-1234567."

    def fake_model(t):
        return [
            Finding(5, 11, "person", "Rubina", "model", 0.7),
            Finding(15, 27, "custom", "0300-1234567", "model", 0.6),
        ]

    found = detect(text, model=fake_model)
    assert [(f.kind, f.source) for f in found] == [("person", "model"), ("phone", "pattern")]
    assert detectors_used(model=fake_model)[-1] == "model: fake_model"
    with pytest.raises(Invalid):
        detect(text, model=lambda t: [Finding(0, 4, "person", "Nope", "model", 0.5)])


def test_merge_prefers_longer_then_pattern_over_model():
    short = Finding(0, 6, "person", "Rubina", "list", 1.0)
    long = Finding(0, 11, "person", "Rubina Bibi", "model", 0.5)
    assert merge_findings([short, long]) == [long]
    same = Finding(0, 6, "custom", "Rubina", "model", 1.0)
    assert merge_findings([same, short]) == [short]


def test_finding_is_validated_and_text_must_be_nfc():
    with pytest.raises(Invalid):
        Finding(0, 3, "animal", "cat", "list", 1.0)
    with pytest.raises(Invalid):
        Finding(0, 3, "person", "ca", "list", 1.0)
    with pytest.raises(Invalid):
        detect("Cafe\u0301 Lahore")


# --- pseudonyms ------------------------------------------------------------------------------


def test_pseudonyms_are_consistent_across_documents():
    terms = {"Rubina": "person", "Ayesha Khan": "person"}
    first = "Dr. Ayesha Khan met Rubina at Jinnah Hospital in Lahore; call 0300-1234567."
    second = "Later ayesha  KHAN and rubina moved from LAHORE to Aga Khan University, Karachi."
    pseudonyms = Pseudonymizer()
    labels = [
        [label for _, _, label in pseudonyms.replacements(detect(doc, terms=terms))]
        for doc in (first, second)
    ]
    assert labels[0] == ["[Doctor A]", "[Person A]", "[Hospital 1]", "[City 1]", "[Phone]"]
    assert labels[1] == ["[Doctor A]", "[Person A]", "[City 1]", "[Institution 1]", "[City 2]"]
    key = pseudonyms.key()
    assert key["[Doctor A]"] == ("Dr. Ayesha Khan", "ayesha  KHAN")
    assert key["[City 1]"] == ("Lahore", "LAHORE")
    assert key["[Phone]"] == ("0300-1234567",)


def test_many_people_get_letters_beyond_z():
    pseudonyms = Pseudonymizer()
    labels = [pseudonyms.label("person", f"Name{i}") for i in range(28)]
    assert labels[0] == "[Person A]" and labels[25] == "[Person Z]" and labels[27] == "[Person AB]"


def test_custom_scheme():
    pseudonyms = Pseudonymizer({"person": "[Participant colleague {n}]", "place": "<{letter}>"})
    assert pseudonyms.label("person", "Sister Rubina") == "[Participant colleague 1]"
    assert pseudonyms.label("person", "Dr. Ayesha") == "[Participant colleague 2]"
    assert pseudonyms.label("person", "rubina") == "[Participant colleague 1]"
    assert pseudonyms.label("place", "Swat") == "<A>"
    assert pseudonyms.label("phone", "0300-1234567") == "[Phone]"
    with pytest.raises(Invalid):
        Pseudonymizer({"animal": "[Animal {n}]"})
    with pytest.raises(Invalid):
        Pseudonymizer({"person": "[Person {number}]"})


def test_urdu_doctor_label():
    pseudonyms = Pseudonymizer()
    assert pseudonyms.label("person", "ڈاکٹر عائشہ") == "[Doctor A]"
    assert pseudonyms.label("person", "عائشہ") == "[Doctor A]"


# --- apply and remap -------------------------------------------------------------------------

TEXT = "Ask Dr. Ayesha Khan today."  # the name is 4-19, "today" is 20-25


def test_apply_and_remap_worked_by_hand():
    new, remap = apply(TEXT, [(20, 25, "[Weekday]"), (4, 19, "[Doctor A]")])
    assert new == "Ask [Doctor A] [Weekday]."
    assert (remap.old_length, remap.new_length) == (26, 25)
    # before the name, and touching it from outside: unchanged
    assert remap.remap_span(0, 3) == (0, 3)
    assert remap.remap_span(0, 4) == (0, 4)
    # the exact name, a span inside it, and spans starting or ending inside it
    assert remap.remap_span(4, 19) == (4, 14)
    assert remap.remap_span(8, 14) == (4, 14)  # "Ayesha" -> the whole "[Doctor A]"
    assert remap.remap_span(8, 26) == (4, 25)  # starts inside -> start of the replacement
    assert remap.remap_span(0, 14) == (0, 14)  # "Ask Dr. Ayesha" ends inside -> its end
    # after the name: shifted by 10 - 15 = -5, then by 9 - 5 = +4 after "today"
    assert remap.remap_span(19, 20) == (14, 15)
    assert remap.remap_span(25, 26) == (24, 25)
    assert new[24:25] == "."
    assert remap.remap_span(0, 26) == (0, 25)
    with pytest.raises(Invalid):
        remap.remap_span(3, 30)


def test_apply_deletion_and_touching_replacements():
    new, remap = apply("abcdef", [(2, 4, ""), (0, 2, "XY"), (4, 6, "Z")])
    assert new == "XYZ"
    assert remap.remap_span(2, 3) == (2, 2)  # inside a deletion: empty, to be dropped
    assert remap.remap_span(1, 5) == (0, 3)


def test_overlapping_or_bad_replacements_are_rejected():
    with pytest.raises(Invalid, match="overlap"):
        apply(TEXT, [(4, 19, "[Doctor A]"), (8, 14, "[Person A]")])
    with pytest.raises(Invalid):
        apply(TEXT, [(20, 40, "[X]")])
    with pytest.raises(Invalid):
        apply(TEXT, [(5, 5, "[X]")])


def test_pipeline_replaces_and_keeps_codings():
    text = "Sister Rubina called 0300-1234567 from Mayo Hospital."
    coding = (0, 20)  # "Sister Rubina called"
    pseudonyms = Pseudonymizer()
    new, remap = apply(text, pseudonyms.replacements(detect(text)))
    assert new == "[Person A] called [Phone] from [Hospital 1]."
    start, end = remap.remap_span(*coding)
    assert new[start:end] == "[Person A] called"


@pytest.mark.parametrize(
    "sentence",
    [
        "میں نے ہیڈ نرس صاحبہ سے بات کی",  # "I spoke to the head nurse" (a title, no name)
        "ڈاکٹر صاحب نے کہا",  # "the doctor said"
        "انچارج صاحب چھٹی پر تھے",  # "the officer in charge was on leave"
    ],
)
def test_urdu_titles_are_not_names(sentence):
    assert [f for f in detect(sentence, places=False) if f.kind == "person"] == []


def test_an_urdu_name_with_sahib_is_still_found():
    found = detect("میں نے اسلم صاحب سے بات کی", places=False)
    assert [(f.kind, f.text) for f in found] == [("person", "اسلم صاحب")]


# --- re-mapping offsets: properties -----------------------------------------------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@st.composite
def texts_with_replacements(draw):
    text = draw(st.text(alphabet="ab عائشہ🙂 ", min_size=1, max_size=40))
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=8)))
    pairs = list(zip(cuts[::2], cuts[1::2], strict=False))
    pairs = [(s, e) for s, e in pairs if e > s]
    labels = draw(
        st.lists(
            st.sampled_from(["[A]", "[Doctor B]", "X"]), min_size=len(pairs), max_size=len(pairs)
        )
    )
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    return text, [(s, e, r) for (s, e), r in zip(pairs, labels, strict=True)], (start, end)


@given(texts_with_replacements())
def test_a_remapped_span_holds_the_same_words_with_pseudonyms(case):
    text, replacements, (start, end) = case
    new_text, remap = apply(text, replacements)
    new_start, new_end = remap.remap_span(start, end)
    assert 0 <= new_start < new_end <= len(new_text)
    # Widen the old span over any replacement a boundary falls inside: that is what it becomes.
    for s, e, _ in replacements:
        if s <= start < e:
            start = s
        if s < end <= e:
            end = e
    inside = [(s - start, e - start, r) for s, e, r in replacements if start <= s and e <= end]
    expected, _ = apply(text[start:end], inside)
    assert new_text[new_start:new_end] == expected


def test_a_replacement_that_would_break_nfc_is_refused():
    text = "Mx\u0301 said"  # NFC already: x has no precomposed form with an acute
    with pytest.raises(Invalid, match="replacement 1-2: the text would not stay NFC"):
        apply(text, [(1, 2, "e")])  # "e" + U+0301 would compose into "é"
    assert apply(text, [(0, 3, "[Person A]")])[0] == "[Person A] said"
