/**
 * Issue 14 in the add-on, through the built bundle over the fakes: the preview, "แก้ตามที่เลือก" writing exactly
 * the planned values (an ID stays text, format '@'), "ย้อนการแก้" giving back every value and number format,
 * a cell edited since kept, rows and columns moved before undo, a failure at any service call of apply or
 * undo, a lost or damaged undo record, several sheets, the same service calls for 100 or 5,000 fixes; and the
 * sidebar's panel in chromium at 300 px, used from the keyboard.
 */
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFixes, FIX_KINDS, FIX_RULE, planWorkbookFixes, type FixKind } from '../src/core/fixes';
import { hash } from '../src/core/marks';
import { formatCid, withCheckDigit } from '../src/core/thai-id';
import type { Cell } from '../src/core/types';
import { DATA_CALL, type FakeSheet, type Value } from '../src/fakes/index';
import type { CheckData, FixApplied, FixPreview, FixUndone, Result } from '../src/server/index';
import { ALL_KINDS } from '../src/ui/fixes-panel';
import { launch } from './support/browser';
import { loadAddon, type Addon } from './support/gas';
import { cidOf, roster, SETTINGS } from './support/rules';

const SHEET = 'นักเรียน';
const THAI = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
const ZERO_A = withCheckDigit('010370000012');
const ZERO_B = withCheckDigit('010370000013');
const FORMULA = '=HYPERLINK("https://example.org"," สมหญิง ")';
const values = (rows: unknown[][]): Value[][] => rows.map((r) => r.map((v) => (v ?? '') as Value));

/**
 * Every kind of fix once or more (columns A cid, B sid, C prefix, D first name, E last name, G dob, I room,
 * J weight, K height), a name made by a formula, a student number that is text looking like a number between
 * two fixed ones, and an ID cell the teacher formatted as a number.
 */
function everyKind(): Value[][] {
  const dob = (i: number) => `${String(i + 1).padStart(2, '0')}/03/2558`;
  const rows = roster({
    row: { cid: Number(cidOf(0)), firstName: '  สมชาย ', prefix: 'ด.ช.', dob: dob(9) },
    more: [
      { cid: formatCid(cidOf(1)), lastName: 'เเก้วมณี', sid: '๒๐๐๐๑', dob: dob(3) },
      { cid: `'${cidOf(2)}`, firstName: 'ส\u0e4d\u0e32ราญ', prefix: ' ด.ญ. ', gender: 'หญิง', dob: dob(7) },
      { cid: ZERO_A.slice(1), room: '๑', dob: dob(1) },
      { cid: Number(ZERO_B), weight: 35000, height: 1.4, dob: dob(5) },
      { weight: '๓๕', height: '1.45', cid: THAI(cidOf(5)), dob: dob(0) },
      { firstName: 'placeholder', dob: dob(8) },
      { sid: '00123', lastName: 'ใจ  ดี', dob: dob(2) },
      { sid: THAI('20009'), prefix: 'น.ส.', gender: 'หญิง', dob: dob(4) },
    ],
  });
  return values(rows);
}

function setup(rows = everyKind()): Addon {
  const addon = loadAddon({ [SHEET]: rows });
  addon.call('saveSettings', SETTINGS);
  const sheet = addon.sheet(SHEET);
  sheet.getRange('D8').setValue(FORMULA);
  sheet.getRange('A2').setNumberFormat('0');
  sheet.getRange('E3').setNumberFormat('@');
  addon.calls.reset();
  return addon;
}

/** What a sheet holds as Apps Script reads it: values, number formats, formulas (and fills and notes). */
function state(sheet: FakeSheet) {
  const range = sheet.getDataRange();
  const p = sheet.peek();
  return {
    values: range.getValues(),
    formats: range.getNumberFormats(),
    formulas: range.getFormulas(),
    backgrounds: p.backgrounds,
    notes: p.notes,
  };
}
/** The sheet without the marks a check puts on it (marks have their own tests): values, formats, formulas. */
function cells(sheet: FakeSheet) {
  const { values, formats, formulas } = state(sheet);
  return { values, formats, formulas };
}

const preview = (addon: Addon, kinds?: FixKind[]) =>
  addon.call<Result<FixPreview>>('previewFixes', ...(kinds ? [kinds] : []));
const apply = (addon: Addon, selection: object = { kinds: [...FIX_KINDS] }) =>
  addon.call<Result<FixApplied>>('applySelectedFixes', selection);
const undo = (addon: Addon) => addon.call<Result<FixUndone>>('undoFixes');
function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.error.en);
  return r.data;
}

/** The plan core makes for the sheet as it is (what the add-on must write), formula cells left out. */
function planned(addon: Addon, kinds?: FixKind[]) {
  const sheet = addon.sheet(SHEET);
  const before = sheet.getDataRange().getValues() as Cell[][];
  const formulas = sheet.getDataRange().getFormulas();
  const fixes = planWorkbookFixes(
    { source: 'Roster', sheets: [{ name: SHEET, values: before }] },
    SETTINGS,
    kinds ? { kinds } : {},
  ).filter((f) => !formulas[f.row]![f.col]);
  return { before, fixes, after: applyFixes(before, fixes) };
}

/** Findings of a fixed kind left on a fixed cell by the check the add-on ran again. */
function fixedLeft(check: CheckData, fixes: ReturnType<typeof planned>['fixes']): string[] {
  const byCell = new Map(fixes.map((f) => [f.cell, f]));
  return check.findings
    .filter((x) => {
      const f = x.cell ? byCell.get(x.cell) : undefined;
      return f && [f.kind, ...(f.also ?? [])].some((k) => FIX_RULE[k] === x.rule);
    })
    .map((x) => `${x.rule}@${x.cell}`);
}

describe('preview', () => {
  it('the sidebar lists its kinds in core order', () => expect(ALL_KINDS).toEqual(FIX_KINDS));

  it('groups every fixable cell by kind with before → after and the rule; a formula is never offered', () => {
    const addon = setup();
    const p = ok(preview(addon));
    const { fixes } = planned(addon);
    expect(p.total).toBe(fixes.length);
    expect(p.selected).toBe(fixes.length);
    expect(p.sheets).toEqual([SHEET]);
    expect(p.undoable).toBe(0);
    const items = p.groups.flatMap((g) => g.items.map((i) => ({ ...i, group: g.kind })));
    expect(items.map((i) => i.cell).sort()).toEqual(fixes.map((f) => f.cell).sort());
    expect(items.every((i) => i.group === i.kind)).toBe(true);
    expect(items.find((i) => i.cell === 'D8')).toBeUndefined();
    expect(items.find((i) => i.cell === 'D2')).toMatchObject({
      kind: 'spaces',
      rule: 'name.whitespace',
      before: '  สมชาย ',
      after: 'สมชาย',
    });
    // A number made text shows the same digits: the types tell them apart.
    expect(items.find((i) => i.cell === 'A2')).toMatchObject({
      kind: 'cid-as-text',
      before: cidOf(0),
      after: cidOf(0),
      beforeType: 'number',
      afterType: 'text',
    });
    expect(items.find((i) => i.cell === 'A6')).toMatchObject({ kind: 'cid-leading-zero', also: ['cid-as-text'] });
    for (const g of p.groups) expect(g.count).toBe(g.items.length);
    expect(p.kinds.map((k) => k.kind)).toEqual(FIX_KINDS.filter((k) => p.kinds.some((x) => x.kind === k)));
    expect(p.kinds.find((k) => k.kind === 'prefix-word')).toMatchObject({
      cells: 9,
      label: { th: expect.any(String) },
    });
    // The preview only reads.
    expect(addon.calls.total(/^Range\.set|^Sheet\.(insert|delete)|^Spreadsheet\.insertSheet/)).toBe(0);
  });

  it('prefix words switched off: no prefix is offered or written', () => {
    const addon = setup();
    const kinds = FIX_KINDS.filter((k) => k !== 'prefix-word');
    const p = ok(preview(addon, kinds));
    expect(p.kinds.some((k) => k.kind === 'prefix-word')).toBe(true);
    expect(p.groups.some((g) => g.kind === 'prefix-word')).toBe(false);
    // ' ด.ญ. ' still loses its spaces, but stays an abbreviation.
    expect(p.groups.flatMap((g) => g.items).find((i) => i.cell === 'C4')).toMatchObject({ after: 'ด.ญ.' });
    ok(apply(addon, { kinds }));
    const v = addon.sheet(SHEET).getDataRange().getValues();
    expect([v[1]![2], v[3]![2], v[9]![2]]).toEqual(['ด.ช.', 'ด.ญ.', 'น.ส.']);
  });
});

describe('apply and undo', () => {
  it('apply writes exactly the planned values: IDs as text with format @, text stays text, formulas stay', () => {
    const addon = setup();
    const { fixes, after } = planned(addon);
    const out = ok(apply(addon));
    expect(out.fixed).toBe(fixes.length);
    expect(out.skipped).toBe(1);
    expect(out.undoable).toBe(fixes.length);
    expect(out.message.th).toContain(`แก้แล้ว ${fixes.length} เซลล์`);
    expect(out.changes.map((c) => c.cell)).toEqual(fixes.map((f) => f.cell));
    const sheet = addon.sheet(SHEET);
    const now = cells(sheet);
    expect(now.values).toEqual(after);
    for (const f of fixes.filter((x) => x.field === 'cid')) {
      expect(typeof now.values[f.row]![f.col]).toBe('string');
      expect(now.formats[f.row]![f.col]).toBe('@');
    }
    expect(now.values[4]![0]).toBe(ZERO_A);
    expect(now.values[5]![0]).toBe(ZERO_B);
    // Between two fixed student numbers, "00123" is still text; the formula is still a formula.
    expect(now.values[8]![1]).toBe('00123');
    expect(now.formulas[7]![3]).toBe(FORMULA);
    expect(now.values[6]![9]).toBe('35');
    expect(now.values[6]![10]).toBe('145');
    expect(now.values[5]![9]).toBe(35);
    // The check ran again: no finding of a fixed kind is left on a fixed cell.
    expect(out.check).not.toBeNull();
    expect(fixedLeft(out.check!, fixes)).toEqual([]);
    // Fixing again finds nothing more.
    expect(ok(preview(addon)).total).toBe(0);
    expect(apply(addon)).toMatchObject({ ok: false, error: { th: expect.stringContaining('ไม่มีรายการ') } });
  });

  it('undo gives back every value, number format and formula exactly, and removes its record', () => {
    const addon = setup();
    const before = cells(addon.sheet(SHEET));
    const fixed = ok(apply(addon));
    expect(addon.sheet('_dmc_fixes')).toBeDefined();
    expect(ok(preview(addon)).undoable).toBe(fixed.fixed);
    const out = ok(undo(addon));
    expect(out).toMatchObject({ restored: fixed.fixed, kept: 0, missing: 0, bad: 0 });
    expect(out.message.th).toBe(`ย้อนการแก้แล้ว ${fixed.fixed} เซลล์`);
    expect(cells(addon.sheet(SHEET))).toEqual(before);
    expect(addon.sheet('_dmc_fixes')).toBeUndefined();
    expect(undo(addon)).toMatchObject({ ok: false, error: { th: 'ไม่มีการแก้ให้ย้อน' } });
    expect(out.check?.findings.some((f) => f.rule === 'cid.stored-as-number')).toBe(true);
  });

  it('a cell the user edited after the fix keeps the user’s value, and undo says so', () => {
    const addon = setup();
    const before = cells(addon.sheet(SHEET));
    ok(apply(addon));
    const sheet = addon.sheet(SHEET);
    sheet.getRange('D2').setValue('สมปอง');
    sheet.getRange('A3').setValue(`'${cidOf(7)}`);
    const out = ok(undo(addon));
    expect(out.kept).toBe(2);
    expect(out.message.th).toContain('2 เซลล์ที่แก้ไขภายหลัง คงไว้ตามที่ผู้ใช้แก้');
    expect(out.message.en).toContain('2 cells changed since keep your changes');
    const now = cells(addon.sheet(SHEET));
    expect(now.values[1]![3]).toBe('สมปอง');
    expect(now.values[2]![0]).toBe(cidOf(7));
    const want = structuredClone(before);
    want.values[1]![3] = 'สมปอง';
    want.values[2]![0] = cidOf(7);
    want.formats[2]![0] = '@';
    expect(now).toEqual(want);
  });

  it('only the chosen cells, or all but the unticked ones; a cell changed since the preview is not fixed', () => {
    const addon = setup();
    const p = ok(preview(addon));
    const items = p.groups.flatMap((g) => g.items);
    const d2 = items.find((i) => i.cell === 'D2')!;
    const c2 = items.find((i) => i.cell === 'C2')!;
    const only = ok(
      apply(addon, { kinds: FIX_KINDS, cells: [d2, c2].map(({ sheet, cell, after }) => ({ sheet, cell, after })) }),
    );
    expect(only.changes.map((c) => c.cell)).toEqual(['C2', 'D2']);
    ok(undo(addon));
    const skipped = ok(apply(addon, { kinds: FIX_KINDS, skip: [{ sheet: SHEET, cell: 'D2' }] }));
    expect(skipped.fixed).toBe(items.length - 1);
    expect(addon.sheet(SHEET).getRange('D2').getValue()).toBe('  สมชาย ');
    ok(undo(addon));
    // The teacher changes D2 after the preview: the previewed fix no longer fits it.
    addon.sheet(SHEET).getRange('D2').setValue(' สมศักดิ์');
    expect(apply(addon, { kinds: FIX_KINDS, cells: [{ sheet: SHEET, cell: 'D2', after: d2.after }] })).toMatchObject({
      ok: false,
      error: { th: expect.stringContaining('เปลี่ยนไปหลังแสดงตัวอย่าง') },
    });
    expect(addon.sheet(SHEET).getRange('D2').getValue()).toBe(' สมศักดิ์');
    expect(apply(addon, { kinds: ['nonsense'] })).toMatchObject({
      ok: false,
      error: { en: expect.stringContaining('not valid') },
    });
    expect(apply(addon, { kinds: FIX_KINDS, cells: [{ sheet: SHEET, cell: 'A1:B2' }] })).toMatchObject({ ok: false });
  });

  it('two applies, one undo: the values before the first come back', () => {
    const addon = setup();
    const before = cells(addon.sheet(SHEET));
    ok(apply(addon, { kinds: ['spaces', 'thai-digits'] }));
    expect(addon.sheet(SHEET).getRange('C4').getValue()).toBe('ด.ญ.');
    const second = ok(apply(addon, { kinds: FIX_KINDS }));
    expect(addon.sheet(SHEET).getRange('C4').getValue()).toBe('เด็กหญิง');
    expect(second.undoable).toBe(planned(setup()).fixes.length);
    ok(undo(addon));
    expect(cells(addon.sheet(SHEET))).toEqual(before);
  });
});

describe('undo follows rows and columns', () => {
  const ops: Record<string, (s: FakeSheet) => void> = {
    'rows inserted above': (s) => s.insertRowsBefore(2, 3),
    'a fixed row deleted': (s) => s.deleteRow(4),
    'sorted by date of birth': (s) => s.getRange(2, 1, 9, 14).sort({ column: 7, ascending: true }),
    'a column inserted before the roster': (s) => s.insertColumnsBefore(1, 1),
    'inserted, sorted, deleted and a column added': (s) => {
      s.insertRowsAfter(3, 2);
      s.getRange(2, 1, 11, 14).sort({ column: 7, ascending: false });
      s.deleteRow(6);
      s.insertColumnsBefore(3, 1);
    },
  };
  for (const [name, op] of Object.entries(ops)) {
    it(`${name}: every fixed cell still there gets its value and format back`, () => {
      const addon = setup();
      const bare = addon.save();
      op(addon.sheet(SHEET));
      const want = cells(addon.sheet(SHEET));
      addon.restore(bare);
      const fixed = ok(apply(addon));
      op(addon.sheet(SHEET));
      const out = ok(undo(addon));
      expect(out.kept).toBe(0);
      expect(out.restored + out.missing).toBe(fixed.fixed);
      if (!name.includes('deleted')) expect(out.missing).toBe(0);
      expect(cells(addon.sheet(SHEET))).toEqual(want);
    });
  }
});

describe('apply and undo write only what is theirs', () => {
  // Two pupils with one name and one birth date, no citizen ID yet: the one fixed (เเก้ว → แก้ว) is deleted and
  // the other moves up into its row. Its student number says it is someone else: undo leaves its name alone.
  const twins = (cid: Cell = '') =>
    values(
      roster({
        row: { cid, sid: '๒๐๐๐๐', prefix: 'เด็กชาย', firstName: 'เเก้ว', lastName: '', dob: '15/03/2558' },
        more: [{ cid: '', sid: '1', prefix: 'เด็กชาย', firstName: 'แก้ว', lastName: '', dob: '15/03/2558' }],
      }),
    );
  const load = (rows: Value[][]) => {
    const addon = loadAddon({ [SHEET]: rows });
    addon.call('saveSettings', SETTINGS);
    return addon;
  };

  it('a fixed row deleted, a namesake moved into its place: the sheet is as if never fixed', () => {
    const addon = load(twins());
    const bare = addon.save();
    addon.sheet(SHEET).deleteRow(2);
    const want = cells(addon.sheet(SHEET));
    addon.restore(bare);
    ok(apply(addon));
    addon.sheet(SHEET).deleteRow(2);
    const out = ok(undo(addon));
    expect(out.missing).toBeGreaterThan(0);
    expect(cells(addon.sheet(SHEET))).toEqual(want);
  });

  it('text opening with "=" in a plain-text cell between two fixed cells is never rewritten', () => {
    const addon = load(
      values(roster({ row: { lastName: 'ใจ  ดี' }, more: [{ lastName: '=สม' }, { lastName: 'เเก้วมณี' }] })),
    );
    const sheet = addon.sheet(SHEET);
    const col = (sheet.getDataRange().getValues()[0] as string[]).indexOf('นามสกุล') + 1;
    sheet.getRange(3, col).setNumberFormat('@');
    sheet.getRange(3, col).setValue("'=สม");
    const block = () => sheet.getRange(2, col, 3, 1);
    const cellsOf = () => ({ values: block().getValues(), formulas: block().getFormulas() });
    expect(cellsOf().formulas).toEqual([[''], [''], ['']]);
    ok(apply(addon));
    expect(cellsOf()).toEqual({ values: [['ใจ ดี'], ['=สม'], ['แก้วมณี']], formulas: [[''], [''], ['']] });
    ok(undo(addon));
    expect(cellsOf()).toEqual({ values: [['ใจ  ดี'], ['=สม'], ['เเก้วมณี']], formulas: [[''], [''], ['']] });
  });

  it('the fixed row with its student number retyped since is still found by its citizen ID and the rest', () => {
    const addon = load(twins(cidOf(0)));
    ok(apply(addon));
    addon.sheet(SHEET).getRange('B2').setValue('20001');
    const out = ok(undo(addon));
    expect(out.kept).toBe(1);
    expect(addon.sheet(SHEET).getRange('D2').getValue()).toBe('เเก้ว');
    expect(addon.sheet(SHEET).getRange('D3').getValue()).toBe('แก้ว');
  });
});

describe('undo state never gets stuck', () => {
  /**
   * The calls of a run's own part, up to and including the release of its lock, measured on a copy of the
   * state, and ten more: the loops below fail each of them. The rest is the check run again at the end (its
   * failure leaves the cells as the run wrote them and is said; marks have their own tests).
   */
  function callsOf(addon: Addon, run: () => unknown): number {
    const start = addon.save();
    addon.calls.reset();
    addon.calls.failOn('Lock.releaseLock');
    run();
    const own = addon.calls.lastFailure!.at;
    addon.restore(start);
    return own + 10;
  }

  it('a failure at any call of apply: undo (once more if it failed) gives back every value and format', () => {
    const addon = setup();
    const start = addon.save();
    const before = cells(addon.sheet(SHEET));
    const total = callsOf(addon, () => apply(addon));
    expect(total).toBeGreaterThan(25);
    const stuck: number[] = [];
    for (let n = 1; n <= total; n++) {
      addon.restore(start);
      addon.calls.failAt(n);
      apply(addon);
      addon.calls.disarm();
      const r = undo(addon);
      if (!r.ok && !/ไม่มีการแก้ให้ย้อน/.test(r.error.th)) stuck.push(n);
      if (JSON.stringify(cells(addon.sheet(SHEET))) !== JSON.stringify(before)) stuck.push(n);
      // Nothing is left to undo, and no empty record sheet stays behind.
      if (undo(addon).ok || addon.sheet('_dmc_fixes')) stuck.push(n);
    }
    console.log(`faults: apply: each of ${total} calls failed in turn`);
    expect(stuck).toEqual([]);
  }, 30_000);

  it('a failure at any call of a second apply: undo gives back the values before the first', () => {
    const addon = setup();
    const before = cells(addon.sheet(SHEET));
    ok(apply(addon, { kinds: ['spaces', 'cid-separators'] }));
    const start = addon.save();
    const total = callsOf(addon, () => apply(addon));
    const stuck: number[] = [];
    for (let n = 1; n <= total; n++) {
      addon.restore(start);
      addon.calls.failAt(n);
      apply(addon);
      addon.calls.disarm();
      ok(undo(addon));
      if (JSON.stringify(cells(addon.sheet(SHEET))) !== JSON.stringify(before)) stuck.push(n);
    }
    console.log(`faults: a second apply: each of ${total} calls failed in turn`);
    expect(stuck).toEqual([]);
  }, 30_000);

  it('a failure at any call of undo: a second undo finishes the job', () => {
    const addon = setup();
    const before = cells(addon.sheet(SHEET));
    ok(apply(addon));
    const start = addon.save();
    const total = callsOf(addon, () => undo(addon));
    const stuck: number[] = [];
    for (let n = 1; n <= total; n++) {
      addon.restore(start);
      addon.calls.failAt(n);
      const first = undo(addon);
      addon.calls.disarm();
      const second = undo(addon);
      // The first may have failed after its last write (releasing the lock): then there is nothing left.
      if (!first.ok && !second.ok && !/ไม่มีการแก้ให้ย้อน/.test(second.error.th)) stuck.push(n);
      if (JSON.stringify(cells(addon.sheet(SHEET))) !== JSON.stringify(before)) stuck.push(n);
    }
    console.log(`faults: undo: each of ${total} calls failed in turn`);
    expect(stuck).toEqual([]);
  }, 30_000);

  it('record sheet deleted: undo says there is nothing to undo and changes nothing', () => {
    const addon = setup();
    ok(apply(addon));
    addon.spreadsheet.deleteSheet(addon.sheet('_dmc_fixes'));
    const fixed = cells(addon.sheet(SHEET));
    expect(undo(addon)).toMatchObject({ ok: false, error: { th: 'ไม่มีการแก้ให้ย้อน' } });
    expect(cells(addon.sheet(SHEET))).toEqual(fixed);
  });

  it('record typed over: undo refuses, says where to find the old values, changes nothing; a new apply replaces it', () => {
    const addon = setup();
    ok(apply(addon, { kinds: ['spaces'] }));
    const record = addon.sheet('_dmc_fixes');
    record.getRange(1, 1, 2, 2).setValues([
      ['{"oops"', 'ดูอะไร'],
      ['', 'x'],
    ]);
    const fixed = cells(addon.sheet(SHEET));
    const r = undo(addon);
    expect(r).toMatchObject({ ok: false, error: { th: expect.stringContaining('ประวัติเวอร์ชัน') } });
    expect(cells(addon.sheet(SHEET))).toEqual(fixed);
    const again = ok(apply(addon, { kinds: ['prefix-word'] }));
    expect(again.notices.map((n) => n.en).join(' ')).toContain('earlier undo record was damaged');
    ok(undo(addon));
    expect(addon.sheet(SHEET).getRange('C2').getValue()).toBe('ด.ช.');
  });

  it('entries that fail validation are skipped and counted; the rest are undone', () => {
    const addon = setup();
    const before = cells(addon.sheet(SHEET));
    ok(apply(addon));
    const record = addon.sheet('_dmc_fixes');
    const lines = record
      .getDataRange()
      .getValues()
      .map((r) => String(r[0] ?? ''));
    const head = lines[0]!.split('|');
    const json = JSON.parse(lines.slice(1, 1 + Number(head[3])).join(''));
    // Three broken entries: a negative column, an unknown field, a value no cell can hold.
    const rows = json.sheets[0].rows;
    rows[0].cells[0].c = -1;
    rows[1].cells[0].k = 'shoeSize';
    rows[2].cells[0].b = { x: 1 };
    const broken = [rows[0].cells[0], rows[1].cells[0], rows[2].cells[0]].map((c: { c: number }) => c);
    const text = JSON.stringify(json);
    record.clear();
    record
      .getRange(1, 1, 2, 1)
      .setValues([[`'${[head[0], head[1], head[2], 1, text.length, hash(text)].join('|')}`], [`'${text}`]]);
    const out = ok(undo(addon));
    expect(out.bad).toBe(3);
    expect(out.message.th).toContain('ข้อมูลที่บันทึกไว้เสียหาย 3 รายการ ข้ามไป');
    expect(broken).toHaveLength(3);
    // Every cell but the three broken ones is back.
    const now = cells(addon.sheet(SHEET));
    let differ = 0;
    now.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== before.values[r]![c] || now.formats[r]![c] !== before.formats[r]![c]) differ++;
      }),
    );
    expect(differ).toBeGreaterThanOrEqual(1);
    expect(differ).toBeLessThanOrEqual(3);
  });
});

describe('several sheets', () => {
  it('every roster sheet is previewed, fixed and undone', () => {
    const one = everyKind();
    const two = values(
      roster({ row: { firstName: 'สมหมาย  ', cid: cidOf(40) }, more: [{ prefix: 'ด.ช.', cid: cidOf(41) }] }),
    );
    const addon = loadAddon({ 'ห้อง 1': one, 'ห้อง 2': two, คำชี้แจง: [['อ่านก่อนกรอก']] });
    addon.call('saveSettings', SETTINGS);
    const before = [cells(addon.sheet('ห้อง 1')), cells(addon.sheet('ห้อง 2'))];
    const p = ok(preview(addon));
    expect(p.sheets).toEqual(['ห้อง 1', 'ห้อง 2']);
    const out = ok(apply(addon));
    expect(out.message.th).toContain('ใน 2 แผ่นงาน');
    expect(addon.sheet('ห้อง 2').getRange('D2').getValue()).toBe('สมหมาย');
    expect(addon.sheet('ห้อง 2').getRange('C3').getValue()).toBe('เด็กชาย');
    expect(out.check?.sheets).toEqual(['ห้อง 1', 'ห้อง 2']);
    ok(undo(addon));
    expect([cells(addon.sheet('ห้อง 1')), cells(addon.sheet('ห้อง 2'))]).toEqual(before);
  });
});

/** Clean Thai syllables: two make a last name, 1,024 of them, so no two students look like one. */
const SYL =
  'สม ใจ ดี มี สุข บุญ มา ทอง ศรี แก้ว พร จันทร์ ทิพย์ วงศ์ ชัย รัตน์ กุล เพชร สว่าง ประ เสริฐ อินทร์ คำ แสง เงิน นาค สิทธิ์ ธรรม บุตร พันธ์ ศักดิ์ เดช'.split(
    ' ',
  );
const lastName = (i: number) => SYL[i % 32]! + SYL[Math.floor(i / 32) % 32]!;

describe('service calls', () => {
  /**
   * A 1,000-row roster whose students need five fixes each (ID dashes, Thai-digit student number, room and
   * weight, ด.ช.) — in the first 20 rows only, or in every row: 100 or 5,000 fixes, the same columns.
   */
  function calls(faulty: number) {
    const more = Array.from({ length: 999 }, (_, i) => {
      const bad = i + 1 < faulty;
      const n = i + 1;
      return bad
        ? { cid: formatCid(cidOf(n)), sid: THAI(String(20000 + n)), room: '๑', weight: '๓๕', prefix: 'ด.ช.' }
        : { cid: cidOf(n), prefix: 'เด็กชาย', lastName: lastName(n) };
    }).map((row, i) => ({ ...row, lastName: lastName(i + 1) }));
    const first = {
      cid: formatCid(cidOf(0)),
      sid: THAI('20000'),
      room: '๑',
      weight: '๓๕',
      prefix: 'ด.ช.',
      lastName: lastName(0),
    };
    const addon = loadAddon({ [SHEET]: values(roster({ row: first, more })) });
    addon.call('saveSettings', SETTINGS);
    const run = <T>(f: () => Result<T>) => {
      addon.calls.reset();
      const data = ok(f());
      return { data, calls: addon.calls.snapshot() };
    };
    const p = run(() => preview(addon));
    const a = run(() => apply(addon));
    // The check alone on the fixed roster: the part of apply's and undo's calls that is the check run again.
    const c = run(() => addon.call<Result<CheckData>>('checkRoster'));
    const u = run(() => undo(addon));
    return {
      fixes: a.data.fixed,
      restored: u.data.restored,
      preview: p.calls,
      apply: a.calls,
      check: c.calls,
      undo: u.calls,
    };
  }

  /** Reads and writes of cells (values, formats, formulas) a run makes beyond those of the check. */
  function dataCalls(run: Record<string, number>, check: Record<string, number>): Record<string, number> {
    return Object.fromEntries(
      Object.entries(run)
        .filter(([k]) => DATA_CALL.test(k))
        .map(([k, v]) => [k, v - (check[k] ?? 0)])
        .filter(([, v]) => v !== 0),
    );
  }

  it('the same calls, method by method, for 100 or 5,000 fixes', () => {
    const few = calls(20);
    const many = calls(1_000);
    expect([few.fixes, many.fixes]).toEqual([100, 5_000]);
    expect([few.restored, many.restored]).toEqual([100, 5_000]);
    expect(many.preview).toEqual(few.preview);
    expect(many.apply).toEqual(few.apply);
    expect(many.undo).toEqual(few.undo);
    const sum = (s: Record<string, number>) => Object.values(s).reduce((x, y) => x + y, 0);
    console.log(
      `fixes, service calls for 100 and 5,000 fixes alike: preview ${sum(few.preview)}, apply ${sum(few.apply)}, ` +
        `undo ${sum(few.undo)} (apply and undo each include the check they run again: a check alone makes ` +
        `${sum(few.check)}); reads and writes of cells by apply beyond the check's: ` +
        JSON.stringify(dataCalls(few.apply, few.check)),
    );
  }, 60_000);
});

describe('the sidebar panel (chromium, 300 px, keyboard only)', () => {
  let browser: Browser;
  let page: Page;
  let addon: Addon;
  const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

  beforeAll(async () => {
    const rows = everyKind();
    // Sheet text that looks like markup must stay text.
    rows[7]![4] = '<img src=x onerror="window.pwned=1">  ';
    addon = setup(rows);
    const entry = `
      import { mountFixes } from './src/ui/fixes-panel';
      const api = (name, ...args) => window.__server(name, args);
      window.checks = 0;
      window.panel = mountFixes(document.getElementById('fixes'), api, 'th', { onCheck: () => window.checks++ });
      window.panel.refresh();`;
    const js = await esbuild.build({
      stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      format: 'iife',
      target: 'es2020',
      write: false,
    });
    const css = readFileSync('src/ui/sidebar.css', 'utf8');
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 300, height: 900 } });
    await page.exposeFunction('__server', (name: string, args: unknown[]) => addon.call(name, ...args));
    await page.setContent(
      `<!doctype html><html lang="th"><head><meta charset="utf-8"><style>${css}</style></head>` +
        `<body><main><section id="fixes"></section></main></body></html>`,
    );
    await page.addScriptTag({ content: js.outputFiles[0]!.text });
    await page.locator('#fixes-title', { hasText: 'แก้ให้อัตโนมัติได้' }).waitFor({ timeout: 20_000 });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('previews, applies a keyboard selection, undoes; text stays text; fits 300 px; no serious axe violation', async () => {
    const total = planned(addon).fixes.length;
    await expect(page.locator('#fixes-title').textContent()).resolves.toContain(String(total));
    // Fits the sidebar: nothing wider than 300 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    // Markup in a name is shown as text, never parsed.
    await page.locator('.fix-kind[data-kind="spaces"] summary').focus();
    await page.keyboard.press('Enter');
    if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT, fullPage: true });
    await expect(page.locator('.fix-item[data-cell="E8"]').textContent()).resolves.toContain('<img src=x');
    expect(await page.evaluate(() => [document.querySelectorAll('#fixes img').length, 'pwned' in window])).toEqual([
      0,
      false,
    ]);
    const axe = await page.evaluate(async (src) => {
      new Function(src)();
      const w = window as unknown as {
        axe: { run(c: Element): Promise<{ violations: Array<{ id: string; impact: string }> }> };
      };
      return (await w.axe.run(document.getElementById('fixes')!)).violations.map((v) => `${v.impact} ${v.id}`);
    }, AXE);
    expect(axe.filter((v) => /^(serious|critical)/.test(v))).toEqual([]);

    // Prefix words off, from the keyboard: the switch, then Space.
    await page.locator('.fix-switch').focus();
    await page.keyboard.press('Space');
    await expect
      .poll(() => page.locator('.fix-switch').getAttribute('aria-checked'), { timeout: 15_000 })
      .toBe('false');
    await expect
      .poll(() => page.locator('.fix-kind[data-kind="prefix-word"] details').count(), { timeout: 15_000 })
      .toBe(0);
    // Focus came back to the switch after the preview was drawn again.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('fix-switch');
    // Untick D2 (its spaces stay) with Space on its tick box.
    await page.locator('.fix-kind[data-kind="spaces"] summary').focus();
    if (!(await page.locator('.fix-kind[data-kind="spaces"] details').evaluate((d) => (d as HTMLDetailsElement).open)))
      await page.keyboard.press('Enter');
    await page.locator('.fix-item[data-cell="D2"] input').focus();
    await page.keyboard.press('Space');
    expect(
      await page
        .locator('.fix-kind[data-kind="spaces"] input[type=checkbox]')
        .first()
        .evaluate((b) => (b as HTMLInputElement).indeterminate),
    ).toBe(true);
    await page.locator('#fixes-apply').focus();
    await page.keyboard.press('Enter');
    await page.locator('#fixes-status', { hasText: 'แก้แล้ว' }).waitFor({ timeout: 20_000 });
    if (process.env.SHOT)
      await page.screenshot({ path: process.env.SHOT.replace('.png', '-applied.png'), fullPage: true });
    const sheet = addon.sheet(SHEET);
    expect(sheet.getRange('D2').getValue()).toBe('  สมชาย ');
    expect(sheet.getRange('C2').getValue()).toBe('ด.ช.');
    expect(sheet.getRange('E3').getValue()).toBe('แก้วมณี');
    expect(sheet.getRange('A2').getValue()).toBe(cidOf(0));
    expect(await page.evaluate(() => (window as unknown as { checks: number }).checks)).toBe(1);
    // Undo from the keyboard puts every value back.
    await page.locator('#fixes-undo').waitFor({ timeout: 15_000 });
    await page.locator('#fixes-undo').focus();
    await page.keyboard.press('Enter');
    await page.locator('#fixes-status', { hasText: 'ย้อนการแก้แล้ว' }).waitFor({ timeout: 20_000 });
    expect(addon.sheet(SHEET).getRange('E3').getValue()).toBe('เเก้วมณี');
    expect(addon.sheet(SHEET).getRange('A2').getValue()).toBe(Number(cidOf(0)));
    expect(await page.locator('#fixes-undo').count()).toBe(0);
  }, 90_000);

  it('writes no markup: only text nodes and attributes', () => {
    const src = readFileSync('src/ui/fixes-panel.ts', 'utf8');
    expect(src).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});
