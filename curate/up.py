"""``curate up``: the project's own Label Studio with the seeds pushed, and the ML backend.

:func:`workbench` starts everything and stops it all when its block ends (Ctrl-C, ``kill``
or a closed terminal included), so a notebook or a test runs the same thing the command does.
"""

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from curate.client import LabelStudioClient, connect
from curate.label_config import DEFAULT_PROJECT
from curate.ml_backend import DEFAULT_PORT, RunningBackend, live_pre_annotation
from curate.resources import SEEDS_DIR
from curate.server import LabelStudioServer, start_embedded, stop_signals_interrupt
from curate.sync import Progress, PushReport, push
from curate.tasks import tasks_from_articles


@dataclass(frozen=True)
class Workbench:
    """What ``curate up`` has running: the server, a client, what the push did, the backend."""

    server: LabelStudioServer
    client: LabelStudioClient
    pushed: PushReport
    backend: RunningBackend | None


@contextlib.contextmanager
def workbench(
    *,
    seeds: Path | None = None,
    project_title: str = DEFAULT_PROJECT,
    port: int = 8080,
    ml: bool = False,
    ml_port: int = DEFAULT_PORT,
    progress: Progress | None = None,
    on_first_start: Callable[[], None] | None = None,
    learned: Path | None = None,
    learn: bool = True,
) -> Iterator[Workbench]:
    """Start the embedded Label Studio, push ``seeds`` (by default the seeds shipped with
    curate) into the project, and with ``ml`` serve the rules as its ML backend; all of it
    stops when the block ends.

    The articles are read first, so a bad seed fails before anything starts. Within the block
    SIGTERM and SIGHUP stop everything as Ctrl-C does (see :func:`stop_signals_interrupt`).
    ``on_first_start`` is called when Label Studio is about to create its database. The rules
    load the accepted entries of ``learned`` (default: ``learned/`` when there is one); with
    ``ml`` and ``learn`` the backend learns from annotations as they are saved.
    """
    tasks = tasks_from_articles(seeds if seeds is not None else SEEDS_DIR, learned=learned)
    with stop_signals_interrupt():
        server, credentials = start_embedded(
            port=port, loopback_ml_backends=ml, on_first_start=on_first_start
        )
        with server:
            client = connect(credentials)
            pushed = push(client, tasks, project_title=project_title, progress=progress)
            serving = (
                live_pre_annotation(
                    client, pushed.project.id, port=ml_port, learned=learned, learn=learn
                )
                if ml
                else contextlib.nullcontext()
            )
            with serving as backend:
                yield Workbench(server=server, client=client, pushed=pushed, backend=backend)
