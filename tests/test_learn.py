"""``curate learn``: suggestions from corrections, accepting them, and the rules loading them."""

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from curate.cli import app
from curate.errors import CurateWarning, InputError
from curate.learn import (
    ENTRIES,
    STOPLIST,
    SUGGESTED_ENTRIES,
    SUGGESTED_STOPLIST,
    _Cover,
    analyse,
    entry_key,
    extractor_for,
    learn,
    load_learned,
)
from curate.models import Annotation, ExportedTask, Span
from curate.rules import MODEL_VERSION, build_extractor

AGENCY = "Сарыарқа күзет бірлестігі"
#: Three Kazakh reports naming an agency no rule knows, in three case forms.
TEXTS = (
    "Бүгін Сарыарқа күзет бірлестігінің қызметкерлері 5 кг есірткі тәркіледі.",
    "Есірткіні Сарыарқа күзет бірлестігі тауып алды.",
    "Күдікті Сарыарқа күзет бірлестігіне тапсырылды.",
)
#: A fourth report, never learned from, with the agency in yet another form.
NEW_TEXT = "Сарыарқа күзет бірлестігінде 2 адам ұсталды."


def span_of(text: str, part: str, label: str) -> Span:
    start = text.index(part)
    return Span(start=start, end=start + len(part), label=label, text=part)  # type: ignore[arg-type]


def agency_span(text: str) -> Span:
    """The agency's span in ``text``: the three words with the Kazakh ending inside."""
    start = text.index("Сарыарқа")
    end = text.index(" ", text.index("бірлестіг"))
    return span_of(text, text[start:end], "ORG")


def gold_task(number: int, text: str, spans: list[Span]) -> ExportedTask:
    return ExportedTask(
        id=number,
        data={"id": f"doc{number}", "lang": "kk"},
        text=text,
        annotations=[Annotation(annotator="a@x.kz", spans=spans)],
    )


def rules_kept(text: str, *, drop: str = "") -> list[Span]:
    """What the rules propose for ``text``, without the span whose text is ``drop``."""
    spans = build_extractor().annotate(text, lang="kk")
    return [s.model_copy(update={"rule": None}) for s in spans if s.text != drop]


def test_word_forms_are_one_entry() -> None:
    forms = [agency_span(text).text for text in TEXTS]
    assert len(set(forms)) == 3
    assert len({entry_key(form) for form in forms}) == 1


def test_added_spans_become_suggestions_and_deleted_ones_stop_list_suggestions() -> None:
    tasks = [
        gold_task(n, text, [*rules_kept(text, drop="Бүгін"), agency_span(text)])
        for n, text in enumerate(TEXTS, start=1)
    ]
    analysis = analyse(tasks, extractor=build_extractor())
    assert len(analysis.entries) == 1
    (label, _), tally = next(iter(analysis.entries.items()))
    assert (label, len(tally.documents), tally.times) == ("ORG", 3, 3)
    assert set(tally.forms) == {agency_span(text).text for text in TEXTS}
    assert tally.langs == {"kk"}
    stopped = analysis.stops[("date_relative_kk", "Бүгін")]
    assert (stopped.times, stopped.kept) == (1, 0)
    figures = analysis.rules["date_relative_kk"]
    assert (figures.proposed, figures.kept, figures.deleted) == (1, 0, 1)
    assert analysis.rules["quantity_kk"].precision == 1.0


def label_studio_export(texts: tuple[str, ...]) -> list[dict[str, Any]]:
    """A UI-style export: one annotator labelled the agency in each text, nothing else."""
    tasks = []
    for number, text in enumerate(texts, start=1):
        span = agency_span(text)
        region = {
            "id": f"r{number}", "type": "labels", "from_name": "label", "to_name": "text",
            "value": {"start": span.start, "end": span.end, "text": span.text, "labels": ["ORG"]},
        }  # fmt: skip
        tasks.append(
            {
                "id": number,
                "data": {"text": text, "lang": "kk", "id": f"doc{number}"},
                "annotations": [{"id": number, "completed_by": 1, "result": [region]}],
            }
        )
    return tasks


def test_learn_accept_and_the_rules_find_the_entry_in_a_new_form(tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    export.write_text(json.dumps(label_studio_export(TEXTS), ensure_ascii=False), "utf-8")
    learned = tmp_path / "learned"
    report = learn(export, directory=learned)
    assert report.tasks == 3 and report.suggested_entries == 1
    assert not (learned / ENTRIES).exists()  # nothing takes effect until accepted
    suggestion = (learned / SUGGESTED_ENTRIES).read_text("utf-8")
    assert suggestion.startswith("ORG\t") and "# 3 documents, 3 times, kk" in suggestion
    assert extractor_for(learned).model_version == MODEL_VERSION

    accepted = learn(None, directory=learned, accept=True)
    assert accepted.accepted_entries == 1
    extractor = extractor_for(learned)
    assert extractor.model_version.startswith(MODEL_VERSION + "+learned-")
    found = [(s.text, s.rule) for s in extractor.annotate(NEW_TEXT, lang="kk")]
    assert ("Сарыарқа күзет бірлестігінде", "learned_org") in found
    assert learn(None, directory=learned, accept=True).accepted_entries == 0  # no repeats


def test_accept_needs_the_minimum_count(tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    export.write_text(json.dumps(label_studio_export(TEXTS[:1]), ensure_ascii=False), "utf-8")
    report = learn(export, directory=tmp_path / "learned", accept=True)
    assert (report.suggested_entries, report.accepted_entries) == (1, 0)
    report = learn(None, directory=tmp_path / "learned", accept=True, min_documents=1)
    assert report.accepted_entries == 1


def test_a_stop_list_entry_silences_one_rule_on_that_text(tmp_path: Path) -> None:
    text = "Бүгін 5 кг есірткі тәркіленді. Бүгін сот болады."
    assert [s.text for s in build_extractor().annotate(text, lang="kk")].count("Бүгін") == 2
    (tmp_path / STOPLIST).write_text("date_relative_kk\tБүгін\t# by hand\n", "utf-8")
    spans = extractor_for(tmp_path).annotate(text, lang="kk")
    assert "Бүгін" not in [s.text for s in spans]
    assert "5 кг" in [s.text for s in spans]


def test_bad_and_conflicting_lines_are_one_warning_each(tmp_path: Path) -> None:
    lines = [
        "ORG\tСарыарқа күзет бірлестігі".encode(),
        "LOC\tСарыарқа күзет бірлестігінің".encode(),  # the same entry under another label
        b"",
        b"DRUG\t\xff\xfe",
        "QUANTITY\tбес кило".encode(),  # not a learnable label
        "DRUG\tкуритель смесь".encode(),
    ]
    (tmp_path / ENTRIES).write_bytes(b"\n".join(lines) + b"\n")
    with pytest.warns(CurateWarning) as caught:
        learned = load_learned(tmp_path)
    messages = [str(w.message) for w in caught]
    assert len(messages) == 4, messages
    assert any("under LOC and ORG" in m for m in messages)
    assert any("line 3: empty line" in m for m in messages)
    assert any("line 4: not UTF-8" in m for m in messages)
    assert any("line 5: label 'QUANTITY'" in m for m in messages)
    assert [rule.name for rule in learned.rules] == ["learned_drug"]


def test_cli_learn_then_annotate_with_the_default_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "export.json").write_text(
        json.dumps(label_studio_export(TEXTS), ensure_ascii=False), "utf-8"
    )
    (tmp_path / "new.txt").write_text(NEW_TEXT, "utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["learn", "export.json", "--accept"])
    assert result.exit_code == 0, result.output
    assert "accepted 1 entry" in result.stdout
    assert (tmp_path / "learned" / SUGGESTED_STOPLIST).exists()
    result = runner.invoke(app, ["annotate", "new.txt"])
    assert result.exit_code == 0, result.output
    rules = [span["rule"] for span in json.loads(result.stdout)["spans"]]
    assert "learned_org" in rules


def test_cli_errors_are_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    nothing = runner.invoke(app, ["learn"])
    assert nothing.exit_code == 1 and nothing.stderr.startswith("Error: ")
    missing = runner.invoke(app, ["learn", str(tmp_path / "nope.json")])
    assert missing.exit_code == 1 and missing.stderr.count("\n") == 1
    (tmp_path / "new.txt").write_text(NEW_TEXT, "utf-8")
    folder = runner.invoke(
        app, ["annotate", str(tmp_path / "new.txt"), "--learned", str(tmp_path / "none")]
    )
    assert folder.exit_code == 1 and "no such folder of learned entries" in folder.stderr


def test_an_explicit_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such folder"):
        extractor_for(tmp_path / "missing")


def test_a_streamed_export_reads_as_read_export_does(tmp_path: Path) -> None:
    from curate.labelstudio_export import iter_export, read_export

    tasks = label_studio_export(TEXTS) * 700  # over the 1 MB a read takes
    export = tmp_path / "export.json"
    export.write_text(json.dumps(tasks, ensure_ascii=False, indent=1), "utf-8")
    assert len(export.read_bytes()) > 1 << 20
    assert list(iter_export(export)) == list(read_export(export))


def test_a_truncated_export_is_one_clear_error(tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    export.write_text(json.dumps(label_studio_export(TEXTS), ensure_ascii=False)[:-40], "utf-8")
    with pytest.raises(InputError, match="may be truncated"):
        learn(export, directory=tmp_path / "learned")


def test_a_file_of_another_kind_is_named_as_export_names_it(tmp_path: Path) -> None:
    imported = tmp_path / "tasks.json"
    imported.write_text(json.dumps([{"data": {"text": TEXTS[0]}, "predictions": []}]), "utf-8")
    with pytest.raises(InputError, match="this is a Label Studio import file"):
        learn(imported, directory=tmp_path / "learned")


def _stretch(bounds: tuple[int, int]) -> Span:
    start, length = bounds
    return Span(start=start, end=start + length, label="ORG", text="x" * length)


_STRETCHES = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=12)


@settings(max_examples=300, deadline=None)
@given(spans=_STRETCHES, probes=_STRETCHES)
def test_the_cover_finds_an_overlap_exactly_when_a_pairwise_check_does(spans, probes) -> None:
    """Spans in any order, overlapping one another or not (a non-strict read lets an
    annotator's overlaps through)."""
    listed = [_stretch(bounds) for bounds in spans]
    cover = _Cover(listed)
    for probe in map(_stretch, probes):
        pairwise = any(probe.start < s.end and s.start < probe.end for s in listed)
        assert cover.overlaps(probe) == pairwise
