"""scikit-learn reference for `npm run evaluate`: 5-fold stratified mean AUC with the protocol of
../shared/data/README.md (numeric: median imputation + standard scaling; text: a constant "missing"
level + one-hot; MLPClassifier(32) and LogisticRegression with their defaults, random_state 42).

The data README gives single 80/20 splits; on 614 or 1,000 rows one split moves AUC by several
hundredths, so this prints the 5-fold means our figures are compared with in the README.
Usage: /usr/bin/python3 bench/sklearn_reference.py  (Debian python3-sklearn and python3-pandas; not part of npm test)
"""
import json
import sys
import time
import warnings

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

warnings.filterwarnings("ignore")
DATA = "../shared/data/"
SETS = [
    ("credit_risk_dataset.csv", "loan_status", 1, []),
    ("german_credit.csv", "class", 2, []),
    ("loan_prediction_train.csv", "Loan_Status", "Y", ["Loan_ID"]),
]
MODELS = {
    "LogisticRegression": lambda: LogisticRegression(max_iter=1000),
    "MLP(32)": lambda: MLPClassifier(hidden_layer_sizes=(32,), random_state=42),
}


def pipeline(frame, model):
    numeric = frame.select_dtypes("number").columns.tolist()
    text = [c for c in frame.columns if c not in numeric]
    features = ColumnTransformer([
        ("numeric", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        ("text", make_pipeline(SimpleImputer(strategy="constant", fill_value="missing"), OneHotEncoder(handle_unknown="ignore")), text),
    ])
    return make_pipeline(features, model)


results = []
for file, target, positive, drop in SETS:
    data = pd.read_csv(DATA + file)
    y = (data[target] == positive).astype(int).to_numpy()
    x = data.drop(columns=[target, *drop])
    for name, make in MODELS.items():
        aucs = []
        started = time.time()
        for train, test in StratifiedKFold(5, shuffle=True, random_state=42).split(x, y):
            fitted = pipeline(x, make()).fit(x.iloc[train], y[train])
            aucs.append(roc_auc_score(y[test], fitted.predict_proba(x.iloc[test])[:, 1]))
        results.append({"file": file, "model": name, "meanAuc": round(sum(aucs) / len(aucs), 4), "folds": [round(a, 4) for a in aucs], "seconds": round(time.time() - started, 1)})
        print(json.dumps(results[-1]), file=sys.stderr)
print(json.dumps(results, indent=2))
