/** A cached synthetic loan book: where it is, its size in bytes, and whether it was already there. */
export interface BigCsv {
  readonly path: string;
  readonly sizeBytes: number;
  readonly cached: boolean;
}

/** Returns a cached CSV of `rows` rows made by scripts/make-big-csv.mjs (generated on first use). */
export function ensureBigCsv(rows?: number): BigCsv;
