/**
 * The byte reader (csv-columns.ts) reads every file as decoding it whole and splitting it does: the same
 * rows, cells, delimiter, encoding and damaged cells, eagerly and as rows made on demand (issue 11).
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { damagedCells, readCsv, splitCsv } from '../src/cli/csv';
import { decode } from '../src/cli/decode';
import { InputError } from '../src/cli/input-error';
import type { Cell } from '../src/core/types';
import { validateWorkbook } from '../src/core/validate';
import { fuzzRoster, GOLDEN_DATES } from './support/golden-inputs';
import { syntheticRoster } from './support/synthetic';

const NOW = new Date(2026, 10, 24);

/** What the text path makes of the bytes: the reader before it read bytes. */
function textPath(bytes: Uint8Array, tab = false) {
  const d = decode(bytes);
  const { values, delimiter } = splitCsv(d.text, tab ? '\t' : undefined);
  return { values, delimiter, encoding: d.encoding, damaged: d.damaged ? damagedCells(values) : undefined };
}

function outcome(f: () => unknown) {
  try {
    return { ok: f() };
  } catch (e) {
    if (e instanceof InputError) return { error: e.say('en') };
    throw e;
  }
}

function expectSame(bytes: Uint8Array, tab = false) {
  const want = outcome(() => textPath(bytes, tab));
  for (const lazy of [false, true]) {
    const got = outcome(() => {
      const s = readCsv(bytes, { tab, lazy });
      // A column's dictionary holds each text once, however its bytes came (quoted or not, BOMs, damage).
      for (const c of s.columns?.columns ?? []) if (c.codes) expect(new Set(c.dict).size).toBe(c.dict.length);
      return {
        values: [...s.values].map((r) => [...r]),
        delimiter: s.delimiter,
        encoding: s.encoding,
        damaged: s.damaged,
      };
    });
    expect(got).toEqual(want);
  }
}

const utf8 = (s: string) => new TextEncoder().encode(s);
/** Thai text in Windows-874: U+0E01–U+0E5B are bytes 0xA1–0xFB. */
const tis = (s: string) =>
  Uint8Array.from(
    [...s].map((ch) => (ch >= '\u0e01' && ch <= '\u0e5b' ? ch.charCodeAt(0) - 0x0e01 + 0xa1 : ch.charCodeAt(0))),
  );

describe('the byte reader reads as the text path', () => {
  it.each([
    ['plain rows', 'a,b,c\n1,2,3\n'],
    ['CRLF, CR and LF in one file', 'a,b\r\n1,2\r3,4\n5,6'],
    ['quoted cells with delimiters, quotes and line breaks', 'a,b\n"x, y","say ""hi"""\n"two\nlines",z\n'],
    ['a stray quote', 'a,b\n5" tall,x\nc,d\n'],
    ['the sep= hint', 'sep=;\na;b\n1;2\n'],
    ['trailing blank rows', 'a,b\n1,2\n,\n\n\r\n'],
    ['blank rows inside', 'a,b\n\n1,2\n,\n3,4'],
    ['ragged rows', 'a,b,c\n1\n1,2,3,4,5\n'],
    ['tabs', 'ชื่อ\tนามสกุล\nสมชาย\tใจดี\n'],
    ['semicolons', 'a;b;c\nก;ข;ค\n'],
    ['a BOM at the start and in the middle', '\ufeffa,b\n\ufeff1,2\n'],
    ['empty', ''],
    ['one line without a break', 'a,b,c'],
    ['NUL bytes', 'a,b\n1\u0000,2\n'],
    ['decomposed sara am', 'ชื่อ,นามสกุล\nน\u0e4d\u0e32,ทอง\n'],
    ['one value unquoted, quoted, after a BOM and as bare BOMs', 'a,b\nx,1\n"x",2\n\ufeffx,3\nx,\ufeff\n'],
  ])('%s', (_, text) => expectSame(utf8(text)));

  it('Windows-874 with unmapped bytes', () => {
    const bytes = tis('ชื่อ,นามสกุล\nสมชาย,ใจดี\nก,ข\n');
    expectSame(Uint8Array.from([...bytes, 0x80, 0x2c, 0x41, 0x0a]));
  });
  it('UTF-8 with damaged bytes', () => {
    const a = utf8('ชื่อ,นามสกุล\nสมชาย,ใจดี\n');
    expectSame(Uint8Array.from([...a, 0xe0, 0xb8, 0x2c, 0xff, 0x0a, ...utf8('ก,ข\n')]));
  });
  it('a forced tab', () => expectSame(utf8('a\tb,c\n1\t2,3\n'), true));
  it('many rows: columns of repeated and of distinct values', () => {
    const lines = ['เลข,ชื่อ,เพศ'];
    for (let i = 0; i < 20_000; i++) lines.push(`${1_000_000 + i},ชื่อ${i % 300},${i % 2 ? 'ชาย' : 'หญิง'}`);
    expectSame(utf8(lines.join('\r\n')));
  });

  it('past the sample, a column of distinct values kept as bytes reads the same, whatever follows', () => {
    // 9,000 rows: the ID and address columns are found mostly distinct and kept as spans of the file.
    const lines = ['เลข,ที่อยู่,เพศ'];
    for (let i = 0; i < 9000; i++) lines.push(`${1_000_000 + i},บ้านเลขที่ ${i} ตำบลในเมือง,${i % 2 ? 'ชาย' : 'หญิง'}`);
    const body = utf8(lines.join('\n') + '\n');
    const tail = fc.constantFrom(
      ...[',', '"', '"a,b"', '\n', '\r\n', 'ข', 'ำ', '1', ' ', '\ufeff', '\ufffd', 'x"y'].map(utf8),
      Uint8Array.of(0xff),
      Uint8Array.of(0xe0, 0xb8),
      Uint8Array.of(0),
    );
    fc.assert(
      fc.property(fc.array(tail, { maxLength: 40 }), (parts) => {
        expectSame(Uint8Array.from([...body, ...parts.flatMap((p) => [...p])]));
      }),
      { numRuns: Math.ceil(Number(process.env.CSV_RUNS ?? 1500) / 100) },
    );
  }, 120_000);

  it('within the sample, odd cells of a column later found distinct read the same, in either encoding', () => {
    // Rows of the first 8,192 point at their code's first bytes once the column is found distinct; a
    // cell that is all BOMs, quoted, damaged, NUL or Windows-874 Thai must come out as the text path has it.
    const odd = fc.constantFrom(
      '\ufeff',
      '\ufeff\ufeff',
      '"a,b"',
      '"x""y"',
      '\ufffd',
      '\u0000',
      'สมชาย',
      '',
      'ก\ufeff',
    );
    const cases = fc.record({
      at: fc.uniqueArray(fc.integer({ min: 0, max: 8191 }), { minLength: 1, maxLength: 6 }),
      cells: fc.array(odd, { minLength: 6, maxLength: 6 }),
      encoding: fc.constantFrom('utf-8', 'windows-874'),
    });
    fc.assert(
      fc.property(cases, ({ at, cells, encoding }) => {
        const lines = ['เลข,ชื่อ,เพศ'];
        for (let i = 0; i < 9000; i++) lines.push(`${1_000_000 + i},ชื่อ${i},${i % 2 ? 'ชาย' : 'หญิง'}`);
        at.forEach((row, k) => {
          const [id, , sex] = lines[row + 1]!.split(',');
          lines[row + 1] = k % 2 ? `${cells[k]},${cells[k]},${sex}` : `${id},${cells[k]},${sex}`;
        });
        const text = lines.join('\n') + '\n';
        // Windows-874 has no BOM, U+FFFD or NUL of its own: those cells are left as they come out.
        expectSame(encoding === 'utf-8' ? utf8(text) : tis(text.replace(/[\ufeff\ufffd]/g, '')));
      }),
      { numRuns: Math.ceil(Number(process.env.CSV_RUNS ?? 1500) / 50) },
    );
  }, 120_000);

  it('any mix of delimiters, quotes, line breaks, Thai, BOMs and bad bytes', () => {
    const token = fc.constantFrom(
      ...[',', ';', '\t', '|', '"', '""', '\r', '\n', '\r\n', 'a', 'ข', 'ำ', '1', ' ', 'sep=;', '\ufeff', '\ufffd'].map(
        utf8,
      ),
      Uint8Array.of(0xff),
      Uint8Array.of(0xe0, 0xb8),
      Uint8Array.of(0),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 80 }), fc.boolean(), (parts, tab) => {
        const bytes = Uint8Array.from(parts.flatMap((p) => [...p]));
        expectSame(bytes, tab);
      }),
      { numRuns: Number(process.env.CSV_RUNS ?? 1500) },
    );
  });
});

describe('rows made on demand', () => {
  it('index, slice, map, spread and JSON behave as on an array; a written cell stays written', () => {
    const s = readCsv(utf8('a,b\n1,2\n3\n'), { lazy: true });
    const v = s.values;
    expect(Array.isArray(v)).toBe(true);
    expect(v.length).toBe(3);
    expect(v[1]).toEqual(['1', '2']);
    expect(v[3]).toBeUndefined();
    expect(v.slice(1).map((r) => r.length)).toEqual([2, 1]);
    expect(JSON.stringify(v)).toBe('[["a","b"],["1","2"],["3"]]');
    v[2]![0] = 'x';
    expect(v[2]).toEqual(['x']);
    expect(Object.keys(v)).toEqual(['0', '1', '2']);
    expect(s.columns!.rows).toBe(3);
  });
});

describe('the check reads the columns as it reads the rows', () => {
  const csvOf = (rows: readonly (readonly Cell[])[]) =>
    utf8(Papa.unparse(rows.map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : String(v ?? ''))))));
  const inputs: Record<string, Cell[][]> = {
    'synthetic-2000': syntheticRoster(2000, { seed: 7, faultRate: 0.3 }),
    // Past the reader's sample: columns of mostly distinct values are kept as texts row by row.
    'synthetic-12000': syntheticRoster(12_000, { seed: 5, faultRate: 0.05 }),
    'fuzz-3000': fuzzRoster(3000, 1),
    'fuzz-3000-b': fuzzRoster(3000, 2),
  };
  for (const [name, rows] of Object.entries(inputs)) {
    it.each(Object.entries(GOLDEN_DATES))(`${name} @ %s: the same findings and summary`, (_, dates) => {
      const sheet = readCsv(csvOf(rows), { lazy: true });
      const byColumns = validateWorkbook(
        { sheets: [{ name: '', values: sheet.values, textColumns: sheet.columns }] },
        dates,
        { now: NOW },
      );
      const byRows = validateWorkbook({ sheets: [{ name: '', values: [...sheet.values].map((r) => [...r]) }] }, dates, {
        now: NOW,
      });
      expect(byColumns).toEqual(byRows);
      expect(byRows.reports[0]!.findings.length).toBeGreaterThan(0);
    });
  }
});
