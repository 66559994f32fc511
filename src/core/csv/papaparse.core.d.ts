// The papaparse calls the core makes (dialect sniffing, writing CSV), typed here: @types/papaparse references
// Node's types, which would let Node-only globals into the core unnoticed (tsconfig.core.json maps
// the module to this file; the other programs use @types/papaparse, and both must agree).

/** Options of Papa.parse that dialect.ts passes. */
interface SniffConfig {
  readonly delimiter: string;
  readonly newline: '\r\n' | '\r' | '\n';
  readonly preview: number;
  readonly skipEmptyLines: 'greedy';
}

/** Options of Papa.unparse that the writer's tests pass (papaparse is their reference). */
interface UnparseConfig {
  readonly escapeFormulae: RegExp;
  readonly newline: '\r\n';
  readonly quotes: boolean;
  readonly header: boolean;
}

declare const Papa: {
  /** Parses CSV text synchronously into rows of fields. */
  parse<T>(input: string, config: SniffConfig): { readonly data: T[] };
  /** Writes fields and rows as CSV text. */
  unparse(input: { readonly fields: string[]; readonly data: (string | number | null)[][] }, config: UnparseConfig): string;
};

export default Papa;
