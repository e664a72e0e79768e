"""The ``exports/README.md`` data card: what is in the gold export, how it was decided, how far
to trust it (counts per label and language, the agreement summary, open conflicts, splits).
"""

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from curate.adjudicate import GROUND_TRUTH, SINGLE_ANNOTATOR, Adjudication
from curate.labels import LABEL_NAMES
from curate.models import GoldDocument
from curate.splits import Percentages

NO_VALUE = "—"

HOW_GOLD_IS_DECIDED = f"""\
Gold is decided per task from the completed (not cancelled) annotations, in this order:

1. an annotation marked as ground truth in Label Studio wins outright (`{GROUND_TRUTH}`);
2. a task with one annotator takes that annotator's work (`{SINGLE_ANNOTATOR}`);
3. otherwise a span is gold when a strict majority of the task's annotators made it with the
   same start, end and label (`majority k/n`); document choices likewise, among those who
   answered.

Ties and minority spans are not guessed: they are listed in `conflicts.jsonl` with every
annotator's version of that stretch of text. A document with open conflicts keeps only its
decided spans; settle them in Label Studio (mark one annotation as ground truth) and export
again."""

FORMAT_NOTES = """\
Offsets are Python code-point offsets into `text`, `[start, end)` with an exclusive end.
QUANTITY, MONEY, COUNT and PERCENT spans carry the normalised `value`, `unit` and
`qualifier` computed by the same code as the rules. In `.conll` files each document opens
with `-DOCSTART- -X- O O`, each line is `token<TAB>tag` (BIO), sentences are separated by a
blank line, and tokens come from curate's tokenizer with no whitespace inside: a number
written with a space (`2 564`) is its parts, tagged as one span. `.spacy` files are spaCy
DocBins (spans as entities, values as the span extensions `value`, `unit`, `qualifier`,
`decided_by`); `.parquet` files load with `datasets.load_dataset("parquet", ...)`, the BIO
tags as `ner_tags` ClassLabels. JSON Schemas of the `.jsonl` records ship in curate's
`exports/` (`gold.schema.json`, `conflicts.schema.json`)."""


def render(
    documents: Sequence[GoldDocument],
    adjudications: Sequence[Adjudication],
    *,
    source_export: str,
    files: Mapping[str, int],
    agreement: Mapping[str, Any] | None = None,
    split: tuple[Percentages, int, Mapping[str, Sequence[GoldDocument]]] | None = None,
    warnings: Sequence[str] = (),
) -> str:
    """The data card's Markdown; ``split`` is (percentages, seed, documents per split)."""
    sections = [
        f"# Gold dataset from `{source_export}`\n\n"
        f"Written by `curate export`: {len(documents)} documents, "
        f"{sum(len(d.spans) for d in documents)} spans.",
        _files_section(files),
        _language_section(documents),
        _label_section(documents),
        _decision_section(documents, adjudications),
    ]
    if agreement is not None:
        sections.append(_agreement_section(agreement))
    if split is not None:
        sections.append(_split_section(*split))
    if warnings:
        sections.append("## Left out or ignored\n\n" + "\n".join(f"- {w}" for w in warnings))
    sections.append(f"## Format\n\n{FORMAT_NOTES}")
    return "\n\n".join(sections) + "\n"


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(str(cell) for cell in row) + " |" for row in rows)
    return "\n".join(lines)


def _files_section(files: Mapping[str, int]) -> str:
    return "## Files\n\n" + _table(("file", "records"), sorted(files.items()))


def _languages(documents: Sequence[GoldDocument]) -> list[str]:
    return sorted({document.lang or NO_VALUE for document in documents})


def _language_section(documents: Sequence[GoldDocument]) -> str:
    rows = [
        (
            lang,
            sum(1 for d in documents if (d.lang or NO_VALUE) == lang),
            sum(len(d.spans) for d in documents if (d.lang or NO_VALUE) == lang),
            len({d.story_id for d in documents if (d.lang or NO_VALUE) == lang}),
        )
        for lang in _languages(documents)
    ]
    return "## Documents per language\n\n" + _table(("lang", "documents", "spans", "stories"), rows)


def _label_section(documents: Sequence[GoldDocument]) -> str:
    languages = _languages(documents)
    counts = Counter((span.label, d.lang or NO_VALUE) for d in documents for span in d.spans)
    rows = [
        (
            label,
            *(counts[label, lang] for lang in languages),
            sum(counts[label, x] for x in languages),
        )
        for label in LABEL_NAMES
    ]
    return "## Spans per label and language\n\n" + _table(("label", *languages, "all"), rows)


def _decision_section(
    documents: Sequence[GoldDocument], adjudications: Sequence[Adjudication]
) -> str:
    decided = Counter(span.decided_by for d in documents for span in d.spans)
    reasons = Counter(c.reason for a in adjudications for c in a.span_conflicts)
    choice_conflicts = sum(len(a.choice_conflicts) for a in adjudications)
    open_tasks = sum(1 for a in adjudications if a.has_conflicts)
    conflict_line = (
        f"Open conflicts: {sum(reasons.values())} span conflicts "
        f"({', '.join(f'{n} {r}' for r, n in sorted(reasons.items())) or 'none'}) and "
        f"{choice_conflicts} choice conflicts, in {open_tasks} of {len(adjudications)} tasks."
    )
    return (
        f"## How gold was decided\n\n{HOW_GOLD_IS_DECIDED}\n\n"
        + _table(("decided by", "spans"), sorted(decided.items()))
        + f"\n\n{conflict_line}"
    )


def _number(value: object) -> str:
    return f"{value:.3f}" if isinstance(value, int | float) else NO_VALUE


def _mean(pairwise: object) -> object:
    """The mean of a pairwise ``{"A~B": x}`` mapping, or nothing when there are no pairs."""
    if not isinstance(pairwise, Mapping):
        return None
    values = [v for v in pairwise.values() if isinstance(v, int | float)]
    return sum(values) / len(values) if values else None


def _agreement_section(report: Mapping[str, Any]) -> str:
    token, span = report.get("token", {}), report.get("span", {})
    fleiss_note = token.get("fleiss_kappa_note")
    rows = [
        ("token Krippendorff α (nominal)", _number(token.get("krippendorff_alpha"))),
        ("token percent agreement", _number(token.get("percent_agreement"))),
        (
            "token Fleiss κ",
            _number(token.get("fleiss_kappa")) + (f" ({fleiss_note})" if fleiss_note else ""),
        ),
        ("span F1, exact match (mean over pairs)", _number(_mean(span.get("f1_exact")))),
        ("span F1, overlap match (mean over pairs)", _number(_mean(span.get("f1_overlap")))),
        ("unitizing αu", _number(report.get("unitizing", {}).get("alpha_u"))),
    ]
    annotators = report.get("annotators", [])
    per_label = span.get("per_label", {})
    label_rows = [
        (
            label,
            _number(per_label[label].get("f1_exact")),
            _number(per_label[label].get("krippendorff_alpha")),
        )
        for label in LABEL_NAMES
        if per_label.get(label, {}).get("spans")
    ]
    return (
        f"## Agreement\n\nOver {report.get('tasks', NO_VALUE)} tasks "
        f"({report.get('tasks_compared', NO_VALUE)} with two or more annotators) and "
        f"{len(annotators)} annotators; `curate agreement` gives the full report.\n\n"
        + _table(("measure", "value"), rows)
        + ("\n\n" + _table(("label", "span F1 exact", "α"), label_rows) if label_rows else "")
    )


def _split_section(
    percentages: Percentages, seed: int, splits: Mapping[str, Sequence[GoldDocument]]
) -> str:
    rows = [
        (name, len(docs), len({d.story_id for d in docs}), sum(len(d.spans) for d in docs))
        for name, docs in splits.items()
    ]
    return (
        f"## Splits\n\n{'/'.join(map(str, percentages))} with seed {seed}; documents that share "
        "a `story_id` (the kk/ru twins) are always in the same split.\n\n"
        + _table(("split", "documents", "stories", "spans"), rows)
    )
