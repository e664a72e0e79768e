"""PostgreSQL: database URLs, curate's own cluster, and `curate up --database-url`."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from conftest import skip_without_postgres
from typer.testing import CliRunner

from curate.cli import app
from curate.credentials import read_credentials_file, write_credentials_file
from curate.errors import InputError, LabelStudioError
from curate.label_config import DEFAULT_PROJECT
from curate.postgres import Database, database_from_url, has_cluster, start_cluster
from curate.server import AdminAccount, copy_data_dir, free_port, port_in_use, server_environment
from curate.up import embedded_postgres_password, existing_database_password

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CURATE = Path(sys.executable).with_name("curate")
runner = CliRunner()


# ---- URLs and settings ---------------------------------------------------------------------


def test_a_database_url_names_the_server_and_keeps_the_password_out_of_sight() -> None:
    database = database_from_url("postgresql://team@db.example.org:6543/ner", password="s3cret")

    assert (database.host, database.port, database.name, database.user) == (
        "db.example.org",
        6543,
        "ner",
        "team",
    )
    assert database.password == "s3cret"
    assert "s3cret" not in repr(database) + database.url
    assert database.url == "postgresql://team@db.example.org:6543/ner"


def test_a_password_in_the_url_wins_and_defaults_fill_the_rest() -> None:
    database = database_from_url("postgres://u:in%40url@localhost", password="other")

    assert (database.password, database.port, database.name) == ("in@url", 5432, "labelstudio")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://u@h/x", "--database-url must look like postgresql://user@host:5432/name"),
        ("postgresql:///x", "--database-url must look like postgresql://user@host:5432/name"),
        ("postgresql://u@h/x", "no password for PostgreSQL at postgresql://h/x: set PGPASSWORD"),
    ],
)
def test_a_bad_database_url_is_one_clear_error(url: str, message: str) -> None:
    with pytest.raises(InputError, match=f"^{message}"):
        database_from_url(url, password=None)


def test_the_password_comes_from_pgpassword_then_the_credentials_file(tmp_path: Path) -> None:
    path = tmp_path / "credentials.json"
    write_credentials_file(path, {"url": "", "postgres_password": "from-file"})

    assert existing_database_password(credentials_path=path, environ={}) == "from-file"
    assert existing_database_password(credentials_path=path, environ={"PGPASSWORD": "env"}) == (
        "env"
    )
    assert existing_database_password(credentials_path=tmp_path / "none", environ={}) is None


def test_server_environment_on_postgresql_names_the_database_not_a_sqlite_file(
    tmp_path: Path,
) -> None:
    database = Database(host="127.0.0.1", port=5499, name="ls", user="curate", password="pw")

    environment = server_environment(
        tmp_path, admin=AdminAccount.generate(), database=database, base={"POSTGRE_HOST": "x"}
    )

    assert {
        name: environment[f"LABEL_STUDIO_{name}"]
        for name in ("DJANGO_DB", "POSTGRE_NAME", "POSTGRE_USER", "POSTGRE_HOST", "POSTGRE_PORT")
    } == {
        "DJANGO_DB": "default",
        "POSTGRE_NAME": "ls",
        "POSTGRE_USER": "curate",
        "POSTGRE_HOST": "127.0.0.1",
        "POSTGRE_PORT": "5499",
    }
    assert environment["LABEL_STUDIO_POSTGRE_PASSWORD"] == "pw"
    assert "LABEL_STUDIO_DATABASE_NAME" not in environment
    assert environment["LABEL_STUDIO_BASE_DATA_DIR"] == str(tmp_path.resolve())


# ---- the options of `curate up` ------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ["--workers", "2"],
            "several Label Studio web processes need PostgreSQL (SQLite serialises every "
            "write): add --postgres, or --database-url",
        ),
        (
            ["--postgres", "--database-url", "postgresql://u@h/x"],
            "--postgres starts a PostgreSQL of curate's own, --database-url uses another: "
            "give one of them",
        ),
        (["--postgres", "--workers", "0"], "--workers must be 1 or more, not 0"),
    ],
)
def test_up_refuses_option_combinations_before_starting_anything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, options: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)

    result = runner.invoke(app, ["up", "--seeds", str(SEEDS), *options])

    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"Error: {message}"]
    assert list(tmp_path.iterdir()) == []


def test_the_cluster_password_is_made_once_saved_0600_and_kept(tmp_path: Path) -> None:
    path = tmp_path / ".curate" / "credentials.json"
    write_credentials_file(path, {"url": "http://127.0.0.1:8080", "api_key": "k"})

    first = embedded_postgres_password(directory=tmp_path / "pg", credentials_path=path)
    second = embedded_postgres_password(directory=tmp_path / "pg", credentials_path=path)

    assert first == second and len(first) >= 24
    assert read_credentials_file(path) == {
        "url": "http://127.0.0.1:8080",
        "api_key": "k",
        "postgres_password": first,
    }
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_cluster_without_its_password_is_refused(tmp_path: Path) -> None:
    (tmp_path / "pg" / "data").mkdir(parents=True)
    (tmp_path / "pg" / "data" / "PG_VERSION").write_text("15\n")

    with pytest.raises(LabelStudioError, match=r"holds a PostgreSQL cluster but .* has no"):
        embedded_postgres_password(
            directory=tmp_path / "pg", credentials_path=tmp_path / "credentials.json"
        )


# ---- a real cluster ------------------------------------------------------------------------


@pytest.mark.server
def test_a_new_cluster_listens_on_loopback_only_needs_its_password_and_is_reused(
    reachable_tmp_path: Path,
) -> None:
    skip_without_postgres()
    directory = reachable_tmp_path / ".curate" / "postgres"
    port = free_port()

    with start_cluster(directory, password="first-password", port=port) as cluster:
        database = cluster.database
        with database.connect() as connection:
            settings = {
                name: connection.execute(f"SHOW {name}").fetchone()[0]
                for name in ("listen_addresses", "unix_socket_directories", "password_encryption")
            }
            connection.execute("CREATE TABLE kept (id int)")
        with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
            psycopg.connect(
                host="127.0.0.1", port=port, dbname="labelstudio", user="curate", password="x"
            )
    stopped = not port_in_use(port)
    with (
        start_cluster(directory, password="first-password", port=free_port()) as again,
        again.database.connect() as connection,
    ):
        kept = connection.execute("SELECT to_regclass('public.kept')").fetchone()[0]
    with pytest.raises(LabelStudioError, match="refused curate's password"):
        start_cluster(directory, password="another", port=free_port())

    assert has_cluster(directory)
    assert settings == {
        "listen_addresses": "127.0.0.1",
        "unix_socket_directories": "",
        "password_encryption": "scram-sha-256",
    }
    assert (database.name, database.user, database.host) == ("labelstudio", "curate", "127.0.0.1")
    assert stopped and kept == "kept"
    assert stat.S_IMODE((directory / "data").stat().st_mode) == 0o700


@pytest.mark.server
def test_up_with_a_database_url_uses_that_server_and_never_prints_its_password(
    label_studio, reachable_tmp_path: Path
) -> None:
    if label_studio.cluster is None:
        pytest.skip("needs the session's PostgreSQL")
    database = label_studio.fresh_database()
    workspace = reachable_tmp_path / ".curate"
    copy_data_dir(label_studio.template, workspace / "labelstudio")
    (workspace / "pycache").symlink_to(label_studio.bytecode_cache)
    admin = label_studio.admin
    write_credentials_file(
        workspace / "credentials.json",
        {"url": "", "api_key": admin.token, "email": admin.email, "password": admin.password},
    )
    (workspace / "labelstudio" / "label_studio.sqlite3").unlink()  # the data is elsewhere now
    port = free_port()
    environment = {k: v for k, v in os.environ.items() if not k.startswith("LABEL_STUDIO_")}

    up = subprocess.run(
        [
            *(str(CURATE), "up", "--seeds", str(SEEDS), "--port", str(port)),
            *("--database-url", database.url, "--no-wait", "--silent"),
        ],
        cwd=reachable_tmp_path,
        env={**environment, "PGPASSWORD": database.password},
        capture_output=True,
        text=True,
        timeout=600,
    )

    assert up.returncode == 0, up.stderr
    assert up.stdout.splitlines()[-1] == f"PostgreSQL: {database.url}"
    assert database.password not in up.stdout + up.stderr
    assert not (workspace / "labelstudio" / "label_studio.sqlite3").exists()
    with database.connect() as connection:
        titles = connection.execute("SELECT title FROM project").fetchall()
        tasks = connection.execute("SELECT count(*) FROM task").fetchone()[0]
    assert titles == [(DEFAULT_PROJECT,)] and tasks == 5
