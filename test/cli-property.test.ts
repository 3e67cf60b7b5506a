/**
 * The readers and the command against random and hostile input: whatever the bytes, the answer is
 * sheets of values or an InputError (exit 0/1/2 with one clear line), never another exception and
 * never a hang; a well-formed CSV gives one row (one student) per non-blank line whatever its line
 * endings, BOMs and encoding.
 */
import { isUtf8 } from 'node:buffer';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/cli/input-error';
import { run } from '../src/cli/main';
import { readWorkbookBytes } from '../src/cli/read';
import { roster } from './support/rules';
import { cell, row, xlsxBytes } from './support/xlsx-bytes';

/** Per case: a hang is a failure, not a stuck test run. Generous, the machine is shared. */
const CASE_MS = 5000;
const RUNS = 200;

function readsOrRefuses(name: string, bytes: Uint8Array): ReturnType<typeof readWorkbookBytes> | InputError {
  const t = performance.now();
  try {
    return readWorkbookBytes(name, bytes);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    expect(e.th.length).toBeGreaterThan(0);
    return e;
  } finally {
    expect(performance.now() - t).toBeLessThan(CASE_MS);
  }
}

const NAMES = ['roster.csv', 'roster.tsv', 'roster.txt', 'roster.xlsx', 'roster.xls'];
const EOL = fc.constantFrom('\r\n', '\n', '\r');
/** Cell text that needs no quoting: Thai, Latin, digits, spaces, stray control and invisible characters. */
const plainCell = fc
  .array(
    fc.constantFrom(..."กขคสมชายใจดีำ่้ abcXYZ0123456789.-/'()".split(''), '\u0e4d\u0e32', '\u200b', '\u00a0', '\u001b'),
    { maxLength: 12 },
  )
  .map((cs) => cs.join(''));
// eslint-disable-next-line no-control-regex -- ASCII includes the control characters
const TIS620_SAFE = /^[\u0000-\u007f\u0e01-\u0e5b]*$/;
const tis620 = (text: string) =>
  Uint8Array.from(
    [...text].map((ch) => (ch >= '\u0e01' && ch <= '\u0e5b' ? ch.charCodeAt(0) - 0x0e01 + 0xa1 : ch.charCodeAt(0))),
  );

describe('readers never crash or hang', () => {
  it('random bytes under every file name', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom(...NAMES), (bytes, name) => {
        readsOrRefuses(name, bytes);
      }),
      { numRuns: RUNS },
    );
  });

  it('text with NULs, BOMs, quotes, delimiters and every line ending', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('"', '""', ',', ';', '\t', '\r', '\n', '\r\n', '\ufeff', '\u0000', 'ก', '\u001b[2J', 'sep=;'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), fc.constantFrom('roster.csv', 'roster.tsv'), (parts, name) => {
        const out = readsOrRefuses(name, new TextEncoder().encode(parts.join('')));
        if (out instanceof InputError) return;
        for (const r of out.sheets[0]!.values) for (const v of r) expect(typeof v).toBe('string');
      }),
      { numRuns: RUNS },
    );
  });

  it('a real workbook truncated, or with bytes overwritten, anywhere', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('ม.1-1');
    for (let i = 0; i < 30; i++) ws.addRow([`110370000${i}`, 'สมชาย', new Date(2012, 4, i + 1), i]);
    const good = new Uint8Array(await wb.xlsx.writeBuffer());
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: good.length }),
        fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        (cut, edits) => {
          const bytes = good.slice(0, cut);
          for (const [at, b] of edits) if (at < bytes.length) bytes[at] = b;
          readsOrRefuses('roster.xlsx', bytes);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('sparse xlsx: cells anywhere up to XFD1048576, any type, 1,000 columns, huge cells', () => {
    const col = fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 16383 }));
    // A far row costs a million shared pointers (~0.1 s): one case in two has one.
    const rowIx = fc.oneof(
      { arbitrary: fc.integer({ min: 0, max: 50 }), weight: 9 },
      { arbitrary: fc.integer({ min: 0, max: 1_048_575 }), weight: 1 },
    );
    const value = fc.oneof(
      fc.string({ maxLength: 30 }).map((s) => ({ xml: s, attrs: '' })),
      fc.double({ noNaN: true }).map((n) => ({ xml: n, attrs: '' })),
      fc.constantFrom(
        { xml: '#REF!', attrs: ' t="e"' },
        { xml: '1', attrs: ' t="b"' },
        { xml: '45000', attrs: ' s="1"' },
        { xml: '7', attrs: ' t="s"' },
        { xml: 'x'.repeat(100_000), attrs: ' t="str"' },
      ),
    );
    const letters = (c: number) => {
      let s = '';
      for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      return s;
    };
    fc.assert(
      fc.property(fc.array(fc.tuple(rowIx, col, value), { maxLength: 12 }), fc.boolean(), (cells, wide) => {
        const byRow = new Map<number, string[]>();
        for (const [r, c, v] of cells) {
          const list = byRow.get(r) ?? [];
          list.push(cell(`${letters(c)}${r + 1}`, typeof v.xml === 'number' ? v.xml : v.xml, v.attrs));
          byRow.set(r, list);
        }
        let data = [...byRow].map(([r, list]) => row(r + 1, ...list)).join('');
        if (wide) data = row(1, ...Array.from({ length: 1000 }, (_, c) => cell(`${letters(c)}1`, c))) + data;
        const out = readsOrRefuses(
          'roster.xlsx',
          xlsxBytes({ sst: ['ก'], xfs: [0, 14], sheets: [{ name: 'S', data }] }),
        );
        if (out instanceof InputError) return;
        const values = out.sheets[0]!.values;
        const last = values[values.length - 1];
        if (last) expect(last.some((v) => v !== '' && v !== undefined)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('a well-formed CSV gives one row per non-blank line', () => {
  it('whatever its line endings, BOMs and encoding', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(plainCell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 60 }),
        fc.array(EOL, { minLength: 60, maxLength: 60 }),
        fc.constantFrom(',', '\t', ';'),
        fc.boolean(),
        fc.nat(),
        fc.constantFrom('utf-8', 'windows-874'),
        (lines, eols, d, bom, strayAt, encoding) => {
          // The first line names the columns, as a header does: it is what the delimiter is read from.
          const width = Math.max(...lines.map((l) => l.length));
          const rows = [Array.from({ length: width }, (_, i) => `h${i}`), ...lines];
          // CR then an empty line ended by LF is one CRLF to any reader: not a case to expect two lines of.
          let prev = '';
          let text = rows
            .map((r, i) => {
              const line = r.join(d);
              let eol = eols[i % eols.length]!;
              if (prev === '\r' && line === '' && eol === '\n') eol = '\r';
              prev = eol;
              return line + eol;
            })
            .join('');
          if (bom) text = `\ufeff${text}`;
          // A stray BOM where two files were joined: at the start of some line.
          const starts = [...text.matchAll(/(?:^|\n|\r(?!\n))/g)].map((m) => m.index! + m[0].length);
          const at = starts[strayAt % starts.length]!;
          text = `${text.slice(0, at)}\ufeff${text.slice(at)}`;
          const asTis = encoding === 'windows-874' && TIS620_SAFE.test(text.replace(/\ufeff/g, ''));
          const bytes = asTis ? tis620(text.replace(/\ufeff/g, '')) : new TextEncoder().encode(text);
          // A few Thai bytes can happen to spell valid UTF-8 ("่กข" is E8 A1 A2): no reader can tell.
          fc.pre(!asTis || !isUtf8(bytes));
          const out = readsOrRefuses('roster.csv', bytes);
          if (out instanceof InputError) throw out;
          const values = out.sheets[0]!.values;
          // Trailing blank lines are not rows; every other line is one, cell for cell.
          let expected = rows.map((r) => r.map((v) => v));
          while (expected.length && expected[expected.length - 1]!.every((v) => v === ''))
            expected = expected.slice(0, -1);
          expect(values).toEqual(expected);
          expect(out.sheets[0]!.damaged).toBeUndefined();
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('the command never crashes or hangs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dmc-prop-'));
  let n = 0;
  async function command(name: string, bytes: Uint8Array, ...args: string[]) {
    const path = join(dir, `${n++}-${name}`);
    writeFileSync(path, bytes);
    let stdout = '';
    let stderr = '';
    const t = performance.now();
    const code = await run([path, '--as-of', '2027-03-20', ...args], {
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
    });
    expect(performance.now() - t).toBeLessThan(CASE_MS);
    expect([0, 1, 2]).toContain(code);
    expect(stderr).not.toMatch(/unexpected error|at .*\.[mc]?[jt]s:\d+/);
    return { code, stdout, stderr };
  }

  it('hostile files: exit 0, 1 or 2 with a clear line, never an unexpected error', async () => {
    const hostile = fc.oneof(
      fc.uint8Array({ maxLength: 2048 }),
      fc
        .array(
          fc.oneof(plainCell, fc.constantFrom(',', '"', '\r', '\n', '\r\n', '\ufeff', '\u0000', '\u001b]0;x\u0007')),
          {
            maxLength: 300,
          },
        )
        .map((parts) => new TextEncoder().encode(parts.join(''))),
    );
    await fc.assert(
      fc.asyncProperty(
        hostile,
        fc.constantFrom('r.csv', 'r.xlsx', 'r.txt'),
        fc.boolean(),
        async (bytes, name, json) => {
          const r = await command(name, bytes, ...(json ? ['--format', 'json'] : []));
          if (r.code === 2) expect(r.stderr.trim().split('\n')).toHaveLength(1);
          // eslint-disable-next-line no-control-regex -- nothing from a cell may drive the terminal
          else expect(r.stdout).not.toMatch(/[\u001b\u0007\u009b]/);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('students read = the non-blank data lines of a well-formed CSV, whatever its line endings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.array(EOL, { minLength: 41, maxLength: 41 }),
        fc.boolean(),
        async (students, eols, bom) => {
          const rows = roster({ more: Array.from({ length: students - 1 }, () => ({})) });
          const text = rows.map((r, i) => r.map((v) => String(v ?? '')).join(',') + eols[i]!).join('');
          const r = await command(
            'roster.csv',
            new TextEncoder().encode((bom ? '\ufeff' : '') + text),
            '--format',
            'json',
          );
          expect(JSON.parse(r.stdout).summary.students).toBe(students);
        },
      ),
      { numRuns: 40 },
    );
  });
});
