import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, payloadHash } from '@/lib/ingest/hash';

/**
 * Idempotency compares payloads by hash (issue 11: the same id with the same payload is a
 * duplicate, with another a conflict). "The same payload" is the same JSON value: key order
 * and undefined keys do not count, every other difference does.
 */
describe('canonicalJson', () => {
  it('writes JSON with object keys sorted at every depth, no whitespace, undefined keys left out', () => {
    expect(canonicalJson({ b: 1, a: [3, { d: null, c: 'x' }], e: undefined })).toBe('{"a":[3,{"c":"x","d":null}],"b":1}');
    expect(canonicalJson({ z: 1, y: 2, x: 3, w: 4, v: 5, u: 6 })).toBe('{"u":6,"v":5,"w":4,"x":3,"y":2,"z":1}');
    expect(canonicalJson({ u: 6, w: 4, v: 5, z: 1, x: 3, y: 2 })).toBe('{"u":6,"v":5,"w":4,"x":3,"y":2,"z":1}');
    expect(canonicalJson({ aa: 1, a: 2, b: 3, 'a b': 4 })).toBe('{"a":2,"a b":4,"aa":1,"b":3}');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson([])).toBe('[]');
  });

  it('writes scalars as JSON does, and undefined as null', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson('a"b')).toBe('"a\\"b"');
    expect(canonicalJson(1.5)).toBe('1.5');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson([1, 'two', null, [false]])).toBe('[1,"two",null,[false]]');
  });
});

describe('payloadHash', () => {
  it('is the SHA-256 (hex) of the canonical JSON: equal for reordered keys, different for any other change', () => {
    const value = { id: 'e-1', data: { cost: '0.1', tags: ['a', 'b'] } };
    expect(payloadHash(value)).toBe(createHash('sha256').update('{"data":{"cost":"0.1","tags":["a","b"]},"id":"e-1"}').digest('hex'));
    expect(payloadHash({ data: { tags: ['a', 'b'], cost: '0.1' }, id: 'e-1' })).toBe(payloadHash(value));
    for (const other of [{ id: 'e-1', data: { cost: '0.2', tags: ['a', 'b'] } }, { id: 'e-1', data: { cost: '0.1', tags: ['b', 'a'] } }, { id: 'e-1', data: { cost: 0.1, tags: ['a', 'b'] } }]) {
      expect(payloadHash(other)).not.toBe(payloadHash(value));
    }
  });
});
