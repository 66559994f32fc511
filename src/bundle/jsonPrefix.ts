// Tells a cut-off JSON file from a damaged one: after JSON.parse has failed, the text is truncated
// when everything in it is valid JSON so far and it simply ends too early (inside a string, a
// number, a literal, or with objects and arrays still open). A stray or changed character anywhere
// makes it not JSON instead. A single pass with an explicit stack, so deep nesting cannot overflow.

type Expect =
  /** A value (top level, after ':' or after ',' in an array). */
  | 'value'
  /** A value or ']' (just after '['). */
  | 'value-or-close'
  /** A key or '}' (just after '{'). */
  | 'key-or-close'
  /** A key (after ',' in an object). */
  | 'key'
  | 'colon'
  /** ',' or the closing bracket of the open container. */
  | 'comma-or-close'
  /** Only whitespace: the top-level value is complete. */
  | 'end';

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * True when `text` is a proper beginning of some JSON text but not a whole one: valid up to its
 * last character, with a value still unfinished. False for whitespace only, for complete JSON and
 * for text with an error before its end.
 */
export function isJsonPrefix(text: string): boolean {
  const open: number[] = [];
  let expect: Expect = 'value';
  let seenAny = false;
  let i = 0;
  const n = text.length;
  const afterValue = (): Expect => (open.length === 0 ? 'end' : 'comma-or-close');
  while (i < n) {
    const c = text.charCodeAt(i);
    if (WHITESPACE.has(c)) {
      i++;
      continue;
    }
    seenAny = true;
    switch (expect) {
      case 'end':
        return false;
      case 'colon':
        if (c !== 0x3a) return false;
        expect = 'value';
        i++;
        continue;
      case 'comma-or-close': {
        const top = open[open.length - 1];
        if (c === 0x2c) {
          expect = top === 0x7b ? 'key' : 'value';
          i++;
        } else if ((top === 0x7b && c === 0x7d) || (top === 0x5b && c === 0x5d)) {
          open.pop();
          expect = afterValue();
          i++;
        } else return false;
        continue;
      }
      case 'key-or-close':
      case 'key': {
        if (expect === 'key-or-close' && c === 0x7d) {
          open.pop();
          expect = afterValue();
          i++;
          continue;
        }
        if (c !== 0x22) return false;
        const end = scanString(text, i);
        if (end === FAILED) return false;
        if (end === AT_END) return true;
        i = end;
        expect = 'colon';
        continue;
      }
      case 'value-or-close':
        if (c === 0x5d) {
          open.pop();
          expect = afterValue();
          i++;
          continue;
        }
        break;
      case 'value':
        break;
    }
    // A value starts here.
    if (c === 0x7b || c === 0x5b) {
      open.push(c);
      expect = c === 0x7b ? 'key-or-close' : 'value-or-close';
      i++;
      continue;
    }
    const end = c === 0x22 ? scanString(text, i) : c === 0x2d || (c >= 0x30 && c <= 0x39) ? scanNumber(text, i) : scanLiteral(text, i);
    if (end === FAILED) return false;
    if (end === AT_END) return true;
    i = end;
    expect = afterValue();
  }
  return seenAny && expect !== 'end';
}

// Token scanners return the index after the token, or one of these.
const FAILED = -1;
const AT_END = -2;

function scanString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return FAILED;
    if (c !== 0x5c) {
      i++;
      continue;
    }
    if (i + 1 >= text.length) return AT_END;
    const e = text[i + 1];
    if (e === 'u') {
      for (let k = 0; k < 4; k++) {
        if (i + 2 + k >= text.length) return AT_END;
        if (!/[0-9a-fA-F]/.test(text[i + 2 + k])) return FAILED;
      }
      i += 6;
    } else if ('"\\/bfnrt'.includes(e)) i += 2;
    else return FAILED;
  }
  return AT_END;
}

// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?; AT_END when the text ends where a digit must follow.
function scanNumber(text: string, start: number): number {
  let i = start;
  const digit = (k: number) => k < text.length && text.charCodeAt(k) >= 0x30 && text.charCodeAt(k) <= 0x39;
  const digits = (k: number) => {
    while (digit(k)) k++;
    return k;
  };
  if (text[i] === '-') i++;
  if (i >= text.length) return AT_END;
  if (text[i] === '0') i++;
  else if (digit(i)) i = digits(i);
  else return FAILED;
  if (text[i] === '.') {
    i++;
    if (i >= text.length) return AT_END;
    if (!digit(i)) return FAILED;
    i = digits(i);
  }
  if (text[i] === 'e' || text[i] === 'E') {
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
    if (i >= text.length) return AT_END;
    if (!digit(i)) return FAILED;
    i = digits(i);
  }
  return i;
}

function scanLiteral(text: string, start: number): number {
  for (const literal of ['true', 'false', 'null']) {
    if (text[start] !== literal[0]) continue;
    for (let k = 1; k < literal.length; k++) {
      if (start + k >= text.length) return AT_END;
      if (text[start + k] !== literal[k]) return FAILED;
    }
    return start + literal.length;
  }
  return FAILED;
}
