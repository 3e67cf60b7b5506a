import { describe, expect, it } from 'vitest';
import { lazyArray } from './lazy-array';

describe('lazyArray', () => {
  it('reads, maps, slices and iterates as a plain array, making only the items read', () => {
    const made: number[] = [];
    const a = lazyArray(4, (i) => (made.push(i), { i }), false);
    expect(a.length).toBe(4);
    expect(a[2]).toEqual({ i: 2 });
    expect(made).toEqual([2]);
    expect(a[4]).toBeUndefined();
    expect(Array.isArray(a)).toBe(true);
    expect(a.map((x) => x.i)).toEqual([0, 1, 2, 3]);
    expect(a.slice(1, 3)).toEqual([{ i: 1 }, { i: 2 }]);
    expect([...a].map((x) => x.i)).toEqual([0, 1, 2, 3]);
    expect(2 in a).toBe(true);
    expect(4 in a).toBe(false);
    expect(Object.keys(a)).toEqual(['0', '1', '2', '3']);
  });

  it('without keep: an item is made afresh at each read, and nothing can be written', () => {
    let n = 0;
    const a = lazyArray(2, () => ({ n: n++ }), false);
    expect(a[0]).not.toBe(a[0]);
    expect(() => {
      'use strict';
      a[0] = { n: -1 };
    }).toThrow(TypeError);
    expect(() => a.push({ n: -1 })).toThrow(TypeError);
    expect(a.length).toBe(2);
  });

  it('with keep: an item is made once, and an item written stays written', () => {
    let n = 0;
    const a = lazyArray(2, () => ({ n: n++ }), true);
    expect(a[1]).toBe(a[1]);
    expect(n).toBe(1);
    a[0] = { n: 99 };
    expect(a[0]).toEqual({ n: 99 });
    expect(() => a.push({ n: -1 })).toThrow(TypeError);
  });
});
