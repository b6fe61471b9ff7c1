"""The COREQ checklist: its 32 items, and answers only where the records support them."""

from __future__ import annotations

from thematic.analysis.coreq import COREQ_ITEMS, DOMAINS, StudyFacts, fill_coreq

FACTS = StudyFacts(
    title="Barriers to telemedicine",
    methodology="Reflexive thematic analysis (Braun and Clarke 2006)",
    n_participants=34,
    n_screened_out=3,
    n_withdrawn=1,
    sites=["Karachi", "Lahore"],
    roles={"nurse": 12, "doctor": 14, "lady health worker": 8},
    languages={"English": 20, "Urdu": 14},
    interview_dates=("2026-03-02", "2026-06-19"),
    n_interviews=34,
    n_repeat_interviews=0,
    has_interview_guide=True,
    n_guide_questions=12,
    audio_recorded=True,
    n_field_notes=9,
    duration_minutes=(30.0, 45.2, 61.8),
    saturation_statement="No new subthemes after interview 28 (Guest et al. 2020).",
    n_coders=2,
    agreement_statement="Krippendorff's alpha 0.66 on 9 double-coded transcripts",
    codebook_levels=3,
    n_codes=48,
    themes_derived="inductive",
    software="thematic 0.1.0",
    quotes_presented=True,
    quote_identifiers="participant number, role and site",
)

EXPECTED = {
    9: "Reflexive thematic analysis (Braun and Clarke 2006)",
    12: "34 participants (34 interviews)",
    13: "3 screened and not eligible; 1 withdrew after inclusion "
    "(reasons: see the participant records)",
    16: "Participants by role: doctor 14, nurse 12, lady health worker 8; 2 sites: Karachi, "
    "Lahore; interviews by language: English 20, Urdu 14; interviewed 2026-03-02 to 2026-06-19",
    17: "Yes: the interview guide is recorded in the study (12 questions)",
    18: "No: one interview per participant",
    19: "Yes: interviews were recorded (transcripts from recordings)",
    20: "Yes: 9 field notes recorded",
    21: "Median 45 minutes (range 30–62)",
    22: "No new subthemes after interview 28 (Guest et al. 2020).",
    24: "2 coders; Krippendorff's alpha 0.66 on 9 double-coded transcripts",
    25: "Yes: the codebook (48 codes in 3 levels) is given in this report",
    26: "Derived from the data (inductive)",
    27: "thematic 0.1.0",
    29: "Yes: each quotation is identified by participant number, role and site",
}


def test_the_checklist_has_32_items_in_three_domains() -> None:
    items = fill_coreq(StudyFacts())
    assert [item.number for item in items] == list(range(1, 33))
    assert [entry.number for entry in COREQ_ITEMS] == list(range(1, 33))
    by_domain = {d: [i.number for i in items if i.domain == d] for d in DOMAINS}
    assert by_domain == {
        "Domain 1: Research team and reflexivity": list(range(1, 9)),
        "Domain 2: Study design": list(range(9, 24)),
        "Domain 3: Analysis and findings": list(range(24, 33)),
    }
    topics = {item.number: item.topic for item in items}
    assert topics[1] == "Interviewer/facilitator"
    assert topics[17] == "Interview guide"
    assert topics[19] == "Audio/visual recording"
    assert topics[22] == "Data saturation"
    assert topics[24] == "Number of data coders"
    assert topics[25] == "Description of the coding tree"
    assert topics[29] == "Quotations presented"
    assert topics[32] == "Clarity of minor themes"
    assert all(item.guide_question.strip() for item in items)


def test_an_empty_study_answers_nothing() -> None:
    items = fill_coreq(StudyFacts())
    assert [item.answer for item in items] == [None] * 32
    assert all(item.source == "" for item in items)


def test_facts_answer_exactly_the_items_they_support() -> None:
    items = {item.number: item for item in fill_coreq(FACTS)}
    answered = {n: item.answer for n, item in items.items() if item.answer is not None}
    assert answered == EXPECTED
    # The team's items, judgements on the write-up, and anything not recorded stay open.
    for number in (*range(1, 9), 10, 11, 14, 15, 23, 28, 30, 31, 32):
        assert items[number].answer is None
    assert items[12].source == "participants table"
    assert items[17].source == "interview guide"
    assert items[22].source == "saturation analysis"


def test_the_teams_answers_complete_and_override_generated_ones() -> None:
    facts = StudyFacts(
        n_participants=34,
        settings={"1": "AK (first author)", "12": " 34 healthcare workers ", "30": "  "},
    )
    items = {item.number: item for item in fill_coreq(facts)}
    assert (items[1].answer, items[1].source) == ("AK (first author)", "team's answer")
    assert (items[12].answer, items[12].source) == ("34 healthcare workers", "team's answer")
    assert items[30].answer is None  # a blank answer is no answer


def test_small_counts_and_recorded_noes_read_correctly() -> None:
    facts = StudyFacts(
        n_participants=1,
        n_coders=1,
        n_codes=1,
        n_repeat_interviews=2,
        transcripts_returned=False,
        participant_checking=True,
        audio_recorded=False,
        has_interview_guide=False,
        n_field_notes=0,
        themes_derived="inductive and deductive",
    )
    items = {item.number: item.answer for item in fill_coreq(facts)}
    assert items[12] == "1 participant"
    assert items[24] == "1 coder"
    assert items[25] == "Yes: the codebook (1 code) is given in this report"
    assert items[18] == "Yes: 2 participants interviewed more than once"
    assert items[23] == "No"
    assert items[28] == "Yes"
    assert items[19] == "No"
    assert items[17] is None  # no guide in the study does not mean there was none
    assert items[20] is None
    assert items[26] == "inductive and deductive"
