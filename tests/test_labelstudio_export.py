"""Reading Label Studio JSON exports: what is read, what warns, and every bad input's error."""

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from curate.cli import app
from curate.errors import InputError
from curate.labelstudio_export import read_export
from curate.models import Span
from curate.tasks import build_prediction

DATA = Path(__file__).parent / "data" / "lsexport"
EXPORT = DATA / "three_annotators.json"

TEXT = "В Астане изъяли кокаин."


def region(start: int, end: int, label: str = "LOC", text: str | None = None) -> dict[str, Any]:
    return {
        "id": f"r{start}",
        "type": "labels",
        "from_name": "label",
        "to_name": "text",
        "value": {"start": start, "end": end, "text": TEXT[start:end] if text is None else text,
                  "labels": [label]},
    }  # fmt: skip


def base_task() -> dict[str, Any]:
    """One task as Label Studio exports it, with the keys curate ignores left in."""
    return {
        "id": 7,
        "data": {"text": TEXT, "id": "a7", "lang": "ru"},
        "annotations": [
            {
                "id": 70,
                "completed_by": {"id": 2, "email": "alice@example.kz", "first_name": ""},
                "result": [region(2, 8), region(16, 22, "DRUG")],
                "was_cancelled": False,
                "ground_truth": False,
                "lead_time": 3.5,
                "prediction": {},
            }
        ],
        "predictions": [],
        "drafts": [],
        "meta": {},
    }


def write_tasks(tmp_path: Path, edit: Callable[[dict[str, Any]], object]) -> Path:
    task = base_task()
    edit(task)
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    return path


def first_result(task: dict[str, Any]) -> dict[str, Any]:
    return task["annotations"][0]["result"][0]


# ---- the good export ---------------------------------------------------------------------


def test_reads_every_task_with_its_annotators_and_predictions() -> None:
    export = read_export(EXPORT)
    assert [task.id for task in export] == [101, 102, 103, 104, 105, 106]
    first = export[0]
    assert first.article_id == "000-kk"
    assert [a.annotator for a in first.annotations] == [
        "alice@example.kz",
        "bob@example.kz",
        "user:7",  # completed_by given as a bare user id
    ]
    assert [(s.start, s.end, s.label, s.text) for s in first.annotations[0].spans][:2] == [
        (0, 8, "LOC", "Алматыда"),
        (9, 29, "QUANTITY", "жарты тоннадан астам"),
    ]
    assert first.annotations[0].choices == {"lang": "kk", "relevant": "yes"}
    prediction = export[1].predictions[0]
    assert (prediction.annotator, [s.score for s in prediction.spans]) == (
        "curate-rules 0.1",
        [0.95, 0.9],
    )
    assert export[2].predictions == []  # listed by id only in the export
    assert [a.ground_truth for a in export[3].annotations] == [False, True, False]


def test_cancelled_work_is_kept_but_flagged_and_warned_about() -> None:
    export = read_export(EXPORT)
    assert [a.was_cancelled for a in export[1].annotations] == [False, False, True]
    assert len(export[1].completed()) == 2
    assert export.warnings == (
        f"{EXPORT}: 1 task(s) have no annotations: 105",
        f"{EXPORT}: 1 task(s) have only cancelled annotations, so no gold: 106",
        f"{EXPORT}: annotator dave@example.kz has no completed annotations (1 cancelled); "
        "they count nowhere",
    )


def test_an_annotators_repeated_annotations_count_once(tmp_path: Path) -> None:
    def repeat(task: dict[str, Any]) -> None:
        again = copy.deepcopy(task["annotations"][0])
        again["id"], again["result"] = 71, [region(2, 8)]
        task["annotations"].append(again)

    (task,) = read_export(write_tasks(tmp_path, repeat))
    assert [(a.id, len(a.spans)) for a in task.annotations] == [(71, 1)]


def test_other_region_types_are_skipped_with_a_warning(tmp_path: Path) -> None:
    def add_textarea(task: dict[str, Any]) -> None:
        task["annotations"][0]["result"].append(
            {"type": "textarea", "from_name": "note", "value": {"text": ["see page 2"]}}
        )

    path = write_tasks(tmp_path, add_textarea)
    export = read_export(path)
    assert len(export[0].annotations[0].spans) == 2
    assert export.warnings == (
        f"{path}: ignored 1 region(s) of type 'textarea': curate reads labels and choices",
    )


def test_an_empty_export_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    path.write_text("[]", encoding="utf-8")
    export = read_export(path)
    assert (len(export), export.warnings) == (0, (f"{path}: the export has no tasks",))


# ---- bad inputs: one line each, naming the file, the task and the problem ------------------


def _set(path: list[Any], value: object) -> Callable[[dict[str, Any]], None]:
    def edit(task: dict[str, Any]) -> None:
        target: Any = task
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return edit


def _overlap(task: dict[str, Any]) -> None:
    task["annotations"][0]["result"].append(region(2, 15, "LOC"))


def _remove_completed_by(task: dict[str, Any]) -> None:
    del task["annotations"][0]["completed_by"]


def _bad_choice(task: dict[str, Any]) -> None:
    task["annotations"][0]["result"].append(
        {"type": "choices", "from_name": "lang", "value": {"choices": ["en"]}}
    )


ANNOTATION = "task 7: annotation 70 by alice@example.kz"

# (id, how the file is made, error after "<path>: ")
BAD_INPUTS: list[tuple[str, Callable[[Path], Path], str]] = [
    (
        "truncated",
        lambda tmp: _raw(tmp, json.dumps([base_task()], ensure_ascii=False)[:60]),
        "not valid JSON (Expecting value at line 1 column 61); "
        "the file may be truncated: export it again",
    ),
    (
        "empty file",
        lambda tmp: _raw(tmp, ""),
        "not valid JSON (Expecting value at line 1 column 1); "
        "the file may be truncated: export it again",
    ),
    (
        "binary",
        lambda tmp: _raw(tmp, b"\x89PNG\r\n\x1a\n\x00\xff"),
        "not UTF-8 text, so not a Label Studio JSON export",
    ),
    (
        "not a list",
        lambda tmp: _raw(tmp, json.dumps(base_task())),
        "expected a JSON list of tasks (Label Studio 'Export → JSON'), found dict",
    ),
    (
        "task without text",
        lambda tmp: write_tasks(tmp, _set(["data"], {"image": "cat.jpg"})),
        "task 7: no text in data.text; export with 'Export → JSON' (not JSON-MIN or CSV)",
    ),
    (
        "annotation without completed_by",
        lambda tmp: write_tasks(tmp, _remove_completed_by),
        "task 7: annotations.0.completed_by: Field required",
    ),
    (
        "offsets past the text",
        lambda tmp: write_tasks(
            tmp, _set(["annotations", 0, "result", 1], region(16, 40, "DRUG", "кокаин."))
        ),
        f"{ANNOTATION}: region r16: offsets [16, 40) are outside the task text (length 23); "
        "was the task text changed after annotation?",
    ),
    (
        "region text differs from the task text",
        lambda tmp: write_tasks(
            tmp, _set(["annotations", 0, "result", 0], region(1, 7, "LOC", "Астане"))
        ),
        f"{ANNOTATION}: region r1: [1, 7) reads ' Астан' in the task text but the region says "
        "'Астане' (offsets drifted); fix the region in Label Studio",
    ),
    (
        "unknown label",
        lambda tmp: write_tasks(tmp, _set(["annotations", 0, "result", 0], region(2, 8, "GPE"))),
        f"{ANNOTATION}: region r2: label(s) GPE on 'Астане': each region needs exactly one of "
        "PER, ORG, LOC, DATE, DRUG, QUANTITY, MONEY, COUNT, PERCENT, LAW",
    ),
    (
        "overlapping spans from one annotator",
        lambda tmp: write_tasks(tmp, _overlap),
        f"{ANNOTATION}: spans overlap: [2, 8) LOC 'Астане' and [2, 15) LOC 'Астане изъяли'; "
        "spans are flat in the scheme: delete one in Label Studio",
    ),
    (
        "unknown choice value",
        lambda tmp: write_tasks(tmp, _bad_choice),
        f"{ANNOTATION}: choice lang=en; pick exactly one of kk, ru",
    ),
]


def _raw(tmp_path: Path, content: str | bytes) -> Path:
    path = tmp_path / "export.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("make", "problem"), [case[1:] for case in BAD_INPUTS], ids=[case[0] for case in BAD_INPUTS]
)
def test_bad_input_is_one_line_naming_file_and_problem(
    tmp_path: Path, make: Callable[[Path], Path], problem: str
) -> None:
    path = make(tmp_path)
    with pytest.raises(InputError) as raised:
        read_export(path, strict=True)
    assert str(raised.value) == f"{path}: {problem}"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file; give a Label Studio JSON export"):
        read_export(tmp_path / "nowhere.json")


# ---- the same through the command line -----------------------------------------------------

runner = CliRunner()


@pytest.mark.parametrize(
    ("make", "problem"), [case[1:] for case in BAD_INPUTS], ids=[case[0] for case in BAD_INPUTS]
)
def test_export_command_prints_one_error_line(
    tmp_path: Path, make: Callable[[Path], Path], problem: str
) -> None:
    path = make(tmp_path)
    result = runner.invoke(app, ["export", str(path), "-o", str(tmp_path / "out"), "--strict"])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path}: {problem}\n"
    assert not (tmp_path / "out").exists()


def test_export_command_lists_files_and_warnings(tmp_path: Path) -> None:
    out_dir = tmp_path / "exports"
    result = runner.invoke(app, ["export", str(EXPORT), "-o", str(out_dir), "--format", "conll"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"Warning: {EXPORT}: 1 task(s) have no annotations: 105",
        f"Warning: {EXPORT}: 1 task(s) have only cancelled annotations, so no gold: 106",
        f"Warning: {EXPORT}: annotator dave@example.kz has no completed annotations "
        "(1 cancelled); they count nowhere",
    ]
    assert result.stdout.splitlines() == [
        f"{out_dir / 'gold.conll'}  4",
        f"{out_dir / 'conflicts.jsonl'}  2",
        f"4 gold documents, 2 with open conflicts; data card: {out_dir / 'README.md'}",
    ]


@pytest.mark.parametrize(
    ("options", "error"),
    [
        (
            ["--format", "xml"],
            "Error: unknown export format xml: choose from jsonl, conll, spacy, hf\n",
        ),
        (
            ["--split", "80/20"],
            "Error: split '80/20': give train/dev/test percentages, like 80/10/10\n",
        ),
    ],
)
def test_export_command_checks_options_first(
    tmp_path: Path, options: list[str], error: str
) -> None:
    result = runner.invoke(app, ["export", str(EXPORT), "-o", str(tmp_path / "out"), *options])
    assert (result.exit_code, result.stderr) == (1, error)
    assert not (tmp_path / "out").exists()


def test_reads_a_snapshot_made_by_a_real_label_studio() -> None:
    """Made by Label Studio 1.23.2 with curate pull's snapshot options: annotations posted
    through the API (regions without ids), one cancelled, a prediction, an emoji before a span."""
    path = DATA / "label_studio_1.23.2_snapshot.json"
    export = read_export(path)
    (task,) = export
    assert [(a.annotator, a.was_cancelled, len(a.spans)) for a in task.annotations] == [
        ("ann@example.kz", False, 3),
        ("ben@example.kz", False, 3),
        ("cat@example.kz", True, 1),
    ]
    assert task.annotations[0].spans[-1].text == "Астана"  # after the astral 🔥
    assert (task.predictions[0].annotator, task.predictions[0].choices) == (
        "rules 1",
        {"lang": "kk"},
    )
    assert export.warnings == (
        f"{path}: annotator cat@example.kz has no completed annotations (1 cancelled); "
        "they count nowhere",
    )


def test_prediction_regions_keep_the_rule_that_proposed_them(tmp_path: Path) -> None:
    spans = [
        Span(start=2, end=8, label="LOC", text="Астане", rule="loc_gazetteer", score=0.95),
        Span(start=16, end=22, label="DRUG", text="кокаин", rule="drug_gazetteer", score=0.95),
    ]
    prediction = build_prediction(spans, lang="ru", model_version="curate-rules-test")
    task = base_task()
    task["predictions"] = [prediction.model_dump(exclude_none=True)]
    task["annotations"][0]["result"] = [
        {**region(2, 8), "meta": {"rule": "loc_gazetteer", "text": ["rule: loc_gazetteer"]}}
    ]
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task], ensure_ascii=False), "utf-8")
    (read,) = read_export(path)
    assert [(s.text, s.rule) for s in read.predictions[0].spans] == [
        ("Астане", "loc_gazetteer"),
        ("кокаин", "drug_gazetteer"),
    ]
    assert [s.rule for s in read.annotations[0].spans] == [None]  # only predictions carry rules


# ---- readings of number regions (value, unit, qualifier on the region's id) ----------------

QUANTITY_TEXT = "Изъято более 525 кг и 2 564 карты."


def reading_results(
    region_id: str, start: int, end: int, *, value: object, unit: object, qualifier: object
) -> list[dict[str, Any]]:
    """The per-region results Label Studio 1.23 exports for a number region."""
    where = {"start": start, "end": end}
    text = QUANTITY_TEXT[start:end]
    return [
        {"id": region_id, "from_name": "value", "to_name": "text", "type": "textarea",
         "value": {**where, "text": value}},
        {"id": region_id, "from_name": "unit", "to_name": "text", "type": "choices",
         "value": {**where, "text": text, "choices": unit}},
        {"id": region_id, "from_name": "qualifier", "to_name": "text", "type": "choices",
         "value": {**where, "text": text, "choices": qualifier}},
    ]  # fmt: skip


def number_region(region_id: str, start: int, end: int, label: str) -> dict[str, Any]:
    return {
        "id": region_id,
        "type": "labels",
        "from_name": "label",
        "to_name": "text",
        "value": {"start": start, "end": end, "text": QUANTITY_TEXT[start:end], "labels": [label]},
    }


def reading_task(*results: dict[str, Any], predicted: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": 9,
        "data": {"text": QUANTITY_TEXT, "id": "a9"},
        "annotations": [
            {"id": 90, "completed_by": {"id": 2, "email": "alice@example.kz"},
             "result": list(results)}
        ],
        "predictions": [{"id": 1, "model_version": "rules", "result": predicted}],
    }  # fmt: skip


PREDICTED = [
    number_region("q", 7, 19, "QUANTITY"),
    *reading_results("q", 7, 19, value=["525"], unit=["kg"], qualifier=["more_than"]),
    number_region("c", 22, 27, "COUNT"),
    *reading_results("c", 22, 27, value=["2564"], unit=["none"], qualifier=["none"]),
]


def read_one(tmp_path: Path, task: dict[str, Any]) -> tuple[list[Span], tuple[str, ...]]:
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    export = read_export(path)
    return export[0].annotations[0].spans, export.warnings


def test_a_reading_left_as_predicted_is_confirmed_and_a_changed_one_is_the_annotators(
    tmp_path: Path,
) -> None:
    changed = reading_results("c", 22, 27, value=["2 565"], unit=["none"], qualifier=["about"])
    task = reading_task(*PREDICTED[:6], *changed, predicted=PREDICTED)

    spans, warnings = read_one(tmp_path, task)

    assert warnings == ()
    assert [(s.value, s.unit, s.qualifier, s.review) for s in spans] == [
        (525.0, "kg", "more_than", "confirmed"),
        (2565.0, None, "about", "changed"),
    ]
    assert [(s.value, s.unit, s.qualifier) for s in read_export_predictions(tmp_path)] == [
        (525.0, "kg", "more_than"),
        (2564.0, None, None),
    ]


def read_export_predictions(tmp_path: Path) -> list[Span]:
    return read_export(tmp_path / "export.json")[0].predictions[0].spans


def test_a_region_without_a_reading_has_none_and_decimals_survive(tmp_path: Path) -> None:
    half = reading_results("q", 7, 19, value=["0.5"], unit=["kg"], qualifier=[])
    task = reading_task(PREDICTED[0], *half, number_region("c", 22, 27, "COUNT"), predicted=[])

    spans, warnings = read_one(tmp_path, task)

    assert warnings == ()
    assert [(s.value, s.unit, s.qualifier, s.review) for s in spans] == [
        (0.5, "kg", None, "changed"),  # nothing predicted to confirm
        (None, None, None, None),
    ]


BAD_READINGS = [
    # description, the reading's results, the warning's end
    (
        "a value that is not a number",
        reading_results("q", 7, 19, value=["525 кг"], unit=["kg"], qualifier=["none"]),
        "region q QUANTITY 'более 525 кг': value '525 кг' is not a number (write digits: "
        "525, 0.5); its value is left to the normaliser",
    ),
    (
        "a unit the scheme does not have",
        reading_results("q", 7, 19, value=["525"], unit=["pounds"], qualifier=["none"]),
        "region q QUANTITY 'более 525 кг': unit ['pounds'] is not one of the scheme's kg, l, "
        "dose, KZT, USD, EUR, RUB, CNY, KGS, %, none; its value is left to the normaliser",
    ),
    (
        "a qualifier the scheme does not have",
        reading_results("q", 7, 19, value=["525"], unit=["kg"], qualifier=["roughly"]),
        "region q QUANTITY 'более 525 кг': qualifier ['roughly'] is not one of the scheme's "
        "none, more_than, less_than, about, almost, up_to; its value is left to the normaliser",
    ),
    (
        "a reading whose region does not exist",
        reading_results("gone", 7, 19, value=["525"], unit=["kg"], qualifier=["none"]),
        "a value/unit/qualifier result names region gone, which does not exist; ignored",
    ),
]


@pytest.mark.parametrize(
    ("results", "warning"), [case[1:] for case in BAD_READINGS], ids=[c[0] for c in BAD_READINGS]
)
def test_a_bad_reading_is_one_warning_naming_task_and_annotator_and_nothing_else_is_lost(
    tmp_path: Path, results: list[dict[str, Any]], warning: str
) -> None:
    task = reading_task(PREDICTED[0], *results, *PREDICTED[4:8], predicted=PREDICTED)

    spans, warnings = read_one(tmp_path, task)

    assert warnings == (
        f"{tmp_path / 'export.json'}: task 9: annotation 90 by alice@example.kz: {warning}",
    )
    assert [(s.label, s.value, s.review) for s in spans] == [
        ("QUANTITY", None, None),
        ("COUNT", 2564.0, "confirmed"),
    ]


def test_cli_export_warns_about_a_bad_reading_and_writes_the_normalisers_value(
    tmp_path: Path,
) -> None:
    bad = reading_results("q", 7, 19, value=["lots"], unit=["kg"], qualifier=["none"])
    path = tmp_path / "export.json"
    path.write_text(
        json.dumps([reading_task(PREDICTED[0], *bad, predicted=PREDICTED)], ensure_ascii=False),
        encoding="utf-8",
    )

    result = runner.invoke(app, ["export", str(path), "-o", str(tmp_path / "out")])

    assert result.exit_code == 0, result.output
    assert "Warning: " in result.stderr and "value 'lots' is not a number" in result.stderr
    assert "Traceback" not in result.output
    [gold] = [json.loads(line) for line in (tmp_path / "out" / "gold.jsonl").open()]
    [span] = gold["spans"]
    assert (span["value"], span["unit"], span["qualifier"], span["value_source"]) == (
        525.0,
        "kg",
        "more_than",
        "normaliser",
    )
