"""scikit-learn reference for `npm run evaluate`: the 5-fold protocol of ../shared/data/README.md.

Usage (from the repo root; Debian python3-sklearn 1.2 and python3-pandas; not part of npm test):
    /usr/bin/python3 bench/sklearn_reference.py                       # all four data sets
    /usr/bin/python3 bench/sklearn_reference.py --only german_credit.csv
    /usr/bin/python3 bench/sklearn_reference.py --seed 0     # the models' random_state (default 42)
`--only` takes a file name (every set read from that file) or a set name (the `set` field below).
JSON (a list of records, one per data set and model) goes to stdout; progress lines and, at the
end, a Markdown table (rows = data sets; columns = base-rate log loss, then "AUC / log loss" per
model, fold means) go to stderr. About 7 CPU-minutes, most of it MLP on the two credit_risk sets
(13 minutes wall-clock on a 2-core machine busy with other jobs; fit times are then inflated too,
HistGradientBoosting's OpenMP threads worst of all).

Protocol
- Folds: StratifiedKFold(5, shuffle=True, random_state=42) on each set, the same folds for every model.
- Label y = 1 for BAD in every set, so log loss, Brier and ECE are about the probability of bad:
    credit_risk_dataset.csv      bad = loan_status 1
    german_credit.csv            bad = class 2
    loan_prediction_train.csv    bad = Loan_Status N (Loan_ID dropped: an identifier)
    credit_risk_5pct_bad         credit_risk_dataset.csv with the defaults subsampled to 5 %:
        every good row (loan_status 0) is kept; of the bad rows (loan_status 1),
        round(0.05 / 0.95 · goods) are kept, chosen by
        numpy.random.RandomState(42).choice(bad row positions, size, replace=False); the kept rows
        stay in file order. 25,473 goods + 1,341 bads = 26,814 rows, bad rate 0.0500.
- Preprocessing, fitted on each training fold only:
    numeric: SimpleImputer(median) [add_indicator=True for "+ind": one "was missing" 0/1 column per
             numeric column with missing values in the training fold] then StandardScaler
    text:    SimpleImputer(constant "missing") then OneHotEncoder(handle_unknown="ignore")
    HistGradientBoosting instead gets the numeric columns untouched (NaN = native missing values) and
    the text columns through OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=NaN,
    encoded_missing_value=NaN) as native categories (`categorical_features` = their positions in the
    transformed matrix). `encoded_missing_value` exists in 1.2 (added in 1.1); checked on 1.2.1.
- Models: LogisticRegression(max_iter=1000) +ind; MLPClassifier(hidden_layer_sizes=(32,),
  random_state=42) without and with indicators; HistGradientBoostingClassifier(random_state=42)
  (its defaults: early stopping on a 10 % validation split above 10,000 rows, so on the credit_risk sets).
  MLP stops at max_iter=200 without converging on credit_risk (the ConvergenceWarning is silenced).
- Metrics on each held-out fold (p = predicted probability of bad):
    auc      roc_auc_score
    ks       max(TPR − FPR) over roc_curve thresholds (the app reports max |TPR − FPR|; the same
             whenever the model ranks better than chance, as all of these do)
    logloss  mean cross-entropy in nats, p clipped to [1e-7, 1 − 1e-7] as the app's computeLogLoss
    loglossSklearn  sklearn.metrics.log_loss (clips at float64 eps ≈ 2.2e-16 instead). MLP and
             HistGB do output p below 1e-7 and exactly 1.0, so the two can differ in the 4th
             decimal (MLP(32) on credit_risk, --seed 0: 0.2253 clipped vs 0.2254 sklearn)
    brier    mean (p − y)²
    ece      10 equal-width bins [k/10, (k+1)/10), the last closed at 1:
             Σ_b n_b/N · |mean p in b − bad rate in b| (empty bins contribute 0)
    baselineLogloss, baselineBrier  the constant prediction p = the training fold's bad rate
    meanPredicted, observedRate     mean p and the bad rate on the held-out fold
    fitSeconds                      wall-clock of the pipeline's fit (preprocessing + model)
  `mean` and `sd` are over the 5 folds (sd: sample standard deviation, ddof 1, as summariseFolds).

Against ../shared/data/README.md ("5-fold means"): that table was made with the same folds but
the models at random_state=0, not 42. `--seed 0` reproduces it (AUC exactly, log loss exactly with
loglossSklearn), e.g. credit_risk MLP(32) 0.9218 / 0.2254, MLP(32) +ind 0.9178 / 0.2333, HistGB
0.9446 / 0.1896. With the default 42: MLP(32) 0.9187 / 0.2332, MLP(32) +ind 0.9205 / 0.2268,
HistGB 0.9437 / 0.1907 (HistGB's seed only picks the early-stopping split). LogisticRegression does
not depend on the seed. So the MLP ranking of "+ind" vs no indicators on credit_risk and
loan_prediction flips with the seed alone: differences under ~0.01 AUC between MLP variants are noise.
"""
import argparse
import json
import sys
import time
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score, roc_curve
from sklearn.model_selection import StratifiedKFold
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler

warnings.filterwarnings("ignore")
DATA = "../shared/data/"
BINS = 10
CLIP = 1e-7
METRICS = ["auc", "ks", "logloss", "loglossSklearn", "brier", "ece", "baselineLogloss", "baselineBrier", "meanPredicted", "observedRate", "fitSeconds"]


def subsample_bads(data, target, bad, share, seed):
    """All goods; a RandomState(seed) subset of the bads so that bads / rows ≈ share; file order kept."""
    is_bad = (data[target] == bad).to_numpy()
    goods = np.flatnonzero(~is_bad)
    keep = int(round(share / (1 - share) * len(goods)))
    bads = np.random.RandomState(seed).choice(np.flatnonzero(is_bad), size=keep, replace=False)
    return data.iloc[np.sort(np.concatenate([goods, bads]))].reset_index(drop=True)


# (set name, file, target column, bad value, columns to drop, transform of the read frame)
SETS = [
    ("credit_risk_dataset", "credit_risk_dataset.csv", "loan_status", 1, [], None),
    ("german_credit", "german_credit.csv", "class", 2, [], None),
    ("loan_prediction_train", "loan_prediction_train.csv", "Loan_Status", "N", ["Loan_ID"], None),
    ("credit_risk_5pct_bad", "credit_risk_dataset.csv", "loan_status", 1, [], lambda d: subsample_bads(d, "loan_status", 1, 0.05, 42)),
]
LABELS = {  # Markdown row labels
    "credit_risk_dataset": "credit_risk_dataset (loan_status = 1)",
    "german_credit": "german_credit (class = 2)",
    "loan_prediction_train": "loan_prediction_train (Loan_Status = N)",
    "credit_risk_5pct_bad": "credit_risk, bads subsampled to 5 % (loan_status = 1)",
}


def one_hot_pipeline(model, indicators):
    def build(numeric, text, seed):
        features = ColumnTransformer([
            ("numeric", make_pipeline(SimpleImputer(strategy="median", add_indicator=indicators), StandardScaler()), numeric),
            ("text", make_pipeline(SimpleImputer(strategy="constant", fill_value="missing"), OneHotEncoder(handle_unknown="ignore")), text),
        ])
        return make_pipeline(features, model(seed))
    return build


def native_pipeline(numeric, text, seed):
    features = ColumnTransformer([
        ("text", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=np.nan, encoded_missing_value=np.nan), text),
        ("numeric", "passthrough", numeric),
    ])
    # The text columns come first in the transformed matrix: positions 0 … len(text) − 1.
    model = HistGradientBoostingClassifier(random_state=seed, categorical_features=list(range(len(text))) or None)
    return make_pipeline(features, model)


MODELS = {
    "LogisticRegression +ind": one_hot_pipeline(lambda seed: LogisticRegression(max_iter=1000), True),
    "MLP(32)": one_hot_pipeline(lambda seed: MLPClassifier(hidden_layer_sizes=(32,), random_state=seed), False),
    "MLP(32) +ind": one_hot_pipeline(lambda seed: MLPClassifier(hidden_layer_sizes=(32,), random_state=seed), True),
    "HistGradientBoosting": native_pipeline,
}


def probability_bins(p, bins=BINS):
    """Bin k of [k/bins, (k+1)/bins), the last closed; corrected at the edges as the app's probabilityBin."""
    k = np.minimum(bins - 1, np.floor(p * bins).astype(int))
    k = np.where((k > 0) & (p < k / bins), k - 1, k)
    return np.where((k < bins - 1) & (p >= (k + 1) / bins), k + 1, k)


def ece(y, p, bins=BINS):
    k = probability_bins(p, bins)
    total = 0.0
    for b in np.unique(k):
        inside = k == b
        total += inside.sum() / len(p) * abs(p[inside].mean() - y[inside].mean())
    return total


def logloss(y, p):
    p = np.clip(p, CLIP, 1 - CLIP)
    return float(-np.mean(np.where(y == 1, np.log(p), np.log(1 - p))))


def fold_metrics(y, p, train_rate):
    assert np.all((p >= 0) & (p <= 1)), "probabilities outside [0, 1]"
    fpr, tpr, _ = roc_curve(y, p)
    constant = np.full(len(y), train_rate)
    return {
        "auc": roc_auc_score(y, p),
        "ks": float(np.max(tpr - fpr)),
        "logloss": logloss(y, p),
        "loglossSklearn": float(log_loss(y, p, labels=[0, 1])),
        "brier": float(np.mean((p - y) ** 2)),
        "ece": ece(y, p),
        "baselineLogloss": logloss(y, constant),
        "baselineBrier": float(np.mean((constant - y) ** 2)),
        "meanPredicted": float(p.mean()),
        "observedRate": float(y.mean()),
    }


def load(file, target, bad, drop, transform):
    data = pd.read_csv(DATA + file)
    if transform:
        data = transform(data)
    y = (data[target] == bad).astype(int).to_numpy()
    x = data.drop(columns=[target, *drop])
    numeric = x.select_dtypes("number").columns.tolist()
    text = [c for c in x.columns if c not in numeric]
    return x, y, numeric, text


def markdown(results, sets, seed):
    models = list(MODELS)
    by = {(r["set"], r["model"]): r for r in results}
    lines = [
        "| data set (bad =) | base-rate log loss | " + " | ".join(models) + " |",
        "|---|---|" + "---|" * len(models),
    ]
    for name in sets:
        rows = [by[(name, m)] for m in models if (name, m) in by]
        if not rows:
            continue
        best_auc = max(r["mean"]["auc"] for r in rows)
        best_loss = min(r["mean"]["logloss"] for r in rows)
        cells = []
        for m in models:
            r = by.get((name, m))
            if r is None:
                cells.append("")
                continue
            auc, loss = f'{r["mean"]["auc"]:.4f}', f'{r["mean"]["logloss"]:.4f}'
            cells.append(f'{f"**{auc}**" if r["mean"]["auc"] == best_auc else auc} / {f"**{loss}**" if r["mean"]["logloss"] == best_loss else loss}')
        lines.append(f'| {LABELS[name]} | {rows[0]["mean"]["baselineLogloss"]:.4f} | ' + " | ".join(cells) + " |")
    lines.append("")
    lines.append(f"(AUC / log loss, means over StratifiedKFold(5, shuffle, random_state 42); models' random_state {seed}; "
                 f"log loss clipped at 1e-7 as the app; bold = best of the row; scikit-learn {sklearn.__version__}.)")
    fit = [f'{m} {by[(s, m)]["mean"]["fitSeconds"]:.2f} s' for s in ["credit_risk_dataset"] for m in models if (s, m) in by]
    if fit:
        lines.append("Fit time per fold on credit_risk: " + ", ".join(fit) + ".")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", metavar="FILE", help="run only the sets read from this file, or the set of this name")
    parser.add_argument("--seed", type=int, default=42, help="random_state of MLP and HistGradientBoosting (default 42; the folds always use 42)")
    args = parser.parse_args()
    sets = [s for s in SETS if args.only is None or args.only in (s[0], s[1])]
    if not sets:
        parser.error(f'--only {args.only}: not a file or set name (choose from {", ".join(sorted({s[1] for s in SETS} | {s[0] for s in SETS}))})')

    results = []
    for name, file, target, bad, drop, transform in sets:
        x, y, numeric, text = load(file, target, bad, drop, transform)
        print(f"{name}: {len(y)} rows, {y.sum()} bad ({y.mean():.4f}); numeric {numeric}; text {text}", file=sys.stderr)
        splits = list(StratifiedKFold(5, shuffle=True, random_state=42).split(x, y))
        for model, build in MODELS.items():
            folds = []
            for index, (train, test) in enumerate(splits, 1):
                pipeline = build(numeric, text, args.seed)
                started = time.perf_counter()
                pipeline.fit(x.iloc[train], y[train])
                seconds = time.perf_counter() - started
                p = pipeline.predict_proba(x.iloc[test])[:, 1]
                folds.append({"fold": index, "trainRows": len(train), "testRows": len(test),
                              **fold_metrics(y[test], p, y[train].mean()), "fitSeconds": seconds})
            mean = {k: round(float(np.mean([f[k] for f in folds])), 4) for k in METRICS}
            sd = {k: round(float(np.std([f[k] for f in folds], ddof=1)), 4) for k in METRICS}
            folds = [{k: round(v, 4) if isinstance(v, float) else v for k, v in f.items()} for f in folds]
            results.append({"set": name, "file": file, "target": target, "bad": bad, "rows": int(len(y)), "bads": int(y.sum()),
                            "model": model, "seed": args.seed, "mean": mean, "sd": sd, "folds": folds})
            print(f'  {model:<24} AUC {mean["auc"]:.4f} ± {sd["auc"]:.4f}  KS {mean["ks"]:.4f}  log loss {mean["logloss"]:.4f} ± {sd["logloss"]:.4f}'
                  f'  Brier {mean["brier"]:.4f}  ECE {mean["ece"]:.4f}  mean p {mean["meanPredicted"]:.4f} vs {mean["observedRate"]:.4f}'
                  f'  (base rate: log loss {mean["baselineLogloss"]:.4f}, Brier {mean["baselineBrier"]:.4f})  fit {mean["fitSeconds"]:.2f} s/fold',
                  file=sys.stderr)
    print(json.dumps(results, indent=2))
    print("\n" + markdown(results, [s[0] for s in sets], args.seed), file=sys.stderr)


if __name__ == "__main__":
    main()
