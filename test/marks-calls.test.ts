/**
 * Issue 9: the add-on's service calls stay constant per sheet. A check of 12 roster sheets makes 12 times
 * the calls of one sheet plus a constant, and the same calls for 100 or 1,000 rows a sheet, but for the
 * writes of marks (issue 11), which take at most 2 × WRITE_PIECES calls a sheet: how many depends on how
 * many distinct notes and fills change, never on rows. The cells those writes cover: marks-payload.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { WRITE_PIECES } from '../src/core/mark-writes';
import type { Value } from '../src/fakes/index';
import type { CheckData, Result } from '../src/server/index';
import { loadAddon } from './support/gas';
import { SETTINGS } from './support/rules';
import { syntheticRoster } from './support/synthetic';

type Counts = Record<string, number>;
const total = (s: Counts) => Object.values(s).reduce((a, b) => a + b, 0);

/**
 * The results sheet is sized to its list in one call: rows added for a long list, removed for a short one.
 * Which of the two it is depends on the data; that there is one does not.
 */
function resizes(s: Counts): Counts {
  const out: Counts = {};
  for (const [k, v] of Object.entries(s)) {
    const key = k === 'Sheet.insertRowsAfter' || k === 'Sheet.deleteRows' ? 'Sheet.(insertRowsAfter|deleteRows)' : k;
    out[key] = (out[key] ?? 0) + v;
  }
  return out;
}

/**
 * The calls that write marks set apart: lists of ranges (getRangeList and its set), and blocks (a getRange
 * and a setNotes or setBackgrounds each; a check writes no other notes or fills).
 */
function markWrites(s: Counts): { rest: Counts; writes: number } {
  const rest: Counts = {};
  let writes = 0;
  for (const [k, v] of Object.entries(s)) {
    if (/^(Sheet\.getRangeList|RangeList\.|Range\.setNotes$|Range\.setBackgrounds$)/.test(k)) writes += v;
    else rest[k] = v;
  }
  const blocks = (s['Range.setNotes'] ?? 0) + (s['Range.setBackgrounds'] ?? 0);
  if (blocks) rest['Sheet.getRange'] = rest['Sheet.getRange']! - blocks;
  return { rest, writes: writes + blocks };
}

/** Calls of the first check (makes the store and results sheet) and, when asked, of a second one. */
function callsFor(sheets: number, rows: number, again: boolean) {
  const book = Object.fromEntries(
    Array.from({ length: sheets }, (_, i) => [
      `ห้อง ${i + 1}`,
      // One school: student numbers run on from sheet to sheet; every sheet has findings at either size.
      syntheticRoster(rows, { seed: 100 * i + 1, faultRate: 0.1 }).map((r, j) =>
        r.map((v, k) => (k === 2 && j > 1 ? Number(v) + 10_000 * i : (v ?? '')) as Value),
      ),
    ]),
  );
  const addon = loadAddon(book);
  addon.call('saveSettings', { ...SETTINGS, sheetScope: 'all' });
  const run = () => {
    addon.calls.reset();
    const r = addon.call<Result<CheckData>>('checkRoster');
    if (!r.ok) throw new Error(r.error.en);
    expect(r.data.sheets).toHaveLength(sheets);
    const split = markWrites(resizes(addon.calls.snapshot()));
    // Each sheet's writes stay within the budget (a check that changes no mark writes none).
    expect(split.writes).toBeLessThanOrEqual(2 * WRITE_PIECES * sheets);
    return split.rest;
  };
  const first = run();
  return again ? { first, second: run() } : { first };
}

/** calls(12) − calls(1) is a whole number of calls per sheet, method by method. */
function perSheet(one: Counts, twelve: Counts): number {
  for (const [k, v] of Object.entries(twelve)) expect(Number.isInteger((v - (one[k] ?? 0)) / 11), k).toBe(true);
  return (total(twelve) - total(one)) / 11;
}

describe('service calls per sheet', () => {
  it('1 vs 12 sheets of 100 vs 1,000 rows: 12 × per sheet + constant, the same for both sizes', () => {
    const one100 = callsFor(1, 100, true);
    const one1000 = callsFor(1, 1_000, true);
    const twelve100 = callsFor(12, 100, true);
    const twelve1000 = callsFor(12, 1_000, false);
    // Row counts change nothing, on a first check and on a check that replaces earlier marks.
    expect(one1000.first).toEqual(one100.first);
    expect(one1000.second).toEqual(one100.second);
    expect(twelve1000.first).toEqual(twelve100.first);
    const first = perSheet(one100.first, twelve100.first);
    const second = perSheet(one100.second!, twelve100.second!);
    // Beside the marks' writes (at most 2 × WRITE_PIECES a sheet, asserted above).
    expect(first).toBeLessThanOrEqual(13);
    expect(second).toBeLessThanOrEqual(13);
    console.log(
      `service calls besides the marks' writes, first check: 1 sheet ${total(one100.first)}, 12 sheets ` +
        `${total(twelve100.first)} (${first} a sheet); check over earlier marks: ${total(one100.second!)}, ` +
        `${total(twelve100.second!)} (${second} a sheet); marks' writes at most ${2 * WRITE_PIECES} a sheet`,
    );
  }, 60_000);
});
