"""The plain data a results report is written from.

The Study-facing gatherer (:mod:`thematic.analysis.gather`) fills these from queries; the
writers (:mod:`thematic.analysis.report`) turn them into DOCX, HTML and Markdown. Keeping the
two apart lets the writers be tested on hand-made data and every number be traced to a query.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Quote:
    """An exemplar quote as printed: the excerpt and who said it."""

    text: str  # the excerpt, already cut at sentence boundaries
    attribution: str  # e.g. "P07, nurse, Karachi, public"
    document_id: int
    start: int  # code points of the excerpt in the document's NFC text
    end: int
    pinned: bool = False
    original: str = ""  # the same words in the interview's own language, for a translation


@dataclass(frozen=True)
class SubthemeSection:
    name: str
    definition: str
    participants: int  # participants who raised it (at least one coded reference)
    references: int  # coded references
    quotes: list[Quote] = field(default_factory=list)


@dataclass(frozen=True)
class ThemeSection:
    name: str
    definition: str
    participants: int
    references: int
    subthemes: list[SubthemeSection] = field(default_factory=list)


@dataclass(frozen=True)
class ReportFigure:
    """A figure, rendered: PNG bytes for DOCX/HTML, SVG text when available."""

    name: str  # a file-name stem, e.g. "subthemes-by-participant"
    title: str
    caption: str
    png: bytes
    svg: str | None = None


@dataclass(frozen=True)
class ReportTable:
    title: str
    columns: list[str]
    rows: list[list[str | int | float]]
    note: str = ""


@dataclass(frozen=True)
class CoreqItem:
    """One COREQ item (Tong, Sainsbury and Craig 2007) and what the study's records say."""

    number: int  # 1..32
    domain: str  # e.g. "Domain 1: Research team and reflexivity"
    topic: str  # e.g. "Interviewer/facilitator"
    guide_question: str  # the checklist's question
    answer: str | None  # None: the team must still answer it
    source: str = ""  # where the answer came from, e.g. "participants table"


@dataclass(frozen=True)
class ReportData:
    title: str
    generated: str  # e.g. "2026-11-28, thematic 0.1.0"
    summary_text: str  # a short paragraph: sample, interviews, coders
    summary_tables: list[ReportTable]  # participants by role, site, ...; agreement
    methods: str  # the generated methods paragraph
    themes: list[ThemeSection]
    figures: list[ReportFigure]
    codebook: ReportTable
    coreq: list[CoreqItem]
    notes: list[str] = field(default_factory=list)  # e.g. "coding layer: consensus"
