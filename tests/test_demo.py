"""The demo study: shaped like the reference study, deterministic, with real disagreement."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path

import pytest

import thematic
from thematic.demo import DOUBLE_CODERS, build_demo
from thematic.study import CONSENSUS

URDU_LETTERS = re.compile(r"[\u0600-\u06FF]")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> thematic.Study:
    path = tmp_path_factory.mktemp("demo") / "demo.thematic"
    study = build_demo(path, seed=2024)
    yield study
    study.close()


def _fingerprint(study: thematic.Study) -> str:
    digest = hashlib.sha256()
    for doc in study.documents():
        digest.update(f"{doc.title}|{doc.participant}|{doc.text}".encode())
    for coding in study.codings():
        digest.update(
            f"{coding.document_id}:{coding.start}:{coding.end}:{coding.code_id}:"
            f"{coding.coder}".encode()
        )
    for person in study.participants():
        digest.update(repr(sorted(person.attributes.items())).encode())
    return digest.hexdigest()


def test_participants_and_screening(demo: thematic.Study) -> None:
    people = demo.participants()
    eligible = [p for p in people if p.eligible]
    assert len(eligible) == 34
    assert len(people) - len(eligible) == 4
    assert all(p.consent is not None for p in eligible)
    assert {p.attributes["site"] for p in eligible} == {"Lahore", "Karachi", "Islamabad"}
    assert {p.attributes["role"] for p in eligible} == {"physician", "nurse", "allied health"}
    assert {p.attributes["facility_type"] for p in eligible} == {"public", "private"}
    for person in people:
        if not person.eligible:
            assert person.failed_criteria  # each screened-out candidate says why


def test_one_transcript_per_participant_of_realistic_length(demo: thematic.Study) -> None:
    english = [d for d in demo.documents(kind="transcript") if d.language == "en"]
    assert sorted(d.participant for d in english) == [f"P{i:02d}" for i in range(1, 35)]
    for doc in english:
        words = len(doc.text.split())
        assert 3000 <= words <= 6000, (doc.title, words)
        speakers = Counter(t.speaker for t in doc.turns)
        assert set(speakers) == {"Interviewer", doc.participant}
        assert speakers["Interviewer"] >= 15

    # Written from varied material, not copies: what participants say overlaps little.
    def said(doc: thematic.Document) -> set[str]:
        return {
            sentence
            for turn in doc.turns
            if turn.speaker != "Interviewer"
            for sentence in re.split(r"(?<=[.?!])\s+", doc.text[turn.start : turn.end])
        }

    for limit, group in (
        (0.6, [d for d in english if not d.translation_of]),
        (0.8, [d for d in english if d.translation_of]),
    ):
        sentences = [said(d) for d in group[:12]]
        for i, a in enumerate(sentences):
            for b in sentences[i + 1 :]:
                assert len(a & b) / len(a) < limit


def test_urdu_originals_sit_beside_their_translations(demo: thematic.Study) -> None:
    originals = [d for d in demo.documents() if d.language == "ur"]
    assert len(originals) >= 5
    translations = {d.translation_of: d for d in demo.documents() if d.translation_of}
    for original in originals:
        assert len(URDU_LETTERS.findall(original.text)) > 0.5 * len(original.text.replace(" ", ""))
        english = translations[original.id]
        assert english.participant == original.participant
        assert len(english.turns) == len(original.turns)


def test_field_notes_and_memos(demo: thematic.Study) -> None:
    notes = demo.documents(kind="field_note")
    assert 5 <= len(notes) <= 30 and all(n.participant for n in notes)
    assert {m.kind for m in demo.memos()} >= {"analytic", "reflexive"}


def test_consensus_covers_all_and_two_coders_double_code_at_least_eight(
    demo: thematic.Study,
) -> None:
    english = {d.id for d in demo.documents(kind="transcript") if d.language == "en"}
    consensus_docs = {c.document_id for c in demo.codings(coder=CONSENSUS)}
    assert consensus_docs == english
    assert demo.summary()["transcripts_coded"] == 34
    bilal, sana = ({c.document_id for c in demo.codings(coder=name)} for name in DOUBLE_CODERS)
    assert bilal == sana and len(bilal) >= 8
    sites = {demo.document(i).participant for i in bilal}
    cities = {p.attributes["site"] for p in demo.participants() if p.label in sites}
    assert cities == {"Lahore", "Karachi", "Islamabad"}


def test_coders_disagree_in_realistic_ways(demo: thematic.Study) -> None:
    doc_ids = {c.document_id for c in demo.codings(coder="bilal")}
    consensus = {
        (c.document_id, c.start, c.end, c.code_id)
        for c in demo.codings(coder=CONSENSUS)
        if c.document_id in doc_ids
    }
    spans = {
        name: {(c.document_id, c.start, c.end, c.code_id) for c in demo.codings(coder=name)}
        for name in DOUBLE_CODERS
    }
    for coded in spans.values():
        exact = len(coded & consensus) / len(consensus)
        assert 0.4 < exact < 0.95  # mostly right, never identical
    same_place = {(d, s, e) for d, s, e, _ in spans["bilal"]}
    other_place = {(d, s, e) for d, s, e, _ in spans["sana"]}
    assert spans["bilal"] != spans["sana"]
    assert same_place & other_place  # they agree on many passages
    by_position = {}
    for d, s, e, code in spans["bilal"]:
        by_position[(d, s, e)] = code
    assert (
        any(by_position.get((d, s, e)) not in (None, code) for d, s, e, code in spans["sana"])
        or len(spans["bilal"] ^ spans["sana"]) > 20
    )


def test_codes_are_discovered_by_interview_26(demo: thematic.Study) -> None:
    order = {d.id: d.participant for d in demo.documents(kind="transcript") if d.language == "en"}
    first_seen: dict[int, str] = {}
    for coding in sorted(demo.codings(coder=CONSENSUS), key=lambda c: order[c.document_id]):
        first_seen.setdefault(coding.code_id, order[coding.document_id])
    assert len(first_seen) == 36
    assert max(first_seen.values()) <= "P26"


def test_the_same_seed_gives_the_same_study(demo: thematic.Study, tmp_path: Path) -> None:
    again = build_demo(tmp_path / "again.thematic", seed=2024)
    try:
        assert _fingerprint(again) == _fingerprint(demo)
    finally:
        again.close()
    other = build_demo(tmp_path / "other.thematic", seed=7)
    try:
        assert _fingerprint(other) != _fingerprint(demo)
    finally:
        other.close()


def test_agreement_on_the_demo_is_plausible_and_stable(demo: thematic.Study) -> None:
    """Computed from the demo's codings: two careful but imperfect coders. The pinned values
    fail the test if the agreement computation (or the demo's coding) changes."""
    report = demo.agreement(list(DOUBLE_CODERS))
    overall = report.rows[-1]
    assert 0.4 < overall.kappa < 0.9 and 0.4 < overall.alpha_u < 0.95
    for row in report.rows[:-1]:
        if row.alpha_low == row.alpha_low:
            assert row.alpha_low <= row.alpha <= row.alpha_high
    assert (round(overall.kappa, 3), round(overall.alpha, 3), round(overall.alpha_u, 3)) == (
        0.658,
        0.658,
        0.729,
    )
    assert [d.domain for d in report.domains] == [
        "Organizational",
        "Personal",
        "Systemic",
        "Technological",
    ]
    assert all(0.5 < d.cu_alpha < 1 for d in report.domains)
    assert round(report.Cu_alpha, 3) == 0.863
    kinds = Counter(r.kind for r in demo.discrepancies(list(DOUBLE_CODERS)))
    assert set(kinds) == {"only_one", "boundaries", "different_codes"}
    assert sum(kinds.values()) == 397


def test_linked_barriers_are_coded_together(demo: thematic.Study) -> None:
    """The consensus layer codes some passages with two subthemes, as the memo describes."""
    from thematic.demo import LINKED_SUBTHEMES

    pairs = demo.cooccurrence("subtheme")
    found = {frozenset((row.a, row.b)) for row in pairs.itertuples()}
    assert found == {frozenset(pair) for pair in LINKED_SUBTHEMES.items()}
    # Co-coding never introduces a code a participant did not raise on their own.
    assert pairs["participants"].max() <= 34
