/** Pins the plan of mark writes (issue 15): the budget of pieces, lists and their ranges, blocks and their cuts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
const pieces = (w: Writes) => w.notes.length + w.backgrounds.length;
const block = (r0: number, c0: number, rows: number, cols: number) => ({
  kind: 'block',
  r0,
  c0,
  rows,
  cols,
  cells: rows * cols,
});

describe('planWrites: lists', () => {
  it('allows 8 pieces by default', () => {
    expect(WRITE_PIECES).toBe(8);
    const before = blank(20, 2);
    const after = copy(before);
    // Eight distinct notes in a run: eight lists, though one block would write as few cells.
    for (let k = 0; k < 8; k++) after.notes[k]![0] = `n${k}`;
    const w = planWrites(before, after);
    expect(w.notes.map((p) => p.kind)).toEqual(Array(8).fill('list'));
    expect(writtenCells(w)).toEqual({ notes: 8, backgrounds: 0 });
    after.notes[19]![1] = 'n8';
    expect(planWrites(before, after).notes.some((p) => p.kind === 'block')).toBe(true);
  });

  it('joins fills into runs down a column and across columns of the same rows, in column order', () => {
    const before = blank(10, 6);
    const after = copy(before);
    const red = '#f4c7c3';
    for (const [r, c] of [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
      [5, 1],
      [0, 3],
      [1, 3],
      [7, 4],
      [8, 4],
      [9, 5],
    ])
      after.backgrounds[r!]![c!] = red;
    const w = planWrites(before, after);
    expect(w.backgrounds).toEqual([
      { kind: 'list', a1: ['A1:B2', 'B6', 'D1:D2', 'E8:E9', 'F10'], value: red, cells: 10 },
    ]);
  });

  it('writes notes cell by cell, clearing in runs', () => {
    const before = blank(4, 2);
    before.notes[2]![1] = 'old';
    before.notes[3]![1] = 'old';
    const after = copy(before);
    after.notes[2]![1] = '';
    after.notes[3]![1] = '';
    after.notes[0]![0] = 'n';
    after.notes[1]![0] = 'n';
    expect(planWrites(before, after).notes).toEqual([
      { kind: 'list', a1: ['A1', 'A2'], value: 'n', cells: 2 },
      { kind: 'list', a1: ['B3:B4'], value: '', cells: 2 },
    ]);
  });

  it('puts the largest group first, equal groups in the order of their first cell (row by row)', () => {
    const before = blank(3, 3);
    const after = copy(before);
    after.backgrounds[0]![2] = '#aaaaaa';
    after.backgrounds[1]![0] = '#bbbbbb';
    after.backgrounds[2]![0] = '#cccccc';
    after.backgrounds[2]![1] = '#cccccc';
    expect(planWrites(before, after).backgrounds.map((p) => (p.kind === 'list' ? p.value : ''))).toEqual([
      '#cccccc',
      '#aaaaaa',
      '#bbbbbb',
    ]);
  });

  it('compares fills without case, groups them without case and writes the first spelling', () => {
    const before = blank(2, 2);
    before.backgrounds[0]![0] = '#F4C7C3';
    const after = copy(before);
    after.backgrounds[0]![0] = '#f4c7c3';
    after.backgrounds[1]![0] = '#FCE8B2';
    after.backgrounds[1]![1] = '#fce8b2';
    expect(planWrites(before, after).backgrounds).toEqual([
      { kind: 'list', a1: ['A2:B2'], value: '#FCE8B2', cells: 2 },
    ]);
  });

  it('treats rows the sheet as read lacks as changed', () => {
    const before: Grid = { backgrounds: [[WHITE]], notes: [['']] };
    const after: Grid = { backgrounds: [[WHITE], ['#aaaaaa']], notes: [[''], ['n']] };
    expect(planWrites(before, after)).toEqual({
      notes: [{ kind: 'list', a1: ['A2'], value: 'n', cells: 1 }],
      backgrounds: [{ kind: 'list', a1: ['A2'], value: '#aaaaaa', cells: 1 }],
    });
  });
});

describe('planWrites: blocks', () => {
  it('writes a square of distinct notes as one block rather than lists that write as many cells', () => {
    const before = blank(6, 6);
    const after = copy(before);
    for (let r = 1; r < 4; r++) for (let c = 2; c < 5; c++) after.notes[r]![c] = `n${r}${c}`;
    expect(planWrites(before, after)).toEqual({ notes: [block(1, 2, 3, 3)], backgrounds: [] });
  });

  it('cuts a column of distinct notes at its longest gap', () => {
    const before = blank(120, 2);
    const after = copy(before);
    for (const r of [0, 1, 2, 3, 4, 100, 101, 102, 103, 104]) after.notes[r]![1] = `n${r}`;
    expect(planWrites(before, after).notes).toEqual([block(0, 1, 5, 1), block(100, 1, 5, 1)]);
  });

  it('cuts a row of distinct notes across its columns', () => {
    const before = blank(2, 60);
    const after = copy(before);
    for (const c of [0, 1, 2, 3, 4, 50, 51, 52, 53, 54]) after.notes[1]![c] = `n${c}`;
    expect(planWrites(before, after).notes).toEqual([block(1, 0, 1, 5), block(1, 50, 1, 5)]);
  });

  it('with two pieces, cuts where it saves the most', () => {
    const before = blank(1100, 1);
    const after = copy(before);
    for (const r of [0, 1, 10, 11, 1000, 1001]) after.notes[r]![0] = `n${r}`;
    expect(planWrites(before, after, 2).notes).toEqual([block(0, 0, 12, 1), block(1000, 0, 2, 1)]);
  });

  it('never allows fewer than two pieces: one block of notes and one of fills', () => {
    const before = blank(5, 5);
    const after = copy(before);
    for (let k = 0; k < 3; k++) {
      after.notes[k]![k] = `n${k}`;
      after.backgrounds[k + 1]![k] = `#00000${k}`;
    }
    for (const budget of [0, 1, 2]) {
      const w = planWrites(before, after, budget);
      expect(pieces(w), `budget ${budget}`).toBe(2);
      expect(w).toEqual({ notes: [block(0, 0, 3, 3)], backgrounds: [block(1, 0, 3, 3)] });
    }
  });

  it('leaves to a block the cells of a list that it covers', () => {
    // A big group of one note in two far runs, and 9 distinct notes in between, with 3 pieces.
    const before = blank(40, 1);
    const after = copy(before);
    for (const r of [0, 1, 2, 3, 4, 30, 31, 32, 33, 34]) after.notes[r]![0] = 'same';
    for (let r = 10; r < 19; r++) after.notes[r]![0] = `n${r}`;
    const w = planWrites(before, after, 3);
    expect(pieces(w)).toBeLessThanOrEqual(3);
    expect(writtenCells(w).notes).toBe(19);
    expect(w.notes).toEqual([
      { kind: 'list', a1: ['A1', 'A2', 'A3', 'A4', 'A5', 'A31', 'A32', 'A33', 'A34', 'A35'], value: 'same', cells: 10 },
      block(10, 0, 9, 1),
    ]);
  });
});

describe('planWrites: lists inside blocks', () => {
  it('drops from a list the cells a block writes, on the block’s edges too', () => {
    const before = blank(400, 2);
    const after = copy(before);
    for (const [r, c] of [
      [1, 1],
      [4, 0],
      [100, 0],
      [200, 0],
      [300, 0],
    ])
      after.notes[r!]![c!] = 'same';
    after.notes[1]![0] = 'a';
    after.notes[4]![1] = 'b';
    after.notes[2]![0] = 'c';
    expect(planWrites(before, after, 2).notes).toEqual([
      { kind: 'list', a1: ['A101', 'A201', 'A301'], value: 'same', cells: 3 },
      block(1, 0, 4, 2),
    ]);
  });
});

describe('writtenCells', () => {
  it('sums the cells of each kind', () => {
    expect(
      writtenCells({
        notes: [{ kind: 'list', a1: ['A1'], value: 'x', cells: 2 }, block(0, 0, 2, 3) as never],
        backgrounds: [{ kind: 'list', a1: ['A1'], value: 'x', cells: 5 }],
      }),
    ).toEqual({ notes: 8, backgrounds: 5 });
  });
});

describe('planWrites: blocks over clusters in two dimensions', () => {
  /** Distinct notes on every cell of each box [r0, c0, rows, cols]. */
  const plan = (size: number, boxes: Array<[number, number, number, number]>, budget: number) => {
    const before = blank(size, size);
    const after = copy(before);
    for (const [r0, c0, rows, cols] of boxes)
      for (let r = r0; r < r0 + rows; r++) for (let c = c0; c < c0 + cols; c++) after.notes[r]![c] = `n${r}:${c}`;
    return planWrites(before, after, budget);
  };
  const sorted = (w: Writes) =>
    w.notes.map((p) => (p.kind === 'block' ? [p.r0, p.c0, p.rows, p.cols] : p.a1)).sort((a, b) => (a < b ? -1 : 1));
  it('four corners, four pieces: one block on each, cut across rows and across columns', () => {
    const corners: Array<[number, number, number, number]> = [
      [0, 0, 2, 2],
      [0, 8, 2, 2],
      [8, 0, 2, 2],
      [8, 8, 2, 2],
    ];
    const w = plan(10, corners, 4);
    expect(sorted(w)).toEqual(corners.slice().sort((a, b) => (a < b ? -1 : 1)));
    expect(writtenCells(w).notes).toBe(16);
  });
  it('three clusters of different sizes and shapes, three pieces: each covered exactly', () => {
    const clusters: Array<[number, number, number, number]> = [
      [0, 0, 3, 3],
      [1, 15, 2, 1],
      [20, 20, 1, 3],
    ];
    const w = plan(24, clusters, 3);
    expect(sorted(w)).toEqual(clusters.slice().sort((a, b) => (a < b ? -1 : 1)));
    expect(writtenCells(w).notes).toBe(9 + 2 + 3);
  });
  it('two pieces over three clusters: the two nearest share a block', () => {
    const w = plan(
      30,
      [
        [0, 0, 2, 2],
        [0, 4, 2, 2],
        [25, 25, 2, 2],
      ],
      2,
    );
    expect(sorted(w)).toEqual([
      [0, 0, 2, 6],
      [25, 25, 2, 2],
    ]);
  });
});

describe('planWrites: notes and fills weighed together', () => {
  it('four pieces over two far clusters of distinct notes and two of distinct fills: a block on each cluster', () => {
    const before = blank(30, 30);
    const after = copy(before);
    for (const [r0, c0] of [
      [0, 0],
      [26, 26],
    ])
      for (let r = r0!; r < r0! + 2; r++)
        for (let c = c0!; c < c0! + 2; c++) {
          after.notes[r]![c] = `n${r}:${c}`;
          after.backgrounds[r + 1]![c] = `#0000${r}${c}`;
        }
    const w = planWrites(before, after, 4);
    expect(writtenCells(w)).toEqual({ notes: 8, backgrounds: 8 });
    expect(pieces(w)).toBe(4);
  });
});

describe('planWrites: any change, any budget (property)', () => {
  /** Cells of an A1 range "B3" or "B3:C4", 0-based. */
  const cellsOf = (range: string): Array<[number, number]> => {
    const at = (s: string): [number, number] => {
      const m = /^([A-Z]+)(\d+)$/.exec(s)!;
      const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      return [Number(m[2]) - 1, col];
    };
    const [a, b = a] = range.split(':') as [string, string?];
    const [r0, c0] = at(a);
    const [r1, c1] = at(b!);
    const out: Array<[number, number]> = [];
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.push([r, c]);
    return out;
  };
  /** Applies one kind's pieces to a copy of `from`: lists set their value, blocks copy from `to`. */
  const apply = (from: string[][], to: string[][], ps: Writes['notes']) => {
    const out = from.map((r) => r.slice());
    const seen = new Set<string>();
    for (const p of ps) {
      const cells = p.kind === 'list' ? p.a1.flatMap(cellsOf) : [];
      if (p.kind === 'block')
        for (let r = p.r0; r < p.r0 + p.rows; r++) for (let c = p.c0; c < p.c0 + p.cols; c++) cells.push([r, c]);
      expect(p.cells).toBe(cells.length);
      expect(cells.length).toBeGreaterThan(0);
      for (const [r, c] of cells) {
        // No cell is written twice: a list leaves to a block the cells it covers.
        expect(seen.has(`${r}:${c}`)).toBe(false);
        seen.add(`${r}:${c}`);
        out[r]![c] = p.kind === 'list' ? p.value : to[r]![c]!;
      }
    }
    return out;
  };
  const grid = fc.integer({ min: 1, max: 7 }).chain((rows) =>
    fc.integer({ min: 1, max: 7 }).chain((cols) => {
      const cell = (values: string[]) =>
        fc.array(fc.array(fc.constantFrom(...values), { minLength: cols, maxLength: cols }), {
          minLength: rows,
          maxLength: rows,
        });
      const notes = ['', '', '', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
      const fills = ['#ffffff', '#ffffff', '#ffffff', '#f4c7c3', '#fce8b2', '#b7e1cd', '#c9daf8'];
      return fc.record({
        before: fc.record({ notes: cell(notes), backgrounds: cell(fills) }),
        after: fc.record({ notes: cell(notes), backgrounds: cell(fills) }),
        budget: fc.integer({ min: 0, max: 10 }),
      });
    }),
  );
  it('turns before into after in at most the budget of pieces, writing only changed cells while values fit', () => {
    fc.assert(
      fc.property(grid, ({ before, after, budget }) => {
        const w = planWrites(before, after, budget);
        expect(pieces(w)).toBeLessThanOrEqual(Math.max(2, budget));
        expect(apply(before.notes, after.notes, w.notes)).toEqual(after.notes);
        expect(apply(before.backgrounds, after.backgrounds, w.backgrounds)).toEqual(after.backgrounds);
        const changed = (a: string[][], b: string[][]) => a.flat().filter((v, i) => v !== b.flat()[i]);
        const distinct = (a: string[][], b: string[][]) => new Set(a.flat().filter((v, i) => v !== b.flat()[i])).size;
        const cells = writtenCells(w);
        if (
          distinct(after.notes, before.notes) + distinct(after.backgrounds, before.backgrounds) <=
          Math.max(2, budget)
        )
          expect(cells).toEqual({
            notes: changed(after.notes, before.notes).length,
            backgrounds: changed(after.backgrounds, before.backgrounds).length,
          });
      }),
      { numRuns: 300 },
    );
  });
});
