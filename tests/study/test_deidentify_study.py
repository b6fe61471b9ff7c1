"""De-identification through the Study API: scan, review, apply, the key, the report."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from tests.privacy_study import KEY_PASS, P07_TEXT, P07_URDU, P08_TEXT, build_privacy
from tests.tiny_study import span

import thematic
from thematic.core.models import Proposal
from thematic.errors import Conflict, Forbidden, Invalid, NotFound
from thematic.study.keyfile import KeyFile


@pytest.fixture
def study(new_study: thematic.Study, tmp_path: Path) -> thematic.Study:
    return build_privacy(new_study, tmp_path / "study.key")


def scanned(study: thematic.Study) -> dict[str, Proposal]:
    study.scan_identifiers(key_passphrase=KEY_PASS, model=None)
    return {f"{p.where}:{p.original}": p for p in study.proposals()}


def text_of(study: thematic.Study, title: str) -> str:
    return study.document(title).text


def test_scan_proposes_consistent_pseudonyms_and_changes_nothing(study):
    result = study.scan_identifiers(key_passphrase=KEY_PASS, model=None)
    assert result.documents == 3 and result.memos == 4
    assert result.proposals == {"person": 3, "institution": 2, "phone": 1}
    assert "study terms (1)" in result.detectors
    assert "no named-entity model" in result.model_status
    found = {(p.where, p.original): p.replacement for p in study.proposals()}
    assert found == {
        ("P07 interview", "Dr. Ayesha Khan"): "[Doctor A]",
        ("P07 interview", "Jinnah Hospital"): "[Hospital 1]",
        ("P07 interview", "Saima"): "[Person A]",
        ("P07 interview", "0300-1234567"): "[Phone]",
        ("P07 interview (Urdu)", "ڈاکٹر عائشہ خان"): "[Doctor B]",
        # the same hospital keeps its label in another participant's transcript
        ("P08 interview", "Jinnah Hospital"): "[Hospital 1]",
    }
    assert text_of(study, "P07 interview") == P07_TEXT
    assert study.pending_identifiers() == {
        "P07 interview": 4,
        "P07 interview (Urdu)": 1,
        "P08 interview": 1,
    }
    proposal = next(p for p in study.proposals() if p.original == "Saima")
    assert "helps, and Saima too" in proposal.context
    event = study.log(action="deidentify.scan")[0]
    assert event.detail["proposals"] == result.proposals
    assert "Saima" not in repr(event)


def test_apply_moves_codings_that_start_end_or_sit_inside_a_name(study):
    proposals = scanned(study)
    study.decide_proposals([p.id for p in proposals.values()], "accept")
    applied = study.apply_deidentification(key_passphrase=KEY_PASS)
    assert applied == {"person": 3, "institution": 2, "phone": 1}
    new = text_of(study, "P07 interview")
    assert new == (
        "I: Who helps you?\n"
        "P07: [Doctor A] at [Hospital 1] helps, and [Person A] too 🙂.\n"
        "P07: Call me on [Phone] if the internet fails again."
    )
    doc = study.document("P07 interview")
    coded = sorted((c.coder, new[c.start : c.end]) for c in study.codings(document=doc.id))
    assert coded == [
        ("bilal", "[Doctor A] at [Hospital 1]"),  # started inside the name
        ("bilal", "the internet fails again"),  # after every name: shifted
        ("sana", "[Doctor A]"),  # sat inside the name: the whole pseudonym
        ("sana", "helps, and [Person A]"),  # ended inside a name
    ]
    assert [new[t.start : t.end] for t in doc.turns] == new.split("\n")
    quote = study.pinned_quotes()[0]
    assert quote.text == "the internet fails again"
    urdu = text_of(study, "P07 interview (Urdu)")
    assert urdu == P07_URDU.replace("ڈاکٹر عائشہ خان", "[Doctor B]")
    urdu_coding = study.codings(document=study.document("P07 interview (Urdu)").id)[0]
    assert urdu[urdu_coding.start : urdu_coding.end] == "انٹرنیٹ بہت سست ہے"
    assert text_of(study, "P08 interview") == P08_TEXT.replace("Jinnah Hospital", "[Hospital 1]")
    assert study.pending_identifiers() == {}
    assert all(p.status == "applied" and p.original is None for p in study.proposals())


def test_memo_linked_to_a_coding_still_finds_it(study):
    proposals = scanned(study)
    study.decide_proposals([p.id for p in proposals.values()], "accept")
    study.apply_deidentification(key_passphrase=KEY_PASS)
    memo = next(m for m in study.memos() if m.body == "Internet again.")
    assert study.memo_link((memo.link_type, memo.link_id)).exists
    coding = next(c for c in study.codings() if c.id == memo.link_id)
    assert text_of(study, "P07 interview")[coding.start : coding.end] == "the internet fails again"


def test_two_codings_that_become_one_span_merge(study):
    doc = study.document("P07 interview")
    start, end = span(P07_TEXT, "Dr. Ayesha")
    study.code(doc.id, start, end, "Support/Colleagues", coder="sana")
    proposals = scanned(study)
    study.decide_proposals([proposals["P07 interview:Dr. Ayesha Khan"].id], "accept")
    study.apply_deidentification(key_passphrase=KEY_PASS)
    new = text_of(study, "P07 interview")
    sana = [new[c.start : c.end] for c in study.codings(document=doc.id, coder="sana")]
    assert sana.count("[Doctor A]") == 1  # "Dr. Ayesha" and "Ayesha" are one coding now


def test_the_full_text_index_forgets_the_original(study):
    assert len(study.search("Saima")) == 1
    proposals = scanned(study)
    study.decide_proposals([p.id for p in proposals.values()], "accept")
    study.apply_deidentification(key_passphrase=KEY_PASS)
    assert len(study.search("Saima")) == 0
    assert len(study.search("Ayesha")) == 0
    assert len(study.search('"Person A"')) == 1


def test_sqlite_file_keeps_no_replaced_identifier(tmp_path):
    study = build_privacy(thematic.create(tmp_path / "s.thematic"), tmp_path / "s.key")
    path = tmp_path / "s.thematic"
    assert b"0300-1234567" in path.read_bytes()  # the check below can fail
    proposals = scanned(study)
    study.decide_proposals([p.id for p in proposals.values()], "accept")
    study.apply_deidentification(key_passphrase=KEY_PASS)
    study.close()
    raw = path.read_bytes()
    for original in ("Saima", "0300-1234567", "Ayesha", "عائشہ", "Jinnah"):
        assert original.encode("utf-8") not in raw, original


def test_rejected_stays_and_is_not_proposed_again(study):
    proposals = scanned(study)
    saima = proposals["P07 interview:Saima"]
    study.decide_proposals([saima.id], "reject")
    study.decide_proposals([proposals["P07 interview:Dr. Ayesha Khan"].id], "accept")
    study.apply_deidentification(key_passphrase=KEY_PASS)
    again = study.scan_identifiers(key_passphrase=KEY_PASS, model=None)
    assert "Saima" in text_of(study, "P07 interview")
    originals = [p.original for p in study.proposals(status="proposed")]
    assert "Saima" not in originals  # rejected, and its offsets moved with the text
    assert not any(o and "Doctor A" in o for o in originals)  # a pseudonym is not a name
    assert again.proposals.get("person", 0) == 1  # only the Urdu name


def test_edit_changes_the_replacement_and_the_extent(study):
    proposals = scanned(study)
    phone = proposals["P07 interview:0300-1234567"]
    start, end = span(P07_TEXT, "on 0300-1234567")
    edited = study.edit_proposal(phone.id, replacement="[a mobile number]", start=start, end=end)
    assert (edited.status, edited.original) == ("accepted", "on 0300-1234567")
    with pytest.raises(Conflict, match="overlaps proposal"):
        study.edit_proposal(proposals["P07 interview:Saima"].id, start=start - 3, end=end)
    with pytest.raises(Invalid):
        study.edit_proposal(phone.id, replacement="  ")
    study.apply_deidentification(key_passphrase=KEY_PASS)
    assert "Call me [a mobile number] if" in text_of(study, "P07 interview")


def test_reviewer_adds_a_missed_identifier(study):
    scanned(study)
    start, end = span(P08_TEXT, "telemedicine")
    added = study.add_proposal("P08 interview", start, end, "custom", key_passphrase=KEY_PASS)
    assert (added.status, added.source, added.replacement) == (
        "accepted",
        "reviewer",
        "[Redacted 1]",
    )
    study.apply_deidentification(key_passphrase=KEY_PASS)
    assert "has no [Redacted 1] law" in text_of(study, "P08 interview")
    coding = next(
        c for c in study.codings(document=study.document("P08 interview").id) if c.coder == "bilal"
    )
    assert text_of(study, "P08 interview")[coding.start : coding.end] == "no [Redacted 1] law"


def test_apply_is_one_transaction(study):
    proposals = scanned(study)
    study.decide_proposals([p.id for p in proposals.values()], "accept")
    stale = proposals["P08 interview:Jinnah Hospital"]
    with study._engine.begin() as connection:  # a proposal whose text no longer matches
        connection.execute(
            sa.text('UPDATE deid_proposals SET "start" = 0, "end" = 3 WHERE id = :id'),
            {"id": stale.id},
        )
    with pytest.raises(Conflict, match="changed since the scan"):
        study.apply_deidentification(key_passphrase=KEY_PASS)
    assert text_of(study, "P07 interview") == P07_TEXT  # nothing half-applied
    assert study.proposals(status="applied") == []


def test_report_lists_kinds_and_places_without_originals(study):
    proposals = scanned(study)
    study.decide_proposals([p.id for p in proposals.values()], "accept")
    study.apply_deidentification(key_passphrase=KEY_PASS)
    report = study.deidentification_report()
    assert [(r["where"], r["kind"], r["replacements"]) for r in report] == [
        ("P07 interview", "institution", 1),
        ("P07 interview", "person", 2),
        ("P07 interview", "phone", 1),
        ("P07 interview (Urdu)", "person", 1),
        ("P08 interview", "institution", 1),
    ]
    flat = repr(report)
    for original in ("Ayesha", "Saima", "0300", "Jinnah", "عائشہ"):
        assert original not in flat


def test_the_key_is_encrypted_separate_and_holds_the_originals(study, tmp_path):
    proposals = scanned(study)
    study.decide_proposals([p.id for p in proposals.values()], "accept")
    study.apply_deidentification(key_passphrase=KEY_PASS)
    path = tmp_path / "study.key"
    assert study.key_file() == path.resolve()
    raw = path.read_bytes()
    assert b"Saima" not in raw and "عائشہ".encode() not in raw
    key = KeyFile.load(path, KEY_PASS)
    assert {(r.label, r.original) for r in key.replacements} >= {
        ("[Doctor A]", "Dr. Ayesha Khan"),
        ("[Doctor B]", "ڈاکٹر عائشہ خان"),
    }
    with pytest.raises(Invalid, match="wrong key passphrase"):
        KeyFile.load(path, "not it")
    with pytest.raises(Invalid, match="wrong key passphrase"):
        study.scan_identifiers(key_passphrase="not it", model=None)


def test_a_key_of_another_study_is_refused(study, tmp_path):
    scanned(study)
    other = thematic.create(tmp_path / "other.thematic")
    try:
        other.add_identifying_term("X", key_passphrase=KEY_PASS)  # makes other.thematic.key
        other.set_key_file(tmp_path / "study.key")
        with pytest.raises(Invalid, match="belongs to another study"):
            other.scan_identifiers(key_passphrase=KEY_PASS, model=None)
    finally:
        other.close()


def test_a_chosen_pseudonym_scheme(study):
    study.set_pseudonym_scheme({"person": "Participant-{n}", "institution": "Facility {letter}"})
    found = {p.original: p.replacement for p in scanned(study).values()}
    assert found["Dr. Ayesha Khan"] == "Participant-1"
    assert found["Saima"] == "Participant-2"
    assert found["Jinnah Hospital"] == "Facility A"
    with pytest.raises(Invalid):
        study.set_pseudonym_scheme({"spaceship": "[Ship {n}]"})


def test_study_terms_live_in_the_key(study, tmp_path):
    terms = study.identifying_terms(key_passphrase=KEY_PASS)
    assert [(t.term, t.kind, t.participant) for t in terms] == [("Saima", "person", "P07")]
    with pytest.raises(Conflict):
        study.add_identifying_term("Saima", key_passphrase=KEY_PASS)
    with pytest.raises(NotFound):
        study.add_identifying_term("Ali", participant="P99", key_passphrase=KEY_PASS)
    study.remove_identifying_term("Saima", key_passphrase=KEY_PASS)
    assert study.identifying_terms(key_passphrase=KEY_PASS) == []


def test_only_owners_deidentify(study):
    coder = study.as_user("bilal")
    with pytest.raises(Forbidden):
        coder.scan_identifiers(key_passphrase=KEY_PASS, model=None)
    with pytest.raises(Forbidden):
        coder.proposals()
    with pytest.raises(Forbidden):
        coder.apply_deidentification(key_passphrase=KEY_PASS)


def test_exports_wait_for_pending_identifiers_and_hide_identifying_attributes(study):
    scanned(study)
    with pytest.raises(Conflict, match="not replaced yet"):
        study.for_export("report")
    with pytest.raises(Forbidden):
        study.as_user("bilal").for_export("report", identified=True)
    full = study.for_export("archive", identified=True)
    assert "real name" in full.participant("P07").attributes
    study.decide_proposals([p.id for p in study.proposals()], "accept")
    study.apply_deidentification(key_passphrase=KEY_PASS)
    view = study.for_export("report")
    assert view.deidentified
    assert view.participant("P07").attributes == {"role": "nurse"}
    assert [a.name for a in view.attributes()] == ["role"]
    with pytest.raises(Invalid):
        view.code_frequencies(where={"real name": "Nasreen Akhtar"})
    exports = [(e.target, e.detail["identified"]) for e in study.log(action="export")]
    assert exports == [("report", False), ("archive", True)]


def test_accepting_an_overlapping_proposal_is_refused(study):
    proposals = scanned(study)
    doctor = proposals["P07 interview:Dr. Ayesha Khan"]
    study.decide_proposals([doctor.id], "reject")
    start, end = span(P07_TEXT, "Ayesha")
    study.add_proposal("P07 interview", start, end, "person", "[Nurse]", key_passphrase=KEY_PASS)
    with pytest.raises(Conflict, match=f"proposal {doctor.id} .* overlaps proposal"):
        study.decide_proposals([doctor.id], "accept")
    saima = proposals["P07 interview:Saima"]
    assert study.decide_proposals([saima.id], "accept") == 1  # no overlap: fine
    study.apply_deidentification(key_passphrase=KEY_PASS)
    assert "Dr. [Nurse] Khan" in text_of(study, "P07 interview")


def test_speaker_labels_take_the_pseudonyms(study):
    from thematic import Turn

    text = "Yes, the internet is slow here."
    study.add_document(
        "P08 follow-up", text, participant="P08", turns=[Turn(0, len(text), "Kamran Ali")]
    )
    study.code(study.document("P08 follow-up").id, 5, 30, "Technology/Internet", coder="bilal")
    study.add_identifying_term("Kamran Ali", participant="P08", key_passphrase=KEY_PASS)
    study.decide_proposals([p.id for p in scanned(study).values()], "accept")
    study.apply_deidentification(key_passphrase=KEY_PASS)
    speaker = study.document("P08 follow-up").turns[0].speaker
    assert speaker == "[Person B]"  # Saima is [Person A]
    exported = study.for_export("codings").codings_table(coder="all").to_csv()
    assert "Kamran" not in exported and "[Person B]" in exported
    assert study.log(action="deidentify.apply")[0].detail["speaker_turns"] == 1


def test_a_document_added_after_the_scan_stops_exports(study):
    study.decide_proposals([p.id for p in scanned(study).values()], "accept")
    study.apply_deidentification(key_passphrase=KEY_PASS)
    study.for_export("report")  # all scanned and applied
    study.add_document("P08 second interview", "Dr. Ayesha Khan called.", participant="P08")
    with pytest.raises(Conflict, match="'P08 second interview' came in after the last"):
        study.for_export("report")
    assert study.unscanned_documents() == ["P08 second interview"]
    study.scan_identifiers(key_passphrase=KEY_PASS, model=None)
    assert study.unscanned_documents() == []
    found = study.proposals(status="proposed")
    assert [(p.original, p.replacement) for p in found] == [("Dr. Ayesha Khan", "[Doctor A]")]


def test_an_export_view_leaves_out_original_file_names(study):
    with study._engine.begin() as connection:
        connection.execute(sa.text("UPDATE documents SET source_name = 'Nasreen_Akhtar.docx'"))
    assert study.document("P08 interview").source_name == "Nasreen_Akhtar.docx"
    view = study.for_export("tables")
    assert {d.source_name for d in view.documents()} == {""}
    assert view.document("P08 interview").source_name == ""


def test_apply_reads_settings_inside_its_own_transaction(tmp_path):
    """A large apply spills SQLite's page cache and takes the exclusive lock; a read on a
    second connection inside it would wait and fail ("database is locked"). A one-page cache
    makes every transaction spill, so this study shows it at once."""
    study = build_privacy(thematic.create(tmp_path / "s.thematic"), tmp_path / "s.key")
    study._engine.dispose()
    sa.event.listen(
        study._engine, "connect", lambda connection, _: connection.execute("PRAGMA cache_size=1")
    )
    study.decide_proposals([p.id for p in scanned(study).values()], "accept")
    assert sum(study.apply_deidentification(key_passphrase=KEY_PASS).values()) == 6
    study.withdraw("P08", key_passphrase=KEY_PASS)
    study.close()


def test_deciding_nothing_changes_nothing(study):
    scanned(study)
    before = len(study.log())
    assert study.decide_proposals([], "accept") == 0
    assert len(study.log()) == before


def test_decide_every_undecided_proposal_of_a_kind(study):
    proposals = scanned(study)
    study.decide_proposals([proposals["P07 interview:Saima"].id], "reject")
    assert study.decide_undecided("accept", kind="person", min_confidence=0.8) == 2
    assert {p.original for p in study.proposals(status="accepted")} == {
        "Dr. Ayesha Khan",
        "ڈاکٹر عائشہ خان",
    }
    assert study.decide_undecided("reject") == 3  # two hospitals and the phone
    assert study.has_key()
