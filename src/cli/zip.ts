/**
 * Just enough of ZIP to read an xlsx part by part: the central directory (ZIP64 too), stored and
 * deflated entries. Parts up to 256 MB are inflated whole by native zlib (fast from the first byte);
 * larger ones are streamed in small steps (fflate) so a big sheet never sits in memory whole and a
 * zip bomb stops at LIMITS.partBytes. Truncated or corrupt archives → InputError.
 */
import { inflateRawSync } from 'node:zlib';
import { Inflate } from 'fflate';
import { InputError, LIMITS, READ_ERRORS } from './input-error';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 2 ** 32;

export const isZip = (b: Uint8Array) =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
/** OLE2 compound file: an old .xls, or an xlsx encrypted with a password. */
export const isOle2 = (b: Uint8Array) =>
  b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1;

/**
 * Parts that say they inflate to at most this are inflated whole by native zlib (a 200,000-row
 * sheet is ~100 MB, off the JavaScript heap); larger ones are streamed.
 */
const WHOLE_BYTES = 256 * 1024 * 1024;

const truncated = () => new InputError(READ_ERRORS.truncatedZip);

/** Entry names normalised (forward slashes, no leading slash) and lower-cased, for lookups. */
export const zipKey = (name: string) => name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();

export function zipEntries(b: Uint8Array): Map<string, ZipEntry> {
  // The end-of-central-directory record sits in the last 65,557 bytes (22 + a comment ≤ 65,535).
  let eocd = -1;
  for (let i = b.length - 22; i >= 0 && i >= b.length - 65557; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw truncated();
  let count = u16(b, eocd + 10);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== 0x07064b50) throw truncated();
    const z64 = u64(b, loc + 8);
    if (z64 + 56 > b.length || u32(b, z64) !== 0x06064b50) throw truncated();
    count = u64(b, z64 + 32);
    cdOffset = u64(b, z64 + 48);
  }
  const entries = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw truncated();
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    if (p + 46 + nameLen + extraLen > b.length) throw truncated();
    const e: ZipEntry = {
      name: new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen)),
      flags: u16(b, p + 8),
      method: u16(b, p + 10),
      compressedSize: u32(b, p + 20),
      size: u32(b, p + 24),
      localOffset: u32(b, p + 42),
    };
    // ZIP64: the sizes and offset that overflowed 32 bits sit in extra field 0x0001, in this order.
    if (e.size === 0xffffffff || e.compressedSize === 0xffffffff || e.localOffset === 0xffffffff) {
      for (let x = p + 46 + nameLen; x + 4 <= p + 46 + nameLen + extraLen;) {
        const id = u16(b, x);
        const len = u16(b, x + 2);
        if (id === 0x0001) {
          let q = x + 4;
          if (e.size === 0xffffffff) {
            e.size = u64(b, q);
            q += 8;
          }
          if (e.compressedSize === 0xffffffff) {
            e.compressedSize = u64(b, q);
            q += 8;
          }
          if (e.localOffset === 0xffffffff) e.localOffset = u64(b, q);
        }
        x += 4 + len;
      }
    }
    entries.set(zipKey(e.name), e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The entry's compressed bytes. */
function rawData(b: Uint8Array, e: ZipEntry): Uint8Array {
  const h = e.localOffset;
  if (h + 30 > b.length || u32(b, h) !== 0x04034b50) throw truncated();
  const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
  if (start + e.compressedSize > b.length) throw truncated();
  if (e.flags & 1) throw new InputError(READ_ERRORS.encrypted);
  if (e.method !== 0 && e.method !== 8) throw new InputError(READ_ERRORS.badPart(e.name));
  return b.subarray(start, start + e.compressedSize);
}

/** A small part (workbook, relationships, styles) whole; still inflated in steps, so a bomb stops early. */
export function readEntry(b: Uint8Array, e: ZipEntry): Uint8Array {
  const parts: Uint8Array[] = [];
  streamEntry(b, e, (c) => {
    parts.push(c);
  });
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of parts) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/**
 * Feeds the part's bytes to `onChunk`: whole when stored or when it inflates to at most WHOLE_BYTES,
 * else in pieces of at most ~16 MB, never holding it whole. `onChunk` returns false when it has read
 * all it needs: inflation stops there.
 */
export function streamEntry(b: Uint8Array, e: ZipEntry, onChunk: (chunk: Uint8Array) => boolean | void): void {
  const raw = rawData(b, e);
  if (e.method === 0) {
    onChunk(raw);
    return;
  }
  if (e.size <= WHOLE_BYTES) {
    // Native zlib, bounded by the declared size: no JIT warm-up for a one-shot command.
    let out: Buffer | null = null;
    try {
      // One output buffer of the declared size (never more than deflate can give): no chunks to join.
      const chunkSize = Math.max(64 * 1024, Math.min(e.size + 1, raw.length * 1032 + 1024));
      out = inflateRawSync(raw, { maxOutputLength: WHOLE_BYTES, chunkSize });
    } catch (err) {
      // Larger than it said: stream it below, where the real limit applies.
      if ((err as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE')
        throw new InputError(READ_ERRORS.badPart(e.name));
    }
    if (out) {
      onChunk(out);
      return;
    }
  }
  let total = 0;
  let stop = false;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > LIMITS.partBytes) throw new InputError(READ_ERRORS.partTooBig(e.name));
    if (!stop && onChunk(chunk) === false) stop = true;
  });
  // 16 KB of deflate input inflates to at most ~16 MB (deflate's ratio is bounded near 1:1032).
  const STEP = 16 * 1024;
  try {
    for (let i = 0; i < raw.length && !stop; i += STEP) {
      const end = Math.min(raw.length, i + STEP);
      inflate.push(raw.subarray(i, end), end === raw.length);
    }
    if (raw.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(READ_ERRORS.badPart(e.name));
  }
}
