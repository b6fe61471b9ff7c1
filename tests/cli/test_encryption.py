"""The CLI with encrypted studies: init --encrypt, encrypt, decrypt, the passphrase from
--passphrase, $THEMATIC_PASSPHRASE or a hidden prompt, and serve on an encrypted study."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from tests.cli_run import run, runner

import thematic
from thematic.cli import _common, app

PASSPHRASE = 'kunji: it\'s "ours" / چابی'
UNIQUE = "Marigoldwick said the phone signal dies after rain"


@pytest.fixture(autouse=True)
def _here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("THEMATIC_PASSPHRASE", raising=False)
    monkeypatch.delenv("THEMATIC_STUDY", raising=False)


def _interactive(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_common, "interactive", lambda: True)


def _fill(tmp_path: Path, *options: str) -> None:
    (tmp_path / "P01 interview.txt").write_text(f"P01: {UNIQUE}. ڈاکٹر صاحب", encoding="utf-8")
    run(*options, "participants", "add", "P01")
    run(*options, "documents", "import", "P01 interview.txt", "--participant", "P01")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_init_encrypted_with_the_environment_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("THEMATIC_PASSPHRASE", PASSPHRASE)
    run("init", "s.thematic", "--encrypt")
    _fill(tmp_path)
    assert thematic.is_encrypted(tmp_path / "s.thematic")
    assert UNIQUE.encode() not in (tmp_path / "s.thematic").read_bytes()
    assert "Marigoldwick" in run("query", "search", "Marigoldwick")
    monkeypatch.delenv("THEMATIC_PASSPHRASE")
    before = _sha256(tmp_path / "s.thematic")
    out = run("info", ok=False)
    assert "s.thematic is encrypted: give its passphrase" in out
    assert "Traceback" not in out and "hmac" not in out
    assert "wrong passphrase" in run("--passphrase", "guess", "info", ok=False)
    assert _sha256(tmp_path / "s.thematic") == before
    assert "Participants: 1" in run("--passphrase", PASSPHRASE, "info")


def test_init_encrypt_asks_twice_at_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _interactive(monkeypatch)
    typed = f"{PASSPHRASE}\ntypo\n{PASSPHRASE}\n{PASSPHRASE}\n"
    result = runner.invoke(app, ["init", "s.thematic", "--encrypt"], input=typed)
    assert result.exit_code == 0, result.output
    assert "do not match" in result.output
    assert PASSPHRASE not in result.output  # hidden input
    assert thematic.is_encrypted(tmp_path / "s.thematic")
    # Opening asks once, at a terminal.
    result = runner.invoke(app, ["info"], input=f"{PASSPHRASE}\n")
    assert result.exit_code == 0, result.output
    assert "Passphrase for " in result.output and "s.thematic:" in result.output


def test_encrypt_without_a_passphrase_off_a_terminal_is_refused(tmp_path: Path) -> None:
    out = run("init", "s.thematic", "--encrypt", ok=False)
    assert "give the new passphrase with --passphrase or THEMATIC_PASSPHRASE" in out
    assert not (tmp_path / "s.thematic").exists()


def test_encrypt_and_decrypt_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("init", "s.thematic", "--template", "telemedicine-barriers")
    _fill(tmp_path)
    before = run("info")
    assert "is not encrypted" in run("decrypt", ok=False)
    out = " ".join(run("--passphrase", PASSPHRASE, "encrypt").split())
    assert out.startswith("Encrypted ") and "Keep the passphrase safe" in out
    assert "may stay on the disk" in out
    assert thematic.is_encrypted(tmp_path / "s.thematic")
    assert UNIQUE.encode() not in (tmp_path / "s.thematic").read_bytes()
    assert "already encrypted" in run("--passphrase", PASSPHRASE, "encrypt", ok=False)
    monkeypatch.setenv("THEMATIC_PASSPHRASE", PASSPHRASE)
    assert run("info") == before
    assert "study.encrypt" in run("log", "--json")
    assert "Marigoldwick" in run("query", "search", "Marigoldwick")
    monkeypatch.delenv("THEMATIC_PASSPHRASE")
    assert "give its passphrase" in run("decrypt", ok=False)
    _interactive(monkeypatch)
    result = runner.invoke(app, ["decrypt"], input=f"{PASSPHRASE}\n")
    assert result.exit_code == 0, result.output
    assert not thematic.is_encrypted(tmp_path / "s.thematic")
    assert run("info") == before
    assert "study.decrypt" in run("log", "--json")


def test_encrypt_asks_for_the_new_passphrase_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("init", "s.thematic")
    _interactive(monkeypatch)
    result = runner.invoke(app, ["encrypt"], input=f"{PASSPHRASE}\n{PASSPHRASE}\n")
    assert result.exit_code == 0, result.output
    with thematic.open(tmp_path / "s.thematic", passphrase=PASSPHRASE) as study:
        assert [e.action for e in study.log(limit=1)] == ["study.encrypt"]


def test_the_environment_passphrase_is_ignored_for_plain_studies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("init", "plain.thematic")
    monkeypatch.setenv("THEMATIC_PASSPHRASE", PASSPHRASE)
    run("info")  # a passphrase left in the environment does not get in the way
    assert "is not encrypted" in run("--passphrase", PASSPHRASE, "info", ok=False)


def test_encryption_is_for_files_not_servers() -> None:
    out = run(
        "--study", "postgresql://nobody@127.0.0.1:1/none", "--passphrase", "x", "encrypt", ok=False
    )
    assert "encryption applies to study files; PostgreSQL" in out


def test_serve_an_encrypted_study(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    served: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: served.update(app=app))
    monkeypatch.setenv("THEMATIC_PASSPHRASE", PASSPHRASE)
    run("init", "s.thematic", "--encrypt", "--title", "Hidden")
    _fill(tmp_path)
    run("serve")
    study = served["app"].state.study
    try:
        assert study.setting("title") == "Hidden"
        assert [p.label for p in study.participants()] == ["P01"]
    finally:
        study.close()
    monkeypatch.delenv("THEMATIC_PASSPHRASE")
    assert "is encrypted: give its passphrase" in run("serve", "s.thematic", ok=False)


def test_demo_stays_plain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import thematic.demo

    monkeypatch.setenv("THEMATIC_PASSPHRASE", PASSPHRASE)
    made: list[Path] = []

    def small_demo(path: Path, seed: int = 0) -> thematic.Study:
        made.append(path)
        return thematic.create(path, title="demo")

    monkeypatch.setattr(thematic.demo, "build_demo", small_demo)
    run("demo")
    assert made and not thematic.is_encrypted(made[0])
