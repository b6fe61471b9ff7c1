"""A study whose saturation can be worked by hand (tests of the saturation API, CLI, web
page and report use it).

Eight interviews, imported in an order that is NOT the interview order, with these consensus
codes, listed in interview-date order:

  #  participant  date        codes            new   cumulative
  1  P3           2024-01-05  A, B             2     2
  2  P7           2024-01-12  B, C             1     3
  3  P1 (Urdu)    2024-01-20  A, D             1     4   D is coded on the English translation
  4  P5           2024-02-01  C                0     4
  5  P2           2024-02-09  (none)           0     4
  6  P8           2024-02-15  E                1     5
  7  P4           2024-02-22  A, B             0     5
  8  P6           2024-03-01  C                0     5

Codes: A = T1/S1/A, B = T1/S1/B, C = T1/S2/C, D = T2/S3/D, E = T2/S3/E (F = T2/S4/F is coded
only on a field note, which is not an interview, and by bilal on P8's interview).

Guest (base 4, run 2, 5%): the base holds A-D (4 codes); runs 5-6 and 6-7 add E (25%), run
7-8 adds nothing (0%): saturation at 6+2. Francis (initial 3, stop 2): interviews 4 and 5 add
nothing: the criterion is met at interview 5; the last new code came in interview 3. In import
order (P1..P8) the new codes per interview are 2, 0, 1, 0, 1, 0, 0, 1.
"""

from __future__ import annotations

import thematic

ORDER = ["P3", "P7", "P1", "P5", "P2", "P8", "P4", "P6"]  # by interview date
DATES = dict(
    zip(
        ORDER,
        [
            "2024-01-05",
            "2024-01-12",
            "2024-01-20",
            "2024-02-01",
            "2024-02-09",
            "2024-02-15",
            "2024-02-22",
            "2024-03-01",
        ],
        strict=True,
    )
)
CODES = {
    "P3": "AB",
    "P7": "BC",
    "P1": "A",  # and D on its translation
    "P5": "C",
    "P2": "",
    "P8": "E",
    "P4": "AB",
    "P6": "C",
}
PATHS = {
    "A": "T1/S1/A",
    "B": "T1/S1/B",
    "C": "T1/S2/C",
    "D": "T2/S3/D",
    "E": "T2/S3/E",
    "F": "T2/S4/F",
}
TEXT = "Some words here. More words there."


def build_saturation(study: thematic.Study, *, dates: bool = True) -> thematic.Study:
    """The study above (without the interview_date attribute when ``dates`` is False)."""
    if dates:
        study.add_attribute("interview_date", "date")
    study.add_attribute("role", "category", ["nurse", "doctor"])
    for path in PATHS.values():
        study.add_code(path)
    study.add_coder("consensus", role="consensus")
    study.add_coder("bilal")
    ids: dict[str, int] = {}
    plan: list[tuple[int, int, int, str, str]] = []
    for n in range(1, 9):  # imported P1, P2, ... P8: not the interview order
        label = f"P{n}"
        values = {"role": "nurse" if n % 2 else "doctor"}
        if dates:
            values["interview_date"] = DATES[label]
        study.add_participant(label, **values)
        language = "ur" if label == "P1" else "en"
        ids[label] = study.add_document(
            f"{label} interview", TEXT, "transcript", language, label
        ).id
        for k, letter in enumerate(CODES[label]):
            plan.append((ids[label], k, k + 4, PATHS[letter], "consensus"))
    translation = study.add_document(
        "P1 interview (English)", TEXT, "transcript", "en", "P1", translation_of=ids["P1"]
    )
    plan.append((translation.id, 0, 4, PATHS["D"], "consensus"))
    note = study.add_document("Field note", TEXT, "field_note", "en", "P2")
    plan.append((note.id, 0, 4, PATHS["F"], "consensus"))
    study.code_many(plan)
    study.code(ids["P8"], 0, 4, PATHS["F"], "bilal")
    return study
