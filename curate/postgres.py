"""PostgreSQL for Label Studio: a local cluster curate runs itself, or an existing server's URL.

``curate up --postgres`` keeps a cluster under ``.curate/postgres/`` (Debian's ``postgresql``
server binaries): ``initdb`` on first use with a generated superuser password, then a
``postgres`` process listening on 127.0.0.1 only (no Unix socket), with password logins only.
PostgreSQL refuses to run as root, so under root the cluster belongs to, and runs as, the
system user ``curate-pg`` (created if missing), which must be able to reach the directory.
"""

import contextlib
import os
import pwd
import secrets
import shutil
import signal
import stat
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import psycopg
from psycopg import sql

from curate.errors import InputError, LabelStudioError
from curate.processes import ServerProcess

POSTGRES_DIR = Path(".curate") / "postgres"
#: Where Debian's ``postgresql`` package puts the server binaries, newest major version first.
DEBIAN_BINARIES = Path("/usr/lib/postgresql")
SUPERUSER = "curate"
DATABASE_NAME = "labelstudio"
#: The unprivileged user a cluster runs as when curate runs as root.
SERVICE_USER = "curate-pg"
LOOPBACK = "127.0.0.1"
#: libpq's variable for the password, which pg_dump and psql read too.
PASSWORD_VARIABLE = "PGPASSWORD"


@dataclass(frozen=True)
class Database:
    """Where Label Studio keeps its data in PostgreSQL (the password hidden from repr)."""

    host: str
    port: int
    name: str
    user: str
    password: str = field(repr=False)

    @property
    def url(self) -> str:
        """``postgresql://user@host:port/name``, without the password: fit for messages."""
        return f"postgresql://{self.user}@{self.host}:{self.port}/{self.name}"

    def label_studio_settings(self) -> dict[str, str]:
        """Label Studio 1.23's database settings (``core/settings/base.py``), unprefixed."""
        return {
            "DJANGO_DB": "default",
            "POSTGRE_NAME": self.name,
            "POSTGRE_USER": self.user,
            "POSTGRE_PASSWORD": self.password,
            "POSTGRE_HOST": self.host,
            "POSTGRE_PORT": str(self.port),
        }

    def connect(self, *, database: str | None = None) -> psycopg.Connection:
        """An autocommit connection to this database (or another one on the same server)."""
        try:
            return psycopg.connect(
                host=self.host,
                port=self.port,
                dbname=database or self.name,
                user=self.user,
                password=self.password,
                autocommit=True,
                connect_timeout=5,
            )
        except psycopg.OperationalError as error:
            raise LabelStudioError(
                f"cannot connect to PostgreSQL at {self.url}: {_first_line(error)}"
            ) from None

    def has_label_studio_tables(self) -> bool:
        """Whether Label Studio has created its tables here (later starts are quick)."""
        with self.connect() as connection:
            found = connection.execute("SELECT to_regclass('public.django_migrations')")
            return found.fetchone() != (None,)

    def create(self, *, template: str | None = None) -> None:
        """Create this database (empty, or as a copy of ``template``) unless it exists."""
        with self.connect(database="postgres") as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", (self.name,)
            ).fetchone()
            if exists:
                return
            statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.name))
            if template is not None:
                statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
            connection.execute(statement)


def database_from_url(url: str, *, password: str | None) -> Database:
    """The database at ``postgresql://user[:password]@host[:port]/name``; a password in the URL
    wins over ``password`` (from $PGPASSWORD or the credentials file)."""
    parts = urlsplit(url)
    shown = f"{parts.scheme}://{parts.hostname or ''}{parts.path}"
    if parts.scheme not in ("postgresql", "postgres") or not parts.hostname:
        raise InputError(
            f"--database-url must look like postgresql://user@host:5432/name, not {shown!r}"
        )
    name = unquote(parts.path.lstrip("/")) or DATABASE_NAME
    password = unquote(parts.password) if parts.password else password
    if not password:
        raise InputError(
            f"no password for PostgreSQL at {shown}: set {PASSWORD_VARIABLE}, "
            "or add postgres_password to .curate/credentials.json"
        )
    try:
        port = parts.port or 5432
    except ValueError:
        raise InputError(f"--database-url {shown!r} has a port that is not a number") from None
    return Database(
        host=parts.hostname,
        port=port,
        name=name,
        user=unquote(parts.username or "postgres"),
        password=password,
    )


def generate_password() -> str:
    return secrets.token_urlsafe(24)


# ---- a cluster of our own ------------------------------------------------------------------


class PostgresCluster(ServerProcess):
    """A running ``postgres`` process on a cluster directory; a context manager.

    Stopped by a fast shutdown (SIGINT: open transactions rolled back, a checkpoint), then
    an immediate one (SIGQUIT), then SIGKILL.
    """

    STOP_SIGNALS = ((signal.SIGINT, 30.0), (signal.SIGQUIT, 5.0))

    def __init__(
        self, process: subprocess.Popen[bytes], *, database: Database, log_path: Path
    ) -> None:
        super().__init__(process)
        self.database = database
        self.log_path = log_path


def start_cluster(
    directory: Path,
    *,
    password: str,
    port: int,
    database_name: str = DATABASE_NAME,
    timeout: float = 60.0,
) -> PostgresCluster:
    """Start PostgreSQL on ``directory`` (``directory/data`` the cluster, ``postgres.log`` its
    log), running ``initdb`` first if there is no cluster yet; create ``database_name`` if it
    is missing; return once it accepts logins.

    ``password`` is the superuser's: set by ``initdb``, so a later start must give the same.
    """
    binaries = server_binaries()
    directory = directory.resolve()
    data = directory / "data"
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    owner = _service_user()
    if owner is not None:
        _let_reach(directory, owner)
    if not (data / "PG_VERSION").exists():
        _initdb(binaries / "initdb", data, password=password, owner=owner)
    log_path = directory / "postgres.log"
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            [
                str(binaries / "postgres"),
                *("-D", str(data), "-p", str(port)),
                *("-c", f"listen_addresses={LOOPBACK}", "-c", "unix_socket_directories="),
            ],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=data,
            start_new_session=True,
            **_run_as(owner),
        )
    database = Database(
        host=LOOPBACK, port=port, name=database_name, user=SUPERUSER, password=password
    )
    cluster = PostgresCluster(process, database=database, log_path=log_path)
    try:
        _wait_until_ready(cluster, process, timeout=timeout)
        database.create()
    except BaseException:
        cluster.stop()
        raise
    return cluster


def has_cluster(directory: Path) -> bool:
    """Whether ``directory`` already holds a cluster made by :func:`start_cluster`."""
    return (directory / "data" / "PG_VERSION").exists()


def copy_cluster(source: Path, target: Path) -> None:
    """Copy a stopped cluster directory (see :func:`start_cluster`) to ``target``, which must
    not exist, owned by the user it runs as."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("postgres.log", "postmaster.*"))
    owner = _service_user()
    if owner is not None:
        for path in [target / "data", *(target / "data").rglob("*")]:
            os.lchown(path, owner.pw_uid, owner.pw_gid)


def server_binaries() -> Path:
    """The directory of ``initdb`` and ``postgres``: Debian's newest, else the ones on PATH."""
    versions = sorted(
        (path for path in DEBIAN_BINARIES.glob("*/bin") if (path / "postgres").exists()),
        key=lambda path: int(path.parent.name) if path.parent.name.isdigit() else 0,
    )
    if versions:
        return versions[-1]
    found = shutil.which("postgres") or shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    raise LabelStudioError(
        "no PostgreSQL server binaries (initdb, postgres) found: install Debian's package "
        "(`apt-get install postgresql`), or give an existing server with --database-url"
    )


def _initdb(initdb: Path, data: Path, *, password: str, owner: pwd.struct_passwd | None) -> None:
    data.mkdir(mode=0o700, exist_ok=True)
    # initdb reads the password from a file: one only its owner can read, removed at once.
    password_file = data.parent / ".initdb-password"
    password_file.unlink(missing_ok=True)
    password_file.touch(mode=0o600)
    password_file.write_text(password, encoding="utf-8")
    if owner is not None:
        for path in (data, password_file):
            os.chown(path, owner.pw_uid, owner.pw_gid)
    try:
        result = subprocess.run(
            [
                str(initdb),
                *("-D", str(data), "-U", SUPERUSER, f"--pwfile={password_file}"),
                *("--auth-host=scram-sha-256", "--auth-local=scram-sha-256"),
                *("--encoding=UTF8", "--locale=C.UTF-8"),
            ],
            capture_output=True,
            cwd=data,
            check=False,
            **_run_as(owner),
        )
    finally:
        password_file.unlink(missing_ok=True)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).decode(errors="replace").strip().splitlines()
        raise LabelStudioError(
            f"initdb of {data} failed ({detail[-1] if detail else f'exit {result.returncode}'}): "
            f"remove {data} and retry"
        )


def _service_user() -> pwd.struct_passwd | None:
    """Under root, the unprivileged user the cluster runs as (created if missing); else None."""
    if os.geteuid() != 0:
        return None
    with contextlib.suppress(KeyError):
        return pwd.getpwnam(SERVICE_USER)
    result = subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVICE_USER],
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        raise LabelStudioError(
            f"PostgreSQL refuses to run as root and `useradd {SERVICE_USER}` failed "
            f"({result.stderr.decode(errors='replace').strip()}): run curate as another user"
        )
    return pwd.getpwnam(SERVICE_USER)


def _let_reach(directory: Path, owner: pwd.struct_passwd) -> None:
    """Let ``owner`` reach ``directory``: curate's own ``.curate`` dir gets o+x (no listing,
    and its files stay 0600); any other ancestor it cannot pass is an error."""
    for ancestor in [directory, *directory.parents]:
        mode = ancestor.stat().st_mode
        if mode & stat.S_IXOTH or ancestor.stat().st_uid == owner.pw_uid:
            continue
        if ancestor.name in (".curate", directory.name):
            ancestor.chmod(stat.S_IMODE(mode) | stat.S_IXOTH)
            continue
        raise LabelStudioError(
            f"PostgreSQL runs as user {SERVICE_USER} under root, and it cannot enter {ancestor}: "
            f"run `chmod o+x {ancestor}`, or run curate as an ordinary user"
        )


def _run_as(owner: pwd.struct_passwd | None) -> dict[str, object]:
    if owner is None:
        return {}
    return {"user": owner.pw_uid, "group": owner.pw_gid, "extra_groups": []}


def _wait_until_ready(
    cluster: PostgresCluster, process: subprocess.Popen[bytes], *, timeout: float
) -> None:
    database = cluster.database
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise LabelStudioError(
                f"PostgreSQL exited with code {process.returncode} while starting "
                f"(port {database.port} in use, or a postgres still running?): "
                f"see {cluster.log_path}"
            )
        try:
            with psycopg.connect(
                host=database.host,
                port=database.port,
                dbname="postgres",
                user=database.user,
                password=database.password,
                connect_timeout=2,
            ):
                return
        except psycopg.OperationalError as error:
            if "password authentication failed" in str(error):
                raise LabelStudioError(
                    f"PostgreSQL at {database.url} refused curate's password: the cluster in "
                    f"{cluster.log_path.parent} was made with another; restore the "
                    "credentials file it was made with, or move that directory away"
                ) from None
        time.sleep(0.2)
    raise LabelStudioError(
        f"PostgreSQL did not accept logins at {database.url} within {timeout:.0f} s: "
        f"see {cluster.log_path}"
    )


def _first_line(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
