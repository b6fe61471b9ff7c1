"""Many coders at once: 20 coders code concurrently through a real server, on PostgreSQL
(the team server) and on a SQLite file; no coding is lost and no request fails with a 5xx.

The load is bounded (20 coders x 15 codings) and goes only to 127.0.0.1.
"""

from __future__ import annotations

import re
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx

import thematic
from tests.live import LiveServer, free_port
from thematic.web import create_app

CODERS = 20
CODINGS_EACH = 15
PASSWORD = "a good password"


def _coder_session(url: str, name: str, document_id: int, length: int) -> Counter[int]:
    statuses: Counter[int] = Counter()
    with httpx.Client(base_url=url, timeout=60) as client:
        page = client.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
        client.post("/login", data={"name": name, "password": PASSWORD, "csrf_token": token})
        home = client.get("/")
        token = re.search(r'name="csrf-token" content="([^"]+)"', home.text).group(1)  # type: ignore[union-attr]
        for number in range(CODINGS_EACH):
            start = (number * 7) % (length - 10)
            response = client.post(
                "/api/codings",
                json={
                    "document_id": document_id,
                    "start": start,
                    "end": start + 5,
                    "code": "Barriers/Technology" if number % 2 else "Barriers/Training",
                },
                headers={"X-CSRF-Token": token},
            )
            statuses[response.status_code] += 1
    return statuses


def test_twenty_coders_at_once_lose_nothing(study_target: str) -> None:
    study = thematic.create(study_target, title="Load test")
    study.create_first_owner("amina", PASSWORD)
    names = [f"coder{n:02d}" for n in range(CODERS)]
    for name in names:
        study.add_coder(name)
        study.set_password(name, PASSWORD)
    study.add_code("Barriers/Technology")
    study.add_code("Barriers/Training")
    document = study.add_document("Long interview", "The video froze again today. " * 200)
    try:
        with (
            LiveServer(create_app(study, secret_key="load"), free_port()) as server,
            ThreadPoolExecutor(max_workers=CODERS) as pool,
        ):
            results = list(
                pool.map(
                    lambda name: _coder_session(server.url, name, document.id, document.length),
                    names,
                )
            )
        statuses = sum(results, Counter())
        assert statuses == Counter({201: CODERS * CODINGS_EACH})
        stored = study.codings(document=document.id)
        assert len(stored) == CODERS * CODINGS_EACH
        assert Counter(c.coder for c in stored) == Counter({name: CODINGS_EACH for name in names})
    finally:
        study.close()
