"""A local Label Studio: its data dir, admin account, environment and server process.

Facts about Label Studio 1.23 this module relies on: ``LABEL_STUDIO_USERNAME``/``PASSWORD``/
``USER_TOKEN`` create the admin on the first start only; its API token works only when
``LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN`` is true while the organisation is created; settings
fall back to bare names (``USERNAME``, ``HOST``, ``DEBUG``), so every setting is given with
its prefix and inherited ``LABEL_STUDIO_*`` variables are dropped; a data dir made by
``label-studio init`` can be copied to start a fresh server without running the migrations.
Under ``PYTHONDONTWRITEBYTECODE`` every start recompiles ~3,500 modules (more than half the
start time), so the server keeps its bytecode in a cache dir of ours instead.

On SQLite the database is a file in the data dir; on PostgreSQL (a :class:`Database`) the data
dir keeps only the secret key and uploads, and several web processes can share both, which is
how a team's server scales (:func:`start_servers`).
"""

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from curate.credentials import (
    CREDENTIALS_PATH,
    Credentials,
    read_credentials_file,
    write_credentials_file,
)
from curate.errors import LabelStudioError
from curate.files import atomic_writer
from curate.postgres import Database, generate_password, start_cluster
from curate.processes import ServerProcess

#: The ``label-studio`` executable installed beside the running Python.
LABEL_STUDIO = Path(sys.executable).with_name("label-studio")
DATA_DIR = Path(".curate") / "labelstudio"
BYTECODE_CACHE = Path(".curate") / "pycache"
HOST = "127.0.0.1"
ADMIN_EMAIL = "admin@curate.local"
#: Makes the server reject invalid predictions with HTTP 400 instead of dropping them.
PREDICTION_VALIDATION_FLAG = "fflag_feat_utc_210_prediction_validation_15082025"


@dataclass(frozen=True)
class AdminAccount:
    """The server's admin: a login for the UI and an API token (both hidden from repr)."""

    email: str
    password: str = field(repr=False)
    token: str = field(repr=False)

    @classmethod
    def generate(cls, email: str = ADMIN_EMAIL) -> "AdminAccount":
        """A new account with a random password and a random 40-character token."""
        return cls(email=email, password=secrets.token_urlsafe(18), token=secrets.token_hex(20))


def server_environment(
    data_dir: Path,
    *,
    admin: AdminAccount,
    base: Mapping[str, str] = os.environ,
    database: Database | None = None,
    bytecode_cache: Path = BYTECODE_CACHE,
    loopback_ml_backends: bool = False,
) -> dict[str, str]:
    """The environment for a ``label-studio`` process serving ``data_dir`` with ``admin``, on
    SQLite in ``data_dir`` or on PostgreSQL's ``database``.

    Outbound calls (version check, analytics, Sentry) are off; ``loopback_ml_backends`` lets
    the server call an ML backend on 127.0.0.1 (SSRF protection off: loopback servers only).
    Its temporary files go to :func:`temporary_dir` (an export is built in one as large as
    the export: 2.2 GB at 100,000 tasks, too much for a /tmp held in memory).
    """
    data_dir = data_dir.resolve()
    environment = {
        name: value
        for name, value in base.items()
        if not name.startswith(("LABEL_STUDIO_", "HEARTEX_")) and name != "PYTHONDONTWRITEBYTECODE"
    }
    environment["PYTHONPYCACHEPREFIX"] = str(bytecode_cache.resolve())
    environment["TMPDIR"] = str(temporary_dir(data_dir))
    settings = {
        "BASE_DATA_DIR": str(data_dir),
        "DATABASE_NAME": str(data_dir / "label_studio.sqlite3"),
        "DJANGO_DB": "sqlite",
        "USERNAME": admin.email,
        "PASSWORD": admin.password,
        "USER_TOKEN": admin.token,
        "ENABLE_LEGACY_API_TOKEN": "true",
        "DISABLE_SIGNUP_WITHOUT_LINK": "true",
        "HOST": "",
        "DEBUG": "false",
        "LOG_LEVEL": "WARNING",
        "LATEST_VERSION_CHECK": "false",
        "COLLECT_ANALYTICS": "false",
        "SENTRY_DSN": "",
        "FRONTEND_SENTRY_DSN": "",
        PREDICTION_VALIDATION_FLAG: "true",
    }
    if database is not None:
        del settings["DATABASE_NAME"]
        settings |= database.label_studio_settings()
    if loopback_ml_backends:
        settings |= {"ML_BLOCK_LOCAL_IP": "false", "SSRF_PROTECTION_ENABLED": "false"}
    environment |= {f"LABEL_STUDIO_{name}": value for name, value in settings.items()}
    return environment


def temporary_dir(data_dir: Path) -> Path:
    """Where the Label Studio serving ``data_dir`` keeps its temporary files."""
    return data_dir / "tmp"


def _make_data_dir(data_dir: Path) -> None:
    """``data_dir`` and its :func:`temporary_dir`, private to this user, if not there yet."""
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary_dir(data_dir).mkdir(mode=0o700, exist_ok=True)


def initialise_data_dir(
    data_dir: Path,
    *,
    admin: AdminAccount,
    database: Database | None = None,
    bytecode_cache: Path = BYTECODE_CACHE,
    timeout: float = 600.0,
) -> None:
    """Create a Label Studio database with ``admin`` (``label-studio init``), in ``data_dir``
    or in PostgreSQL's ``database``.

    The result can be copied with :func:`copy_data_dir` to start fresh servers quickly.
    """
    _make_data_dir(data_dir)
    with (data_dir / "server.log").open("ab") as log:
        try:
            result = subprocess.run(
                [str(LABEL_STUDIO), "init", "--no-browser", "--quiet"],
                env=server_environment(
                    data_dir, admin=admin, database=database, bytecode_cache=bytecode_cache
                ),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise LabelStudioError(
                f"`label-studio init` took over {timeout:.0f} s: see {data_dir / 'server.log'}"
            ) from None
    if result.returncode != 0:
        raise LabelStudioError(
            f"`label-studio init` failed with exit code {result.returncode}: "
            f"see {data_dir / 'server.log'}"
        )


def cached_template(cache: Path, *, bytecode_cache: Path) -> tuple[Path, AdminAccount]:
    """An initialised data dir and its admin in ``cache``, made on first use, atomically.

    ``label-studio init`` takes a minute or two; a copy of its result (:func:`copy_data_dir`)
    starts a fresh server in seconds, so tests and benchmarks share one template.
    """
    template, account = cache / "template", cache / "admin.json"
    if not (template.is_dir() and account.is_file()):
        shutil.rmtree(template, ignore_errors=True)
        admin = AdminAccount.generate()
        building = cache / f"template-{os.getpid()}"
        shutil.rmtree(building, ignore_errors=True)
        initialise_data_dir(building, admin=admin, bytecode_cache=bytecode_cache)
        stored = {"email": admin.email, "password": admin.password, "token": admin.token}
        with atomic_writer(account, mode=0o600) as stream:
            json.dump(stored, stream)
        building.replace(template)
    return template, AdminAccount(**json.loads(account.read_text("utf-8")))


def cached_postgres_template(
    cache: Path, *, admin: AdminAccount, bytecode_cache: Path
) -> tuple[Path, str]:
    """A stopped PostgreSQL cluster in ``cache`` whose ``labelstudio`` database Label Studio
    has initialised with ``admin``, and its superuser password; made on first use, atomically.

    :func:`curate.postgres.copy_cluster` of it starts in seconds, and ``CREATE DATABASE …
    TEMPLATE labelstudio`` then gives each server a fresh database in a fraction of that.
    """
    template, secret = cache / "postgres-template", cache / "postgres.json"
    if not (template.is_dir() and secret.is_file()):
        shutil.rmtree(template, ignore_errors=True)
        password = generate_password()
        building = cache / f"postgres-template-{os.getpid()}"
        shutil.rmtree(building, ignore_errors=True)
        # Under root the cluster runs as another user, who can reach a /tmp dir but maybe
        # not the cache: build it there, then keep a copy.
        with tempfile.TemporaryDirectory(prefix="curate-pg-") as scratch:
            Path(scratch).chmod(0o711)
            cluster_dir = Path(scratch) / "cluster"
            with start_cluster(cluster_dir, password=password, port=free_port()) as cluster:
                initialise_data_dir(
                    Path(scratch) / "labelstudio",
                    admin=admin,
                    database=cluster.database,
                    bytecode_cache=bytecode_cache,
                )
            shutil.copytree(cluster_dir, building, symlinks=True)
        with atomic_writer(secret, mode=0o600) as stream:
            json.dump({"password": password}, stream)
        building.replace(template)
    return template, json.loads(secret.read_text("utf-8"))["password"]


def copy_data_dir(template: Path, target: Path) -> None:
    """Copy an initialised data dir (database, secret key) to ``target``, which must not exist."""
    shutil.copytree(template, target, ignore=shutil.ignore_patterns("server.log"))


class LabelStudioServer(ServerProcess):
    """A running ``label-studio start`` process bound to 127.0.0.1; a context manager.

    Stopped as Ctrl-C would, escalating to SIGTERM and SIGKILL if it hangs.
    """

    STOP_SIGNALS = ((signal.SIGINT, 20.0), (signal.SIGTERM, 5.0))

    def __init__(self, process: subprocess.Popen[bytes], *, port: int, log_path: Path) -> None:
        super().__init__(process)
        self.port = port
        self.log_path = log_path

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def wait(self) -> int:
        """Block until the server exits; return its exit code."""
        return self._process.wait()

    def exit_code(self) -> int | None:
        """The exit code once the server has stopped; None while it runs."""
        return self._process.poll()

    def serve_until_interrupted(self) -> None:
        """Block until Ctrl-C (see :func:`stop_signals_interrupt`); raise if the server dies."""
        serve_until_interrupted([self])


def serve_until_interrupted(
    servers: Sequence[LabelStudioServer], *, poll_interval: float = 0.5
) -> None:
    """Block until Ctrl-C (see :func:`stop_signals_interrupt`); raise if a server dies.

    Returns on KeyboardInterrupt, so that the caller's ``with`` blocks stop them cleanly.
    """
    try:
        while True:
            for server in servers:
                code = server.exit_code()
                if code is not None:
                    raise LabelStudioError(
                        f"Label Studio at {server.url} stopped by itself (exit code {code}): "
                        f"see {server.log_path}"
                    )
            time.sleep(poll_interval)
    except KeyboardInterrupt:
        return


@contextlib.contextmanager
def running(servers: Sequence[LabelStudioServer]) -> Iterator[Sequence[LabelStudioServer]]:
    """A block that stops every one of ``servers`` when it ends."""
    with contextlib.ExitStack() as stack:
        for server in servers:
            stack.enter_context(server)
        yield servers


@contextlib.contextmanager
def stop_signals_interrupt() -> Iterator[None]:
    """Within this block SIGTERM and SIGHUP raise KeyboardInterrupt, as Ctrl-C does.

    So ``kill`` or a closed terminal runs the same clean-up as Ctrl-C (a server's ``stop``)
    and never orphans Label Studio. SIGINT is restored too, in case it was ignored (a
    background job).
    """
    handled = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    previous = {sig: signal.signal(sig, _interrupt) for sig in handled}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def start_server(
    data_dir: Path,
    *,
    admin: AdminAccount,
    port: int,
    database: Database | None = None,
    bytecode_cache: Path = BYTECODE_CACHE,
    loopback_ml_backends: bool = False,
    timeout: float = 300.0,
    on_first_start: Callable[[], None] | None = None,
) -> LabelStudioServer:
    """Start Label Studio on ``data_dir`` (and PostgreSQL's ``database``, if given) at
    127.0.0.1:``port``; return once it answers.

    On a new database this runs the migrations and creates ``admin`` first (a minute or
    more; ``on_first_start`` is called then, once the port is known to be free); later starts
    take seconds.
    """
    (server,) = start_servers(
        data_dir,
        admin=admin,
        ports=[port],
        database=database,
        bytecode_cache=bytecode_cache,
        loopback_ml_backends=loopback_ml_backends,
        timeout=timeout,
        on_first_start=on_first_start,
    )
    return server


def start_servers(
    data_dir: Path,
    *,
    admin: AdminAccount,
    ports: Sequence[int],
    database: Database | None = None,
    bytecode_cache: Path = BYTECODE_CACHE,
    loopback_ml_backends: bool = False,
    timeout: float = 300.0,
    on_first_start: Callable[[], None] | None = None,
) -> list[LabelStudioServer]:
    """Start one Label Studio web process per port, all on ``data_dir`` and ``database``.

    The first one runs any migrations alone; the others then start side by side. Several
    processes need PostgreSQL (SQLite serialises every write). If one fails, all stop.
    """
    if len(ports) > 1 and database is None:
        raise LabelStudioError(
            "several Label Studio web processes need PostgreSQL: add --postgres or --database-url"
        )
    for port in ports:
        if port_in_use(port):
            raise LabelStudioError(
                f"port {port} on {HOST} is in use (an earlier `curate up` still running?): "
                "stop what uses it, or choose another port with --port"
            )
    if on_first_start is not None and not has_database(data_dir, database):
        on_first_start()
    _make_data_dir(data_dir)
    environment = server_environment(
        data_dir,
        admin=admin,
        database=database,
        bytecode_cache=bytecode_cache,
        loopback_ml_backends=loopback_ml_backends,
    )
    servers: list[LabelStudioServer] = []
    try:
        servers.append(_launch(data_dir, port=ports[0], environment=environment))
        _wait_until_ready(servers[0], timeout=timeout)
        servers.extend(_launch(data_dir, port=port, environment=environment) for port in ports[1:])
        for server in servers[1:]:
            _wait_until_ready(server, timeout=timeout)
    except BaseException:
        for server in servers:
            server.stop()
        raise
    return servers


def _launch(data_dir: Path, *, port: int, environment: dict[str, str]) -> LabelStudioServer:
    log_path = data_dir / "server.log"
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            [str(LABEL_STUDIO), "start", "--no-browser", "--internal-host", HOST, "-p", str(port)],
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return LabelStudioServer(process, port=port, log_path=log_path)


def start_embedded(
    *,
    data_dir: Path = DATA_DIR,
    credentials_path: Path = CREDENTIALS_PATH,
    port: int = 8080,
    workers: int = 1,
    database: Database | None = None,
    loopback_ml_backends: bool = False,
    on_first_start: Callable[[], None] | None = None,
) -> tuple[list[LabelStudioServer], Credentials]:
    """Start the project's own Label Studio, creating its admin account on first use:
    ``workers`` web processes on consecutive ports from ``port``, on SQLite in ``data_dir``
    or on PostgreSQL's ``database``. The credentials name the first process.

    The credentials file is checked first (a file others can read, or a garbled one, fails
    before anything starts). The account is saved in ``credentials_path`` (0600) before the
    first start, so the generated password is never lost, and the URL once the server answers.
    ``on_first_start`` is called when a new database is about to be made (see
    :func:`start_server`).
    """
    admin = embedded_admin(data_dir=data_dir, credentials_path=credentials_path, database=database)
    _save_admin(credentials_path, admin, url=None)
    servers = start_servers(
        data_dir,
        admin=admin,
        ports=range(port, port + workers),
        database=database,
        loopback_ml_backends=loopback_ml_backends,
        on_first_start=on_first_start,
    )
    _save_admin(credentials_path, admin, url=servers[0].url)
    return servers, Credentials(url=servers[0].url, api_key=admin.token)


def _save_admin(path: Path, admin: AdminAccount, *, url: str | None) -> None:
    """Store ``admin`` in the credentials file, with ``url`` or the URL already there; other
    fields (the PostgreSQL password) stay."""
    stored = read_credentials_file(path) if path.exists() else {}
    write_credentials_file(
        path,
        {
            **stored,
            "url": stored.get("url", "") if url is None else url,
            "api_key": admin.token,
            "email": admin.email,
            "password": admin.password,
        },
    )


def embedded_admin(
    *, data_dir: Path, credentials_path: Path, database: Database | None = None
) -> AdminAccount:
    """The embedded server's admin: read from the credentials file, or new for a new data dir."""
    stored = read_credentials_file(credentials_path) if credentials_path.exists() else {}
    if {"email", "password", "api_key"} <= stored.keys():
        return AdminAccount(
            email=stored["email"], password=stored["password"], token=stored["api_key"]
        )
    if has_database(data_dir, database):
        where = data_dir if database is None else database.url
        raise LabelStudioError(
            f"{where} holds a Label Studio database but {credentials_path} has no admin "
            f"login for it: restore that file, or move {where} away to start afresh"
        )
    return AdminAccount.generate()


def has_database(data_dir: Path, database: Database | None = None) -> bool:
    """Whether Label Studio's database exists already (later starts are quick): in
    ``data_dir``, or in PostgreSQL's ``database``."""
    if database is not None:
        return database.has_label_studio_tables()
    return (data_dir / "label_studio.sqlite3").exists()


def port_in_use(port: int) -> bool:
    """Whether something listens on 127.0.0.1:``port``."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        return probe.connect_ex((HOST, port)) == 0


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def _wait_until_ready(server: LabelStudioServer, *, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    with httpx.Client(timeout=5.0) as http:
        while time.monotonic() < deadline:
            code = server.exit_code()
            if code is not None:
                raise LabelStudioError(
                    f"Label Studio exited with code {code} while starting: see {server.log_path}"
                )
            with contextlib.suppress(httpx.TransportError):
                if http.get(f"{server.url}/health").status_code == 200:
                    return
            time.sleep(0.2)
    raise LabelStudioError(
        f"Label Studio did not answer at {server.url} within {timeout:.0f} s: see {server.log_path}"
    )
