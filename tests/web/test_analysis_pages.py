"""The analysis pages: queries, framework matrix, figures, quotes and report, on a study small
enough to count every result by hand (the same four documents as tests/study/conftest.py)."""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterator

import docx
import pandas as pd
import pytest

import thematic
from tests.tiny_study import DOC1, DOC2, DOC3, build_tiny, span
from thematic.web import create_app

from .conftest import PASSWORD, Client, client_for

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def tiny(study_target: str) -> Iterator[thematic.Study]:
    """Four participants (P1 nurse and P2 doctor in Karachi, P3 nurse and P4 doctor in
    Lahore), one document each, and these consensus codings:

      doc1: "The internet is slow." Technological/Internet; "There is no law for
        telemedicine." Systemic/Policy/No law; "Funding is short and the internet fails."
        Systemic/Funding; "the internet fails." Technological/Internet
      doc2: "No law exists" Systemic/Policy/No law; "No law exists and licensing is hard."
        Systemic/Policy/Licensing; "Training is missing." Technological/Skills/Training
      doc3: "The internet never works here." Technological/Internet
      doc4: nothing.
    bilal (a coder) coded only "The internet is slow" in doc1; guest is a viewer.
    """
    study = thematic.create(study_target, title="Analysis study")
    study.create_first_owner("amina", PASSWORD)
    study.add_coder("guest", "viewer")
    build_tiny(study)
    for name in ("bilal", "guest"):
        study.set_password(name, PASSWORD)
    yield study
    study.close()


@pytest.fixture
def tiny_app(tiny: thematic.Study):  # type: ignore[no-untyped-def]
    return create_app(tiny, secret_key="test-secret")


@pytest.fixture
def owner(tiny_app) -> Iterator[Client]:  # type: ignore[no-untyped-def]
    with client_for(tiny_app, "amina") as client:
        yield client


@pytest.fixture
def viewer(tiny_app) -> Iterator[Client]:  # type: ignore[no-untyped-def]
    with client_for(tiny_app, "guest") as client:
        yield client


def doc_id(study: thematic.Study, title: str) -> int:
    return next(d.id for d in study.documents() if d.title == title)


def passages(page: str) -> list[str]:
    """The passages a coding-query page lists, as text."""
    found = re.findall(
        r'<li class="passage".*?<blockquote dir="auto">(.*?)</blockquote>', page, re.S
    )
    return [html.unescape(p) for p in found]


def csv_rows(response) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"].startswith("attachment; filename=")
    assert response.headers["content-disposition"].endswith('.csv"')
    return pd.read_csv(io.BytesIO(response.content), encoding="utf-8-sig", keep_default_na=False)


def xlsx_sheets(response) -> dict[str, pd.DataFrame]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.text
    assert "spreadsheetml" in response.headers["content-type"]
    assert response.headers["content-disposition"].endswith('.xlsx"')
    return pd.read_excel(io.BytesIO(response.content), sheet_name=None)


PAGES = [
    "/queries/search",
    "/queries/search?q=internet",
    "/queries/words",
    "/queries/coding",
    "/queries/coding?code=Systemic",
    "/queries/matrix",
    "/queries/cooccurrence",
    "/queries/framework",
    "/figures",
    "/quotes",
    "/report",
]


def test_every_page_renders_for_owner_and_viewer(owner: Client, viewer: Client) -> None:
    for client in (owner, viewer):
        for url in PAGES:
            response = client.get(url)
            assert response.status_code == 200, (url, response.text[:500])
            assert 'aria-label="Analysis"' in response.text
            assert '<a href="/queries/search" aria-current="page">Analysis</a>' in response.text
        redirect = client.get("/queries", follow_redirects=False)
        assert redirect.headers["location"] == "/queries/search"


def test_pages_need_a_log_in(tiny_app) -> None:  # type: ignore[no-untyped-def]
    with Client(tiny_app) as anonymous:
        response = anonymous.get("/queries/search?q=internet", follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"].startswith("/login")
        image = anonymous.get("/figures/frequency-of-main-themes.png", follow_redirects=False)
        assert image.status_code == 303


# -- text search and word frequency ------------------------------------------------------------
def test_search_shows_keyword_in_context_with_workspace_links(
    owner: Client, tiny: thematic.Study
) -> None:
    page = owner.get("/queries/search?q=internet").text
    assert re.search(r"<strong>3</strong> hits in 2 documents", page)
    d1, d3 = doc_id(tiny, "doc1"), doc_id(tiny, "doc3")
    first = DOC1.index("internet")
    second = DOC1.index("internet", first + 1)
    third = DOC3.index("internet")
    for document, start in ((d1, first), (d1, second), (d3, third)):
        assert f'href="/documents/{document}/code?at={start}-{start + 8}"' in page
    workspace = owner.get(f"/documents/{d3}/code?at={third}-{third + 8}")
    assert workspace.status_code == 200 and "/static/jump.js" in workspace.text
    rows = re.findall(r"<tr>\s*<td class=\"where\">.*?</tr>", page, re.S)
    assert len(rows) == 3
    slow = next(r for r in rows if "is slow" in r)
    assert re.search(
        r'<td class="left" title="[^"]*P1: The ?"><span dir="auto">[^<]*P1: The ?</span>', slow
    )
    assert "<strong>internet</strong>" in slow
    assert "is slow. There is no law" in slow


def test_an_urdu_hit_reads_right_to_left(owner: Client, tiny: thematic.Study) -> None:
    text = "P4: میں نے ایک ڈاکٹر سے پوچھا 😀 کوئی نہیں بتا سکا"
    document = tiny.add_document("urdu", text, participant="P4", language="ur")
    page = owner.get("/queries/search?q=ڈاکٹر").text
    start = text.index("ڈاکٹر")  # code points: the emoji comes after
    assert f'href="/documents/{document.id}/code?at={start}-{start + 5}"' in page
    # The words after the hit go on its left, the words before it on its right.
    assert '<td class="left" title=" سے پوچھا 😀 کوئی نہیں بتا سکا">' in page
    assert '<td class="right" title="P4: میں نے ایک ">' in page


def test_search_filters_by_attribute_and_reports_bad_queries(owner: Client) -> None:
    page = owner.get("/queries/search?q=internet&where=site%3DLahore").text
    assert re.search(r"<strong>1</strong> hit in 1 document\b", page)
    assert '<option value="site=Lahore" selected>' in page
    bad = owner.get('/queries/search?q="no+law')
    assert bad.status_code == 200
    assert "quotation mark is never closed" in bad.text and 'id="query-error"' in bad.text
    assert owner.get("/queries/search?q=internet&where=site").status_code == 400


def test_search_downloads_parse_back(owner: Client, tiny: thematic.Study) -> None:
    table = csv_rows(owner.get("/queries/search?q=internet&format=csv"))
    assert list(table["match"]) == ["internet", "internet", "internet"]
    assert sorted(table["document"]) == ["doc1", "doc1", "doc3"]
    sheets = xlsx_sheets(owner.get("/queries/search?q=internet&where=site%3DKarachi&format=xlsx"))
    assert set(sheets) == {"Search", "About"}
    assert list(sheets["Search"]["document"]) == ["doc1", "doc1"]
    assert list(sheets["Search"]["start"]) == [DOC1.index("internet"), DOC1.rindex("internet")]


def test_word_frequency_table_and_download(owner: Client) -> None:
    page = owner.get("/queries/words").text
    row = re.search(
        r'<a href="/queries/search\?q=internet">internet</a></td><td class="num">(\d+)'
        r'</td><td class="num">(\d+)</td>',
        page,
    )
    assert row and row.groups() == ("3", "2")
    words = csv_rows(owner.get("/queries/words?format=csv&where=site%3DLahore"))
    assert dict(zip(words["word"], words["count"], strict=True))["internet"] == 1
    assert "law" not in set(words["word"])  # doc3 and doc4 only
    sheets = xlsx_sheets(owner.get("/queries/words?format=xlsx&limit=2"))
    assert list(sheets["Words"]["word"]) == ["internet", "law"]


# -- coding query --------------------------------------------------------------------------------
def test_coding_query_and_not_and_near(owner: Client) -> None:
    both = owner.get("/queries/coding?code=Systemic&and=Technological").text
    assert passages(both) == ["Funding is short and the internet fails."]
    without = owner.get("/queries/coding?code=Systemic&not=Technological").text
    assert passages(without) == [
        "There is no law for telemedicine.",
        "No law exists",
        "No law exists and licensing is hard.",
    ]
    turn = owner.get("/queries/coding?code=Systemic&and=Technological&near=turn").text
    assert len(passages(turn)) == 4
    either = owner.get(
        "/queries/coding?code=Systemic&or=Technological/Internet&or=Technological/Skills"
    )
    assert passages(either.text) == ["Funding is short and the internet fails."]


def test_coding_query_scope_layer_and_links(owner: Client, tiny: thematic.Study) -> None:
    doctors = owner.get("/queries/coding?code=Systemic&where=role%3Ddoctor").text
    assert passages(doctors) == ["No law exists", "No law exists and licensing is hard."]
    assert '<span class="attr" title="role">doctor</span>' in doctors
    assert "(coding layer: consensus)" in doctors
    d2 = doc_id(tiny, "doc2")
    start, end = span(DOC2, "No law exists")
    assert f'href="/documents/{d2}/code?at={start}-{end}"' in doctors
    bilal = owner.get("/queries/coding?code=Technological&coder=bilal").text
    assert passages(bilal) == ["The internet is slow"]
    unknown = owner.get("/queries/coding?code=Nowhere")
    assert unknown.status_code == 200 and 'id="query-error"' in unknown.text


def test_coding_query_downloads(owner: Client) -> None:
    table = csv_rows(owner.get("/queries/coding?code=Systemic&not=Technological&format=csv"))
    assert list(table["text"]) == [
        "There is no law for telemedicine.",
        "No law exists",
        "No law exists and licensing is hard.",
    ]
    assert list(table["site"]) == ["Karachi", "Karachi", "Karachi"]
    sheets = xlsx_sheets(owner.get("/queries/coding?code=Systemic&and=Technological&format=xlsx"))
    about = dict(zip(sheets["About"].iloc[:, 0], sheets["About"].iloc[:, 1], strict=False))
    assert list(sheets["Coding query"]["text"]) == ["Funding is short and the internet fails."]
    assert about.get("all_of") == "Technological"


def test_pin_needs_csrf_and_a_coder(owner: Client, viewer: Client, tiny: thematic.Study) -> None:
    d1 = doc_id(tiny, "doc1")
    start, end = span(DOC1, "There is no law for telemedicine.")
    form = {"code": "Systemic", "document": d1, "start": start, "end": end, "back": "/x"}
    page = owner.get("/queries/coding?code=Systemic").text
    assert page.count('class="pin-form inline"') == 4
    assert 'class="pin-form' not in viewer.get("/queries/coding?code=Systemic").text
    token = owner.csrf
    owner.csrf = ""  # send neither the header nor the field
    assert owner.post("/quotes/pin", data=form).status_code == 403
    owner.csrf = token
    forbidden = viewer.post("/quotes/pin", data={**form, "csrf_token": viewer.csrf})
    assert forbidden.status_code == 403
    assert tiny.pinned_quotes() == []
    done = owner.post(
        "/quotes/pin",
        data={**form, "csrf_token": owner.csrf, "back": "/queries/coding?code=Systemic"},
        follow_redirects=False,
    )
    assert done.status_code == 303 and done.headers["location"] == "/queries/coding?code=Systemic"
    [quote] = tiny.pinned_quotes("Systemic")
    assert (quote.document_id, quote.start, quote.end) == (d1, start, end)
    again = owner.get(done.headers["location"]).text
    assert "Pinned a quote of P1 to Systemic." in again
    assert again.count('class="badge yes pinned"') == 1


def test_pin_api_and_the_quotes_page(tiny_app, tiny: thematic.Study) -> None:  # type: ignore[no-untyped-def]
    bilal = client_for(tiny_app, "bilal")
    d2 = doc_id(tiny, "doc2")
    first, second = span(DOC2, "No law exists"), span(DOC2, "Training is missing.")
    made = bilal.post(
        "/api/quotes",
        json={"code": "Systemic/Policy", "document_id": d2, "start": first[0], "end": first[1]},
    )
    assert made.status_code == 201 and made.json()["text"] == "No law exists"
    body = {"code": "Systemic/Policy", "document_id": d2, "start": second[0], "end": second[1]}
    later = bilal.post("/api/quotes", json=body)
    assert later.status_code == 201 and later.json()["position"] == 1
    assert bilal.post("/api/quotes", json=body).status_code == 409
    page = bilal.get("/quotes").text
    pinned = page.index("Pinned, in order")
    assert page.index("No law exists</blockquote>", pinned) < page.index("Training is missing.")
    assert "— P2, doctor, Karachi" in page  # the exemplar the report would print
    second_id = later.json()["id"]
    moved = bilal.post(
        f"/quotes/{second_id}/move",
        data={"position": "0", "csrf_token": bilal.csrf},
        follow_redirects=False,
    )
    assert moved.status_code == 303 and moved.headers["location"] == f"/quotes#quote-{second_id}"
    assert [q.text for q in tiny.pinned_quotes("Systemic/Policy")] == [
        "Training is missing.",
        "No law exists",
    ]
    viewer = client_for(tiny_app, "guest")
    assert "Unpin" not in viewer.get("/quotes").text
    assert (
        viewer.post(f"/quotes/{second_id}/unpin", data={"csrf_token": viewer.csrf}).status_code
        == 403
    )
    bilal.post(f"/quotes/{second_id}/unpin", data={"csrf_token": bilal.csrf})
    assert [q.text for q in tiny.pinned_quotes()] == ["No law exists"]


# -- matrix, co-occurrence, framework -----------------------------------------------------------
def test_matrix_table_image_and_downloads(owner: Client) -> None:
    url = "/queries/matrix?rows=theme&columns=site&count=participants"
    page = owner.get(url).text
    systemic = re.search(r'<th scope="row" dir="auto">Systemic</th>(.*?)</tr>', page, re.S)
    technological = re.search(
        r'<th scope="row" dir="auto">Technological</th>(.*?)</tr>', page, re.S
    )
    assert systemic and re.findall(r">(\d+)</td>", systemic.group(1)) == ["2", "0"]
    assert technological and re.findall(r">(\d+)</td>", technological.group(1)) == ["2", "1"]
    image = re.search(r'<img src="([^"]+)" id="matrix-image"', page)
    assert image and html.unescape(image.group(1)).startswith("/queries/matrix.png?rows=theme")
    png = owner.get(html.unescape(image.group(1)))
    assert png.status_code == 200 and png.headers["content-type"] == "image/png"
    assert png.content.startswith(PNG)
    svg = owner.get(url.replace("matrix?", "matrix.svg?"))
    assert svg.headers["content-type"].startswith("image/svg+xml") and b"<svg" in svg.content
    table = csv_rows(owner.get(url + "&format=csv"))
    assert table.to_dict("records") == [
        {"code": "Systemic", "Karachi": 2, "Lahore": 0},
        {"code": "Technological", "Karachi": 2, "Lahore": 1},
    ]
    sheets = xlsx_sheets(owner.get(url + "&format=xlsx"))
    assert list(sheets["Matrix"]["Lahore"]) == [0, 1]


def test_cooccurrence_pairs_figure_and_download(owner: Client) -> None:
    page = owner.get("/queries/cooccurrence?level=subtheme&near=overlap").text
    rows = re.findall(
        r'<tr><td dir="auto">(.*?)</td><td dir="auto">(.*?)</td><td class="num">(\d+)', page
    )
    assert rows == [("Systemic/Funding", "Technological/Internet", "1")]
    turn = csv_rows(owner.get("/queries/cooccurrence?level=theme&near=turn&format=csv"))
    # Systemic and Technological share P1's second and fourth turns and P2's only turn.
    assert turn.to_dict("records") == [
        {"a": "Systemic", "b": "Technological", "count": 3, "documents": 2, "participants": 2}
    ]
    image = owner.get("/queries/cooccurrence.png?level=code&near=document")
    assert image.status_code == 200 and image.content.startswith(PNG)


def test_framework_grid_summaries_and_downloads(
    owner: Client, viewer: Client, tiny: thematic.Study
) -> None:
    page = owner.get("/queries/framework?theme=Systemic").text
    assert re.findall(r"<th dir=\"auto\">(.*?)</th>", page) == ["Policy", "Funding"]
    assert "<summary>2 passages</summary>" in page  # P2, Policy
    assert page.count('class="summary-form"') == 8  # 4 participants x 2 subthemes
    assert "Summary for P1, Systemic/Policy" in page
    form = {"participant": "P1", "code": "Systemic/Policy", "summary": "Wants a law."}
    assert (
        viewer.post(
            "/queries/framework/summary", data={**form, "csrf_token": viewer.csrf}
        ).status_code
        == 403
    )
    saved = owner.post(
        "/queries/framework/summary",
        data={**form, "csrf_token": owner.csrf, "back": "/queries/framework?theme=Systemic"},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    assert tiny.framework_summary("P1", "Systemic/Policy") == "Wants a law."
    read_only = viewer.get("/queries/framework?theme=Systemic").text
    assert 'class="summary-form"' not in read_only
    assert '<p class="summary" dir="auto">Wants a law.</p>' in read_only
    api = owner.put("/api/framework/summary", json={**form, "summary": "  Changed. "})
    assert api.status_code == 200 and api.json()["summary"] == "Changed."
    sheets = xlsx_sheets(owner.get("/queries/framework?all_themes=1&format=xlsx"))
    assert set(sheets) == {"Systemic", "Technological", "About"}
    systemic = sheets["Systemic"].set_index("participant")
    assert systemic.loc["P1", "Policy"].startswith("Summary: Changed.")
    assert list(systemic.index) == ["P1", "P2", "P3", "P4"]
    one = xlsx_sheets(owner.get("/queries/framework?theme=Technological&format=xlsx"))
    assert set(one) == {"Technological", "About"}
    long = csv_rows(owner.get("/queries/framework?theme=Systemic&format=csv"))
    assert len(long) == 8 and list(long["references"])[:2] == [1, 1]


# -- figures and report -------------------------------------------------------------------------
def test_figures_page_and_images(owner: Client) -> None:
    page = owner.get("/figures?order_by=site").text
    sources = re.findall(r'<img src="([^"]+)" alt="[^"]+" data-figure="([^"]+)"', page)
    assert [name for _, name in sources] == [
        "subthemes-by-participant",
        "frequency-of-main-themes",
        "cooccurrence-of-subthemes",
    ]
    for source, _ in sources:
        assert "order_by=site" in html.unescape(source)
    assert 'alt="Heat map with a row per participant' in page
    for name in (
        "subthemes-by-participant",
        "frequency-of-main-themes",
        "cooccurrence-of-subthemes",
    ):
        png = owner.get(f"/figures/{name}.png?order_by=site&where=role%3Dnurse")
        assert png.status_code == 200 and png.content.startswith(PNG), name
        svg = owner.get(f"/figures/{name}.svg")
        assert svg.headers["content-disposition"] == f'attachment; filename="{name}.svg"'
        assert b"<svg" in svg.content
    assert owner.get("/figures/nothing.png").status_code == 404


def test_figures_page_without_codings(tiny_app, tiny: thematic.Study) -> None:  # type: ignore[no-untyped-def]
    client = client_for(tiny_app, "amina")
    page = client.get("/figures?where=site%3DLahore&coder=bilal").text
    assert "<img" not in page and "Nothing coded in this scope yet" in page


def test_report_downloads(owner: Client, viewer: Client) -> None:
    page = owner.get("/report").text
    assert 'value="docx"' in page and 'href="/report/tables.xlsx"' in page
    word = viewer.get("/report/download?format=docx&quotes=2")
    assert word.status_code == 200 and "wordprocessingml" in word.headers["content-type"]
    assert word.headers["content-disposition"] == 'attachment; filename="report.docx"'
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(word.content)).paragraphs)
    assert "Analysis study" in text
    page_html = owner.get("/report/download?format=html")
    assert page_html.headers["content-type"].startswith("text/html")
    assert "Analysis study" in page_html.text
    markdown = owner.get("/report/download?format=md")
    assert markdown.headers["content-type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(markdown.content)).namelist()
    assert "report.md" in names and any(n.endswith(".png") for n in names)


def test_table_exports(owner: Client) -> None:
    sheets = xlsx_sheets(owner.get("/report/tables.xlsx"))
    assert {"Participants", "Documents", "Codebook", "Codings"} <= set(sheets)
    assert len(sheets["Codings"]) == 9  # eight consensus codings and bilal's one
    codings = csv_rows(owner.get("/report/codings?format=csv&coder=all"))
    assert sorted(set(codings["coder"])) == ["bilal", "consensus"]
    karachi = xlsx_sheets(
        owner.get("/report/codings?format=xlsx&coder=consensus&where=site%3DKarachi")
    )
    assert len(karachi["Codings"]) == 7
