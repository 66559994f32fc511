import type { TranslationOf } from '../../types';
import type { problems as en } from '../en/problems';
import { PROBLEM_WORDS_ZH_CN, PROBLEMS_ZH_CN } from '../problemTables/zhCN';
import { nested } from '../problemTables/nested';

/** 核心模块报告的问题（按代码，每个代码一条），以及部分参数值对应的词语。 */
export const problems: TranslationOf<typeof en> = {
  problem: nested(PROBLEMS_ZH_CN),
  problemWords: PROBLEM_WORDS_ZH_CN,
};
