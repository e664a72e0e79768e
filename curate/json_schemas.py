"""JSON Schemas of the gold records, generated from the pydantic models that write them.

``gold.schema.json`` describes a ``gold.jsonl`` line (:class:`~curate.models.GoldDocument`),
``conflicts.schema.json`` a ``conflicts.jsonl`` line (the conflict part of an
:class:`~curate.adjudicate.Adjudication`). The copies shipped in ``exports/`` are checked
against these by the tests; after changing a model, regenerate them with::

    uv run python -m curate.json_schemas exports
"""

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from curate.adjudicate import Adjudication
from curate.files import atomic_writer
from curate.models import GoldDocument

DRAFT = "https://json-schema.org/draft/2020-12/schema"
#: The fields of an :class:`Adjudication` that a ``conflicts.jsonl`` line holds.
CONFLICT_FIELDS: tuple[str, ...] = (
    "id",
    "task_id",
    "annotators",
    "span_conflicts",
    "choice_conflicts",
)

Schema = dict[str, Any]


def gold_schema() -> Schema:
    """The schema of one ``gold.jsonl`` line."""
    schema = GoldDocument.model_json_schema(mode="serialization")
    return _published(schema, title="gold.jsonl line")


def conflicts_schema() -> Schema:
    """The schema of one ``conflicts.jsonl`` line: a task and its open conflicts."""
    schema = Adjudication.model_json_schema(mode="serialization")
    schema["properties"] = {name: schema["properties"][name] for name in CONFLICT_FIELDS}
    schema["required"] = [name for name in schema.get("required", []) if name in CONFLICT_FIELDS]
    schema["description"] = "A task of conflicts.jsonl and its open conflicts."
    return _published(schema, title="conflicts.jsonl line")


#: The shipped file name of each schema and the function that generates it.
SCHEMAS: dict[str, Callable[[], Schema]] = {
    "gold.schema.json": gold_schema,
    "conflicts.schema.json": conflicts_schema,
}


def render_schema(schema: Schema) -> str:
    """The text of a schema file: indented JSON, letters as they are, one final newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(directory: Path) -> list[Path]:
    """Write every schema into ``directory`` (atomically); return the paths written."""
    written = []
    for name, generate in SCHEMAS.items():
        path = directory / name
        with atomic_writer(path) as stream:
            stream.write(render_schema(generate()))
        written.append(path)
    return written


def _published(schema: Schema, *, title: str) -> Schema:
    return {"$schema": DRAFT, **schema, "title": title}


if __name__ == "__main__":
    for written in write_schemas(Path(sys.argv[1] if len(sys.argv) > 1 else "exports")):
        print(written)
