"""CoNLL export of a Label Studio JSON export: curate against label-studio-sdk's converter.

The export is synthetic but real text: the five seed articles with their hand-annotated
spans (``tests/data/gold/``), repeated to ``--tasks`` tasks with one annotator each. Both
tools turn it into CoNLL-2003; each output is read back into character spans (curate's as
any consumer would, its whitespace-split words found in order in the text; the converter's
with the NLTK Treebank tokenizer it uses) and every
span of the JSON is counted as kept (same offsets and label), shifted (something else
covers it: other offsets or label) or lost (nothing covers it).

    uv run python benchmarks/conll.py               # 10,000 tasks
    uv run python benchmarks/conll.py --tasks 50    # smoke run

curate is timed twice: the whole ``export_gold`` (which also writes conflicts.jsonl and the
data card with its agreement figures) and the conversion alone (read, adjudicate, CoNLL),
which is what the converter does. Prints a table and one JSON line.
"""

import argparse
import json
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from label_studio_sdk.converter import Converter
from nltk.tokenize.treebank import TreebankWordTokenizer
from seqeval.metrics.sequence_labeling import get_entities

from curate.adjudicate import adjudicate
from curate.files import atomic_writer
from curate.gold import export_gold, gold_document
from curate.gold_formats import conll
from curate.goldmarkup import load_gold_dir
from curate.labelstudio_export import read_export
from curate.models import Span

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "data" / "gold"
LABEL_CONFIG = ROOT / "label_config" / "ner.xml"
ANNOTATORS = ("alice@example.kz", "bob@example.kz", "carol@example.kz")

SpanKey = tuple[int, int, str]


def synthetic_export(n_tasks: int) -> tuple[list[dict[str, Any]], list[list[SpanKey]]]:
    """Label Studio tasks cycling over the seeds' gold, and each task's expected spans."""
    seeds = sorted(load_gold_dir(GOLD_DIR).items())
    tasks, expected = [], []
    for number in range(n_tasks):
        article_id, (text, spans) = seeds[number % len(seeds)]
        tasks.append(_task(number + 1, f"{article_id}-{number}", text, spans))
        expected.append([(s.start, s.end, s.label) for s in spans])
    return tasks, expected


def _task(task_id: int, article_id: str, text: str, spans: list[Span]) -> dict[str, Any]:
    annotator = task_id % len(ANNOTATORS)
    result = [
        {
            "id": f"{task_id}-{index}",
            "type": "labels",
            "from_name": "label",
            "to_name": "text",
            "value": {"start": s.start, "end": s.end, "text": s.text, "labels": [s.label]},
        }
        for index, s in enumerate(spans)
    ]
    annotation = {
        "id": task_id,
        "completed_by": {"id": annotator + 1, "email": ANNOTATORS[annotator]},
        "result": result,
        "was_cancelled": False,
        "ground_truth": False,
        "created_at": "2025-11-01T10:00:00Z",
    }
    return {
        "id": task_id,
        "data": {"text": text, "id": article_id, "story_id": article_id},
        "annotations": [annotation],
        "predictions": [],
    }


def run_curate(export: Path, out_dir: Path) -> Path:
    """The whole command: also conflicts.jsonl and the data card with its agreement figures."""
    export_gold(export, out_dir, formats=["conll"])
    return out_dir / "gold.conll"


def run_curate_conversion(export: Path, out_dir: Path) -> Path:
    """Only what the converter does too: read, decide gold, write CoNLL."""
    tasks = read_export(export)
    documents = [
        gold_document(task, adjudicate(task), source_export=export.name)
        for task in tasks
        if task.completed()
    ]
    output = out_dir / "gold.conll"
    with atomic_writer(output) as stream:
        stream.write(conll.render(documents))
    return output


def run_label_studio(export: Path, out_dir: Path) -> Path:
    converter = Converter(config=str(LABEL_CONFIG), project_dir=str(out_dir))
    converter.convert_to_conll2003(str(export), str(out_dir), is_dir=False)
    return out_dir / "result.conll"


def timed(run: Callable[[Path, Path], Path], export: Path, out_dir: Path) -> tuple[float, Path]:
    started = time.perf_counter()
    output = run(export, out_dir)
    return time.perf_counter() - started, output


def conll_blocks(path: Path, *, docstart_each: bool) -> list[list[tuple[str, str]]]:
    """(token, tag) rows of each document: curate opens each with ``-DOCSTART-``, the
    converter writes one ``-DOCSTART-`` and a blank line after each document."""
    blocks: list[list[tuple[str, str]]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            if docstart_each:
                blocks.append([])
        elif line:
            fields = line.split()  # whitespace columns, as CoNLL readers split them
            blocks[-1].append((fields[0], fields[-1]))
        elif not docstart_each:
            blocks.append([])
    return [block for block in blocks if block]


def read_back(rows: list[tuple[str, str]], offsets: Sequence[tuple[int, int]]) -> list[SpanKey]:
    """The spans in ``rows`` as character offsets, through the tokenizer's own offsets."""
    return [
        (offsets[first][0], offsets[last][1], label)
        for label, first, last in get_entities([tag for _, tag in rows])
        if last < len(offsets)
    ]


def fates(expected: list[SpanKey], found: list[SpanKey]) -> Counter[str]:
    """kept / shifted / lost for each expected span."""
    exact = set(found)
    counts: Counter[str] = Counter()
    for start, end, label in expected:
        if (start, end, label) in exact:
            counts["kept"] += 1
        elif any(s < end and start < e for s, e, _ in found):
            counts["shifted"] += 1
        else:
            counts["lost"] += 1
    return counts


def compare(
    blocks: list[list[tuple[str, str]]],
    texts: list[str],
    expected: list[list[SpanKey]],
    tokenize: Callable[[str, list[str]], list[tuple[int, int]]],
) -> Counter[str]:
    total: Counter[str] = Counter()
    if len(blocks) != len(texts):
        total["lost"] += sum(len(spans) for spans in expected)
        return total
    for rows, text, spans in zip(blocks, texts, expected, strict=True):
        total += fates(spans, read_back(rows, tokenize(text, [word for word, _ in rows])))
    return total


def found_in_order(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Each word's offsets, found left to right in ``text``: all a CoNLL consumer has."""
    offsets, position = [], 0
    for word in words:
        start = text.find(word, position)
        if start < 0:
            return offsets  # the rest cannot be placed: their spans count as lost
        position = start + len(word)
        offsets.append((start, position))
    return offsets


def treebank_offsets(text: str, words: list[str]) -> list[tuple[int, int]]:
    return list(TreebankWordTokenizer().span_tokenize(text))


def benchmark(n_tasks: int) -> dict[str, Any]:
    tasks, expected = synthetic_export(n_tasks)
    texts = [task["data"]["text"] for task in tasks]
    with tempfile.TemporaryDirectory() as scratch:
        export = Path(scratch) / "export.json"
        export.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
        curate_seconds, curate_out = timed(run_curate, export, Path(scratch) / "curate")
        conversion_seconds, conversion_out = timed(
            run_curate_conversion, export, Path(scratch) / "conversion"
        )
        ls_seconds, ls_out = timed(run_label_studio, export, Path(scratch) / "ls")
        same_output = curate_out.read_bytes() == conversion_out.read_bytes()
        curate_fates = compare(
            conll_blocks(curate_out, docstart_each=True), texts, expected, found_in_order
        )
        ls_fates = compare(
            conll_blocks(ls_out, docstart_each=False), texts, expected, treebank_offsets
        )
    spans = sum(len(s) for s in expected)
    return {
        "benchmark": "conll",
        "tasks": n_tasks,
        "spans": spans,
        "curate_seconds": round(curate_seconds, 3),
        "curate_conversion_seconds": round(conversion_seconds, 3),
        "label_studio_seconds": round(ls_seconds, 3),
        "ratio_label_studio_over_curate": round(ls_seconds / curate_seconds, 2),
        "ratio_label_studio_over_curate_conversion": round(ls_seconds / conversion_seconds, 2),
        "conversion_output_identical": same_output,
        "curate": {k: curate_fates[k] for k in ("kept", "shifted", "lost")},
        "label_studio": {k: ls_fates[k] for k in ("kept", "shifted", "lost")},
    }


def print_table(result: dict[str, Any]) -> None:
    rows = [
        ("curate export --format conll", result["curate_seconds"], result["curate"]),
        ("curate read+adjudicate+CoNLL", result["curate_conversion_seconds"], result["curate"]),
        ("label_studio_sdk CONLL2003", result["label_studio_seconds"], result["label_studio"]),
    ]
    print(f"{result['tasks']} tasks, {result['spans']} spans")
    print(f"{'tool':32} {'seconds':>8} {'tasks/s':>9} {'kept':>7} {'shifted':>8} {'lost':>7}")
    for name, seconds, fate in rows:
        rate = result["tasks"] / seconds
        print(
            f"{name:32} {seconds:8.2f} {rate:9.0f} "
            f"{fate['kept']:7} {fate['shifted']:8} {fate['lost']:7}"
        )
    print(
        "label_studio_sdk time / curate time: "
        f"{result['ratio_label_studio_over_curate']} (whole command), "
        f"{result['ratio_label_studio_over_curate_conversion']} (conversion only)"
    )


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=10_000, help="tasks in the export")
    result = benchmark(parser.parse_args(argv).tasks)
    print_table(result)
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
