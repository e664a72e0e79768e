"""``curate export``: a Label Studio JSON export in, the gold dataset out (``exports/``).

Reads and checks the export, adjudicates every task, compares the figures of twin stories,
renders each requested format (and the train/dev/test files of a split), ``conflicts.jsonl``
(one line per task with open conflicts, kind ``task``, then one per twin conflict, kind
``twin``) and the ``README.md`` data card, and only then writes them all, atomically: a
failed export leaves an earlier one untouched.
"""

import contextlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from pydantic import ValidationError

from curate import datacard
from curate.adjudicate import Adjudication, adjudicate
from curate.agreement import agreement_report
from curate.errors import InputError
from curate.files import atomic_writer, check_output_files, record_outputs, remove_outputs
from curate.gold_formats import FORMATS, ExportFormat, export_formats
from curate.labels import LANGUAGES
from curate.labelstudio_export import LabelStudioExport, read_export
from curate.models import ExportedTask, GoldDocument
from curate.splits import SPLIT_NAMES, assign_splits, parse_split
from curate.twins import twin_report

GOLD = "gold"
CONFLICTS_FILE = "conflicts.jsonl"
DATA_CARD_FILE = "README.md"

Progress = Callable[[int, int], None]


class OutputFile(NamedTuple):
    """A rendered file and how many records (documents, conflict lines) it holds."""

    content: str | bytes
    records: int


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: documents (tasks, for conflicts) per data file, beside the
    ``README.md`` data card, and the reader's warnings."""

    out_dir: Path
    files: dict[str, int]
    documents: int
    conflicted_tasks: int
    warnings: tuple[str, ...]

    @property
    def data_card(self) -> Path:
        return self.out_dir / DATA_CARD_FILE


def export_gold(
    export_path: Path,
    out_dir: Path,
    *,
    formats: Sequence[str],
    split: str | None = None,
    seed: int = 0,
    progress: Progress | None = None,
    force: bool = False,
    strict: bool = False,
) -> ExportResult:
    """Write the gold dataset of ``export_path`` into ``out_dir``.

    ``formats`` are names from :data:`curate.gold_formats.FORMATS`; ``split`` is
    ``"train/dev/test"`` percentages (``"80/10/10"``), split by story with ``seed``.
    ``progress(done, total)`` is called as tasks are adjudicated. A bad region is a warning
    (the task's overlapping spans go to ``conflicts.jsonl``), an error with ``strict``. A file
    in ``out_dir`` that curate did not write (the user's own ``README.md``, say) is never
    replaced or removed: the export stops before any work, unless ``force``.
    """
    chosen = export_formats(formats)
    percentages = parse_split(split) if split is not None else None
    parts = [GOLD, *SPLIT_NAMES] if percentages else [GOLD]
    names = [f"{part}.{fmt.extension}" for fmt in chosen.values() for part in parts]
    check_output_files(
        out_dir, [*names, CONFLICTS_FILE, DATA_CARD_FILE], force=force, what="the export"
    )
    export = read_export(export_path, strict=strict)
    adjudications = _adjudicate_all(export, progress)
    documents = _gold_documents(export, adjudications)
    splits = assign_splits(documents, percentages=percentages, seed=seed) if percentages else {}
    files = _render_formats(chosen, {GOLD: documents, **splits})
    conflicted = [a for a in adjudications if a.has_conflicts]
    twins = twin_report(documents)
    files[CONFLICTS_FILE] = OutputFile(
        "".join(f"{a.conflicts_json()}\n" for a in conflicted)
        + "".join(f"{c.to_json()}\n" for c in twins.conflicts),
        len(conflicted) + len(twins.conflicts),
    )
    card = datacard.render(
        documents,
        adjudications,
        source_export=export_path.name,
        files={name: output.records for name, output in files.items()},
        agreement=agreement_report(export, gold=adjudications).model_dump(),
        twins=twins,
        split=(percentages, seed, splits) if percentages else None,
        warnings=[w.removeprefix(f"{export_path}: ") for w in export.warnings],
    )
    files[DATA_CARD_FILE] = OutputFile(card, 1)
    _write_all(out_dir, files)
    record_outputs(out_dir, files)
    remove_outputs(out_dir, sorted(_gold_file_names() - set(files)))
    return ExportResult(
        out_dir=out_dir,
        files={name: output.records for name, output in files.items() if name != DATA_CARD_FILE},
        documents=len(documents),
        conflicted_tasks=len(conflicted),
        warnings=(*export.warnings, *_split_warnings(splits, total=len(documents))),
    )


def _split_warnings(splits: Mapping[str, Sequence[GoldDocument]], *, total: int) -> list[str]:
    """An empty split is legal but rarely meant (5 documents at 80/10/10)."""
    sizes = ", ".join(f"{name} {len(docs)}" for name, docs in splits.items())
    return [
        f"split {name} got no document of {total} (splits keep a story's documents together: "
        f"{sizes}); annotate more or choose other percentages"
        for name, docs in splits.items()
        if not docs
    ]


def _adjudicate_all(tasks: Sequence[ExportedTask], progress: Progress | None) -> list[Adjudication]:
    """Adjudications of the tasks that have completed annotations, in export order."""
    worked = [task for task in tasks if task.completed()]
    adjudications = []
    for done, task in enumerate(worked, start=1):
        adjudications.append(adjudicate(task))
        if progress is not None:
            progress(done, len(worked))
    return adjudications


def _gold_documents(
    export: LabelStudioExport, adjudications: Sequence[Adjudication]
) -> list[GoldDocument]:
    tasks = {task.id: task for task in export}
    documents = [
        gold_document(tasks[a.task_id], a, source_export=export.path.name) for a in adjudications
    ]
    if not documents:
        raise InputError(f"{export.path}: no task has a completed annotation: nothing to export")
    return documents


def gold_document(
    task: ExportedTask, adjudication: Adjudication, *, source_export: str
) -> GoldDocument:
    """The ``gold.jsonl`` record of a task: its metadata, decided spans and choices.

    ``lang`` is the annotators' choice where they made one, else the task's detected one.
    """
    data = task.data
    lang = adjudication.choices.get("lang") or data.get("lang")
    try:
        return GoldDocument(
            id=adjudication.id,
            task_id=task.id,
            story_id=str(data.get("story_id") or adjudication.id),
            lang=lang if lang in LANGUAGES else None,
            date=data.get("date") or None,
            outlet=data.get("outlet") or None,
            title=data.get("title") or None,
            text=task.text,
            spans=adjudication.spans,
            choices=adjudication.choices,
            annotators=adjudication.annotators,
            source_export=source_export,
        )
    except ValidationError as error:
        problem = error.errors()[0]
        location = ".".join(str(part) for part in problem["loc"])
        raise InputError(
            f"{source_export}: task {task.id}: data.{location}: {problem['msg']}"
        ) from None


def _render_formats(
    chosen: Mapping[str, ExportFormat], parts: Mapping[str, Sequence[GoldDocument]]
) -> dict[str, OutputFile]:
    """``<part>.<ext>`` for every format and part (``gold`` and the splits, if any)."""
    return {
        f"{part}.{export_format.extension}": OutputFile(export_format.render(docs), len(docs))
        for export_format in chosen.values()
        for part, docs in parts.items()
    }


def _write_all(out_dir: Path, files: Mapping[str, OutputFile]) -> None:
    """Stage every file beside its target, then move them all into place (none on error)."""
    with contextlib.ExitStack() as stack:
        for name, output in files.items():
            stream = stack.enter_context(atomic_writer(out_dir / name))
            if isinstance(output.content, bytes):  # the binary formats (spaCy, Parquet)
                stream.buffer.write(output.content)
            else:
                stream.write(output.content)


def _gold_file_names() -> set[str]:
    """Every gold and split file name any format writes: the ones an earlier export may have
    left that this one does not rewrite (removed if curate wrote them, see remove_outputs)."""
    return {
        f"{part}.{export_format.extension}"
        for export_format in FORMATS.values()
        for part in (GOLD, *SPLIT_NAMES)
    }
