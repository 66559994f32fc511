// The one papaparse call the core makes (dialect sniffing), typed here: @types/papaparse references
// Node's types, which would let Node-only globals into the core unnoticed (tsconfig.core.json maps
// the module to this file; the other programs use @types/papaparse, and both must agree).

/** Options of Papa.parse that dialect.ts passes. */
interface SniffConfig {
  readonly delimiter: string;
  readonly newline: '\r\n' | '\r' | '\n';
  readonly preview: number;
  readonly skipEmptyLines: 'greedy';
}

declare const Papa: {
  /** Parses CSV text synchronously into rows of fields. */
  parse<T>(input: string, config: SniffConfig): { readonly data: T[] };
};

export default Papa;
