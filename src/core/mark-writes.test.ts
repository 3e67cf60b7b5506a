/** The writes of marks (issue 11): applied to the sheet as read, they give the sheet planned, in few pieces. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnIndex } from './headers';
import { planWrites, WRITE_PIECES, writtenCells, type Writes } from './mark-writes';
import type { Grid } from './marks';

const WHITE = '#ffffff';
const blank = (rows: number, cols: number): Grid => ({
  backgrounds: Array.from({ length: rows }, () => Array<string>(cols).fill(WHITE)),
  notes: Array.from({ length: rows }, () => Array<string>(cols).fill('')),
});
const copy = (g: Grid): Grid => ({
  backgrounds: g.backgrounds.map((r) => r.slice()),
  notes: g.notes.map((r) => r.slice()),
});

/** "B2:C4" → 0-based inclusive corners. */
function corners(a1: string): { r0: number; c0: number; r1: number; c1: number } {
  const [from, to = from] = a1.split(':') as [string, string?];
  const at = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s)!;
    return { r: Number(m[2]) - 1, c: columnIndex(m[1]!) };
  };
  const a = at(from);
  const b = at(to!);
  return { r0: a.r, c0: a.c, r1: b.r, c1: b.c };
}

/** What the writes do to a sheet, as Apps Script would do them (a list's note: each range's top-left cell). */
function apply(before: Grid, after: Grid, w: Writes): Grid {
  const out = copy(before);
  for (const [pieces, key] of [
    [w.notes, 'notes'],
    [w.backgrounds, 'backgrounds'],
  ] as const)
    for (const p of pieces) {
      if (p.kind === 'block') {
        for (let r = p.r0; r < p.r0 + p.rows; r++)
          for (let c = p.c0; c < p.c0 + p.cols; c++) out[key][r]![c] = after[key][r]![c]!;
        continue;
      }
      for (const a1 of p.a1) {
        const b = corners(a1);
        const setNote = key === 'notes' && p.value !== '';
        for (let r = b.r0; r <= (setNote ? b.r0 : b.r1); r++)
          for (let c = b.c0; c <= (setNote ? b.c0 : b.c1); c++) out[key][r]![c] = p.value;
      }
    }
  return out;
}

const pieces = (w: Writes) => w.notes.length + w.backgrounds.length;

describe('planWrites', () => {
  it('writes nothing when nothing changes', () => {
    const g = blank(5, 4);
    expect(planWrites(g, copy(g))).toEqual({ notes: [], backgrounds: [] });
  });

  it('few distinct values: exactly the changed cells, one list each, fills in runs, notes cell by cell', () => {
    const before = blank(10, 5);
    const after = copy(before);
    for (const r of [1, 2, 3, 4]) {
      after.backgrounds[r]![1] = '#f4c7c3';
      after.backgrounds[r]![2] = '#f4c7c3';
      after.notes[r]![1] = 'DMC check:\n• x';
    }
    after.backgrounds[8]![4] = '#fce8b2';
    const w = planWrites(before, after);
    expect(w.backgrounds).toEqual([
      { kind: 'list', a1: ['B2:C5'], value: '#f4c7c3', cells: 8 },
      { kind: 'list', a1: ['E9'], value: '#fce8b2', cells: 1 },
    ]);
    expect(w.notes).toEqual([{ kind: 'list', a1: ['B2', 'B3', 'B4', 'B5'], value: 'DMC check:\n• x', cells: 4 }]);
    expect(apply(before, after, w)).toEqual(after);
  });

  it('notes taken off are cleared in runs; a fill differing only in case is no change', () => {
    const before = blank(6, 3);
    for (const r of [0, 1, 2]) before.notes[r]![0] = 'DMC check:\n• y';
    before.backgrounds[5]![2] = '#F4C7C3';
    const after = blank(6, 3);
    after.backgrounds[5]![2] = '#f4c7c3';
    const w = planWrites(before, after);
    expect(w).toEqual({ notes: [{ kind: 'list', a1: ['A1:A3'], value: '', cells: 3 }], backgrounds: [] });
  });

  it('more distinct notes than pieces: blocks take the rest, within the budget and the changed block', () => {
    const before = blank(1_000, 10);
    const after = copy(before);
    for (let k = 0; k < 40; k++) {
      after.notes[k * 25]![3] = `DMC check:\n• date ${k}`;
      after.backgrounds[k * 25]![3] = '#f4c7c3';
    }
    const w = planWrites(before, after);
    expect(pieces(w)).toBeLessThanOrEqual(WRITE_PIECES);
    expect(writtenCells(w).backgrounds).toBe(40);
    // One column, 976 rows from the first mark to the last: the blocks skip the longest gaps.
    expect(writtenCells(w).notes).toBeLessThan(976);
    expect(apply(before, after, w)).toEqual(after);
  });

  it('clusters of distinct notes are covered by their blocks, not by the gaps between them', () => {
    const before = blank(5_000, 36);
    const after = copy(before);
    for (const [r0, c0] of [
      [10, 2],
      [2_000, 20],
      [4_500, 33],
    ])
      for (let i = 0; i < 4; i++) for (let j = 0; j < 3; j++) after.notes[r0! + i]![c0! + j] = `n ${r0} ${i} ${j}`;
    const w = planWrites(before, after);
    expect(w.notes.filter((p) => p.kind === 'block')).toHaveLength(3);
    expect(writtenCells(w).notes).toBe(36);
    expect(apply(before, after, w)).toEqual(after);
  });

  it('any grids: the writes give the planned grid, in at most WRITE_PIECES pieces and the changed block', () => {
    const fills = ['#ffffff', '#f4c7c3', '#fce8b2', '#cfe2f3', '#d9ead3', '#efefef'];
    const notes = ['', '', 'a', 'b', 'DMC check:\n• 1', 'DMC check:\n• 2', 'ตรวจข้อมูล DMC:\n• 3'];
    const cell = fc.record({ bg: fc.constantFrom(...fills), note: fc.constantFrom(...notes) });
    const grid = (rows: number, cols: number) =>
      fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
    const pair = fc
      .record({ rows: fc.integer({ min: 1, max: 12 }), cols: fc.integer({ min: 1, max: 6 }) })
      .chain(({ rows, cols }) =>
        fc.tuple(grid(rows, cols), fc.array(fc.tuple(fc.nat(rows - 1), fc.nat(cols - 1), cell), { maxLength: 30 })),
      );
    fc.assert(
      fc.property(pair, fc.integer({ min: 2, max: 10 }), ([start, edits], budget) => {
        const before: Grid = {
          backgrounds: start.map((r) => r.map((c) => c.bg)),
          notes: start.map((r) => r.map((c) => c.note)),
        };
        const after = copy(before);
        for (const [r, c, v] of edits) {
          after.backgrounds[r]![c] = v.bg;
          after.notes[r]![c] = v.note;
        }
        const w = planWrites(before, after, budget);
        expect(pieces(w)).toBeLessThanOrEqual(budget);
        expect(apply(before, after, w)).toEqual(after);
        // Cells that change, the values they get, and the block around them, for notes and for fills.
        const kinds = (['notes', 'backgrounds'] as const).map((key) => {
          const values = new Set<string>();
          let [n, r0, c0, r1, c1] = [0, Infinity, Infinity, -1, -1];
          after[key].forEach((row, r) =>
            row.forEach((v, c) => {
              if (v === before[key][r]![c]) return;
              n++;
              values.add(v);
              [r0, c0, r1, c1] = [Math.min(r0, r), Math.min(c0, c), Math.max(r1, r), Math.max(c1, c)];
            }),
          );
          return { n, values: values.size, block: n ? (r1 - r0 + 1) * (c1 - c0 + 1) : 0 };
        });
        const [forNotes, forFills] = kinds as [(typeof kinds)[0], (typeof kinds)[0]];
        const cells = writtenCells(w);
        expect(cells.notes).toBeGreaterThanOrEqual(forNotes.n);
        expect(cells.backgrounds).toBeGreaterThanOrEqual(forFills.n);
        // Never more than a block of each kind; exactly the changed cells when the lists fit the budget.
        expect(cells.notes + cells.backgrounds).toBeLessThanOrEqual(forNotes.block + forFills.block);
        if (forNotes.values + forFills.values <= budget)
          expect(cells).toEqual({ notes: forNotes.n, backgrounds: forFills.n });
      }),
      { numRuns: 300 },
    );
  });
});
