"""Web app speed: render a 10,000-word transcript with 500 codings, and apply a code.

Targets (issue 3): the coding workspace renders server-side in under 200 ms and applying a
code round-trips in under 100 ms on the project's 2-core machines. Figures are medians over
repeated requests to a real uvicorn server on 127.0.0.1, reported in milliseconds and as
ratios against a baseline measured in the same run (the log-in page, which renders a
template but touches no study data), so machines of other speeds can be compared.

Run: python benchmarks/bench_web.py [--repeat 30] [--json results/web.json]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

import thematic
from thematic.web import create_app

sys.path.insert(0, str(Path(__file__).parents[1]))
from tests.live import LiveServer, free_port

PASSWORD = "benchmark password"
WORDS = ["clinic", "video", "patient", "نرس", "connection", "portal", "training", "😀", "data"]


def build(path: Path, words: int = 10_000, codings: int = 500) -> tuple[thematic.Study, int]:
    rng = random.Random(1)
    study = thematic.create(path, title="Benchmark")
    study.create_first_owner("amina", PASSWORD)
    paths = [f"Theme {t}/Subtheme {s}" for t in range(4) for s in range(5)]
    for code in paths:
        study.add_code(code)
    turns, text_parts, position = [], [], 0
    for number in range(words // 50):
        speaker = "Interviewer" if number % 2 == 0 else "P01"
        body = " ".join(rng.choice(WORDS) for _ in range(50)) + "."
        prefix = f"{speaker}: "
        start = position + len(prefix)
        text_parts.append(prefix + body + "\n\n")
        turns.append(thematic.Turn(start, start + len(body), speaker))
        position += len(prefix) + len(body) + 2
    text = "".join(text_parts)
    document = study.add_document("Long interview", text, turns=turns)
    requests = []
    for _ in range(codings):
        start = rng.randrange(0, len(text) - 400)
        requests.append(
            (document.id, start, start + rng.randint(20, 400), rng.choice(paths), "amina")
        )
    study.code_many(requests)
    return study, document.id


def _median_ms(client: httpx.Client, url: str, repeat: int) -> float:
    """Median time of GET ``url`` in milliseconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code < 400, response.text
    return statistics.median(times)


def run(repeat: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        study, document_id = build(Path(folder) / "bench.thematic")
        with (
            LiveServer(create_app(study, secret_key="bench"), free_port()) as server,
            httpx.Client(base_url=server.url, timeout=30) as client,
        ):
            token = re.search(
                r'name="csrf_token" value="([^"]+)"', client.get("/login").text
            ).group(1)  # type: ignore[union-attr]
            client.post("/login", data={"name": "amina", "password": PASSWORD, "csrf_token": token})
            token = re.search(r'name="csrf-token" content="([^"]+)"', client.get("/").text).group(1)  # type: ignore[union-attr]
            baseline = _median_ms(client, "/login", repeat)
            render = _median_ms(client, f"/documents/{document_id}/code", repeat)
            length = study.document(document_id).length
            rng = random.Random(2)
            apply_times = []
            for _ in range(repeat):
                start = rng.randrange(0, length - 50)
                started = time.perf_counter()
                response = client.post(
                    "/api/codings",
                    json={
                        "document_id": document_id,
                        "start": start,
                        "end": start + 30,
                        "code": "Theme 1/Subtheme 2",
                    },
                    headers={"X-CSRF-Token": token},
                )
                apply_times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 201, response.text
            apply = statistics.median(apply_times)
        study.close()
    return {
        "baseline_login_page_ms": round(baseline, 2),
        "workspace_render_ms": round(render, 2),
        "workspace_render_ratio": round(render / baseline, 2),
        "apply_code_ms": round(apply, 2),
        "apply_code_ratio": round(apply / baseline, 2),
        "words": 10_000,
        "codings": 500,
        "repeat": repeat,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--json", type=Path, default=None, help="Also write the figures here.")
    args = parser.parse_args()
    figures = run(args.repeat)
    for key, value in figures.items():
        print(f"{key:28} {value}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
