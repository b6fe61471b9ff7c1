"""Web app fixtures: a served study on each backend, logged-in clients per role."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

import thematic
from thematic.web import create_app

PASSWORD = "a good password"


class Client(TestClient):
    """A test client that knows its CSRF token and sends it with every change."""

    csrf: str = ""

    def refresh_csrf(self) -> str:
        html = self.get("/login" if not self.csrf else "/").text
        found = re.search(r'name="csrf-token" content="([^"]+)"', html) or re.search(
            r'name="csrf_token" value="([^"]+)"', html
        )
        assert found, "no CSRF token on the page"
        self.csrf = found.group(1)
        return self.csrf

    def request(self, method, url, **kwargs):  # type: ignore[no-untyped-def, override]
        if method.upper() not in ("GET", "HEAD", "OPTIONS") and self.csrf:
            headers = dict(kwargs.pop("headers", None) or {})
            headers.setdefault("X-CSRF-Token", self.csrf)
            kwargs["headers"] = headers
        return super().request(method, url, **kwargs)


def login(client: Client, name: str, password: str = PASSWORD) -> Client:
    client.csrf = ""
    token = client.refresh_csrf()
    response = client.post(
        "/login",
        data={"name": name, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    client.csrf = ""
    client.csrf = client.refresh_csrf()
    return client


@pytest.fixture
def web_study(study_target: str) -> Iterator[thematic.Study]:
    """A small study with an owner, two coders and a viewer, all with passwords."""
    study = thematic.create(study_target, title="Web test study")
    study.create_first_owner("amina", PASSWORD)
    for name, role in (("bilal", "coder"), ("sana", "coder"), ("guest", "viewer")):
        study.add_coder(name, role)
        study.set_password(name, PASSWORD)
    study.add_code("Technological/Usability and glitches", definition="Platform problems")
    study.add_code("Personal/Trust")
    study.add_participant("P01")
    study.add_document(
        "P01 interview",
        "Interviewer: How is the video app?\n\nP01: ڈاکٹر صاحب, it freezes 😀 every day.",
        participant="P01",
    )
    yield study
    study.close()


@pytest.fixture
def app(web_study: thematic.Study):  # type: ignore[no-untyped-def]
    return create_app(web_study, secret_key="test-secret")


@pytest.fixture
def client(app) -> Iterator[Client]:  # type: ignore[no-untyped-def]
    with Client(app) as test_client:
        yield test_client


@pytest.fixture
def as_owner(client: Client) -> Client:
    return login(client, "amina")


def client_for(app, name: str) -> Client:  # type: ignore[no-untyped-def]
    """Another logged-in client on the same app."""
    return login(Client(app), name)
