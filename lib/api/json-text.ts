/**
 * JSON text → value, minding the one character PostgreSQL cannot store: NUL (U+0000) is
 * refused in text columns and in jsonb ("unsupported Unicode escape sequence"), so a body
 * carrying it would fail deep in a write with a 500 (found by the write-side fuzzer).
 */
export class NulCharacterError extends Error {
  constructor() {
    super('strings must not contain the NUL character (\\u0000)');
    this.name = 'NulCharacterError';
  }
}

const hasNul = (text: string) => text.includes('\u0000');

/** For our own APIs: a NUL anywhere (a value or a key) is the client's mistake → NulCharacterError (answered 400). */
export function parseJsonRefusingNul(text: string): unknown {
  return JSON.parse(text, (key, value) => {
    if (hasNul(key) || (typeof value === 'string' && hasNul(value))) throw new NulCharacterError();
    return value;
  });
}

/** For platforms' webhooks, whose payloads we cannot send back: NULs are dropped from values, keys holding one are dropped. */
export function parseJsonStrippingNul(text: string): unknown {
  return JSON.parse(text, (key, value) => {
    if (hasNul(key)) return undefined;
    return typeof value === 'string' && hasNul(value) ? value.replaceAll('\u0000', '') : value;
  });
}
