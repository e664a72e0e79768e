"""DRUG: a specific substance or substance class; the generic наркотик(и), наркотические
средства, есірткі are not drugs.

``кокаин``, ``синтетических``, ``синтетические вещества``, ``синтетикалық зат``,
``прекурсоров БК-4``, ``каннабисной группы``, ``күшті әсер ететін заттардың``. Named
substances come from the ``substances`` gazetteer.
"""

from curate.data import Gazetteers
from curate.rules.grammar import KK_ENDING, SPACE, UPPER, Rule, any_case, inflected, rule, trie

#: A noun a drug adjective takes into the span (``синтетические вещества``).
_SUBSTANCE_NOUN = (
    r"(?:веществ[аоуе]?|веществами|наркотик(?:и|ов|ам|ами|ах)?|средств(?:а|ами)?"
    rf"|препарат(?:ы|ов|ами)?|зат(?:{KK_ENDING})?|есірткі(?:{KK_ENDING})?)(?![^\W_])"
)
_SYNTHETIC = r"(?:[Сс]интетическ(?:ие|их|ими|им|ое|ого|ий|ая|ой|ую)|[Сс]интетикалық)(?![^\W_])"


def rules(gazetteers: Gazetteers) -> list[Rule]:
    """Synthetic drugs, precursors, drug groups, potent substances and listed substances."""
    return [
        rule("drug_synthetic", "DRUG", rf"{_SYNTHETIC}(?:{SPACE}{_SUBSTANCE_NOUN})?", 0.9),
        rule("drug_synthetics_noun", "DRUG", rf"[Сс]интетик(?:ой|[аиуе](?:{KK_ENDING})?)", 0.9),
        rule(
            "drug_precursor",
            "DRUG",
            rf"[Пп]рекурсор[^\W\d_]{{0,8}}(?:{SPACE}[{UPPER}A-Z]{{1,5}}-\d+)?",
            0.9,
        ),
        rule(
            "drug_group",
            "DRUG",
            r"(?:[Кк]аннабисн|[Оо]пийн|[Оо]пиатн|[Аа]мфетаминов)(?:ой|ая|ую|ые|ых)\sгрупп\w*"
            rf"|[Кк]аннабис{SPACE}тоб[^\W\d_]*",
            0.9,
        ),
        rule(
            "drug_potent",
            "DRUG",
            r"[Сс]ильнодействующ\w+\s(?:веществ\w*|средств\w*)"
            rf"|{trie(any_case(['күшті әсер ететін']))}{SPACE}зат(?:{KK_ENDING})?",
            0.85,
        ),
        rule("drug_substance", "DRUG", inflected(any_case(gazetteers.substances)), 0.95),
    ]
