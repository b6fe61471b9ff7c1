"""Plain dataclasses the Study API returns. No behaviour beyond small derived properties."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Assignment",
    "AttributeDef",
    "AuditEvent",
    "Code",
    "Coder",
    "Coding",
    "Consent",
    "Criterion",
    "Document",
    "GuideQuestion",
    "Memo",
    "Participant",
    "Proposal",
    "ScanResult",
    "Screening",
    "Turn",
    "Withdrawal",
    "WithdrawalPreview",
]

AttributeValue = str | float | int | dt.date | None


@dataclass(frozen=True, slots=True)
class AttributeDef:
    """A participant attribute (REFI-QDA: Variable): name, type and allowed values."""

    name: str
    type: str  # text | number | date | category
    allowed: tuple[str, ...] = ()
    description: str = ""
    identifying: bool = False  # never leaves the study in a de-identified export


@dataclass(frozen=True, slots=True)
class Criterion:
    """One eligibility criterion: ``attribute operator value``."""

    name: str
    attribute: str
    operator: str
    value: Any


@dataclass(frozen=True, slots=True)
class Consent:
    """A consent record: when, which form version, any note."""

    id: int
    participant: str
    date: dt.date
    form_version: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Screening:
    """The outcome of screening one participant against the study's criteria."""

    participant: str
    eligible: bool
    failed: tuple[str, ...] = ()  # one reason per failed criterion


@dataclass(frozen=True, slots=True)
class Participant:
    """A participant (REFI-QDA: Case)."""

    id: int
    label: str
    attributes: dict[str, AttributeValue]
    eligible: bool
    failed_criteria: tuple[str, ...] = ()
    consent: Consent | None = None


@dataclass(frozen=True, slots=True)
class Turn:
    """A speaker turn: the utterance span, who spoke, and when (seconds) if known."""

    start: int
    end: int
    speaker: str | None
    time_start: float | None = None
    time_end: float | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A transcript, field note or other document (REFI-QDA: Source)."""

    id: int
    title: str
    kind: str  # transcript | field_note | other
    language: str | None
    participant: str | None
    text: str
    source_format: str = "txt"
    source_name: str = ""
    translation_of: int | None = None
    turns: tuple[Turn, ...] = field(default=(), repr=False)

    @property
    def length(self) -> int:
        """Length in code points."""
        return len(self.text)


@dataclass(frozen=True, slots=True)
class Code:
    """A node of the codebook tree: a theme, subtheme or code."""

    id: int
    name: str
    parent_id: int | None
    path: str
    colour: str = ""
    definition: str = ""
    inclusion: str = ""
    exclusion: str = ""
    example: str = ""
    retired: bool = False  # kept with its codings, but no longer applied

    @property
    def depth(self) -> int:
        """0 for a theme at the top of the tree."""
        return self.path.count("/")


@dataclass(frozen=True, slots=True)
class Coder:
    """A person (or the consensus layer) who codes, with a role in the study."""

    id: int
    name: str
    role: str  # owner | coder | viewer | consensus


@dataclass(frozen=True, slots=True)
class Coding:
    """A code applied by a coder to the span ``[start, end)`` of a document."""

    id: int
    document_id: int
    start: int
    end: int
    code_id: int
    coder: str


@dataclass(frozen=True, slots=True)
class Memo:
    """A Markdown memo, optionally linked to one thing in the study."""

    id: int
    kind: str  # analytic | reflexive | field_note
    title: str
    body: str
    author: str
    link_type: str  # study | document | code | participant | coding
    link_id: int | None
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True, slots=True)
class GuideQuestion:
    """A question of the interview guide, by domain, with its probes."""

    id: int
    domain: str
    text: str
    probes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """One entry of the append-only audit log."""

    id: int
    at: dt.datetime
    actor: str
    action: str
    target: str
    detail: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Assignment:
    """A document a coder codes independently (double coding); complete once they finish."""

    id: int
    document_id: int
    coder: str
    created_at: dt.datetime
    completed_at: dt.datetime | None = None

    @property
    def complete(self) -> bool:
        """True once the coder has marked their independent coding finished."""
        return self.completed_at is not None


@dataclass(frozen=True, slots=True)
class PinnedQuote:
    """A passage the team chose as an exemplar quote for a code; reports use it first."""

    id: int
    code_id: int
    code: str  # the code's path
    document_id: int
    document: str  # the document's title
    participant: str | None
    start: int
    end: int
    text: str
    note: str = ""
    position: int = 0
    pinned_by: str = ""


@dataclass(frozen=True, slots=True)
class Proposal:
    """A proposed replacement of an identifier in a document or a memo, and its review.

    ``status`` is proposed, accepted, rejected or applied. ``original`` is the identifier's
    text while it is still in the text; once applied it is None and ``start``/``end`` locate
    the replacement in the new text.
    """

    id: int
    document_id: int | None
    memo_id: int | None
    where: str  # the document's title, or "memo 12"
    start: int
    end: int
    kind: str
    original: str | None
    replacement: str
    source: str  # pattern | list | model | reviewer
    confidence: float
    status: str
    decided_by: str | None = None
    decided_at: dt.datetime | None = None
    context: str = ""  # the passage around it, for review (empty once applied)


@dataclass(frozen=True, slots=True)
class ScanResult:
    """What one de-identification scan found: proposals by kind, and what it used to look."""

    documents: int
    memos: int
    proposals: dict[str, int]
    detectors: tuple[str, ...]
    model_status: str = ""


@dataclass(frozen=True, slots=True)
class WithdrawalPreview:
    """Everything a withdrawal would delete, shown before anything is deleted."""

    participant: str
    documents: tuple[str, ...]  # titles, translations included
    characters: int
    codings: dict[str, int]  # per coder
    memos: tuple[str, ...]  # titles (or the first words) of memos only about them
    attributes: dict[str, str]
    consents: int
    pinned_quotes: int
    decisions: int
    framework_summaries: int
    assignments: int
    proposals: int
    key_entries: int | None  # None when the key was not opened
    turns: int = 0  # speaker turns of their documents

    def counts(self) -> dict[str, int]:
        """How many of each kind of thing would go: the non-identifying withdrawal record."""
        counted = {
            "documents": len(self.documents),
            "characters": self.characters,
            "speaker turns": self.turns,
            "codings": sum(self.codings.values()),
            "memos": len(self.memos),
            "attribute values": len(self.attributes),
            "consent records": self.consents,
            "pinned quotes": self.pinned_quotes,
            "discrepancy decisions": self.decisions,
            "framework summaries": self.framework_summaries,
            "assignments": self.assignments,
            "de-identification records": self.proposals,
        }
        if self.key_entries is not None:
            counted["pseudonym key entries"] = self.key_entries
        return counted


@dataclass(frozen=True, slots=True)
class Withdrawal:
    """The non-identifying record that a participant withdrew: when, who recorded it, how much
    was deleted. Not even the participant's study label is kept."""

    id: int
    at: dt.datetime
    recorded_by: str
    deleted: dict[str, int]
