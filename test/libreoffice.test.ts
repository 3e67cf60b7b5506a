/**
 * The correction form opens in LibreOffice: `soffice --headless --convert-to csv` gives back the same
 * rows. CI installs libreoffice-calc-nogui (.ci/run); without soffice elsewhere the test is skipped.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  correctionRows,
  correctionXlsx,
  FORM_FIELDS,
  formHeaderBlock,
  FORM_HEADERS,
  mergeTyped,
} from '../src/core/correction';
import { parseSettings } from '../src/core/settings';
import { validate } from '../src/core/validate';
import { cidOf, roster, SCHOOL_SETTINGS, wrongCheckDigit } from './support/rules';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

describe('the correction form in LibreOffice', () => {
  it.runIf(SOFFICE || process.env.CI)(
    'converts to CSV with the same rows, IDs as text, Thai intact',
    async () => {
      const settings = parseSettings(SCHOOL_SETTINGS).settings;
      const bad = wrongCheckDigit(cidOf(1));
      const values = roster({ row: { cid: bad, firstName: 'แพรวา' }, more: [{}, { cid: 'G650000012345' }] });
      const rows = mergeTyped(correctionRows(values, validate(values, settings), settings), [
        { oldCid: bad, firstName: 'แพรวา', lastName: 'ใจดี', newCid: '0101123450004' },
      ]);
      const today = { y: 2027, m: 3, d: 20 };
      const dir = mkdtempSync(join(tmpdir(), 'dmc-lo-'));
      const xlsx = join(dir, 'form.xlsx');
      writeFileSync(xlsx, correctionXlsx(settings, today, rows));
      await promisify(execFile)(
        SOFFICE!,
        ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', dir, xlsx],
        {
          env: { ...process.env, HOME: dir },
          timeout: 120_000,
        },
      );
      const csv = Papa.parse<string[]>(readFileSync(join(dir, 'form.csv'), 'utf8').trim()).data;
      const width = FORM_FIELDS.length;
      const pad = (r: string[]) => [...r, ...Array<string>(width - r.length).fill('')];
      const expected = [
        ...formHeaderBlock(settings, today).map(pad),
        FORM_FIELDS.map((f) => FORM_HEADERS[f]),
        ...rows.map((r) => FORM_FIELDS.map((f) => r.values[f])),
      ];
      expect(csv).toEqual(expected);
      expect(csv[7]![11]).toBe('0101123450004');
    },
    150_000,
  );
});
