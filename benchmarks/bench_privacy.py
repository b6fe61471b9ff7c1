"""De-identification and withdrawal on a study of 1,000 transcripts with 550,000 codings.

Measures, on a copy of the query benchmark's study (benchmarks/bench_queries.py builds it):

* ``scan``: ``Study.scan_identifiers`` over every transcript (patterns, honorifics,
  institutions, the built-in places, and 12 study terms chosen from the transcripts' words so
  that thousands of identifiers are found), writing the proposals and the encrypted key;
* ``apply``: accepting every proposal and ``Study.apply_deidentification``: the texts
  rewritten, every coding, speaker turn and proposal re-mapped, the full-text index merged
  and the file vacuumed;
* ``withdraw``: ``Study.withdraw`` of one participant (one transcript and its codings), with
  the purge of the index and the file;
* baselines in the same run: ``SELECT count(*) FROM codings`` and ``VACUUM`` of the file, so
  the figures can be read as ratios on any machine.

Each operation changes the study, so each runs once on a fresh copy of the file (the copy's
time is not counted). There is no speed requirement in the issue; these figures tell a team
what to expect (docs/performance.md).

Run: python benchmarks/bench_privacy.py [--study /tmp/bench-queries.thematic]
         [--json benchmarks/results/privacy.json]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).parent))

import bench_queries

import thematic

PASSPHRASE = "benchmark key passphrase"
TERMS = 12  # study terms: words ranked 400-411 in the transcripts' vocabulary


def timed(run: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = run()
    return round((time.perf_counter() - started) * 1000, 1), result


def fresh_copy(source: Path, folder: Path, name: str) -> thematic.Study:
    target = folder / f"{name}.thematic"
    shutil.copyfile(source, target)
    study = thematic.open(target)
    study.set_key_file(folder / f"{name}.key")
    return study


def choose_terms(study: thematic.Study) -> list[str]:
    words = study.word_frequencies(limit=420)
    return list(words["word"].iloc[400 : 400 + TERMS])


def baselines(study: thematic.Study) -> dict[str, float]:
    engine = study._engine
    with engine.connect() as connection:
        count_ms, _ = timed(
            lambda: connection.execute(sa.text("SELECT count(*) FROM codings")).scalar()
        )
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        vacuum_ms, _ = timed(lambda: connection.exec_driver_sql("VACUUM"))
    return {"select_count_ms": count_ms, "vacuum_ms": vacuum_ms}


def measure(source: Path, folder: Path) -> dict[str, Any]:
    results: dict[str, Any] = {}
    study = fresh_copy(source, folder, "baseline")
    results["baselines"] = baselines(study)
    terms = choose_terms(study)
    study.close()

    study = fresh_copy(source, folder, "scan")
    for term in terms:
        study.add_identifying_term(term, "person", key_passphrase=PASSPHRASE)
    scan_ms, scanned = timed(lambda: study.scan_identifiers(key_passphrase=PASSPHRASE, model=None))
    proposals = sum(scanned.proposals.values())
    results["scan"] = {"ms": scan_ms, "documents": scanned.documents, "proposals": proposals}
    print(f"scan: {scan_ms} ms, {proposals} proposals in {scanned.documents} documents")

    ids = [p.id for p in study.proposals(context=False)]
    decide_ms, _ = timed(lambda: study.decide_proposals(ids, "accept"))
    codings_before = len(study.codings(document=1))
    apply_ms, applied = timed(lambda: study.apply_deidentification(key_passphrase=PASSPHRASE))
    assert len(study.codings(document=1)) <= codings_before
    results["accept_all"] = {"ms": decide_ms, "proposals": len(ids)}
    results["apply"] = {"ms": apply_ms, "replacements": sum(applied.values())}
    print(f"accept all: {decide_ms} ms; apply: {apply_ms} ms, {sum(applied.values())} replaced")
    study.close()

    study = fresh_copy(source, folder, "withdraw")
    label = study.participants()[0].label
    preview_ms, preview = timed(lambda: study.withdrawal_preview(label))
    withdraw_ms, record = timed(lambda: study.withdraw(label, expected=preview.counts()))
    results["withdrawal_preview"] = {"ms": preview_ms}
    results["withdraw"] = {"ms": withdraw_ms, "deleted": record.deleted}
    print(f"withdrawal preview: {preview_ms} ms; withdraw: {withdraw_ms} ms")
    study.close()

    base = results["baselines"]
    for name in ("scan", "accept_all", "apply", "withdrawal_preview", "withdraw"):
        entry = results[name]
        entry["ratio_to_select_count"] = round(entry["ms"] / max(base["select_count_ms"], 0.1), 1)
        entry["ratio_to_vacuum"] = round(entry["ms"] / max(base["vacuum_ms"], 0.1), 2)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--study", type=Path, default=Path("/tmp/bench-queries.thematic"))
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    sizes = bench_queries.prepare(str(args.study), "sqlite")
    with tempfile.TemporaryDirectory(dir=args.study.parent) as folder:
        results = measure(args.study, Path(folder))
    report = {
        "what": "de-identification and withdrawal on the query benchmark's study",
        "statistic": "one run each on a fresh copy of the study file",
        "baselines": "SELECT count(*) FROM codings; VACUUM of the whole file",
        "study": {k: v for k, v in sizes.items() if k != "build_s"},
        "environment": bench_queries.environment(None),
        "results": results,
    }
    print(json.dumps(results["baselines"]))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
