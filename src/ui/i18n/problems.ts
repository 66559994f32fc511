// The core reports problems as codes with parameters; here they become words in the active
// language: the code's template (locales/*/problems.ts, complete for every code by type), its
// values formatted for the locale (numbers, lists) and the words some values stand for (why a
// feature was left out, how training diverged…) translated too. A failure without a code keeps
// the core's English `reason`.

import type { Problem } from '../../core/problems';
import { activeLanguage, i18n } from './i18n';
import type { PROBLEM_WORDS_EN } from './locales/problemTables/en';

/** A failure as the core and the worker return it: English words, and the problem's code and values when it has them. */
export interface Failure {
  readonly reason: string;
  readonly problem?: Problem;
}

// Keys made at run time from codes: outside the typed keys of the resources.
const translateKey = i18n.t.bind(i18n) as unknown as (key: string, values?: Record<string, unknown>) => string;

type WordGroup = keyof typeof PROBLEM_WORDS_EN;
const word = (group: WordGroup, key: string, values: Record<string, unknown> = {}) => translateKey(`problemWords.${group}.${key}`, values);

/** The template's values for `problem`, formatted for the active language. */
function valuesOf(problem: Problem): Record<string, string | number> {
  const locale = activeLanguage();
  const number = (n: number) => new Intl.NumberFormat(locale).format(n);
  const list = (items: readonly string[]) => new Intl.ListFormat(locale, { type: 'conjunction', style: 'narrow' }).format(items);
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(problem.params)) {
    if (typeof value === 'string') values[name] = value;
    else if (typeof value === 'number') values[name] = number(value);
  }
  switch (problem.code) {
    case 'file.overLimit':
      values.gigabytes = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(problem.params.gigabytes);
      break;
    case 'sample.unavailable':
      values.status = String(problem.params.status);
      break;
    case 'plan.rangeInverted':
      values.min = String(problem.params.min);
      values.max = String(problem.params.max);
      break;
    case 'plan.textFill':
      values.fill = word('fill', problem.params.fill);
      break;
    case 'features.noneLeft':
      values.excluded = list(problem.params.excluded.map((e) => word('excluded', e.why, { column: e.column })));
      break;
    case 'training.diverged':
      values.how = word('how', problem.params.how);
      break;
    case 'batch.missingColumns':
      values.columns = list(problem.params.columns);
      values.what = problem.params.columns.length === 1 ? word('what', 'one') : word('what', 'other', { count: problem.params.columns.length });
      break;
    case 'screen.noColumn':
      values.where = word('where', problem.params.inGroupsFile ? 'file' : 'session');
      break;
  }
  return values;
}

/** The code to show as `data-problem-code`, when the failure has one. */
export function problemCode(failure: Failure): string | undefined {
  return failure.problem?.code;
}

/** A failure in the active language: its problem's words, or (no code) the core's English reason. */
export function problemText(failure: Failure): string {
  const problem = failure.problem;
  if (!problem) return failure.reason;
  const key = `problem.${problem.code}`;
  return i18n.exists(key) ? translateKey(key, valuesOf(problem)) : failure.reason;
}
