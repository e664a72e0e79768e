"""The agreement metrics against published values and reference implementations."""

import itertools

import krippendorff
import numpy as np
import pytest
from seqeval.metrics import f1_score
from seqeval.metrics.sequence_labeling import get_entities
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats import inter_rater

from curate.metrics import (
    SpanCounts,
    alpha_unitizing,
    cohen_kappa,
    cohen_kappa_from_confusion,
    exact_match,
    fleiss_kappa,
    krippendorff_alpha_nominal,
    krippendorff_alpha_nominal_by_group,
    overlap_match,
    percent_agreement,
    precision_recall_f1,
    span_counts,
)

NAN = float("nan")

# Fleiss (1971), 30 patients × 6 psychiatrists, 5 diagnoses (as in statsmodels' tests).
FLEISS_1971 = [
    [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5],
    [2, 2, 2, 4, 4, 4], [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4],
    [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5], [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4],
    [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5], [3, 3, 3, 3, 3, 5],
    [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4],
    [1, 4, 4, 4, 4, 5], [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4],
    [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
]  # fmt: skip

WIKIPEDIA_FLEISS = [
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
]  # fmt: skip

KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3],
    [NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN],
]


def counts_of(ratings: list[list[int]], n_categories: int) -> np.ndarray:
    rows = np.asarray(ratings) - 1
    return np.stack([np.bincount(row, minlength=n_categories) for row in rows])


def random_reliability_data(seed: int, *, coders: int, units: int, values: int) -> np.ndarray:
    """Skewed random codes (like tokens, mostly one value) with about 20 % missing."""
    rng = np.random.default_rng(seed)
    truth = rng.choice(values, size=units, p=np.r_[0.7, np.full(values - 1, 0.3 / (values - 1))])
    noise = rng.integers(0, values, size=(coders, units))
    data = np.where(rng.random((coders, units)) < 0.8, truth, noise).astype(float)
    data[rng.random((coders, units)) < 0.2] = NAN
    return data


# ---- published values -----------------------------------------------------------------------


def test_cohen_kappa_reproduces_cohen_1960() -> None:
    assert cohen_kappa_from_confusion([[88, 14, 18], [10, 40, 10], [2, 6, 12]]) == pytest.approx(
        0.4915, abs=5e-5
    )


def test_fleiss_kappa_reproduces_wikipedia_and_fleiss_1971() -> None:
    assert fleiss_kappa(WIKIPEDIA_FLEISS) == pytest.approx(0.210, abs=5e-4)
    assert fleiss_kappa(counts_of(FLEISS_1971, 5)) == pytest.approx(0.4302, abs=5e-5)


def test_krippendorff_alpha_reproduces_krippendorff_2011() -> None:
    assert krippendorff_alpha_nominal(KRIPPENDORFF_2011) == pytest.approx(0.7434, abs=5e-5)


def test_alpha_unitizing_reproduces_krippendorff_2004_p254() -> None:
    units = [[0, 225, 295], [0, 370, 400], [1, 220, 300], [1, 355, 375], [1, 400, 420],
             [0, 180, 240], [0, 300, 350], [1, 180, 240], [1, 300, 350]]  # fmt: skip
    result = alpha_unitizing(units, list("ccccckkkk"), continuum=[150, 450], n_coders=2)
    assert result.observed["c"] == pytest.approx(0.0144, abs=5e-5)
    assert result.expected["c"] == pytest.approx(0.0532, abs=5e-5)
    assert result.expected["k"] == pytest.approx(0.0490, abs=5e-5)
    assert result.per_category == pytest.approx({"c": 0.7286, "k": 1.0}, abs=5e-5)
    assert result.overall == pytest.approx(0.8591, abs=5e-4)  # the book rounds D_o, D_e first


# ---- reference implementations on random data -----------------------------------------------


@pytest.mark.parametrize("seed", range(5))
def test_cohen_kappa_equals_scikit_learn(seed: int) -> None:
    rng = np.random.default_rng(seed)
    a = rng.choice(["O", "PER", "LOC", "ORG"], size=500, p=[0.7, 0.1, 0.1, 0.1])
    b = np.where(rng.random(500) < 0.7, a, rng.choice(["O", "PER", "LOC", "DATE"], size=500))
    assert cohen_kappa(a, b) == pytest.approx(cohen_kappa_score(a, b), abs=1e-9)


@pytest.mark.parametrize("seed", range(5))
def test_fleiss_kappa_equals_statsmodels(seed: int) -> None:
    data = random_reliability_data(seed, coders=4, units=300, values=5)
    complete = np.nan_to_num(data, nan=0).astype(int)  # Fleiss needs no missing ratings
    table, _ = inter_rater.aggregate_raters(complete.T, n_cat=5)
    assert fleiss_kappa(table) == pytest.approx(inter_rater.fleiss_kappa(table), abs=1e-9)


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("coders", [2, 3, 6])
def test_krippendorff_alpha_equals_krippendorff_package(seed: int, coders: int) -> None:
    data = random_reliability_data(seed, coders=coders, units=400, values=6)
    expected = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert krippendorff_alpha_nominal(data) == pytest.approx(expected, abs=1e-9)


def test_krippendorff_alpha_accepts_strings_with_a_sentinel() -> None:
    labels = np.array([["O", "PER", "O", "-"], ["O", "PER", "LOC", "LOC"], ["-", "ORG", "O", "O"]])
    codes = {"O": 0.0, "PER": 1.0, "LOC": 2.0, "ORG": 3.0, "-": NAN}
    numbers = np.vectorize(codes.get)(labels)
    expected = krippendorff.alpha(reliability_data=numbers, level_of_measurement="nominal")
    assert krippendorff_alpha_nominal(labels, missing="-") == pytest.approx(expected, abs=1e-12)
    objects = np.where(labels == "-", None, labels).astype(object)
    assert krippendorff_alpha_nominal(objects, missing=None) == pytest.approx(expected, abs=1e-12)


def test_small_integer_codes_with_a_sentinel_equal_the_float_form() -> None:
    data = random_reliability_data(9, coders=3, units=300, values=5)
    codes = np.where(np.isnan(data), -1, data).astype(np.int64)
    assert krippendorff_alpha_nominal(codes, missing=-1) == pytest.approx(
        krippendorff_alpha_nominal(data), abs=1e-12
    )
    assert cohen_kappa(codes[0] + 3, codes[1] + 3) == pytest.approx(
        cohen_kappa_score(codes[0], codes[1]), abs=1e-12
    )


def test_alpha_by_group_equals_alpha_of_each_group() -> None:
    data = random_reliability_data(7, coders=3, units=600, values=4)
    groups = np.repeat(np.arange(6), 100)
    by_group = krippendorff_alpha_nominal_by_group(data, groups)
    expected = [krippendorff_alpha_nominal(data[:, groups == g]) for g in range(6)]
    np.testing.assert_allclose(by_group, expected, atol=1e-12)


def test_percent_agreement_counts_agreeing_pairs() -> None:
    data = random_reliability_data(3, coders=3, units=200, values=3)
    agree = pairs = 0
    for unit in data.T:
        values = unit[~np.isnan(unit)]
        for x, y in itertools.combinations(values, 2):
            agree += x == y
            pairs += 1
    assert percent_agreement(data) == pytest.approx(agree / pairs, abs=1e-12)


def test_undefined_metrics_are_nan() -> None:
    assert np.isnan(krippendorff_alpha_nominal([[1, 1, 1], [1, 1, 1]]))
    assert np.isnan(krippendorff_alpha_nominal([[1, NAN], [NAN, 2]]))  # no unit coded twice
    assert np.isnan(cohen_kappa(["O", "O"], ["O", "O"]))
    assert np.isnan(fleiss_kappa([[2, 0], [2, 0]]))


# ---- alpha_u against a direct port of DKPro's sweep --------------------------------------------


def dkpro_alpha_unitizing(units: list[tuple[int, int, int, str]], begin: int, length: int, m: int):
    """A loop-by-loop port of DKPro's KrippendorffAlphaUnitizingAgreement (one section)."""

    def distance(b1, l1, c1, b2, l2, c2):
        db, dl = b1 - b2, l1 - l2
        if c1 and c2 and -l1 < db < l2:
            return db * db + (db + dl) ** 2
        if c1 and not c2 and -dl >= db >= 0:
            return l1 * l1
        if not c1 and c2 and -dl <= db <= 0:
            return l2 * l2
        return 0

    def segments(coder, category):
        spans = sorted((b, e) for c, b, e, k in units if c == coder and k == category)
        result, position = [], begin
        for b, e in spans:
            if b > position:
                result.append((position, b - position, False))
            result.append((b, e - b, True))
            position = e
        if position < begin + length:
            result.append((position, begin + length - position, False))
        return result

    observed, expected = {}, {}
    for category in sorted({k for *_, k in units}):
        total = 0
        for r1, r2 in itertools.combinations(range(m), 2):
            for b1, l1, u1 in segments(r1, category):
                for b2, l2, u2 in segments(r2, category):
                    total += distance(b1, l1, u1, b2, l2, u2)
        observed[category] = 2 * total / (m * (m - 1) * length**2)
        lengths = [e - b for _, b, e, k in units if k == category]
        gaps = [size for r in range(m) for _, size, u in segments(r, category) if not u]
        numerator = sum(
            (len(lengths) - 1) * (2 * size**3 - 3 * size**2 + size) / 3
            + size * size * sum(g - size + 1 for g in gaps if g >= size)
            for size in lengths
        )
        denominator = m * length * (m * length - 1) - sum(size * (size - 1) for size in lengths)
        expected[category] = 2 / length * numerator / denominator
    return 1 - sum(observed.values()) / sum(expected.values())


def random_units(seed: int, *, coders: int, length: int) -> list[tuple[int, int, int, str]]:
    """Each coder's non-overlapping units, close to a shared truth so alpha is not ~0."""
    rng = np.random.default_rng(seed)
    truth, position = [], 0
    while position < length - 12:
        start = position + int(rng.integers(1, 10))
        end = min(start + int(rng.integers(1, 8)), length)
        truth.append((start, end, str(rng.choice(["A", "B"]))))
        position = end
    units = []
    for coder in range(coders):
        for start, end, label in truth:
            if rng.random() < 0.15:
                continue
            shift = int(rng.integers(-1, 2)) if rng.random() < 0.3 else 0
            new_start = max(start + shift, 0) if start + shift < end else start
            units.append((coder, new_start, end, label))
    return units


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("coders", [2, 3])
def test_alpha_unitizing_equals_a_port_of_dkpro(seed: int, coders: int) -> None:
    units = random_units(seed, coders=coders, length=200)
    table = [(c, b, e) for c, b, e, _ in units]
    labels = [k for *_, k in units]
    result = alpha_unitizing(table, labels, continuum=[0, 200], n_coders=coders)
    assert result.overall == pytest.approx(dkpro_alpha_unitizing(units, 0, 200, coders), abs=1e-9)


def test_alpha_unitizing_is_one_for_identical_coders_and_ignores_coder_order() -> None:
    spans = [(3, 9, "A"), (12, 20, "B"), (40, 44, "A")]
    same = [(c, b, e) for c in range(3) for b, e, _ in spans]
    labels = [k for _ in range(3) for *_, k in spans]
    assert alpha_unitizing(same, labels, continuum=[0, 50], n_coders=3).overall == 1.0
    units = random_units(11, coders=3, length=120)
    table = np.array([(c, b, e) for c, b, e, _ in units])
    labels = [k for *_, k in units]
    swapped = table.copy()
    swapped[:, 0] = (2 - table[:, 0]) % 3
    assert alpha_unitizing(table, labels, continuum=[0, 120], n_coders=3).overall == pytest.approx(
        alpha_unitizing(swapped, labels, continuum=[0, 120], n_coders=3).overall, abs=1e-12
    )


def test_alpha_unitizing_sections_cut_gaps_at_document_edges() -> None:
    # Coder 1 marks nothing in the first document: its gap ends at the edge, so the unit
    # of coder 0 there is compared with a 10-character gap, not one running into document 2.
    units = [(0, 2, 6), (0, 12, 16), (1, 12, 16)]
    one = alpha_unitizing(units, ["A"] * 3, continuum=[0, 20], n_coders=2)
    two = alpha_unitizing(units, ["A"] * 3, continuum=[0, 10, 20], n_coders=2)
    assert one.observed == two.observed
    assert two.expected["A"] < one.expected["A"]  # fewer places for a unit by chance


# ---- span F1 -------------------------------------------------------------------------------


def brute_overlap(predicted: np.ndarray, true: np.ndarray) -> list[bool]:
    return [
        any(p[0] == t[0] and p[3] == t[3] and p[1] < t[2] and t[1] < p[2] for t in true)
        for p in predicted
    ]


def random_spans(rng: np.random.Generator, n: int) -> np.ndarray:
    start = rng.integers(0, 60, size=n)
    return np.column_stack(
        [rng.integers(0, 3, n), start, start + rng.integers(1, 12, n), rng.integers(0, 3, n)]
    )


@pytest.mark.parametrize("seed", range(10))
def test_overlap_match_equals_brute_force_even_for_nested_spans(seed: int) -> None:
    rng = np.random.default_rng(seed)
    predicted, true = random_spans(rng, 40), random_spans(rng, 30)
    assert overlap_match(predicted, true).tolist() == brute_overlap(predicted, true)


def bio_to_spans(sentences: list[list[str]], labels: list[str]) -> np.ndarray:
    """seqeval's own chunks (inclusive ends) as rows document, start, exclusive end, label."""
    rows = [
        [doc, start, end + 1, labels.index(label)]
        for doc, tags in enumerate(sentences)
        for label, start, end in get_entities(tags)
    ]
    return np.array(rows).reshape(-1, 4)


@pytest.mark.parametrize("seed", range(5))
def test_exact_span_f1_equals_seqeval(seed: int) -> None:
    rng = np.random.default_rng(seed)
    labels = ["PER", "LOC", "ORG"]

    def random_tags() -> list[list[str]]:
        sentences = []
        for _ in range(40):
            tags, inside = [], None
            for _ in range(int(rng.integers(3, 25))):
                roll = rng.random()
                if roll < 0.2:
                    inside = str(rng.choice(labels))
                    tags.append(f"B-{inside}")
                elif roll < 0.35 and inside:
                    tags.append(f"I-{inside}")
                else:
                    inside = None
                    tags.append("O")
            sentences.append(tags)
        return sentences

    true = random_tags()
    predicted = [[t if rng.random() < 0.85 else "O" for t in s] for s in true]
    counts = span_counts(
        bio_to_spans(predicted, labels), bio_to_spans(true, labels), match=exact_match, n_labels=3
    )
    total = SpanCounts(*(c.sum(keepdims=True) for c in counts))
    assert precision_recall_f1(total).f1[0] == pytest.approx(f1_score(true, predicted), abs=1e-12)


def test_span_f1_zero_division_rule() -> None:
    counts = span_counts(np.empty((0, 4)), [[0, 0, 3, 1]], match=overlap_match, n_labels=2)
    scores = precision_recall_f1(counts, zero_division=1.0)
    assert scores.precision.tolist() == [1.0, 1.0]  # nothing predicted
    assert scores.recall.tolist() == [1.0, 0.0]
    assert scores.f1.tolist() == [1.0, 0.0]


# ---- input validation ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: cohen_kappa([1, 2], [1]), "same length"),
        (lambda: cohen_kappa([], []), "at least one unit"),
        (lambda: cohen_kappa_from_confusion([[1, 2, 3]]), "must be square"),
        (lambda: fleiss_kappa([[1, 1], [2, 1]]), "same number of ratings"),
        (lambda: fleiss_kappa([[0.5, 1.5]]), "non-negative integer"),
        (lambda: fleiss_kappa([[1, 0]]), "at least two ratings"),
        (lambda: krippendorff_alpha_nominal([1, 2, 3]), "2-D coders × units"),
        (lambda: krippendorff_alpha_nominal_by_group([[1], [1]], [0, 1]), "one group per unit"),
        (
            lambda: alpha_unitizing([[0, 5, 3]], ["A"], continuum=[0, 10], n_coders=2),
            "end after it begins",
        ),
        (
            lambda: alpha_unitizing([[0, 8, 12]], ["A"], continuum=[0, 10, 20], n_coders=2),
            "inside one section",
        ),
        (
            lambda: alpha_unitizing(
                [[0, 1, 5], [0, 4, 6]], ["A"] * 2, continuum=[0, 9], n_coders=2
            ),
            "must not overlap",
        ),
        (lambda: alpha_unitizing([[2, 1, 5]], ["A"], continuum=[0, 9], n_coders=2), "0..1"),
        (
            lambda: span_counts([[0, 0, 3, 5]], [], match=exact_match, n_labels=2),
            "codes 0..1",
        ),
    ],
)
def test_invalid_input_is_a_value_error(call, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()
