/**
 * Issue 10, items 4 and 7, through the built bundle over fakes that behave like Sheets: marks that can never
 * get stuck (a failure at any call, a lost or damaged store, bad saved entries, rows moved before clear) and
 * writes that grow a sheet before passing its edge. Each test failed on the add-on before these fixes.
 */
import { describe, expect, it } from 'vitest';
import { MARK_COLOURS, MARK_HEADINGS } from '../src/core/marks';
import { OUTSIDE, type FakeSheet, type Value } from '../src/fakes/index';
import type { CheckData, Result } from '../src/server/index';
import { loadAddon, type Addon } from './support/gas';
import { cidOf, roster, SETTINGS } from './support/rules';
import { syntheticRoster } from './support/synthetic';

const values = (rows: unknown[][]): Value[][] => rows.map((r) => r.map((v) => (v ?? '') as Value));
const MARKS = new Set(Object.values(MARK_COLOURS));
const HEADS = Object.values(MARK_HEADINGS);

/** Eight students, problems on several cells, and the teacher's own fills and notes here and there. */
function styledAddon(): { addon: Addon; before: ReturnType<FakeSheet['peek']> } {
  const rows = values(
    roster({
      row: { gender: 'X' },
      more: [
        {},
        { cid: cidOf(1).slice(0, 12) + '0', firstName: 'สม1' },
        { weight: 0 },
        { dob: '31/02/2558' },
        {},
        { gender: 'Y', weight: 0 },
        {},
      ],
    }),
  );
  const addon = loadAddon({ นักเรียน: rows });
  addon.call('saveSettings', SETTINGS);
  const sheet = addon.sheet('นักเรียน');
  // The teacher's formatting: a banded look, a light-blue column (a mark colour as well), notes.
  for (let r = 2; r <= 9; r += 2) sheet.getRange(r, 1, 1, 14).setBackground('#efefef');
  sheet.getRange(2, 10, 8, 1).setBackground(MARK_COLOURS.info);
  sheet.getRange('F2').setNote('ถามผู้ปกครองแล้ว');
  sheet.getRange('J5').setNote('ชั่งใหม่');
  sheet.getRange('A3').setNote('ย้ายมาจาก รร.อื่น');
  addon.calls.reset();
  return { addon, before: sheet.peek() };
}

const check = (addon: Addon) => addon.call<Result<CheckData>>('checkRoster');
const clear = (addon: Addon) => addon.call<Result<{ th: string; en: string }>>('clearMarks');

/** Cells of any sheet still carrying a mark's heading, or a mark fill the teacher did not put there. */
function marksLeft(addon: Addon, before: ReturnType<FakeSheet['peek']>): string[] {
  const left: string[] = [];
  for (const s of addon.spreadsheet.allSheets()) {
    if (s.name.startsWith('_dmc') || s.name === 'ผลการตรวจ') continue;
    const p = s.peek();
    p.notes.forEach((row, i) =>
      row.forEach((n, j) => {
        if (HEADS.some((h) => n.startsWith(h))) left.push(`${s.name}!${i},${j} note`);
        const bg = p.backgrounds[i]![j]!;
        if (MARKS.has(bg) && !(s.name === 'นักเรียน' && before.backgrounds[i]?.[j] === bg)) {
          left.push(`${s.name}!${i},${j} fill`);
        }
      }),
    );
  }
  return left;
}

/** Calls a check makes on this workbook (with or without earlier marks to replace). */
function callsOfCheck(addon: Addon): number {
  const state = addon.save();
  addon.calls.reset();
  expect(check(addon).ok).toBe(true);
  const n = addon.calls.total();
  addon.restore(state);
  return n;
}

describe('a failure at any service call leaves marks clear can undo (4a)', () => {
  it('first check: every call failing in turn, then clear, gives back the sheet exactly', () => {
    const { addon, before } = styledAddon();
    const start = addon.save();
    const total = callsOfCheck(addon);
    expect(total).toBeGreaterThan(20);
    const stuck: number[] = [];
    for (let n = 1; n <= total; n++) {
      addon.restore(start);
      addon.calls.failAt(n);
      const r = check(addon);
      expect(r.ok).toBe(false);
      if (!clear(addon).ok) clear(addon);
      const after = addon.sheet('นักเรียน').peek();
      if (JSON.stringify(after) !== JSON.stringify(before) || marksLeft(addon, before).length) stuck.push(n);
    }
    expect(stuck).toEqual([]);
  });

  it('re-check over earlier marks: every call failing in turn, then clear, gives back the sheet exactly', () => {
    const { addon, before } = styledAddon();
    expect(check(addon).ok).toBe(true);
    // The teacher fixes one problem and recolours one marked cell before checking again.
    addon.sheet('นักเรียน').getRange('F2').setValue('ชาย');
    addon.sheet('นักเรียน').getRange('J5').setBackground('#00ff00');
    const expected = addon.sheet('นักเรียน').peek();
    const start = addon.save();
    const total = callsOfCheck(addon);
    const stuck: number[] = [];
    for (let n = 1; n <= total; n++) {
      addon.restore(start);
      addon.calls.failAt(n);
      expect(check(addon).ok).toBe(false);
      if (!clear(addon).ok) clear(addon);
      const after = addon.sheet('นักเรียน').peek();
      // Before the first check, with the teacher's two edits.
      const want = {
        ...before,
        values: expected.values,
        backgrounds: before.backgrounds.map((r, i) => r.map((bg, j) => (i === 4 && j === 9 ? '#00ff00' : bg))),
      };
      if (JSON.stringify(after) !== JSON.stringify(want)) stuck.push(n);
    }
    expect(stuck).toEqual([]);
  });

  it('a check that failed part-way does not save the marks as originals on the next check', () => {
    const { addon, before } = styledAddon();
    const start = addon.save();
    const total = callsOfCheck(addon);
    const stuck: number[] = [];
    for (let n = 1; n <= total; n += 3) {
      addon.restore(start);
      addon.calls.failAt(n);
      check(addon);
      expect(check(addon).ok).toBe(true);
      expect(clear(addon).ok).toBe(true);
      if (JSON.stringify(addon.sheet('นักเรียน').peek()) !== JSON.stringify(before)) stuck.push(n);
    }
    expect(stuck).toEqual([]);
  });

  it('clear failing at any call: a second clear finishes the job', () => {
    const { addon, before } = styledAddon();
    expect(check(addon).ok).toBe(true);
    const start = addon.save();
    addon.calls.reset();
    clear(addon);
    const total = addon.calls.total();
    for (let n = 1; n <= total; n++) {
      addon.restore(start);
      addon.calls.failAt(n);
      expect(clear(addon).ok).toBe(false);
      clear(addon);
      expect(addon.sheet('นักเรียน').peek()).toEqual(before);
    }
  });
});

describe('a lost or damaged store (4b)', () => {
  it('hidden store deleted: clear still takes every mark off, keeps the notes, and says how', () => {
    const { addon, before } = styledAddon();
    const r = check(addon);
    if (!r.ok) throw new Error(r.error.en);
    addon.spreadsheet.deleteSheet(addon.sheet('_dmc_marks'));
    const out = clear(addon);
    expect(out).toMatchObject({ ok: true, data: { th: expect.stringContaining('จากตัวเครื่องหมายเอง') } });
    expect(out.ok && out.data.en).toContain(`${r.data.marked} taken off from the marks themselves`);
    const after = addon.sheet('นักเรียน').peek();
    expect(marksLeft(addon, before)).toEqual([]);
    // Notes as the teacher wrote them; values untouched.
    expect(after.notes).toEqual(before.notes);
    expect(after.values).toEqual(before.values);
  });

  it('store edited (contents cleared or typed over): the same, and the next check starts clean', () => {
    for (const edit of ['clear', 'type'] as const) {
      const { addon, before } = styledAddon();
      expect(check(addon).ok).toBe(true);
      const store = addon.sheet('_dmc_marks');
      if (edit === 'clear') store.clear();
      else
        store.getRange(1, 1, 2, 2).setValues([
          ['{"v":2,"oops"', 'ดูอะไร'],
          ['', 'x'],
        ]);
      // A check first: it must not take the marks for the teacher's formatting.
      const again = check(addon);
      expect(again).toMatchObject({ ok: true, data: { notices: [{ th: expect.stringContaining('พบเครื่องหมายเดิม') }] } });
      expect(clear(addon).ok).toBe(true);
      expect(marksLeft(addon, before)).toEqual([]);
      expect(addon.sheet('นักเรียน').peek().notes).toEqual(before.notes);
    }
  });
});

describe('bad saved entries are skipped and counted (4c)', () => {
  it('a store of valid JSON with broken entries: check and clear work and say how many were skipped', () => {
    const { addon, before } = styledAddon();
    const r = check(addon);
    if (!r.ok) throw new Error(r.error.en);
    const sheetId = addon.sheet('นักเรียน').id;
    // What the first version of the add-on saved, with the entries the issue found breaking it.
    const good = { r: 1, c: 5, bg: '#efefef', note: 'ถามผู้ปกครองแล้ว', markBg: MARK_COLOURS.error, markNote: 'x' };
    const cells = [
      good,
      { r: 3, c: 9, note: '', markBg: MARK_COLOURS.error, markNote: '' },
      null,
      { r: 3, c: 3, bg: 'Invalid color', note: '', markBg: MARK_COLOURS.error, markNote: '' },
      { r: -1, c: 0, bg: '#ffffff', note: '', markBg: MARK_COLOURS.error, markNote: '' },
    ];
    const store = addon.sheet('_dmc_marks');
    store.clear();
    store.getRange('A1').setValue(`'${JSON.stringify({ v: 1, sheetId, sheetName: 'นักเรียน', cells })}`);
    const again = check(addon);
    expect(again).toMatchObject({
      ok: true,
      data: { notices: [{ en: expect.stringContaining('4 damaged saved entries') }] },
    });
    store.clear();
    store.getRange('A1').setValue(`'${JSON.stringify({ v: 1, sheetId, sheetName: 'นักเรียน', cells })}`);
    const out = clear(addon);
    expect(out).toMatchObject({ ok: true, data: { en: expect.stringContaining('4 damaged saved entries skipped') } });
    expect(JSON.stringify(out)).not.toMatch(/Cannot read|undefined/);
    expect(marksLeft(addon, before)).toEqual([]);
    expect(addon.sheet('นักเรียน').peek().notes).toEqual(before.notes);
  });
});

describe('marks follow their rows (4d)', () => {
  const ops: Record<string, (s: FakeSheet) => void> = {
    'rows inserted above': (s) => s.insertRowsBefore(2, 3),
    'rows inserted between': (s) => s.insertRowsAfter(4, 2),
    'a marked row deleted': (s) => s.deleteRow(4),
    'rows deleted above': (s) => s.deleteRows(2, 2),
    'sorted by first name': (s) => s.getRange(2, 1, 8, 14).sort({ column: 4, ascending: true }),
    'sorted by weight, descending': (s) => s.sort(10, false),
    'inserted, sorted and deleted': (s) => {
      s.insertRowsAfter(3, 1);
      s.getRange(2, 1, 9, 14).sort(5);
      s.deleteRow(7);
    },
  };
  for (const [name, op] of Object.entries(ops)) {
    it(`${name}: every mark comes off, the teacher's formatting comes back, nothing "changed by you"`, () => {
      const { addon } = styledAddon();
      const sheet = addon.sheet('นักเรียน');
      // The same operation on the sheet without marks gives the state clear must reach.
      const bare = addon.save();
      op(sheet);
      const want = sheet.peek();
      addon.restore(bare);
      const r = check(addon);
      if (!r.ok) throw new Error(r.error.en);
      op(addon.sheet('นักเรียน'));
      const out = clear(addon);
      expect(out).toMatchObject({ ok: true, data: { th: expect.stringMatching(/^ล้างเครื่องหมายแล้ว \d+ เซลล์/) } });
      expect(out.ok && out.data.th).not.toContain('คงไว้');
      expect(out.ok && out.data.th).not.toContain('จากตัวเครื่องหมายเอง');
      expect(addon.sheet('นักเรียน').peek()).toEqual(want);
    });
  }
});

describe('writes past the sheet’s edge (item 7)', () => {
  it('the fakes refuse a range past the sheet, as Sheets does', () => {
    const addon = loadAddon({ a: [['x']] });
    const s = addon.sheet('a');
    expect(s.getMaxRows()).toBe(1000);
    expect(s.getMaxColumns()).toBe(26);
    expect(() => s.getRange(1001, 1)).toThrow(OUTSIDE);
    expect(() => s.getRange(1, 1, 1, 27)).toThrow(OUTSIDE);
    expect(() => s.getRange('A1001')).toThrow(OUTSIDE);
    s.insertRowsAfter(1000, 5);
    expect(s.getRange(1005, 1).getValue()).toBe('');
  });

  it('the fakes move rows as Sheets does, and fail the call a test asks for', () => {
    const addon = loadAddon({
      a: [
        ['n', 'x'],
        [3, 'c'],
        [1, 'a'],
        [2, 'b'],
      ],
    });
    const s = addon.sheet('a');
    s.getRange('B2').setBackground('#ff0000').setNote('สาม');
    s.getRange(2, 1, 3, 2).sort(1);
    expect(s.peek().values.map((r) => r[1])).toEqual(['x', 'a', 'b', 'c']);
    expect(s.peek().notes[3]![1]).toBe('สาม');
    // An inserted row takes the formats of the row it was inserted after, not its values or notes.
    s.insertRowsAfter(4, 1);
    expect([s.peek().backgrounds[4]![1], s.peek().notes[4]![1], s.peek().values[4]![1]]).toEqual(['#ff0000', '', '']);
    s.deleteRows(2, 2);
    expect(s.size().rows).toBe(1000 - 1);
    addon.calls.reset();
    addon.calls.failAt(2);
    s.getRange('A1');
    expect(() => s.getRange('A1').setValue('no')).toThrow('Exceeded maximum execution time');
    expect(s.getRange('A1').getValue()).toBe('n');
  });

  it('a 2,000-row roster with thousands of findings: the results sheet grows to hold them all', () => {
    const addon = loadAddon({ นักเรียน: values(syntheticRoster(2_000, { seed: 7, faultRate: 0.9 })) });
    addon.call('saveSettings', SETTINGS);
    const r = check(addon);
    if (!r.ok) throw new Error(r.error.en);
    expect(r.data.totalFindings).toBeGreaterThan(1_500);
    const results = addon.sheet('ผลการตรวจ');
    const listed = results
      .peek()
      .values.slice(5)
      .filter((row) => row[2] !== '');
    expect(listed).toHaveLength(r.data.totalFindings);
    expect(results.size().rows).toBeGreaterThanOrEqual(5 + r.data.totalFindings);
    expect(addon.calls.get('Sheet.insertRowsAfter')).toBeGreaterThanOrEqual(1);
    expect(clear(addon).ok).toBe(true);
  });

  it('a roster wider than 26 columns and longer than 1,000 rows is read and marked to its edge', () => {
    const rows = values(syntheticRoster(1_100, { seed: 3, faultRate: 0.1 }));
    rows.forEach((row, i) => row.push(...Array.from({ length: 16 }, (_, j) => (i === 0 ? '' : j === 15 ? 'x' : ''))));
    const addon = loadAddon({ นักเรียน: rows });
    addon.call('saveSettings', SETTINGS);
    const sheet = addon.sheet('นักเรียน');
    expect(sheet.size()).toEqual({ rows: 1_102, cols: 30 });
    const before = sheet.peek();
    const r = check(addon);
    if (!r.ok) throw new Error(r.error.en);
    expect(r.data.marked).toBeGreaterThan(50);
    expect(clear(addon).ok).toBe(true);
    expect(sheet.peek()).toEqual(before);
  });
});
