"""Agreement metrics as small pure functions over numpy arrays.

Each public function validates its input (``ValueError`` with a full sentence) and builds
a count matrix; the private helpers below it are the published formulas, named after them,
with no Python loop over units (the loops that remain run over coder pairs and categories).
A metric that is undefined for the data it got (no unit coded twice, a single category in
use) is ``nan``, as in scikit-learn, never an exception.
"""

from collections.abc import Callable
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

#: A matcher says, for each predicted span, whether some true span matches it.
#: Both arguments have shape (S, 4): columns document, start, end, label (integers).
Matcher = Callable[[npt.NDArray[np.int64], npt.NDArray[np.int64]], npt.NDArray[np.bool_]]

_MISSING_CODE = -1
#: Non-negative integers below this are used as their own codes, sparing a sort; unused
#: codes are empty rows and columns, which change no metric (and stay few, for by-group).
_OWN_CODES = 64


# ---- Cohen's kappa --------------------------------------------------------------------------


def cohen_kappa(a: npt.ArrayLike, b: npt.ArrayLike) -> float:
    """Cohen's (1960) kappa of two coders who coded the same units.

    ``a`` and ``b`` have shape (N,): the category each coder gave each unit (any sortable
    values). Equal to scikit-learn's ``cohen_kappa_score(a, b)``.

    >>> round(cohen_kappa(["PER", "PER", "O", "O"], ["PER", "O", "O", "O"]), 3)
    0.5
    """
    a, b = np.asarray(a), np.asarray(b)
    if a.ndim != 1 or a.shape != b.shape:
        raise ValueError(
            f"Cohen's kappa needs two 1-D arrays of the same length, got shapes {a.shape} "
            f"and {b.shape}."
        )
    if a.size == 0:
        raise ValueError("Cohen's kappa needs at least one unit coded by both coders.")
    codes, n_values = _dense_codes(np.concatenate([a, b]))
    return _kappa(_confusion(codes[: a.size], codes[a.size :], n_values))


def cohen_kappa_from_confusion(confusion: npt.ArrayLike) -> float:
    """Cohen's kappa from a (V, V) confusion matrix: rows coder A, columns coder B.

    Cohen (1960), p. 45:

    >>> round(cohen_kappa_from_confusion([[88, 14, 18], [10, 40, 10], [2, 6, 12]]), 3)
    0.492
    """
    table = np.asarray(confusion, dtype=np.float64)
    if table.ndim != 2 or table.shape[0] != table.shape[1]:
        raise ValueError(f"A confusion matrix must be square, got shape {table.shape}.")
    if (table < 0).any() or table.sum() == 0:
        raise ValueError("A confusion matrix must have non-negative counts and at least one unit.")
    return _kappa(table)


def _confusion(a: npt.NDArray[np.intp], b: npt.NDArray[np.intp], n_values: int) -> npt.NDArray:
    """(V, V) counts of units coded ``i`` by A and ``j`` by B."""
    return np.bincount(a * n_values + b, minlength=n_values**2).reshape(n_values, n_values)


def _kappa(confusion: npt.NDArray) -> float:
    """kappa = (p_o - p_e) / (1 - p_e), p_e from the two coders' marginals (Cohen 1960)."""
    p = confusion / confusion.sum()
    observed = np.trace(p)
    chance = p.sum(axis=1) @ p.sum(axis=0)
    return _ratio(observed - chance, 1.0 - chance)


# ---- Fleiss' kappa --------------------------------------------------------------------------


def fleiss_kappa(counts: npt.ArrayLike) -> float:
    """Fleiss' (1971) kappa from a (N, V) table: how many raters put unit i in category j.

    Every unit must have the same number of ratings n >= 2 (the raters may differ).
    The Wikipedia example (10 units, 14 raters, 5 categories):

    >>> table = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0],
    ...          [2, 2, 8, 1, 1], [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2],
    ...          [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
    >>> round(fleiss_kappa(table), 3)
    0.21
    """
    table = np.asarray(counts)
    if table.ndim != 2 or table.shape[0] == 0:
        raise ValueError(f"Fleiss' kappa needs a 2-D units × categories table, got {table.shape}.")
    if not np.issubdtype(table.dtype, np.integer) or (table < 0).any():
        raise ValueError("Fleiss' kappa needs non-negative integer counts.")
    ratings = table.sum(axis=1)
    if (ratings != ratings[0]).any():
        raise ValueError(
            f"Fleiss' kappa needs the same number of ratings for every unit, got between "
            f"{ratings.min()} and {ratings.max()}; use Krippendorff's alpha instead."
        )
    if ratings[0] < 2:
        raise ValueError("Fleiss' kappa needs at least two ratings per unit.")
    return _fleiss(table, int(ratings[0]))


def _fleiss(table: npt.NDArray[np.integer], n: int) -> float:
    """kappa = (P_bar - P_e) / (1 - P_e): mean unit agreement against squared category shares.

    P_bar = mean over units of (sum_j n_ij^2 - n) / (n (n - 1)), summed in one pass.
    """
    units = table.shape[0]
    flat = table.ravel().astype(np.int64, copy=False)
    mean_agreement = (np.dot(flat, flat) - units * n) / (units * n * (n - 1))
    shares = table.sum(axis=0) / (units * n)
    chance = float(shares @ shares)
    return _ratio(mean_agreement - chance, 1.0 - chance)


# ---- Krippendorff's alpha, nominal ----------------------------------------------------------


def krippendorff_alpha_nominal(
    reliability_data: npt.ArrayLike, *, missing: object = np.nan
) -> float:
    """Krippendorff's alpha for nominal data, with missing values.

    ``reliability_data`` has shape (M, N): the value coder m gave unit n, any sortable
    values; an entry equal to ``missing`` (NaN by default, which also matches the string
    ``"nan"`` that numpy makes of NaN in a string array) is missing. Units with fewer than
    two values are not pairable and do not count. The 4-coder, 12-unit example of
    Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability":

    >>> nan = float("nan")
    >>> data = [[1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
    ...         [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
    ...         [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
    ...         [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan]]
    >>> round(krippendorff_alpha_nominal(data), 4)
    0.7434
    """
    codes, n_values = _encode(reliability_data, missing)
    one_group = np.zeros(codes.shape[1], np.intp)
    coincidences = _coincidences(codes, n_values, one_group, 1, _pairable_weights(codes))
    return float(_nominal_alpha(coincidences)[0])


def krippendorff_alpha_nominal_by_group(
    reliability_data: npt.ArrayLike, groups: npt.ArrayLike, *, missing: object = np.nan
) -> npt.NDArray[np.float64]:
    """Krippendorff's nominal alpha of each group of units (e.g. the tokens of one task).

    ``reliability_data`` has shape (M, N) as for :func:`krippendorff_alpha_nominal`;
    ``groups`` has shape (N,), the group number 0..G-1 of each unit. Returns shape (G,),
    each group's alpha with the value domain of that group alone.

    >>> data = [[1, 1, 2, 2], [1, 1, 2, 1]]
    >>> krippendorff_alpha_nominal_by_group(data, [0, 0, 1, 1]).round(3).tolist()
    [nan, 0.0]
    """
    codes, n_values = _encode(reliability_data, missing)
    group_of_unit = np.asarray(groups)
    if group_of_unit.shape != (codes.shape[1],):
        raise ValueError(
            f"groups must give one group per unit: shape ({codes.shape[1]},), "
            f"got {group_of_unit.shape}."
        )
    if group_of_unit.size and (group_of_unit.min() < 0 or group_of_unit.dtype.kind not in "iu"):
        raise ValueError("groups must be non-negative integers.")
    n_groups = int(group_of_unit.max()) + 1 if group_of_unit.size else 0
    weights = _pairable_weights(codes)
    return _nominal_alpha(_coincidences(codes, n_values, group_of_unit, n_groups, weights))


def percent_agreement(reliability_data: npt.ArrayLike, *, missing: object = np.nan) -> float:
    """The share of agreeing coder pairs among all pairs of coders who coded the same unit.

    ``reliability_data`` has shape (M, N) as for :func:`krippendorff_alpha_nominal`.
    Pairs are counted on each unit: 3 of 3 pairs agree on the first unit below, 1 of 3 on
    the second, 3 of 3 on the third and 0 of 1 on the last.

    >>> percent_agreement([[1, 1, 2, 2], [1, 1, 2, 1], [1, 2, 2, float("nan")]])
    0.7
    """
    codes, n_values = _encode(reliability_data, missing)
    one_group = np.zeros(codes.shape[1], np.intp)
    every_pair = np.ones(codes.shape[1])
    coincidences = _coincidences(codes, n_values, one_group, 1, every_pair)[0]
    return _ratio(np.trace(coincidences), coincidences.sum())


def _encode(reliability_data: npt.ArrayLike, missing: object) -> tuple[npt.NDArray, int]:
    """(M, N) integer codes 0..V-1 of the values, -1 where missing, and V."""
    data = np.asarray(reliability_data)
    if data.ndim != 2 or data.shape[0] < 2:
        raise ValueError(
            f"Reliability data must be a 2-D coders × units array with at least two coders, "
            f"got shape {data.shape}."
        )
    present = ~_missing_mask(data, missing)
    codes = np.full(data.shape, _MISSING_CODE, dtype=np.intp)
    codes[present], n_values = _dense_codes(data[present])
    return codes, n_values


def _dense_codes(values: npt.NDArray) -> tuple[npt.NDArray[np.intp], int]:
    """(N,) codes 0..V-1 of 1-D ``values``, and V."""
    if values.dtype.kind in "iu" and values.size and 0 <= values.min() <= values.max() < _OWN_CODES:
        return values.astype(np.intp), int(values.max()) + 1
    domain, codes = np.unique(values, return_inverse=True)
    return codes.reshape(-1), len(domain)


def _missing_mask(data: npt.NDArray, missing: object) -> npt.NDArray[np.bool_]:
    if isinstance(missing, float) and np.isnan(missing):
        if data.dtype.kind == "f":
            return np.isnan(data)
        if data.dtype.kind in "US":
            return data == data.dtype.type("nan")
        if data.dtype.kind == "O":
            return data != data  # NaN is the one value unequal to itself
        return np.zeros(data.shape, dtype=bool)
    return np.asarray(data == missing, dtype=bool)


def _pairable_weights(codes: npt.NDArray[np.intp]) -> npt.NDArray[np.float64]:
    """1 / (m_u - 1) for each unit u with m_u values (Krippendorff 2011, o_ck)."""
    values_per_unit = (codes != _MISSING_CODE).sum(axis=0)
    return 1.0 / np.maximum(values_per_unit - 1, 1)


def _coincidences(
    codes: npt.NDArray[np.intp],
    n_values: int,
    groups: npt.NDArray,
    n_groups: int,
    weight: npt.NDArray[np.float64],
) -> npt.NDArray[np.float64]:
    """(G, V, V) coincidence matrices: o_ck = sum over units of weighted (c, k) value pairs.

    Pairs are those of two different coders on one unit, counted both ways; with the
    weights 1 / (m_u - 1) this is Krippendorff's coincidence matrix (a unit with one value
    has no pairs, so it does not count).
    """
    present = codes != _MISSING_CODE
    flat = np.zeros(n_groups * n_values * n_values)
    n_coders = codes.shape[0]
    for i in range(n_coders):
        for j in range(i + 1, n_coders):
            both = present[i] & present[j]
            cell = (groups[both] * n_values + codes[i, both]) * n_values + codes[j, both]
            flat += np.bincount(cell, weights=weight[both], minlength=flat.size)
    half = flat.reshape(n_groups, n_values, n_values)
    return half + half.transpose(0, 2, 1)


def _nominal_alpha(coincidences: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """alpha = 1 - D_o / D_e, with the nominal distance (0 on the diagonal, else 1).

    D_o = n - trace(o);  D_e = (n^2 - sum_c n_c^2) / (n - 1), n_c the row sums of o.
    """
    n_c = coincidences.sum(axis=-1)
    n = n_c.sum(axis=-1)
    observed = n - np.trace(coincidences, axis1=-2, axis2=-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        expected = (n**2 - (n_c**2).sum(axis=-1)) / (n - 1)
        return np.where(expected > 0, 1.0 - observed / expected, np.nan)


# ---- Krippendorff's alpha_u, unitizing ------------------------------------------------------


class UnitizingAlpha(NamedTuple):
    """Krippendorff's alpha_u overall and per category, with each category's D_o and D_e."""

    overall: float
    per_category: dict[object, float]
    observed: dict[object, float]
    expected: dict[object, float]


def alpha_unitizing(
    units: npt.ArrayLike,
    categories: npt.ArrayLike,
    *,
    continuum: npt.ArrayLike,
    n_coders: int,
) -> UnitizingAlpha:
    """Krippendorff's alpha_u for units that coders marked on a continuum (e.g. characters).

    ``units`` has shape (U, 3): coder (0..n_coders-1), begin, end (exclusive) of each unit;
    ``categories`` has shape (U,). ``continuum`` has shape (S+1,): the sorted edges of S
    sections that together make the continuum ``[continuum[0], continuum[-1])`` (one section
    per document); a unit lies inside one section and a gap never runs over an edge.
    Every coder unitized the whole continuum; a coder's units of one category do not overlap.

    Definition (Krippendorff 1995; 2004, section 12.4), as implemented by DKPro Agreement's
    ``KrippendorffAlphaUnitizingAgreement``: for each category c, every coder's continuum is
    cut into units of c and gaps (everything else). With m coders and continuum length L,

    - observed D_o(c) = 2 / (m (m-1) L^2) * sum over coder pairs and over their segments g, h
      of delta^2(g, h): (b_g - b_h)^2 + (e_g - e_h)^2 for two overlapping units, l_g^2 for a
      unit g inside a gap h (and the reverse), 0 otherwise;
    - expected D_e(c) = 2 / L * sum over units u of c of
      [(N_c - 1) l_u (l_u - 1)(2 l_u - 1) / 3 + l_u^2 * sum over gaps g with l_g >= l_u of
      (l_g - l_u + 1)] / (m L (m L - 1) - sum over units of c of l_u (l_u - 1)), N_c the
      number of units of c;
    - alpha_u(c) = 1 - D_o(c) / D_e(c); overall alpha_u = 1 - sum_c D_o(c) / sum_c D_e(c),
      over the categories that occur.

    A category's alpha_u is nan when its D_e is 0. Krippendorff (2004), p. 254: two coders
    on [150, 450), categories c and k (rows: coder, begin, end):

    >>> units = [[0, 225, 295], [0, 370, 400], [1, 220, 300], [1, 355, 375], [1, 400, 420],
    ...          [0, 180, 240], [0, 300, 350], [1, 180, 240], [1, 300, 350]]
    >>> result = alpha_unitizing(units, list("ccccckkkk"), continuum=[150, 450], n_coders=2)
    >>> [round(d, 4) for d in (result.observed["c"], result.expected["c"], result.expected["k"])]
    [0.0144, 0.0532, 0.049]
    >>> round(result.per_category["c"], 4), round(result.per_category["k"], 4)
    (0.7286, 1.0)

    The book's 0.8591 is 1 - 0.0144 / (0.0532 + 0.0490), from those rounded components;
    unrounded, the same formula gives 0.8587 (DKPro's test accepts both, to 0.0005):

    >>> round(1 - 0.0144 / (0.0532 + 0.0490), 4), round(result.overall, 4)
    (0.8591, 0.8587)
    """
    table, labels, edges = _check_unitizing(units, categories, continuum, n_coders)
    observed, expected = {}, {}
    for category in np.unique(labels):
        of_category = table[labels == category]
        segments = [
            _segments(of_category[of_category[:, 0] == c, 1:], edges) for c in range(n_coders)
        ]
        observed[category.item()] = _observed_unitizing(segments, edges)
        expected[category.item()] = _expected_unitizing(of_category, segments, edges, n_coders)
    per_category = {c: _ratio_complement(observed[c], expected[c]) for c in observed}
    overall = _ratio_complement(sum(observed.values()), sum(expected.values()))
    return UnitizingAlpha(overall, per_category, observed, expected)


def _check_unitizing(
    units: npt.ArrayLike, categories: npt.ArrayLike, continuum: npt.ArrayLike, n_coders: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray, npt.NDArray[np.int64]]:
    table = np.asarray(units, dtype=np.int64).reshape(-1, 3)
    labels = np.asarray(categories)
    edges = np.asarray(continuum, dtype=np.int64)
    if labels.shape != (table.shape[0],):
        raise ValueError(f"categories must give one category per unit, got shape {labels.shape}.")
    if n_coders < 2:
        raise ValueError(f"alpha_u needs at least two coders, got n_coders={n_coders}.")
    if edges.ndim != 1 or edges.size < 2 or (np.diff(edges) <= 0).any():
        raise ValueError("continuum must be at least two strictly increasing section edges.")
    coder, begin, end = table.T
    if ((coder < 0) | (coder >= n_coders)).any():
        raise ValueError(f"Unit coders must be numbered 0..{n_coders - 1}.")
    if (end <= begin).any():
        raise ValueError("Every unit must end after it begins.")
    section = np.searchsorted(edges, begin, side="right")
    if ((begin < edges[0]) | (end > edges[-1])).any() or (
        section != np.searchsorted(edges, end - 1, side="right")
    ).any():
        raise ValueError("Every unit must lie inside one section of the continuum.")
    return table, labels, edges


def _segments(spans: npt.NDArray[np.int64], edges: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """(K, 3) segments begin, end, is_unit that cut one coder's continuum, units and gaps."""
    spans = spans[np.argsort(spans[:, 0], kind="stable")]
    if (spans[1:, 0] < spans[:-1, 1]).any():
        raise ValueError("A coder's units of one category must not overlap.")
    cuts = np.unique(np.concatenate([edges, spans[:, 0], spans[:, 1]]))
    is_unit = np.isin(cuts[:-1], spans[:, 0])
    return np.column_stack([cuts[:-1], cuts[1:], is_unit])


def _observed_unitizing(segments: list[npt.NDArray[np.int64]], edges: npt.NDArray) -> float:
    """D_o(c): delta^2 summed over the overlapping segments of every coder pair."""
    n_coders, length = len(segments), float(edges[-1] - edges[0])
    total = 0.0
    for i in range(n_coders):
        for j in range(i + 1, n_coders):
            g, h = _overlapping_pairs(segments[i], segments[j])
            total += _delta_squared(g, h).sum()
    return float(2.0 * total / (n_coders * (n_coders - 1) * length**2))


def _overlapping_pairs(
    first: npt.NDArray[np.int64], second: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Rows of ``first`` and ``second`` for every pair of segments that share a stretch."""
    starts = np.union1d(first[:, 0], second[:, 0])
    i = np.searchsorted(first[:, 0], starts, side="right") - 1
    j = np.searchsorted(second[:, 0], starts, side="right") - 1
    new_pair = np.ones(starts.size, dtype=bool)
    new_pair[1:] = (i[1:] != i[:-1]) | (j[1:] != j[:-1])
    return first[i[new_pair]], second[j[new_pair]]


def _delta_squared(g: npt.NDArray[np.int64], h: npt.NDArray[np.int64]) -> npt.NDArray:
    """Krippendorff's delta^2 of two overlapping segments (begin, end, is_unit)."""
    g_begin, g_end, g_unit = g.T.astype(np.float64)
    h_begin, h_end, h_unit = h.T.astype(np.float64)
    both_units = (g_begin - h_begin) ** 2 + (g_end - h_end) ** 2
    g_in_gap = (h_begin <= g_begin) & (g_end <= h_end)
    h_in_gap = (g_begin <= h_begin) & (h_end <= g_end)
    return np.select(
        [(g_unit == 1) & (h_unit == 1), (g_unit == 1) & g_in_gap, (h_unit == 1) & h_in_gap],
        [both_units, (g_end - g_begin) ** 2, (h_end - h_begin) ** 2],
        default=0.0,
    )


def _expected_unitizing(
    units: npt.NDArray[np.int64],
    segments: list[npt.NDArray[np.int64]],
    edges: npt.NDArray[np.int64],
    n_coders: int,
) -> float:
    """D_e(c): every unit of c placed in every position of every gap at least as long."""
    length = float(edges[-1] - edges[0])
    unit_lengths = (units[:, 2] - units[:, 1]).astype(np.float64)
    all_segments = np.concatenate(segments)
    gaps = np.sort((all_segments[:, 1] - all_segments[:, 0])[all_segments[:, 2] == 0])
    placements = _placements_in_gaps(unit_lengths, gaps.astype(np.float64))
    l = unit_lengths  # noqa: E741 - Krippendorff's symbol
    within = (l.size - 1) * l * (l - 1) * (2 * l - 1) / 3.0
    numerator = 2.0 / length * (within + l**2 * placements).sum()
    values = n_coders * length
    return float(numerator / (values * (values - 1) - (l * (l - 1)).sum()))


def _placements_in_gaps(lengths: npt.NDArray, gaps: npt.NDArray) -> npt.NDArray:
    """For each unit length l: sum over sorted gaps g >= l of (g - l + 1)."""
    first = np.searchsorted(gaps, lengths, side="left")
    suffix = np.concatenate([np.cumsum(gaps[::-1])[::-1], [0.0]])
    return suffix[first] - (gaps.size - first) * (lengths - 1)


# ---- span precision, recall, F1 -------------------------------------------------------------


class SpanCounts(NamedTuple):
    """Per-label span counts, each of shape (K,) for label codes 0..K-1.

    ``predicted_matched`` and ``true_matched`` differ only for overlap matching, where one
    long span can match two short ones.
    """

    predicted: npt.NDArray[np.int64]
    true: npt.NDArray[np.int64]
    predicted_matched: npt.NDArray[np.int64]
    true_matched: npt.NDArray[np.int64]


def exact_match(predicted: npt.NDArray[np.int64], true: npt.NDArray[np.int64]) -> npt.NDArray:
    """Whether each predicted span has a true span with the same document, start, end, label.

    Both arguments have shape (S, 4): document, start, end, label.

    >>> exact_match(np.array([[0, 0, 5, 1], [0, 6, 9, 1]]), np.array([[0, 0, 5, 1]])).tolist()
    [True, False]
    """
    row = _row_ids(np.concatenate([predicted, true]).reshape(-1, 4))
    return np.isin(row[: len(predicted)], row[len(predicted) :])


def _row_ids(rows: npt.NDArray[np.int64]) -> npt.NDArray[np.intp]:
    """An integer per row, equal for equal rows (a lexsort, faster than unique(axis=0))."""
    order = np.lexsort(rows.T[::-1])
    ordered = rows[order]
    new = np.ones(len(rows), dtype=bool)
    new[1:] = (ordered[1:] != ordered[:-1]).any(axis=1)
    ids = np.empty(len(rows), dtype=np.intp)
    ids[order] = np.cumsum(new) - 1
    return ids


def overlap_match(predicted: npt.NDArray[np.int64], true: npt.NDArray[np.int64]) -> npt.NDArray:
    """Whether each predicted span shares a character with a true span of its document and label.

    >>> overlap_match(np.array([[0, 0, 5, 1], [0, 6, 9, 1]]), np.array([[0, 3, 7, 1]])).tolist()
    [True, True]
    """
    predicted, true = predicted.reshape(-1, 4), true.reshape(-1, 4)
    if true.size == 0:
        return np.zeros(len(predicted), dtype=bool)
    stride = int(max(predicted[:, 2].max(initial=0), true[:, 2].max())) + 1
    n_labels = int(max(predicted[:, 3].max(initial=0), true[:, 3].max())) + 1
    true_group = true[:, 0] * n_labels + true[:, 3]
    order = np.lexsort((true[:, 1], true_group))
    group, start, end = true_group[order], true[order, 1], true[order, 2]
    # Within a group, the furthest end reached by any true span that starts before a point.
    reach = np.maximum.accumulate(group * stride + end) - group * stride
    predicted_group = predicted[:, 0] * n_labels + predicted[:, 3]
    last = np.searchsorted(group * stride + start, predicted_group * stride + predicted[:, 2]) - 1
    found = last >= 0
    last = np.maximum(last, 0)
    return found & (group[last] == predicted_group) & (reach[last] > predicted[:, 1])


def span_counts(
    predicted: npt.ArrayLike, true: npt.ArrayLike, *, match: Matcher, n_labels: int
) -> SpanCounts:
    """Per-label counts of predicted, true and matched spans (seqeval's tp, pred, true).

    ``predicted`` and ``true`` have shape (S, 4): document, start, end, label in 0..K-1.
    A predicted span is matched when ``match`` finds a true span for it, and a true span
    when ``match`` with the roles swapped finds a predicted one.

    >>> counts = span_counts([[0, 0, 5, 0], [0, 6, 9, 1]], [[0, 0, 5, 0], [0, 6, 8, 1]],
    ...                      match=exact_match, n_labels=2)
    >>> counts.predicted.tolist(), counts.predicted_matched.tolist()
    ([1, 1], [1, 0])
    """
    pred = np.asarray(predicted, dtype=np.int64).reshape(-1, 4)
    gold = np.asarray(true, dtype=np.int64).reshape(-1, 4)
    for name, spans in (("predicted", pred), ("true", gold)):
        if ((spans[:, 3] < 0) | (spans[:, 3] >= n_labels)).any():
            raise ValueError(f"{name} span labels must be codes 0..{n_labels - 1}.")
        if (spans[:, 2] <= spans[:, 1]).any():
            raise ValueError(f"Every {name} span must end after it starts.")

    def per_label(spans: npt.NDArray[np.int64], weights: npt.NDArray | None = None) -> npt.NDArray:
        return np.bincount(spans[:, 3], weights=weights, minlength=n_labels).astype(np.int64)

    return SpanCounts(
        predicted=per_label(pred),
        true=per_label(gold),
        predicted_matched=per_label(pred, match(pred, gold).astype(np.float64)),
        true_matched=per_label(gold, match(gold, pred).astype(np.float64)),
    )


class PrecisionRecallF1(NamedTuple):
    precision: npt.NDArray[np.float64]
    recall: npt.NDArray[np.float64]
    f1: npt.NDArray[np.float64]


def precision_recall_f1(counts: SpanCounts, *, zero_division: float = 0.0) -> PrecisionRecallF1:
    """Precision, recall and F1 per label (shape (K,)); sum the counts first for micro scores.

    A ratio whose denominator is 0 (no predicted spans, no true spans) is ``zero_division``.

    >>> counts = SpanCounts(np.array([4, 0]), np.array([2, 0]), np.array([1, 0]), np.array([1, 0]))
    >>> [x.tolist() for x in precision_recall_f1(counts)]
    [[0.25, 0.0], [0.5, 0.0], [0.3333333333333333, 0.0]]
    """
    precision = _divide(counts.predicted_matched, counts.predicted, zero_division)
    recall = _divide(counts.true_matched, counts.true, zero_division)
    f1 = _divide(2 * precision * recall, precision + recall, zero_division)
    return PrecisionRecallF1(precision, recall, f1)


def _divide(
    numerator: npt.ArrayLike, denominator: npt.ArrayLike, zero_division: float
) -> npt.NDArray:
    numerator = np.asarray(numerator, dtype=np.float64)
    denominator = np.asarray(denominator, dtype=np.float64)
    safe = np.where(denominator == 0, 1.0, denominator)
    return np.where(denominator == 0, zero_division, numerator / safe)


def _ratio(numerator: float, denominator: float) -> float:
    """numerator / denominator, nan when the denominator is 0 (the metric is undefined)."""
    return float(numerator / denominator) if denominator != 0 else float("nan")


def _ratio_complement(observed: float, expected: float) -> float:
    """1 - D_o / D_e, nan when D_e is 0."""
    return 1.0 - _ratio(observed, expected)
