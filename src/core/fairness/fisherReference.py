"""Reference values for fisherExact.test.ts: scipy 1.10.1's fisher_exact and an exact computation.

Run with Debian's python:  /usr/bin/python3 src/core/fairness/fisherReference.py
It writes fisherReference.json next to itself (floats as repr, so JSON.parse gives the same doubles);
then `npx biome format --write src/core/fairness/fisherReference.json`, as the lint checks JSON too.

For each table: scipy.stats.fisher_exact(table).pvalue, and the exact two-sided p-value (the sum of
the probabilities of the tables with the same margins whose probability is at most the observed
one's, ties exact): with Python's integers and fractions where the support is small enough, else
with 60-digit decimal logarithms of the factorials (exact integers to 3000, Stirling's series with
ten Bernoulli terms above, whose error is below 1e-60 there).
Also: hypergeometric log pmfs at large counts (scipy's logpmf and the 60-digit value) and Stirling's
error ln(n!) - (n ln n - n + ln(2 pi n) / 2) at 60 digits.
"""

import json
import math
import pathlib
import random
import time
from decimal import Decimal, getcontext
from fractions import Fraction

import scipy
from scipy.stats import fisher_exact, hypergeom

getcontext().prec = 60
print("scipy", scipy.__version__)

PI = Decimal("3.14159265358979323846264338327950288419716939937510582097494459")
HALF_LN_2PI = (2 * PI).ln() / 2
# B_2k / (2k (2k - 1)) for k = 1 ... 10: the Stirling series ln n! = n ln n - n + ln(2 pi n)/2 + sum c_k / n^(2k-1).
BERNOULLI = [Fraction(1, 6), Fraction(-1, 30), Fraction(1, 42), Fraction(-1, 30), Fraction(5, 66), Fraction(-691, 2730), Fraction(7, 6), Fraction(-3617, 510), Fraction(43867, 798), Fraction(-174611, 330)]
STIRLING = [Decimal(b.numerator) / Decimal(b.denominator * (2 * k) * (2 * k - 1)) for k, b in enumerate(BERNOULLI, start=1)]

_exact_cache = {}


def ln_factorial(n):
    if n < 2:
        return Decimal(0)
    if n <= 3000:
        if n not in _exact_cache:
            _exact_cache[n] = Decimal(math.factorial(n)).ln()
        return _exact_cache[n]
    d = Decimal(n)
    series = sum(c / d ** (2 * k - 1) for k, c in enumerate(STIRLING, start=1))
    return d * d.ln() - d + HALF_LN_2PI + d.ln() / 2 + series


def stirling_error(n):
    d = Decimal(n)
    return ln_factorial(n) - (d * d.ln() - d + HALF_LN_2PI + d.ln() / 2)


def ln_pmf(x, marked, unmarked, draws):
    total = marked + unmarked
    return (
        ln_factorial(marked) + ln_factorial(unmarked) + ln_factorial(draws) + ln_factorial(total - draws)
        - ln_factorial(total) - ln_factorial(x) - ln_factorial(marked - x) - ln_factorial(draws - x) - ln_factorial(unmarked - draws + x)
    )


def exact_fraction_p(a, b, c, d):
    marked, unmarked, draws = a + b, c + d, a + c
    if 0 in (marked, unmarked, draws, b + d):
        return 1.0
    low, high = max(0, draws - unmarked), min(draws, marked)
    weights = {x: math.comb(marked, x) * math.comb(unmarked, draws - x) for x in range(low, high + 1)}
    observed = weights[a]
    return float(Fraction(sum(w for w in weights.values() if w <= observed), math.comb(marked + unmarked, draws)))


def exact_decimal_p(a, b, c, d):
    """The tails walked outwards until a term is below 1e-40 of the sum (log-concave pmf)."""
    marked, unmarked, draws = a + b, c + d, a + c
    low, high = max(0, draws - unmarked), min(draws, marked)
    mode = (draws + 1) * (marked + 1) // (marked + unmarked + 2)
    observed = ln_pmf(a, marked, unmarked, draws)
    tie = Decimal("1e-40")  # exact ties agree to ~1e-55 at 60 digits

    def within(x):
        return ln_pmf(x, marked, unmarked, draws) <= observed + tie

    def tail(start, step, end):
        total = Decimal(0)
        x = start
        while (x <= end) if step > 0 else (x >= end):
            term = (ln_pmf(x, marked, unmarked, draws) - observed).exp()
            total += term
            if term < total * Decimal("1e-40"):
                break
            x += step
        return total

    relative = Decimal(0)
    # the lower tail: the largest x below the mode within (binary search; the pmf rises to the mode)
    if within(low):
        yes, no = low, mode
        while no - yes > 1:
            mid = (yes + no) // 2
            yes, no = (mid, no) if within(mid) else (yes, mid)
        relative += tail(yes, -1, low)
    if within(high):
        no, yes = mode, high
        while yes - no > 1:
            mid = (yes + no) // 2
            no, yes = (no, mid) if within(mid) else (mid, yes)
        relative += tail(yes, 1, high)
    return float(min(Decimal(1), observed.exp() * relative))


TABLES = [
    ("symmetric 4×4 margins, ties", [[3, 1], [1, 3]]),
    ("classic", [[1, 9], [11, 3]]),
    ("zero cells", [[0, 5], [5, 0]]),
    ("a zero row", [[0, 0], [5, 3]]),
    ("a zero column", [[0, 4], [0, 6]]),
    ("one each", [[1, 0], [0, 1]]),
    ("tea tasting", [[8, 2], [1, 5]]),
    ("small, uneven", [[2, 7], [8, 2]]),
    ("zero and uneven", [[0, 10], [3, 7]]),
    ("moderate", [[10, 20], [30, 40]]),
    ("observed at the mode", [[20, 30], [40, 60]]),
    ("symmetric, ties", [[7, 3], [3, 7]]),
    ("large", [[5000, 4000], [4800, 4300]]),
    ("large symmetric, ties", [[500, 600], [600, 500]]),
    ("very small p", [[100, 0], [0, 100]]),
    ("p near 1e-179", [[300, 0], [0, 300]]),
    ("a million, ties", [[500800, 499200], [499200, 500800]]),
    ("a million, uneven", [[600000, 400000], [599000, 401000]]),
]

# Random tables, seeded: rows of 1 to 80, each row's first cell binomial with a rate that differs
# between the rows by up to 0.3, so most p-values fall between 1e-6 and 1.
rng = random.Random(20240611)
for i in range(40):
    rows = [rng.randint(1, 80), rng.randint(1, 80)]
    rate = rng.uniform(0.05, 0.95)
    rates = [rate, min(1.0, max(0.0, rate + rng.uniform(-0.3, 0.3)))]
    firsts = [sum(rng.random() < r for _ in range(n)) for n, r in zip(rows, rates)]
    TABLES.append((f"random {i}", [[firsts[0], rows[0] - firsts[0]], [firsts[1], rows[1] - firsts[1]]]))

cases = []
for name, table in TABLES:
    (a, b), (c, d) = table
    started = time.time()
    scipy_p = float(fisher_exact(table).pvalue)
    scipy_seconds = time.time() - started
    small = (a + b + c + d) <= 20000
    exact = exact_fraction_p(a, b, c, d) if small else exact_decimal_p(a, b, c, d)
    cases.append(dict(name=name, table=table, scipy=scipy_p, exact=exact, exactBy="fractions" if small else "decimal logs"))
    if not name.startswith("random"):
        print(f"{name:28s} {table}  scipy {scipy_p!r}  exact {exact!r}  scipy {scipy_seconds:.3f}s")

PMF_CASES = [
    (3, 4, 4, 4),
    (5000, 9000, 9100, 9800),
    (4500, 9000, 9100, 9800),
    (500800, 1000000, 1000000, 1000000),
    (600000, 1000000, 1000000, 1199000),
    (1, 1000000, 3000000, 5),
    (0, 1000000, 3000000, 5),
    (999990, 1000000, 10, 1000000),
]
pmfs = []
for x, marked, unmarked, draws in PMF_CASES:
    exact = ln_pmf(x, marked, unmarked, draws)
    pmfs.append(dict(x=x, marked=marked, unmarked=unmarked, draws=draws, exact=float(exact), scipy=float(hypergeom.logpmf(x, marked + unmarked, marked, draws))))
    print("ln pmf", (x, marked, unmarked, draws), float(exact), pmfs[-1]["scipy"])

STIRLING_NS = [1, 2, 7, 15, 16, 17, 35, 36, 80, 81, 500, 501, 3000, 3001, 123456, 2000000]
stirling = [dict(n=n, value=float(stirling_error(n))) for n in STIRLING_NS]
print("stirling errors", [(s["n"], s["value"]) for s in stirling])

out = pathlib.Path(__file__).with_name("fisherReference.json")
out.write_text(json.dumps(dict(scipy=scipy.__version__, tables=cases, logPmf=pmfs, stirlingError=stirling), indent=1) + "\n")
print("wrote", out)
