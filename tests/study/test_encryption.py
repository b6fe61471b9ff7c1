"""Encrypting an existing study and decrypting it again: the same rows afterwards, search
still works, an audit event records it, and a failed conversion leaves the original as it
was."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest
from tests.tiny_study import build_tiny

import thematic
from thematic.errors import Forbidden, Invalid, NotFound
from thematic.store import encryption as store_encryption

PASSPHRASE = 'ذاتی: it\'s "ours" @home/2025'
UNIQUE = "Quillfeather said the pharmacy closes at dusk"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _snapshot(study: thematic.Study) -> dict[str, object]:
    """Everything a conversion must keep, as plain values."""
    return {
        "participants": study.participants(),
        "documents": study.documents(),
        "codes": study.codes(),
        "codings": study.codings(coder=None),
        "coders": study.coders(),
        "memos": study.memos(),
        "summary": study.summary(),
        "log": [(e.at, e.actor, e.action, e.target) for e in study.log()],
    }


@pytest.fixture
def plain(tmp_path: Path) -> Path:
    path = tmp_path / "study.thematic"
    with thematic.create(path, title="Tiny") as study:
        build_tiny(study)
        study.add_document("unique", f"P9: {UNIQUE}. ڈاکٹر صاحب نہیں آئے")
    return path


def _entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_encrypt_then_decrypt_keeps_every_row(plain: Path) -> None:
    with thematic.open(plain) as study:
        before = _snapshot(study)
    os.chmod(plain, 0o640)
    assert thematic.encrypt(plain, PASSPHRASE) == []
    raw = plain.read_bytes()
    assert b"SQLite format 3" not in raw and UNIQUE.encode() not in raw
    assert stat.S_IMODE(plain.stat().st_mode) == 0o640  # the permissions stay
    assert _entries(plain.parent) == ["study.thematic"]  # no copy left behind
    with pytest.raises(Invalid, match="is encrypted"):
        thematic.open(plain)
    with thematic.open(plain, passphrase=PASSPHRASE) as study:
        after = _snapshot(study)
        assert list(study.search("Quillfeather")["document"]) == ["unique"]
        assert list(study.search("ڈاکٹر")["document"]) == ["unique"]
        [event] = study.log(action="study.encrypt")
        assert event.target == "study.thematic"
        study.add_document("later", "Quillfeather again")  # the index still follows edits
        assert len(study.search("Quillfeather")) == 2
    assert after["log"][1:] == before["log"]  # the same history, and the event on top
    assert {k: v for k, v in after.items() if k != "log"} == {
        k: v for k, v in before.items() if k != "log"
    }

    thematic.decrypt(plain, PASSPHRASE)
    assert plain.read_bytes().startswith(b"SQLite format 3\x00")
    assert not thematic.is_encrypted(plain)
    with thematic.open(plain) as study:
        assert [e.action for e in study.log(limit=2)] == ["study.decrypt", "document.add"]
        assert len(study.search("Quillfeather")) == 2
        assert study.setting("title") == "Tiny"
    assert _entries(plain.parent) == ["study.thematic"]


def test_refusals_leave_the_file_as_it_was(plain: Path) -> None:
    with pytest.raises(Invalid, match="is not encrypted"):
        thematic.decrypt(plain, PASSPHRASE)
    with pytest.raises(Invalid, match="passphrase is empty"):
        thematic.encrypt(plain, "")
    thematic.encrypt(plain, PASSPHRASE)
    encrypted = _sha256(plain)
    with pytest.raises(Invalid, match="already encrypted"):
        thematic.encrypt(plain, "another one")
    with pytest.raises(Invalid, match="wrong passphrase"):
        thematic.decrypt(plain, "not it")
    assert _sha256(plain) == encrypted
    assert _entries(plain.parent) == ["study.thematic"]
    with pytest.raises(NotFound):
        thematic.encrypt(plain.with_name("missing.thematic"), PASSPHRASE)
    with pytest.raises(Invalid, match="encryption applies to study files; PostgreSQL"):
        thematic.encrypt("postgresql://nobody@127.0.0.1:1/none", PASSPHRASE)


def test_only_the_owner_may_convert(plain: Path) -> None:
    with thematic.open(plain) as study:
        study.add_coder("zara", role="viewer")
    before = _sha256(plain)
    with pytest.raises(Forbidden):
        thematic.encrypt(plain, PASSPHRASE, user="zara")
    assert _sha256(plain) == before


def test_a_failed_check_of_the_copy_removes_it(
    plain: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _sha256(plain)

    def differs(connection: object, schema: str = "main") -> dict[str, object]:
        return {"objects": [], "counts": {schema: 0}, "sequences": [], "revision": []}

    calls = iter([None, differs])
    real = store_encryption._fingerprint

    def fingerprint(connection: object, schema: str = "main") -> dict[str, object]:
        fake = next(calls)
        return real(connection, schema) if fake is None else fake(connection, schema)

    monkeypatch.setattr(store_encryption, "_fingerprint", fingerprint)
    with pytest.raises(Invalid, match="the converted copy differs from the study"):
        thematic.encrypt(plain, PASSPHRASE)
    assert _sha256(plain) == before
    assert _entries(plain.parent) == ["study.thematic"]


def test_a_failure_after_the_copy_leaves_the_original(
    plain: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _sha256(plain)

    def broken_replace(copy: Path, path: Path) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("thematic.study.encryption.replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        thematic.encrypt(plain, PASSPHRASE)
    assert _sha256(plain) == before
    assert _entries(plain.parent) == ["study.thematic"]
    with thematic.open(plain) as study:
        assert study.log(action="study.encrypt") == []


def test_plain_upgrade_backups_are_reported(plain: Path) -> None:
    backup = plain.with_name("study.thematic.bak-0005")
    backup.write_bytes(plain.read_bytes())
    assert thematic.encrypt(plain, PASSPHRASE) == [backup]
