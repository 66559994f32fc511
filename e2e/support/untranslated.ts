import type { Page } from '@playwright/test';

/** A piece of page text that reads as English in a page that should be in another language. */
export interface EnglishLeak {
  /** The English text (a text node, or an attribute as `name="value"`). */
  readonly text: string;
  /** Where it is: the nearest element with a test id or an id, as `tag[data-testid=…]` or `tag#id`. */
  readonly where: string;
}

/**
 * Every text of the page, visible or not (closed details, chart titles and tables included), and every
 * aria-label, title, placeholder and alt, that holds an English word, outside elements marked
 * translate="no" (the user's data: column names, values, file names) and outside <script> and
 * <style>. An English word is three or more Latin letters that are not all capitals (acronyms such
 * as AUC, KS, CSV, UTF-8 are the same in Chinese) and not one of the terms Chinese lending usage keeps.
 */
export function englishLeaks(page: Page): Promise<EnglishLeak[]> {
  return page.evaluate(() => {
    const KEPT = /\b(CreditLab|WoE|Gini|Brier|Shapley|Platt|Okabe|Ito|Intl|px|ms|ln|float\d+|u?int\d+)\b/g;
    const english = (text: string) =>
      /[A-Za-z]{3,}/.test(
        text
          .replace(/\{\{[^}]*\}\}/g, '')
          .replace(KEPT, '')
          // File extensions (".csv", ".json") are the same in every language.
          .replace(/\.(csv|tsv|txt|json|html|md|onnx)\b/gi, '')
          .replace(/\b[A-Z0-9][A-Z0-9-]*[A-Z][A-Z0-9-]*\b/g, '')
          .replace(/\b\d+(\.\d+)?e[+-]?\d+\b/gi, ''),
      );
    const where = (el: Element | null): string => {
      for (let up = el; up; up = up.parentElement) {
        const testId = up.getAttribute('data-testid');
        if (testId) return `${up.tagName.toLowerCase()}[data-testid=${testId}]`;
        if (up.id) return `${up.tagName.toLowerCase()}#${up.id}`;
      }
      return el?.tagName.toLowerCase() ?? '?';
    };
    const excluded = (el: Element | null) => el?.closest('[translate="no"], script, style, noscript') != null;
    const leaks: { text: string; where: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      if (text && english(text) && !excluded(node.parentElement)) leaks.push({ text: text.slice(0, 160), where: where(node.parentElement) });
    }
    for (const el of Array.from(document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-roledescription], [aria-valuetext]'))) {
      if (excluded(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription', 'aria-valuetext']) {
        const value = el.getAttribute(name);
        if (value && english(value)) leaks.push({ text: `${name}="${value.slice(0, 160)}"`, where: where(el) });
      }
    }
    return leaks;
  });
}

/** Opens every <details> of the page (chart tables, panels), so what they hold is rendered and checked too. */
export async function openEveryDetails(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (const details of Array.from(document.querySelectorAll('details'))) details.open = true;
    // React renders a details' body on its toggle event, which fires after the attribute changes.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}
