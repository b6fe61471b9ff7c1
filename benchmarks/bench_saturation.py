"""Saturation over random interview orders: 1,000 orderings of 1,000 interviews.

Issue 6 asks for random-order curves "fast enough for 1,000 orderings of 1,000 interviews
(vectorised)". The interviews hold about 12 of 300 codes each, drawn with skewed popularity
(so some codes are rare, as in real studies). Baseline in the same run: the discovery curve
in the interviews' own order (one pass). Median of 5 runs after a warm-up.

Run: python benchmarks/bench_saturation.py [--json benchmarks/results/saturation.json]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from thematic.core import saturation

INTERVIEWS, CODES, PER_INTERVIEW, ORDERINGS = 1_000, 300, 12, 1_000


def interviews(seed: int = 5) -> list[set[int]]:
    rng = np.random.default_rng(seed)
    weights = 1.0 / np.arange(1, CODES + 1)
    weights /= weights.sum()
    return [
        set(rng.choice(CODES, size=PER_INTERVIEW, replace=False, p=weights).tolist())
        for _ in range(INTERVIEWS)
    ]


def median_ms(run: Callable[[], Any], repeat: int = 5) -> float:
    run()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    data = interviews()
    baseline = median_ms(lambda: saturation.discovery_curve(data))
    measured = {
        "random_order_curves": lambda: saturation.random_order_curves(data, ORDERINGS, seed=1),
        "guest_saturation_over_orders": lambda: saturation.guest_saturation_over_orders(
            data, 4, 2, 0.05, ORDERINGS, 1
        ),
        "francis_saturation_over_orders": lambda: saturation.francis_saturation_over_orders(
            data, 10, 3, ORDERINGS, 1
        ),
        "chao2": lambda: saturation.chao2(data),
    }
    results = {"baseline discovery_curve (ms)": round(baseline, 2)}
    print(f"baseline discovery_curve in the given order: {baseline:.1f} ms")
    for name, run in measured.items():
        ms = median_ms(run)
        results[name] = {"ms": round(ms, 1), "ratio": round(ms / baseline, 1)}
        print(f"{name:34s} {ms:8.1f} ms  x{ms / baseline:7.1f}")
    if args.json:
        payload = {
            "sizes": {
                "interviews": INTERVIEWS,
                "codes": CODES,
                "per_interview": PER_INTERVIEW,
                "orderings": ORDERINGS,
            },
            "python": platform.python_version(),
            "results": results,
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
