"""Normalised values of number spans: tables of (text, expected), Kazakh and Russian side by side.

Every example of docs/scheme.md "Normalised values" and every number form of issue 3 has a row.
"""

import pytest

from curate.normalise import normalise_span, number_word_value, parse_digits

KG, L, DOSE, KZT, PCT = "kg", "l", "dose", "KZT", "%"
MORE, ABOUT, ALMOST, UP_TO, LESS = "more_than", "about", "almost", "up_to", "less_than"


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        # docs/scheme.md "Normalised values"
        ("1,5 тыс.", "COUNT", (1500, None, None)),
        ("1,5 мың", "COUNT", (1500, None, None)),
        ("5 кг 952 гр", "QUANTITY", (5.952, KG, None)),
        ("1 млн 300 тыс.", "COUNT", (1_300_000, None, None)),
        ("жарты", "COUNT", (0.5, None, None)),
        ("2 564", "COUNT", (2564, None, None)),
        ("47,2", "COUNT", (47.2, None, None)),
        ("три", "COUNT", (3, None, None)),
        ("үш", "COUNT", (3, None, None)),
        ("девять", "COUNT", (9, None, None)),
        ("тоғыз", "COUNT", (9, None, None)),
        ("двух", "COUNT", (2, None, None)),
        ("екі", "COUNT", (2, None, None)),
        ("3 тонн", "QUANTITY", (3000, KG, None)),
        ("360 гр", "QUANTITY", (0.36, KG, None)),
        ("–4%", "PERCENT", (-4, PCT, None)),
        ("+10%", "PERCENT", (10, PCT, None)),
        # issue 3: digits, decimal commas, multipliers, compounds, Kazakh endings
        ("7 374", "COUNT", (7374, None, None)),
        ("1,5", "COUNT", (1.5, None, None)),
        ("5 тысяч", "COUNT", (5000, None, None)),
        ("68 млн тенге", "MONEY", (68_000_000, KZT, None)),
        ("68 миллион теңге", "MONEY", (68_000_000, KZT, None)),
        ("2,6 млрд тенге", "MONEY", (2_600_000_000, KZT, None)),
        ("2 миллиард теңге", "MONEY", (2_000_000_000, KZT, None)),
        ("10 мыңнан астам", "COUNT", (10_000, None, MORE)),
        ("500-ден астам", "COUNT", (500, None, MORE)),
        ("525 келіден астам", "QUANTITY", (525, KG, MORE)),
        ("3 тоннадан астам", "QUANTITY", (3000, KG, MORE)),
        ("жарты тоннадан астам", "QUANTITY", (500, KG, MORE)),
        # ``жарым`` "and a half" of what the number counts in, in its case forms (K110)
        ("бір жарым тонна", "QUANTITY", (1500, KG, None)),
        ("он жарым", "COUNT", (10.5, None, None)),
        ("мың жарым", "COUNT", (1500, None, None)),
        ("мың жарымнан", "COUNT", (1500, None, None)),
        ("мың жарымға жуық", "COUNT", (1500, None, ALMOST)),
        ("570 грамнан астамды", "QUANTITY", (0.57, KG, MORE)),
        ("жүз жарым", "COUNT", (150, None, None)),
        ("екі жарым мың", "COUNT", (2500, None, None)),
        # units: кг/келі/килограмм, т/тонн/тонна, г/гр/грамм, литр, разовых доз
        ("52 кг", "QUANTITY", (52, KG, None)),
        ("52 келі", "QUANTITY", (52, KG, None)),
        ("почти 46 килограммов", "QUANTITY", (46, KG, ALMOST)),
        ("47,2 т", "QUANTITY", (47_200, KG, None)),
        ("1,5 тонна", "QUANTITY", (1500, KG, None)),
        ("300 граммов", "QUANTITY", (0.3, KG, None)),
        ("5 г", "QUANTITY", (0.005, KG, None)),
        ("5 литров", "QUANTITY", (5, L, None)),
        ("50 литрден астам", "QUANTITY", (50, L, MORE)),
        ("более 7 млн разовых доз", "QUANTITY", (7_000_000, DOSE, MORE)),
        ("более 1 тыс. тонн", "QUANTITY", (1_000_000, KG, MORE)),
        ("екі жүз келі", "QUANTITY", (200, KG, None)),
        ("полтора килограмма", "QUANTITY", (1.5, KG, None)),
        # qualifiers, Russian and Kazakh
        ("более 500", "COUNT", (500, None, MORE)),
        ("свыше 525 кг", "QUANTITY", (525, KG, MORE)),
        ("больше 20", "COUNT", (20, None, MORE)),
        ("около 1,5 тыс.", "COUNT", (1500, None, ABOUT)),
        ("порядка 24 тыс. тонн", "QUANTITY", (24_000_000, KG, ABOUT)),
        ("примерно 30", "COUNT", (30, None, ABOUT)),
        ("почти 1800", "COUNT", (1800, None, ALMOST)),
        ("до 80", "COUNT", (80, None, UP_TO)),
        ("не менее 10", "COUNT", (10, None, MORE)),
        ("не более 10", "COUNT", (10, None, UP_TO)),
        ("менее 5 кг", "QUANTITY", (5, KG, LESS)),
        ("шамамен 15 келі", "QUANTITY", (15, KG, ABOUT)),
        ("3 мыңға жуық", "COUNT", (3000, None, ALMOST)),
        ("13 мыңға дейін", "COUNT", (13_000, None, UP_TO)),
        ("кем дегенде 40", "COUNT", (40, None, MORE)),
        ("кемінде 40", "COUNT", (40, None, MORE)),
        ("100-ге тарта", "COUNT", (100, None, ALMOST)),
        ("мыңдай", "COUNT", (1000, None, ABOUT)),
        ("более ста", "COUNT", (100, None, MORE)),
        # money
        ("более 255 млн тенге", "MONEY", (255_000_000, KZT, MORE)),
        ("255 миллион теңгеден астам", "MONEY", (255_000_000, KZT, MORE)),
        ("55,6 млн тенге", "MONEY", (55_600_000, KZT, None)),
        ("Т850 млн", "MONEY", (850_000_000, KZT, None)),
        ("более 5 млн долларов США", "MONEY", (5_000_000, "USD", MORE)),
        ("$1 млн", "MONEY", (1_000_000, "USD", None)),
        # percent
        ("более 30 процентов", "PERCENT", (30, PCT, MORE)),
        ("15 пайызға", "PERCENT", (15, PCT, None)),
        ("12%-ға", "PERCENT", (12, PCT, None)),
        # a range in one token is valued at its upper bound, up to (R11, K132): never the two
        # numbers read as one with a minus sign
        ("4-5", "COUNT", (5, None, UP_TO)),
        ("20-30 миллион теңге", "MONEY", (30_000_000, KZT, UP_TO)),
        ("5–7 кг", "QUANTITY", (7, KG, UP_TO)),
        ("10-15%", "PERCENT", (15, PCT, UP_TO)),
        ("5-7 тоннадан астам", "QUANTITY", (5000, KG, MORE)),
        ("кем дегенде 2-3", "COUNT", (2, None, MORE)),
        ("1,5-2 тонна", "QUANTITY", (2000, KG, UP_TO)),
        ("1 000-1 500", "COUNT", (1500, None, UP_TO)),
        ("5 000–7 000 теңге", "MONEY", (7000, KZT, UP_TO)),
        ("от 5 до 7 кг", "QUANTITY", (7, KG, UP_TO)),
        ("300 мыңнан 500 мыңға дейін", "COUNT", (500_000, None, UP_TO)),
        ("5-тен 7-ге дейін", "COUNT", (7, None, UP_TO)),
        # a multiplier with a hyphenated Kazakh ending (K132)
        ("3,4 млн-нан астам", "COUNT", (3_400_000, None, MORE)),
        ("2 млрд-тан астам теңге", "MONEY", (2_000_000_000, KZT, MORE)),
        # "up to" in its attributive form; a unit word with the suffix "some" (K133)
        ("11 миллион теңгеге дейінгі", "MONEY", (11_000_000, KZT, UP_TO)),
        ("200 келідей", "QUANTITY", (200, KG, ABOUT)),
    ],
)
def test_normalised_value(
    text: str, label: str, expected: tuple[float, str | None, str | None]
) -> None:
    value, unit, qualifier = normalise_span(text, label)
    assert value == pytest.approx(expected[0])
    assert (unit, qualifier) == expected[1:]


@pytest.mark.parametrize(
    ("text", "label", "before", "after", "qualifier"),
    [
        ("17 тыс.", "COUNT", "превысило ", "", MORE),
        ("17 млн тенге", "MONEY", "Стоимость превысила ", " в прошлом году", MORE),
        ("100 грамнан", "QUANTITY", "", " асатын есірткі", MORE),
        ("5 тоннадан", "QUANTITY", "", " асады.", MORE),
        ("20 тоннаға", "QUANTITY", "", " жуықтады", ALMOST),
        ("более 500", "COUNT", "превысило ", "", MORE),  # the word inside wins
        ("17 тыс.", "COUNT", "составило ", "", None),
        ("17 тыс.", "COUNT", "изъято 5 ", "", None),  # the word next to it is a number
        # a Kazakh verb qualifies the figure before it, never the one after it
        ("49", "COUNT", "11 миллион теңгеден асатын ", " бас малды", None),
        ("20", "COUNT", "30 тоннаға жуықтады ", " көлік", None),
        # "above" after a weight (K122)
        ("60 кг", "QUANTITY", "", " жоғары", MORE),
    ],
)
def test_qualifier_from_a_verb_next_to_the_span(
    text: str, label: str, before: str, after: str, qualifier: str | None
) -> None:
    assert normalise_span(text, label, context_before=before, context_after=after)[2] == qualifier


@pytest.mark.parametrize(
    ("after", "unit"),
    [
        (" экстази таблеткасы", DOSE),  # K25: the drug's name between number and unit
        (" дана «Трамадол» таблеткасы", DOSE),  # K107: after the counter
        (" «LSD» және «MDMA» таблеткалары", DOSE),  # K113: two drugs between
        (" түп көкнәр", None),  # plants are no doses
    ],
)
def test_dose_unit_after_the_drugs_name(after: str, unit: str | None) -> None:
    assert normalise_span("176", "QUANTITY", context_after=after)[1] == unit


@pytest.mark.parametrize(
    ("after", "qualifier"),
    [
        (" гектардан астам жерден", MORE),  # K61: the area unit outside, its qualifier kept
        (" гектарға жуық алқапты", ALMOST),
        (" шақырымнан астам жол", MORE),  # distance is COUNT too (K42)
        (" адамнан астамы", None),  # a counted noun, not a unit: nothing to carry over
        (" гектар жерде", None),
        # a square metre is area too, and a verb after the unit qualifies as its word would
        (" шаршы метрден асатын фабрика", MORE),  # K133
        (" гектардан асатын жер", MORE),
        # the head of livestock is a counter word, as a unit is (``89 600 бастан астам``)
        (" бастан астам ауылшаруашылық жануарлары", MORE),
        (" бастан аяғына дейін", None),
        # the monthly index of a fine, K132 (``200 АЕК-ке дейінгі мөлшерде``)
        (" АЕК-ке дейінгі мөлшерде", "up_to"),
        (" айлық есептік көрсеткіштен астам", MORE),
    ],
)
def test_qualifier_after_an_area_or_distance_unit(after: str, qualifier: str | None) -> None:
    assert normalise_span("20", "COUNT", context_after=after) == (20.0, None, qualifier)


@pytest.mark.parametrize("label", ["PER", "ORG", "LOC", "DATE", "DRUG", "LAW"])
def test_labels_without_numbers_have_no_value(label: str) -> None:
    assert normalise_span("8 месяцев", label) == (None, None, None)


def test_count_has_no_unit_even_with_a_unit_word() -> None:
    assert normalise_span("5 тыс.", "COUNT") == (5000, None, None)


def test_a_span_without_a_number_has_no_value() -> None:
    assert normalise_span("наркотики", "COUNT") == (None, None, None)


@pytest.mark.parametrize(
    ("digits", "value"),
    [("2 564", 2564), ("2\u00a0564", 2564), ("1 263", 1263), ("47,2", 47.2), ("1.5", 1.5),
     ("2200", 2200), ("1.234.567", 1234567)],
)  # fmt: skip
def test_digits(digits: str, value: float) -> None:
    assert parse_digits(digits) == value


@pytest.mark.parametrize(
    ("ru", "kk", "value"),
    [("два", "екі", 2), ("трёх", "үшке", 3), ("девяти", "тоғыз", 9), ("десять", "онға", 10),
     ("сорок", "қырық", 40), ("ста", "жүз", 100), ("полтора", "жарты", None)],
)  # fmt: skip
def test_number_words_side_by_side(ru: str, kk: str, value: float | None) -> None:
    if value is None:
        assert (number_word_value(ru), number_word_value(kk)) == (1.5, 0.5)
    else:
        assert number_word_value(ru) == number_word_value(kk) == value


@pytest.mark.parametrize("word", ["екінші", "бірінші", "оның", "онда", "первый", "наркотики"])
def test_ordinals_pronouns_and_other_words_are_not_numbers(word: str) -> None:
    assert number_word_value(word) is None
