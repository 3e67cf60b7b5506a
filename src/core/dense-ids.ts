/**
 * Dense numbers (0, 1, 2 … in first-seen order) for non-negative integer keys below 2^53: an
 * open-addressing hash table in typed arrays. The engine names a combination of codes by one integer
 * per row; a Map would box most of those keys and allocate as it grows, this table does neither.
 */
export class DenseIds {
  private keys: Float64Array;
  /** Per slot, the key's number + 1; 0 marks a free slot, so a new table needs no filling. */
  private ids: Int32Array;
  private mask: number;
  /** How many distinct keys have been numbered. */
  size = 0;

  constructor(expected = 16) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.keys = new Float64Array(capacity);
    this.ids = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** The key's number, a new one (= the size before the call) when the key is new. */
  id(key: number): number {
    const h = this.probe(key);
    const { keys, ids } = this;
    if (ids[h] !== 0) return ids[h]! - 1;
    keys[h] = key;
    const id = this.size++;
    ids[h] = id + 1;
    // Half full at most, so that probes stay short.
    if (this.size * 2 > this.mask) this.grow();
    return id;
  }

  /** The key's number, or -1 when it has none (nothing is added). */
  find(key: number): number {
    return this.ids[this.probe(key)]! - 1;
  }

  /** The slot holding the key, or the free slot where it would go. */
  private probe(key: number): number {
    const { keys, ids } = this;
    let h = slot(key) & this.mask;
    while (ids[h] !== 0 && keys[h] !== key) h = (h + 1) & this.mask;
    return h;
  }

  private grow(): void {
    const { keys, ids } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.ids = new Int32Array(keys.length * 2);
    this.mask = keys.length * 2 - 1;
    for (let i = 0; i < keys.length; i++) {
      if (ids[i] === 0) continue;
      let h = slot(keys[i]!) & this.mask;
      while (this.ids[h] !== 0) h = (h + 1) & this.mask;
      this.keys[h] = keys[i]!;
      this.ids[h] = ids[i]!;
    }
  }
}

/** A well-mixed 32-bit hash of an integer up to 2^53 (both halves count). */
function slot(key: number): number {
  const lo = key >>> 0;
  const hi = (key / 4294967296) >>> 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
