"""The planted-identifier corpus of tests/data/deidentify and how detection is scored on it.

Shared by tests/core/test_deidentify.py and benchmarks/deidentify_accuracy.py, so the test
and the published figures count the same way.

A planted identifier is found when a finding of the same kind overlaps it; a finding is a true
positive when it overlaps a planted identifier of its kind. Each occurrence of a planted text
counts, except occurrences inside a longer planted text ("Imran Qureshi" inside
"Dr. Imran Qureshi").
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thematic.core.deidentify import KINDS, Finding, detect

CORPUS = Path(__file__).parent / "data" / "deidentify"
KEY: dict[str, Any] = json.loads((CORPUS / "key.json").read_text(encoding="utf-8"))

Detector = Callable[[str], list[Finding]]
Occurrence = tuple[int, int, str]


def planted_occurrences(text: str, planted: list[list[str]]) -> list[Occurrence]:
    """Every occurrence of every planted (kind, text), minus those inside a longer one."""
    found = []
    for kind, needle in planted:
        start = text.find(needle)
        while start >= 0:
            found.append((start, start + len(needle), kind))
            start = text.find(needle, start + 1)
    return sorted(
        (s, e, k)
        for s, e, k in set(found)
        if not any(s2 <= s and e <= e2 and (e2 - s2) > (e - s) for s2, e2, _ in found)
    )


def study_detector(text: str) -> list[Finding]:
    """Patterns, lists, places and the corpus's own study terms: what the test measures."""
    return detect(text, terms=KEY["terms"])


@dataclass
class Scores:
    """Counts per kind, and the misses and false positives as (file, kind, text)."""

    planted: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    hits: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    found: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    true_positives: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    false_positives: list[tuple[str, str, str, str]] = field(default_factory=list)

    def table(self) -> dict[str, tuple[int, int, float, float]]:
        """kind -> (planted, found, recall, precision), for kinds planted or found."""
        rows = {}
        for kind in KINDS:
            planted, found = self.planted[kind], self.found[kind]
            if planted or found:
                recall = self.hits[kind] / planted if planted else 1.0
                precision = self.true_positives[kind] / found if found else 1.0
                rows[kind] = (planted, found, recall, precision)
        return rows


def score(detector: Detector = study_detector) -> Scores:
    """Run ``detector`` over every file of the corpus and count against the key."""
    scores = Scores()
    for name, planted in KEY["files"].items():
        text = (CORPUS / name).read_text(encoding="utf-8")
        assert text.strip(), name
        occurrences = planted_occurrences(text, planted)
        findings = detector(text)
        for s, e, kind in occurrences:
            scores.planted[kind] += 1
            hit = any(f.kind == kind and f.start < e and s < f.end for f in findings)
            scores.hits[kind] += hit
            if not hit:
                scores.misses.append((name, kind, text[s:e]))
        for f in findings:
            scores.found[f.kind] += 1
            true = any(k == f.kind and f.start < e and s < f.end for s, e, k in occurrences)
            scores.true_positives[f.kind] += true
            if not true:
                scores.false_positives.append((name, f.kind, f.text, f.source))
    return scores


def corpus_scores(detector: Detector = study_detector) -> dict[str, tuple[int, int, float, float]]:
    """kind -> (planted, found, recall, precision) of ``detector`` over the corpus."""
    return score(detector).table()
