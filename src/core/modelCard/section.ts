// The card's sections in order, after Mitchell et al., "Model Cards for Model Reporting" (FAT* 2019),
// with CreditLab's features, settings and decision policy between the data and the analyses.
// Each is an <h2> with a stable id, so the table of contents, tests and readers can point at it.

import { html, type Html, type HtmlPart } from './html';

/** Every section of the card, in the order it appears. */
export const MODEL_CARD_SECTIONS = [
  { id: 'model-details', title: 'Model details' },
  { id: 'intended-use', title: 'Intended use' },
  { id: 'factors', title: 'Factors' },
  { id: 'metrics', title: 'Metrics' },
  { id: 'evaluation-data', title: 'Evaluation data' },
  { id: 'training-data', title: 'Training data' },
  { id: 'features', title: 'Features' },
  { id: 'settings', title: 'Settings' },
  { id: 'decision-policy', title: 'Decision policy' },
  { id: 'quantitative-analyses', title: 'Quantitative analyses' },
  { id: 'ethical-considerations', title: 'Ethical considerations' },
  { id: 'caveats', title: 'Caveats and recommendations' },
] as const;

/** The id of one of the card's sections. */
export type SectionId = (typeof MODEL_CARD_SECTIONS)[number]['id'];

/** A section: its <h2> (id and title from MODEL_CARD_SECTIONS) and its body. */
export function section(id: SectionId, body: HtmlPart): Html {
  const title = MODEL_CARD_SECTIONS.find((s) => s.id === id)!.title;
  return html`<section aria-labelledby="${id}">\n<h2 id="${id}">${title}</h2>\n${body}</section>\n`;
}

/** A sub-heading inside a section (an <h3>, so headings never skip a level). */
export function subheading(text: string): Html {
  return html`<h3>${text}</h3>\n`;
}

/** A paragraph of text or markup. */
export function paragraph(...parts: readonly HtmlPart[]): Html {
  return html`<p>${parts}</p>\n`;
}

/** A bulleted list, one item per part. */
export function bullets(items: readonly HtmlPart[]): Html {
  return html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>\n`;
}
