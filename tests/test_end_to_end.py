"""The whole round trip on a real Label Studio: push the seeds, three annotators disagree,
pull, and get the expected gold, conflicts, CoNLL and agreement figures.

Annotator A labels every seed exactly as the hand-made dev gold (tests/data/gold). B drops
one span (S1) and shrinks another (S3); C skips the last seed, relabels one span (S2) and
relabels S3, and calls one article irrelevant. So S1 and S2 are still decided 2 to 1, S3
has three versions and no majority, and the last seed is decided by A and B alone.
"""

import json
from pathlib import Path

import pytest
from seqeval.metrics.sequence_labeling import get_entities

from curate.agreement import agreement_report
from curate.articles import read_articles
from curate.gold import export_gold
from curate.gold_formats.bio import whitespace_free
from curate.goldmarkup import load_gold_dir
from curate.labelstudio_export import read_export
from curate.models import Span
from curate.sync import pull, push
from curate.tasks import build_prediction, build_tasks
from curate.tokens import tokens

pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = load_gold_dir(ROOT / "tests" / "data" / "gold")
ARTICLES = {article.id: article for article in read_articles(SEEDS)}
IDS = sorted(ARTICLES)
S1 = (IDS[1], "Науатов", "PER")  # dropped by B
S2 = (IDS[2], "BAQ.KZ", "ORG")  # LOC for C
S3 = (IDS[3], "Қазақстан Республикасының Бас прокуратурасында", "ORG")  # three versions


class _HandGold:
    """The dev gold as an extractor, so push gives the tasks their ordinary shape."""

    model_version = "hand-gold"

    def annotate(self, text: str, *, lang: str) -> list[Span]:
        (spans,) = [spans for gold_text, spans in GOLD.values() if gold_text == text]
        return spans


def _find(article_id: str, text: str, label: str) -> Span:
    return next(s for s in GOLD[article_id][1] if s.text == text and s.label == label)


def _annotator_spans(article_id: str, annotator: str) -> list[Span]:
    spans = list(GOLD[article_id][1])
    here = [_find(*s) for s in (S1, S2, S3) if s[0] == article_id]
    if annotator == "B":
        spans = [s for s in spans if s not in here]
        if article_id == S3[0]:
            s3 = here[0]
            shrunk = s3.text.index("Бас")
            spans.append(
                s3.model_copy(update={"start": s3.start + shrunk, "text": s3.text[shrunk:]})
            )
        elif article_id == S2[0]:
            spans.extend(here)
    if annotator == "C" and article_id in (S2[0], S3[0]):
        spans = [s.model_copy(update={"label": "LOC"}) if s in here else s for s in spans]
    return sorted(spans, key=lambda s: s.start)


def _result(article_id: str, annotator: str) -> list[dict[str, object]]:
    article = ARTICLES[article_id]
    spans = [s.model_copy(update={"score": None}) for s in _annotator_spans(article_id, annotator)]
    prediction = build_prediction(spans, lang=article.lang, model_version="-")
    relevant = "no" if (annotator, article_id) == ("C", IDS[2]) else "yes"
    choice = {"from_name": "relevant", "to_name": "text", "type": "choices",
              "value": {"choices": [relevant]}}  # fmt: skip
    return [*prediction.model_dump(exclude_none=True)["result"], choice]


@pytest.fixture(scope="module")
def annotated_export(label_studio, tmp_path_factory: pytest.TempPathFactory) -> Path:
    client = label_studio.client()
    title = "end-to-end-three-annotators"
    project = push(client, build_tasks(ARTICLES.values(), _HandGold()), project_title=title).project
    task_ids = {task.article_id: task.id for task in client.stored_tasks(project.id)}
    users = {name: label_studio.create_user(name) for name in "ABC"}
    for article_id in IDS:
        for name, user in users.items():
            if (name, article_id) != ("C", IDS[4]):
                result = _result(article_id, name)
                client.create_annotation(task_ids[article_id], result=result, completed_by=user.id)
    report = pull(client, project_title=title, directory=tmp_path_factory.mktemp("snapshots"))
    assert report.summary.mismatches == ()
    return report.path


@pytest.fixture(scope="module")
def exported(annotated_export: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("exports")
    export_gold(annotated_export, out, formats=["jsonl", "conll"])
    return out


def _spans(records: list[dict]) -> set[tuple[int, int, str]]:
    return {(s["start"], s["end"], s["label"]) for s in records}


def test_gold_is_the_hand_gold_but_the_unresolved_span(exported: Path) -> None:
    documents = {
        d["id"]: d
        for d in map(json.loads, (exported / "gold.jsonl").read_text("utf-8").splitlines())
    }
    assert sorted(documents) == IDS
    s3 = _find(*S3)
    for article_id, (_, spans) in GOLD.items():
        expected = {(s.start, s.end, s.label) for s in spans} - {(s3.start, s3.end, s3.label)}
        assert _spans(documents[article_id]["spans"]) == expected, article_id
        assert documents[article_id]["choices"] == {
            "lang": ARTICLES[article_id].lang,
            "relevant": "yes",
        }
    decided = {s["start"]: s["decided_by"] for s in documents[IDS[1]]["spans"]}
    assert decided[_find(*S1).start] == "majority 2/3"
    assert len(documents[IDS[4]]["annotators"]) == 2
    money = next(s for s in documents[IDS[1]]["spans"] if s["label"] == "MONEY")
    assert (money["value"], money["unit"]) == (255_000_000, "KZT")


def test_conflicts_list_every_version(exported: Path) -> None:
    lines = [json.loads(line) for line in (exported / "conflicts.jsonl").open(encoding="utf-8")]
    conflicts = {c["id"]: c for c in lines if c["kind"] == "task"}
    assert {c["kind"] for c in lines} <= {"task", "twin"}
    assert sorted(conflicts) == [IDS[2], IDS[3]]
    s3_versions = json.dumps(conflicts[IDS[3]]["span_conflicts"], ensure_ascii=False)
    assert "Бас прокуратурасында" in s3_versions and "LOC" in s3_versions
    assert conflicts[IDS[2]]["choice_conflicts"]
    assert "BAQ.KZ" in json.dumps(conflicts[IDS[2]]["span_conflicts"], ensure_ascii=False)


def test_conll_reads_back_to_the_gold_spans(exported: Path) -> None:
    documents = [
        json.loads(line) for line in (exported / "gold.jsonl").read_text("utf-8").splitlines()
    ]
    blocks = (exported / "gold.conll").read_text("utf-8").split("-DOCSTART-")[1:]
    assert len(blocks) == len(documents)
    for document, block in zip(documents, blocks, strict=True):
        rows = [line.split("\t") for line in block.splitlines()[1:] if line]
        doc_tokens = [part for t in tokens(document["text"]) for part in whitespace_free(t)]
        assert [row[0] for row in rows] == [t.text for t in doc_tokens]
        entities = get_entities([row[1] for row in rows])
        spans = {(doc_tokens[s].start, doc_tokens[e].end, label) for label, s, e in entities}
        assert spans == _spans(document["spans"])


def test_agreement_figures(annotated_export: Path) -> None:
    report = agreement_report(read_export(annotated_export)).model_dump()
    names = report["annotators"]
    assert len(names) == 3 and report["tasks"] == 5
    a, b, c = (next(n for n in names if n.startswith(f"{x}-")) for x in "ABC")
    total = sum(len(spans) for _, spans in GOLD.values())
    without_last = total - len(GOLD[IDS[4]][1])
    f1 = report["span"]["f1_exact"]
    # A~B: B has the gold minus S1, with S3 shrunk; A~C on the four tasks both did.
    assert _pair(f1, a, b) == pytest.approx(2 * (total - 2) / (total + total - 1))
    assert _pair(f1, a, c) == pytest.approx(2 * (without_last - 2) / (2 * without_last))
    token = report["token"]
    assert 0.9 < token["krippendorff_alpha"] < 1.0
    assert token["fleiss_kappa"] is None  # the last task has two annotators, not three
    assert report["documents"]["lang"]["krippendorff_alpha"] == pytest.approx(1.0)
    assert report["documents"]["relevant"]["krippendorff_alpha"] < 1.0
    unitizing = report["unitizing"]
    assert 0.9 < unitizing["alpha_u"] < 1.0 and unitizing["tasks"] == 4
    assert unitizing["per_label"]["LOC"] < unitizing["per_label"]["ORG"] < 1.0
    assert unitizing["per_label"]["QUANTITY"] == 1.0
    assert report["low_agreement_tasks"] == []  # every task stays above the 0.8 threshold


def _pair(scores: dict[str, float], first: str, second: str) -> float:
    return scores.get(f"{first}~{second}", scores.get(f"{second}~{first}"))
