/**
 * Marks as pure data: which background and note each flagged cell gets, what it had before, and how to
 * put it back. The server only reads the grid once and writes it once.
 */
import { columnIndex } from './headers';
import type { Finding, Lang, Severity } from './types';

/** Light fills that stay readable in black-and-white print. */
export const MARK_COLOURS: Record<Severity, string> = { error: '#f4c7c3', warning: '#fce8b2', info: '#cfe2f3' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface Grid {
  backgrounds: string[][];
  notes: string[][];
}

/** One marked cell: 0-based position, what it had, what the mark put there. */
export interface SavedCell {
  r: number;
  c: number;
  bg: string;
  note: string;
  markBg: string;
  markNote: string;
}

/** "B12" → {r: 11, c: 1} */
export function cellIndex(a1: string): { r: number; c: number } | null {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) return null;
  return { r: Number(m[2]) - 1, c: columnIndex(m[1]!) };
}

function copyGrid(g: Grid): Grid {
  return { backgrounds: g.backgrounds.map((r) => r.slice()), notes: g.notes.map((r) => r.slice()) };
}

const SEPARATOR = '\n— — —\n';

function noteFor(findings: Finding[], original: string, lang: Lang): string {
  const lines = findings
    .slice()
    .sort((a, b) => RANK[a.severity] - RANK[b.severity])
    .map((f) => `• ${f.message[lang]} [${f.rule}]`);
  const head = lang === 'th' ? 'ตรวจข้อมูล DMC:' : 'DMC check:';
  return `${head}\n${lines.join('\n')}${original ? `${SEPARATOR}${original}` : ''}`;
}

/** Marks every finding that has a cell inside the grid; several findings on one cell share one note. */
export function applyMarks(grid: Grid, findings: readonly Finding[], lang: Lang): { grid: Grid; saved: SavedCell[] } {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.cell) continue;
    const list = byCell.get(f.cell);
    if (list) list.push(f);
    else byCell.set(f.cell, [f]);
  }
  const out = copyGrid(grid);
  const saved: SavedCell[] = [];
  for (const [cell, list] of byCell) {
    const at = cellIndex(cell);
    if (!at || at.r >= out.backgrounds.length || at.c >= (out.backgrounds[at.r]?.length ?? 0)) continue;
    const worst = list.reduce((w, f) => (RANK[f.severity] < RANK[w] ? f.severity : w), 'info' as Severity);
    const bg = out.backgrounds[at.r]![at.c]!;
    const note = out.notes[at.r]![at.c]!;
    const markBg = MARK_COLOURS[worst];
    const markNote = noteFor(list, note, lang);
    out.backgrounds[at.r]![at.c] = markBg;
    out.notes[at.r]![at.c] = markNote;
    saved.push({ r: at.r, c: at.c, bg, note, markBg, markNote });
  }
  return { grid: out, saved };
}

/**
 * Puts back what marks replaced. A background or note the user changed since the check (it no longer
 * equals the mark) is the user's and stays.
 */
export function restoreMarks(grid: Grid, saved: readonly SavedCell[]): { grid: Grid; restored: number; kept: number } {
  const out = copyGrid(grid);
  let restored = 0;
  let kept = 0;
  for (const s of saved) {
    const row = out.backgrounds[s.r];
    if (!row || s.c >= row.length) continue;
    let changed = false;
    if (row[s.c]!.toLowerCase() === s.markBg.toLowerCase()) row[s.c] = s.bg;
    else changed = true;
    if (out.notes[s.r]![s.c] === s.markNote) out.notes[s.r]![s.c] = s.note;
    else changed = true;
    if (changed) kept++;
    else restored++;
  }
  return { grid: out, restored, kept };
}

/** The rows × columns a grid must span to hold every saved cell. */
export function savedExtent(saved: readonly SavedCell[]): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const s of saved) {
    rows = Math.max(rows, s.r + 1);
    cols = Math.max(cols, s.c + 1);
  }
  return { rows, cols };
}

// ---------------------------------------------------------------- storage

/** Apps Script cells hold 50,000 characters; chunks stay well below. */
const CHUNK = 40_000;
const VERSION = 1;

export interface SavedMarks {
  sheetId: number;
  sheetName: string;
  cells: SavedCell[];
}

/** Saved marks as text chunks for one column of a hidden sheet. */
export function serialiseMarks(marks: SavedMarks): string[] {
  const json = JSON.stringify({ v: VERSION, ...marks });
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += CHUNK) chunks.push(json.slice(i, i + CHUNK));
  return chunks;
}

export function parseMarks(chunks: readonly string[]): SavedMarks | null {
  try {
    const o = JSON.parse(chunks.join('')) as { v: number } & SavedMarks;
    if (o.v !== VERSION || !Array.isArray(o.cells) || typeof o.sheetId !== 'number') return null;
    return { sheetId: o.sheetId, sheetName: String(o.sheetName), cells: o.cells };
  } catch {
    return null;
  }
}
