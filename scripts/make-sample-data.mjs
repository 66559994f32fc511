// Generates the bundled synthetic loan book public/sample-loan-book.csv (deterministic; see docs/sample-data.md).

import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Resolve against the repo, not the cwd, so `node scripts/...` works from anywhere.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_PATH = resolve(ROOT, 'public/sample-loan-book.csv');

const SEED = 20261128;
const BASE_APPLICANTS = 5000;
const DUPLICATE_ROWS = 60;
const MISSING_RATE = { employment_years: 0.04, interest_rate: 0.03, home_ownership: 0.02 };
// Recording errors, not plausible-but-unusual values, so a range check can flag them unambiguously.
const IMPOSSIBLE_AGES = [0, -3, 200, 999, 154, 0, -1, 150, 999, 130, -45, 0, 500, 121, 255];
const UNLABELED_ROWS = 10;

const COLUMNS = [
  'applicant_id',
  'age',
  'annual_income',
  'employment_years',
  'loan_amount',
  'loan_term_months',
  'interest_rate',
  'credit_history_years',
  'open_accounts',
  'past_delinquencies',
  'debt_to_income',
  'home_ownership',
  'loan_purpose',
  'employment_type',
  'default',
];

// ---------------------------------------------------------------------------------------------
// Randomness. One PRNG stream drives everything, so the draw order below is part of the format:
// reordering draws changes the file. Math.random is never used (it cannot be seeded).

/** mulberry32: tiny 32-bit PRNG, uniform in [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const uniform = mulberry32(SEED);

/** Standard normal via Box-Muller; the sine partner is discarded to keep the draw count simple. */
function normal(mean = 0, sd = 1) {
  const u1 = 1 - uniform(); // (0, 1], so log() is finite
  const u2 = uniform();
  return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Normal truncated to [lo, hi] by redrawing, so the bounds do not collect a pile of clamped values. */
function truncatedNormal(mean, sd, lo, hi) {
  for (;;) {
    const x = normal(mean, sd);
    if (x >= lo && x <= hi) return x;
  }
}

/** Poisson via Knuth's product method; fine for the small means used here. */
function poisson(lambda) {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = uniform();
  while (p > limit) {
    k++;
    p *= uniform();
  }
  return k;
}

/** Picks a key of `weights` with probability proportional to its (non-negative) weight. */
function pick(weights) {
  const entries = Object.entries(weights);
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = uniform() * total;
  for (const [key, w] of entries) {
    r -= w;
    if (r < 0) return key;
  }
  return entries[entries.length - 1][0];
}

/** `count` distinct indices from [0, n), via a partial Fisher-Yates shuffle. */
function sampleIndices(n, count) {
  const pool = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(uniform() * (n - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count);
}

const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
const sigmoid = (x) => 1 / (1 + Math.exp(-x));

// ---------------------------------------------------------------------------------------------
// The default model. Every numeric input is standardised with FIXED centres and scales (close to
// the population mean and sd of the clean base data) rather than sample statistics, so the
// equation in docs/sample-data.md can be applied to any single row by hand.

const STANDARDISE = {
  age: [42, 11],
  log_income: [Math.log(50000), 0.47],
  employment_years: [10, 7],
  loan_amount: [12000, 8700],
  loan_term_months: [36, 17],
  interest_rate: [13, 2.8],
  credit_history_years: [14.5, 8.3],
  open_accounts: [6.7, 3.5],
  past_delinquencies: [0.33, 0.7],
  debt_to_income: [0.28, 0.11],
};

const z = (name, x) => (x - STANDARDISE[name][0]) / STANDARDISE[name][1];

const INTERCEPT = -2.1; // tuned by hand: mean default probability about 23%
const COEF = {
  age: -0.3,
  log_income: -0.45,
  employment_years: -0.2,
  loan_amount: 0.15,
  loan_term_months: 0.15,
  interest_rate: 0.45,
  credit_history_years: -0.2,
  open_accounts: 0.1,
  past_delinquencies: 0.45,
  debt_to_income: 0.55,
};
// Non-linear terms a plain logistic regression cannot express exactly (a small net can):
const YOUNG_COEF = 0.9; // × max(0, 26 - age) / 5: risk climbs steeply below 26
const DTI_NON_SALARIED_COEF = 0.5; // × z(debt_to_income) when income is not a salary
// Categorical offsets; the reference level of each has 0.
const HOME_EFFECT = { RENT: 0.25, OWN: -0.2, MORTGAGE: 0, OTHER: 0.3 };
const PURPOSE_EFFECT = {
  'debt consolidation': 0,
  'credit card': 0.1,
  'home improvement, repairs': -0.25,
  car: -0.3,
  medical: 0.35,
  'small business': 0.6,
};
const EMPLOYMENT_EFFECT = { salaried: 0, 'self-employed': 0.3, contract: 0.35, unemployed: 0.9 };

function defaultLogit(a) {
  let logit = INTERCEPT;
  logit += COEF.age * z('age', a.age);
  logit += COEF.log_income * z('log_income', Math.log(a.annual_income));
  for (const name of ['employment_years', 'loan_amount', 'loan_term_months', 'interest_rate', 'credit_history_years', 'open_accounts', 'past_delinquencies', 'debt_to_income']) {
    logit += COEF[name] * z(name, a[name]);
  }
  logit += YOUNG_COEF * (Math.max(0, 26 - a.age) / 5);
  if (a.employment_type !== 'salaried') logit += DTI_NON_SALARIED_COEF * z('debt_to_income', a.debt_to_income);
  logit += HOME_EFFECT[a.home_ownership] + PURPOSE_EFFECT[a.loan_purpose] + EMPLOYMENT_EFFECT[a.employment_type];
  return logit;
}

// ---------------------------------------------------------------------------------------------
// One clean applicant. Features are drawn in a causal-looking order (age -> job -> income -> loan
// -> pricing) so their correlations resemble a real book; the label is drawn last from the model.

function makeApplicant(index) {
  const age = Math.round(truncatedNormal(42, 11, 20.5, 75.49)); // rounds into 21..75

  const employment_type = pick({ salaried: 0.62, 'self-employed': 0.14, contract: 0.16, unemployed: 0.08 });

  // Log-normal income: rises with age, lower without a salary; truncated to the documented range.
  const incomeShift = { salaried: 0, 'self-employed': 0.05, contract: -0.1, unemployed: -0.55 }[employment_type];
  const logIncomeMean = Math.log(52000) + 0.012 * (age - 42) + incomeShift;
  const annual_income = Math.round(Math.exp(truncatedNormal(logIncomeMean, 0.45, Math.log(20000), Math.log(250000))));

  // Years with the current employer: a share of the working life since 16, capped at 40.
  const workingLife = age - 16;
  let share = clamp(normal(0.4, 0.2), 0, 1);
  if (employment_type === 'unemployed') share *= 0.2; // time in the last job, usually short
  const employment_years = Math.round(Math.min(40, workingLife * share) * 10) / 10; // never above age - 16

  // Credit files open at 18 at the earliest, so the history is a share of the years since then.
  const credit_history_years = Math.round((age - 18) * clamp(normal(0.6, 0.2), 0, 1));

  // A hidden "financial discipline" trait (higher = worse) ties delinquencies, account count and
  // pricing together; it never enters the default model directly, only through those columns.
  const discipline = normal(0, 1);
  const past_delinquencies = Math.min(10, poisson(0.22 * Math.exp(0.9 * discipline)));
  const open_accounts = Math.min(20, poisson(Math.max(0.5, 3 + 0.25 * credit_history_years + 0.8 * discipline)));

  const zLogIncome = z('log_income', Math.log(annual_income));
  const home_ownership = pick({
    RENT: Math.exp(0.2 - 0.04 * (age - 42) - 0.5 * zLogIncome),
    OWN: Math.exp(-1.2 + 0.06 * (age - 42)),
    MORTGAGE: Math.exp(0.3 + 0.02 * (age - 42) + 0.8 * zLogIncome),
    OTHER: 0.08,
  });

  const loan_purpose = pick({
    'debt consolidation': 0.35,
    'credit card': 0.2,
    'home improvement, repairs': home_ownership === 'RENT' ? 0.05 : 0.2,
    car: 0.12,
    medical: 0.08,
    'small business': employment_type === 'self-employed' ? 0.3 : 0.07,
  });

  // Loan size scales with income (about a fifth of it, log-normal spread), rounded to $100. Clamped,
  // not redrawn: a small pile at the $50k product limit is what a real book looks like.
  const loan_amount = Math.round(clamp(annual_income * Math.exp(Math.log(0.19) + normal(0, 0.5)), 1000, 50000) / 100) * 100;

  // Bigger loans get longer terms: an ordered-probit style cut of a noisy score (the standardised
  // log loan size, median about $9.5k, log-sd about 0.6, plus unit noise).
  const termScore = 0.9 * ((Math.log(loan_amount) - Math.log(9500)) / 0.6) + normal(0, 1);
  const loan_term_months = termScore < -1.3 ? 12 : termScore < -0.5 ? 24 : termScore < 0.5 ? 36 : termScore < 1.1 ? 48 : 60;

  // Debt relative to income: this loan (three quarters of loan/income, as if partly repaid or
  // refinancing) plus other existing debt of about 0.12 ± 0.08; capped at 0.8 like a lender's limit.
  const debt_to_income = Math.round(clamp(0.75 * (loan_amount / annual_income) + normal(0.12, 0.08), 0, 0.8) * 100) / 100;

  // The lender's price: risk-based on what it can see, plus the hidden trait and noise. Because the
  // default model also uses most of these, the rate is informative but partly redundant.
  const rawRate =
    12.5 -
    1.2 * zLogIncome +
    1.1 * z('past_delinquencies', past_delinquencies) +
    1.0 * z('debt_to_income', debt_to_income) -
    0.6 * z('credit_history_years', credit_history_years) +
    0.4 * z('loan_term_months', loan_term_months) +
    { salaried: 0, 'self-employed': 0.8, contract: 0.8, unemployed: 2 }[employment_type] +
    0.8 * discipline +
    normal(0, 1.5);
  const interest_rate = Math.round(clamp(rawRate, 5, 25) * 100) / 100;

  const applicant = {
    applicant_id: `APP-${String(index + 1).padStart(6, '0')}`,
    age,
    annual_income,
    employment_years,
    loan_amount,
    loan_term_months,
    interest_rate,
    credit_history_years,
    open_accounts,
    past_delinquencies,
    debt_to_income,
    home_ownership,
    loan_purpose,
    employment_type,
  };
  applicant.default = uniform() < sigmoid(defaultLogit(applicant)) ? 1 : 0;
  return applicant;
}

// ---------------------------------------------------------------------------------------------
// Formatting: fixed decimals so equal values always print the same way (byte-identical reruns).

const DECIMALS = { employment_years: 1, interest_rate: 2, debt_to_income: 2 };

function formatCell(column, value) {
  if (value === null) return ''; // injected missing cell
  let text = typeof value === 'number' && column in DECIMALS ? value.toFixed(DECIMALS[column]) : String(value);
  if (/[",\r\n]/.test(text)) text = `"${text.replaceAll('"', '""')}"`; // RFC 4180: quote only when needed
  return text;
}

// ---------------------------------------------------------------------------------------------
// Build: clean base rows, then dirt. Dirt is placed with its own index draws, independent of
// every value, so it is missing completely at random and cannot leak the label.

const base = Array.from({ length: BASE_APPLICANTS }, (_, i) => makeApplicant(i));
const cleanDefaults = base.reduce((s, a) => s + a.default, 0);

for (const [column, rate] of Object.entries(MISSING_RATE)) {
  for (const i of sampleIndices(BASE_APPLICANTS, Math.round(rate * BASE_APPLICANTS))) base[i][column] = null;
}
sampleIndices(BASE_APPLICANTS, IMPOSSIBLE_AGES.length).forEach((i, k) => {
  base[i].age = IMPOSSIBLE_AGES[k];
});
for (const i of sampleIndices(BASE_APPLICANTS, UNLABELED_ROWS)) base[i].default = null;

// Exact duplicates: each copies a distinct base row (dirt included, as a double import would) and
// is inserted somewhere after its original, so "keep first" de-duplication keeps the original.
const finalRows = [...base];
for (const source of sampleIndices(BASE_APPLICANTS, DUPLICATE_ROWS)) {
  const original = finalRows.indexOf(base[source]); // by identity: earlier insertions shift indices
  const position = original + 1 + Math.floor(uniform() * (finalRows.length - original));
  finalRows.splice(position, 0, base[source]);
}

const lines = finalRows.map((a) => COLUMNS.map((c) => formatCell(c, a[c])).join(','));
mkdirSync(dirname(OUT_PATH), { recursive: true });
writeFileSync(OUT_PATH, `${COLUMNS.join(',')}\n${lines.join('\n')}\n`);

// ---------------------------------------------------------------------------------------------
// Summary. Counted over the final rows, as a loader sees them: dirt inside a duplicated base row
// appears twice, so a count can exceed the number injected; both are shown.

const inFile = (pred) => finalRows.filter(pred).length;
const inBase = (pred) => base.filter(pred).length;
const both = (pred) => `${inFile(pred)} in file (${inBase(pred)} base rows)`;
const labeled = finalRows.filter((a) => a.default !== null);
const defaults = labeled.filter((a) => a.default === 1).length;
const pct = (x) => `${(x * 100).toFixed(2)}%`;

console.log(`Wrote ${OUT_PATH}`);
console.log(`  rows (excluding header): ${finalRows.length} = ${BASE_APPLICANTS} applicants + ${finalRows.length - BASE_APPLICANTS} exact duplicates`);
for (const column of Object.keys(MISSING_RATE)) console.log(`  missing ${column}: ${both((a) => a[column] === null)}`);
console.log(`  impossible ages: ${both((a) => a.age < 18 || a.age > 100)}`);
console.log(`  unlabeled rows (empty default): ${both((a) => a.default === null)}`);
console.log(
  `  default rate: ${pct(defaults / labeled.length)} of labeled rows (${defaults}/${labeled.length}); ${pct(cleanDefaults / BASE_APPLICANTS)} of the ${BASE_APPLICANTS} clean applicants`,
);
