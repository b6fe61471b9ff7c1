"""Analysis queries on a study of 1,000 transcripts (about 6,000 words each) with 500,000
codings: text search, word frequency, coding queries, code frequencies, matrix coding,
co-occurrence, the framework matrix and the table of all codings.

Requirement: every query answers in under a second (``codings_table``, an export of every
coding with its text, is reported but not held to it). Each figure is the median of 5 runs
after one warm-up, on the opened study, in milliseconds and as a ratio to baselines measured
in the same run: a raw ``SELECT count(*) FROM codings`` through SQLAlchemy and
``Study.codes()`` (a trivial read through the API).

The study is built once with bulk inserts (not what is measured, but timed) and kept at
``--study`` for reruns: 1,000 participants (role, site), a codebook of 4 themes x 3 subthemes
x 4 codes, 1,000 transcripts of Zipf-distributed words in alternating speaker turns (with the
phrases "internet connection", "no electricity" and "patient trust" planted at known rates),
500 consensus codings per transcript and 50 by a second coder. The SQLite full-text index is
filled by its triggers as the documents are inserted; PostgreSQL's is a generated column.

Run: python benchmarks/bench_queries.py [--study /tmp/bench-queries.thematic] [--postgres [URL]]
         [--json benchmarks/results/queries.json] [--only NAME ...] [--profile NAME ...]
``--postgres`` also measures on PostgreSQL, in a database of its own (``bench_queries`` on
localhost by default, created if missing); ``--postgres-only`` skips SQLite, ``--build-only``
just builds, ``--profile`` prints a cProfile of the named queries instead of timing them.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import hashlib
import io
import json
import os
import platform
import pstats
import re
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import sqlalchemy as sa

import thematic
from thematic.store.engine import connect
from thematic.store.schema import (
    attribute_defs,
    codings,
    documents,
    participant_values,
    participants,
    settings,
    turns,
)

# -- the study ------------------------------------------------------------------------------
DOCUMENTS = 1_000
WORDS_PER_DOCUMENT = 6_000
VOCABULARY = 5_000
ZIPF_EXPONENT = 1.0
SENTENCE_WORDS = (8, 25)
CONSENSUS_PER_DOCUMENT = 500
SECOND_CODER_PER_DOCUMENT = 50
SPAN_CHARACTERS = (50, 800)
SEED = 20_260_101
# Phrase -> (share of documents holding it, most occurrences in such a document).
PLANTED = {
    "internet connection": (0.40, 4),
    "no electricity": (0.25, 3),
    "patient trust": (0.10, 2),
}
ROLES = {"nurse": 0.40, "doctor": 0.30, "technician": 0.20, "administrator": 0.10}
SITES = {"Karachi": 0.45, "Lahore": 0.35, "Islamabad": 0.20}
CODEBOOK = {
    "Technological": {
        "Connectivity": ["Slow internet", "Dropped calls", "Power cuts", "Mobile data cost"],
        "Devices": ["No computer", "Shared phones", "Broken equipment", "Old software"],
        "Digital skills": ["Staff training", "Patient literacy", "Login problems", "Support"],
    },
    "Organisational": {
        "Workload": ["Long shifts", "Staff shortage", "Paperwork", "Competing duties"],
        "Management": ["Leadership support", "Unclear roles", "Scheduling", "Supervision"],
        "Resources": ["Funding", "Space", "Supplies", "Maintenance"],
    },
    "Patient factors": {
        "Trust": ["Trust in doctors", "Fear of scams", "Preference for visits", "Word of mouth"],
        "Access": ["Distance", "Travel cost", "Phone ownership", "Time off work"],
        "Culture": ["Family permission", "Gender norms", "Language", "Stigma"],
    },
    "Policy": {
        "Regulation": ["Licensing", "No law", "Liability", "Prescribing rules"],
        "Privacy": ["Data security", "Consent", "Record keeping", "Confidentiality"],
        "Payment": ["Insurance", "Fees", "Reimbursement", "Government schemes"],
    },
}
# Codes in codebook order get Zipf-like weights in a shuffled order: some codes are common.
CODE_WEIGHT_EXPONENT = 0.9

# The most frequent words, in rank order (function words and interview fillers first), then
# the study's own words placed at chosen ranks; the rest of the vocabulary is made up.
_COMMON_WORDS = (
    "the and to I of a that it is in we you they was for but so have not with be this are on"
    " there do he she at as what or if my our can would because when about like all some them"
    " one just get know think very also more then from no yes really people time here their"
    " will go said were had been how only which his her out up other who by an well any much"
    " many now even see say make come want need said"
)
_ONSETS = "b c d f g h j k l m n p r s t v w z br ch cl dr fl gr pl pr sh st th tr"
_VOWELS = "a e i o u a e i o u ai ea ee oo ou"
_STUDY_WORDS = {
    # rank: word (ranks count from 1)
    95: "patient",
    105: "patients",
    120: "doctor",
    130: "clinic",
    150: "internet",
    160: "phone",
    170: "nurse",
    185: "hospital",
    200: "video",
    220: "family",
    240: "call",
    260: "network",
    280: "village",
    300: "trust",
    320: "connect",
    340: "training",
    360: "money",
    380: "government",
    400: "electricity",
    430: "connection",
    460: "signal",
    500: "connected",
    540: "consultation",
    580: "medicine",
    620: "privacy",
    660: "connecting",
    700: "telemedicine",
    760: "specialist",
    820: "connectivity",
    900: "generator",
    1000: "prescription",
    1200: "connections",
    1500: "bandwidth",
}
_QUESTION_STARTS = ["how", "what", "why", "can", "do", "could", "would", "when", "where"]


def _vocabulary(rng: np.random.Generator) -> list[str]:
    """VOCABULARY distinct lower-case ASCII words, most frequent first."""
    words: list[str] = []
    seen: set[str] = set()
    for word in _COMMON_WORDS.split():
        if word not in seen:
            seen.add(word)
            words.append(word)
    reserved = set(_STUDY_WORDS.values())
    seen |= reserved
    onsets, vowels = _ONSETS.split(), _VOWELS.split()
    codas = ["", "", "", "", "n", "r", "l", "s", "t", "m", "nd", "st", "ng", "rk"]
    made_up: list[str] = []
    while len(made_up) < VOCABULARY:
        syllables = int(rng.choice([1, 2, 2, 2, 3, 3]))
        word = "".join(
            str(rng.choice(onsets)) + str(rng.choice(vowels)) + str(rng.choice(codas))
            for _ in range(syllables)
        )
        if word not in seen and 3 <= len(word) <= 12:
            seen.add(word)
            made_up.append(word)
    filler = iter(made_up)
    while len(words) < VOCABULARY:
        rank = len(words) + 1
        words.append(_STUDY_WORDS.get(rank) or next(filler))
    assert reserved <= set(words)
    return words


def _participants(rng: np.random.Generator) -> list[tuple[str, str, str]]:
    roles = rng.choice(list(ROLES), size=DOCUMENTS, p=list(ROLES.values()))
    sites = rng.choice(list(SITES), size=DOCUMENTS, p=list(SITES.values()))
    return [
        (f"P{n + 1:04d}", str(role), str(site))
        for n, (role, site) in enumerate(zip(roles, sites, strict=True))
    ]


def _transcript(
    rng: np.random.Generator, words: np.ndarray, probabilities: np.ndarray, label: str
) -> tuple[str, list[tuple[int, int, str]], dict[str, int]]:
    """One interview: its text, its turns (start, end, speaker) and the phrases planted."""
    tokens = rng.choice(len(words), size=WORDS_PER_DOCUMENT, p=probabilities)
    low, high = SENTENCE_WORDS
    sentences: list[list[str]] = []
    position = 0
    while position < len(tokens):
        length = int(rng.integers(low, high + 1))
        sentences.append(words[tokens[position : position + length]].tolist())
        position += length
    # Turns: the interviewer asks in 1-2 sentences, the participant answers in 1-6.
    turn_plan: list[tuple[str, list[list[str]]]] = []
    index = 0
    while index < len(sentences):
        asking = not turn_plan or turn_plan[-1][0] != "Interviewer"
        take = int(rng.integers(1, 3)) if asking else int(rng.integers(1, 7))
        turn_plan.append(("Interviewer" if asking else label, sentences[index : index + take]))
        index += take
    answers = [s for speaker, group in turn_plan if speaker == label for s in group]
    planted: dict[str, int] = {}
    for phrase, (share, most) in PLANTED.items():
        if rng.random() >= share or not answers:
            continue
        planted[phrase] = int(rng.integers(1, most + 1))
        for k in rng.choice(len(answers), size=planted[phrase], replace=False).tolist():
            sentence = answers[k]
            at = int(rng.integers(0, len(sentence) + 1))
            sentence[at:at] = phrase.split()
    lines, found_turns, offset = [], [], 0
    for speaker, group in turn_plan:
        rendered = []
        for sentence in group:
            if speaker == "Interviewer":
                sentence = [str(rng.choice(_QUESTION_STARTS)), *sentence]
            text = " ".join(sentence)
            end = "?" if speaker == "Interviewer" else "."
            rendered.append(text[0].upper() + text[1:] + end)
        line = f"{speaker}: " + " ".join(rendered)
        found_turns.append((offset, offset + len(line), speaker))
        lines.append(line)
        offset += len(line) + 1
    return "\n".join(lines), found_turns, planted


def _word_bounds(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Start and end offsets of the words (runs between spaces and newlines) of ASCII text."""
    raw = np.frombuffer(text.encode("ascii"), dtype=np.uint8)
    gap = (raw == 32) | (raw == 10)
    inside = ~gap
    before = np.concatenate([[False], inside[:-1]])
    after = np.concatenate([inside[1:], [False]])
    return np.flatnonzero(inside & ~before), np.flatnonzero(inside & ~after) + 1


def _spans(
    rng: np.random.Generator, starts: np.ndarray, ends: np.ndarray, count: int
) -> list[tuple[int, int]]:
    """``count`` passages of about SPAN_CHARACTERS characters, aligned to word boundaries."""
    low, high = SPAN_CHARACTERS
    room = int(np.searchsorted(starts, ends[-1] - low, side="right"))  # starts with room left
    first = rng.integers(0, room, size=count)
    widths = np.clip(rng.lognormal(np.log(220), 0.6, size=count), low, high).astype(np.int64)
    begin = starts[first]
    last = np.searchsorted(ends, begin + widths, side="left")
    last = np.minimum(last, len(ends) - 1)
    end = ends[last]
    too_long = (end - begin > high) & (last > first)
    end = np.where(too_long, ends[np.maximum(last - 1, 0)], end)
    end = np.maximum(end, ends[first])  # never empty
    return list(zip(begin.tolist(), end.tolist(), strict=True))


def _code_weights(rng: np.random.Generator, count: int) -> np.ndarray:
    weights = 1.0 / np.arange(1, count + 1) ** CODE_WEIGHT_EXPONENT
    weights = weights[rng.permutation(count)]
    return weights / weights.sum()


def parameters() -> dict[str, Any]:
    """What the built study depends on (a cached study is reused only if these match)."""
    return {
        "documents": DOCUMENTS,
        "words_per_document": WORDS_PER_DOCUMENT,
        "vocabulary": VOCABULARY,
        "zipf_exponent": ZIPF_EXPONENT,
        "sentence_words": list(SENTENCE_WORDS),
        "consensus_codings_per_document": CONSENSUS_PER_DOCUMENT,
        "second_coder_codings_per_document": SECOND_CODER_PER_DOCUMENT,
        "span_characters": list(SPAN_CHARACTERS),
        "planted": {k: list(v) for k, v in PLANTED.items()},
        "seed": SEED,
        "version": 1,
    }


def build(target: str) -> dict[str, Any]:
    """Create the study at ``target`` (a file path or a PostgreSQL URL); return its sizes."""
    started = time.perf_counter()
    rng = np.random.default_rng(SEED)
    study = thematic.create(target, title="Query benchmark")
    study.add_attribute("role", "category", list(ROLES))
    study.add_attribute("site", "category", list(SITES))
    study.add_coder("consensus", role="consensus")
    study.add_coder("bilal")
    for theme, subthemes in CODEBOOK.items():
        for subtheme, leaves in subthemes.items():
            for leaf in leaves:
                study.add_code(f"{theme}/{subtheme}/{leaf}")
    parents = {c.parent_id for c in study.codes()}
    leaf_ids = [c.id for c in study.codes() if c.id not in parents]
    coder_ids = {c.name: c.id for c in study.coders()}
    study.close()
    setup = time.perf_counter() - started

    words = np.array(_vocabulary(rng), dtype=object)
    probabilities = 1.0 / np.arange(1, len(words) + 1) ** ZIPF_EXPONENT
    probabilities /= probabilities.sum()
    people = _participants(rng)
    code_p = _code_weights(rng, len(leaf_ids))
    now = dt.datetime(2026, 1, 1)
    timings: dict[str, float] = {"setup_s": setup}
    sizes: dict[str, Any] = {
        "documents": DOCUMENTS,
        "participants": len(people),
        "codes": len(CODEBOOK) * (1 + 3 + 3 * 4),
        "leaf_codes": len(leaf_ids),
        "characters": 0,
        "words": 0,
        "turns": 0,
        "codings_consensus": 0,
        "codings_bilal": 0,
        "planted_documents": dict.fromkeys(PLANTED, 0),
        "planted_occurrences": dict.fromkeys(PLANTED, 0),
    }
    engine = connect(target)
    try:
        with engine.begin() as connection:
            step = time.perf_counter()
            ids = {r.name: r.id for r in connection.execute(sa.select(attribute_defs)).all()}
            connection.execute(
                participants.insert(), [{"label": p[0], "created_at": now} for p in people]
            )
            label_ids = dict(
                connection.execute(sa.select(participants.c.label, participants.c.id)).all()
            )
            connection.execute(
                participant_values.insert(),
                [
                    {"participant_id": label_ids[label], "attribute_id": ids[name], "value": v}
                    for label, role, site in people
                    for name, v in (("role", role), ("site", site))
                ],
            )
            timings["participants_s"] = time.perf_counter() - step

            generate = insert_documents = insert_rest = 0.0
            for batch in range(0, DOCUMENTS, 100):
                step = time.perf_counter()
                made = [
                    (people[n][0], *_transcript(rng, words, probabilities, people[n][0]))
                    for n in range(batch, min(batch + 100, DOCUMENTS))
                ]
                generate += time.perf_counter() - step
                step = time.perf_counter()
                connection.execute(
                    documents.insert(),
                    [
                        {
                            "title": f"Interview {label}",
                            "kind": "transcript",
                            "language": "en",
                            "participant_id": label_ids[label],
                            "text": text,
                            "source_name": f"{label}.txt",
                            "source_format": "txt",
                            "sha256": hashlib.sha256(text.encode()).hexdigest(),
                            "position": batch + k,
                            "imported_at": now,
                        }
                        for k, (label, text, _, _) in enumerate(made)
                    ],
                )
                insert_documents += time.perf_counter() - step
                step = time.perf_counter()
                document_ids = dict(
                    connection.execute(
                        sa.select(documents.c.title, documents.c.id).where(
                            documents.c.title.in_([f"Interview {m[0]}" for m in made])
                        )
                    ).all()
                )
                turn_rows, coding_rows = [], []
                for label, text, turn_list, planted in made:
                    document_id = document_ids[f"Interview {label}"]
                    sizes["characters"] += len(text)
                    sizes["turns"] += len(turn_list)
                    for phrase, times in planted.items():
                        sizes["planted_documents"][phrase] += 1
                        sizes["planted_occurrences"][phrase] += times
                    turn_rows.extend(
                        {"document_id": document_id, "start": s, "end": e, "speaker": who}
                        for s, e, who in turn_list
                    )
                    starts, ends = _word_bounds(text)
                    sizes["words"] += len(starts)
                    for coder, count in (
                        ("consensus", CONSENSUS_PER_DOCUMENT),
                        ("bilal", SECOND_CODER_PER_DOCUMENT),
                    ):
                        chosen = rng.choice(leaf_ids, size=count, p=code_p).tolist()
                        unique = set(zip(chosen, _spans(rng, starts, ends, count), strict=True))
                        sizes[f"codings_{coder}"] += len(unique)
                        coding_rows.extend(
                            {
                                "document_id": document_id,
                                "code_id": code_id,
                                "coder_id": coder_ids[coder],
                                "start": s,
                                "end": e,
                                "created_at": now,
                            }
                            for code_id, (s, e) in sorted(unique)
                        )
                connection.execute(turns.insert(), turn_rows)
                connection.execute(codings.insert(), coding_rows)
                insert_rest += time.perf_counter() - step
            timings |= {
                "generate_text_s": generate,
                "insert_documents_and_index_s": insert_documents,
                "insert_turns_and_codings_s": insert_rest,
            }
            sizes["build_s"] = {k: round(v, 1) for k, v in timings.items()}
            sizes["build_s"]["total_s"] = round(time.perf_counter() - started, 1)
            connection.execute(
                settings.insert().values(
                    key="benchmark", value={"parameters": parameters(), "sizes": sizes}
                )
            )
    finally:
        engine.dispose()
    sizes["build_s"]["total_s"] = round(time.perf_counter() - started, 1)
    return sizes


def cached_sizes(target: str) -> dict[str, Any] | None:
    """The sizes of a study built earlier at ``target`` with these parameters, else None."""
    try:
        engine = connect(target)
    except thematic.ThematicError:
        return None
    try:
        with engine.connect() as connection:
            stored = connection.execute(
                sa.select(settings.c.value).where(settings.c.key == "benchmark")
            ).scalar_one_or_none()
    finally:
        engine.dispose()
    if stored is None or stored.get("parameters") != parameters():
        raise SystemExit(
            f"{target} holds a study that is not this benchmark's (or was built with other"
            " parameters): remove it or pass another --study"
        )
    return stored["sizes"]


# -- PostgreSQL --------------------------------------------------------------------------------
def ensure_database(url: str) -> None:
    """Create the benchmark's own database on the server if it does not exist yet."""
    import psycopg

    parsed = sa.make_url(url)
    name = parsed.database
    assert name and re.fullmatch(r"[a-z_][a-z0-9_]*", name), name
    server = parsed.set(drivername="postgresql", database="postgres")
    dsn = server.render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (name,)
        ).fetchone()
        if not exists:
            connection.execute(f"CREATE DATABASE {name}")


def postgres_version(url: str) -> str:
    engine = connect(url)
    try:
        with engine.connect() as connection:
            return str(connection.exec_driver_sql("SHOW server_version").scalar_one())
    finally:
        engine.dispose()


# -- the measurement ------------------------------------------------------------------------------
LIMIT_MS = 1_000.0
SUBTHEME = "Technological/Connectivity"
SEARCHES = {
    "word": "internet",
    "phrase": '"internet connection"',
    "prefix": "connect*",
    "boolean": "internet AND electricity NOT trust",
}


def queries(study: thematic.Study) -> dict[str, tuple[Callable[[], Any], bool]]:
    """Name -> (the query, whether it is held to the one-second requirement)."""
    found: dict[str, tuple[Callable[[], Any], bool]] = {}
    for kind, query in SEARCHES.items():
        found[f"search {kind} {query}"] = (lambda q=query: study.search(q), True)
        found[f"search {kind} {query} where site=Karachi"] = (
            lambda q=query: study.search(q, where={"site": "Karachi"}),
            True,
        )
    found["word_frequencies()"] = (lambda: study.word_frequencies(), True)
    found["word_frequencies where role=nurse"] = (
        lambda: study.word_frequencies(where={"role": "nurse"}),
        True,
    )
    found[f"coding_query {SUBTHEME}"] = (lambda: study.coding_query(SUBTHEME), True)
    found[f"coding_query {SUBTHEME} all_of Patient factors near overlap"] = (
        lambda: study.coding_query(SUBTHEME, all_of=["Patient factors"], near="overlap"),
        True,
    )
    found[f"coding_query {SUBTHEME} none_of Organisational near turn"] = (
        lambda: study.coding_query(SUBTHEME, none_of=["Organisational"], near="turn"),
        True,
    )
    found[f"coding_query {SUBTHEME} where role=nurse site=Lahore"] = (
        lambda: study.coding_query(SUBTHEME, where={"role": "nurse", "site": "Lahore"}),
        True,
    )
    for level in ("theme", "code"):
        found[f"code_frequencies {level}"] = (lambda lv=level: study.code_frequencies(lv), True)
    for count in ("references", "participants", "documents", "characters"):
        found[f"matrix subtheme x site {count}"] = (
            lambda c=count: study.matrix("subtheme", "site", count=c),
            True,
        )
    found["matrix theme x participant references"] = (
        lambda: study.matrix("theme", "participant"),
        True,
    )
    for near in ("overlap", "turn", "document"):
        found[f"cooccurrence subtheme near {near}"] = (
            lambda n=near: study.cooccurrence("subtheme", near=n),
            True,
        )
    found["framework Technological"] = (lambda: study.framework("Technological"), True)
    found["codings_table() every coder (export)"] = (lambda: study.codings_table(), False)
    return found


def _size(result: Any) -> int | None:
    try:
        return len(result)
    except TypeError:
        return None


def median_ms(run: Callable[[], Any], repeat: int) -> tuple[float, list[float], Any]:
    """Median wall time in ms over ``repeat`` runs after one warm-up; and the last result."""
    result = run()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), times, result


def measure(
    target: str,
    repeat: int,
    only: list[str] | None,
    checkpoint: Callable[[dict[str, Any]], None] = lambda _: None,
) -> dict[str, Any]:
    """Baselines and every query; ``checkpoint`` gets the results so far after each one."""
    study = thematic.open(target)
    try:

        def count_codings() -> int:
            with study._engine.connect() as connection:
                return connection.execute(sa.text("SELECT count(*) FROM codings")).scalar_one()

        count_ms, count_times, total = median_ms(count_codings, repeat)
        codes_ms, codes_times, _ = median_ms(study.codes, repeat)
        baselines = {
            "select_count_codings": {
                "median_ms": round(count_ms, 3),
                "runs_ms": [round(t, 3) for t in count_times],
                "result": total,
            },
            "study_codes": {
                "median_ms": round(codes_ms, 3),
                "runs_ms": [round(t, 3) for t in codes_times],
            },
        }
        print(f"  baseline SELECT count(*) FROM codings  {count_ms:9.2f} ms  ({total} codings)")
        print(f"  baseline study.codes()                 {codes_ms:9.2f} ms")
        results: dict[str, Any] = {}
        for name, (run, held) in queries(study).items():
            if only and not any(part in name for part in only):
                continue
            try:
                median, times, result = median_ms(run, repeat)
            except Exception as error:  # noqa: BLE001 (a module still being written: go on)
                reason = f"{type(error).__name__}: {error}"
                results[name] = {"error": reason, "held_to_limit": held}
                print(f"  {name:62} skipped: {reason}")
                checkpoint({"baselines": baselines, "queries": results})
                continue
            verdict = ("pass" if median < LIMIT_MS else "FAIL") if held else "export"
            results[name] = {
                "median_ms": round(median, 1),
                "runs_ms": [round(t, 1) for t in times],
                "ratio_to_select_count": round(median / count_ms, 1),
                "ratio_to_study_codes": round(median / codes_ms, 2),
                "held_to_limit": held,
                "verdict": verdict,
                "rows": _size(result),
                **_notes(result),
            }
            print(
                f"  {name:62} {median:9.1f} ms  x{median / count_ms:9.1f}"
                f"  x{median / codes_ms:7.2f}  {verdict:6} rows={_size(result)}"
            )
            checkpoint({"baselines": baselines, "queries": results})
    finally:
        study.close()
    return {"baselines": baselines, "queries": results}


def _notes(result: Any) -> dict[str, Any]:
    attrs = getattr(result, "attrs", {})
    return {"documents": attrs["documents"]} if "documents" in attrs else {}


def profile(target: str, names: list[str], lines: int) -> None:
    """Print a cProfile of each named query (one run after a warm-up), by cumulative time."""
    study = thematic.open(target)
    try:
        for name, (run, _) in queries(study).items():
            if not any(part in name for part in names):
                continue
            run()
            profiler = cProfile.Profile()
            started = time.perf_counter()
            profiler.runcall(run)
            elapsed = time.perf_counter() - started
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(lines)
            print(f"\n=== profile: {name} ({elapsed * 1000:.0f} ms under the profiler) ===")
            print(out.getvalue())
    finally:
        study.close()


def prepare(target: str, label: str) -> dict[str, Any]:
    sizes = cached_sizes(target)
    if sizes is None:
        print(f"building the {label} study at {target} ...", flush=True)
        sizes = build(target)
        print(f"  built in {sizes['build_s']['total_s']} s: {sizes['build_s']}")
    else:
        print(f"reusing the {label} study at {target} (built in {sizes['build_s']['total_s']} s)")
    return sizes


def source_fingerprint() -> dict[str, str]:
    """Short hashes of the modules measured (others are editing them while this runs)."""
    root = Path(thematic.__file__).parent
    files = [
        *sorted((root / "study").glob("*.py")),
        root / "core" / "search.py",
        root / "core" / "words.py",
        root / "store" / "search.py",
    ]
    return {
        str(f.relative_to(root)): hashlib.sha256(f.read_bytes()).hexdigest()[:12]
        for f in files
        if f.exists()
    }


_SOURCE = source_fingerprint()  # at import time: the code this process runs


def environment(postgres: str | None) -> dict[str, Any]:
    found = {
        "cpu_count": os.cpu_count(),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "sqlite": sqlite3.sqlite_version,
        "numpy": np.__version__,
        "sqlalchemy": sa.__version__,
        "thematic": thematic.__version__,
        "measured_at": dt.datetime.now().isoformat(timespec="seconds"),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "source_sha256": _SOURCE,
    }
    if postgres:
        found["postgresql"] = postgres_version(postgres)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--study", type=Path, default=Path("/tmp/bench-queries.thematic"))
    parser.add_argument(
        "--postgres",
        nargs="?",
        const="postgresql://postgres@127.0.0.1:5432/bench_queries",
        default=None,
        help="also measure on PostgreSQL (default: a database bench_queries on localhost,"
        " created if missing)",
    )
    parser.add_argument("--postgres-only", action="store_true", help="skip SQLite")
    parser.add_argument("--build-only", action="store_true", help="build (or reuse), no queries")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", nargs="*", help="measure only queries whose name holds one")
    parser.add_argument("--profile", nargs="*", help="profile queries whose name holds one")
    parser.add_argument("--profile-lines", type=int, default=30)
    parser.add_argument(
        "--json",
        type=Path,
        default=None,
        help="write results here; engines not measured in this run keep their earlier entry",
    )
    args = parser.parse_args()

    targets = {} if args.postgres_only else {"sqlite": str(args.study)}
    if args.postgres or args.postgres_only:
        args.postgres = args.postgres or "postgresql://postgres@127.0.0.1:5432/bench_queries"
        ensure_database(args.postgres)
        targets["postgresql"] = args.postgres
    previous: dict[str, Any] = {}
    if args.json and args.json.exists():
        previous = json.loads(args.json.read_text(encoding="utf-8")).get("engines", {})
    engines: dict[str, Any] = {}

    def write() -> None:
        """Write the report (after every query, so a run cut short leaves what it measured)."""
        if not args.json:
            return
        report = {
            "requirement": "queries on a study of 1,000 transcripts with 500,000 codings"
            " answer in under a second each",
            "limit_ms": LIMIT_MS,
            "repeat": args.repeat,
            "statistic": "median of the runs after one warm-up run",
            "baseline": "SELECT count(*) FROM codings through SQLAlchemy"
            " (ratio_to_select_count); Study.codes() (ratio_to_study_codes)",
            "parameters": parameters(),
            "engines": {**previous, **engines},
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")

    for label, target in targets.items():
        sizes = prepare(target, label)
        if args.build_only:
            continue
        if args.profile:
            profile(target, args.profile, args.profile_lines)
            continue
        print(f"measuring on {label} (median of {args.repeat} after a warm-up):")
        entry: dict[str, Any] = {
            "complete": False,
            "environment": environment(target if label == "postgresql" else None),
            "sizes": sizes,
        }
        engines[label] = entry

        def checkpoint(found: dict[str, Any], entry: dict[str, Any] = entry) -> None:
            entry.update(found)
            entry["over_limit"] = [
                n for n, r in found["queries"].items() if r.get("verdict") == "FAIL"
            ]
            write()

        checkpoint(measure(target, args.repeat, args.only, checkpoint))
        entry["complete"] = args.only is None
        write()
        print(f"over one second on {label}: {len(entry['over_limit'])} queries")


if __name__ == "__main__":
    main()
