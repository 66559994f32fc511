"""Reference numbers for the boosting unit tests, from numpy 1.24 and scikit-learn 1.2.1.

Run with Debian's python (apt-get install python3-sklearn), then format the fixtures as the repo does:
    /usr/bin/python3 src/core/boosting/sklearnReference.py && npx biome format --write src/core/boosting/fixtures
It prints the small bin-cut cases that featureBins.test.ts hard-codes (repr, full precision) and
writes fixtures/featureBins.json (the larger bin-cut cases) and fixtures/sklearnForest.json
(a data set, scikit-learn's HistGradientBoostingClassifier fitted on its first 2,000 rows and
its decision_function / predict_proba on the last 1,000), read by fitForest.test.ts.
Every input value is a multiple of 1/16 (or an integer), so it is exact in float32 and the
float32 inputs the TypeScript side reads are the float64 ones scikit-learn read.
"""

import json
import os

import numpy as np
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.ensemble._hist_gradient_boosting.binning import _find_binning_thresholds

HERE = os.path.dirname(os.path.abspath(__file__))
print("numpy", np.__version__, "sklearn", sklearn.__version__)


def cuts_of(values, max_bins):
    """scikit-learn's _BinMapper cut points of one column, and the same deduplicated (as fitBinCuts keeps them)."""
    raw = _find_binning_thresholds(np.asarray(values, dtype=np.float64), max_bins)
    return raw, np.unique(raw)


def bin_case(values, max_bins, queries):
    raw, unique = cuts_of(values, max_bins)
    return {
        "values": [float(v) for v in values],
        "maxBins": max_bins,
        "distinct": int(len(np.unique(values))),
        "sklearnCuts": len(raw),
        "cuts": [float(c) for c in unique],
        "queries": [float(q) for q in queries],
        # sklearn's _map_to_bins rule, the number of cut points strictly below the value (x ≤ cut goes
        # left), on the deduplicated cuts: sklearn's own bins skip the empty bins between equal cuts.
        "bins": [int(b) for b in np.searchsorted(unique, queries, side="left")],
        "binsOfValues": [int(b) for b in np.searchsorted(unique, values, side="left")],
    }


# ------------------------------------------------------------------ small bin-cut cases (inline)
SMALL = {
    # 5 distinct values, 8 bins: one bin per value, cut at the midpoints
    "fewDistinct": bin_case([3, 1, 2, 2, 5, 1, 3, 8, 5, 5], 8, [0, 1, 1.5, 2, 2.5, 3, 4, 6.5, 8, 9]),
    # exactly maxBins = 4 distinct values: still midpoints (the rule is distinct ≤ maxBins)
    "distinctEqualsMaxBins": bin_case([0.5, 0.25, 0.75, 1, 0.25, 1], 4, [0.375, 0.625, 0.875]),
    # 5 distinct values, 4 bins: quantiles. n = 7, (n − 1)·q/4 = 1.5, 3, 4.5
    "oneTooMany": bin_case([1, 2, 3, 4, 5, 5, 5], 4, [1.5, 4, 5, 6]),
    # 41 values with duplicates, 4 bins: positions 10, 20, 30 are whole (cut = that order statistic)
    "duplicates41By4": bin_case([int(v) for v in np.random.default_rng(7).integers(0, 12, 41)], 4, [0, 2, 5, 8, 11]),
}
# the same 41 values, 8 bins: positions 5, 10, …, 35 whole
SMALL["duplicates41By8"] = bin_case(SMALL["duplicates41By4"]["values"], 8, [0, 3, 6, 9, 12])
# 40 values, 8 bins: positions 39·q/8 are never whole (midpoints of neighbours)
SMALL["duplicates40By8"] = bin_case(SMALL["duplicates41By4"]["values"][:40], 8, [0, 3, 6, 9, 12])
# 20 values, 12 of them 1, 4 bins: positions 4.75, 9.5, 14.25 give quantiles 1, 1, 4.5 (sklearn keeps
# both 1s, an empty bin between them; fitBinCuts keeps one)
SMALL["heavyTie"] = bin_case([1] * 12 + [2, 3, 4, 5, 6, 7, 8, 9], 4, [0.5, 1, 1.5, 4.5, 5])
for name, case in SMALL.items():
    print(name, json.dumps(case))

# ------------------------------------------------------------------ larger bin-cut cases (json)
rng = np.random.default_rng(20240611)
wide = np.round(rng.normal(0, 4, 1000) * 16) / 16 + 0.0  # 270 distinct values, repeated near 0 (+ 0.0: no −0)
assert len(np.unique(wide)) > 255
LARGE = {
    "normal1000By255": bin_case(wide, 255, np.concatenate([[-100.0, 100.0], np.unique(wide)[::7]])),
    "normal1000By8": bin_case(wide, 8, [-100.0, 0.0, 100.0]),
    # n = 511 distinct values, 255 bins: (n − 1)·q/255 = 2q is whole, but numpy computes it as
    # (n − 1)·((q·(100/255))/100), which rounds below 2q for some q (q = 15: 29.999999999999996),
    # so numpy's cut is the midpoint 29.5, not the order statistic 30.
    "distinct511By255": bin_case(np.arange(511, dtype=np.float64), 255, [29.5, 30, 30.5]),
}
with open(os.path.join(HERE, "fixtures", "featureBins.json"), "w") as f:
    json.dump(LARGE, f)
for name, case in LARGE.items():
    print(name, "distinct", case["distinct"], "sklearn cuts", case["sklearnCuts"], "unique", len(case["cuts"]))

# ------------------------------------------------------------------ a forest against scikit-learn
rng = np.random.default_rng(12345)
N, N_FIT = 3000, 2000
x1 = np.round(rng.normal(0, 2, N) * 16) / 16  # several hundred distinct values: quantile bins
x2 = np.round(rng.uniform(-3, 3, N) * 16) / 16  # 97 distinct: one bin per value
x3 = np.round(rng.normal(0, 1, N) * 16) / 16
x4 = rng.integers(0, 10, N).astype(np.float64) / 16  # 10 distinct
x5 = np.round(rng.exponential(1, N) * 16) / 16  # skewed
x6 = (rng.random(N) < 0.4).astype(np.float64)  # binary
X = np.column_stack([x1, x2, x3, x4, x5, x6]) + 0.0  # + 0.0 turns np.round's −0 into 0
assert np.all(X.astype(np.float32).astype(np.float64) == X)
z = 1.5 * np.sin(x1) + 0.8 * x2 * x3 - 8 * (x4 - 0.3) ** 2 + 0.6 * np.log1p(x5) - 0.9 * x6 + 0.7 * x6 * (x2 > 0)
y = (rng.random(N) < 1 / (1 + np.exp(-z))).astype(np.int64)

params = dict(max_iter=50, learning_rate=0.1, max_leaf_nodes=31, min_samples_leaf=20, l2_regularization=0.0, max_bins=255, early_stopping=False)
model = HistGradientBoostingClassifier(**params).fit(X[:N_FIT], y[:N_FIT])
assert model.n_iter_ == 50
decision = model.decision_function(X[N_FIT:])
proba = model.predict_proba(X[N_FIT:])[:, 1]
staged = list(model.staged_decision_function(X[N_FIT:]))
fixture = {
    "about": "sklearnReference.py: HistGradientBoostingClassifier(%s) fitted on rows [0, %d), scored on rows [%d, %d); sklearn %s, numpy %s"
    % (", ".join(f"{k}={v}" for k, v in params.items()), N_FIT, N_FIT, N, sklearn.__version__, np.__version__),
    "width": X.shape[1],
    "fitRows": N_FIT,
    "x": [float(v) for v in X.ravel()],
    "y": [int(v) for v in y],
    "baseline": float(model._baseline_prediction.ravel()[0]),
    "binThresholds": [[float(t) for t in th] for th in model._bin_mapper.bin_thresholds_],
    "leavesPerTree": [int(p[0].get_n_leaf_nodes()) for p in model._predictors],
    "decisionFunction": [float(v) for v in decision],
    "decisionAfter1Tree": [float(v) for v in staged[0]],
    "decisionAfter10Trees": [float(v) for v in staged[9]],
    # the last tree count before the first tie between two thresholds that split the fitting rows
    # alike (tree 17; see fitForest.test.ts), after which a few test rows may differ by a leaf value
    "decisionAfter16Trees": [float(v) for v in staged[15]],
    "predictProba": [float(v) for v in proba],
}
with open(os.path.join(HERE, "fixtures", "sklearnForest.json"), "w") as f:
    json.dump(fixture, f)
auc_rows = np.argsort(decision)
ranks = np.empty(len(decision))
ranks[auc_rows] = np.arange(1, len(decision) + 1)
pos = y[N_FIT:] == 1
auc = (ranks[pos].sum() - pos.sum() * (pos.sum() + 1) / 2) / (pos.sum() * (~pos).sum())
print("forest: base rate", y[:N_FIT].mean(), "test AUC", auc, "leaves per tree", fixture["leavesPerTree"][:10], "...")
