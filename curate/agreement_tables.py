"""The agreement report as terminal tables (``curate agreement`` without ``--json``).

Each table is built from the :class:`~curate.agreement.AgreementReport` alone, so a notebook
can show the same tables the command prints.
"""

from rich.table import Table

from curate.agreement import AgreementReport


def agreement_tables(report: AgreementReport) -> list[Table]:
    """Summary, pairs, labels, values, rules vs gold (spans, then values), what annotators did
    to each rule, twin consistency, tasks to revisit."""
    token, span, vs = report.token, report.span, report.vs_predictions
    summary = [
        ["tasks (compared)", f"{report.tasks} ({report.tasks_compared})"],
        ["annotators", ", ".join(report.annotators) or "—"],
        ["token percent agreement", _number(token.percent_agreement)],
        ["token Krippendorff α", _number(token.krippendorff_alpha)],
        ["token Fleiss κ", token.fleiss_kappa_note or _number(token.fleiss_kappa)],
        ["unitizing αu", _number(report.unitizing.alpha_u)],
        [
            f"value agreement ({report.values.pairs} pairs)",
            _number(report.values.percent_agreement),
        ],
        ["value Krippendorff α", _number(report.values.krippendorff_alpha)],
        *[[f"{name} α", _number(c.krippendorff_alpha)] for name, c in report.documents.items()],
    ]
    pairs = [
        [pair, _number(kappa), _number(span.f1_exact.get(pair)),
         _number(span.f1_overlap.get(pair))]
        for pair, kappa in token.cohen_kappa.items()
    ]  # fmt: skip
    labels = [
        [label, str(a.spans), _number(a.f1_exact), _number(a.f1_overlap),
         _number(a.krippendorff_alpha), _number(report.unitizing.per_label.get(label))]
        for label, a in span.per_label.items()
    ]  # fmt: skip
    versus = [
        [label, str(s.predicted), str(s.gold), _number(s.precision), _number(s.recall),
         _number(s.f1), str(vs.missed[label])]
        for label, s in vs.per_label.items()
    ]  # fmt: skip
    rules = [[name, str(o.kept), str(o.fixed), str(o.deleted)] for name, o in vs.rules.items()]
    values = [
        [label, str(a.compared), str(a.agreed), _number(a.share)]
        for label, a in report.values.per_label.items()
    ]
    rule_values = [
        [name, str(a.compared), str(a.agreed), _number(a.share)]
        for name, a in [*vs.values_per_label.items(), *vs.values_per_rule.items()]
    ]
    twins = [
        [s.story_id, ", ".join(s.documents), str(s.matched), str(s.conflicts), str(s.unmatched),
         _number(s.consistency)]
        for s in report.twins
    ]  # fmt: skip
    low = [[str(t.task), t.article, _number(t.score)] for t in report.low_agreement_tasks]
    return [
        _table("Agreement", ["measure", "value"], summary),
        _table("Pairs", ["pair", "Cohen κ", "span F1 exact", "span F1 overlap"], pairs),
        _table("Per label", ["label", "spans", "F1 exact", "F1 overlap", "token α", "αu"], labels),
        _table(
            f"Rules vs gold ({vs.tasks} tasks)",
            ["label", "predicted", "gold", "precision", "recall", "F1", "missed"],
            versus,
        ),
        _table("Values: annotator pairs", ["label", "pairs", "agree", "share"], values),
        _table("Rules: what annotators did", ["rule", "kept", "fixed", "deleted"], rules),
        _table(
            "Rules' values vs gold (per label, then per rule)",
            ["label or rule", "compared", "right", "accuracy"],
            rule_values,
        ),
        _table(
            "Twin stories",
            ["story", "documents", "matched", "conflicts", "unmatched", "consistency"],
            twins,
        ),
        _table("Low-agreement tasks (token α)", ["task", "article", "α"], low),
    ]


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _table(title: str, header: list[str], rows: list[list[str]]) -> Table:
    result = Table(*header, title=title, title_justify="left")
    for row in rows:
        result.add_row(*row)
    return result
