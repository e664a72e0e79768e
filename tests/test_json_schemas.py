"""The JSON Schemas shipped in ``exports/``: generated from the models, and they hold."""

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from curate.gold import export_gold
from curate.json_schemas import SCHEMAS, render_schema, write_schemas

ROOT = Path(__file__).parents[1]
SHIPPED = ROOT / "exports"
EXPORT = ROOT / "tests" / "data" / "lsexport" / "three_annotators.json"


@pytest.mark.parametrize("name", SCHEMAS)
def test_the_shipped_schema_is_the_generated_one(name: str) -> None:
    shipped = (SHIPPED / name).read_text("utf-8")
    assert shipped == render_schema(SCHEMAS[name]()), (
        f"exports/{name} is stale: run `uv run python -m curate.json_schemas exports`"
    )


@pytest.mark.parametrize("name", SCHEMAS)
def test_the_schemas_are_valid_json_schema(name: str) -> None:
    Draft202012Validator.check_schema(json.loads((SHIPPED / name).read_text("utf-8")))


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out_dir = tmp_path_factory.mktemp("exports")
    export_gold(EXPORT, out_dir, formats=["jsonl"], split="50/25/25", seed=3)
    return out_dir


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads((SHIPPED / name).read_text("utf-8")))


@pytest.mark.parametrize(
    ("records", "schema"),
    [
        ("gold.jsonl", "gold.schema.json"),
        ("train.jsonl", "gold.schema.json"),
        ("conflicts.jsonl", "conflicts.schema.json"),
    ],
)
def test_every_exported_line_holds_to_its_schema(exported: Path, records: str, schema: str) -> None:
    lines = (exported / records).read_text("utf-8").splitlines()
    assert lines
    for line in lines:
        errors = [error.message for error in validator(schema).iter_errors(json.loads(line))]
        assert errors == []


def test_the_gold_schema_refuses_what_the_model_refuses(exported: Path) -> None:
    record = json.loads((exported / "gold.jsonl").read_text("utf-8").splitlines()[0])
    check = validator("gold.schema.json")
    assert check.is_valid(record)
    assert not check.is_valid({**record, "extra": 1})
    assert not check.is_valid({key: value for key, value in record.items() if key != "text"})
    span = record["spans"][0]
    assert not check.is_valid({**record, "spans": [{**span, "label": "GPE"}]})
    assert not check.is_valid({**record, "spans": [{**span, "qualifier": "roughly"}]})


def test_conflicts_schema_holds_only_the_conflict_part(exported: Path) -> None:
    record = json.loads((exported / "conflicts.jsonl").read_text("utf-8").splitlines()[0])
    check = validator("conflicts.schema.json")
    assert check.is_valid(record)
    assert not check.is_valid({**record, "spans": []})


def test_write_schemas_writes_every_schema(tmp_path: Path) -> None:
    written = write_schemas(tmp_path)
    assert sorted(path.name for path in written) == sorted(SCHEMAS)
    for path in written:
        assert path.read_text("utf-8") == (SHIPPED / path.name).read_text("utf-8")
