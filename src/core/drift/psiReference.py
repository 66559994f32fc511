"""Reference values for psi.test.ts: PSI and score-bin drift, reimplemented with numpy.

Run with Debian's python:  /usr/bin/python3 src/core/drift/psiReference.py
It writes psiReference.json next to itself (floats as repr, so JSON.parse gives the same doubles);
then `npx biome format --write src/core/drift/psiReference.json`, as the lint checks JSON too.

PSI rule (as psi.ts states it): expected counts = share * expected_rows, 0.5 added to every bin's
count on both sides, shares = smoothed counts / smoothed total, PSI = sum (a - e) * ln(a / e).
Score bins: np.quantile (method 'linear', numpy's default) at t / bins, np.unique, then
np.searchsorted(edges, v, side='right') so a score equal to an edge goes to the bin above.
"""

import json
import pathlib

import numpy as np

print("numpy", np.__version__)
rng = np.random.default_rng(20240611)


def psi(expected_shares, expected_rows, actual_counts):
    e = np.asarray(expected_shares, dtype=float) * expected_rows + 0.5
    a = np.asarray(actual_counts, dtype=float) + 0.5
    e = e / e.sum()
    a = a / a.sum()
    terms = (a - e) * np.log(a / e)
    return float(terms.sum()), e.tolist(), a.tolist(), terms.tolist()


psi_cases = []
for case in range(16):
    k = int(rng.integers(2, 13))
    expected_rows = int(rng.integers(1, 5000))
    # Expected shares as a profile has them: counts of the reference rows over its rows, some bins empty.
    weights = rng.dirichlet(np.full(k, 0.7))
    expected_counts = rng.multinomial(expected_rows, weights)
    if case % 4 == 0:
        # An empty reference bin (its rows moved to the next): the smoothing must keep its term finite.
        empty = int(rng.integers(0, k))
        expected_counts[(empty + 1) % k] += expected_counts[empty]
        expected_counts[empty] = 0
    expected_shares = (expected_counts / expected_rows).tolist()
    actual_rows = int(rng.integers(0, 3000))
    # Half the batches come from the reference's own weights, half from shifted ones.
    actual_weights = weights if case % 2 == 0 else rng.dirichlet(np.full(k, 0.7))
    actual_counts = rng.multinomial(actual_rows, actual_weights).tolist()
    value, e, a, terms = psi(expected_shares, expected_rows, actual_counts)
    psi_cases.append(
        dict(
            expectedShares=expected_shares,
            expectedRows=expected_rows,
            actualCounts=actual_counts,
            psi=value,
            expectedSmoothed=e,
            actualSmoothed=a,
            contributions=terms,
        )
    )


def score_bins(reference, bins):
    quantiles = np.quantile(np.asarray(reference), np.arange(1, bins) / bins)
    edges = np.unique(quantiles)
    counts = np.bincount(np.searchsorted(edges, reference, side="right"), minlength=len(edges) + 1)
    return edges, counts


score_cases = []
for name, reference, actual, bins in [
    # continuous scores: ten bins of (nearly) equal counts
    ("continuous", rng.beta(2, 8, 500), rng.beta(2.5, 7, 400), 10),
    # scores rounded to two decimals: many ties, tied runs across deciles merge edges
    ("ties", np.round(rng.beta(1.2, 6, 300), 2), np.round(rng.beta(1.2, 5, 250), 2), 10),
    # a lump of identical scores (a third of the rows at 0.05) and an uneven bin count
    ("lump", np.concatenate([np.full(100, 0.05), rng.uniform(0, 1, 200)]), np.concatenate([np.full(20, 0.05), rng.uniform(0, 1, 80)]), 7),
]:
    edges, counts = score_bins(reference, bins)
    actual_counts = np.bincount(np.searchsorted(edges, actual, side="right"), minlength=len(edges) + 1)
    shares = counts / len(reference)
    value, e, a, terms = psi(shares, len(reference), actual_counts)
    score_cases.append(
        dict(
            name=name,
            bins=bins,
            reference=np.asarray(reference).tolist(),
            actual=np.asarray(actual).tolist(),
            edges=edges.tolist(),
            counts=counts.tolist(),
            actualCounts=actual_counts.tolist(),
            psi=value,
        )
    )
    print(name, "edges", len(edges), "counts", counts.tolist(), "psi", value)

out = pathlib.Path(__file__).with_name("psiReference.json")
out.write_text(json.dumps(dict(numpy=np.__version__, psi=psi_cases, scores=score_cases)) + "\n")
print("wrote", out, "psi cases", len(psi_cases))
