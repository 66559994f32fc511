// How the Models step writes sizes, dates, changes and model kinds: one formatter each, reused.

import type { WeightQuantization } from '../../core/bundle/types';
import type { SavedModelKind } from '../registry/types';

const SIZE_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** A file size in bytes, kB or MB (1 kB = 1,000 bytes, as file managers show them): "812 bytes", "41.2 kB", "3.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${SIZE_FORMAT.format(bytes / 1000)} kB`;
  return `${SIZE_FORMAT.format(bytes / 1_000_000)} MB`;
}

/** An ISO 8601 time as "2 Dec 2025, 14:05" in the reader's time zone; the text itself when it is not a date. */
export function formatDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : DATE_FORMAT.format(time);
}

/** A signed change with four decimals ("+0.0012", "−0.0003", "±0.0000"); an en dash when unknown. */
export function formatChange(change: number | null): string {
  if (change === null || Number.isNaN(change)) return '–';
  const text = Math.abs(change).toFixed(4);
  if (Number(text) === 0) return `±${text}`;
  return change > 0 ? `+${text}` : `\u2212${text}`;
}

/** The model kinds as the list names them. */
export const KIND_NAMES: Readonly<Record<SavedModelKind, string>> = { logistic: 'Logistic regression', mlp: 'MLP', scorecard: 'Scorecard', boosted: 'Boosted trees' };

/** The weight encodings as the export menu names them. */
export const QUANTIZATION_NAMES: Readonly<Record<WeightQuantization, string>> = {
  none: 'Full precision (float32)',
  float16: 'Half precision (float16)',
  uint8: '8-bit (uint8)',
};
