/**
 * A frozen record whose every entry is a getter that reads its words at access time, so a table of
 * labels keeps its `Record<K, string>` type and still speaks the active language when read in a render.
 */
export function liveRecord<K extends string>(keys: readonly K[], words: (key: K) => string): Readonly<Record<K, string>> {
  const record = {} as Record<K, string>;
  for (const key of keys) Object.defineProperty(record, key, { enumerable: true, get: () => words(key) });
  return Object.freeze(record);
}
