// Writes a large synthetic loan book (default 1,000,000 rows × 14 columns, ~75 MB) for the ingest benchmark and scale tests.
// Usage: node scripts/make-big-csv.mjs OUT.csv [ROWS]. Deterministic (seeded), with the dirt the cleaner must handle:
// ~1% exact duplicate rows, ~2% missing cells in three columns, ~0.05% impossible ages.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const [out = 'big-loan-book.csv', rowsArg = '1000000'] = process.argv.slice(2);
const rows = Number(rowsArg);

let state = 0x2f6b1d3 >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (items) => items[Math.floor(random() * items.length)];
const HOME = ['RENT', 'OWN', 'MORTGAGE', 'OTHER'];
const PURPOSE = ['debt_consolidation', 'credit_card', 'home_improvement', 'car', 'medical', 'education', 'small_business'];

const stream = createWriteStream(out);
const header =
  'loan_id,age,annual_income,employment_years,loan_amount,term_months,interest_rate,credit_score,open_accounts,delinquencies,debt_to_income,home_ownership,purpose,default\n';
stream.write(header);
let previous = '';
let buffer = '';
let bytes = header.length;
for (let i = 0; i < rows; i++) {
  let line;
  if (i > 0 && random() < 0.01)
    line = previous; // an exact duplicate of the row before
  else {
    let age = 21 + Math.floor(random() * 50);
    if (random() < 0.0005) age = pick([-1, 0, 151, 200, 999]);
    const income = Math.round(20000 + random() * random() * 180000);
    const emp = random() < 0.02 ? '' : (random() * Math.max(0, Math.min(40, age - 18))).toFixed(1);
    const amount = Math.round(1000 + random() * 34000);
    const term = pick([12, 24, 36, 48, 60]);
    const rate = random() < 0.02 ? '' : (5 + random() * 20).toFixed(2);
    const score = Math.round(450 + random() * 400);
    const accounts = Math.floor(random() * 15);
    const delinquencies = random() < 0.8 ? 0 : 1 + Math.floor(random() * 5);
    const dti = (amount / income + random() * 0.2).toFixed(3);
    const home = random() < 0.02 ? '' : pick(HOME);
    const purpose = pick(PURPOSE);
    const z = -1.2 + 0.09 * ((Number(rate) || 12) - 12) - 0.006 * (score - 650) + 1.5 * (Number(dti) - 0.3) + 0.4 * delinquencies;
    const bad = random() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    line = `${100000 + i},${age},${income},${emp},${amount},${term},${rate},${score},${accounts},${delinquencies},${dti},${home},${purpose},${bad}\n`;
  }
  previous = line;
  buffer += line;
  if (buffer.length > 1 << 20) {
    bytes += buffer.length;
    if (!stream.write(buffer)) await once(stream, 'drain');
    buffer = '';
  }
}
bytes += buffer.length;
stream.end(buffer);
await once(stream, 'finish');
console.log(`wrote ${out}: ${rows.toLocaleString('en-US')} rows, ${(bytes / 1e6).toFixed(1)} MB`);
