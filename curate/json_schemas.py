"""JSON Schemas of the gold records, generated from the pydantic models that write them.

``gold.schema.json`` describes a ``gold.jsonl`` line (:class:`~curate.models.GoldDocument`),
``conflicts.schema.json`` a ``conflicts.jsonl`` line: a task's open conflicts (the conflict
part of an :class:`~curate.adjudicate.Adjudication`, kind ``task``) or two twin documents
that contradict each other on a figure (:class:`~curate.twins.TwinConflict`, kind ``twin``).
The copies shipped in ``exports/`` are checked against these by the tests; after changing a
model, regenerate them with::

    uv run python -m curate.json_schemas exports
"""

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from curate.adjudicate import CONFLICT_FIELDS, TASK_CONFLICT, Adjudication
from curate.files import atomic_writer
from curate.models import GoldDocument
from curate.twins import TWIN_CONFLICT, TwinConflict

DRAFT = "https://json-schema.org/draft/2020-12/schema"

Schema = dict[str, Any]


def gold_schema() -> Schema:
    """The schema of one ``gold.jsonl`` line."""
    schema = GoldDocument.model_json_schema(mode="serialization")
    return _published(schema, title="gold.jsonl line")


def conflicts_schema() -> Schema:
    """The schema of one ``conflicts.jsonl`` line: a task's conflicts, or a twin conflict."""
    task = Adjudication.model_json_schema(mode="serialization")
    definitions = task.pop("$defs", {})
    task["properties"] = {
        "kind": {"const": TASK_CONFLICT},
        **{name: task["properties"][name] for name in CONFLICT_FIELDS},
    }
    task["required"] = ["kind", *(n for n in task.get("required", []) if n in CONFLICT_FIELDS)]
    task["description"] = "A task of conflicts.jsonl and its open conflicts."
    twin = TwinConflict.model_json_schema(mode="serialization")
    definitions.update(twin.pop("$defs", {}))
    twin["properties"]["kind"] = {"const": TWIN_CONFLICT}
    twin["required"] = sorted({"kind", *twin.get("required", [])})
    schema = {"oneOf": [task, twin], "$defs": definitions}
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
