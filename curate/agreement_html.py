"""The agreement report as one self-contained HTML page: inline CSS and SVG, no scripts.

The page shows what people look at first: the pairwise agreement of the annotators as
heatmaps, per-label bars, agreement on the values of number spans, what became of each
rule's predictions and how often its values were right, twin consistency per story, and the
tasks to revisit.
"""

from collections.abc import Mapping, Sequence
from html import escape

from curate.agreement import AgreementReport, RuleOutcome, ValueAccuracy

_CSS = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em auto; max-width: 980px; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 2em; }
table { border-collapse: collapse; } td, th { padding: 2px 10px; text-align: left; }
tr:nth-child(even) td { background: #f5f5f5; }
.figures { display: flex; flex-wrap: wrap; gap: 2em; }
.note { color: #666; font-size: 0.9em; }
svg text { font: 12px system-ui, sans-serif; }
"""

_BAR_WIDTH = 260
_ROW = 18
_KEPT, _FIXED, _DELETED = "#3cb44b", "#f58231", "#e6194b"
_MEASURES = (("f1_exact", "span F1 exact", "#4363d8"), ("krippendorff_alpha", "token α", "#911eb4"))


def render_html(report: AgreementReport) -> str:
    """The whole page for ``report``."""
    sections = [
        _summary(report),
        _heatmaps(report),
        _label_bars(report),
        _values(report),
        _rule_bars(report.vs_predictions.rules),
        _rule_values(report),
        _twins(report),
        _low_agreement(report),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        "<title>curate agreement report</title>"
        f"<style>{_CSS}</style></head><body>\n<h1>Inter-annotator agreement</h1>\n"
        + "\n".join(sections)
        + "\n</body></html>\n"
    )


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _colour(value: float | None) -> str:
    """Red (0 or below) through yellow to green (1); grey when there is no value."""
    if value is None:
        return "#dddddd"
    return f"hsl({120 * min(max(value, 0.0), 1.0):.0f}, 70%, 60%)"


def _summary(report: AgreementReport) -> str:
    token = report.token
    rows = [
        ("tasks (compared by two or more)", f"{report.tasks} ({report.tasks_compared})"),
        ("annotators", ", ".join(report.annotators) or "—"),
        ("token Krippendorff α (nominal)", _number(token.krippendorff_alpha)),
        ("token percent agreement", _number(token.percent_agreement)),
        ("token Fleiss κ", _number(token.fleiss_kappa)),
        ("unitizing αu (characters)", _number(report.unitizing.alpha_u)),
        *(
            (f"document choice {n}: α", _number(c.krippendorff_alpha))
            for n, c in report.documents.items()
        ),
    ]
    notes = [n for n in (token.fleiss_kappa_note, report.unitizing.note) if n]
    return (
        "<h2>Summary</h2>\n"
        + _table(("measure", "value"), rows)
        + "".join(f'<p class="note">{escape(n)}</p>' for n in notes)
    )


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>\n"


# ---- values of number spans ---------------------------------------------------------------


def _share_row(name: str, accuracy: ValueAccuracy) -> list[str]:
    return [name, str(accuracy.compared), str(accuracy.agreed), _number(accuracy.share)]


def _values(report: AgreementReport) -> str:
    values = report.values
    heatmap = _heatmap(
        "value agreement",
        report.annotators,
        {pair: accuracy.share for pair, accuracy in values.per_pair.items()},
    )
    rows = [_share_row(label, accuracy) for label, accuracy in values.per_label.items()]
    return (
        "<h2>Values of number spans</h2>\n"
        f'<p class="note">On the {values.pairs} pairs of annotators who made the same number '
        "span and both gave a reading: how often value, unit and qualifier all agree "
        f"({_number(values.percent_agreement)}); Krippendorff's α on the readings "
        f"{_number(values.krippendorff_alpha)}.</p>\n"
        f'<div class="figures">{heatmap}'
        + _table(["label", "pairs", "agree", "share"], rows)
        + "</div>"
    )


def _rule_values(report: AgreementReport) -> str:
    versus = report.vs_predictions
    by_label = [_share_row(label, a) for label, a in versus.values_per_label.items()]
    by_rule = [_share_row(rule, a) for rule, a in versus.values_per_rule.items()]
    return (
        "<h2>The rules' values against the gold</h2>\n"
        '<p class="note">Predicted number spans equal to a gold span whose reading people '
        "gave: how many of the rules' readings were right.</p>\n"
        '<div class="figures">'
        + _table(["label", "compared", "right", "accuracy"], by_label)
        + _table(["rule", "compared", "right", "accuracy"], by_rule)
        + "</div>"
    )


def _twins(report: AgreementReport) -> str:
    if not report.twins:
        return "<h2>Twin stories</h2>\n<p>No story has two or more documents.</p>"
    rows = [
        [story.story_id, ", ".join(story.documents), str(story.matched), str(story.conflicts),
         str(story.unmatched), _number(story.consistency)]
        for story in report.twins
    ]  # fmt: skip
    return (
        "<h2>Twin stories</h2>\n"
        '<p class="note">Gold figures of the documents of one story: pairs that match, '
        "contradictions (same label and unit, another value or qualifier), figures only one "
        "document states.</p>\n"
        + _table(["story", "documents", "matched", "conflicts", "unmatched", "consistency"], rows)
    )


# ---- pairwise heatmaps --------------------------------------------------------------------


def _heatmaps(report: AgreementReport) -> str:
    maps = [
        _heatmap("Cohen's κ on tokens", report.annotators, report.token.cohen_kappa),
        _heatmap("span F1, exact match", report.annotators, report.span.f1_exact),
        _heatmap("span F1, overlap match", report.annotators, report.span.f1_overlap),
    ]
    return "<h2>Pairwise agreement</h2>\n" + f'<div class="figures">{"".join(maps)}</div>'


def _heatmap(title: str, annotators: Sequence[str], pairs: Mapping[str, float | None]) -> str:
    """A symmetric annotator × annotator matrix, one coloured cell per pair."""
    cell, margin = 56, 8 + 7 * max((len(a) for a in annotators), default=0)
    size = margin + cell * len(annotators)
    width = size + margin // 2  # room for the slanted column names
    parts = [f'<svg role="img" width="{width}" height="{size + 24}" aria-label="{escape(title)}">']
    parts.append(f'<text x="0" y="14" font-weight="bold">{escape(title)}</text>')
    for i, name in enumerate(annotators):
        y = 24 + margin + cell * i + cell / 2
        parts.append(f'<text x="{margin - 6}" y="{y + 4}" text-anchor="end">{escape(name)}</text>')
        parts.append(
            f'<text transform="translate({margin + cell * i + cell / 2},{24 + margin - 6}) '
            f'rotate(-60)">{escape(name)}</text>'
        )
    for (i, first), (j, second) in _ordered_pairs(annotators):
        value = pairs.get(f"{first}~{second}") if i < j else pairs.get(f"{second}~{first}")
        x, y = margin + cell * j, 24 + margin + cell * i
        fill = "#ffffff" if i == j else _colour(value)
        label = "" if i == j else _number(value)
        parts.append(
            f'<rect x="{x}" y="{y}" width="{cell}" height="{cell}" fill="{fill}" stroke="#fff">'
            f"<title>{escape(first)} ~ {escape(second)}: {label}</title></rect>"
            f'<text x="{x + cell / 2}" y="{y + cell / 2 + 4}" text-anchor="middle">{label}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _ordered_pairs(annotators: Sequence[str]) -> list[tuple[tuple[int, str], tuple[int, str]]]:
    indexed = list(enumerate(annotators))
    return [(a, b) for a in indexed for b in indexed]


# ---- bars ---------------------------------------------------------------------------------


def _label_bars(report: AgreementReport) -> str:
    """Per label: span F1 (pooled over pairs) and token α, as horizontal bars from 0 to 1."""
    labels = list(report.span.per_label.items())
    height = 24 + len(labels) * _ROW * len(_MEASURES) + len(labels) * 6
    width = 110 + _BAR_WIDTH + 60
    parts = [f'<svg role="img" width="{width}" height="{height}" aria-label="per-label bars">']
    for k, (_, title, colour) in enumerate(_MEASURES):
        parts.append(_legend_item(110 + k * 130, title, colour))
    y = 24
    for label, agreement in labels:
        parts.append(f'<text x="100" y="{y + _ROW}" text-anchor="end">{escape(label)}</text>')
        for field, _, colour in _MEASURES:
            parts.append(_bar(110, y, getattr(agreement, field), colour))
            y += _ROW
        y += 6
    parts.append("</svg>")
    return "<h2>Per label</h2>\n" + "".join(parts)


def _legend_item(x: float, title: str, colour: str) -> str:
    return (
        f'<rect x="{x}" y="4" width="12" height="12" fill="{colour}"></rect>'
        f'<text x="{x + 16}" y="14">{escape(title)}</text>'
    )


def _bar(x: float, y: float, value: float | None, colour: str) -> str:
    """One bar for a value in [0, 1] (negative values draw nothing), its number after it."""
    width = _BAR_WIDTH * min(max(value or 0.0, 0.0), 1.0)
    return (
        f'<rect x="{x}" y="{y + 3}" width="{width:.1f}" height="{_ROW - 6}" fill="{colour}"></rect>'
        f'<text x="{x + width + 4:.1f}" y="{y + _ROW - 5}">{_number(value)}</text>'
    )


def _rule_bars(rules: Mapping[str, RuleOutcome]) -> str:
    """What annotators did with each rule's spans: kept, fixed, deleted, stacked to 100 %."""
    if not rules:
        return "<h2>Rules against the gold</h2>\n<p>No task had predictions to compare.</p>"
    names = sorted(rules, key=lambda name: -rules[name].total)
    left = 10 + 7 * max(len(name) for name in names)  # room for the longest rule name
    height = 24 + _ROW * len(names)
    parts = [
        f'<svg role="img" width="{left + _BAR_WIDTH + 120}" height="{height}" aria-label="rules">'
    ]
    kinds = (("kept", _KEPT), ("fixed", _FIXED), ("deleted", _DELETED))
    for k, (title, colour) in enumerate(kinds):
        parts.append(_legend_item(left + k * 90, title, colour))
    for row, name in enumerate(names):
        outcome, y, x = rules[name], 24 + _ROW * row, float(left)
        parts.append(
            f'<text x="{left - 10}" y="{y + _ROW - 5}" text-anchor="end">{escape(name)}</text>'
        )
        for kind, colour in kinds:
            count = getattr(outcome, kind)
            width = _BAR_WIDTH * count / outcome.total if outcome.total else 0.0
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{width:.1f}" height="{_ROW - 6}" '
                f'fill="{colour}"><title>{kind}: {count}</title></rect>'
            )
            x += width
        parts.append(
            f'<text x="{left + _BAR_WIDTH + 6}" y="{y + _ROW - 5}">'
            f"{outcome.kept}/{outcome.fixed}/{outcome.deleted}</text>"
        )
    parts.append("</svg>")
    return "<h2>Rules against the gold</h2>\n" + "".join(parts)


# ---- tasks to revisit ---------------------------------------------------------------------


def _low_agreement(report: AgreementReport) -> str:
    if not report.low_agreement_tasks:
        return "<h2>Low-agreement tasks</h2>\n<p>No task is below the threshold.</p>"
    rows = "".join(
        f"<tr><td>{task.task}</td><td>{escape(task.article)}</td>"
        f'<td><svg width="{_BAR_WIDTH + 60}" height="{_ROW}">'
        f"{_bar(0, 0, task.score, _colour(task.score))}</svg></td></tr>"
        for task in report.low_agreement_tasks
    )
    return (
        "<h2>Low-agreement tasks</h2>\n"
        '<p class="note">Token Krippendorff α per task, worst first: revisit these in '
        "Label Studio.</p>\n"
        f"<table><tr><th>task</th><th>article</th><th>token α</th></tr>{rows}</table>"
    )
