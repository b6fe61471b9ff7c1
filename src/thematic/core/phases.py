"""The six phases of thematic analysis (Braun and Clarke 2006), as a light workflow."""

from __future__ import annotations

# (number, name, what the team does in it): Braun, V. and Clarke, V. (2006). Using thematic
# analysis in psychology. Qualitative Research in Psychology 3(2), 77-101, table 1.
PHASES: tuple[tuple[int, str, str], ...] = (
    (
        1,
        "Familiarising yourself with the data",
        "Transcribing, reading and re-reading the data, noting down initial ideas.",
    ),
    (
        2,
        "Generating initial codes",
        "Coding interesting features across the whole data set; collating data to each code.",
    ),
    (
        3,
        "Searching for themes",
        "Collating codes into potential themes; gathering the data relevant to each theme.",
    ),
    (
        4,
        "Reviewing themes",
        "Checking the themes against the coded extracts and the whole data set; the map.",
    ),
    (
        5,
        "Defining and naming themes",
        "Refining the specifics of each theme and the story the analysis tells; clear names.",
    ),
    (
        6,
        "Producing the report",
        "Selecting vivid extracts, relating the analysis to the questions and literature.",
    ),
)


def phase_name(number: int) -> str:
    """The name of phase ``number`` (1 to 6); ValueError for any other number."""
    if not is_phase(number):
        raise ValueError(f"a phase is a number from 1 to {len(PHASES)}")
    return PHASES[number - 1][1]


def is_phase(number: object) -> bool:
    """Whether ``number`` is one of the six phases."""
    return isinstance(number, int) and not isinstance(number, bool) and 1 <= number <= 6
