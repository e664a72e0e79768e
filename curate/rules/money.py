"""MONEY: an amount of money with its currency: ``более 255 млн тенге``, ``68 миллион
теңге``, ``255 миллион теңгеден астам``, ``Т850 млн``, ``миллиард теңгеден астам``; and a
sum whose currency is only in the context, which is tenge (judgement call R8): ``наркотики
на 20 миллиардов``, ``сумма ущерба составила 1,2 млрд`` after tenge in the sentence.

CURRENCY → AMOUNT → MONEY, as natasha's money grammar; the currency words are
:data:`curate.normalise.CURRENCIES`, which the normaliser turns into ISO codes.
"""

from curate.data import Gazetteers
from curate.normalise import CURRENCIES
from curate.rules.grammar import LANGS, SPACE, WORD_END, Rule, rule, trie
from curate.rules.numbers import (
    DIGIT_AMOUNT,
    DIGITS,
    KK_QUALIFIER,
    MULTIPLIER,
    NUMBER,
    QUALIFIER_AFTER,
    amount,
)

#: A currency word; the dollar may name its country (``долларов США``, ``АҚШ доллары``).
CURRENCY = rf"(?:(?:АҚШ{SPACE})?(?:" + "|".join(CURRENCIES) + rf")(?:{SPACE}США)?){WORD_END}"


#: An amount after the currency sign (``Т850 млн``, ``$5 млн долларов``).
_SIGN_FIRST = rf"[Т₸$]{DIGIT_AMOUNT}(?:{SPACE}{CURRENCY})?"


#: The multipliers of a sum of money (``млн``, ``миллиард``); a thousand is too small to
#: tell a sum from a count without its currency.
_MONEY_MULTIPLIER = rf"(?:млн\.?|млрд\.?|трлн\.?|миллион\w{{0,6}}|миллиард\w{{0,6}}){WORD_END}"
#: A multiplier word standing for one of it (``миллиард теңгеден астам``, ``более миллиона
#: тенге``), as a unit word without a number counts as one (judgement calls K14, R10).
#: Not after a word for an unknown number of them (``жүздеген миллион теңге`` "hundreds of
#: millions of tenge", ``несколько миллиардов``), which no value can be given.
_NOT_INDEFINITE = "".join(
    rf"(?<!{word}{SPACE})"
    for word in ("жүздеген", "ондаған", "мыңдаған", "бірнеше", "сотни", "сотен", "десятки",
                 "десятков", "несколько", "нескольких", "многие", "многих")
)  # fmt: skip
#: (not an indefinite plural, "billions of": ``миллиардтаған теңгеге``, K134)
_BARE_MULTIPLIER = (
    rf"(?<!\d{SPACE}){_NOT_INDEFINITE}(?:[Мм]иллион|[Мм]иллиард)(?![дт]аған)\w{{0,6}}"
)
#: Tenge named earlier in the same sentence: one fixed-width lookbehind per distance, as
#: Python's lookbehinds have a fixed width.
_TENGE_WINDOW = 120
_TENGE_BEFORE = (
    "(?:"
    + "|".join(
        rf"(?<={trie(['тенге', 'теңге', 'Тенге', 'Теңге'])}[^.!?\n]{{{gap}}})"
        for gap in range(1, _TENGE_WINDOW + 1)
    )
    + ")"
)
#: What may follow a sum whose currency is only in the context: the end of the clause or a
#: verb of valuing (``составила 1,2 млрд.``, ``1,2 млрд құрады``, ``на 20 миллиардов
#: изъяли``); never a noun, which would make it a count or a quantity (``2 млн доз``).
_SUM_END = (
    rf"(?={SPACE}?(?:[.,;:!?)»”\n]|$)|{SPACE}(?:"
    + trie(["құрады", "құрайды", "құраған", "бағаланды", "бағаланады", "болды", "болады",
            "составила", "составил", "составило", "составляет", "составит", "оценивается",
            "оценили", "оценен", "оценены", "превысил", "превысила", "превышает"])
    + r"|[а-яё]{2,}(?:ли|ла|ло|ся|ет|ит|ют|ят)"
    # a Kazakh verb of taking or paying money (``96 миллионын қайтарды`` "returned 96
    # million of it"); any verb would be read in a noun's object ending (``адамды``)
    + r"|(?:қайтар|жымқыр|ұрла|өндір|өте|төле|келтір|жұмса|аудар)[а-яёәіңғүұқөһ]*"
    + rf"){WORD_END})"
)  # fmt: skip
#: A sum with its multiplier and no currency (``1,2 млрд``), where tenge was said earlier in
#: the sentence or where ``на`` makes it a value (``наркотики на 20 миллиардов изъяли``):
#: MONEY in tenge (judgement call R8).
#: Words that make the sum after them a value (``на сумму 3 млн.``, ``құны 40 млн``).
_VALUE_BEFORE = "|".join(
    rf"(?<={word}{SPACE})"
    for word in ("[Нн]а", "сумму", "сумма", "суммой", "сумме", "стоимостью", "стоимость",
                 "сомасы", "сомаға", "құны", "бағасы",
                 # the damage (``шығынның 96 миллионын`` "96 million of the damage")
                 "[Уу]щерб", "[Уу]щерба", "[Шш]ығыны", "[Шш]ығынның", "[Зз]алалы", "[Зз]алалдың")
)  # fmt: skip
#: A word for money after a sum, which makes it one (``40 миллионнан астам қаржыны`` "more
#: than 40 million of funds", ``1,5 млн бюджет қаражатын``, ``2 млн бюджетных средств``);
#: the word stays outside, as a counted noun does.
_MONEY_NOUN_AFTER = (
    rf"(?={SPACE}(?:бюджет(?:тік|ных|ные)?{SPACE})?"
    r"(?:қаржы|қаражат|ақша|средств|денег|деньги|денежных))"
)
_SUM_IN_CONTEXT = (
    rf"(?:{_VALUE_BEFORE}|(?=\d){_TENGE_BEFORE}){NUMBER}{SPACE}{_MONEY_MULTIPLIER}"
    rf"(?:{SPACE}{DIGITS}{SPACE}{MULTIPLIER})*{QUALIFIER_AFTER}{_SUM_END}"
    rf"|{NUMBER}{SPACE}{_MONEY_MULTIPLIER}(?:{SPACE}{DIGITS}{SPACE}{MULTIPLIER})*"
    rf"{QUALIFIER_AFTER}{_MONEY_NOUN_AFTER}"
    # or thousands before the word for money (``90 мыңнан аса ақша`` "over 90 thousand of
    # money"), which makes a sum of them too
    rf"|{NUMBER}{SPACE}мың[а-яәіңғүұқө]{{0,4}}{WORD_END}{QUALIFIER_AFTER}{_MONEY_NOUN_AFTER}"
    # ``20 миллиардтық есірткі`` "drugs worth 20 billion": the tenge is understood
    rf"|{NUMBER}{SPACE}(?:миллиардтық|миллиондық|млрд-тық|млн-дық){WORD_END}"
)


#: A Kazakh qualifier between the amount and its currency (``18 миллионға жуық теңгеге``
#: "for nearly 18 million tenge"), as between an amount and its doses.
_KK_QUALIFIER_BEFORE_CURRENCY = rf"(?:{SPACE}{KK_QUALIFIER}(?={SPACE}{CURRENCY}))?"


def _amount_currency(lang: str) -> str:
    """An amount in digits or ``lang``'s words, its currency, maybe a qualifier after (or,
    in Kazakh, before the currency)."""
    between = _KK_QUALIFIER_BEFORE_CURRENCY if lang == "kk" else ""
    return rf"{amount(lang)}{between}{SPACE}{CURRENCY}{QUALIFIER_AFTER}"


def rules(gazetteers: Gazetteers) -> list[Rule]:
    """An amount followed by a currency, or written after the tenge sign (``Т850 млн``)."""
    return [
        *(
            rule(
                f"money_amount_{lang}",
                "MONEY",
                _amount_currency(lang),
                0.95,
                langs=frozenset({lang}),
            )
            for lang in sorted(LANGS)
        ),
        rule("money_sign_prefix", "MONEY", _SIGN_FIRST, 0.85),
        rule(
            "money_multiplier_currency",
            "MONEY",
            rf"{_BARE_MULTIPLIER}{SPACE}{CURRENCY}{QUALIFIER_AFTER}",
            0.85,
        ),
        rule("money_in_context", "MONEY", _SUM_IN_CONTEXT, 0.75),
    ]
