"""Reference numbers for the calibration unit tests, from scikit-learn 1.2 and scipy.

Run with Debian's python:  /usr/bin/python3 src/core/calibration/sklearnReference.py
The tests in platt.test.ts and isotonic.test.ts hard-code what this prints (repr, full precision).
"""

import numpy as np
import sklearn
from scipy.optimize import minimize
from scipy.special import expit, xlogy
from sklearn.calibration import _sigmoid_calibration
from sklearn.isotonic import IsotonicRegression

print("sklearn", sklearn.__version__)


def show(name, values):
    print(f"{name} = [{', '.join(repr(float(v)) for v in np.ravel(values))}]")


# ---------------------------------------------------------------- isotonic
QUERIES = [-10.0, 0.5, 1.0, 1.5, 2.0, 2.25, 2.5, 3.0, 3.7, 4.0, 4.5, 5.0, 5.5, 6.0, 6.5, 7.0, 100.0]
show("isotonic queries", QUERIES)

ISOTONIC_CASES = {
    # ties in x (2, 2 and 6, 6) and two violators (the tie block at 2 and the 1 → 0 at 4 → 5)
    "ties": dict(x=[1, 2, 2, 3, 4, 5, 6, 6, 7], y=[0, 1, 0, 0, 1, 0, 1, 1, 1]),
    # a long flat run (x = 1 … 5 pool to one block): only its first and last point are kept
    "flat": dict(x=[0, 1, 2, 3, 4, 5, 6, 7], y=[0, 1, 1, 0, 0, 0, 1, 1]),
    # unsorted input with weights, including a zero weight (dropped) and a weighted tie at x = 3
    "weighted": dict(
        x=[5, 3, 1, 3, 2, 4, 6, 0],
        y=[0.2, 0.9, 0.4, 0.1, 0.3, 0.8, 1.0, 0.5],
        w=[1.0, 2.0, 0.5, 1.0, 3.0, 0.0, 1.0, 1.5],
    ),
    # x values 2.2e-16 apart count as one tie (sklearn merges gaps below float64 resolution, 1e-15)
    "near tie": dict(x=[0.0, 1.0, 1.0 + 2.0**-52, 2.0], y=[0, 1, 0, 1]),
    # 300 rows on 40 integer x values, labels trending up with x: many blocks, merges and backtracking.
    # Integer formulas, so the TypeScript test regenerates exactly the same rows.
    "larger": dict(
        x=[(i * 37 % 101) % 40 for i in range(300)],
        y=[1 if (i * i * 7 % 11) + ((i * 37 % 101) % 40) / 8 > 7 else 0 for i in range(300)],
    ),
}
for name, case in ISOTONIC_CASES.items():
    ir = IsotonicRegression(out_of_bounds="clip", increasing=True)
    ir.fit(np.array(case["x"], dtype=float), np.array(case["y"], dtype=float), sample_weight=case.get("w"))
    print(f"isotonic {name}")
    show("  X_thresholds_", ir.X_thresholds_)
    show("  y_thresholds_", ir.y_thresholds_)
    show("  predict(queries)", ir.predict(np.array(QUERIES)))


# ---------------------------------------------------------------- Platt
def platt_objective(F, y, AB):
    # the same smoothed-target objective as _sigmoid_calibration; minimised again to a tighter tolerance
    # because fmin_bfgs stops at a gradient of 1e-5, so its A, B are only good to about 1e-6
    prior1 = float(np.sum(y > 0))
    prior0 = len(y) - prior1
    T = np.where(y > 0, (prior1 + 1.0) / (prior1 + 2.0), 1.0 / (prior0 + 2.0))
    P = expit(-(AB[0] * F + AB[1]))
    return -(xlogy(T, P) + xlogy(1.0 - T, 1.0 - P)).sum()


def platt_hessian(F, y, AB):
    P = expit(-(AB[0] * F + AB[1]))
    d = P * (1.0 - P)
    return np.array([[np.dot(d, F * F), np.dot(d, F)], [np.dot(d, F), np.sum(d)]])


def platt_gradient(F, y, AB):
    prior1 = float(np.sum(y > 0))
    prior0 = len(y) - prior1
    T = np.where(y > 0, (prior1 + 1.0) / (prior1 + 2.0), 1.0 / (prior0 + 2.0))
    P = expit(-(AB[0] * F + AB[1]))
    return np.array([np.dot(T - P, F), np.sum(T - P)])


PLATT_CASES = {
    # 20 overlapping scores: 8 positives, 12 negatives
    "overlap": dict(
        f=[-3.1, -2.4, -2.0, -1.7, -1.2, -0.9, -0.6, -0.3, -0.1, 0.0, 0.2, 0.4, 0.5, 0.8, 1.1, 1.3, 1.9, 2.2, 2.8, 3.5],
        y=[0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1],
    ),
    # perfectly separated classes: the smoothed targets keep the optimum finite
    "separated": dict(f=[-2.0, -1.5, -1.0, -0.5, 0.5, 1.0, 1.5, 2.0], y=[0, 0, 0, 0, 1, 1, 1, 1]),
}
for name, case in PLATT_CASES.items():
    F = np.array(case["f"], dtype=float)
    y = np.array(case["y"], dtype=float)
    A, B = _sigmoid_calibration(F, y)
    tight = minimize(lambda ab: platt_objective(F, y, ab), np.array([A, B]),
                     jac=lambda ab: platt_gradient(F, y, ab), hess=lambda ab: platt_hessian(F, y, ab),
                     method="trust-exact", options={"gtol": 1e-13}).x
    print(f"platt {name}")
    print(f"  _sigmoid_calibration A, B = {A!r}, {B!r}   objective {platt_objective(F, y, [A, B])!r}")
    print(f"  tight trust-exact    A, B = {tight[0]!r}, {tight[1]!r}   objective {platt_objective(F, y, tight)!r}")
    print(f"  gradient at the tight optimum = {platt_gradient(F, y, tight)!r}")
