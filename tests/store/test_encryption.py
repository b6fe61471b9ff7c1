"""Encryption at rest: an encrypted study file holds no readable text, opens only with its
passphrase (a wrong one changes nothing), migrates and searches like a plain one; every
SQLite connection overwrites deleted content."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

import thematic
from thematic.errors import Invalid
from thematic.store import engine as store_engine

PASSPHRASE = "correct horse, battery staple"
ENGLISH = "Zephyrine the midwife walked nine kilometres to the clinic"
URDU = "ڈاکٹر صاحب نے کہا کہ انٹرنیٹ کبھی نہیں چلتا"
SENTENCE = f"{ENGLISH}. {URDU}."


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fill(study: thematic.Study) -> None:
    """A participant, a transcript with the unique sentence, a code and a coding."""
    study.add_participant("P01")
    document = study.add_document(
        "P01 interview", f"Interviewer: Tell me.\nP01: {SENTENCE}", participant="P01"
    )
    study.add_code("Access/Distance")
    start = document.text.index(ENGLISH)
    study.add_coder("amina")
    study.code(document.id, start, start + len(ENGLISH), "Access/Distance", coder="amina")


@pytest.fixture
def encrypted(tmp_path: Path) -> Path:
    path = tmp_path / "study.thematic"
    with thematic.create(path, title="Secret", passphrase=PASSPHRASE) as study:
        _fill(study)
    return path


def test_the_encrypted_file_holds_no_readable_text(encrypted: Path) -> None:
    raw = encrypted.read_bytes()
    assert not raw.startswith(store_engine.SQLITE_HEADER)
    assert b"SQLite format 3" not in raw
    for secret in (SENTENCE, ENGLISH, URDU, "Zephyrine", "P01 interview", "Access/Distance"):
        assert secret.encode("utf-8") not in raw
    assert thematic.is_encrypted(encrypted)
    assert not list(encrypted.parent.glob("*-journal"))


def test_the_passphrase_opens_it_with_data_and_search(encrypted: Path) -> None:
    with thematic.open(encrypted, passphrase=PASSPHRASE) as study:
        assert [p.label for p in study.participants()] == ["P01"]
        [document] = study.documents()
        assert SENTENCE in document.text
        [coding] = study.codings()
        assert document.text[coding.start : coding.end] == ENGLISH
        assert study.setting("title") == "Secret"
        for query in ("Zephyrine", "انٹرنیٹ", '"nine kilometres"'):
            hits = study.search(query)
            assert list(hits["document_id"]) == [document.id], query
        # The index follows edits in the encrypted file too (the FTS5 triggers).
        study.add_document("second", "Kilimanjaro and انٹرنیٹ again")
        assert len(study.search("Kilimanjaro")) == 1


def test_a_wrong_passphrase_is_refused_and_changes_nothing(encrypted: Path) -> None:
    before = _sha256(encrypted)
    for wrong in ("correct horse, battery stapler", PASSPHRASE.upper(), "x"):
        with pytest.raises(Invalid, match=r"study\.thematic: wrong passphrase"):
            thematic.open(encrypted, passphrase=wrong)
    assert _sha256(encrypted) == before
    assert sorted(p.name for p in encrypted.parent.iterdir()) == ["study.thematic"]


def test_no_passphrase_is_one_clear_error_naming_the_file(encrypted: Path) -> None:
    before = _sha256(encrypted)
    with pytest.raises(Invalid) as error:
        thematic.open(encrypted)
    message = str(error.value)
    assert message.startswith(f"{encrypted} is encrypted: give its passphrase")
    assert "THEMATIC_PASSPHRASE" in message and "\n" not in message
    assert _sha256(encrypted) == before


def test_a_passphrase_for_a_plain_file_or_a_server_is_refused(tmp_path: Path) -> None:
    plain = tmp_path / "plain.thematic"
    thematic.create(plain).close()
    with pytest.raises(Invalid, match="is not encrypted"):
        thematic.open(plain, passphrase=PASSPHRASE)
    with pytest.raises(Invalid, match="encryption applies to study files; PostgreSQL"):
        # Refused before any connection is tried: no server is needed here.
        thematic.open("postgresql://nobody@127.0.0.1:1/none", passphrase=PASSPHRASE)
    assert not thematic.is_encrypted(plain)
    assert not thematic.is_encrypted("postgresql://nobody@127.0.0.1:1/none")


def test_an_empty_passphrase_is_refused(tmp_path: Path) -> None:
    # SQLCipher reads an empty key as "no encryption": it must not quietly make a plain file.
    with pytest.raises(Invalid, match="passphrase is empty"):
        thematic.create(tmp_path / "s.thematic", passphrase="")
    assert not (tmp_path / "s.thematic").exists()


@pytest.mark.parametrize(
    "passphrase",
    [
        "it's mine",
        'say "open" twice',
        "''; DROP TABLE documents; --",
        "user:pass@host/db?x=1#frag",
        "رازداری کا پاس ورڈ",
        "  spaces around  ",
        "x'2DD29CA851E7B56E4697B0E1F08507293D761A05CE4D1B628663F411A8086D99'",
        "back\\slash and 100%",
    ],
)
def test_passphrases_with_quotes_colons_and_urdu(tmp_path: Path, passphrase: str) -> None:
    path = tmp_path / "s.thematic"
    thematic.create(path, title="t", passphrase=passphrase).close()
    assert thematic.is_encrypted(path)
    with thematic.open(path, passphrase=passphrase) as study:
        assert study.setting("title") == "t"
    with pytest.raises(Invalid, match="wrong passphrase"):
        thematic.open(path, passphrase=passphrase + "!")
    with pytest.raises(Invalid, match="wrong passphrase"):
        thematic.open(path, passphrase=passphrase.strip() + "x")


def test_an_older_encrypted_study_is_backed_up_encrypted_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.thematic"
    url = sa.make_url(f"sqlite+pysqlite:///{path}")
    engine = store_engine._engine(url, PASSPHRASE)
    store_engine.migrate(engine, "0001")  # every later migration, FTS5 too, runs on open
    with engine.begin() as connection:
        connection.execute(sa.text("INSERT INTO settings VALUES ('format', '\"thematic-study\"')"))
        connection.execute(
            sa.text(
                "INSERT INTO documents (title, kind, text, source_name, source_format, sha256,"
                " position, imported_at) VALUES ('d', 'transcript', :text, '', 'txt', '', 0, :t)"
            ),
            {"text": SENTENCE, "t": dt.datetime(2025, 1, 1)},
        )
    engine.dispose()
    before = path.read_bytes()
    with thematic.open(path, passphrase=PASSPHRASE) as study:
        assert list(study.search("Zephyrine")["document_id"]) == [1]
    backup = tmp_path / "old.thematic.bak-0001"
    assert backup.read_bytes() == before
    assert thematic.is_encrypted(backup)
    engine = store_engine.connect(str(path), passphrase=PASSPHRASE)
    try:
        assert store_engine.current_revision(engine) == store_engine.head_revision()
    finally:
        engine.dispose()


def _pragma(study: thematic.Study, name: str) -> object:
    with study._read() as connection:
        return connection.execute(sa.text(f"PRAGMA {name}")).scalar_one()


def test_secure_delete_is_on_for_plain_and_encrypted_files(tmp_path: Path, encrypted: Path) -> None:
    with thematic.create(tmp_path / "plain.thematic") as plain:
        assert _pragma(plain, "secure_delete") == 1
        assert _pragma(plain, "foreign_keys") == 1
    with thematic.open(encrypted, passphrase=PASSPHRASE) as study:
        assert _pragma(study, "secure_delete") == 1
        assert _pragma(study, "foreign_keys") == 1
        assert str(_pragma(study, "cipher_version")).startswith("4.")


def test_the_connection_setup_turns_secure_delete_on() -> None:
    # Many SQLite builds default to secure_delete = ON; thematic does not rely on the build.
    connection = sqlite3.connect(":memory:")
    connection.execute("PRAGMA secure_delete = OFF")
    store_engine._sqlite_pragmas(connection, None)
    assert connection.execute("PRAGMA secure_delete").fetchone() == (1,)
    connection.close()


def test_deleted_text_is_overwritten_in_a_plain_file(tmp_path: Path) -> None:
    path = tmp_path / "plain.thematic"
    with thematic.create(path) as study:
        document = study.add_document("gone", f"P01: {SENTENCE}")
        assert ENGLISH.encode() in path.read_bytes()
        study.delete_document(document.id)
    assert ENGLISH.encode() not in path.read_bytes()
