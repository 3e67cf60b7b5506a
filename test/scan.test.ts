/**
 * The CSV reader's byte scan in WebAssembly (src/cli/scan.wat, scan.ts): each line's fields, their hashes
 * and what ends the line, as the reader needs them; the reader's own tests (csv-columns.test.ts) hold the
 * rows it makes of them to the text path's.
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import wabtInit from 'wabt';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../src/cli/input-error';
import { FIRST_FIELD, lineScanner, scanBuffer } from '../src/cli/scan';
import { SCAN_WASM } from '../src/cli/scan-wasm';

interface Field {
  start: number;
  end: number;
  hash: number;
  plain: boolean;
}

/** FNV-1a over a field's bytes, a three-byte character as one unit when `step`: the reader's hash. */
function fnv(bytes: Uint8Array, start: number, end: number, step: boolean): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    if (step && c >= 0xe0 && c < 0xf0) {
      hash = Math.imul(hash ^ ((c << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!), 0x01000193);
      i += 2;
    } else hash = Math.imul(hash ^ c, 0x01000193);
  }
  return hash;
}

/** The line at `pos` as the scan reports it. */
function scanLine(bytes: Uint8Array, pos: number, delimiter = ',', step = true) {
  const scanner = lineScanner(bytes);
  const count = scanner.scan(pos, delimiter.charCodeAt(0), step);
  const f = scanner.fields;
  const fields: Field[] = [];
  for (let k = 0, i = FIRST_FIELD; k < count; k++, i += 4)
    fields.push({ start: f[i]!, end: f[i + 1]!, hash: f[i + 2]!, plain: f[i + 3] === 1 });
  return { count, fields, end: f[0]!, terminator: f[1]! };
}

/** What the scan should report for the line at `pos`, worked out plainly. */
function expected(bytes: Uint8Array, pos: number, delimiter = ',', step = true) {
  const d = delimiter.charCodeAt(0);
  const fields: Field[] = [];
  let start = pos;
  for (let i = pos; ; i++) {
    const c = i < bytes.length ? bytes[i]! : -1;
    if (step && c >= 0xe0 && c < 0xf0) {
      i += 2;
      continue;
    }
    if (c === d || c === 10 || c === 13 || c < 0) {
      const plain = bytes.subarray(start, i).every((b) => b !== 0 && b < 0x80);
      fields.push({ start, end: i, hash: fnv(bytes, start, i, step), plain });
      if (c === d) {
        start = i + 1;
        continue;
      }
      return { count: fields.length, fields, end: i, terminator: c };
    }
    if (c === 34) return { count: -1 };
  }
}

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('the byte scan', () => {
  it('is scan.wat as build.mjs assembles it', async () => {
    const wabt = await wabtInit();
    const module = wabt.parseWat('scan.wat', readFileSync('src/cli/scan.wat', 'utf8'));
    const { buffer } = module.toBinary({});
    module.destroy();
    expect(Buffer.from(buffer).toString('base64')).toBe(SCAN_WASM);
  });

  it('splits a line into fields and says what ends it: LF, CR, or the end of the file', () => {
    const bytes = utf8('ab,,ชาย\r\n1;2\n\u0000x,é');
    expect(scanLine(bytes, 0)).toEqual(expected(bytes, 0));
    expect(scanLine(bytes, 0)).toMatchObject({ count: 3, end: 13, terminator: 13 });
    expect(scanLine(bytes, 0).fields.map((f) => f.plain)).toEqual([true, true, false]);
    expect(scanLine(bytes, 15, ';')).toMatchObject({ count: 2, end: 18, terminator: 10 });
    // NUL is not plain (it decodes to damage); the last line ends with the file.
    expect(scanLine(bytes, 19)).toEqual(expected(bytes, 19));
    expect(scanLine(bytes, 19)).toMatchObject({ count: 2, end: bytes.length, terminator: -1 });
    expect(scanLine(bytes, 19).fields.map((f) => f.plain)).toEqual([false, false]);
    // An empty line is one empty field.
    expect(scanLine(utf8('\n'), 0)).toMatchObject({ count: 1, fields: [{ start: 0, end: 0 }], terminator: 10 });
  });

  it('hashes a Thai character as one unit only in well-formed UTF-8', () => {
    const bytes = utf8('สมชาย,x');
    const stepped = scanLine(bytes, 0, ',', true).fields[0]!;
    const bytewise = scanLine(bytes, 0, ',', false).fields[0]!;
    expect(stepped.hash).toBe(fnv(bytes, 0, 15, true));
    expect(bytewise.hash).toBe(fnv(bytes, 0, 15, false));
    expect(stepped.hash).not.toBe(bytewise.hash);
  });

  it('stops at a quote, for the quoted path to read the line', () => {
    expect(scanLine(utf8('a,"b,c"\n'), 0).count).toBe(-1);
    expect(scanLine(utf8('a,b\nc,"d"\n'), 0).count).toBe(2);
  });

  it('refuses a line past the column limit without splitting it further', () => {
    const at = (n: number) => utf8(`${','.repeat(n)}\n`);
    // One field more than the limit is still reported whole (the reader then refuses the row) …
    expect(scanLine(at(LIMITS.columns), 0).count).toBe(LIMITS.columns + 1);
    // … but a delimiter after it is where the scan gives up.
    expect(scanLine(at(LIMITS.columns + 1), 0).count).toBe(-2);
    expect(scanLine(at(10 * LIMITS.columns), 0).count).toBe(-2);
  });

  it('any line of bytes without a quote: the fields, hashes and ending worked out plainly', () => {
    const byte = fc.oneof(
      fc.constantFrom(44, 59, 9, 10, 13, 0, 32, 48, 0xef, 0xbb, 0xbf),
      fc.integer({ min: 1, max: 0x7f }).filter((b) => b !== 34),
      fc.integer({ min: 0x80, max: 0xff }),
    );
    const thai = fc.integer({ min: 0x0e01, max: 0x0e5b }).map((c) => [...utf8(String.fromCharCode(c))]);
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            byte.map((b) => [b]),
            thai,
          ),
          { maxLength: 60 },
        ),
        fc.constantFrom(',', ';', '\t'),
        (parts, delimiter) => {
          const bytes = Uint8Array.from(parts.flat());
          // Stepping over three bytes is only for well-formed UTF-8, where they are always there.
          const step = isUtf8(bytes);
          expect(scanLine(bytes, 0, delimiter, step)).toEqual(expected(bytes, 0, delimiter, step));
        },
      ),
    );
  });

  it('reads a file in place when it was read into a scan buffer, else a copy of it', () => {
    const text = utf8('a,b\n');
    const inPlace = scanBuffer(text.length);
    inPlace.set(text);
    expect(lineScanner(inPlace).bytes.buffer).toBe(inPlace.buffer);
    const copied = lineScanner(text);
    expect(copied.bytes.buffer).not.toBe(text.buffer);
    expect([...copied.bytes]).toEqual([...text]);
    // A short read of a scan buffer (the file shrank) is still read in place.
    expect(lineScanner(inPlace.subarray(0, 2)).bytes.buffer).toBe(inPlace.buffer);
  });
});
