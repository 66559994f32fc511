import { afterEach, describe, expect, it } from 'vitest';
import { ENGLISH, englishOf, type Problem, type ProblemCode } from '../../core/problems';
import { PROBLEMS_EN } from './locales/problemTables/en';
import { PROBLEMS_ZH_CN } from './locales/problemTables/zhCN';
import { missingTranslations } from './missing';
import { i18n } from './i18n';
import { problemCode, problemText } from './problems';

// One example of each problem the resources word; the English must read exactly as the core's own
// English (the command line's words), an independent source for the en resource.
const EXAMPLES: readonly Problem[] = [
  { code: 'dataset.gone', params: {} },
  { code: 'file.overLimit', params: { gigabytes: 3.04, limitGigabytes: 2 } },
  { code: 'sample.unavailable', params: { status: 404 } },
  { code: 'plan.targetMissing', params: { column: 'default' } },
  { code: 'plan.rangeInverted', params: { column: 'age', min: 150, max: 0 } },
  { code: 'target.tooFewOfClass', params: { column: 'default', value: '1', minimum: 10 } },
  { code: 'batch.missingColumns', params: { columns: ['annual_income'] } },
  { code: 'batch.missingColumns', params: { columns: ['annual_income', 'age'] } },
  { code: 'applicant.notScored', params: {} },
  { code: 'screen.groupRowsDiffer', params: { groupRows: 1200, trainingRows: 32581 } },
  {
    code: 'features.noneLeft',
    params: {
      excluded: [
        { column: 'n', why: 'all-missing' },
        { column: 'k', why: 'constant' },
      ],
    },
  },
  { code: 'training.diverged', params: { how: 'loss' } },
  { code: 'training.diverged', params: { how: 'predictions' } },
  { code: 'plan.textFill', params: { column: 'home', fill: 'median' } },
  { code: 'screen.noColumn', params: { column: 'group', inGroupsFile: true } },
  { code: 'screen.noColumn', params: { column: 'group', inGroupsFile: false } },
  { code: 'folds.rareClass', params: { folds: 5, rows: 3 } },
];

afterEach(() => i18n.changeLanguage('en'));

describe('problemText', () => {
  it.each(EXAMPLES.map((p) => [p.code, p] as const))('words %s in English as the core does', (_, problem) => {
    expect(problemText({ reason: englishOf(problem), problem })).toBe(englishOf(problem));
  });

  it('words the same problems in Chinese, with their values', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(problemText({ reason: 'x', problem: { code: 'plan.targetMissing', params: { column: 'default' } } })).toBe('目标列“default”不在数据中。');
    expect(problemText({ reason: 'x', problem: { code: 'batch.missingColumns', params: { columns: ['a', 'b'] } } })).toBe('文件缺少模型评分所需的2 列：a、b。');
    expect(problemText({ reason: 'x', problem: { code: 'file.overLimit', params: { gigabytes: 3.04, limitGigabytes: 2 } } })).toContain('3.0 GB');
  });

  it('falls back to the English reason for a code it has no words for, and for a failure without a code', async () => {
    await i18n.changeLanguage('zh-CN');
    const unworded: Problem = { code: 'bundle.problem', params: { detail: 'bundle.policy.cutoff: Invalid value' } };
    expect(problemText({ reason: englishOf(unworded), problem: unworded })).toBe('bundle.policy.cutoff: Invalid value');
    expect(problemText({ reason: 'Something odd.' })).toBe('Something odd.');
    expect(problemCode({ reason: 'Something odd.' })).toBeUndefined();
    expect(problemCode({ reason: '', problem: unworded })).toBe('bundle.problem');
  });

  it('has words for every code in both languages: the templates without values are the core’s English sentences, and none of the Chinese is left in English', async () => {
    for (const code of Object.keys(ENGLISH) as ProblemCode[]) {
      if (!PROBLEMS_EN[code].includes('{{')) expect(PROBLEMS_EN[code], code).toBe((ENGLISH[code] as () => string)());
      if (code !== 'applicant.encodingFailed' && code !== 'bundle.problem') expect(PROBLEMS_ZH_CN[code], code).toMatch(/[\u4e00-\u9fff]/);
    }
    await i18n.changeLanguage('zh-CN');
    expect(problemText({ reason: 'x', problem: EXAMPLES.find((e) => e.code === 'screen.groupRowsDiffer')! })).toBe(
      '分组文件有 1,200 行，而训练文件有 32,581 行；两者按行位置对应，因此行数必须一致。',
    );
    expect(problemText({ reason: 'x', problem: EXAMPLES.find((e) => e.code === 'features.noneLeft')! })).toBe(
      '清洗后没有剩余的特征列：n（没有值）、k（只有一个值）。请选择其他特征。',
    );
    for (const problem of EXAMPLES) expect(problemText({ reason: 'x', problem }), problem.code).not.toMatch(/\{\{|problem\.|[A-Za-z]{5,} [a-z]{3,}/);
    expect(missingTranslations()).toEqual([]);
  });
});
