"""Gather a results report from a study: every number comes from a Study query.

:func:`report_data` fills :class:`~thematic.analysis.reportdata.ReportData`; the writers in
:mod:`thematic.analysis.report` turn it into DOCX, HTML or Markdown.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from thematic import __version__
from thematic.analysis import figures as plots
from thematic.analysis.coreq import StudyFacts, fill_coreq
from thematic.analysis.reportdata import (
    Quote,
    ReportData,
    ReportFigure,
    ReportTable,
    SubthemeSection,
    ThemeSection,
)
from thematic.analysis.saturation_plot import saturation_curve
from thematic.core import quotes as quoting
from thematic.core.models import Document
from thematic.errors import Invalid, ThematicError
from thematic.study import CONSENSUS, Study
from thematic.study.saturation import SaturationReport

# Speakers whose words are never quoted as a participant's.
_INTERVIEWER = re.compile(r"^(interviewer|moderator|facilitator|researcher|i|q|int)\.?$", re.I)
# Attributes that describe a quote, in this order, when the study has them.
ATTRIBUTION_KEYS = ("role", "site", "facility_type")
# Settings the team can record for the report (thematic settings / Study.set_setting).
METHODOLOGY = "methodology"
SAMPLING = "sampling"
THEMES_DERIVED = "themes_derived"
COREQ_ANSWERS = "coreq"


def report_data(
    study: Study,
    *,
    coder: str | None = None,
    quotes: int = 3,
    order_by: str | None = None,
    include_figures: bool = True,
    title: str | None = None,
) -> ReportData:
    """Everything the results report says, computed from the study's records."""
    frame = study.code_frequencies("subtheme", coder=coder)
    layer = frame.attrs["layer"]
    people = study.participants()
    included = _included(study)
    agreement = _agreement(study)
    themes = _themes(study, coder, quotes)
    facts = _facts(study, included, agreement, bool(themes))
    order = order_by or default_order(people)
    return ReportData(
        title=title or study.setting("title", "") or "Results",
        generated=f"{dt.date.today().isoformat()}, thematic {__version__}",
        summary_text=_summary_text(study, included, layer, agreement),
        summary_tables=_summary_tables(study, included, agreement),
        methods=methods_paragraph(facts, agreement),
        themes=themes,
        figures=report_figures(study, coder=coder, order_by=order) if include_figures else [],
        codebook=codebook_table(study),
        coreq=fill_coreq(facts),
        notes=[f"Counts and quotes come from the {layer} coding layer."],
    )


# -- participants and interviews ---------------------------------------------------------------
def _included(study: Study) -> list[str]:
    """Participants in the results: eligible, with at least one transcript."""
    eligible = {p.label for p in study.participants() if p.eligible}
    with_transcripts = {d.participant for d in study.documents(kind="transcript")}
    return sorted(eligible & {p for p in with_transcripts if p})


def _interviews(study: Study) -> list[Document]:
    """Transcripts in their original language (translations are not more interviews)."""
    return [d for d in study.documents(kind="transcript") if d.translation_of is None]


def default_order(people: Sequence[Any]) -> str | None:
    names = {name for p in people for name in p.attributes}
    return next((n for n in ("role", "site") if n in names), None)


def _summary_tables(
    study: Study, included: list[str], agreement: dict[str, Any] | None
) -> list[ReportTable]:
    tables = [_characteristics(study, included)]
    languages = Counter(d.language or "not recorded" for d in _interviews(study))
    if languages:
        tables.append(
            ReportTable(
                title="Interviews by language",
                columns=["Language", "Interviews"],
                rows=[[_language(k), n] for k, n in sorted(languages.items())],
            )
        )
    if agreement:
        tables.append(
            ReportTable(
                title="Inter-coder agreement",
                columns=["Measure", "Value"],
                rows=[
                    ["Coders", ", ".join(agreement["coders"])],
                    ["Double-coded transcripts", agreement["documents"]],
                    ["Percent agreement (characters)", f"{agreement['percent']:.1f}%"],
                    ["Cohen's kappa", f"{agreement['kappa']:.2f}"],
                    ["Krippendorff's alpha", f"{agreement['alpha']:.2f}"],
                    ["Krippendorff's alpha-U", f"{agreement['alpha_u']:.2f}"],
                ],
            )
        )
    return tables


def _characteristics(study: Study, included: list[str]) -> ReportTable:
    """Table 1 of a qualitative paper: each category attribute's values with n and %, each
    numeric one as median (range). Attributes with one value for everyone say nothing and
    are left out, as are free text and dates."""
    people = {p.label: p for p in study.participants()}
    rows: list[list[str | int | float]] = []
    for definition in study.attributes():
        values = [people[label].attributes.get(definition.name) for label in included]
        name = definition.name.replace("_", " ").capitalize()
        if definition.type == "number":
            numbers = [float(v) for v in values if isinstance(v, int | float)]
            if numbers:
                low, mid, high = min(numbers), statistics.median(numbers), max(numbers)
                rows.append([f"{name}, median (range)", f"{mid:g} ({low:g}-{high:g})", ""])
            continue
        counts = Counter(str(v) for v in values if v is not None and str(v) != "")
        if definition.type != "category" or not 1 < len(counts) <= 12:
            continue
        rows.append([name, "", ""])
        order = [str(v) for v in definition.allowed if str(v) in counts]
        order += sorted(set(counts) - set(order))
        rows += [[f"\u2003{v}", counts[v], round(100 * counts[v] / len(included))] for v in order]
    return ReportTable(
        title="Characteristics of participants",
        columns=["Characteristic", "n", "%"],
        rows=rows,
        note=f"n = {len(included)} participants",
    )


def _language(code: str) -> str:
    return {"en": "English", "ur": "Urdu"}.get(code, code)


def _summary_text(
    study: Study, included: list[str], layer: str, agreement: dict[str, Any] | None
) -> str:
    interviews = _interviews(study)
    translated = [d for d in study.documents(kind="transcript") if d.translation_of is not None]
    words = [len(d.text.split()) for d in interviews]
    parts = [
        f"{len(included)} participants took part in {len(interviews)} interviews"
        + (f" (median {int(statistics.median(words)):,} words)." if words else ".")
    ]
    if translated:
        parts.append(f"{len(translated)} transcripts were translated into English.")
    coders = [c for c in _coders_with_codings(study) if c != CONSENSUS]
    if coders:
        parts.append(f"{len(coders)} coders coded the transcripts; results use the {layer} layer.")
    if agreement:
        parts.append(
            f"On {agreement['documents']} double-coded transcripts, Krippendorff's alpha was "
            f"{agreement['alpha']:.2f} (Cohen's kappa {agreement['kappa']:.2f})."
        )
    return " ".join(parts)


def _coders_with_codings(study: Study) -> list[str]:
    per_coder = study.summary()["codings_by_coder"]
    return sorted(name for name, value in per_coder.items() if value["codings"])


def _agreement(study: Study) -> dict[str, Any] | None:
    """Overall agreement of the pair of coders (not consensus) who share most documents."""
    coders = [c for c in _coders_with_codings(study) if c != CONSENSUS]
    best: tuple[int, tuple[str, str]] | None = None
    for i, first in enumerate(coders):
        for second in coders[i + 1 :]:
            shared = len(study.double_coded([first, second]))
            if shared and (best is None or shared > best[0]):
                best = (shared, (first, second))
    if best is None:
        return None
    report = study.agreement(list(best[1]))
    overall = report.rows[-1]
    return {
        "coders": list(best[1]),
        "documents": len(report.documents),
        "percent": overall.agreement,
        "kappa": overall.kappa,
        "alpha": overall.alpha,
        "alpha_u": overall.alpha_u,
    }


# -- themes, subthemes and quotes -------------------------------------------------------------
def _themes(study: Study, coder: str | None, k: int) -> list[ThemeSection]:
    themes = study.code_frequencies("theme", coder=coder)
    subthemes = study.code_frequencies("subtheme", coder=coder)
    texts: dict[int, Document] = {}
    quoted: Counter[str] = Counter()
    sections = []
    for path, theme in themes.iterrows():
        children = subthemes[subthemes["theme"] == path]
        sections.append(
            ThemeSection(
                name=str(theme["name"]),
                definition=str(theme["definition"]),
                participants=int(theme["participants"]),
                references=int(theme["references"]),
                subthemes=[
                    SubthemeSection(
                        name=str(row["name"]),
                        definition=str(row["definition"]),
                        participants=int(row["participants"]),
                        references=int(row["references"]),
                        quotes=exemplar_quotes(
                            study, str(sub), k=k, coder=coder, cache=texts, quoted=quoted
                        ),
                    )
                    for sub, row in children.iterrows()
                ],
            )
        )
    return sections


def exemplar_quotes(
    study: Study,
    code: str,
    *,
    k: int = 3,
    coder: str | None = None,
    cache: dict[int, Document] | None = None,
    quoted: Counter[str] | None = None,
) -> list[Quote]:
    """Up to ``k`` quotes for a code: pinned ones first, then a varied, readable choice.

    Candidates are the code's coded passages (with its subtree), cut at sentence boundaries
    within the speaker's turn; interviewers' words are never candidates. ``quoted`` counts
    how often each participant was quoted already (it is updated), to spread quotes over the
    report. See
    :func:`thematic.core.quotes.choose_exemplars` for how the choice is made.
    """
    cache = {} if cache is None else cache
    people = {p.label: {n: str(v) for n, v in p.attributes.items()} for p in study.participants()}
    passages = study.coding_query(code, coder=coder)
    # Passages also coded with another theme or subtheme illustrate this code less plainly:
    # they are used only when too few others are left.
    root = study.code_by(code).path
    others = [
        c.path
        for c in study.codes()
        if c.depth <= 1
        and not (c.path == root or c.path.startswith(root + "/"))
        and not root.startswith(c.path + "/")
    ]
    mixed_spans = (
        set(
            study.coding_query(code, any_of=others, coder=coder)[
                ["document_id", "start", "end"]
            ].itertuples(index=False, name=None)
        )
        if others
        else set()
    )
    plain: list[quoting.Candidate] = []
    mixed: list[quoting.Candidate] = []
    for row in passages.itertuples():
        if _INTERVIEWER.match(str(row.speaker).strip()):
            continue
        candidate = _candidate(study, cache, people, int(row.document_id), row.start, row.end)
        if candidate is not None:
            key = (row.document_id, row.start, row.end)
            (mixed if key in mixed_spans else plain).append(candidate)
    pinned = []
    for quote in study.pinned_quotes(code):
        found = _candidate(
            study, cache, people, quote.document_id, quote.start, quote.end, trim=False
        )
        if found is not None:
            pinned.append(found)
    quoted = Counter() if quoted is None else quoted
    chosen = quoting.choose_exemplars(plain, k, pinned=pinned, quoted_elsewhere=quoted)
    if len(chosen) < k:
        chosen = quoting.choose_exemplars(mixed, k, pinned=chosen, quoted_elsewhere=quoted)
    quoted.update(c.participant for c in chosen)
    pinned_keys = {(p.document_id, p.start, p.end) for p in pinned}
    return [
        Quote(
            text=c.text,
            attribution=quoting.attribution(c.participant, c.attributes, _keys(c.attributes)),
            document_id=c.document_id,
            start=c.start,
            end=c.end,
            pinned=(c.document_id, c.start, c.end) in pinned_keys,
            original=_original(study, cache, c),
        )
        for c in chosen
    ]


def _original(study: Study, cache: dict[int, Document], quote: quoting.Candidate) -> str:
    """For a quote from a translation: the same words in the interview's own language."""
    translation = cache[quote.document_id]
    if translation.translation_of is None:
        return ""
    source = cache.get(translation.translation_of)
    if source is None:
        source = cache[translation.translation_of] = study.document(translation.translation_of)
    span = quoting.aligned_original(
        translation.text,
        [(t.start, t.end) for t in translation.turns],
        source.text,
        [(t.start, t.end) for t in source.turns],
        quote.start,
        quote.end,
    )
    return "" if span is None else quoting.quote_text(source.text, *span)


def _keys(attributes: Mapping[str, str]) -> tuple[str, ...]:
    keys = [k for k in ATTRIBUTION_KEYS if k in attributes]
    if "facility_type" not in attributes and "facility" in attributes:
        keys.append("facility")
    return tuple(keys)


def _candidate(
    study: Study,
    cache: dict[int, Document],
    people: Mapping[str, Mapping[str, str]],
    document_id: int,
    start: int,
    end: int,
    *,
    trim: bool = True,
) -> quoting.Candidate | None:
    document = cache.get(document_id)
    if document is None:
        document = cache[document_id] = study.document(document_id)
    if not document.participant:
        return None
    if trim:
        turn = next(((t.start, t.end) for t in document.turns if t.start <= start < t.end), None)
        # Whole sentences of the coded passage only: no padding with uncoded neighbours.
        start, end = quoting.excerpt(document.text, start, end, turn=turn, min_chars=0)
    return quoting.Candidate(
        document_id=document_id,
        start=start,
        end=end,
        text=quoting.quote_text(document.text, start, end),
        participant=document.participant,
        attributes=people.get(document.participant, {}),
    )


# -- figures ---------------------------------------------------------------------------------
def subthemes_by_participant_data(
    study: Study, *, coder: str | None = None, where: Mapping[str, Any] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The heat map's counts (participants x (theme, subtheme)) and participant attributes."""
    matrix = study.matrix("subtheme", "participant", coder=coder, where=where)
    counts = matrix.T
    counts.columns = pd.MultiIndex.from_tuples(
        [(path.split("/")[0], path.split("/", 1)[1]) for path in matrix.index],
        names=["theme", "subtheme"],
    )
    attributes = pd.DataFrame(
        {p.label: {n: str(v) for n, v in p.attributes.items()} for p in study.participants()}
    ).T
    return counts, attributes.reindex(counts.index)


def theme_frequency_data(
    study: Study, *, coder: str | None = None, where: Mapping[str, Any] | None = None
) -> tuple[pd.DataFrame, int]:
    themes = study.code_frequencies("theme", coder=coder, where=where)
    table = themes.set_index("name")[["references", "participants"]]
    return table, len(themes.attrs["participants"])


def network_data(
    study: Study,
    *,
    coder: str | None = None,
    where: Mapping[str, Any] | None = None,
    near: str = "overlap",
) -> tuple[pd.DataFrame, pd.DataFrame]:
    subthemes = study.code_frequencies("subtheme", coder=coder, where=where)
    nodes = subthemes.set_index("name")[["theme", "references"]]
    names = dict(zip(subthemes.index, subthemes["name"], strict=True))
    pairs = study.cooccurrence("subtheme", near=near, coder=coder, where=where)
    edges = pd.DataFrame(
        {
            "a": [names[a] for a in pairs["a"]],
            "b": [names[b] for b in pairs["b"]],
            "count": pairs["count"].astype(int),
            "participants": pairs["participants"].astype(int),
        }
    )
    return nodes, edges


def report_figures(
    study: Study,
    *,
    coder: str | None = None,
    order_by: str | None = None,
    where: Mapping[str, Any] | None = None,
) -> list[ReportFigure]:
    """The report's figures, rendered: subthemes by participant, themes, co-occurrence."""
    found = []
    for name, title, caption, draw in _figure_makers(study, coder, order_by, where):
        try:
            figure = draw()
        except Invalid:
            continue  # nothing coded yet: the report says so in its counts instead
        found.append(
            ReportFigure(name, title, caption, plots.png_bytes(figure), plots.svg_text(figure))
        )
    if where is None:  # saturation is about the whole sample, never a subset of it
        found.extend(saturation_figures(study, coder=coder))
    return found


def _figure_makers(
    study: Study, coder: str | None, order_by: str | None, where: Mapping[str, Any] | None
) -> list[tuple[str, str, str, Any]]:
    def heat() -> Any:
        counts, attributes = subthemes_by_participant_data(study, coder=coder, where=where)
        return plots.subthemes_by_participant(counts, attributes, order_by=order_by)

    def bars() -> Any:
        table, n = theme_frequency_data(study, coder=coder, where=where)
        return plots.theme_frequency(table, n_participants=n)

    def network() -> Any:
        nodes, edges = network_data(study, coder=coder, where=where)
        return plots.cooccurrence_network(nodes, edges)

    return [
        (
            "subthemes-by-participant",
            "Subthemes raised by each participant",
            "Coded references per participant and subtheme, grouped by theme"
            + (f"; participants ordered by {order_by}." if order_by else "."),
            heat,
        ),
        (
            "frequency-of-main-themes",
            "Frequency of main themes",
            "Coded references and participants raising each theme.",
            bars,
        ),
        (
            "cooccurrence-of-subthemes",
            "Co-occurrence of subthemes",
            "Subthemes coded on overlapping passages; line width shows how often.",
            network,
        ),
    ]


# -- saturation (issue 6) ----------------------------------------------------------------------
def saturation_report(study: Study, *, coder: str | None = None) -> SaturationReport | None:
    """The default saturation analysis (Guest et al. 2020) for the report, or None while the
    study has fewer interviews than a base and a run, or no codings to count."""
    report = study.saturation(coder=coder)
    if report.too_few or not report.curve.total:
        return None
    return report


def saturation_figures(study: Study, *, coder: str | None = None) -> list[ReportFigure]:
    """The saturation curve, when the study has enough interviews for it."""
    report = saturation_report(study, coder=coder)
    if report is None:
        return []
    figure = saturation_curve(report)
    caption = (
        f"Unique {report.noun}s by interview (by {report.order.replace('_', ' ')}), with the "
        f"median and 95% band of {report.over_orders.orderings:,} random interview orders and "
        f"new {report.noun}s per interview below; saturation: {report.label}."
    )
    return [
        ReportFigure(
            "saturation",
            "Thematic saturation",
            caption,
            plots.png_bytes(figure),
            plots.svg_text(figure),
        )
    ]


def saturation_statement(study: Study) -> str | None:
    """The saturation paragraph for the methods section and COREQ item 22, or None."""
    report = saturation_report(study)
    return report.statement() if report is not None else None


# -- codebook, methods, COREQ -------------------------------------------------------------------
def codebook_table(study: Study) -> ReportTable:
    rows: list[list[str | int | float]] = []
    for code in study.codes():
        parts = code.path.split("/")
        level = ["Theme", "Subtheme", "Code"][min(len(parts), 3) - 1]
        rows.append([level, "  " * (len(parts) - 1) + code.name, code.definition])
    return ReportTable(title="Codebook", columns=["Level", "Name", "Definition"], rows=rows)


def _facts(
    study: Study, included: list[str], agreement: dict[str, Any] | None, quoted: bool
) -> StudyFacts:
    people = {p.label: p for p in study.participants()}
    interviews = _interviews(study)
    durations = [
        (max(t.time_end or 0 for t in d.turns) / 60)
        for d in interviews
        if any(t.time_end for t in d.turns)
    ]
    codes = study.codes()
    coders = [c for c in _coders_with_codings(study) if c != CONSENSUS]
    dates = sorted(
        str(people[p].attributes["interview_date"])
        for p in included
        if people[p].attributes.get("interview_date")
    )
    answers = study.setting(COREQ_ANSWERS, {}) or {}
    return StudyFacts(
        title=study.setting("title", "") or None,
        methodology=study.setting(METHODOLOGY) or None,
        n_participants=len(included),
        n_screened_out=sum(1 for p in people.values() if not p.eligible),
        n_withdrawn=len(study.withdrawals()) or None,
        sampling_note=study.setting(SAMPLING) or None,
        sites=sorted({str(people[p].attributes.get("site")) for p in included} - {"None"}),
        roles=dict(Counter(str(people[p].attributes.get("role")) for p in included)),
        languages={
            _language(k): n
            for k, n in Counter(d.language or "not recorded" for d in interviews).items()
        },
        interview_dates=(dates[0], dates[-1]) if dates else None,
        n_interviews=len(interviews),
        has_interview_guide=bool(study.guide()),
        n_guide_questions=len(study.guide()) or None,
        audio_recorded=True if any(d.source_format in ("vtt", "srt") for d in interviews) else None,
        n_field_notes=len(study.documents(kind="field_note")) or None,
        duration_minutes=(min(durations), statistics.median(durations), max(durations))
        if durations
        else None,
        saturation_statement=saturation_statement(study),
        n_coders=len(coders) or None,
        agreement_statement=_agreement_sentence(agreement),
        codebook_levels=max((c.depth + 1 for c in codes), default=0) or None,
        n_codes=len(codes) or None,
        themes_derived=study.setting(THEMES_DERIVED) or None,
        software=f"thematic {__version__}",
        quotes_presented=quoted,
        quote_identifiers="participant number, " + ", ".join(ATTRIBUTION_KEYS).replace("_", " "),
        settings={str(k): str(v) for k, v in dict(answers).items()},
    )


def _agreement_sentence(agreement: dict[str, Any] | None) -> str | None:
    if not agreement:
        return None
    return (
        f"Krippendorff's alpha {agreement['alpha']:.2f} and Cohen's kappa "
        f"{agreement['kappa']:.2f} on {agreement['documents']} double-coded transcripts"
    )


def methods_paragraph(facts: StudyFacts, agreement: dict[str, Any] | None) -> str:
    """A methods paragraph built only from what the study records."""
    sentences = []
    if facts.n_participants:
        roles = ", ".join(f"{n} {role}" for role, n in sorted(facts.roles.items()) if role)
        where = f" at {len(facts.sites)} sites ({', '.join(facts.sites)})" if facts.sites else ""
        sentences.append(
            f"We interviewed {facts.n_participants} participants{where}"
            + (f": {roles}." if roles else ".")
        )
    if facts.languages:
        spoken = " and ".join(f"{lang} ({n})" for lang, n in sorted(facts.languages.items()))
        sentences.append(f"Interviews were conducted in {spoken}.")
    if facts.has_interview_guide:
        sentences.append(
            f"A semi-structured interview guide of {facts.n_guide_questions} questions was used."
        )
    if facts.n_coders:
        sentences.append(
            f"{facts.n_coders} coders coded the transcripts with a codebook of "
            f"{facts.n_codes} codes in {facts.codebook_levels} levels"
            + (
                f"; agreement on a double-coded subset was {facts.agreement_statement}."
                if agreement
                else "."
            )
        )
    if facts.methodology:
        sentences.append(f"Analysis followed {facts.methodology}.")
    if facts.saturation_statement:
        sentences.append(facts.saturation_statement)
    sentences.append(f"Data were managed and analysed with {facts.software}.")
    return " ".join(sentences)


def answer_coreq(study: Study, item: int, answer: str) -> None:
    """Record the team's answer to a COREQ item (blank clears it)."""
    if not 1 <= item <= 32:
        raise Invalid(f"COREQ items are numbered 1 to 32, not {item}")
    answers = dict(study.setting(COREQ_ANSWERS, {}) or {})
    if answer.strip():
        answers[str(item)] = answer.strip()
    else:
        answers.pop(str(item), None)
    study.set_setting(COREQ_ANSWERS, answers)


__all__ = [
    "ThematicError",
    "answer_coreq",
    "codebook_table",
    "exemplar_quotes",
    "methods_paragraph",
    "network_data",
    "report_data",
    "report_figures",
    "saturation_figures",
    "saturation_report",
    "saturation_statement",
    "subthemes_by_participant_data",
    "theme_frequency_data",
]
