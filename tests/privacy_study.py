"""A small study with identifiers in it, for the de-identification and withdrawal tests.

Two participants. P07's interview names a doctor, a hospital, a phone number and a colleague
on the study's own list; its Urdu translation names the doctor in Urdu script. P08's interview
names the same hospital. Codings start, end and sit inside the names to be replaced.
"""

from __future__ import annotations

from pathlib import Path

import thematic
from tests.tiny_study import line_turns, span

KEY_PASS = "correct horse battery staple"

P07_TEXT = (
    "I: Who helps you?\n"
    "P07: Dr. Ayesha Khan at Jinnah Hospital helps, and Saima too 🙂.\n"
    "P07: Call me on 0300-1234567 if the internet fails again."
)
P07_URDU = "P07: ڈاکٹر عائشہ خان مدد کرتی ہیں۔ انٹرنیٹ بہت سست ہے۔"
P08_TEXT = "P08: Jinnah Hospital has no telemedicine law. Training is missing."

# Words only P07 said, to look for in the database file after their withdrawal.
P07_ONLY = ("Saima", "0300-1234567", "internet fails again", "انٹرنیٹ بہت سست")


def build_privacy(study: thematic.Study, key_file: Path) -> thematic.Study:
    """Participants, documents, codings (by two coders), turns, memos, a pinned quote, a
    framework summary and a study term; the key file at ``key_file``."""
    study.set_key_file(key_file)
    study.add_attribute("role", "category", ["nurse", "doctor"])
    study.add_attribute("real name", "text", identifying=True)
    study.add_participant("P07", role="nurse", **{"real name": "Nasreen Akhtar"})
    study.add_participant("P08", role="doctor", **{"real name": "Kamran Ali"})
    study.add_identifying_term("Saima", "person", participant="P07", key_passphrase=KEY_PASS)
    for path in ("Support/Colleagues", "Technology/Internet", "Policy/Law", "Skills/Training"):
        study.add_code(path)
    study.add_coder("bilal")
    study.add_coder("sana")
    p07 = study.add_document(
        "P07 interview", P07_TEXT, participant="P07", turns=line_turns(P07_TEXT)
    )
    urdu = study.add_document(
        "P07 interview (Urdu)", P07_URDU, language="ur", translation_of=p07.id
    )
    p08 = study.add_document(
        "P08 interview", P08_TEXT, participant="P08", turns=line_turns(P08_TEXT)
    )
    plan = [
        # a coding that starts inside the doctor's name and ends after it
        (p07.id, P07_TEXT, "Ayesha Khan at Jinnah", "Support/Colleagues", "bilal"),
        # one that starts before a name and ends inside it
        (p07.id, P07_TEXT, "helps, and Sai", "Support/Colleagues", "sana"),
        # one entirely inside a name
        (p07.id, P07_TEXT, "Ayesha", "Support/Colleagues", "sana"),
        # one after every name
        (p07.id, P07_TEXT, "the internet fails again", "Technology/Internet", "bilal"),
        (urdu.id, P07_URDU, "انٹرنیٹ بہت سست ہے", "Technology/Internet", "bilal"),
        (p08.id, P08_TEXT, "no telemedicine law", "Policy/Law", "bilal"),
        (p08.id, P08_TEXT, "Training is missing.", "Skills/Training", "sana"),
    ]
    made = []
    for doc_id, text, passage, code, coder in plan:
        start, end = span(text, passage)
        made.append(study.code(doc_id, start, end, code, coder=coder))
    study.add_memo("P07 talks warmly about her team.", link=("participant", "P07"))
    study.add_memo("Internet again.", link=("coding", made[3].id))
    study.add_memo("P08 is the law person.", link=("document", p08.id))
    study.add_memo("Across the study: policy comes first.")
    start, end = span(P07_TEXT, "the internet fails again")
    study.pin_quote("Technology/Internet", p07.id, start, end)
    study.set_framework_summary("P07", "Support/Colleagues", "Relies on colleagues.")
    return study
