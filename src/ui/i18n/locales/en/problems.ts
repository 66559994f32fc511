import { PROBLEM_WORDS_EN, PROBLEMS_EN } from '../problemTables/en';
import { nested } from '../problemTables/nested';

/**
 * The core's problems in words, one entry per code (src/core/problems.ts: the flat table is typed
 * by ProblemCode, so a new code without words does not compile), and the words some values stand for.
 */
export const problems = {
  problem: nested(PROBLEMS_EN),
  problemWords: PROBLEM_WORDS_EN,
};
