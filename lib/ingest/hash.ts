import { createHash } from 'node:crypto';

/**
 * SHA-256 (hex) of a JSON value in canonical form (object keys sorted, no whitespace), so
 * that the same event re-sent with its keys in another order is still the same payload.
 */
export function payloadHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const object = value as Record<string, unknown>;
  // sort() without a comparator orders strings by UTF-16 code units, as `<` does.
  const keys = Object.keys(object)
    .filter((key) => object[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`).join(',')}}`;
}
