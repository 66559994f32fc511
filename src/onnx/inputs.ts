// The graph's inputs, one per schema column as the issue fixes them: float32 [N, 1] for numbers
// (NaN = missing), string [N, 1] for categories (empty = missing). Derived tensors that several
// steps read (a column as double, its missing mask) are made once per column.
import type { BundleSchema } from '../core/bundle/types';
import { DTYPE, type GraphBuilder } from './graph';

/** Spellings of the app's missing markers (cells.ts reads them case-insensitively) that a string input maps to missing. */
export const MISSING_SPELLINGS: readonly string[] = (() => {
  const markers = ['', 'na', 'n/a', '#n/a', 'null', 'none', '?', 'nan', '-nan', 'inf', '-inf', 'infinity', '-infinity', '+infinity'];
  const title = (m: string) => m.replace(/[a-z]/, (c) => c.toUpperCase());
  return [...new Set(markers.flatMap((m) => [m, m.toUpperCase(), title(m)]))];
})();

/** The graph's column inputs and the per-column tensors derived from them. */
export class ColumnInputs {
  private readonly kinds = new Map<string, 'numeric' | 'categorical'>();
  private readonly doubleOf = new Map<string, string>();
  private readonly missingOf = new Map<string, string>();

  /** Declares one input per schema column, in schema order. */
  constructor(
    private readonly graph: GraphBuilder,
    schema: BundleSchema,
  ) {
    for (const column of schema.columns) {
      graph.input(column.name, column.kind === 'numeric' ? DTYPE.float : DTYPE.string);
      this.kinds.set(column.name, column.kind);
    }
  }

  /** The string input of categorical column `name`; throws when the schema has it as another kind (the bundle is inconsistent). */
  text(name: string): string {
    this.expect(name, 'categorical');
    return name;
  }

  /** Numeric column `name` as double [N, 1], NaN where missing: arithmetic in double, as the app's scoring does it. */
  number(name: string): string {
    this.expect(name, 'numeric');
    let tensor = this.doubleOf.get(name);
    if (tensor === undefined) {
      tensor = this.graph.node('Cast', [name], { to: { int: DTYPE.double } });
      this.doubleOf.set(name, tensor);
    }
    return tensor;
  }

  /** Bool [N, 1]: numeric column `name` is missing (NaN). */
  missing(name: string): string {
    let tensor = this.missingOf.get(name);
    if (tensor === undefined) {
      tensor = this.graph.node('IsNaN', [this.number(name)]);
      this.missingOf.set(name, tensor);
    }
    return tensor;
  }

  private expect(name: string, kind: 'numeric' | 'categorical'): void {
    const actual = this.kinds.get(name);
    if (actual !== kind)
      throw new Error(
        `The model reads "${name}" as ${kind === 'numeric' ? 'a number' : 'a category'}, but the schema ${actual === undefined ? 'has no such column' : `lists it as ${actual}`}.`,
      );
  }
}
