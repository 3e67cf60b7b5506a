/**
 * Arrays whose items are made when read, for what would otherwise exist once per row of a large file:
 * reading, indexing, slicing, mapping and iterating behave as on a plain array, and the length is fixed.
 */

/** A canonical array index ("0", "17"), else -1. */
function indexOf(p: string | symbol): number {
  if (typeof p !== 'string' || p === '') return -1;
  const n = Number(p);
  return Number.isInteger(n) && n >= 0 && String(n) === p ? n : -1;
}

/**
 * `length` items, item i being `at(i)`. With `keep`, an item is made on its first read and kept, and an
 * item written stays written (the rows of a CSV read into columns). Without, it is made afresh at each
 * read and never kept (values derived from the cells, cheaper to remake than to hold), and writes are
 * refused as on a frozen array.
 */
export function lazyArray<T>(length: number, at: (i: number) => T, keep: boolean): T[] {
  const made: Array<T | undefined> = [];
  const item = keep ? (i: number) => (made[i] ??= at(i)) : at;
  return new Proxy<T[]>([], {
    get(target, p, receiver) {
      if (p === 'length') return length;
      const i = indexOf(p);
      if (i >= 0) return i < length ? item(i) : undefined;
      return Reflect.get(target, p, receiver);
    },
    has(target, p) {
      const i = indexOf(p);
      return i >= 0 ? i < length : Reflect.has(target, p);
    },
    set(target, p, value) {
      const i = indexOf(p);
      if (keep && i >= 0 && i < length) {
        made[i] = value as T;
        return true;
      }
      // Growing or shrinking would leave the source behind: refused, as on a frozen array.
      if (p === 'length' || i >= 0) return false;
      return Reflect.set(target, p, value);
    },
    getOwnPropertyDescriptor(target, p) {
      if (p === 'length') return { value: length, writable: true, enumerable: false, configurable: false };
      const i = indexOf(p);
      if (i >= 0)
        return i < length ? { value: item(i), writable: keep, enumerable: true, configurable: true } : undefined;
      return Reflect.getOwnPropertyDescriptor(target, p);
    },
    ownKeys() {
      return [...Array.from({ length }, (_, i) => String(i)), 'length'];
    },
  });
}
