"""Learning from corrections, measured on real gold: a learning curve and a no-regression check.

**Curve.** The documents of the gold sets one may tune on (the real pages' dev set, the
invented held-out dev set and the seeds) are shuffled once (``--seed``). For k = 0, 5, 10, …
the gold of the first k is learned from as ``curate learn EXPORT --accept`` would (the gold
as the one annotation of each task; suggestions seen in ``--min-documents`` documents are
accepted), and exact-match micro-F1 (same start, end and label) is measured on the pool's
documents not learned from, on the two test sets (never learned from), and on the k
learned documents themselves (what a second pass over the same project would get).

**No regression.** Learning from each gold set in turn (the test sets too: the check is
that a learned entry does not fire wrongly elsewhere) must not lower F1 on the seeds' gold
and on the held-out gold (invented dev and test, real dev and test, each measured).

**Speed.** ``curate learn`` on an export of ``--tasks`` tasks (10,000 by default; the gold
documents repeated, each with one annotation and the rules' prediction, as a pull writes
them): seconds and the process's peak RSS.

    uv run python benchmarks/learning.py
    uv run python benchmarks/learning.py --min-documents 1 --step 10 --tasks 1000

Prints the tables and one JSON line.
"""

import argparse
import json
import random
import resource
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from quality import SETS as GOLD_SETS  # the gold sets, named once (this folder is on the path)

from curate.articles import read_articles
from curate.files import write_lines
from curate.goldmarkup import load_gold_dir
from curate.learn import (
    SUGGESTED_ENTRIES,
    SUGGESTED_STOPLIST,
    analyse,
    entry_lines,
    extractor_for,
    learn,
    stop_lines,
)
from curate.models import Annotation, ExportedTask, Span
from curate.rules import Extractor, build_extractor
from curate.tasks import build_prediction

#: Sets one may tune on: the learning curve learns from these only.
TUNABLE = ("real-dev", "heldout-dev", "seeds")
TEST_SETS = ("real-test", "heldout-test")


class Document(NamedTuple):
    id: str
    lang: str
    text: str
    gold: list[Span]


def load_set(name: str) -> list[Document]:
    articles_dir, gold_dir = GOLD_SETS[name]
    langs = {article.id: article.lang for article in read_articles(articles_dir)}
    return [
        Document(f"{name}/{key}", langs[key], text, spans)
        for key, (text, spans) in sorted(load_gold_dir(gold_dir).items())
    ]


def micro_f1(extractor: Extractor, documents: Sequence[Document]) -> float:
    """Exact-match micro-F1 of the rules on ``documents``' gold."""
    hits = predicted = true = 0
    for document in documents:
        found = {
            (s.start, s.end, s.label) for s in extractor.annotate(document.text, lang=document.lang)
        }
        wanted = {(s.start, s.end, s.label) for s in document.gold}
        hits, predicted, true = (
            hits + len(found & wanted),
            predicted + len(found),
            true + len(wanted),
        )
    return 2 * hits / (predicted + true) if predicted + true else 0.0


def learned_from(
    documents: Sequence[Document], directory: Path, *, min_documents: int
) -> tuple[Extractor, int, int]:
    """The rules after ``curate learn --accept`` on ``documents``' gold, in ``directory``, and
    how many gazetteer and stop-list entries were accepted."""
    tasks = [
        ExportedTask(
            id=number,
            data={"id": document.id, "lang": document.lang},
            text=document.text,
            annotations=[Annotation(annotator="gold", spans=document.gold)],
        )
        for number, document in enumerate(documents, start=1)
    ]
    analysis = analyse(tasks, extractor=build_extractor())
    directory.mkdir(parents=True, exist_ok=True)
    write_lines(directory / SUGGESTED_ENTRIES, entry_lines(analysis))
    write_lines(directory / SUGGESTED_STOPLIST, stop_lines(analysis))
    report = learn(None, directory=directory, accept=True, min_documents=min_documents)
    return extractor_for(directory), report.accepted_entries, report.accepted_stops


def curve(*, step: int, min_documents: int, seed: int) -> list[dict[str, Any]]:
    pool = [document for name in TUNABLE for document in load_set(name)]
    random.Random(seed).shuffle(pool)
    tests = {name: load_set(name) for name in TEST_SETS}
    base = build_extractor()
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for k in range(0, len(pool) + 1, step):
            seen, unseen = pool[:k], pool[k:]
            extractor, entries, stops = learned_from(
                seen, Path(scratch) / f"k{k}", min_documents=min_documents
            )
            rows.append(
                {
                    "k": k,
                    "entries": entries,
                    "stops": stops,
                    "unseen_before": micro_f1(base, unseen) if unseen else None,
                    "unseen": micro_f1(extractor, unseen) if unseen else None,
                    **{name: micro_f1(extractor, docs) for name, docs in tests.items()},
                    "learned_before": micro_f1(base, seen) if seen else None,
                    "learned": micro_f1(extractor, seen) if seen else None,
                }
            )
    return rows


def no_regression(*, min_documents: int) -> list[dict[str, Any]]:
    """F1 on every gold set before and after learning from each gold set in turn."""
    sets = {name: load_set(name) for name in GOLD_SETS}
    base = build_extractor()
    before = {name: micro_f1(base, docs) for name, docs in sets.items()}
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for source, documents in sets.items():
            extractor, _, _ = learned_from(
                documents, Path(scratch) / source, min_documents=min_documents
            )
            after = {name: micro_f1(extractor, docs) for name, docs in sets.items()}
            rows.append({"learned_from": source, "before": before, "after": after})
    return rows


def speed(tasks: int) -> dict[str, Any]:
    """Seconds and peak RSS of ``curate learn`` on an export of ``tasks`` tasks."""
    documents = [document for name in GOLD_SETS for document in load_set(name)]
    extractor = build_extractor()
    predictions = {
        document.id: build_prediction(
            extractor.annotate(document.text, lang=document.lang),
            lang=document.lang,  # type: ignore[arg-type]
            model_version=extractor.model_version,
        ).model_dump(exclude_none=True)
        for document in documents
    }
    with tempfile.TemporaryDirectory() as scratch:
        export = Path(scratch) / "export.json"
        with export.open("w", encoding="utf-8") as stream:
            stream.write("[")
            for number in range(tasks):
                document = documents[number % len(documents)]
                stream.write("," if number else "")
                json.dump(_exported_task(number + 1, document, predictions[document.id]), stream)
            stream.write("]")
        size = export.stat().st_size
        started = time.perf_counter()
        report = learn(export, directory=Path(scratch) / "learned")
        seconds = time.perf_counter() - started
    return {
        "tasks": tasks,
        "export_mb": round(size / 1e6, 1),
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "suggested_entries": report.suggested_entries,
    }


def _exported_task(number: int, document: Document, prediction: dict[str, Any]) -> dict[str, Any]:
    result = [
        {
            "id": f"g{index}",
            "type": "labels",
            "from_name": "label",
            "to_name": "text",
            "value": {"start": s.start, "end": s.end, "text": s.text, "labels": [s.label]},
        }
        for index, s in enumerate(document.gold)
    ]
    return {
        "id": number,
        "data": {"text": document.text, "lang": document.lang, "id": f"{document.id}#{number}"},
        "annotations": [{"id": number, "completed_by": 1, "result": result}],
        "predictions": [prediction],
    }


def _cell(value: float | None) -> str:
    return "   –  " if value is None else f"{value:6.3f}"


def print_tables(rows: list[dict[str, Any]], checks: list[dict[str, Any]]) -> None:
    print("F1 before -> after learning from the first k documents")
    print(
        f"{'k':>3} {'entries':>7} {'stops':>5} {'unseen':>15} {'learned':>15} "
        f"{'real-test':>9} {'heldout-test':>12}"
    )
    for row in rows:
        print(
            f"{row['k']:3d} {row['entries']:7d} {row['stops']:5d} "
            f"{_cell(row['unseen_before'])} -> {_cell(row['unseen'])} "
            f"{_cell(row['learned_before'])} -> {_cell(row['learned'])} "
            f"{_cell(row['real-test']):>9} {_cell(row['heldout-test']):>12}"
        )
    print()
    names = list(GOLD_SETS)
    print(f"{'learned from':14} " + " ".join(f"{name:>12}" for name in names))
    for check in checks:
        deltas = [check["after"][n] - check["before"][n] for n in names]
        print(f"{check['learned_from']:14} " + " ".join(f"{d:+12.3f}" for d in deltas))


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--step", type=int, default=5, help="documents added per point")
    parser.add_argument("--min-documents", type=int, default=2, help="what --accept needs")
    parser.add_argument("--seed", type=int, default=0, help="the shuffle of the pool")
    parser.add_argument("--tasks", type=int, default=10_000, help="tasks of the speed export")
    args = parser.parse_args(argv)
    rows = curve(step=args.step, min_documents=args.min_documents, seed=args.seed)
    checks = no_regression(min_documents=args.min_documents)
    print_tables(rows, checks)
    timing = speed(args.tasks)
    print(
        f"\ncurate learn on {timing['tasks']} tasks ({timing['export_mb']} MB): "
        f"{timing['seconds']} s, peak RSS {timing['peak_rss_mb']} MB"
    )
    dropped = [
        f"{check['learned_from']}->{name}"
        for check in checks
        for name in check["before"]
        if check["after"][name] < check["before"][name] - 1e-9
    ]
    result = {
        "min_documents": args.min_documents,
        "curve": rows,
        "checks": checks,
        "regressions": dropped,
        "speed": timing,
    }
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
