"""DATE, COUNT and tablets as doses: the forms of the held-out judgement calls (H4–H6,
H12, H13, H16) on fresh sentences, Kazakh and Russian, and what must not be tagged.

Only the spans of these labels are compared, so other families' rules can change freely.
"""

import pytest

from curate.rules import Extractor

FAMILY = ("DATE", "COUNT", "QUANTITY")


def family_spans(extractor: Extractor, text: str, lang: str) -> list[tuple[str, str]]:
    return [(s.text, s.label) for s in extractor.annotate(text, lang=lang) if s.label in FAMILY]


# ---- DATE ----------------------------------------------------------------------------------

DATES = [
    # a Kazakh year head and what it anchors are one span
    ("kk", "Биылғы он екі айда облыста 300 қылмыс тіркелді.",
     [("Биылғы он екі айда", "DATE"), ("300", "COUNT")]),
    ("kk", "биылғы жиырма бір күнде рейд өтті", [("биылғы жиырма бір күнде", "DATE")]),
    ("kk", "Өткен жылдың осы кезеңінде 120 іс болған.",
     [("Өткен жылдың осы кезеңінде", "DATE"), ("120", "COUNT")]),
    ("kk", "2023 жылғы сәйкес кезеңмен салыстырғанда азайды.",
     [("2023 жылғы сәйкес кезеңмен", "DATE")]),
    ("kk", "Тексеру ағымдағы жылдың 15 наурызынан бастап жүргізілді.",
     [("ағымдағы жылдың 15 наурызынан", "DATE")]),
    ("kk", "2025 жылғы мамырдан бастап 2025 жылғы қыркүйекке дейін топ әрекет етті.",
     [("2025 жылғы мамырдан", "DATE"), ("2025 жылғы қыркүйекке", "DATE")]),
    ("kk", "2025 жылдың бірінші тоқсанында 40 қылмыс анықталды.",
     [("2025 жылдың бірінші тоқсанында", "DATE"), ("40", "COUNT")]),
    ("kk", "2024 жылдың соңында 12 зертхана жабылды.",
     [("2024 жылдың соңында", "DATE"), ("12", "COUNT")]),
    ("kk", "2024 жылғы есеп бойынша 50 іс қаралды.", [("2024 жылғы", "DATE"), ("50", "COUNT")]),
    # the end or start of a month or year
    ("kk", "Рейд қараша айының басында басталды.", [("қараша айының басында", "DATE")]),
    ("kk", "Жұмыс наурыздың соңына дейін жалғасады.", [("наурыздың соңына", "DATE")]),
    ("kk", "Жыл соңына дейін тексеру жалғасады.", [("Жыл соңына", "DATE")]),
    # durations: a range in one token, words with бір, соңғы/алғашқы, айлық
    ("kk", "Сот оны 5-7 жылға бас бостандығынан айырды.", [("5-7 жылға", "DATE")]),
    ("kk", "Соңғы үш жылда есірткі қылмысы азайды.", [("Соңғы үш жылда", "DATE")]),
    ("kk", "Алғашқы тоғыз айдағы қорытынды шығарылды.", [("Алғашқы тоғыз айдағы", "DATE")]),
    ("kk", "он бір айда 90 іс тіркелді", [("он бір айда", "DATE"), ("90", "COUNT")]),
    # "than last year's"
    ("kk", "Көрсеткіш былтырғыдан жоғары, өткен жылғыдан аз.",
     [("былтырғыдан", "DATE"), ("өткен жылғыдан", "DATE")]),
    ("kk", "Дүйсенбі күні брифинг өтті, сейсенбіде жалғасты.",
     [("Дүйсенбі күні", "DATE"), ("сейсенбіде", "DATE")]),
    # Russian periods with their year, adjectives inside
    ("ru", "За шесть месяцев 2024 года выявлено 120 преступлений.",
     [("шесть месяцев 2024 года", "DATE"), ("120", "COUNT")]),
    ("ru", "По итогам 10 месяцев 2025 г. раскрыто 40 дел.",
     [("10 месяцев 2025 г.", "DATE"), ("40", "COUNT")]),
    ("ru", "По сравнению с аналогичным периодом прошлого года число снизилось.",
     [("аналогичным периодом прошлого года", "DATE")]),
    ("ru", "В аналогичном периоде 2023 года было 90 случаев.",
     [("аналогичном периоде 2023 года", "DATE"), ("90", "COUNT")]),
    ("ru", "За неполные три года группа сбыла товар.", [("неполные три года", "DATE")]),
    ("ru", "За последние пять лет ситуация изменилась.", [("последние пять лет", "DATE")]),
    ("ru", "В первом квартале 2025 года раскрыто 30 преступлений.",
     [("первом квартале 2025 года", "DATE"), ("30", "COUNT")]),
    ("ru", "За первое полугодие выявлено 40 фактов.",
     [("первое полугодие", "DATE"), ("40", "COUNT")]),
    ("ru", "Годом ранее показатель был ниже.", [("Годом ранее", "DATE")]),
    ("ru", "За прошлый год и за минувшие сутки изменений нет.",
     [("прошлый год", "DATE"), ("минувшие сутки", "DATE")]),
    ("ru", "В январе–сентябре 2025 года выявлено 200 фактов.",
     [("январе–сентябре 2025 года", "DATE"), ("200", "COUNT")]),
    ("ru", "За полгода возбуждено 15 дел.", [("полгода", "DATE"), ("15", "COUNT")]),
    ("ru", "Суд назначил от шести лет до 10 лет лишения свободы.",
     [("шести лет", "DATE"), ("10 лет", "DATE")]),
    ("ru", "В понедельник и в среду прошли рейды.", [("понедельник", "DATE"), ("среду", "DATE")]),
]  # fmt: skip

NOT_DATES = [
    ("kk", "Қазанның ортасында полиция рейд жүргізді."),  # Kazan, the city
    ("kk", "Тоқсанға жуық адам ұсталды."),  # ninety, not a quarter
    ("kk", "Жыл сайын жазда рейд өтеді."),  # habitual (H7)
    ("ru", "Молодежь в возрасте от 18 до 25 лет составляет большинство."),  # an age
    ("ru", "Задержанный в возрасте 19 лет признал вину."),
    ("ru", "Важно беречь окружающую среду."),  # среда "environment"
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "expected"), DATES)
def test_dates(extractor: Extractor, lang: str, text: str, expected: list) -> None:
    assert family_spans(extractor, text, lang) == expected


@pytest.mark.parametrize(("lang", "text"), NOT_DATES)
def test_not_dates(extractor: Extractor, lang: str, text: str) -> None:
    assert [s for s in family_spans(extractor, text, lang) if s[1] == "DATE"] == []


# ---- COUNT ---------------------------------------------------------------------------------

COUNTS = [
    ("kk", "Жиырма бір адам ұсталды.", [("Жиырма бір", "COUNT")], 21),
    ("kk", "Он бір мың карта бұғатталды.", [("Он бір мың", "COUNT")], 11_000),
    ("ru", "Ликвидированы три лаборатории и одна преступная группа.",
     [("три", "COUNT"), ("одна", "COUNT")], 1),
    ("ru", "Закрыты четыре притона, одна лаборатория и один склад.",
     [("четыре", "COUNT"), ("одна", "COUNT"), ("один", "COUNT")], 1),
    ("ru", "Изъято около 40 тыс. таблеток и 300 капсул.",
     [("около 40 тыс. таблеток", "QUANTITY"), ("300 капсул", "QUANTITY")], 300),
    ("kk", "Көліктен 300 таблеткадан астам дәрі табылды.",
     [("300 таблеткадан астам", "QUANTITY")], 300),
    ("kk", "Олар 900 дана таблетка тасымалдаған.", [("900 дана таблетка", "QUANTITY")], 900),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "expected", "value"), COUNTS)
def test_counts(extractor: Extractor, lang: str, text: str, expected: list, value: float) -> None:
    spans = [s for s in extractor.annotate(text, lang=lang) if s.label in FAMILY]
    assert [(s.text, s.label) for s in spans] == expected
    assert spans[-1].value == value


#: Collective numerals and possessive number words: counts with their value.
COLLECTIVES = [
    ("ru", "Семеро задержаны, двое в розыске, пятерых отпустили.",
     [("Семеро", 7), ("двое", 2), ("пятерых", 5)]),
    ("ru", "Суд арестовал троих участников.", [("троих", 3)]),
    ("kk", "Олардың екеуі бұрын сотталған, үшеуін іздеу жарияланды.",
     [("екеуі", 2), ("үшеуін", 3)]),
    ("kk", "Күдіктілердің сегізі қамауға алынды, алтауы босатылды.",
     [("сегізі", 8), ("алтауы", 6)]),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "expected"), COLLECTIVES)
def test_collective_counts(extractor: Extractor, lang: str, text: str, expected: list) -> None:
    spans = extractor.annotate(text, lang=lang)
    assert [(s.text, s.value) for s in spans if s.label == "COUNT"] == expected


NOT_COUNTS = [
    # phone numbers and service lines
    ("kk", "Ақпаратты 112 нөміріне хабарлаңыз."),
    ("kk", "Күдікті жерлер туралы «102» нөміріне хабарласыңыз."),
    ("kk", "Тұрғындар 102-ге қоңырау шалуы керек."),
    ("ru", "Звоните по телефону 102 или на номер 112."),
    ("ru", "Позвоните на 102, если заметили закладку."),
    ("ru", "Телефон доверия: 8 (7172) 55-12-34, а также +7 701 123 45 67."),
    # ages, ranges of ages included (H16)
    ("kk", "Сатушылар негізінен 19 бен 24 жас аралығындағы жастар."),
    ("kk", "Ұсталғандар 20 мен 30 жастағы ер адамдар."),
    ("ru", "Покупатели — молодые люди 17–23-летнего возраста."),
    # "one of", "for", pronouns: not counts
    ("ru", "Один из задержанных, одна из стран, ни один человек, один раз."),
    ("ru", "С одной стороны, рост; в одной из областей."),
    ("kk", "Бұл үшін ол жауапқа тартылды, оны сот қамауға алды."),
    ("kk", "Олардың бірі бұрын сотталған."),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text"), NOT_COUNTS)
def test_not_counts(extractor: Extractor, lang: str, text: str) -> None:
    candidates = extractor.candidates(text, lang=lang)
    assert [text[c.start : c.end] for c in candidates if c.label == "COUNT"] == []
