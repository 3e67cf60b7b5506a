/**
 * Which writes put marks on a sheet or take them off: only cells whose note or fill changes, in a bounded
 * number of service calls whatever the sheet's size or the number of findings (issue 11). Cells that get
 * the same note or fill share one list of ranges (one call for any number of cells, anywhere in the
 * sheet); when there are more distinct values than calls allow, the rest go in a few blocks chosen to
 * cover as few cells as they can.
 */
import { a1 } from './headers';
import type { Grid } from './marks';

/** Writes a sheet's notes and fills may take together; each costs two service calls (get the range, set). */
export const WRITE_PIECES = 8;

/** One value over a list of A1 ranges: a note, '' to clear notes, or a fill. */
export interface ListPiece {
  kind: 'list';
  a1: string[];
  value: string;
  cells: number;
}

/** A block (0-based) written cell by cell from the grid being written. */
export interface BlockPiece {
  kind: 'block';
  r0: number;
  c0: number;
  rows: number;
  cols: number;
  cells: number;
}

export type Piece = ListPiece | BlockPiece;

/** A sheet's writes, notes and fills apart (the server writes the notes first). */
export interface Writes {
  notes: Piece[];
  backgrounds: Piece[];
}

interface Pt {
  r: number;
  c: number;
}

interface Group {
  value: string;
  pts: Pt[];
}

interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const lower = (s: unknown): string => String(s ?? '').toLowerCase();
/** Colours as Sheets returns them are lower-case already: compare without allocating when they are. */
const sameColour = (a: string, b: string | undefined): boolean => a === b || lower(a) === lower(b);
const area = (b: Box): number => (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);
const inside = (b: Box, p: Pt): boolean => p.r >= b.r0 && p.r <= b.r1 && p.c >= b.c0 && p.c <= b.c1;

/** Cells that change, grouped by the value they get, largest group first (then by first cell). */
function changed(before: Grid, after: Grid): { notes: Group[]; backgrounds: Group[] } {
  const notes = new Map<string, Group>();
  const fills = new Map<string, Group>();
  const add = (m: Map<string, Group>, key: string, value: string, r: number, c: number) => {
    let g = m.get(key);
    if (!g) m.set(key, (g = { value, pts: [] }));
    g.pts.push({ r, c });
  };
  after.backgrounds.forEach((row, r) =>
    row.forEach((bg, c) => {
      if (!sameColour(bg, before.backgrounds[r]?.[c])) add(fills, lower(bg), bg, r, c);
      const note = after.notes[r]![c]!;
      if (note !== before.notes[r]?.[c]) add(notes, note, note, r, c);
    }),
  );
  const ranked = (m: Map<string, Group>) => [...m.values()].sort((a, b) => b.pts.length - a.pts.length);
  return { notes: ranked(notes), backgrounds: ranked(fills) };
}

// ---------------------------------------------------------------- covering cells with a few blocks

/** A kind's changed cells as columns of numbers (row, column, group rank): covering allocates no object a cell. */
interface Table {
  r: Int32Array;
  c: Int32Array;
  g: Int32Array;
}

/** Cell ids by row then column (`byR`) and by column then row (`byC`): a cut keeps both orders without sorting. */
interface Part {
  byR: Int32Array;
  byC: Int32Array;
  box: Box;
  cut?: Cut | null;
}

interface Cut {
  gain: number;
  axis: 'r' | 'c';
  /** Cells up to this row (or column) go on one side, the rest on the other. */
  at: number;
}

function boxOf(t: Table, ids: Int32Array): Box {
  const b = { r0: Infinity, c0: Infinity, r1: -1, c1: -1 };
  for (const id of ids) {
    const r = t.r[id]!;
    const c = t.c[id]!;
    if (r < b.r0) b.r0 = r;
    if (r > b.r1) b.r1 = r;
    if (c < b.c0) b.c0 = c;
    if (c > b.c1) b.c1 = c;
  }
  return b;
}

/** Areas of the suffixes' boxes, reused from call to call. */
let scratch = new Float64Array(0);

/** The cut across rows or columns that leaves two boxes of the least area, and the area it saves. */
function bestSplit(t: Table, part: Part): Cut | null {
  const n = part.byR.length;
  if (n < 2) return null;
  if (scratch.length < n) scratch = new Float64Array(n);
  let best: Cut | null = null;
  const whole = area(part.box);
  for (const axis of ['r', 'c'] as const) {
    const ids = axis === 'r' ? part.byR : part.byC;
    const key = axis === 'r' ? t.r : t.c;
    // Plain loops and numbers: this runs over every cell of the part, twice an axis.
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (let i = n - 1; i >= 0; i--) {
      const r = t.r[ids[i]!]!;
      const c = t.c[ids[i]!]!;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
      scratch[i] = (r1 - r0 + 1) * (c1 - c0 + 1);
    }
    r0 = c0 = Infinity;
    r1 = c1 = -1;
    for (let i = 0; i < n - 1; i++) {
      const id = ids[i]!;
      const r = t.r[id]!;
      const c = t.c[id]!;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
      if (key[ids[i + 1]!] === key[id]) continue;
      const gain = whole - (r1 - r0 + 1) * (c1 - c0 + 1) - scratch[i + 1]!;
      if (gain > 0 && (!best || gain > best.gain)) best = { gain, axis, at: key[id]! };
    }
  }
  return best;
}

function split(t: Table, part: Part, cut: Cut): [Part, Part] {
  const key = cut.axis === 'r' ? t.r : t.c;
  const sorted = cut.axis === 'r' ? part.byR : part.byC;
  const other = cut.axis === 'r' ? part.byC : part.byR;
  let k = 0;
  while (k < sorted.length && key[sorted[k]!]! <= cut.at) k++;
  const first = new Int32Array(k);
  const second = new Int32Array(sorted.length - k);
  let a = 0;
  let b = 0;
  for (const id of other) {
    if (key[id]! <= cut.at) first[a++] = id;
    else second[b++] = id;
  }
  const make = (s: Int32Array, o: Int32Array): Part => {
    const [byR, byC] = cut.axis === 'r' ? [s, o] : [o, s];
    return { byR, byC, box: boxOf(t, byR) };
  };
  return [make(sorted.subarray(0, k), first), make(sorted.subarray(k), second)];
}

/**
 * Boxes covering the cells, 1 to `most` of them: each step cuts the box whose best cut saves the most
 * cells (a greedy cut, not the optimum, but linear in the cells a step). `areas[k - 1]` is the total area
 * of `boxes[k - 1]`; the list stops early once no cut saves anything.
 */
function covers(t: Table, byR: Int32Array, byC: Int32Array, most: number): { areas: number[]; boxes: Box[][] } {
  if (!byR.length || most < 1) return { areas: [], boxes: [] };
  let parts: Part[] = [{ byR, byC, box: boxOf(t, byR) }];
  const areas: number[] = [];
  const boxes: Box[][] = [];
  for (;;) {
    areas.push(parts.reduce((s, p) => s + area(p.box), 0));
    boxes.push(parts.map((p) => p.box));
    if (parts.length >= most) break;
    for (const p of parts) if (p.cut === undefined) p.cut = bestSplit(t, p);
    let pick = -1;
    parts.forEach((p, i) => {
      if (p.cut && (pick < 0 || p.cut.gain > parts[pick]!.cut!.gain)) pick = i;
    });
    if (pick < 0) break;
    const part = parts[pick]!;
    parts = [...parts.slice(0, pick), ...split(t, part, part.cut!), ...parts.slice(pick + 1)];
  }
  return { areas, boxes };
}

/**
 * Ids 0..n-1 by a numeric key below the grid's size: a numeric sort of key × n + id (fast, no objects),
 * exact since a sheet holds at most 10 million cells (key × n + id < 10^14 < 2^53).
 */
function order(n: number, key: (i: number) => number): Int32Array {
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = key(i) * n + i;
  packed.sort();
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = packed[i]! % n;
  return out;
}

/** The ids that pass, in their order. */
function keep(ids: Int32Array, pass: (i: number) => boolean): Int32Array {
  let k = 0;
  for (const id of ids) if (pass(id)) k++;
  const out = new Int32Array(k);
  k = 0;
  for (const id of ids) if (pass(id)) out[k++] = id;
  return out;
}

// ---------------------------------------------------------------- choosing the writes

/** One way to write a kind: the largest `lists` groups as lists, the rest in boxes. */
interface Choice {
  payload: number;
  count: number;
  lists: number;
  boxes: Box[];
}

/** Every way worth weighing to write these groups in at most `budget` pieces. */
function choices(groups: readonly Group[], budget: number, exactFits: boolean): Choice[] {
  if (!groups.length) return [{ payload: 0, count: 0, lists: 0, boxes: [] }];
  const sizes = groups.map((g) => g.pts.length);
  const n = sizes.reduce((a, b) => a + b, 0);
  const out: Choice[] = [];
  if (groups.length <= budget) out.push({ payload: n, count: groups.length, lists: groups.length, boxes: [] });
  // When every group of both kinds fits as a list, nothing writes fewer cells: boxes are not weighed.
  if (exactFits) return out;
  const t: Table = { r: new Int32Array(n), c: new Int32Array(n), g: new Int32Array(n) };
  let id = 0;
  groups.forEach((grp, g) => {
    for (const p of grp.pts) {
      t.r[id] = p.r;
      t.c[id] = p.c;
      t.g[id++] = g;
    }
  });
  let rows = 0;
  let cols = 0;
  for (let i = 0; i < n; i++) {
    rows = Math.max(rows, t.r[i]! + 1);
    cols = Math.max(cols, t.c[i]! + 1);
  }
  const byR = order(n, (i) => t.r[i]! * cols + t.c[i]!);
  const byC = order(n, (i) => t.c[i]! * rows + t.r[i]!);
  let listed = 0;
  for (let g = 0; g < Math.min(groups.length, budget); g++) {
    if (g > 0) listed += sizes[g - 1]!;
    const rest = (ids: Int32Array) => (g ? keep(ids, (i) => t.g[i]! >= g) : ids);
    const cover = covers(t, rest(byR), rest(byC), budget - g);
    cover.areas.forEach((a, k) =>
      out.push({ payload: listed + a, count: g + k + 1, lists: g, boxes: cover.boxes[k]! }),
    );
  }
  return out;
}

/** A1 ranges for a list: runs down a column, and runs of the same rows side by side joined into blocks. */
function rangesOf(pts: readonly Pt[], runs: boolean): string[] {
  const sorted = pts.slice().sort((a, b) => a.c - b.c || a.r - b.r);
  if (!runs) return sorted.map((p) => a1(p.r, p.c));
  const blocks: Box[] = [];
  const lastWith = new Map<string, Box>();
  let i = 0;
  while (i < sorted.length) {
    const start = sorted[i]!;
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]!.c === start.c && sorted[j + 1]!.r === sorted[j]!.r + 1) j++;
    const r1 = sorted[j]!.r;
    const key = `${start.r}:${r1}`;
    const prev = lastWith.get(key);
    if (prev && prev.c1 === start.c - 1) prev.c1 = start.c;
    else {
      const b = { r0: start.r, c0: start.c, r1, c1: start.c };
      blocks.push(b);
      lastWith.set(key, b);
    }
    i = j + 1;
  }
  return blocks.map((b) => (b.r0 === b.r1 && b.c0 === b.c1 ? a1(b.r0, b.c0) : `${a1(b.r0, b.c0)}:${a1(b.r1, b.c1)}`));
}

/**
 * The pieces of a choice. A list's cells inside a box are left to the box (it writes the same value), so
 * a list may shrink or go.
 */
function piecesOf(groups: readonly Group[], choice: Choice, notes: boolean): Piece[] {
  const out: Piece[] = [];
  for (const grp of groups.slice(0, choice.lists)) {
    const pts = choice.boxes.length ? grp.pts.filter((p) => !choice.boxes.some((b) => inside(b, p))) : grp.pts;
    if (!pts.length) continue;
    // A note goes on single cells (that Range.setNote fills every cell of a range is not documented);
    // fills and clearing (documented for "cell or cells") take runs.
    const runs = !notes || grp.value === '';
    out.push({ kind: 'list', a1: rangesOf(pts, runs), value: grp.value, cells: pts.length });
  }
  for (const b of choice.boxes) {
    const rows = b.r1 - b.r0 + 1;
    const cols = b.c1 - b.c0 + 1;
    out.push({ kind: 'block', r0: b.r0, c0: b.c0, rows, cols, cells: rows * cols });
  }
  return out;
}

/**
 * The writes that turn `before` into `after` (grids of one shape): notes and fills of the cells that
 * change, in at most `budget` pieces for both together, writing as few cells as the choices weighed allow
 * (exactly the changed cells while the distinct notes and fills number no more than the budget).
 */
export function planWrites(before: Grid, after: Grid, pieces = WRITE_PIECES): Writes {
  // One block of each kind is the fallback that always fits.
  const budget = Math.max(2, pieces);
  const { notes, backgrounds } = changed(before, after);
  const exact = notes.length + backgrounds.length <= budget;
  const forNotes = choices(notes, budget, exact);
  const forFills = choices(backgrounds, budget, exact);
  let best: [Choice, Choice] | null = null;
  for (const n of forNotes)
    for (const b of forFills) {
      if (n.count + b.count > budget) continue;
      const cost = n.payload + b.payload;
      const bestCost = best ? best[0].payload + best[1].payload : Infinity;
      if (cost < bestCost || (cost === bestCost && n.count + b.count < best![0].count + best![1].count)) {
        best = [n, b];
      }
    }
  const [n, b] = best!;
  return { notes: piecesOf(notes, n, true), backgrounds: piecesOf(backgrounds, b, false) };
}

/** Cells a plan writes, notes and fills. */
export function writtenCells(w: Writes): { notes: number; backgrounds: number } {
  const sum = (ps: Piece[]) => ps.reduce((s, p) => s + p.cells, 0);
  return { notes: sum(w.notes), backgrounds: sum(w.backgrounds) };
}
