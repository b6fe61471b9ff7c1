"""The demo study: a synthetic replication of the telemedicine-barriers study.

Everything is generated from one seed, so the same seed always gives the same study: 34
eligible healthcare workers in Lahore, Karachi and Islamabad plus four screened-out candidates;
one semi-structured interview transcript of 3,000-6,000 words per participant (Urdu interviews
stored as the Urdu original beside the English translation that was coded); field notes for
some interviews; the four-domain codebook of the template; a consensus coding of all 34
transcripts; and two coders, Bilal and Sana, who coded nine transcripts (three per city)
independently, with the kinds of disagreement real coders have: different boundaries, passages
one of them missed, and a few wrong codes.

The transcripts are written from sentence material that expresses known codes, so the
consensus layer is what a careful team would have agreed; every count and figure is computed
later from these codings, never from constants here. Codes are introduced over the interview
order so that, as in the paper, no new codes appear in the last interviews.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import thematic
from thematic import demo_material as en
from thematic import demo_material_urdu as ur
from thematic.core.models import Turn
from thematic.study import CONSENSUS, Study

__all__ = ["DOUBLE_CODERS", "build_demo"]

TEMPLATE = "telemedicine-barriers"
DOUBLE_CODERS = ("bilal", "sana")
OWNER = "amina"
N_PARTICIPANTS = 34
DOMAIN_WEIGHT = {"Technological": 0.62, "Organizational": 0.5, "Systemic": 0.42, "Personal": 0.45}
INTERVIEWER = "Interviewer"
INTERVIEWER_UR = "انٹرویور"
FIRST_REPLY = ("Thank you, I am happy to talk about it.", "شکریہ، اس بارے میں بات کر کے خوشی ہوگی۔")
T = TypeVar("T")


@dataclass
class Sentence:
    """One sentence of a turn, in English and (for Urdu interviews) Urdu, with its code."""

    en: str
    ur: str | None = None
    code: str | None = None


@dataclass
class DemoTurn:
    speaker: str
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Passage:
    """A coded passage of the consensus layer: a run of sentences of one code in one turn."""

    start: int
    end: int
    code: str
    sentence_spans: list[tuple[int, int]]
    turn_sentences: list[tuple[int, int]]  # every sentence span of the same turn


# -- participants ----------------------------------------------------------------------------
def _participants(rng: random.Random) -> list[dict[str, object]]:
    roles = ["physician"] * 14 + ["nurse"] * 12 + ["allied health"] * 8
    sites = ["Lahore"] * 12 + ["Karachi"] * 12 + ["Islamabad"] * 10
    urdu = [True] * 7 + [False] * 27
    for values in (roles, sites, urdu):
        rng.shuffle(values)
    day = dt.date(2024, 9, 9)
    people = []
    for index in range(N_PARTICIPANTS):
        years = rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18, 22, 27])
        day += dt.timedelta(days=rng.randint(4, 8))
        people.append(
            {
                "label": f"P{index + 1:02d}",
                "role": roles[index],
                "site": sites[index],
                "facility_type": rng.choice(["public", "public", "private"]),
                "facility": rng.choice(
                    [
                        "tertiary hospital",
                        "tertiary hospital",
                        "outpatient clinic",
                        "telehealth unit",
                    ]
                ),
                "years_clinical_experience": years,
                "months_telemedicine_exposure": rng.randint(6, 48),
                "clinical_responsibility": "yes",
                "gender": rng.choice(["female", "male"]),
                "age": 24 + years + rng.randint(0, 6),
                "interview_language": "Urdu" if urdu[index] else "English",
                "interview_date": day.isoformat(),
            }
        )
    return people


SCREENED_OUT = [
    {
        "label": "S01",
        "role": "administrator",
        "site": "Lahore",
        "facility_type": "public",
        "years_clinical_experience": 12,
        "months_telemedicine_exposure": 30,
        "clinical_responsibility": "no",
    },
    {
        "label": "S02",
        "role": "nurse",
        "site": "Karachi",
        "facility_type": "private",
        "years_clinical_experience": 6,
        "months_telemedicine_exposure": 3,
        "clinical_responsibility": "yes",
    },
    {
        "label": "S03",
        "role": "physician",
        "site": "Islamabad",
        "facility_type": "public",
        "years_clinical_experience": 0.5,
        "months_telemedicine_exposure": 8,
        "clinical_responsibility": "yes",
    },
    {
        "label": "S04",
        "role": "allied health",
        "site": "Lahore",
        "facility_type": "private",
        "years_clinical_experience": 0.8,
        "months_telemedicine_exposure": 4,
        "clinical_responsibility": "yes",
    },
]


# -- which codes each interview raises -------------------------------------------------------
def _code_plan(rng: random.Random, leaves: list[str]) -> list[list[str]]:
    """Leaf codes raised in each interview, in order, with discovery ending by interview 26."""
    order = leaves[:]
    rng.shuffle(order)
    # Three codes of every theme are common and known from the first interviews.
    early: list[str] = []
    for theme in DOMAIN_WEIGHT:
        early += [c for c in order if c.startswith(theme + "/")][:3]
    late = [c for c in order if c not in early]
    intro = {code: rng.randint(0, 2) for code in early}
    for j, code in enumerate(late):
        intro[code] = round(2 + 23 * (j / max(1, len(late) - 1)) ** 1.4)
    appetite = {c: DOMAIN_WEIGHT[c.split("/")[0]] * rng.uniform(0.55, 1.25) for c in leaves}
    plan = []
    for index in range(N_PARTICIPANTS):
        raised = [
            c
            for c in leaves
            if intro[c] == index or (intro[c] < index and rng.random() < appetite[c])
        ]
        plan.append(raised)
    return plan


# -- writing one interview -------------------------------------------------------------------
class InterviewWriter:
    """Writes one interview as turns of sentences, English only or English with Urdu."""

    def __init__(
        self, rng: random.Random, person: dict[str, object], guide: list[tuple[str, str]]
    ) -> None:
        self.rng = rng
        self.person = person
        self.label = str(person["label"])
        self.urdu = person["interview_language"] == "Urdu"
        self.guide = guide
        self.turns: list[DemoTurn] = []
        self.words = 0
        self.used: set[object] = set()

    def _pick(self, pool: Sequence[T]) -> T:
        """A random item of ``pool`` not yet used in this interview, while any is left."""
        fresh = [item for item in pool if item not in self.used]
        item = self.rng.choice(fresh or pool)
        self.used.add(item)
        return item

    def _sentence(self, source: str, code: str | None = None) -> Sentence:
        rng = self.rng
        if self.urdu:
            pools = {
                "neutral": ur.NEUTRAL_PAIRS,
                "positive": ur.POSITIVE_PAIRS,
                "probe": ur.INTERVIEWER_PAIRS,
            }
            pair = self._pick(ur.CODE_PAIRS[code] if code else pools[source])
            english, urdu = ur.fill_pair(pair, rng)
            return Sentence(english, urdu, code)
        pools_en = {
            "neutral": en.NEUTRAL_SENTENCES,
            "positive": en.POSITIVE_SENTENCES,
            "probe": en.INTERVIEWER_PROBES + en.INTERVIEWER_TRANSITIONS,
        }
        template = self._pick(en.CODE_SENTENCES[code] if code else pools_en[source])
        return Sentence(en.fill(template, rng), None, code)

    def say(self, speaker: str, sentences: list[Sentence]) -> None:
        self.turns.append(DemoTurn(speaker, sentences))
        self.words += sum(len(s.en.split()) for s in sentences)

    def ask(self, question: str, question_ur: str | None) -> None:
        self.say(INTERVIEWER, [Sentence(question, question_ur)])

    def _context(self, domain: str | None) -> list[Sentence]:
        """On-topic but uncoded sentences for an answer in ``domain`` (English interviews)."""
        if self.urdu or domain is None:
            return []
        rng = self.rng
        if domain == "Opening":
            pools = [
                en.ROLE_INTRODUCTIONS[str(self.person["role"])],
                en.FACILITY_CONTEXT[str(self.person["facility"])],
            ]
            return [Sentence(en.fill(self._pick(pool), rng)) for pool in pools]
        return [
            Sentence(en.fill(self._pick(en.DOMAIN_CONTEXT[domain]), rng))
            for _ in range(rng.randint(0, 2))
        ]

    def answer(self, codes: list[str], filler: int, domain: str | None = None) -> None:
        """A participant turn: context sentences around passages of the given codes."""
        rng = self.rng
        sentences = self._context(domain)
        sentences += [self._sentence("neutral") for _ in range(rng.randint(0, filler))]
        for code in codes:
            sentences += [self._sentence("", code) for _ in range(rng.choice([1, 1, 2, 2, 3]))]
            sentences += [
                self._sentence(rng.choice(["neutral", "neutral", "positive"]))
                for _ in range(rng.randint(0, 2))
            ]
        if not sentences:
            sentences.append(self._sentence("neutral"))
        self.say(self.label, sentences)

    def probe(self) -> None:
        self.say(INTERVIEWER, [self._sentence("probe")])

    def write(self, codes: list[str], target_words: int) -> list[DemoTurn]:
        rng = self.rng
        opening = ur.OPENING_PAIRS if self.urdu else [(p[0], None) for p in ur.OPENING_PAIRS]
        self.say(INTERVIEWER, [Sentence(e, u) for e, u in opening[:2]])
        self.say(self.label, [Sentence(*FIRST_REPLY) if self.urdu else Sentence(FIRST_REPLY[0])])
        by_domain = {d: [q for q in self.guide if q[0] == d] for d in ("Opening", *DOMAIN_WEIGHT)}
        for domain, questions in by_domain.items():
            raised = [c for c in codes if c.startswith(domain + "/")]
            rng.shuffle(raised)
            for number, (_, question) in enumerate(questions):
                self.ask(question, ur.GUIDE_UR.get(question) if self.urdu else None)
                share = raised[number :: len(questions)] if questions else []
                self.answer(share[:1], 2, domain if number == 0 or domain != "Opening" else None)
                for code in share[1:]:
                    self.probe()
                    self.answer([code], 2, domain)
        # Participants come back to the barriers that matter to them: most of the rest of the
        # interview returns to codes already raised, with a little context around them.
        while self.words < target_words:
            self.probe()
            again = [rng.choice(codes)] if codes and rng.random() < 0.75 else []
            self.answer(again, 2)
        for question in [q for d, q in self.guide if d == "Closing"]:
            self.ask(question, ur.GUIDE_UR.get(question) if self.urdu else None)
            self.answer([], 3)
        closing = ur.CLOSING_PAIRS[0]
        self.say(INTERVIEWER, [Sentence(closing[0], closing[1] if self.urdu else None)])
        return self.turns


def _render(turns: list[DemoTurn], language: str, label_ur: str | None = None):  # type: ignore[no-untyped-def]
    """Text, speaker turns and consensus passages of a written interview."""
    parts: list[str] = []
    position = 0
    spoken: list[Turn] = []
    passages: list[Passage] = []
    for turn in turns:
        speaker = turn.speaker
        if language == "ur":
            speaker = INTERVIEWER_UR if speaker == INTERVIEWER else (label_ur or speaker)
        prefix = f"{speaker}: "
        position += len(prefix)
        parts.append(prefix)
        start = position
        spans: list[tuple[int, int, str | None]] = []
        for number, sentence in enumerate(turn.sentences):
            body = sentence.en if language == "en" else (sentence.ur or sentence.en)
            if number:
                parts.append(" ")
                position += 1
            spans.append((position, position + len(body), sentence.code))
            parts.append(body)
            position += len(body)
        spoken.append(Turn(start, position, turn.speaker if language == "en" else speaker))
        passages += _passages(spans)
        parts.append("\n\n")
        position += 2
    return "".join(parts).rstrip("\n"), spoken, passages


def _passages(spans: list[tuple[int, int, str | None]]) -> list[Passage]:
    turn_sentences = [(s, e) for s, e, _ in spans]
    found: list[Passage] = []
    for start, end, code in spans:
        if code is None:
            continue
        if (
            found
            and found[-1].code == code
            and found[-1].sentence_spans[-1] == _previous(turn_sentences, start)
        ):
            found[-1].end = end
            found[-1].sentence_spans.append((start, end))
        else:
            found.append(Passage(start, end, code, [(start, end)], turn_sentences))
    return found


def _previous(spans: list[tuple[int, int]], start: int) -> tuple[int, int] | None:
    before = [s for s in spans if s[1] <= start]
    return before[-1] if before else None


# -- the two coders' independent coding ------------------------------------------------------
def _coder_version(
    rng: random.Random, passages: list[Passage], leaves: list[str], text: str, inclusive: bool
) -> list[tuple[int, int, str]]:
    """What one coder coded, given the agreed passages: misses, boundaries, wrong codes."""
    coded = []
    for passage in passages:
        roll = rng.random()
        if roll < 0.10:
            continue  # missed
        code = passage.code
        if roll < 0.15:
            theme = code.split("/")[0]
            code = rng.choice([c for c in leaves if c.startswith(theme + "/") and c != code])
        start, end = passage.start, passage.end
        if rng.random() < 0.35:
            start, end = _shift(rng, passage, text, inclusive)
        coded.append((start, end, code))
    for passage in passages:
        if rng.random() < 0.04:
            # A passage of context that this coder read as coded (an extra code).
            candidates = [s for s in passage.turn_sentences if s not in passage.sentence_spans]
            if candidates:
                start, end = rng.choice(candidates)
                coded.append((start, end, rng.choice(leaves)))
    return coded


def _shift(rng: random.Random, passage: Passage, text: str, inclusive: bool) -> tuple[int, int]:
    start, end = passage.start, passage.end
    others = passage.turn_sentences
    if inclusive:
        after = [s for s in others if s[0] >= end]
        before = [s for s in others if s[1] <= start]
        if after and (rng.random() < 0.6 or not before):
            return start, after[0][1]
        if before:
            return before[-1][0], end
        return start, end
    if len(passage.sentence_spans) > 1:
        return start, passage.sentence_spans[-2][1]
    comma = text.find(", ", start, end)
    if comma != -1 and comma + 2 < end - 5:
        return comma + 2, end
    cut = text.rfind(" ", start, end - 1)
    return (start, cut) if cut > start + 10 else (start, end)


# -- the study -------------------------------------------------------------------------------
def build_demo(path: str | Path, seed: int = 2024) -> Study:
    """Create the demo study at ``path`` (which must not exist) and return it open."""
    rng = random.Random(seed)
    thematic.create(path, template=TEMPLATE, owner=OWNER).close()
    # The owner writes the rest, so the audit log shows who did it.
    study = thematic.open(path, user=OWNER)
    study.set_setting("title", "Barriers to telemedicine adoption (demo, synthetic data)")
    # What the team records for the methods section and the COREQ checklist.
    study.set_setting(
        "methodology", "Braun and Clarke's six-phase reflexive thematic analysis (2006)"
    )
    study.set_setting("sampling", "purposive sampling by role and city")
    study.set_setting("themes_derived", "deductive (a four-domain codebook) and inductive")
    study.set_setting(
        "coreq",
        {
            "1": "The first author (AK), a public health researcher, conducted all interviews.",
            "15": "No one else was present besides the participant and the researcher.",
            "23": "Transcripts were not returned to participants.",
        },
    )
    for name in DOUBLE_CODERS:
        study.add_coder(name)
    study.add_coder(CONSENSUS, role="consensus")
    leaves = en.leaf_code_paths(study.codebook_tree())
    guide = [(q.domain, q.text) for q in study.guide()]
    people = _participants(rng)
    for person in [*people, *SCREENED_OUT]:
        label = str(person["label"])
        study.add_participant(label, {k: v for k, v in person.items() if k != "label"})
    plan = _code_plan(rng, leaves)
    double = _double_coded(rng, people)
    for index, person in enumerate(people):
        _write_participant(study, rng, person, plan[index], guide, leaves, index in double)
    _memos(study, rng, leaves)
    _interconnect(study, random.Random(seed + 1))
    _analysis_so_far(study)
    return study


# Where the demo team stands: phase 5, with the relations of their thematic map.
THEMATIC_MAP = (
    ("Systemic", "Organizational", "systemic inertia fuels organizational inadequacies"),
    ("Technological", "Personal", "technological frustration feeds personal resistance"),
    (
        "Technological/Internet reliability",
        "Personal/Trust",
        "dropped calls erode patients' trust",
    ),
    (
        "Organizational/Lack of training",
        "Personal/Digital illiteracy",
        "no training leaves digital illiteracy in place",
    ),
)


def _analysis_so_far(study: Study) -> None:
    notes = {
        2: "All 34 transcripts read twice; initial codes from the four-domain codebook.",
        3: "Codes collated into candidate subthemes under the four domains.",
        4: "Subthemes checked against the coded extracts and the whole data set.",
        5: "Names and definitions of themes and subthemes agreed with the team.",
    }
    for phase, note in notes.items():
        study.set_phase(phase, note)
    phase_memos = {
        1: "Read every transcript twice, Urdu originals beside their translations; first "
        "impressions noted in the field notes.",
        2: "Coded with the four-domain codebook, adding codes where passages did not fit.",
        3: "Grouped codes into twelve candidate subthemes under the four domains.",
        4: "Reviewing against the whole data set: trust and the human touch stay separate "
        "subthemes; the first is about patients, the second about clinicians.",
        5: "Agreed names and one-sentence definitions for every theme and subtheme.",
    }
    for phase, text in phase_memos.items():
        study.add_memo(text, title=f"Phase {phase} notes", kind="analytic", link=("phase", phase))
    for source, target, label in THEMATIC_MAP:
        study.relate(source, target, label, memo=f"Seen across sites: {label}.")


# Barriers that participants tell together (the "Barriers interlock" memo): a passage coded
# with the first subtheme is also coded with the second when the participant raises it too.
LINKED_SUBTHEMES = {
    "Technological/Internet reliability": "Personal/Trust",
    "Technological/Usability and glitches": "Personal/Emotional resistance and loss of the "
    "human touch",
    "Technological/Interoperability": "Organizational/Weak administrative and IT support",
    "Systemic/Inconsistent funding": "Organizational/Weak administrative and IT support",
    "Systemic/Policy ambiguity": "Organizational/Workflow disruption and scheduling",
    "Organizational/Lack of training": "Personal/Digital illiteracy",
    "Systemic/Regulatory ambiguity and data privacy": "Personal/Trust",
}


def _interconnect(study: Study, rng: random.Random) -> None:
    """Code about a third of the linked passages with their partner subtheme too.

    Only with a code the participant already raised elsewhere, so the order in which codes
    first appear (and every participant count) stays as the interviews made it. A separate
    random stream leaves the rest of the demo unchanged.
    """
    paths = {c.id: c.path for c in study.codes()}
    documents = {d.id: d.participant for d in study.documents(kind="transcript")}
    consensus = study.codings(coder=CONSENSUS)
    raised: dict[str | None, set[str]] = {}
    for coding in consensus:
        raised.setdefault(documents.get(coding.document_id), set()).add(paths[coding.code_id])
    requests = []
    for coding in consensus:
        path = paths[coding.code_id]
        partner = LINKED_SUBTHEMES.get(path.rsplit("/", 1)[0])
        person = documents.get(coding.document_id)
        if partner is None or rng.random() >= 0.35:
            continue
        options = sorted(p for p in raised.get(person, set()) if p.startswith(partner + "/"))
        if options:
            requests.append(
                (coding.document_id, coding.start, coding.end, rng.choice(options), CONSENSUS)
            )
    study.code_many(requests)


def _double_coded(rng: random.Random, people: list[dict[str, object]]) -> set[int]:
    """Nine transcripts for double coding: three per city, drawn reproducibly."""
    chosen: set[int] = set()
    for site in ("Lahore", "Karachi", "Islamabad"):
        at_site = [i for i, p in enumerate(people) if p["site"] == site]
        chosen.update(rng.sample(at_site, 3))
    return chosen


def _write_participant(
    study: Study,
    rng: random.Random,
    person: dict[str, object],
    codes: list[str],
    guide: list[tuple[str, str]],
    leaves: list[str],
    double: bool,
) -> None:
    label = str(person["label"])
    urdu = person["interview_language"] == "Urdu"
    interview = dt.date.fromisoformat(str(person["interview_date"]))
    study.add_consent(
        label,
        interview - dt.timedelta(days=rng.randint(1, 6)),
        "v1.0" if interview < dt.date(2025, 1, 1) else "v1.1",
    )
    turns = InterviewWriter(rng, person, guide).write(codes, rng.randint(3200, 5600))
    text, spoken, passages = _render(turns, "en")
    original = None
    if urdu:
        text_ur, spoken_ur, _ = _render(turns, "ur")
        original = study.add_document(
            f"{label} interview (Urdu original)",
            text_ur,
            language="ur",
            participant=label,
            turns=spoken_ur,
        )
    title = f"{label} interview" + (" (English translation)" if urdu else "")
    document = study.add_document(
        title,
        text,
        language="en",
        participant=label,
        turns=spoken,
        translation_of=original.id if original else None,
    )
    requests = [(document.id, p.start, p.end, p.code, CONSENSUS) for p in passages]
    if double:
        for inclusive, coder in zip((True, False), DOUBLE_CODERS, strict=True):
            requests += [
                (document.id, s, e, c, coder)
                for s, e, c in _coder_version(rng, passages, leaves, text, inclusive)
            ]
    study.code_many(requests)
    if rng.random() < 0.45:
        note = " ".join(en.fill(t, rng) for t in rng.sample(en.FIELD_NOTE_SENTENCES, 7))
        study.add_document(
            f"{label} field notes", note, kind="field_note", language="en", participant=label
        )


def _memos(study: Study, rng: random.Random, leaves: list[str]) -> None:
    study.add_memo(
        "Technological barriers come up in almost every interview, and they rarely come "
        "alone: a frozen call is told together with missing IT support and with the "
        "feeling that patients lose trust. *Systemic inertia feeds organisational "
        "inadequacies; technological frustration feeds personal resistance.*",
        title="Barriers interlock",
        kind="analytic",
    )
    study.add_memo(
        "I notice I expect older physicians to be the most resistant. Several of the most "
        "sceptical voices were young nurses. Keep this assumption out of the coding.",
        title="Checking my assumptions",
        kind="reflexive",
    )
    for code in rng.sample(leaves, 4):
        study.add_memo(
            f"Definition holds up well; watch the boundary with its sibling codes "
            f"when reading {code.split('/')[-1].lower()} passages.",
            kind="analytic",
            link=("code", code),
        )
