/**
 * Issue 11: marks write only the cells they change. On the bench's 5,000 × 36 roster with 50 scattered
 * findings, a check, a re-check after edits and a clear each write exactly the cells whose note or fill
 * changes (the one block marks wrote before covered 63,713 cells each way), in at most 2 × WRITE_PIECES
 * calls; with more distinct notes than that allows, never more cells than that block.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { WRITE_PIECES } from '../src/core/mark-writes';
import { validate } from '../src/core/validate';
import { FakeRange, type Value } from '../src/fakes/index';
import { FakeRangeList, type FakeSheet } from '../src/fakes/spreadsheet';
import type { CheckData, Result } from '../src/server/index';
import { loadAddon } from './support/gas';
import { SETTINGS } from './support/rules';
import { syntheticRoster, wrongCheckDigit } from './support/synthetic';

/**
 * Calls that write marks: lists of ranges (getRangeList and its set), blocks (a setNotes or setBackgrounds
 * and its getRange).
 */
function markWriteCalls(s: Record<string, number>): number {
  let n = 0;
  for (const [k, v] of Object.entries(s)) {
    if (/^(Sheet\.getRangeList|RangeList\.)/.test(k)) n += v;
    if (/^Range\.(setNotes|setBackgrounds)$/.test(k)) n += 2 * v;
  }
  return n;
}

const ROSTER = 'นักเรียน';
/** Cells each write covers on the roster sheet: the fakes count calls, not cells, so the test wraps them. */
const written = { notes: 0, backgrounds: 0 };
const unwrap: Array<() => void> = [];
function wrap<T extends { sheet: FakeSheet }>(
  proto: T,
  method: string,
  kind: keyof typeof written,
  cells: (self: T) => number,
): void {
  const p = proto as unknown as Record<string, (...a: unknown[]) => unknown>;
  const original = p[method]!;
  p[method] = function (this: T, ...args: unknown[]) {
    if (this.sheet.name === ROSTER) written[kind] += cells(this);
    return original.apply(this, args);
  };
  unwrap.push(() => (p[method] = original));
}
const area = (r: FakeRange) => r.rows * r.cols;
const listArea = (l: FakeRangeList) => l.ranges.reduce((s, r) => s + area(r), 0);
wrap(FakeRange.prototype, 'setNotes', 'notes', area);
wrap(FakeRange.prototype, 'setNote', 'notes', () => 1);
wrap(FakeRange.prototype, 'setBackgrounds', 'backgrounds', area);
wrap(FakeRange.prototype, 'setBackground', 'backgrounds', area);
// A list's setNote writes each range's top-left cell (as Range.setNote does); marks list single cells.
wrap(FakeRangeList.prototype, 'setNote', 'notes', (l) => l.ranges.length);
wrap(FakeRangeList.prototype, 'clearNote', 'notes', listArea);
wrap(FakeRangeList.prototype, 'setBackground', 'backgrounds', listArea);
afterAll(() => unwrap.forEach((f) => f()));

const ROWS = 5_000;
const PLANTED = 50;
const STEP = ROWS / PLANTED;
const WIDTH = 36;

/**
 * The bench's roster (scripts/bench.ts, section 7): 5,000 students × 36 columns the core finds nothing in
 * (students it flags are left out), and 50 cell findings, one every 100 rows, in three columns far apart.
 */
function payloadRoster(): { sheet: Value[][]; clean: Value[][] } {
  const [title, header, ...students] = syntheticRoster(ROWS + 100, { seed: 6, faultRate: 0 });
  const found = validate([title!, header!, ...students], SETTINGS).findings;
  const bad = new Set(found.filter((f) => f.row !== null).map((f) => f.row! - 3)); // title row 1, header 2
  const extra = WIDTH - header!.length;
  const clean = students
    .filter((_, i) => !bad.has(i))
    .slice(0, ROWS)
    .map((r, i) => [
      ...r.map((v, j) => (j === 0 ? i + 1 : (v ?? '')) as Value),
      ...Array.from({ length: extra }, (_, j) => `ค่า ${(i * 7 + j) % 97}`),
    ]);
  const head = [
    title!.map((v) => (v ?? '') as Value),
    [...header!.map((v) => (v ?? '') as Value), ...Array.from({ length: extra }, (_, j) => `ข้อมูลเพิ่มเติม ${j + 1}`)],
  ];
  const planted = clean.map((row, i) => {
    if (i % STEP) return row;
    const out = row.slice();
    const { col, value } = plant(row, i / STEP);
    out[col] = value;
    return out;
  });
  return { sheet: [...head, ...planted], clean };
}

/** The kth planted finding on a student's row: a wrong check digit (B), an impossible date (H), no exam entry (N). */
function plant(row: readonly Value[], k: number): { col: number; value: Value } {
  if (k % 3 === 0) return { col: 1, value: wrongCheckDigit(String(row[1])) };
  if (k % 3 === 1) return { col: 7, value: '31/02/2555' };
  return { col: 13, value: '' };
}

/** Types a student's cell as the teacher would, text kept text (the roster's IDs are text). */
function put(sheet: FakeSheet, student: number, col: number, value: Value): void {
  sheet.getRange(student + 3, col + 1).setValue(typeof value === 'string' && value ? `'${value}` : value);
}

type Peek = ReturnType<FakeSheet['peek']>;
const differs = (a: Peek, b: Peek, i: number, j: number) => ({
  note: b.notes[i]![j] !== (a.notes[i]?.[j] ?? ''),
  fill: b.backgrounds[i]![j] !== (a.backgrounds[i]?.[j] ?? '#ffffff'),
});

/** Cells whose note or fill differs between two states of the sheet, and the block holding them all. */
function changes(a: Peek, b: Peek): { notes: number; backgrounds: number; extent: number } {
  const out = { notes: 0, backgrounds: 0, extent: 0 };
  let [r0, c0, r1, c1] = [Infinity, Infinity, -1, -1];
  b.notes.forEach((row, i) =>
    row.forEach((_, j) => {
      const d = differs(a, b, i, j);
      if (d.note) out.notes++;
      if (d.fill) out.backgrounds++;
      if (d.note || d.fill) [r0, c0, r1, c1] = [Math.min(r0, i), Math.min(c0, j), Math.max(r1, i), Math.max(c1, j)];
    }),
  );
  out.extent = r1 < 0 ? 0 : (r1 - r0 + 1) * (c1 - c0 + 1);
  return out;
}

describe('cells written by marks (issue 11)', () => {
  it('5,000 × 36 roster, 50 scattered findings: check, re-check and clear write only the cells that change', () => {
    const { sheet, clean } = payloadRoster();
    const addon = loadAddon({ [ROSTER]: sheet });
    addon.call('saveSettings', SETTINGS);
    const roster = addon.sheet(ROSTER);
    const run = (label: string, f: () => Result<unknown>) => {
      const before = roster.peek();
      addon.calls.reset();
      written.notes = written.backgrounds = 0;
      const r = f();
      if (!r.ok) throw new Error(r.error.en);
      const changed = changes(before, roster.peek());
      const calls = markWriteCalls(addon.calls.snapshot());
      console.log(
        `${label}: cells written ${written.backgrounds} fills + ${written.notes} notes (changed ` +
          `${changed.backgrounds} + ${changed.notes}, in a block of ${changed.extent}); ${calls} calls write ` +
          `marks, ${addon.calls.total()} calls in all`,
      );
      expect(calls).toBeLessThanOrEqual(2 * WRITE_PIECES);
      return { ...written, changed, data: r.data as CheckData };
    };
    const check = () => addon.call<Result<CheckData>>('checkRoster');
    const exactly = (n: number) => ({ notes: n, backgrounds: n });

    // First check: 50 marks with three distinct notes and their fills, written cell by cell in lists.
    const first = run('first check', check);
    expect(first.data.marked).toBe(PLANTED);
    expect(first.changed).toMatchObject(exactly(PLANTED));
    expect({ notes: first.notes, backgrounds: first.backgrounds }).toEqual(exactly(PLANTED));

    // The teacher corrects ten findings, and ten new ones appear on other rows: 20 cells change.
    const planted = new Map(Array.from({ length: PLANTED }, (_, k) => [k * STEP, plant(clean[k * STEP]!, k).col]));
    for (let k = 0; k < 10; k++) {
      const i = k * 5 * STEP;
      put(roster, i, planted.get(i)!, clean[i]![planted.get(i)!]!);
      planted.delete(i);
      const j = i + STEP / 2;
      const { col, value } = plant(clean[j]!, k);
      put(roster, j, col, value);
      planted.set(j, col);
    }
    const again = run('re-check', check);
    expect(again.data.marked).toBe(PLANTED);
    expect(again.changed).toMatchObject(exactly(20));
    expect({ notes: again.notes, backgrounds: again.backgrounds }).toEqual(exactly(20));

    const cleared = run('clear', () => addon.call<Result<unknown>>('clearMarks'));
    expect(cleared.changed).toMatchObject(exactly(PLANTED));
    expect({ notes: cleared.notes, backgrounds: cleared.backgrounds }).toEqual(exactly(PLANTED));

    // 50 distinct notes (a different impossible date on each of 50 rows) outnumber the lists the calls
    // allow: fills still go in lists, notes partly in blocks, never more cells than the changed block.
    for (const [i, col] of planted) put(roster, i, col, clean[i]![col]!);
    for (let k = 0; k < PLANTED; k++) put(roster, k * STEP, 7, `31/02/${2500 + k}`);
    const distinct = run('50 distinct notes', check);
    expect(distinct.data.marked).toBe(PLANTED);
    expect(distinct.backgrounds).toBe(PLANTED);
    expect(distinct.notes).toBeLessThanOrEqual(distinct.changed.extent);

    expect(addon.call<Result<unknown>>('clearMarks').ok).toBe(true);
    const p = roster.peek();
    expect(p.notes.flat().every((n) => n === '')).toBe(true);
    expect(p.backgrounds.flat().every((b) => b === '#ffffff')).toBe(true);
  }, 60_000);
});
