"""Dates, money and quantities as real Kazakh and Russian news pages write them (issue 13),
on fresh sentences: what must be found, with its value, and what page chrome must not give.

Each table holds (language, text, the spans expected of the labels the table is about).
"""

import pytest
from rulespans import spans_of

from curate.normalise import normalise_span
from curate.rules import Extractor


def values_of(extractor: Extractor, text: str, lang: str, labels: set[str]) -> list[tuple]:
    return [
        (s.text, s.label, s.value, s.unit, s.qualifier)
        for s in extractor.annotate(text, lang=lang)
        if s.label in labels
    ]


# ---- dates: digits, Kazakh months with endings, ranges, "за год" ---------------------------

DATES = [
    ("kk", "Хабарлама 12.04.2024 ж. тіркелді.", [("12.04.2024 ж.", "DATE")]),
    ("ru", "03.11.2023 в Таразе задержан курьер.", [("03.11.2023", "DATE")]),
    ("kk", "Қаңтарда полицейлер 6 күдіктіні ұстады.", [("Қаңтарда", "DATE")]),
    ("kk", "Ақпанның аяғында рейд өтті.", [("Ақпанның", "DATE")]),
    ("kk", "Тамыздан бері 14 қылмыс анықталды.", [("Тамыздан", "DATE")]),
    ("kk", "Күзгі маусымы басталды.", []),
    ("kk", "Қазанда өткен кездесуге қатысты.", []),
    ("kk", "2024 жылғы 15 наурызда қамауға алынды.", [("2024 жылғы 15 наурызда", "DATE")]),
    (
        "kk",
        "Ағымдағы жылдың басынан бері 9 зертхана жабылды.",
        [("Ағымдағы жылдың басынан", "DATE")],
    ),
    ("ru", "За 9 месяцев 2024 года выявлено 140 фактов.", [("9 месяцев 2024 года", "DATE")]),
    # an elliptic range: both ends (R16); an age range is no date
    ("ru", "Им грозит от 5 до 12 лет лишения свободы.", [("5", "DATE"), ("12 лет", "DATE")]),
    ("ru", "Задержаны мужчины в возрасте 19–27 лет.", []),
    ("ru", "Среди них подростки в возрасте от 14 до 17 лет.", []),
    # a Kazakh month and its day, a day range in one token (K23), "күні" inside
    ("kk", "Мамырдың 9-ы күні курьер ұсталды.", [("Мамырдың 9-ы күні", "DATE")]),
    ("kk", "Рейд 15 сәуір күні өтті.", [("15 сәуір күні", "DATE")]),
    ("kk", "Іс-шара 10-14 тамыз аралығында өтті.", [("10-14 тамыз", "DATE")]),
    ("kk", "Былтырғы жылы 12 топ жойылды.", [("Былтырғы жылы", "DATE")]),
    (
        "kk",
        "Өткен жылдың осы уақытында 30 қылмыс тіркелген.",
        [("Өткен жылдың осы уақытында", "DATE")],
    ),
    ("kk", "Соңғы бір айда 5 курьер ұсталды.", [("Соңғы бір айда", "DATE")]),
    ("kk", "Бір апта ішінде 3 зертхана жабылды.", [("Бір апта", "DATE")]),
    ("ru", "С 3 по 12 апреля проходила операция.", [("3", "DATE"), ("12 апреля", "DATE")]),
    ("ru", "За истекший период изъято 40 кг.", [("истекший период", "DATE")]),
    ("kk", "Өткен жылдың 6 айымен салыстырғанда азайды.", [("Өткен жылдың 6 айымен", "DATE")]),
    ("kk", "Былтырмен салыстырғанда 12 пайызға өсті.", [("Былтырмен", "DATE")]),
    ("kk", "Іздестіру іс-шаралары кешені жүргізілді.", []),
    ("ru", "К концу 2025 года откроют центр.", [("концу 2025 года", "DATE")]),
    ("ru", "По сравнению с 2022 годом число снизилось.", [("2022 годом", "DATE")]),
    ("ru", "С 2019 по 2023 год выявлено 400 фактов.", [("2019", "DATE"), ("2023 год", "DATE")]),
    ("ru", "Осенью прошлого года задержан курьер.", [("Осенью прошлого года", "DATE")]),
    ("ru", "Летом в горах собирают коноплю.", []),
    # "за год": the reported period (R20); "в месяц" is a rate (H7)
    ("ru", "За год в клинику обратились 90 человек.", [("год", "DATE")]),
    ("ru", "Доход курьера — до 400 тыс. тенге в месяц.", []),
    # a week with a feminine adjective; a night between two days is a range of days
    ("ru", "На прошлой неделе закрыли две нарколаборатории.", [("прошлой неделе", "DATE")]),
    ("ru", "Итоги этой недели подвели в МВД.", [("этой недели", "DATE")]),
    ("ru", "В ночь с 5 на 6 мая задержан курьер.", [("5", "DATE"), ("6 мая", "DATE")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), DATES)
def test_dates_of_real_pages(extractor: Extractor, lang: str, text: str, expected: list) -> None:
    assert spans_of(extractor, text, lang, {"DATE"}) == expected


# ---- page header dates and banners: neither DATE nor COUNT (K1, R1) ------------------------

HEADERS = [
    ("ru", "Происшествия 17 марта 2025 | 10:41 Изъято 3 кг героина.", []),
    ("ru", "Новости 21.07.2023 09:47 Полицейские задержали 3 курьеров.", [("3", "COUNT")]),
    ("kk", "Жаңалықтар 05.02.2024, 16:20 Полиция 4 адамды ұстады.", [("4", "COUNT")]),
    ("ru", "АКЦИЯ «ЧИСТЫЙ ГОРОД» - 12 НОЯБРЯ Задержаны 7 человек.", [("7", "COUNT")]),
    ("kk", "Қоғам 3 Қыркүйек, 2023 Облыста 8 адам ұсталды.", [("8", "COUNT")]),
    ("kk", "Жаңалықтар 7 қар. 2024 11:20 Полиция 5 адамды ұстады.", [("5", "COUNT")]),
    ("ru", "Лента 2 сент. 2023 18:05 Задержаны 6 человек.", [("6", "COUNT")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), HEADERS)
def test_header_dates_are_not_annotated(
    extractor: Extractor, lang: str, text: str, expected: list
) -> None:
    assert spans_of(extractor, text, lang, {"DATE", "COUNT"}) == expected


# ---- money: currency in the context, a multiplier alone ------------------------------------

MONEY = [
    (
        "ru",
        "Ущерб оценен в 300 млн тенге, а общая сумма составила 1,4 млрд.",
        [
            ("300 млн тенге", "MONEY", 300e6, "KZT", None),
            ("1,4 млрд.", "MONEY", 1.4e9, "KZT", None),
        ],
    ),
    (
        "kk",
        "Есірткі 800 млн теңгеге бағаланды, ал жалпы зиян 2,5 млрд құрады.",
        [
            ("800 млн теңгеге", "MONEY", 800e6, "KZT", None),
            ("2,5 млрд", "MONEY", 2.5e9, "KZT", None),
        ],
    ),
    (
        "ru",
        "Героин на 15 миллиардов изъяли в порту",
        [("15 миллиардов", "MONEY", 15e9, "KZT", None)],
    ),
    (
        "kk",
        "Құны миллиард теңгеден астам есірткі тәркіленді.",
        [("миллиард теңгеден астам", "MONEY", 1e9, "KZT", "more_than")],
    ),
    (
        "ru",
        "Изъяты наркотики стоимостью более миллиона тенге.",
        [("более миллиона тенге", "MONEY", 1e6, "KZT", "more_than")],
    ),
    ("kk", "Есірткі 40 мың теңгеге сатылған.", [("40 мың теңгеге", "MONEY", 40e3, "KZT", None)]),
    (
        "ru",
        "Изъято наркотиков на 4 млрд тенге, из них 2,2 млрд приходится на героин.",
        [
            ("4 млрд тенге", "MONEY", 4e9, "KZT", None),
            ("2,2 млрд", "MONEY", 2.2e9, "KZT", None),
        ],
    ),
    (
        "ru",
        "Изъято 2 тыс. таблеток на сумму 5 млн.",
        [("5 млн.", "MONEY", 5e6, "KZT", None)],
    ),
    ("kk", "30 миллиардтық есірткі тәркіленді", [("30 миллиардтық", "MONEY", 30e9, "KZT", None)]),
    # a count after a sum stays a count, a quantity a quantity
    (
        "ru",
        "Бюджет — 200 млн тенге, охват — 3 млн человек.",
        [("200 млн тенге", "MONEY", 200e6, "KZT", None), ("3 млн", "COUNT", 3e6, None, None)],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), MONEY)
def test_money_of_real_pages(extractor: Extractor, lang: str, text: str, expected: list) -> None:
    assert values_of(extractor, text, lang, {"MONEY", "COUNT"}) == expected


# ---- quantities: Kazakh qualifiers after the unit, a unit alone counts as one --------------

QUANTITIES = [
    (
        "kk",
        "Көліктен 6 келіден астам марихуана табылды.",
        [("6 келіден астам", 6.0, "kg", "more_than")],
    ),
    (
        "kk",
        "Қоймадан 3 тоннаға жуық прекурсор тәркіленді.",
        [("3 тоннаға жуық", 3000.0, "kg", "almost")],
    ),
    (
        "kk",
        "Күдіктіден 250 граммнан астам героин алынды.",
        [("250 граммнан астам", 0.25, "kg", "more_than")],
    ),
    ("kk", "Үйден 2,5 келі кептірілген марихуана табылды.", [("2,5 келі", 2.5, "kg", None)]),
    # a unit without a number is one of it (K14, R10)
    ("kk", "Сөмкеден келіге жуық гашиш табылды.", [("келіге жуық", 1.0, "kg", "almost")]),
    (
        "kk",
        "Қоймадан тоннадан астам прекурсор шықты.",
        [("тоннадан астам", 1000.0, "kg", "more_than")],
    ),
    ("ru", "В гараже нашли более тонны марихуаны.", [("более тонны", 1000.0, "kg", "more_than")]),
    (
        "ru",
        "У него изъяли около одного килограмма героина.",
        [("около одного килограмма", 1.0, "kg", "about")],
    ),
    # a qualifier between the number and a two-word dose unit (K16)
    (
        "kk",
        "Бұл 90 мыңнан астам бір реттік дозаны құрайды.",
        [("90 мыңнан астам бір реттік дозаны", 90000.0, "dose", "more_than")],
    ),
    ("kk", "Бұл 20 мың бір реттік доза.", [("20 мың бір реттік доза", 20000.0, "dose", None)]),
    (
        "kk",
        "Тінту кезінде 3 мыңнан астам таблетка тәркіленді.",
        [("3 мыңнан астам таблетка", 3000.0, "dose", "more_than")],
    ),
    # half a unit in one Russian word, or written with a hyphen
    ("ru", "Изъято свыше полутонны гашиша.", [("свыше полутонны", 500.0, "kg", "more_than")]),
    ("ru", "У него нашли полкилограмма героина.", [("полкилограмма", 0.5, "kg", None)]),
    ("ru", "В бутылке было пол-литра раствора.", [("пол-литра", 0.5, "l", None)]),
    ("ru", "Производство составило полторы тонны.", [("полторы тонны", 1500.0, "kg", None)]),
    ("ru", "В первом полугодии изъято 5 кг.", [("5 кг", 5.0, "kg", None)]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), QUANTITIES)
def test_quantities_of_real_pages(
    extractor: Extractor, lang: str, text: str, expected: list
) -> None:
    found = [(t, v, u, q) for t, _, v, u, q in values_of(extractor, text, lang, {"QUANTITY"})]
    assert found == expected


def test_money_without_currency_is_tenge() -> None:
    assert normalise_span("20 миллиардов", "MONEY") == (20e9, "KZT", None)


# ---- counts: ranges in one token, "в т.ч.", numbers to call, "по одному", "жас" ------------

COUNTS = [
    ("ru", "Пресечена работа 2-3 нарколабораторий.", [("2-3", "COUNT", 3.0, None, "up_to")]),
    (
        "ru",
        "Выявлено 4 тыс. преступлений, в т.ч. 1500 фактов сбыта.",
        [("4 тыс.", "COUNT", 4000.0, None, None), ("1500", "COUNT", 1500.0, None, None)],
    ),
    ("ru", "Если знаете о закладках, звоните в 102, это анонимно.", []),
    ("ru", "Сообщите на 102.", []),
    ("ru", "Проверено 102 автомобиля.", [("102", "COUNT", 102.0, None, None)]),
    (
        "ru",
        "А ещё по одному подозреваемому дело передано в суд.",
        [("одному", "COUNT", 1.0, None, None)],
    ),
    ("kk", "Полиция есірткі сатқан үш жас жігітті ұстады.", [("үш", "COUNT", 3.0, None, None)]),
    ("kk", "Есірткі сатқан 23 жастағы жігіт ұсталды.", []),
    ("kk", "Тәркіленген есірткі көлемі екі есеге өсті.", []),
]


@pytest.mark.parametrize(("lang", "text", "expected"), COUNTS)
def test_counts_of_real_pages(extractor: Extractor, lang: str, text: str, expected: list) -> None:
    assert values_of(extractor, text, lang, {"COUNT"}) == expected
