// How the Models step writes sizes, dates, changes and model kinds, in the active language (Intl
// formatters memoised in ../i18n).

import type { WeightQuantization } from '../../core/bundle/types';
import { liveRecord, localDateTime, numberFormat, translate } from '../i18n';
import type { SavedModelKind } from '../registry/types';

const SIZE: Intl.NumberFormatOptions = { maximumFractionDigits: 1 };

/** A file size in bytes, kB or MB (1 kB = 1,000 bytes, as file managers show them): "812 bytes", "41.2 kB", "3.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return translate('models.bytes.bytes', { value: numberFormat().format(bytes) });
  if (bytes < 1_000_000) return translate('models.bytes.kb', { value: numberFormat(SIZE).format(bytes / 1000) });
  return translate('models.bytes.mb', { value: numberFormat(SIZE).format(bytes / 1_000_000) });
}

/** An ISO 8601 time as "2 Dec 2025, 14:05" (zh-CN "2025年12月2日 14:05") in the reader's time zone; the text itself when it is not a date. */
export function formatDate(iso: string): string {
  return localDateTime(iso);
}

/** A signed change with four decimals ("+0.0012", "−0.0003", "±0.0000"); an en dash when unknown. */
export function formatChange(change: number | null): string {
  if (change === null || Number.isNaN(change)) return '–';
  const text = Math.abs(change).toFixed(4);
  if (Number(text) === 0) return `±${text}`;
  return change > 0 ? `+${text}` : `\u2212${text}`;
}

/** The model kinds as the list names them, in the active language. */
export const KIND_NAMES: Readonly<Record<SavedModelKind, string>> = liveRecord(['logistic', 'mlp', 'scorecard', 'boosted'], (kind) => translate(`models.kind.${kind}`));

/** The weight encodings as the export menu names them, in the active language. */
export const QUANTIZATION_NAMES: Readonly<Record<WeightQuantization, string>> = liveRecord(['none', 'float16', 'uint8'], (encoding) =>
  translate(`models.quantization.${encoding}`),
);
