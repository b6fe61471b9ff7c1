"""Theme development in the codebook editor (merge, split, retire, with reasons) and the
codebook history page with its downloads."""

from __future__ import annotations

import io

import openpyxl
import yaml

import thematic

from .conftest import Client, client_for


def code_id(study: thematic.Study, path: str) -> int:
    return study.code_by(path).id


def test_editor_offers_merge_split_retire_with_reasons(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    trust = code_id(web_study, "Personal/Trust")
    page = as_owner.get("/codebook")
    assert page.status_code == 200
    assert f'id="merge-code-{trust}"' in page.text and f'id="retire-code-{trust}"' in page.text
    assert f'href="/codebook/{trust}/split"' in page.text
    assert page.text.count('name="reason"') >= 4 * 4  # edit, merge, retire, delete per code
    assert 'href="/codebook/history"' in page.text


def test_rename_and_merge_forms_record_the_reason(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    web_study.code(1, 0, 11, "Personal/Trust", "bilal")
    web_study.code(1, 0, 11, "Technological/Usability and glitches", "bilal")
    web_study.code(1, 13, 20, "Personal/Trust", "sana")
    trust = code_id(web_study, "Personal/Trust")
    renamed = as_owner.post(
        f"/codebook/{trust}",
        data={"name": "Confidence", "parent": code_id(web_study, "Personal"), "reason": "wording"},
        follow_redirects=False,
    )
    assert renamed.status_code == 303
    usability = code_id(web_study, "Technological/Usability and glitches")
    merged = as_owner.post(
        f"/codebook/{trust}/merge",
        data={"target": usability, "reason": "one idea"},
        follow_redirects=False,
    )
    assert merged.status_code == 303, merged.text
    assert [c.path for c in web_study.codes()] == [
        "Technological",
        "Technological/Usability and glitches",
        "Personal",
    ]
    assert len(web_study.codings(code=usability)) == 2  # one duplicate dropped
    changes = web_study.codebook_history()[-2:]
    assert [(c.actor, c.action, c.reason) for c in changes] == [
        ("amina", "rename", "wording"),
        ("amina", "merge", "one idea"),
    ]


def test_merge_into_a_sub_code_is_refused_on_the_page(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    personal = code_id(web_study, "Personal")
    before = len(web_study.codebook_history())
    refused = as_owner.post(
        f"/codebook/{personal}/merge", data={"target": code_id(web_study, "Personal/Trust")}
    )
    assert refused.status_code == 400 and "own sub-code" in refused.text
    assert len(web_study.codebook_history()) == before


def test_split_page_lists_passages_and_moves_the_ticked_ones(app, web_study) -> None:  # type: ignore[no-untyped-def]
    bilal = client_for(app, "bilal")
    first = web_study.code(1, 0, 11, "Personal/Trust", "bilal")
    second = web_study.code(1, 13, 20, "Personal/Trust", "bilal")
    trust = code_id(web_study, "Personal/Trust")
    page = bilal.get(f"/codebook/{trust}/split")
    assert page.status_code == 200 and 'id="split-form"' in page.text
    assert f'value="{first.id}"' in page.text and "Interviewer" in page.text
    done = bilal.post(
        f"/codebook/{trust}/split",
        data={"name": "Doubt", "coding": [str(second.id)], "reason": "different feeling"},
        follow_redirects=False,
    )
    assert done.status_code == 303, done.text
    assert [c.id for c in web_study.codings(code="Personal/Doubt")] == [second.id]
    assert [c.id for c in web_study.codings(code="Personal/Trust")] == [first.id]
    refused = bilal.post(f"/codebook/{trust}/split", data={"name": "Other", "coding": ["999"]})
    assert refused.status_code == 400 and "not codings with" in refused.text
    assert 'value="Other"' in refused.text  # the form is filled in again


def test_retire_and_unretire_forms(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    trust = code_id(web_study, "Personal/Trust")
    retired = as_owner.post(
        f"/codebook/{trust}/retire", data={"reason": "unused"}, follow_redirects=True
    )
    assert retired.status_code == 200 and "retired</span>" in retired.text
    assert web_study.code_by(trust).retired
    assert as_owner.get(f"/api/codes/{trust}").json()["retired"] is True
    coded = as_owner.post(
        "/api/codings",
        json={"document_id": 1, "start": 0, "end": 11, "code": trust},
    )
    assert coded.status_code == 400 and "is retired (since" in coded.text
    as_owner.post(f"/codebook/{trust}/retire", data={"retire": "false", "reason": "needed"})
    assert not web_study.code_by(trust).retired
    assert [c.reason for c in web_study.codebook_history("Personal/Trust")][-2:] == [
        "unused",
        "needed",
    ]


def test_history_page_filters_and_downloads(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    web_study.update_code("Personal/Trust", name="Confidence", reason="clearer word")
    page = as_owner.get("/codebook/history")
    assert page.status_code == 200 and 'id="history-table"' in page.text
    assert "clearer word" in page.text and "Personal/Trust → Personal/Confidence" in page.text
    only = as_owner.get("/codebook/history", params={"code": "Technological"})
    assert "clearer word" not in only.text and "Technological/Usability" in only.text
    csv = as_owner.get("/codebook/history", params={"format": "csv"})
    assert csv.status_code == 200 and "attachment" in csv.headers["content-disposition"]
    assert "clearer word" in csv.content.decode("utf-8-sig")
    xlsx = as_owner.get("/codebook/history", params={"format": "xlsx", "code": "Personal"})
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert rows[0] == ("at (UTC)", "who", "action", "code", "what", "why")
    assert rows[-1][2:4] == ("rename", "Personal/Trust") and rows[-1][5] == "clearer word"


def test_codebook_as_it_was_on_a_date(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    first = web_study.codebook_history()[0].at
    then = as_owner.get(
        "/codebook/history/codebook", params={"at": first.date().isoformat(), "format": "yaml"}
    )
    assert then.status_code == 200 and "attachment" in then.headers["content-disposition"]
    tree = yaml.safe_load(then.content)["codes"]
    assert [node["name"] for node in tree] == ["Technological", "Personal"]
    too_early = as_owner.get("/codebook/history/codebook", params={"at": "2001-01-01"})
    assert too_early.status_code == 404 and "history begins on" in too_early.text
    bad = as_owner.get("/codebook/history/codebook", params={"at": "soon"})
    assert bad.status_code == 400 and "not a date" in bad.text


def test_viewers_read_the_history_but_cannot_develop(app, web_study) -> None:  # type: ignore[no-untyped-def]
    guest = client_for(app, "guest")
    trust = code_id(web_study, "Personal/Trust")
    assert guest.get("/codebook/history").status_code == 200
    personal = code_id(web_study, "Personal")
    assert guest.post(f"/codebook/{trust}/merge", data={"target": personal}).status_code == 403
    assert guest.post(f"/codebook/{trust}/retire", data={}).status_code == 403
    assert (
        guest.post(f"/codebook/{trust}/split", data={"name": "X", "coding": ["1"]}).status_code
        == 403
    )
    assert not web_study.code_by(trust).retired
    assert 'id="split-form"' not in guest.get(f"/codebook/{trust}/split").text
