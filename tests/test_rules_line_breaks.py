"""No span runs across a line break: a title never runs into the article's first sentence.

Every rule joins the tokens of a span with :data:`curate.rules.grammar.SPACE`, which is a
space and never a newline. Checked on every gold set (what people marked), on what the
rules propose for the seeds and the gold sets' articles (before overlaps are resolved), and
on fresh titles ending in a word some rule would have continued into the next line.
"""

import pytest
from goldsets import ROOT, GoldSet, load_gold_set

from curate.articles import read_articles
from curate.rules import Extractor

GOLD_SETS: dict[str, GoldSet] = {
    "seeds": load_gold_set(ROOT / "seeds", ROOT / "tests" / "data" / "gold"),
    **{
        split: load_gold_set(
            ROOT / "tests" / "data" / "heldout" / split / "articles",
            ROOT / "tests" / "data" / "heldout" / split / "gold",
        )
        for split in ("dev", "test")
    },
}
ARTICLES = [
    *read_articles(ROOT / "seeds"),
    *(article for gold_set in GOLD_SETS.values() for article in gold_set.articles.values()),
]


@pytest.mark.parametrize("name", GOLD_SETS)
def test_no_gold_span_crosses_a_line_break(name: str) -> None:
    crossing = [
        span.text
        for _, spans in GOLD_SETS[name].gold.values()
        for span in spans
        if "\n" in span.text
    ]
    assert crossing == []


@pytest.mark.parametrize("article", ARTICLES, ids=[article.id for article in ARTICLES])
def test_no_proposed_span_crosses_a_line_break(extractor: Extractor, article) -> None:
    assert "\n" in article.text  # a title line, then the body
    crossing = [
        (article.text[c.start : c.end], c.rule)
        for c in extractor.candidates(article.text, lang=article.lang)
        if "\n" in article.text[c.start : c.end]
    ]
    assert crossing == []


# A title line ending where a rule's span could go on, and the first sentence after it:
# (text, language, the span the rules must find before the line break, its label).
TITLE_ENDINGS = [
    ("Изъято 5 млн долларов\nСША ввели новые санкции", "ru", "5 млн долларов", "MONEY"),
    ("Тәркіленген 10 мың АҚШ\nдоллары сотқа жіберілді", "kk", "10 мың", "COUNT"),
    ("Дело возбуждено по ч. 2 ст. 296 УК\nРК ужесточил наказание", "ru", "ч. 2 ст. 296 УК", "LAW"),
    ("Нарушение Уголовного кодекса\nРеспублики Казахстан", "ru", "Уголовного кодекса", "LAW"),
    ("Суд применил закон\n«О наркотических средствах» вступил", "ru", None, None),
    ("Жаза ҚР\nҚылмыстық кодексінің 296-бабы", "kk", "Қылмыстық кодексінің 296-бабы", "LAW"),
    ("Жаза қатаңдады: Қылмыстық\nкодекс өзгерді", "kk", None, None),
    ("Изъяты наркотики каннабисной\nгруппы задержаны", "ru", None, None),
    ("Сильнодействующие\nвещества изъяты", "ru", None, None),
    ("Изъято 300 разовых\nдоз героина", "ru", "300", "COUNT"),
    ("В МВД Республики\nКазахстан сообщили", "ru", "МВД", "ORG"),
    ("Задержаны двое, и\nодна женщина", "ru", "двое", "COUNT"),
    ("Цены выросли до\n13 тыс.", "ru", "13 тыс.", "COUNT"),
]


@pytest.mark.parametrize(("text", "lang", "before", "label"), TITLE_ENDINGS)
def test_a_title_ending_is_not_continued_into_the_next_line(
    extractor: Extractor, text: str, lang: str, before: str | None, label: str | None
) -> None:
    spans = extractor.annotate(text, lang=lang)
    assert [span.text for span in spans if "\n" in span.text] == []
    if before is not None:
        assert (before, label) in [(span.text, span.label) for span in spans]
