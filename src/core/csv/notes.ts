// What the reader noticed about a file, as codes with values: the UI words them in the reader's
// language (src/ui/data/readingNotes.tsx), the command line and logs in English with `englishNote`.

/** A judgement the reader made about a column's type. */
export type TypeNote =
  /** A column of numbers with a few other cells (typos, "n/a" words): those cells were read as missing. `examples`: up to 3 of them. */
  | { readonly code: 'csv.notNumbers'; readonly params: { readonly column: string; readonly cells: number; readonly examples: readonly string[] } }
  /** A column mostly of numbers kept as categories (few levels, e.g. "3+"): `examples` are up to 3 levels that are not numbers. */
  | { readonly code: 'csv.keptAsCategories'; readonly params: { readonly column: string; readonly examples: readonly string[] } };

/** A header name the reader changed: a repeat made unique (x → x_2), or a blank one named by position (original ''). */
export interface RenamedColumn {
  readonly original: string;
  readonly name: string;
}

const quoted = (values: readonly string[]) => values.map((value) => `"${value}"`).join(', ');

/** A type note in English, as the reader has always worded it. */
export function englishNote(note: TypeNote): string {
  const { column, examples } = note.params;
  if (note.code === 'csv.notNumbers') {
    const { cells } = note.params;
    return `${column}: ${cells} cell${cells === 1 ? '' : 's'} that are not numbers (${quoted(examples)}) read as missing.`;
  }
  return `${column}: mostly numbers, kept as categories because of values such as ${quoted(examples)}.`;
}

/** A renamed column in English: "x → x_2", "(blank) → col3". */
export function englishRenamed(renamed: RenamedColumn): string {
  return `${renamed.original === '' ? '(blank)' : renamed.original} → ${renamed.name}`;
}
