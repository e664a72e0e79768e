"""The ML backend over HTTP (served by uvicorn in a thread), then with a real Label Studio."""

import logging
import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from curate.articles import detect_language, read_article_text, read_articles
from curate.client import LabelStudioClient, Project, connect
from curate.credentials import load_credentials, write_credentials_file
from curate.errors import LabelStudioError
from curate.label_config import DEFAULT_PROJECT, read_label_config
from curate.labels import LABEL_NAMES
from curate.ml_backend import CURATE_BACKEND, background_backend, register_ml_backend
from curate.models import Article
from curate.readings import format_value
from curate.rules import Extractor
from curate.server import copy_data_dir, free_port, port_in_use
from curate.sync import ensure_project

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CURATE = Path(sys.executable).with_name("curate")


@pytest.fixture(scope="module")
def backend(extractor: Extractor) -> Iterator[httpx.Client]:
    with (
        background_backend(port=free_port(), extractor=extractor) as running,
        httpx.Client(base_url=running.url, timeout=30) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return read_articles(SEEDS)


def regions(prediction: dict) -> list[tuple[int, int, str, str]]:
    """The labelled regions of a prediction as (start, end, label, text)."""
    return [
        (r["value"]["start"], r["value"]["end"], r["value"]["labels"][0], r["value"]["text"])
        for r in prediction["result"]
        if r["type"] == "labels"
    ]


def choices(prediction: dict) -> dict[str, list[str]]:
    """The document-level choices (per-region ones, the readings, have offsets)."""
    return {
        r["from_name"]: r["value"]["choices"]
        for r in prediction["result"]
        if r["type"] == "choices" and "start" not in r["value"]
    }


def readings(prediction: dict) -> dict[tuple[int, int], dict[str, object]]:
    """Per number region (start, end): its prefilled value, unit and qualifier."""
    found: dict[tuple[int, int], dict[str, object]] = {}
    ids = {r["id"]: (r["value"]["start"], r["value"]["end"]) for r in prediction["result"]
           if r["type"] == "labels"}  # fmt: skip
    for r in prediction["result"]:
        if r["from_name"] in ("value", "unit", "qualifier"):
            answer = r["value"]["text" if r["type"] == "textarea" else "choices"]
            found.setdefault(ids[r["id"]], {})[r["from_name"]] = answer[0]
    return found


def rule_spans(extractor: Extractor, text: str, lang: str) -> list[tuple[int, int, str, str]]:
    return [(s.start, s.end, s.label, s.text) for s in extractor.annotate(text, lang=lang)]


def test_health_says_up_and_names_the_model(backend: httpx.Client, extractor: Extractor) -> None:
    answer = backend.get("/health")
    assert answer.status_code == 200
    assert answer.json() == {
        "status": "UP",
        "model_class": "CurateRules",
        "model_version": extractor.model_version,
    }


def test_setup_accepts_the_project_config_and_gives_the_model_version(
    backend: httpx.Client, extractor: Extractor
) -> None:
    request = {
        "project": "1.1700000000",
        "schema": read_label_config().xml,
        "hostname": "http://127.0.0.1:8080",
        "access_token": "0123456789abcdef",
        "extra_params": None,
    }
    answer = backend.post("/setup", json=request)
    assert answer.status_code == 200
    assert answer.json() == {"model_version": extractor.model_version}


def test_setup_refuses_a_config_the_rules_cannot_fill(backend: httpx.Client) -> None:
    schema = '<View><Text name="text" value="$text"/></View>'
    answer = backend.post("/setup", json={"project": "1.1", "schema": schema})
    assert answer.status_code == 400
    assert 'needs one <Labels name="label" toName="text">' in answer.json()["error"]


def test_predict_gives_the_rules_spans_one_result_per_task_in_order(
    backend: httpx.Client, extractor: Extractor, articles: list[Article]
) -> None:
    tasks = [
        {"id": 10 + n, "data": {"text": a.text, "lang": a.lang, "id": a.id}}
        for n, a in enumerate(articles)
    ]
    answer = backend.post("/predict", json={"tasks": tasks, "project": "1.1", "params": {}})
    assert answer.status_code == 200
    results = answer.json()["results"]
    assert len(results) == len(articles)
    for article, prediction in zip(articles, results, strict=True):
        assert prediction["model_version"] == extractor.model_version
        assert regions(prediction) == rule_spans(extractor, article.text, article.lang)
        assert regions(prediction), f"no spans on {article.source_file}"
        assert choices(prediction)["lang"] == [article.lang]
        spans = extractor.annotate(article.text, lang=article.lang)
        assert readings(prediction) == {
            (s.start, s.end): {"value": format_value(s.value), "unit": s.unit or "none",
                               "qualifier": s.qualifier or "none"}
            for s in spans if s.value is not None
        }  # fmt: skip
        for region in prediction["result"]:
            assert region["to_name"] == "text"
            if region["type"] == "labels":
                assert region["from_name"] == "label"
                assert region["value"]["labels"][0] in LABEL_NAMES


def test_a_raw_ui_import_is_annotated_on_its_text_as_given(
    backend: httpx.Client, extractor: Extractor
) -> None:
    # Imported through the UI: the raw file with its site chrome, Windows line ends, no lang.
    raw = read_article_text(SEEDS / "004_c02d2e9718ff1dba.txt").replace("\n", "\r\n")
    raw = "\ufeff  " + raw
    answer = backend.post("/predict", json={"tasks": [{"id": 1, "data": {"text": raw}}]})
    assert answer.status_code == 200
    [prediction] = answer.json()["results"]
    found = regions(prediction)
    assert found == rule_spans(extractor, raw, detect_language(raw))
    assert found
    assert all(raw[start:end] == text for start, end, _, text in found)
    assert choices(prediction)["lang"] == ["ru"]


def test_language_is_detected_when_the_task_has_none(
    backend: httpx.Client, articles: list[Article]
) -> None:
    kazakh = next(a for a in articles if a.lang == "kk")
    answer = backend.post("/predict", json={"tasks": [{"data": {"text": kazakh.text}}]})
    assert choices(answer.json()["results"][0])["lang"] == ["kk"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{not json", "the body of /predict is not JSON"),
        (b"[]", "the /predict request must be a JSON object"),
        (b'{"task": []}', "the /predict request needs 'tasks' as a list, got NoneType"),
        (b'{"tasks": "text"}', "the /predict request needs 'tasks' as a list, got str"),
        (b'{"tasks": [7]}', "a task must be a JSON object"),
        (b'{"tasks": [{"id": 7}]}', "task 7 needs 'data' as an object, got NoneType"),
        (
            b'{"tasks": [{"id": 7, "data": {"text": 5}}]}',
            "task 7's data needs 'text' as a string, got int",
        ),
        (
            b'{"tasks": [{"id": 7, "data": {"image": "x.png"}}]}',
            "task 7's data needs 'text' as a string, got NoneType",
        ),
    ],
)
def test_a_bad_predict_request_is_a_400_with_a_json_error(
    backend: httpx.Client, body: bytes, message: str
) -> None:
    answer = backend.post("/predict", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == 400
    assert answer.json() == {"error": message}


def test_unknown_paths_and_methods_answer_json(backend: httpx.Client) -> None:
    assert backend.get("/predict").status_code == 405
    missing = backend.get("/train")
    assert missing.status_code == 404
    assert missing.json() == {"error": "Not Found"}


def test_webhook_logs_the_event_without_its_secrets(
    backend: httpx.Client, caplog: pytest.LogCaptureFixture
) -> None:
    event = {
        "action": "ANNOTATION_CREATED",
        "project": {"id": 3, "token": "project-secret-token"},
        "task": {"id": 12, "data": {"text": "Алматыда"}},
        "annotation": {"id": 40, "completed_by": {"email": "a@example.org"}},
    }
    with caplog.at_level(logging.INFO, logger="curate.ml_backend"):
        answer = backend.post("/webhook", json=event)
    assert answer.status_code == 200
    assert "webhook: ANNOTATION_CREATED, project 3, task 12, annotation 40" in caplog.text
    assert "project-secret-token" not in caplog.text
    assert "a@example.org" not in caplog.text


def test_setup_never_logs_the_access_token(
    backend: httpx.Client, caplog: pytest.LogCaptureFixture
) -> None:
    token = "f" * 40
    with caplog.at_level(logging.DEBUG):
        backend.post("/setup", json={"schema": read_label_config().xml, "access_token": token})
        backend.post("/setup", json={"schema": "<View/>", "access_token": token})
    assert "setup" in caplog.text
    assert token not in caplog.text


# ---- with the real Label Studio --------------------------------------------------------------


@pytest.fixture
def ls_client(label_studio) -> LabelStudioClient:
    return label_studio.client()


@pytest.fixture
def ls_project(ls_client: LabelStudioClient, project_title: str) -> Project:
    return ensure_project(ls_client, project_title)


def stored_predictions(client: LabelStudioClient, project_id: int) -> dict[str, list[dict]]:
    """Each task's predictions by task text, as Label Studio stores them (no prediction made)."""
    tasks = client.sdk.tasks.list(project=project_id, fields="all")
    return {
        task.data["text"]: [
            p if isinstance(p, dict) else p.model_dump() for p in task.predictions or []
        ]
        for task in tasks
    }


@pytest.mark.server
def test_label_studio_gets_the_rules_spans_from_the_registered_backend(
    ls_client: LabelStudioClient,
    ls_project: Project,
    extractor: Extractor,
    articles: list[Article],
    caplog: pytest.LogCaptureFixture,
) -> None:
    raw = read_article_text(SEEDS / "004_c02d2e9718ff1dba.txt")  # site chrome and all
    kazakh = next(a for a in articles if a.lang == "kk")
    with background_backend(port=free_port(), extractor=extractor) as running:
        backend_id = register_ml_backend(
            ls_client, ls_project.id, running.url, title=running.model_version
        )
        assert register_ml_backend(ls_client, ls_project.id, running.url, title="again") == (
            backend_id
        )
        ls_client.import_tasks(ls_project.id, [{"data": {"text": raw}}])
        assert stored_predictions(ls_client, ls_project.id) == {raw: []}

        ls_client.retrieve_predictions(ls_project.id)
        [prediction] = stored_predictions(ls_client, ls_project.id)[raw]
        assert prediction["model_version"] == extractor.model_version
        assert regions(prediction) == rule_spans(extractor, raw, "ru")
        assert choices(prediction) == {"lang": ["ru"]}

        # A task imported later is predicted when an annotator opens it.
        before = {task.id for task in ls_client.stored_tasks(ls_project.id)}
        ls_client.import_tasks(ls_project.id, [{"data": {"text": kazakh.text}}])
        [task_id] = {task.id for task in ls_client.stored_tasks(ls_project.id)} - before
        opened = ls_client.sdk.tasks.get(task_id)
        [prediction] = [p.model_dump() for p in opened.predictions]
        assert regions(prediction) == rule_spans(extractor, kazakh.text, "kk")

        # Label Studio sends annotation events to the backend's /webhook.
        admin = ls_client.sdk.users.whoami().id
        with caplog.at_level(logging.INFO, logger="curate.ml_backend"):
            ls_client.create_annotation(task_id, result=prediction["result"], completed_by=admin)
    assert f"webhook: ANNOTATION_CREATED, project {ls_project.id}, task {task_id}" in caplog.text


@pytest.mark.server
def test_registering_a_backend_that_is_not_running_is_one_clear_error(
    ls_client: LabelStudioClient, ls_project: Project
) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    hint = f"Is `curate serve-ml` running at {url}?"
    with pytest.raises(LabelStudioError, match=re.escape(hint)):
        register_ml_backend(ls_client, ls_project.id, url, title="rules")
    assert ls_client.ml_backends(ls_project.id) == []


@pytest.mark.server
def test_registering_again_replaces_curates_earlier_backends_and_keeps_others(
    ls_client: LabelStudioClient, ls_project: Project, extractor: Extractor
) -> None:
    title = extractor.model_version
    with background_backend(port=free_port(), extractor=extractor) as other:
        # Someone else's backend, and one connected by curate before it described its own.
        ls_client.add_ml_backend(ls_project.id, url=other.url, title="someone else's")
        with background_backend(port=free_port(), extractor=extractor) as earlier:
            ls_client.add_ml_backend(ls_project.id, url=earlier.url, title=title)
        # `curate up --ml` again, on another port: the earlier backend is gone.
        with background_backend(port=free_port(), extractor=extractor) as first:
            first_id = register_ml_backend(ls_client, ls_project.id, first.url, title=title)
            after_first = ls_client.ml_backends(ls_project.id)
        # And again after the rules' version changed: known by the description now.
        with background_backend(port=free_port(), extractor=extractor) as second:
            second_id = register_ml_backend(ls_client, ls_project.id, second.url, title="v2")
            after_second = ls_client.ml_backends(ls_project.id)

    assert {(b.url, b.description) for b in after_first} == {
        (other.url, ""),
        (first.url, CURATE_BACKEND),
    }
    assert first_id in {b.id for b in after_first}
    assert {(b.id, b.url, b.title, b.description) for b in after_second} == {
        (next(b.id for b in after_first if b.url == other.url), other.url, "someone else's", ""),
        (second_id, second.url, "v2", CURATE_BACKEND),
    }


def _workspace(label_studio, tmp_path: Path) -> Path:
    """A project directory whose .curate/ holds a copy of the template server and its login."""
    copy_data_dir(label_studio.template, tmp_path / ".curate" / "labelstudio")
    (tmp_path / ".curate" / "pycache").symlink_to(label_studio.bytecode_cache)
    admin = label_studio.admin
    write_credentials_file(
        tmp_path / ".curate" / "credentials.json",
        {"url": "", "api_key": admin.token, "email": admin.email, "password": admin.password},
    )
    return tmp_path


@pytest.mark.server
def test_up_with_ml_rerun_on_another_port_pre_annotates_tasks_imported_later(
    label_studio,
    tmp_path: Path,
    extractor: Extractor,
) -> None:
    directory = _workspace(label_studio, tmp_path)
    port, earlier_ml_port, ml_port = free_port(), free_port(), free_port()
    command = [str(CURATE), "up", "--seeds", str(SEEDS), "--port", str(port), "--silent"]
    environment = {k: v for k, v in os.environ.items() if not k.startswith("LABEL_STUDIO_")}
    earlier = subprocess.run(
        [*command, "--ml", "--ml-port", str(earlier_ml_port), "--no-wait"],
        cwd=directory,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert earlier.returncode == 0, earlier.stderr
    serving = subprocess.Popen(
        [*command, "--ml", "--ml-port", str(ml_port)],
        cwd=directory,
        env=environment,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert serving.stdout is not None
    try:
        lines = [serving.stdout.readline() for _ in range(4)]
        assert lines[1] == f"ML backend {extractor.model_version} at http://127.0.0.1:{ml_port}\n"
        assert lines[3] == "Serving until Ctrl-C.\n"
        credentials = load_credentials(path=directory / ".curate" / "credentials.json", environ={})
        client = connect(credentials)
        project = client.project(DEFAULT_PROJECT)
        assert [b.url for b in client.ml_backends(project.id)] == [f"http://127.0.0.1:{ml_port}"]

        raw = read_article_text(SEEDS / "004_c02d2e9718ff1dba.txt")
        before = {task.id for task in client.stored_tasks(project.id)}
        client.import_tasks(project.id, [{"data": {"text": raw}}])
        [task_id] = {task.id for task in client.stored_tasks(project.id)} - before
        [prediction] = [p.model_dump() for p in client.sdk.tasks.get(task_id).predictions]
        assert regions(prediction) == rule_spans(extractor, raw, "ru")
    finally:
        serving.send_signal(signal.SIGINT)
        code = serving.wait(timeout=60)
    assert code == 0
    assert not port_in_use(port)
    assert not port_in_use(ml_port)
