/**
 * One playground spreadsheet: the in-memory fakes, the real dist/Code.js over them under gas-local,
 * and what the page draws of them. It runs in the playground's worker thread (see worker.ts), so a
 * long check never stops the web server from answering.
 */
import { readFile } from 'node:fs/promises';
import gas from 'gas-local';
import PostalMime from 'postal-mime';
import { readWorkbookBytes, InputError, type MergedRange } from '../cli/read';
import { formatBE } from '../core/dates';
import { isDate } from '../core/dates';
import type { Msg } from '../core/types';
import { createServices, type Value } from '../fakes/index';

/** Where the add-on keeps its settings (src/server/settings-store.ts): carried from file to file. */
const SETTINGS_KEY = 'dmc.settings';
/** The example roster the playground opens with. */
export const EXAMPLE_FILE = 'examples/roster.xlsx';

export interface SheetView {
  name: string;
  hidden: boolean;
  values: string[][];
  backgrounds: string[][];
  notes: string[][];
  bold: boolean[][];
  /** Merged areas, 0-based: the page draws each once, spanning its rows and columns. */
  merges: MergedRange[];
}

export interface PageState {
  sheets: SheetView[];
  active: string;
  selected: { sheet: string; cell: string } | null;
  /** What is loaded: the example or the user's file name. */
  source: { example: boolean; name: string };
  /** The settings' language, so the page's own words follow the sidebar's switch. */
  lang: 'th' | 'en';
}

export interface DraftView {
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  attachments: Array<{ filename: string; mimeType: string; size: number; url: string }>;
}

/** A failure the page shows as it is: a message in both languages and an HTTP status. */
export class PlaygroundError extends Error {
  constructor(
    readonly msg: Msg,
    readonly status = 400,
  ) {
    super(msg.en);
  }
}

/** Dates as a Thai spreadsheet shows them: dd/mm/BBBB (Buddhist Era). */
function displayValue(v: Value): string {
  if (isDate(v)) {
    if (Number.isNaN(v.getTime())) return '';
    return formatBE({ y: v.getFullYear(), m: v.getMonth() + 1, d: v.getDate() });
  }
  return String(v);
}

function toValues(rows: readonly (readonly unknown[])[]): Value[][] {
  return rows.map((r) => Array.from(r, (v) => (v === null || v === undefined ? '' : (v as Value))));
}

export interface SessionPaths {
  dist: string;
  example: string;
  sidebarHtml: string;
}

type Sheets = Array<{ name: string; values: Value[][]; hidden?: boolean; merges?: MergedRange[] }>;

/** The playground's one spreadsheet, replaced whole when a file is opened. */
export class Session {
  private services!: ReturnType<typeof createServices>;
  private context!: Record<string, unknown>;
  private source = { example: true, name: 'roster.xlsx' };
  private allowed: Set<string>;

  private constructor(
    private readonly paths: SessionPaths,
    private readonly sidebar: string,
    code: string,
  ) {
    this.allowed = entryPoints(code);
  }

  static async create(paths: SessionPaths): Promise<Session> {
    const code = await readFile(`${paths.dist}/Code.js`, 'utf8');
    const session = new Session(paths, await readFile(paths.sidebarHtml, 'utf8'), code);
    await session.reset();
    return session;
  }

  /** Loads the sheets into a new spreadsheet, keeping the saved settings (they are the teacher's). */
  private open(sheets: Sheets, source: { example: boolean; name: string }): void {
    const previous = this.services?.documentProperties.getProperty(SETTINGS_KEY) ?? null;
    const services = createServices({ html: { Sidebar: this.sidebar } });
    sheets.forEach((s, i) => {
      const sheet =
        i === 0 ? services.spreadsheet.loadFirst(s.name, s.values) : services.spreadsheet.addSheet(s.name, s.values);
      if (s.hidden) sheet.hideSheet();
      if (s.merges) sheet.loadMerges(s.merges);
    });
    if (previous) services.documentProperties.setProperty(SETTINGS_KEY, keepSettings(previous, sheets));
    this.context = gas.require(this.paths.dist, { ...services.globals }, { filter: (p) => p.endsWith('/Code.js') });
    this.services = services;
    this.source = source;
  }

  async reset(): Promise<void> {
    const book = readWorkbookBytes(EXAMPLE_FILE, await readFile(this.paths.example));
    this.open(
      book.sheets.map((s) => ({
        name: s.name || 'นักเรียน',
        values: toValues(s.values),
        hidden: s.hidden,
        merges: s.merges,
      })),
      { example: true, name: book.source },
    );
  }

  /** Every sheet of the user's workbook (a CSV is one sheet named after the file). */
  load(name: string, bytes: Uint8Array): void {
    let book;
    try {
      book = readWorkbookBytes(name, bytes);
    } catch (e) {
      if (e instanceof InputError) throw new PlaygroundError({ th: `${name}: ${e.th}`, en: `${name}: ${e.en}` });
      throw e;
    }
    if (book.sheets.length === 0)
      throw new PlaygroundError({ th: `${name}: สมุดงานไม่มีแผ่นงาน`, en: `${name}: no sheets` });
    const base = name.replace(/\.[^.]+$/, '').slice(0, 90) || 'Sheet1';
    this.open(
      book.sheets.map((s, i) => ({
        name: s.name || (i === 0 ? base : `${base} (${i + 1})`),
        values: toValues(s.values),
        hidden: s.hidden,
        merges: s.merges,
      })),
      { example: false, name: book.source },
    );
  }

  /** An entry point of the bundle, called as google.script.run calls it; the result as JSON. */
  run(name: string, args: unknown[]): unknown {
    if (!this.allowed.has(name))
      throw new PlaygroundError({ th: `ไม่มีฟังก์ชัน ${name}`, en: `no entry point ${name}` }, 404);
    const result = (this.context[name] as (...a: unknown[]) => unknown)(...args);
    // Apps Script hands results to the page as JSON; so does the shim.
    return result === undefined ? null : JSON.parse(JSON.stringify(result));
  }

  /** What typing into a cell does: the value is parsed as Sheets would (numbers, "'" for text). */
  edit(sheetName: string, cell: string, value: string): void {
    const target = this.services.spreadsheet.allSheets().find((s) => s.name === sheetName);
    if (!target || !/^[A-Z]{1,3}[1-9]\d{0,6}$/.test(String(cell))) {
      throw new PlaygroundError({ th: `ไม่พบเซลล์ ${cell}`, en: `no cell ${cell}` });
    }
    try {
      target.getRange(cell).setValue(String(value ?? ''));
    } catch (e) {
      throw new PlaygroundError({
        th: `แก้เซลล์ ${cell} ไม่ได้: ${(e as Error).message}`,
        en: `cannot edit ${cell}: ${(e as Error).message}`,
      });
    }
  }

  /** A click on a sheet tab: that sheet becomes the active one, its selection left behind. */
  activate(sheetName: string): void {
    const ss = this.services.spreadsheet;
    const target = ss.allSheets().find((s) => s.name === sheetName);
    if (!target) return;
    ss.setActiveSheetQuiet(target);
    if (ss.activeRange && ss.activeRange.sheet !== target) ss.activeRange = null;
  }

  state(): PageState {
    const ss = this.services.spreadsheet;
    const sheets = ss.allSheets().map((s) => {
      const p = s.peek();
      // The add-on's hidden store is nobody's to read; the page never draws it.
      if (p.hidden) return { name: s.name, hidden: true, values: [], backgrounds: [], notes: [], bold: [], merges: [] };
      return {
        name: s.name,
        hidden: false,
        values: p.values.map((r) => r.map(displayValue)),
        backgrounds: p.backgrounds,
        notes: p.notes,
        bold: p.bold,
        merges: s.peekMerges(),
      };
    });
    const active = ss.allSheets()[ss.activeIndex()]!.name;
    const range = ss.activeRange;
    return {
      sheets,
      active,
      selected: range ? { sheet: range.sheet.name, cell: range.getA1Notation() } : null,
      source: this.source,
      lang: this.language(),
    };
  }

  private language(): 'th' | 'en' {
    try {
      const raw = this.services.documentProperties.getProperty(SETTINGS_KEY);
      return raw && (JSON.parse(raw) as { language?: string }).language === 'en' ? 'en' : 'th';
    } catch {
      return 'th';
    }
  }

  draftCount(): number {
    return this.services.gmail.drafts.length;
  }

  /** The fake Gmail's drafts, parsed as a mail client would show them. */
  async drafts(): Promise<DraftView[]> {
    return Promise.all(
      this.services.gmail.drafts.map(async (d, i) => {
        const mail = await PostalMime.parse(Buffer.from(d.message.raw, 'base64url'));
        return {
          id: d.id,
          from: mail.from ? `${mail.from.name} <${mail.from.address}>` : '',
          to: (mail.to ?? []).map((a) => a.address).join(', '),
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          attachments: mail.attachments.map((a, j) => ({
            filename: a.filename ?? `attachment-${j + 1}`,
            mimeType: a.mimeType,
            size: typeof a.content === 'string' ? a.content.length : a.content.byteLength,
            url: `/api/drafts/${i}/attachments/${j}`,
          })),
        };
      }),
    );
  }

  async attachment(draft: number, index: number): Promise<{ filename: string; mimeType: string; bytes: Uint8Array }> {
    const d = this.services.gmail.drafts[draft];
    if (!d) throw new PlaygroundError({ th: 'ไม่มีฉบับร่างนี้', en: 'no such draft' }, 404);
    const mail = await PostalMime.parse(Buffer.from(d.message.raw, 'base64url'));
    const a = mail.attachments[index];
    if (!a) throw new PlaygroundError({ th: 'ไม่มีไฟล์แนบนี้', en: 'no such attachment' }, 404);
    const bytes = typeof a.content === 'string' ? new TextEncoder().encode(a.content) : new Uint8Array(a.content);
    return { filename: a.filename ?? 'attachment', mimeType: a.mimeType, bytes };
  }
}

/** The bundle's entry points: the functions build.mjs declared after its marker. */
function entryPoints(code: string): Set<string> {
  const tail = code.slice(code.indexOf('// Entry points Apps Script can call'));
  return new Set([...tail.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]!));
}

/** The saved settings for the new file: a roster sheet it does not have is forgotten, the rest kept. */
function keepSettings(raw: string, sheets: Sheets): string {
  try {
    const s = JSON.parse(raw) as Record<string, unknown>;
    if (typeof s.rosterSheet === 'string' && s.rosterSheet && !sheets.some((x) => x.name === s.rosterSheet)) {
      s.rosterSheet = '';
      if (s.sheetScope === 'named') s.sheetScope = 'auto';
    }
    // Likewise a DMC sheet the new file lacks: found automatically again.
    if (typeof s.dmcSheet === 'string' && s.dmcSheet && !sheets.some((x) => x.name === s.dmcSheet)) s.dmcSheet = '';
    return JSON.stringify(s);
  } catch {
    return raw;
  }
}
