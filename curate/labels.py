"""The label registry: one place that names the scheme's labels for rules, config and exports."""

from typing import Literal, NamedTuple, get_args


class LabelInfo(NamedTuple):
    name: str
    colour: str
    hotkey: str
    description: str


LABELS: tuple[LabelInfo, ...] = (
    LabelInfo("PER", "#e6194b", "p", "a person's name; titles and posts outside"),
    LabelInfo("ORG", "#4363d8", "o", "a named organisation, agency, unit, outlet or company"),
    LabelInfo("LOC", "#3cb44b", "l", "a named place: country, region, city, district"),
    LabelInfo("DATE", "#f58231", "d", "a point or period of time, durations included"),
    LabelInfo("DRUG", "#911eb4", "g", "a specific substance or substance class"),
    LabelInfo("QUANTITY", "#008080", "q", "an amount of a substance with its unit"),
    LabelInfo("MONEY", "#9a6324", "m", "an amount of money with its currency"),
    LabelInfo("COUNT", "#808000", "c", "any other counted figure; the counted noun outside"),
    LabelInfo("PERCENT", "#f032e6", "r", "a percentage with its sign"),
    LabelInfo("LAW", "#800000", "w", "a legal code, article or named law"),
)

LABEL_NAMES: tuple[str, ...] = tuple(label.name for label in LABELS)

Label = Literal["PER", "ORG", "LOC", "DATE", "DRUG", "QUANTITY", "MONEY", "COUNT", "PERCENT", "LAW"]

#: Labels whose spans carry a normalised ``value`` (and ``unit``/``qualifier``).
NUMBER_LABELS: frozenset[str] = frozenset({"QUANTITY", "MONEY", "COUNT", "PERCENT"})

#: The languages of the corpus: Kazakh and Russian.
Lang = Literal["kk", "ru"]
LANGUAGES: tuple[Lang, ...] = get_args(Lang)

#: Document-level choices and their allowed values.
DOCUMENT_CHOICES: dict[str, tuple[str, ...]] = {"lang": LANGUAGES, "relevant": ("yes", "no")}
