"""Recall and precision of de-identification per identifier kind, on the planted corpus.

The corpus is tests/data/deidentify: 8 short interview transcripts (6 English, 2 Urdu) with
the planted identifiers listed in key.json. Scoring is tests/deid_corpus.py, the same code the
test suite uses: a planted identifier is found when a finding of its kind overlaps it; a
finding is right when it overlaps a planted identifier of its kind.

Configurations: (a) patterns, honorifics, institutions, built-in places and the study's own
terms (key.json's "terms"); (b) the same without the study terms; and, when a spaCy pipeline
is installed (or named with --model / THEMATIC_NER_MODEL), (c) and (d): (a) and (b) with the
named-entity model, and (e) the model's findings alone, to show what it does by itself.

Run: python benchmarks/deidentify_accuracy.py [--model NAME] [--json PATH] [--note TEXT]
(writes benchmarks/results/deidentify.json unless --json names another file). Precision is
"–" (null in the JSON) for a kind that a configuration found none of.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.deid_corpus, the scoring shared with the tests

from tests.deid_corpus import KEY, score  # noqa: E402

from thematic.core.deidentify import (  # noqa: E402
    Finding,
    Model,
    detect,
    detectors_used,
    merge_findings,
)
from thematic.study import ner  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "deidentify.json"


def configurations(model: Model | None) -> list[tuple[str, dict[str, Any]]]:
    """(label, keyword arguments of detect) for each configuration measured.

    ``{"model_alone": model}`` is not for detect: it scores the model's own findings, merged.
    """
    terms = KEY["terms"]
    measured: list[tuple[str, dict[str, Any]]] = [
        ("(a) patterns + lists + study terms", {"terms": terms}),
        ("(b) patterns + lists, no study terms", {}),
    ]
    if model is not None:
        measured += [
            ("(c) patterns + lists + study terms + model", {"terms": terms, "model": model}),
            ("(d) patterns + lists + model, no study terms", {"model": model}),
            ("(e) the model alone, for comparison", {"model_alone": model}),
        ]
    return measured


def measure(label: str, options: dict[str, Any]) -> dict[str, Any]:
    alone: Model | None = options.get("model_alone")

    def detector(text: str) -> list[Finding]:
        if alone is not None:
            return merge_findings(alone(text))
        return detect(text, **options)

    start = time.perf_counter()
    scores = score(detector)
    seconds = time.perf_counter() - start
    table = scores.table()
    return {
        "configuration": label,
        "detectors": [f"model: {alone.__name__}"] if alone else list(detectors_used(**options)),
        "seconds": round(seconds, 3),
        "kinds": {
            kind: {
                "planted": planted,
                "found": found,
                "recall": round(recall, 3),
                "precision": round(precision, 3) if found else None,
            }
            for kind, (planted, found, recall, precision) in table.items()
        },
        "total": totals(scores.planted, scores.hits, scores.found, scores.true_positives),
        "misses": [list(m) for m in scores.misses],
        "false_positives": [list(f) for f in scores.false_positives],
    }


def totals(
    planted: dict[str, int], hits: dict[str, int], found: dict[str, int], right: dict[str, int]
) -> dict[str, Any]:
    n_planted, n_found = sum(planted.values()), sum(found.values())
    return {
        "planted": n_planted,
        "found": n_found,
        "recall": round(sum(hits.values()) / n_planted, 3) if n_planted else 1.0,
        "precision": round(sum(right.values()) / n_found, 3) if n_found else None,
    }


def print_result(result: dict[str, Any]) -> None:
    print(f"\n{result['configuration']}  [{', '.join(result['detectors'])}]")
    print("| kind | planted | found | recall | precision |")
    print("| --- | ---: | ---: | ---: | ---: |")
    rows = [*result["kinds"].items(), ("all", result["total"])]
    for kind, row in rows:
        precision = "–" if row["precision"] is None else f"{row['precision']:.2f}"
        print(f"| {kind} | {row['planted']} | {row['found']} | {row['recall']:.2f} | {precision} |")
    for name, kind, text in result["misses"]:
        print(f"  missed {kind} {text!r} in {name}")
    for name, kind, text, source in result["false_positives"]:
        print(f"  wrong {kind} {text!r} ({source}) in {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="a spaCy pipeline package or folder (else the default)")
    parser.add_argument("--json", type=Path, default=RESULTS)
    parser.add_argument("--note", help="where the model came from, kept in the JSON")
    args = parser.parse_args()
    model = ner.load_model(args.model)
    status = ner.model_status(args.model)
    print(status)
    results = [measure(label, options) for label, options in configurations(model)]
    for result in results:
        print_result(result)
    spacy_version = None
    if model is not None:
        import spacy

        spacy_version = spacy.__version__
    payload = {
        "date": dt.date.today().isoformat(),
        "python": platform.python_version(),
        "corpus": "tests/data/deidentify",
        "model": model.name if model is not None else None,
        "model_status": status,
        "spacy": spacy_version,
        "note": args.note,
        "results": results,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"\nwrote {args.json}")


if __name__ == "__main__":
    main()
