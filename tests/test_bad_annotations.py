"""One bad annotation never blocks a project's report: it is a warning, the rest goes on.

Overlapping spans of one annotator, regions whose offsets do not match the text, unknown
labels and choices are listed (task, annotator, problem, fix in Label Studio) and left out
only where a measure cannot take them; ``strict`` / ``--strict`` makes them errors again.
"""

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from curate.agreement import agreement_report
from curate.cli import app
from curate.errors import InputError
from curate.gold import export_gold
from curate.labelstudio_export import read_export
from curate.metrics import alpha_unitizing, fleiss_kappa, krippendorff_alpha_nominal
from curate.models import GoldDocument

runner = CliRunner()
TEXT = "В Астане изъяли кокаин."  # Астане [2, 8), Астане изъяли [2, 15), кокаин [16, 22)


def region(start: int, end: int, label: str, *, text: str = TEXT, said: str | None = None):
    value = {"start": start, "end": end, "text": said or text[start:end], "labels": [label]}
    return {
        "id": f"r{start}-{label}",
        "type": "labels",
        "from_name": "label",
        "to_name": "text",
        "value": value,
    }


def task(task_id: int, *results: list[dict[str, Any]], text: str = TEXT) -> dict[str, Any]:
    annotators = ("alice@example.kz", "bob@example.kz", "carol@example.kz")
    return {
        "id": task_id,
        "data": {"text": text, "id": f"doc-{task_id}", "story_id": f"doc-{task_id}"},
        "annotations": [
            {
                "id": task_id * 10 + number,
                "completed_by": {"id": number + 1, "email": annotators[number]},
                "result": result,
                "was_cancelled": False,
                "ground_truth": False,
            }
            for number, result in enumerate(results)
        ],
        "predictions": [],
    }


def write(tmp_path: Path, tasks: list[dict[str, Any]]) -> Path:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    return path


GOOD = [region(2, 8, "LOC"), region(16, 22, "DRUG")]
OVERLAPPING = [region(2, 8, "LOC"), region(2, 15, "ORG"), region(16, 22, "DRUG")]


def test_overlapping_spans_of_different_labels_are_kept_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path, [task(7, OVERLAPPING)])
    export = read_export(path)
    assert [(s.start, s.end, s.label) for s in export[0].annotations[0].spans] == [
        (2, 8, "LOC"),
        (2, 15, "ORG"),
        (16, 22, "DRUG"),
    ]
    assert export.warnings == (
        f"{path}: task 7: annotation 70 by alice@example.kz: spans overlap: [2, 8) LOC "
        "'Астане' and [2, 15) ORG 'Астане изъяли'; both are kept, as a conflict; spans are "
        "flat in the scheme: delete one in Label Studio",
    )
    with pytest.raises(InputError, match="spans overlap"):
        read_export(path, strict=True)


def test_of_two_overlapping_spans_with_one_label_the_later_is_left_out(tmp_path: Path) -> None:
    path = write(tmp_path, [task(7, [region(2, 8, "LOC"), region(2, 15, "LOC")])])
    export = read_export(path)
    assert [(s.start, s.end) for s in export[0].annotations[0].spans] == [(2, 8)]
    (warning,) = export.warnings
    assert "[2, 15) LOC 'Астане изъяли'; the second is left out" in warning


@pytest.mark.parametrize(
    ("bad", "problem"),
    [
        (
            region(1, 7, "LOC", said="Астане"),
            "region r1-LOC: [1, 7) reads ' Астан' in the task text but the region says "
            "'Астане' (offsets drifted); fix the region in Label Studio; left out",
        ),
        (
            region(16, 40, "DRUG", said="кокаин."),
            "region r16-DRUG: offsets [16, 40) are outside the task text (length 23); was the "
            "task text changed after annotation?; left out",
        ),
        (
            region(16, 22, "GPE"),
            "region r16-GPE: label(s) GPE on 'кокаин': each region needs exactly one of PER, "
            "ORG, LOC, DATE, DRUG, QUANTITY, MONEY, COUNT, PERCENT, LAW; left out",
        ),
        (
            {**region(16, 22, "DRUG"), "value": {"start": 16, "end": "x", "labels": ["DRUG"]}},
            "region r16-DRUG: end: Input should be a valid integer, unable to parse string as "
            "an integer; left out",
        ),
        (
            {**region(16, 22, "DRUG"), "score": 1.5},
            "region r16-DRUG: score 1.5 is not between 0 and 1; left out",
        ),
        (
            {
                "type": "choices",
                "from_name": "lang",
                "to_name": "text",
                "value": {"choices": ["en"]},
            },
            "choice lang=en; pick exactly one of kk, ru; left out",
        ),
    ],
)
def test_a_bad_region_is_left_out_with_a_warning(
    tmp_path: Path, bad: dict[str, Any], problem: str
) -> None:
    path = write(tmp_path, [task(7, [region(2, 8, "LOC"), bad])])
    export = read_export(path)
    assert [(s.start, s.end) for s in export[0].annotations[0].spans] == [(2, 8)]
    assert export.warnings == (f"{path}: task 7: annotation 70 by alice@example.kz: {problem}",)
    with pytest.raises(InputError):
        read_export(path, strict=True)


def test_export_goes_on_and_the_task_with_the_overlap_goes_to_conflicts(tmp_path: Path) -> None:
    path = write(tmp_path, [task(7, OVERLAPPING), task(8, GOOD, GOOD), task(9, OVERLAPPING, GOOD)])
    result = export_gold(path, tmp_path / "out", formats=["jsonl", "conll"])
    assert len(result.warnings) == 2
    gold = {
        document.task_id: [(s.start, s.end, s.label) for s in document.spans]
        for document in map(
            GoldDocument.model_validate_json,
            (tmp_path / "out" / "gold.jsonl").read_text("utf-8").splitlines(),
        )
    }
    assert gold == {
        7: [(16, 22, "DRUG")],  # one annotator: the overlap stays open
        8: [(2, 8, "LOC"), (16, 22, "DRUG")],
        9: [(2, 8, "LOC"), (16, 22, "DRUG")],  # the majority decides; ORG stays open
    }
    conflicts = [
        json.loads(line)
        for line in (tmp_path / "out" / "conflicts.jsonl").read_text("utf-8").splitlines()
    ]
    assert [c["task_id"] for c in conflicts] == [7, 9]
    (open_stretch,) = conflicts[0]["span_conflicts"]
    assert (open_stretch["start"], open_stretch["end"], open_stretch["decided"]) == (2, 15, [])
    assert [s["label"] for s in open_stretch["versions"]["alice@example.kz"]] == ["LOC", "ORG"]
    assert "B-LOC" in (tmp_path / "out" / "gold.conll").read_text("utf-8")


def test_strict_export_fails_and_writes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, [task(7, OVERLAPPING), task(8, GOOD)])
    with pytest.raises(InputError, match=r"task 7: annotation 70 by alice@example\.kz: spans"):
        export_gold(path, tmp_path / "out", formats=["jsonl"], strict=True)
    assert not (tmp_path / "out").exists()


def test_the_commands_warn_and_go_on_or_fail_with_strict(tmp_path: Path) -> None:
    path = write(tmp_path, [task(7, OVERLAPPING), task(8, GOOD, GOOD)])
    out = tmp_path / "out"
    for command in (["export", str(path), "-o", str(out), "--silent"], ["agreement", str(path)]):
        result = runner.invoke(app, command)
        assert result.exit_code == 0, result.output
        assert result.stderr.startswith(f"Warning: {path}: task 7: annotation 70 by alice")
        strict = runner.invoke(app, [*command, "--strict"])
        assert strict.exit_code == 1
        assert strict.stderr.startswith(f"Error: {path}: task 7: annotation 70 by alice")
        assert "Traceback" not in strict.output


def test_tokens_in_an_annotators_conflict_are_left_out_of_token_agreement(tmp_path: Path) -> None:
    path = write(tmp_path, [task(7, OVERLAPPING, OVERLAPPING[:1] + OVERLAPPING[2:])])
    token = agreement_report(read_export(path)).token
    # В Астане изъяли кокаин . — Астане is alice's conflict (LOC and ORG): left out for her
    alice = [0, np.nan, 2, 5, 0]  # O, -, ORG, DRUG, O
    bob = [0, 3, 0, 5, 0]  # O, LOC, O, DRUG, O
    assert token.units == 5
    assert token.percent_agreement == 0.75
    assert token.krippendorff_alpha == pytest.approx(krippendorff_alpha_nominal([alice, bob]))
    assert token.fleiss_kappa == pytest.approx(
        fleiss_kappa([[2, 0, 0], [1, 1, 0], [0, 0, 2], [2, 0, 0]])  # the four other tokens
    )


def test_alpha_u_takes_a_coders_overlapping_units_krippendorff_2004_p254(tmp_path: Path) -> None:
    """The book's example on [150, 450) shifted to a 300-character task: coder A's c unit
    [75, 145) overlaps their k unit [30, 90)."""
    text = "".join(chr(ord("а") + i % 32) for i in range(300))
    c, k = "ORG", "LOC"
    coder_a = [(75, 145, c), (220, 250, c), (30, 90, k), (150, 200, k)]
    coder_b = [(70, 150, c), (205, 225, c), (250, 270, c), (30, 90, k), (150, 200, k)]
    results = [
        [region(s, e, label, text=text) for s, e, label in coder] for coder in (coder_a, coder_b)
    ]
    path = write(tmp_path, [task(1, *results, text=text)])
    export = read_export(path)
    assert "both are kept, as a conflict" in export.warnings[0]
    unitizing = agreement_report(export).unitizing
    assert round(unitizing.per_label[c], 4) == 0.7286
    assert unitizing.per_label[k] == 1.0
    assert round(unitizing.alpha_u, 4) == 0.8587
    units = [(coder, s, e) for coder, spans in enumerate((coder_a, coder_b)) for s, e, _ in spans]
    labels = [label for spans in (coder_a, coder_b) for _, _, label in spans]
    direct = alpha_unitizing(units, labels, continuum=[0, 300], n_coders=2)
    assert unitizing.alpha_u == pytest.approx(direct.overall)
