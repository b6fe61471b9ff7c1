"""The COREQ checklist, filled in from what the study's records can honestly say.

Tong A, Sainsbury P, Craig J. Consolidated criteria for reporting qualitative research
(COREQ): a 32-item checklist for interviews and focus groups. Int J Qual Health Care
2007;19(6):349–357.

:func:`fill_coreq` answers an item only when a recorded fact supports the answer (a count
from the participants table, an interview guide stored in the study, a saturation statement
the team wrote); everything else is left as None, "to be answered by the team". Answers the
team recorded against an item number (``StudyFacts.settings``) replace generated ones: the
team knows who did the interviews; the database does not.

Items 30–32 (consistency, clarity of major and minor themes) are judgements on the write-up
and are never generated.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from thematic.analysis.reportdata import CoreqItem

__all__ = ["COREQ_ITEMS", "DOMAINS", "CoreqEntry", "StudyFacts", "fill_coreq"]

DOMAINS = (
    "Domain 1: Research team and reflexivity",
    "Domain 2: Study design",
    "Domain 3: Analysis and findings",
)

TEAM_SOURCE = "team's answer"


@dataclass(frozen=True)
class CoreqEntry:
    """One item of the published checklist."""

    number: int
    domain: str
    section: str  # e.g. "Personal characteristics"
    topic: str
    guide_question: str


def _entries() -> tuple[CoreqEntry, ...]:
    d1, d2, d3 = DOMAINS
    rows: list[tuple[str, str, str, str]] = [
        (d1, "Personal characteristics", "Interviewer/facilitator",
         "Which author/s conducted the interview or focus group?"),
        (d1, "Personal characteristics", "Credentials",
         "What were the researcher's credentials? E.g. PhD, MD"),
        (d1, "Personal characteristics", "Occupation",
         "What was their occupation at the time of the study?"),
        (d1, "Personal characteristics", "Gender", "Was the researcher male or female?"),
        (d1, "Personal characteristics", "Experience and training",
         "What experience or training did the researcher have?"),
        (d1, "Relationship with participants", "Relationship established",
         "Was a relationship established prior to study commencement?"),
        (d1, "Relationship with participants", "Participant knowledge of the interviewer",
         "What did the participants know about the researcher? e.g. personal goals, "
         "reasons for doing the research"),
        (d1, "Relationship with participants", "Interviewer characteristics",
         "What characteristics were reported about the interviewer/facilitator? e.g. Bias, "
         "assumptions, reasons and interests in the research topic"),
        (d2, "Theoretical framework", "Methodological orientation and theory",
         "What methodological orientation was stated to underpin the study? e.g. grounded "
         "theory, discourse analysis, ethnography, phenomenology, content analysis"),
        (d2, "Participant selection", "Sampling",
         "How were participants selected? e.g. purposive, convenience, consecutive, snowball"),
        (d2, "Participant selection", "Method of approach",
         "How were participants approached? e.g. face-to-face, telephone, mail, email"),
        (d2, "Participant selection", "Sample size", "How many participants were in the study?"),
        (d2, "Participant selection", "Non-participation",
         "How many people refused to participate or dropped out? Reasons?"),
        (d2, "Setting", "Setting of data collection",
         "Where was the data collected? e.g. home, clinic, workplace"),
        (d2, "Setting", "Presence of non-participants",
         "Was anyone else present besides the participants and researchers?"),
        (d2, "Setting", "Description of sample",
         "What are the important characteristics of the sample? e.g. demographic data, date"),
        (d2, "Data collection", "Interview guide",
         "Were questions, prompts, guides provided by the authors? Was it pilot tested?"),
        (d2, "Data collection", "Repeat interviews",
         "Were repeat interviews carried out? If yes, how many?"),
        (d2, "Data collection", "Audio/visual recording",
         "Did the research use audio or visual recording to collect the data?"),
        (d2, "Data collection", "Field notes",
         "Were field notes made during and/or after the interview or focus group?"),
        (d2, "Data collection", "Duration",
         "What was the duration of the interviews or focus group?"),
        (d2, "Data collection", "Data saturation", "Was data saturation discussed?"),
        (d2, "Data collection", "Transcripts returned",
         "Were transcripts returned to participants for comment and/or correction?"),
        (d3, "Data analysis", "Number of data coders", "How many data coders coded the data?"),
        (d3, "Data analysis", "Description of the coding tree",
         "Did authors provide a description of the coding tree?"),
        (d3, "Data analysis", "Derivation of themes",
         "Were themes identified in advance or derived from the data?"),
        (d3, "Data analysis", "Software",
         "What software, if applicable, was used to manage the data?"),
        (d3, "Data analysis", "Participant checking",
         "Did participants provide feedback on the findings?"),
        (d3, "Reporting", "Quotations presented",
         "Were participant quotations presented to illustrate the themes/findings? Was each "
         "quotation identified? e.g. participant number"),
        (d3, "Reporting", "Data and findings consistent",
         "Was there consistency between the data presented and the findings?"),
        (d3, "Reporting", "Clarity of major themes",
         "Were major themes clearly presented in the findings?"),
        (d3, "Reporting", "Clarity of minor themes",
         "Is there a description of diverse cases or discussion of minor themes?"),
    ]  # fmt: skip
    return tuple(CoreqEntry(i, *row) for i, row in enumerate(rows, start=1))


COREQ_ITEMS: tuple[CoreqEntry, ...] = _entries()


@dataclass(frozen=True)
class StudyFacts:
    """What the study's records say, for the checklist. None means "not recorded".

    Counts come from the study database (participants, documents, memos, codebook, coders);
    the statements (methodology, sampling, saturation, agreement) are text the team wrote in
    the study's settings or that an analysis produced. Coders are counted, never named: the
    checklist asks how many, and names belong in the team's own answer to item 1.
    """

    title: str | None = None
    methodology: str | None = None  # e.g. "thematic analysis (Braun and Clarke 2006)"
    n_participants: int | None = None  # eligible and included
    n_screened_out: int | None = None  # screened and found not eligible
    n_withdrawn: int | None = None  # included, then withdrew
    sampling_note: str | None = None  # e.g. "purposive, by role and site"
    sites: Sequence[str] = ()
    roles: Mapping[str, int] = field(default_factory=dict)  # participants per role
    languages: Mapping[str, int] = field(default_factory=dict)  # interviews per language
    interview_dates: tuple[str, str] | None = None  # first and last, ISO dates
    n_interviews: int | None = None
    n_repeat_interviews: int | None = None  # participants interviewed more than once
    interview_modes: Mapping[str, int] | None = None  # e.g. {"in person": 20, "telephone": 14}
    has_interview_guide: bool = False
    n_guide_questions: int | None = None
    audio_recorded: bool | None = None  # True: a document came from a recording's captions
    n_field_notes: int | None = None  # memos of kind "field-note"
    duration_minutes: tuple[float, float, float] | None = None  # min, median, max
    saturation_statement: str | None = None
    n_coders: int | None = None
    agreement_statement: str | None = None  # e.g. "Krippendorff's alpha 0.66 on 9 ..."
    codebook_levels: int | None = None
    n_codes: int | None = None
    themes_derived: str | None = None  # "inductive", "deductive", "inductive and deductive"
    software: str | None = None  # e.g. "thematic 0.1.0"
    quotes_presented: bool = False
    quote_identifiers: str | None = None  # e.g. "participant number, role and site"
    transcripts_returned: bool | None = None
    participant_checking: bool | None = None
    settings: Mapping[str, str] = field(default_factory=dict)  # item number -> team's answer


_Answer = tuple[str, str] | None  # (answer, source)


def fill_coreq(facts: StudyFacts) -> list[CoreqItem]:
    """The 32 items in order, each answered from ``facts`` where the records support it.

    An answer the team recorded for an item (``facts.settings["12"]``, say) wins over a
    generated one and has the source "team's answer"; blank team answers are ignored.
    """
    team = {str(key).strip(): value.strip() for key, value in facts.settings.items()}
    items = []
    for entry in COREQ_ITEMS:
        answer: _Answer = None
        if team.get(str(entry.number)):
            answer = team[str(entry.number)], TEAM_SOURCE
        elif entry.number in _ANSWERS:
            answer = _ANSWERS[entry.number](facts)
        items.append(
            CoreqItem(
                number=entry.number,
                domain=entry.domain,
                topic=entry.topic,
                guide_question=entry.guide_question,
                answer=answer[0] if answer else None,
                source=answer[1] if answer else "",
            )
        )
    return items


# --------------------------------------------------------------------------------------------
# One function per answerable item: each says only what its facts support.


def _plural(count: int, noun: str, plural: str | None = None) -> str:
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def _counts(counts: Mapping[str, int]) -> str:
    """Counts as "nurse 12, doctor 10": largest first, then by name."""
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ", ".join(f"{name} {count}" for name, count in ordered)


def _methodology(facts: StudyFacts) -> _Answer:
    return (facts.methodology, "study settings") if facts.methodology else None


def _sampling(facts: StudyFacts) -> _Answer:
    return (facts.sampling_note, "study settings") if facts.sampling_note else None


def _sample_size(facts: StudyFacts) -> _Answer:
    if facts.n_participants is None:
        return None
    answer = _plural(facts.n_participants, "participant")
    if facts.n_interviews is not None:
        answer += f" ({_plural(facts.n_interviews, 'interview')})"
    return answer, "participants table"


def _non_participation(facts: StudyFacts) -> _Answer:
    parts = []
    if facts.n_screened_out is not None:
        parts.append(f"{facts.n_screened_out} screened and not eligible")
    if facts.n_withdrawn is not None:
        parts.append(f"{facts.n_withdrawn} withdrew after inclusion")
    if not parts:
        return None
    return "; ".join(parts) + " (reasons: see the participant records)", "participants table"


def _setting(facts: StudyFacts) -> _Answer:
    if not facts.interview_modes:
        return None
    return f"Interviews by mode: {_counts(facts.interview_modes)}", "documents (interview mode)"


def _sample(facts: StudyFacts) -> _Answer:
    parts = []
    if facts.roles:
        parts.append(f"Participants by role: {_counts(facts.roles)}")
    if facts.sites:
        parts.append(f"{_plural(len(facts.sites), 'site')}: {', '.join(facts.sites)}")
    if facts.languages:
        parts.append(f"interviews by language: {_counts(facts.languages)}")
    if facts.interview_dates:
        parts.append(f"interviewed {facts.interview_dates[0]} to {facts.interview_dates[1]}")
    if not parts:
        return None
    return "; ".join(parts), "participants and documents"


def _guide(facts: StudyFacts) -> _Answer:
    if not facts.has_interview_guide:
        return None
    answer = "Yes: the interview guide is recorded in the study"
    if facts.n_guide_questions:
        answer += f" ({_plural(facts.n_guide_questions, 'question')})"
    return answer, "interview guide"


def _repeat(facts: StudyFacts) -> _Answer:
    if facts.n_repeat_interviews is None:
        return None
    if facts.n_repeat_interviews == 0:
        return "No: one interview per participant", "documents"
    return (
        f"Yes: {_plural(facts.n_repeat_interviews, 'participant')} interviewed more than once",
        "documents",
    )


def _recording(facts: StudyFacts) -> _Answer:
    if facts.audio_recorded is None:
        return None
    if facts.audio_recorded:
        return "Yes: interviews were recorded (transcripts from recordings)", "documents"
    return "No", "study settings"


def _field_notes(facts: StudyFacts) -> _Answer:
    if not facts.n_field_notes:
        return None
    return f"Yes: {_plural(facts.n_field_notes, 'field note')} recorded", "memos (field notes)"


def _duration(facts: StudyFacts) -> _Answer:
    if facts.duration_minutes is None:
        return None
    low, median, high = facts.duration_minutes
    return (
        f"Median {median:.0f} minutes (range {low:.0f}–{high:.0f})",
        "transcript timings",
    )


def _saturation(facts: StudyFacts) -> _Answer:
    if not facts.saturation_statement:
        return None
    return facts.saturation_statement, "saturation analysis"


def _yes_no(value: bool | None, yes: str, no: str) -> _Answer:
    if value is None:
        return None
    return (yes if value else no), "study settings"


def _coders(facts: StudyFacts) -> _Answer:
    if not facts.n_coders:
        return None
    answer = _plural(facts.n_coders, "coder")
    if facts.agreement_statement:
        answer += f"; {facts.agreement_statement}"
    return answer, "coders and agreement"


def _coding_tree(facts: StudyFacts) -> _Answer:
    if not facts.n_codes:
        return None
    shape = _plural(facts.n_codes, "code")
    if facts.codebook_levels:
        shape += f" in {_plural(facts.codebook_levels, 'level')}"
    return f"Yes: the codebook ({shape}) is given in this report", "codebook"


def _derivation(facts: StudyFacts) -> _Answer:
    wording = {
        "inductive": "Derived from the data (inductive)",
        "deductive": "Identified in advance (deductive)",
    }
    if not facts.themes_derived:
        return None
    derived = facts.themes_derived.strip()
    return wording.get(derived.casefold(), derived), "study settings"


def _software(facts: StudyFacts) -> _Answer:
    return (facts.software, "report") if facts.software else None


def _quotations(facts: StudyFacts) -> _Answer:
    if not facts.quotes_presented:
        return None
    identified = facts.quote_identifiers or "participant number"
    return f"Yes: each quotation is identified by {identified}", "report"


_ANSWERS: dict[int, Callable[[StudyFacts], _Answer]] = {
    9: _methodology,
    10: _sampling,
    12: _sample_size,
    13: _non_participation,
    14: _setting,
    16: _sample,
    17: _guide,
    18: _repeat,
    19: _recording,
    20: _field_notes,
    21: _duration,
    22: _saturation,
    23: lambda facts: _yes_no(facts.transcripts_returned, "Yes", "No"),
    24: _coders,
    25: _coding_tree,
    26: _derivation,
    27: _software,
    28: lambda facts: _yes_no(facts.participant_checking, "Yes", "No"),
    29: _quotations,
}
