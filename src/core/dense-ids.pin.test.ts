/** Pins DenseIds' numbering through its table's growth (issue 15): every key keeps its number. */
import { describe, expect, it } from 'vitest';
import { DenseIds } from './dense-ids';

describe('DenseIds', () => {
  it('keeps every key’s number, 0 and 1 included, while the table grows many times', () => {
    const d = new DenseIds(1);
    const keys = [1, 0, 2 ** 53 - 1, 2, 3];
    keys.forEach((k, i) => expect(d.id(k)).toBe(i));
    for (let k = 10; k < 2_000; k++) d.id(k * 7919);
    keys.forEach((k, i) => expect(d.id(k), `key ${k}`).toBe(i));
    expect(d.size).toBe(keys.length + 1_990);
    expect(d.id(10 * 7919)).toBe(keys.length);
    expect(d.id(1_999 * 7919)).toBe(d.size - 1);
  });

  it('numbers 200,000 keys that differ only above 32 bits, and finds each again', () => {
    // A hash that lost the high half would put them all in one probe chain: minutes instead of milliseconds.
    const d = new DenseIds();
    const n = 200_000;
    for (let i = 0; i < n; i++) expect(d.id(i * 2 ** 32 + 7)).toBe(i);
    for (let i = 0; i < n; i += 997) expect(d.id(i * 2 ** 32 + 7)).toBe(i);
    expect(d.size).toBe(n);
  });

  it('numbers a new key with the size before the call', () => {
    const d = new DenseIds();
    expect([d.id(5), d.id(5), d.id(6), d.size]).toEqual([0, 0, 1, 2]);
  });
});
