// One text per value, so a digest of a bundle does not depend on who wrote it or in what key order:
// object keys sorted by UTF-16 code units (as RFC 8785 sorts them), no whitespace, strings and numbers
// exactly as JSON.stringify writes them. NaN and ±Infinity are written as null, as JSON.stringify
// writes them, so a digest is computed over exactly what a file holds (the bundle schema reads an
// audit figure's null back as NaN, and refuses null where scoring needs a number). Anything else
// JSON cannot carry faithfully is refused, not rewritten.

/** A value canonicalJson refused, with the dotted path to it ('' for the value itself). */
export class CanonicalJsonError extends Error {
  readonly path: string;
  constructor(path: string, what: string) {
    super(`${path === '' ? 'The value' : path} ${what}; canonical JSON cannot carry it.`);
    this.name = 'CanonicalJsonError';
    this.path = path;
  }
}

/**
 * Canonical JSON of plain data: null, booleans, numbers, strings, arrays and plain objects.
 * Object properties that are undefined are left out and NaN and ±Infinity are written as null, as
 * JSON.stringify does; anything else it would silently change (undefined in an array to null, a
 * typed array or a Map to an object, a Date through toJSON) throws a CanonicalJsonError, as do
 * bigints, functions, symbols and cycles.
 */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  write(value, '', parts, new Set());
  return parts.join('');
}

function write(value: unknown, path: string, out: string[], ancestors: Set<object>): void {
  if (value === null) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'number':
      // JSON.stringify writes null for NaN and ±Infinity too.
      out.push(JSON.stringify(value));
      return;
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(path, `is a ${typeof value}`);
  }
  const object = value as object;
  if (ancestors.has(object)) throw new CanonicalJsonError(path, 'refers back to itself');
  ancestors.add(object);
  if (Array.isArray(object)) {
    out.push('[');
    for (let i = 0; i < object.length; i++) {
      const itemPath = join(path, String(i));
      if (object[i] === undefined) throw new CanonicalJsonError(itemPath, 'is undefined');
      if (i > 0) out.push(',');
      write(object[i], itemPath, out, ancestors);
    }
    out.push(']');
  } else {
    const prototype = Object.getPrototypeOf(object);
    if (prototype !== Object.prototype && prototype !== null) throw new CanonicalJsonError(path, `is a ${object.constructor?.name ?? 'non-plain object'}`);
    const record = object as Record<string, unknown>;
    // The default sort compares UTF-16 code units, the order RFC 8785 prescribes.
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    out.push('{');
    keys.forEach((key, i) => {
      if (i > 0) out.push(',');
      out.push(JSON.stringify(key), ':');
      write(record[key], join(path, key), out, ancestors);
    });
    out.push('}');
  }
  ancestors.delete(object);
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
