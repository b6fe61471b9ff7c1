"""A study small enough to count every query result by hand (tests of queries, the CLI,
the web pages and the report use it)."""

from __future__ import annotations

import thematic
from thematic import Turn

DOC1 = (
    "I: What stops you?\n"
    "P1: The internet is slow. There is no law for telemedicine.\n"
    "I: Anything else?\n"
    "P1: Funding is short and the internet fails."
)
DOC2 = "P2: No law exists and licensing is hard. Training is missing."
DOC3 = "P3: The internet never works here."
DOC4 = "P4: We manage fine."


def line_turns(text: str) -> list[Turn]:
    """One speaker turn per line, the speaker being the label before the colon."""
    result, position = [], 0
    for line in text.split("\n"):
        result.append(Turn(position, position + len(line), line.split(":")[0]))
        position += len(line) + 1
    return result


def span(text: str, passage: str) -> tuple[int, int]:
    start = text.index(passage)
    return start, start + len(passage)


def build_tiny(study: thematic.Study) -> thematic.Study:
    """Four participants, four documents, five leaf codes under two themes.

    Consensus codings (passage -> code):
      doc1 (P1, nurse, Karachi): "The internet is slow." Technological/Internet;
        "There is no law for telemedicine." Systemic/Policy/No law;
        "Funding is short and the internet fails." Systemic/Funding;
        "the internet fails." Technological/Internet
      doc2 (P2, doctor, Karachi): "No law exists" Systemic/Policy/No law;
        "No law exists and licensing is hard." Systemic/Policy/Licensing;
        "Training is missing." Technological/Skills/Training
      doc3 (P3, nurse, Lahore): "The internet never works here." Technological/Internet
      doc4 (P4, doctor, Lahore): nothing coded.
    bilal coded only "The internet is slow" (doc1) with Technological/Internet.
    """
    study.add_attribute("role", "category", ["nurse", "doctor"])
    study.add_attribute("site", "category", ["Karachi", "Lahore"])
    for label, role, site in (
        ("P1", "nurse", "Karachi"),
        ("P2", "doctor", "Karachi"),
        ("P3", "nurse", "Lahore"),
        ("P4", "doctor", "Lahore"),
    ):
        study.add_participant(label, role=role, site=site)
    for path in (
        "Systemic/Policy/No law",
        "Systemic/Policy/Licensing",
        "Systemic/Funding",
        "Technological/Internet",
        "Technological/Skills/Training",
    ):
        study.add_code(path)
    study.add_coder("consensus", role="consensus")
    study.add_coder("bilal")
    docs = [
        study.add_document(f"doc{i}", text, participant=f"P{i}", turns=line_turns(text))
        for i, text in enumerate((DOC1, DOC2, DOC3, DOC4), start=1)
    ]
    d1, d2, d3 = docs[0].id, docs[1].id, docs[2].id
    plan = [
        (d1, DOC1, "The internet is slow.", "Technological/Internet"),
        (d1, DOC1, "There is no law for telemedicine.", "Systemic/Policy/No law"),
        (d1, DOC1, "Funding is short and the internet fails.", "Systemic/Funding"),
        (d1, DOC1, "the internet fails.", "Technological/Internet"),
        (d2, DOC2, "No law exists", "Systemic/Policy/No law"),
        (d2, DOC2, "No law exists and licensing is hard.", "Systemic/Policy/Licensing"),
        (d2, DOC2, "Training is missing.", "Technological/Skills/Training"),
        (d3, DOC3, "The internet never works here.", "Technological/Internet"),
    ]
    study.code_many([(doc, *span(text, p), code, "consensus") for doc, text, p, code in plan])
    study.code(d1, *span(DOC1, "The internet is slow"), "Technological/Internet", "bilal")
    return study
