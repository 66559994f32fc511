// The card's two table shapes, both with header cells scoped so a screen reader announces each
// value with its row and column: a data table (column headers, first cell of a row its header) and
// a facts table (one labelled value per row).

import { html, type Html, type HtmlPart } from './html';

/** How a column's cells align: text left, figures right (so decimals line up). */
export type ColumnAlign = 'text' | 'number';

/** One column of a data table. */
export interface TableColumn {
  readonly label: string;
  readonly align?: ColumnAlign;
}

/** A table with a caption, scoped column headers, and the first cell of each row as its row header. */
export function dataTable(caption: string, columns: readonly TableColumn[], rows: readonly (readonly HtmlPart[])[]): Html {
  const cls = (c: TableColumn | undefined) => (c?.align === 'number' ? 'num' : null);
  const head = columns.map((c) => html`<th scope="col"${classAttr(cls(c))}>${c.label}</th>`);
  const body = rows.map((cells) => {
    const [first, ...rest] = cells;
    const tds = rest.map((cell, i) => html`<td${classAttr(cls(columns[i + 1]))}>${cell}</td>`);
    return html`<tr><th scope="row"${classAttr(cls(columns[0]))}>${first}</th>${tds}</tr>\n`;
  });
  return html`<table><caption>${caption}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}</tbody></table>\n`;
}

/** A table of labelled values: each row's label is its header. */
export function factTable(caption: string, facts: readonly (readonly [string, HtmlPart])[]): Html {
  const body = facts.map(([label, value]) => html`<tr><th scope="row">${label}</th><td>${value}</td></tr>\n`);
  return html`<table class="facts"><caption>${caption}</caption><tbody>\n${body}</tbody></table>\n`;
}

function classAttr(name: string | null): Html {
  return name === null ? html`` : html` class="${name}"`;
}
