import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MARK_COLOURS } from '../src/core/marks';
import { DATA_CALL, type Value } from '../src/fakes/index';
import type { CheckData, Result, SaveOutcome } from '../src/server/index';
import { loadAddon } from './support/gas';
import { roster, SETTINGS, cidOf } from './support/rules';
import { syntheticRoster } from './support/synthetic';

const values = (rows: unknown[][]): Value[][] => rows.map((r) => r.map((v) => (v ?? '') as Value));
const BUNDLE = readFileSync(new URL('../dist/Code.js', import.meta.url), 'utf8');
const SERVER = readFileSync(new URL('../src/server/index.ts', import.meta.url), 'utf8');

/** A roster with four problems on known cells. */
function problemRoster(): Value[][] {
  return values(
    roster({
      row: { gender: 'X' },
      more: [{}, { cid: cidOf(1).slice(0, 12) + '0', firstName: 'สม1' }, { weight: 0 }],
    }),
  );
}

function withSettings(addon: ReturnType<typeof loadAddon>) {
  const r = addon.call<Result<SaveOutcome>>('saveSettings', SETTINGS);
  expect(r).toMatchObject({ ok: true, data: { saved: true } });
}

describe('the bundle', () => {
  const exported = [...SERVER.matchAll(/^export function (\w+)/gm)].map((m) => m[1]!);
  it('declares every entry point of src/server/index.ts as a top-level function', () => {
    expect(exported.length).toBeGreaterThan(10);
    for (const name of exported) expect(BUNDLE).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  });
  it('is minified yet names its functions as the source does, so that stack traces in the Apps Script log read', () => {
    const addon = loadAddon();
    const inner = addon.context.DmcCheck as Record<string, { name: string }>;
    expect(inner.checkRoster!.name).toBe('checkRoster');
    // Frames inside the bundle are named too: V8 names a frame by its function's name.
    let stack = '';
    try {
      (addon.context.DmcCheck as { saveSettings(x: unknown): unknown }).saveSettings(
        Object.defineProperty({}, 'language', {
          enumerable: true,
          get() {
            stack = new Error('probe').stack ?? '';
            return 'th';
          },
        }),
      );
    } catch {
      // The outcome does not matter: only the stack taken while settings were parsed.
    }
    expect(stack).toMatch(/at storeSettings \(/);
    expect(stack).toMatch(/at safely \(/);
    expect(BUNDLE.length).toBeLessThan(300_000);
  });
  it('contains no export or import statement', () => {
    expect(BUNDLE).not.toMatch(/^\s*export\s/m);
    expect(BUNDLE).not.toMatch(/^\s*import\s/m);
  });
  it('asks for the narrowest scopes', () => {
    const manifest = JSON.parse(readFileSync(new URL('../dist/appsscript.json', import.meta.url), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Asia/Bangkok');
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    expect(manifest.oauthScopes.join()).not.toMatch(/auth\/spreadsheets(?!\.currentonly)|drive|mail\.google/);
  });
});

describe('menu and sidebar', () => {
  it('onOpen adds the Thai menu; onInstall does the same', () => {
    const addon = loadAddon();
    addon.call('onInstall');
    expect(addon.ui.menus).toEqual([
      {
        caption: 'ตรวจข้อมูล DMC',
        items: [
          { caption: 'เปิดแถบตรวจสอบ', functionName: 'openSidebar' },
          { caption: 'ตรวจสอบทันที', functionName: 'menuCheck' },
          { caption: 'ล้างเครื่องหมาย', functionName: 'menuClear' },
          'separator',
          { caption: 'ตั้งค่า', functionName: 'menuSettings' },
        ],
      },
    ]);
    for (const item of addon.ui.menus[0]!.items) {
      if (item !== 'separator') expect(typeof addon.context[item.functionName]).toBe('function');
    }
    // Opening the spreadsheet never opens the sidebar by itself.
    expect(addon.ui.sidebars).toHaveLength(0);
  });

  it('opens the sidebar on a click, and at the settings view from the settings item', () => {
    const addon = loadAddon();
    addon.call('openSidebar');
    addon.call('menuSettings');
    expect(addon.ui.sidebars.map((s) => s.getTitle())).toEqual(['ตรวจข้อมูล DMC', 'ตรวจข้อมูล DMC']);
    expect(addon.ui.sidebars[1]!.getContent()).toContain('data-view="settings"');
  });
});

describe('checkRoster', () => {
  it('marks exactly the cells of the findings and changes no value', () => {
    const addon = loadAddon({ นักเรียน: problemRoster() });
    withSettings(addon);
    const before = addon.sheet('นักเรียน').peek();
    const r = addon.call<Result<CheckData>>('checkRoster');
    if (!r.ok) throw new Error(r.error.en);
    const cells = new Set(r.data.findings.map((f) => f.cell));
    expect([...cells].sort()).toEqual(['A4', 'D4', 'F2', 'J5']);

    const after = addon.sheet('นักเรียน').peek();
    expect(after.values).toEqual(before.values);
    const marked: string[] = [];
    after.backgrounds.forEach((row, i) =>
      row.forEach((bg, j) => {
        if (bg !== '#ffffff') marked.push(`${String.fromCharCode(65 + j)}${i + 1}`);
      }),
    );
    expect(marked.sort()).toEqual([...cells].sort());
    expect(after.backgrounds[1]![5]).toBe(MARK_COLOURS.error);
    expect(after.notes[1]![5]).toContain('gender.invalid');
    expect(after.notes[1]![5]).toMatch(/ไม่รู้จักเพศ/);
    expect(r.data.marked).toBe(4);
  });

  it('reads a date of birth typed over three columns as numbers, and marks the day’s cell', () => {
    const rows = [
      ['เลขประจำตัวประชาชน', 'คำนำหน้าชื่อ', 'ชื่อ', 'นามสกุล', 'เพศ', 'ชั้น', 'วันเกิด', 'เดือนเกิด', 'ปีเกิด'],
      [cidOf(1), 'ด.ช.', 'สมชาย', 'ใจดี', 'ชาย', 'ป.6', 15, 3, 2558],
      [cidOf(2), 'ด.ช.', 'ธนากร', 'มีสุข', 'ชาย', 'ป.6', 31, 2, 2557],
    ];
    const addon = loadAddon({ นักเรียน: values(rows) });
    withSettings(addon);
    const r = addon.call<Result<CheckData>>('checkRoster');
    if (!r.ok) throw new Error(r.error.en);
    const onRows = r.data.findings.filter((f) => f.row !== null);
    expect(onRows.map((f) => [f.rule, f.cell, f.value])).toEqual([['dob.invalid', 'G3', '31/2/2557']]);
    expect(addon.sheet('นักเรียน').peek().notes[2]![6]).toContain('dob.invalid');
  });

  it('reads a header of two rows, merged as hand-made rosters have it, and marks the students below it', () => {
    const rows = [
      ['ที่', 'เลขประจำตัวประชาชน', 'ชื่อ - สกุล', '', '', 'วันเดือนปีเกิด', '', '', 'เพศ', 'ชั้น'],
      ['', '', 'คำนำหน้า', 'ชื่อ', 'นามสกุล', 'วัน', 'เดือน', 'ปี', '', ''],
      [1, cidOf(1), 'ด.ช.', 'สมชาย', 'ใจดี', 15, 3, 2558, 'ชาย', 'ป.6'],
      [2, cidOf(2), 'ด.ช.', '', 'มีสุข', 1, 6, 2557, 'ชาย', 'ป.6'],
    ];
    const addon = loadAddon({ นักเรียน: values(rows) });
    withSettings(addon);
    const r = addon.call<Result<CheckData>>('checkRoster');
    if (!r.ok) throw new Error(r.error.en);
    const onRows = r.data.findings.filter((f) => f.row !== null);
    expect(onRows.map((f) => [f.rule, f.cell])).toEqual([['name.first.missing', 'D4']]);
    expect(
      addon
        .sheet('นักเรียน')
        .peek()
        .backgrounds[1]!.every((bg) => bg === '#ffffff'),
    ).toBe(true);
  });

  it('writes the results sheet with a link to every cell and text kept as typed', () => {
    const addon = loadAddon({ นักเรียน: problemRoster() });
    withSettings(addon);
    const r = addon.call<Result<CheckData>>('checkRoster');
    if (!r.ok) throw new Error(r.error.en);
    const results = addon.sheet('ผลการตรวจ');
    const { values: v } = results.peek();
    expect(v[4]!.slice(0, 8)).toEqual(['แผ่นงาน', 'ระดับ', 'กฎ', 'ข้อความ', 'แถว', 'คอลัมน์', 'ค่าในเซลล์', 'ไปที่เซลล์']);
    // The dates the check used, and where they came from.
    expect(String(v[2]![0])).toMatch(/^ปีการศึกษา \d{4}/);
    const rows = v.slice(5).filter((row) => row[2] !== '');
    expect(rows).toHaveLength(r.data.totalFindings);
    expect(rows.every((row) => row[0] === 'นักเรียน')).toBe(true);
    const gid = addon.sheet('นักเรียน').id;
    const cid = rows.find((row) => row[2] === 'cid.checksum')!;
    expect(typeof cid[6]).toBe('string');
    expect(String(cid[6])).toHaveLength(13);
    expect(results.formulaAt(6, 8)).toBe(`=HYPERLINK("#gid=${gid}&range=${rows[0]![7]}","${rows[0]![7]}")`);
    // The exam-takers table sits to the right.
    expect(v[4]![9]).toBe('ผู้เข้าสอบปลายภาคที่ DMC นับ');
    // The user stays on the roster.
    expect(addon.spreadsheet.allSheets()[addon.spreadsheet.activeIndex()]!.name).toBe('นักเรียน');
  });

  it('undoes the previous marks before marking again', () => {
    const addon = loadAddon({ นักเรียน: problemRoster() });
    withSettings(addon);
    addon.call('checkRoster');
    addon.sheet('นักเรียน').getRange('F2').setValue('ชาย');
    const r = addon.call<Result<CheckData>>('checkRoster');
    if (!r.ok) throw new Error(r.error.en);
    const after = addon.sheet('นักเรียน').peek();
    expect(after.backgrounds[1]![5]).toBe('#ffffff');
    expect(after.notes[1]![5]).toBe('');
    expect(r.data.marked).toBe(3);
  });

  it('reads the sheet named in the settings, and says so when it is missing', () => {
    const addon = loadAddon({ อื่น: [['x']], รายชื่อ: problemRoster() });
    addon.call('saveSettings', { ...SETTINGS, sheetScope: 'named', rosterSheet: 'รายชื่อ' });
    expect(addon.call<Result<CheckData>>('checkRoster')).toMatchObject({ ok: true, data: { sheet: 'รายชื่อ' } });
    addon.call('saveSettings', { ...SETTINGS, sheetScope: 'named', rosterSheet: 'ไม่มี' });
    const r = addon.call<Result<CheckData>>('checkRoster');
    expect(r).toMatchObject({ ok: false, error: { th: expect.stringContaining('ไม่พบแผ่นงาน "ไม่มี"') } });
  });

  it('gives clear messages, never an exception: empty sheet, no header, busy lock', () => {
    const empty = loadAddon({ ว่าง: [] });
    expect(empty.call<Result<CheckData>>('checkRoster')).toMatchObject({
      ok: false,
      error: { th: expect.stringContaining('ว่างเปล่า') },
    });

    const noHeader = loadAddon({
      x: [
        ['a', 'b'],
        [1, 2],
      ],
    });
    const r = noHeader.call<Result<CheckData>>('checkRoster');
    expect(r).toMatchObject({ ok: true, data: { findings: [{ rule: 'header.not-found' }] } });

    const busy = loadAddon({ นักเรียน: problemRoster() });
    busy.lock.held = true;
    expect(busy.call<Result<CheckData>>('checkRoster')).toMatchObject({
      ok: false,
      error: { en: expect.stringContaining('Another check') },
    });
  });

  it('refuses a roster too big for one execution before reading it', () => {
    const addon = loadAddon({ ใหญ่: [] });
    const big = addon.sheet('ใหญ่');
    big.insertRowsAfter(1_000, 59_001);
    big.getRange(60_001, 1).setValue('x');
    addon.calls.reset();
    const r = addon.call<Result<CheckData>>('checkRoster');
    expect(r).toMatchObject({ ok: false, error: { th: expect.stringContaining('dmc-check') } });
    expect(addon.calls.get('Range.getValues')).toBe(0);
  });

  it('turns a failing service into a message with citizen IDs masked', () => {
    const addon = loadAddon({ นักเรียน: problemRoster() });
    const id = cidOf(3);
    addon.spreadsheet.getActiveSheet = () => {
      throw new Error(`quota exceeded near ${id}`);
    };
    const r = addon.call<Result<CheckData>>('checkRoster');
    expect(r.ok).toBe(false);
    const text = JSON.stringify(r) + addon.log.join('\n');
    expect(text).not.toContain(id);
    expect(text).toContain(`${id[0]}-xxxx-xxxxx-xx-${id[12]}`);
  });

  it('uses the same, small number of service calls for 100, 1,000 and 10,000 rows', () => {
    const counts = [100, 1_000, 10_000].map((n) => {
      const addon = loadAddon({ นักเรียน: values(syntheticRoster(n, { seed: n, faultRate: 0.05 })) });
      withSettings(addon);
      addon.call('checkRoster'); // first check: no marks to undo yet
      addon.calls.reset();
      const r = addon.call<Result<CheckData>>('checkRoster');
      expect(r.ok).toBe(true);
      return addon.calls.snapshot();
    });
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[2]).toEqual(counts[0]);
    const data = Object.entries(counts[0]!)
      .filter(([k]) => DATA_CALL.test(k))
      .reduce((n, [, v]) => n + v, 0);
    expect(data).toBeLessThanOrEqual(10);
  });
});

describe('clearMarks', () => {
  const palette = ['#ffffff', '#ffffff', '#d9ead3', '#fff2cc', '#cfe2f3'];
  const notePool = ['', '', '', 'ตรวจแล้ว', 'โทรหาผู้ปกครอง 081', '=not a formula'];

  it('restores backgrounds and notes byte for byte on sheets with their own formatting', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.tuple(fc.nat(99), fc.nat(99), fc.nat(99)), { maxLength: 40 }),
        fc.array(fc.constantFrom('gender', 'cid', 'weight', 'firstName', 'dob'), { maxLength: 8 }),
        (students, styling, faults) => {
          const more = Array.from({ length: students - 1 }, () => ({}));
          const rows = values(roster({ more }));
          faults.forEach((f, i) => {
            const r = 1 + (i % students);
            const col = rows[0]!.indexOf(
              { gender: 'เพศ', cid: 'เลขประจำตัวประชาชน', weight: 'น้ำหนัก', firstName: 'ชื่อ', dob: 'วันเดือนปีเกิด' }[f],
            );
            rows[r]![col] = f === 'weight' ? 0 : f === 'dob' ? '31/02/2558' : 'X1';
          });
          const addon = loadAddon({ นักเรียน: rows });
          const sheet = addon.sheet('นักเรียน');
          const width = rows[0]!.length;
          for (const [a, b, c] of styling) {
            const cell = sheet.getRange(1 + (a % (students + 1)), 1 + (b % width));
            cell.setBackground(palette[c % palette.length]!);
            cell.setNote(notePool[c % notePool.length]!);
          }
          withSettings(addon);
          const before = sheet.peek();
          const checked = addon.call<Result<CheckData>>('checkRoster');
          if (!checked.ok) return false;
          const cleared = addon.call<Result<unknown>>('clearMarks');
          const after = sheet.peek();
          expect(cleared.ok || checked.data.marked === 0).toBe(true);
          expect(after).toEqual(before);
          return addon.spreadsheet.allSheets().every((s) => s.name !== '_dmc_marks');
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keeps a background or note the user changed after the check', () => {
    const addon = loadAddon({ นักเรียน: problemRoster() });
    withSettings(addon);
    const sheet = addon.sheet('นักเรียน');
    sheet.getRange('A4').setNote('ครูเขียนไว้');
    addon.call('checkRoster');
    sheet.getRange('F2').setBackground('#00ff00');
    sheet.getRange('J5').setNote('ชั่งแล้ว 35 กก.');
    const r = addon.call<Result<{ th: string }>>('clearMarks');
    expect(r).toMatchObject({ ok: true, data: { th: expect.stringContaining('คงไว้') } });
    const after = sheet.peek();
    expect(after.backgrounds[1]![5]).toBe('#00ff00');
    expect(after.notes[4]![9]).toBe('ชั่งแล้ว 35 กก.');
    expect(after.notes[3]![0]).toBe('ครูเขียนไว้');
    expect(after.backgrounds[3]![0]).toBe('#ffffff');
    expect(after.backgrounds[3]![3]).toBe('#ffffff');
  });

  it('says so when there is nothing to clear', () => {
    const addon = loadAddon({ นักเรียน: problemRoster() });
    expect(addon.call('clearMarks')).toMatchObject({ ok: false, error: { th: 'ไม่มีเครื่องหมายให้ล้าง' } });
  });
});

describe('settings and navigation', () => {
  it('saves valid settings and refuses invalid ones field by field, storing nothing', () => {
    const addon = loadAddon();
    const bad = addon.call<Result<SaveOutcome>>('saveSettings', {
      schoolCode: '123',
      officerPhone: 'abc',
      correctionEmail: 'x',
    });
    expect(bad).toMatchObject({
      ok: true,
      data: {
        saved: false,
        errors: { schoolCode: { th: expect.stringContaining('8 หลัก') }, officerPhone: {}, correctionEmail: {} },
      },
    });
    expect(addon.documentProperties.getProperty('dmc.settings')).toBeNull();
    const good = addon.call<Result<SaveOutcome>>('saveSettings', {
      schoolCode: '10100001',
      schoolName: 'โรงเรียนบ้านตัวอย่าง',
    });
    expect(good).toMatchObject({ ok: true, data: { saved: true } });
    expect(addon.call('getSidebarState')).toMatchObject({
      ok: true,
      data: {
        settings: { schoolCode: '10100001', correctionEmail: 'bopp.dmc@gmail.com', language: 'th' },
        notices: [],
      },
    });
  });

  it('falls back to defaults with a notice when stored settings are broken', () => {
    const addon = loadAddon();
    addon.documentProperties.setProperty('dmc.settings', '{"schoolCode": 5, "language": "th"');
    expect(addon.call('getSidebarState')).toMatchObject({
      ok: true,
      data: { settings: { schoolCode: '' }, notices: [{ th: expect.any(String) }] },
    });
    addon.documentProperties.setProperty('dmc.settings', '{"schoolCode": "12", "schoolName": "ก"}');
    expect(addon.call('getSidebarState')).toMatchObject({
      ok: true,
      data: { settings: { schoolCode: '', schoolName: 'ก' } },
    });
  });

  it('activates a finding’s cell; the sidebar state lists the sheets a roster can be on', () => {
    const addon = loadAddon({ นักเรียน: problemRoster(), อื่น: [['x']] });
    withSettings(addon);
    addon.call('checkRoster');
    addon.spreadsheet.setActiveSheet(addon.sheet('อื่น'));
    expect(addon.call('activateCell', 'นักเรียน', 'F2')).toEqual({ ok: true, data: 'F2' });
    expect(addon.spreadsheet.activeRange?.getA1Notation()).toBe('F2');
    expect(addon.spreadsheet.allSheets()[addon.spreadsheet.activeIndex()]!.name).toBe('นักเรียน');
    expect(addon.call('activateCell', 'นักเรียน', 'F2; DROP')).toMatchObject({ ok: false });
    expect(addon.call('getSidebarState')).toMatchObject({ ok: true, data: { sheets: ['นักเรียน', 'อื่น'] } });
  });

  it('menu check shows a toast; menu clear undoes', () => {
    const addon = loadAddon({ นักเรียน: problemRoster() });
    withSettings(addon);
    addon.call('menuCheck');
    expect(addon.spreadsheet.toasts[0]).toMatch(/ข้อผิดพลาด 4/);
    addon.call('menuClear');
    expect(addon.spreadsheet.toasts[1]).toMatch(/ล้างเครื่องหมายแล้ว 4 เซลล์/);
  });
});
