"""``curate --version``: curate's, the rules' and Label Studio's versions, never a failure."""

from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from curate import __version__
from curate.cli import app
from curate.credentials import KEY_VARIABLE, URL_VARIABLE
from curate.rules.extractor import MODEL_VERSION
from curate.versions import versions

runner = CliRunner()


def test_version_without_a_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no .curate/credentials.json here
    monkeypatch.delenv(URL_VARIABLE, raising=False)
    monkeypatch.delenv(KEY_VARIABLE, raising=False)
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"curate {__version__}",
        f"rules model version {MODEL_VERSION}",
        f"label-studio package {version('label-studio')}",
        "Label Studio server: none configured (curate up, or LABEL_STUDIO_URL)",
    ]


def test_version_names_the_learned_entries_of_this_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(URL_VARIABLE, raising=False)
    (tmp_path / "learned").mkdir()
    (tmp_path / "learned" / "entries.txt").write_text("ORG\tЖасыл Қала\n", encoding="utf-8")
    first = runner.invoke(app, ["--version"]).stdout.splitlines()[1]
    (tmp_path / "learned" / "entries.txt").write_text("ORG\tКөк Қала\n", encoding="utf-8")
    second = runner.invoke(app, ["--version"]).stdout.splitlines()[1]

    assert first.startswith(f"rules model version {MODEL_VERSION}+learned-")
    assert second.startswith(f"rules model version {MODEL_VERSION}+learned-") and second != first


def test_version_with_a_server_that_does_not_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(URL_VARIABLE, "http://127.0.0.1:9")
    monkeypatch.setenv(KEY_VARIABLE, "not-a-real-key-4711")
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == (
        "Label Studio server http://127.0.0.1:9: not reachable (ConnectError)"
    )
    assert "4711" not in result.output


def test_version_with_an_unusable_credentials_file(tmp_path: Path) -> None:
    credentials = tmp_path / "credentials.json"
    credentials.write_text('{"url": "http://127.0.0.1:9", "api_key": "k"}', encoding="utf-8")
    credentials.chmod(0o644)
    found = versions(credentials_path=credentials, environ={})
    assert found.server_url is None and found.server_release is None
    assert "can be read by other users" in (found.server_problem or "")


@pytest.mark.server
def test_version_of_the_configured_server(label_studio: Any, tmp_path: Path) -> None:
    found = versions(credentials_path=tmp_path / "none.json", environ=label_studio.environment())
    assert found.server_problem is None
    assert found.server_url == label_studio.url
    assert found.server_release == version("label-studio") == found.label_studio_package
