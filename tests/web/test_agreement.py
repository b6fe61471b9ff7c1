"""The double-coding pages: assignments, blind coding through the web, discrepancy review."""

from __future__ import annotations

import thematic

from .conftest import Client, client_for


def _double_code(study: thematic.Study) -> int:
    document = study.documents()[0]
    text = document.text
    at = text.index("it freezes")
    study.code_many(
        [
            (document.id, at, at + 10, "Technological/Usability and glitches", "bilal"),
            (document.id, at, at + 16, "Technological/Usability and glitches", "sana"),
            (document.id, 0, 11, "Personal/Trust", "bilal"),
        ]
    )
    return document.id


def test_review_page_and_decisions(as_owner: Client, web_study: thematic.Study) -> None:
    document_id = _double_code(web_study)
    page = as_owner.get("/agreement/discrepancies?coder=bilal&coder=sana")
    assert page.status_code == 200
    assert "Different boundaries" in page.text and "Only some coders applied it" in page.text
    row = next(r for r in web_study.discrepancies(["bilal", "sana"]) if r.kind == "boundaries")
    response = as_owner.post(
        "/agreement/decide",
        data={
            "csrf_token": as_owner.csrf,
            "document": document_id,
            "code": row.code,
            "start": row.start,
            "end": row.end,
            "decision": "adjust",
            "span_start": row.start,
            "span_end": row.start + 10,
            "note": "the verb only",
            "back": "/agreement/discrepancies?coder=bilal&coder=sana",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    [consensus] = web_study.codings(coder="consensus")
    assert (consensus.start, consensus.end) == (row.start, row.start + 10)
    assert "Adjusted" in as_owner.get(response.headers["location"]).text


def test_decisions_api_and_roles(app, web_study: thematic.Study) -> None:  # type: ignore[no-untyped-def]
    _double_code(web_study)
    bilal = client_for(app, "bilal")
    listed = bilal.get("/api/discrepancies?coder=bilal&coder=sana").json()
    assert {d["kind"] for d in listed} == {"boundaries", "only_one"}
    first = listed[0]
    body = {k: first[k] for k in ("document_id", "code", "start", "end")} | {"decision": "accept"}
    assert bilal.post("/api/decisions", json=body).status_code == 403  # the owner decides
    owner = client_for(app, "amina")
    made = owner.post("/api/decisions", json=body)
    assert made.status_code == 201 and made.json()["decision"] == "accept"
    bad = owner.post("/api/decisions", json=body | {"decision": "perhaps"})
    assert bad.status_code == 400


def test_assignments_draw_and_blind_coding(app, web_study: thematic.Study) -> None:  # type: ignore[no-untyped-def]
    owner = client_for(app, "amina")
    drawn = owner.post(
        "/agreement/assignments/draw",
        data={"csrf_token": owner.csrf, "coders": ["bilal", "sana"], "fraction": "1", "seed": "5"},
        follow_redirects=False,
    )
    assert drawn.status_code == 303
    document_id = web_study.documents()[0].id
    assert {a.coder for a in web_study.assignments()} == {"bilal", "sana"}
    owner.post("/agreement/blind", data={"csrf_token": owner.csrf, "on": "true"})
    assert web_study.blind_coding
    _double_code(web_study)
    bilal = client_for(app, "bilal")
    seen = bilal.get(f"/api/documents/{document_id}/codings").json()
    assert {c["coder"] for c in seen} == {"bilal"}  # sana's codings stay hidden
    page = bilal.get("/agreement/assignments")
    assert "Mark complete" in page.text
    bilal.post(
        "/agreement/assignments/complete", data={"csrf_token": bilal.csrf, "document": document_id}
    )
    seen = bilal.get(f"/api/documents/{document_id}/codings").json()
    assert {c["coder"] for c in seen} == {"bilal", "sana"}
    guest = client_for(app, "guest")
    refused = guest.post("/agreement/blind", data={"csrf_token": guest.csrf})
    assert refused.status_code == 403


def test_agreement_page_and_api(as_owner: Client, web_study: thematic.Study) -> None:
    _double_code(web_study)
    page = as_owner.get("/agreement?coder=bilal&coder=sana")
    assert page.status_code == 200 and "agreement-table" in page.text
    assert "Personal/Trust" in page.text and "(all codes)" in page.text
    data = as_owner.get("/api/agreement?coder=bilal&coder=sana").json()
    trust = next(r for r in data["rows"] if r["code"] == "Personal/Trust")
    assert trust["coded_bilal"] == 11 and trust["coded_sana"] == 0
    assert as_owner.get("/api/agreement?coder=bilal").status_code == 400
