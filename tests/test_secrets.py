"""The API key never leaves the 0600 credentials file: not on stdout, stderr, or in any file.

Every command runs in an empty directory with a known fake key in ``LABEL_STUDIO_API_KEY``;
the commands that talk to Label Studio run again with the test server's real key, and
``curate up`` runs briefly on a copy of the test server's data. Afterwards neither key is in
any output or any file under the directory, except the credentials file (mode 0600) and
Label Studio's own database. A credentials file that others may read is refused.
"""

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from curate.cli import app
from curate.credentials import KEY_VARIABLE, URL_VARIABLE, write_credentials_file
from curate.label_config import LABEL_CONFIG_PATH
from curate.server import copy_data_dir, free_port

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EXPORT = ROOT / "tests" / "data" / "lsexport" / "three_annotators.json"
CURATE = Path(sys.executable).with_name("curate")
FAKE_KEY = "curate-secrets-fake-key-5f3c9a0e7d21b4c68e"
CREDENTIALS = Path(".curate") / "credentials.json"
#: Label Studio's own files: its database keeps the token it checks keys against.
LABEL_STUDIO_FILES = ("label_studio.sqlite3",)
runner = CliRunner()

OFFLINE_COMMANDS = [
    ["ingest", str(SEEDS), "-o", "corpus.jsonl"],
    ["annotate", str(SEEDS), "-o", "spans.jsonl", "--silent"],
    ["tasks", "corpus.jsonl", "-o", "tasks.json"],
    ["config"],
    ["config", "--check", str(LABEL_CONFIG_PATH)],
    ["agreement", str(EXPORT), "--json", "--html", "agreement.html"],
    ["export", str(EXPORT), "-o", "exports", "--silent"],
]


def server_commands(title: str) -> list[list[str]]:
    return [
        ["push", str(SEEDS), "--project", title, "--silent"],
        ["pull", "--project", title, "-o", "snapshots"],
        ["status", "--project", title],
    ]


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in (URL_VARIABLE, KEY_VARIABLE):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def written_files(directory: Path) -> Iterator[Path]:
    """Every file under ``directory``, not following symbolic links."""
    for folder, _, names in os.walk(directory):
        for name in names:
            path = Path(folder) / name
            if not path.is_symlink():
                yield path


def files_holding(directory: Path, secret: str) -> list[Path]:
    return [
        path.relative_to(directory)
        for path in written_files(directory)
        if secret.encode() in path.read_bytes()
    ]


def run(arguments: list[str], environment: dict[str, str]) -> Result:
    result = runner.invoke(app, arguments, env=environment)
    assert result.exception is None or isinstance(result.exception, SystemExit), arguments
    return result


def test_no_command_shows_or_writes_the_key(
    label_studio, project_title: str, workspace: Path
) -> None:
    fake = {URL_VARIABLE: label_studio.url, KEY_VARIABLE: FAKE_KEY}
    real = label_studio.environment()
    with_fake = [(arguments, run(arguments, fake)) for arguments in OFFLINE_COMMANDS]
    refused = [(arguments, run(arguments, fake)) for arguments in server_commands(project_title)]
    accepted = [(arguments, run(arguments, real)) for arguments in server_commands(project_title)]
    (snapshot,) = (workspace / "snapshots").iterdir()
    pulled = [
        (arguments, run(arguments, real))
        for arguments in (
            ["agreement", str(snapshot), "--html", "pulled.html"],
            ["export", str(snapshot), "-o", "pulled-exports", "--silent"],
        )
    ]

    assert [result.exit_code for _, result in with_fake + accepted] == [0] * 10
    assert [result.exit_code for _, result in refused] == [1, 1, 1]
    assert all("refused the API key (HTTP 401)" in result.stderr for _, result in refused)
    # A snapshot without annotations: agreement shows dashes, export has nothing to export.
    assert [result.exit_code for _, result in pulled] == [0, 1]
    for arguments, result in with_fake + refused + accepted + pulled:
        for secret in (FAKE_KEY, label_studio.api_key):
            assert secret not in result.stdout + result.stderr, arguments
    assert files_holding(workspace, FAKE_KEY) == []
    assert files_holding(workspace, label_studio.api_key) == []
    assert len(list(written_files(workspace))) >= 10


def test_up_keeps_the_key_in_the_0600_credentials_file_only(label_studio, workspace: Path) -> None:
    data = workspace / ".curate"
    copy_data_dir(label_studio.template, data / "labelstudio")
    (data / "pycache").symlink_to(label_studio.bytecode_cache)
    admin = label_studio.admin
    write_credentials_file(
        workspace / CREDENTIALS,
        {"url": "", "api_key": admin.token, "email": admin.email, "password": admin.password},
    )
    environment = {**os.environ, KEY_VARIABLE: FAKE_KEY}
    port = free_port()

    up = subprocess.run(
        [str(CURATE), "up", "--seeds", str(SEEDS), "--port", str(port), "--no-wait", "--silent"],
        cwd=workspace,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )

    assert up.returncode == 0, up.stderr
    assert f"http://127.0.0.1:{port}" in up.stdout
    for secret in (FAKE_KEY, admin.token, admin.password):
        assert secret not in up.stdout + up.stderr
    assert files_holding(workspace, FAKE_KEY) == []
    holding = files_holding(workspace, admin.token)
    assert [path for path in holding if path.name not in LABEL_STUDIO_FILES] == [CREDENTIALS]
    assert stat.S_IMODE((workspace / CREDENTIALS).stat().st_mode) == 0o600


@pytest.mark.parametrize("mode", [0o644, 0o640])
@pytest.mark.parametrize(
    "command",
    [["status"], ["pull"], ["push", str(SEEDS), "--silent"], ["up", "--seeds", str(SEEDS)]],
)
def test_a_credentials_file_others_can_read_is_refused(
    workspace: Path, command: list[str], mode: int
) -> None:
    write_credentials_file(
        workspace / CREDENTIALS, {"url": "http://127.0.0.1:9", "api_key": FAKE_KEY}
    )
    (workspace / CREDENTIALS).chmod(mode)

    result = run(command, {})

    assert result.exit_code == 1
    assert result.stdout == ""
    # (`up` on a directory without a database says first that it will create one.)
    assert result.stderr.splitlines()[-1] == (
        f"Error: {CREDENTIALS} can be read by other users (mode {mode:04o}): "
        f"run `chmod 600 {CREDENTIALS}`, since it holds an API key"
    )
    assert sum(line.startswith("Error: ") for line in result.stderr.splitlines()) == 1
    assert FAKE_KEY not in result.stderr
