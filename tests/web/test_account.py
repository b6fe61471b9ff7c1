"""Log-in, set-up, sessions, CSRF, roles and error shapes of the web app."""

from __future__ import annotations

from pathlib import Path

import thematic
from thematic.web import create_app

from .conftest import PASSWORD, Client, client_for, login


def test_pages_redirect_to_login(client: Client) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login?next=/"
    assert client.get("/api/study").json() == {
        "error": {"type": "LoginRequired", "message": "log in first"}
    }


def test_login_logout_and_dashboard(as_owner: Client) -> None:
    page = as_owner.get("/")
    assert page.status_code == 200
    assert "Web test study" in page.text and "amina" in page.text
    cookie = as_owner.cookies.jar
    assert any(c.name == "thematic_session" for c in cookie)
    raw = page.headers.get("set-cookie", "") or ""
    assert "httponly" in raw.lower() or raw == ""
    response = as_owner.post("/logout", data={"csrf_token": as_owner.csrf}, follow_redirects=False)
    assert response.status_code == 303
    assert as_owner.get("/", follow_redirects=False).status_code == 303


def test_session_cookie_flags(client: Client) -> None:
    client.refresh_csrf()
    response = client.post(
        "/login",
        data={"name": "amina", "password": PASSWORD, "csrf_token": client.csrf},
        follow_redirects=False,
    )
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie


def test_wrong_password_and_rate_limit(client: Client) -> None:
    token = client.refresh_csrf()
    statuses = [
        client.post(
            "/login", data={"name": "bilal", "password": "nope nope", "csrf_token": token}
        ).status_code
        for _ in range(6)
    ]
    assert statuses == [401] * 5 + [429]
    blocked = client.post(
        "/login", data={"name": "bilal", "password": PASSWORD, "csrf_token": token}
    )
    assert blocked.status_code == 429 and "too many failed log-ins" in blocked.text


def test_csrf_is_required_for_changes(as_owner: Client) -> None:
    response = as_owner.post("/api/members", json={"name": "omar"}, headers={"X-CSRF-Token": "x"})
    assert response.status_code == 403
    assert "CSRF" in response.json()["error"]["message"]
    bare = Client(as_owner.app)
    bare.cookies = as_owner.cookies
    assert bare.post("/api/members", json={"name": "omar"}).status_code == 403
    assert as_owner.post("/api/members", json={"name": "omar"}).status_code == 201


def test_viewer_cannot_change_anything(app) -> None:  # type: ignore[no-untyped-def]
    guest = client_for(app, "guest")
    response = guest.post("/api/members", json={"name": "omar"})
    assert response.status_code == 403
    assert response.json()["error"]["type"] == "Forbidden"
    assert guest.get("/api/study").status_code == 200


def test_first_visit_creates_the_owner(tmp_path: Path) -> None:
    study = thematic.create(tmp_path / "new.thematic")
    with Client(create_app(study, secret_key="k")) as client:
        assert client.get("/", follow_redirects=False).headers["location"] == "/setup"
        token = client.refresh_csrf()
        page = client.get("/setup")
        assert "Create the owner account" in page.text
        short = client.post(
            "/setup", data={"name": "amina", "password": "short", "csrf_token": token}
        )
        assert short.status_code == 400 and "at least 8" in short.text
        done = client.post(
            "/setup",
            data={"name": "amina", "password": PASSWORD, "csrf_token": token},
            follow_redirects=False,
        )
        assert done.status_code == 303
        assert client.get("/").status_code == 200
        assert client.get("/setup", follow_redirects=False).headers["location"] == "/login"
    study.close()


def test_login_redirect_stays_on_site(client: Client) -> None:
    token = client.refresh_csrf()
    response = client.post(
        "/login",
        data={
            "name": "amina",
            "password": PASSWORD,
            "csrf_token": token,
            "next": "//evil.example/",
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/"


def test_validation_errors_are_400_with_a_message(as_owner: Client) -> None:
    response = as_owner.post("/api/members", json={"role": "coder"})
    assert response.status_code == 400
    assert "name" in response.json()["error"]["message"]


def test_openapi_describes_the_api(as_owner: Client) -> None:
    spec = as_owner.get("/api/openapi.json").json()
    assert "/api/members" in spec["paths"] and "/api/study" in spec["paths"]


def test_members_page_for_owner(as_owner: Client, app) -> None:  # type: ignore[no-untyped-def]
    response = as_owner.post(
        "/members",
        data={"name": "omar", "role": "coder", "password": PASSWORD, "csrf_token": as_owner.csrf},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert "omar" in as_owner.get("/members").text
    omar = login(Client(app), "omar")
    assert omar.get("/api/study").status_code == 200


def test_dashboard_counts_coded_transcripts(as_owner: Client, web_study: thematic.Study) -> None:
    assert "0 of 1 transcripts coded" in as_owner.get("/").text
    document = web_study.documents()[0]
    web_study.code(document.id, 0, 11, "Personal/Trust", "bilal")
    page = as_owner.get("/").text
    assert "1 of 1 transcripts coded" in page
    assert "bilal" in page
