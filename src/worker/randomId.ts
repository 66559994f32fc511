// Ids the worker gives data sets, models and bundles, and the page gives jobs: random UUIDs.
// crypto.randomUUID exists only in secure contexts (https, localhost); an app served over plain
// http on a local network still has crypto.getRandomValues, from which the same UUIDs are made.

/** A random RFC 9562 version-4 UUID. */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return uuidV4FromBytes(crypto.getRandomValues(new Uint8Array(16)));
}

/** The version-4 UUID of 16 random bytes: version nibble 4, variant bits 10, lowercase hex in 8-4-4-4-12 groups. */
export function uuidV4FromBytes(random: Uint8Array): string {
  const bytes = Uint8Array.from(random);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
