"""Agreement end to end through the Study API on a study of 1,000 documents of 40,000
characters, 50 codes and 2 coders (about 400,000 codings), on a SQLite file.

The study is filled with bulk inserts (its set-up is not what is measured); the figure is
``Study.agreement`` itself: reading the codings, laying the documents end to end, every
figure per code, per theme and overall. Baseline in the same run: ``Study.codings()`` for
one coder (the unavoidable read).

Run: python benchmarks/bench_agreement_study.py [--json benchmarks/results/agreement_study.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import tempfile
import time
from pathlib import Path

import numpy as np
import sqlalchemy as sa

import thematic
from thematic.store.engine import connect
from thematic.store.schema import codings, documents

DOCUMENTS, LENGTH, THEMES, CODES_PER_THEME, SPANS = 1_000, 40_000, 5, 10, 4


def build(path: Path) -> None:
    study = thematic.create(path)
    for name in ("bilal", "sana"):
        study.add_coder(name)
    for theme in range(THEMES):
        for code in range(CODES_PER_THEME):
            study.add_code(f"Theme {theme}/Code {code}")
    code_ids = [c.id for c in study.codes() if c.parent_id is not None]
    coder_ids = {c.name: c.id for c in study.coders()}
    study.close()
    rng = np.random.default_rng(3)
    now = dt.datetime(2026, 1, 1)
    engine = connect(str(path))
    with engine.begin() as connection:
        connection.execute(
            documents.insert(),
            [
                {
                    "title": f"Interview {n}",
                    "kind": "transcript",
                    "text": "x" * LENGTH,
                    "source_name": "",
                    "source_format": "txt",
                    "sha256": "",
                    "position": n,
                    "imported_at": now,
                }
                for n in range(DOCUMENTS)
            ],
        )
        ids = connection.execute(sa.select(documents.c.id)).scalars().all()
        rows = []
        for document_id in ids:
            for code_id in code_ids:
                starts = rng.integers(0, LENGTH - 600, SPANS)
                widths = rng.integers(40, 500, SPANS)
                for start, width in zip(starts.tolist(), widths.tolist(), strict=True):
                    rows.append(
                        {
                            "document_id": document_id,
                            "code_id": code_id,
                            "coder_id": coder_ids["bilal"],
                            "start": start,
                            "end": start + width,
                            "created_at": now,
                        }
                    )
                    if rng.random() > 0.1:
                        shift = int(rng.integers(-30, 30))
                        rows.append(
                            {
                                "document_id": document_id,
                                "code_id": code_id,
                                "coder_id": coder_ids["sana"],
                                "start": max(0, start + shift),
                                "end": start + width + shift,
                                "created_at": now,
                            }
                        )
        connection.execute(codings.insert(), rows)
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.thematic"
        build(path)
        study = thematic.open(path)
        started = time.perf_counter()
        count = len(study.codings(coder="bilal"))
        baseline = time.perf_counter() - started
        started = time.perf_counter()
        report = study.agreement(["bilal", "sana"])
        elapsed = time.perf_counter() - started
        study.close()
    result = {
        "documents": DOCUMENTS,
        "characters_per_document": LENGTH,
        "codes": THEMES * CODES_PER_THEME,
        "codings_per_coder": count,
        "baseline_read_one_coder_s": round(baseline, 2),
        "study_agreement_s": round(elapsed, 2),
        "ratio_to_baseline": round(elapsed / baseline, 2),
        "overall_kappa": round(report.rows[-1].kappa, 3),
    }
    for key, value in result.items():
        print(f"{key:30} {value}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
