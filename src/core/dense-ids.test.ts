import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DenseIds } from './dense-ids';

/** What DenseIds must equal: a Map numbering keys in first-seen order. */
function byMap(keys: readonly number[]): number[] {
  const m = new Map<number, number>();
  return keys.map((k) => {
    let id = m.get(k);
    if (id === undefined) m.set(k, (id = m.size));
    return id;
  });
}

describe('DenseIds', () => {
  it('numbers keys in first-seen order, equal keys equal numbers, like a Map (any integers below 2^53)', () => {
    const key = fc.oneof(fc.nat(40), fc.nat(), fc.maxSafeNat());
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), fc.nat(64), (keys, expected) => {
        const t = new DenseIds(expected);
        expect(keys.map((k) => t.id(k))).toEqual(byMap(keys));
        expect(t.size).toBe(new Set(keys).size);
      }),
      { numRuns: 300 },
    );
  });

  it('finds the number of a key it has, and -1 for one it has not, without adding it', () => {
    const key = fc.oneof(fc.nat(40), fc.maxSafeNat());
    fc.assert(
      fc.property(fc.array(key, { maxLength: 200 }), fc.array(key, { maxLength: 50 }), (keys, probes) => {
        const t = new DenseIds();
        const ids = keys.map((k) => t.id(k));
        const size = t.size;
        for (const k of probes) expect(t.find(k)).toBe(keys.includes(k) ? ids[keys.indexOf(k)] : -1);
        expect(t.size).toBe(size);
        expect(keys.map((k) => t.find(k))).toEqual(ids);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps keys that differ only above 32 bits apart, and grows past its first size', () => {
    const t = new DenseIds(1);
    const keys = Array.from({ length: 5000 }, (_, i) => i * 4294967296 + 7);
    expect(keys.map((k) => t.id(k))).toEqual(keys.map((_, i) => i));
    expect(keys.map((k) => t.id(k))).toEqual(keys.map((_, i) => i));
    expect(t.id(7)).toBe(0);
    expect(t.id(8)).toBe(5000);
    expect(t.size).toBe(5001);
  });
});
