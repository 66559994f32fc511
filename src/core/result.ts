/** Outcome of an operation that can fail in a way the user should read about. */
export type Result<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly reason: string };

/** A successful result. */
export const ok = <T>(data: T): Result<T> => ({ ok: true, data });

/** A failed result with a short, human reason. */
export const fail = <T = never>(reason: string): Result<T> => ({ ok: false, reason });
