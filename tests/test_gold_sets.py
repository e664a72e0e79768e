"""The hand-annotated dev gold of the five seeds, and the markup it is written in."""

from pathlib import Path

import pytest
from goldsets import (
    ROOT,
    cut_spans,
    load_gold_set,
    misplaced_spans,
    off_scheme_spans,
    overlapping_spans,
    rendered_markup,
)

from curate.errors import InputError
from curate.goldmarkup import load_gold_dir, parse_gold, render_gold
from curate.models import Span
from curate.tokens import tokens

SEEDS = load_gold_set(ROOT / "seeds", ROOT / "tests" / "data" / "gold")
GOLD = SEEDS.gold
IDS = sorted(GOLD)


def test_gold_has_one_file_per_seed() -> None:
    assert set(GOLD) == set(SEEDS.articles)


@pytest.mark.parametrize("article_id", IDS)
def test_stripped_markup_is_the_ingested_article_text(article_id: str) -> None:
    text, spans = GOLD[article_id]
    assert text == SEEDS.articles[article_id].text
    assert misplaced_spans(text, spans) == []


@pytest.mark.parametrize("article_id", IDS)
def test_spans_cover_whole_tokens(article_id: str) -> None:
    assert cut_spans(*GOLD[article_id]) == []


@pytest.mark.parametrize("article_id", IDS)
def test_spans_do_not_overlap(article_id: str) -> None:
    assert overlapping_spans(GOLD[article_id][1]) == []


@pytest.mark.parametrize("article_id", IDS)
def test_labels_and_values_follow_the_scheme(article_id: str) -> None:
    assert off_scheme_spans(GOLD[article_id][1]) == []


@pytest.mark.parametrize("article_id", IDS)
def test_gold_files_round_trip(article_id: str) -> None:
    stored, rendered = rendered_markup(SEEDS, article_id)
    assert rendered == stored


# Examples of docs/scheme.md that occur in the seeds, and how the gold must carry them.
SCHEME_EXAMPLES = [
    ("000_8862c5cf1237cf20", "жарты тоннадан астам", "QUANTITY", 500, "kg", "more_than"),
    ("000_8862c5cf1237cf20", "525 келіден астам", "QUANTITY", 525, "kg", "more_than"),
    ("000_8862c5cf1237cf20", "3 тоннадан астам", "QUANTITY", 3000, "kg", "more_than"),
    ("000_8862c5cf1237cf20", "500-ден астам", "COUNT", 500, None, "more_than"),
    ("000_8862c5cf1237cf20", "68 миллион теңге", "MONEY", 68_000_000, "KZT", None),
    ("000_8862c5cf1237cf20", "Қуатбек Науатовтың", "PER", None, None, None),
    ("000_8862c5cf1237cf20", "биылғы тоғыз айда", "DATE", None, None, None),
    ("000_8862c5cf1237cf20", "синтетикалық зат", "DRUG", None, None, None),
    ("000_8862c5cf1237cf20", "Ұлттық банк", "ORG", None, None, None),
    ("001_ebc768f9c6bcacff", "Департамента полиции Алматы", "ORG", None, None, None),
    ("001_ebc768f9c6bcacff", "более 500", "COUNT", 500, None, "more_than"),
    ("001_ebc768f9c6bcacff", "около 1,5 тыс.", "COUNT", 1500, None, "about"),
    ("001_ebc768f9c6bcacff", "свыше 525 кг", "QUANTITY", 525, "kg", "more_than"),
    ("001_ebc768f9c6bcacff", "более 3 тонн", "QUANTITY", 3000, "kg", "more_than"),
    ("001_ebc768f9c6bcacff", "более 255 млн тенге", "MONEY", 255_000_000, "KZT", "more_than"),
    ("001_ebc768f9c6bcacff", "прекурсоров БК-4", "DRUG", None, None, None),
    ("001_ebc768f9c6bcacff", "девять месяцев этого года", "DATE", None, None, None),
    ("001_ebc768f9c6bcacff", "области Жетісу", "LOC", None, None, None),
    ("001_ebc768f9c6bcacff", "Polisia.kz", "ORG", None, None, None),
    ("002_fbb7fd9896154a46", "2 564", "COUNT", 2564, None, None),
    ("002_fbb7fd9896154a46", "55,6 млн тенге", "MONEY", 55_600_000, "KZT", None),
    ("002_fbb7fd9896154a46", "статья 440-1 КоАП", "LAW", None, None, None),
    ("002_fbb7fd9896154a46", "Алия Кибаткызы", "PER", None, None, None),
    ("003_f4393dd4d64d0e2a", "–4%", "PERCENT", -4, "%", None),
    ("003_f4393dd4d64d0e2a", "+10%", "PERCENT", 10, "%", None),
    ("003_f4393dd4d64d0e2a", "47,2 т", "QUANTITY", 47_200, "kg", None),
    ("003_f4393dd4d64d0e2a", "2025 жылғы 2 қаңтардағы", "DATE", None, None, None),
    ("003_f4393dd4d64d0e2a", "Қылмыстық кодекске", "LAW", None, None, None),
    ("003_f4393dd4d64d0e2a", "Берік Асыловтың", "PER", None, None, None),
    ("003_f4393dd4d64d0e2a", "ІІМ", "ORG", None, None, None),
    ("003_f4393dd4d64d0e2a", "кокаин", "DRUG", None, None, None),
    ("004_c02d2e9718ff1dba", "8 месяцев", "DATE", None, None, None),
    ("004_c02d2e9718ff1dba", "более 7 млн разовых доз", "QUANTITY", 7_000_000, "dose", "more_than"),
    ("004_c02d2e9718ff1dba", "1 млн\xa0300 тыс.", "COUNT", 1_300_000, None, None),
    ("004_c02d2e9718ff1dba", "2,6 млрд тенге", "MONEY", 2_600_000_000, "KZT", None),
    ("004_c02d2e9718ff1dba", "каннабисной группы", "DRUG", None, None, None),
    ("004_c02d2e9718ff1dba", "МВД РК", None, None, None, None),  # inside a longer ORG
    ("004_c02d2e9718ff1dba", "Telegram", "ORG", None, None, None),
]


@pytest.mark.parametrize(
    ("article_id", "span_text", "label", "value", "unit", "qualifier"), SCHEME_EXAMPLES
)
def test_gold_carries_the_scheme_examples(
    article_id: str,
    span_text: str,
    label: str | None,
    value: float | None,
    unit: str | None,
    qualifier: str | None,
) -> None:
    found = [
        (span.label, span.value, span.unit, span.qualifier)
        for span in GOLD[article_id][1]
        if span.text == span_text
    ]
    expected = [] if label is None else [(label, value, unit, qualifier)]
    assert sorted(set(found), key=str) == expected


# Never annotated (docs/scheme.md): generic nouns, ages, ratios, generic drug words, ordinals.
NOT_ANNOTATED = [
    "мегаполис", "мегаполисе", "столице", "полиция", "Полицияның", "полицияның", "33-летнюю",
    "22-летнюю", "раза", "наркотиков", "наркотических", "есірткі", "ОПГ", "первое", "СМИ", "БАҚ",
]  # fmt: skip


@pytest.mark.parametrize("article_id", IDS)
def test_generic_words_ages_and_ratios_are_outside_every_span(article_id: str) -> None:
    text, spans = GOLD[article_id]
    inside = [
        token.text
        for token in tokens(text)
        if token.text in NOT_ANNOTATED
        and any(span.start <= token.start < span.end for span in spans)
    ]
    assert inside == []


# ---- the markup itself ---------------------------------------------------------------------


def test_values_render_as_written() -> None:
    text = "изъято 360 гр, 5 кг 952 гр, 2,6 млрд тенге и –4%"
    spans = [
        Span(start=7, end=13, label="QUANTITY", text="360 гр", value=0.36, unit="kg"),
        Span(start=15, end=26, label="QUANTITY", text="5 кг 952 гр", value=5.952, unit="kg"),
        Span(start=28, end=42, label="MONEY", text="2,6 млрд тенге", value=2.6e9, unit="KZT"),
        Span(start=45, end=48, label="PERCENT", text="–4%", value=-4, unit="%"),
    ]
    markup = render_gold(text, spans)
    assert markup == (
        "изъято [[360 гр|QUANTITY|0.36 kg]], [[5 кг 952 гр|QUANTITY|5.952 kg]], "
        "[[2,6 млрд тенге|MONEY|2600000000 KZT]] и [[–4%|PERCENT|-4 %]]"
    )
    assert parse_gold(markup) == (text, spans)


def test_a_count_with_a_qualifier_writes_a_dash_for_its_unit() -> None:
    text, spans = parse_gold("[[почти 1800|COUNT|1800 - almost]] человек")
    assert (spans[0].value, spans[0].unit, spans[0].qualifier) == (1800, None, "almost")
    assert render_gold(text, spans) == "[[почти 1800|COUNT|1800 - almost]] человек"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("[[Алматы|LOC] рассказали", r"line 2: '\[\[' is not part of a well-formed span"),
        ("Алматы|LOC]] рассказали", r"line 2: '\]\]' is not part of a well-formed span"),
        ("[[Алматы LOC]] рассказали", r"line 2: '\[\[' is not part of"),
        ("[[Алматы|CITY]]", r"line 2: unknown label 'CITY'"),
        ("[[более 500|COUNT]]", r"line 2: COUNT span 'более 500' needs a value"),
        ("[[Алматы|LOC|5]]", r"line 2: LOC span 'Алматы' takes no value"),
        ("[[1,5 тыс.|COUNT|1,5]]", r"line 2: value '1,5' is not a number"),
        ("[[52 кг|QUANTITY|52]]", r"line 2: unit '-' does not fit QUANTITY"),
        ("[[52 кг|QUANTITY|52 кг]]", r"line 2: unit 'кг' does not fit QUANTITY"),
        ("[[около 5|COUNT|5 - roughly]]", r"line 2: unknown qualifier 'roughly'"),
        ("[[5|COUNT|5 - about extra]]", r"line 2: value '5 - about extra' is not"),
        ("[[ Алматы|LOC]]", r"line 2: span ' Алматы' starts or ends with a space"),
    ],
)
def test_malformed_markup_names_the_source_and_line(line: str, message: str) -> None:
    with pytest.raises(InputError, match=rf"^seed\.txt, {message}"):
        parse_gold(f"Первая строка\n{line}\nтретья", source="seed.txt")


def test_render_refuses_markup_characters_and_overlaps() -> None:
    with pytest.raises(InputError, match="cannot escape"):
        render_gold("a [[b]] c", [])
    overlapping = [
        Span(start=0, end=6, label="LOC", text="Алматы"),
        Span(start=0, end=11, label="ORG", text="Алматы поли"),
    ]
    with pytest.raises(InputError, match="overlaps"):
        render_gold("Алматы полиция", overlapping)


def test_load_gold_dir_names_the_bad_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no gold markup files"):
        load_gold_dir(tmp_path)
    (tmp_path / "a.txt").write_text("[[Алматы|LOC]]\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("ok\n[[Алматы|LOCATION]]\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"b\.txt, line 2: unknown label 'LOCATION'"):
        load_gold_dir(tmp_path)
    (tmp_path / "b.txt").unlink()
    assert load_gold_dir(tmp_path) == {
        "a": ("Алматы", [Span(start=0, end=6, label="LOC", text="Алматы")])
    }
