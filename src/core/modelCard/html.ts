// Markup built so that text cannot become markup by accident: every interpolated string is escaped
// unless it is already an Html value, so a column named "<script>" comes out as visible text.
// Numbers are not accepted at all: the card formats every figure on purpose (see format.ts).

/** A fragment of markup known to be safe: made only by `html`, `raw` or `join`. */
export class Html {
  /** The markup text. */
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/** What `html` accepts between its literals: text (escaped), markup, lists of either, or nothing. */
export type HtmlPart = string | Html | null | undefined | false | readonly HtmlPart[];

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text with & < > " ' replaced by entities: safe in element content and in quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

function render(part: HtmlPart): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.text;
  if (typeof part === 'string') return escapeHtml(part);
  return part.map(render).join('');
}

/** Tagged template: the literals are markup, every interpolation is escaped text unless it is Html. */
export function html(literals: TemplateStringsArray, ...parts: readonly HtmlPart[]): Html {
  let out = literals[0];
  for (let i = 0; i < parts.length; i++) out += render(parts[i]) + literals[i + 1];
  return new Html(out);
}

/** Markup written in this folder's code (never from a bundle), taken as is. */
export function raw(markup: string): Html {
  return new Html(markup);
}

/** The parts rendered one after another, with `separator` (escaped unless Html) between them. */
export function join(parts: readonly HtmlPart[], separator: HtmlPart = ''): Html {
  const sep = render(separator);
  return new Html(parts.map(render).join(sep));
}
