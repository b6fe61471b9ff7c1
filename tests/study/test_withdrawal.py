"""Withdrawal: the preview, the deletion, the record, and nothing of them left anywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from tests.privacy_study import KEY_PASS, P07_ONLY, build_privacy

import thematic
from thematic.analysis.gather import report_data
from thematic.errors import Conflict, Forbidden, Invalid, NotFound
from thematic.study.keyfile import KeyFile


@pytest.fixture
def study(new_study: thematic.Study, tmp_path: Path) -> thematic.Study:
    return build_privacy(new_study, tmp_path / "study.key")


def deidentified(study: thematic.Study) -> thematic.Study:
    study.scan_identifiers(key_passphrase=KEY_PASS, model=None)
    study.decide_proposals([p.id for p in study.proposals()], "accept")
    study.apply_deidentification(key_passphrase=KEY_PASS)
    return study


def test_preview_lists_exactly_what_will_go(study):
    preview = study.withdrawal_preview("P07", key_passphrase=KEY_PASS)
    assert preview.documents == ("P07 interview", "P07 interview (Urdu)")  # translation too
    assert preview.codings == {"bilal": 3, "sana": 2}
    assert preview.memos == ("P07 talks warmly about her team.", "Internet again.")
    assert preview.attributes == {"role": "nurse", "real name": "Nasreen Akhtar"}
    assert (preview.pinned_quotes, preview.framework_summaries) == (1, 1)
    assert preview.key_entries == 1  # the study term tied to P07
    assert study.withdrawal_preview("P07").key_entries is None  # the key was not opened
    assert len(study.participants()) == 2  # a preview deletes nothing


def test_withdraw_deletes_theirs_and_keeps_everyone_elses(study):
    preview = study.withdrawal_preview("P07", key_passphrase=KEY_PASS)
    record = study.withdraw("P07", key_passphrase=KEY_PASS, expected=preview.counts())
    assert [p.label for p in study.participants()] == ["P08"]
    assert [d.title for d in study.documents()] == ["P08 interview"]
    assert len(study.codings()) == 2
    assert sorted(m.body for m in study.memos()) == [
        "Across the study: policy comes first.",
        "P08 is the law person.",
    ]
    assert study.pinned_quotes() == []
    assert record.deleted["documents"] == 2 and record.deleted["codings"] == 5
    assert study.withdrawals() == [record]
    event = study.log(action="participant.withdraw")[0]
    assert event.target == f"withdrawal {record.id}"
    assert "P07" not in repr(record) and "P07" not in repr(event)


def test_counts_and_report_no_longer_include_them(study):
    def support() -> int:
        frame = study.code_frequencies(coder="all", level="theme")
        return int(frame["references"].get("Support", 0))

    assert support() == 3
    study.withdraw("P07", key_passphrase=KEY_PASS)
    assert support() == 0
    data = report_data(study)
    assert "1 participant" in data.summary_text
    assert "1 withdrew after inclusion" in repr(data.coreq)


def test_changed_since_preview_deletes_nothing(study):
    preview = study.withdrawal_preview("P07", key_passphrase=KEY_PASS)
    study.code(study.document("P07 interview").id, 0, 2, "Policy/Law", coder="sana")
    with pytest.raises(Conflict, match="changed since the preview"):
        study.withdraw("P07", key_passphrase=KEY_PASS, expected=preview.counts())
    assert len(study.participants()) == 2


def test_the_key_passphrase_is_needed_and_the_key_forgets_them(study, tmp_path):
    deidentified(study)
    with pytest.raises(Invalid, match="give the key passphrase"):
        study.withdraw("P07")
    study.withdraw("P07", key_passphrase=KEY_PASS)
    key = KeyFile.load(tmp_path / "study.key", KEY_PASS)
    assert key.terms == []
    assert {(r.label, r.original, r.participant) for r in key.replacements} == {
        ("[Hospital 1]", "Jinnah Hospital", "P08")  # shared with P08: kept
    }
    flat = repr(key.pseudonyms)
    for gone in ("ayesha", "عائشہ", "saima", "03001234567"):
        assert gone not in flat.casefold()
    assert "jinnah hospital" in flat


def test_unknown_participant_and_roles(study):
    with pytest.raises(NotFound, match="P99"):
        study.withdrawal_preview("P99")
    with pytest.raises(Forbidden):
        study.as_user("bilal").withdraw("P07", key_passphrase=KEY_PASS)


def test_nothing_of_them_remains_in_the_sqlite_file(tmp_path):
    path = tmp_path / "s.thematic"
    study = deidentified(build_privacy(thematic.create(path), tmp_path / "s.key"))
    study.close()
    raw = path.read_bytes()
    for words in P07_ONLY[1:]:  # present before (Saima was replaced by de-identification)
        if words != "0300-1234567":
            assert words.encode("utf-8") in raw, words
    study = thematic.open(path)
    study.withdraw("P07", key_passphrase=KEY_PASS)
    study.close()
    raw = path.read_bytes()
    for words in (*P07_ONLY, "Nasreen Akhtar", "talks warmly", "Relies on colleagues"):
        assert words.encode("utf-8") not in raw, words
    # ... nor in the full-text index, read through SQLite itself
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        connection.exec_driver_sql(
            "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, documents_fts, row)"
        )
        terms = {row[0] for row in connection.exec_driver_sql("SELECT term FROM temp.v")}
        free = connection.exec_driver_sql("PRAGMA freelist_count").scalar()
    engine.dispose()
    assert not {"warmly", "fails", "again", "انٹرنیٹ"} & terms
    assert "training" in terms
    assert free == 0
    assert not list(tmp_path.glob("s.thematic-*"))  # no journal or WAL left beside it


def test_without_deidentification_the_words_go_too(tmp_path):
    path = tmp_path / "s.thematic"
    study = build_privacy(thematic.create(path), tmp_path / "s.key")
    study.withdraw("P07", key_passphrase=KEY_PASS)
    study.close()
    raw = path.read_bytes()
    for words in (*P07_ONLY, "Ayesha Khan", "عائشہ"):
        assert words.encode("utf-8") not in raw, words
    assert b"Training is missing" in raw  # P08's words are still there


@pytest.mark.postgres
def test_postgres_rows_are_gone(postgres_url, tmp_path):
    study = build_privacy(thematic.create(postgres_url), tmp_path / "pg.key")
    try:
        study.withdraw("P07", key_passphrase=KEY_PASS)
        with study._engine.connect() as connection:
            for table, column in (
                ("documents", "text"),
                ("memos", "body"),
                ("participant_values", "value"),
                ("framework_summaries", "summary"),
            ):
                found = connection.execute(
                    sa.text(f"SELECT count(*) FROM {table} WHERE {column} LIKE :w"),
                    {"w": "%Saima%"},
                ).scalar()
                assert found == 0, table
            assert connection.execute(sa.text("SELECT count(*) FROM participants")).scalar() == 1
    finally:
        study.close()


def test_a_missing_key_file_is_an_error_not_an_empty_key(study, tmp_path):
    deidentified(study)
    (tmp_path / "study.key").rename(tmp_path / "elsewhere.key")
    with pytest.raises(NotFound, match="not there"):
        study.withdraw("P07", key_passphrase=KEY_PASS)
    assert len(study.participants()) == 2


def test_a_failed_purge_says_the_deletion_stands(study, monkeypatch):
    import thematic.study.deidentify as module
    from thematic.errors import PurgeFailed

    def locked(engine):
        raise sa.exc.OperationalError("VACUUM", {}, Exception("database is locked"))

    monkeypatch.setattr(module, "purge_deleted_text", locked)
    with pytest.raises(PurgeFailed, match=r"P07's data is deleted, but purging .* locked"):
        study.withdraw("P07", key_passphrase=KEY_PASS)
    assert [p.label for p in study.participants()] == ["P08"]
    monkeypatch.undo()
    study.purge_deleted()  # finishes the job
    assert study.log(action="study.purge")


def test_memo_replacements_belong_to_their_participant(study, tmp_path):
    study.add_identifying_term("Nasreen Akhtar", participant="P07", key_passphrase=KEY_PASS)
    study.add_memo(
        "Nasreen Akhtar was tired today.", kind="field_note", link=("participant", "P07")
    )
    deidentified(study)
    preview = study.withdrawal_preview("P07", key_passphrase=KEY_PASS)
    study.withdraw("P07", key_passphrase=KEY_PASS, expected=preview.counts())
    key = KeyFile.load(tmp_path / "study.key", KEY_PASS)
    assert "Nasreen" not in repr(key)
    assert all(r.participant == "P08" for r in key.replacements)
    assert preview.proposals == 6  # 5 in their documents, 1 in their memo


def test_withdrawal_and_deidentification_in_an_encrypted_study(tmp_path):
    path = tmp_path / "secret.thematic"
    study = build_privacy(thematic.create(path, passphrase="study pass"), tmp_path / "s.key")
    deidentified(study)
    study.withdraw("P07", key_passphrase=KEY_PASS)
    study.close()
    with thematic.open(path, passphrase="study pass") as again:
        assert [p.label for p in again.participants()] == ["P08"]
        assert "[Hospital 1]" in again.document("P08 interview").text
        assert len(again.search("Saima")) == 0
    assert thematic.is_encrypted(path)
