"""Normalised values of number spans: ``(value, unit, qualifier)`` from a span's words.

One normaliser serves the rules and the gold export, so a span gets the same value whoever
drew it. A span's text is read as parts (natasha's ``Money`` fact with ``amount``):
qualifier words, amounts (a number, its multiplier, and for masses its own unit, as in
``5 кг 952 гр``) and a unit; each part has one small normaliser. The word tables below are
also the vocabulary the rule grammars are built from (:mod:`curate.rules.numbers`).

>>> normalise_span("более 1 тыс. тонн", "QUANTITY")
(1000000.0, 'kg', 'more_than')
>>> normalise_span("525 келіден астам", "QUANTITY")
(525.0, 'kg', 'more_than')
>>> normalise_span("17 тыс.", "COUNT", context_before="превысило ")
(17000.0, None, 'more_than')
"""

import functools
import re
from typing import NamedTuple, TypeVar

from curate.labels import NUMBER_LABELS
from curate.models import Qualifier

T = TypeVar("T")

# ---- vocabulary: tiny closed lists ---------------------------------------------------------

#: Russian number words, every case form written out (they decline irregularly).
RU_NUMBER_WORDS: dict[str, float] = {
    **dict.fromkeys(("один", "одна", "одно", "одного", "одной", "одному", "одним", "одну"), 1),
    **dict.fromkeys(("два", "две", "двух", "двум", "двумя"), 2),
    **dict.fromkeys(("три", "трех", "трёх", "трем", "трём", "тремя"), 3),
    **dict.fromkeys(("четыре", "четырех", "четырёх", "четырем", "четырём", "четырьмя"), 4),
    **dict.fromkeys(("пять", "пяти", "пятью"), 5),
    **dict.fromkeys(("шесть", "шести", "шестью"), 6),
    **dict.fromkeys(("семь", "семи"), 7),
    **dict.fromkeys(("восемь", "восьми", "восемью"), 8),
    **dict.fromkeys(("девять", "девяти", "девятью"), 9),
    **dict.fromkeys(("десять", "десяти", "десятью"), 10),
    **{f"{stem}{end}": value for value, stem in enumerate(
        ("одиннадцат", "двенадцат", "тринадцат", "четырнадцат", "пятнадцат", "шестнадцат",
         "семнадцат", "восемнадцат", "девятнадцат"), start=11) for end in ("ь", "и", "ью")},
    **{f"{stem}{end}": value for value, stem in (
        (20, "двадцат"), (30, "тридцат")) for end in ("ь", "и", "ью")},
    **dict.fromkeys(("сорок", "сорока"), 40),
    **dict.fromkeys(("пятьдесят", "пятидесяти"), 50),
    **dict.fromkeys(("шестьдесят", "шестидесяти"), 60),
    **dict.fromkeys(("семьдесят", "семидесяти"), 70),
    **dict.fromkeys(("восемьдесят", "восьмидесяти"), 80),
    **dict.fromkeys(("девяносто", "девяноста"), 90),
    **dict.fromkeys(("сто", "ста"), 100),
    **dict.fromkeys(("двести", "двухсот"), 200),
    **dict.fromkeys(("триста", "трехсот", "трёхсот"), 300),
    **dict.fromkeys(("четыреста", "четырехсот", "четырёхсот"), 400),
    **dict.fromkeys(("пятьсот", "пятисот"), 500),
    **dict.fromkeys(("шестьсот", "шестисот"), 600),
    **dict.fromkeys(("семьсот", "семисот"), 700),
    **dict.fromkeys(("восемьсот", "восьмисот"), 800),
    **dict.fromkeys(("девятьсот", "девятисот"), 900),
    **dict.fromkeys(("полтора", "полторы", "полутора"), 1.5),
    # collective numerals: двое, троих, семеро
    **{f"{stem}{end}": value for value, stem in ((2, "дво"), (3, "тро"))
       for end in ("е", "их", "им", "ими")},
    **{f"{stem}{end}": value for value, stem in enumerate(
        ("четвер", "пятер", "шестер", "семер", "восьмер", "девятер", "десятер"), start=4)
       for end in ("о", "ых", "ым", "ыми")},
}  # fmt: skip

#: Kazakh number words: the stem; case endings follow (``екіден``, ``үшке``).
KK_NUMBER_WORDS: dict[str, float] = {
    "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8,
    "тоғыз": 9, "он": 10, "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50, "алпыс": 60,
    "жетпіс": 70, "сексен": 80, "тоқсан": 90, "жүз": 100, "жарты": 0.5,
}  # fmt: skip

#: Kazakh collective numerals (``екеуі`` "the two of them"): the stem; endings follow.
KK_COLLECTIVE_WORDS: dict[str, float] = {
    "екеу": 2, "үшеу": 3, "төртеу": 4, "бесеу": 5, "алтау": 6, "жетеу": 7, "сегізеу": 8,
    "тоғызау": 9, "онау": 10,
}  # fmt: skip

#: Endings a Kazakh number word may carry: ablative, dative, approximative (``екіден``,
#: ``үшке``, ``мыңдай``); not the locative or genitive, which make ``онда`` "there", ``оның`` "his".
KK_NUMBER_ENDING = r"(?:[дтн](?:ан|ен)|ға|ге|қа|ке|[дт][ае]й)"

#: ``жарым`` adds a half to the number before it (``бір жарым`` → 1.5), in its case forms
#: too (``мың жарымнан`` "of a thousand and a half").
KK_HALF = "жарым"
_KK_HALF_FORMS = re.compile(rf"{KK_HALF}{KK_NUMBER_ENDING}?")

#: Multipliers: the word (or the regex of its forms) and its factor.
MULTIPLIERS: dict[str, float] = {
    r"тыс\.?": 1e3, r"тысяч[аиуеь]?|тысяч(?:ам|ами|ах)": 1e3, r"мың\w{0,6}": 1e3,
    # a Kazakh case ending after a hyphen (``3,4 млн-нан астам``, K132)
    r"млн(?:\.|-\w{1,5})?": 1e6, r"миллион\w{0,6}": 1e6,
    r"млрд(?:\.|-\w{1,5})?": 1e9, r"миллиард\w{0,6}": 1e9,
    r"трлн\.?": 1e12, r"триллион\w{0,6}": 1e12,
}  # fmt: skip


class Unit(NamedTuple):
    """A unit word's normalised unit and the factor to it (``тонна`` → kg × 1000)."""

    unit: str
    factor: float


#: Units of mass, volume and doses (QUANTITY): regex of the word forms → unit.
QUANTITY_UNITS: dict[str, Unit] = {
    # ``кило`` with a case or a possessive ending (``258 килодан``, ``27 килосы``); the
    # kilogram also with one м, as Kazakh often spells it (``100 килограмнан``)
    r"кг|килограмм?\w{0,4}|кило(?:дан|ға|ның|ны|да|сы|сын|сынан|сының|сына)?|келі\w{0,6}": Unit(
        "kg", 1.0
    ),
    r"т|тн|тонн\w{0,6}": Unit("kg", 1000.0),
    # a centner, 100 kg (``2 центнерді``)
    r"центнер\w{0,4}": Unit("kg", 100.0),
    r"гр\.?|г\.?|грамм?\w{0,5}": Unit("kg", 0.001),
    r"мг|миллиграмм\w{0,4}": Unit("kg", 1e-6),
    r"л|литр\w{0,6}": Unit("l", 1.0),
    r"мл|миллилитр\w{0,4}": Unit("l", 0.001),
    r"доз\w{0,5}": Unit("dose", 1.0),
    r"таблетк\w{0,7}|таблеток|капсул\w{0,7}|ампул\w{0,7}": Unit("dose", 1.0),
}  # fmt: skip

#: Currencies (MONEY): regex of the word forms → ISO 4217 code.
CURRENCIES: dict[str, str] = {
    r"тенге|теңге\w{0,6}|тг|₸": "KZT",
    r"доллар\w{0,5}|долл\.?|\$|USD": "USD",
    r"евро|€|EUR": "EUR",
    r"рубл\w{0,3}|руб\.|₽|RUB": "RUB",
    # the Kyrgyz som (``55 сом``, ``63 сомды``), not ``сома`` "a sum"
    r"сом(?:ды|ға|нан|ның|да)?|KGS": "KGS",
    r"юан\w{0,3}|CNY": "CNY",
}

#: Qualifier words that stand inside a number span, before or after the number.
QUALIFIERS: dict[str, Qualifier] = {
    "более чем": "more_than", "более": "more_than", "свыше": "more_than",
    "больше": "more_than", "не менее": "more_than", "астам": "more_than", "аса": "more_than",
    "артық": "more_than", "кемінде": "more_than", "кем дегенде": "more_than",
    # with the possessive: "more than 3.5 tonnes of it" (``3,5 тоннадан астамы``, H9), and
    # its object forms (``18 мың доллардан астамын жоғалтты`` "lost more than 18 thousand",
    # ``570 грамнан астамды құрады`` "came to more than 570 grams")
    "астамы": "more_than", "артығы": "more_than", "жуығы": "almost",
    "астамын": "more_than", "артығын": "more_than", "жуығын": "almost", "астамды": "more_than",
    "около": "about", "порядка": "about", "примерно": "about", "приблизительно": "about",
    "шамамен": "about", "шамасы": "about", "шақты": "about",
    "почти": "almost", "жуық": "almost", "тарта": "almost",
    "до": "up_to", "не более": "up_to", "не больше": "up_to", "дейін": "up_to",
    # its attributive form (``11 миллион теңгеге дейінгі сыйақы`` "a reward of up to", K133)
    "дейінгі": "up_to",
    "менее": "less_than", "меньше": "less_than",
}  # fmt: skip

#: Qualifier words that follow the number in Kazakh (``500-ден астам``); the rest precede it.
KK_POSTPOSED_QUALIFIERS: frozenset[str] = frozenset(
    {"астам", "астамы", "астамын", "астамды", "аса", "артық", "артығы", "артығын", "жуық",
     "жуығы", "жуығын", "тарта", "дейін", "дейінгі", "шақты"}
)  # fmt: skip

#: Verbs next to a span that qualify its number but stay outside it (``превысило 17 тыс.``).
QUALIFYING_VERBS: dict[str, Qualifier] = {
    r"превы[сш]\w*": "more_than",
}
#: Kazakh verbs that qualify the number before them (``100 грамнан асатын``); a Kazakh verb
#: follows what it governs, so one before a span qualifies an earlier figure (``11 миллион
#: теңгеден асатын 49 бас малды``: the 49 head are not "more than").
KK_QUALIFYING_VERBS_AFTER: dict[str, Qualifier] = {
    r"ас(?:атын|ады|ты|қан|ып|а\s+түсті)": "more_than",
    r"жуықта\w*": "almost",
    # ``60 кг жоғары`` "above 60 kg" (K122): no qualifier word of the scheme, so outside
    r"жоғары": "more_than",
}

#: Kazakh approximative ending on a number (``мыңдай`` "about a thousand").
_APPROXIMATIVE = re.compile(r"(?:д|т)[ае]й$")
#: A Kazakh ablative ending, "from" (``5-тен``, ``мыңнан``).
_ABLATIVE = re.compile(r"(?:[дтн][ае]н)$")

# ---- parsing a span into parts -------------------------------------------------------------

#: Digits as the tokenizer reads a number: space-grouped thousands, decimal comma or dot.
DIGITS = r"(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+)(?:[.,]\d+)*"
_PART = re.compile(
    rf"(?P<sign>[+\-–−])?(?P<digits>{DIGITS})(?:-?(?P<ending>[^\W\d_]+))?"
    r"|(?P<word>[^\W\d_]+\.?)|(?P<symbol>[%₸$€₽])"
)


def _compile_table(table: dict[str, T]) -> list[tuple[re.Pattern[str], T]]:
    return [(re.compile(pattern, re.IGNORECASE), value) for pattern, value in table.items()]


_MULTIPLIERS = _compile_table(MULTIPLIERS)
_QUANTITY_UNITS = _compile_table(QUANTITY_UNITS)
_CURRENCIES = _compile_table(CURRENCIES)
_VERBS = _compile_table(QUALIFYING_VERBS)
_VERBS_AFTER = _VERBS + _compile_table(KK_QUALIFYING_VERBS_AFTER)
#: A Kazakh number word and its ending; an ordinal (``екінші``) has no such ending.
_KK_NUMBER = re.compile(
    "(" + "|".join(sorted(KK_NUMBER_WORDS, key=len, reverse=True)) + f"){KK_NUMBER_ENDING}?"
)
#: A Kazakh collective numeral or a number word with a possessive ending, and a case
#: ending after it (``екеуі``, ``алтауын``, ``сегізі``, ``жиырмасы``).
_KK_POSSESSED = re.compile(
    "("
    + "|".join(sorted({**KK_NUMBER_WORDS, **KK_COLLECTIVE_WORDS}, key=len, reverse=True))
    + r")(?:с?[ыі](?:н|не|на|нің|ның|нен|нан|мен|нде|нда)?)?"
)


def lookup(word: str, table: list[tuple[re.Pattern[str], T]]) -> T | None:
    """The value of the first table entry whose pattern matches the whole ``word``."""
    for pattern, value in table:
        if pattern.fullmatch(word):
            return value
    return None


def parse_digits(digits: str) -> float:
    """A digit string as a number: space-grouped thousands, a decimal comma or dot.

    >>> [parse_digits(d) for d in ("2 564", "47,2", "1.5", "2200", "1.234.567")]
    [2564.0, 47.2, 1.5, 2200.0, 1234567.0]
    """
    compact = re.sub(r"[ \u00a0\u202f]", "", digits)
    if compact.count(".") + compact.count(",") > 1:
        return float(re.sub(r"[.,]", "", compact))
    return float(compact.replace(",", "."))


def number_word_value(word: str) -> float | None:
    """The value of a Russian or Kazakh number word, with Kazakh endings (``екіден`` → 2).

    >>> [number_word_value(w) for w in ("двух", "девять", "үш", "тоғыз", "жарты", "екінші")]
    [2.0, 9.0, 3.0, 9.0, 0.5, None]
    """
    lower = word.lower()
    if lower in RU_NUMBER_WORDS:
        return float(RU_NUMBER_WORDS[lower])
    match = _KK_NUMBER.fullmatch(lower) or _KK_POSSESSED.fullmatch(lower)
    if match is None:
        return None
    stem = match.group(1)
    return float(KK_NUMBER_WORDS.get(stem) or KK_COLLECTIVE_WORDS[stem])


class Amount(NamedTuple):
    """One amount of a span: ``1 млн`` is ``Amount(1, 1e6, None)``; ``952 гр`` has a unit."""

    number: float
    multiplier: float = 1.0
    unit: Unit | None = None

    @property
    def value(self) -> float:
        return self.number * self.multiplier * (self.unit.factor if self.unit else 1.0)


class NumberParts(NamedTuple):
    """What a number span is made of, before normalisation."""

    amounts: tuple[Amount, ...]
    unit: str | None
    qualifier: Qualifier | None
    sign: float = 1.0
    #: Whether the span says its unit or currency itself (a sum's tenge may be only in the
    #: context, R8).
    unit_said: bool = False

    @property
    def value(self) -> float | None:
        if not self.amounts:
            return None
        return self.sign * round(sum(a.value for a in self.amounts), 9)


#: ``бір реттік`` "single" before a dose is no amount (``115 мың бір реттік доза``).
_ONE_DOSE = re.compile(r"(?<!\w)бір\s+(реттік)", re.IGNORECASE)


def parse_parts(text: str, label: str) -> NumberParts:
    """Split a number span into its amounts, unit and qualifier (``label`` picks the units).

    >>> parse_parts("5 кг 952 гр", "QUANTITY").value
    5.952
    >>> [(a.number, a.multiplier) for a in parse_parts("1 млн 300 тыс.", "COUNT").amounts]
    [(1.0, 1000000.0), (300.0, 1000.0)]
    >>> parts = parse_parts("20-30 миллион теңге", "MONEY")
    >>> parts.value, parts.unit, parts.qualifier
    (30000000.0, 'KZT', 'up_to')
    """
    walker = _PartWalker(label)
    text = _ONE_DOSE.sub(r"\1", text)
    for match in _PART.finditer(text):
        walker.take(match)
    return walker.parts()


#: A Russian unit with ``пол-``/``полу-`` "half" joined to it (``полтонны``, ``полутонны``,
#: ``полкило``); ``полтора`` is a number word, read before.
_RU_HALF = re.compile(r"полу?-?(?P<unit>(?:тонн\w{0,3}|кило\w{0,6}|литр\w{0,2}|грамм\w{0,2})?)")


class _PartWalker:
    """Reads a span's parts left to right; a unit applies to the amounts before it.

    Amounts in a row add up (``1 млн 300 тыс.``, ``5 кг 952 гр``), but the second end of a
    range replaces the first: a range is valued at its upper bound, ``up_to`` (R11:
    ``4-5``, ``1 000–1 500``, ``от 5 до 7 кг``, ``300 мыңнан 500 мыңға дейін``, K132), or at
    its lower bound where a qualifier word says "more than" or "at least" (``5-7 тоннадан
    астам``, ``кем дегенде 2-3``): the value is then true of every number in the range.
    """

    def __init__(self, label: str) -> None:
        self.label = label
        self.amounts: list[Amount] = []
        self.unit: str | None = "%" if label == "PERCENT" else None
        self.qualifier: Qualifier | None = None
        self.sign = 1.0
        self.previous_word = ""
        #: A range's first end was read (a dash, ``до`` or an ablative after an amount).
        self.range_open = False
        #: A range's lower end, once its upper end was read: ``up_to`` the upper end unless
        #: a qualifier word says otherwise.
        self.lower_end: list[Amount] | None = None

    def take(self, match: re.Match[str]) -> None:
        if match.group("digits"):
            dash = match.group("sign") in ("-", "–", "−")
            if self.range_open or (dash and self.amounts):
                self._range_end()
            elif dash:
                self.sign = -1.0
            ending = match.group("ending") or ""
            self._number(parse_digits(match.group("digits")), ending)
            self.range_open = _ABLATIVE.search(ending) is not None
        elif match.group("word"):
            self._word(match.group("word"))
        elif match.group("symbol") == "%":
            self.unit = "%"
        else:
            self._unit_word(match.group("symbol"))

    def _range_end(self) -> None:
        """The amounts so far were a range's lower end: the upper end replaces them."""
        self.lower_end = self.amounts
        self.amounts = []
        self.range_open = False

    def _number(self, number: float, ending: str) -> None:
        if _APPROXIMATIVE.search(ending):
            self.qualifier = self.qualifier or "about"
        self.amounts.append(Amount(number))

    def _word(self, word: str) -> None:
        lower = word.lower()
        pair = f"{self.previous_word} {lower}"
        self.previous_word = lower
        # "to" after an amount, or an amount's multiplier or unit in the ablative ("from"),
        # opens a range when another number follows (``от 5 до 7``, ``300 мыңнан 500``)
        self.range_open = bool(self.amounts) and (
            lower == "до" or _ABLATIVE.search(lower) is not None
        )
        if pair in QUALIFIERS:
            self.qualifier = QUALIFIERS[pair]
        elif lower in QUALIFIERS:
            self.qualifier = self.qualifier or QUALIFIERS[lower]
        elif _KK_HALF_FORMS.fullmatch(lower) and self.amounts:
            self._half()
        elif (value := number_word_value(lower)) is not None:
            self._number_word(value, lower)
        elif (multiplier := lookup(lower, _MULTIPLIERS)) is not None:
            if _APPROXIMATIVE.search(lower):
                self.qualifier = self.qualifier or "about"
            self._multiplier(multiplier)
        else:
            self._unit_word(lower)

    def _number_word(self, value: float, word: str) -> None:
        if _APPROXIMATIVE.search(word):
            self.qualifier = self.qualifier or "about"
        last = self.amounts[-1] if self.amounts else None
        if value == 100 and last and last.multiplier == 1 and last.number < 10:
            self.amounts[-1] = last._replace(number=last.number * 100)  # екі жүз
        elif last and last.multiplier == 1 and last.unit is None and last.number > value >= 1:
            self.amounts[-1] = last._replace(number=last.number + value)  # двадцать пять
        else:
            self.amounts.append(Amount(value))

    def _half(self) -> None:
        """``жарым`` after a number: half of what the number counts in, so a half after
        hundreds is fifty (``жүз жарым`` 150), after a bare thousand five hundred (``мың
        жарым``, one thousand and a half), else one half (``он жарым`` 10.5)."""
        last = self.amounts[-1]
        in_hundreds = last.multiplier == 1 and last.number >= 100 and last.number % 100 == 0
        self.amounts[-1] = last._replace(number=last.number + (50 if in_hundreds else 0.5))

    def _multiplier(self, factor: float) -> None:
        if self.amounts and self.amounts[-1].multiplier == 1 and self.amounts[-1].unit is None:
            self.amounts[-1] = self.amounts[-1]._replace(multiplier=factor)
        else:
            self.amounts.append(Amount(1.0, factor))  # мыңнан астам: a bare thousand

    def _unit_word(self, word: str) -> None:
        if self.label == "QUANTITY" and not self.amounts and (half := _RU_HALF.fullmatch(word)):
            self.amounts.append(Amount(0.5))  # ``полутонны``, ``пол-литра``: half a unit
            word = half.group("unit")
            if not word:
                return  # ``пол-`` written apart: its unit is the next word
        if self.label == "QUANTITY" and (unit := lookup(word, _QUANTITY_UNITS)) is not None:
            if _APPROXIMATIVE.search(word):
                self.qualifier = self.qualifier or "about"  # ``200 келідей`` "some 200 kilos"
            if not self.amounts:
                self.amounts.append(Amount(1.0))  # ``келіге жуық``, ``более тонны``: one
            self.unit = unit.unit
            self.amounts = [a if a.unit else a._replace(unit=unit) for a in self.amounts]
            if self.lower_end is not None:  # the unit after a range is its lower end's too
                self.lower_end = [a if a.unit else a._replace(unit=unit) for a in self.lower_end]
        elif self.label == "MONEY" and (currency := lookup(word, _CURRENCIES)) is not None:
            if _APPROXIMATIVE.search(word):
                self.qualifier = self.qualifier or "about"  # ``7 миллиард теңгедей``
            self.unit = currency
        elif self.label == "MONEY" and word in ("т", "Т"):
            self.unit = "KZT"

    def parts(self) -> NumberParts:
        unit = self.unit
        if self.label == "MONEY" and unit is None:
            unit = "KZT"  # a sum whose currency is only in the context is in tenge (R8)
        amounts, qualifier = self.amounts, self.qualifier
        if self.lower_end is not None:
            qualifier = qualifier or "up_to"
            if qualifier == "more_than":
                amounts = self.lower_end
        return NumberParts(tuple(amounts), unit, qualifier, self.sign, self.unit is not None)


# ---- the public normaliser -----------------------------------------------------------------

#: How many characters either side of a span the normaliser reads for a qualifying verb.
CONTEXT_WINDOW = 40
_PUNCTUATION = "\"'«»“”„()[],;:!?.…—–-"


def _word_before(context: str) -> str:
    """The word right before a span, in lower case ("" if a digit or nothing is there)."""
    words = context[-CONTEXT_WINDOW:].split()
    word = words[-1].strip(_PUNCTUATION) if words else ""
    return word.lower() if word.isalpha() else ""


def _word_after(context: str) -> str:
    """The word right after a span, in lower case."""
    words = context[:CONTEXT_WINDOW].split(maxsplit=1)
    word = words[0].strip(_PUNCTUATION) if words else ""
    return word.lower() if word.isalpha() else ""


def normalise_span(
    text: str, label: str, *, context_before: str = "", context_after: str = ""
) -> tuple[float | None, str | None, str | None]:
    """``(value, unit, qualifier)`` of a span per docs/scheme.md "Normalised values".

    Non-number labels give ``(None, None, None)``. The qualifier comes from a qualifier
    word inside the span, else from a qualifying verb right before or after it
    (``превысило``, ``асатын``); ``context_before``/``context_after`` are the text around it.

    >>> normalise_span("жарты тоннадан астам", "QUANTITY")
    (500.0, 'kg', 'more_than')
    >>> normalise_span("861", "QUANTITY", context_after=' "экстази" таблеткасы')
    (861.0, 'dose', None)
    >>> normalise_span("свыше полутонны", "QUANTITY")
    (500.0, 'kg', 'more_than')
    >>> normalise_span("–4%", "PERCENT")
    (-4.0, '%', None)
    >>> normalise_span("100 грамнан", "QUANTITY", context_after=" асатын")
    (0.1, 'kg', 'more_than')
    """
    if label not in NUMBER_LABELS:
        return None, None, None
    value, unit, qualifier, unit_said = _normalise(
        text, label, _word_before(context_before), _word_after(context_after)
    )
    if (
        value is not None
        and label in ("MONEY", "QUANTITY")
        and not unit_said
        and (said_after := _unit_said_after(context_after, label)) is not None
    ):
        unit, per_unit = said_after
        value *= per_unit
    if label == "QUANTITY" and unit is None:
        unit = _dose_after(context_after)
    if label == "COUNT" and qualifier is None and not _RANGE_START_BEFORE.search(context_before):
        qualifier = _qualifier_after_unit(context_after)
    return value, unit, qualifier


#: The unit word of the amount right after a span, after a range's or a list's link, if
#: any: ``тоннаға`` of ``10 тоннаға`` after ``5-тен``, ``сомды`` of ``63 сомды`` after
#: ``шамамен 60 және``.
_NEXT_UNIT = re.compile(
    r"\A\s*(?:(?:және|мен|бен|пен|и|или|[-–—])\s+)?"
    r"\d[\d\u00a0\u202f ,.]*?(?:\s+(?:мың|млн|млрд|миллион|миллиард|тыс|тысяч)\S*)?\s+(\w+)"
)


def _unit_said_after(context_after: str, label: str) -> tuple[str, float] | None:
    """The unit of the amount right after a span without one, and what one of it is worth
    in that unit: a range's or a list's first amount names its unit once, with the last
    (``5-тен 10 тоннаға`` → kg, 1000 each; ``шамамен 60 және 63 сомды`` → KGS; R8)."""
    following = _NEXT_UNIT.match(context_after)
    if following is None:
        return None
    one = parse_parts(f"1 {following.group(1)}", label)
    if not one.unit_said or one.unit is None or one.value is None:
        return None
    return one.unit, one.value


#: A number in the ablative right before a span: the span ends a range, whose ``дейін`` is
#: "to", not "up to" (``2-ден 5 айлық есептік көрсеткішке дейін``, H4).
_RANGE_START_BEFORE = re.compile(r"\d(?:-?[дтн][ае]н)\s+\Z")


@functools.lru_cache(maxsize=65536)
def _normalise(
    text: str, label: str, word_before: str, word_after: str
) -> tuple[float | None, str | None, str | None, bool]:
    parts = parse_parts(text, label)
    qualifier = (
        parts.qualifier
        or _verb_qualifier(word_before, _VERBS)
        or _verb_qualifier(word_after, _VERBS_AFTER)
    )
    unit = None if label == "COUNT" else parts.unit
    return parts.value, unit, qualifier, parts.unit_said


#: A dose unit after a number and a drug of one or two words (``861 "экстази" таблеткасы``,
#: K25; ``500 гашиш майы капсуласы``, K127), or after two drugs (``176 «LSD» және «MDMA»
#: таблеткалары``, K113), maybe after the counter (``1 270 дана «Трамадол» таблеткасы``, K107).
_DOSE_AFTER = re.compile(
    r"\A\s+(?:дана\s+)?(?:\S+\s+(?:және|мен|бен|пен)\s+\S+\s+|(?:\S+\s+){0,2})[«\"“]?"
    r"(?:таблетк|капсул|ампул|доз)\w*",
    re.IGNORECASE,
)


def _dose_after(context: str) -> str | None:
    """``dose`` when a dose unit follows a QUANTITY span that holds only its number: the
    drug's name stands between them in Kazakh (``800 экстази таблеткасы``)."""
    return "dose" if _DOSE_AFTER.match(context) else None


#: An area or distance unit after a COUNT stays outside it (K18, K42), as do the head of
#: livestock in the ablative a qualifier follows (``89 600 бастан астам``) and the monthly
#: index of a fine (``200 АЕК-ке дейінгі`` → 200 up_to, K132, K137).
_COUNT_UNIT = (
    r"\A\s+(?:(?:гектар|шақырым|километр|шаршы\s+метр)\w*|бастан|АЕК(?:-\w+)?"
    r"|айлық\s+есептік\s+көрсеткіш\w*)\s+"
)
#: The Kazakh qualifier after that unit is the COUNT's (``20 гектардан астам`` → 20
#: more_than, K61).
_QUALIFIER_AFTER_UNIT = re.compile(
    _COUNT_UNIT
    + "("
    + "|".join(sorted(KK_POSTPOSED_QUALIFIERS, key=len, reverse=True))
    + r")(?!\w)",
    re.IGNORECASE,
)


#: The same unit before a qualifying verb (``500 шаршы метрден асатын`` → 500 more_than, K133).
_VERB_AFTER_UNIT = re.compile(_COUNT_UNIT + r"([^\W\d_]+)", re.IGNORECASE)


def _qualifier_after_unit(context: str) -> Qualifier | None:
    if match := _QUALIFIER_AFTER_UNIT.match(context):
        return QUALIFIERS[match.group(1).lower()]
    if match := _VERB_AFTER_UNIT.match(context):
        return _verb_qualifier(match.group(1), _VERBS_AFTER)
    return None


def _verb_qualifier(word: str, verbs: list[tuple[re.Pattern[str], Qualifier]]) -> Qualifier | None:
    return lookup(word, verbs) if word else None
