"""Readings of number spans through a real Label Studio: push, annotate, pull, export.

The Kazakh and Russian seeds of one briefing (000 and 001) are pushed with the rules'
predictions. Three annotators answer the Kazakh one: two keep the prefilled "525 келіден
астам" reading, one changes it; two answer the Russian one and disagree on a qualifier.
"""

import json
from pathlib import Path
from typing import Any

import pytest

from curate.articles import read_articles
from curate.gold import export_gold
from curate.rules import Extractor
from curate.sync import pull, push
from curate.tasks import Task, build_tasks

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
KK, RU = "000_8862c5cf1237cf20", "001_ebc768f9c6bcacff"

pytestmark = pytest.mark.server


def changed(result: list[dict[str, Any]], phrase: str, control: str, answer: object) -> list:
    """``result`` with the ``control`` answer of the region over ``phrase`` replaced."""
    region_id = next(
        r["id"] for r in result if r["type"] == "labels" and r["value"]["text"] == phrase
    )
    key = "text" if control == "value" else "choices"
    return [
        {**r, "value": {**r["value"], key: answer}}
        if r.get("id") == region_id and r["from_name"] == control
        else r
        for r in result
    ]


@pytest.fixture(scope="module")
def seed_tasks(extractor: Extractor) -> dict[str, Task]:
    articles = [a for a in read_articles(SEEDS) if a.id in (KK, RU)]
    return {task.data.id: task for task in build_tasks(articles, extractor)}


@pytest.fixture(scope="module")
def exported(label_studio, seed_tasks: dict[str, Task], tmp_path_factory) -> Path:
    client = label_studio.client()
    title = "values-three-annotators"
    project = push(client, list(seed_tasks.values()), project_title=title).project
    task_ids = {task.article_id: task.id for task in client.stored_tasks(project.id)}
    predicted = {
        aid: task.to_import()["predictions"][0]["result"] for aid, task in seed_tasks.items()
    }  # type: ignore[index]
    kk, ru = predicted[KK], predicted[RU]
    answers = {
        KK: {
            "A": kk,
            "B": kk,
            "C": changed(kk, "525 келіден астам", "value", ["526"]),
        },
        RU: {
            "A": ru,
            "B": changed(ru, "свыше 525 кг", "qualifier", ["about"]),
        },
    }
    users = {name: label_studio.create_user(name) for name in "ABC"}
    for article_id, by_name in answers.items():
        for name, result in by_name.items():
            client.create_annotation(
                task_ids[article_id], result=result, completed_by=users[name].id
            )
    snapshot = pull(client, project_title=title, directory=tmp_path_factory.mktemp("snapshots"))
    assert snapshot.summary.mismatches == ()
    out = tmp_path_factory.mktemp("exports")
    export_gold(snapshot.path, out, formats=["jsonl"])
    return out


def gold_span(exported: Path, article_id: str, phrase: str) -> dict[str, Any]:
    documents = {
        d["id"]: d for d in map(json.loads, (exported / "gold.jsonl").open(encoding="utf-8"))
    }
    return next(s for s in documents[article_id]["spans"] if s["text"] == phrase)


def test_two_of_three_keep_the_prefilled_reading_so_it_is_gold_confirmed(exported: Path) -> None:
    span = gold_span(exported, KK, "525 келіден астам")

    assert (span["value"], span["unit"], span["qualifier"]) == (525.0, "kg", "more_than")
    assert (span["value_source"], span["value_review"]) == ("annotators 2/3", "confirmed")
    money = gold_span(exported, KK, "255 миллион теңгеден астам")
    assert (money["value"], money["unit"], money["value_source"]) == (
        255_000_000,
        "KZT",
        "annotators 3/3",
    )


def test_a_tie_on_a_qualifier_is_a_value_conflict_listing_each_reading(exported: Path) -> None:
    span = gold_span(exported, RU, "свыше 525 кг")
    lines = [json.loads(line) for line in (exported / "conflicts.jsonl").open(encoding="utf-8")]
    [task_line] = [c for c in lines if c["kind"] == "task" and c["id"] == RU]
    [conflict] = task_line["value_conflicts"]

    assert span["value_source"] == "normaliser" and span["value_review"] == "unseen"
    assert (conflict["text"], conflict["reason"]) == ("свыше 525 кг", "tie")
    assert sorted(r["qualifier"] for r in conflict["versions"].values()) == ["about", "more_than"]
    assert all(r["value"] == 525.0 and r["unit"] == "kg" for r in conflict["versions"].values())


def test_the_data_card_counts_confirmed_changed_and_twin_conflicts(exported: Path) -> None:
    card = (exported / "README.md").read_text(encoding="utf-8")
    lines = [json.loads(line) for line in (exported / "conflicts.jsonl").open(encoding="utf-8")]
    twins = [c for c in lines if c["kind"] == "twin"]

    assert "## Values of number spans" in card and "1 value conflicts (ties) are open" in card
    assert f"{len(twins)} twin conflicts" in card
    assert all({d["id"] for d in c["documents"]} == {KK, RU} for c in twins)
    for conflict in twins:
        first, second = (d["span"] for d in conflict["documents"])
        assert (first["label"], first.get("unit")) == (second["label"], second.get("unit"))
        assert (first["value"], first.get("qualifier")) != (
            second["value"],
            second.get("qualifier"),
        )
    # The seeds really differ here: the Kazakh report says 1.5 thousand, the Russian "about".
    pairs = {tuple(d["span"]["text"] for d in c["documents"]) for c in twins}
    assert ("1,5 мың", "около 1,5 тыс.") in pairs
