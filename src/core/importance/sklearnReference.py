"""Reference numbers for permutationImportance.test.ts, from scikit-learn 1.2.1 and numpy.

Run with Debian's python, then format the fixture as the repo does:
    /usr/bin/python3 src/core/importance/sklearnReference.py && npx biome format --write src/core/importance/sklearnPermutation.json
It writes sklearnPermutation.json: a data set of raw columns, its encoding (the inputs the
TypeScript side permutes, one group of slots per raw column), the hard-coded logistic-regression
coefficients both sides score with, and sklearn.inspection.permutation_importance's AUC drops.
scikit-learn permutes a raw column; the estimator encodes it (one-hot levels, a value and a "was
missing" indicator) inside predict_proba, so every slot of that column moves with the same row
permutation: what permutationImportance does to a slot group.
Every input value is a multiple of 1/64, so it is exact in float32 and the Float32Array the
TypeScript side reads holds the very numbers scikit-learn encoded.
"""

import json
import os

import numpy as np
import sklearn
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.inspection import permutation_importance
from sklearn.metrics import roc_auc_score

HERE = os.path.dirname(os.path.abspath(__file__))
print("numpy", np.__version__, "sklearn", sklearn.__version__)

ROWS = 2000
REPEATS = 30
DEBT_FILL = 3.0

# Raw columns: income (strong), age (weak), home (3 levels, moderate), debt (value with missing
# cells, filled, plus an indicator), noise (the model ignores it).
COLUMNS = ["income", "age", "home", "debt", "noise"]
# Encoded slots, in this order: income, age, home=0, home=1, home=2, debt, debt was missing, noise.
GROUPS = {"income": [0], "age": [1], "home": [2, 3, 4], "debt": [5, 6], "noise": [7]}
# Multiples of 1/8: with inputs on the 1/64 grid every product and sum is exact in float64, so
# both sides compute the very same logits; equal logits tie, distinct ones differ by 1/512 or
# more, and the AUC cannot depend on either side's rounding.
INTERCEPT = -0.375
COEFFICIENTS = [1.25, 0.375, 0.0, 0.875, -0.75, 0.5, -1.25, 0.0]


def grid(values):
    """Rounds to multiples of 1/64: exact in float32."""
    return np.round(np.asarray(values) * 64) / 64


rng = np.random.default_rng(20240611)
income = grid(rng.normal(0, 1, ROWS))
age = grid(rng.normal(0, 1, ROWS))
home = rng.integers(0, 3, ROWS).astype(np.float64)
debt = grid(rng.normal(1, 1, ROWS))
debt[rng.random(ROWS) < 0.2] = np.nan
noise = grid(rng.normal(0, 1, ROWS))
raw = np.column_stack([income, age, home, debt, noise])


def encode(x):
    """The slots of raw rows, float32 as the app's encoder writes them."""
    n = x.shape[0]
    out = np.zeros((n, 8), dtype=np.float32)
    out[:, 0] = x[:, 0]
    out[:, 1] = x[:, 1]
    for level in range(3):
        out[:, 2 + level] = x[:, 2] == level
    missing = np.isnan(x[:, 3])
    out[:, 5] = np.where(missing, DEBT_FILL, x[:, 3])
    out[:, 6] = missing
    out[:, 7] = x[:, 4]
    return out


def logit_of(encoded):
    """INTERCEPT + Σ coefficient · slot in float64, slot by slot in order (as the TypeScript score sums)."""
    z = np.full(encoded.shape[0], INTERCEPT)
    for s, c in enumerate(COEFFICIENTS):
        z = z + c * encoded[:, s].astype(np.float64)
    return z


class FixedLogistic(ClassifierMixin, BaseEstimator):
    """A logistic regression with hard-coded coefficients on the encoded raw columns."""

    def fit(self, x, y):
        self.classes_ = np.array([0, 1])
        return self

    def predict_proba(self, x):
        p = 1 / (1 + np.exp(-logit_of(encode(np.asarray(x)))))
        return np.column_stack([1 - p, p])


encoded = encode(raw)
labels = (rng.random(ROWS) < 1 / (1 + np.exp(-logit_of(encoded)))).astype(np.int64)
model = FixedLogistic().fit(raw, labels)
baseline = roc_auc_score(labels, model.predict_proba(raw)[:, 1])
result = permutation_importance(model, raw, labels, scoring="roc_auc", n_repeats=REPEATS, random_state=7)

# The bug a grouped permutation guards against: each slot of a group shuffled on its own (a row
# can then have two levels, or none). Its drops show the test's tolerance would catch it.
independent = {}
perm_rng = np.random.default_rng(11)
for name in ("home", "debt"):
    drops = []
    for _ in range(REPEATS):
        x = encoded.copy()
        for s in GROUPS[name]:
            x[:, s] = x[perm_rng.permutation(ROWS), s]
        drops.append(baseline - roc_auc_score(labels, 1 / (1 + np.exp(-logit_of(x)))))
    independent[name] = {"mean": float(np.mean(drops)), "std": float(np.std(drops))}

fixture = {
    "source": "sklearnReference.py, scikit-learn " + sklearn.__version__,
    "rows": ROWS,
    "width": 8,
    "repeats": REPEATS,
    "intercept": INTERCEPT,
    "coefficients": COEFFICIENTS,
    "groups": [{"column": name, "slots": GROUPS[name]} for name in COLUMNS],
    "x": [float(v) for v in encoded.ravel()],
    "labels": [int(v) for v in labels],
    "baselineAuc": float(baseline),
    "sklearn": [
        {
            "column": name,
            "mean": float(result.importances_mean[i]),
            "std": float(result.importances_std[i]),
            "drops": [float(v) for v in result.importances[i]],
        }
        for i, name in enumerate(COLUMNS)
    ],
    "independentSlots": independent,
}
with open(os.path.join(HERE, "sklearnPermutation.json"), "w") as f:
    json.dump(fixture, f)

print("bad rate", labels.mean(), "baseline AUC", baseline)
for item in fixture["sklearn"]:
    print(f"{item['column']:>7}: mean {item['mean']:.5f} std {item['std']:.5f}")
print("independent slots", independent)
