/** `{ 'a.b': x }` → `{ a: { b: x } }`: problem codes are dotted, and i18next reads dots as nesting. */
export function nested(flat: Readonly<Record<string, string>>): Readonly<Record<string, Readonly<Record<string, string>>>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [code, text] of Object.entries(flat)) {
    const [area, name] = code.split('.');
    out[area] ??= {};
    out[area][name] = text;
  }
  return out;
}
