// A model's name as a file name every system accepts, ending in .creditlab.json.

import { MODEL_FILE_SUFFIX } from './envelope';

// Windows refuses these names whatever their extension ("CON.creditlab.json" included).
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

// Characters not allowed in Windows, macOS or Linux file names (control characters are checked by code).
const UNSAFE = new Set(['<', '>', ':', '"', '/', '\\', '|', '?', '*']);

/** Longest name kept before the suffix, in code points: well inside every file system's 255 bytes. */
const MAX_NAME_LENGTH = 80;

/**
 * `name` as a safe file name + ".creditlab.json": unsafe characters become '_', runs of whitespace
 * one space, leading and trailing dots and spaces go, a suffix already there is not repeated, at
 * most 80 characters are kept, a reserved Windows name (CON, LPT1…) gets a '_', and nothing left gives "model".
 */
export function modelFileName(name: string): string {
  const spaced = name.normalize('NFC').replace(/\s+/gu, ' ');
  let base = Array.from(spaced, (c) => (UNSAFE.has(c) || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? '_' : c)).join('');
  base = base.replace(/\.creditlab\.json$/i, '').replace(/\.json$/i, '');
  base = trimDotsAndSpaces(Array.from(base).slice(0, MAX_NAME_LENGTH).join(''));
  if (base === '') base = 'model';
  const stem = base.split('.')[0];
  if (RESERVED.test(stem.trimEnd())) base = `${stem}_${base.slice(stem.length)}`;
  return `${base}${MODEL_FILE_SUFFIX}`;
}

function trimDotsAndSpaces(text: string): string {
  return text.replace(/^[.\s]+|[.\s]+$/g, '');
}
