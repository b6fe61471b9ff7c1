"""Tables for analysts to continue in Excel, SPSS or pandas: the study's tables, all codings,
and the framework matrix laid out one sheet per theme."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd

from thematic.analysis.gather import report_data
from thematic.analysis.report import write_report
from thematic.errors import Invalid
from thematic.formats.frames import write_frames
from thematic.study import Study

REPORT_FORMATS = ("docx", "html", "md")


def participants_table(study: Study) -> pd.DataFrame:
    """One row per participant: label, eligibility, consent date and every attribute."""
    rows = []
    for person in study.participants():
        row: dict[str, object] = {
            "participant": person.label,
            "eligible": person.eligible,
            "failed_criteria": "; ".join(person.failed_criteria),
            "consent_date": person.consent.date.isoformat() if person.consent else "",
        }
        row.update({name: "" if v is None else str(v) for name, v in person.attributes.items()})
        rows.append(row)
    return pd.DataFrame(rows, columns=None if rows else ["participant", "eligible"])


def documents_table(study: Study) -> pd.DataFrame:
    """One row per document (without its text): title, kind, language, participant, size."""
    titles = {d.id: d.title for d in study.documents()}
    return pd.DataFrame(
        [
            {
                "document_id": d.id,
                "document": d.title,
                "kind": d.kind,
                "language": d.language or "",
                "participant": d.participant or "",
                "translation_of": titles.get(d.translation_of, "") if d.translation_of else "",
                "characters": len(d.text),
                "words": len(d.text.split()),
                "turns": len(d.turns),
                "source": d.source_name,
            }
            for d in study.documents()
        ]
    )


def codebook_frame(study: Study) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "code_id": c.id,
                "path": c.path,
                "level": c.depth + 1,
                "name": c.name,
                "definition": c.definition,
                "inclusion": c.inclusion,
                "exclusion": c.exclusion,
                "example": c.example,
            }
            for c in study.codes()
        ]
    )


def study_tables(study: Study) -> dict[str, pd.DataFrame]:
    """Participants, documents, codebook and every coding (all coders), as DataFrames."""
    return {
        "Participants": participants_table(study),
        "Documents": documents_table(study),
        "Codebook": codebook_frame(study),
        "Codings": study.codings_table(),
    }


def write_study_tables(study: Study, path: Path) -> list[Path]:
    """All tables to one XLSX (a sheet each) or to CSV files named <stem>-<table>.csv."""
    return write_frames(path, study_tables(study), about={"study": study.location})


def framework_sheets(frame: pd.DataFrame, study: Study) -> dict[str, pd.DataFrame]:
    """The framework matrix, one wide table per theme: participants (with their attributes)
    down, subthemes across; each cell the analyst's summary, then the coded passages."""
    attributes = participants_table(study).set_index("participant")
    extra = [c for c in attributes.columns if c not in ("eligible", "failed_criteria")]
    sheets = {}
    for theme, block in frame.groupby("theme", sort=False):
        cells = block.assign(cell=[_cell(r.summary, r.passages) for r in block.itertuples()])
        wide = cells.pivot(index="participant", columns="subtheme", values="cell")
        wide = wide[list(dict.fromkeys(block["subtheme"]))]
        wide.columns = [c.split("/", 1)[-1] for c in wide.columns]
        people = attributes.reindex(wide.index)[[c for c in extra if c != "consent_date"]]
        sheets[str(theme)] = pd.concat([people, wide], axis=1).reset_index()
    return sheets


def _cell(summary: str, passages: str) -> str:
    parts = []
    if summary:
        parts.append(f"Summary: {summary}")
    if passages:
        parts.append("\n\n".join(f"“{p}”" for p in passages.split("\n\n")))
    return "\n\n".join(parts)


def write_framework(study: Study, path: Path, theme: str | None = None, **scope: object) -> Path:
    """The framework matrix as XLSX, one sheet per theme."""
    frame = study.framework(theme, **scope)  # type: ignore[arg-type]
    written = write_frames(path, framework_sheets(frame, study), about=dict(frame.attrs))
    return written[0]


def report_bytes(study: Study, fmt: str, **options: object) -> tuple[bytes, str]:
    """The report as bytes and a file name; Markdown comes zipped with its figures."""
    import tempfile

    if fmt not in REPORT_FORMATS:
        raise Invalid(f"the report format must be docx, html or md, not {fmt!r}")
    data = report_data(study, **options)  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / f"report.{fmt}"
        written = write_report(data, target, fmt)
        if fmt != "md":
            return target.read_bytes(), target.name
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for file in written:
                archive.write(file, file.relative_to(folder))
        return buffer.getvalue(), "report-md.zip"
