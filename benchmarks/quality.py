"""Quality of the rules against hand-annotated gold: the seeds' dev gold or a held-out set.

Precision, recall and F1 per label and micro-averaged, by exact span match (same start,
end and label), and value accuracy: of the number spans (QUANTITY, MONEY, COUNT, PERCENT)
the rules got exactly right, the share whose value, unit and qualifier equal the gold's.

Values to fix, per label: what an annotator checking the prefilled readings in Label Studio
would do for each gold number span. The rules predicted the exact span with the gold's
reading (nothing to do), with another reading (fix it), or did not predict the exact span,
so no reading is prefilled on it (type it, or fix the one a resized region carries).

    uv run python benchmarks/quality.py            # every gold set side by side, then JSON
    uv run python benchmarks/quality.py --sets real-dev --errors   # one set, every error
    uv run python benchmarks/quality.py --articles tests/data/heldout/test/articles \
        --gold tests/data/heldout/test/gold      # any one folder pair, table then JSON

Without ``--articles``/``--gold`` the named ``--sets`` (default: all of ``SETS``) are scored
and shown side by side, per label and per language (kk/ru), and the JSON line holds one
result per set under ``sets``. ``--errors`` lists the errors of the dev sets only: a test set
is measured, never read for errors. ``--articles`` is a folder of raw articles (read as
``curate ingest`` reads them, for each article's language) and ``--gold`` the folder of gold
markup files named by article id (``curate.goldmarkup``); given either, one set is scored
(the other defaults to ``seeds/`` or ``tests/data/gold/``) and the JSON line is its result.

The seeds are the texts the rules were written against: a figure there is an upper bound.
The held-out sets (``tests/data/heldout/``) were written and annotated without the rules in
view; ``dev`` may be used to find rule errors, ``test`` is only measured, never tuned on.
"""

import argparse
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from curate.articles import read_articles
from curate.errors import InputError
from curate.goldmarkup import load_gold_dir
from curate.labels import LABEL_NAMES, LANGUAGES, NUMBER_LABELS
from curate.metrics import SpanCounts, exact_match, precision_recall_f1, span_counts
from curate.models import Span
from curate.rules import build_extractor

ROOT = Path(__file__).resolve().parent.parent
CODE = {label: code for code, label in enumerate(LABEL_NAMES)}
DATA = ROOT / "tests" / "data"
# name -> (articles, gold); the test sets are measured only, never read for errors
SETS = {
    "seeds": (ROOT / "seeds", DATA / "gold"),
    "heldout-dev": (DATA / "heldout" / "dev" / "articles", DATA / "heldout" / "dev" / "gold"),
    "heldout-test": (DATA / "heldout" / "test" / "articles", DATA / "heldout" / "test" / "gold"),
    "real-dev": (DATA / "real" / "dev" / "articles", DATA / "real" / "dev" / "gold"),
    "real-test": (DATA / "real" / "test" / "articles", DATA / "real" / "test" / "gold"),
}


def rows(documents: Sequence[list[Span]]) -> np.ndarray:
    """(S, 4) rows of document index, start, end, label code."""
    found = [(d, s.start, s.end, CODE[s.label]) for d, spans in enumerate(documents) for s in spans]
    return np.array(found, dtype=np.int64).reshape(-1, 4)


def same_value(predicted: Span, gold: Span) -> bool:
    """Whether a number span's value, unit and qualifier equal the gold's."""
    if predicted.value is None or gold.value is None:
        return predicted.value == gold.value
    return math.isclose(predicted.value, gold.value, rel_tol=1e-9) and (
        predicted.unit,
        predicted.qualifier,
    ) == (gold.unit, gold.qualifier)


def evaluate(gold_dir: Path, articles: Path, extractor: Any = None) -> dict[str, Any]:
    """Scores of the rules on the gold, with the misses and false alarms for ``--errors``.

    The scores are given for the whole set and, under ``languages``, for its kk and ru
    articles apart. Raises :class:`InputError` when a gold file has no article of its id in
    ``articles``.
    """
    gold = load_gold_dir(gold_dir)
    langs = {article.id: article.lang for article in read_articles(articles)}
    if missing := sorted(gold.keys() - langs.keys()):
        raise InputError(
            f"{gold_dir}: gold for {', '.join(missing)} but no such article in {articles}; "
            "pass the articles the gold was made from with --articles"
        )
    extractor = extractor or build_extractor()
    ids = sorted(gold)
    true = [gold[i][1] for i in ids]
    predicted = [extractor.annotate(gold[i][0], lang=langs[i]) for i in ids]
    result = _scores(predicted, true)
    result["model_version"] = extractor.model_version
    result["languages"] = {
        lang: _scores(*_of_language(lang, [langs[i] for i in ids], predicted, true))
        for lang in LANGUAGES
    }
    result["errors"] = _errors(ids, [gold[i][0] for i in ids], predicted, true)
    return result


def _of_language(
    lang: str, langs: list[str], predicted: list[list[Span]], true: list[list[Span]]
) -> tuple[list[list[Span]], list[list[Span]]]:
    keep = [n for n, article_lang in enumerate(langs) if article_lang == lang]
    return [predicted[n] for n in keep], [true[n] for n in keep]


def _scores(predicted: list[list[Span]], true: list[list[Span]]) -> dict[str, Any]:
    """Per-label and micro P/R/F1, value accuracy and values to fix of one set of documents."""
    counts = span_counts(rows(predicted), rows(true), match=exact_match, n_labels=len(CODE))
    per_label = precision_recall_f1(counts)
    micro = precision_recall_f1(SpanCounts(*(np.array([c.sum()]) for c in counts)))
    values = _value_matches(predicted, true)
    return {
        "values_to_fix": _values_to_fix(predicted, true),
        "documents": len(true),
        "micro": {"precision": micro.precision[0], "recall": micro.recall[0], "f1": micro.f1[0]},
        "labels": {
            label: {
                "precision": per_label.precision[code],
                "recall": per_label.recall[code],
                "f1": per_label.f1[code],
                "true": int(counts.true[code]),
                "predicted": int(counts.predicted[code]),
            }
            for label, code in CODE.items()
        },
        "value_accuracy": sum(values) / len(values) if values else float("nan"),
        "number_spans_matched": len(values),
    }


def _value_matches(predicted: list[list[Span]], true: list[list[Span]]) -> list[bool]:
    matches = []
    for found, gold in zip(predicted, true, strict=True):
        by_place = {(s.start, s.end, s.label): s for s in gold if s.label in NUMBER_LABELS}
        for span in found:
            if (key := (span.start, span.end, span.label)) in by_place:
                matches.append(same_value(span, by_place[key]))
    return matches


def _values_to_fix(predicted: list[list[Span]], true: list[list[Span]]) -> dict[str, Any]:
    """Per number label: gold spans, prefilled right, prefilled wrong, not prefilled."""
    table = {
        label: {"gold": 0, "right": 0, "wrong": 0, "not_prefilled": 0}
        for label in LABEL_NAMES
        if label in NUMBER_LABELS
    }
    for found, gold in zip(predicted, true, strict=True):
        by_place = {(s.start, s.end, s.label): s for s in found}
        for span in gold:
            if span.label not in NUMBER_LABELS:
                continue
            row = table[span.label]
            row["gold"] += 1
            guess = by_place.get((span.start, span.end, span.label))
            if guess is None:
                row["not_prefilled"] += 1
            else:
                row["right" if same_value(guess, span) else "wrong"] += 1
    for row in [*table.values()]:
        row["to_fix"] = row["wrong"] + row["not_prefilled"]
    table["all"] = {
        key: sum(row[key] for row in table.values()) for key in next(iter(table.values()))
    }
    return table


def _errors(
    ids: list[str], texts: list[str], predicted: list[list[Span]], true: list[list[Span]]
) -> list[dict[str, Any]]:
    errors = []
    for doc, text, found, gold in zip(ids, texts, predicted, true, strict=True):
        found_keys = {(s.start, s.end, s.label): s for s in found}
        gold_keys = {(s.start, s.end, s.label): s for s in gold}
        for key in sorted(found_keys.keys() ^ gold_keys.keys()):
            span = found_keys.get(key) or gold_keys[key]
            kind = "false_alarm" if key in found_keys else "miss"
            errors.append(
                {"doc": doc, "kind": kind, "label": key[2], "text": text[key[0] : key[1]],
                 "rule": span.rule, "context": text[max(0, key[0] - 30) : key[1] + 30]}
            )  # fmt: skip
        for key in found_keys.keys() & gold_keys.keys():
            if key[2] in NUMBER_LABELS and not same_value(found_keys[key], gold_keys[key]):
                got, want = found_keys[key], gold_keys[key]
                errors.append(
                    {"doc": doc, "kind": "value", "label": key[2], "text": got.text,
                     "rule": got.rule, "context": f"got {got.value} {got.unit} {got.qualifier}, "
                     f"gold {want.value} {want.unit} {want.qualifier}"}
                )  # fmt: skip
    return errors


def print_table(result: dict[str, Any]) -> None:
    print(f"rules {result['model_version']} on {result['documents']} gold documents (exact match)")
    print(f"{'label':10} {'P':>6} {'R':>6} {'F1':>6} {'true':>5} {'pred':>5}")
    for label, row in result["labels"].items():
        print(
            f"{label:10} {row['precision']:6.3f} {row['recall']:6.3f} {row['f1']:6.3f}"
            f" {row['true']:5d} {row['predicted']:5d}"
        )
    micro = result["micro"]
    print(f"{'micro':10} {micro['precision']:6.3f} {micro['recall']:6.3f} {micro['f1']:6.3f}")
    print(
        f"value accuracy {result['value_accuracy']:.3f} "
        f"on {result['number_spans_matched']} matched number spans"
    )
    print("values an annotator would fix (prefilled wrong) or type (not prefilled)")
    print(f"{'label':10} {'gold':>5} {'right':>6} {'wrong':>6} {'typed':>6} {'to fix':>7}")
    for label, row in result["values_to_fix"].items():
        share = row["to_fix"] / row["gold"] if row["gold"] else float("nan")
        print(
            f"{label:10} {row['gold']:5d} {row['right']:6d} {row['wrong']:6d}"
            f" {row['not_prefilled']:6d} {row['to_fix']:4d} ({share:.1%})"
        )


def print_side_by_side(results: dict[str, dict[str, Any]]) -> None:
    """F1 per label, micro F1 per language and value accuracy, one column per set."""
    names = list(results)
    version = next(iter(results.values()))["model_version"]
    print(f"rules {version}, F1 by exact match, one column per gold set")
    print(f"{'':14}" + "".join(f"{name:>13}" for name in names))
    print(f"{'documents':14}" + "".join(f"{r['documents']:13d}" for r in results.values()))
    for label in CODE:
        cells = [
            f"{r['labels'][label]['f1']:6.3f} ({r['labels'][label]['true']:3d})"
            for r in results.values()
        ]
        print(f"{label:14}" + "".join(f"{cell:>13}" for cell in cells))
    print(f"{'micro':14}" + "".join(f"{r['micro']['f1']:13.3f}" for r in results.values()))
    for lang in LANGUAGES:
        cells = [r["languages"][lang]["micro"]["f1"] for r in results.values()]
        print(f"{'micro ' + lang:14}" + "".join(f"{cell:13.3f}" for cell in cells))
    cells = [r["value_accuracy"] for r in results.values()]
    print(f"{'values right':14}" + "".join(f"{cell:13.3f}" for cell in cells))
    cells = [r["values_to_fix"]["all"]["to_fix"] for r in results.values()]
    print(f"{'values to fix':14}" + "".join(f"{cell:13d}" for cell in cells))


def print_errors(errors: list[dict[str, Any]]) -> None:
    for error in errors:
        print(
            f"{error['kind']:11} {error['label']:8} {error['text']!r:45} "
            f"{error['rule'] or '':24} …{error['context']}…".replace("\n", " ")
        )


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sets",
        nargs="+",
        choices=list(SETS),
        default=list(SETS),
        help="gold sets to score side by side (default: all)",
    )
    parser.add_argument(
        "--articles",
        "--seeds",
        type=Path,
        help="folder of raw articles one gold folder annotates (default: seeds/)",
    )
    parser.add_argument(
        "--gold",
        type=Path,
        help="folder of gold markup files named by article id (default: tests/data/gold/)",
    )
    parser.add_argument(
        "--errors", action="store_true", help="list misses and false alarms (dev sets only)"
    )
    args = parser.parse_args(argv)
    if args.articles or args.gold:
        return _one_set(parser, args.articles or SETS["seeds"][0], args.gold or SETS["seeds"][1],
                        errors=args.errors)  # fmt: skip
    extractor = build_extractor()
    try:
        results = {name: evaluate(SETS[name][1], SETS[name][0], extractor) for name in args.sets}
    except InputError as error:
        parser.error(str(error))
    errors = {name: result.pop("errors") for name, result in results.items()}
    print_side_by_side(results)
    if args.errors:
        for name in args.sets:
            if name.endswith("-test"):
                print(f"{name}: a test set, measured only: its errors are not listed")
                continue
            print(f"{name}: {len(errors[name])} errors")
            print_errors(errors[name])
    result = {"sets": results}
    print(json.dumps(result))
    return result


def _one_set(
    parser: argparse.ArgumentParser, articles: Path, gold: Path, *, errors: bool
) -> dict[str, Any]:
    try:
        result = evaluate(gold, articles)
    except InputError as error:
        parser.error(str(error))
    found = result.pop("errors")
    print_table(result)
    if errors:
        print_errors(found)
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
