"""Reference for the ingest benchmark: the pandas pipeline TOOLCHAIN.md quotes, on the same file.

read_csv + drop_duplicates + ffill + a range filter (age-named columns within 0-150) + min-max
scaling of the numeric columns. Prints one JSON line: rows, seconds, rows/s, peak RSS.
Usage: python3 bench/pandas_reference.py FILE.csv
"""
import json
import re
import resource
import sys
import time

import pandas as pd

path = sys.argv[1]
started = time.perf_counter()
df = pd.read_csv(path)
rows_in = len(df)
df = df.drop_duplicates()
df = df.ffill()
for column in [c for c in df.columns if re.search(r"age", c, re.I)]:
    df = df[df[column].between(0, 150) | df[column].isna()]
numeric = df.select_dtypes("number").columns
low, high = df[numeric].min(), df[numeric].max()
df[numeric] = (df[numeric] - low) / (high - low).replace(0, 1)
seconds = time.perf_counter() - started
print(json.dumps({
    "pandas": pd.__version__,
    "rowsIn": rows_in,
    "rowsOut": len(df),
    "seconds": seconds,
    "rowsPerSecond": rows_in / seconds,
    "peakRssBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
}))
