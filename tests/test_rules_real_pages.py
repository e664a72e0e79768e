"""Rules on real pages (issue 13): the families real news pages showed, on fresh sentences,
Kazakh and Russian, with what must be found and what must not be tagged.

Each table holds (language, text, the spans expected of the labels the table is about).
"""

import pytest

from curate.rules import Extractor


def spans_of(extractor: Extractor, text: str, lang: str, labels: set[str]) -> list[tuple]:
    return [(s.text, s.label) for s in extractor.annotate(text, lang=lang) if s.label in labels]


# ---- page chrome: clock times, currency rates, view counters, operation names -------------

CHROME = [
    # a clock time is never two numbers; the article's own count stays
    ("ru", "Новости | 09:47 Полицейские задержали 3 курьеров.", [("3", "COUNT")]),
    ("kk", "Жаңалықтар 11:05 Полицейлер 4 күдіктіні ұстады.", [("4", "COUNT")]),
    ("ru", "Обновлено в 23:10, изъято 12 свертков.", [("12", "COUNT")]),
    # currency rates in a header, on one line or one a line
    ("kk", "• USD: 512.30 • EUR: 540.10 Полиция 7 зертхананы жапты.", [("7", "COUNT")]),
    ("ru", "RUB:\n5.60\nCNY:\n70.15\nЗадержаны 2 человека.", [("2", "COUNT")]),
    # view counters
    ("kk", "Топ ұсталды 318 рет көрсетілді Полиция 6 күдіктіні анықтады.", [("6", "COUNT")]),
    ("kk", "Рейд өтті 1 204 рет\nқаралды", []),
    ("ru", "Изъято 40 свертков 2 517 просмотров", [("40", "COUNT")]),
    # an operation named after a plant and a year is neither a DRUG nor a count
    ("kk", "«Мак – 2024» жедел-профилактикалық іс-шарасы басталды.", []),
    ("ru", "Проходит операция «Қарасора — 2026», изъято 15 кустов.", [("15", "COUNT")]),
    ("kk", 'Облыста "Қарасора - 2024" іс-шарасы кезінде қарасора жойылды.', [("қарасора", "DRUG")]),
    # a header date with its year after a comma is one DATE, not a DATE and a count
    (
        "kk",
        "Қоғам 12 Наурыз, 2024 Полицейлер 5 күдіктіні ұстады.",
        [("12 Наурыз, 2024", "DATE"), ("5", "COUNT")],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CHROME)
def test_page_chrome_is_not_counted(
    extractor: Extractor, lang: str, text: str, expected: list
) -> None:
    assert spans_of(extractor, text, lang, {"COUNT", "DATE", "DRUG"}) == expected


KEPT = [
    # the guards leave ordinary figures alone: a ratio of a year, a count after a dash
    ("ru", "Задержаны 12 человек — 7 из них ранее судимы.", [("12", "COUNT"), ("7", "COUNT")]),
    ("kk", "Қылмыстар саны – 45, оның 30-ы ауыр.", [("45", "COUNT"), ("30-ы", "COUNT")]),
    ("ru", "Обновлено в 10:15. Проверено 2 517 человек.", [("2 517", "COUNT")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), KEPT)
def test_article_counts_are_kept(
    extractor: Extractor, lang: str, text: str, expected: list
) -> None:
    assert spans_of(extractor, text, lang, {"COUNT"}) == expected
