// Translated sentences with parts that are not the interface's words: the user's data (a column, a
// category, a file or model name, a target's values) in translate="no" spans, so a page translator
// and the zh-CN check for English left on the page leave them alone; or an element the sentence
// wraps (a <strong> readout with a test id). `t` fills each such part with a slot; the sentence is
// cut at the slots and each part put back.

import { Fragment, type ReactNode } from 'react';

// Private-use characters around a slot's name: no translation or data value holds them.
const OPEN = '\uE010';
const CLOSE = '\uE011';
const SLOT = new RegExp(`${OPEN}([\\w.-]+)${CLOSE}`);

/** The stand-in to pass to `t` for the part `name`, cut out again by `rich` or `withData`. */
export function slot(name: string): string {
  return `${OPEN}${name}${CLOSE}`;
}

/** A slot for each of `names`, as `t`'s values: `t('key', slotsFor('column', 'value'))`. */
export function slotsFor<K extends string>(...names: readonly K[]): Record<K, string> {
  return Object.fromEntries(names.map((name) => [name, slot(name)])) as Record<K, string>;
}

/** `message` (translated with slots) with each slot replaced by its node from `parts`, as it is. */
export function rich(message: string, parts: Readonly<Record<string, ReactNode>>): ReactNode {
  const pieces = message.split(SLOT);
  if (pieces.length === 1) return message;
  // split with one capture group: even entries are words, odd ones a slot's name.
  return pieces.map((piece, i) => <Fragment key={i}>{i % 2 === 0 ? piece : parts[piece]}</Fragment>);
}

/** `message` (translated with slots) with each slot replaced by its value from `values`, marked as data. */
export function withData(message: string, values: Readonly<Record<string, ReactNode>>): ReactNode {
  const pieces = message.split(SLOT);
  if (pieces.length === 1) return message;
  return pieces.map((piece, i) =>
    i % 2 === 0 ? (
      <Fragment key={i}>{piece}</Fragment>
    ) : (
      <span key={i} translate="no">
        {values[piece] ?? ''}
      </span>
    ),
  );
}

/** A value of the user's data shown on its own (a column name, a category): never translated. */
export function Data({ children }: { readonly children: ReactNode }) {
  return <span translate="no">{children}</span>;
}

/** A value of the user's data, not to be translated, as a node. */
export function data(value: string): ReactNode {
  return <span translate="no">{value}</span>;
}

/** A translated sentence with the `data` values in it marked as data; `words` gets a slot for each value. */
export function DataText({ words, data: values }: { words: (slots: Readonly<Record<string, string>>) => string; data: Readonly<Record<string, string>> }) {
  return <>{withData(words(slotsFor(...Object.keys(values))), values)}</>;
}

/**
 * Values marked one by one for a message: `mark(value)` goes into t(...)'s values, `render(message)`
 * gives the message with them in translate="no" spans. For messages whose values are not known by name.
 */
export function dataMarks(): { mark: (value: string) => string; render: (message: string) => ReactNode } {
  const values: Record<string, string> = {};
  let next = 0;
  return {
    mark: (value) => {
      const name = `v${next++}`;
      values[name] = value;
      return slot(name);
    },
    render: (message) => withData(message, values),
  };
}

/**
 * A plain string (a chart's legend entry or tooltip name, which recharts hands over as text) with
 * every occurrence of the `values` marked as data.
 */
export function markData(text: string, values: readonly string[]): ReactNode {
  const found = values.filter((v) => v !== '' && text.includes(v));
  if (found.length === 0) return text;
  const escaped = found.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // split with one capture group: odd entries are the data values.
  return text.split(new RegExp(`(${escaped.join('|')})`)).map((part, i) =>
    i % 2 === 0 ? (
      <Fragment key={i}>{part}</Fragment>
    ) : (
      <span key={i} translate="no">
        {part}
      </span>
    ),
  );
}
