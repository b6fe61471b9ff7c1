"""Agreement at scale: 1,000 documents of 40,000 characters, 50 codes, 2 coders.

Issue 4 asks for seconds, not minutes. This measures the computation the Study API runs per
code (``thematic.core.agreement.compare_coders`` on the documents laid end to end as one
continuum of 40 million characters) for all 50 codes, against a baseline measured in the same
run: building the two coders' character arrays for one code with numpy (the cheapest possible
per-character approach), times 50.

Run: python benchmarks/bench_agreement.py [--json benchmarks/results/agreement.json]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from thematic.core.agreement import character_units, compare_coders
from thematic.core.spans import merge_spans

DOCUMENTS, LENGTH, CODES, SPANS_PER_DOC = 1_000, 40_000, 50, 4


def synthetic(seed: int = 1) -> dict[int, dict[str, list[tuple[int, int]]]]:
    """Per code, per coder, spans on the continuum: coder b shifts a's boundaries a little."""
    rng = np.random.default_rng(seed)
    by_code: dict[int, dict[str, list[tuple[int, int]]]] = {}
    for code in range(CODES):
        starts = rng.integers(0, LENGTH - 600, size=(DOCUMENTS, SPANS_PER_DOC))
        widths = rng.integers(40, 500, size=(DOCUMENTS, SPANS_PER_DOC))
        offsets = (np.arange(DOCUMENTS) * LENGTH)[:, None]
        a = np.stack([starts + offsets, starts + offsets + widths], axis=-1).reshape(-1, 2)
        shift = rng.integers(-30, 30, size=a.shape)
        keep = rng.random(len(a)) > 0.1  # b misses a tenth
        b = np.clip(a + shift, 0, DOCUMENTS * LENGTH)[keep]
        b = b[b[:, 1] > b[:, 0]]
        by_code[code] = {
            "a": merge_spans(map(tuple, a.tolist())),
            "b": merge_spans(map(tuple, b.tolist())),
        }
    return by_code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    data = synthetic()
    total = DOCUMENTS * LENGTH
    started = time.perf_counter()
    for spans in data.values():
        character_units(spans["a"], total) ^ character_units(spans["b"], total)
    baseline = time.perf_counter() - started
    started = time.perf_counter()
    figures = {code: compare_coders(spans, total) for code, spans in data.items()}
    elapsed = time.perf_counter() - started
    kappas = [f["kappa"] for f in figures.values()]
    result = {
        "documents": DOCUMENTS,
        "characters_per_document": LENGTH,
        "codes": CODES,
        "coders": 2,
        "baseline_character_arrays_s": round(baseline, 2),
        "all_figures_s": round(elapsed, 2),
        "ratio_to_baseline": round(elapsed / baseline, 2),
        "mean_kappa": round(float(np.mean(kappas)), 3),
    }
    for key, value in result.items():
        print(f"{key:30} {value}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
