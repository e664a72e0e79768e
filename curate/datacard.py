"""The ``exports/README.md`` data card: what is in the gold export, how it was decided, how far
to trust it (counts per label and language, the agreement summary, open conflicts, splits).
"""

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from curate.adjudicate import GROUND_TRUTH, NORMALISER, SINGLE_ANNOTATOR, Adjudication
from curate.labels import LABEL_NAMES, NUMBER_LABELS
from curate.models import GoldDocument
from curate.splits import Percentages
from curate.twins import TwinReport

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

HOW_VALUES_ARE_DECIDED = f"""\
A number span's value, unit and qualifier (its reading) are checked by people in Label Studio,
prefilled by the rules. The gold reading is the ground truth annotation's, else the one a
strict majority of the annotators who made that span and gave a reading agree on
(`value_source` `annotators k/n`); a tie is a value conflict in `conflicts.jsonl` with each
annotator's reading. A span nobody gave a reading for (an older export, a region drawn by
hand and left blank, a reading that could not be read, a tie) gets the normaliser's
(`{NORMALISER}`). `value_review` says whether people `confirmed` the rules' reading,
`changed` it, or the value is `unseen` by anyone."""

FORMAT_NOTES = """\
Offsets are Python code-point offsets into `text`, `[start, end)` with an exclusive end.
QUANTITY, MONEY, COUNT and PERCENT spans carry the normalised `value`, `unit` and
`qualifier`, with `value_source` and `value_review` (see "Values of number spans"). In
`.conll` files each document opens with `-DOCSTART- -X- O O`, each line is `token<TAB>tag`
(BIO), sentences are separated by a blank line, and tokens come from curate's tokenizer with
no whitespace inside: a number written with a space (`2 564`) is its parts, tagged as one span.
`.spacy` files are spaCy DocBins (spans as entities, values as the span extensions `value`,
`unit`, `qualifier`, `decided_by`); `.parquet` files load with
`datasets.load_dataset("parquet", ...)`, the BIO tags as `ner_tags` ClassLabels. JSON Schemas
of the `.jsonl` records ship in curate's `exports/` (`gold.schema.json`,
`conflicts.schema.json`)."""


def render(
    documents: Sequence[GoldDocument],
    adjudications: Sequence[Adjudication],
    *,
    source_export: str,
    files: Mapping[str, int],
    agreement: Mapping[str, Any] | None = None,
    split: tuple[Percentages, int, Mapping[str, Sequence[GoldDocument]]] | None = None,
    warnings: Sequence[str] = (),
    twins: TwinReport | None = None,
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
        _value_section(documents, adjudications),
    ]
    if twins is not None:
        sections.append(_twin_section(twins))
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


def _value_section(documents: Sequence[GoldDocument], adjudications: Sequence[Adjudication]) -> str:
    reviews = ("confirmed", "changed", "unseen")
    counts = Counter(
        (span.label, span.value_review)
        for d in documents
        for span in d.spans
        if span.label in NUMBER_LABELS
    )
    rows = [
        (label, *(counts[label, r] for r in reviews), sum(counts[label, r] for r in reviews))
        for label in LABEL_NAMES
        if label in NUMBER_LABELS
    ]
    totals = [sum(counts[label, r] for label in NUMBER_LABELS) for r in reviews]
    ties = sum(len(a.value_conflicts) for a in adjudications)
    return (
        f"## Values of number spans\n\n{HOW_VALUES_ARE_DECIDED}\n\n"
        + _table(("label", *reviews, "all"), [*rows, ("all", *totals, sum(totals))])
        + f"\n\nPeople confirmed {totals[0]} values, changed {totals[1]} and never saw "
        f"{totals[2]}; {ties} value conflicts (ties) are open."
    )


def _twin_section(twins: TwinReport) -> str:
    rows = [
        (
            story.story_id,
            ", ".join(story.documents),
            story.figures,
            story.matched,
            story.conflicts,
            story.unmatched,
            _number(story.consistency),
        )
        for story in twins.stories
    ]
    header = ("story", "documents", "figures", "matched", "conflicts", "unmatched", "consistency")
    return (
        "## Twin stories\n\nDocuments of one story (the kk/ru reports of one briefing) should "
        "state the same figures (label, value, unit, qualifier). A figure contradicted by the "
        "twin's figure of the same label and unit is a twin conflict in `conflicts.jsonl` "
        "(kind `twin`); a figure only one report states is unmatched, which is normal. "
        "Consistency is matched over matched and conflicting pairs.\n\n"
        + (_table(header, rows) if rows else "No story has two or more documents.")
        + f"\n\n{len(twins.conflicts)} twin conflicts, {len(twins.unmatched)} unmatched figures."
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
