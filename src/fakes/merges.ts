/**
 * Merged areas of a fake sheet as Sheets keeps them: a list of rectangles (4 numbers each, never one
 * entry per covered cell), which move, grow and shrink when rows or columns are inserted, deleted or
 * sorted. The rules of what may be merged are here; the sheet (spreadsheet.ts) applies them.
 */

/** A rectangle of cells, 1-based as Apps Script counts: its top-left cell and its size. */
export interface Area {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** What Apps Script throws when a merge or an unmerge cuts through an existing merge. */
export const PARTIAL_MERGE = 'You must select all cells in a merged range to merge or unmerge them.';
/**
 * Thrown when a sort would have to split a merge: one that spans rows of the block, or one half in it.
 * Sheets refuses such a sort too; this wording is the fake's own, not copied from Sheets.
 */
export const SORT_MERGE = 'Cannot sort a range that contains cells merged across rows or across its edge.';

export function overlaps(a: Area, b: Area): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

export function contains(outer: Area, inner: Area): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.col + inner.cols <= outer.col + outer.cols
  );
}

export const single = (a: Area): boolean => a.rows * a.cols < 2;

/** Reading order: by row, then column (as getMergedRanges lists them). */
export const byPosition = (a: Area, b: Area): number => a.row - b.row || a.col - b.col;

type Axis = 'row' | 'col';
const sizeOf = (axis: Axis) => (axis === 'row' ? 'rows' : 'cols');

/**
 * `n` rows (or columns) inserted so that the first new one has index `at + 1` (1-based): merges after
 * them move, a merge they land inside grows (as in Sheets), the rest stay.
 */
export function insertInto(list: Area[], axis: Axis, at: number, n: number): void {
  const size = sizeOf(axis);
  for (const m of list) {
    if (m[axis] > at) m[axis] += n;
    else if (m[axis] + m[size] - 1 > at) m[size] += n;
  }
}

/**
 * Rows (or columns) from..from+n-1 (1-based) deleted: merges lose what they had there and those
 * after close up; a merge left with one cell or none is no merge any more. Returns the new list.
 */
export function deleteFrom(list: readonly Area[], axis: Axis, from: number, n: number): Area[] {
  const size = sizeOf(axis);
  const out: Area[] = [];
  for (const m of list) {
    const start = m[axis];
    const end = start + m[size];
    const kept = Math.max(0, Math.min(end, from) - start) + Math.max(0, end - Math.max(start, from + n));
    const moved = { ...m, [size]: kept, [axis]: start < from ? start : start >= from + n ? start - n : from };
    if (kept > 0 && !single(moved)) out.push(moved);
  }
  return out;
}

/** The merges clipped to a sheet of `rows` × `cols`; those left with one cell are dropped. */
export function clipTo(list: readonly Area[], rows: number, cols: number): Area[] {
  const out: Area[] = [];
  for (const m of list) {
    if (m.row > rows || m.col > cols) continue;
    const c = { ...m, rows: Math.min(m.rows, rows - m.row + 1), cols: Math.min(m.cols, cols - m.col + 1) };
    if (!single(c)) out.push(c);
  }
  return out;
}

/**
 * Areas to merge, checked all together before any is made (a refused call changes nothing): an
 * existing merge may lie wholly inside one of them (it is absorbed) or wholly outside all of them.
 * Returns the merges that stay; the caller adds the new ones.
 */
export function mergeWith(list: readonly Area[], areas: readonly Area[]): Area[] {
  for (const a of areas) for (const m of list) if (overlaps(a, m) && !contains(a, m)) throw new Error(PARTIAL_MERGE);
  return list.filter((m) => !areas.some((a) => overlaps(a, m)));
}

/** The merges left after breaking apart every merge inside `area`; one cut through by it throws. */
export function breakApart(list: readonly Area[], area: Area): Area[] {
  for (const m of list) if (overlaps(area, m) && !contains(area, m)) throw new Error(PARTIAL_MERGE);
  return list.filter((m) => !overlaps(area, m));
}

/**
 * The merges after the rows of `block` were reordered (row i of the block now holds what row
 * order[i] held): a merge within one row moves with it; one over several rows, or half in the block,
 * makes the sort throw before anything moves.
 */
export function sortedWith(list: readonly Area[], block: Area, order: readonly number[]): Area[] {
  const inBlock = list.filter((m) => overlaps(block, m));
  if (inBlock.some((m) => m.rows > 1 || !contains(block, m))) throw new Error(SORT_MERGE);
  if (!inBlock.length) return [...list];
  const to = new Map(order.map((from, i) => [from, i]));
  return list.map((m) => (overlaps(block, m) ? { ...m, row: block.row + to.get(m.row - block.row)! } : m));
}
