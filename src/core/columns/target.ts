import { nameWords } from './names';
import type { ColumnInfo } from './profile';

// Checked in this order: the first name that matches wins. 违约 = default, 逾期 = overdue (names
// written by Chinese-language spreadsheets, e.g. 是否违约 "defaulted?").
const TARGET_NAMES = ['loan_approved', 'loan_status', 'default', '违约', '逾期', 'class', 'target', 'bad', 'label', 'outcome', 'y'];
// 是 = yes, 违约 = default, 逾期 = overdue, 坏 = bad.
const POSITIVE_WORDS = ['yes', 'y', 'true', 't', 'bad', 'default', 'defaulted', 'charged off', 'approved', 'positive', '是', '违约', '逾期', '坏'];
// 好 = good, 正常 = normal (repaid on time), 批准 = approved.
const APPROVAL_VALUES = ['good', 'approved', 'paid', 'repaid', '好', '正常', '批准'];
// 否 = no.
const NO_VALUES = ['0', 'n', 'no', 'false', '否'];

/** True for text in a script written without spaces between words (CJK), where a pattern is matched as a substring. */
const UNSPACED = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

function matchesTargetName(name: string, pattern: string): boolean {
  if (UNSPACED.test(pattern)) return name.includes(pattern);
  const words = nameWords(name);
  if (words.join('_') === pattern) return true;
  // A one-word pattern also matches a word inside a longer name (is_default, default_flag).
  return !pattern.includes('_') && pattern.length > 1 && words.includes(pattern);
}

/** The two-valued column to predict, chosen by name (loan_status, default, class…), else the last two-valued column; null if none. */
export function detectTarget(columns: readonly ColumnInfo[]): string | null {
  const binary = columns.filter((c) => c.distinct === 2 && c.role !== 'identifier');
  for (const pattern of TARGET_NAMES) {
    const hit = binary.find((c) => matchesTargetName(c.name, pattern));
    if (hit) return hit.name;
  }
  return binary.length > 0 ? binary[binary.length - 1].name : null;
}

/** Which of two target values counts as positive: the larger of two numbers (1 of 0/1, 2 of 1/2), else yes/true/bad/default…, else the second. */
export function guessPositiveValue(values: readonly string[]): string {
  return eventValue(values) ?? values[1];
}

/** The value that reads as the event: the larger of two numbers, else yes/true/bad/default…; null when neither tells. */
function eventValue(values: readonly string[]): string | null {
  const [a, b] = values;
  const na = Number(a);
  const nb = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && !Number.isNaN(na) && !Number.isNaN(nb)) return na > nb ? a : b;
  const lower = values.map((v) => v.toLowerCase());
  for (const word of POSITIVE_WORDS) {
    const i = lower.indexOf(word);
    if (i >= 0) return values[i];
  }
  return null;
}

/** True when the target names an approval (positive = good), false when it names a risk event (positive = bad). */
export function positiveMeansApproval(target: string, positive: string): boolean {
  const words = nameWords(target);
  const value = positive.toLowerCase();
  if (words.some((w) => w.startsWith('approv') || w === 'good' || w === 'repaid') || target.includes('批准')) return !NO_VALUES.includes(value);
  if (words.includes('status') && ['y', 'yes', 'approved', 'good'].includes(value)) return true;
  return APPROVAL_VALUES.includes(value);
}

/**
 * Which of a target's two values is the bad outcome, whichever one is chosen as positive: the value
 * that does not read as an approval when exactly one does (N of Loan_Status Y/N, 0 of
 * loan_approved, "rejected" beside "approved"), else the risk event (1 of default 0/1, 2 of german
 * credit's 1/2, "bad" beside "good"); for two codes that say nothing, the positive one.
 */
export function badOutcome(target: string, positive: string, negative: string): string {
  const approves = positiveMeansApproval(target, positive);
  if (approves !== positiveMeansApproval(target, negative)) return approves ? negative : positive;
  return eventValue([positive, negative]) ?? positive;
}
