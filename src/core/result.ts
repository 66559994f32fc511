import { englishOf, type Problem, type ProblemCode, type ProblemParams } from './problems';

/**
 * Outcome of an operation that can fail in a way the user should read about: the problem as a
 * code with parameters (the UI words it in the reader's language) and in English (`reason`: logs,
 * the command line). A failure made with `fail` has words only (code 'message' in the UI's eyes).
 */
export type Result<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly reason: string; readonly problem?: Problem };

/** A successful result. */
export const ok = <T>(data: T): Result<T> => ({ ok: true, data });

/** A failed result with English words and no code: the UI can only show them as they are, so give a problem a code (failWith) instead. */
export const fail = <T = never>(reason: string): Result<T> => ({ ok: false, reason });

/** A failed result with problem `code` and its parameters (worded in English as its reason). */
export function failWith<C extends ProblemCode, T = never>(code: C, params: ProblemParams[C]): Result<T> {
  const problem = { code, params } as Problem;
  return { ok: false, reason: englishOf(problem), problem };
}

/** A failed result for a problem already made. */
export function failBecause<T = never>(problem: Problem): Result<T> {
  return { ok: false, reason: englishOf(problem), problem };
}
