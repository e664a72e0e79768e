"""Credentials, the Label Studio server's environment, and ``curate up`` on a real server."""

import json
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from curate.cli import app
from curate.client import connect
from curate.credentials import (
    Credentials,
    load_credentials,
    read_credentials_file,
    write_credentials_file,
)
from curate.errors import InputError, LabelStudioError
from curate.label_config import DEFAULT_PROJECT
from curate.postgres import copy_cluster
from curate.server import (
    PREDICTION_VALIDATION_FLAG,
    AdminAccount,
    copy_data_dir,
    embedded_admin,
    free_port,
    port_in_use,
    server_environment,
    start_server,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CURATE = Path(sys.executable).with_name("curate")
runner = CliRunner()


# ---- credentials -------------------------------------------------------------------------


def test_credentials_file_is_written_for_its_owner_only(tmp_path: Path) -> None:
    path = tmp_path / ".curate" / "credentials.json"

    write_credentials_file(path, {"url": "http://127.0.0.1:8080", "api_key": "k" * 40})

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert read_credentials_file(path) == {"url": "http://127.0.0.1:8080", "api_key": "k" * 40}
    assert sorted(p.name for p in path.parent.iterdir()) == ["credentials.json"]


def test_credentials_file_readable_by_others_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "credentials.json"
    write_credentials_file(path, {"url": "http://x", "api_key": "secret-key"})
    path.chmod(0o644)

    with pytest.raises(InputError) as raised:
        load_credentials(path=path, environ={})

    assert str(raised.value) == (
        f"{path} can be read by other users (mode 0644): run `chmod 600 {path}`, "
        "since it holds an API key"
    )


def test_environment_wins_over_the_file_and_the_url_option_over_both(tmp_path: Path) -> None:
    path = tmp_path / "credentials.json"
    write_credentials_file(path, {"url": "http://file:1/", "api_key": "file-key"})

    from_file = load_credentials(path=path, environ={})
    from_env = load_credentials(
        path=path, environ={"LABEL_STUDIO_URL": "http://env:2", "LABEL_STUDIO_API_KEY": "env-key"}
    )
    from_option = load_credentials(url="http://option:3", path=path, environ={})

    assert from_file == Credentials("http://file:1", "file-key")
    assert from_env == Credentials("http://env:2", "env-key")
    assert from_option == Credentials("http://option:3", "file-key")


def test_missing_key_is_named_and_secrets_stay_out_of_reprs(tmp_path: Path) -> None:
    with pytest.raises(LabelStudioError, match=r"^no API key for Label Studio at http://x: set"):
        load_credentials(path=tmp_path / "absent.json", environ={"LABEL_STUDIO_URL": "http://x"})

    admin = AdminAccount.generate()
    assert admin.password not in repr(admin) and admin.token not in repr(admin)
    assert "hidden-key" not in repr(Credentials("http://x", "hidden-key"))
    assert len(admin.token) == 40 and admin.token != AdminAccount.generate().token


def test_malformed_credentials_file_does_not_echo_its_content(tmp_path: Path) -> None:
    path = tmp_path / "credentials.json"
    path.write_text('{"api_key": "leaked-secret", ')
    path.chmod(0o600)

    with pytest.raises(InputError) as raised:
        read_credentials_file(path)

    assert "leaked-secret" not in str(raised.value)
    assert str(raised.value).startswith(f"{path} is not a JSON object of strings")


# ---- the server's environment ------------------------------------------------------------


def test_server_environment_sets_prefixed_settings_and_drops_inherited_ones(
    tmp_path: Path,
) -> None:
    admin = AdminAccount.generate()
    base = {
        "PATH": "/usr/bin",
        "USERNAME": "bob",
        "PASSWORD": "bobs-password",
        "LABEL_STUDIO_API_KEY": "remote-key",
        "LABEL_STUDIO_HOST": "https://elsewhere",
        "PYTHONDONTWRITEBYTECODE": "1",
    }

    environment = server_environment(
        tmp_path / "data", admin=admin, base=base, bytecode_cache=tmp_path / "pyc"
    )

    assert environment["PATH"] == "/usr/bin"
    assert environment["LABEL_STUDIO_USERNAME"] == admin.email
    assert environment["LABEL_STUDIO_PASSWORD"] == admin.password
    assert environment["LABEL_STUDIO_USER_TOKEN"] == admin.token
    assert environment["LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN"] == "true"
    assert environment["LABEL_STUDIO_HOST"] == ""
    assert environment["LABEL_STUDIO_BASE_DATA_DIR"] == str((tmp_path / "data").resolve())
    assert environment[f"LABEL_STUDIO_{PREDICTION_VALIDATION_FLAG}"] == "true"
    for name in ("LATEST_VERSION_CHECK", "COLLECT_ANALYTICS"):
        assert environment[f"LABEL_STUDIO_{name}"] == "false"
    for name in ("SENTRY_DSN", "FRONTEND_SENTRY_DSN"):
        assert environment[f"LABEL_STUDIO_{name}"] == ""
    assert "LABEL_STUDIO_API_KEY" not in environment
    assert "LABEL_STUDIO_ML_BLOCK_LOCAL_IP" not in environment
    assert "PYTHONDONTWRITEBYTECODE" not in environment
    assert environment["PYTHONPYCACHEPREFIX"] == str((tmp_path / "pyc").resolve())


def test_loopback_ml_backends_turn_off_the_local_ip_block(tmp_path: Path) -> None:
    environment = server_environment(
        tmp_path, admin=AdminAccount.generate(), base={}, loopback_ml_backends=True
    )

    assert environment["LABEL_STUDIO_ML_BLOCK_LOCAL_IP"] == "false"
    assert environment["LABEL_STUDIO_SSRF_PROTECTION_ENABLED"] == "false"


def test_a_database_without_its_admin_login_is_refused(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "label_studio.sqlite3").touch()

    with pytest.raises(LabelStudioError, match="holds a Label Studio database but"):
        embedded_admin(data_dir=tmp_path / "data", credentials_path=tmp_path / "absent.json")

    fresh = embedded_admin(data_dir=tmp_path / "new", credentials_path=tmp_path / "absent.json")
    assert fresh.email and fresh.password and fresh.token


# ---- a real server -----------------------------------------------------------------------


@pytest.mark.server
def test_a_busy_port_is_one_clear_error(label_studio, tmp_path: Path) -> None:
    with pytest.raises(LabelStudioError, match=f"^port {label_studio.server.port} on 127.0.0.1"):
        start_server(tmp_path, admin=label_studio.admin, port=label_studio.server.port)


def _project_dir(label_studio, directory: Path) -> tuple[Path, list[str]]:
    """A project directory whose .curate/ holds a copy of the template server and its login,
    and the options of `curate up` for the session's database: on PostgreSQL, .curate/postgres
    is a copy of the template cluster (what a first `curate up --postgres` leaves)."""
    workspace = directory / ".curate"
    copy_data_dir(label_studio.template, workspace / "labelstudio")
    (workspace / "pycache").symlink_to(label_studio.bytecode_cache)
    admin = label_studio.admin
    fields = {"url": "", "api_key": admin.token, "email": admin.email, "password": admin.password}
    options = []
    if label_studio.postgres_template is not None:
        copy_cluster(label_studio.postgres_template, workspace / "postgres")
        fields["postgres_password"] = label_studio.cluster.database.password
        options = ["--postgres"]
    write_credentials_file(workspace / "credentials.json", fields)
    return directory, options


def _lines_until_serving(serving: subprocess.Popen[str]) -> list[str]:
    assert serving.stdout is not None
    lines = [serving.stdout.readline()]
    while lines[-1] not in ("Serving until Ctrl-C.\n", ""):
        lines.append(serving.stdout.readline())
    return lines


def _postgres_port(lines: list[str]) -> int | None:
    """The port of the PostgreSQL `curate up` reports, None if it reports none."""
    found = [line for line in lines if line.startswith("PostgreSQL: ")]
    return int(found[0].rsplit(":", 1)[1].split("/")[0]) if found else None


@pytest.mark.server
def test_up_pushes_the_seeds_reuses_its_data_and_stops_on_ctrl_c(
    label_studio, reachable_tmp_path: Path
) -> None:
    directory, options = _project_dir(label_studio, reachable_tmp_path)
    port = free_port()
    command = [str(CURATE), "up", "--seeds", str(SEEDS), "--port", str(port), "--silent", *options]
    environment = {k: v for k, v in os.environ.items() if not k.startswith("LABEL_STUDIO_")}

    first = subprocess.run(
        [*command, "--no-wait"], cwd=directory, env=environment, capture_output=True, text=True
    )

    assert first.returncode == 0, first.stderr
    url = f"http://127.0.0.1:{port}"
    first_lines = first.stdout.splitlines()
    postgres_port = _postgres_port(first_lines)
    assert first_lines == [
        f"5 imported, 0 already there -> project {DEFAULT_PROJECT!r} (id 1) at {url}: 5 tasks",
        f"Label Studio: {url} — log in as {label_studio.admin.email}, "
        "password in .curate/credentials.json",
        *(
            [f"PostgreSQL: postgresql://curate@127.0.0.1:{postgres_port}/labelstudio"]
            if options
            else []
        ),
    ]
    assert (postgres_port is not None) == bool(options)
    for secret in (label_studio.admin.password, label_studio.admin.token):
        assert secret not in first.stdout + first.stderr
    stored = read_credentials_file(directory / ".curate" / "credentials.json")
    assert stored["url"] == url
    assert not port_in_use(port)

    serving = subprocess.Popen(
        command, cwd=directory, env=environment, stdout=subprocess.PIPE, text=True
    )
    lines = _lines_until_serving(serving)
    client = connect(load_credentials(path=directory / ".curate" / "credentials.json", environ={}))
    tasks = client.stored_tasks(client.project(DEFAULT_PROJECT).id)
    postgres_port = _postgres_port(lines)
    serving.send_signal(signal.SIGINT)
    code = serving.wait(timeout=60)

    assert lines[0].startswith("0 imported, 5 already there")
    assert lines[-1] == "Serving until Ctrl-C.\n"
    assert len(tasks) == 5 and len({task.article_id for task in tasks}) == 5
    assert code == 0
    assert not port_in_use(port)
    if options:  # the second run reused the cluster, and Ctrl-C stopped it too
        assert postgres_port is not None and not port_in_use(postgres_port)


@pytest.mark.server
@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGHUP])
def test_up_killed_by_a_signal_stops_its_label_studio(
    label_studio, reachable_tmp_path: Path, stop_signal: signal.Signals
) -> None:
    directory, options = _project_dir(label_studio, reachable_tmp_path)
    port = free_port()
    command = [str(CURATE), "up", "--seeds", str(SEEDS), "--port", str(port), "--silent", *options]
    environment = {k: v for k, v in os.environ.items() if not k.startswith("LABEL_STUDIO_")}
    serving = subprocess.Popen(
        command, cwd=directory, env=environment, stdout=subprocess.PIPE, text=True
    )
    lines = _lines_until_serving(serving)
    postgres_port = _postgres_port(lines)
    assert lines[-1] == "Serving until Ctrl-C.\n" and port_in_use(port)

    serving.send_signal(stop_signal)

    # 0 when the signal ends the wait, 130 (aborted) when it lands just before: both stop.
    assert serving.wait(timeout=60) in (0, 130)
    assert not port_in_use(port)  # no Label Studio left behind
    assert postgres_port is None or not port_in_use(postgres_port)  # nor PostgreSQL


@pytest.mark.server
def test_up_on_a_busy_port_is_one_error_line(
    label_studio, reachable_tmp_path: Path, monkeypatch
) -> None:
    directory, options = _project_dir(label_studio, reachable_tmp_path)
    monkeypatch.chdir(directory)

    result = runner.invoke(
        app, ["up", "--seeds", str(SEEDS), "--port", str(label_studio.server.port), *options]
    )

    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: port {label_studio.server.port} on 127.0.0.1 is in use (an earlier `curate up` "
        "still running?): stop what uses it, or choose another port with --port"
    ]
    assert json.loads((directory / ".curate" / "credentials.json").read_text())["url"] == ""
