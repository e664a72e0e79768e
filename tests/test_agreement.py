"""The agreement report on hand-made tasks, against hand-written token tables and references."""

import json
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats import inter_rater
from typer.testing import CliRunner

from curate.adjudicate import Adjudication, SpanConflict
from curate.agreement import agreement_report
from curate.agreement_html import render_html
from curate.cli import app
from curate.files import MANIFEST_NAME
from curate.metrics import alpha_unitizing
from curate.models import Annotation, ExportedTask, GoldSpan, Span

# Tokens: Полиция Алматы изъяла 5 кг героина у Ивана Петрова .
SEIZURE = "Полиция Алматы изъяла 5 кг героина у Ивана Петрова."
# Tokens: В Астане задержали 3 человек .
ARREST = "В Астане задержали 3 человек."

Marks = list[tuple[str, str]]  # (surface text, label); the first occurrence is meant


def span(text: str, surface: str, label: str) -> Span:
    start = text.index(surface)
    return Span(start=start, end=start + len(surface), label=label, text=surface)


def annotation(who: str, text: str, marks: Marks, **choices: str) -> Annotation:
    return Annotation(
        annotator=who, spans=[span(text, s, label) for s, label in marks], choices=choices
    )


A_SEIZURE = [("Алматы", "LOC"), ("5 кг", "QUANTITY"), ("героина", "DRUG"), ("Ивана Петрова", "PER")]
B_SEIZURE = [
    ("Полиция Алматы", "ORG"),
    ("5 кг", "QUANTITY"),
    ("героина", "DRUG"),
    ("Петрова", "PER"),
]
C_SEIZURE = [("Алматы", "LOC"), ("5 кг героина", "QUANTITY"), ("Ивана Петрова", "PER")]
ARREST_MARKS = [("Астане", "LOC"), ("3", "COUNT")]


# The same, token by token (None: the annotator did not annotate the task).
def tags(row: str) -> list[str | None]:
    return [None if tag == "-" else tag for tag in row.split()]


TOKENS = {
    "A": tags("O LOC O QUANTITY QUANTITY DRUG O PER PER O   O LOC O COUNT O O"),
    "B": tags("ORG ORG O QUANTITY QUANTITY DRUG O O PER O   O LOC O COUNT O O"),
    "C": tags("O LOC O QUANTITY QUANTITY QUANTITY O PER PER O   - - - - - -"),
}


def seizure_and_arrest(*, c_on_arrest: bool = False) -> list[ExportedTask]:
    """Task 1 annotated by A, B, C; task 2 by A and B (and C when asked)."""
    arrest = [
        annotation("A", ARREST, ARREST_MARKS, lang="ru", relevant="yes"),
        annotation("B", ARREST, ARREST_MARKS, lang="ru", relevant="yes"),
    ]
    if c_on_arrest:
        arrest.append(annotation("C", ARREST, ARREST_MARKS, lang="ru", relevant="yes"))
    return [
        ExportedTask(
            id=1,
            data={"id": "001-ru"},
            text=SEIZURE,
            annotations=[
                annotation("A", SEIZURE, A_SEIZURE, lang="ru", relevant="yes"),
                annotation("B", SEIZURE, B_SEIZURE, lang="ru", relevant="no"),
                annotation("C", SEIZURE, C_SEIZURE, lang="ru", relevant="yes"),
            ],
        ),
        ExportedTask(id=2, data={"id": "002-ru"}, text=ARREST, annotations=arrest),
    ]


def as_numbers(rows: list[list[str | None]]) -> np.ndarray:
    """Label rows as floats for the krippendorff package, NaN for missing."""
    names = sorted({v for row in rows for v in row if v is not None})
    return np.array([[np.nan if v is None else names.index(v) for v in row] for row in rows])


@pytest.fixture(scope="module")
def report():
    return agreement_report(seizure_and_arrest())


def test_report_has_the_issue_json_shape(report) -> None:
    dumped = report.model_dump()
    assert json.loads(report.model_dump_json()) == dumped
    assert {"tasks", "annotators", "token", "span", "unitizing", "documents"} <= dumped.keys()
    assert {"vs_predictions", "low_agreement_tasks"} <= dumped.keys()
    assert {"percent_agreement", "krippendorff_alpha", "fleiss_kappa", "cohen_kappa"} <= dumped[
        "token"
    ].keys()
    assert {"f1_exact", "f1_overlap", "per_label"} <= dumped["span"].keys()
    assert {"f1_exact", "krippendorff_alpha"} <= dumped["span"]["per_label"]["PER"].keys()
    assert "alpha_u" in dumped["unitizing"]
    assert "krippendorff_alpha" in dumped["documents"]["relevant"]
    assert {"precision", "recall", "f1"} <= dumped["vs_predictions"]["per_label"]["PER"].keys()
    assert dumped["tasks"] == 2
    assert dumped["annotators"] == ["A", "B", "C"]


def test_token_alpha_and_kappa_equal_the_references_on_the_token_table(report) -> None:
    rows = [TOKENS[who] for who in "ABC"]
    expected_alpha = krippendorff.alpha(as_numbers(rows), level_of_measurement="nominal")
    assert report.token.units == 16
    assert report.token.krippendorff_alpha == pytest.approx(expected_alpha, abs=1e-12)
    assert report.token.cohen_kappa["A~B"] == pytest.approx(
        cohen_kappa_score(TOKENS["A"], TOKENS["B"]), abs=1e-12
    )
    # C did not annotate task 2: A~C is on task 1's ten tokens only.
    assert report.token.cohen_kappa["A~C"] == pytest.approx(
        cohen_kappa_score(TOKENS["A"][:10], TOKENS["C"][:10]), abs=1e-12
    )


def test_a_task_an_annotator_skipped_is_missing_data_not_disagreement(report) -> None:
    without_c = agreement_report(
        [t.model_copy(update={"annotations": t.annotations[:2]}) for t in seizure_and_arrest()]
    )
    assert without_c.token.cohen_kappa["A~B"] == report.token.cohen_kappa["A~B"]
    assert without_c.span.f1_exact["A~B"] == report.span.f1_exact["A~B"]


def test_fleiss_kappa_is_null_with_a_reason_when_rating_counts_differ(report) -> None:
    assert report.token.fleiss_kappa is None
    assert "between 2 and 3 annotators" in (report.token.fleiss_kappa_note or "")
    full = agreement_report(seizure_and_arrest(c_on_arrest=True))
    rows = np.array([TOKENS["A"], TOKENS["B"], TOKENS["C"][:10] + TOKENS["A"][10:]])
    _, codes = np.unique(rows, return_inverse=True)
    table, _ = inter_rater.aggregate_raters(codes.reshape(rows.shape).T)
    assert full.token.fleiss_kappa == pytest.approx(inter_rater.fleiss_kappa(table), abs=1e-12)
    assert full.token.fleiss_kappa_note is None


def test_span_f1_exact_and_overlap_per_pair(report) -> None:
    # A and B: 6 spans each; 4 identical, and PER "Ивана Петрова" overlaps PER "Петрова".
    assert report.span.f1_exact["A~B"] == pytest.approx(4 / 6)
    assert report.span.f1_overlap["A~B"] == pytest.approx(5 / 6)
    assert report.span.per_label["DATE"].f1_exact is None  # nobody used it
    assert report.span.per_label["LOC"].spans == 4
    # Over the three pairs, 2 of A's and C's LOC/PER spans match exactly, B's never.
    assert report.span.per_label["PER"].f1_exact == pytest.approx(2 * 1 / (3 + 3))


def test_unitizing_uses_the_tasks_with_the_most_common_annotator_count(report) -> None:
    tasks = seizure_and_arrest()
    assert report.unitizing.coders_per_task == 3  # a tie of one task each: the larger wins
    assert report.unitizing.tasks == 1
    assert "1 task(s)" in (report.unitizing.note or "")
    units = [(c, s.start, s.end) for c, a in enumerate(tasks[0].annotations) for s in a.spans]
    labels = [s.label for a in tasks[0].annotations for s in a.spans]
    direct = alpha_unitizing(units, labels, continuum=[0, len(SEIZURE)], n_coders=3)
    assert report.unitizing.alpha_u == pytest.approx(direct.overall, abs=1e-12)
    assert report.unitizing.per_label["PER"] == pytest.approx(direct.per_category["PER"])


def test_document_choices(report) -> None:
    relevant = [["yes", "yes"], ["no", "yes"], ["yes", None]]
    expected = krippendorff.alpha(as_numbers(relevant), level_of_measurement="nominal")
    assert report.documents["relevant"].krippendorff_alpha == pytest.approx(expected, abs=1e-12)
    assert report.documents["lang"].krippendorff_alpha is None  # one value: undefined
    assert report.documents["lang"].percent_agreement == 1.0


def test_low_agreement_lists_the_disputed_task_only(report) -> None:
    assert [(t.task, t.article) for t in report.low_agreement_tasks] == [(1, "001-ru")]
    assert report.low_agreement_tasks[0].score < 0.8


def test_a_single_annotator_gives_nulls_not_errors() -> None:
    alone = agreement_report([seizure_and_arrest()[0].model_copy(update={"annotations": []})])
    assert alone.annotators == []
    solo_task = seizure_and_arrest()[1]
    solo = agreement_report(
        [solo_task.model_copy(update={"annotations": solo_task.annotations[:1]})]
    )
    assert solo.token.krippendorff_alpha is None
    assert (
        solo.token.fleiss_kappa_note
        == "every task has a single annotator: there is nothing to compare"
    )
    assert solo.span.f1_exact == {}
    assert solo.unitizing.alpha_u is None
    assert solo.low_agreement_tasks == []


def test_tokenizer_is_a_parameter() -> None:
    class Piece:
        def __init__(self, start: int, end: int) -> None:
            self.start, self.end = start, end

    def whole_text(text: str) -> list[Piece]:
        return [Piece(0, len(text))]

    assert agreement_report(seizure_and_arrest(), tokenize=whole_text).token.units == 2


# ---- rules against gold -------------------------------------------------------------------


def rules_and_gold() -> tuple[list[ExportedTask], list[Adjudication]]:
    predicted = [
        span(SEIZURE, "Алматы", "LOC").model_copy(update={"rule": "loc.city"}),
        span(SEIZURE, "5", "COUNT").model_copy(update={"rule": "count.number"}),
        span(SEIZURE, "Полиция", "ORG").model_copy(update={"rule": "org.police"}),
        span(SEIZURE, "героина", "DRUG").model_copy(update={"rule": "drug.name"}),
        span(ARREST, "Астане", "LOC").model_copy(update={"rule": "loc.city"}),
    ]
    tasks = seizure_and_arrest()
    tasks[0].predictions = [Annotation(annotator="rules-v1", spans=predicted[:4])]
    tasks[1].predictions = [Annotation(annotator="rules-v1", spans=predicted[4:])]

    def gold(text: str, marks: Marks) -> list[GoldSpan]:
        return [
            GoldSpan(**span(text, s, k).model_dump(), decided_by="majority 2/3") for s, k in marks
        ]

    open_stretch = SpanConflict(
        start=0, end=9, text=ARREST[:9], reason="tie", versions={}, decided=[]
    )
    adjudications = [
        Adjudication(
            id="001-ru",
            task_id=1,
            annotators=["A", "B", "C"],
            spans=gold(
                SEIZURE,
                [
                    ("Алматы", "LOC"),
                    ("5 кг", "QUANTITY"),
                    ("героина", "DRUG"),
                    ("Ивана Петрова", "PER"),
                ],
            ),
            choices={},
        ),
        Adjudication(
            id="002-ru",
            task_id=2,
            annotators=["A", "B"],
            spans=gold(ARREST, [("3", "COUNT")]),
            choices={},
            span_conflicts=[open_stretch],
        ),
    ]
    return tasks, adjudications


def test_rules_kept_fixed_deleted_and_scores_per_label() -> None:
    tasks, adjudications = rules_and_gold()
    versus = agreement_report(tasks, gold=adjudications).vs_predictions
    assert versus.tasks == 2
    assert versus.left_out_in_conflicts == 1  # "Астане" lies in task 2's open stretch
    outcomes = {name: (o.kept, o.fixed, o.deleted) for name, o in versus.rules.items()}
    assert outcomes == {
        "loc.city": (1, 0, 0),
        "count.number": (0, 1, 0),  # gold has QUANTITY "5 кг" there
        "org.police": (0, 0, 1),
        "drug.name": (1, 0, 0),
    }
    assert versus.per_label["LOC"].model_dump() == {
        "precision": 1.0, "recall": 1.0, "f1": 1.0, "predicted": 1, "gold": 1,
    }  # fmt: skip
    assert versus.per_label["COUNT"].precision == 0.0
    assert versus.per_label["COUNT"].recall == 0.0  # gold "3" in task 2: no rule predicted it
    assert versus.per_label["QUANTITY"].precision is None  # never predicted
    assert versus.per_label["QUANTITY"].f1 == 0.0
    assert versus.missed == {**dict.fromkeys(versus.missed, 0), "PER": 1, "COUNT": 1}


def test_gold_defaults_to_adjudicating_the_tasks() -> None:
    tasks, _ = rules_and_gold()
    versus = agreement_report(tasks).vs_predictions
    assert versus.tasks == 2
    assert versus.rules["loc.city"].kept == 1  # A and B both marked "Астане" LOC
    assert versus.left_out_in_conflicts == 4  # C's "5 кг героина" and B's ORG open task 1


# ---- HTML ---------------------------------------------------------------------------------


def test_html_page_is_self_contained_and_has_the_figures() -> None:
    tasks, adjudications = rules_and_gold()
    for task in tasks:
        for a in task.annotations:
            a.annotator = a.annotator.replace("A", "<a&b>")
    page = render_html(agreement_report(tasks, gold=adjudications))
    lowered = page.lower()
    for outside in ("http:", "https:", "<script", "<link", "src=", "url(", "@import"):
        assert outside not in lowered
    assert "<a&b>" not in page and "&lt;a&amp;b&gt;" in page
    assert page.count("<svg") >= 5  # three heatmaps, label bars, rule bars, task bars
    assert "<title>&lt;a&amp;b&gt; ~ B: " in page  # a heatmap cell of the pair
    assert all(label in page for label in ("PER", "QUANTITY", "LAW"))
    assert "count.number" in page and "001-ru" in page


# ---- CLI ----------------------------------------------------------------------------------


def label_studio_export(tasks: list[ExportedTask]) -> list[dict]:
    """The tasks in Label Studio's JSON export format."""

    def result(a: Annotation) -> list[dict]:
        regions = [
            {"id": f"r{i}", "from_name": "label", "to_name": "text", "type": "labels",
             "value": {"start": s.start, "end": s.end, "text": s.text, "labels": [s.label]}}
            for i, s in enumerate(a.spans)
        ]  # fmt: skip
        choices = [
            {"id": f"c{name}", "from_name": name, "to_name": "text", "type": "choices",
             "value": {"choices": [value]}}
            for name, value in a.choices.items()
        ]  # fmt: skip
        return regions + choices

    return [
        {
            "id": task.id,
            "data": {"text": task.text, **task.data},
            "annotations": [
                {
                    "id": 10 * task.id + n,
                    "completed_by": {"id": n + 1, "email": f"{a.annotator}@x.kz"},
                    "result": result(a),
                    "was_cancelled": False,
                    "ground_truth": False,
                }
                for n, a in enumerate(task.annotations)
            ],
            "predictions": [],
        }
        for task in tasks
    ]


def test_cli_prints_tables_json_and_writes_html(tmp_path: Path) -> None:
    export = tmp_path / "project-1.json"
    export.write_text(json.dumps(label_studio_export(seizure_and_arrest()), ensure_ascii=False))
    runner = CliRunner()

    tables = runner.invoke(app, ["agreement", str(export)])
    assert tables.exit_code == 0, tables.output
    assert "Krippendorff α" in tables.output and "A@x.kz~B@x.kz" in tables.output

    page = tmp_path / "out" / "agreement.html"
    as_json = runner.invoke(app, ["agreement", str(export), "--json", "--html", str(page)])
    assert as_json.exit_code == 0, as_json.output
    dumped = json.loads(as_json.stdout)
    assert dumped["annotators"] == ["A@x.kz", "B@x.kz", "C@x.kz"]
    assert dumped["token"]["cohen_kappa"]["A@x.kz~B@x.kz"] == pytest.approx(
        cohen_kappa_score(TOKENS["A"], TOKENS["B"])
    )
    assert page.read_text().startswith("<!DOCTYPE html>")
    left = [p.name for p in page.parent.iterdir() if p.name != MANIFEST_NAME]
    assert left == ["agreement.html"]  # no temp file left


def test_cli_errors_are_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(app, ["agreement", str(tmp_path / "nope.json")])
    assert missing.exit_code == 1
    assert missing.stderr.startswith("Error: ") and missing.stderr.count("\n") == 1
    export = tmp_path / "project-1.json"
    export.write_text(json.dumps(label_studio_export(seizure_and_arrest())))
    directory = runner.invoke(app, ["agreement", str(export), "--html", str(tmp_path)])
    assert directory.exit_code == 1
    assert directory.stderr == (
        f"Error: --html {tmp_path} is a directory: give a file, e.g. {tmp_path}/agreement.html\n"
    )


# ---- readings of number spans ---------------------------------------------------------------


def read(span_: Span, value: float, unit: str | None = "kg", qualifier: str | None = None) -> Span:
    return span_.model_copy(update={"value": value, "unit": unit, "qualifier": qualifier})


def reading_task(task_id: int, readings: dict[str, float], predicted: float) -> ExportedTask:
    """Three annotators made "5 кг" in SEIZURE with these values; the rules predicted one."""
    quantity = span(SEIZURE, "5 кг", "QUANTITY")
    rules = read(quantity, predicted).model_copy(update={"rule": "quantity_ru"})
    return ExportedTask(
        id=task_id,
        data={"id": f"t{task_id}"},
        text=SEIZURE,
        annotations=[
            Annotation(annotator=who, spans=[read(quantity, value)])
            for who, value in readings.items()
        ],
        predictions=[Annotation(annotator="rules", spans=[rules])],
    )


def test_value_agreement_counts_pairs_with_equal_readings_and_alpha_on_readings() -> None:
    tasks = [
        reading_task(1, {"A": 5, "B": 5, "C": 5}, predicted=5),  # 3 agreeing pairs
        reading_task(2, {"A": 5, "B": 5, "C": 50}, predicted=50),  # 1 of 3 pairs agrees
    ]

    report = agreement_report(tasks)

    values = report.values
    assert (values.pairs, values.per_label["QUANTITY"].agreed) == (6, 4)
    assert values.percent_agreement == pytest.approx(4 / 6)
    data = np.array([[0, 0], [0, 0], [0, 1]], dtype=float)  # annotators × spans, reading codes
    assert values.krippendorff_alpha == pytest.approx(
        krippendorff.alpha(data, level_of_measurement="nominal")
    )
    assert values.per_pair["A~B"].share == 1.0 and values.per_pair["A~C"].share == 0.5
    # The rules' reading is right on task 1 (gold 5 by 3/3) and wrong on task 2 (gold 5 by 2/3).
    versus = report.vs_predictions
    assert (
        versus.values_per_label["QUANTITY"].compared,
        versus.values_per_label["QUANTITY"].agreed,
    ) == (2, 1)
    assert versus.values_per_rule["quantity_ru"].share == 0.5
    page = render_html(report)
    assert "Values of number spans" in page and "quantity_ru" in page
