"""The owner's privacy pages: de-identification review, a participant's withdrawal, the audit
log; and the gate every download passes (de-identified, refused while identifiers wait)."""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

import thematic
from tests.privacy_study import KEY_PASS, P07_TEXT, build_privacy
from tests.tiny_study import span
from thematic.web import create_app
from thematic.web.routes.audit import compact

from .conftest import PASSWORD, Client, client_for


@pytest.fixture
def private(study_target: str, tmp_path: Path) -> Iterator[thematic.Study]:
    """tests/privacy_study.py with accounts: amina owns it, bilal codes, guest views."""
    study = thematic.create(study_target, title="Privacy study")
    build_privacy(study, tmp_path / "study.key")
    study.create_first_owner("amina", PASSWORD)
    study.add_coder("guest", "viewer")
    for name in ("bilal", "guest"):
        study.set_password(name, PASSWORD)
    yield study
    study.close()


@pytest.fixture
def private_app(private: thematic.Study):  # type: ignore[no-untyped-def]
    return create_app(private, secret_key="test-secret")


@pytest.fixture
def owner(private_app) -> Iterator[Client]:  # type: ignore[no-untyped-def]
    with client_for(private_app, "amina") as client:
        yield client


@pytest.fixture
def coder(private_app) -> Iterator[Client]:  # type: ignore[no-untyped-def]
    with client_for(private_app, "bilal") as client:
        yield client


def scan(owner: Client) -> str:
    response = owner.post(
        "/deidentify/scan",
        data={"key_passphrase": KEY_PASS, "memos": "true", "places": "true", "model": "none"},
    )
    assert response.status_code == 200, response.text
    return response.text


def proposal_id(study: thematic.Study, original: str) -> int:
    return next(p.id for p in study.proposals() if p.original == original)


def flash(page: str) -> str:
    found = re.search(r'id="flash">([^<]*)<', page)
    return html.unescape(found.group(1)) if found else ""


def hidden_fields(page: str, form_id: str) -> dict[str, str]:
    form = page.split(f'id="{form_id}"', 1)[1].split("</form>", 1)[0]
    return {
        html.unescape(name): value
        for name, value in re.findall(r'type="hidden" name="([^"]+)" value="([^"]*)"', form)
        if name != "csrf_token"
    }


# -- who may see them ---------------------------------------------------------------------------
def test_every_privacy_page_is_the_owners(owner: Client, coder: Client, private_app) -> None:  # type: ignore[no-untyped-def]
    pages = ("/deidentify", "/audit", "/participants/P07/withdraw")
    for path in pages:
        assert owner.get(path).status_code == 200, path
        refused = coder.get(path)
        assert refused.status_code == 403, path
        assert "Not allowed" in refused.text  # the app's error page
    guest = client_for(private_app, "guest")
    assert all(guest.get(path).status_code == 403 for path in pages)
    form = {"key_passphrase": KEY_PASS, "model": "none"}
    assert coder.post("/deidentify/scan", data=form).status_code == 403
    assert coder.post("/deidentify/apply", data={**form, "confirm": "true"}).status_code == 403
    withdraw = {"confirm": "P07", "expected.documents": "2", "key_passphrase": KEY_PASS}
    assert coder.post("/participants/P07/withdraw", data=withdraw).status_code == 403
    assert coder.post("/participants/P07/withdraw/preview", data=form).status_code == 403
    nav = coder.get("/participants").text
    assert 'href="/deidentify"' not in nav and 'href="/audit"' not in nav
    assert "/withdraw" not in nav
    own = owner.get("/participants").text
    assert 'href="/deidentify"' in own and 'href="/audit"' in own
    assert 'href="/participants/P07/withdraw"' in own
    assert "Recent activity" not in coder.get("/").text  # the log is the owner's now
    assert "Recent activity" in owner.get("/").text


# -- de-identification --------------------------------------------------------------------------
def test_scan_lists_proposals_grouped_by_document(owner: Client, private: thematic.Study) -> None:
    before = owner.get("/deidentify").text
    assert "No proposals yet" in before
    assert str(private.key_file()) in before
    page = scan(owner)
    assert "Scanned 3 documents and 4 memos: 6 new proposals" in flash(page)
    assert '<mark class="identifier">Dr. Ayesha Khan</mark> at Jinnah Hospital helps' in page
    assert "[Doctor A]" in page and "[Hospital 1]" in page
    for title in ("P07 interview", "P07 interview (Urdu)", "P08 interview"):
        assert f'<span dir="auto">{title}</span>' in page
    urdu = re.search(r'<td class="context" dir="(\w+)">[^<]*<mark[^>]*>ڈاکٹر عائشہ خان', page)
    assert urdu and urdu.group(1) == "rtl"
    assert re.search(r"status-proposed[^>]*>proposed <strong>6</strong>", page)
    assert 'id="waiting"' in page  # exports are refused meanwhile
    assert 'id="key-state">exists' in page
    phones = owner.get("/deidentify?kind=phone").text
    assert '<mark class="identifier">0300-1234567</mark>' in phones
    assert '<mark class="identifier">Dr. Ayesha Khan</mark>' not in phones
    p08 = owner.get("/deidentify?where=P08+interview").text
    assert "Dr. Ayesha Khan" not in p08 and '<mark class="identifier">Jinnah Hospital' in p08


def test_scan_with_a_wrong_passphrase_says_so(owner: Client, private: thematic.Study) -> None:
    response = owner.post("/deidentify/scan", data={"key_passphrase": "wrong", "model": "none"})
    assert response.status_code == 400
    assert (
        "wrong key passphrase" in response.text
        and "wrong" not in response.text.split('id="scan-passphrase"', 1)[1].split(">", 1)[0]
    )
    assert private.proposals() == []


def test_accept_reject_edit_and_bulk(owner: Client, private: thematic.Study) -> None:
    scan(owner)
    doctor = proposal_id(private, "Dr. Ayesha Khan")
    phone = proposal_id(private, "0300-1234567")
    saima = proposal_id(private, "Saima")
    accepted = owner.post(f"/deidentify/{doctor}/decide", data={"decision": "accept"})
    assert flash(accepted.text) == f"Accepted proposal {doctor}."
    assert private.proposal(doctor).status == "accepted"
    owner.post(f"/deidentify/{phone}/decide", data={"decision": "reject"})
    assert private.proposal(phone).status == "rejected"
    edited = owner.post(f"/deidentify/{saima}/edit", data={"replacement": "[Colleague]"})
    assert "edited and accepted: [Colleague]" in flash(edited.text)
    assert (private.proposal(saima).status, private.proposal(saima).replacement) == (
        "accepted",
        "[Colleague]",
    )
    start, end = span(P07_TEXT, "Dr. Ayesha")
    narrowed = owner.post(f"/deidentify/{doctor}/edit", data={"start": str(start), "end": str(end)})
    assert narrowed.status_code == 200
    assert private.proposal(doctor).original == "Dr. Ayesha"
    overlap = owner.post(f"/deidentify/{doctor}/edit", data={"start": "0", "end": str(end + 30)})
    assert overlap.status_code == 409 and "overlaps proposal" in overlap.text
    bad = owner.post(f"/deidentify/{doctor}/edit", data={"start": "x"})
    assert bad.status_code == 400 and "whole number" in bad.text
    bulk = owner.post("/deidentify/bulk", data={"decision": "accept", "kind": "institution"})
    assert flash(bulk.text) == "Accepted 2 undecided institution proposals."
    rest = owner.post("/deidentify/bulk", data={"decision": "reject"})
    assert flash(rest.text) == "Rejected 1 undecided proposals."
    statuses = {p.original: p.status for p in private.proposals()}
    assert statuses["Jinnah Hospital"] == "accepted"
    assert statuses["ڈاکٹر عائشہ خان"] == "rejected"
    shown = owner.get("/deidentify?status=accepted").text
    assert '<mark class="identifier">0300-1234567</mark>' not in shown  # rejected
    assert "[Colleague]" in shown


def test_apply_changes_the_text_moves_codings_and_reports_no_originals(
    owner: Client, private: thematic.Study
) -> None:
    scan(owner)
    owner.post("/deidentify/bulk", data={"decision": "accept"})
    unconfirmed = owner.post("/deidentify/apply", data={"key_passphrase": KEY_PASS})
    assert unconfirmed.status_code == 400 and "tick the box" in unconfirmed.text
    wrong = owner.post("/deidentify/apply", data={"key_passphrase": "nope", "confirm": "true"})
    assert wrong.status_code == 400 and "wrong key passphrase" in wrong.text
    assert private.document("P07 interview").text == P07_TEXT
    done = owner.post("/deidentify/apply", data={"key_passphrase": KEY_PASS, "confirm": "true"})
    assert flash(done.text).startswith("Replaced 6 identifiers (2 institution, 3 person, 1 phone)")
    new = private.document("P07 interview").text
    assert new.startswith("I: Who helps you?\nP07: [Doctor A] at [Hospital 1] helps")
    doc = private.document("P07 interview")
    coded = sorted(new[c.start : c.end] for c in private.codings(document=doc.id, coder="bilal"))
    assert coded == ["[Doctor A] at [Hospital 1]", "the internet fails again"]
    page = done.text
    assert 'id="report-table"' in page
    for original in ("Ayesha", "Saima", "0300-1234567", "Jinnah", "عائشہ"):
        assert original not in page
    assert '<mark class="replaced">[Doctor A]</mark>' in page
    report = pd.read_csv(io.BytesIO(owner.get("/deidentify/report.csv").content))
    assert set(report["kind"]) == {"person", "institution", "phone"}
    assert "[Doctor A]" in " ".join(report["labels"])
    assert "Ayesha" not in owner.get("/deidentify/report.csv").text
    sheets = pd.read_excel(
        io.BytesIO(owner.get("/deidentify/report.xlsx").content), sheet_name=None
    )
    assert int(sheets["De-identification"]["replacements"].sum()) == 6


def test_add_a_missed_identifier_from_the_passage_view(
    owner: Client, private: thematic.Study
) -> None:
    doc = private.document("P08 interview")
    view = owner.get(f"/deidentify?passage={doc.id}").text
    assert f'id="passage-text" data-document="{doc.id}"' in view
    assert '<span data-start="0">P08: Jinnah Hospital has no telemedicine law.' in view
    start, end = span(doc.text, "telemedicine law")
    added = owner.post(
        "/deidentify/add",
        data={
            "document": doc.id,
            "start": start,
            "end": end,
            "kind": "custom",
            "replacement": "[Law]",
        },
    )
    assert "to become [Law] (accepted)" in flash(added.text)
    [proposal] = private.proposals()
    assert (proposal.original, proposal.source, proposal.status) == (
        "telemedicine law",
        "reviewer",
        "accepted",
    )
    assert f'<mark data-start="{start}" class="status-accepted"' in added.text
    no_key = owner.post(
        "/deidentify/add", data={"document": doc.id, "start": 0, "end": 3, "kind": "person"}
    )
    assert no_key.status_code == 400 and "key passphrase" in no_key.text
    assert owner.get("/deidentify?passage=9999").status_code == 404


# -- withdrawal ---------------------------------------------------------------------------------
def key_preview(owner: Client) -> str:
    response = owner.post("/participants/P07/withdraw/preview", data={"key_passphrase": KEY_PASS})
    assert response.status_code == 200
    return response.text


def test_withdrawal_preview_lists_what_will_go(owner: Client) -> None:
    page = owner.get("/participants/P07/withdraw").text
    assert '<li dir="auto">P07 interview</li>' in page
    assert '<li dir="auto">P07 interview (Urdu)</li>' in page
    assert re.search(r'id="preview-codings">5 <span class="muted">\(bilal 3, sana 2\)', page)
    assert "P07 talks warmly about her team." in page and "Internet again." in page
    assert "P08 is the law person." not in page
    assert "not counted yet" in page and 'id="needs-key"' in page
    assert 'id="withdraw-form"' not in page  # the study has a key: count its entries first
    keyed = key_preview(owner)
    assert 'id="preview-key">1 entries about them' in keyed
    assert hidden_fields(keyed, "withdraw-form")["expected.pseudonym key entries"] == "1"
    assert KEY_PASS not in keyed
    wrong = owner.post("/participants/P07/withdraw/preview", data={"key_passphrase": "nope"})
    assert wrong.status_code == 400 and "wrong key passphrase" in wrong.text
    assert owner.get("/participants/P99/withdraw").status_code == 404


def test_withdrawal_needs_the_label_and_the_passphrase(
    owner: Client, private: thematic.Study
) -> None:
    expected = hidden_fields(key_preview(owner), "withdraw-form")
    wrong = owner.post(
        "/participants/P07/withdraw",
        data={**expected, "confirm": "P08", "key_passphrase": KEY_PASS},
    )
    assert wrong.status_code == 400
    assert "Type P07 exactly to confirm" in html.unescape(wrong.text)
    no_key = owner.post("/participants/P07/withdraw", data={**expected, "confirm": "P07"})
    assert no_key.status_code == 400 and "give the key passphrase" in no_key.text
    no_counts = owner.post(
        "/participants/P07/withdraw", data={"confirm": "P07", "key_passphrase": KEY_PASS}
    )
    assert no_counts.status_code == 400 and "counts are missing" in no_counts.text
    assert [p.label for p in private.participants()] == ["P07", "P08"]


def test_a_change_since_the_preview_deletes_nothing(owner: Client, private: thematic.Study) -> None:
    expected = hidden_fields(key_preview(owner), "withdraw-form")
    private.code(private.document("P07 interview").id, 0, 2, "Policy/Law", coder="sana")
    response = owner.post(
        "/participants/P07/withdraw",
        data={**expected, "confirm": "P07", "key_passphrase": KEY_PASS},
    )
    assert response.status_code == 409
    assert "changed since the preview" in html.unescape(response.text)
    assert "Nothing was deleted" in response.text
    assert [p.label for p in private.participants()] == ["P07", "P08"]


def test_withdrawal_deletes_them_and_keeps_a_record(owner: Client, private: thematic.Study) -> None:
    expected = hidden_fields(key_preview(owner), "withdraw-form")
    response = owner.post(
        "/participants/P07/withdraw",
        data={**expected, "confirm": " P07 ", "key_passphrase": KEY_PASS},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == "/participants"
    page = owner.get("/participants").text
    message = flash(page)
    assert message.startswith("Withdrawal 1 recorded: deleted 2 documents")
    assert "P07" not in message
    assert 'id="participant-P07"' not in page
    assert [p.label for p in private.participants()] == ["P08"]
    listed = owner.get("/withdrawals").text
    assert 'id="withdrawal-1"' in listed and "5 codings" in listed and "P07" not in listed
    assert 'id="withdrawal-1"' in owner.get("/participants/P08/withdraw").text


# -- the audit log ------------------------------------------------------------------------------
def test_audit_log_lists_events_and_cannot_change_them(
    owner: Client, private: thematic.Study, private_app
) -> None:  # type: ignore[no-untyped-def]
    scan(owner)
    owner.get("/report/tables.xlsx?identified=1")
    page = owner.get("/audit").text
    for action in ("deidentify.scan", "export", "user.login", "participant.add"):
        assert f">{action}</a>" in page, action
    assert "proposals={&#34;" in page or 'proposals={"' in html.unescape(page)
    assert "identified=true" in page
    only = owner.get("/audit?action=deidentify").text
    assert ">deidentify.scan</a>" in only and ">user.login</a>" not in only
    limited = owner.get("/audit?limit=50").text
    assert limited.count('<tr id="event-') == min(50, len(private.log()))
    assert owner.get("/audit?limit=-1").status_code == 400
    # read-only: the only form that posts is the log-out button of every page
    assert re.findall(r'<form[^>]*method="post"[^>]*>', page) == [
        '<form class="logout" method="post" action="/logout">'
    ]
    methods = {
        method
        for route in private_app.routes
        if getattr(route, "path", "").startswith("/audit")
        for method in getattr(route, "methods", set())
    }
    assert methods <= {"GET", "HEAD"}


# -- the export gate ----------------------------------------------------------------------------
def test_downloads_wait_for_pending_identifiers(owner: Client, coder: Client) -> None:
    scan(owner)
    for path in (
        "/report/download?format=html&figures=false",
        "/report/tables.xlsx",
        "/report/codings?format=csv&coder=all",
        "/queries/search?q=internet&format=csv",
        "/queries/words?format=xlsx",
        "/queries/framework?format=xlsx&all_themes=1",
        "/saturation?format=csv",
        "/saturation.png?download=true",
    ):
        refused = owner.get(path)
        assert refused.status_code == 409, path
        assert "are not replaced yet" in html.unescape(refused.text), path
    assert owner.get("/report/download?format=html&figures=false&identified=1").status_code == 200
    assert coder.get("/report/tables.xlsx?identified=1").status_code == 403
    assert coder.get("/queries/search?q=internet").status_code == 200  # only downloads wait
    assert 'id="report-identified"' in owner.get("/report").text
    assert 'id="report-identified"' not in coder.get("/report").text


def test_downloads_leave_identifying_attributes_out(owner: Client, coder: Client) -> None:
    sheets = pd.read_excel(io.BytesIO(coder.get("/report/tables.xlsx").content), sheet_name=None)
    participants = next(frame for name, frame in sheets.items() if "articipant" in name)
    assert "role" in participants.columns and "real name" not in participants.columns
    assert "Nasreen" not in participants.to_csv()
    codings = coder.get("/report/codings?format=csv&coder=all").text
    assert "Nasreen" not in codings and "real name" not in codings
    identified = owner.get("/report/tables.xlsx?identified=1").content
    everything = pd.read_excel(io.BytesIO(identified), sheet_name=None)
    assert "Nasreen" in "".join(frame.to_csv() for frame in everything.values())


def test_audit_detail_is_compact_and_unambiguous() -> None:
    detail = {"kind": "person", "label": "no training", "proposals": {"person": 3}, "n": 2}
    assert compact(detail) == 'kind=person label="no training" proposals={"person": 3} n=2'
