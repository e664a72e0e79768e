"""Live learning in the ML backend: an annotation teaches the rules a new entry at once, and
a restart keeps it; first over HTTP with a synthetic event, then with the real Label Studio."""

import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from curate.client import LabelStudioClient
from curate.learn import LIVE, LIVE_CORRECTIONS
from curate.ml_backend import (
    LEARNING_ACTIONS,
    LiveLearning,
    background_backend,
    register_ml_backend,
)
from curate.server import free_port
from curate.sync import ensure_project

#: An agency no rule knows, annotated in one report and met in another case form in the next.
ANNOTATED = "Есірткіні Сарыарқа күзет бірлестігі тауып алды."
AGENCY = "Сарыарқа күзет бірлестігі"
LATER = "Бүгін Сарыарқа күзет бірлестігінің қызметкерлері 5 кг есірткі тәркіледі."
LATER_FORM = "Сарыарқа күзет бірлестігінің"


def agency_region(text: str = ANNOTATED) -> dict[str, Any]:
    start = text.index(AGENCY)
    return {
        "id": "a1", "type": "labels", "from_name": "label", "to_name": "text",
        "value": {"start": start, "end": start + len(AGENCY), "text": AGENCY, "labels": ["ORG"]},
    }  # fmt: skip


def predicted_texts(client: httpx.Client, text: str) -> list[tuple[str, str]]:
    answer = client.post("/predict", json={"tasks": [{"id": 1, "data": {"text": text}}]})
    assert answer.status_code == 200, answer.text
    [prediction] = answer.json()["results"]
    return [
        (r["value"]["text"], r["value"]["labels"][0])
        for r in prediction["result"]
        if r["type"] == "labels"
    ]


def event(action: str = "ANNOTATION_CREATED") -> dict[str, Any]:
    return {
        "action": action,
        "project": {"id": 1},
        "task": {"id": 5, "data": {"text": ANNOTATED, "lang": "kk"}},
        "annotation": {"id": 9, "result": [agency_region()]},
    }


def test_a_webhook_teaches_the_backend_and_a_restart_keeps_it(tmp_path: Path) -> None:
    learned = tmp_path / "learned"
    learned.mkdir()
    live = LiveLearning(learned)
    before = live.extractor.model_version
    with (
        background_backend(port=free_port(), live=live) as running,
        httpx.Client(base_url=running.url, timeout=60) as client,
    ):
        assert (LATER_FORM, "ORG") not in predicted_texts(client, LATER)
        assert client.post("/webhook", json=event()).status_code == 200
        assert (LATER_FORM, "ORG") in predicted_texts(client, LATER)
        assert client.get("/health").json()["model_version"] != before
        assert client.post("/webhook", json=event("ANNOTATION_UPDATED")).status_code == 200
    assert (learned / LIVE).read_text("utf-8").count(AGENCY) == 1  # learned once

    with (
        background_backend(port=free_port(), live=LiveLearning(learned)) as restarted,
        httpx.Client(base_url=restarted.url, timeout=60) as client,
    ):
        assert (LATER_FORM, "ORG") in predicted_texts(client, LATER)


def test_no_learn_ignores_annotations(tmp_path: Path) -> None:
    live = LiveLearning(tmp_path, enabled=False)
    with (
        background_backend(port=free_port(), live=live) as running,
        httpx.Client(base_url=running.url, timeout=60) as client,
    ):
        assert client.post("/webhook", json=event()).status_code == 200
        assert (LATER_FORM, "ORG") not in predicted_texts(client, LATER)
    assert not (tmp_path / LIVE).exists()


def test_events_without_a_task_or_of_other_kinds_teach_nothing(tmp_path: Path) -> None:
    live = LiveLearning(tmp_path)
    assert live.learn({"action": "ANNOTATION_CREATED", "annotation": {"id": 1}}) == 0
    assert live.learn({**event(), "action": "PROJECT_UPDATED"}) == 0
    assert live.learn("not an event") == 0
    assert live.learn(event()) == 1


# ---- with the real Label Studio --------------------------------------------------------------


def open_task(client: LabelStudioClient, task_id: int) -> list[tuple[str, str]]:
    """What the backend predicts for a task when an annotator opens it."""
    opened = client.sdk.tasks.get(task_id)
    return [
        (r["value"]["text"], r["value"]["labels"][0])
        for p in opened.predictions or []
        for r in (p if isinstance(p, dict) else p.model_dump())["result"]
        if r["type"] == "labels"
    ]


def model_version(url: str) -> str:
    return httpx.get(f"{url}/health", timeout=30).json()["model_version"]


@pytest.mark.server
def test_an_annotator_adds_a_new_agency_and_the_next_task_gets_it(
    label_studio: Any, project_title: str, tmp_path: Path
) -> None:
    client: LabelStudioClient = label_studio.client()
    project = ensure_project(client, project_title)
    learned = tmp_path / "learned"
    learned.mkdir()
    with background_backend(port=free_port(), live=LiveLearning(learned)) as running:
        register_ml_backend(client, project.id, running.url, title=running.model_version)
        hook = client.register_webhook(
            project.id, f"{running.url}/webhook", actions=LEARNING_ACTIONS
        )
        assert client.register_webhook(
            project.id, f"{running.url}/webhook", actions=LEARNING_ACTIONS
        ) == hook  # fmt: skip
        client.import_tasks(project.id, [{"data": {"text": ANNOTATED, "lang": "kk"}}])
        [first] = [task.id for task in client.stored_tasks(project.id)]
        annotator = label_studio.create_user()
        client.create_annotation(first, result=[agency_region()], completed_by=annotator.id)
        # The webhook is answered once the backend serves the rules with the new entry.
        deadline = time.monotonic() + 120
        while model_version(running.url) == running.model_version:
            assert time.monotonic() < deadline, "the annotation never reached the backend"
            time.sleep(0.5)
        assert AGENCY in (learned / LIVE).read_text("utf-8")

        client.import_tasks(project.id, [{"data": {"text": LATER, "lang": "kk"}}])
        [second] = [task.id for task in client.stored_tasks(project.id) if task.id != first]
        assert (LATER_FORM, "ORG") in open_task(client, second)

    with (
        background_backend(port=free_port(), live=LiveLearning(learned)) as restarted,
        httpx.Client(base_url=restarted.url, timeout=60) as http,
    ):
        assert (LATER_FORM, "ORG") in predicted_texts(http, LATER)


# ---- deletions ---------------------------------------------------------------------------------

FALSE_ALARM = "героин"
REPORTS = [
    "Алматыда 5 кг героин тәркіленді.",
    "Шымкентте 2 кг героин табылды.",
    "Таразда 3 кг героин ұсталды.",
]


def annotation_without(live: LiveLearning, text: str, dropped: str | None) -> dict[str, Any]:
    """An event whose annotation keeps the rules' spans of ``text`` but ``dropped``."""
    kept = [s for s in live.extractor.annotate(text, lang="kk") if s.text != dropped]
    regions = [
        {
            "id": f"r{s.start}", "type": "labels", "from_name": "label", "to_name": "text",
            "value": {"start": s.start, "end": s.end, "text": s.text, "labels": [s.label]},
        }
        for s in kept
    ]  # fmt: skip
    task_id = REPORTS.index(text) + 1
    return {
        "action": "ANNOTATION_UPDATED",
        "task": {"id": task_id, "data": {"text": text, "lang": "kk"}},
        "annotation": {"id": task_id * 10, "result": regions},
    }


def predicts(live: LiveLearning, text: str, wanted: str) -> bool:
    return any(s.text == wanted for s in live.extractor.annotate(text, lang="kk"))


def test_a_span_deleted_in_two_tasks_is_stopped_live_and_after_a_restart(tmp_path: Path) -> None:
    live = LiveLearning(tmp_path)
    before = live.extractor.model_version

    live.learn(annotation_without(live, REPORTS[0], FALSE_ALARM))
    live.learn(annotation_without(live, REPORTS[0], FALSE_ALARM))  # saved again: one task
    assert predicts(live, REPORTS[2], FALSE_ALARM)  # deleted once is no pattern yet

    live.learn(annotation_without(live, REPORTS[1], FALSE_ALARM))
    assert not predicts(live, REPORTS[2], FALSE_ALARM)
    assert live.extractor.model_version != before
    assert predicts(live, REPORTS[2], "3 кг")  # the rule's other spans stay
    assert not predicts(LiveLearning(tmp_path), REPORTS[2], FALSE_ALARM)
    assert predicts(LiveLearning(tmp_path, enabled=False), REPORTS[2], FALSE_ALARM)


def test_a_span_some_annotator_kept_is_not_stopped(tmp_path: Path) -> None:
    live = LiveLearning(tmp_path)

    live.learn(annotation_without(live, REPORTS[2], None))  # kept as predicted
    live.learn(annotation_without(live, REPORTS[0], FALSE_ALARM))
    live.learn(annotation_without(live, REPORTS[1], FALSE_ALARM))

    assert predicts(live, REPORTS[2], FALSE_ALARM)
    lines = (tmp_path / LIVE_CORRECTIONS).read_text("utf-8").splitlines()
    assert sum(line.startswith("deleted\tdrug_") for line in lines) == 2
