/** Pins the plan of mark writes (issue 15): the budget of pieces, lists and their ranges, blocks and their cuts. */
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
