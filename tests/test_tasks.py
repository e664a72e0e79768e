"""Label Studio tasks from articles and rule spans, and the import file ``curate tasks`` writes."""

import json
from datetime import date
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from curate.articles import read_articles
from curate.cli import app
from curate.errors import InputError, LabelStudioError
from curate.files import MANIFEST_NAME
from curate.label_config import read_guidelines, read_label_config
from curate.labels import LABEL_NAMES
from curate.models import Article, Span
from curate.tasks import (
    ArticleTasks,
    Task,
    build_task,
    build_tasks,
    tasks_from_articles,
    write_tasks,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
runner = CliRunner()

TEXT = "Изъято более 3 тонн\nВ Алматы изъято 5 кг"


def _article(**changes: object) -> Article:
    fields: dict[str, object] = {
        "id": "a1",
        "source_file": "a1.txt",
        "lang": "ru",
        "date": date(2025, 10, 13),
        "title": "Изъято более 3 тонн",
        "text": TEXT,
        "outlet": "NUR.KZ",
        "content_hash": "h1",
        "story_id": "s1",
    }
    return Article.model_validate(fields | changes)


def _span(start: int, end: int, label: str, score: float | None = None) -> Span:
    return Span(start=start, end=end, label=label, text=TEXT[start:end], score=score)


class FixedExtractor:
    """An extractor that proposes the same span in every text."""

    model_version = "fixed-1.0"

    def annotate(self, text: str, *, lang: str) -> list[Span]:
        return [_span(7, 19, "QUANTITY", 0.9)]


def test_task_holds_the_article_and_the_rule_spans_as_a_prediction() -> None:
    spans = [_span(7, 19, "QUANTITY", 0.9), _span(22, 28, "LOC", 0.7)]

    task = build_task(_article(), spans, model_version="curate-rules-0.1.0")

    assert task.to_import() == {
        "data": {
            "text": TEXT,
            "title": "Изъято более 3 тонн",
            "date": "2025-10-13",
            "lang": "ru",
            "outlet": "NUR.KZ",
            "id": "a1",
            "story_id": "s1",
            "content_hash": "h1",
        },
        "predictions": [
            {
                "model_version": "curate-rules-0.1.0",
                "score": 0.8,
                "result": [
                    {
                        "id": "span-7-19",
                        "from_name": "label",
                        "to_name": "text",
                        "type": "labels",
                        "value": {
                            "start": 7,
                            "end": 19,
                            "text": "более 3 тонн",
                            "labels": ["QUANTITY"],
                        },
                        "score": 0.9,
                    },
                    {
                        "id": "span-22-28",
                        "from_name": "label",
                        "to_name": "text",
                        "type": "labels",
                        "value": {"start": 22, "end": 28, "text": "Алматы", "labels": ["LOC"]},
                        "score": 0.7,
                    },
                    {
                        "from_name": "lang",
                        "to_name": "text",
                        "type": "choices",
                        "value": {"choices": ["ru"]},
                    },
                ],
            }
        ],
    }


def test_a_number_span_carries_its_reading_on_the_same_region() -> None:
    span = _span(7, 19, "QUANTITY", 0.9).model_copy(
        update={"value": 3000.0, "unit": "kg", "qualifier": "more_than"}
    )
    count = _span(36, 40, "QUANTITY").model_copy(update={"value": 0.005, "unit": "kg"})

    result = build_task(_article(), [span, count], model_version="v").to_import()

    regions = result["predictions"][0]["result"]  # type: ignore[index]
    readings = {(r.get("id"), r["from_name"]): r["value"] for r in regions if r["type"] != "labels"}
    assert readings == {
        ("span-7-19", "value"): {"start": 7, "end": 19, "text": ["3000"]},
        ("span-7-19", "unit"): {"start": 7, "end": 19, "choices": ["kg"]},
        ("span-7-19", "qualifier"): {"start": 7, "end": 19, "choices": ["more_than"]},
        ("span-36-40", "value"): {"start": 36, "end": 40, "text": ["0.005"]},
        ("span-36-40", "unit"): {"start": 36, "end": 40, "choices": ["kg"]},
        ("span-36-40", "qualifier"): {"start": 36, "end": 40, "choices": ["none"]},
        (None, "lang"): {"choices": ["ru"]},
    }


def test_missing_date_and_outlet_stay_as_null_fields() -> None:
    task = build_task(_article(date=None, outlet=None), [], model_version="v")

    data = task.to_import()["data"]
    assert data["date"] is None and data["outlet"] is None
    assert "score" not in task.to_import()["predictions"][0]


def test_a_span_that_does_not_match_the_text_is_refused() -> None:
    wrong = Span(start=0, end=6, label="LOC", text="Алматы")

    with pytest.raises(InputError, match="article a1: span 'Алматы'"):
        build_task(_article(), [wrong], model_version="v")


def test_build_tasks_uses_the_extractor_and_its_model_version() -> None:
    tasks = build_tasks([_article(), _article(id="a2")], FixedExtractor())

    assert [task.data.id for task in tasks] == ["a1", "a2"]
    assert {task.predictions[0].model_version for task in tasks} == {"fixed-1.0"}


def test_write_tasks_writes_a_json_list_and_nothing_else(tmp_path: Path) -> None:
    tasks = build_tasks([_article(), _article(id="a2")], FixedExtractor())
    path = tmp_path / "tasks.json"

    assert write_tasks(tasks, path) == 2

    assert json.loads(path.read_text(encoding="utf-8")) == [task.to_import() for task in tasks]
    # beside it only curate's note that it wrote it (no temporary file left)
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST_NAME, "tasks.json"]
    assert "Изъято" in path.read_text(encoding="utf-8")


def test_import_json_is_the_import_object_as_json() -> None:
    # The seeds' tasks hold every kind of result (regions, readings, the lang choice) and
    # null fields; an article without a date or outlet keeps them as null too.
    tasks = [
        *tasks_from_articles(SEEDS),
        build_task(_article(date=None, outlet=None), [], model_version="v"),
    ]

    for task in tasks:
        assert json.loads(task.import_json()) == task.to_import()


def test_seed_predictions_use_config_labels_and_match_the_text() -> None:
    config_labels = {label.name for label in read_label_config().labels}

    tasks = tasks_from_articles(SEEDS)

    assert len(tasks) == 5
    for task in tasks:
        regions = [r for r in task.predictions[0].result if r.type == "labels"]
        assert regions, task.data.id
        for region in regions:
            value = region.value
            assert set(value.labels) <= config_labels <= set(LABEL_NAMES)
            assert task.data.text[value.start : value.end] == value.text
        assert task.predictions[0].model_version.startswith("curate-rules")


def test_cli_writes_the_import_file(tmp_path: Path) -> None:
    output = tmp_path / "tasks.json"

    result = runner.invoke(app, ["tasks", str(SEEDS), "-o", str(output)])

    assert result.exit_code == 0, result.output
    written = json.loads(output.read_text(encoding="utf-8"))
    assert len(written) == 5
    spans = sum(r["type"] == "labels" for task in written for r in task["predictions"][0]["result"])
    assert result.stdout.strip() == f"5 tasks, {spans} predicted spans -> {output}"


def test_cli_names_a_missing_source(tmp_path: Path) -> None:
    result = runner.invoke(app, ["tasks", str(tmp_path / "absent"), "-o", str(tmp_path / "t.json")])

    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {tmp_path / 'absent'}")
    assert not (tmp_path / "t.json").exists()


@pytest.mark.server
def test_import_file_uploads_like_the_ui_and_predictions_are_visible(
    label_studio, project_title: str, tmp_path: Path
) -> None:
    client = label_studio.client()
    project = client.create_project(
        project_title, label_config=read_label_config().xml, instructions=read_guidelines()
    )
    tasks = tasks_from_articles(SEEDS)
    path = tmp_path / "tasks.json"
    write_tasks(tasks, path)

    # The UI's import dialog posts the file as multipart to the import endpoint.
    response = httpx.post(
        f"{label_studio.url}/api/projects/{project.id}/import",
        headers={"Authorization": f"Token {label_studio.api_key}"},
        files={"file": ("tasks.json", path.read_bytes(), "application/json")},
        timeout=120,
    )

    assert response.status_code == 201, response.text
    assert response.json()["task_count"] == 5
    assert response.json()["prediction_count"] == 5
    stored = {t.article_id: t for t in client.stored_tasks(project.id)}
    for task in tasks:
        remote = client.sdk.tasks.get(str(stored[task.data.id].id))
        prediction = remote.predictions[0]
        assert prediction.model_version == task.predictions[0].model_version
        assert prediction.result == task.to_import()["predictions"][0]["result"]


@pytest.mark.server
def test_server_rejects_a_prediction_with_an_unknown_label(
    label_studio, project_title: str
) -> None:
    client = label_studio.client()
    project = client.create_project(
        project_title, label_config=read_label_config().xml, instructions=""
    )
    task: Task = build_tasks([_article()], FixedExtractor())[0]
    bad = task.to_import()
    bad["predictions"][0]["result"][0]["value"]["labels"] = ["WEAPON"]

    with pytest.raises(LabelStudioError, match=r"refused importing 1 task\(s\) \(HTTP 400\)"):
        client.import_tasks(project.id, [bad])

    assert client.task_count(project.id) == 0


def test_article_tasks_are_the_same_tasks_built_one_at_a_time() -> None:
    tasks = ArticleTasks(SEEDS)

    assert len(tasks) == 5
    assert isinstance(next(iter(tasks)), Task)
    assert list(tasks) == tasks_from_articles(SEEDS)


def test_article_tasks_refuse_an_article_id_given_twice_before_any_is_built(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [a.model_dump_json() for a in read_articles(SEEDS)]
    corpus.write_text("\n".join([*lines, lines[2]]) + "\n", encoding="utf-8")

    with pytest.raises(InputError, match=r"article id\(s\) 002_\w+ appear more than once"):
        ArticleTasks(corpus)
