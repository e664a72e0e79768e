"""A Label Studio ML backend that serves curate's rules, so tasks get pre-annotations in the UI.

It speaks the protocol label-studio 1.23 uses (``label_studio/ml/api_connector.py`` and
``ml/models.py``): ``GET /health`` must answer 200 with JSON; ``POST /setup`` receives
``project``, ``schema`` (the label config), ``hostname``, ``access_token`` and
``extra_params`` and returns ``model_version``; ``POST /predict`` receives ``tasks``,
``project``, ``label_config`` and ``params`` and returns one prediction per task, in order;
``POST /webhook`` receives annotation events (Label Studio sends them to a connected backend,
and ``curate up --ml`` also registers a project webhook for them): with live learning on,
each new annotation's spans that no rule proposed become entries at once, kept in
``learned/live.txt`` so a restart keeps them (:class:`LiveLearning`). A task's
``data.text`` is annotated exactly as it arrives (raw UI imports are not cleaned), so offsets
are into that string. A prediction is the one ``curate tasks`` makes
(:func:`curate.tasks.build_prediction`): number regions come with their value, unit and
qualifier prefilled on the region's id.
"""

import logging
import socket
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import uvicorn
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from curate.articles import detect_language
from curate.errors import CurateError, InputError, LabelStudioError
from curate.label_config import check_label_config
from curate.labels import LABEL_NAMES, LANGUAGES
from curate.learn import (
    DEFAULT_DIR,
    append_corrections,
    append_live,
    extractor_for,
    known_keys,
    live_corrections,
    live_entries,
)
from curate.learn import resolve_directory as resolve_learned
from curate.models import Lang, Span
from curate.rules import Extractor
from curate.server import HOST
from curate.tasks import build_prediction

if TYPE_CHECKING:  # importing label-studio-sdk takes seconds: only registering needs it
    from curate.client import LabelStudioClient

logger = logging.getLogger(__name__)

MODEL_CLASS = "CurateRules"
DEFAULT_PORT = 9090
#: The description of the backends curate connects, by which it knows them again.
CURATE_BACKEND = "curate's rules, connected by `curate up --ml`"
#: The webhook events live learning learns from.
LEARNING_ACTIONS = ("ANNOTATION_CREATED", "ANNOTATION_UPDATED")


# ---- the protocol as pure functions ----------------------------------------------------------


def predict(request: object, *, extractor: Extractor) -> dict[str, list[dict[str, Any]]]:
    """The ``/predict`` answer: one prediction per task of ``request["tasks"]``, same order.

    Raises InputError when the request is not ``{"tasks": [task, ...]}`` or a task has no
    text; the message names the task.
    """
    tasks = _field(request, "tasks", list, where="the /predict request")
    return {"results": [task_prediction(task, extractor=extractor) for task in tasks]}


def task_prediction(task: object, *, extractor: Extractor) -> dict[str, Any]:
    """A prediction (``result``, ``score``, ``model_version``) for one Label Studio task."""
    text, lang = task_text(task)
    spans = extractor.annotate(text, lang=lang)
    prediction = build_prediction(spans, lang=lang, model_version=extractor.model_version)
    return prediction.model_dump(exclude_none=True)


def task_text(task: object) -> tuple[str, Lang]:
    """A task's ``data.text`` as given, and its ``data.lang``, else the detected language."""
    name = f"task {task.get('id')}" if isinstance(task, dict) and "id" in task else "a task"
    data = _field(task, "data", dict, where=name)
    text = _field(data, "text", str, where=f"{name}'s data")
    lang = data.get("lang")
    return text, lang if lang in LANGUAGES else detect_language(text)


def setup(request: object, *, extractor: Extractor) -> dict[str, str]:
    """The ``/setup`` answer, after checking that the project's label config suits the rules."""
    schema = request.get("schema") if isinstance(request, dict) else None
    if schema is not None:
        if not isinstance(schema, str):
            raise InputError("the /setup request's schema is not a label config string")
        check_label_config(schema.encode("utf-8"), source="the project's label config")
    return {"model_version": extractor.model_version}


def describe_event(event: object) -> str:
    """A one-line, secret-free summary of a webhook event: action and ids only."""
    if not isinstance(event, dict):
        raise InputError("a webhook event must be a JSON object")
    action = event.get("action", "unknown action")
    ids = {
        key: item.get("id")
        for key in ("project", "task", "annotation")
        if isinstance(item := event.get(key), dict)
    }
    parts = [f"{key} {value}" for key, value in ids.items() if value is not None]
    parts += [
        f"{len(items)} {key}"
        for key in ("tasks", "annotations")
        if isinstance(items := event.get(key), list)
    ]
    return ", ".join([str(action), *parts])


class AnnotationEvent(NamedTuple):
    """What a webhook says of one saved annotation: its task's text and language, its spans
    (those whose text is the task's at their offsets), the task and a name for it."""

    text: str
    lang: Lang
    spans: list[Span]
    source: str
    task: str


def event_spans(event: object) -> AnnotationEvent | None:
    """An annotation event read (see :class:`AnnotationEvent`); None for another event or
    one without the task's text (a webhook registered without its payload)."""
    if not isinstance(event, dict) or event.get("action") not in LEARNING_ACTIONS:
        return None
    task, annotation = event.get("task"), event.get("annotation")
    if not isinstance(task, dict) or not isinstance(annotation, dict):
        return None
    try:
        text, lang = task_text(task)
    except InputError:
        return None
    spans = []
    for region in annotation.get("result") or []:
        value = region.get("value") if isinstance(region, dict) else None
        if not isinstance(value, dict) or region.get("type") != "labels":
            continue
        start, end, labels = value.get("start"), value.get("end"), value.get("labels") or []
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            continue
        if len(labels) == 1 and labels[0] in LABEL_NAMES:
            spans.append(Span(start=start, end=end, label=labels[0], text=text[start:end]))
    source = f"task {task.get('id')}, annotation {annotation.get('id')}"
    return AnnotationEvent(text, lang, spans, source, task=str(task.get("id")))


class LiveLearning:
    """The rules a backend serves, rebuilt when an annotation teaches them a new entry.

    Entries learned live go to ``live.txt`` in the learned folder (``learned/`` when none is
    given), so a restart loads them; the model version changes with them. One webhook at a
    time learns (a lock), and predictions keep using the rules built before until the new
    ones are ready.
    """

    def __init__(self, learned: Path | None = None, *, enabled: bool = True) -> None:
        found = resolve_learned(learned)
        self.directory = found if found is not None else DEFAULT_DIR
        self.enabled = enabled
        self.extractor = extractor_for(found, live=enabled)
        self._lock = threading.Lock()

    def learn(self, event: object) -> int:
        """Learn from one webhook event; return how many entries it added.

        The spans the annotation added become entries at once; the rules' spans it deleted
        or kept are recorded, and a span deleted in two tasks (and kept in none) goes on its
        rule's stop list (:func:`~curate.learn.live_stops`).
        """
        read = event_spans(event) if self.enabled else None
        if read is None:
            return 0
        with self._lock:
            predicted = self.extractor.annotate(read.text, lang=read.lang)
            known = known_keys(self.directory)
            new = live_entries(read.text, read.spans, predicted=predicted, known=known)
            corrections = live_corrections(read.spans, predicted=predicted)
            added = append_live(self.directory, new, source=read.source)
            recorded = append_corrections(
                self.directory, corrections, lang=read.lang, document=read.task
            )
            if added or recorded:
                rebuilt = extractor_for(self.directory, live=True)
                if rebuilt.model_version != self.extractor.model_version:
                    self.extractor = rebuilt  # a new entry or stop: new rules, new version
        return len(new)


def _field(container: object, key: str, kind: type, *, where: str) -> Any:
    if not isinstance(container, Mapping):
        raise InputError(f"{where} must be a JSON object")
    value = container.get(key)
    if not isinstance(value, kind):
        expected = {list: "a list", dict: "an object", str: "a string"}[kind]
        raise InputError(f"{where} needs {key!r} as {expected}, got {type(value).__name__}")
    return value


# ---- the HTTP app ------------------------------------------------------------------------------


def create_app(rules: Extractor | LiveLearning) -> Starlette:
    """The Starlette app serving the rules over Label Studio's ML backend protocol; given
    :class:`LiveLearning`, its webhook learns from annotations and the app serves what it
    learned."""
    live = rules if isinstance(rules, LiveLearning) else None

    def current() -> Extractor:
        return live.extractor if live is not None else rules  # type: ignore[return-value]

    async def health(request: Request) -> JSONResponse:
        return JSONResponse(
            {
                "status": "UP",
                "model_class": MODEL_CLASS,
                "model_version": current().model_version,
            }
        )

    async def setup_endpoint(request: Request) -> JSONResponse:
        answer = setup(await _json(request), extractor=current())
        logger.info("setup: serving model version %s", answer["model_version"])
        return JSONResponse(answer)

    async def predict_endpoint(request: Request) -> JSONResponse:
        payload = await _json(request)
        answer = await run_in_threadpool(predict, payload, extractor=current())
        logger.info("predict: %d task(s)", len(answer["results"]))
        return JSONResponse(answer)

    async def webhook(request: Request) -> JSONResponse:
        event = await _json(request)
        logger.info("webhook: %s", describe_event(event))
        if live is not None:
            learned = await run_in_threadpool(live.learn, event)
            if learned:
                logger.info(
                    "learned %d entr%s: now %s",
                    learned,
                    "y" if learned == 1 else "ies",
                    live.extractor.model_version,
                )
        return JSONResponse({"status": "ok"})

    return Starlette(
        routes=[
            Route("/health", health, methods=["GET"]),
            Route("/setup", setup_endpoint, methods=["POST"]),
            Route("/predict", predict_endpoint, methods=["POST"]),
            Route("/webhook", webhook, methods=["POST"]),
        ],
        exception_handlers={
            InputError: _bad_request,
            HTTPException: _http_error,
            Exception: _server_error,
        },
    )


async def _json(request: Request) -> object:
    try:
        return await request.json()
    except ValueError:
        raise InputError(f"the body of {request.url.path} is not JSON") from None


async def _bad_request(request: Request, error: Exception) -> JSONResponse:
    logger.warning("%s: bad request: %s", request.url.path, error)
    return JSONResponse({"error": str(error)}, status_code=400)


async def _http_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, HTTPException)
    return JSONResponse({"error": error.detail}, status_code=error.status_code)


async def _server_error(request: Request, error: Exception) -> JSONResponse:
    logger.exception("%s failed", request.url.path)
    return JSONResponse(
        {"error": f"the rules failed on this request ({type(error).__name__}): see the log"},
        status_code=500,
    )


# ---- running it --------------------------------------------------------------------------------


def serve(
    port: int = DEFAULT_PORT,
    host: str = HOST,
    *,
    learned: Path | None = None,
    learn: bool = True,
) -> None:
    """Serve the rules on ``host:port`` until interrupted (what ``curate serve-ml`` runs),
    with the accepted entries of ``learned`` and, with ``learn``, learning live."""
    check_can_listen(host, port)
    rules = LiveLearning(learned, enabled=learn)
    rules.extractor.compile()  # at start, not in the first /predict of each language
    uvicorn.run(create_app(rules), host=host, port=port, log_level="info")


@dataclass(frozen=True)
class RunningBackend:
    """A backend serving in a thread of this process; ``url`` is what Label Studio calls."""

    url: str
    model_version: str


@contextmanager
def background_backend(
    *,
    port: int = DEFAULT_PORT,
    host: str = HOST,
    extractor: Extractor | None = None,
    live: LiveLearning | None = None,
) -> Iterator[RunningBackend]:
    """Serve the rules in a background thread while the ``with`` block runs: ``extractor``,
    else ``live`` (learning from annotations), else the rules with ``learned/`` if any."""
    check_can_listen(host, port)
    rules = extractor or live or LiveLearning(enabled=False)
    current = rules.extractor if isinstance(rules, LiveLearning) else rules
    current.compile()  # at start, not in the first /predict of each language
    config = uvicorn.Config(
        create_app(rules), host=host, port=port, log_level="warning", lifespan="off"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="curate-ml-backend", daemon=True)
    thread.start()
    try:
        _wait_until_started(server, thread, where=f"{host}:{port}")
        yield RunningBackend(url=f"http://{host}:{port}", model_version=current.model_version)
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def check_can_listen(host: str, port: int) -> None:
    """Fail with a clear message unless a server could listen on ``host:port`` now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise CurateError(
                f"the ML backend cannot listen on {host}:{port} ({error.strerror}): "
                "stop what uses that port, or choose another port"
            ) from None


def _wait_until_started(server: uvicorn.Server, thread: threading.Thread, *, where: str) -> None:
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise CurateError(f"the ML backend did not start on {where}: see the log above")
        time.sleep(0.05)


# ---- registering it with a project ---------------------------------------------------------------


def register_ml_backend(
    client: "LabelStudioClient", project_id: int, url: str, *, title: str
) -> int:
    """Connect the backend at ``url`` to the project as curate's one backend; return its id.

    Label Studio calls ``/health`` and ``/setup`` before it accepts a backend, so it must be
    running; a loopback URL needs a server started with ``ML_BLOCK_LOCAL_IP=false`` and
    ``SSRF_PROTECTION_ENABLED=false`` (``curate up --ml`` does). ``title`` becomes the
    project's model version when it has none, so name it after the rules' model version.

    Curate's earlier backends at other URLs (described as :data:`CURATE_BACKEND`, or titled
    ``title``), such as that of an earlier ``curate up --ml`` on another port, are
    disconnected once this one is connected: Label Studio asks one of a project's backends
    (in practice the oldest), which would be a dead one. Other backends stay.
    """
    url = url.rstrip("/")
    backends = client.ml_backends(project_id)
    connected = next((backend.id for backend in backends if backend.url == url), None)
    if connected is None:
        connected = _connect(client, project_id, url, title=title)
    for backend in backends:
        if backend.id != connected and (
            backend.description == CURATE_BACKEND or backend.title == title
        ):
            client.delete_ml_backend(backend.id)
    return connected


def _connect(client: "LabelStudioClient", project_id: int, url: str, *, title: str) -> int:
    from curate.client import LabelStudioUnavailable

    try:
        return client.add_ml_backend(project_id, url=url, title=title, description=CURATE_BACKEND)
    except LabelStudioUnavailable:
        raise
    except LabelStudioError as error:
        raise LabelStudioError(
            f"{error}. Is `curate serve-ml` running at {url}? A loopback backend also needs "
            "a server that allows it (`curate up --ml` starts one so)"
        ) from None


@contextmanager
def live_pre_annotation(
    client: "LabelStudioClient",
    project_id: int,
    *,
    port: int = DEFAULT_PORT,
    learned: Path | None = None,
    learn: bool = True,
) -> Iterator[RunningBackend]:
    """Serve the rules on loopback and connect them to the project while the block runs.

    Tasks the project already has get predictions where they lack this model version's;
    tasks imported later (in the UI, too) get them when an annotator opens them. With
    ``learn``, a project webhook sends annotations created and updated to the backend,
    which learns from them (:class:`LiveLearning`).
    """
    live = LiveLearning(learned, enabled=learn)
    with background_backend(port=port, live=live) as running:
        register_ml_backend(client, project_id, running.url, title=running.model_version)
        if learn:
            client.register_webhook(project_id, f"{running.url}/webhook", actions=LEARNING_ACTIONS)
        client.retrieve_predictions(project_id)
        yield running
